"""The check run's buttons (at most three) and its completing fields (the link: core/links.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rules.config import config_text, load_config
from rules.manifests.diff import diff
from rules.manifests.model import FactKind
from rules.manifests.snapshot import build_snapshot
from worker.smoke.policy import CHECK_ACTION, SmokeConfig, gpu_relevant_packages

RERUN_ID = "depreview-rerun"
SMOKE_ID = str(CHECK_ACTION["identifier"])
#: GitHub's limits on a check run action.
MAX_ACTIONS, MAX_LABEL, MAX_IDENTIFIER, MAX_DESCRIPTION = 3, 20, 20, 40

RERUN_ACTION: dict[str, str] = {
    "label": "Re-run",
    "description": "Review the dependency change again",
    "identifier": RERUN_ID,
}
_GPU_FACTS = frozenset({FactKind.CUDA, FactKind.CUDNN, FactKind.BASE_IMAGE})


def gpu_relevant(base_files: Mapping[str, bytes], head_files: Mapping[str, bytes]) -> bool:
    """Whether the change touches GPU-relevant packages or CUDA facts (smoke-worthy)."""
    config, _ = load_config(config_text(base_files))  # the base decides, never the PR
    changes = diff(build_snapshot(base_files, ref="base"), build_snapshot(head_files, ref="head"))
    names = [change.name for change in changes.changes]
    packages = SmokeConfig.from_repo_config(config).packages
    if gpu_relevant_packages(names, packages):
        return True
    return any(fact.kind in _GPU_FACTS for fact in changes.facts)


def check_actions(*, smoke: bool) -> list[dict[str, str]]:
    """Re-run always; "Run GPU smoke test" only when the change is GPU-relevant."""
    actions = [dict(RERUN_ACTION)]
    if smoke:
        actions.append(dict(CHECK_ACTION))
    for action in actions:
        assert len(action["label"]) <= MAX_LABEL, action
        assert len(action["identifier"]) <= MAX_IDENTIFIER, action
        assert len(action["description"]) <= MAX_DESCRIPTION, action
    return actions[:MAX_ACTIONS]


def completion_extras(actions: list[dict[str, str]], url: str) -> dict[str, Any]:
    """The extra fields of the completing PATCH: `actions` and `details_url`."""
    return {"actions": actions, "details_url": url}
