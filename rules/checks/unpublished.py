"""release-not-published: an exact pin on a release the package never published on PyPI.

``numpy==1.99.0`` or ``torch==2.1.5``: pip and uv stop with "No matching distribution found"
(every install of the environment fails). The release lists are the KB's package index
listings (rules/kb/data/wheels.json: every release of each recorded package from its
listing's first recorded release on, yanked ones included, as the index served them on the
listing's date; final and post releases, and every pre-release and dev release the listing
has); for a package that file does not list, rules/kb/data/release_lists.json (every release
with a file of the most downloaded PyPI projects, read the same way, yanked ones included).
Dev-release pins are judged too: ``transformers==4.4.0.dev0`` is the version a source install
of transformers' main branch reports (``pip freeze`` writes it), never uploaded
(stanford-crfm/mistral#1). Release candidates, alphas and betas are not judged: projects
delete them once the final is out, so a listing without one says nothing; except those of
torch, torchvision and torchaudio, which PyTorch never uploads to PyPI (`FINAL_ONLY_ON_PYPI`:
NVIDIA/waveglow's ``torch==1.0.0a0``, what a source build reports). Judged only where
nothing else could serve the release: a PyPI requirement with no local label (``+cu121``
builds are another index's), no URL, in an environment with no index, find-links page or
pip configuration other than PyPI, pinning a version inside the listing (older than its
first recorded release or newer than its last: unknown, not wrong). A pin, or a range's
floor, past the newest release by a jump no release series makes is a typo, unless it was
published after the listing was read: an error when it skips two majors or more (nltk 7.1.2
after 3.10.4), which a project's next release almost never does; when it lands on the next
major past its .0 and .1 (torchvision 1.12.0 after 0.29; protobuf went from 3.20 to 4.21), an
error against a listing read `FRESH_DAYS` or fewer before the review, else a warning.
A range that falls between two listed releases of a listing read whole, admitting none of them
(``pytest~=6.2.6`` after 6.2.5, before 7.0.0), is an error too.
Conda requirements are left alone (conda channels publish their own version lists).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple, Protocol

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.environments import each_env, project, version_of
from rules.checks.support.fixes import finding, pinned_line
from rules.checks.support.indexes import pip_indexes_for
from rules.checks.support.versions import specifier_set
from rules.checks.support.wheels import UNREADABLE, WheelIndex, kb_wheels
from rules.findings import Finding, Severity
from rules.kb import release_lists
from rules.kb.cudaver import to_version
from rules.kb.placeholders import placeholder
from rules.kb.pyspec import KNOWN_MINORS
from rules.kb.sdist_builds import sdist_break
from rules.manifests.model import Ecosystem, FactKind, Requirement, Snapshot


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


class ReleaseLists(Protocol):
    """Release lists of packages the wheels KB does not list (``rules.kb.release_lists``)."""

    def releases(self, package: str) -> tuple[Version, ...]:
        """Final and post releases, ascending (() when not recorded)."""
        ...

    def prereleases(self, package: str) -> frozenset[Version] | None:
        """Pre-releases and dev releases (None: not recorded)."""
        ...

    def read_on(self) -> str:
        """The date the listings were read."""
        ...

    def absent(self, package: str) -> str | None:
        """The project to use when the index has no `package` (None: it has one)."""
        ...


class _Listing(NamedTuple):
    """One package's listing and the KB file it comes from."""

    releases: tuple[Version, ...]
    prereleases: frozenset[Version] | None
    source: str
    #: The listing holds every release since the project's first upload (release_lists.json,
    #: and a wheels.json listing marked whole): a pin older than its first release was never
    #: there either (langchain-ollama==0.0.2, saiakhil066/deepseek-rag-chatbot; the first
    #: release is 0.1.0; tflite-runtime==2.1.0.post1, breizhn/DTLN: the first is 2.5.0).
    whole: bool = False
    #: The date the listing was read (``YYYY-MM-DD``; "" when not known).
    read_on: str = ""


def _listing(wheels: WheelIndex, lists: ReleaseLists, package: str, pre: bool) -> _Listing:
    """The release lists' listing of `package`, else the wheels KB's (empty: neither has it).
    The lists hold the 15,000 most downloaded projects less those wheels.json records; the
    wheel table's rows of the same projects (wheels_top.zip) hold the same releases. Pre-releases
    are looked up only for a dev-release pin (`pre`)."""
    try:
        releases = lists.releases(package)
        found = lists.prereleases(package) if pre and releases else None
        when = lists.read_on() if releases else ""
    except UNREADABLE:
        releases, found, when = (), None, ""
    if releases:
        source = f"KB release_lists.json (read on {when})"
        return _Listing(releases, found, source, whole=True, read_on=when)
    releases = wheels.releases(package)
    if releases:
        found = _prereleases(wheels, package) if pre else None
        whole = getattr(wheels, "whole", None)
        read_on = getattr(wheels, "read_on", None)
        return _Listing(
            releases,
            found,
            "KB wheels.json",
            bool(whole and whole(package)),
            read_on() if read_on is not None else "",
        )
    return _Listing((), None, "")


