"""Find where a TOML key or string value sits in the text (tomllib reports no positions).

The search is textual and careful rather than a second TOML parser: tables are found by
their ``[header]`` lines, keys by ``key =`` at a line start (or after ``{``/``,`` in inline
tables), string values by their quoted literal after the key. Repeated values map to
successive occurrences. When nothing matches, the nearest enclosing place is returned, so
a location is always inside the file.

For lock files: `load_toml` parses without raising (a located ``parse-error`` instead), and
`ArrayTableLocator` finds the line of each ``[[package]]`` entry and its ``name =`` line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from rules.findings import Finding
from rules.manifests.errors import parse_error
from rules.manifests.text import split_lines

_HEADER = re.compile(r"^\s*\[\[?\s*(?P<key>[^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY_PART = re.compile(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')
_SIMPLE_KEY = re.compile(r"""^\s*("([^"\\]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")
_TOML_ERROR_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_NAME_LINE = re.compile(
    r"""^(?P<indent>[ \t]*)name[ \t]*=[ \t]*(?P<q>["'])(?P<value>[^"'\n]*)(?P=q)"""
)


def header_path(header: str) -> tuple[str, ...]:
    """The dotted key of a table header, with quotes removed."""
    parts: list[str] = []
    for match in _KEY_PART.finditer(header):
        parts.append(next(group for group in match.groups() if group is not None))
    return tuple(parts)


def toml_error_position(error: tomllib.TOMLDecodeError, line_count: int) -> tuple[int, int]:
    """1-based (line, column) of a tomllib error, clamped to the file."""
    match = _TOML_ERROR_POSITION.search(str(error))
    if match is None:
        return max(1, line_count), 1
    return max(1, min(int(match.group(1)), max(1, line_count))), max(1, int(match.group(2)))


