"""`conflict`: no version satisfies every declared constraint on a package in one environment.

Method. The versions a conjunction of PEP 440 clauses allows form an interval with holes
(`!=`) and, for `==X.*`/`~=`, prefix ranges; a non-empty solution set always contains a
version near one of the clauses' boundaries. So instead of a solver we test candidates:
every clause's own version (exact pins, bounds), the version just above it (one more
release component: `1.24` → `1.24.1`, `1.24.0.0.1`), just below it (`1.24` → `1.23.999999`),
and for prefix clauses the next prefix (`1.24.*` → `1.25`). A package conflicts when no
candidate satisfies all clauses (pre-releases allowed, so a pin to `2.0.0rc1` is honoured).
This never reports a conflict that is not there (each candidate is checked against every
clause); it may miss a solution set narrower than the candidates' steps, which would need
clauses a millionth of a release apart.

Pins and ranges against recorded metadata. A package pinned exactly (``==``) whose install
requirements the KB records in full (its wheel METADATA's ``Requires-Dist`` lines: the
TensorFlow packages, rules/kb/tensorflow_wheels.py) conflicts with an exact pin of one of those
requirements that the requirement's specifier excludes: ``tensorflow==2.4.0`` requires
``tensorboard~=2.4``, so ``tensorboard==2.3.0`` in the same environment makes pip stop with
ResolutionImpossible. Only lines whose marker holds on every Python are used. The numpy
requirement of the compiled packages numpy_caps.json reads counts too when the numpy pin is
below what the release requires (``tensorflow==2.5.0`` requires ``numpy~=1.19.2``;
``numpy==1.16.2`` is refused); a numpy pin above its cap (NumPy 2 under ``numpy<2``) stays
numpy-abi's. A range (``scipy>=1.17``) is judged on every final release the KB records
requirements of in it: when each of them clashes with the environment's requirements, pip
backtracks through all and stops (``scipy>=1.17.0,<2`` next to ``numpy==1.24.1``: every scipy
1.17 and 1.18 requires numpy >= 1.26.4); when one admits them, pip installs that one and nothing
is reported. A range that admits a release older than the KB's listing (a bare name always does)
is not judged. Besides exact pins, a recorded requirement is checked against the ranges of a
project no line pins (gradio 4.16.0's ``pydantic>=2.0`` next to ``pydantic<2,>=1``) and against
what an earlier pin's recorded metadata requires of the same project (spacy 3.7.2's
``typer<0.10.0``, gradio 4.31.4's ``typer>=0.12``). The recorded requirements:
rules/kb/requires_dist.py (the Hugging Face, LangChain, FastAPI/pydantic, gradio, vllm, spacy
and apache-beam stacks, and some 90 ML libraries: training, TensorFlow/JAX add-ons,
reinforcement learning, audio, LLM applications, tabular, vision, serving) besides the tables
above; a conda package counts with the NumPy floor of
its PyPI release only.

NVIDIA wheels of two pins. An exact PyPI pin of torch and one of jax with a CUDA extra
(``jax[cuda11_pip]==0.4.14``) conflict when their ``nvidia-*`` requirements on Linux x86_64
exclude each other (nvidia_requires.json: torch 2.0.1 pins ``nvidia-cuda-runtime-cu11==11.7.99``,
jax 0.4.14's ``cuda11_pip`` needs ``>=11.8``); jax's CUDA plugin (``jax[cuda12]`` from 0.4.30 on)
and a declared ``nvidia-*`` requirement count too, and a range is judged on every release it
admits (an error when all clash, a warning when only the fresh pick does); only with Linux
x86_64 among the targets and no index that may replace PyPI (rules/checks/support/nvidia_pins.py).

Install commands of one script (a Dockerfile's RUN lines, a workflow's steps) run one after
another: each pip run resolves its own arguments, and a later one installs over what an earlier
one left (`Requirement.command`). Pins of two commands never conflict; a pin's recorded
requirement clashes with a later command's line as a warning only (pip installs it and warns;
the import may fail), and not with an earlier one's (the pin's own run replaces it).

Environments follow `Requirement.environment`: a requirements file with its `-r`/`-c`
includes, a conda file with its pip section, a pyproject's runtime dependencies together
with each group or extra (`path#group`). Markers are evaluated per target (config
`targets`): requirements that never apply together do not conflict.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial

from packaging.requirements import Requirement as PackagingRequirement
from packaging.specifiers import InvalidSpecifier, Specifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.checks.base import RuleContext, StaticRule
from rules.checks.support.environments import unconditional_pin, version_of
from rules.checks.support.fixes import finding_at
from rules.checks.support.indexes import indexes_for
from rules.checks.support.markers import View, per_install
from rules.checks.support.nvidia_pins import NvidiaClash, nvidia_clashes
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase
from rules.kb.numpy_caps import CapRelease, load_numpy_caps
from rules.kb.nvidia_requires import provenance as nvidia_provenance
from rules.kb.pyspec import (
    EVERY_MINOR,
    holds_on_every_python,
    linux_x86_64_env,
    marker_holds,
    py_key,
    requires_python_admits,
)
from rules.kb.requires_dist import RequiresRow, load_requires_dist
from rules.kb.tensorflow_wheels import load_tensorflow_wheels, tensorflow_wheel
from rules.manifests.model import Ecosystem, FileKind, Requirement, Snapshot
from rules.manifests.snapshot import environment_requirements
from rules.targets import Target, applies, targets_for

_BELOW = 999999


@dataclass(frozen=True, slots=True)
class _Clause:
    req: Requirement
    spec: SpecifierSet

    @property
    def where(self) -> str:
        return f"{self.req.location.file}:{self.req.location.line}"

    @property
    def text(self) -> str:
        return f"{self.req.name}{self.spec}" if str(self.spec) else self.req.name


def _spec(req: Requirement) -> SpecifierSet | None:
    if req.url or not req.specifier.strip():
        return None
    try:
        return SpecifierSet(req.specifier)
    except InvalidSpecifier:
        return None


def _release(text: str) -> tuple[int, ...] | None:
    try:
        return Version(text.removesuffix(".*")).release
    except InvalidVersion:
        return None


def _join(release: Sequence[int]) -> str:
    return ".".join(str(p) for p in release)


def _below(release: tuple[int, ...]) -> str | None:
    """The version just below a release (`1.24` → `1.23.999999`), None below `0`."""
    parts = list(release)
    while parts and parts[-1] == 0:
        parts.pop()
    if not parts:
        return None
    parts[-1] -= 1
    return _join([*parts, _BELOW])


def _candidates(spec: Specifier) -> Iterator[str]:
    version = spec.version
    if spec.operator == "===":
        yield version
        return
    release = _release(version)
    if release is None:
        return
    yield version.removesuffix(".*")
    yield _join([*release, 1])
    yield _join([*release, 0, 0, 0, 1])
    below = _below(release)
    if below is not None:
        yield below
    if version.endswith(".*") or spec.operator == "~=":
        prefix = list(release[:-1] if spec.operator == "~=" else release)
        if prefix:
            prefix[-1] += 1
            yield _join(prefix)
            below_next = _below(tuple(prefix))
            if below_next is not None:
                yield below_next


def _satisfiable(specs: Sequence[SpecifierSet]) -> bool:
    """True when a candidate version satisfies every specifier set (see the module doc)."""
    candidates: set[str] = set()
    for spec_set in specs:
        for spec in spec_set:
            candidates.update(_candidates(spec))
    if not candidates:
        return True
    for candidate in sorted(candidates):
        try:
            version = Version(candidate)
        except InvalidVersion:
            if all(candidate in s for s in specs):  # `===` arbitrary strings
                return True
            continue
        if all(s.contains(version, prereleases=True) for s in specs):
            return True
    return False


#: Up to this many clauses on one package, every pair is tried; above it, only the pairs
#: of the clauses that bound the range (security review, finding 7c: quadratic blow-up).
PAIR_SEARCH_MAX = 64
#: At most this many constraints are listed in a finding (the rest are counted).
LISTED_MAX = 20


def _bound(spec: Specifier) -> tuple[Version | None, Version | None]:
    """The lower and upper release bound one clause puts on the version (None: no bound)."""
    release = _release(spec.version) if spec.operator != "===" else None
    if release is None:
        return None, None
    version = Version(_join(release))
    op = spec.operator
    if op in (">=", ">"):
        return version, None
    if op in ("<", "<="):
        return None, version
    if op == "~=" or (op == "==" and spec.version.endswith(".*")):
        prefix = list(release[:-1] if op == "~=" else release) or [release[0]]
        prefix[-1] += 1
        return version, Version(_join(prefix))
    if op == "==":
        return version, version
    return None, None


def _extremes(clauses: Sequence[_Clause]) -> list[_Clause]:
    """The clause with the highest lower bound, the one with the lowest upper bound, and up
    to 8 exact pins: the clauses whose boundary versions a solution sits next to."""
    low: tuple[Version, int] | None = None
    high: tuple[Version, int] | None = None
    pins: list[int] = []
    for i, clause in enumerate(clauses):
        for spec in clause.spec:
            lower, upper = _bound(spec)
            if lower is not None and (low is None or lower > low[0]):
                low = (lower, i)
            if upper is not None and (high is None or upper < high[0]):
                high = (upper, i)
            if spec.operator in ("==", "===") and len(pins) < 8:
                pins.append(i)
    chosen = sorted({i for i in (*(b[1] for b in (low, high) if b is not None), *pins)})
    return [clauses[i] for i in chosen]


def _jointly_satisfiable_fast(clauses: Sequence[_Clause]) -> bool:
    """True when a boundary version of the extreme clauses satisfies every clause: linear in
    the clauses. False means "not shown", not "unsatisfiable"."""
    specs = [c.spec for c in clauses]
    candidates: set[str] = set()
    for clause in _extremes(clauses):
        for spec in clause.spec:
            candidates.update(_candidates(spec))
    if not candidates:
        return all(not str(s) for s in specs)
    for candidate in sorted(candidates):
        try:
            version = Version(candidate)
        except InvalidVersion:
            continue
        if all(s.contains(version, prereleases=True) for s in specs):
            return True
    return False


def _first_conflicting_pair(clauses: Sequence[_Clause]) -> tuple[_Clause, _Clause] | None:
    """The first pair of clauses (or one clause with itself) that no version satisfies."""
    if _jointly_satisfiable_fast(clauses):
        return None  # one version satisfies all: no pair conflicts
    if len(clauses) <= PAIR_SEARCH_MAX:
        others: Sequence[_Clause] = clauses
        lefts: Sequence[_Clause] = clauses
    else:
        lefts, others = _extremes(clauses), clauses
    position = {id(c): i for i, c in enumerate(clauses)}
    for left in lefts:
        if not _satisfiable([left.spec]):
            return left, left
    for left in lefts:
        for right in others:
            if right is left or (lefts is others and position[id(right)] < position[id(left)]):
                continue
            if not _satisfiable([left.spec, right.spec]):
                pair = sorted((left, right), key=lambda c: position[id(c)])
                return pair[0], pair[1]
    return None


def _environments(snapshot: Snapshot) -> dict[str, list[Requirement]]:
    """Requirements by environment; `path#group` environments include `path`'s runtime (a
    Dockerfile's `path#...` environments are stages and venvs of their own)."""
    by_env = {env: list(reqs) for env, reqs in environment_requirements(snapshot).items()}
    combined: dict[str, list[Requirement]] = {}
    for env, members in by_env.items():
        base = env.split("#", 1)[0]
        manifest = snapshot.files.get(base)
        own = manifest is not None and manifest.kind == FileKind.DOCKERFILE
        extra = by_env.get(base, []) if base != env and not own else []
        combined[env] = [*extra, *members]
    return combined


