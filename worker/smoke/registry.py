"""The runner registry in Redis: facts under a TTL key, refreshed by a heartbeat thread."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from worker.smoke.facts import FactsError, RunnerFacts

logger = logging.getLogger(__name__)

KEY_PREFIX = "depreview:runner:"
DEFAULT_TTL_S = 60
DEFAULT_INTERVAL_S = 20.0


class RedisClient(Protocol):
    """The part of `redis.Redis` the smoke code uses (a fake can stand in for tests)."""

    def set(self, name: str, value: str, ex: int | None = None) -> Any:
        """SET with an optional expiry in seconds."""
        ...

    def get(self, name: str) -> Any:
        """GET: bytes, str or None."""
        ...

    def delete(self, *names: str) -> Any:
        """DEL."""
        ...

    def scan_iter(self, match: str | None = None, count: int | None = None) -> Iterator[Any]:
        """SCAN over keys matching a glob."""
        ...

    def mget(self, keys: Iterable[str], *args: str) -> Any:
        """MGET: one value (or None) per key."""
        ...


def runner_key(name: str) -> str:
    """The registry key of runner `name`."""
    return f"{KEY_PREFIX}{name}"


def _decode(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def register(redis: RedisClient, facts: RunnerFacts, *, ttl_s: int = DEFAULT_TTL_S) -> None:
    """Write (or refresh) `facts` under the runner's key with a TTL."""
    redis.set(runner_key(facts.runner_name), json.dumps(facts.to_dict(), sort_keys=True), ex=ttl_s)


def deregister(redis: RedisClient, name: str) -> None:
    """Remove runner `name` from the registry at once."""
    redis.delete(runner_key(name))


def alive_runners(redis: RedisClient) -> list[RunnerFacts]:
    """Every runner whose key has not expired, sorted by name; malformed entries are skipped,
    and so is an entry that names another runner than its key (a runner's Redis user may
    write only its own entry: it cannot pass for another runner)."""
    keys = sorted({k for k in (_decode(k) for k in redis.scan_iter(match=f"{KEY_PREFIX}*")) if k})
    if not keys:
        return []
    runners: list[RunnerFacts] = []
    for key, value in zip(keys, redis.mget(keys), strict=True):
        text = _decode(value)
        if text is None:  # expired between SCAN and MGET
            continue
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise FactsError("not an object")
            facts = RunnerFacts.from_dict(data)
            if runner_key(facts.runner_name) != key:  # each runner's user writes only its own
                raise FactsError(f"the entry names another runner ({facts.runner_name!r})")
            runners.append(facts)
        except (ValueError, FactsError) as exc:
            logger.warning("skipping malformed runner entry", extra={"key": key, "error": str(exc)})
    return sorted(runners, key=lambda r: r.runner_name)


class Heartbeat:
    """Keeps a runner's registry entry alive from a daemon thread until `stop()`."""

    def __init__(
        self,
        redis: RedisClient,
        facts: RunnerFacts,
        *,
        ttl_s: int = DEFAULT_TTL_S,
        interval_s: float = DEFAULT_INTERVAL_S,
    ) -> None:
        if interval_s >= ttl_s:
            raise ValueError("the heartbeat interval must be shorter than the TTL")
        self._redis = redis
        self._facts = facts
        self._ttl_s = ttl_s
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.beats = 0

    def start(self) -> None:
        """Register now and keep refreshing in the background."""
        self._beat()
        self._thread = threading.Thread(
            target=self._run, name=f"depreview-heartbeat-{self._facts.runner_name}", daemon=True
        )
        self._thread.start()

    def _beat(self) -> None:
        register(self._redis, self._facts, ttl_s=self._ttl_s)
        self.beats += 1

    def _run(self) -> None:
        while not self._stop.wait(self._interval_s):
            try:
                self._beat()
            except Exception as exc:  # Redis down for a moment: try again next beat
                logger.warning("runner heartbeat failed", extra={"error": str(exc)})

    def stop(self, *, deregister_runner: bool = True) -> None:
        """Stop the thread and (by default) remove the entry at once."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self._interval_s + 5)
        if deregister_runner:
            try:
                deregister(self._redis, self._facts.runner_name)
            except Exception as exc:  # the TTL removes it anyway
                logger.warning("runner deregistration failed", extra={"error": str(exc)})
