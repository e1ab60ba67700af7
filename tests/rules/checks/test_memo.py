"""PerSnapshotEnv: one answer per (live snapshot, environment), dropped with the snapshot."""

from __future__ import annotations

import gc

from rules.checks.support.memo import PerSnapshotEnv
from rules.manifests.model import Snapshot


def test_computes_once_per_snapshot_and_env() -> None:
    memo: PerSnapshotEnv[str | None] = PerSnapshotEnv()
    calls: list[str] = []

    def compute(env: str) -> str | None:
        calls.append(env)
        return None if env == "b" else env.upper()

    snap = Snapshot()
    assert memo.get(snap, "a", lambda: compute("a")) == "A"
    assert memo.get(snap, "a", lambda: compute("a")) == "A"
    assert memo.get(snap, "b", lambda: compute("b")) is None
    assert memo.get(snap, "b", lambda: compute("b")) is None  # a None answer is kept too
    assert calls == ["a", "b"]
    other = Snapshot(ref="other")
    assert memo.get(other, "a", lambda: compute("a")) == "A"
    assert calls == ["a", "b", "a"]


def test_answers_go_with_the_snapshot() -> None:
    memo: PerSnapshotEnv[int] = PerSnapshotEnv()
    snap = Snapshot()
    memo.get(snap, "a", lambda: 1)
    assert len(memo._by_snapshot) == 1
    del snap
    gc.collect()
    assert memo._by_snapshot == {}
