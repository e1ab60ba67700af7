"""Install requirements (Requires-Dist) of packages whose pins real repositories write next to
each other's: transformers, tokenizers, huggingface-hub, safetensors, sentence-transformers,
peft, accelerate, diffusers, datasets.

Data: rules/kb/data/requires_dist.json, written by scripts/requires_from_index.py from one wheel
METADATA per final release: its Requires-Python and the Requires-Dist lines no extra guards,
consecutive releases with the same lines in one row. Pure: reads the packaged data file only.
"""

from __future__ import annotations

from collections.abc import Mapping
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

    def source(self, requirement: Requirement) -> str:
        """`transformers-4.35.2-py3-none-any.whl METADATA: Requires-Dist: tokenizers<0.19,>=0.14`
        (the file named is the row's first release's)."""
        return f"{self.file} METADATA: Requires-Dist: {requirement}"


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


def from_raw(data: Mapping[str, Any]) -> RequiresDist:
    """The rows of a parsed requires_dist.json."""
    rows: dict[str, dict[Version, RequiresRow]] = {}
    for name, entries in data["packages"].items():
        package = str(canonicalize_name(name))
        by_version = rows.setdefault(package, {})
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
            )
            for version in versions:
                by_version[version] = row
    return RequiresDist(rows, data["provenance"]["snapshot_date"])


@cache
def load_requires_dist() -> RequiresDist:
    """The packaged rows, read once per process."""
    return from_raw(data_json(DATA_FILE))
