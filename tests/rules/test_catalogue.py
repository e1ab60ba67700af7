"""Every rule id the code can emit is in the catalogue, under the category it is emitted with."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from rules.catalogue import BY_ID, CATALOGUE, CATEGORY_HELP, RULE_IDS
from rules.checks.registry import ALL_RULES
from rules.findings import CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
#: The catalogue itself: its rows are what the scan checks, not what the code emits.
CATALOGUE_FILE = ROOT / "rules" / "catalogue.py"
#: Finding factories whose first argument is the rule id, with their default category.
FACTORIES = {"environment_finding": "conflict"}


def _emitted() -> set[tuple[str, str, str]]:
    """(rule id, category, file:line) of every `rule=`/`category=` literal pair, of every
    call whose first two arguments are a literal id and a literal known category, and of
    every call of a `FACTORIES` function with a literal id (rules/catalogue.py left out)."""
    found: set[tuple[str, str, str]] = set()
    for package in ("rules", "worker", "service"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if path == CATALOGUE_FILE:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = _module_strings(tree)
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                kw = {k.arg: k.value for k in node.keywords if k.arg}
                rules = _literals(kw.get("rule"), names)
                for rule in rules:
                    for c in _literals(kw.get("category"), names) or {"?"}:
                        found.add((rule, c, where))
                args = node.args
                if (
                    len(args) >= 2
                    and isinstance(args[0], ast.Constant)
                    and isinstance(args[0].value, str)
                    and isinstance(args[1], ast.Constant)
                    and args[1].value in CATEGORIES
                ):
                    found.add((args[0].value, str(args[1].value), where))
                name = node.func.id if isinstance(node.func, ast.Name) else None
                if name in FACTORIES and args:
                    default = {FACTORIES[name]}
                    for rule in _literals(args[0], names):
                        for c in _literals(kw.get("category"), names) or default:
                            found.add((rule, c, where))
    return found


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level `NAME = "text"` constants (rule ids are often written that way)."""
    out: dict[str, str] = {}
    for stmt in tree.body:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else []
        if isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        elif isinstance(stmt, ast.Assign):
            value = stmt.value
        else:
            continue
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            out.update({t.id: value.value for t in targets if isinstance(t, ast.Name)})
    return out


def _literals(node: ast.expr | None, names: dict[str, str]) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Name) and node.id in names:
        return {names[node.id]}
    if isinstance(node, ast.IfExp):
        return _literals(node.body, names) | _literals(node.orelse, names)
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


def test_the_catalogue_lists_exactly_the_ids_the_code_mints() -> None:
    """The rules' ids plus every id the parsers, config, review, resolver and smoke test
    write are the catalogue: no id missing, none stale."""
    minted = {rule.id for rule in ALL_RULES} | {rule for rule, _, _ in _emitted()}
    assert {
        "resolution-conflict",
        "smoke-import",
        "config-error",
    } <= minted  # the scan reaches them
    assert minted == RULE_IDS


def test_the_catalogue_covers_every_category_with_help() -> None:
    assert {c for info in CATALOGUE for c in info.categories} == CATEGORIES
    assert set(CATEGORY_HELP) == CATEGORIES
    assert all(text.strip() for text in CATEGORY_HELP.values())
