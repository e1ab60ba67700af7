"""The ML compatibility knowledge base: sourced facts about torch, CUDA, drivers, TF, JAX, NumPy."""

from __future__ import annotations

from rules.kb.knowledge import (
    ArchList,
    DriverFloor,
    KnowledgeBase,
    TorchFamily,
    TorchRelease,
    load_kb,
)

__all__ = [
    "ArchList",
    "DriverFloor",
    "KnowledgeBase",
    "TorchFamily",
    "TorchRelease",
    "load_kb",
]