def _where(req: Requirement) -> str:
    return f"{req.location.file}:{req.location.line}"


def _order(first: Requirement, second: Requirement) -> int:
    """-1 when `second` is named by an install command of the same script that runs before
    `first`'s, 1 when after it, 0 when both are resolved together (one command, or a file)."""
    one, two = first.command, second.command
    if one is None or two is None or one == two or first.location.file != second.location.file:
        return 0
    return 1 if two > one else -1


def _resolved_together(clauses: Sequence[_Clause]) -> list[Sequence[_Clause]]:
    """The sets of clauses one pip (or conda) run resolves: each install command of a script
    with the clauses of files (no command); all of them when no two commands are involved.
    ``RUN pip install numpy==1.22.0`` and a later ``RUN pip install numpy==1.24.0`` are two
    runs: the second replaces the first's numpy, and neither fails."""
    commands = {(c.req.location.file, c.req.command) for c in clauses if c.req.command is not None}
    if len(commands) < 2:
        return [clauses]
    return [
        [c for c in clauses if c.req.command is None or (c.req.location.file, c.req.command) == key]
        for key in sorted(commands, key=lambda k: (k[0], k[1] or 0))
    ]


@dataclass(frozen=True, slots=True)
class _Needed:
    """One recorded install requirement of a pinned release: the project it names, how it
    reads (``tensorboard~=2.4``), the METADATA it was read from, and which versions it admits
    on every Python (``admits`` false: no Python's requirement line admits the version)."""

    dep: str
    text: str
    source: str
    requirement: PackagingRequirement | None = None
    numpy: CapRelease | None = None
    #: Lines whose markers split the requirement by Python: per Python the release installs
    #: on, the specifiers of the lines that hold there (TTS 0.21.1: ``numpy==1.22.0`` up to
    #: 3.10, ``numpy>=1.24.3`` on 3.11).
    per_python: tuple[tuple[str, tuple[SpecifierSet, ...]], ...] = ()

    def admits(self, version: Version) -> bool:
        if self.numpy is not None:  # only a NumPy below the floor (above a cap: numpy-abi's)
            return not load_numpy_caps().below_floor(self.numpy, version)
        if self.per_python:  # some Python on which every line that holds admits it
            return any(
                all(spec.contains(version, prereleases=True) for spec in specs)
                for _, specs in self.per_python
            )
        assert self.requirement is not None
        return self.requirement.specifier.contains(version, prereleases=True)


