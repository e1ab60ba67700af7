"""platform-no-wheel: a release installed on a macOS platform that publishes no wheel for it
(torch from 2.3 on Intel Macs, TensorFlow before 2.13 on Apple Silicon; `rules.kb.platform_wheels`).

Which platforms a requirement is installed on:

- its own marker singles one macOS architecture out (``torch==2.8.0; sys_platform == 'darwin'
  and platform_machine == 'x86_64'``, MannLabs/alphapeptdeep's Dependabot PR #261: it holds on
  Intel Macs and not on Apple Silicon): the line exists for them, so a release with no wheel
  there is an error (pip: "No matching distribution
  found"). A range is judged only when no release it admits has a wheel there (pip falls back
  to an older release that has one).
- a line with no such marker, where another line of the same project in the repository is
  guarded against that platform (determined-ai/determined #7599: ``tensorflow==2.12.0`` in
  docs/requirements.txt while e2e_tests' requirements install it only where
  ``sys_platform != 'darwin' or platform_machine != 'arm64'``, which holds on Intel Macs and
  not on Apple Silicon): the repository installs on that platform and knows the project needs
  care there, so a warning (whether this file is installed on it is not known).

A marker such as ``sys_platform == 'darwin'`` or ``sys_platform != 'win32'`` names no
architecture: it is not read as targeting Intel Macs (IAHispano/Applio's and isl-org/Open3D-ML's
``torch==2.7.1; sys_platform == 'darwin'`` lines serve Apple Silicon).

Not judged where another index (not PyTorch's, not a find-links page) may serve the project.
Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.environments import each_env, project, version_of
from rules.checks.support.fixes import finding
from rules.checks.support.indexes import pip_indexes_for
from rules.checks.support.markers import installed_on
from rules.checks.support.versions import releases_of, specifier_set
from rules.config import PLATFORMS
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase, release_lists
from rules.kb.cudaver import is_pytorch_index
from rules.kb.platform_wheels import READ_ON, has_no_wheel, judged_platforms
from rules.manifests.model import Ecosystem, Index, IndexKind, Requirement, Snapshot, Span

#: The other architecture of the same OS: a marker singles a platform out when it holds there
#: and not on its sibling (``sys_platform == 'darwin'`` alone means macOS, not Intel Macs).
_SIBLING = {"macos_x86_64": "macos_arm64", "macos_arm64": "macos_x86_64"}
_NAMES = {"macos_x86_64": "macOS x86_64 (Intel)", "macos_arm64": "macOS arm64 (Apple Silicon)"}


def _may_serve(index: Index) -> bool:
    """Whether `index` may serve another build of torch, jaxlib or TensorFlow: any index but
    the PyTorch one (whose builds are PyPI's, less) and find-links pages (a project's own
    wheel page: mmcv's, PyG's)."""
    if index.kind == IndexKind.FIND_LINKS:
        return False
    return not is_pytorch_index(index.url)


def _releases(kb: KnowledgeBase, req: Requirement) -> list[Version]:
    """The releases pip may pick for `req`: its pin, else the known releases its range
    admits (the KB's torch, TensorFlow and jaxlib lists, else the release lists)."""
    pinned = version_of(req)
    if pinned is not None:
        return [pinned]
    spec = specifier_set(req.specifier)
    if spec is None:
        return []
    known = releases_of(kb, project(req)) or release_lists.releases(project(req))
    return [v for v in known if spec.contains(v)]


def _platforms(req: Requirement) -> frozenset[str]:
    """The platforms (of `rules.config.PLATFORMS`) `req`'s marker holds on."""
    return frozenset(p for p in PLATFORMS if installed_on(req, (p,)))


def _guards(snapshot: Snapshot) -> dict[tuple[str, str], Requirement]:
    """(project, platform) -> a requirement line of the project whose marker holds on some
    platforms but not on that one (the repository guards the project there)."""
    found: dict[tuple[str, str], Requirement] = {}
    for manifest in snapshot.files.values():
        for req in manifest.requirements:
            if req.ecosystem != Ecosystem.PYPI or not req.marker:
                continue
            held = _platforms(req)
            for platform in judged_platforms(project(req)):
                if platform not in held and _SIBLING[platform] in held:
                    found.setdefault((project(req), platform), req)
    return found


class PlatformNoWheel(StaticRule, id="platform-no-wheel", severity=Severity.ERROR):
    """A release with no wheel for a macOS platform the requirement is installed on."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings per requirement line and platform."""
        guards = _guards(ctx.snapshot)
        seen: set[tuple[str, int, str]] = set()
        for env, reqs in each_env(ctx.snapshot, together=False):
            if any(_may_serve(i) for i in pip_indexes_for(ctx.snapshot, env)):
                continue
            for req in reqs:
                if req.ecosystem != Ecosystem.PYPI or req.url or req.is_constraint:
                    continue
                for found in self._judge(ctx.kb, req, guards):
                    key = (req.location.file, req.location.line, found.fingerprint)
                    if key not in seen:
                        seen.add(key)
                        yield found

    def _judge(
        self, kb: KnowledgeBase, req: Requirement, guards: dict[tuple[str, str], Requirement]
    ) -> Iterator[Finding]:
        name = project(req)
        platforms = judged_platforms(name)
        if not platforms:
            return
        releases = _releases(kb, req)
        held = _platforms(req)
        for platform in platforms:
            if platform not in held or not releases:
                continue
            confined = _SIBLING[platform] not in held
            if not all(has_no_wheel(name, platform, v) for v in releases):
                continue
            guard = None if confined else guards.get((name, platform))
            which = (
                f"{releases[0]}"
                if len(releases) == 1
                else f"every release it admits ({releases[0]} … {releases[-1]})"
            )
            if confined:
                why = f"its marker installs it on {_NAMES[platform]}"
                severity = Severity.ERROR
            elif guard is None:
                continue
            else:
                why = (
                    f"no marker of its own leaves that platform out, and "
                    f"{guard.location.file}:{guard.location.line} "
                    f"installs {name} only where `{guard.marker}`: the repository installs "
                    f"on {_NAMES[platform]}"
                )
                severity = Severity.WARNING
            yield finding(
                self,
                f"{req.raw.strip()}: {name} {which} publishes no wheel for {_NAMES[platform]} "
                f"and no sdist, and {why}: pip stops there with 'No matching distribution "
                f"found for {name}'.",
                req.location,
                package=name,
                fix=f"a {name} release with a {_NAMES[platform]} wheel on that line, or a "
                f"marker that leaves {_NAMES[platform]} out",
                evidence=(
                    f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                    f"the index's file lists for {name}, read on {READ_ON}",
                ),
                severity=severity,
                fingerprint=f"platform-no-wheel:{name}:{platform}",
                also_at=(Span(guard.location.file, guard.location.line),) if guard else (),
            )


RULES: tuple[Rule, ...] = (PlatformNoWheel(),)
