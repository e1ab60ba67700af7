"""numpy-abi: compiled packages next to a NumPy they cannot install or import with.

Per environment, the NumPy versions it can get are read from the best evidence there is: a
lock file in the same folder, else an exact pin, else the ranges of every numpy requirement
against NumPy's real release list (KB numpy_caps.json), else (numpy not declared) any
release. Likewise for each compiled package: lock, exact pin, or the recorded releases its
range admits. Each admitted release of the package is then judged with its own wheel
METADATA (numpy_caps.json, one ``Requires-Dist: numpy…`` reading per release):

- its numpy cap excludes every NumPy the environment admits → the resolver refuses the
  install (an error when that holds for every admitted release; a NumPy pin below the floor
  of a pinned release, both unconditional exact pins of one environment, is the conflict
  rule's);
- it is built against NumPy 1 (older than its first NumPy-2 release: numpy2_abi.json, or a
  ``build`` extra that requires NumPy 2; or any release of a package numpy2_abi.json read as
  never rebuilt, tflite-runtime) and its metadata does not cap numpy, and the NumPy the
  resolver picks for it (the newest allowed by the environment, its cap and the caps of the
  other recorded packages of the environment) is NumPy 2 → its import fails;
- otherwise nothing breaks: a release whose metadata caps numpy below 2 makes the resolver
  pick NumPy 1.x, so a merely admitted NumPy 2 is no finding.

An error when the install or import fails for the version a fresh install picks (the newest
admitted release that can install) or for every admitted one; a warning when only some
admitted releases break and the NumPy is one known NumPy 2 release (an exact pin or a lock):
when NumPy is a range too, the resolver picks the newest release of both, which works, and a
warning about older releases would be noise. Conda packages and releases the
data does not record have no metadata reading: they keep the hedged messages (an error only
when NumPy 2 is forced). The reverse (numpy<2 forced while a package requires NumPy 2: jax ≥
0.7.2, opencv-python ≥ 4.12.0.88) cannot resolve.

The Python: NumPy releases are those that install on the Pythons an exact source names (each
of them runs the install). With none named, the exact pins decide (`fresh.pin_pythons`):
``tensorflow==2.7.2`` installs on 3.7–3.9 only, so the install is judged on each of those (on
3.9 the resolver picks NumPy 2.0.2, on 3.8 NumPy 1.24): a break on each is as sure as it is, a
break on only some is a warning naming those Pythons. Otherwise the assumed Pythons all take
NumPy 2, so every NumPy counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from functools import partial
from typing import NamedTuple

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.builds import installed_by_workflow
from rules.checks.support.environments import (
    docs_only,
    each_env,
    env_of,
    env_root,
    project,
    unconditional_pin,
    version_of,
)
from rules.checks.support.evidence import python_decls
from rules.checks.support.fixes import finding, pinned_line
from rules.checks.support.fresh import PinPythons, pin_pythons
from rules.checks.support.markers import View, per_install
from rules.checks.support.packages import LOCK_KINDS, folder, installing_stages
from rules.checks.support.versions import EXACT, LOCK, RANGE
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase
from rules.kb.numpy_caps import CapRelease, NumpyCaps, load_numpy_caps
from rules.manifests.images import ImageInfo, decode_image
from rules.manifests.model import DockerStage, Ecosystem, Requirement, Snapshot, Span

#: What happens when a package built for NumPy 1 meets NumPy 2 (numpy2_abi.json notes).
_BROKEN = (
    "its compiled code fails under NumPy 2 ('A module that was compiled using NumPy 1.x "
    "cannot be run in NumPy 2' on import)"
)

_NUMPY2 = Version("2.0.0rc1")

#: How the versions of one project were decided: `EXACT`, `LOCK` or `RANGE` (as in
#: `rules.checks.support.versions`), or not declared at all.
UNDECLARED = "not declared"


@dataclass(frozen=True, slots=True)
class _Side:
    """The versions of one project an environment can get and the evidence that decided."""

    versions: tuple[Version, ...]
    how: str
    text: str
    req: Requirement | None = None
    #: The Python minors NumPy releases were filtered for (None: not filtered).
    pythons: tuple[str, ...] | None = None
    #: Where a lock file records the version (its entry for the project), when a lock decided.
    locked_at: Span | None = None

    @property
    def newest(self) -> Version:
        return self.versions[-1]


class _Outcome(Enum):
    OK = "ok"
    UNSAT = "unsat"
    BREAK = "break"
    #: No metadata reading; NumPy 2 possible but not forced: breaks unless it caps numpy.
    MAYBE = "maybe"


@dataclass(frozen=True, slots=True)
class _Verdict:
    """One admitted release of a package judged against the environment's NumPy."""

    version: Version
    row: CapRelease | None
    outcome: _Outcome
    numpy: Version | None = None


