"""One GPU per smoke job: a lock file per GPU index, held with `flock` for the job's length.

The worker processes of one runner host share a lock folder. A job takes the first free
index (`flock(LOCK_EX | LOCK_NB)` on `gpu-<index>.lock`) and keeps that file open until it
ends; the kernel drops the lock when the file is closed or the process dies, so a crashed
or killed job frees its slot without any clean-up. The probe then runs with
`CUDA_VISIBLE_DEVICES=<index>` and `CUDA_DEVICE_ORDER=PCI_BUS_ID`, so CUDA's device 0 is
the GPU NVML and nvidia-smi call `<index>`.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import IO

from worker.smoke.facts import RunnerFacts

_POLL_S = 0.25


@dataclass
class GpuSlot:
    """A held GPU index; `release()` (or leaving the `with` block) frees it."""

    index: int
    path: Path
    _file: IO[str] | None

    @property
    def held(self) -> bool:
        """Whether this slot is still held by this object."""
        return self._file is not None

    def env(self) -> dict[str, str]:
        """The variables that pin a process to this GPU (NVIDIA_VISIBLE_DEVICES is left alone)."""
        return {"CUDA_VISIBLE_DEVICES": str(self.index), "CUDA_DEVICE_ORDER": "PCI_BUS_ID"}

    def release(self) -> None:
        """Free the slot (idempotent)."""
        if self._file is not None:
            try:
                fcntl.flock(self._file, fcntl.LOCK_UN)
            finally:
                self._file.close()
                self._file = None

    def __enter__(self) -> GpuSlot:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def visible_indexes(value: str | None) -> set[int] | None:
    """The indexes an existing `CUDA_VISIBLE_DEVICES` allows (None: no numeric restriction)."""
    if value is None or not value.strip():
        return None
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not parts or not all(p.isdigit() for p in parts):
        return None  # UUIDs or MIG names: not mapped to indexes here
    return {int(p) for p in parts}


def slot_indexes(facts: RunnerFacts | None, environ: Mapping[str, str] | None = None) -> list[int]:
    """The GPU indexes jobs may take: the runner's GPUs, within a host-set CUDA_VISIBLE_DEVICES."""
    if facts is None:
        return []
    environ = os.environ if environ is None else environ
    allowed = visible_indexes(environ.get("CUDA_VISIBLE_DEVICES"))
    indexes = sorted({g.index for g in facts.gpus})
    return [i for i in indexes if allowed is None or i in allowed]


def facts_for_slot(facts: RunnerFacts, index: int) -> RunnerFacts:
    """`facts` with only the GPU of `index` (what a pinned job actually used)."""
    return replace(facts, gpus=tuple(g for g in facts.gpus if g.index == index))


class GpuSlots:
    """The GPU slots of one host: one lock file per index under `lock_dir`."""

    def __init__(self, lock_dir: Path, indexes: Iterable[int]) -> None:
        self.lock_dir = lock_dir
        self.indexes: Sequence[int] = sorted(set(indexes))

    def path(self, index: int) -> Path:
        """The lock file of GPU `index`."""
        return self.lock_dir / f"gpu-{index}.lock"

    def try_acquire(self) -> GpuSlot | None:
        """The first free slot, held; None when every slot is taken."""
        self.lock_dir.mkdir(parents=True, exist_ok=True)
        for index in self.indexes:
            path = self.path(index)
            handle = path.open("a+")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            except BaseException:
                handle.close()
                raise
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid={os.getpid()} since={time.time():.0f}\n")
            handle.flush()
            return GpuSlot(index, path, handle)
        return None

    def acquire(
        self,
        *,
        timeout_s: float,
        should_cancel: Callable[[], bool] | None = None,
        poll_s: float = _POLL_S,
    ) -> GpuSlot | None:
        """Wait up to `timeout_s` for a free slot; None on timeout, cancellation or no GPUs."""
        if not self.indexes:
            return None
        deadline = time.monotonic() + timeout_s
        while True:
            slot = self.try_acquire()
            if slot is not None:
                return slot
            if time.monotonic() >= deadline or (should_cancel is not None and should_cancel()):
                return None
            time.sleep(poll_s)
