"""Which CPython minors each release of the most used ML packages has Linux x86_64 wheels for.

Data: rules/kb/data/wheels.json, built by rules/kb/build_wheels.py from the package index's
JSON listings (scripts/wheels_from_index.py). Pure: reads the packaged data file, nothing else.

A release row holds the minors of its ``cpXY`` wheels, an open floor (``abi3:3.8``: every
CPython from 3.8 on, not free-threaded; ``py:3.0``: pure or ``py3-none`` wheels, every Python)
and its Requires-Python, which pip enforces on top. Unknown packages and releases give None:
the data holds releases uploaded since 2019 (tensorflow and tensorflow-gpu: since 1.0.0,
tensorflow-cpu: since 1.15.0) of the packages in `rules.kb.build_wheels.WHEEL_PACKAGES`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.kb.build_wheels import WHEELS_DATA
from rules.kb.pyspec import expand, minor_of, py_key, requires_python_admits
from rules.kb.requires_dist import TopArchive

#: Compiled packages whose sdist still installs without a compiler (the extension is optional
#: and skipped when it does not build), with the source of that fact.
OPTIONAL_EXTENSIONS: Mapping[str, str] = {
    "pyyaml": "yaml/pyyaml setup.py: build_ext.check_extension_availability compiles a test "
    "program first and skips the libyaml extension when that fails",
}


#: The same rows for many more projects (scripts/wheels_top_from_index.py): the 15,000 most
#: downloaded, less those wheels.json and the other wheel files hold.
TOP_FILE = "wheels_top.zip"
TOP_SOURCE = "scripts/wheels_top_from_index.py"


@dataclass(frozen=True, slots=True)
class WheelRelease:
    """One release: the Pythons its Linux x86_64 wheels install on, and where that is from."""

    package: str
    version: Version
    exact: frozenset[str]
    open_floor: str | None
    requires_python: str | None
    sdist: bool
    source: str
    #: Every file of the release is yanked: only an exact pin (``==``) still installs it.
    yanked: bool = False

    def admits(self, python: str) -> bool:
        """Whether Requires-Python admits the minor `python` (some patch of it)."""
        if not self.requires_python:
            return True
        return requires_python_admits(self.requires_python, python) is not False

    def covers(self, python: str) -> bool:
        """Whether a wheel of this release installs on the minor `python` ("3.12", "3.13t")."""
        if not self.admits(python):
            return False
        if python in self.exact:
            return True
        if self.open_floor is None:
            return False
        kind, _, floor = self.open_floor.partition(":")
        if kind == "abi3" and python.endswith("t"):
            return False
        return py_key(python)[:2] >= py_key(floor)[:2]

    @property
    def compiled(self) -> bool:
        """Whether its Linux x86_64 wheels are built per CPython (``cpXY``) or for the stable
        ABI (``abi3``): a compiled package, whose sdist needs a compiler (pure Python and
        ``py3-none`` wheels say nothing of the kind)."""
        return bool(self.exact) or (self.open_floor or "").startswith("abi3:")

    @property
    def needs_compiler(self) -> bool:
        """Whether building its sdist needs a C/C++ (or Rust) toolchain: compiled, and not a
        package whose extension is optional (`OPTIONAL_EXTENSIONS`)."""
        return self.compiled and self.package not in OPTIONAL_EXTENSIONS

    def pythons(self, universe: frozenset[str]) -> frozenset[str]:
        """The minors of `universe` (plus its exact tags) a wheel installs on."""
        return frozenset(p for p in universe | self.exact if self.covers(p))


@dataclass(frozen=True, slots=True)
class WheelTable:
    """Every recorded release of every recorded package."""

    packages: Mapping[str, tuple[WheelRelease, ...]]
    notes: Mapping[str, str | None]
    #: Every CPython minor some recorded wheel names (the universe open floors expand to).
    pythons_seen: frozenset[str]
    snapshot_date: str
    #: Every pre-release and dev release of a package's listing, any date (only packages
    #: whose listing was read for them; others: unknown).
    prerelease_lists: Mapping[str, frozenset[Version]] = field(default_factory=dict)
    #: Packages whose every final release is a row (the listing had none older than the
    #: date the table keeps from): a version older than the first row was never uploaded.
    whole_listings: frozenset[str] = frozenset()
    #: The projects beyond `packages` (wheels_top.zip): a normalized name's entry in
    #: wheels.json form, read when first asked for; None when not held.
    more: Callable[[str], Mapping[str, Any] | None] | None = None
    _more_read: dict[str, _Entry | None] = field(default_factory=dict, compare=False, repr=False)
    #: Each package's rows by version, built on its first `release` look-up (rules ask tens of
    #: thousands of times a review; a scan of a whole listing each time dominated review time).
    _by_version: dict[str, dict[Version, WheelRelease]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def _more(self, key: str) -> _Entry | None:
        if self.more is None:
            return None
        if key not in self._more_read:
            raw = self.more(key)
            self._more_read[key] = None if raw is None else _entry(key, raw, TOP_SOURCE)
        return self._more_read[key]

    def releases(self, package: str) -> tuple[WheelRelease, ...] | None:
        """The releases of `package`, oldest first; None when the data does not hold it."""
        key = str(canonicalize_name(package))
        rows = self.packages.get(key)
        if rows is None and (extra := self._more(key)) is not None:
            rows = extra.rows
        return rows

    def release(self, package: str, version: str | Version) -> WheelRelease | None:
        """One release (local labels such as +cu121 ignored), when recorded."""
        parsed = _version(version)
        if parsed is None:
            return None
        key = str(canonicalize_name(package))
        by_version = self._by_version.get(key)
        if by_version is None:
            rows = self.releases(key)
            if rows is None:
                return None
            by_version = {}
            for row in rows:  # the first row of a version wins, as the scan it replaces did
                by_version.setdefault(row.version, row)
            self._by_version[key] = by_version
        return by_version.get(Version(parsed.public))

    def prereleases(self, package: str) -> frozenset[Version] | None:
        """The pre-releases and dev releases the listing of `package` has; None: not read."""
        key = str(canonicalize_name(package))
        if key in self.packages:
            return self.prerelease_lists.get(key)
        extra = self._more(key)
        return None if extra is None else extra.prereleases

    def whole(self, package: str) -> bool:
        """Whether the rows of `package` are its whole listing of final releases."""
        key = str(canonicalize_name(package))
        if key in self.packages:
            return key in self.whole_listings
        extra = self._more(key)
        return extra is not None and extra.whole

    def note(self, package: str) -> str | None:
        """What the rows say as a whole ("sdist only…", "pure Python…"), when anything."""
        key = str(canonicalize_name(package))
        if key in self.packages:
            return self.notes.get(key)
        extra = self._more(key)
        return None if extra is None else extra.note


def pythons_with_wheels(package: str, version: str | Version) -> frozenset[str] | None:
    """The CPython minors ("3.11", "3.13t") with a Linux x86_64 wheel of `package==version`.

    Open floors (abi3, pure Python) expand to the minors the index snapshot knows
    (`WheelTable.pythons_seen`); Requires-Python is applied. None: release not recorded.
    """
    table = load_wheels()
    row = table.release(package, version)
    return None if row is None else row.pythons(table.pythons_seen)


def has_wheel(package: str, version: str | Version, python: str) -> bool | None:
    """Whether `package==version` has a Linux x86_64 wheel for `python` ("3.12", "3.12.4",
    "3.13t"); None when the release is not recorded or `python` is not a CPython version."""
    row = load_wheels().release(package, version)
    minor = minor_of(python)
    if row is None or minor is None:
        return None
    return row.covers(minor)


def pip_candidate(package: str, version: str | Version, python: str) -> bool | None:
    """Whether pip / uv consider `package==version` at all on `python`: its Requires-Python
    admits it and a wheel covers it or an sdist exists (then it builds). A release they do
    not consider is skipped by a range, not a failure. None when not recorded."""
    row = load_wheels().release(package, version)
    minor = minor_of(python)
    if row is None or minor is None:
        return None
    return row.admits(minor) and (row.covers(minor) or row.sdist)


@dataclass(frozen=True, slots=True)
class _Entry:
    """One package's rows and what its listing says as a whole."""

    rows: tuple[WheelRelease, ...]
    note: str | None
    prereleases: frozenset[Version] | None
    whole: bool