def _spec(text: str) -> SpecifierSet | None:
    try:
        return SpecifierSet(text)
    except InvalidSpecifier:
        return None


class _Lock(NamedTuple):
    """A lock's entry for a project: its version, where, and the Pythons it is for (when the
    lock splits the project by Python)."""

    version: Version
    at: Span
    pythons: str | None = None

    def text(self, name: str) -> str:
        """``poetry.lock locks numpy 2.1.3`` (``… for Python >=3.10`` on a split)."""
        where = f" for Python {self.pythons}" if self.pythons else ""
        return f"{self.at.file} locks {name} {self.version}{where}"


def _locked(snapshot: Snapshot, env: str) -> dict[str, _Lock]:
    """Versions pinned by lock files in the environment's folder: name → (version, the lock's
    entry for it). A lock that splits a package by Python (poetry.lock: numpy 1.24.4 for
    ``>=3.8`` and 2.1.3 for ``>=3.10``) gives its newest entry: the one the newest Pythons
    install, paired with the newest entries of the packages next to it."""
    here = folder(env_root(env))
    found: dict[str, _Lock] = {}
    for manifest, pin in snapshot.pins():
        if manifest.kind not in LOCK_KINDS or folder(manifest.path) != here:
            continue
        try:
            version = Version(Version(pin.version).public)
        except ValueError:
            continue
        name = str(canonicalize_name(pin.name))
        if name not in found:
            found[name] = _Lock(version, pin.location)
        elif pin.python_versions and version > found[name].version:
            found[name] = _Lock(version, pin.location, pin.python_versions)
    return found


def _stage_installs(snapshot: Snapshot, env: str) -> tuple[str, ...]:
    """The requirement files a Dockerfile stage `env` installs (``pip install -r``): they end
    up in the same interpreter as the stage's own RUN installs."""
    manifest = snapshot.files.get(env_root(env))
    if manifest is None:
        return ()
    return tuple(p for st in manifest.stages if st.label == env for p in st.installs)


#: Base images whose own TensorFlow / torch came with a NumPy (official TensorFlow and PyTorch
#: images, NGC's): pip keeps that NumPy unless a requirement asks for another one.
_NUMPY_IMAGES = frozenset({"tensorflow", "pytorch", "ngc-pytorch", "ngc-tensorflow"})


def _image_numpy(snapshot: Snapshot, env: str) -> str | None:
    """The framework base image that provides NumPy wherever `env` is installed: every
    Dockerfile stage that installs it (its own RUN lines, or a file it installs) starts from
    one of `_NUMPY_IMAGES`, and no CI job installs it. None otherwise."""
    if installed_by_workflow(snapshot, env_root(env)):
        return None
    found: list[str] = []
    for _, info in _installing_bases(snapshot, env):
        if info is None or info.family not in _NUMPY_IMAGES:
            return None
        found.append(info.ref)
    return found[0] if found else None


def _unread_image(snapshot: Snapshot, env: str) -> str | None:
    """A base image depreview cannot read (not a stage of the same file, not an image family
    `decode_image` knows) that some Dockerfile stage installing `env` starts from: such an
    image (``rayproject/ray:nightly-gpu``) may hold its own NumPy, which pip keeps unless a
    requirement asks for another (horovod/horovod's docker/horovod-ray). None otherwise."""
    for stage, info in _installing_bases(snapshot, env):
        if stage.parent is None and stage.base and info is None:
            return stage.base
    return None


