"""Answers computed once per live snapshot and environment.

Rules ask the same question about one environment many times in a review (once per
framework requirement, say), and some answers scan the whole snapshot. A snapshot is
immutable, so an answer depends only on the snapshot and the environment's name. Answers
are keyed by the snapshot's identity and dropped when the snapshot is freed, so a
long-lived worker does not keep every review's answers.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Generic, TypeVar

from rules.manifests.model import Snapshot

T = TypeVar("T")


class PerSnapshotEnv(Generic[T]):
    """A memo of `compute()` results per (live snapshot, environment)."""

    def __init__(self) -> None:
        self._by_snapshot: dict[int, dict[str, T]] = {}

    def get(self, snapshot: Snapshot, env: str, compute: Callable[[], T]) -> T:
        """The answer for `env` of `snapshot`, computed on the first ask."""
        key = id(snapshot)
        memo = self._by_snapshot.get(key)
        if memo is None:
            memo = self._by_snapshot[key] = {}
            weakref.finalize(snapshot, self._by_snapshot.pop, key, None)
        if env not in memo:
            memo[env] = compute()
        return memo[env]
