"""setup.cfg (setuptools' declarative configuration): ``[options]`` and its extras.

Read as setuptools reads it (``configparser`` rules, keys case-sensitive, ``-`` and ``_``
alike in option names): ``[options] install_requires`` (one requirement per line of a
dangling list; a single-line value is split at ``;`` as setuptools splits it, so a marker
belongs on a line of a dangling list), ``python_requires`` (a `FactKind.PYTHON` fact whose
value is a PEP 440 specifier and whose detail is the line as written), and each key of
``[options.extras_require]`` (an extra: environment ``setup.cfg#<extra>``, group OPTIONAL).
Full-line ``#``/``;`` comments and `` #`` inline comments are dropped (setuptools drops
them when it reads requirements). ``file: requirements.txt`` values are listed in
metadata as ``requirements-file`` (``<environment>\\n<path>``) and in `include_paths`, like
setup.py's (`rules.manifests.setuppy`); the snapshot links the file into the environment.
Metadata also carries ``name`` ([metadata]). Not read: ``setup_requires``,
``tests_require``, ``%`` interpolation, ``attr:`` values.

Bad input (a line outside any section, a line that is neither a key nor a continuation, a
requirement that is not PEP 508) gives located parse errors; the parser never raises.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from rules.manifests._ini import IniEntry, IniParts, read_ini
from rules.manifests.model import (
    Fact,
    FactKind,
    FileKind,
    Group,
    ManifestFile,
    Span,
)
from rules.manifests.requirements import parse_pep508
from rules.manifests.text import split_lines

#: `ManifestFile.metadata` key: an environment and a requirements file it installs.
REQUIREMENTS_FILE = "requirements-file"
#: `ManifestFile.metadata` key (setup.py): a requirements file whose lines the setup.py hands
#: to setuptools as they are (no line filtered or rewritten), as a `file:` directive does.
RAW_LINES_FILE = "raw-lines-file"

_INLINE_COMMENT = re.compile(r"\s+#")
#: A value line that is one configparser reference: ``%(test)s``.
_REFERENCE = re.compile(r"%\(([^)]+)\)s")
#: How many references deep one list is followed.
_MAX_DEPTH = 8
#: How many referenced lines one file may expand in all: lists that name each other ten times
#: over, eight deep, would otherwise expand 10^8 lines (a located error, past it).
MAX_EXPANDED = 20_000


def _option(key: str) -> str:
    return key.replace("-", "_")


@dataclass
class _Builder(IniParts):
    #: Referenced lines expanded so far (`MAX_EXPANDED`).
    expanded: int = 0

    def environment(self, extra: str | None) -> str:
        return self.path if extra is None else f"{self.path}#{extra}"

    def requirement_list(
        self,
        entry: IniEntry,
        extra: str | None,
        section: dict[str, IniEntry] | None = None,
        seen: frozenset[str] = frozenset(),
    ) -> None:
        """The requirements of one option; a line ``%(test)s`` is the list of option ``test``
        of the same `section` (configparser's interpolation, which setuptools reads setup.cfg
        with: hbclab/NiBetaSeries's ``tests = %(test)s``; OpenMined/PySyft's ``[options]
        install_requires = %(syft)s``), where that list is written."""
        pieces = entry.pieces
        if not entry.dangling:  # one line: `file:` or a list split at `;`
            text, line, column = pieces[0]
            if text.startswith("file:"):
                self.requirements_file(text, line, column, extra)
                return
            pieces = _split_semicolons(text, line, column)
        for text, line, column in pieces:
            body = _INLINE_COMMENT.split(text, maxsplit=1)[0].strip()
            reference = _REFERENCE.fullmatch(body)
            named = section.get(reference[1]) if reference and section is not None else None
            path = seen | {entry.key}
            if named is not None and named.key not in path and len(path) <= _MAX_DEPTH:
                self.expanded += len(named.pieces)
                if self.expanded > MAX_EXPANDED:
                    if self.expanded - len(named.pieces) <= MAX_EXPANDED:  # said once
                        self.error(
                            line, column, f"more than {MAX_EXPANDED} %(name)s lines; not followed"
                        )
                    continue
                self.requirement_list(named, extra, section, path)
            elif body and not body.startswith("#"):
                self.requirement(body, line, column, extra)

    def requirement(self, text: str, line: int, column: int, extra: str | None) -> None:
        parsed = parse_pep508(text)
        if isinstance(parsed, tuple):
            message, offset = parsed
            self.error(line, column + offset, message)
            return
        self.requirements.append(
            parsed.requirement(
                text,
                Span(self.path, line, column),
                group=Group.RUNTIME if extra is None else Group.OPTIONAL,
                group_name=extra,
                environment=self.environment(extra),
            )
        )

    def requirements_file(self, text: str, line: int, column: int, extra: str | None) -> None:
        """``file: requirements.txt`` (setuptools >= 62.6): the file's lines, linked later."""
        names = text[len("file:") :].split(",")
        folder = posixpath.dirname(self.path)
        for name in names:
            name = name.strip()
            if not name or name.startswith(("/", "..")):
                continue
            target = posixpath.normpath(posixpath.join(folder, name))
            self.includes.append(Span(self.path, line, column))
            self.include_paths.append(target)
            self.metadata.append((REQUIREMENTS_FILE, f"{self.environment(extra)}\n{target}"))

    def python(self, entry: IniEntry) -> None:
        if not entry.pieces:
            return
        _, line, column = entry.pieces[0]
        raw = " ".join(p[0] for p in entry.pieces)
        value = _INLINE_COMMENT.split(raw, maxsplit=1)[0].strip()
        try:
            normalized = str(SpecifierSet(value))
        except InvalidSpecifier:
            self.error(line, column, f"python_requires is not a PEP 440 specifier: {value!r}")
            normalized = value
        detail = f"{entry.key} = {value}"
        location = Span(self.path, entry.line, entry.column)
        self.facts.append(Fact(FactKind.PYTHON, normalized, location, detail, self.path))


def _split_semicolons(text: str, line: int, column: int) -> list[tuple[str, int, int]]:
    """A single-line list split at ``;`` (setuptools' `_parse_list_semicolon`)."""
    out: list[tuple[str, int, int]] = []
    offset = 0
    for piece in text.split(";"):
        lead = len(piece) - len(piece.lstrip())
        out.append((piece.strip(), line, column + offset + lead))
        offset += len(piece) + 1
    return out


class SetupCfgParser:
    """``setup.cfg``: install_requires, extras_require and python_requires of ``[options]``."""

    kind = FileKind.SETUP_CFG

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse a setup.cfg; never raises."""
        b = _Builder(path=path, lines=split_lines(text))
        entries = read_ini(b.lines, "setup.cfg", b.error)
        extras = {e.key: e for e in entries if e.section == "options.extras_require"}
        options = {e.key: e for e in entries if e.section == "options"}
        for entry in entries:
            key = _option(entry.key)
            if entry.section == "metadata" and key == "name" and entry.pieces:
                b.metadata.append(("name", entry.pieces[0][0].strip()))
            elif entry.section == "options" and key == "install_requires" and entry.pieces:
                b.requirement_list(entry, None, options)
            elif entry.section == "options" and key == "python_requires":
                b.python(entry)
            elif entry.section == "options.extras_require" and entry.pieces:
                b.requirement_list(entry, entry.key, extras)
        return b.manifest_file(path, self.kind)
