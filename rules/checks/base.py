"""The shape of a rule: a stable id, a category, a default severity, and a pure check.

A rule of rules/checks says its id and default severity once, in its class header
(``class ConflictRule(StaticRule, id="conflict", severity=Severity.ERROR)``); its category
and summary are the ones `rules.catalogue` lists for that id. The catalogue stays the one
list of ids and categories: `rules.config` validates against it, and the rules import the
config, so it cannot be derived from the rules without an import cycle.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from rules.catalogue import BY_ID
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
    #: The review's date (None: unknown; a rule then judges as if the KB were old).
    today: date | None = None


class Rule(Protocol):
    """A rule. `check` is pure and deterministic; it yields findings for one snapshot."""

    id: str
    category: str
    default_severity: Severity

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on `ctx.snapshot`."""
        ...


class StaticRule(ABC):
    """A rule of rules/checks: `id` (a "rule" entry of the catalogue, whose category it takes)
    and `severity` are given as class keywords; subclasses write `check`."""

    id: str
    category: str
    default_severity: Severity

    def __init_subclass__(cls, *, id: str, severity: Severity) -> None:
        super().__init_subclass__()
        info = BY_ID.get(id)
        if info is None or info.source != "rule":
            raise TypeError(f"{cls.__name__}: {id!r} is not a rule id of rules/catalogue.py")
        cls.id = id
        cls.category = info.category
        cls.default_severity = severity

    @abstractmethod
    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of this rule on `ctx.snapshot`."""
