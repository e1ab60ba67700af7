"""project-not-on-pypi: a PyPI requirement on a name the index has no project for.

Two kinds of name, each where nothing but PyPI serves the environment (another index or a
find-links page might have it), for requirements with no URL and no named source:

- an import name (``yaml`` for PyYAML: MouseLand/cellpose 767b752 "yaml --> pyyaml",
  Replicable-MARL/MARLlib a296c17), a standard-library module (``pickle``: kyegomez/zeta
  b881bb5) or a name published outside PyPI (spaCy's models): the names
  rules/kb/data/release_lists.json records as absent, each with what to install instead;
- any other name the index's list of every project (rules/kb/data/pypi_names.txt.xz) lacks.
  One edit from a name the index has (a letter left out, added or changed, two swapped:
  ``jeiba`` for jieba, EleutherAI/lm-evaluation-harness; ``asteroid_filterbank`` for
  asteroid-filterbanks, clovaai/voxceleb_trainer), or two edits from one of the most
  downloaded projects (``opnevc-python`` for opencv-python, Lornatang/UGATIT-PyTorch), it is a
  typo: an error. A name like no other is a warning: it may have been published after the
  list was read, or come from an index configured outside the repository (pip.conf, a CI
  secret), which depreview cannot see; so it is reported only for files nothing but
  themselves install (not on a Dockerfile's, workflow's or tox's command line, nor for a file
  one of those installs, where a variable, a secret or a copied pip.conf may name the index).

pip stops with "No matching distribution found" either way. Typos are looked for among the
first 50 missing names (of up to 64 characters) of a review only, so that a private index's
file of thousands stays fast; the rest are warnings. Names the repository defines (a
pyproject, setup.py or setup.cfg ``name``, a lock's entries) are left alone: a monorepo
installs its own packages from their folders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Protocol

from packaging.utils import canonicalize_name

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.environments import (
    SCRIPT_KINDS,
    each_env,
    env_root,
    installed_by,
    project,
    version_of,
)
from rules.checks.support.fixes import finding
from rules.checks.support.indexes import pip_indexes_for
from rules.checks.support.wheels import UNREADABLE, WheelIndex, kb_wheels
from rules.findings import Finding, Severity
from rules.kb import project_names, release_lists
from rules.kb.requires_dist import top_archive
from rules.kb.wheels import load_wheels
from rules.manifests.conda import CONDA_EXPORT
from rules.manifests.model import Ecosystem, Requirement, Snapshot
from rules.manifests.setuppy import JOINED_LITERALS

#: How many missing names one review looks for typos of (each look-up is some 20 ms); the
#: names past it are still reported, as warnings.
_NEAR_BUDGET = 50
#: The longest name a typo is looked for (the edits of a name grow with its length).
_LONGEST = 64
#: A project name as PEP 508 writes it (a name built from a variable is not one).
_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$")


class ReleaseLists(Protocol):
    """The most downloaded projects' listings (``rules.kb.release_lists``)."""

    def absent(self, package: str) -> str | None:
        """The project to use when the index has no `package` (None: it has one)."""
        ...

    def projects(self) -> frozenset[str]:
        """The projects the lists record as present."""
        ...


class ProjectNames(Protocol):
    """Every project name the index had (``rules.kb.project_names``)."""

    def has(self, package: str) -> bool:
        """Whether the index had a project `package`."""
        ...

    def neighbours(self, package: str) -> list[str]:
        """The index's names one edit from `package`."""
        ...

    def read_on(self) -> str:
        """The date the names were read."""
        ...


