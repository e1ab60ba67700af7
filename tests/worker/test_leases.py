"""Leases and the sweeper on a real Redis: a dead task is sent again once, by one sweeper."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from redis import Redis

from worker.coordination import LockBusyError, RedisCoordinator
from worker.leases import (
    LEASES,
    LeasedTask,
    job_lease,
    lease_key,
    resend_lost,
    sweep,
    sweep_once_per_fleet,
)

KWARGS = {"installation_id": 1, "repo_full_name": "o/r", "pr_number": 7, "head_sha": "h" * 40,
          "delivery_id": "d"}  # fmt: skip


@pytest.fixture
def store(redis_url: str) -> Redis:
    return Redis.from_url(redis_url)


def _sweep(store: Redis, max_recoveries: int = 2) -> tuple[list[str], list[tuple[str, int]]]:
    sent: list[str] = []
    failed: list[tuple[str, int]] = []
    sweep(
        store,
        resend=lambda t: sent.append(t.task_id),
        give_up=lambda t, n: failed.append((t.task_id, n)),
        max_recoveries=max_recoveries,
    )
    return sent, failed


def test_a_live_lease_survives_its_ttl_and_is_gone_after(store: Redis) -> None:
    with job_lease(store, "t1", "worker.review_pull_request", KWARGS, ttl_s=1):
        time.sleep(2.2)  # the heartbeat renews it
        assert store.exists(lease_key("t1"))
        assert _sweep(store) == ([], [])
    assert not store.exists(lease_key("t1")) and not store.hexists(LEASES, "t1")


def _dead(store: Redis, task_id: str) -> None:
    """What a SIGKILLed worker leaves: the entry, and a key that expires."""
    record = json.dumps({"name": "worker.review_pull_request", "kwargs": KWARGS})
    store.hset(LEASES, task_id, record)


def test_a_dead_task_is_sent_again_by_exactly_one_sweeper(store: Redis) -> None:
    _dead(store, "t2")
    other = Redis(connection_pool=store.connection_pool)
    first, second = _sweep(store), _sweep(other)
    assert first == (["t2"], [])
    assert second == ([], [])


def test_a_task_that_keeps_killing_workers_is_failed(store: Redis) -> None:
    outcomes = []
    for n in range(3):
        _dead(store, f"t-{n}")  # the same job under a new task id each time
        outcomes.append(_sweep(store, max_recoveries=2))
    assert outcomes == [(["t-0"], []), (["t-1"], []), ([], [("t-2", 3)])]


def test_a_redis_restart_is_healed_by_the_next_heartbeat(store: Redis) -> None:
    with job_lease(store, "t3", "worker.review_pull_request", KWARGS, ttl_s=3):
        store.flushall()  # what a restart without persistence leaves
        time.sleep(1.3)
        assert store.exists(lease_key("t3")) and store.hexists(LEASES, "t3")


def test_one_sweeper_of_the_fleet_per_interval(store: Redis) -> None:
    runs: list[int] = []
    hosts = [Redis(connection_pool=store.connection_pool) for _ in range(3)]
    done = [sweep_once_per_fleet(h, 5.0, lambda: runs.append(1)) for h in hosts]
    assert done == [True, False, False] and runs == [1]


def test_the_pr_lock_is_renewed_while_held_and_freed_when_its_holder_dies(store: Redis) -> None:
    coord = RedisCoordinator(store)
    with coord.lock("depreview:lock:o/r#7", timeout_s=1, wait_s=0):
        time.sleep(2.2)
        with (
            pytest.raises(LockBusyError),
            coord.lock("depreview:lock:o/r#7", timeout_s=1, wait_s=0),
        ):
            pass
    # a holder that died: the lock was taken and never renewed
    store.set("depreview:lock:o/r#8", "dead-token", px=1000)
    with pytest.raises(LockBusyError), coord.lock("depreview:lock:o/r#8", timeout_s=1, wait_s=0):
        pass
    time.sleep(1.1)
    with coord.lock("depreview:lock:o/r#8", timeout_s=1, wait_s=0):
        pass


def test_recovery_counts_are_per_job_not_per_task_id() -> None:
    a = LeasedTask("x", "worker.review_pull_request", dict(KWARGS))
    b = LeasedTask("y", "worker.review_pull_request", dict(KWARGS))
    c = LeasedTask("x", "worker.review_pull_request", {**KWARGS, "head_sha": "n" * 40})
    assert a.recovery_key() == b.recovery_key() != c.recovery_key()


def test_the_sweeper_sends_only_review_tasks(store: Redis) -> None:
    sent: list[tuple[str, Any]] = []
    _dead(store, "t4")
    store.hset(LEASES, "t5", '{"name": "os.system", "kwargs": {"command": "x"}}')
    resend_lost(store, lambda name, kwargs: sent.append((name, kwargs)), max_recoveries=2)
    assert sent == [("worker.review_pull_request", KWARGS)]
