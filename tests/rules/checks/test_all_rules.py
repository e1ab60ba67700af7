"""`ALL_RULES`: every rule module collected once, with valid ids, categories and severities."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from rules.catalogue import CATALOGUE
from rules.checks.base import RuleContext, StaticRule
from rules.checks.registry import ALL_RULES
from rules.findings import CATEGORIES, Finding, Severity

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


def test_every_catalogued_rule_id_is_a_rule() -> None:
    # The catalogue's "rule" rows are exactly the rules ALL_RULES runs, under their category.
    rows = {info.id: info.category for info in CATALOGUE if info.source == "rule"}
    assert rows == {rule.id: rule.category for rule in ALL_RULES}


def test_a_rule_takes_its_category_from_the_catalogue() -> None:
    class Placeholder(StaticRule, id="placeholder-package", severity=Severity.NOTICE):
        def check(self, ctx: RuleContext) -> Iterable[Finding]:
            return ()

    rule = Placeholder()
    assert (rule.id, rule.category, rule.default_severity) == (
        "placeholder-package",
        "conflict",
        Severity.NOTICE,
    )


@pytest.mark.parametrize("rule_id", ["no-such-rule", "resolution-conflict", "smoke-import"])
def test_a_rule_id_must_be_a_catalogued_rule(rule_id: str) -> None:
    with pytest.raises(TypeError, match="not a rule id"):

        class _Stray(StaticRule, id=rule_id, severity=Severity.ERROR):
            def check(self, ctx: RuleContext) -> Iterable[Finding]:
                return ()