def _installing_bases(snapshot: Snapshot, env: str) -> list[tuple[DockerStage, ImageInfo | None]]:
    """Each Dockerfile stage that installs `env`, with what `decode_image` reads of its base
    (None: no base, or one it does not know)."""
    stages = installing_stages(snapshot, {env_root(env)}, {env})
    return [(stage, decode_image(stage.base) if stage.base else None) for _, stage in stages]


def _pythons(snapshot: Snapshot, env: str) -> tuple[str, ...] | None:
    """The Python minors the environment is installed on, when an exact source names them
    (a Dockerfile stage, a CI job, conda ``python=``, a note); None when only ranges or
    nothing say (then every NumPy counts: the Pythons assumed all take NumPy 2)."""
    exact = [d for d in python_decls(snapshot, env) if d.exact]
    minors = tuple(sorted({m for d in exact for m in d.minors}))
    return minors or None


def _view_pythons(pythons: tuple[str, ...] | None, view: View) -> tuple[str, ...] | None:
    """The Pythons of one install: those of the environment (`_pythons`) its markers keep
    (``tensorflow==2.8.1; python_version<'3.11'`` meets only the NumPy of those Pythons)."""
    held = {t.python for t in view.targets}
    if not held or held == {t.python for t in view.among}:
        return pythons
    if pythons is None:
        return tuple(sorted(held, key=lambda p: tuple(int(x) for x in p.split(".")[:2])))
    return tuple(p for p in pythons if p in held) or pythons


def _numpy_side(
    caps: NumpyCaps,
    reqs: list[Requirement],
    locked: Mapping[str, _Lock],
    pythons: tuple[str, ...] | None = None,
) -> _Side | None:
    numpy_reqs = [r for r in reqs if project(r) == "numpy"]
    first = numpy_reqs[0] if numpy_reqs else None
    specs = [s for s in (_spec(r.specifier) for r in numpy_reqs) if s is not None]
    if "numpy" in locked:
        lock = locked["numpy"]
        version, entry = lock.version, lock.at
        if all(s.contains(version, prereleases=True) for s in specs):  # the lock is in sync
            text = lock.text("numpy")
            return _Side((version,), LOCK, text, first, locked_at=entry)
    for req in numpy_reqs:
        pin = version_of(req)
        if pin is not None:
            return _Side((Version(pin.public),), EXACT, req.raw.strip(), req)
    known = caps.numpy_releases if pythons is None else caps.numpy_for_pythons(pythons)
    if not known:
        return None
    if not numpy_reqs:
        return _Side(known, UNDECLARED, "numpy is not declared", None, pythons)
    admitted = tuple(n for n in known if all(s.contains(n, prereleases=True) for s in specs))
    if not admitted:
        return None
    text = " and ".join(r.raw.strip() for r in numpy_reqs)
    return _Side(admitted, RANGE, text, first, pythons)


def _package_side(caps: NumpyCaps, req: Requirement, locked: Mapping[str, _Lock]) -> _Side | None:
    name = project(req)
    spec = _spec(req.specifier)
    if req.ecosystem == Ecosystem.PYPI and name in locked:
        lock = locked[name]
        version, entry = lock.version, lock.at
        if spec is None or spec.contains(version, prereleases=True):
            return _Side((version,), LOCK, lock.text(name), req, locked_at=entry)
    pin = version_of(req)
    if pin is not None:
        return _Side((Version(pin.public),), EXACT, req.raw.strip(), req)
    if req.ecosystem != Ecosystem.PYPI or spec is None:
        return None
    rows = [r.version for r in caps.releases(name) if not r.yanked]
    admitted = tuple(v for v in rows if spec.contains(v, prereleases=True))
    return _Side(admitted, RANGE, req.raw.strip(), req) if admitted else None


#: The "first NumPy-2 release" of a package whose every release is built against NumPy 1
#: (numpy2_abi.json: no release rebuilt by the reading's date).
NEVER = Version("999999")
_NEVER_NOTE = "No release built against NumPy 2"


