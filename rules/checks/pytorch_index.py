"""missing-pytorch-index: +cuXXX / +cpu pins no index serves; how PyTorch sources are set up.

Any other local version pinned with PyPI as the only index fails too: PyPI refuses uploads
with a local version label (``+pt113cu117``), so only the project's own wheel host has it. PyG
publishes ``pyg-lib==0.2.0+pt113cu117`` and ``torch-scatter==2.1.1+pt113cu117`` as find-links
pages (``https://data.pyg.org/whl/torch-1.13.0+cu117.html``): without that page pip stops with
'No matching distribution found' (zaixizhang/PocketGen #4). Such a pin is judged only where the
file names no index besides PyPI and nothing else installs the file: a Dockerfile, CI workflow
or tox environment may bring the index on its command line, and a base image may have the build
installed already (NGC's ``torch==2.1.0a0+32f93b1``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.pytorch_primary_index import PytorchIndexReplacesPypi
from rules.checks.support.environments import (
    each_env,
    env_root,
    installed_by,
    local_label,
    version_of,
)
from rules.checks.support.fixes import finding
from rules.checks.support.indexes import (
    FileInstall,
    declared_at,
    indexes_for,
    preinstalled,
    pytorch_indexes,
    serving_indexes,
)
from rules.config import PYPI_HOSTS
from rules.findings import Finding, Severity
from rules.kb.cudaver import is_pytorch_index, project_page, variant_cuda
from rules.manifests.model import (
    RUNNER_KINDS,
    Ecosystem,
    FileKind,
    Index,
    IndexKind,
    Requirement,
    Snapshot,
)
from rules.urls import host_matches, parse_url

PYTORCH_INDEX = "https://download.pytorch.org/whl"


def _build(label: str) -> str:
    cuda = variant_cuda(label)
    return f"CUDA {cuda} build" if cuda else f"{label} build"


def _fix(snapshot: Snapshot, req: Requirement, label: str) -> str:
    url = f"{PYTORCH_INDEX}/{label}"
    manifest = snapshot.files.get(env_root(req.environment or req.location.file))
    if req.location.file in snapshot.files and (
        snapshot.files[req.location.file].kind == FileKind.DOCKERFILE
    ):
        return f"{req.raw.strip()}\n--extra-index-url {url}"  # becomes the RUN line
    if manifest is None or manifest.kind != FileKind.PYPROJECT:
        return f"--extra-index-url {url}"
    name = f"pytorch-{label}"
    poetry = any(i.kind == IndexKind.POETRY_SOURCE for i in manifest.indexes)
    if poetry:
        return (
            f'[[tool.poetry.source]]\nname = "{name}"\nurl = "{url}"\npriority = "explicit"\n\n'
            f'# and on the dependency: {req.name} = {{ version = "...", source = "{name}" }}'
        )
    return (
        f'[[tool.uv.index]]\nname = "{name}"\nurl = "{url}"\nexplicit = true\n\n'
        f'[tool.uv.sources]\n{req.name} = {{ index = "{name}" }}'
    )


class MissingPytorchIndex(StaticRule, id="missing-pytorch-index", severity=Severity.ERROR):
    """A +cuXXX / +cpu pin with no index (requirements option, Poetry source, uv index) for it."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every environment of the snapshot."""
        for env, reqs in each_env(ctx.snapshot):
            indexes = indexes_for(ctx.snapshot, env)
            yield from self._other_locals(ctx.snapshot, reqs, indexes)
            for req in reqs:
                label = local_label(req)
                if label is None or req.url:
                    # a wheel's URL needs no index (pytorch_geometric_temporal's docs/
                    # requirements.txt: https://download.pytorch.org/whl/cpu/torch-1.5.0%2Bcpu-...)
                    continue
                serving = serving_indexes(req, indexes)
                if req.index and not serving:
                    yield finding(
                        self,
                        f"{req.raw.strip()} is tied to the source {req.index!r}, which this "
                        f"file does not declare: the install fails.",
                        req.location,
                        package=req.name,
                        fix=_fix(ctx.snapshot, req, label),
                        evidence=(f"{req.location.file}: no index named {req.index!r}",),
                        fingerprint=f"{req.name}:source",
                    )
                    continue
                if pytorch_indexes(serving):
                    continue
                named = ", ".join(sorted({i.url for i in serving})) or "PyPI only"
                pages = sorted(
                    {i.url for i in serving if is_pytorch_index(i.url) and project_page(i.url)}
                )
                if pages:
                    named += (
                        f"; {', '.join(pages)} is the page of one project, not an index: pip "
                        f"looks for <url>/{req.name}/ below it and finds nothing"
                    )
                installs = preinstalled(ctx.snapshot, req, label)
                if _all_served(ctx.snapshot, req, installs):
                    yield self._served_by_installs(ctx.snapshot, req, label, installs)
                    continue
                how = "; ".join(i.describe() for i in installs if i.first is not None)
                yield finding(
                    self,
                    f"{req.raw.strip()} is the PyTorch {_build(label)}, which only the PyTorch "
                    f"index serves (PyPI has no +{label} wheels), and no index of this "
                    f"environment serves it ({named}): the install fails with 'No matching "
                    f"distribution found'."
                    + (f" {how}, but not every install of the file brings it." if how else ""),
                    req.location,
                    package=req.name,
                    fix=_fix(ctx.snapshot, req, label),
                    evidence=(f"indexes for {env}: {named}",),
                    fingerprint=f"{req.name}:{label}",
                )

    def _other_locals(
        self, snapshot: Snapshot, reqs: Sequence[Requirement], indexes: Sequence[Index]
    ) -> Iterator[Finding]:
        """Pins of local versions that are no PyTorch variant, where only PyPI is searched: one
        finding per file and label (PyG's five extensions share ``+pt113cu117``)."""
        pip_indexes = [i for i in indexes if i.kind != IndexKind.CONDA_CHANNEL]
        if any(not _pypi(i.url) for i in pip_indexes):
            return
        groups: dict[tuple[str, str], list[Requirement]] = {}
        for req in reqs:
            version = version_of(req)
            if version is None or not version.local or local_label(req) is not None:
                continue
            if req.ecosystem != Ecosystem.PYPI or req.url or req.name in _JUDGED_ELSEWHERE:
                continue
            file = req.location.file
            manifest = snapshot.files.get(file)
            if (
                manifest is None
                or manifest.kind == FileKind.DOCKERFILE
                or installed_by(snapshot, env_root(req.environment or file))
            ):
                continue
            groups.setdefault((file, version.local), []).append(req)
        for (file, label), pins in groups.items():
            first = pins[0]
            page = _pyg_page(label)
            fix = (
                f"--find-links {page}"
                if page is not None and all(r.name in _PYG for r in pins)
                else f"--extra-index-url <the index of the +{label} builds>"
            )
            named = ", ".join(r.raw.strip() for r in pins)
            yield finding(
                self,
                f"{named} pin{'s' if len(pins) == 1 else ''} a local version (+{label}), which "
                f"PyPI never hosts (it refuses uploads with a local label), and {file} names no "
                f"other index or find-links page: pip stops with 'No matching distribution "
                f"found'.",
                first.location,
                package=first.name,
                fix=fix,
                evidence=(
                    f"indexes for {first.environment or file}: PyPI only",
                    *(f"{r.raw.strip()} ({r.location.file}:{r.location.line})" for r in pins),
                ),
                fingerprint=f"local:{file}:{label}",
            )

    def _served_by_installs(
        self, snapshot: Snapshot, req: Requirement, label: str, installs: list[FileInstall]
    ) -> Finding:
        """Every install of the file the repository runs brings the build first (a notice: the
        file alone still fails with a bare ``pip install -r``)."""
        file = req.location.file
        return finding(
            self,
            f"{req.raw.strip()} is the PyTorch {_build(label)}, which only the PyTorch index "
            f"serves, and {file} names no index for it, so a bare `pip install -r {file}` "
            f"fails; the repository's installs of the file work: "
            + "; ".join(i.describe() for i in installs)
            + f" (pip keeps the installed +{label} build the pin asks for).",
            req.location,
            package=req.name,
            fix=_fix(snapshot, req, label),
            evidence=tuple(i.describe() for i in installs),
            severity=Severity.NOTICE,
            fingerprint=f"{req.name}:{label}",
        )


