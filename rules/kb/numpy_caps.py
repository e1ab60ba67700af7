"""NumPy requirements of compiled packages, release by release, as their wheel METADATA states.

Data: rules/kb/data/numpy_caps.json, written by scripts/numpy_caps_from_index.py from the
package index (one wheel per release, every ``Requires-Dist: numpy…`` line with its file name)
plus NumPy's own release list. Pure: reads the packaged data file, nothing else.

A release's numpy requirement may differ by environment marker (TensorFlow 2.16 states one
line for ``python_version <= "3.11"`` and one for ``>= "3.12"``). Lines for extras (``extra ==
"build"``) are not install requirements and are left out. `CapRelease.admits` is true when
*some* line admits a numpy version (a claim that nothing admits it then holds for every
Python); `CapRelease.caps` is true when *every* line has an upper bound.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.kb.pyspec import spec_admits_minor

DATA_FILE = "numpy_caps.json"

#: Names under which the same wheels (and metadata) are published.
_ALIASES: Mapping[str, str] = {
    "tensorflow-gpu": "tensorflow",
    "tensorflow-intel": "tensorflow",
    "opencv-contrib-python": "opencv-python",
    "opencv-contrib-python-headless": "opencv-python-headless",
}

_UPPER = ("<", "<=", "==", "===", "~=")


@dataclass(frozen=True, slots=True)
class NumpyLine:
    """One ``Requires-Dist: numpy…`` line: its specifier, marker text and the line itself."""

    specifier: SpecifierSet
    marker: str
    line: str

    @property
    def upper(self) -> str | None:
        """The upper-bound clauses (``<2.0.0``), or None when the line sets none."""
        clauses = [str(s) for s in self.specifier if s.operator in _UPPER]
        return ",".join(sorted(clauses)) if clauses else None

    def admits_below_cap(self, numpy: Version) -> bool:
        """Whether `numpy` is within this line's upper bounds (lower bounds ignored)."""
        return _below(self.upper or "", numpy)


@lru_cache(maxsize=65536)
def _below(upper: str, numpy: Version) -> bool:
    """Whether `numpy` meets the upper-bound clauses `upper` (rules ask this of the same few
    caps and NumPy releases for every requirement of every environment)."""
    return SpecifierSet(upper).contains(numpy, prereleases=True)


@dataclass(frozen=True, slots=True)
class CapRelease:
    """One release of a compiled package and the numpy its metadata requires."""

    package: str
    version: Version
    lines: tuple[NumpyLine, ...]
    file: str
    yanked: bool = False
    #: The line by which its ``build`` extra requires NumPy >= 2 (it is built against NumPy 2,
    #: e.g. scikit-image 0.23.0), or "".
    build_line: str = ""

    @property
    def requires_numpy(self) -> bool:
        """Whether installing it installs numpy at all."""
        return bool(self.lines)

    @property
    def caps(self) -> bool:
        """Whether every numpy line of its metadata sets an upper bound."""
        return bool(self.lines) and all(line.upper for line in self.lines)

    def admits(self, numpy: Version) -> bool:
        """Whether some numpy line of its metadata admits `numpy` (no line: any numpy)."""
        if not self.lines:
            return True
        return any(line.specifier.contains(numpy, prereleases=True) for line in self.lines)

    def admits_below_cap(self, numpy: Version) -> bool:
        """Whether some numpy line's upper bounds admit `numpy` (no line: any numpy)."""
        if not self.lines:
            return True
        return any(line.admits_below_cap(numpy) for line in self.lines)

    def admits_everywhere(self, numpy: Version) -> bool:
        """Whether every numpy line admits `numpy` (true on every Python)."""
        return all(line.specifier.contains(numpy, prereleases=True) for line in self.lines)

    def cap_text(self) -> str:
        """`numpy<2.0.0` (the upper bounds of its lines, each once)."""
        uppers = sorted({line.upper for line in self.lines if line.upper})
        return " / ".join(f"numpy{u}" for u in uppers) if uppers else "no numpy cap"

    def source(self) -> str:
        """`tensorflow-2.15.0-….whl METADATA: Requires-Dist: numpy<2.0.0,>=1.23.5`."""
        shown = "; ".join(line.line for line in self.lines) or "no Requires-Dist on numpy"
        return f"{self.file} METADATA: {shown}"


