"""torch-family-mismatch: torchvision / torchaudio versions that belong to another torch.

Packages built against one torch release (torchtext, torchdata, torchcodec, xformers, vllm,
torch-tensorrt) are judged by their PyPI wheel's own ``Requires-Dist: torch`` line (KB
torch.json ``family_requirements``, read from the index): a pin whose wheel requires another
torch than the one the environment pins (torch itself, or a torchvision / torchaudio that pins
it) cannot be installed with it.

Also a torch installed on top of a pytorch/pytorch image: the image ships torchvision and
torchaudio for its own torch (its Dockerfile runs ``conda install pytorch torchvision
torchaudio``), and a ``pip install torch==X`` in the same stage leaves them in place unless
that stage installs torchvision / torchaudio too (one warning naming the stale members).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

from packaging.utils import canonicalize_name
from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.environments import (
    each_env,
    local_label,
    project,
    spec_contains,
    version_of,
)
from rules.checks.support.family_files import no_linux_file_findings
from rules.checks.support.fixes import finding, pinned_line
from rules.checks.support.indexes import indexes_for
from rules.checks.support.markers import LINUX, View, on_linux, per_install
from rules.checks.support.pyg_abi import EXTENSIONS as PYG_EXTENSIONS
from rules.checks.support.pyg_abi import pyg_findings
from rules.checks.support.torchcodec_abi import torchcodec_findings
from rules.checks.support.torchtext_abi import torchtext_findings
from rules.checks.support.versions import admitted
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase, TorchFamily
from rules.kb.cudaver import is_pytorch_index, to_version
from rules.manifests.model import Ecosystem, Fact, FactKind, Requirement, Snapshot

_MEMBERS = ("torch", "torchvision", "torchaudio")
#: Family packages whose wheels may require torch (their requirement comes from the KB).
_REQUIRERS = (
    "torchvision",
    "torchaudio",
    "torchtext",
    "torchdata",
    "torchcodec",
    "xformers",
    "vllm",
    "torch-tensorrt",
)
#: Requirers outside the release tables: only their PyPI wheels' own Requires-Dist judges them
#: (a conda build of them carries other dependencies).
_WHEEL_ONLY = ("torchtext", "torchdata", "torchcodec", "xformers", "vllm", "torch-tensorrt")
#: The requirements whose markers decide which lines are paired (conda's `pytorch` too).
_PAIRED = frozenset({*_MEMBERS, *_REQUIRERS, *PYG_EXTENSIONS, "pytorch"})


def _expected(family: TorchFamily, member: str) -> str | None:
    return {
        "torch": family.torch,
        "torchvision": family.torchvision,
        "torchaudio": family.torchaudio,
    }.get(member)


def _anchor(kb: KnowledgeBase, reqs: list[Requirement]) -> tuple[Requirement, TorchFamily] | None:
    """The first pinned family member (torch first) whose release the KB knows."""
    for member in _MEMBERS:
        for req in reqs:
            version = version_of(req)
            if project(req) != member or version is None:
                continue
            torch = version.public if member == "torch" else kb.torch_for(member, version)
            family = kb.torch_family(torch) if torch else None
            if family is not None:
                return req, family
    return None


def _one_minor_torch(kb: KnowledgeBase, reqs: list[Requirement]) -> tuple[Requirement, str] | None:
    """A PyPI torch range every known release of which is one minor (``torch~=2.8.0``,
    ``torch==2.8.*``): the requirement and its newest admitted release. What is built per
    torch minor (torchcodec's compiled library) is decided by it as by a pin."""
    for req in reqs:
        if project(req) != "torch" or req.ecosystem != Ecosystem.PYPI or not req.specifier:
            continue
        if version_of(req) is not None:
            return None
        decided = admitted(req.specifier, kb.torch_versions())
        minors = {v.release[:2] for v in decided.releases}
        if len(minors) == 1 and decided.picked is not None:
            return req, str(decided.picked)
        return None
    return None


def _requires(kb: KnowledgeBase, member: str, version: Version) -> tuple[str | None, str] | None:
    """What a pinned member release requires of torch, and the evidence; None: unknown.

    The wheel's own Requires-Dist when the KB read it (exact pin, range, or nothing), else the
    torch it was released with (the release tables list only exact pairs)."""
    row = kb.torch_requirement(member, version)
    if row is not None:
        return row.requires_torch, f"KB torch.json: {row.source}"
    torch = kb.torch_for(member, version)
    if torch is None:
        return None
    return f"=={torch}", f"KB torch.json: {member} {version.public} was released with torch {torch}"


def _name(req: Requirement) -> str:
    """The project name of a requirement, normalized (``torch_tensorrt`` → ``torch-tensorrt``)."""
    return str(canonicalize_name(project(req)))


def _pins_torch(kb: KnowledgeBase, anchor: Requirement, torch: str) -> bool:
    """Whether a pinned torchvision / torchaudio anchor requires exactly torch `torch` (its
    wheel's Requires-Dist, else the release tables' pair)."""
    version = version_of(anchor)
    known = _requires(kb, project(anchor), version) if version is not None else None
    return known is not None and known[0] is not None and known[0] == f"=={torch}"


def _pin_fix(req: Requirement, expected: str | None) -> str | None:
    """`req` pinned to `expected`, keeping its local label (``+cu121``); None without one."""
    if not expected:
        return None
    label = local_label(req)
    return pinned_line(req, expected + (f"+{label}" if label else ""))


def _remedy(kb: KnowledgeBase, member: str, expected: str | None, spec: str) -> str:
    """The two ways out for a requirer the KB read the wheel of: its release built for this
    torch, or the torch its pinned release requires (`spec`: one release; "" to leave out)."""
    if member not in _WHEEL_ONLY:
        return ""
    ways = []
    if expected is not None:
        row = kb.torch_requirement(member, expected)
        built = f" (its wheel requires torch{row.requires_torch})" if row else ""
        ways.append(f"pin {member}=={expected}{built}")
    if spec.startswith("==") and "," not in spec:
        ways.append(f"pin torch{spec}")
    return f" Fix: {' or '.join(ways)}." if ways else ""


def _fitting(kb: KnowledgeBase, member: str, torch: str) -> str | None:
    """The member release that goes with torch `torch` (the release tables, then the newest
    release whose wheel requirement admits it)."""
    family = kb.torch_family(torch)
    expected = _expected(family, member) if family else None
    if expected:
        return expected
    fits = [
        Version(row.version)
        for row in kb.torch.family_requirements
        if row.package == member
        and row.requires_torch
        and spec_contains(row.requires_torch, torch) is True
    ]
    return str(max(fits)) if fits else None


class TorchFamilyMismatch(StaticRule, id="torch-family-mismatch", severity=Severity.ERROR):
    """torchvision / torchaudio (or torch) constraints that exclude the matching release."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every environment of the snapshot, one install at a time: the
        requirements whose markers hold together on some target (`support.markers.views`)
        are paired; lines for different platforms never are."""
        for env, reqs in each_env(ctx.snapshot):
            judge = partial(self._view, ctx, env)
            yield from per_install(ctx.snapshot, env, reqs, ctx.config, judge, names=_PAIRED)

    def _view(self, ctx: RuleContext, env: str, view: View) -> Iterator[Finding]:
        """The findings of one set of requirements installed together."""
        reqs = list(view.reqs)
        platforms = {t.platform for t in view.targets}
        linux = not platforms or any(p in LINUX for p in platforms)
        torch = next((r for r in reqs if project(r) == "torch"), None)
        if torch is not None and version_of(torch) is None and torch.specifier:
            yield from self._torch_range(ctx.kb, torch, reqs)
            if linux:  # the table and the fresh pick are Linux wheels'
                yield from self._torchcodec_on_one_minor(ctx.kb, reqs)
        else:
            yield from self._env(ctx.kb, reqs, linux=linux)
        image = _pytorch_image(ctx.snapshot, env)
        if linux:
            yield from self._pyg(ctx, env, reqs, torch, image)
            yield from torchtext_findings(self, ctx.kb, reqs, torch, image)
        if not platforms or "linux_x86_64" in platforms:
            pytorch_index = any(is_pytorch_index(i.url) for i in indexes_for(ctx.snapshot, env))
            members = [r for r in reqs if _name(r) in _REQUIRERS and on_linux(r)]
            yield from no_linux_file_findings(self, ctx.kb, members, pytorch_index=pytorch_index)
        if image is not None and linux:
            yield from self._on_image(ctx.kb, [r for r in reqs if on_linux(r)], image)

    def _pyg(
        self,
        ctx: RuleContext,
        env: str,
        reqs: list[Requirement],
        torch: Requirement | None,
        image: Fact | None,
    ) -> Iterator[Finding]:
        """PyG extension wheels built for another torch than the install's exact torch (its
        pin, else the pytorch/pytorch image's torch)."""
        pinned = version_of(torch) if torch is not None else None
        if torch is not None and pinned is not None:
            at = f"{torch.location.file}:{torch.location.line}"
            yield from pyg_findings(self, ctx.snapshot, env, reqs, torch.raw.strip(), at, pinned)
        elif torch is None and image is not None and (pinned := to_version(image.value)):
            at = f"{image.location.file}:{image.location.line}"
            text = f"torch {pinned} of the base image {image.detail}"
            yield from pyg_findings(self, ctx.snapshot, env, reqs, text, at, pinned)

    def _torchcodec_on_one_minor(
        self, kb: KnowledgeBase, reqs: list[Requirement]
    ) -> Iterator[Finding]:
        """torchcodec next to a torch range of one minor (m-bain/whisperX #1349: ``torch~=
        2.8.0`` with ``torchcodec>=0.6.0``, whose fresh pick 0.10 is built for torch 2.10)."""
        found = _one_minor_torch(kb, reqs)
        if found is None:
            return
        torch_req, torch = found
        for req in reqs:
            if _name(req) == "torchcodec" and req.ecosystem == Ecosystem.PYPI:
                yield from torchcodec_findings(self, kb, req, torch_req, torch)

    def _env(
        self, kb: KnowledgeBase, reqs: list[Requirement], *, linux: bool = True
    ) -> Iterator[Finding]:
        found = _anchor(kb, reqs)
        if found is None:
            return
        anchor, family = found
        anchor_is_torch = project(anchor) == "torch"
        exact_torch = anchor_is_torch or _pins_torch(kb, anchor, family.torch)
        for req in reqs:
            member = _name(req)
            if req is anchor or member not in (*_MEMBERS, *_REQUIRERS):
                continue
            if member in _WHEEL_ONLY and req.ecosystem == Ecosystem.CONDA:
                continue
            if member == "torchcodec":
                if exact_torch and linux:  # the table and the fresh pick are Linux wheels'
                    yield from torchcodec_findings(self, kb, req, anchor, family.torch)
                continue
            version = version_of(req)
            if version is None and member in _WHEEL_ONLY:
                if exact_torch and req.specifier:
                    yield from self._requirer_range(kb, req, anchor, family.torch)
                continue
            if version is None and anchor_is_torch and member in ("torchvision", "torchaudio"):
                unpinned = self._fresh_member(kb, req, anchor, family.torch)
                if unpinned is not None:
                    yield unpinned
                    continue
            evidence = (
                f"KB torch.json: torch {family.torch} ↔ torchvision {family.torchvision} "
                f"↔ torchaudio {family.torchaudio}"
            )
            if version is not None and (anchor_is_torch or (exact_torch and member in _WHEEL_ONLY)):
                known = _requires(kb, member, version)
                if known is None:
                    continue
                spec, evidence = known
                if spec is None or spec_contains(spec, family.torch) is not False:
                    continue
                expected = _fitting(kb, member, family.torch)
                why = f"{member} {version.public} requires torch{spec}"
                if not anchor_is_torch:
                    why += f" while {anchor.raw.strip()} requires torch=={family.torch}"
                remedy = _remedy(kb, member, expected, spec if anchor_is_torch else "")
            else:
                expected = _expected(family, member)
                if expected is None:
                    continue
                if version is not None:
                    fits = version.public == expected
                elif req.specifier:
                    fits = spec_contains(req.specifier, expected) is not False
                else:
                    continue
                if fits:
                    continue
                remedy = ""
                why = (
                    f"torch {family.torch} was released with torchvision "
                    f"{family.torchvision or '?'} and torchaudio {family.torchaudio or '?'}"
                )
            fix = _pin_fix(req, expected)
            yield finding(
                self,
                f"{req.raw.strip()} does not fit {anchor.raw.strip()}: {why}, so the install "
                f"fails to resolve or pip swaps torch for another build (decided by the pins)."
                + remedy,
                req.location,
                package=req.name,
                fix=fix,
                evidence=(
                    f"{anchor.location.file}:{anchor.location.line}: {anchor.raw.strip()}",
                    evidence,
                ),
                fingerprint=f"{req.name}:{anchor.name}",
            )

    def _fresh_member(
        self, kb: KnowledgeBase, req: Requirement, anchor: Requirement, torch: str
    ) -> Finding | None:
        """An unpinned (or ranged) torchvision / torchaudio next to an exact torch: pip takes
        the newest admitted release whose wheel's torch requirement admits that torch — or
        that has none (torchaudio 2.11.0's wheel declares no torch), which it then installs
        whatever torch it was built for. A finding when that release belongs to another
        torch minor; None when the pick fits or the KB cannot tell."""
        member = _name(req)
        rows = [
            r
            for r in kb.torch.family_requirements
            if r.package == member
            and r.linux_wheel
            and not Version(r.version).is_prerelease
            and (not req.specifier or spec_contains(req.specifier, r.version) is True)
        ]
        rows.sort(key=lambda r: Version(r.version), reverse=True)
        pick = next(
            (
                r
                for r in rows
                if r.requires_torch is None or spec_contains(r.requires_torch, torch) is not False
            ),
            None,
        )
        if pick is None or pick.requires_torch is not None:
            return None
        built_for = kb.torch_for(member, pick.version)
        if built_for is None or Version(built_for).release[:2] == Version(torch).release[:2]:
            return None
        skipped = [r for r in rows if Version(r.version) > Version(pick.version)]
        passed = (
            f" (newer {', '.join(f'{r.version} (torch{r.requires_torch})' for r in skipped[:2])}"
            f" require another torch, so pip skips them)"
            if skipped
            else ""
        )
        expected = _fitting(kb, member, torch)
        fix = _pin_fix(req, expected)
        return finding(
            self,
            f"{req.raw.strip()} next to {anchor.raw.strip()}: a fresh install picks {member} "
            f"{pick.version}{passed}, whose wheel declares no torch requirement, so pip keeps "
            f"torch {torch}; {member} {pick.version} was released with torch {built_for} and "
            f"its compiled extension does not load with torch {torch} (decided by the range: "
            f"what a fresh install picks today)." + _remedy(kb, member, expected, ""),
            req.location,
            package=req.name,
            fix=fix,
            evidence=(
                f"{anchor.location.file}:{anchor.location.line}: {anchor.raw.strip()}",
                f"KB torch.json: {pick.source}",
                f"KB torch.json: {member} {pick.version} released with torch {built_for}",
            ),
            fingerprint=f"{req.name}:{anchor.name}",
        )

    def _requirer_range(
        self, kb: KnowledgeBase, req: Requirement, anchor: Requirement, torch: str
    ) -> Iterator[Finding]:
        """A range of a wheel-only requirer next to one exact torch: pip backtracks to the
        newest admitted release whose wheel admits that torch, so only a range none of whose
        releases can (every one the KB lists, none without a Linux wheel, none newer than the
        KB's snapshot admitted) is an error."""
        member = _name(req)
        rows = [r for r in kb.torch.family_requirements if r.package == member]
        admitted = [r for r in rows if spec_contains(req.specifier, r.version) is True]
        if not admitted or any(not r.linux_wheel for r in admitted):
            return
        if _admits_newer(req.specifier, max(Version(r.version) for r in rows)):
            return
        if any(
            r.requires_torch is None or spec_contains(r.requires_torch, torch) is not False
            for r in admitted
        ):
            return
        expected = _fitting(kb, member, torch)
        shown = ", ".join(f"{r.version} (torch{r.requires_torch})" for r in admitted[:4])
        more = f" and {len(admitted) - 4} more" if len(admitted) > 4 else ""
        fix = _pin_fix(req, expected)
        yield finding(
            self,
            f"{req.raw.strip()} next to {anchor.raw.strip()}: every {member} release the range "
            f"admits requires another torch than {torch}: {shown}{more}, so the install cannot "
            f"resolve (decided by the range: every admitted release the KB lists breaks)."
            + _remedy(kb, member, expected, ""),
            req.location,
            package=req.name,
            fix=fix,
            evidence=(
                f"{anchor.location.file}:{anchor.location.line}: {anchor.raw.strip()}",
                *(f"KB torch.json: {r.source}" for r in admitted[:4]),
            ),
            fingerprint=f"{req.name}:{anchor.name}",
        )

    def _torch_range(
        self, kb: KnowledgeBase, torch: Requirement, reqs: list[Requirement]
    ) -> Iterator[Finding]:
        """A torch range next to pinned members: does any admitted torch satisfy each pin?"""
        admitted = [v for v in kb.torch_versions() if spec_contains(torch.specifier, v) is True]
        if not admitted:
            return
        for req in reqs:
            member = _name(req)
            version = version_of(req)
            if member in ("torchvision", "torchaudio") and version is None and req.specifier:
                yield from self._ranges(kb, torch, req, admitted)
                continue
            if member not in _REQUIRERS or version is None:
                continue
            known = _requires(kb, member, version)
            if known is None or known[0] is None:
                continue
            spec, evidence = known[0], known[1]
            broken = [v for v in admitted if spec_contains(spec, v) is False]
            if not broken:
                continue
            every = len(broken) == len(admitted)
            shown = ", ".join(str(v) for v in admitted[:6]) + (" …" if len(admitted) > 6 else "")
            pin = spec[2:] if spec.startswith("==") else None
            if every:
                message = (
                    f"{torch.raw.strip()} next to {req.raw.strip()}: {member} {version.public} "
                    f"requires torch{spec}, and no torch the range admits ({shown}) satisfies "
                    f"it, so the install cannot resolve (decided by the range: every admitted "
                    f"torch release the KB lists breaks)."
                )
            else:
                kept = [str(v) for v in admitted if v not in broken]
                message = (
                    f"{torch.raw.strip()} next to {req.raw.strip()}: {member} {version.public} "
                    f"requires torch{spec}, so only torch {', '.join(kept)} of the range "
                    f"({shown}) can be installed with it (decided by the range: some admitted "
                    f"releases break)."
                )
            yield finding(
                self,
                message,
                torch.location,
                package=torch.name,
                fix=pinned_line(torch, pin) if pin else None,
                evidence=(
                    f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                    evidence,
                ),
                severity=Severity.ERROR if every else Severity.WARNING,
                fingerprint=f"{torch.name}:{req.name}",
            )

    def _ranges(
        self, kb: KnowledgeBase, torch: Requirement, req: Requirement, admitted: list[Version]
    ) -> Iterator[Finding]:
        """A torch range next to a torchvision / torchaudio range: an error when no release
        the member's range admits (the KB's releases, and the pre-releases of their minors when
        the range admits those: nightlies pin a build of the paired torch minor) requires a
        torch the torch range admits. Nothing when either range admits releases the KB does
        not know yet (a newer member might pair with an admitted torch)."""
        member = _name(req)
        releases = _member_releases(kb, member)
        if not releases or _admits_newer(req.specifier, releases[-1]):
            return
        inside = [v for v in releases if spec_contains(req.specifier, v) is True]
        nightly_minors = {
            (v.major, v.minor)
            for v in releases
            if spec_contains(req.specifier, f"{v.major}.{v.minor}.0.dev0") is True
        }
        if not inside and not nightly_minors:
            return
        open_torch = _admits_newer(torch.specifier, kb.torch_versions()[-1])
        needs: set[str] = set()
        judged: list[Version] = []
        for version in inside:
            known = _requires(kb, member, version)
            row = kb.torch_requirement_row(member, version)
            if known is None and row is not None and not row.linux_wheel:
                continue  # no Linux wheel (torchvision 0.15.0, yanked): pip never picks it
            if known is None:
                return  # a release whose requirement the KB does not know: no verdict
            spec = known[0]
            if spec is None or any(spec_contains(spec, t) is True for t in admitted):
                return
            exact = spec.startswith("==") and "," not in spec
            if open_torch and not exact:
                return  # a torch newer than the KB knows might satisfy a range requirement
            needs.add(f"torch{spec}")
            judged.append(version)
        for minor in sorted(nightly_minors):
            torch_minor = _torch_minor_of(kb, member, minor)
            if torch_minor is None:
                return
            probes = [f"{torch_minor}.0.dev0", f"{torch_minor}.0rc1", f"{torch_minor}.99"]
            if any(spec_contains(torch.specifier, p) is not False for p in probes):
                return
            needs.add(f"a torch {torch_minor} pre-release for its {minor[0]}.{minor[1]} ones")
        if not needs:
            return
        shown = ", ".join(str(v) for v in judged)
        if nightly_minors:
            minors = "/".join(f"{m[0]}.{m[1]}" for m in sorted(nightly_minors))
            shown = f"{shown} and {minors} pre-releases" if shown else f"{minors} pre-releases"
        yield finding(
            self,
            f"{torch.raw.strip()} next to {req.raw.strip()}: every {member} release the range "
            f"admits ({shown}) requires a torch the torch range excludes "
            f"({', '.join(sorted(needs))}), so the install cannot resolve (decided by the "
            f"ranges: every admitted pair breaks).",
            torch.location,
            package=torch.name,
            fix=None,
            evidence=(
                f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                f"KB torch.json: {member} releases {shown}",
            ),
            severity=Severity.ERROR,
            fingerprint=f"{torch.name}:{req.name}",
        )

    def _on_image(
        self, kb: KnowledgeBase, reqs: list[Requirement], image: Fact
    ) -> Iterator[Finding]:
        """torch replaced on a pytorch/pytorch image whose torchvision/torchaudio stay."""
        ours = kb.torch_family(image.value)
        torch = next((r for r in reqs if project(r) == "torch" and version_of(r)), None)
        version = version_of(torch) if torch is not None else None
        if ours is None or torch is None or version is None:
            return
        theirs = kb.torch_family(version.public)
        if theirs is None or theirs.torch == ours.torch:
            return
        installed = {project(r) for r in reqs}
        stale = [
            (member, old, new)
            for member in ("torchvision", "torchaudio")
            if member not in installed
            and (old := _expected(ours, member)) is not None
            and (new := _expected(theirs, member)) is not None
            and old != new
        ]
        if not stale:
            return
        where = f"{image.location.file}:{image.location.line}"
        kept = " and ".join(f"{member} {old}" for member, old, _ in stale)
        wanted = " and ".join(f"{member} {new}" for member, _, new in stale)
        yield finding(
            self,
            f"{torch.raw.strip()} replaces torch {ours.torch} of the base image {image.detail} "
            f"({where}), but the image's {kept} stay installed: they are built for torch "
            f"{ours.torch} and require it, so importing them next to torch {theirs.torch} can "
            f"fail. torch {theirs.torch} was released with {wanted}.",
            torch.location,
            package=stale[0][0] if len(stale) == 1 else None,
            fix=_install_line(torch, [(member, new) for member, _, new in stale]),
            evidence=(
                f"{where}: {image.detail} ships torch {ours.torch}, torchvision "
                f"{ours.torchvision}, torchaudio {ours.torchaudio} (KB torch.json)",
                f"KB torch.json: torch {theirs.torch} ↔ torchvision {theirs.torchvision} "
                f"↔ torchaudio {theirs.torchaudio}",
            ),
            severity=Severity.WARNING,
            fingerprint="image-family",
        )


def _member_releases(kb: KnowledgeBase, member: str) -> list[Version]:
    """Every torchvision / torchaudio release the KB lists (release tables and index rows)."""
    found = {release for release, _torch, _minor in kb.family_pairs(member)}
    found |= {Version(r.version) for r in kb.torch.family_requirements if r.package == member}
    return sorted(v for v in found if not v.is_prerelease)


def _torch_minor_of(kb: KnowledgeBase, member: str, minor: tuple[int, int]) -> str | None:
    """The torch minor (``2.3``) a torchvision / torchaudio minor is released with."""
    return next(
        (line for release, _torch, line in kb.family_pairs(member) if release.release[:2] == minor),
        None,
    )


def _admits_newer(specifier: str, newest: Version) -> bool:
    """Whether a specifier admits a release after `newest` (one more in any release component,
    or a post-release of it): one the KB's snapshot may not know yet."""
    release = newest.release
    probes = [
        ".".join(str(part) for part in (*release[:i], release[i] + 1)) for i in range(len(release))
    ]
    probes.append(f"{newest.public}.post1" if newest.post is None else f"{newest.public}1")
    return any(spec_contains(specifier, probe) is not False for probe in probes)


def _pytorch_image(snapshot: Snapshot, env: str) -> Fact | None:
    """The torch-version fact of a pytorch/pytorch base image of Dockerfile stage `env`."""
    for fact in snapshot.facts(FactKind.IMAGE_TORCH):
        if (fact.environment or fact.location.file) == env and "pytorch/pytorch:" in fact.detail:
            return fact
    return None


def _install_line(torch: Requirement, members: list[tuple[str, str]]) -> str:
    """The Dockerfile line that installs torch with its matching family members."""
    label = f"+{local}" if (local := local_label(torch)) else ""
    pins = " ".join(f"{member}=={version}{label}" for member, version in members)
    return f"RUN pip install {torch.raw.strip()} {pins}"


RULES: tuple[Rule, ...] = (TorchFamilyMismatch(),)
