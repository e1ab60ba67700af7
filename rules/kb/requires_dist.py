"""Install requirements (Requires-Dist) of packages whose pins real repositories write next to
each other's: the Hugging Face stack (transformers, tokenizers, huggingface-hub, ...), the
LangChain, FastAPI and demo-framework stacks, and the ML libraries that
scripts/requires_from_index.py names (its PACKAGES tuples; the data's provenance lists each
package with the date its releases are read from).

Data: rules/kb/data/requires_dist.json, written by scripts/requires_from_index.py from one wheel
METADATA per final release: its Requires-Python and the Requires-Dist lines no extra guards,
consecutive releases with the same lines in one row. Pure: reads the packaged data file only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.kb.datafile import data_json

DATA_FILE = "requires_dist.json"


@dataclass(frozen=True, slots=True)
class RequiresRow:
    """Releases of one package that state the same install requirements."""

    package: str
    versions: tuple[Version, ...]
    file: str
    requires_python: str | None
    requires: tuple[Requirement, ...]
    yanked: bool
    #: Where in `file` the lines were read: a wheel's METADATA, or (a release with no wheel) its
    #: sdist's ``egg-info/requires.txt``.
    read: str = "METADATA"

    def source(self, requirement: Requirement) -> str:
        """`transformers-4.35.2-py3-none-any.whl METADATA: Requires-Dist: tokenizers<0.19,>=0.14`
        (the file named is the row's first release's)."""
        return f"{self.file} {self.read}: Requires-Dist: {requirement}"


@dataclass(frozen=True, slots=True)
class RequiresDist:
    """Every recorded release, by package."""

    rows: Mapping[str, Mapping[Version, RequiresRow]]
    snapshot_date: str

    def release(self, package: str, version: Version) -> RequiresRow | None:
        """The row of `package==version`, when recorded (local labels ignored)."""
        return self.rows.get(str(canonicalize_name(package)), {}).get(Version(version.public))

    def releases(self, package: str) -> tuple[Version, ...]:
        """The recorded releases of `package` that are not yanked, ascending."""
        rows = self.rows.get(str(canonicalize_name(package)), {})
        return tuple(sorted(v for v, row in rows.items() if not row.yanked))


def _requirements(lines: list[str]) -> tuple[Requirement, ...]:
    found = []
    for line in lines:
        try:
            found.append(Requirement(line))
        except InvalidRequirement:
            continue
    return tuple(found)


def _package_rows(package: str, entries: list[Mapping[str, Any]]) -> dict[Version, RequiresRow]:
    by_version: dict[Version, RequiresRow] = {}
    for entry in entries:
        try:
            versions = tuple(Version(v) for v in entry["versions"])
        except InvalidVersion:
            continue
        row = RequiresRow(
            package=package,
            versions=versions,
            file=entry["file"],
            requires_python=entry["requires_python"],
            requires=_requirements(entry["requires"]),
            yanked=bool(entry["yanked"]),
            read=str(entry.get("read", "METADATA")),
        )
        for version in versions:
            by_version[version] = row
    return by_version


class _LazyRows(Mapping[str, Mapping[Version, RequiresRow]]):
    """The rows by package, each package's parsed on its first look-up (a review looks up a
    few of the hundred-odd packages; parsing every row took most of a second)."""

    def __init__(self, raw: Mapping[str, list[Mapping[str, Any]]]) -> None:
        self._raw = {str(canonicalize_name(name)): entries for name, entries in raw.items()}
        self._parsed: dict[str, dict[Version, RequiresRow]] = {}

    def __getitem__(self, package: str) -> Mapping[Version, RequiresRow]:
        parsed = self._parsed.get(package)
        if parsed is None:
            parsed = self._parsed[package] = _package_rows(package, self._raw[package])
        return parsed

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def from_raw(data: Mapping[str, Any]) -> RequiresDist:
    """The rows of a parsed requires_dist.json."""
    return RequiresDist(_LazyRows(data["packages"]), data["provenance"]["snapshot_date"])


@cache
def load_requires_dist() -> RequiresDist:
    """The packaged rows, read once per process."""
    return from_raw(data_json(DATA_FILE))
