"""Every rule depreview runs, collected from the rule modules in a fixed order.

Every id a finding can carry (these and the ones the parsers, the config, the review, the
resolver and the smoke test mint) is listed in `rules.catalogue`.
"""

from __future__ import annotations

from types import ModuleType

from rules.checks import (
    build_needs_torch,
    build_paths,
    conda_channel_package,
    conda_channel_release,
    conda_hygiene,
    conflict,
    cpu_only,
    cuda_base_image,
    cuda_variant,
    docker_python,
    driver,
    hygiene,
    jax_cuda,
    linux_wheels,
    lock_sync,
    musl_wheels,
    not_on_pypi,
    numpy_abi,
    openmmlab,
    placeholder,
    platform_wheels,
    python_version,
    pytorch_index,
    setuptools_file,
    system_library,
    tensorflow_cuda,
    torch_family,
    unpublished,
    untrusted_index,
)
from rules.checks.base import Rule

#: Rule modules, in the order their rules run (the order does not change the result:
#: the review sorts findings). A new rule module must be added here.
RULE_MODULES: tuple[ModuleType, ...] = (
    hygiene,
    conda_hygiene,
    conda_channel_release,
    conda_channel_package,
    untrusted_index,
    conflict,
    lock_sync,
    placeholder,
    unpublished,
    not_on_pypi,
    build_paths,
    setuptools_file,
    cuda_variant,
    torch_family,
    openmmlab,
    cuda_base_image,
    pytorch_index,
    build_needs_torch,
    cpu_only,
    tensorflow_cuda,
    jax_cuda,
    driver,
    numpy_abi,
    python_version,
    docker_python,
    system_library,
    musl_wheels,
    linux_wheels,
    platform_wheels,
)


def _collect() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for module in RULE_MODULES:
        rules.extend(module.RULES)
    ids = [rule.id for rule in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuntimeError(f"duplicate rule ids: {duplicates}")
    return tuple(rules)


#: All rules, one instance each.
ALL_RULES: tuple[Rule, ...] = _collect()
