"""One GPU per smoke job: slot locks, a crashed holder, and the job pinned to its GPU."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.worker.smoke.conftest import python_for_envs, smoke_job
from worker.smoke.config import RunnerConfig
from worker.smoke.facts import GpuInfo, RunnerFacts
from worker.smoke.gpu_job import run_gpu_smoke_job
from worker.smoke.runner import SmokeResult
from worker.smoke.slots import GpuSlots, facts_for_slot, slot_indexes, visible_indexes

ROOT = Path(__file__).parents[3]
TWO_GPUS = RunnerFacts(
    "vm", "580.159.04", "13.0",
    (GpuInfo(0, "NVIDIA H100 80GB HBM3", "9.0", 81559, "GPU-aaa"),
     GpuInfo(1, "NVIDIA H100 80GB HBM3", "9.0", 81559, "GPU-bbb")),
    name="h100-2",
)  # fmt: skip


def _config(tmp_path: Path) -> RunnerConfig:
    return RunnerConfig(
        workdir=tmp_path / "work", cache_dir=tmp_path / "cache", python=python_for_envs()
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("", None), ("1", {1}), ("0, 2", {0, 2}), ("GPU-aaa", None), ("MIG-1", None)],
)
def test_visible_indexes(value: str | None, expected: set[int] | None) -> None:
    assert visible_indexes(value) == expected


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, [0, 1]),
        ({"CUDA_VISIBLE_DEVICES": "1"}, [1]),
        ({"CUDA_VISIBLE_DEVICES": "GPU-x"}, [0, 1]),
    ],
)
def test_slot_indexes_follow_the_facts_and_a_host_restriction(
    environ: dict[str, str], expected: list[int]
) -> None:
    assert slot_indexes(TWO_GPUS, environ) == expected
    assert slot_indexes(None, environ) == []


def test_two_holders_get_different_gpus_and_a_third_none(tmp_path: Path) -> None:
    slots = GpuSlots(tmp_path, [0, 1])
    first, second = slots.try_acquire(), slots.try_acquire()
    assert first is not None and second is not None
    assert {first.index, second.index} == {0, 1}
    assert slots.try_acquire() is None
    assert slots.acquire(timeout_s=0.3, poll_s=0.05) is None
    first.release()
    again = slots.try_acquire()
    assert again is not None and again.index == first.index
    assert second.env() == {
        "CUDA_VISIBLE_DEVICES": str(second.index),
        "CUDA_DEVICE_ORDER": "PCI_BUS_ID",
    }
    second.release()
    again.release()


def test_a_waiting_job_gets_the_slot_when_it_is_freed(tmp_path: Path) -> None:
    slots = GpuSlots(tmp_path, [0])
    held = slots.try_acquire()
    assert held is not None
    threading.Timer(0.3, held.release).start()
    got = slots.acquire(timeout_s=5, poll_s=0.05)
    assert got is not None and got.index == 0
    got.release()


_HOLDER = """
import sys, time
from pathlib import Path
from worker.smoke.slots import GpuSlots
slot = GpuSlots(Path(sys.argv[1]), [0, 1]).try_acquire()
print(slot.index if slot else "none", flush=True)
time.sleep(60)
"""


def test_a_killed_holder_frees_its_slot(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "0"
        slots = GpuSlots(tmp_path, [0, 1])
        mine = slots.try_acquire()
        assert mine is not None and mine.index == 1  # another process holds 0
        holder.send_signal(signal.SIGKILL)  # a crash: no clean-up runs
        holder.wait(timeout=10)
        freed = slots.try_acquire()
        assert freed is not None and freed.index == 0
        mine.release()
        freed.release()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=10)
        if holder.stdout is not None:
            holder.stdout.close()


class OverlappingRun:
    """A fake run_smoke that waits until `parties` jobs run at once, recording their env."""

    def __init__(self, parties: int) -> None:
        self.barrier = threading.Barrier(parties, timeout=10)
        self.envs: list[dict[str, str]] = []

    def __call__(self, pins: dict[str, str], **kw: Any) -> SmokeResult:
        self.envs.append(dict(kw.get("extra_env") or {}))
        self.barrier.wait()  # both jobs hold their GPU at the same time
        return SmokeResult("completed", "ok", {"imports": [], "torch": {"present": False}},
                           (), tuple(pins.items()), 1.0)  # fmt: skip


def test_two_concurrent_jobs_run_on_different_gpus(tmp_path: Path) -> None:
    run, config = OverlappingRun(2), _config(tmp_path)
    outcomes: list[Any] = []

    def job() -> None:
        outcomes.append(run_gpu_smoke_job(smoke_job("a", {"torch": "2.11.0"}), redis=None,
                                          facts=TWO_GPUS, config=config, run=run))  # fmt: skip

    threads = [threading.Thread(target=job) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(e["CUDA_VISIBLE_DEVICES"] for e in run.envs) == ["0", "1"]
    assert all(e["CUDA_DEVICE_ORDER"] == "PCI_BUS_ID" for e in run.envs)
    assert all("NVIDIA_VISIBLE_DEVICES" not in e for e in run.envs)
    used = sorted(o.result.runner_facts.gpus[0].uuid for o in outcomes)
    assert used == ["GPU-aaa", "GPU-bbb"]
    assert all(len(o.result.runner_facts.gpus) == 1 for o in outcomes)
    # Both slots are free again.
    slots = GpuSlots(config.gpu_slots_dir, [0, 1])
    free = [slots.try_acquire(), slots.try_acquire()]
    assert all(slot is not None for slot in free)
    for slot in free:
        assert slot is not None
        slot.release()


def test_a_job_with_every_gpu_taken_times_out_without_running(tmp_path: Path) -> None:
    config = _config(tmp_path).model_copy(update={"max_timeout_s": 1})
    slots = GpuSlots(config.gpu_slots_dir, [0, 1])
    held = [slots.try_acquire(), slots.try_acquire()]
    run = OverlappingRun(1)
    started = time.monotonic()
    outcome = run_gpu_smoke_job(smoke_job("a", {"torch": "2.11.0"}), redis=None,
                                facts=TWO_GPUS, config=config, run=run)  # fmt: skip
    assert run.envs == [] and outcome.conclusion == "timed_out"
    assert "no GPU of this runner became free" in outcome.markdown
    assert time.monotonic() - started < 5
    assert all(h is not None for h in held)
    for h in held:
        assert h is not None
        h.release()


def test_without_gpu_facts_nothing_is_pinned(tmp_path: Path) -> None:
    run = OverlappingRun(1)
    starts: list[str] = []
    run_gpu_smoke_job(smoke_job("a", {"torch": "2.11.0"}), redis=None, facts=None,
        config=_config(tmp_path), run=run, on_start=lambda: starts.append("x"),
    )  # fmt: skip
    assert run.envs == [{}] and starts == ["x"]


def test_the_start_notice_is_sent_once_the_gpu_is_held_and_may_fail(tmp_path: Path) -> None:
    config = _config(tmp_path)
    seen: list[bool] = []

    def notice() -> None:
        probe = GpuSlots(config.gpu_slots_dir, [0]).try_acquire()
        seen.append(probe is None)  # slot 0 is held by the job when the notice goes out
        raise ConnectionError("broker down")

    outcome = run_gpu_smoke_job(smoke_job("a", {"torch": "2.11.0"}), redis=None,
                                facts=facts_for_slot(TWO_GPUS, 0), config=config,
                                run=OverlappingRun(1), on_start=notice)  # fmt: skip
    assert seen == [True] and outcome.conclusion == "success"
