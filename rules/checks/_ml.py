"""What an environment installs for ML: the helpers the ML rules share, by concept.

- `rules.checks._env`: environments, project names, pins and variant labels;
- `rules.checks._versions`: what a specifier admits and what a fresh install picks;
- `rules.checks._indexes`: which indexes serve which environment;
- `rules.checks._cuda`: the CUDA an environment declares;
- here: building findings and pinned lines. The names above are re-exported here, so
  ``from rules.checks._ml import ...`` keeps working.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rules.checks._cuda import (
    CONDA_CUDA_SELECTORS,
    CudaDecl,
    conda_cuda,
    config_cuda,
    declared_cuda,
    dockerfile_cuda,
    image_cuda,
    image_cuda_for,
)
from rules.checks._dockerfix import dockerfile_fix, in_dockerfile
from rules.checks._env import (
    CONDA_TO_PYPI,
    each_env,
    env_of,
    env_root,
    environments,
    local_label,
    project,
    spec_contains,
    spec_version,
    version_of,
)
from rules.checks._indexes import (
    dockerfile_indexes,
    indexes_for,
    pytorch_indexes,
    serves_variant,
    serving_indexes,
)
from rules.checks.base import Rule
from rules.findings import Finding, Severity
from rules.manifests.model import Ecosystem, Requirement, Span

__all__ = [
    "CONDA_CUDA_SELECTORS",
    "CONDA_TO_PYPI",
    "CudaDecl",
    "conda_cuda",
    "config_cuda",
    "declared_cuda",
    "dockerfile_cuda",
    "dockerfile_indexes",
    "each_env",
    "env_of",
    "env_root",
    "environments",
    "finding",
    "image_cuda",
    "image_cuda_for",
    "indexes_for",
    "local_label",
    "pinned_line",
    "project",
    "pytorch_indexes",
    "serves_variant",
    "serving_indexes",
    "spec_contains",
    "spec_version",
    "version_of",
]


def finding(
    rule: Rule,
    message: str,
    at: Span | None,
    *,
    package: str | None,
    fix: str | None,
    evidence: Iterable[str] = (),
    severity: Severity | None = None,
    fingerprint: str = "",
) -> Finding:
    """A finding of `rule` (its id, category, default severity) located at `at`.

    The fingerprint (what makes base and head findings "the same problem") is prefixed with
    the file, never the line: lines move between base and head. A fix for a requirement of a
    Dockerfile is written as the ``RUN pip install …`` line to change.
    """
    if fix and at is not None and in_dockerfile(at.file):
        fix = dockerfile_fix(fix)
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=severity or rule.default_severity,
        message=message,
        file=at.file if at else None,
        line=at.line if at else None,
        column=at.column if at else None,
        package=package,
        fix=fix,
        evidence=tuple(evidence),
        fingerprint=f"{at.file}:{fingerprint}" if fingerprint and at else fingerprint,
    )


_POETRY_LINE = re.compile(r"^([A-Za-z0-9_.-]+)\s*=\s*([{\"'].*)$")
_POETRY_VERSION = re.compile(r"version\s*=\s*\"[^\"]*\"")


def pinned_line(req: Requirement, version: str) -> str:
    """How `req` reads pinned to `version` in its own file format (pip, conda, or a Poetry
    ``name = "…"`` / ``name = {version = "…", …}`` line)."""
    if req.ecosystem == Ecosystem.CONDA:
        return f"{req.name}={version}"
    poetry = _POETRY_LINE.match(req.raw.strip())
    if poetry is not None:
        key, value = poetry.group(1), poetry.group(2)
        quoted = f'"{version}"'
        if value.startswith("{") and _POETRY_VERSION.search(value):
            table = _POETRY_VERSION.sub(lambda _: f"version = {quoted}", value, count=1)
            return f"{key} = {table}"
        return f"{key} = {quoted}"
    extras = f"[{','.join(req.extras)}]" if req.extras else ""
    return f"{req.name}{extras}=={version}"
