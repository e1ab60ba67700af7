"""Property tests: lock, Dockerfile, Python version and Dependabot readers never raise, and
every location they report lies inside the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.manifests.dependabot import parse_branch_name, parse_commit_message
from rules.manifests.dockerfile import DockerfileParser, decode_image
from rules.manifests.interface import Parser
from rules.manifests.locks import (
    CondaExplicitParser,
    CondaLockParser,
    PoetryLockParser,
    PylockParser,
    UvLockParser,
)
from rules.manifests.model import ManifestFile, Span
from rules.manifests.nbdev import NbdevSettingsParser
from rules.manifests.pythonversion import PythonVersionParser, RuntimeTxtParser

DATA = Path(__file__).parent / "data"
DEPENDABOT = Path(__file__).parents[2] / "fixtures" / "dependabot"

PARSERS: list[tuple[Parser, str]] = [
    (PoetryLockParser(), (DATA / "poetry.lock").read_text(encoding="utf-8")),
    (UvLockParser(), (DATA / "uv.lock").read_text(encoding="utf-8")),
    (PylockParser(), (DATA / "pylock.toml").read_text(encoding="utf-8")),
    (CondaLockParser(), (DATA / "conda-lock.yml").read_text(encoding="utf-8")),
    (CondaExplicitParser(), (DATA / "explicit-linux-64.txt").read_text(encoding="utf-8")),
    (DockerfileParser(), (DATA / "Dockerfile.multistage").read_text(encoding="utf-8")),
    (PythonVersionParser(), "# pinned\npypy3.10 3.11.7\n"),
    (RuntimeTxtParser(), "python-3.11.7\n"),
    (
        NbdevSettingsParser(),
        "[DEFAULT]\nlib_name = x\nmin_python = 3.9\nrequirements = numpy>=1.2 torch==2.1.0\n",
    ),
]
IDS = [type(parser).__name__ for parser, _ in PARSERS]
MESSAGES = [p.read_text(encoding="utf-8") for p in sorted(DEPENDABOT.glob("*.txt"))]

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Characters that matter to these formats, mixed into random text.
SYNTAX = st.sampled_from(
    [
        *"[]{}=\"'\\\n\t #:-,.@$`|&;<>*",
        "[[package]]",
        "FROM ",
        "RUN pip install ",
        "<<EOF",
        "RUN uv sync",
        "RUN poetry install",
        "COPY --from=b /a /a",
        "RUN apt-get install -y python3.11",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=8), SYNTAX), max_size=40).map("".join)


def _spans(manifest: ManifestFile) -> list[Span]:
    spans = [r.location for r in manifest.requirements]
    spans += [i.location for i in manifest.indexes]
    spans += [f.location for f in manifest.facts]
    spans += [p.location for p in manifest.pins]
    spans += list(manifest.includes)
    return spans


def _check(parser: Parser, text: str) -> None:
    manifest = parser.parse("some/file", text)
    assert manifest.kind == parser.kind
    lines = text.split("\n")
    for error in manifest.errors:
        assert error.category == "parse-error"
        assert error.file == "some/file"
        assert error.line is not None and 1 <= error.line <= len(lines), error
        assert error.column is not None and error.column >= 1, error
    for span in _spans(manifest):
        assert span.file == "some/file"
        assert 1 <= span.line <= len(lines), span
        assert 1 <= span.column <= len(lines[span.line - 1]) + 1, span


def _mutate(data: st.DataObject, text: str) -> str:
    """Apply a few random edits: delete or duplicate a slice, insert syntax, swap lines."""
    for _ in range(data.draw(st.integers(1, 4))):
        op = data.draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "truncate"]))
        size = len(text)
        start = data.draw(st.integers(0, size))
        end = data.draw(st.integers(start, min(size, start + 40)))
        if op == "delete":
            text = text[:start] + text[end:]
        elif op == "insert":
            text = text[:start] + data.draw(TEXT) + text[start:]
        elif op == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        elif op == "truncate":
            text = text[:start]
        else:
            lines = text.split("\n")
            i = data.draw(st.integers(0, len(lines) - 1))
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


@pytest.mark.parametrize(("parser", "valid"), PARSERS, ids=IDS)
@SETTINGS
@given(text=TEXT)
def test_arbitrary_text(parser: Parser, valid: str, text: str) -> None:
    del valid
    _check(parser, text)


@pytest.mark.parametrize(("parser", "valid"), PARSERS, ids=IDS)
@SETTINGS
@given(data=st.data())
def test_mutated_valid_input(parser: Parser, valid: str, data: st.DataObject) -> None:
    _check(parser, _mutate(data, valid))


@pytest.mark.parametrize(("parser", "valid"), PARSERS, ids=IDS)
def test_valid_input_has_no_errors(parser: Parser, valid: str) -> None:
    manifest = parser.parse("some/file", valid)
    assert manifest.errors == ()
    assert _spans(manifest)


@SETTINGS
@given(data=st.data())
def test_dependabot_messages_never_raise(data: st.DataObject) -> None:
    text = _mutate(data, data.draw(st.sampled_from(MESSAGES)))
    update = parse_commit_message(text)
    if update is not None:
        for dependency in update.dependencies:
            assert isinstance(dependency.name, str)
            for version in (dependency.from_version, dependency.to_version):
                assert version is None or isinstance(version, str)


@SETTINGS
@given(text=TEXT, branch=st.text(max_size=60))
def test_dependabot_arbitrary_text(text: str, branch: str) -> None:
    parse_commit_message(text)
    parse_branch_name(branch)
    parse_branch_name("dependabot/pip/" + branch)


@SETTINGS
@given(ref=st.text(max_size=60))
def test_decode_image_never_raises(ref: str) -> None:
    for candidate in (ref, "nvidia/cuda:" + ref, "nvcr.io/nvidia/pytorch:" + ref, "python:" + ref):
        decode_image(candidate)