class ProjectNotOnPypi(StaticRule, id="project-not-on-pypi", severity=Severity.ERROR):
    """A PyPI requirement on a name the index has no project for."""

    def __init__(
        self,
        lists: ReleaseLists | None = None,
        names: ProjectNames | None = None,
        wheels: WheelIndex | None = None,
    ) -> None:
        self._lists = lists
        self._names = names
        self._wheels = wheels

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per such requirement line."""
        lists: ReleaseLists = self._lists if self._lists is not None else release_lists
        seen: set[tuple[str, int]] = set()
        own = _own_names(ctx.snapshot)
        budget = [_NEAR_BUDGET]
        for env, reqs in each_env(ctx.snapshot, together=False):
            if pip_indexes_for(ctx.snapshot, env):
                continue
            for req in reqs:
                if req.ecosystem != Ecosystem.PYPI or req.url or req.index or req.is_constraint:
                    continue
                where = (req.location.file, req.location.line)
                if where in seen or not _NAME.match(req.name):
                    continue
                version = version_of(req)
                if version is not None and version.local:
                    continue  # another index's build (pytorch-index judges it): pyg-lib
                    # ==0.2.0+pt113cu117 is on PyG's wheel pages, never on PyPI
                try:
                    use = lists.absent(project(req))
                    found = (
                        self._import_name(req, use)
                        if use is not None
                        else self._unlisted(ctx.snapshot, req, lists, own, budget)
                    )
                except UNREADABLE:
                    continue
                if found is not None:
                    seen.add(where)
                    yield found

    def _import_name(self, req: Requirement, use: str) -> Finding:
        """A name release_lists.json records as absent, with what to install instead."""
        elsewhere = use.removeprefix("!") if use.startswith("!") else None
        if elsewhere is not None:
            what = f"`{req.name}` is published outside PyPI: {elsewhere}"
            use = f"install {req.name} from {elsewhere}"
        elif use:
            what = f"`{req.name}` is the import name of `{use}`"
        else:
            what = f"`{req.name}` is a module of the standard library or the system, not a package"
        return finding(
            self,
            f"{req.raw.strip()}: PyPI has no project named {req.name} ({what}), so pip "
            f"stops with 'No matching distribution found for {req.name}'.",
            req.location,
            package=req.name,
            fix=use or f"remove `{req.raw.strip()}`",
            evidence=(f"KB release_lists.json: the index had no project {req.name}",),
            fingerprint=f"not-on-pypi:{project(req)}",
        )

    def _unlisted(
        self,
        snapshot: Snapshot,
        req: Requirement,
        lists: ReleaseLists,
        own: frozenset[str],
        budget: list[int],
    ) -> Finding | None:
        """A name missing from the index's list of every project."""
        name = str(canonicalize_name(req.name))
        wheels = self._wheels if self._wheels is not None else kb_wheels()
        exported = _exported(snapshot, req)
        if (name in own and not exported) or name in lists.projects() or wheels.releases(name):
            return None
        names: ProjectNames = self._names if self._names is not None else project_names
        if names.has(name):
            return None
        joined = _joined(snapshot, req)
        if joined:
            pieces = " ".join(f'"{p}"' for p in joined)
            return finding(
                self,
                f"{req.raw.strip()}: Python joins adjacent string literals, so {pieces} (no "
                f"comma between them) are the one requirement {req.name}, and PyPI had no "
                f"project named {req.name} when its {names.read_on()} list of projects was "
                f"read: pip stops with 'No matching distribution found for {req.name}'.",
                req.location,
                package=req.name,
                fix=", ".join(f'"{p}"' for p in joined),
                evidence=(f"KB pypi_names.txt.xz (read on {names.read_on()}): no project {name}",),
                fingerprint=f"not-on-pypi:{name}",
            )
        written = req.raw.split(";", 1)[0].strip()
        versioned = _name_and_version(written)
        if versioned is not None and names.has(str(canonicalize_name(versioned[0]))):
            base, version = versioned
            when = names.read_on()
            return finding(
                self,
                f"{req.raw.strip()}: {written} is the project {base} with its version joined "
                f"by a dash (`{base}=={version}` was meant?), and PyPI had no project named "
                f"{req.name} when its {when} list of projects was read: pip stops with 'No "
                f"matching distribution found for {req.name}'.",
                req.location,
                package=req.name,
                fix=f"{base}=={version}",
                evidence=(
                    f"KB pypi_names.txt.xz (read on {when}): no project {name}, a project "
                    f"{canonicalize_name(base)}",
                ),
                fingerprint=f"not-on-pypi:{name}",
            )
        popular = lists.projects() | (_top_projects() if self._wheels is None else frozenset())
        pair = _two_projects(name, popular)
        if pair is not None:
            when = names.read_on()
            return finding(
                self,
                f"{req.raw.strip()}: {req.name} is the projects {pair[0]} and {pair[1]} written "
                f"as one word (two lines joined, as a merge can leave them), and PyPI had no "
                f"project named {req.name} when its {when} list of projects was read: pip "
                f"stops with 'No matching distribution found for {req.name}'.",
                req.location,
                package=req.name,
                fix=f"{pair[0]}\n{pair[1]}",
                evidence=(
                    f"KB pypi_names.txt.xz (read on {when}): no project {name}",
                    f"KB release_lists.json: the projects {pair[0]} and {pair[1]}",
                ),
                fingerprint=f"not-on-pypi:{name}",
            )
        near: list[str] = []
        if budget[0] > 0 and len(name) <= _LONGEST:  # a private index's thousands stay fast
            budget[0] -= 1
            extra = _wheel_projects() if self._wheels is None else frozenset()
            near = _popular_near(name, lists.projects() | extra) or names.neighbours(name)
        when = names.read_on()
        said = f"PyPI had no project named {req.name} when its {when} list of projects was read"
        if near:
            shown = " or ".join(near[:3])
            return finding(
                self,
                f"{req.raw.strip()}: {said} (a typo of {shown}?): pip stops "
                f"with 'No matching distribution found for {req.name}'.",
                req.location,
                package=req.name,
                fix=near[0],
                evidence=(f"KB pypi_names.txt.xz (read on {when}): no project {name}",),
                fingerprint=f"not-on-pypi:{name}",
            )
        if exported:
            return finding(
                self,
                f"{req.raw.strip()}: {req.location.file} is `conda env export` output (it has "
                f"a `prefix:`), whose pip section names every package installed in the "
                f"environment, those installed from a local folder too (a project's own `pip "
                f"install -e .`); {said}, so `conda env create` stops with 'No matching "
                f"distribution found for {req.name}'.",
                req.location,
                package=req.name,
                fix=f"remove `{req.raw.strip()}` (install it from its folder or repository after "
                "creating the environment)",
                evidence=(
                    f"KB pypi_names.txt.xz (read on {when}): no project {name}",
                    f"{req.location.file}: prefix: (conda env export)",
                ),
                fingerprint=f"not-on-pypi:{name}",
            )
        if _scripted(snapshot, req):
            # a Dockerfile's or workflow's pip may read an index from a variable, a secret or
            # a copied pip.conf, none of which the review sees: only a typo is reported there
            return None
        return finding(
            self,
            f"{req.raw.strip()}: {said}, so pip stops with 'No matching distribution found "
            f"for {req.name}', unless it was published since or an index configured outside "
            "the repository serves it.",
            req.location,
            package=req.name,
            fix=f"the project's name on PyPI, or the index that serves {req.name} "
            "(--extra-index-url in the file)",
            evidence=(f"KB pypi_names.txt.xz (read on {when}): no project {name}",),
            severity=Severity.WARNING,
            fingerprint=f"not-on-pypi:{name}",
        )


