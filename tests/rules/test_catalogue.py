"""Every rule id the code can emit is in the catalogue, under the category it is emitted with."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from rules.catalogue import BY_ID, CATALOGUE
from rules.checks import ALL_RULES
from rules.findings import CATEGORIES

ROOT = Path(__file__).resolve().parents[2]


def _emitted() -> set[tuple[str, str, str]]:
    """(rule id, category, file:line) of every `rule=`/`category=` literal pair, and of
    every call whose first two arguments are a literal id and a literal known category."""
    found: set[tuple[str, str, str]] = set()
    for package in ("rules", "worker", "service"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                kw = {k.arg: k.value for k in node.keywords if k.arg}
                rule, cat = kw.get("rule"), kw.get("category")
                if isinstance(rule, ast.Constant) and isinstance(rule.value, str):
                    cats = _literals(cat)
                    for c in cats or {"?"}:
                        found.add((rule.value, c, where))
                args = node.args
                if (
                    len(args) >= 2
                    and isinstance(args[0], ast.Constant)
                    and isinstance(args[0].value, str)
                    and isinstance(args[1], ast.Constant)
                    and args[1].value in CATEGORIES
                ):
                    found.add((args[0].value, str(args[1].value), where))
    return found


def _literals(node: ast.expr | None) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _literals(node.body) | _literals(node.orelse)
    return set()


def test_ids_are_unique_and_categories_known() -> None:
    assert len(BY_ID) == len(CATALOGUE)
    for info in CATALOGUE:
        assert info.categories <= CATEGORIES, info


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_every_static_rule_is_catalogued(rule: object) -> None:
    info = BY_ID.get(rule.id)  # type: ignore[attr-defined]
    assert info is not None, f"{rule.id} is not in rules/catalogue.py"  # type: ignore[attr-defined]
    assert rule.category in info.categories  # type: ignore[attr-defined]


def test_every_emitted_id_is_catalogued() -> None:
    emitted = _emitted()
    assert len(emitted) > 20  # the scan itself works
    missing = sorted(
        f"{where}: {rule} ({cat})"
        for rule, cat, where in emitted
        if rule not in BY_ID or (cat != "?" and cat not in BY_ID[rule].categories)
    )
    assert not missing, "not in rules/catalogue.py:\n" + "\n".join(missing)
