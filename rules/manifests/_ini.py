"""configparser's reading of an INI file (setup.cfg, tox.ini) with the place of every value.

Sections, ``key = value`` / ``key: value`` options and their indented continuation lines, as
`configparser` reads them (full-line ``#``/``;`` comments and blank lines skipped; a blank line
ends no value). Each value piece keeps its line and column, so a reader can point at it.
Lines that are neither give located errors through the caller's `Report`; never raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rules.manifests.errors import parse_error
from rules.manifests.model import ManifestParts

#: Most lines of one INI file read; the rest is reported once and skipped.
MAX_LINES = 50_000

_SECTION = re.compile(r"^\[(?P<name>[^\]]*)\]\s*(?:[#;].*)?$")
_KEY = re.compile(r"^(?P<key>[^=:\s][^=:]*?)\s*(?P<sep>[=:])[ \t]*")

#: How a reader is told of a bad line: (line, column, what was expected).
Report = Callable[[int, int, str], None]


@dataclass
class IniEntry:
    """One option: its section, key and value pieces (text, line, column) as written."""

    section: str
    key: str
    line: int
    column: int
    pieces: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def dangling(self) -> bool:
        """Whether the value starts on a line of its own (a list, one item a line)."""
        return len(self.pieces) > 1 or (bool(self.pieces) and self.pieces[0][1] != self.line)


def read_ini(lines: Sequence[str], name: str, error: Report) -> list[IniEntry]:
    """The options of an INI file's `lines`, in order (`name` names it in the error of a
    file over `MAX_LINES`)."""
    entries: list[IniEntry] = []
    section: str | None = None
    current: IniEntry | None = None
    for number, raw in enumerate(lines[:MAX_LINES], start=1):
        text = raw.rstrip("\r\n")
        stripped = text.strip()
        indent = len(text) - len(text.lstrip())
        if not stripped or stripped.startswith(("#", ";")):
            continue  # configparser: comments and blank lines (a blank line ends no value)
        if indent and current is not None:
            current.pieces.append((stripped, number, indent + 1))
            continue
        header = _SECTION.match(stripped)
        if header is not None and not indent:
            section, current = header["name"].strip(), None
            continue
        match = _KEY.match(text[indent:])
        if match is None:
            error(number, indent + 1, "expected `[section]`, `key = value` or a comment")
            current = None
            continue
        if section is None:
            error(number, indent + 1, "expected a `[section]` header before this key")
            current = None
            continue
        current = IniEntry(section, match["key"].strip(), number, indent + 1)
        value = text[indent + match.end() :]
        if value.strip():
            current.pieces.append((value.rstrip(), number, indent + match.end() + 1))
        entries.append(current)
    if len(lines) > MAX_LINES:
        error(MAX_LINES + 1, 1, f"{name} longer than {MAX_LINES} lines: rest not read")
    return entries


@dataclass
class IniParts(ManifestParts):
    """What a reader of one INI file builds, with its lines and located errors."""

    path: str = ""
    lines: list[str] = field(default_factory=list)

    def error(self, line: int, column: int, message: str) -> None:
        """A parse error at `line`, `column` (1-based), the line's text shown."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else None
        self.errors.append(parse_error(self.path, line, column, message, text))
