"""The GPU side of a smoke run: the body of the `worker.gpu_smoke` task.

Run the job on this host (one GPU slot, the sandboxed runner), classify and render its
result, and store the outcome in Redis; no GitHub, no secrets (publishing is
`worker.smoke.publish`, on the review side).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from packaging.utils import canonicalize_name

from core.contract import SmokeJobSpec
from rules.kb import KnowledgeBase
from worker.smoke.classify import classify_result, render_smoke_section, smoke_conclusion
from worker.smoke.config import RunnerConfig
from worker.smoke.facts import RunnerFacts
from worker.smoke.outcome import TITLES, SmokeJobOutcome, stopped_at_limit
from worker.smoke.redact import Redactor
from worker.smoke.registry import RedisClient
from worker.smoke.runner import SmokeResult, Status, run_smoke
from worker.smoke.slots import GpuSlot, GpuSlots, facts_for_slot, slot_indexes
from worker.smoke.store import load_own_outcome, save_outcome
from worker.smoke.supersede import is_superseded

logger = logging.getLogger(__name__)


class _Throttled:
    """Calls `check` at most every `every_s` seconds; remembers a True answer."""

    def __init__(self, check: Callable[[], bool], every_s: float) -> None:
        self._check = check
        self._every_s = every_s
        self._next = 0.0
        self._answer = False

    def __call__(self) -> bool:
        now = time.monotonic()
        if not self._answer and now >= self._next:
            self._next = now + self._every_s
            try:
                self._answer = self._check()
            except Exception as exc:  # Redis away for a moment: keep going
                logger.warning("supersession check failed", extra={"error": str(exc)})
        return self._answer


def _redactor(config: RunnerConfig, index_options: Sequence[str]) -> Redactor:
    """What a result must not show: the indexes, and the runner's own directories."""
    paths: dict[str, Path | str | None] = {
        "<workdir>": config.workdir,
        "<uv-cache>": config.cache_dir,
        "<gpu-slots>": config.gpu_slots_dir,
        "<runner-python>": config.python,
    }
    paths |= {f"<base environment {n}>": p for n, p in config.base_environments.items()}
    return Redactor.for_job(index_options, paths)