_NAME_DASH_VERSION = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9._-]*?)-(?P<version>\d+(?:\.\d+)+)$")


def _name_and_version(name: str) -> tuple[str, str] | None:
    """(project, version) of a name written ``project-1.2.3`` (netease-youdao/QAnything
    c01fc09c's ``mistune-3.0.2`` for ``mistune==3.0.2``), at least two version parts."""
    match = _NAME_DASH_VERSION.match(name)
    return (match["name"], match["version"]) if match else None


#: The shortest part `_two_projects` splits off (``tqdm``, ``timm``; not ``ai``, ``io``).
_SHORTEST_PART = 4


def _two_projects(name: str, popular: frozenset[str]) -> tuple[str, str] | None:
    """(first, second) when `name` is two of the most downloaded projects written together,
    each of `_SHORTEST_PART` letters or more (microsoft/CameraTraps 3df34b5d: a merge joined
    the lines ``pycocotools`` and ``timm`` into ``pycocotoolstimm``; fixed in 2a42eba2)."""
    if "-" in name or len(name) > 2 * _LONGEST:
        return None  # a dash already separates words; parts are names of `_LONGEST` or fewer
    for cut in range(
        max(_SHORTEST_PART, len(name) - _LONGEST), min(_LONGEST, len(name) - _SHORTEST_PART) + 1
    ):
        first, second = name[:cut], name[cut:]
        if first in popular and second in popular:
            return first, second
    return None


