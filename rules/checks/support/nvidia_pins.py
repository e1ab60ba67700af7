"""Clashes between the ``nvidia-*`` wheels that torch, jax and declared pins need (pure).

torch's PyPI wheels for Linux x86_64 pin NVIDIA's CUDA wheels exactly; jax's CUDA extras put
ranges on the same projects (before 0.4.30 in jax's own metadata, from 0.4.30 on through
``jax-cuda12-plugin[with-cuda]``). When no version of one of those projects meets both, pip
stops with ResolutionImpossible and uv with "No solution found":

- torch==2.0.1 pins ``nvidia-cuda-runtime-cu11==11.7.99``, ``jax[cuda11_pip]==0.4.14`` needs
  ``>=11.8`` (young-geng/EasyLM issue 92);
- torch 2.2.0 – 2.3.1 pin ``nvidia-cudnn-cu12==8.9.2.26`` and 2.4.0 – 2.6.0 ``==9.1.0.70``,
  ``jax[cuda]==0.6.0`` (jax-cuda12-plugin 0.6.0) needs ``nvidia-cudnn-cu12<10.0,>=9.8``
  (``uv pip install -U "jax[cuda]==0.6.0" torch``: no solution, rdyro/torch2jax issue 29);
- a declared ``nvidia-cudnn-cu12==8.9.7.29`` against torch 2.1.x's ``==8.9.2.26``.

The requirements come from rules/kb/data/nvidia_requires.json (rules/kb/nvidia_requires.py).
A side is torch, jax, a jax CUDA plugin (each with its extras) or a declared ``nvidia-*``
requirement; its options are the releases its specifier admits among those the data has read
(an exact pin: one). An error only where certain: every admitted release of one side clashes
with every admitted release of the other, each side admits only releases the data has read
(nothing older than the first read, nothing newer than the last), torch without a local
variant label (``+cu118`` builds bundle CUDA), no index that may replace PyPI, and Linux
x86_64 among the targets. A PyTorch index of CPU (or ROCm) builds takes torch out: pip picks
its ``torch 2.6.0+cpu`` for ``torch==2.6.0`` (keras-team/keras's requirements-jax-cuda.txt pairs
it with ``jax[cuda12]==0.6.2``). A CUDA one does not: EasyLM's file has the cu118 index and pip
still stopped on PyPI's torch 2.0.1 pins (issue 92), and the cu124 builds pin the same
``nvidia-cudnn-cu12==9.1.0.70`` as PyPI's (pytorch/pytorch issue 193491). A
warning when one side is exact and the release a fresh install picks for the other (its
newest admitted) clashes while an older admitted one may not: the resolver falls back to it.
Requirements count when unconditional or when their marker holds on Linux x86_64 on every
Python; a marker that holds on only some Pythons leaves the package out. uv's
``override-dependencies`` replace every requirement on a project: an overridden ``nvidia-*``
wheel is compared no more, an overridden torch or jax is not judged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from packaging.markers import InvalidMarker, Marker
from packaging.requirements import InvalidRequirement
from packaging.requirements import Requirement as PackagingRequirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from rules.checks.support.environments import local_label, version_of
from rules.kb.cudaver import is_pytorch_index, url_variant
from rules.kb.nvidia_requires import (
    NvidiaRequirement,
    alternatives_of,
    releases,
)
from rules.kb.pyspec import holds_on_every_python, holds_on_no_python
from rules.manifests.model import Ecosystem, Index, IndexKind, Requirement
from rules.targets import Target

#: Index kinds that may stand in for PyPI (a torch from them need not be PyPI's wheel).
_REPLACING = frozenset({IndexKind.INDEX_URL, IndexKind.POETRY_SOURCE, IndexKind.UV_INDEX})
_PLATFORM = "linux_x86_64"
#: The packages whose releases' metadata the data records.
_RECORDED = ("torch", "jax")


def _recorded_name(name: str) -> bool:
    return name in _RECORDED or (name.startswith("jax-cuda") and bool(releases(name)))


@dataclass(frozen=True, slots=True)
class _Option:
    """One admitted release of a side (None: a declared ``nvidia-*`` requirement) and the
    ``nvidia-*`` requirements it brings (None: not read)."""

    version: Version | None
    needs: tuple[NvidiaRequirement, ...] | None


@dataclass(frozen=True, slots=True)
class _Side:
    req: Requirement
    name: str
    specifier: str
    options: tuple[_Option, ...]
    #: Every version the specifier admits is one the data has read.
    closed: bool

    @property
    def exact(self) -> bool:
        """One release (a jax pin whose link admits two plugin releases has two options)."""
        return self.closed and len({o.version for o in self.options}) == 1

    def label(self, option: _Option) -> str:
        return self.name if option.version is None else f"{self.name} {option.version}"


@dataclass(frozen=True, slots=True)
class NvidiaClash:
    """Two requirements whose ``nvidia-*`` needs no version meets: `pairs` for the releases
    judged (a fresh install's picks), `certain` when every admitted pair clashes, `detail`
    (empty for two exact pins) which releases were judged and what the resolver does."""

    first: Requirement
    second: Requirement
    pairs: tuple[tuple[NvidiaRequirement, NvidiaRequirement], ...]
    certain: bool = True
    detail: str = ""

    def listed(self) -> str:
        """``torch 2.0.1 requires `nvidia-…==11.7.99`, jax 0.4.14 `nvidia-…>=11.8```."""
        return "; ".join(f"{_said(a, 'requires ')}, {_said(b)}" for a, b in self.pairs)

    def lines(self) -> tuple[str, ...]:
        """The metadata lines of the pairs, each with the file it was read from."""
        return tuple(
            dict.fromkeys(
                f"{n.package} {n.version} ({n.source}): Requires-Dist: {n.line}"
                if n.source
                else f"declared: {n.line}"
                for pair in self.pairs
                for n in pair
            )
        )


def _said(need: NvidiaRequirement, verb: str = "") -> str:
    if not need.source:
        return f"`{need.text}` is declared"
    return f"{need.package} {need.version} {verb}`{need.text}`"


def _holds(req: Requirement) -> bool | None:
    """True: applies on every Linux x86_64 install; False: on none; None: on some."""
    if not req.marker:
        return True
    try:
        marker = Marker(req.marker)
    except InvalidMarker:
        return None
    if holds_on_every_python(marker):
        return True
    return False if holds_on_no_python(marker) else None


def _spec(reqs: Sequence[Requirement]) -> SpecifierSet | None:
    spec = SpecifierSet()
    for req in reqs:
        try:
            spec &= SpecifierSet(req.specifier)
        except InvalidSpecifier:
            return None
    return spec


def _declared(req: Requirement, spec: SpecifierSet) -> _Option | None:
    try:
        parsed = PackagingRequirement(f"{req.name}{spec}")
    except InvalidRequirement:
        return None
    line = f"{req.raw.strip()} ({req.location.file}:{req.location.line})"
    need = NvidiaRequirement(req.name, Version("0"), req.name, parsed, line, "")
    return _Option(None, (need,))


def _side(
    name: str,
    reqs: Sequence[Requirement],
    satisfiable: Callable[[Sequence[SpecifierSet]], bool],
    overridden: set[str],
) -> _Side | None:
    spec = _spec(reqs)
    if spec is None or any(r.url or r.ecosystem != Ecosystem.PYPI for r in reqs):
        return None
    if name.startswith("nvidia-"):
        option = _declared(reqs[0], spec)
        return _Side(reqs[0], name, str(spec), (option,), True) if option else None
    if any(local_label(r) is not None or _local(r) for r in reqs):
        return None
    known = releases(name)
    if not known:
        return None
    extras = tuple(sorted({str(canonicalize_name(e)) for r in reqs for e in r.extras}))
    admitted = [v for v in known if spec.contains(v, prereleases=True)]
    closed = not satisfiable([spec, SpecifierSet(f"<{known[0]}")]) and not satisfiable(
        [spec, SpecifierSet(f">{known[-1]}")]
    )
    options = tuple(
        _Option(v, _kept(needs, overridden))
        for v in admitted
        for needs in _choices(name, v, extras)
    )
    return _Side(reqs[0], name, str(spec), options, closed)


def _choices(
    name: str, version: Version, extras: tuple[str, ...]
) -> tuple[tuple[NvidiaRequirement, ...] | None, ...]:
    """Each plugin release the resolver may take with `name` `version` (one when none is
    linked); (None,) when the data has not read it."""
    found = alternatives_of(name, version, extras)
    return found if found else (None,)


def _kept(
    needs: tuple[NvidiaRequirement, ...] | None, overridden: set[str]
) -> tuple[NvidiaRequirement, ...] | None:
    return None if needs is None else tuple(n for n in needs if n.dep not in overridden)


def _local(req: Requirement) -> bool:
    full = version_of(req)
    return full is not None and bool(full.local)


def _sides(
    reqs: Sequence[Requirement],
    satisfiable: Callable[[Sequence[SpecifierSet]], bool],
) -> list[_Side]:
    by_name: dict[str, list[Requirement]] = {}
    # uv's override-dependencies replace every requirement on the project: an overridden
    # nvidia-* wheel is no longer torch's pin, an overridden torch or jax not the one declared
    overridden = {str(canonicalize_name(r.name)) for r in reqs if r.group_name == "override"}
    skipped: set[str] = set(overridden)
    for req in reqs:
        name = str(canonicalize_name(req.name))
        if not (name.startswith("nvidia-") or _recorded_name(name)):
            continue
        if req.is_constraint and not name.startswith("nvidia-"):
            continue
        holds = _holds(req)
        if holds is None:
            skipped.add(name)
        elif holds:
            by_name.setdefault(name, []).append(req)
    if len(set(by_name) - skipped) < 2:
        return []  # a clash takes two projects (and each side's ranges cost time to read)
    sides = []
    for name, group in by_name.items():
        side = None if name in skipped else _side(name, group, satisfiable, overridden)
        if side is not None and side.options:
            sides.append(side)
    return sides


def nvidia_clashes(
    reqs: Sequence[Requirement],
    targets: Sequence[Target],
    indexes: Sequence[Index],
    satisfiable: Callable[[Sequence[SpecifierSet]], bool],
) -> list[NvidiaClash]:
    """The pairs of requirements in one environment whose ``nvidia-*`` needs exclude each
    other on Linux x86_64 (`satisfiable`: whether some version meets every set)."""
    if not any(t.platform == _PLATFORM for t in targets):
        return []
    if any(i.kind in _REPLACING for i in indexes):
        return []
    ordered = sorted(reqs, key=lambda r: (r.location.file, r.location.line, r.location.column))
    sides = _sides(ordered, satisfiable)
    if any(_cpu_torch_index(i) for i in indexes):
        sides = [s for s in sides if s.name != "torch"]
    meets = _meets(satisfiable)
    clashes = []
    for i, left in enumerate(sides):
        for right in sides[i + 1 :]:
            if left.name.startswith("nvidia-") and right.name.startswith("nvidia-"):
                continue  # the same project twice is the plain conflict check's
            clash = _judge(left, right, meets)
            if clash is not None:
                clashes.append(clash)
    return clashes


def _cpu_torch_index(index: Index) -> bool:
    """A PyTorch index of CPU or ROCm builds: pip takes its ``2.6.0+cpu`` for ``torch==2.6.0``
    (a local version sorts above the public one), and those builds need no nvidia-* wheel."""
    if not index.url or not is_pytorch_index(index.url):
        return False
    variant = url_variant(index.url)
    return variant is not None and (variant == "cpu" or variant.startswith("rocm"))


def _meets(
    satisfiable: Callable[[Sequence[SpecifierSet]], bool],
) -> Callable[[NvidiaRequirement, NvidiaRequirement], bool]:
    @cache
    def by_text(a: str, b: str) -> bool:
        return satisfiable([SpecifierSet(a), SpecifierSet(b)])

    def meets(a: NvidiaRequirement, b: NvidiaRequirement) -> bool:
        return by_text(str(a.requirement.specifier), str(b.requirement.specifier))

    return meets


def _pairs(
    a: _Option, b: _Option, meets: Callable[[NvidiaRequirement, NvidiaRequirement], bool]
) -> tuple[tuple[NvidiaRequirement, NvidiaRequirement], ...] | None:
    """The clashing pairs of two read options; None when either was not read."""
    if a.needs is None or b.needs is None:
        return None
    by_dep = {n.dep: n for n in b.needs}
    return tuple(
        (need, by_dep[need.dep])
        for need in a.needs
        if need.dep in by_dep and not meets(need, by_dep[need.dep])
    )


def _judge(
    left: _Side, right: _Side, meets: Callable[[NvidiaRequirement, NvidiaRequirement], bool]
) -> NvidiaClash | None:
    picked = _pairs(left.options[-1], right.options[-1], meets)
    if not picked:
        return None
    every = (
        left.closed
        and right.closed
        and all(_pairs(a, b, meets) for a in left.options for b in right.options)
    )
    if every:
        detail = "" if left.exact and right.exact else _every(left, right)
        return NvidiaClash(left.req, right.req, picked, True, detail)
    if left.exact == right.exact:
        return None
    exact, ranged = (left, right) if left.exact else (right, left)
    fits = [o for o in ranged.options[:-1] if any(_pairs(e, o, meets) == () for e in exact.options)]
    fallback = ranged.label(fits[-1]) if fits else "an older release"
    if fits and fits[-1].needs == ():
        fallback += " (which brings no NVIDIA wheels)"
    detail = (
        f"a fresh install picks {ranged.label(ranged.options[-1])}, the newest release "
        f"`{ranged.name}{ranged.specifier}` admits that the data has read, which cannot be "
        f"installed with {exact.label(exact.options[0])}; the resolver falls back to "
        f"{fallback} (or stops)"
    )
    return NvidiaClash(left.req, right.req, picked, False, detail)


def _every(left: _Side, right: _Side) -> str:
    def span(side: _Side) -> str:
        if side.exact:
            return side.label(side.options[0])
        first, last = side.options[0].version, side.options[-1].version
        many = f"{first} – {last}" if first != last else str(first)
        return f"every release of {side.name} `{side.specifier}` admits ({many})"

    return f"this holds for {span(left)} against {span(right)}"
