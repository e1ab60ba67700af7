"""Every release the package index lists for the most downloaded PyPI projects.

Data: rules/kb/data/release_lists.json, read by scripts/release_lists_from_index.py from one
JSON listing per project (the most downloaded PyPI projects, less those rules/kb/data/wheels.json
records with more detail). Per project: every final and post release that has a file (yanked
ones included), every pre-release and dev release that has one, or ``absent`` when the index
had no such project (for an import name such as ``yaml``, with the project to use:
``pyyaml``). Pure: reads the packaged data file, nothing else.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.kb.datafile import data_json

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


@cache
def _entry(package: str) -> dict[str, Any] | None:
    entry = data_json(RELEASE_LISTS_DATA).get("projects", {}).get(package)
    return entry if isinstance(entry, dict) else None


@cache
def releases(package: str) -> tuple[Version, ...]:
    """The final and post releases of `package`, ascending (() when not recorded or absent)."""
    entry = _entry(str(canonicalize_name(package)))
    if entry is None or entry.get("absent"):
        return ()
    return tuple(sorted(set(_parsed(entry.get("releases")))))


@cache
def prereleases(package: str) -> frozenset[Version] | None:
    """The pre-releases and dev releases of `package`'s listing; None when not recorded."""
    entry = _entry(str(canonicalize_name(package)))
    if entry is None:
        return None
    return frozenset(_parsed(entry.get("prereleases")))


def absent(package: str) -> str | None:
    """When the index had no project `package`: the project to use instead ("" when none is
    known, or for a standard-library module); None when it has one or it was not read."""
    entry = _entry(str(canonicalize_name(package)))
    if entry is None or not entry.get("absent"):
        return None
    return str(entry.get("use", ""))


def read_on() -> str:
    """The date the listings were read (``YYYY-MM-DD``)."""
    return str(data_json(RELEASE_LISTS_DATA).get("read_on", ""))


def provenance() -> str:
    """Where the lists were read, and how."""
    return str(data_json(RELEASE_LISTS_DATA).get("_provenance", ""))