def _joined(snapshot: Snapshot, req: Requirement) -> list[str]:
    """The string literals a setup.py's requirement was joined from, when more than one (a
    missing comma: google-ai-edge/ai-edge-torch 94f36d69's ``"multipledispatch"
    "transformers" "kagglehub"`` became one name, fixed in 67244ba)."""
    manifest = snapshot.files.get(req.location.file)
    if manifest is None:
        return []
    at = f"{req.location.line}:{req.location.column}\t"
    for key, value in manifest.metadata:
        if key == JOINED_LITERALS and value.startswith(at):
            return value.removeprefix(at).split("|")
    return []


def _exported(snapshot: Snapshot, req: Requirement) -> bool:
    """Whether `req` is in the pip section of a conda file `conda env export` wrote
    (luca-medeiros/lang-segment-anything #51: its environment.yml, with a ``prefix:``, pinned
    ``lang-sam==0.1.0`` and ``groundingdino==0.1.0``, the repository's own and a git
    install; "No matching distribution found", fixed by deleting the file, 9494b0a)."""
    manifest = snapshot.files.get(req.location.file)
    return manifest is not None and (CONDA_EXPORT, "prefix") in manifest.metadata


def _scripted(snapshot: Snapshot, req: Requirement) -> bool:
    """Whether `req` is on a Dockerfile's, workflow's or tox's command line, or its file is
    installed by one."""
    manifest = snapshot.files.get(req.location.file)
    if manifest is not None and manifest.kind in SCRIPT_KINDS:
        return True
    return installed_by(snapshot, env_root(req.environment or req.location.file))


@cache
def _top_projects() -> frozenset[str]:
    """The most downloaded projects the KB's other tables hold (wheels.json: timm; the
    Requires-Dist archive: pycocotools)."""
    return _wheel_projects() | top_archive().names


@cache
def _wheel_projects() -> frozenset[str]:
    """The projects rules/kb/data/wheels.json records (opencv-python, numpy, torch...)."""
    return frozenset(load_wheels().packages)


def _own_names(snapshot: Snapshot) -> frozenset[str]:
    """The names the repository's own packages go by: each manifest's ``name`` and every
    lock entry (a lock lists the workspace's members and its path dependencies)."""
    names = {
        str(canonicalize_name(value))
        for manifest in snapshot.files.values()
        for key, value in manifest.metadata
        if key == "name"
    }
    names.update(
        str(canonicalize_name(pin.name))
        for manifest in snapshot.files.values()
        for pin in manifest.pins
    )
    return frozenset(names)


def _popular_near(name: str, popular: frozenset[str]) -> list[str]:
    """The most downloaded projects two edits or fewer from `name` (one for a name of eight
    letters or fewer: ``sander`` is no typo of pandera), nearest first."""
    limit = 1 if len(name) <= 8 else 2
    scored = sorted(
        (distance, other)
        for other in _by_length(popular, len(name), limit)
        if (distance := _osa(name, other, limit)) <= limit
    )
    return [other for _, other in scored]


def _by_length(popular: frozenset[str], length: int, limit: int) -> Iterator[str]:
    table = _lengths(popular)
    for size in range(length - limit, length + limit + 1):
        yield from table.get(size, ())


@cache
def _lengths(popular: frozenset[str]) -> dict[int, tuple[str, ...]]:
    table: dict[int, list[str]] = {}
    for name in popular:
        table.setdefault(len(name), []).append(name)
    return {size: tuple(sorted(names)) for size, names in table.items()}


def _osa(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of `a` and `b` (edits, and swaps of neighbouring
    letters), or ``limit + 1`` once it must exceed `limit`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return min(previous[-1], limit + 1)


RULES: tuple[Rule, ...] = (ProjectNotOnPypi(),)
