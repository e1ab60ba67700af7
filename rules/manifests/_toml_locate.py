"""TOML helpers for lock parsers: load without raising, and find table lines tomllib hides."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from rules.findings import Finding
from rules.manifests.errors import parse_error

_AT_LINE = re.compile(r"\(at line (?P<line>\d+), column (?P<column>\d+)\)")
_NAME_LINE = re.compile(
    r"""^(?P<indent>[ \t]*)name[ \t]*=[ \t]*(?P<q>["'])(?P<value>[^"'\n]*)(?P=q)"""
)


def line_text(lines: list[str], line: int) -> str:
    """The text of 1-based `line`, or "" when out of range."""
    return lines[line - 1] if 1 <= line <= len(lines) else ""


def load_toml(path: str, text: str) -> tuple[dict[str, Any] | None, Finding | None]:
    """Parse TOML; on error a located `parse-error` instead of an exception."""
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        lines = text.split("\n")
        match = _AT_LINE.search(str(exc))
        if match:
            line = min(max(1, int(match["line"])), max(1, len(lines)))
            column = max(1, int(match["column"]))
        else:
            line, column = max(1, len(lines)), 1
        message = _AT_LINE.sub("", str(exc)).strip()
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
