"""Clashes between the ``nvidia-*`` requirements of exactly pinned torch and jax releases.

torch==2.0.1 from PyPI pins ``nvidia-cuda-runtime-cu11==11.7.99`` on Linux x86_64 while
``jax[cuda11_pip]==0.4.14`` needs ``nvidia-cuda-runtime-cu11>=11.8``: in one environment
pip stops with ResolutionImpossible (young-geng/EasyLM issue 92). The requirements come from
rules/kb/data/nvidia_requires.json (rules/kb/nvidia_requires.py). A clash is reported only
where certain: both packages pinned exactly without a marker, the release read, torch without
a local variant label (``+cu118`` wheels from the PyTorch index bundle CUDA and pin no
``nvidia-*``), no index that may replace PyPI in the environment (``--index-url``, a Poetry or
uv source), and Linux x86_64 among the targets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations

from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from rules.checks.support.environments import local_label, unconditional_pin, version_of
from rules.kb.nvidia_requires import NvidiaRequirement, nvidia_requirements, recorded
from rules.manifests.model import Index, IndexKind, Requirement
from rules.targets import Target

#: Index kinds that may stand in for PyPI (a torch from them need not be PyPI's wheel).
_REPLACING = frozenset({IndexKind.INDEX_URL, IndexKind.POETRY_SOURCE, IndexKind.UV_INDEX})
_PLATFORM = "linux_x86_64"


@dataclass(frozen=True, slots=True)
class NvidiaClash:
    """Two pinned requirements whose releases need ``nvidia-*`` versions no release meets."""

    first: Requirement
    second: Requirement
    pairs: tuple[tuple[NvidiaRequirement, NvidiaRequirement], ...]


def _pinned(reqs: Sequence[Requirement]) -> list[tuple[Requirement, tuple[NvidiaRequirement, ...]]]:
    out: list[tuple[Requirement, tuple[NvidiaRequirement, ...]]] = []
    seen: set[str] = set()
    for req in reqs:
        name = str(canonicalize_name(req.name))
        version = unconditional_pin(req)
        if version is None or name in seen or not recorded(name, version):
            continue
        full = version_of(req)
        if local_label(req) is not None or (full is not None and full.local):
            continue
        seen.add(name)
        needs = nvidia_requirements(name, version, tuple(req.extras))
        if needs:
            out.append((req, needs))
    return out


def nvidia_clashes(
    reqs: Sequence[Requirement],
    targets: Sequence[Target],
    indexes: Sequence[Index],
    satisfiable: Callable[[Sequence[SpecifierSet]], bool],
) -> list[NvidiaClash]:
    """The pairs of exact pins in one environment whose ``nvidia-*`` requirements exclude
    each other on Linux x86_64 (`satisfiable`: whether some version meets every set)."""
    if not any(t.platform == _PLATFORM for t in targets):
        return []
    if any(i.kind in _REPLACING for i in indexes):
        return []
    ordered = sorted(reqs, key=lambda r: (r.location.file, r.location.line, r.location.column))
    clashes = []
    for (first, left), (second, right) in combinations(_pinned(ordered), 2):
        by_dep = {n.dep: n for n in right}
        pairs = tuple(
            (need, by_dep[need.dep])
            for need in left
            if need.dep in by_dep
            and not satisfiable(
                [need.requirement.specifier, by_dep[need.dep].requirement.specifier]
            )
        )
        if pairs:
            clashes.append(NvidiaClash(first, second, pairs))
    return clashes
