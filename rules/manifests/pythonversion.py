"""`.python-version` (pyenv, uv) and `runtime.txt` (Heroku-style): the Python a project runs."""

from __future__ import annotations

import re

from rules.findings import Finding
from rules.manifests.errors import parse_error
from rules.manifests.model import Fact, FactKind, FileKind, ManifestFile, Span

#: `3.11.7`, `3.12`, `3.13t`, `3.13.0rc1`, optionally prefixed by an implementation
#: (`pypy3.10`, `pypy3.10-7.3.15`, `cpython-3.12.1`, `cpython@3.12`, `pypy@3.10`).
_REQUEST = re.compile(
    r"^(?:(?P<impl>cpython|pypy|graalpy|python)[-@]?)?"
    r"(?P<version>\d+(?:\.\d+){0,2}(?:(?:a|b|rc)\d+)?)t?"
    r"(?:[-+][A-Za-z0-9.\-_+]*)?$",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9._\-]*$")
#: uv also takes specifier requests (`>=3.11`); they name no single version and give no fact.
_SPECIFIER_START = ("<", ">", "=", "!", "~")
_RUNTIME = re.compile(r"^python-(?P<version>\d+\.\d+(?:\.\d+)?)$")


def python_version_of(token: str) -> str | None:
    """The Python language version in a version request (`pypy3.10` gives `3.10`), or None."""
    match = _REQUEST.match(token)
    return match["version"] if match else None


class PythonVersionParser:
    """`.python-version`: one or more version requests, one per line or space-separated."""

    kind = FileKind.PYTHON_VERSION

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse `.python-version`; never raises. Names without a version (`system`): no fact."""
        facts: list[Fact] = []
        errors: list[Finding] = []
        seen_content = False
        for number, raw in enumerate(text.split("\n"), start=1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            seen_content = True
            for match in re.finditer(r"\S+", raw):
                token = match.group(0)
                version = python_version_of(token)
                span = Span(path, number, match.start() + 1)
                if version is not None:
                    facts.append(Fact(FactKind.PYTHON, version, span, detail=token))
                elif not _NAME.match(token) and not token.startswith(_SPECIFIER_START):
                    errors.append(
                        parse_error(
                            path,
                            number,
                            match.start() + 1,
                            "expected a Python version such as 3.11.7",
                            raw,
                        )
                    )
        if not seen_content:
            errors.append(
                parse_error(
                    path, 1, 1, "expected a Python version such as 3.11.7", text.split("\n", 1)[0]
                )
            )
        return ManifestFile(path=path, kind=self.kind, facts=tuple(facts), errors=tuple(errors))


class RuntimeTxtParser:
    """`runtime.txt`: `python-3.11.7`."""

    kind = FileKind.RUNTIME_TXT

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse `runtime.txt`; never raises."""
        lines = text.split("\n")
        for number, raw in enumerate(lines, start=1):
            stripped = raw.strip()
            if not stripped or stripped.startswith("#"):
                continue
            column = len(raw) - len(raw.lstrip()) + 1
            match = _RUNTIME.match(stripped)
            if match is None:
                error = parse_error(path, number, column, "expected `python-X.Y.Z`", raw)
                return ManifestFile(path=path, kind=self.kind, errors=(error,))
            fact = Fact(FactKind.PYTHON, match["version"], Span(path, number, column), stripped)
            return ManifestFile(path=path, kind=self.kind, facts=(fact,))
        error = parse_error(path, 1, 1, "expected `python-X.Y.Z`", lines[0])
        return ManifestFile(path=path, kind=self.kind, errors=(error,))
