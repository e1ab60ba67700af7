"""Which package indexes serve which environment.

An index applies only to the environment that uses it:
- an index a requirements file, conda file or pyproject declares applies to the
  environments rooted in that file (and to the files it includes);
- an index a Dockerfile passes to pip applies to the requirements of the same stage, and to
  the requirements files that stage installs with ``pip install -r`` when the index belongs
  to that install command: on the same line, or nearer to that ``-r`` than to any other
  install of the stage (a command continued over several lines). ``PIP_INDEX_URL`` /
  ``PIP_EXTRA_INDEX_URL`` (``UV_*``, ``pip config set``) set for the stage (`PIP_OPTION`
  facts, ``--index-url=`` ones replacing PyPI) apply to all its installs.
  One Dockerfile's indexes never serve another Dockerfile or a file it does not install.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from rules.checks.support.environments import env_root
from rules.kb.cudaver import is_pytorch_index, project_page, serves_all_variants, url_variant
from rules.manifests.model import (
    FactKind,
    FileKind,
    Index,
    IndexKind,
    ManifestFile,
    Requirement,
    Snapshot,
    Span,
)
from rules.manifests.snapshot import installed_together, memo

_URL = re.compile(r"https?://[^\s'\"]+")


def _env_of(index: Index) -> str:
    return index.environment or index.location.file


def indexes_for(snapshot: Snapshot, env: str) -> list[Index]:
    """Indexes that apply to environment `env` (its own, then the Dockerfile installs of it);
    for a Dockerfile stage or CI job that installs files (`installed_together`), also those
    of each file it installs (each served its own install command)."""
    known: dict[str, list[Index]] = memo(snapshot).setdefault("indexes_for", {})
    if env in known:
        return list(known[env])
    found = _own_indexes(snapshot, env)
    for source in installed_together(snapshot).get(env, ()):
        if source != env:
            found += [i for i in indexes_for(snapshot, source) if i not in found]
    known[env] = found
    return list(found)


def pip_indexes_for(snapshot: Snapshot, env: str) -> list[Index]:
    """`indexes_for` less conda channels: what pip (a conda environment's ``pip:`` block,
    too) may install from besides PyPI."""
    return [i for i in indexes_for(snapshot, env) if i.kind != IndexKind.CONDA_CHANNEL]


def _own_indexes(snapshot: Snapshot, env: str) -> list[Index]:
    root = env_root(env)
    manifest = snapshot.files.get(root)
    if manifest is not None and manifest.kind == FileKind.DOCKERFILE:
        return [i for i in _dockerfile_pool(manifest) if _env_of(i) == env]
    own = [
        i
        for i in snapshot.indexes()
        if env_root(_env_of(i)) == root and not _in_dockerfile(snapshot, i)
    ]
    return own + installing_indexes(snapshot, root)


def _in_dockerfile(snapshot: Snapshot, index: Index) -> bool:
    manifest = snapshot.files.get(index.location.file)
    return manifest is not None and manifest.kind == FileKind.DOCKERFILE


def dockerfile_indexes(snapshot: Snapshot) -> list[Index]:
    """Every index URL the Dockerfiles of a snapshot pass to pip (incl. `PIP_OPTION` facts).

    This pools all Dockerfiles: use `indexes_for` to know which of them serve an environment.
    """
    found: list[Index] = []
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind == FileKind.DOCKERFILE:
            found.extend(_dockerfile_pool(manifest))
    return found


def declared_indexes(snapshot: Snapshot) -> Iterator[Index]:
    """Every index the files declare (`Snapshot.indexes`), then the indexes each Dockerfile
    stage sets for its pip calls (``ENV PIP_EXTRA_INDEX_URL``, ``pip config set``: its
    `PIP_OPTION` facts), which `Snapshot.indexes` does not hold."""
    yield from snapshot.indexes()
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind == FileKind.DOCKERFILE:
            yield from _option_indexes(manifest)


def _dockerfile_pool(manifest: ManifestFile) -> list[Index]:
    """A Dockerfile's pip indexes and its stage-wide index options, each with its stage."""
    found = [i for i in manifest.indexes if i.kind != IndexKind.CONDA_CHANNEL]
    found.extend(_option_indexes(manifest))
    return found


