"""PyPI projects that publish no distribution for Linux at all (pure).

Apple's TensorFlow and JAX plugins and MLX's Metal library publish macOS wheels only: no Linux
wheel, no pure wheel, no sdist. pip on any Linux (a Docker image, a GitHub Actions Ubuntu
runner) finds nothing it may install and stops with "No matching distribution found for
tensorflow-macos" (romilbert/samformer #2: an unmarked ``tensorflow-macos==2.13.0`` in
requirements.txt, fixed in a2bebf0 with ``sys_platform == "darwin"`` markers).

Read from the index's JSON file lists on 2026-12-06: no release of these projects has a file
for Linux or a platform-independent one (mlx itself is not here: it has Linux wheels, the
first from 0.2.0).
"""

from __future__ import annotations

from packaging.utils import canonicalize_name

#: The projects (canonical names), each with the releases read (for the evidence).
NO_LINUX: dict[str, str] = {
    "tensorflow-macos": "105 files, 2.5.0 to 2.16.2: macOS wheels only",
    "tensorflow-metal": "75 files, 0.1.0 to 1.2.0: macOS wheels only",
    "jax-metal": "16 files, 0.0.2 to 0.1.1: macOS wheels only",
    "mlx-metal": "65 files, 0.26.5 to 0.32.4: macOS wheels only",
}

READ_ON = "2026-12-06"


def no_linux_distribution(name: str) -> str | None:
    """What the index has of `name` when it has no distribution pip can install on Linux."""
    return NO_LINUX.get(str(canonicalize_name(name)))
