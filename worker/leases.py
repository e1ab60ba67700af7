"""Leases: a running review keeps a short-lived key alive; a sweeper re-queues lost ones.

A worker killed mid-review (OOM kill, node drain, `kill -9`) acks nothing, and Redis hands
its message to another worker only after the visibility timeout (an hour), while the check
run stays `in_progress`. With a lease, every running review task holds

- `depreview:lease:<task id>`: a key with a short TTL (`DEPREVIEW_LEASE_TTL_S`, 30 s),
  refreshed by a heartbeat thread every third of it while the task runs, and
- an entry in the hash `depreview:leases` (task id → task name and kwargs).

Each worker process runs a sweeper thread (`start_sweeper`, every
`DEPREVIEW_LEASE_SWEEP_INTERVAL_S`); a Redis lock lets one sweeper of the whole fleet work at
a time, so any number of hosts can share one Redis. An entry whose key expired belonged
to a dead worker: the sweeper that removes it (HDEL is atomic: exactly one does) sends the
task again. The new run finds the `in_progress` check run by its external id and the App's
comment by its author, so it completes them instead of making new ones. A review whose
workers died `DEPREVIEW_LEASE_MAX_RECOVERIES` times (a crafted input that kills every worker)
is not sent again: its check run is completed as failure with Re-run.

Heartbeats also re-write the entry, so a Redis restart (which loses both) is healed
within one heartbeat.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any, Protocol

from core.contract import (
    FAIL_LOST_REVIEW,
    REVIEW_CHECK_SUITE,
    REVIEW_MERGE_GROUP,
    REVIEW_PULL_REQUEST,
)

logger = logging.getLogger(__name__)

LEASES = "depreview:leases"
SWEEPER_LOCK = "depreview:lease-sweeper"
RECOVERY_TTL_S = 24 * 3600


class LeaseStore(Protocol):
    """The Redis commands leases use."""

    def set(self, name: str, value: str, ex: int | None = None, px: int | None = None,
            nx: bool = False) -> Any:  # fmt: skip
        """SET."""
        ...

    def exists(self, *names: str) -> Any:
        """EXISTS."""
        ...

    def delete(self, *names: str) -> Any:
        """DEL."""
        ...

    def hset(self, name: str, key: str, value: str) -> Any:
        """HSET."""
        ...

    def hdel(self, name: str, *keys: str) -> Any:
        """HDEL."""
        ...

    def hgetall(self, name: str) -> Any:
        """HGETALL."""
        ...

    def incr(self, name: str) -> Any:
        """INCR."""
        ...

    def expire(self, name: str, time: int) -> Any:
        """EXPIRE."""
        ...


def lease_key(task_id: str) -> str:
    """The heartbeat key of one running task."""
    return f"depreview:lease:{task_id}"


@dataclass(frozen=True, slots=True)
class LeasedTask:
    """What the sweeper needs to send a task again."""

    task_id: str
    name: str
    kwargs: dict[str, Any]

    def recovery_key(self) -> str:
        """Counts the recoveries of this job (its name and arguments, not its task id)."""
        what = json.dumps([self.name, self.kwargs], sort_keys=True, default=str)
        return f"depreview:lease-recoveries:{hashlib.sha256(what.encode()).hexdigest()[:32]}"


@contextmanager
def keepalive(beat: Callable[[], None], interval_s: float, what: str) -> Iterator[None]:
    """Call `beat` every `interval_s` in a daemon thread while the block runs.

    A failing beat (Redis down) is logged and tried again at the next interval.
    """
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(interval_s):
            try:
                beat()
            except Exception:  # the job goes on; the next beat tries again
                logger.warning("heartbeat failed", extra={"what": what}, exc_info=True)

    thread = threading.Thread(target=run, name=f"heartbeat:{what}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=5)


@contextmanager
def job_lease(
    store: LeaseStore, task_id: str, name: str, kwargs: Mapping[str, Any], ttl_s: int
) -> Iterator[None]:
    """Hold a lease on a running task (see the module docstring)."""
    record = json.dumps({"name": name, "kwargs": dict(kwargs)}, default=str)
    key = lease_key(task_id)

    def beat() -> None:
        store.set(key, "1", ex=ttl_s)  # the key first: an entry without a key reads as dead
        store.hset(LEASES, task_id, record)

    beat()
    try:
        with keepalive(beat, ttl_s / 3, f"lease:{task_id}"):
            yield
    finally:
        with suppress(Exception):  # the entry first, then the key (see `beat`)
            store.hdel(LEASES, task_id)
            store.delete(key)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def expired(store: LeaseStore) -> list[LeasedTask]:
    """Tasks whose lease ran out, each claimed by this caller (removed from the hash)."""
    lost = []
    for raw_id, raw in dict(store.hgetall(LEASES)).items():
        task_id = _text(raw_id)
        if store.exists(lease_key(task_id)):
            continue
        if not int(store.hdel(LEASES, task_id)):
            continue  # another sweeper claimed it
        try:
            record = json.loads(_text(raw))
            lost.append(LeasedTask(task_id, str(record["name"]), dict(record["kwargs"])))
        except (ValueError, KeyError, TypeError):
            logger.error("unreadable lease entry dropped", extra={"task_id": task_id})
    return lost


def sweep(
    store: LeaseStore,
    *,
    resend: Callable[[LeasedTask], None],
    give_up: Callable[[LeasedTask, int], None],
    max_recoveries: int,
) -> list[LeasedTask]:
    """Send again every task whose worker died; give up on one that died too often."""
    lost = expired(store)
    for task in lost:
        count = int(store.incr(task.recovery_key()))
        store.expire(task.recovery_key(), RECOVERY_TTL_S)
        if count > max_recoveries:
            logger.error("review lost too often; failing it", extra={"task": task.name})
            give_up(task, count)
        else:
            logger.warning(
                "lease expired: task sent again",
                extra={"task": task.name, "task_id": task.task_id, "recovery": count},
            )
            resend(task)
    return lost


#: The tasks a sweeper may send again (a lease entry naming anything else is dropped).
LEASED_TASKS = frozenset({REVIEW_PULL_REQUEST, REVIEW_CHECK_SUITE, REVIEW_MERGE_GROUP})


def resend_lost(
    store: LeaseStore, send_task: Callable[..., object], *, max_recoveries: int
) -> list[LeasedTask]:
    """One sweep: send each lost review (`LEASED_TASKS` only) again through `send_task` (the
    Celery app's), or have its check run failed once it was lost too often."""

    def resend(task: LeasedTask) -> None:
        if task.name in LEASED_TASKS:
            send_task(task.name, kwargs=task.kwargs)

    def give_up(task: LeasedTask, count: int) -> None:
        if task.name in LEASED_TASKS:
            send_task(FAIL_LOST_REVIEW, kwargs={"job": task.kwargs, "recoveries": count})

    return sweep(store, resend=resend, give_up=give_up, max_recoveries=max_recoveries)


def sweep_once_per_fleet(store: LeaseStore, interval_s: float, run: Callable[[], object]) -> bool:
    """Run `run` unless another sweeper ran within the interval (any host); True when run."""
    if not store.set(SWEEPER_LOCK, "1", nx=True, px=max(1, int(interval_s * 900))):
        return False
    run()
    return True


def start_sweeper(
    store_factory: Callable[[], LeaseStore],
    interval_s: float,
    run: Callable[[LeaseStore], object],
) -> threading.Event:
    """Sweep every `interval_s` in a daemon thread of this process; set the event to stop."""
    stop = threading.Event()

    def loop() -> None:
        store = store_factory()
        while not stop.wait(interval_s):
            try:
                sweep_once_per_fleet(store, interval_s, lambda: run(store))
            except Exception:  # Redis down: try again next time
                logger.warning("lease sweep failed", exc_info=True)

    threading.Thread(target=loop, name="lease-sweeper", daemon=True).start()
    return stop
