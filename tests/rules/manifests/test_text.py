"""Tests for rules.manifests.text: BOM, line ends, binary, bad UTF-8 and size limits."""

from __future__ import annotations

import time

import pytest

from rules.findings import Severity
from rules.manifests import text as text_module
from rules.manifests.text import MAX_LINE_LENGTH, MAX_LINES, decode, split_lines


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"numpy==1.26\n", "numpy==1.26\n"),
        ("numpy==1.26\n", "numpy==1.26\n"),
        (b"\xef\xbb\xbfnumpy\n", "numpy\n"),
        ("\ufeffnumpy\n", "numpy\n"),
        (b"a\r\nb\r\n", "a\nb\n"),
        (b"a\rb\r", "a\nb\n"),
        (b"a\r\nb\rc\n", "a\nb\nc\n"),
        ("é==1\n".encode(), "é==1\n"),
        (b"", ""),
    ],
)
def test_decode_clean_input(data: bytes | str, expected: str) -> None:
    text, findings = decode("requirements.txt", data)
    assert text == expected
    assert findings == []


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"\x00\x01\x02", 1, 1),
        (b"numpy\ntor\x00ch\n", 2, 4),
        ("numpy\n\x00", 2, 1),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 3, 1),
        (b"numpy\rtorch\r\nscipy\x00", 3, 6),
    ],
)
def test_binary_files_are_skipped_with_a_located_error(
    data: bytes | str, line: int, column: int
) -> None:
    text, findings = decode("requirements.txt", data)
    assert text is None
    assert len(findings) == 1
    finding = findings[0]
    assert finding.category == "parse-error"
    assert finding.severity == Severity.ERROR
    assert (finding.line, finding.column) == (line, column)
    assert "binary" in finding.message


def test_invalid_utf8_is_replaced_and_reported_at_the_first_bad_byte() -> None:
    text, findings = decode("requirements.txt", b"numpy\ntorch\xff==2.1\nscipy\xfe\n")
    assert text == "numpy\ntorch\ufffd==2.1\nscipy\ufffd\n"
    assert [(f.line, f.column, f.severity) for f in findings] == [(2, 6, Severity.WARNING)]


def test_invalid_utf8_line_counts_cr_only_line_ends() -> None:
    text, findings = decode("requirements.txt", b"a\rb\rc\xff\r")
    assert text == "a\nb\nc\ufffd\n"
    assert [(f.line, f.column) for f in findings] == [(3, 2)]


@pytest.mark.parametrize(
    ("path", "reported"),
    [
        # pip (pypa/pip#3485) and uv (astral-sh/uv#2283) decode a requirement file by its BOM
        # (karolynw/gpt-4-snake-ai's PowerShell `pip freeze > requirements.txt`)
        ("requirements.txt", False),
        ("requirements/dev.in", False),
        # TOML, YAML and Dockerfile readers do not
        ("pyproject.toml", True),
        ("environment.yml", True),
        ("Dockerfile", True),
    ],
)
def test_utf16_with_bom_is_decoded_and_reported_where_readers_refuse_it(
    path: str, reported: bool
) -> None:
    data = "numpy==1.26\r\ntorch\r\n".encode("utf-16")
    text, findings = decode(path, data)
    assert text == "numpy==1.26\ntorch\n"
    assert [(f.severity, "UTF-16" in f.message) for f in findings] == (
        [(Severity.WARNING, True)] if reported else []
    )


@pytest.mark.parametrize("kind", [bytes, str])
def test_files_over_max_bytes_are_skipped(kind: type, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_module, "MAX_BYTES", 100)
    data = "a\n" * 51
    text, findings = decode("big.txt", data.encode() if kind is bytes else data)
    assert text is None
    assert "larger than 100 bytes" in findings[0].message


def test_lines_over_the_limit_are_cut_and_reported() -> None:
    data = "pkg\n" * (MAX_LINES + 5000)
    started = time.perf_counter()
    text, findings = decode("big.txt", data)
    assert time.perf_counter() - started < 2
    assert text is not None
    assert len(split_lines(text)) == MAX_LINES
    assert [(f.line, f.severity) for f in findings] == [(MAX_LINES, Severity.WARNING)]


def test_exactly_max_lines_is_not_reported() -> None:
    text, findings = decode("ok.txt", "pkg\n" * MAX_LINES)
    assert findings == []
    assert text is not None and len(split_lines(text)) == MAX_LINES


def test_long_lines_are_cut_and_reported_once() -> None:
    long = "x" * (MAX_LINE_LENGTH + 10)
    text, findings = decode("long.txt", f"numpy\n{long}\n{long}\n")
    assert text is not None
    assert split_lines(text)[1] == "x" * MAX_LINE_LENGTH
    assert [(f.line, f.column) for f in findings] == [(2, MAX_LINE_LENGTH + 1)]


@pytest.mark.parametrize(
    ("text", "lines"),
    [("", []), ("a", ["a"]), ("a\n", ["a"]), ("a\n\nb", ["a", "", "b"]), ("\n", [""])],
)
def test_split_lines(text: str, lines: list[str]) -> None:
    assert split_lines(text) == lines
