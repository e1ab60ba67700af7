"""torchcodec next to a torch it does not load with (part of torch-family-mismatch).

torchcodec's wheels declare no torch requirement, so pip and uv install any torchcodec next
to any torch; its compiled library then loads only with the torch it was built for, and
``import torchcodec`` fails ("Could not load libtorchcodec ... The PyTorch version is not
compatible with this version of TorchCodec"). Which torch each release goes with comes from
its README's compatibility table (rules/kb/torchcodec.py). A pin is judged as it is; a range
or a bare name by what a fresh install picks today: the newest admitted release, because no
torch requirement makes pip skip one.
"""

from __future__ import annotations

from collections.abc import Iterator

from packaging.version import Version

from rules.checks.base import Rule
from rules.checks.support.environments import spec_contains, version_of
from rules.checks.support.fixes import finding, pinned_line
from rules.findings import Finding
from rules.kb import KnowledgeBase
from rules.kb.torchcodec import TorchcodecTorch, torch_for_torchcodec
from rules.manifests.model import Requirement

_FAILS = (
    '`import torchcodec` fails with "Could not load libtorchcodec" (its compiled library '
    "is built for another torch)"
)


def _releases(kb: KnowledgeBase) -> list[Version]:
    """torchcodec releases with a Linux wheel the KB read from the index, newest first."""
    out = {
        Version(row.version)
        for row in kb.torch.family_requirements
        if row.package == "torchcodec" and row.linux_wheel
    }
    return sorted((v for v in out if not v.is_prerelease), reverse=True)


def _fitting(kb: KnowledgeBase, torch: str) -> Version | None:
    """The newest torchcodec release the table says loads with torch `torch`."""
    for release in _releases(kb):
        row = torch_for_torchcodec(release)
        if row is not None and not row.floor_only and spec_contains(row.spec, torch) is True:
            return release
    return None


def _fresh_pick(kb: KnowledgeBase, req: Requirement) -> Version | None:
    """The torchcodec a fresh install picks for `req` (no torch requirement holds it back)."""
    for release in _releases(kb):
        if not req.specifier or spec_contains(req.specifier, release) is True:
            return release
    return None


def torchcodec_findings(
    rule: Rule, kb: KnowledgeBase, req: Requirement, anchor: Requirement, torch: str
) -> Iterator[Finding]:
    """An error when the torchcodec `req` installs next to the exact torch `torch` (pinned by
    `anchor`, or by the torchvision / torchaudio `anchor` pins) does not load with it."""
    pinned = version_of(req)
    release = pinned if pinned is not None else _fresh_pick(kb, req)
    if release is None:
        return
    row: TorchcodecTorch | None = torch_for_torchcodec(release)
    if row is None or spec_contains(row.spec, torch) is not False:
        return
    fitting = _fitting(kb, torch)
    built = (
        f"newer than its README's table, whose newest release needs torch {row.shown}"
        if row.floor_only
        else f"built for torch {row.shown}"
    )
    if pinned is not None:
        how = f"torchcodec {release.public} is {built}"
        decided = "decided by the pins"
    else:
        how = (
            f"a fresh install of {req.raw.strip()} picks torchcodec {release.public} (its "
            f"wheel declares no torch requirement, so pip does not pass it over), {built}"
        )
        decided = "decided by the range: what a fresh install picks today"
    remedy = f" Pin torchcodec=={fitting}, the newest release built for it." if fitting else ""
    yield finding(
        rule,
        f"{req.raw.strip()} next to {anchor.raw.strip()}: {how}; next to torch {torch} "
        f"{_FAILS} ({decided}).{remedy}",
        req.location,
        package=req.name,
        fix=pinned_line(req, str(fitting)) if fitting else None,
        evidence=(
            f"{anchor.location.file}:{anchor.location.line}: {anchor.raw.strip()}",
            f"torchcodec {row.release} ↔ torch {row.shown}: {row.source}",
        ),
        fingerprint=f"{req.name}:{anchor.name}",
    )