def _first_numpy2(kb: KnowledgeBase, caps: NumpyCaps, name: str) -> tuple[Version, str] | None:
    """The first release built for NumPy 2 and the source that says so; `NEVER` for a package
    the KB read as never rebuilt (autorope/donkeycar's tflite-runtime: 2.14.0, its newest,
    still names only NumPy 1's ``numpy.core._multiarray_umath``)."""
    row = kb.numpy2_package(name)
    first = kb.numpy2_first_release(name)
    if row is not None and first is None and (row.notes or "").startswith(_NEVER_NOTE):
        return NEVER, f"KB numpy2_abi.json: {row.key}: {row.notes} ({row.evidence})"
    if row is not None and first is not None and row.confidence in ("high", "medium"):
        return (
            first,
            f"KB numpy2_abi.json: {row.key} first NumPy-2 release {first} ({row.evidence})",
        )
    built = caps.first_built_for_numpy2(name)
    if built is not None:
        return built.version, (
            f"numpy_caps.json: {built.file} METADATA: {built.build_line} (its wheels are built "
            f"against NumPy 2; the releases before are not)"
        )
    return None


def _torch_in_docs(snapshot: Snapshot, env: str, item: Finding) -> bool:
    """Whether `item` is about torch in an environment only Read the Docs installs
    (pyg-team/pytorch_geometric #9696: docs/requirements.txt's torch 1.13.0 wheel next to an
    unpinned numpy built the docs): torch before 2.3 imports under NumPy 2, printing "Failed to
    initialize NumPy", and only ``tensor.numpy()`` / ``torch.from_numpy`` fail."""
    return item.package == "torch" and docs_only(snapshot, env)


