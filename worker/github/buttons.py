"""The check run's buttons (at most three) and its details link."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rules.config import config_text, load_config
from rules.manifests.diff import diff
from rules.manifests.model import FactKind
from rules.manifests.snapshot import build_snapshot
from worker.smoke.scheduler import CHECK_ACTION, SmokeConfig, gpu_relevant_packages

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


def html_base(api_url: str) -> str:
    """The web address of the GitHub the API URL belongs to.

    `https://api.github.com` → github.com; GHE.com data residency `https://api.SUB.ghe.com`
    → `https://SUB.ghe.com`; GitHub Enterprise Server `https://HOST/api/v3` → `https://HOST`.
    """
    url = api_url.rstrip("/")
    if url == "https://api.github.com":
        return "https://github.com"
    scheme, sep, rest = url.partition("://")
    host, _, path = rest.partition("/")
    if sep and host.startswith("api.") and host.endswith(".ghe.com") and not path:
        return f"{scheme}://{host.removeprefix('api.')}"
    return url.removesuffix("/api/v3")


def details_url(api_url: str, repo: str, pr_number: int | None, comment_id: int | None) -> str:
    """Where "Details" on the check run leads: the depreview comment, else the PR or repo."""
    base = f"{html_base(api_url)}/{repo}"
    if pr_number is None:
        return base
    anchor = f"#issuecomment-{comment_id}" if comment_id is not None else ""
    return f"{base}/pull/{pr_number}{anchor}"


def completion_extras(actions: list[dict[str, str]], url: str) -> dict[str, Any]:
    """The extra fields of the completing PATCH: `actions` and `details_url`."""
    return {"actions": actions, "details_url": url}
