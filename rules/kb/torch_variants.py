"""The +label builds each torch 1.x release was published with on the PyTorch wheel index.

Data: rules/kb/data/torch_legacy_variants.json (pytorch.github.io's previous-versions guide and
pip's listings of the index; provenance in the file). torch.json lists variants per minor from
1.12 on; for older releases this is the only list. Pure: reads the packaged file, nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from packaging.version import InvalidVersion, Version

DATA_FILE = "torch_legacy_variants.json"


@dataclass(frozen=True, slots=True)
class LegacyBuilds:
    """One torch release: its CUDA/CPU labels (``cu101``, ``cpu``), ROCm labels, and source."""

    torch: Version
    variants: tuple[str, ...]
    rocm: tuple[str, ...]
    source: str

    def describe(self) -> str:
        """`torch 1.8.0 builds: cpu, cu101, cu111 (torch_legacy_variants.json: listing)`."""
        return f"torch {self.torch} builds: {', '.join(self.variants)} ({DATA_FILE}: {self.source})"


def from_raw(data: Mapping[str, Any]) -> dict[Version, LegacyBuilds]:
    """The rows of a parsed data file, keyed by release."""
    found: dict[Version, LegacyBuilds] = {}
    for row in data["releases"]:
        try:
            version = Version(str(row["torch"]))
        except InvalidVersion:
            continue
        found[version] = LegacyBuilds(
            version,
            tuple(str(v).lower() for v in row["variants"]),
            tuple(str(v).lower() for v in row.get("rocm", ())),
            str(row.get("source", "")),
        )
    return found


@cache
def _table() -> dict[Version, LegacyBuilds]:
    text = (resources.files("rules.kb") / "data" / DATA_FILE).read_text(encoding="utf-8")
    return from_raw(json.loads(text))


def legacy_builds(version: Version) -> LegacyBuilds | None:
    """The published +label builds of torch `version` (local label ignored), when recorded."""
    return _table().get(Version(version.public))