def _recorded_requires(
    kb: KnowledgeBase, name: str, version: Version, extras: Iterable[str] = ()
) -> list[_Needed]:
    """What the KB records `name==version` requires: every install requirement of the TensorFlow
    packages (tensorflow_wheels.json; those whose marker holds on every Python) and the numpy
    requirement of the compiled packages numpy_caps.json reads (all its lines: a numpy no line
    admits is refused on every Python; only a NumPy below the floor counts here, one above
    the cap is numpy-abi's), and torch's own versioned requirements other than its nvidia-*
    wheels (``sympy==1.13.1``, ``triton==3.2.0``, ``typing-extensions>=4.10.0``:
    `KnowledgeBase.torch_requires`)."""
    found: list[_Needed] = []
    caps = load_numpy_caps().release(name, version)
    if caps is not None and caps.lines:
        text = " / ".join(f"numpy{line.specifier}" for line in caps.lines)
        found.append(_Needed("numpy", text, f"numpy_caps.json: {caps.source()}", numpy=caps))
    wheel = tensorflow_wheel(name, version)
    if wheel is not None and wheel.requires is not None:
        for req in wheel.install_requirements():
            dep = str(canonicalize_name(req.name))
            if dep == "numpy" and caps is not None:
                continue
            source = f"{wheel.source}: Requires-Dist: {req}"
            found.append(_Needed(dep, f"{req.name}{req.specifier}", source, requirement=req))
    recorded = load_requires_dist().release(name, version)
    if recorded is not None and wheel is None:
        found.extend(_split_by_python(name, recorded, caps is not None))
        said: set[str] = set()  # the same line under two extras asked for (gym's all, mujoco)
        for req in (*recorded.requires, *recorded.for_extras(extras)):
            dep = str(canonicalize_name(req.name))
            extra = req in recorded.extra_requires
            if extra and f"{dep}{req.specifier}" in said:
                continue
            said.add(f"{dep}{req.specifier}")
            if (dep == "numpy" and caps is not None) or (
                not extra and not holds_on_every_python(req.marker)
            ):
                continue
            if dep == "torch" and name in _TORCH_REQUIRERS:
                continue  # torch-family-mismatch says it (vllm 0.5.4 requires torch==2.4.0)
            found.append(
                _Needed(dep, f"{req.name}{req.specifier}", recorded.source(req), requirement=req)
            )
    if name == "torch":
        for req, source in kb.torch_requires(version):
            dep = str(canonicalize_name(req.name))
            found.append(_Needed(dep, f"{req.name}{req.specifier}", source, requirement=req))
    return found


