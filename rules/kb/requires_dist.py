"""Install requirements (Requires-Dist) of packages whose pins real repositories write next to
each other's: the Hugging Face stack (transformers, tokenizers, huggingface-hub, ...), the
LangChain, FastAPI and demo-framework stacks, and the ML libraries that
scripts/requires_from_index.py names (its PACKAGES tuples; the data's provenance lists each
package with the date its releases are read from).

Data: rules/kb/data/requires_dist.json, written by scripts/requires_from_index.py from one wheel
METADATA per final release: its Requires-Python and the Requires-Dist lines no extra guards,
consecutive releases with the same lines in one row. A project that file does not hold is
looked up in rules/kb/data/requires_dist_top.zip (scripts/requires_top_from_index.py: the same
rows for the newest releases of many more projects, one zip member per project, read on its
first look-up). Pure: reads the packaged data files only.
"""

from __future__ import annotations

import io
import json
import re
import threading
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.kb.datafile import data_json
from rules.kb.pyspec import holds_on_every_python

DATA_FILE = "requires_dist.json"
TOP_FILE = "requires_dist_top.zip"
#: The provenance member of `TOP_FILE`.
TOP_PROVENANCE = "_provenance.json"
#: Projects `TOP_FILE` leaves out: builds that differ by index (a ``torch==2.7.1+cu128`` from
#: the PyTorch index requires other ``nvidia-*-cu12`` pins than PyPI's 2.7.1, and a lookup
#: ignores local labels) and requirements the KB holds on their own (torch's pins,
#: nvidia_requires.json, tensorflow_wheels.json, jax.json).
MODELLED_ELSEWHERE = re.compile(
    r"^(torch|torchvision|torchaudio|torchtext|torchdata|torchcodec|triton|pytorch-triton.*"
    r"|nvidia-.*|cupy-cuda.*|jax|jaxlib|jax-cuda.*|tensorflow|tensorflow-(cpu|gpu|intel)"
    r"|tf-nightly.*)$"
)


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
    #: The lines an extra guards (``ale-py~=0.7.1; extra == "atari"``), for the packages read
    #: with them (rows written since 2026-12-06); () when none, or not read.
    extra_requires: tuple[Requirement, ...] = ()

    def for_extras(self, extras: Iterable[str]) -> tuple[Requirement, ...]:
        """The extra-guarded lines ``pip install package[extras]`` installs on Linux on every
        Python (``gym[atari]==0.21.0``: ``ale-py~=0.7.1``)."""
        wanted = [str(canonicalize_name(e)) for e in extras]
        return tuple(
            req
            for req in self.extra_requires
            if req.marker is not None
            and any(holds_on_every_python(req.marker, extra) for extra in wanted)
        )

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
            extra_requires=_requirements(entry.get("extra_requires", [])),
        )
        for version in versions:
            by_version[version] = row
    return by_version


class _LazyRows(Mapping[str, Mapping[Version, RequiresRow]]):
    """The rows by package, each package's parsed on its first look-up (a review looks up a
    few of the hundred-odd packages; parsing every row took most of a second); a package the
    main file lacks comes from `top` (the archive of many more projects)."""

    def __init__(
        self, raw: Mapping[str, list[Mapping[str, Any]]], top: TopArchive | None = None
    ) -> None:
        self._raw = {str(canonicalize_name(name)): entries for name, entries in raw.items()}
        self._top = top
        self._top_names = (top.names if top is not None else frozenset()) - self._raw.keys()
        self._parsed: dict[str, dict[Version, RequiresRow]] = {}

    def __getitem__(self, package: str) -> Mapping[Version, RequiresRow]:
        parsed = self._parsed.get(package)
        if parsed is None:
            entries = self._raw.get(package)
            if entries is None and package in self._top_names and self._top is not None:
                entries = self._top.entries(package)
            if entries is None:
                raise KeyError(package)
            parsed = self._parsed[package] = _package_rows(package, entries)
        return parsed

    def __iter__(self) -> Iterator[str]:
        yield from self._raw
        yield from sorted(self._top_names)

    def __len__(self) -> int:
        return len(self._raw) + len(self._top_names)


class TopArchive:
    """`TOP_FILE`, opened once; members read under a lock (one process may review in
    threads)."""

    def __init__(self, data: bytes) -> None:
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._lock = threading.Lock()
        members = (n.removesuffix(".json") for n in self._zip.namelist() if n != TOP_PROVENANCE)
        self.names = frozenset(n for n in members if not MODELLED_ELSEWHERE.match(n))

    def entries(self, package: str) -> list[Mapping[str, Any]] | None:
        found: list[Mapping[str, Any]] | None = self.member(package)
        return found

    def member(self, package: str) -> Any:
        """The parsed member of normalized name `package`; None when the archive has none."""
        if package not in self.names:
            return None
        with self._lock:
            text = self._zip.read(f"{package}.json")
        return json.loads(text)

    def provenance(self) -> dict[str, Any]:
        with self._lock:
            found: dict[str, Any] = json.loads(self._zip.read(TOP_PROVENANCE))
        return found


@cache
def top_archive() -> TopArchive:
    return TopArchive(resources.files("rules.kb").joinpath("data", TOP_FILE).read_bytes())


def from_raw(data: Mapping[str, Any], top: TopArchive | None = None) -> RequiresDist:
    """The rows of a parsed requires_dist.json (and, when given, of the archive)."""
    return RequiresDist(_LazyRows(data["packages"], top), data["provenance"]["snapshot_date"])


@cache
def load_requires_dist() -> RequiresDist:
    """The packaged rows, read once per process."""
    return from_raw(data_json(DATA_FILE), top_archive())