class NumpyAbi(StaticRule, id="numpy-abi", severity=Severity.ERROR):
    """Compiled packages next to a NumPy they cannot install or import with, and reverse."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every environment of the snapshot."""
        caps = load_numpy_caps()
        grouped = dict(each_env(ctx.snapshot))
        for env, every in grouped.items():
            context = every + [
                r for path in _stage_installs(ctx.snapshot, env) for r in grouped.get(path, [])
            ]
            if not any(project(r) == "numpy" for r in context) and _image_numpy(ctx.snapshot, env):
                continue  # the image's own NumPy stays: nothing here asks for another one
            judge = partial(self._install, ctx, caps, env, every)
            found = per_install(ctx.snapshot, env, context, ctx.config, judge)
            image = _unread_image(ctx.snapshot, env)
            forced = any(project(r) == "numpy" and version_of(r) for r in context)
            for item in found:
                old = ":old:" in f":{item.fingerprint}" and item.severity == Severity.ERROR
                if image and not forced and old:
                    item = replace(
                        item,
                        severity=Severity.WARNING,
                        message=f"{item.message} The base image {image} may already hold a "
                        "NumPy 1, which pip keeps when nothing here pins numpy: depreview "
                        "does not know what that image holds.",
                    )
                if item.severity == Severity.ERROR and _torch_in_docs(ctx.snapshot, env, item):
                    item = replace(
                        item,
                        severity=Severity.WARNING,
                        message=f"{item.message} torch releases before 2.3 still import under "
                        "NumPy 2 (with a warning); only their NumPy interop fails, and this "
                        "environment is a Read the Docs build, which imports rather than runs.",
                    )
                yield item

    def _install(
        self, ctx: RuleContext, caps: NumpyCaps, env: str, every: list[Requirement], view: View
    ) -> Iterator[Finding]:
        """One install of `env`: the requirements (its own, `every`, and those of the files its
        stage installs) whose markers hold together on some target; lines for other platforms
        or Pythons never meet this NumPy."""
        context = list(view.reqs)
        held = {id(r) for r in context}
        reqs = [r for r in every if id(r) in held]
        locked = _locked(ctx.snapshot, env)
        named = _pythons(ctx.snapshot, env)
        possible = pin_pythons(ctx.snapshot, env) if named is None else None
        if possible is None:
            pythons = _view_pythons(named, view)
            yield from self._judged(ctx.kb, caps, reqs, context, locked, pythons)
            return
        minors = _view_pythons(possible.minors, view) or possible.minors
        each = {p: list(self._judged(ctx.kb, caps, reqs, context, locked, (p,))) for p in minors}
        yield from _on_some(possible, each)

    def _judged(
        self,
        kb: KnowledgeBase,
        caps: NumpyCaps,
        reqs: list[Requirement],
        context: list[Requirement],
        locked: Mapping[str, _Lock],
        pythons: tuple[str, ...] | None,
    ) -> Iterator[Finding]:
        """The findings of one install on `pythons` (every one of them runs it; None: any)."""
        numpy = _numpy_side(caps, context, locked, pythons)
        if numpy is not None:
            together = [r for r in context if not r.is_constraint and project(r) != "numpy"]
            installed = [r for r in reqs if not r.is_constraint and project(r) != "numpy"]
            sides = {id(r): _package_side(caps, r, locked) for r in together}
            refused = _refused_by(caps, numpy, [(r, sides[id(r)]) for r in together])
            for req in installed:
                env_numpy = _env_numpy(numpy, refused, req)
                side = sides[id(req)]
                if project(req) == "jax" and any(project(r) == "jaxlib" for r in installed):
                    side = None  # jax is pure Python: the jaxlib next to it is what is judged
                if side is not None:
                    yield from self._package(kb, caps, req, side, numpy, env_numpy)
                if numpy.req is not None:
                    yield from self._needs_numpy2(kb, req, numpy)

    def _package(
        self,
        kb: KnowledgeBase,
        caps: NumpyCaps,
        req: Requirement,
        side: _Side,
        numpy: _Side,
        env_numpy: tuple[Version, ...],
    ) -> Iterator[Finding]:
        name = project(req)
        first = _first_numpy2(kb, caps, name)
        conda = req.ecosystem != Ecosystem.PYPI
        if conda and numpy.how == UNDECLARED:
            return  # conda solves numpy from the package's own recorded dependencies (unknown)
        verdicts = [
            _judge(None if conda else caps.release(name, v), v, first, numpy, env_numpy)
            for v in side.versions
        ]
        if not any(v.row is not None for v in verdicts) and first is None:
            return  # nothing recorded about this package
        installable = [v for v in verdicts if v.outcome != _Outcome.UNSAT]
        if not installable:
            row = verdicts[-1].row
            below = row is not None and caps.below_floor(row, numpy.newest)
            if not (below and _pinned_against_pin(side, numpy)):
                yield self._unsatisfiable(caps, req, side, numpy, verdicts, first)
            return
        picked = installable[-1]
        broken = (_Outcome.BREAK, _Outcome.MAYBE)
        if picked.outcome in broken:
            yield self._abi_break(caps, req, side, numpy, env_numpy, picked, first, fresh=True)
        elif _forces_numpy2(numpy) and any(v.outcome in broken for v in installable):
            some = [v for v in installable if v.outcome in broken]
            yield self._abi_break(caps, req, side, numpy, env_numpy, some[-1], first, fresh=False)

    def _unsatisfiable(
        self,
        caps: NumpyCaps,
        req: Requirement,
        side: _Side,
        numpy: _Side,
        verdicts: list[_Verdict],
        first: tuple[Version, str] | None,
    ) -> Finding:
        newest = verdicts[-1]
        row = newest.row
        assert row is not None  # UNSAT needs a metadata reading
        cap = row.cap_text()
        if side.how == RANGE:
            span = f"{verdicts[0].version}–{newest.version}" if len(verdicts) > 1 else ""
            whose = (
                f"the metadata of every release it admits{f' ({span})' if span else ''} caps "
                f"numpy below that (newest admitted {newest.version}: its metadata requires {cap})"
            )
        else:
            whose = f"its metadata requires {cap}"
        message = (
            f"{req.raw.strip()} ({_how(side)}) cannot be installed with {_numpy_text(numpy)}: "
            f"{whose}, so the resolver refuses the install."
        )
        upgrade = _upgrade(caps, req, first, numpy, numpy.versions)
        hold = f"hold numpy{_loosest_cap(row)}"
        fix = f"{upgrade}  # or {hold}" if upgrade else hold
        evidence = [_numpy_evidence(numpy), _package_evidence(side)]
        evidence += [f"numpy_caps.json: {v.row.source()}" for v in verdicts[-3:] if v.row]
        return finding(
            self,
            message,
            req.location,
            package=req.name,
            fix=fix,
            evidence=evidence,
            severity=Severity.ERROR,
            fingerprint=f"old:{req.name}",
            category="conflict",  # the resolver refuses it: not an import-time ABI break
        )

    def _abi_break(
        self,
        caps: NumpyCaps,
        req: Requirement,
        side: _Side,
        numpy: _Side,
        env_numpy: tuple[Version, ...],
        verdict: _Verdict,
        first: tuple[Version, str] | None,
        *,
        fresh: bool,
    ) -> Finding:
        assert first is not None  # a BREAK needs a first NumPy-2 release
        name = project(req)
        got = verdict.numpy
        row = verdict.row
        metadata = (
            "the KB has no metadata reading for it"
            if row is None
            else "its metadata does not cap numpy"
            if not row.caps
            else f"its metadata allows it ({row.cap_text()})"
        )
        since = (
            f"no {name} release is built for NumPy 2"
            if first[0] == NEVER
            else f"{first[0]} is the first {name} release built for NumPy 2"
        )
        built = f"{name} {verdict.version} is built against NumPy 1 ({since}) and {metadata}"
        if row is None:
            outcome = (
                "the install fails to resolve if that release declares numpy<2 in its own "
                "metadata (the KB does not record whether it does), and otherwise "
                f"{_BROKEN}"
                if verdict.outcome == _Outcome.BREAK
                else "the resolver installs NumPy 1.x only if that release declares numpy<2 "
                f"in its own metadata (the KB does not record whether it does); otherwise "
                f"{_BROKEN}"
            )
        else:
            outcome = _BROKEN
        if fresh:
            which = (
                f"{req.raw.strip()} ({_how(side)})"
                if side.how != RANGE
                else f"{req.raw.strip()}: a fresh install picks {verdict.version}, the newest "
                f"admitted release{_that_installs(side, verdict)}"
            )
            message = f"{which}. {built}; {_numpy_pick(numpy, got)}: {outcome}."
            severity = Severity.ERROR
        else:
            message = (
                f"{req.raw.strip()} admits releases built against NumPy 1 without a numpy cap "
                f"(up to {verdict.version}); {built}, and {_numpy_pick(numpy, got)}: {outcome}. "
                f"A fresh install picks a newer release, which is fine."
            )
            severity = Severity.WARNING
        if verdict.outcome == _Outcome.MAYBE:
            severity = Severity.WARNING
        elif row is not None and numpy.how == UNDECLARED and not row.requires_numpy:
            severity = Severity.WARNING
            message += (
                f" {name} does not require numpy itself: this holds when something else "
                f"installs it."
            )
        upgrade = _upgrade(caps, req, first, numpy, env_numpy)
        target = upgrade or (f"{req.name}>={first[0]}" if first[0] != NEVER else "numpy<2")
        evidence = [_numpy_evidence(numpy), _package_evidence(side), first[1]]
        if row is not None:
            evidence.append(f"numpy_caps.json: {row.source()}")
        at = _break_at(req, numpy)
        if at is not req.location:
            message += f" ({req.name} is declared at {req.location.file}:{req.location.line}.)"
        return finding(
            self,
            message,
            at,
            package=req.name,
            fix=target if first[0] == NEVER else f"{target}  # or hold numpy<2",
            evidence=evidence,
            severity=severity,
            fingerprint=f"old:{req.name}",
        )

    def _needs_numpy2(self, kb: KnowledgeBase, req: Requirement, numpy: _Side) -> Iterator[Finding]:
        version = version_of(req)
        if version is None or numpy.req is None:
            return
        needed = kb.numpy_requirement(project(req), version)
        if needed is None:
            return
        wanted = _spec(needed)
        if wanted is None or any(wanted.contains(v, prereleases=True) for v in numpy.versions):
            return
        yield finding(
            self,
            f"{req.raw.strip()} requires numpy{needed} but {numpy.text} excludes it: "
            f"the install cannot resolve.",
            numpy.req.location,
            package="numpy",
            fix=f"numpy{needed}  # or an older {req.name} that supports NumPy 1",
            evidence=(
                f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                f"KB: {req.name} {version.public} requires numpy{needed}",
                _numpy_evidence(numpy),
            ),
            fingerprint=f"needs2:{req.name}",
        )


