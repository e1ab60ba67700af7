"""release-not-published: an exact pin on a release the package never published on PyPI.

``numpy==1.99.0`` or ``torch==2.1.5``: pip and uv stop with "No matching distribution found"
(every install of the environment fails). The release lists are the KB's package index
listings (rules/kb/data/wheels.json: every release of each recorded package from its
listing's first recorded release on, yanked ones included, as the index served them on the
listing's date; final and post releases, and every pre-release and dev release the listing
has). Dev-release pins are judged too: ``transformers==4.4.0.dev0`` is the version a source
install of transformers' main branch reports (``pip freeze`` writes it), never uploaded
(stanford-crfm/mistral#1). Release candidates, alphas and betas are not judged: projects
delete them once the final is out, so a listing without one says nothing. Judged only where
nothing else could serve the release: a PyPI requirement with no local label (``+cu121``
builds are another index's), no URL, in an environment with no index, find-links page or
pip configuration other than PyPI, pinning a version inside the listing (older than its
first recorded release or newer than its last: unknown, not wrong).
Conda requirements are left alone (conda channels publish their own version lists).
"""

from __future__ import annotations

from collections.abc import Iterable

from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.environments import each_env, project, version_of
from rules.checks.support.fixes import finding, pinned_line
from rules.checks.support.indexes import pip_indexes_for
from rules.checks.support.wheels import WheelIndex, kb_wheels
from rules.findings import Finding, Severity
from rules.manifests.model import Ecosystem


def _nearest(releases: tuple[Version, ...], pinned: Version) -> list[Version]:
    """The releases either side of `pinned` (the one below, the one above)."""
    below = [v for v in releases if v < pinned and not v.is_prerelease]
    above = [v for v in releases if v > pinned and not v.is_prerelease]
    return [*below[-1:], *above[:1]]


def _prereleases(wheels: WheelIndex, package: str) -> frozenset[Version] | None:
    """The pre-releases and dev releases the KB's listing of `package` has (None: not read,
    or an index that does not record them, such as a test fake)."""
    lookup = getattr(wheels, "prereleases", None)
    found = lookup(package) if lookup is not None else None
    return frozenset(found) if found is not None else None


class ReleaseNotPublished(StaticRule, id="release-not-published", severity=Severity.ERROR):
    """Exact PyPI pins on releases the package's index listing does not have."""

    def __init__(self, wheels: WheelIndex | None = None) -> None:
        self._wheels = wheels

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per such requirement."""
        wheels = self._wheels if self._wheels is not None else kb_wheels()
        seen: set[tuple[str, int, str]] = set()
        for env, reqs in each_env(ctx.snapshot, together=False):
            if pip_indexes_for(ctx.snapshot, env):
                continue  # another index (or page) might serve it (conda channels serve conda)
            for req in reqs:
                pinned = version_of(req)
                if pinned is None or req.ecosystem != Ecosystem.PYPI or req.url or pinned.local:
                    continue
                if req.is_constraint:
                    continue  # pip applies a constraint only to a package something requires
                where = (req.location.file, req.location.line, req.name)
                if where in seen:
                    continue
                releases = wheels.releases(project(req))
                if pinned.pre is not None:
                    continue  # rc/a/b releases are often deleted once the final is out
                pre = pinned.is_devrelease
                listed = _prereleases(wheels, project(req)) if pre else frozenset(releases)
                if not releases or listed is None:
                    continue  # a dev-release pin: the listing's pre-releases were not read
                newest = max((releases[-1], *listed))
                if not releases[0] <= pinned <= newest or pinned in listed:
                    continue
                seen.add(where)
                near = _nearest(releases, pinned)
                shown = " and ".join(str(v) for v in near)
                same = Version(pinned.base_version)
                to = same if pre and same in releases else (near[0] if near else None)
                kind = "pre-release" if pre else "release"
                yield finding(
                    self,
                    f"{req.raw.strip()}: {project(req)} never published {pinned} on PyPI "
                    f"(its releases next to it: {shown}), so pip stops with 'No matching "
                    f"distribution found for {req.name}=={pinned}'.",
                    req.location,
                    package=req.name,
                    fix=pinned_line(req, str(to)) if to else None,
                    evidence=(
                        f"KB wheels.json: {len(releases)} releases of {project(req)} from "
                        f"{releases[0]} to {releases[-1]}"
                        + (f", {len(listed)} pre-releases" if pre else "")
                        + f"; no {kind} {pinned}",
                    ),
                    fingerprint=f"unpublished:{req.name}:{pinned}",
                )


RULES: tuple[Rule, ...] = (ReleaseNotPublished(),)