#: One clause of such a marker, as packaging writes it (``python_version <= "3.10"``).
_PYTHON_CLAUSE = r'python_(?:full_)?version\s*(?:<=|>=|==|!=|<|>)\s*"[0-9.*]+"'
#: A marker on the Python version alone: clauses joined by and/or (each whitespace run has one
#: place to match, so a long string that fails fails in linear time).
_PYTHON_ONLY = re.compile(rf"\s*{_PYTHON_CLAUSE}(?:\s+(?:and|or)\s+{_PYTHON_CLAUSE})*\s*")


def _split_by_python(name: str, recorded: RequiresRow, numpy_capped: bool) -> list[_Needed]:
    """A dependency that a release requires only through lines with Python markers, with
    every Python the release supports (its Requires-Python, of `EVERY_MINOR`) covered by one:
    vali-98/xtts-rvc-ui's TTS==0.21.1 (Requires-Python <3.12) requires ``numpy==1.22.0;
    python_version <= "3.10"`` and ``numpy>=1.24.3; python_version > "3.10"``, so no Python
    installs it next to numpy==1.24.2. Lines with other markers (a platform, an extra) are
    not read."""
    lines: dict[str, list[PackagingRequirement]] = {}
    for req in recorded.requires:
        marker = str(req.marker) if req.marker is not None else ""
        if not marker or not _PYTHON_ONLY.fullmatch(marker):
            continue
        lines.setdefault(str(canonicalize_name(req.name)), []).append(req)
    found: list[_Needed] = []
    for dep, reqs in lines.items():
        if dep == name or (dep == "numpy" and numpy_capped):
            continue
        same = [r for r in recorded.requires if str(canonicalize_name(r.name)) == dep]
        if any(holds_on_every_python(r.marker) for r in same):
            continue  # a line that holds on every Python: read as it is
        per_python: list[tuple[str, tuple[SpecifierSet, ...]]] = []
        for python in EVERY_MINOR:
            if (
                recorded.requires_python
                and requires_python_admits(recorded.requires_python, python) is False
            ):
                continue
            env = linux_x86_64_env(python)
            holds = [(r, marker_holds(r.marker, env)) for r in reqs if r.marker is not None]
            specs = tuple(r.specifier for r, held in holds if held)
            if not specs or any(held is None for _, held in holds):
                break  # a Python on which it is not required (or unknown): no certain clash
            per_python.append((python, specs))
        else:
            if per_python:
                text = " / ".join(f"{r.name}{r.specifier}; {r.marker}" for r in reqs)
                source = recorded.source(reqs[0])
                found.append(_Needed(dep, text, source, per_python=tuple(per_python)))
    return found


#: Packages whose wheels may pin torch exactly (their requirement comes from the KB).
_TORCH_REQUIRERS = (
    "torchvision",
    "torchaudio",
    "torchtext",
    "torchdata",
    "xformers",
    "vllm",
    "torch-tensorrt",
)


def _implied_torch(
    kb: KnowledgeBase, reqs: Sequence[Requirement], ranges: bool = False
) -> dict[Requirement, Requirement]:
    """The torch an environment gets without naming it: the one exact torch every exact PyPI
    pin of a torch-family package requires (``vllm==0.5.5`` and ``xformers==0.0.27.post2``:
    ``torch==2.4.0``, their wheels' Requires-Dist), as a requirement at the first such pin
    (mapped to that pin), so that its ``nvidia-*`` pins are compared too. Empty when torch (or
    conda's pytorch) is named, or when the pins require different or no exact torch; with
    `ranges`, torch may be named by ranges that all admit that torch (ndif-team/nnsight's
    ``torch>=2.4.0`` beside ``vllm==0.15.1``, which requires torch 2.9.1)."""
    names = {str(canonicalize_name(r.name)) for r in reqs}
    if "pytorch" in names:
        return {}
    named = [r for r in reqs if str(canonicalize_name(r.name)) == "torch"]
    if named and (not ranges or any(unconditional_pin(r) is not None for r in named)):
        return {}
    implied: dict[str, tuple[Requirement, str]] = {}
    for req in reqs:
        name = str(canonicalize_name(req.name))
        pin = unconditional_pin(req)
        if name not in _TORCH_REQUIRERS or pin is None:
            continue
        row = kb.torch_requirement(name, pin)
        spec = row.requires_torch if row is not None else None
        if row is None or spec is None or not spec.startswith("==") or "," in spec:
            return {}
        implied.setdefault(spec[2:], (req, row.source))
    if len(implied) != 1:
        return {}
    ((torch, (by, source)),) = implied.items()
    for line in named:  # a range that excludes it is torch-family-mismatch's to say
        allowed = _range_spec(replace(line, marker=None))
        if allowed is None or not allowed.contains(torch, prereleases=True):
            return {}
    raw = f"torch=={torch} (required by {by.raw.strip()}: {source})"
    made = replace(by, name="torch", raw=raw, specifier=f"=={torch}", pinned=torch, extras=())
    return {made: by}


#: conda packages whose builds follow other recipes than the PyPI wheels' METADATA (the
#: pytorch and nvidia channels, conda-forge's TensorFlow and JAX feedstocks).
_CONDA_OWN_RECIPES = frozenset(
    {"pytorch", "torch", "tensorflow", "tensorflow-gpu", "tensorflow-cpu", "jax", "jaxlib"}
)


#: One clash: what a release requires, the line of the environment that excludes it, and
#: how that line does (``pins `numpy==1.24.1```, ``requires `pydantic<2,>=1```).
_Clash = tuple[_Needed, Requirement, str]