@dataclass(frozen=True, slots=True)
class NumpyCaps:
    """Every recorded release of the packages in the data file, and NumPy's releases."""

    numpy_releases: tuple[Version, ...]
    packages: Mapping[str, tuple[CapRelease, ...]]
    snapshot_date: str
    #: Requires-Python of each NumPy release, where its files state one.
    numpy_python: Mapping[Version, SpecifierSet] = field(default_factory=dict)
    #: Each package's rows by version (built once: rules look releases up per requirement).
    _by_version: Mapping[str, Mapping[Version, CapRelease]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        index = {name: {r.version: r for r in rows} for name, rows in self.packages.items()}
        object.__setattr__(self, "_by_version", index)

    def releases(self, package: str) -> tuple[CapRelease, ...]:
        """Releases of `package` (ascending), () when the data does not hold it."""
        return self.packages.get(canonical(package), ())

    def release(self, package: str, version: Version) -> CapRelease | None:
        """The row of one release, when recorded."""
        return self._by_version.get(canonical(package), {}).get(Version(version.public))

    def first_built_for_numpy2(self, package: str) -> CapRelease | None:
        """The first release whose ``build`` extra requires NumPy >= 2, when one does."""
        return next((r for r in self.releases(package) if r.build_line), None)

    def numpy_for_pythons(self, pythons: Iterable[str]) -> tuple[Version, ...]:
        """NumPy releases that install on at least one of `pythons` (minors like ``3.8``)."""
        minors = tuple(pythons)
        return tuple(
            n
            for n in self.numpy_releases
            if n not in self.numpy_python
            or any(spec_admits_minor(self.numpy_python[n], m) for m in minors)
        )

    def newest_numpy(self) -> Version:
        """The newest NumPy release the data knows."""
        return self.numpy_releases[-1]

    def below_floor(self, row: CapRelease, numpy: Version) -> bool:
        """Whether no numpy line of `row` admits `numpy` while some line admits a newer NumPy
        release: a NumPy older than the package requires (a plain version conflict), as opposed
        to one above its cap (the NumPy-ABI story)."""
        if row.admits(numpy):
            return False
        return any(row.admits(n) for n in self.numpy_releases if n > numpy)


def canonical(package: str) -> str:
    """The data file's key for a project name."""
    name = str(canonicalize_name(package))
    return _ALIASES.get(name, name)


def _lines(texts: Iterable[str]) -> tuple[NumpyLine, ...]:
    found = []
    for text in texts:
        try:
            requirement = Requirement(text.split(":", 1)[1].strip())
        except (InvalidRequirement, IndexError):
            continue
        marker = str(requirement.marker) if requirement.marker else ""
        if requirement.marker is not None and _is_extra(requirement.marker):
            continue
        found.append(NumpyLine(requirement.specifier, marker, text))
    return tuple(found)


def _is_extra(marker: Marker) -> bool:
    return "extra" in str(marker)


def _build_extra_numpy2(texts: Iterable[str]) -> str:
    """The ``build`` extra line that requires NumPy >= 2 (wheels built against it), or ""."""
    for text in texts:
        try:
            requirement = Requirement(text.split(":", 1)[1].strip())
        except (InvalidRequirement, IndexError):
            continue
        marker = requirement.marker
        if marker is None or not _is_extra(marker) or not marker.evaluate({"extra": "build"}):
            continue
        spec = requirement.specifier
        if spec.contains("2.0.0", prereleases=True) and not spec.contains("1.26.4"):
            return text
    return ""


def _release(package: str, row: Mapping[str, Any]) -> CapRelease | None:
    try:
        version = Version(str(row["version"]))
    except InvalidVersion:
        return None
    return CapRelease(
        package=package,
        version=version,
        lines=_lines(row.get("requires_dist_numpy", ())),
        file=str(row["file"]),
        yanked=bool(row.get("yanked", False)),
        build_line=_build_extra_numpy2(row.get("requires_dist_numpy", ())),
    )


def from_raw(data: Mapping[str, Any]) -> NumpyCaps:
    """The caps table of a parsed data file."""
    packages: dict[str, tuple[CapRelease, ...]] = {}
    for name, rows in data["packages"].items():
        key = canonical(name)
        found = [r for r in (_release(key, row) for row in rows) if r is not None]
        packages[key] = tuple(sorted(found, key=lambda r: r.version))
    rows = [row for row in data["numpy_releases"] if not row.get("yanked")]
    numpy = sorted(Version(str(row["version"])) for row in rows)
    python: dict[Version, SpecifierSet] = {}
    for row in rows:
        try:
            python[Version(str(row["version"]))] = SpecifierSet(str(row["requires_python"]))
        except (KeyError, InvalidSpecifier):
            continue
    date = str(data["provenance"]["snapshot_date"])
    return NumpyCaps(tuple(numpy), packages, date, python)


@cache
def load_numpy_caps() -> NumpyCaps:
    """The packaged table, read once per process."""
    text = (resources.files("rules.kb") / "data" / DATA_FILE).read_text(encoding="utf-8")
    return from_raw(json.loads(text))
