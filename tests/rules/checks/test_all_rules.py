"""`ALL_RULES`: every rule module collected once, with valid ids, categories and severities."""

from __future__ import annotations

from pathlib import Path

from rules.checks.registry import ALL_RULES
from rules.findings import CATEGORIES, Severity

CHECKS = Path(__file__).parents[3] / "rules" / "checks"


def test_rule_ids_unique_and_categories_known() -> None:
    ids = [rule.id for rule in ALL_RULES]
    assert len(ids) == len(set(ids))
    for rule in ALL_RULES:
        assert rule.category in CATEGORIES, rule.id
        assert isinstance(rule.default_severity, Severity)
        assert rule.id == rule.id.strip().lower() and " " not in rule.id


def test_every_rule_module_is_collected() -> None:
    modules = {p.stem for p in CHECKS.glob("*.py") if not p.stem.startswith("_")} - {
        "base",
        "registry",
    }
    collected = {type(rule).__module__.rsplit(".", 1)[-1] for rule in ALL_RULES}
    assert modules <= collected
