"""conda-forge jaxlib build strings: which CUDA (or the CPU) a build or a build pattern names.

The jaxlib feedstock names its builds ``cuda<X><Y>py<PY>h<hash>_<n>`` (recipe/meta.yaml, jaxlib
0.3.7 to 0.7.2), ``cuda<X><Y>_py<PY>h<hash>_<n>`` (recipe/recipe.yaml, from 2025-10-30) and
``cpu_py<PY>h<hash>_<n>``: ``cuda120py311h5a49573_202`` is CUDA 12.0, ``cuda129_py311h…_200``
CUDA 12.9 (KB jax.json ``conda_forge``). A match spec's build may be a glob: ``cuda112*`` names
CUDA 11.2, ``cuda12*`` only the CUDA 12 line, ``*cuda*`` some CUDA build, ``cpu*`` the CPU build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CUDA = re.compile(r"cuda(\d+)(\*|_?py|$)")


@dataclass(frozen=True, slots=True)
class CondaJaxlibBuild:
    """What a jaxlib build string says: CPU, or CUDA (`cuda` X.Y, or `major` alone)."""

    text: str
    cpu: bool
    major: int | None = None
    cuda: str | None = None

    @property
    def label(self) -> str:
        """``CUDA 12.0``, ``CUDA 12``, ``a CUDA build`` or ``the CPU build``."""
        if self.cpu:
            return "the CPU build"
        if self.cuda is not None:
            return f"CUDA {self.cuda}"
        return f"CUDA {self.major}" if self.major is not None else "a CUDA build"


def jaxlib_build(build: str | None) -> CondaJaxlibBuild | None:
    """Read a jaxlib build string or build glob; None when it names neither CUDA nor CPU."""
    if not build:
        return None
    text = build.strip().lower()
    match = _CUDA.search(text)
    if match is not None:
        digits = match.group(1)
        if len(digits) == 3:
            return CondaJaxlibBuild(build, False, int(digits[:2]), f"{digits[:2]}.{digits[2]}")
        if len(digits) == 2 and match.group(2) == "*":
            return CondaJaxlibBuild(build, False, int(digits))
        return None
    if "cuda" in text:
        return CondaJaxlibBuild(build, False)
    if text.lstrip("*").startswith("cpu"):
        return CondaJaxlibBuild(build, True)
    return None