def _on_some(possible: PinPythons, each: Mapping[str, list[Finding]]) -> Iterator[Finding]:
    """Merge the findings of an install judged on each Python its exact pins allow (one of
    them runs it, which one no file says): a break on each is as sure as its finding says; a
    break on only some is a warning that names the Pythons it holds on."""
    minors = list(each)
    seen: dict[tuple[object, ...], list[tuple[str, Finding]]] = {}
    for python, found in each.items():
        for item in found:
            key = (item.rule, item.file, item.line, item.fingerprint)
            seen.setdefault(key, []).append((python, item))
    why = f"Python: {possible.describe()} (KB wheels.json)"
    for hits in seen.values():
        on = [p for p, _ in hits]
        item = hits[-1][1]
        evidence = (*item.evidence, why)
        if len(on) == len(minors):
            mildest = max((f.severity for _, f in hits), key=lambda s: s.rank)
            yield replace(item, evidence=evidence, severity=mildest)
            continue
        spared = [p for p in minors if p not in on]
        message = (
            f"{item.message} This holds on Python {', '.join(on)} only, not on "
            f"{', '.join(spared)}: no file names the environment's Python, and its exact pins "
            f"install on Python {', '.join(minors)}."
        )
        yield replace(item, message=message, evidence=evidence, severity=Severity.WARNING)