def run_gpu_smoke_job(
    job: SmokeJobSpec,
    *,
    redis: RedisClient | None,
    facts: RunnerFacts | None,
    config: RunnerConfig,
    modules: Sequence[str] = (),
    run: Callable[..., SmokeResult] = run_smoke,
    kb: KnowledgeBase | None = None,
    cancel_poll_s: float = 2.0,
    on_start: Callable[[], None] | None = None,
) -> SmokeJobOutcome:
    """Smoke-test the job's pins for its PR head on this runner; never raises for a bad
    environment.

    The job holds one GPU of the runner (a slot of `config.gpu_slots_dir`) while it runs:
    the environment sees only that GPU, and the outcome's facts name only it. `on_start`
    is called once the job holds its GPU and starts installing (a failure there is logged).
    """
    repo, pr_number, head_sha, pins = job.repo_full_name, job.pr_number, job.head_sha, job.pins
    index_options, base_environment = job.index_options, job.base_environment
    log = {"repo": repo, "pr_number": pr_number, "head_sha": head_sha}

    def superseded() -> bool:
        return redis is not None and is_superseded(redis, repo, pr_number, head_sha)

    redactor = _redactor(config, index_options)

    def outcome(result: SmokeResult, used: RunnerFacts | None = facts) -> SmokeJobOutcome:
        result = redactor.result(result, base_name=base_environment)  # finding 19
        result = replace(result, runner_facts=used)
        findings = tuple(classify_result(result, used, kb=kb))
        conclusion = smoke_conclusion(result, findings)
        markdown = render_smoke_section(result, findings)
        logger.info("smoke job finished", extra={**log, "conclusion": conclusion})
        return SmokeJobOutcome(
            repo, pr_number, head_sha, conclusion, TITLES[conclusion], findings, markdown, result
        )

    def stopped(status: Status, message: str) -> SmokeJobOutcome:
        empty = SmokeResult(
            status=status,
            message=message,
            probe=None,
            steps=(),
            pins=tuple(sorted(pins.items())),
            seconds=0.0,
        )
        return outcome(empty)

    if superseded():
        return stopped("cancelled", "superseded by a newer push before it started")
    base_path = None
    if base_environment is not None:
        base_path = config.base_environments.get(base_environment)
        if base_path is None:
            known = ", ".join(sorted(config.base_environments)) or "none"
            return stopped(
                "error",
                f"base environment {base_environment!r} is not configured on this runner "
                f"(configured: {known})",
            )
    limit_s = float(min(job.timeout_s, config.max_timeout_s))
    cancel = _Throttled(superseded, cancel_poll_s)
    slots = GpuSlots(config.gpu_slots_dir, slot_indexes(facts))
    slot: GpuSlot | None = None
    if slots.indexes:
        waited = time.monotonic()
        slot = slots.acquire(timeout_s=limit_s, should_cancel=cancel)
        waited = time.monotonic() - waited
        if slot is None:
            if cancel():
                return stopped("cancelled", "superseded by a newer push while waiting for a GPU")
            return stopped(
                "timeout",
                f"no GPU of this runner became free within {limit_s:.0f} s "
                f"({len(slots.indexes)} GPU(s), all held by other smoke jobs)",
            )
        limit_s = max(limit_s - int(waited), 1.0)  # whole seconds spent waiting
    try:
        used = facts_for_slot(facts, slot.index) if facts is not None and slot else facts
        if on_start is not None:
            try:
                on_start()
            except Exception as exc:  # the start notice is cosmetic; the job goes on
                logger.warning("smoke start notice failed", extra={**log, "error": str(exc)})
        wanted = {str(canonicalize_name(p)) for p in job.changed_packages}
        packages = [p for p in pins if str(canonicalize_name(p)) in wanted] if wanted else None
        result = run(
            dict(pins),
            index_options=list(index_options),
            base_environment=base_path,
            workdir=config.workdir,
            cache_dir=config.cache_dir,
            timeout_s=limit_s,
            modules=list(modules),
            packages=packages,
            python=config.python,
            should_cancel=cancel,
            cache_max_bytes=config.cache_max_bytes,
            extra_env=slot.env() if slot is not None else None,
            sandbox=config.sandbox(),
        )
    finally:
        if slot is not None:
            slot.release()
    return outcome(result, used)


# -- once per dispatched job: a redelivered message finds its stored outcome --------------


def execute_smoke(
    redis: RedisClient,
    job: SmokeJobSpec,
    *,
    facts: RunnerFacts | None,
    config: RunnerConfig,
    run: Callable[..., SmokeResult] | None = None,
    soft_limit: type[BaseException] | None = None,
    on_start: Callable[[], None] | None = None,
) -> tuple[dict[str, Any], bool]:
    """Run the smoke job of check run `job.check_run_id` once and store its outcome.

    Returns (outcome, ran): a redelivered message whose outcome this runner already stored
    (signed with its own key) does not run again. `soft_limit` is the exception the task's
    soft time limit (`job.soft_time_limit_s`) raises (Celery's), turned into a `timed_out`
    outcome. `on_start` is called when the job holds its GPU and starts (the task sends
    `worker.smoke_started` from it). `job.job_id` (from the job's message) goes into the
    outcome: the publisher accepts only an outcome carrying the dispatched job's id.
    """
    repo, check_run_id = job.repo_full_name, job.check_run_id
    runner = config.runner_name  # the outcome key is this runner's own (its Redis user's)
    stored = load_own_outcome(redis, repo, check_run_id, runner=runner)  # signed by itself only
    if stored is not None and stored.get("status") != "timeout":
        return stored, False
    try:
        outcome = run_gpu_smoke_job(
            job, redis=redis, facts=facts, config=config, run=run or run_smoke, on_start=on_start
        ).to_dict()
    except BaseException as exc:
        if soft_limit is None or not isinstance(exc, soft_limit):
            raise
        outcome = stopped_at_limit(repo, job.pr_number, job.head_sha, job.soft_time_limit_s)
    outcome["job_id"] = job.job_id
    save_outcome(redis, repo, check_run_id, outcome, runner=runner)
    logger.info(
        "smoke outcome stored",
        extra={
            "repo": repo,
            "pr": job.pr_number,
            "head_sha": job.head_sha,
            "check_run_id": check_run_id,
            "conclusion": outcome.get("conclusion"),
        },
    )
    return outcome, True