@dataclass(frozen=True, slots=True)
class _Others:
    """The rest of one install: its exact pins (in line order), the ranges of the projects
    not pinned, and what each PyPI pin's recorded metadata requires."""

    pins: Mapping[str, tuple[Requirement, Version]]
    ranges: Mapping[str, list[tuple[Requirement, SpecifierSet]]]
    needs: Mapping[str, list[_Needed]]
    #: The extras each pin is installed with: its own line's, and those another pin's
    #: recorded metadata asks for (stable-baselines 2.10.2 requires ``gym[atari]``).
    extras: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def _range_clash(needed: _Needed, specs: Sequence[SpecifierSet]) -> bool:
    """Whether no version the ranges `specs` admit satisfies `needed` (for NumPy: every NumPy
    release they admit is below the floor; above a cap is numpy-abi's)."""
    if needed.numpy is not None:
        numpys = load_numpy_caps().numpy_releases
        admitted = [n for n in numpys if all(s.contains(n) for s in specs)]
        return bool(admitted) and not any(needed.admits(n) for n in admitted)
    wanted = needed.requirement
    return wanted is not None and not _satisfiable([wanted.specifier, *specs])


def _clashes(
    kb: KnowledgeBase, req: Requirement, version: Version, others: _Others
) -> list[_Clash]:
    """What `req`'s package at `version` requires that the rest of the install excludes: an
    exact pin, the ranges of a project no line pins, or (for a pin) what an earlier pin's
    recorded metadata requires of the same project (spacy 3.7.2's ``typer<0.10.0`` next to
    gradio 4.31.4's ``typer>=0.12``: OpenBMB/MiniCPM-V #127). A conda package counts with the
    NumPy floor of its PyPI release only: that floor is the source's own (SciPy 1.17 needs
    NumPy's 1.26.4 API wherever it is built), while the rest of a conda build's requirements
    are its recipe's.

    A line of an earlier install command than `req`'s (``RUN pip install setuptools==60.9.1``
    before ``RUN pip install pytorch-lightning==1.5.10``, which requires setuptools==59.5.0:
    microsoft/nni's Dockerfile) does not clash: the command that installs `req` installs what
    it requires over that line's pin. A later command's line clashes, but not for certain
    (`_metadata_finding` makes it a warning)."""
    name = str(canonicalize_name(req.name))
    conda = req.ecosystem == Ecosystem.CONDA
    if conda and name in _CONDA_OWN_RECIPES:
        return []
    found: list[_Clash] = []
    # a pin is compared with the pins before it (a pair is said once, at the later line); a
    # range with every pin (intel/llm-on-ray #72: each deepspeed>=0.10.2,<0.11.2 requires
    # pydantic<2.0.0, and the pinned gradio 4.11.0 requires pydantic>=2.0)
    with_needs = list(others.needs)
    earlier = with_needs[: list(others.pins).index(name)] if name in others.pins else with_needs
    for needed in _recorded_requires(kb, name, version, others.extras.get(name, req.extras)):
        dep = needed.dep
        if dep == name or (conda and needed.numpy is None):
            continue
        if dep in others.pins:
            other, pinned = others.pins[dep]
            if not needed.admits(pinned) and _order(req, other) >= 0:
                found.append((needed, other, f"pins `{other.name}=={pinned}`"))
        elif dep in others.ranges and (conda or needed.numpy is None):
            # a PyPI package's NumPy floor against numpy ranges is numpy-abi's to say
            ranges = [(line, spec) for line, spec in others.ranges[dep] if _order(req, line) >= 0]
            if ranges and _range_clash(needed, [spec for _, spec in ranges]):
                line = ranges[0][0]
                found.append((needed, line, f"requires `{line.raw.strip()}`"))
        elif needed.requirement is not None and not conda:
            pairs = list(_pairwise(needed, earlier, others))
            through = None if pairs else _through(kb, name, needed, others)
            if through is not None and _order(req, through[1]) >= 0:
                pairs.append(through)
            found.extend(pairs)
    return found


def _through(kb: KnowledgeBase, name: str, needed: _Needed, others: _Others) -> _Clash | None:
    """A clash one step down: every release of `needed`'s project that its range admits
    (the KB lists them all: the range admits nothing older than the listing) requires what
    an exact pin (or the ranges) of the install excludes. transformers 4.35.0 requires
    ``tokenizers<0.15,>=0.14``, and each tokenizers 0.14.x requires ``huggingface_hub<0.18``,
    so it never installs next to ``huggingface-hub==0.19.4`` (neuralwork/instruct-finetune-
    mistral #1)."""
    assert needed.requirement is not None
    spec = needed.requirement.specifier
    listed = _listed_releases(needed.dep)
    admitted = [v for v in listed if spec.contains(v)]
    if not admitted or _admits_older(spec, listed[0]):
        return None

    def against(theirs: _Needed) -> tuple[Requirement, str] | None:
        """The line of the install that `theirs` excludes: an exact pin, or ranges no
        version of which it admits (tfx 0.25.0 requires tensorflow-data-validation 0.25,
        which requires ``pandas>=1.0``, against ``pandas<1.0.0``: GoogleCloudPlatform/
        mlops-on-gcp 6188cc2)."""
        if theirs.dep in (name, needed.dep):
            return None
        if theirs.dep in others.pins:
            line, pinned = others.pins[theirs.dep]
            return None if theirs.admits(pinned) else (line, f"pins `{line.name}=={pinned}`")
        ranges = others.ranges.get(theirs.dep, [])
        if ranges and theirs.numpy is None and _range_clash(theirs, [s for _, s in ranges]):
            return ranges[0][0], f"requires `{ranges[0][0].raw.strip()}`"
        return None

    shown: _Clash | None = None
    for version in reversed(admitted):
        clash = next(
            (
                (theirs, found)
                for theirs in _recorded_requires(kb, needed.dep, version, needed.requirement.extras)
                if (found := against(theirs)) is not None
            ),
            None,
        )
        if clash is None:
            return None
        if shown is None:
            theirs, (line, what) = clash
            releases = (
                f"{admitted[0]} to {version}, {len(admitted)} releases"
                if len(admitted) > 1
                else f"{version}"
            )
            shown = (
                needed,
                line,
                f"{what}, next to which no {needed.dep} release that range admits ({releases} "
                f"the knowledge base lists) installs: {needed.dep} {version} requires "
                f"`{theirs.text}` ({theirs.source})",
            )
    return shown