def _judge(
    row: CapRelease | None,
    version: Version,
    first: tuple[Version, str] | None,
    numpy: _Side,
    env_numpy: tuple[Version, ...],
) -> _Verdict:
    """What happens to one admitted release of a package with the environment's NumPy."""
    if row is not None and not any(row.admits_below_cap(n) for n in numpy.versions):
        return _Verdict(version, row, _Outcome.UNSAT)
    pool = env_numpy if row is None else tuple(n for n in env_numpy if row.admits_below_cap(n))
    if not pool and row is not None:
        pool = tuple(n for n in numpy.versions if row.admits_below_cap(n))
    got = pool[-1] if pool else None
    built_for_numpy1 = first is not None and version < first[0]
    if built_for_numpy1 and got is not None and got >= _NUMPY2:
        if row is None and pool[0] < _NUMPY2:
            return _Verdict(version, row, _Outcome.MAYBE, got)
        return _Verdict(version, row, _Outcome.BREAK, got)
    return _Verdict(version, row, _Outcome.OK, got)


def _pinned_against_pin(side: _Side, numpy: _Side) -> bool:
    """Whether the package and numpy are both unconditional exact pins of one environment (the
    conflict rule reports a numpy pin below the package's floor there)."""
    if side.how != EXACT or numpy.how != EXACT or side.req is None or numpy.req is None:
        return False
    pins = unconditional_pin(side.req), unconditional_pin(numpy.req)
    return None not in pins and env_of(side.req) == env_of(numpy.req)


def _break_at(req: Requirement, numpy: _Side) -> Span:
    """Where an import break is reported: at the lock's numpy entry when a lock file brings the
    NumPy 2 (that line is what changed when a relock moved numpy; the lock is the file to
    regenerate), else at the package's requirement."""
    if numpy.how == LOCK and numpy.locked_at is not None:
        return numpy.locked_at
    return req.location


def _that_installs(side: _Side, verdict: _Verdict) -> str:
    """Why the pick is not the newest admitted release (newer ones cap numpy below it)."""
    if verdict.version == side.newest:
        return ""
    return " whose metadata admits this NumPy (the newer ones cap numpy below it)"


def _forces_numpy2(numpy: _Side) -> bool:
    """Whether the environment's NumPy is one known NumPy 2 release (an exact pin or a lock)."""
    return numpy.how in (EXACT, LOCK) and numpy.newest >= _NUMPY2


def _refused_by(
    caps: NumpyCaps, numpy: _Side, together: Iterable[tuple[Requirement, _Side | None]]
) -> dict[Version, set[int]]:
    """For each NumPy version the environment's numpy admits, the requirements (by id) whose
    admitted releases' metadata all cap it away: a package limits NumPy to what the metadata
    of *some* release it admits allows (the resolver may pick any of them); packages without
    recorded metadata limit nothing."""
    refused: dict[Version, set[int]] = {n: set() for n in numpy.versions}
    for req, side in together:
        if side is None:
            continue
        name = project(req)
        rows = [r for r in (caps.release(name, v) for v in side.versions) if r is not None]
        if not rows:
            continue
        for n in numpy.versions:
            if not any(r.admits_below_cap(n) for r in rows):
                refused[n].add(id(req))
    return refused