def _option_indexes(manifest: ManifestFile) -> list[Index]:
    found: list[Index] = []
    for fact in manifest.facts:
        if fact.kind != FactKind.PIP_OPTION:
            continue
        for url in _URL.findall(f"{fact.value} {fact.detail}"):
            primary = fact.value.startswith("--index-url=")
            found.append(
                Index(
                    url.rstrip(",;"),
                    IndexKind.INDEX_URL if primary else IndexKind.EXTRA_INDEX_URL,
                    fact.location,
                    environment=fact.environment or fact.location.file,
                )
            )
    return found


def _stage_at(manifest: ManifestFile, line: int) -> str:
    """The stage (environment) of a Dockerfile line: the last ``FROM`` at or above it."""
    starts = sorted(
        (s.location.line, s.label) for s in manifest.stages if s.within is None
    ) or sorted(
        (f.location.line, f.environment or manifest.path)
        for f in manifest.facts
        if f.kind == FactKind.BASE_IMAGE
    )
    stage = manifest.path
    for start, env in starts:
        if start <= line:
            stage = env
    return stage


def _stage_of(manifest: ManifestFile, env: str) -> str:
    """The build stage an environment of `manifest` belongs to (a venv's is its stage's)."""
    return next((s.within for s in manifest.stages if s.label == env and s.within), env)


def _installs(manifest: ManifestFile, snapshot: Snapshot, root: str) -> list[int]:
    """The lines of `manifest` that ``pip install -r`` the environment rooted at `root`."""
    here = posixpath.dirname(manifest.path)
    lines = []
    for span, target in zip(manifest.includes, manifest.include_paths, strict=False):
        clean = posixpath.normpath(target)
        candidates = {clean, posixpath.normpath(posixpath.join(here, clean))}
        if clean.startswith("/") or clean not in snapshot.files:
            # an absolute path inside the image: the file COPY'd from the build context
            name = posixpath.basename(clean)
            if posixpath.basename(root) == name and posixpath.dirname(root) in ("", here):
                candidates.add(root)
        if root in candidates:
            lines.append(span.line)
    return lines


def installing_indexes(snapshot: Snapshot, root: str) -> list[Index]:
    """Indexes of Dockerfile install commands that ``pip install -r`` the file `root`."""
    found: list[Index] = []
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind != FileKind.DOCKERFILE:
            continue
        lines = _installs(manifest, snapshot, root)
        if not lines:
            continue
        stages = {_stage_at(manifest, line) for line in lines}
        items = [span.line for span in manifest.includes] + [
            r.location.line for r in manifest.requirements
        ]
        for index in manifest.indexes:
            if index.kind == IndexKind.CONDA_CHANNEL:
                continue
            if _stage_of(manifest, _env_of(index)) not in stages:
                continue
            if _nearest(index.location.line, items, stage_of=manifest, stages=stages) & set(lines):
                found.append(index)
        found.extend(i for i in _option_indexes(manifest) if _env_of(i) in stages)
    return found


@dataclass(frozen=True, slots=True)
class FileInstall:
    """A Dockerfile line that ``pip install -r``s a requirements file, and the install earlier in
    its stage that already put a PyTorch build there (`first`, from `index`; None: none)."""

    at: Span
    first: Requirement | None = None
    index: Index | None = None

    def describe(self) -> str:
        """`Dockerfile:24 installs torch==2.7.1 from https://…/cu128 before the -r at line 25`."""
        if self.first is None or self.index is None:
            return f"{self.at.file}:{self.at.line} installs it without that index"
        first = self.first.location
        return (
            f"{first.file}:{first.line} installs {self.first.raw.strip()} from {self.index.url} "
            f"before its `pip install -r` at line {self.at.line}"
        )


def preinstalled(snapshot: Snapshot, req: Requirement, label: str) -> list[FileInstall]:
    """Each Dockerfile line that ``pip install -r``s `req`'s file, with the earlier install of
    the same stage (same RUN or an earlier one, or a stage it is built FROM) that installs
    `req`'s project, at a version its
    pin admits, from a PyTorch index serving `label` builds. pip keeps an installed build that
    satisfies a pin, so ``torch==2.7.1+cu128`` in the file then needs no index of its own."""
    root = env_root(req.environment or req.location.file)
    version = req.pinned or ""
    found: list[FileInstall] = []
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind != FileKind.DOCKERFILE:
            continue
        lines = set(_installs(manifest, snapshot, root))
        for at in (span for span in manifest.includes if span.line in lines):
            stages = _lineage(manifest, _stage_at(manifest, at.line))
            first = next(
                (
                    (r, index)
                    for r in manifest.requirements
                    if r.name == req.name
                    and (r.location.line, r.location.column) < (at.line, at.column)
                    and (stage := _stage_at(manifest, r.location.line)) in stages
                    and (r.local is None or r.local.lower() == label)
                    and (not r.specifier or _admits(r.specifier, version))
                    and (index := _command_index(manifest, r, stage, label)) is not None
                ),
                None,
            )
            found.append(FileInstall(at, *first) if first else FileInstall(at))
    return found


