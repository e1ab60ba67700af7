"""An OpenMMLab package next to an mmcv (or mmengine) its own import refuses.

mmdet, mmsegmentation, mmpose and the other OpenMMLab packages do not cap mmcv in their
metadata, so pip installs any mmcv next to them; their ``__init__.py`` then asserts a range
and ``import mmdet`` fails: "MMCV==2.2.0 is used but incompatible. Please install
mmcv>=2.0.0rc4, <2.2.0." (Dependabot's mmcv 2.1.0 -> 2.2.0 next to ``mmdet==3.3.0``:
obss/sahi #1331; open-mmlab/mmdetection #11500). The ranges come from every release's init
(rules/kb/openmmlab.py). Judged for lines installed together (their markers hold together):
an exact pin of the package, or its newest recorded release a range admits (what a fresh
install picks: nothing in its metadata makes pip take an older one), against an exact pin
of ``mmcv`` / ``mmcv-full`` / ``mmcv-lite`` (all import as ``mmcv``) or ``mmengine``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from packaging.utils import canonicalize_name
from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.environments import each_env, spec_contains, version_of
from rules.checks.support.fixes import finding
from rules.checks.support.markers import View, per_install
from rules.findings import Finding, Severity
from rules.kb.openmmlab import MmcvRange, covered, import_ranges, releases
from rules.manifests.model import Ecosystem, Requirement

#: The distributions that install each module the inits check.
_PROVIDERS = {"mmcv": ("mmcv", "mmcv-full", "mmcv-lite"), "mmengine": ("mmengine",)}


def _picked(req: Requirement) -> tuple[Version, str] | None:
    """The release of an OpenMMLab package a line installs, and how it was decided."""
    pinned = version_of(req)
    if pinned is not None:
        return pinned, "exact pin"
    admitted = [v for v in releases(req.name) if spec_contains(req.specifier, v)]
    if not admitted or admitted[-1].is_prerelease:
        return None
    return admitted[-1], f"the newest recorded release `{req.raw.strip()}` admits"


def _pins(view: View) -> dict[str, tuple[Requirement, Version]]:
    """The exact pins of the modules the inits check (``mmcv-full==1.7.1`` as mmcv)."""
    found: dict[str, tuple[Requirement, Version]] = {}
    for req in view.reqs:
        name = str(canonicalize_name(req.name))
        for module, providers in _PROVIDERS.items():
            version = version_of(req) if name in providers else None
            if version is not None and req.ecosystem == Ecosystem.PYPI:
                found.setdefault(module, (req, version))
    return found


def _accepting(package: str, module: str, version: Version) -> Version | None:
    """The newest recorded release of `package` whose import accepts `module` `version`."""
    for release in reversed(releases(package)):
        ranges = [r for r in import_ranges(package, release) if r.dep == module]
        if ranges and all(r.specifier.contains(version) for r in ranges):
            return release
    return None


class OpenmmlabMmcvRule(StaticRule, id="openmmlab-mmcv-range", severity=Severity.ERROR):
    """An OpenMMLab package whose import refuses the mmcv / mmengine installed next to it."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per package line and refused pin."""
        for env, reqs in each_env(ctx.snapshot):
            if not any(covered(r.name) for r in reqs):
                continue
            yield from per_install(ctx.snapshot, env, reqs, ctx.config, self._judge)

    def _judge(self, view: View) -> Iterator[Finding]:
        pins = _pins(view)
        if not pins:
            return
        for req in view.reqs:
            if req.ecosystem != Ecosystem.PYPI or req.is_constraint or not covered(req.name):
                continue
            picked = _picked(req)
            if picked is None:
                continue
            version, how = picked
            for wanted in import_ranges(req.name, version):
                if wanted.dep not in pins:
                    continue
                other, installed = pins[wanted.dep]
                if not wanted.specifier.contains(installed):
                    yield self._finding(req, version, how, wanted, other, installed)

    def _finding(
        self,
        req: Requirement,
        version: Version,
        how: str,
        wanted: MmcvRange,
        other: Requirement,
        installed: Version,
    ) -> Finding:
        package = str(canonicalize_name(req.name))
        module = wanted.file.split("/", 1)[0]
        where = f"{other.location.file}:{other.location.line}"
        message = (
            f"`import {module}` fails: {package} {version} ({how}, "
            f"{req.location.file}:{req.location.line}) asserts `{wanted.text}` when imported "
            f"({wanted.file}), but {where} pins `{other.name}=={installed}`: AssertionError "
            f'"{wanted.dep.upper() if wanted.dep == "mmcv" else wanted.dep}=={installed} is '
            f'used but incompatible." pip does not see it: the range is not in the metadata.'
        )
        accepting = _accepting(package, wanted.dep, installed)
        fix_lines = [f"# the {wanted.dep} {package} {version} imports with:", wanted.text]
        if accepting is not None:
            fix_lines.append(f"# or a {package} release that accepts {wanted.dep} {installed}:")
            fix_lines.append(f"{package}=={accepting}")
        return finding(
            self,
            message,
            other.location,
            package=wanted.dep,
            fix="\n".join(fix_lines),
            evidence=(
                f"{req.raw.strip()} ({req.location.file}:{req.location.line})",
                f"{other.raw.strip()} ({where})",
                f"{wanted.file} of {wanted.read}: {wanted.text}",
            ),
            severity=Severity.ERROR,
            fingerprint=f"openmmlab:{package}:{wanted.dep}:{installed}",
            also_at=(req.location,),
        )


RULES: tuple[Rule, ...] = (OpenmmlabMmcvRule(),)