def _all_served(snapshot: Snapshot, req: Requirement, installs: list[FileInstall]) -> bool:
    """Whether the repository installs `req`'s file (Dockerfiles) and every install brings its
    build first. A CI workflow that installs the file too leaves it unknown (its commands'
    indexes are not read), and so does a file nothing installs."""
    if not installs or any(i.first is None for i in installs):
        return False
    return not installed_by(snapshot, env_root(req.environment or req.location.file), RUNNER_KINDS)


def _pytorch(snapshot: Snapshot, kind: IndexKind) -> Iterator[Index]:
    """The snapshot's PyTorch indexes of one kind (Poetry sources, uv indexes)."""
    for index in snapshot.indexes():
        if index.kind == kind and is_pytorch_index(index.url):
            yield index


class PoetryPytorchSourcePriority(
    StaticRule, id="poetry-pytorch-source-priority", severity=Severity.WARNING
):
    """A PyTorch Poetry source that is not `explicit` or `supplemental`."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per PyTorch Poetry source with a primary / default priority."""
        for index in _pytorch(ctx.snapshot, IndexKind.POETRY_SOURCE):
            if index.priority in ("explicit", "supplemental"):
                continue
            priority = index.priority or "primary (unset)"
            yield finding(
                self,
                f"Poetry source {index.name!r} ({index.url}) has priority {priority}: Poetry "
                f"looks up every package there before PyPI, so locking is slow and packages "
                f"other than torch can come from the PyTorch index.",
                index.location,
                package=None,
                fix=(
                    'priority = "explicit"\n'
                    f'# and on torch: torch = {{ version = "...", source = "{index.name}" }}'
                ),
                evidence=(declared_at(index),),
                fingerprint=f"source:{index.name}",
            )