def _env_numpy(
    numpy: _Side, refused: Mapping[Version, set[int]], req: Requirement
) -> tuple[Version, ...]:
    """NumPy versions the environment can get once the caps of the packages other than `req`
    are applied (every version, when they leave none)."""
    own = {id(req)}
    pool = tuple(n for n in numpy.versions if refused[n] <= own)
    return pool or numpy.versions


def _upgrade(
    caps: NumpyCaps,
    req: Requirement,
    first: tuple[Version, str] | None,
    numpy: _Side,
    env_numpy: tuple[Version, ...],
) -> str | None:
    """The smallest upgrade that works here, as a requirement line: the newest working patch of
    the first minor line above the current version whose releases install and import."""
    if req.ecosystem != Ecosystem.PYPI:
        return None
    current = version_of(req)
    name = project(req)
    rows = [r for r in caps.releases(name) if not r.yanked]
    fine = [
        r.version
        for r in rows
        if (current is None or r.version > current)
        and _judge(r, r.version, first, numpy, env_numpy).outcome == _Outcome.OK
    ]
    if not fine:
        return None
    line = fine[0].release[:2]
    best = [v for v in fine if v.release[:2] == line][-1]
    if current is None:
        return f"{req.name}>={fine[0]}"
    local = f"+{current.local}" if current.local else ""  # keep the wheel variant (+cu121)
    return pinned_line(req, f"{best}{local}")


def _loosest_cap(row: CapRelease) -> str:
    uppers = sorted({line.upper for line in row.lines if line.upper})
    return uppers[-1] if uppers else "<2"


def _how(side: _Side) -> str:
    if side.how == LOCK:
        return side.text
    return side.how


def _numpy_text(numpy: _Side) -> str:
    if numpy.how == UNDECLARED:
        return "any NumPy (numpy is not declared)"
    if numpy.how == LOCK:
        return f"numpy {numpy.newest} ({numpy.text})"
    if numpy.how == EXACT:
        return f"{numpy.text} (exact pin)"
    return f"{numpy.text} (range: NumPy {numpy.versions[0]}–{numpy.newest})"


def _numpy_pick(numpy: _Side, got: Version | None) -> str:
    """How the NumPy of a finding was decided."""
    shown = got or numpy.newest
    if numpy.how == LOCK:
        return f"{numpy.text} (NumPy 2)"
    if numpy.how == EXACT:
        return f"{numpy.text} pins NumPy {shown}"
    if numpy.how == RANGE:
        return f"{numpy.text} lets the resolver pick NumPy {shown} (the newest it admits)"
    return f"nothing holds numpy below 2, so the resolver picks NumPy {shown}"


def _numpy_evidence(numpy: _Side) -> str:
    text = _numpy_evidence_text(numpy)
    if numpy.pythons is not None and numpy.how in (RANGE, UNDECLARED):
        text += f"; NumPy releases that install on Python {', '.join(numpy.pythons)}"
    return text


def _numpy_evidence_text(numpy: _Side) -> str:
    where = f" ({numpy.req.location.file}:{numpy.req.location.line})" if numpy.req else ""
    if numpy.how == RANGE:
        return (
            f"numpy decided by range: {numpy.text}{where} admits {numpy.versions[0]}–"
            f"{numpy.newest} (NumPy releases in numpy_caps.json)"
        )
    if numpy.how == UNDECLARED:
        return f"numpy not declared in this environment: any release up to {numpy.newest}"
    return f"numpy decided by {numpy.how}: {numpy.text}{where}"


def _package_evidence(side: _Side) -> str:
    assert side.req is not None  # package sides carry their requirement
    where = f"{side.req.location.file}:{side.req.location.line}"
    if side.how == RANGE:
        return (
            f"{project(side.req)} decided by range: {side.text} ({where}) admits "
            f"{side.versions[0]}–{side.newest} (releases in numpy_caps.json)"
        )
    return f"{project(side.req)} decided by {side.how}: {side.text} ({where})"


RULES: tuple[Rule, ...] = (NumpyAbi(),)
