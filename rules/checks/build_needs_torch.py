"""build-needs-torch: a requirement PyPI serves only as an sdist whose build imports torch.

``torch_scatter`` in a requirements file next to ``torch>=2.1.0`` (IBM/materials 5fc4dde,
issue #34; removed in PR #44): PyPI has only torch-scatter's sdist, whose setup.py begins with
``import torch``. pip (every sdist since 25.3) and uv build it in an isolated environment that
holds setuptools and no torch, and stop with "ModuleNotFoundError: No module named 'torch'";
older pip built it in the target environment, where torch is not installed yet when the same
file or command brings it. Facts: `rules.kb.torch_builds` (torch-scatter, torch-sparse,
torch-cluster, torch-spline-conv, flash-attn, mamba-ssm, causal-conv1d; each release read).

An error where the environment gets torch from the same file or command, or not at all; a
warning where an earlier command installed it (a conda environment's dependencies before its
``pip:`` section): older pip builds there, pip 25.3 and uv do not. A warning too for a
package's own metadata (pyproject, setup.py, setup.cfg), whose users may have installed a
build first (PyG's install guide says so), which pip keeps. Judged for the files
themselves (requirements, pyproject, setup.py, setup.cfg, conda environments), where nothing
but PyPI serves them (PyG's wheel pages, ``-f https://data.pyg.org/whl/...``, serve wheels)
and only when no Dockerfile, CI workflow or tox environment installs the file: their commands
may pass ``--no-build-isolation``, which this rule does not read. uv's
``no-build-isolation-package`` in the pyproject is honoured.
"""

from __future__ import annotations

from collections.abc import Iterable

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.environments import (
    each_env,
    env_root,
    installed_by,
    project,
    version_of,
)
from rules.checks.support.fixes import finding
from rules.checks.support.indexes import pip_indexes_for
from rules.findings import Finding, Severity
from rules.kb.torch_builds import TorchBuild, newest, torch_build
from rules.manifests.model import (
    Ecosystem,
    FileKind,
    Requirement,
)
from rules.manifests.pyproject import NO_BUILD_ISOLATION

#: The files judged: installed as a whole by pip (or conda, then pip).
_FILE_KINDS = frozenset(
    {
        FileKind.REQUIREMENTS,
        FileKind.PYPROJECT,
        FileKind.SETUP_PY,
        FileKind.SETUP_CFG,
        FileKind.CONDA,
    }
)
#: Files installed as they are into a fresh environment (a project's metadata is installed
#: where its users may have put a build first: a warning there).
_INSTALLED_AS_IS = frozenset({FileKind.REQUIREMENTS, FileKind.CONDA})


class BuildNeedsTorch(StaticRule, id="build-needs-torch", severity=Severity.ERROR):
    """Requirements whose only distribution on PyPI is an sdist that imports torch to build."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per such requirement."""
        snapshot = ctx.snapshot
        for env, reqs in each_env(snapshot, together=False):
            manifest = snapshot.files.get(env_root(env))
            if manifest is None or manifest.kind not in _FILE_KINDS:
                continue
            if pip_indexes_for(snapshot, env) or installed_by(snapshot, env_root(env)):
                continue
            unisolated = {v for k, v in manifest.metadata if k == NO_BUILD_ISOLATION}
            for req in reqs:
                if req.ecosystem != Ecosystem.PYPI or req.url or req.is_constraint:
                    continue
                if {"*", str(canonicalize_name(req.name))} & unisolated:
                    continue
                picked = _picked(req)
                row = torch_build(req.name, picked) if picked is not None else None
                if row is not None and picked is not None:
                    # a package's metadata (not installed as is): its users may have installed
                    # a build first (PyG's install guide), which pip then keeps
                    as_is = manifest.kind in _INSTALLED_AS_IS
                    yield self._finding(req, picked, row, _earlier_torch(req, reqs), as_is)

    def _finding(
        self,
        req: Requirement,
        picked: Version,
        row: TorchBuild,
        earlier: Requirement | None,
        as_is: bool,
    ) -> Finding:
        which = "" if version_of(req) is not None else " (the newest release it admits)"
        text = (
            f"{req.raw.strip()} installs {req.name} {picked}{which}, which PyPI has only as an "
            "sdist whose setup.py imports torch: pip and uv build it in an isolated environment "
            "without torch and stop with \"ModuleNotFoundError: No module named 'torch'\""
        )
        if earlier is None:
            text += (
                ", and older pip, building in the environment itself, does not have torch there "
                "yet either (the same install brings it, if anything does)."
            )
        else:
            at = earlier.location
            text += (
                f" (pip 25.3 and later, uv); older pip builds it where {earlier.raw.strip()} "
                f"({at.file}:{at.line}) installed torch first."
            )
        return finding(
            self,
            text,
            req.location,
            package=req.name,
            fix=row.fix,
            evidence=row.sources,
            severity=Severity.ERROR if earlier is None and as_is else Severity.WARNING,
            fingerprint=f"build-needs-torch:{canonicalize_name(req.name)}",
        )


def _picked(req: Requirement) -> Version | None:
    """The release pip takes: the pinned one, else the newest the table knows when the
    requirement admits it (a cap below it: unknown)."""
    pinned = version_of(req)
    if pinned is not None:
        return None if pinned.local else pinned
    top = newest(req.name)
    try:
        admitted = top is not None and SpecifierSet(req.specifier).contains(top)
    except InvalidSpecifier:
        return None
    return top if admitted else None


def _earlier_torch(req: Requirement, reqs: list[Requirement]) -> Requirement | None:
    """A torch an earlier install command of the environment puts there (a conda file's
    ``pytorch`` before its ``pip:`` section), or None."""
    if req.command is None:
        return None
    return next(
        (
            r
            for r in reqs
            if project(r) == "torch" and r.command is not None and r.command < req.command
        ),
        None,
    )


RULES: tuple[Rule, ...] = (BuildNeedsTorch(),)
