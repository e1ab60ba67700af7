"""Every release the package index lists for the most downloaded PyPI projects.

Data: rules/kb/data/release_lists.json, read by scripts/release_lists_from_index.py from one
JSON listing per project (the 15,000 most downloaded PyPI projects, less those
rules/kb/data/wheels.json records with more detail). Per project: every final and post
release that has a file (yanked ones included),
every pre-release and dev release that has one, or ``absent`` when the index had no such
project (for an import name such as ``yaml``, with the project to use: ``pyyaml``), and the
Requires-Python each release's files state (where it changes). Pure: reads the packaged data
file, nothing else.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

#: The packaged data file.
RELEASE_LISTS_DATA = "release_lists.json"


def _parsed(values: Any) -> list[Version]:
    found: list[Version] = []
    for value in values or ():
        try:
            found.append(Version(str(value)))
        except InvalidVersion:
            continue
    return found


#: One project's line of the data file: ``  "name": {...},`` (see the script's `render`).
_LINE = re.compile(r'^  ("(?:[^"\\]|\\.)*"): (\{.*\}),?$')


def _text() -> str:
    """The data file's text, read for the line index and not kept (the 16 MB text held beside
    the index would cost as much again)."""
    return resources.files("rules.kb").joinpath("data", RELEASE_LISTS_DATA).read_text("utf-8")


@cache
def _lines() -> dict[str, str]:
    """Each project's JSON text, by name: the file holds 14,944 projects and 1.3 million
    versions, and a review asks for a few, so only the line index is built: 0.9 s once per
    process on the 2-core dev box and 61 MiB at peak, where parsing the whole file takes
    0.4 s but 111 MiB, held for the life of a worker."""
    found: dict[str, str] = {}
    for line in _text().splitlines():
        match = _LINE.match(line)
        if match is not None:
            found[json.loads(match[1])] = match[2]
    return found


@cache
def _entry(package: str) -> dict[str, Any] | None:
    text = _lines().get(package)
    if text is None:
        return None
    entry = json.loads(text)
    return entry if isinstance(entry, dict) else None


@cache
def releases(package: str) -> tuple[Version, ...]:
    """The final and post releases of `package`, ascending (() when not recorded or absent)."""
    entry = _entry(str(canonicalize_name(package)))
    if entry is None or entry.get("absent"):
        return ()
    return tuple(sorted(set(_parsed(entry.get("releases")))))


def requires_python(package: str, version: Version) -> str | None:
    """The Requires-Python the listing states for release `version` of `package` ("" when it
    states none); None when the release (or the project's Requires-Python) is not recorded."""
    return _requires_table(str(canonicalize_name(package))).get(version)


@cache
def _requires_table(package: str) -> dict[Version, str]:
    """Each final release of `package` with the Requires-Python of the last change at or
    before it (empty: none recorded)."""
    entry = _entry(package)
    changes = entry.get("requires_python") if entry is not None else None
    if not isinstance(changes, list) or entry is None or entry.get("absent"):
        return {}
    steps: list[tuple[Version, str]] = []
    for first, stated in changes:
        try:
            steps.append((Version(str(first)), str(stated)))
        except InvalidVersion:
            continue
    table: dict[Version, str] = {}
    at = -1
    for version in releases(package):
        while at + 1 < len(steps) and steps[at + 1][0] <= version:
            at += 1
        if at >= 0:
            table[version] = steps[at][1]
    return table


@cache
def prereleases(package: str) -> frozenset[Version] | None:
    """The pre-releases and dev releases of `package`'s listing; None when not recorded."""
    entry = _entry(str(canonicalize_name(package)))
    if entry is None:
        return None
    return frozenset(_parsed(entry.get("prereleases")))


@cache
def projects() -> frozenset[str]:
    """The projects the lists record as present (not ``absent``): the most downloaded."""
    return frozenset(name for name, text in _lines().items() if '"absent":true' not in text)


def absent(package: str) -> str | None:
    """When the index had no project `package`: the project to use instead ("" when none is
    known, or for a standard-library module); None when it has one or it was not read."""
    entry = _entry(str(canonicalize_name(package)))
    if entry is None or not entry.get("absent"):
        return None
    return str(entry.get("use", ""))


@cache
def _head() -> dict[str, Any]:
    """The file's head keys (before its projects), read up to the projects only (not the
    16 MB text a second time)."""
    lines: list[str] = []
    data = resources.files("rules.kb").joinpath("data", RELEASE_LISTS_DATA)
    with data.open("r", encoding="utf-8") as handle:
        for line in handle:
            if line.rstrip("\n") == ' "projects": {':
                text = "".join(lines).rstrip().rstrip(",") + "}"
                head: dict[str, Any] = json.loads(text)
                return head
            lines.append(line)
    return {}


def read_on() -> str:
    """The date the listings were read (``YYYY-MM-DD``)."""
    return str(_head().get("read_on", ""))


def provenance() -> str:
    """Where the lists were read, and how."""
    return str(_head().get("_provenance", ""))
