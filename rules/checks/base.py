"""The shape of a rule: a stable id, a category, a default severity, and a pure check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from rules.findings import Finding, Severity
from rules.manifests.model import Snapshot

if TYPE_CHECKING:
    from rules.config import RepoConfig
    from rules.kb import KnowledgeBase


@dataclass(frozen=True)
class RuleContext:
    """What a rule may look at: one snapshot (base or head), the repo config, the facts."""

    snapshot: Snapshot
    config: RepoConfig
    kb: KnowledgeBase


class Rule(Protocol):
    """A rule. `check` is pure and deterministic; it yields findings for one snapshot."""

    id: str
    category: str
    default_severity: Severity

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on `ctx.snapshot`."""
        ...
