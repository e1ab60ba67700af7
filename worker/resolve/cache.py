"""A resolution cache over any Redis-like store, keyed by everything a resolution depends on."""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any, Protocol

from worker.resolve.model import Resolution

logger = logging.getLogger(__name__)

KEY_PREFIX = "depreview:resolve:"


class KeyValueStore(Protocol):
    """The part of `redis.Redis` the cache uses (tests pass a dict-backed fake)."""

    def get(self, name: str) -> Any:
        """The stored value (bytes or str), or None."""
        ...

    def set(self, name: str, value: str, ex: int | None = None) -> Any:
        """Store `value` for `ex` seconds."""
        ...


def cache_key(payload: Any) -> str:
    """The key of a resolution: sha256 of the canonical JSON of its inputs."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return KEY_PREFIX + hashlib.sha256(text.encode()).hexdigest()


class ResolutionCache:
    """Stores resolutions as JSON with a TTL; a failing store never fails a review."""

    def __init__(self, store: KeyValueStore, ttl_s: int = 7 * 24 * 3600) -> None:
        self.store = store
        self.ttl_s = ttl_s
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Resolution | None:
        """The cached resolution under `key`, or None."""
        try:
            raw = self.store.get(key)
        except Exception:  # a cache outage only costs time
            logger.warning("resolution cache read failed", exc_info=True)
            raw = None
        if raw is None:
            self.misses += 1
            return None
        try:
            resolution = Resolution.from_json(json.loads(raw))
        except (ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return resolution

    def put(self, key: str, resolution: Resolution) -> None:
        """Store `resolution` under `key`."""
        try:
            self.store.set(key, json.dumps(resolution.to_json(), sort_keys=True), ex=self.ttl_s)
        except Exception:
            logger.warning("resolution cache write failed", exc_info=True)
