"""Every project name the package index had when the list was read.

Data: rules/kb/data/pypi_names.txt.xz (the normalized names, sorted, one a line) and
pypi_names.json (date, count, provenance), written by scripts/project_names_from_index.py
from the index's root page. The names (13 MB, 927,000 of them) are decompressed on the first
look-up and searched in place, by bisection over the lines, with no index built: a review asks
for a few names. Pure: reads the packaged data files, nothing else.
"""

from __future__ import annotations

import lzma
from functools import cache
from importlib import resources

from packaging.utils import canonicalize_name

from rules.kb.datafile import data_json

#: The packaged data files.
NAMES_DATA = "pypi_names.txt.xz"
NAMES_HEAD = "pypi_names.json"
#: The longest name whose neighbours are looked for.
_LONGEST = 100
#: What a normalized project name is made of (PEP 503).
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-"


@cache
def _blob() -> bytes:
    """The sorted names, one a line."""
    packed = resources.files("rules.kb").joinpath("data", NAMES_DATA).read_bytes()
    return lzma.decompress(packed)


def _listed(blob: bytes, name: bytes) -> bool:
    """Whether `name` is a line of the sorted `blob` (bisection over byte offsets)."""
    lo, hi = 0, len(blob)
    while lo < hi:
        mid = (lo + hi) // 2
        start = blob.rfind(b"\n", 0, mid) + 1
        end = blob.find(b"\n", start)
        end = len(blob) if end < 0 else end
        line = blob[start:end]
        if line == name:
            return True
        if line < name:
            lo = end + 1
        else:
            hi = start
    return False


def has(package: str) -> bool:
    """Whether the index had a project `package` (any spelling PEP 503 folds together)."""
    name = str(canonicalize_name(package))
    try:
        key = name.encode("ascii")
    except UnicodeEncodeError:
        return False  # the index takes ASCII names only
    return _listed(_blob(), key)


def neighbours(package: str) -> list[str]:
    """The index's names one edit from `package` (a letter left out, added, changed, or two
    neighbouring letters swapped), sorted: what a typo of them looks like."""
    name = str(canonicalize_name(package))
    if len(name) > _LONGEST:
        return []  # no typo: its edits would be 74 times its length, each as long
    blob = _blob()
    found = {
        candidate
        for candidate in _one_edit(name)
        if candidate != name and _listed(blob, candidate.encode("ascii"))
    }
    return sorted(found)


def _one_edit(name: str) -> set[str]:
    """Every normalized name one edit from `name`."""
    splits = [(name[:i], name[i:]) for i in range(len(name) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    edits |= {a + c + b for a, b in splits for c in _ALPHABET}
    return {
        e
        for e in edits
        if e and e.isascii() and not e.startswith("-") and not e.endswith("-") and "--" not in e
    }


def read_on() -> str:
    """The date the names were read (``YYYY-MM-DD``)."""
    return str(data_json(NAMES_HEAD).get("read_on", ""))


def provenance() -> str:
    """Where the names were read, and how."""
    return str(data_json(NAMES_HEAD).get("_provenance", ""))
