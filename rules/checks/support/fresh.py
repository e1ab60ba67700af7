"""The Pythons a fresh install of an environment can run on when no file names one (pure).

Evidence first: a Dockerfile stage, a CI job, conda ``python=``, ``.python-version``...
(`rules.checks.support.evidence`). Without any, the rules assume a current Python
(`rules.targets.DEFAULT_PYTHONS`). An exact pin narrows that: pip installs
``tensorflow==2.7.2`` only on a Python it has a wheel (or an sdist) for — cp37–cp39 — so a
fresh install of that environment happens on one of those Pythons, never on 3.12.

`pin_pythons` gives the Pythons every exact PyPI pin of the environment installs on (the KB
wheel table, `rules.kb.wheels.pip_candidate`): the assumed Pythons that qualify, else, when
the pins rule out every assumed one, each known minor (3.6–3.14) that qualifies. One of them
runs the install, which one is not known: a rule may call a break certain only when it holds
on each. None when a file names the Python, when the pins do not narrow the assumed Pythons,
or when no Python installs them all (the Python rule and the resolver report that).

`installable_for` is the fresh-pick filter of `versions.admitted`: a release installs when
it does on the one Python the evidence names, else on some Python `pin_pythons` allows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from packaging.version import Version

from rules.checks.support.environments import env_of, version_of
from rules.checks.support.evidence import sole_python, targets_for_environment
from rules.checks.support.markers import holds
from rules.checks.support.memo import PerSnapshotEnv
from rules.config import PLATFORMS
from rules.kb.pyspec import KNOWN_MINORS
from rules.kb.wheels import pip_candidate
from rules.manifests.model import Ecosystem, Requirement, Snapshot
from rules.targets import DEFAULT_PYTHONS, Target

#: Whether pip / uv consider `package==version` on a Python minor (None: not recorded).
Candidate = Callable[[str, str, str], bool | None]


@dataclass(frozen=True, slots=True)
class PinPythons:
    """The Pythons an environment's exact pins install on, and the pins that decided."""

    #: Ascending minors; one of them runs a fresh install.
    minors: tuple[str, ...]
    #: The pins that ruled Pythons out, each with the Pythons it installs on.
    pins: tuple[tuple[str, tuple[str, ...]], ...]

    def describe(self) -> str:
        """`no file names the Python; tensorflow==2.7.2 installs on Python 3.7, 3.8, 3.9`."""
        said = "; ".join(f"{pin} installs on Python {', '.join(on)}" for pin, on in self.pins)
        return f"no file names the Python; {said}"


def _key(minor: str) -> tuple[int, int]:
    major, rest = minor.split(".")[:2]
    return int(major), int(rest)


def _applies(req: Requirement, python: str) -> bool:
    """Whether the pin is installed on `python` (its marker holds on some platform)."""
    return any(holds(req.marker, Target(python, platform)) for platform in PLATFORMS)


def exact_pins(snapshot: Snapshot, env: str) -> list[tuple[Requirement, Version]]:
    """The exact PyPI pins of `env` that install a release (no constraint, no URL)."""
    return [
        (req, Version(pin.public))
        for req in snapshot.requirements()
        if env_of(req) == env
        and req.ecosystem == Ecosystem.PYPI
        and not req.is_constraint
        and not req.url
        and (pin := version_of(req)) is not None
    ]


def narrow(
    pins: list[tuple[Requirement, Version]], candidate: Candidate = pip_candidate
) -> PinPythons | None:
    """What `pins` leave of the Pythons (see the module docstring); None when nothing narrows."""

    def installs(req: Requirement, version: Version, python: str) -> bool:
        if not _applies(req, python):
            return True
        return candidate(req.name, str(version), python) is not False

    def allowed(universe: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(p for p in universe if all(installs(r, v, p) for r, v in pins))

    assumed = allowed(DEFAULT_PYTHONS)
    if len(assumed) == len(DEFAULT_PYTHONS):
        return None
    minors = assumed or allowed(KNOWN_MINORS)
    if not minors:
        return None
    universe = DEFAULT_PYTHONS if assumed else KNOWN_MINORS
    deciding = []
    for req, version in pins:
        on = tuple(p for p in universe if installs(req, version, p))
        if len(on) < len(universe):
            deciding.append((req.raw.strip(), on))
    return PinPythons(tuple(sorted(minors, key=_key)), tuple(deciding))


@dataclass(frozen=True, slots=True)
class DisjointPins:
    """Two exact pins of one environment with no Python both install on."""

    first: Requirement
    first_on: tuple[str, ...]
    second: Requirement
    second_on: tuple[str, ...]


def disjoint_pins(
    pins: list[tuple[Requirement, Version]],
    candidate: Candidate = pip_candidate,
    most: int = 1,
) -> list[DisjointPins]:
    """The first `most` pairs of `pins` (in file order) that no known Python installs
    together: each installs on some minor (its wheels, or its sdist within Requires-Python),
    and none is shared (trainindata/deploying-machine-learning-models' Dependabot PR #816:
    numpy==1.22.0, Python >=3.8, next to opencv-python==4.0.0.21, wheels for cp34-cp37 and no
    sdist). Pins the table does not know, or whose markers leave a Python out, do not count
    there."""

    def on(req: Requirement, version: Version) -> tuple[str, ...] | None:
        minors = []
        for python in KNOWN_MINORS:
            if not _applies(req, python):
                return None  # a marker splits it by Python: another line serves the rest
            verdict = candidate(req.name, str(version), python)
            if verdict is None:
                return None
            if verdict:
                minors.append(python)
        return tuple(minors) if minors else None

    known = [(req, found) for req, version in pins if (found := on(req, version)) is not None]
    pairs: list[DisjointPins] = []
    for index, (first, first_on) in enumerate(known):
        for second, second_on in known[index + 1 :]:
            if first.name != second.name and not set(first_on) & set(second_on):
                pairs.append(DisjointPins(first, first_on, second, second_on))
                if len(pairs) >= most:
                    return pairs
    return pairs


#: pin_pythons' answers.
_MEMO: PerSnapshotEnv[PinPythons | None] = PerSnapshotEnv()


def pin_pythons(snapshot: Snapshot, env: str) -> PinPythons | None:
    """The Pythons a fresh install of `env` can run on, from its exact pins, when no file
    names its Python (see the module docstring). Computed once per snapshot and environment."""

    def compute() -> PinPythons | None:
        named = any(not t.assumed for t in targets_for_environment(snapshot, env))
        return None if named else narrow(exact_pins(snapshot, env))

    return _MEMO.get(snapshot, env, compute)


def installable_for(
    snapshot: Snapshot,
    env: str,
    package: str,
    candidate: Candidate = pip_candidate,
    python: str | None = None,
) -> Callable[[Version], bool] | None:
    """Whether a release of `package` installs where a fresh install of `env` runs: on
    `python` when given (the Python of one image that installs `env`), else on the one
    Python the evidence names, else on some Python the pins allow; None when unknown."""
    python = python or sole_python(snapshot, env)
    pythons: tuple[str, ...] = (python,) if python else ()
    if not pythons:
        allowed = pin_pythons(snapshot, env)
        pythons = allowed.minors if allowed is not None else ()
    if not pythons:
        return None

    def installable(version: Version) -> bool:
        return any(candidate(package, str(version), p) is not False for p in pythons)

    return installable