#: Projects whose PyPI listings hold final releases only: PyTorch's release process puts
#: release candidates on its test index and promotes only the final wheels to PyPI.
FINAL_ONLY_ON_PYPI = frozenset({"torch", "torchvision", "torchaudio"})
FINAL_ONLY_SOURCE = (
    "pytorch/pytorch RELEASE.md (Release Candidate Storage: wheels at "
    "download.pytorch.org/whl/test; Promoting RCs to Stable: 'Promote S3 wheels to PyPI')"
)


def _image_brings_torch(snapshot: Snapshot) -> bool:
    """Whether a Dockerfile of the snapshot starts from an image with its own torch (a known
    torch, or any NGC / pytorch/pytorch PyTorch tag)."""
    if any(snapshot.facts(FactKind.IMAGE_TORCH)):
        return True
    return any(
        "nvidia/pytorch" in f.value or "pytorch/pytorch" in f.value
        for f in snapshot.facts(FactKind.BASE_IMAGE)
    )


class ReleaseNotPublished(StaticRule, id="release-not-published", severity=Severity.ERROR):
    """Exact PyPI pins on releases the package's index listing does not have."""

    def __init__(self, wheels: WheelIndex | None = None, lists: ReleaseLists | None = None) -> None:
        self._wheels = wheels
        self._lists = lists

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per such requirement."""
        wheels = self._wheels if self._wheels is not None else kb_wheels()
        lists: ReleaseLists = self._lists if self._lists is not None else release_lists
        seen: set[tuple[str, int, str]] = set()
        for env, reqs in each_env(ctx.snapshot, together=False):
            if pip_indexes_for(ctx.snapshot, env):
                continue  # another index (or page) might serve it (conda channels serve conda)
            for req in reqs:
                if req.ecosystem != Ecosystem.PYPI or req.url or req.is_constraint:
                    continue  # pip applies a constraint only to a package something requires
                where = (req.location.file, req.location.line, req.name)
                if where in seen:
                    continue
                pinned = version_of(req)
                if pinned is None:
                    listing = _listing(wheels, lists, project(req), False)
                    beyond = self._beyond(req, listing, None, ctx.today) or self._between(
                        req, listing
                    )
                    if beyond is not None:
                        seen.add(where)
                        yield beyond
                    continue
                if pinned.local:
                    continue
                if pinned.pre is not None:
                    early = self._pytorch_prerelease(ctx.snapshot, req, pinned, wheels, lists)
                    if early is not None:
                        seen.add(where)
                        yield early
                    continue  # rc/a/b releases are often deleted once the final is out
                pre = pinned.is_devrelease
                broken = None if pre else self._unbuildable(req, pinned)
                if broken is not None:
                    seen.add(where)
                    yield broken
                    continue
                listing = _listing(wheels, lists, project(req), pre)
                releases, found, source, whole, _ = listing
                listed = found if pre else frozenset(releases)
                if not releases or listed is None:
                    continue  # a dev-release pin: the listing's pre-releases were not read
                newest = max((releases[-1], *listed))
                if pinned > newest and not pre:
                    beyond = self._beyond(req, listing, pinned, ctx.today)
                    if beyond is not None:
                        seen.add(where)
                        yield beyond
                    continue
                if pinned > newest or (pinned < releases[0] and not whole) or pinned in listed:
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
                        f"{source}: {len(releases)} releases of {project(req)} from "
                        f"{releases[0]} to {releases[-1]}"
                        + (f", {len(listed)} pre-releases" if pre else "")
                        + f"; no {kind} {pinned}",
                    ),
                    fingerprint=f"unpublished:{req.name}:{pinned}",
                )

    def _unbuildable(self, req: Requirement, pinned: Version) -> Finding | None:
        """A pin on a release published as an sdist only whose build fails on every Python
        (`rules.kb.sdist_builds`, `sdist_only` rows): nothing installs it anywhere
        (Healthcare-Robotics/assistive-gym's gym==0.21.0, Stability-AI/stable-audio-tools'
        pypesq==1.2.4)."""
        row = sdist_break(project(req), pinned, KNOWN_MINORS[0])
        if row is None or not row.sdist_only:
            return None  # most pins: one look-up
        if not all(sdist_break(project(req), pinned, minor) for minor in KNOWN_MINORS[1:]):
            return None
        return finding(
            self,
            f"{req.raw.strip()}: {project(req)} {pinned} is published as an sdist only, and "
            f"{row.why}: it installs on no Python, so pip stops at building it.",
            req.location,
            package=req.name,
            fix=f"another {project(req)} release (or drop the pin)",
            evidence=row.sources,
            fingerprint=f"unbuildable:{req.name}:{pinned}",
        )

    def _between(self, req: Requirement, listing: _Listing) -> Finding | None:
        """A range no listed release satisfies though the listing runs past it: jesse-ai/jesse
        ae5a296c's ``pytest~=6.2.6`` (6.2.5 was the last 6.2 release, then 7.0.0; fixed six
        minutes later). Judged on a listing read whole, where a release newer than every
        version the range admits exists and no pre-release satisfies it either (pip takes a
        pre-release when nothing else does)."""
        releases = listing.releases
        if not releases or not listing.whole or not req.specifier:
            return None
        spec = specifier_set(req.specifier)
        if spec is None or any(spec.contains(v, prereleases=True) for v in releases):
            return None
        floor = _floor_of(spec)
        if floor is None or not any(v > floor for v in releases):
            return None  # past the newest (`_beyond`'s question) or no floor
        below = [v for v in releases if v < floor]
        above = [v for v in releases if v > floor]
        if not below or not above:
            return None
        return finding(
            self,
            f"{req.raw.strip()}: no {project(req)} release satisfies {req.specifier} (the "
            f"releases next to it: {below[-1]} and {above[0]}), so pip stops with 'No matching "
            f"distribution found for {req.name}{req.specifier}'.",
            req.location,
            package=req.name,
            fix=pinned_line(req, str(below[-1])),
            evidence=(
                f"{listing.source}: {len(releases)} releases of {project(req)} from "
                f"{releases[0]} to {releases[-1]}; none in {req.specifier}",
            ),
            fingerprint=f"unpublished:{req.name}:{req.specifier}",
        )

    def _pytorch_prerelease(
        self,
        snapshot: Snapshot,
        req: Requirement,
        pinned: Version,
        wheels: WheelIndex,
        lists: ReleaseLists,
    ) -> Finding | None:
        """An alpha, beta or rc pin of a project PyTorch releases, which has none on PyPI
        (`FINAL_ONLY_ON_PYPI`): NVIDIA/waveglow's ``torch==1.0.0a0``, the version a source
        build of torch reports (``pip freeze`` in a container that built it). Not where a
        base image brings its own torch (NGC's ``2.1.0a0+29c30b1`` meets ``==2.1.0a0``)."""
        name = project(req)
        if name not in FINAL_ONLY_ON_PYPI or _image_brings_torch(snapshot):
            return None
        listing = _listing(wheels, lists, name, False)
        if not listing.releases:
            return None
        release = Version(pinned.base_version)
        to = release if release in listing.releases else None
        return finding(
            self,
            f"{req.raw.strip()}: {name} {pinned} is a pre-release, and PyTorch never publishes "
            "pre-releases on PyPI (release candidates go to its test index; a source build "
            f"of torch reports such a version), so pip stops with 'No matching distribution "
            f"found for {req.name}=={pinned}'.",
            req.location,
            package=req.name,
            fix=pinned_line(req, str(to)) if to else None,
            evidence=(
                f"{FINAL_ONLY_SOURCE}",
                f"{listing.source}: {len(listing.releases)} releases of {name} from "
                f"{listing.releases[0]} to {listing.releases[-1]}",
            ),
            fingerprint=f"unpublished:{req.name}:{pinned}",
        )

    def _beyond(
        self,
        req: Requirement,
        listing: _Listing,
        pinned: Version | None = None,
        today: date | None = None,
    ) -> Finding | None:
        """A warning for a pin (or a range's floor) past the newest listed release by a jump
        no release sequence makes (`_implausible`): torchvision==1.12.0 when the newest is
        0.2x (fszatkowski/cl-teacher-adaptation, a typo of 0.12.0), torchvision>=1.2.0
        (transformify-plugins/segmentify f4269e07, "Change torchvision version to one that
        exists"), azure-cognitiveservices-speech==12.19.0 after 1.4x (dougdouggithub/
        babagaboosh #36), nltk==7.1.2 after 3.10.4 (Alibaba-NLP/ACE #52 and #57: "No
        matching distribution found for nltk==7.1.2"). An error when it skips two majors or
        more (`_skips_majors`); when it lands on the next major, a project may jump to it
        (protobuf 3.20.x to 4.21.0) in a release out since the listing: a warning, unless the
        listing was read `FRESH_DAYS` or fewer before the review (lmd0311/PointMamba's
        open3d==1.10.0 after 0.19.0, ruvnet/q-star's autogen==1.2.3 after 0.14.1: an error)."""
        releases = listing.releases
        if not releases or placeholder(project(req)) is not None:
            return None  # placeholder-package says what a placeholder project serves
        floor = pinned if pinned is not None else _floor(req, releases)
        if floor is None or not _implausible(releases[-1], floor):
            return None
        newest = releases[-1]
        what = f"{req.name}=={floor}" if pinned is not None else f"{req.name}>={floor}"
        skips = _skips_majors(newest, floor)
        age = _age(listing.read_on, today)
        fresh = not skips and age is not None and age <= FRESH_DAYS
        return finding(
            self,
            f"{req.raw.strip()}: no {project(req)} release in the KB's listing reaches "
            f"{floor} (newest: {newest}), and no release series jumps from {newest} to "
            f"{floor}"
            + (
                f" (it skips {floor.major - newest.major - 1} major versions): pip stops with "
                f"'No matching distribution found for {what}' (a typo?)."
                if skips
                else f": the listing was read {age} day(s) before this review ({FRESH_DAYS} or "
                f"fewer), so a release since that lands on exactly {floor} is not to be "
                f"expected: pip stops with 'No matching distribution found for {what}' (a typo?)."
                if fresh
                else f": unless {project(req)} published it since, pip stops with 'No matching "
                f"distribution found for {what}' (a typo?)."
            ),
            req.location,
            package=req.name,
            fix=_retyped(req, releases, pinned),
            evidence=(
                f"{listing.source}: {len(releases)} releases of {project(req)} from "
                f"{releases[0]} to {newest}; none at or above {floor}",
            ),
            severity=Severity.ERROR if skips or fresh else Severity.WARNING,
            fingerprint=f"unpublished:{req.name}:{floor}",
        )


#: A listing read this many days or fewer before the review is current enough that a jump
#: to the next major it lacks is an error: a release since is possible, one that lands on
#: exactly that version within weeks is not to be expected.
FRESH_DAYS = 60


def _age(read_on: str, today: date | None) -> int | None:
    """Days from the listing's read date to the review's (None: either is unknown)."""
    if today is None or not read_on:
        return None
    try:
        return (today - date.fromisoformat(read_on)).days
    except ValueError:
        return None


def _floor_of(spec: SpecifierSet) -> Version | None:
    """The highest lower bound of a specifier set (>=, >, ~=, ==), None when it has none."""
    floors = [
        to_version(c.version)
        for c in spec
        if c.operator in (">=", ">", "~=", "==") and "*" not in c.version
    ]
    found = [v for v in floors if v is not None]
    return max(found) if found else None


def _floor(req: Requirement, releases: tuple[Version, ...]) -> Version | None:
    """The lowest version a range with a lower bound admits, when no listed release is in it
    (None: a listed release satisfies it, or it has no floor)."""
    spec = specifier_set(req.specifier) if req.specifier else None
    if spec is None or any(spec.contains(v, prereleases=False) for v in releases):
        return None
    return _floor_of(spec)


def _retyped(req: Requirement, releases: tuple[Version, ...], pinned: Version | None) -> str | None:
    """For a pin, the listed release with the same minor and micro and the nearest major
    (1.12.0 -> 0.12.0, 12.19.0 -> 1.19.0): what the pin most likely meant."""
    if pinned is None:
        return None
    same = [v for v in releases if (v.minor, v.micro) == (pinned.minor, pinned.micro)]
    if not same:
        return None
    meant = min(same, key=lambda v: (abs(v.major - pinned.major), -v.major))
    return pinned_line(req, str(meant))


def _implausible(newest: Version, floor: Version) -> bool:
    """Whether no release series goes from `newest` to `floor`: two majors or more past it,
    or the next major past its .0 and .1 (1.2.0 after 0.29.1). Date versions (2023.x,
    20231117) are left alone: the next one is any later date."""
    if newest.major >= 1000 or floor.major >= 1000 or floor <= newest:
        return False
    jump = floor.major - newest.major
    return jump >= 2 or (jump == 1 and floor.minor >= 2)


def _skips_majors(newest: Version, floor: Version) -> bool:
    """Whether `floor` is two majors or more past `newest` (an `_implausible` jump that no
    next release makes: 7.1.2 after 3.10.4, 12.19.0 after 1.4x)."""
    return floor.major - newest.major >= 2


RULES: tuple[Rule, ...] = (ReleaseNotPublished(),)
