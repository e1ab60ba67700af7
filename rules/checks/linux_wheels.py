"""linux-no-distribution: a Linux Docker stage or CI job installs a project that publishes no
distribution for Linux at all (`rules.kb.linux_wheels`: tensorflow-macos, tensorflow-metal,
jax-metal, mlx-metal publish macOS wheels only). pip finds nothing it may install and stops:
"No matching distribution found for tensorflow-macos" (romilbert/samformer #2, an unmarked
``tensorflow-macos==2.13.0``; fixed in a2bebf0 with ``sys_platform == "darwin"``).

Certain (error) where the line is installed on Linux: a Dockerfile stage installs it (images
are Linux), or a GitHub Actions job does (depreview reads the jobs of Linux runners only); a
marker that leaves Linux out (``sys_platform == "darwin"``) keeps the line off Linux. A file
nothing installs may be meant for macOS only (a repository for Apple Silicon): not judged.
Not judged where another index or a find-links page may serve a build. Category
python-version-incompatible, as for musl-no-distribution: the platform the environment's
Python runs on has no wheel. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.environments import each_env
from rules.checks.support.evidence import installing_stages, python_decls
from rules.checks.support.fixes import finding_at
from rules.checks.support.indexes import pip_indexes_for
from rules.checks.support.markers import installed_on
from rules.findings import Finding, Severity
from rules.kb.linux_wheels import READ_ON, no_linux_distribution
from rules.manifests.model import Ecosystem, FileKind, Requirement, Snapshot, Span

_LINUX = ("linux_x86_64", "linux_aarch64")


def _linux_installers(snapshot: Snapshot, env: str) -> list[tuple[str, Span]]:
    """(what, where) for each Docker stage and GitHub Actions job that installs `env`."""
    found = [
        (f"the Docker stage at {manifest.path}:{stage.location.line}", stage.location)
        for manifest, stage in installing_stages(snapshot, env)
    ]
    for decl in python_decls(snapshot, env):
        manifest = snapshot.files.get(decl.file or "")
        if decl.how == "workflow" and manifest is not None and manifest.kind == FileKind.WORKFLOW:
            at = Span(manifest.path, decl.line or 1, 1)
            found.append((f"the GitHub Actions job at {manifest.path}:{at.line}", at))
    return list(dict.fromkeys(found))


class LinuxNoDistribution(StaticRule, id="linux-no-distribution", severity=Severity.ERROR):
    """A project with no Linux distribution installed by a Linux image or CI job."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per (requirement line, installer) where pip finds nothing."""
        seen: set[tuple[str, int, str]] = set()
        for env, reqs in each_env(ctx.snapshot, together=False):
            candidates = [
                r
                for r in reqs
                if r.ecosystem == Ecosystem.PYPI
                and not r.url
                and not r.is_constraint
                and no_linux_distribution(r.name) is not None
                and installed_on(r, _LINUX)
            ]
            if not candidates or pip_indexes_for(ctx.snapshot, env):
                continue
            installers = _linux_installers(ctx.snapshot, env)
            if not installers:
                continue
            what, where = installers[0]  # one finding a line, at the first installer
            for req in candidates:
                key = (req.location.file, req.location.line, req.name)
                if key not in seen:
                    seen.add(key)
                    yield self._finding(req, what, where, len(installers))

    def _finding(self, req: Requirement, what: str, where: Span, count: int) -> Finding:
        files = no_linux_distribution(req.name) or ""
        more = f" (and {count - 1} more)" if count > 1 else ""
        return finding_at(
            self,
            f"{req.raw.strip()}: {req.name} publishes no distribution for Linux (no Linux "
            f"wheel, no sdist), and {what}{more} installs this line on Linux: pip stops with "
            f"'No matching distribution found for {req.name}'.",
            req.location,
            package=req.name,
            fix=f'{req.raw.strip().split(";")[0].strip()}; sys_platform == "darwin"',
            evidence=(
                f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                f"the index's file list for {req.name}, read on {READ_ON}: {files}",
            ),
            fingerprint=f"{req.location.file}:{req.name}:no-linux",
            also_at=(where,) if where.file != req.location.file else (),
        )


RULES: tuple[Rule, ...] = (LinuxNoDistribution(),)
