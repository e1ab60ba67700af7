"""Pace an installation's mutative GitHub requests: at least 1 s apart, at most 80 a minute.

GitHub's "Best practices for using the REST API": "pause at least 1 second between mutative
requests" and "no more than 80 content-generating requests per minute". Workers on several
hosts share one installation's budget, so the schedule lives in Redis: one sorted set per
installation holds the reserved send times of the last minute, and one Lua script (atomic
on the server) hands out the next free time. `MemoryPacer` is the same rule in one process.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any, Protocol

logger = logging.getLogger(__name__)

WINDOW_S = 60.0

_RESERVE = """
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local cap = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 60)
local slot = now
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then slot = math.max(slot, tonumber(last[2]) + interval) end
local held = redis.call('ZCOUNT', KEYS[1], slot - 60, '+inf')
if held >= cap then
  local oldest = redis.call('ZRANGE', KEYS[1], -cap, -cap, 'WITHSCORES')
  slot = math.max(slot, tonumber(oldest[2]) + 60)
end
redis.call('ZADD', KEYS[1], slot, ARGV[4])
redis.call('EXPIRE', KEYS[1], 180)
return tostring(slot - now)
"""


class Pacer(Protocol):
    """Reserves the next send time of one installation's mutative request."""

    def reserve(self) -> float:
        """Seconds to wait before sending (0: send now); the slot is taken."""
        ...


class ScriptStore(Protocol):
    """The Redis command the pacer uses."""

    def eval(self, script: str, numkeys: int, *keys_and_args: Any) -> Any:
        """EVAL."""
        ...


def pace_key(installation_id: int) -> str:
    """The sorted set of one installation's reserved write times."""
    return f"depreview:pace:{installation_id}"


class RedisPacer:
    """`Pacer` shared by every process on one Redis (clocks: the hosts', kept by NTP)."""

    def __init__(
        self,
        store: ScriptStore,
        installation_id: int,
        *,
        interval_s: float = 1.0,
        per_minute: int = 80,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._key = pace_key(installation_id)
        self._interval = interval_s
        self._cap = per_minute
        self._clock = clock

    def reserve(self) -> float:
        """Take the next free slot in Redis; without Redis, wait one interval (fail open)."""
        member = uuid.uuid4().hex
        now = self._clock()
        try:
            wait = self._store.eval(_RESERVE, 1, self._key, now, self._interval, self._cap, member)
        except Exception:  # a Redis outage slows writes down, never fails them
            logger.warning("write pacer unavailable; pausing one interval", exc_info=True)
            return self._interval
        text = wait.decode() if isinstance(wait, bytes) else str(wait)
        return max(0.0, float(text))


class MemoryPacer:
    """`Pacer` of one process (the CLI, tests): the same rule without Redis."""

    def __init__(
        self,
        *,
        interval_s: float = 1.0,
        per_minute: int = 80,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._interval = interval_s
        self._cap = per_minute
        self._clock = clock
        self._slots: list[float] = []
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Take the next free slot."""
        with self._lock:
            now = self._clock()
            self._slots = [s for s in self._slots if s > now - WINDOW_S]
            slot = now
            if self._slots:
                slot = max(slot, self._slots[-1] + self._interval)
            recent = [s for s in self._slots if s >= slot - WINDOW_S]
            if len(recent) >= self._cap:
                slot = max(slot, recent[-self._cap] + WINDOW_S)
            self._slots.append(slot)
            return slot - now