def _pairwise(needed: _Needed, earlier: Sequence[str], others: _Others) -> Iterator[_Clash]:
    """What an earlier pin's recorded metadata requires of `needed`'s project that no version
    satisfies together with `needed` (the first such pin only)."""
    assert needed.requirement is not None
    for other_name in earlier:
        for theirs in others.needs.get(other_name, ()):
            if theirs.dep != needed.dep or theirs.requirement is None:
                continue
            specs = [needed.requirement.specifier, theirs.requirement.specifier]
            if not _satisfiable(specs):
                line, pinned = others.pins[other_name]
                yield (
                    needed,
                    line,
                    f"pins `{line.name}=={pinned}`, whose metadata requires `{theirs.text}` "
                    f"({theirs.source})",
                )
                return


def _admits_older(spec: SpecifierSet, oldest: Version) -> bool:
    """Whether `spec` admits a release older than `oldest` (the first the KB lists)."""
    below = _below(oldest.release)
    return below is not None and spec.contains(below)


def _pin(req: Requirement) -> Version | None:
    """The version an exact pin without a marker, URL or constraint role installs in every
    install of its environment (a conda pin too: ``numpy=1.24.1``), or None."""
    if req.ecosystem == Ecosystem.PYPI:
        return unconditional_pin(req)
    if req.url or req.marker or req.is_constraint:
        return None
    version = version_of(req)
    return Version(version.public) if version is not None else None


def _range_spec(req: Requirement) -> SpecifierSet | None:
    """The specifier of a requirement that admits a range of releases in every install of
    its environment (no marker, URL or constraint role; a bare name admits every release)."""
    if req.url or req.marker or req.is_constraint:
        return None
    try:
        return SpecifierSet(req.specifier)
    except InvalidSpecifier:
        return None


def _listed_releases(name: str) -> tuple[Version, ...]:
    """The final releases the KB records requirements of (numpy_caps.json, the TensorFlow
    wheels and requires_dist.json), ascending; yanked ones left out (a range never installs
    them)."""
    found = {r.version for r in load_numpy_caps().releases(name) if not r.yanked}
    found.update(load_requires_dist().releases(name))
    rows = load_tensorflow_wheels().get(name, ())
    found.update(r.version for r in rows if not r.yanked and r.requires is not None)
    return tuple(sorted(v for v in found if not v.is_prerelease))


def _sort_key(req: Requirement) -> tuple[str, int, int]:
    return (req.location.file, req.location.line, req.location.column)