class UvPytorchIndexNotExplicit(
    StaticRule, id="uv-pytorch-index-not-explicit", severity=Severity.NOTICE
):
    """A PyTorch uv index without `explicit = true`."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per non-explicit PyTorch `[[tool.uv.index]]`."""
        yield from self._each(ctx.snapshot)

    def _each(self, snapshot: Snapshot) -> Iterator[Finding]:
        for index in _pytorch(snapshot, IndexKind.UV_INDEX):
            if index.explicit or index.default:
                continue
            yield finding(
                self,
                f"uv index {index.name or index.url!r} is not explicit: uv takes any package it "
                f"finds there before PyPI (first-index strategy), not only torch.",
                index.location,
                package=None,
                fix="explicit = true",
                evidence=(declared_at(index),),
                fingerprint=f"uv-index:{index.name or index.url}",
            )


RULES: tuple[Rule, ...] = (
    MissingPytorchIndex(),
    PoetryPytorchSourcePriority(),
    UvPytorchIndexNotExplicit(),
    PytorchIndexReplacesPypi(),
)


#: Packages whose local versions another rule judges (jax-find-links: jaxlib's CUDA builds).
_JUDGED_ELSEWHERE = frozenset({"jaxlib"})
#: PyG's compiled extensions, published on its find-links pages per torch and CUDA build.
_PYG = frozenset({"pyg-lib", "torch-scatter", "torch-sparse", "torch-cluster", "torch-spline-conv"})
#: PyG's local label: torch 1.13 and CUDA 11.7 (``pt113cu117``), or the CPU build.
_PYG_LABEL = re.compile(r"^pt(\d)(\d+)(cu\d+|cpu)$")


def _pyg_page(label: str) -> str | None:
    """PyG's find-links page for a local label (``pt113cu117`` -> torch-1.13.0+cu117.html)."""
    match = _PYG_LABEL.match(label.lower())
    if match is None:
        return None
    major, minor, build = match.groups()
    return f"https://data.pyg.org/whl/torch-{major}.{minor}.0+{build}.html"


def _pypi(url: str) -> bool:
    """Whether an index URL is PyPI's."""
    host = parse_url(url).host
    return host is not None and host_matches(host, PYPI_HOSTS)