def _entry(key: str, entry: Mapping[str, Any], source: str) -> _Entry:
    prereleases = None
    if isinstance(entry.get("prereleases"), list):
        prereleases = frozenset(
            v for v in (_version(str(p)) for p in entry["prereleases"]) if v is not None
        )
    source = f"package index listing of {key} read on {entry['read_on']} ({source})"
    rows = tuple(
        WheelRelease(
            package=key,
            version=Version(version),
            exact=expand(exact),
            open_floor=floor,
            requires_python=requires,
            sdist=bool(sdist),
            source=source,
            yanked=bool(yanked),
        )
        for version, exact, floor, requires, sdist, yanked in entry["releases"]
    )
    return _Entry(rows, entry.get("note"), prereleases, entry.get("whole") is True)


def from_raw(
    data: Mapping[str, Any], more: Callable[[str], Mapping[str, Any] | None] | None = None
) -> WheelTable:
    """The table of a parsed wheels.json (and, when given, of the projects beyond it)."""
    read_by = data["provenance"]["source"][0].get("read_by", "the package index")
    packages: dict[str, tuple[WheelRelease, ...]] = {}
    notes: dict[str, str | None] = {}
    prereleases: dict[str, frozenset[Version]] = {}
    whole: set[str] = set()
    for name, raw in data["packages"].items():
        key = str(canonicalize_name(name))
        entry = _entry(key, raw, read_by)
        if entry.whole:
            whole.add(key)
        if entry.prereleases is not None:
            prereleases[key] = entry.prereleases
        packages[key] = entry.rows
        notes[key] = entry.note
    return WheelTable(
        packages=packages,
        notes=notes,
        pythons_seen=expand(data["pythons_seen"]),
        snapshot_date=str(data["provenance"]["snapshot_date"]),
        prerelease_lists=prereleases,
        whole_listings=frozenset(whole),
        more=more,
    )


@cache
def load_wheels() -> WheelTable:
    """The packaged table, read once per process; the projects of `TOP_FILE` are read one at
    a time when a rule asks for them."""
    folder = resources.files("rules.kb") / "data"
    top = TopArchive((folder / TOP_FILE).read_bytes())
    return from_raw(json.loads((folder / WHEELS_DATA).read_text(encoding="utf-8")), top.member)


def _version(value: str | Version) -> Version | None:
    if isinstance(value, Version):
        return value
    try:
        return Version(value.strip())
    except InvalidVersion:
        return None
