"""What a requirement's specifier admits, and which release a fresh install picks.

Rules reason about the versions an install can actually get, not only ``==`` pins: a
range admits every known release inside it, and a fresh install today picks the newest
admitted stable release (what pip / uv do without a lock). The known releases come from the
knowledge base (`torch_releases`, `tensorflow_releases`, `jax_releases`).

`Admitted.how` says which evidence decided: an exact pin, a lock file, or a range (the
newest admitted release). Rules put it in their messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from rules.checks.support.environments import clause_version, version_of
from rules.kb import KnowledgeBase
from rules.kb.numpy_caps import load_numpy_caps
from rules.kb.wheels import load_wheels
from rules.manifests.model import Requirement

_LOCAL = re.compile(r"\+[A-Za-z0-9.]+")

#: How an `Admitted` was decided.
EXACT = "exact pin"
LOCK = "lock"
RANGE = "range"
#: The base image already has a release the range admits: pip keeps it (`builds.image_kept`).
KEPT = "kept"


@dataclass(frozen=True, slots=True)
class Admitted:
    """The known releases a specifier admits and the one a fresh install picks.

    `releases` are ascending (public versions); `picked` is the newest admitted stable
    release (a pre-release only when the range admits nothing else), or the pinned version
    itself for an exact pin (even when the KB does not list it). `how` is `EXACT`, `LOCK`
    or `RANGE`.
    """

    releases: tuple[Version, ...]
    picked: Version | None
    how: str
    specifier: str = ""

    @property
    def exact(self) -> bool:
        """Whether one version is certain (an exact pin or a lock)."""
        return self.how in (EXACT, LOCK, KEPT)

    def describe(self) -> str:
        """`exact pin 2.5.1`, `lock: 2.3.1`, `range >=2.1: newest admitted 2.14.0`."""
        if self.picked is None:
            return f"range {self.specifier or '(any)'}: no known release admitted"
        if self.how == EXACT:
            return f"exact pin {self.picked}"
        if self.how == LOCK:
            return f"lock: {self.picked}"
        if self.how == KEPT:
            return (
                f"the base image's {self.picked}, which {self.specifier or 'the requirement'} "
                f"admits: pip keeps it"
            )
        return f"range {self.specifier or '(any version)'}: newest admitted {self.picked}"


def _public(version: Version) -> Version:
    return Version(version.public)


def specifier_set(specifier: str) -> SpecifierSet | None:
    """The specifier with local labels dropped (``==2.1.0+cu118`` → ``==2.1.0``); None if
    unreadable. An empty specifier admits everything."""
    try:
        return SpecifierSet(_LOCAL.sub("", specifier.strip()))
    except InvalidSpecifier:
        return None


def exact_version(specifier: str) -> Version | None:
    """The one version a specifier pins (``==2.5.1``, ``===2.5.1``, ``==2.5.1+cu124``),
    else None. Wildcards (``==2.5.*``) and conda's ``==2.5.1.*`` with fewer than three
    release parts are ranges."""
    try:
        clauses = list(SpecifierSet(specifier.strip()))
    except InvalidSpecifier:
        return None
    if len(clauses) != 1 or clauses[0].operator not in ("==", "==="):
        return None
    return clause_version(clauses[0].version)


def admitted(
    specifier: str,
    known: Iterable[Version],
    *,
    locked: Version | None = None,
    installable: Callable[[Version], bool] | None = None,
    kept: Version | None = None,
) -> Admitted:
    """What `specifier` admits among the `known` releases, and what an install picks.

    An exact pin picks itself; a `locked` version (from a lock file in sync with the
    requirement) picks the lock's version; a `kept` version (already in the base image, see
    `builds.image_kept`) that the range admits stays; otherwise the newest admitted stable
    release.
    `installable` (the environment's one Python has a wheel of it) narrows a range the way
    pip and uv do: a release without a wheel for that Python is skipped, so the pick is the
    newest one that installs — unless none does, then every admitted release is kept (and
    the Python rule reports that). An unreadable specifier admits nothing.
    """
    releases = sorted({_public(v) for v in known})
    spec = specifier_set(specifier)
    pin = exact_version(specifier)
    if pin is not None:
        return Admitted((pin,), pin, EXACT, specifier)
    if spec is None:
        return Admitted((), None, RANGE, specifier)
    inside = tuple(v for v in releases if spec.contains(v, prereleases=True))
    if locked is not None and spec.contains(_public(locked), prereleases=True):
        return Admitted((locked,), locked, LOCK, specifier)
    if kept is not None and spec.contains(_public(kept), prereleases=True):
        return Admitted((kept,), kept, KEPT, specifier)
    if installable is not None:
        inside = tuple(v for v in inside if installable(v)) or inside
    stable = [v for v in inside if not v.is_prerelease and not v.is_devrelease]
    choices = stable or list(inside)
    picked = choices[-1] if choices else None
    return Admitted(inside, picked, RANGE, specifier)


def fresh_pick(req: Requirement, known: Iterable[Version]) -> Version | None:
    """The release pip installs for `req` on a fresh build: its exact pin (a conda
    ``=2.1.0`` too), else the newest stable release of `known` its range admits (None:
    nothing known is admitted, or the specifier is unreadable)."""
    pinned = version_of(req)
    if pinned is not None:
        return pinned
    return admitted(req.specifier, known).picked


# -- the releases the knowledge base knows ---------------------------------------------------


def torch_releases(kb: KnowledgeBase) -> tuple[Version, ...]:
    """Every torch release the KB knows: each minor's patches, else the minor's ``X.Y.0``."""
    found: list[Version] = []
    for line in kb.torch.minors:
        patches = [Version(p.torch) for p in line.patches]
        found.extend(patches or [Version(f"{line.minor}.0")])
    return tuple(sorted(found))


def tensorflow_releases(kb: KnowledgeBase) -> tuple[Version, ...]:
    """Every TensorFlow release of a minor the KB's tested-build table has a row for.

    The patch releases come from the package index's release list (numpy_caps.json, one
    row per final release); the table's own row (``2.16.1``) is always included.
    """
    minors = {
        (Version(r.tensorflow).major, Version(r.tensorflow).minor) for r in kb.tensorflow.releases
    }
    found = {Version(r.tensorflow) for r in kb.tensorflow.releases}
    for row in load_numpy_caps().releases("tensorflow"):
        if (row.version.major, row.version.minor) in minors and not row.yanked:
            found.add(row.version)
    return tuple(sorted(found))


def jax_releases(kb: KnowledgeBase, project: str = "jax") -> tuple[Version, ...]:
    """Every jax release the KB lists, with the older ones the wheel table holds (jax.json
    starts at 0.4.20; a range admitting 0.4.13, the last for Python 3.8, must know it)."""
    found = {Version(r.jax) for r in kb.jax.releases}
    rows = load_wheels().releases(project) or ()
    found.update(r.version for r in rows if not r.yanked)
    return tuple(sorted(found))


def releases_of(kb: KnowledgeBase, project: str) -> tuple[Version, ...]:
    """The known releases of `project` (torch, tensorflow, jax, jaxlib); () for others."""
    if project in ("torch", "pytorch"):
        return torch_releases(kb)
    if project in ("tensorflow", "tensorflow-gpu", "tensorflow-cpu"):
        return tensorflow_releases(kb)
    if project in ("jax", "jaxlib"):
        return jax_releases(kb, project)
    if project.startswith("jax-cuda"):
        return jax_releases(kb)
    return ()
