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

import posixpath
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
from rules.checks.support.evidence import installing_stages
from rules.checks.support.fixes import finding
from rules.checks.support.indexes import pip_indexes_for
from rules.findings import Finding, Severity
from rules.kb.torch_builds import TorchBuild, newest, torch_build
from rules.manifests.model import (
    RUNNER_KINDS,
    Ecosystem,
    FactKind,
    FileKind,
    Group,
    Requirement,
    Snapshot,
)
from rules.manifests.pyproject import NO_BUILD_ISOLATION
from rules.manifests.setuppy import top_imports

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


class OwnBuildNeedsTorch(StaticRule, id="build-isolation-lacks-torch", severity=Severity.ERROR):
    """The project's own setup.py imports torch at the top while its pyproject.toml's
    ``[build-system] requires`` names no torch: pip and uv build the project in an isolated
    environment holding only those requirements, and setup.py stops there
    (NVIDIA/physicsnemo-sym #198 dropped torch from the build requirements; issues #219 and
    #263: "No module named 'torch'" on ``pip install .``). A warning where a Dockerfile,
    workflow or script installs the project (it may pass ``--no-build-isolation``, which is
    not read), and nothing where uv's ``no-build-isolation-package`` names torch. A
    setup.py with no pyproject.toml, or one whose ``[build-system]`` lists nothing, is not
    judged (many CUDA-extension projects document ``--no-build-isolation`` for it)."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per such pyproject.toml."""
        snapshot = ctx.snapshot
        for path in sorted(snapshot.files):
            pyproject = snapshot.files[path]
            if pyproject.kind != FileKind.PYPROJECT:
                continue
            build = [r for r in pyproject.requirements if r.group == Group.BUILD]
            unisolated = {v for k, v in pyproject.metadata if k == NO_BUILD_ISOLATION}
            if not build or any(project(r) == "torch" for r in build):
                continue
            if {"*", "torch"} & unisolated:
                continue
            setup_path = posixpath.join(posixpath.dirname(path), "setup.py")
            line = _top_torch_import(snapshot, setup_path)
            if line is None:
                continue
            scripted = any(_scripted(snapshot, p) for p in (path, setup_path))
            names = ", ".join(r.raw.strip() for r in build)
            yield finding(
                self,
                f"{setup_path}:{line} imports torch at the top, and {path}'s [build-system] "
                f"requires ({names}) has no torch: pip and uv build the project in an isolated "
                'environment holding only those, and setup.py stops with "ModuleNotFoundError: '
                "No module named 'torch'\""
                + (" (unless the install passes --no-build-isolation)." if scripted else "."),
                build[0].location,
                package="torch",
                fix='add "torch" to [build-system] requires (the build gets the newest torch), '
                "or tell every install to pass --no-build-isolation",
                evidence=(f"{setup_path}:{line}: import torch (module level)",),
                severity=Severity.WARNING if scripted else Severity.ERROR,
                fingerprint=f"build-isolation-lacks-torch:{path}",
            )


def _scripted(snapshot: Snapshot, root: str) -> bool:
    """Whether a Dockerfile stage, a CI job or a script installs the file `root` (its
    command may pass ``--no-build-isolation``)."""
    if installed_by(snapshot, root) or installing_stages(snapshot, root):
        return True
    return any(
        fact.environment == root
        for fact in snapshot.facts(FactKind.PYTHON)
        if (m := snapshot.files.get(fact.location.file)) is not None and m.kind in RUNNER_KINDS
    )


def _top_torch_import(snapshot: Snapshot, setup_path: str) -> int | None:
    """The line of a module-level ``import torch`` (or ``from torch... import``) in the
    setup.py at `setup_path`; None when it has none."""
    setup = snapshot.files.get(setup_path)
    if setup is None or setup.kind != FileKind.SETUP_PY:
        return None
    torch = (line for module, line in top_imports(setup) if module.split(".")[0] == "torch")
    return next(torch, None)


RULES: tuple[Rule, ...] = (BuildNeedsTorch(), OwnBuildNeedsTorch())
