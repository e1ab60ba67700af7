"""TensorFlow releases as their wheels state them: Python, numpy, ``[and-cuda]`` pins, GPU, and
every install requirement (``Requires-Dist`` without an extra: tensorboard, tensorflow-estimator…).

Data: rules/kb/data/tensorflow_wheels.json, built by rules/kb/build_wheels.py from the package
index (scripts/wheels_from_index.py: the listing of tensorflow and tensorflow-gpu from 1.0.0
on, of tensorflow-cpu from 1.15.0 on, and the METADATA of one Linux x86_64 wheel per release).
The CUDA / cuDNN a release was built with stays in tensorflow.json
(`KnowledgeBase.tensorflow_release`). Pure: reads the packaged data file, nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.kb.build_wheels import TENSORFLOW_DATA
from rules.kb.pyspec import expand, linux_x86_64_env, minor_of


@dataclass(frozen=True, slots=True)
class TensorflowWheel:
    """One release of tensorflow / tensorflow-gpu / tensorflow-cpu."""

    package: str
    version: Version
    pythons: frozenset[str]
    requires_python: str | None
    #: The ``Requires-Dist: numpy…`` lines (markers kept; extras left out).
    numpy: tuple[str, ...]
    #: The ``[and-cuda]`` extra's lines (``nvidia-cudnn-cu12==8.9.4.25; extra == "and-cuda"``).
    and_cuda: tuple[str, ...]
    and_cuda_cuda_major: int | None
    #: Whether this package's Linux wheel runs on a GPU (tensorflow before 2.1.0: no).
    gpu: bool | None
    source: str
    #: CUDA / cuDNN a tensorflow-gpu release before 2.1 was built and tested with (the plain
    #: package's builds are `KnowledgeBase.tensorflow_release`), with the table row it rests on.
    tested_cuda: str | None = None
    tested_cudnn: str | None = None
    tested_source: str | None = None
    #: Every file of the release is yanked: only an exact pin (``==``) still installs it.
    yanked: bool = False
    #: Every ``Requires-Dist`` line without an extra (markers kept); None when the reading
    #: kept only some lines (the numpy / nvidia-* / keras / protobuf ones).
    requires: tuple[str, ...] | None = None

    @property
    def has_and_cuda(self) -> bool:
        """Whether ``tensorflow[and-cuda]`` installs NVIDIA's CUDA wheels for this release."""
        return bool(self.and_cuda)

    def and_cuda_pins(self) -> dict[str, str]:
        """The ``[and-cuda]`` requirements by name: ``{"nvidia-cudnn-cu12": "==8.9.4.25"}``."""
        out = {}
        for line in self.and_cuda:
            req = Requirement(line)
            out[str(canonicalize_name(req.name))] = str(req.specifier)
        return out

    def install_requirements(self, python: str | None = None) -> tuple[Requirement, ...]:
        """The install requirements that apply on Linux x86_64 with `python` ("3.8"); with no
        Python, those whose marker holds on every Python (no marker, or none on the Python)."""
        if self.requires is None:
            return ()
        env, minor = _linux_markers(python)
        found = []
        for line in self.requires:
            req = Requirement(line)
            # without a Python, a line whose marker names the Python may or may not apply
            unknown = minor is None and req.marker is not None and "python" in str(req.marker)
            if req.marker is None or (not unknown and req.marker.evaluate(env)):
                found.append(req)
        return tuple(found)

    def numpy_requirement(self, python: str | None = None) -> str | None:
        """The numpy specifier that applies on Linux x86_64 with `python` ("3.11"; None: the
        one line without a Python marker, or the only line), None when none applies."""
        env, minor = _linux_markers(python)
        found = []
        for line in self.numpy:
            req = Requirement(line)
            if req.marker is None or (minor is not None and req.marker.evaluate(env)):
                found.append(str(req.specifier))
        if minor is None and not found and len(self.numpy) == 1:
            found = [str(Requirement(self.numpy[0]).specifier)]
        return found[0] if len(found) == 1 else None


def _linux_markers(python: str | None) -> tuple[dict[str, str], str | None]:
    """Marker values on Linux x86_64 with `python`'s minor ("3.8") when given, and that minor."""
    minor = minor_of(python) if python else None
    return linux_x86_64_env(minor.rstrip("t") if minor else None), minor


def tensorflow_wheel(package: str, version: str | Version) -> TensorflowWheel | None:
    """The release `package==version` (tensorflow, tensorflow-gpu, tensorflow-cpu), if recorded."""
    rows = load_tensorflow_wheels().get(str(canonicalize_name(package)), ())
    try:
        public = Version(Version(str(version)).public)
    except InvalidVersion:
        return None
    return next((r for r in rows if r.version == public), None)


def from_raw(data: Mapping[str, Any]) -> dict[str, tuple[TensorflowWheel, ...]]:
    """The rows of a parsed tensorflow_wheels.json, by package."""
    out = {}
    for name, rows in data["packages"].items():
        out[str(canonicalize_name(name))] = tuple(
            TensorflowWheel(
                package=name,
                version=Version(row["version"]),
                pythons=expand(row["cpython_minors"]),
                requires_python=row["requires_python"],
                numpy=tuple(row["numpy"]),
                and_cuda=tuple(row["and_cuda"]),
                and_cuda_cuda_major=row["and_cuda_cuda_major"],
                gpu=row["gpu"],
                source=row["source"],
                tested_cuda=row["tested_cuda"],
                tested_cudnn=row["tested_cudnn"],
                tested_source=row["tested_source"],
                yanked=row["yanked"],
                requires=tuple(row["requires"]) if row.get("requires") is not None else None,
            )
            for row in rows
        )
    return out


@cache
def load_tensorflow_wheels() -> Mapping[str, tuple[TensorflowWheel, ...]]:
    """The packaged rows, read once per process."""
    folder = resources.files("rules.kb") / "data"
    return from_raw(json.loads((folder / TENSORFLOW_DATA).read_text(encoding="utf-8")))
