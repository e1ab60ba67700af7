"""The ``nvidia-*`` requirements of torch's and jax's releases, as their metadata states them.

torch's Linux x86_64 PyPI wheels from 1.13 on pin NVIDIA's CUDA wheels
(``nvidia-cuda-runtime-cu11==11.7.99; platform_system == "Linux" and platform_machine ==
"x86_64"`` in torch 2.0.1); jax's CUDA extras (``cuda11_pip``, ``cuda12_pip``, ``cuda12``…)
put floors on the same projects (``nvidia-cuda-runtime-cu11>=11.8; extra == "cuda11_pip"`` in
jax 0.4.14). From jax 0.4.30 on the extra names a plugin instead
(``jax-cuda12-plugin[with-cuda]<=0.6.0,>=0.6.0; extra == "cuda12"``) whose ``with-cuda`` extra
holds the ranges (``nvidia-cudnn-cu12<10.0,>=9.8`` in jax-cuda12-plugin 0.6.0): such a link is
followed when it admits only plugin releases the data has read (one, or two as jax 0.4.35's
``<=0.4.35,>=0.4.34``: each is an alternative the resolver may take).
Data: rules/kb/data/nvidia_requires.json, written by scripts/nvidia_requires_from_index.py
from the package index (the METADATA of one wheel per release, or an sdist's
egg-info/requires.txt for a jax release without wheels).
Pure: reads the packaged data file, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import product

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.kb.datafile import data_json, provenance_of
from rules.kb.pyspec import holds_on_every_python

DATA = "nvidia_requires.json"


@dataclass(frozen=True, slots=True)
class NvidiaRequirement:
    """One ``nvidia-*`` requirement of a release: the project, its specifier, the line as the
    metadata writes it and the file it was read from."""

    package: str
    version: Version
    dep: str
    requirement: Requirement
    line: str
    source: str

    @property
    def text(self) -> str:
        """``nvidia-cuda-runtime-cu11==11.7.99``."""
        return f"{self.requirement.name}{self.requirement.specifier}"


def provenance() -> str:
    """Where the data was read (the file's ``_provenance``)."""
    return provenance_of(DATA)


def recorded(package: str, version: Version) -> bool:
    """Whether the data has a reading of `package` `version`."""
    releases = data_json(DATA)["packages"].get(str(canonicalize_name(package)), {})
    return str(version) in releases


def releases(package: str) -> tuple[Version, ...]:
    """The releases of `package` the data has read, ascending (every final release from the
    first one read on); () for a package it does not cover."""
    rows = data_json(DATA)["packages"].get(str(canonicalize_name(package)), {})
    return tuple(sorted(Version(v) for v in rows))


def _linked(package: str, specifier: SpecifierSet) -> tuple[Version, ...] | None:
    """The releases a link's specifier admits (``<=0.6.0,>=0.6.0``: one; jax 0.4.35's
    ``<=0.4.35,>=0.4.34``: two), ascending; None unless it is bounded on both sides within
    the releases the data has read (nothing unread can be picked)."""
    known = releases(package)
    if not known:
        return None
    upper: Version | None = None
    lower: Version | None = None
    for clause in specifier:
        try:
            at = Version(clause.version)
        except InvalidVersion:
            return None
        if clause.operator in ("==", "<=", "<"):
            upper = at if upper is None else min(upper, at)
        if clause.operator in ("==", ">=", ">"):
            lower = at if lower is None else max(lower, at)
        if clause.operator not in ("==", "<=", "<", ">=", ">"):
            return None
    if upper is None or lower is None or upper > known[-1] or lower < known[0]:
        return None
    admitted = tuple(v for v in known if specifier.contains(v, prereleases=True))
    return admitted or None


@cache
def alternatives_of(
    package: str, version: Version, extras: tuple[str, ...] = (), *, _via: str = ""
) -> tuple[tuple[NvidiaRequirement, ...], ...] | None:
    """The ``nvidia-*`` requirements `package`==`version` installed with `extras` brings on
    Linux x86_64 on every Python (lines of other extras or platforms left out), one tuple per
    choice the resolver has: a jax CUDA plugin it requires is followed (each of its lines'
    `source` then names the link), and a link that admits two plugin releases gives two
    alternatives (ascending: the last is the resolver's first choice). None when the data has
    no reading of the release or of a plugin release a link admits."""
    name = str(canonicalize_name(package))
    row = data_json(DATA)["packages"].get(name, {}).get(str(version))
    if row is None:
        return None
    wanted = ("", *(str(canonicalize_name(e)) for e in extras))
    source = f"{row['file']} {row['read']}{_via}"
    own: list[NvidiaRequirement] = []
    choices: list[tuple[tuple[NvidiaRequirement, ...], ...]] = []
    for line in row["lines"]:
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        if not any(holds_on_every_python(req.marker, extra) for extra in wanted):
            continue
        dep = str(canonicalize_name(req.name))
        if dep.startswith("nvidia-"):
            own.append(NvidiaRequirement(name, version, dep, req, line, source))
            continue
        linked = _linked(dep, req.specifier)
        if linked is None:
            return None
        via = f", required by {name} {version}: {line}"
        alternatives: list[tuple[NvidiaRequirement, ...]] = []
        for release in linked:
            found = alternatives_of(dep, release, tuple(sorted(req.extras)), _via=via)
            if found is None:
                return None
            alternatives.extend(found)
        choices.append(tuple(alternatives))
    return tuple((*own, *(n for part in combo for n in part)) for combo in product(*choices))


def requirements_of(
    package: str, version: Version, extras: tuple[str, ...] = ()
) -> tuple[NvidiaRequirement, ...] | None:
    """The resolver's first choice among `alternatives_of` (the newest plugin a link admits);
    None when the data has not read the release or a plugin it links to."""
    found = alternatives_of(package, version, extras)
    return found[-1] if found else None


def nvidia_requirements(
    package: str, version: Version, extras: tuple[str, ...] = ()
) -> tuple[NvidiaRequirement, ...]:
    """`requirements_of`, with () where it is None (a release or plugin the data has not
    read)."""
    return requirements_of(package, version, extras) or ()
