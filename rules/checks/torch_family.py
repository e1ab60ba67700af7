"""torch-family-mismatch: torchvision / torchaudio versions that belong to another torch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rules.checks._ml import (
    each_env,
    finding,
    local_label,
    pinned_line,
    project,
    spec_contains,
    version_of,
)
from rules.checks.base import Rule, RuleContext
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase, TorchFamily
from rules.manifests.model import Requirement

_MEMBERS = ("torch", "torchvision", "torchaudio")


def _expected(family: TorchFamily, member: str) -> str | None:
    return {
        "torch": family.torch,
        "torchvision": family.torchvision,
        "torchaudio": family.torchaudio,
    }[member]


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


class TorchFamilyMismatch:
    """torchvision / torchaudio (or torch) constraints that exclude the matching release."""

    id = "torch-family-mismatch"
    category = "torch-family-mismatch"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every environment of the snapshot."""
        for _env, reqs in each_env(ctx.snapshot):
            yield from self._env(ctx.kb, reqs)

    def _env(self, kb: KnowledgeBase, reqs: list[Requirement]) -> Iterator[Finding]:
        found = _anchor(kb, reqs)
        if found is None:
            return
        anchor, family = found
        for req in reqs:
            member = project(req)
            if req is anchor or member not in _MEMBERS:
                continue
            expected = _expected(family, member)
            if expected is None:
                continue
            version = version_of(req)
            if version is not None:
                fits = version.public == expected
            elif req.specifier:
                fits = spec_contains(req.specifier, expected) is not False
            else:
                continue
            if fits:
                continue
            label = local_label(req)
            fix = pinned_line(req, expected + (f"+{label}" if label else ""))
            yield finding(
                self,
                f"{req.raw.strip()} does not fit {anchor.raw.strip()}: torch {family.torch} "
                f"was released with torchvision {family.torchvision or '?'} and torchaudio "
                f"{family.torchaudio or '?'}, and each of these pins its torch exactly, so "
                f"the install fails to resolve or pip swaps torch for another build.",
                req.location,
                package=req.name,
                fix=fix,
                evidence=(
                    f"{anchor.location.file}:{anchor.location.line}: {anchor.raw.strip()}",
                    f"KB torch.json: torch {family.torch} ↔ torchvision "
                    f"{family.torchvision} ↔ torchaudio {family.torchaudio}",
                ),
                fingerprint=f"{req.name}:{anchor.name}",
            )


RULES: tuple[Rule, ...] = (TorchFamilyMismatch(),)