class ConflictRule(StaticRule, id="conflict", severity=Severity.ERROR):
    """No version satisfies all declared constraints on a package in one environment."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per (environment, package) whose constraints cannot all hold."""
        targets = targets_for(ctx.config)
        seen: set[tuple[str, str, str]] = set()
        seen_metadata: set[str] = set()
        for env, reqs in sorted(_environments(ctx.snapshot).items()):
            by_name: dict[str, list[_Clause]] = defaultdict(list)
            for req in sorted(reqs, key=_sort_key):
                spec = _spec(req)
                if spec is not None:
                    by_name[canonicalize_name(req.name)].append(_Clause(req, spec))
            for name, clauses in sorted(by_name.items()):
                if len(clauses) < 2 and all(_satisfiable([c.spec]) for c in clauses):
                    continue
                if all(c.req.is_constraint for c in clauses):
                    continue
                found = next(
                    (
                        hit
                        for together in _resolved_together(clauses)
                        if (hit := self._check_package(env, name, together, targets))
                    ),
                    None,
                )
                if found is None:
                    continue
                finding, (left, right) = found
                # A `path#group` environment repeats its runtime's conflicts: report once.
                key = (name, left.where, right.where)
                if key in seen:
                    continue
                seen.add(key)
                yield finding
            # per set of lines installed together: a Poetry export's markers
            # (`python_version >= "3.9" and python_version < "4.0"` on every line) hold on
            # every Python it is installed on (predibase/lorax server/requirements.txt)
            judged = per_install(
                ctx.snapshot,
                env,
                reqs,
                ctx.config,
                partial(self._view_against_metadata, ctx.kb, env),
            )
            for finding in judged:
                if finding.fingerprint not in seen_metadata:
                    seen_metadata.add(finding.fingerprint)
                    yield finding
            indexes = indexes_for(ctx.snapshot, env)
            implied = _implied_torch(ctx.kb, reqs)
            for clash in nvidia_clashes([*reqs, *implied], targets, indexes, _satisfiable):
                finding = self._nvidia_finding(env, clash, implied)
                if finding.fingerprint not in seen_metadata:
                    seen_metadata.add(finding.fingerprint)
                    yield finding

    def _nvidia_finding(
        self, env: str, clash: NvidiaClash, implied: dict[Requirement, Requirement]
    ) -> Finding:
        """Two pins whose releases' nvidia-* requirements exclude each other on Linux x86_64
        (`implied`: a torch no line names, with the pin that requires it)."""
        first, second = clash.first, clash.second

        def named(req: Requirement) -> str:
            by = implied.get(req)
            if by is None:
                return f"{req.name} ({_where(req)})"
            return f"{req.name} {req.pinned} (required by {by.raw.strip()}, {_where(req)})"

        outcome = (
            "pip stops with ResolutionImpossible."
            if clash.certain
            else "It can fail to resolve or install an older release than expected."
        )
        message = (
            f"{named(first)} and {named(second)} "
            + ("cannot be installed together" if clash.certain else "clash")
            + f" in environment `{env}` on Linux x86_64: their metadata "
            f"requires NVIDIA wheels no version satisfies ({clash.listed()})"
            + (f"; {clash.detail}. " if clash.detail else ". ")
            + outcome
        )
        fix = (
            f"# pin releases of {first.name} and {second.name} built for the same CUDA, "
            f"or install one of them without its NVIDIA wheels"
        )
        lines = clash.lines()
        return finding_at(
            self,
            message,
            second.location,
            package=str(canonicalize_name(second.name)),
            fix=fix,
            evidence=(
                f"{first.raw.strip()} ({_where(first)})",
                f"{second.raw.strip()} ({_where(second)})",
                *lines,
                "nvidia_requires.json: " + nvidia_provenance(),
            ),
            severity=Severity.ERROR if clash.certain else Severity.WARNING,
            fingerprint=(
                f"conflict:{second.location.file}:{canonicalize_name(first.name)}:"
                f"{canonicalize_name(second.name)}:nvidia"
            ),
        )

    def _view_against_metadata(self, kb: KnowledgeBase, env: str, view: View) -> Iterator[Finding]:
        """`_against_metadata` of the lines installed together on `view`'s targets, when
        those include the newest Python it is judged on: a clash only the lines' markers
        confine to older Pythons (``tensorboard==2.3.0; python_version < "3.8"``) is not
        certain where no file names such a Python."""
        if view.among:
            newest = max((t.python for t in view.among), key=py_key)
            if all(t.python != newest for t in view.targets):
                return iter(())
        return self._against_metadata(kb, env, view.reqs)

    def _against_metadata(
        self, kb: KnowledgeBase, env: str, reqs: Sequence[Requirement]
    ) -> Iterator[Finding]:
        """Exact pins that an exactly pinned package's recorded Requires-Dist excludes, among
        `reqs`, lines installed together (their markers, if any, hold together)."""
        pins: dict[str, tuple[Requirement, Version]] = {}
        for req in sorted(reqs, key=_sort_key):
            version = _pin(replace(req, marker=None))
            key = str(canonicalize_name(req.name))
            held = pins.get(key)
            # the first pin, unless a later install command replaces it
            if version is not None and (held is None or _order(held[0], req) > 0):
                pins[key] = (req, version)
        ranges: dict[str, list[tuple[Requirement, SpecifierSet]]] = {}
        for req in sorted(reqs, key=_sort_key):
            name = str(canonicalize_name(req.name))
            spec = _range_spec(replace(req, marker=None))
            if name not in pins and spec is not None and str(spec):
                ranges.setdefault(name, []).append((req, spec))
        if "torch" not in pins:  # the torch an exact torch-family pin requires
            for made in _implied_torch(kb, reqs, ranges=True):
                pins["torch"] = (made, Version(made.pinned or "0"))
                ranges.pop("torch", None)
        extras = {name: tuple(req.extras) for name, (req, _) in pins.items()}
        for req in reqs:  # ``ray==2.2.0`` and ``ray[rllib]==2.2.0``: one install, both extras
            name = str(canonicalize_name(req.name))
            if name in extras and req.extras:
                extras[name] = tuple(dict.fromkeys((*extras[name], *req.extras)))
        needs = {
            name: _recorded_requires(kb, name, version, extras[name])
            for name, (req, version) in pins.items()
            if req.ecosystem == Ecosystem.PYPI
        }
        grown: set[str] = set()
        for required in list(needs.values()):  # a pin's metadata asks for another's extras
            for needed in required:
                asked = needed.requirement.extras if needed.requirement is not None else ()
                if asked and needed.dep in needs:
                    wider = tuple(dict.fromkeys((*extras[needed.dep], *sorted(asked))))
                    if wider != extras[needed.dep]:
                        extras[needed.dep] = wider
                        grown.add(needed.dep)
        for name in grown:
            needs[name] = _recorded_requires(kb, name, pins[name][1], extras[name])
        others = _Others(pins, ranges, needs, extras)
        for name, (req, version) in pins.items():
            by_dependency: dict[str, list[_Clash]] = {}
            for clash in _clashes(kb, req, version, others):
                by_dependency.setdefault(clash[0].dep, []).append(clash)
            # each dependency the pin's metadata requires against another line is a problem
            # of its own, fixed at its own line (kwai-kolors/kolors #47: transformers 4.42.4
            # against tokenizers==0.13.2 and against safetensors==0.3.3)
            for clashes in by_dependency.values():
                yield self._metadata_finding(env, name, req, version, clashes)
        for req in sorted(reqs, key=_sort_key):
            name = str(canonicalize_name(req.name))
            spec = _range_spec(replace(req, marker=None))
            if name in pins or spec is None:
                continue
            listed = _listed_releases(name)
            admitted = [v for v in listed if spec.contains(v)]
            if not admitted or _admits_older(spec, listed[0]):
                continue  # a release older than the KB's listing may satisfy the pins
            newest: list[_Clash] = []
            for version in reversed(admitted):
                clashes = _clashes(kb, req, version, others)
                if not clashes:
                    break
                newest = newest or clashes
            else:
                yield self._metadata_finding(
                    env, name, req, admitted[-1], newest, every=(admitted[0], len(admitted))
                )

    def _metadata_finding(
        self,
        env: str,
        name: str,
        req: Requirement,
        version: Version,
        clashes: Sequence[_Clash],
        every: tuple[Version, int] | None = None,
    ) -> Finding:
        """`every`: `req` is a range, and each of the releases it admits (the oldest, how
        many) clashes; `version` is the newest of them, whose clashes are shown."""
        listed = "; ".join(
            f"`{needed.text}`, but {_where(other)} {shown}" for needed, other, shown in clashes
        )
        conda = any(r.ecosystem == Ecosystem.CONDA for r in (req, *(o for _, o, _ in clashes)))
        # every clashing line is installed by another command than `req`: each command
        # installs, pip only warns of the broken requirement, and the import may fail
        apart = all(_order(req, other) != 0 for _, other, _ in clashes)
        outcome = (
            f"The install commands run one after another: each installs, pip only warns that "
            f"{name}'s requirement is broken, and {name} may fail when it is imported."
            if apart
            else "conda (or pixi) cannot solve the environment."
            if conda
            else "pip stops with ResolutionImpossible."
        )
        if every is None:
            message = (
                f"{name} {version} ({_where(req)}) "
                + ("does not fit" if apart else "cannot be installed in")
                + f" environment `{env}`: "
                f"its metadata requires {listed}. {outcome}"
            )
        else:
            oldest, count = every
            releases = f"{oldest} to {version}, {count} releases" if count > 1 else f"{version}"
            message = (
                f"No release of {name} that `{req.raw.strip()}` ({_where(req)}) admits can be "
                f"installed in environment `{env}` ({releases} the knowledge base lists): the "
                f"newest, {version}, requires {listed}, and every older one clashes with the "
                f"environment's requirements too. {outcome}"
            )
        fix = "\n".join(
            [
                f"# what {name} {version} requires (or pin a {name} release these pins satisfy):",
                *(needed.text for needed, _, _ in clashes),
            ]
        )
        return finding_at(
            self,
            message,
            req.location,
            package=name,
            fix=fix,
            evidence=(
                f"{req.raw.strip()} ({_where(req)})",
                *(f"{other.raw.strip()} ({_where(other)})" for _, other, _ in clashes),
                *dict.fromkeys(needed.source for needed, _, _ in clashes),
            ),
            severity=Severity.WARNING if apart else Severity.ERROR,
            fingerprint=(
                # a range's clash and a pin's are two problems (openrlhf: the base's
                # `vllm>0.8.2` extra clashed; the head's `vllm==0.8.3` extra is new)
                f"conflict:{req.location.file}:{name}:{'range:' if every else ''}requires:"
                + ",".join(needed.dep for needed, _, _ in clashes)
            ),
        )

    def _check_package(
        self, env: str, name: str, clauses: Sequence[_Clause], targets: Sequence[Target]
    ) -> tuple[Finding, tuple[_Clause, _Clause]] | None:
        if not any(c.req.marker for c in clauses):
            only = _first_conflicting_pair(clauses)
            if only is None:
                return None
            return self._finding(env, name, clauses, only, ()), only
        failing: list[Target] = []
        pair: tuple[_Clause, _Clause] | None = None
        active_for_pair: list[_Clause] = []
        for target in targets:
            active = [c for c in clauses if applies(c.req.marker, target)]
            found = _first_conflicting_pair(active)
            if found is not None:
                failing.append(target)
                if pair is None:
                    pair, active_for_pair = found, active
        if pair is None:
            return None
        labels = () if len(failing) == len(targets) else tuple(t.label for t in failing)
        return self._finding(env, name, active_for_pair, pair, labels), pair

    def _finding(
        self,
        env: str,
        name: str,
        clauses: Sequence[_Clause],
        pair: tuple[_Clause, _Clause],
        targets: tuple[str, ...],
    ) -> Finding:
        left, right = pair
        listed = "; ".join(f"`{c.text}` ({c.where})" for c in clauses[:LISTED_MAX])
        if len(clauses) > LISTED_MAX:
            listed += f"; and {len(clauses) - LISTED_MAX} more"
        if left is right:
            why = f"`{left.text}` ({left.where}) admits no version at all"
        else:
            why = (
                f"`{left.text}` ({left.where}) and `{right.text}` ({right.where}) "
                "exclude each other"
            )
        where = f" on {', '.join(targets)}" if targets else ""
        message = (
            f"No version of {name} satisfies every constraint in environment `{env}`{where}: "
            f"{why}. All constraints on {name}: {listed}. "
            f"pip will stop with ResolutionImpossible (or install something that breaks)."
        )
        fix = (
            f"# either make {right.where} agree with {left.where}:\n{left.text}\n"
            f"# or make {left.where} agree with {right.where}:\n{right.text}\n"
            f"# (if a dependency imposes one of the bounds, upgrade that dependency instead)"
        )
        if left is right:
            fix = f"# {left.where} allows no version; write one satisfiable range:\n{left.req.name}"
        return finding_at(
            self,
            message,
            right.req.location,
            package=name,
            fix=fix,
            evidence=tuple(f"{c.text} ({c.where})" for c in clauses[:LISTED_MAX]),
            fingerprint=f"conflict:{env}:{name}",
        )


RULES = (ConflictRule(),)
