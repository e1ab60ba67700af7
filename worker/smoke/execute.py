"""The GPU side of a smoke run: run it on this host, store the outcome; no GitHub, no secrets."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from worker.smoke.config import RunnerConfig
from worker.smoke.facts import RunnerFacts
from worker.smoke.job import run_gpu_smoke_job
from worker.smoke.registry import RedisClient
from worker.smoke.runner import SmokeResult, run_smoke
from worker.smoke.store import load_outcome, save_outcome

logger = logging.getLogger(__name__)


def timed_out_here(repo: str, pr_number: int, head_sha: str, limit_s: int) -> dict[str, Any]:
    """The outcome of a job the worker's soft time limit stopped."""
    title = "GPU smoke test timed out"
    text = (
        f"The smoke job ran past the worker's time limit ({limit_s} s) and was stopped; "
        "installing the environment or probing it takes longer than `smoke.timeout_s` allows."
    )
    return {
        "repo": repo,
        "pr_number": pr_number,
        "head_sha": head_sha,
        "conclusion": "timed_out",
        "title": title,
        "markdown": f"<details>\n<summary>{title}</summary>\n\n{text}\n\n</details>\n",
        "status": "timeout",
        "findings": [],
    }


def execute_smoke(
    redis: RedisClient,
    *,
    repo: str,
    pr_number: int,
    head_sha: str,
    check_run_id: int,
    pins: Mapping[str, str],
    changed_packages: Sequence[str] = (),
    index_options: Sequence[str] = (),
    base_environment: str | None = None,
    timeout_s: int = 600,
    facts: RunnerFacts | None,
    config: RunnerConfig,
    run: Callable[..., SmokeResult] | None = None,
    soft_limit: type[BaseException] | None = None,
    soft_limit_s: int = 0,
    on_start: Callable[[], None] | None = None,
    job_id: str = "",
) -> tuple[dict[str, Any], bool]:
    """Run the smoke job of check run `check_run_id` once and store its outcome.

    Returns (outcome, ran): a redelivered message whose outcome is already stored does not
    run again. `soft_limit` is the exception a soft time limit raises (Celery's), turned
    into a `timed_out` outcome. `on_start` is called when the job holds its GPU and starts
    (the task sends `worker.smoke_started` from it). `job_id` (from the job's message) goes
    into the outcome: the publisher accepts only an outcome carrying the dispatched job's id.
    """
    stored = load_outcome(redis, repo, check_run_id)
    if stored is not None and stored.get("status") != "timeout":
        return stored, False
    try:
        outcome = run_gpu_smoke_job(
            repo,
            pr_number,
            head_sha,
            pins,
            changed_packages=changed_packages,
            index_options=index_options,
            base_environment=base_environment,
            timeout_s=timeout_s,
            redis=redis,
            facts=facts,
            config=config,
            run=run or run_smoke,
            on_start=on_start,
        ).to_dict()
    except BaseException as exc:
        if soft_limit is None or not isinstance(exc, soft_limit):
            raise
        outcome = timed_out_here(repo, pr_number, head_sha, soft_limit_s)
    outcome["job_id"] = job_id
    save_outcome(redis, repo, check_run_id, outcome)
    logger.info(
        "smoke outcome stored",
        extra={
            "repo": repo,
            "pr": pr_number,
            "head_sha": head_sha,
            "check_run_id": check_run_id,
            "conclusion": outcome.get("conclusion"),
        },
    )
    return outcome, True
