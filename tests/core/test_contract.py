"""The task contract shared with the worker: names, queues and JSON-ready keyword arguments."""

from __future__ import annotations

import json

import pytest

from core import contract
from core.contract import (
    HandleCheckAction,
    HandleCommand,
    HandleInstallation,
    ReviewCheckSuite,
    ReviewMergeGroup,
    ReviewPullRequest,
    TaskSpec,
)

SPECS: list[tuple[TaskSpec, str, dict[str, object]]] = [
    (ReviewPullRequest(1, "o/r", 2, "a" * 40, "d"), "worker.review_pull_request",
     {"installation_id": 1, "repo_full_name": "o/r", "pr_number": 2, "head_sha": "a" * 40,
      "delivery_id": "d"}),
    (ReviewCheckSuite(1, "o/r", "a" * 40, "d", (3, 4), "rerequested"),
     "worker.review_check_suite",
     {"installation_id": 1, "repo_full_name": "o/r", "head_sha": "a" * 40, "delivery_id": "d",
      "pr_numbers": [3, 4], "action": "rerequested"}),
    (ReviewMergeGroup(1, "o/r", "a" * 40, "b" * 40, "d"), "worker.review_merge_group",
     {"installation_id": 1, "repo_full_name": "o/r", "head_sha": "a" * 40,
      "base_sha": "b" * 40, "delivery_id": "d"}),
    (HandleCommand(1, "o/r", 2, 99, "d", "edited"), "worker.handle_command",
     {"installation_id": 1, "repo_full_name": "o/r", "pr_number": 2, "comment_id": 99,
      "delivery_id": "d", "action": "edited", "previous_command": None}),
    (HandleInstallation(1, "installation", "created", "d", ("o/r",)),
     "worker.handle_installation",
     {"installation_id": 1, "event": "installation", "action": "created", "delivery_id": "d",
      "repositories_added": ["o/r"], "repositories_removed": []}),
    (HandleCheckAction(1, "o/r", 5, "a" * 40, "rerun", "octocat", "d"),
     "worker.handle_check_action",
     {"installation_id": 1, "repo_full_name": "o/r", "check_run_id": 5, "head_sha": "a" * 40,
      "identifier": "rerun", "sender_login": "octocat", "delivery_id": "d"}),
]  # fmt: skip


@pytest.mark.parametrize(("spec", "name", "kwargs"), SPECS, ids=[s[1] for s in SPECS])
def test_spec_name_queue_and_kwargs(spec: TaskSpec, name: str, kwargs: dict[str, object]) -> None:
    assert spec.task_name == name
    assert spec.queue == "review" == contract.TASK_QUEUES[name]
    assert spec.kwargs() == kwargs
    assert json.loads(json.dumps(spec.kwargs())) == kwargs


def test_every_task_name_has_a_queue() -> None:
    names = {
        value
        for key, value in vars(contract).items()
        if key.isupper() and isinstance(value, str) and value.startswith("worker.")
    }
    assert len(names) == 12
    assert names == set(contract.TASK_QUEUES)
    assert set(contract.TASK_QUEUES.values()) == {contract.QUEUE_REVIEW, contract.QUEUE_GPU}


@pytest.mark.parametrize(
    ("timeout_s", "soft", "hard", "watchdog"), [(600, 900, 1200, 2400), (60, 360, 660, 1860)]
)
def test_smoke_job_limits_follow_its_timeout(
    timeout_s: int, soft: int, hard: int, watchdog: int
) -> None:
    spec = contract.SmokeJobSpec(
        1, "o/r", 2, "a" * 40, 9, {"torch": "2.4.1"}, "gpu.x", timeout_s=timeout_s
    )
    assert (spec.soft_time_limit_s, spec.time_limit_s, spec.watchdog_s) == (soft, hard, watchdog)
    assert json.loads(json.dumps(spec.kwargs()))["pins"] == {"torch": "2.4.1"}


def test_a_smoke_jobs_notice_carries_its_ids_and_nothing_more() -> None:
    spec = contract.SmokeJobSpec(
        1, "o/r", 2, "a" * 40, 9, {"torch": "2.4.1"}, "gpu.x", delivery_id="d-1", job_id="j"
    )
    notice = spec.notice().kwargs()
    assert set(notice) == contract.GPU_NOTICE_KWARGS
    assert notice == {
        "installation_id": 1,
        "repo_full_name": "o/r",
        "pr_number": 2,
        "head_sha": "a" * 40,
        "check_run_id": 9,
        "delivery_id": "d-1",
    }
