"""The gpu_smoke job body: supersession, base environments, a CPU run, the soft time limit."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import redis

from tests.worker.smoke.conftest import python_for_envs, smoke_job
from tests.worker.smoke.fakeredis import FakeRedis
from worker.smoke.config import RunnerConfig
from worker.smoke.facts import GpuInfo, RunnerFacts
from worker.smoke.gpu_job import execute_smoke, run_gpu_smoke_job
from worker.smoke.runner import SmokeResult
from worker.smoke.store import load_outcome
from worker.smoke.supersede import mark_latest

FACTS = RunnerFacts(
    "vm", "580.159.04", "13.0", (GpuInfo(0, "NVIDIA H100 80GB HBM3", "9.0", 81559),), name="h100-1"
)


def _config(tmp_path: Path, **kw: Any) -> RunnerConfig:
    return RunnerConfig(
        workdir=tmp_path / "work", cache_dir=tmp_path / "cache", python=python_for_envs(), **kw
    )


class RecordingRun:
    """A fake run_smoke that records its arguments and returns a fixed result."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(self, pins: dict[str, str], **kw: Any) -> SmokeResult:
        self.calls.append({"pins": pins, **kw})
        return SmokeResult(
            "completed",
            "ok",
            {"imports": [], "torch": {"present": False}},
            (),
            tuple(pins.items()),
            1.0,
        )


def test_a_superseded_job_does_not_start(tmp_path: Path) -> None:
    fake = FakeRedis()
    mark_latest(fake, "acme/ml", 7, "new")
    run = RecordingRun()
    outcome = run_gpu_smoke_job(
        smoke_job("old", {"torch": "2.11.0"}),
        redis=fake,
        facts=FACTS,
        config=_config(tmp_path),
        run=run,
    )
    assert outcome.conclusion == "cancelled"
    assert run.calls == []
    assert outcome.findings == ()


def test_base_environment_is_looked_up_by_name_on_the_runner(tmp_path: Path) -> None:
    run = RecordingRun()
    config = _config(
        tmp_path, base_environments={"torch": tmp_path / "opt-torch"}, max_timeout_s=100
    )
    outcome = run_gpu_smoke_job(
        smoke_job(
            "a",
            {"torch": "2.11.0", "numpy": "2.5.2"},
            changed_packages=["NumPy"],
            base_environment="torch",
            timeout_s=600,
        ),
        redis=None,
        facts=FACTS,
        config=config,
        run=run,
    )
    assert outcome.conclusion == "success"
    (call,) = run.calls
    assert call["base_environment"] == tmp_path / "opt-torch"
    assert call["timeout_s"] == 100  # capped by the runner
    assert call["packages"] == ["numpy"]


def test_unknown_base_environment_is_reported_not_run(tmp_path: Path) -> None:
    run = RecordingRun()
    outcome = run_gpu_smoke_job(
        smoke_job("a", {"torch": "2.11.0"}, base_environment="/etc"),
        redis=None,
        facts=FACTS,
        config=_config(tmp_path),
        run=run,
    )
    assert run.calls == []
    assert outcome.conclusion == "neutral"
    assert "not configured on this runner" in outcome.markdown


def test_full_smoke_job_on_cpu(tmp_path: Path, wheel_dir: Path, redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    mark_latest(client, "acme/ml", 7, "a" * 40)
    outcome = run_gpu_smoke_job(
        smoke_job(
            "a" * 40,
            {"fakemod": "1.0", "fake-opencv": "4.9.0.80", "torch": "2.11.0+cpu"},
            index_options=["--no-index", "--find-links", str(wheel_dir)],
        ),
        redis=client,
        facts=None,
        config=_config(tmp_path),
    )
    assert outcome.result is not None and outcome.result.status == "completed"
    assert [(f.category, f.package) for f in outcome.findings] == [("numpy-abi", "fake-opencv")]
    assert outcome.conclusion == "failure"
    assert "<details>" in outcome.markdown and "2.11.0+cpu" in outcome.markdown
    assert outcome.to_dict()["findings"][0]["category"] == "numpy-abi"


def test_a_newer_push_cancels_the_running_job(
    tmp_path: Path, wheel_dir: Path, redis_url: str
) -> None:
    client = redis.Redis.from_url(redis_url)
    mark_latest(client, "acme/ml", 7, "old")
    threading.Timer(1.0, mark_latest, args=(client, "acme/ml", 7, "new")).start()
    outcome = run_gpu_smoke_job(
        smoke_job(
            "old",
            {"fake-slow": "1.0"},
            index_options=["--no-index", "--find-links", str(wheel_dir)],
        ),
        redis=client,
        facts=FACTS,
        config=_config(tmp_path),
        cancel_poll_s=0.2,
    )
    assert outcome.conclusion == "cancelled"
    assert outcome.result is not None and outcome.result.seconds < 10


class _SoftLimit(Exception):
    """Stands in for Celery's SoftTimeLimitExceeded."""


def _stopped_by(exc: BaseException) -> Callable[..., SmokeResult]:
    def run(pins: dict[str, str], **kw: Any) -> SmokeResult:
        raise exc

    return run


def test_a_job_the_soft_time_limit_stops_is_stored_as_timed_out(tmp_path: Path) -> None:
    fake = FakeRedis()
    job = smoke_job("a" * 40, {"torch": "2.11.0"}, timeout_s=600, job_id="J" * 32)
    assert job.soft_time_limit_s == 900
    outcome, ran = execute_smoke(
        fake, job, facts=FACTS, config=_config(tmp_path), run=_stopped_by(_SoftLimit()),
        soft_limit=_SoftLimit,
    )  # fmt: skip
    # The wording posted before outcome.py (worker/smoke/execute.py timed_out_here at cbd5aa8).
    text = (
        "The smoke job ran past the worker's time limit (900 s) and was stopped; installing "
        "the environment or probing it takes longer than `smoke.timeout_s` allows."
    )
    title = "GPU smoke test timed out"
    assert ran
    assert outcome == {
        "repo": "acme/ml",
        "pr_number": 7,
        "head_sha": "a" * 40,
        "conclusion": "timed_out",
        "title": title,
        "markdown": f"<details>\n<summary>{title}</summary>\n\n{text}\n\n</details>\n",
        "status": "timeout",
        "findings": [],
        "job_id": "J" * 32,
    }
    assert load_outcome(fake, "acme/ml", 9, runner=_config(tmp_path).runner_name) == outcome


def test_any_other_failure_is_raised_and_stores_nothing(tmp_path: Path) -> None:
    fake = FakeRedis()
    with pytest.raises(RuntimeError, match="runner broke"):
        execute_smoke(
            fake, smoke_job("a" * 40, {"torch": "2.11.0"}), facts=FACTS,
            config=_config(tmp_path), run=_stopped_by(RuntimeError("runner broke")),
            soft_limit=_SoftLimit,
        )  # fmt: skip
    assert load_outcome(fake, "acme/ml", 9, runner=_config(tmp_path).runner_name) is None
