"""`.python-version` and `runtime.txt`."""

from __future__ import annotations

import pytest

from rules.manifests.model import FactKind, FileKind
from rules.manifests.pythonversion import PythonVersionParser, RuntimeTxtParser, python_version_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.11.7\n", [("3.11.7", "3.11.7", 1, 1)]),
        ("3.12", [("3.12", "3.12", 1, 1)]),
        ("pypy3.10\n", [("3.10", "pypy3.10", 1, 1)]),
        ("pypy3.10-7.3.15\n", [("3.10", "pypy3.10-7.3.15", 1, 1)]),
        ("cpython@3.12\n", [("3.12", "cpython@3.12", 1, 1)]),
        ("3.13t\n", [("3.13", "3.13t", 1, 1)]),
        ("3.13.0rc1\n", [("3.13.0rc1", "3.13.0rc1", 1, 1)]),
        ("# pinned for CUDA 11.8 wheels\n3.10.13\n", [("3.10.13", "3.10.13", 2, 1)]),
        ("3.11.7 3.10.13\n", [("3.11.7", "3.11.7", 1, 1), ("3.10.13", "3.10.13", 1, 8)]),
        ("3.12.1\n3.11.7\n", [("3.12.1", "3.12.1", 1, 1), ("3.11.7", "3.11.7", 2, 1)]),
        ("system\n", []),
        ("  3.9\n", [("3.9", "3.9", 1, 3)]),
        (">=3.11\n", []),
    ],
)
def test_python_version(text: str, expected: list[tuple[str, str, int, int]]) -> None:
    manifest = PythonVersionParser().parse(".python-version", text)
    assert manifest.kind is FileKind.PYTHON_VERSION
    assert manifest.errors == ()
    assert [
        (f.value, f.detail, f.location.line, f.location.column) for f in manifest.facts
    ] == expected
    assert all(f.kind is FactKind.PYTHON for f in manifest.facts)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("", 1, 1),
        ("# nothing\n\n", 1, 1),
        ("3.11.x\n", 1, 1),
        ("3.11 \x00\x01\n", 1, 6),
    ],
)
def test_python_version_errors(text: str, line: int, column: int) -> None:
    manifest = PythonVersionParser().parse(".python-version", text)
    assert [(e.line, e.column, e.category) for e in manifest.errors] == [
        (line, column, "parse-error")
    ]


@pytest.mark.parametrize(
    ("token", "expected"),
    [("3.11", "3.11"), ("pypy3.9", "3.9"), ("graalpy-3.11", "3.11"), ("miniconda3-latest", None)],
)
def test_python_version_of(token: str, expected: str | None) -> None:
    assert python_version_of(token) == expected


@pytest.mark.parametrize(
    ("text", "value", "line"),
    [
        ("python-3.11.7\n", "3.11.7", 1),
        ("python-3.12", "3.12", 1),
        ("\n  python-3.10.13  \n", "3.10.13", 2),
    ],
)
def test_runtime_txt(text: str, value: str, line: int) -> None:
    manifest = RuntimeTxtParser().parse("runtime.txt", text)
    assert manifest.kind is FileKind.RUNTIME_TXT
    assert manifest.errors == ()
    [fact] = manifest.facts
    assert (fact.kind, fact.value, fact.location.line) == (FactKind.PYTHON, value, line)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("", 1, 1), ("3.11.7\n", 1, 1), ("  python3.11\n", 1, 3), ("python-3.x\n", 1, 1)],
)
def test_runtime_txt_errors(text: str, line: int, column: int) -> None:
    manifest = RuntimeTxtParser().parse("runtime.txt", text)
    assert manifest.facts == ()
    assert [(e.line, e.column) for e in manifest.errors] == [(line, column)]
    assert "python-X.Y.Z" in manifest.errors[0].message
