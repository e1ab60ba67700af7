"""The CUDA major an ``nvidia-*`` runtime wheel (or ``cuda-toolkit``) belongs to.

Data: rules/kb/data/nvidia_wheels.json, built by rules/kb/build_wheels.py from the package
index's listings of NVIDIA's wheels (scripts/wheels_from_index.py). A ``-cuNN`` suffix names the
CUDA major (``nvidia-cudnn-cu12`` 9.x is cuDNN 9 for CUDA 12); names without one
(``nvidia-cuda-runtime``, ``nvidia-cublas``, ``cuda-toolkit``: CUDA 13 onward) carry it as the
version's major. ``0.x`` versions of suffixed names are placeholders that point elsewhere (e.g.
``nvidia-cuda-runtime-cu13`` 0.0.1) and imply no CUDA. Pure: reads the packaged data file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.kb.build_wheels import NVIDIA_DATA
from rules.kb.cudaver import name_cuda_major


@dataclass(frozen=True, slots=True)
class NvidiaWheel:
    """One NVIDIA wheel name as the index lists it."""

    package: str
    cuda_major: int | None
    cuda_major_from: str
    versions: tuple[str, ...]
    placeholder_versions: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class CudaMajor:
    """The CUDA major of a wheel (and version) and how it was told."""

    major: int
    reason: str


def nvidia_wheel(package: str) -> NvidiaWheel | None:
    """What the index listing says of one NVIDIA wheel name, when it was read."""
    return load_nvidia().get(str(canonicalize_name(package)))


def cuda_major(package: str, version: str | Version | None = None) -> CudaMajor | None:
    """The CUDA major `package` (at `version`, when given) is built for; None when not told.

    ``nvidia-*-cuNN`` names (listed or not) give NN unless `version` is a 0.x placeholder;
    unsuffixed ``nvidia-*`` names and ``cuda-toolkit`` need a version (its major, 11 or more).
    """
    name = str(canonicalize_name(package))
    parsed = _version(version)
    row = load_nvidia().get(name)
    where = row.source if row else "the wheel name"
    suffix = name_cuda_major(name) if name.startswith("nvidia-") else None
    if suffix is not None:
        if parsed is not None and parsed.major == 0:
            return None
        return CudaMajor(suffix, f"{name}: the -cu{suffix} suffix ({where})")
    unsuffixed = name == "cuda-toolkit" or (
        row is not None and row.cuda_major_from == "version major"
    )
    if unsuffixed and parsed is not None and parsed.major >= 11:
        return CudaMajor(parsed.major, f"{name} {parsed}: the version's major ({where})")
    return None


def from_raw(data: Mapping[str, Any]) -> dict[str, NvidiaWheel]:
    """The rows of a parsed nvidia_wheels.json, by name."""
    read_by = data["provenance"]["source"][0].get("read_by", "the package index")
    out = {}
    for name, row in data["packages"].items():
        if row.get("absent"):
            continue
        out[str(canonicalize_name(name))] = NvidiaWheel(
            package=name,
            cuda_major=row["cuda_major"],
            cuda_major_from=row["cuda_major_from"],
            versions=tuple(row["versions"]),
            placeholder_versions=tuple(row["placeholder_versions"]),
            source=f"package index listing of {name} read on {row['read_on']} ({read_by})",
        )
    return out


@cache
def load_nvidia() -> Mapping[str, NvidiaWheel]:
    """The packaged rows, read once per process."""
    folder = resources.files("rules.kb") / "data"
    return from_raw(json.loads((folder / NVIDIA_DATA).read_text(encoding="utf-8")))


def _version(value: str | Version | None) -> Version | None:
    if value is None or isinstance(value, Version):
        return value
    try:
        return Version(value.strip())
    except InvalidVersion:
        return None
