"""Every rule depreview runs, collected from the rule modules in a fixed order."""

from __future__ import annotations

import importlib
from types import ModuleType

from rules.checks.base import Rule

#: Rule modules, in the order their rules run (the order does not change the result:
#: the review sorts findings).
_MODULES = (
    "rules.checks.hygiene",
    "rules.checks.conda_hygiene",
    "rules.checks.untrusted_index",
    "rules.checks.conflict",
    "rules.checks.cuda_variant",
    "rules.checks.torch_family",
    "rules.checks.cuda_base_image",
    "rules.checks.pytorch_index",
    "rules.checks.cpu_only",
    "rules.checks.tensorflow_cuda",
    "rules.checks.jax_cuda",
    "rules.checks.driver",
    "rules.checks.numpy_abi",
    "rules.checks.python_version",
)

#: Rule ids that findings carry without a `Rule` object of that id (produced by the parsers,
#: the config loader, the review itself, the resolver and the smoke runner).
EXTRA_RULE_IDS: tuple[str, ...] = (
    "parse-error",
    "config-error",
    "several-frameworks-bumped",
)


def _load(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name == name:
            return None
        raise


def _collect() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for name in _MODULES:
        module = _load(name)
        if module is not None:
            rules.extend(getattr(module, "RULES", ()))
    ids = [rule.id for rule in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuntimeError(f"duplicate rule ids: {duplicates}")
    return tuple(rules)


#: All rules, one instance each.
ALL_RULES: tuple[Rule, ...] = _collect()


def known_rule_ids() -> frozenset[str]:
    """Every rule id a finding can carry (for config validation)."""
    return frozenset(rule.id for rule in ALL_RULES) | frozenset(EXTRA_RULE_IDS)