def _lineage(manifest: ManifestFile, stage: str) -> set[str]:
    """`stage` and the stages it is built ``FROM`` (their installs are in its image)."""
    parents = {s.label: s.parent for s in manifest.stages if s.within is None}
    found = {stage}
    while (parent := parents.get(stage)) is not None and parent not in found:
        found.add(parent)
        stage = parent
    return found


def _admits(specifier: str, version: str) -> bool:
    try:
        spec, exact = SpecifierSet(specifier), Version(version)
        return spec.contains(exact.public, prereleases=True) or spec.contains(
            exact, prereleases=True
        )  # ``==2.1.0+cu118`` admits 2.1.0+cu118 only with its label
    except (InvalidSpecifier, InvalidVersion):
        return False


def _command_index(
    manifest: ManifestFile, req: Requirement, stage: str, label: str
) -> Index | None:
    """The PyTorch index serving `label` that the install command of Dockerfile requirement
    `req` passes (an option of that command, or one the stage sets for every pip call)."""
    items = [span.line for span in manifest.includes] + [
        r.location.line for r in manifest.requirements
    ]
    pool = [
        i
        for i in manifest.indexes
        if i.kind != IndexKind.CONDA_CHANNEL
        and _stage_of(manifest, _env_of(i)) == stage
        and req.location.line in _nearest(i.location.line, items, stage_of=manifest, stages={stage})
    ]
    pool += [i for i in _option_indexes(manifest) if _env_of(i) == stage]
    return next((i for i in pytorch_indexes(pool) if serves_variant(i, label)), None)


def _nearest(line: int, items: list[int], *, stage_of: ManifestFile, stages: set[str]) -> set[int]:
    """The install lines of the same stage nearest to `line` (the command an option is in)."""
    same = [i for i in items if _stage_at(stage_of, i) in stages]
    if not same:
        return set()
    best = min(abs(i - line) for i in same)
    return {i for i in same if abs(i - line) == best}


def pytorch_indexes(indexes: Iterable[Index]) -> list[Index]:
    """The PyTorch wheel indexes among `indexes`: not a project's page (``…/whl/torch/``)
    given as an index URL, where pip looks for ``…/whl/torch/torch/`` and finds nothing (as
    ``--find-links`` that page lists every build of its project)."""
    return [
        i
        for i in indexes
        if i.url
        and is_pytorch_index(i.url)
        and (i.kind == IndexKind.FIND_LINKS or project_page(i.url) is None)
    ]


def serving_indexes(req: Requirement, indexes: Iterable[Index]) -> list[Index]:
    """The indexes pip/uv/Poetry would consult for `req`.

    A requirement tied to a named source (Poetry ``source =``, uv ``index =``) uses that
    source only; otherwise every index except Poetry/uv ones marked explicit. A Dockerfile's
    ``pip install … --index-url URL`` ties its requirements to the URL itself, not to a
    source name: that command's indexes are in the pool, so such a requirement takes the pool.
    """
    pool = list(indexes)
    if req.index and "://" not in req.index:
        return [i for i in pool if i.name == req.index]
    return [i for i in pool if not i.explicit and i.priority != "explicit"]


def serves_variant(index: Index, label: str) -> bool:
    """Whether a PyTorch index carries wheels with local label `label` (a project's page
    given as find-links lists all its builds)."""
    if serves_all_variants(index.url):
        return True
    if index.kind == IndexKind.FIND_LINKS and project_page(index.url) is not None:
        return True
    return url_variant(index.url) == label


def declared_at(index: Index) -> str:
    """``file:line: url``: where an index is declared (a finding's evidence)."""
    return f"{index.location.file}:{index.location.line}: {index.url}"
