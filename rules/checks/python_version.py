"""python-version-incompatible: Pythons that will run an environment outside what its
pinned framework releases support.

The Pythons are the environment's targets (`_targets.targets_for_environment`): the Python
of every Dockerfile stage and CI job that installs it, its conda ``python=``, ``# Python:``
notes, ``.python-version`` / ``runtime.txt``, ``requires-python`` / Poetry ``python``
ranges, the repo config's ``targets.python``; never an assumed Python. Frameworks: pinned
torch (KB python range; 3.15 not yet shipped for 2.13), TensorFlow (tested range), jax
(python_requires). A Python that certainly runs the environment (an image, apt, a workflow
matrix entry, conda, a note) outside the range is an error; one the config only targets is
a warning; a range none of whose Pythons is supported is an error; a range starting below
the framework's minimum is a warning (uv and Poetry lock for every Python the range
allows, and fail).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.builds import decide
from rules.checks.support.environments import (
    each_env,
    env_of,
    env_root,
    is_job_environment,
    project,
    version_of,
)
from rules.checks.support.evidence import exact_minor, targets_for_environment
from rules.checks.support.fixes import finding
from rules.checks.support.fresh import (
    DisjointPins,
    disjoint_pins,
    exact_pins,
    installable_for,
)
from rules.checks.support.locked_wheels import locked_wheel_findings
from rules.checks.support.packages import is_dev_path
from rules.checks.support.project_python import project_python_findings
from rules.checks.support.source_builds import release_row, source_builds, wheel_pythons
from rules.checks.support.versions import Admitted, admitted, exact_version
from rules.checks.support.wheels import UNREADABLE, WheelIndex, kb_wheels
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase, release_lists
from rules.kb.pyspec import requires_python_admits
from rules.kb.wheels import load_wheels
from rules.manifests.model import Ecosystem, Requirement, Snapshot, Span
from rules.targets import Evidence, Target, applies


@dataclass(frozen=True, slots=True)
class _Support:
    framework: str
    low: tuple[int, int]
    high: tuple[int, int] | None
    spec: SpecifierSet | None
    source: str

    def admits(self, minor: str) -> bool:
        mm = tuple(int(p) for p in minor.split("."))
        if self.spec is not None:
            return self.spec.contains(f"{minor}.0") or self.spec.contains(f"{minor}.99")
        return self.low <= mm and (self.high is None or mm <= self.high)

    def describe(self, minor: str | None = None) -> str:
        """The Pythons it supports (`minor`: unused, the wheel rows' signature)."""
        del minor
        if self.spec is not None:
            return f"Python {self.spec}"
        high = f"{self.high[0]}.{self.high[1]}" if self.high else "…"
        return f"Python {self.low[0]}.{self.low[1]}–{high}"


def _mm(text: str) -> tuple[int, int]:
    major, minor = text.split(".")[:2]
    return int(major), int(minor.rstrip("t"))


#: Most pairs of exact pins that share no Python reported per environment.
_MOST_PAIRS = 8

_FRAMEWORKS = ("torch", "tensorflow", "tensorflow-gpu", "tensorflow-cpu", "jax")


def _framework_support(kb: KnowledgeBase, name: str, version: Version) -> _Support | None:
    """What the KB says about the Pythons of one torch / TensorFlow / jax release."""
    if name == "torch":
        release = kb.torch_release(version)
        if release is None:
            return None
        line = release.line
        highs = [line.python_max_shipped or line.python_max]
        highs += [e for e in line.python_experimental if not e.endswith("t")]
        high = max(_mm(h) for h in highs)
        if line.python_max_shipped:
            high = _mm(line.python_max_shipped)
        return _Support("torch", _mm(line.python_min), high, None, f"KB torch.json {line.minor}")
    if name in ("tensorflow", "tensorflow-gpu", "tensorflow-cpu"):
        tf = kb.tensorflow_release(version)
        if tf is None:
            return None
        return _Support(
            "tensorflow",
            _mm(tf.python_min),
            _mm(tf.python_max),
            None,
            f"KB tensorflow.json {tf.tensorflow}",
        )
    if name == "jax":
        jax = kb.jax_release(version)
        if jax is None:
            return None
        try:
            spec = SpecifierSet(jax.python_requires)
        except InvalidSpecifier:
            return None
        return _Support("jax", (3, 0), None, spec, f"KB jax.json {jax.jax}")
    return None


@dataclass(frozen=True, slots=True)
class _Release:
    """One release of a package the KB wheel table records."""

    framework: str
    version: Version
    wheels: WheelIndex

    @property
    def row(self) -> Any:
        """Its KB release row (a ``rules.kb.wheels.WheelRelease``), None when not recorded."""
        return release_row(self.wheels, self.framework, self.version)


@dataclass(frozen=True, slots=True)
class _WheelSupport(_Release):
    """One release of another package: the Pythons its wheels are built for (KB wheels)."""

    @property
    def source(self) -> str:
        return f"KB wheels: {self.framework} {self.version} (Linux x86_64 wheel tags)"

    def admits(self, minor: str) -> bool | None:
        return self.wheels.has_wheel(self.framework, str(self.version), minor)

    def describe(self, minor: str | None = None) -> str:
        """Which Pythons its wheels are for; when Requires-Python excludes `minor` too, that
        pip does not build its sdist there either."""
        row = self.row
        plain = row is not None and any(not m.endswith("t") for m in row.exact)
        if row is not None and plain and row.open_floor is None:
            # albermax/innvestigate: "tensorflow==1.12.0 supports Python 3.3–3.6 only"
            text = (
                f"Python {wheel_pythons(row)} only (the Pythons the Linux wheels of "
                f"{self.framework} {self.version} are built for)"
            )
        elif row is not None and row.requires_python and minor is None:
            text = (
                f"other Pythons only (the wheels of {self.framework} {self.version}; its "
                f"Requires-Python is {row.requires_python})"
            )
        else:
            text = f"other Pythons only (the wheels of {self.framework} {self.version})"
        if minor is not None and row is not None and row.requires_python and not row.admits(minor):
            text += (
                f" (its Requires-Python is {row.requires_python}, so pip does not take its sdist "
                "either)"
            )
        return text


@dataclass(frozen=True, slots=True)
class _CondaSupport(_Release):
    """One release of a package a conda range admits: only its Requires-Python counts (PyPI's
    wheel tags say nothing of conda's builds, but a channel's build runs upstream's
    ``pip install .``, which refuses a Python upstream's Requires-Python excludes:
    conda-forge builds scipy 1.14 for Python >=3.10 only)."""

    @property
    def source(self) -> str:
        return f"KB wheels: {self.framework} {self.version} (Requires-Python of its PyPI files)"

    def admits(self, minor: str) -> bool | None:
        row = self.row
        if row is None or not row.requires_python:
            return None
        return bool(row.admits(minor))

    def describe(self, minor: str | None = None) -> str:
        row = self.row
        needs = row.requires_python if row is not None else "?"
        return (
            f"{self.framework} {self.version} requires Python {needs}, and conda channels "
            "build only the Pythons upstream admits"
        )


@dataclass(frozen=True, slots=True)
class _ListedSupport:
    """One release of a package only the release lists record (`rules.kb.release_lists`):
    the Requires-Python its files state in the index listing, which pip and uv obey (they do
    not consider a release whose Requires-Python excludes the running Python:
    Cloud-CV/EvalAI #5142, ``dnspython==2.6.1`` on ``python:3.7-slim``)."""

    framework: str
    version: Version
    requires: str

    @property
    def source(self) -> str:
        return (
            f"KB release_lists.json: {self.framework} {self.version} (Requires-Python "
            "of its files in the index listing)"
        )

    def admits(self, minor: str) -> bool | None:
        return requires_python_admits(self.requires, minor)

    def describe(self, minor: str | None = None) -> str:
        return (
            f"Python {self.requires} only (the Requires-Python of {self.framework} "
            f"{self.version}), so pip does not consider it there"
        )


_Any = _Support | _WheelSupport | _CondaSupport | _ListedSupport


@dataclass(frozen=True, slots=True)
class _Options:
    """A requirement: what its specifier admits, and each admitted release's Pythons."""

    req: Requirement
    decided: Admitted
    rows: tuple[tuple[Version, _Any], ...]
    picked: _Any | None


def _options(
    kb: KnowledgeBase, snapshot: Snapshot, req: Requirement, wheels: WheelIndex
) -> _Options | None:
    """The releases `req` admits with their Python support (exact pins, locks and, for PyPI
    requirements, ranges); None when nothing is known."""
    name = project(req)
    support: Callable[[Version], _Any | None]
    if version_of(req) is None and req.ecosystem != Ecosystem.PYPI:
        # a conda range: conda-forge builds other Pythons than the wheels, but none that
        # upstream's Requires-Python excludes (wtclarke/spec2nii: scipy>=1.14 on a 3.9 job)
        if name in _FRAMEWORKS or not (listed := wheels.releases(name)):
            return None
        decided = admitted(req.specifier, listed)

        def support(v: Version) -> _Any | None:
            return _CondaSupport(name, Version(v.public), wheels)

    elif name in _FRAMEWORKS:
        decided = decide(kb, snapshot, req)

        wheel_releases = frozenset(wheels.releases(name))

        def support(v: Version) -> _Any | None:
            known = _framework_support(kb, name, v)
            if known is None and Version(v.public) in wheel_releases:
                return _WheelSupport(name, Version(v.public), wheels)  # e.g. torch 1.3
            return known

    else:
        known = wheels.releases(name)
        if not known:
            return _listed_options(snapshot, req, name)
        if _no_wheel_rows(wheels, name, known[-1]):
            # releases numpy_caps.json lists (rasterio, astropy) but the wheel table does not
            # record: the release lists' Requires-Python, when they hold the project
            from_lists = _listed_options(snapshot, req, name)
            if from_lists is not None:
                return from_lists
        if exact_version(req.specifier) is None:
            # pip and uv skip a yanked release unless an exact pin names it (PEP 592):
            # openvinotoolkit/geti-sdk 6efa8a76's ipython==8.13.* on Python 3.8, where 8.13.0
            # (yanked, "Wrong Python Pinning") is the only one whose Requires-Python admits it
            yanked = getattr(wheels, "yanked", None)
            gone = yanked(name) if yanked is not None else frozenset()
            known = tuple(v for v in known if v not in gone) or known
        installable = installable_for(snapshot, env_of(req), name, wheels.pip_candidate)
        decided = admitted(req.specifier, known, installable=installable)

        def support(v: Version) -> _Any | None:
            return _WheelSupport(name, Version(v.public), wheels)

    return _with_support(req, decided, support)


def _with_support(
    req: Requirement, decided: Admitted, support: Callable[[Version], _Any | None]
) -> _Options | None:
    """`decided` with the support of each admitted release and of the picked one; None when
    none is known."""
    rows = tuple((v, s) for v in decided.releases if (s := support(v)) is not None)
    picked = support(decided.picked) if decided.picked is not None else None
    if picked is None and not rows:
        return None
    return _Options(req, decided, rows, picked)


def _no_wheel_rows(wheels: WheelIndex, name: str, newest: Version) -> bool:
    """Whether `wheels` keeps release rows (the KB's table does, a test fake may not) and has
    none for `name`'s newest release: its releases came from another list."""
    return (
        getattr(wheels, "release_row", None) is not None
        and release_row(wheels, name, newest) is None
    )


def _listed_options(snapshot: Snapshot, req: Requirement, name: str) -> _Options | None:
    """`_options` for a PyPI package only the release lists record: each admitted release
    with the Requires-Python its listing states (None: not recorded, or none stated)."""
    try:
        known = release_lists.releases(name)
    except UNREADABLE:
        return None
    if not known:
        return None

    def requires(version: Version) -> str | None:
        try:
            return release_lists.requires_python(name, version)
        except UNREADABLE:
            return None

    def candidate(package: str, version: str, python: str) -> bool | None:
        stated = requires(Version(version))
        return requires_python_admits(stated, python) if stated is not None else None

    installable = installable_for(snapshot, env_of(req), name, candidate)
    decided = admitted(req.specifier, known, installable=installable)

    def support(version: Version) -> _Any | None:
        # "" (no Requires-Python stated) admits every Python: pip considers the release
        # there (chroma-core/chroma: posthog >=2.4.0 on Python 3.8 takes 4.3.1, whose files
        # state none, not "no release")
        stated = requires(Version(version.public))
        return _ListedSupport(name, Version(version.public), stated) if stated is not None else None

    return _with_support(req, decided, support)


#: How sure each kind of evidence is that this Python runs the environment: an exact one of
#: these kinds outside the framework's range is an error; any other kind (a repo config's
#: `targets.python`, a workflow job that names no installed file) a warning.
_CERTAIN = frozenset(
    {
        "image", "apt", "os-default", "interpreter", "conda", "env", "workflow",
        "python-version", "note", "dockerfile", "installer",
    }
)  # fmt: skip


@dataclass
class _Claim:
    """One piece of evidence (or a group of workflow entries in one file) and its Pythons."""

    evidence: Evidence
    minors: list[str]
    ranged: bool
    #: Each minor's own evidence (a grouped workflow matrix: the entry that names it).
    by_minor: dict[str, Evidence] = field(default_factory=dict)

    def at(self, minors: Sequence[str]) -> Evidence:
        """The evidence of the first of `minors` (where a finding about them stands)."""
        return self.by_minor.get(minors[0], self.evidence) if minors else self.evidence

    def only(self, minors: list[str]) -> _Claim:
        """This claim for `minors` alone."""
        return _Claim(self.evidence, minors, self.ranged, self.by_minor)


def _claims(targets: Iterable[Target], per_python: bool = False) -> list[_Claim]:
    """The evidence behind `targets`, each with the minors it names (grouped per file for
    workflow matrices, so that one matrix gives one finding; not with `per_python`, a
    workflow job's environment, where each Python is a job of its own)."""
    claims: dict[tuple[str, ...], _Claim] = {}
    for target in targets:
        if target.assumed:
            continue
        for ev in target.sources:
            if ev.what != "python":
                continue
            ranged = exact_minor(ev.value) is None and ev.how != "config"
            grouped = ev.how == "workflow" and not ranged and not per_python
            key = (ev.how, ev.file or "", "" if grouped else f"{ev.line}:{ev.value}")
            claim = claims.setdefault(key, _Claim(ev, [], ranged))
            if target.python not in claim.minors:
                claim.minors.append(target.python)
                claim.by_minor.setdefault(target.python, ev)
    for claim in claims.values():
        claim.minors.sort(key=lambda m: tuple(int(p) for p in m.split(".")[:2]))
    return list(claims.values())


def _first(found: Finding, seen: set[tuple[str, ...]]) -> bool:
    """Whether `found` is the first finding of its identity (and remember it)."""
    if found.identity in seen:
        return False
    seen.add(found.identity)
    return True


def _under_marker(claim: _Claim, req: Requirement) -> _Claim | None:
    """The claim limited to the Pythons on which `req`'s marker installs it (None: none)."""
    if not req.marker:
        return claim
    minors = [m for m in claim.minors if applies(req.marker, Target(m, "linux_x86_64"))]
    if not minors:
        return None
    return claim.only(minors)


def _may_pick_unusable(
    option: _Options, minor: str, fitting: list[Version], wheels: WheelIndex
) -> bool:
    """Whether pip / uv might pick, on `minor`, an admitted release newer than the newest one
    that supports it: one they consider there (its Requires-Python admits it and it has an
    sdist; `source_builds` words that case where the KB has the release row) or one the KB
    cannot say they skip (Requires-Python and files not recorded). torch and TensorFlow
    publish wheels only and jax's range is its Requires-Python, so their unsupported
    releases are always skipped."""
    best = max(fitting)
    for version, support in option.rows:
        if version <= best or not isinstance(support, _WheelSupport):
            continue
        if support.admits(minor) is False and (
            wheels.pip_candidate(support.framework, str(version), minor) is not False
        ):
            return True
    return False


def _builds_from_sdist(support: _WheelSupport, minor: str) -> bool:
    """Whether pip takes the release's sdist on `minor` (no wheel for it, Requires-Python
    admits it, an sdist exists)."""
    return support.wheels.pip_candidate(support.framework, str(support.version), minor) is True


def _sdist_only_installs(support: _Any, minor: str) -> bool:
    """Whether the release has no wheel for any Python and pip takes its sdist on `minor`: no
    matter of the Python (flash-attn publishes sdists only on PyPI)."""
    return (
        isinstance(support, _WheelSupport)
        and _builds_from_sdist(support, minor)
        and _sdist_only(support)
    )


def _sdist_only(support: _WheelSupport) -> bool:
    """Whether the release has no wheel for any Python (only its sdist installs)."""
    row = support.row
    return row is not None and not (row.exact or row.open_floor)


def _per_python(found: Finding, claim: _Claim, per_python: bool) -> Finding:
    """A workflow job's combinations are jobs of their own: there, one problem per package and
    Python (the base's numpy-on-3.15 job does not hide the head's new numpy-on-3.14 job)."""
    if not per_python or not found.fingerprint:
        return found
    return replace(found, fingerprint=f"{found.fingerprint}:python {', '.join(claim.minors)}")


def _none_installs(req: Requirement) -> str:
    """How the finding says nothing installs: pip / uv look for a wheel; conda solves for a
    channel build (`describe()` then names what the KB records for the release)."""
    return "no conda build installs" if req.ecosystem == Ecosystem.CONDA else "no wheel installs"


class PythonVersionIncompatible(
    StaticRule, id="python-version-incompatible", severity=Severity.ERROR
):
    """Pythons that will run an environment that its pinned torch / TensorFlow / jax release
    does not support (targets from `_targets.targets_for_environment`; never assumed ones)."""

    def __init__(self, wheels: WheelIndex | None = None) -> None:
        self._wheels = wheels

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every (Python evidence, framework requirement) pair that disagree."""
        wheels = self._wheels if self._wheels is not None else kb_wheels()
        seen: set[tuple[str, ...]] = set()
        memo: dict[tuple[object, ...], _Options | None] = {}
        # The files a Dockerfile stage or CI job installs get its Python as facts of their
        # own environments (judged there once); its union would judge them again.
        for path in sorted(ctx.snapshot.files):  # a project's own Requires-Python
            for found in project_python_findings(self, ctx.snapshot, path):
                if _first(found, seen):
                    yield found
        for found in locked_wheel_findings(self, ctx.snapshot, load_wheels()):
            if _first(found, seen):
                yield found
        # A constraint (`-c`, uv's constraint-dependencies) pins a project only if something
        # installs it: stfc/janus-core's dgl==2.1 constraint on its 3.13 legs, where no file
        # of the repository requires dgl (openvinotoolkit/nncf's constraints.txt onnxruntime
        # pin is judged: tests/onnx/requirements.txt requires onnxruntime).
        named = {
            project(r)
            for m in ctx.snapshot.files.values()
            for r in m.requirements
            if not r.is_constraint
        }
        for env, reqs in each_env(ctx.snapshot, together=False):
            for found in self._disjoint(ctx, env):
                if _first(found, seen):
                    yield found
            options = [
                o
                for r in reqs
                if not r.is_constraint or project(r) in named
                if (o := self._options_of(ctx, r, wheels, memo))
            ]
            if not options:
                continue
            per_python = is_job_environment(ctx.snapshot, env)
            claims = _claims(targets_for_environment(ctx.snapshot, env, ctx.config), per_python)
            for every in claims:
                for option in options:
                    claim = _under_marker(every, option.req)
                    if claim is None:
                        continue
                    if not claim.ranged and isinstance(option.picked, _WheelSupport):
                        handled, built = source_builds(
                            self, ctx.snapshot, env, claim.evidence, claim.minors,
                            option.req, option.decided, wheels, evidence_at=claim.at,
                        )  # fmt: skip
                        built = [_per_python(f, claim, per_python) for f in built]
                        yield from (f for f in built if _first(f, seen))
                        rest = [m for m in claim.minors if m not in handled]
                        if not rest:
                            continue
                        claim = claim.only(rest)
                    if option.decided.exact:
                        if option.picked is None:
                            continue
                        found_all = self._judge(claim, option.req, option.picked)
                    else:
                        found_all = self._judge_range(claim, option, wheels)
                    for found in (_per_python(f, claim, per_python) for f in found_all):
                        if found.identity not in seen:
                            seen.add(found.identity)
                            yield found

    @staticmethod
    def _options_of(
        ctx: RuleContext,
        req: Requirement,
        wheels: WheelIndex,
        memo: dict[tuple[object, ...], _Options | None],
    ) -> _Options | None:
        """`_options`, once per distinct line of an environment (a RUN line may repeat one
        package thousands of times); the same answer for a repeat, with its own line."""
        key = (
            *(req.name, req.specifier, req.pinned, req.local, req.marker, req.ecosystem),
            *(req.url, req.index, req.extras, req.is_constraint, req.group, req.build),
            *(env_of(req), req.location.file, req.command),
        )
        if key not in memo:
            memo[key] = _options(ctx.kb, ctx.snapshot, req, wheels)
        found = memo[key]
        return None if found is None else replace(found, req=req)

    def _disjoint(self, ctx: RuleContext, env: str) -> Iterator[Finding]:
        """Two exact pins no Python installs together, where no file names the Python (where
        one does, each pin is judged against it)."""
        targets = targets_for_environment(ctx.snapshot, env, ctx.config)
        root = env_root(env)
        if any(
            e.what == "python" and (exact_minor(e.value) is not None or e.file == root)
            for t in targets
            if not t.assumed
            for e in t.sources
        ):
            return  # a Python the file's own evidence names (a reading project's range does not)
        # each pair its own problem: a base already broken on one pair does not hide a new
        # one (yuanli2333/Teacher-Free-Knowledge-Distillation's Dependabot PR #32: numpy
        # 1.22.0, Python >=3.8, beside torch 1.2.0, wheels up to cp37, where numpy 1.21.0
        # already shared no Python with mkl-fft 1.0.6)
        for pair in disjoint_pins(exact_pins(ctx.snapshot, env), most=_MOST_PAIRS):
            yield self._disjoint_pair(pair, env)

    def _disjoint_pair(self, pair: DisjointPins, env: str) -> Finding:
        first, second = pair.first, pair.second
        return finding(
            self,
            f"{second.raw.strip()} installs only on Python {_span(pair.second_on)}; "
            f"{first.raw.strip()} ({first.location.file}:{first.location.line}) only on "
            f"Python {_span(pair.first_on)}: no Python installs both (their wheels, "
            f"Requires-Python and sdists), so pip stops with 'No matching distribution' on "
            f"every Python.",
            second.location,
            package=second.name,
            fix=f"releases of {first.name} and {second.name} with a Python in common",
            evidence=(
                f"{second.location.file}:{second.location.line}: {second.raw.strip()}",
                f"{first.location.file}:{first.location.line}: {first.raw.strip()}",
                "the KB's wheel table (the index's file lists)",
            ),
            fingerprint=f"disjoint-pins:{env}:{first.name}:{second.name}",
            also_at=(Span(first.location.file, first.location.line),),
        )

    def _judge_range(
        self, claim: _Claim, option: _Options, wheels: WheelIndex
    ) -> Iterator[Finding]:
        """A range: an error when no admitted release supports a Python that certainly runs
        the environment (or any Python a declared range allows). When an older admitted
        release supports it, pip / uv install that one on that Python (they skip releases
        whose Requires-Python excludes it or that have no file for it; an sdist they would
        build is `source_builds`'): nothing is said, unless the KB does not know whether a
        newer release is skipped there (a warning)."""
        ev, req, minors = claim.evidence, option.req, claim.minors
        spec = req.specifier or "(any version)"
        where = f"{ev.file}:{ev.line}" if ev.file and ev.line else (ev.file or "the config")
        declared = ev.text or ev.value

        def fitting(minor: str) -> list[Version]:
            return [
                v
                for v, s in option.rows
                if s.admits(minor) is not False or _sdist_only_installs(s, minor)
            ]

        if claim.ranged:
            if not option.rows:
                return
            if any(fitting(m) for m in minors):
                if ev.how == "requires-python" and not fitting(minors[0]):
                    yield self._range_start(claim, option, fitting)
                return
            bad, severity = minors, Severity.ERROR
        else:
            picked = option.picked
            bad = [m for m in minors if picked is not None and picked.admits(m) is False]
            if not bad:
                return
            stuck = [m for m in bad if not fitting(m)]
            if not stuck:
                bad = [m for m in bad if _may_pick_unusable(option, m, fitting(m), wheels)]
                if not bad:
                    return
            certain = ev.how in _CERTAIN
            severity = Severity.ERROR if stuck and certain else Severity.WARNING
            bad = stuck or bad
            ev = claim.at(bad)
            where = f"{ev.file}:{ev.line}" if ev.file and ev.line else (ev.file or "the config")
            declared = ev.text or ev.value
        runs = ", ".join(bad)
        older = [fitting(m) for m in bad]
        if severity == Severity.ERROR or not all(older):
            text = (
                f"{where} runs Python {runs} ({declared}) but no release {req.name} {spec} "
                f"admits supports it ({option.decided.describe()}; "
                f"{option.picked.describe() if option.picked else ''}): {_none_installs(req)}."
            )
            fix = f"a {req.name} release that supports Python {bad[0]}"
        else:
            best = max(v for group in older for v in group)
            text = (
                f"{where} runs Python {runs} ({declared}): a fresh install of "
                f"{req.raw.strip()} picks {option.decided.picked}, which supports "
                f"{option.picked.describe() if option.picked else '?'}; on Python {bad[0]} "
                f"only older releases install (newest: {best})."
            )
            fix = f"{req.name}=={best}  # or a Python the newest release supports"
        sources = [s.source for _, s in option.rows[-1:]]
        found = self._at_evidence(ev, req, text, fix, sources, severity)
        yield found if claim.ranged else replace(found, scope=frozenset(bad))

    def _range_start(
        self,
        claim: _Claim,
        option: _Options,
        fitting: Callable[[str], list[Version]],
    ) -> Finding:
        """The project's own requires-python starts at a Python no release of a requirement's
        range supports (syne-tune#1038: ``requires-python >=3.8`` with ``numpy>=1.26.0``):
        pip cannot install the project there, and uv / Poetry, which lock for the whole
        range, fail ("No solution found ... split (python_full_version == '3.8.*')"). An
        error for a pyproject's range: the project declares a Python it cannot be installed
        on (upstream fixed each such change: syne-tune#1038, traceroot-ai/traceroot#55,
        gt-lit-lab/litcoder_core#10). A warning for a setup.py / setup.cfg `python_requires`,
        which pip reads for the one Python it runs on and nothing locks as a whole
        (`Evidence.locked_whole`)."""
        ev, req, start = claim.evidence, option.req, claim.minors[0]
        where = f"{ev.file}:{ev.line}" if ev.file and ev.line else ev.file
        first = next((m for m in claim.minors if fitting(m)), start)
        locked = ev.locked_whole
        _, _, extra = req.environment.partition("#")
        # a development extra (dev, test, docs, lint) is the contributors', who run the CI's
        # Pythons; a feature extra is the users' (meta-pytorch/torchtune d39fd9b: async_rl's
        # math-verify needs 3.10 under requires-python >=3.9, and `uv lock` fails there)
        what = f"the project's {extra} extra" if extra and is_dev_path(extra) else "the project"
        text = (
            f"{where} allows Python {start} ({ev.text or ev.value}) but no release "
            f"{req.name} {req.specifier or '(any version)'} admits supports it "
            f"({option.decided.describe()}): {what} cannot be installed on Python {start}"
            + (
                ", and uv / Poetry, which lock for every Python the range allows, find no "
                "solution for it."
                if locked
                else " (pip on a newer Python installs it)."
            )
        )
        sources = [s.source for _, s in option.rows[-1:]]
        fix = f'requires-python = ">={first}"' if locked else f'python_requires=">={first}"'
        # a development extra (facebookincubator/submitit #1747's dev extra: mypy>=1.4.1 under
        # requires-python >=3.6) leaves the project itself installable for its users
        severity = Severity.ERROR if locked and what == "the project" else Severity.WARNING
        return self._at_evidence(ev, req, text, fix, sources, severity, ":range-start")

    def _judge(self, claim: _Claim, req: Requirement, support: _Any) -> Iterator[Finding]:
        ev = claim.evidence
        minors = claim.minors
        ok = [m for m in minors if support.admits(m) is not False]
        bad = [m for m in minors if support.admits(m) is False]
        built: list[str] = []
        if claim.ranged and isinstance(support, _WheelSupport):
            # a declared range is not `source_builds`' (certain Pythons only): where pip
            # takes the release's sdist it builds (a warning below), and a release with no
            # wheel at all is no matter of the Python (deepspeed ships sdists only: uclaml/
            # SPIN's setup.py pins deepspeed==0.12.2 under python_requires=">=3.10.2")
            built = [m for m in bad if _builds_from_sdist(support, m)]
            if built and _sdist_only(support):
                return
        if not bad:
            return
        ev = claim.at(bad) if not claim.ranged else ev
        where = f"{ev.file}:{ev.line}" if ev.file and ev.line else (ev.file or "the config")
        declared = ev.text or ev.value
        if claim.ranged:
            if ok and support.admits(minors[0]) is not False:
                return  # only Pythons above the range's start fail: a lock still works
            # the project's own requires-python starting at a Python the framework lacks: it
            # cannot be installed there, and uv / Poetry cannot lock it (`_range_start`)
            own = ev.locked_whole
            severity = Severity.ERROR if not ok or own else Severity.WARNING
            text = (
                f"{where} allows Python {ev.value} ({declared}) but {req.raw.strip()} "
                f"supports {support.describe()}: "
                + (
                    f"{_none_installs(req)}."
                    if not ok
                    else f"Python {bad[0]} cannot install it, and uv / Poetry refuse to "
                    "lock a range that includes it."
                )
            )
            if bad[0] in built:  # pip builds its sdist there: it may build, or fail to
                severity = Severity.WARNING
                text = (
                    f"{where} allows Python {ev.value} ({declared}) but {req.raw.strip()} "
                    f"supports {support.describe()}: on Python {bad[0]} pip builds it from its "
                    "sdist, which needs a compiler and its build dependencies, and may fail."
                )
        else:
            certain = ev.how in _CERTAIN
            severity = Severity.ERROR if certain else Severity.WARNING
            runs = ", ".join(bad)
            how = "runs" if certain else "targets"
            text = (
                f"{where} {how} Python {runs} ({declared}) but {req.raw.strip()} supports "
                f"{support.describe(bad[0])}: {_none_installs(req)}"
                + (f" on Python {runs}." if len(minors) > 1 else ".")
            )
        fix = f"Python {ok[-1]}" if ok else f"a {req.name} release that supports Python {bad[0]}"
        found = self._at_evidence(ev, req, text, fix, [support.source], severity)
        if not claim.ranged:  # the Pythons it fails on (`Finding.scope`)
            found = replace(found, scope=frozenset(bad))
        else:
            # one problem however many packages share it: the range's first Python cannot
            # install the project (quic/efficient-transformers: numpy 1.26.4 already kept 3.8
            # out of ">=3.8,<3.11" when transformers 4.50.0 joined it)
            found = replace(found, fingerprint=f"range-start:{found.file}:{bad[0]}")
        yield found

    def _at_evidence(
        self,
        ev: Evidence,
        req: Requirement,
        text: str,
        fix: str,
        sources: list[str],
        severity: Severity,
        kind: str = "",
    ) -> Finding:
        """The finding at the evidence of the Python (also at the requirement's line)."""
        at = Span(ev.file, ev.line) if ev.file and ev.line else req.location
        return finding(
            self,
            text,
            at,
            package=req.name,
            fix=fix,
            evidence=(f"{req.location.file}:{req.location.line}: {req.raw.strip()}", *sources),
            severity=severity,
            fingerprint=f"{req.name}:{at.file}{kind}",
            also_at=(req.location,),
        )


RULES: tuple[Rule, ...] = (PythonVersionIncompatible(),)


def _span(minors: tuple[str, ...]) -> str:
    """``3.8 to 3.10`` of ascending minors when they run without a gap, else each one."""
    keys = [int(m.split(".")[1]) for m in minors]
    if len(minors) > 2 and keys == list(range(keys[0], keys[0] + len(keys))):
        return f"{minors[0]} to {minors[-1]}"
    return ", ".join(minors)