@dataclass
class TomlLocator:
    """Positions of keys and string values of one TOML text."""

    lines: list[str]
    _sections: list[tuple[tuple[str, ...], int, int]] = field(default_factory=list)
    _cursor: dict[tuple[int, str], tuple[int, int]] = field(default_factory=dict)
    _used: set[tuple[int, int]] = field(default_factory=set)
    #: (section start line, key) -> places of ``key =`` at a line start in that section
    _keys: dict[tuple[int, str], list[tuple[int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        starts: list[tuple[tuple[str, ...], int]] = [((), 0)]
        for index, line in enumerate(self.lines):
            if "[" not in line:
                continue
            match = _HEADER.match(line)
            if match:
                starts.append((header_path(match.group("key")), index))
        for i, (path, start) in enumerate(starts):
            end = starts[i + 1][1] if i + 1 < len(starts) else len(self.lines)
            self._sections.append((path, start, end))
            for index in range(start, end):
                simple = _SIMPLE_KEY.match(self.lines[index])
                if simple:
                    key = next(g for g in simple.group(2, 3, 4) if g is not None)
                    place = (index, simple.start(1))
                    self._keys.setdefault((start, key), []).append(place)

    def _candidates(self, table: tuple[str, ...]) -> list[tuple[tuple[str, ...], int, int]]:
        """Sections that may hold keys of `table`: the table itself, then its ancestors."""
        found = [s for s in self._sections if table[: len(s[0])] == s[0]]
        found.sort(key=lambda s: -len(s[0]))
        return found

    def table(self, table: tuple[str, ...]) -> tuple[int, int]:
        """(line, column) of a table's header, or of the nearest ancestor's."""
        for path, start, _ in self._candidates(table):
            if path:
                return start + 1, 1
        return 1, 1

    def key(self, table: tuple[str, ...], key: str) -> tuple[int, int]:
        """(line, column) of `key` inside `table` (or of a ``[table.key]`` header)."""
        for path, start, _ in self._sections:
            if path == (*table, key):
                return start + 1, 1
        found = self._find_key(table, key)
        if found is not None:
            return found[0] + 1, found[1] + 1
        return self.table(table)

    def _find_key(self, table: tuple[str, ...], key: str) -> tuple[int, int, int] | None:
        """0-based (line, column) of `key` and the end line of its section."""
        return next(self._find_keys(table, key), None)

    def _find_keys(self, table: tuple[str, ...], key: str) -> Iterator[tuple[int, int, int]]:
        """Every place `key` of `table` may be written (arrays of tables repeat it)."""
        escaped = re.escape(key)
        candidates = self._candidates(table)
        for strict in (True, False):
            for path, start, end in candidates:
                # keys of `table` written from an ancestor as dotted keys: a.b.key = ...
                lead = ""
                if strict and table[len(path) :]:
                    lead = r"\s*\.\s*".join(
                        rf"(?:\"{re.escape(p)}\"|'{re.escape(p)}'|{re.escape(p)})"
                        for p in table[len(path) :]
                    )
                    lead += r"\s*\.\s*"
                elif not strict and not table[len(path) :]:
                    continue
                elif strict and (start, key) in self._keys:
                    for index, column in self._keys[(start, key)]:
                        yield index, column, end
                    continue
                pattern = re.compile(
                    rf"(?:^\s*|[{{,]\s*){lead}(?P<k>\"{escaped}\"|'{escaped}'|{escaped})\s*[=.]"
                )
                for index in range(start, end):
                    line = self.lines[index]
                    if key not in line:
                        continue
                    match = pattern.search(line)
                    if match:
                        yield index, match.start("k"), end

    def value(self, table: tuple[str, ...], key: str, value: str) -> tuple[int, int]:
        """(line, column) of the string `value` given under `key` of `table`."""
        literals = (f'"{value}"', f"'{value}'")
        first: tuple[int, int] | None = None
        for key_line, key_col, end in islice(self._find_keys(table, key), 1000):
            first = first or (key_line, key_col)
            anchor = (key_line, key)
            start_line, start_col = self._cursor.get(anchor, (key_line, key_col))
            hit = self._scan(start_line, start_col, end, literals)
            if hit is None and (start_line, start_col) != (key_line, key_col):
                hit = self._scan(key_line, key_col, end, literals)
            if hit is not None:
                self._used.add(hit)
                self._cursor[anchor] = (hit[0], hit[1] + 1)
                return hit[0] + 1, hit[1] + 1
        if first is not None:
            return first[0] + 1, first[1] + 1
        return self.table(table)

    def _scan(
        self, line: int, column: int, end: int, literals: tuple[str, ...]
    ) -> tuple[int, int] | None:
        """First unused occurrence of a literal from (line, column) up to line `end`."""
        for index in range(line, min(len(self.lines), end)):
            text = self.lines[index]
            begin = column if index == line else 0
            best: tuple[int, int] | None = None
            for literal in literals:
                position = text.find(literal, begin)
                while position >= 0 and (index, position) in self._used:
                    position = text.find(literal, position + 1)
                if position >= 0 and (best is None or position < best[1]):
                    best = (index, position)
            if best is not None:
                return best
        return None


def line_text(lines: list[str], line: int) -> str:
    """The text of 1-based `line`, or "" when out of range."""
    return lines[line - 1] if 1 <= line <= len(lines) else ""


def load_toml(path: str, text: str) -> tuple[dict[str, Any] | None, Finding | None]:
    """Parse TOML; on error a located `parse-error` instead of an exception."""
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        lines = split_lines(text)  # as the file shows (no line after a final newline)
        line, column = toml_error_position(exc, len(lines))
        message = _TOML_ERROR_POSITION.sub("", str(exc)).strip()
        return None, parse_error(
            path, line, column, f"invalid TOML: {message}", line_text(lines, line)
        )
    except (RecursionError, ValueError, MemoryError) as exc:  # pathological nesting
        return None, parse_error(path, 1, 1, f"invalid TOML: {type(exc).__name__}")


def _header_key(stripped: str) -> str | None:
    """The key of an array-of-tables header line (`[[ package ]]` gives `package`)."""
    if not stripped.startswith("[["):
        return None
    end = stripped.find("]]")
    if end < 0:
        return None
    parts = [p.strip().strip("\"'") for p in stripped[2:end].split(".")]
    return ".".join(parts)


class ArrayTableLocator:
    """Finds the line of each `[[key]]` entry and of its `name = ...` line in TOML text.

    tomllib reports no positions; the i-th parsed entry is matched with the i-th header
    when the counts agree (the normal layout), else by its name, else line 1.
    """

    def __init__(self, text: str, key: str) -> None:
        self.lines = text.split("\n")
        self.headers: list[int] = []
        self._starts: list[bool] = []
        self._names: dict[int, tuple[int, str]] = {}
        self._first: dict[str, tuple[int, int]] = {}
        for index, raw in enumerate(self.lines):
            stripped = raw.strip()
            self._starts.append(stripped.startswith("["))
            if stripped.startswith("[") and _header_key(stripped) == key:
                self.headers.append(index)
            match = _NAME_LINE.match(raw)
            if match:
                self._names[index] = (len(match["indent"]), match["value"])
                self._first.setdefault(match["value"], (index + 1, len(match["indent"]) + 1))

    def locate(self, position: int, count: int, name: str) -> tuple[int, int]:
        """1-based (line, column) of entry number `position` of `count`, named `name`."""
        if count == len(self.headers) and 0 <= position < count:
            header = self.headers[position]
            index = header + 1
            while index < len(self.lines) and not self._starts[index]:
                found = self._names.get(index)
                if found is not None and found[1] == name:
                    return index + 1, found[0] + 1
                index += 1
            return header + 1, 1 + len(self.lines[header]) - len(self.lines[header].lstrip())
        return self._first.get(name, (1, 1))
