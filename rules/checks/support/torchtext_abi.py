"""torchtext next to a torch it was not built for (part of torch-family-mismatch).

torchtext's compiled library loads only with the torch minor it was built against. Releases up
to 0.17 pin that torch exactly in their wheel metadata (the pins already decide those);
torchtext 0.18.0, the last release, asks only ``torch>=2.3.0`` while being built for torch 2.3,
so pip installs it next to torch 2.4 or newer and ``import torchtext`` fails with "undefined
symbol: _ZN5torch3jit17parseSchemaOrNameERKSs" (pytorch/text#2272, #2283). Which torch each
release was built for comes from its README's table (rules/kb/torchtext.py).

The torch judged is the exact pin, else what a fresh install picks today: the newest torch the
torch range, the torchtext release's own requirement and every exactly pinned family member's
requirement admit; a torchtext range or a bare name is judged by its fresh pick (the newest
release whose requirement admits that torch). A pytorch/pytorch base image's torch counts when
no line names torch. Conda's torchtext builds pin their pytorch, so only pip lines are judged.
"""

from __future__ import annotations

from collections.abc import Iterator

from packaging.utils import canonicalize_name
from packaging.version import Version

from rules.checks.base import Rule
from rules.checks.support.environments import project, spec_contains, version_of
from rules.checks.support.fixes import finding, pinned_line
from rules.findings import Finding
from rules.kb import KnowledgeBase
from rules.kb.cudaver import to_version
from rules.kb.schema import FamilyRequirement
from rules.kb.torchtext import torch_for_torchtext
from rules.manifests.model import Ecosystem, Fact, Requirement

_FAILS = (
    "`import torchtext` fails with an undefined symbol (its compiled library is built for "
    "another torch)"
)


def _releases(kb: KnowledgeBase, req: Requirement) -> list[FamilyRequirement]:
    """torchtext releases with a Linux wheel that `req` admits, newest first."""
    rows = [
        row
        for row in kb.torch.family_requirements
        if row.package == "torchtext"
        and row.linux_wheel
        and not Version(row.version).is_prerelease
        and (not req.specifier or spec_contains(req.specifier, row.version) is True)
    ]
    return sorted(rows, key=lambda row: Version(row.version), reverse=True)


def _admits(spec: str | None, torch: Version) -> bool:
    return not spec or spec_contains(spec, torch) is not False


def _member_specs(kb: KnowledgeBase, reqs: list[Requirement]) -> list[str]:
    """The torch requirements of every exactly pinned torch-family member (torchvision==0.18.0
    holds torch at 2.3.0) other than torchtext."""
    specs = []
    for req in reqs:
        version = version_of(req)
        name = str(canonicalize_name(project(req)))
        if version is None or name in ("torch", "torchtext") or req.ecosystem == Ecosystem.CONDA:
            continue
        row = kb.torch_requirement(name, version)
        if row is not None and row.requires_torch:
            specs.append(row.requires_torch)
    return specs


def _fresh(
    kb: KnowledgeBase, req: Requirement, torch: Requirement | None, specs: list[str]
) -> tuple[FamilyRequirement, Version, str] | None:
    """The torchtext release and the torch a fresh install of the view pairs, and how that
    was decided; None when the KB cannot tell or no torch fits (the pins' own conflict)."""
    pinned = version_of(torch) if torch is not None else None
    rows = _releases(kb, req)
    if pinned is not None:
        exact = Version(pinned.public)
        pick = next((row for row in rows if _admits(row.requires_torch, exact)), None)
        return (pick, exact, "decided by the pins") if pick is not None else None
    if not rows or torch is None:
        return None
    pick = rows[0]
    torches = [
        v
        for v in kb.torch_versions()
        if not v.is_prerelease
        and (not torch.specifier or spec_contains(torch.specifier, v) is True)
        and _admits(pick.requires_torch, v)
        and all(_admits(spec, v) for spec in specs)
    ]
    if not torches:
        return None
    return pick, max(torches), "decided by the range: what a fresh install picks today"


def torchtext_findings(
    rule: Rule,
    kb: KnowledgeBase,
    reqs: list[Requirement],
    torch: Requirement | None,
    image: Fact | None,
) -> Iterator[Finding]:
    """An error for every pip torchtext line of one install whose release (pinned, or picked
    by a fresh install) was built for another torch minor than the torch installed with it,
    where the wheel's own requirement does not already pin that torch (the pins say it then)."""
    for req in reqs:
        if str(canonicalize_name(project(req))) != "torchtext" or req.ecosystem == Ecosystem.CONDA:
            continue
        specs = _member_specs(kb, reqs)
        anchor_text = torch.raw.strip() if torch is not None else ""
        found = _fresh(kb, req, torch, specs)
        if found is None and torch is None and image is not None:
            image_torch = to_version(image.value)
            if image_torch is not None:
                rows = _releases(kb, req)
                pick = next((r for r in rows if _admits(r.requires_torch, image_torch)), None)
                if pick is not None:
                    found = (pick, image_torch, "decided by the base image's torch")
                    anchor_text = f"torch {image_torch} of the base image {image.detail}"
        if found is None:
            continue
        row, installed, decided = found
        if (
            row.requires_torch
            and row.requires_torch.startswith("==")
            and "," not in row.requires_torch
        ):
            continue  # the wheel pins its torch: the pins decide (torch_family's own checks)
        built = torch_for_torchtext(row.version)
        if built is None or ".".join(map(str, installed.release[:2])) == built.torch_minor:
            continue
        pinned = version_of(req) is not None
        how = (
            f"torchtext {row.version} is built for torch {built.torch_minor}"
            if pinned
            else f"a fresh install of {req.raw.strip()} picks torchtext {row.version}, built for "
            f"torch {built.torch_minor}"
        )
        last = max(
            (
                v
                for v in kb.torch_versions()
                if ".".join(map(str, v.release[:2])) == built.torch_minor
            ),
            default=None,
        )
        remedy = (
            f" Pin torch=={last} (torch {built.torch_minor} with its torchvision/torchaudio), or "
            f"drop torchtext: no release is built for torch "
            f"{installed.major}.{installed.minor}."
        )
        where = f"{torch.location.file}:{torch.location.line}: " if torch is not None else ""
        yield finding(
            rule,
            f"{req.raw.strip()} next to {anchor_text}: {how}, though its wheel admits "
            f"torch{row.requires_torch or ' (any)'}, so pip installs it next to torch "
            f"{installed}; {_FAILS} ({decided}).{remedy}",
            req.location,
            package=req.name,
            fix=pinned_line(torch, str(last)) if torch is not None and last is not None else None,
            evidence=(
                f"{where}{anchor_text}",
                f"KB torch.json: {row.source}",
                f"torchtext {built.release} ↔ torch {built.shown}: {built.source}",
            ),
            fingerprint=f"{req.name}:torch-abi",
        )
