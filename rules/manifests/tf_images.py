"""The official TensorFlow images on Docker Hub (`tensorflow/tensorflow`): what each tag holds.

Tags: ``X.Y.Z`` (CPU), ``X.Y.Z-gpu``, ``X.Y.Z-jupyter``, ``X.Y.Z-gpu-jupyter`` and the moving
``latest`` / ``latest-gpu`` / ``latest-jupyter`` / ``latest-gpu-jupyter``. A versioned tag has
TensorFlow X.Y.Z installed; its GPU tags carry the CUDA and cuDNN that release was built with
(the KB's tested-build table, tensorflow.json). A moving tag resolves when the image is pulled:
a fresh build on the review date gets the newest release the KB knows.

The image's Python, only where a source says it:
- TF 2.10: Python 3.8 on Ubuntu 20.04 — https://github.com/tensorflow/tensorflow/issues/58556
  (`tensorflow:2.10.0`: ``python3 -V`` -> ``Python 3.8.10``, ``/etc/issue`` Ubuntu 20.04.5).
- the ``latest`` images: Python 3.11 (Ubuntu 22.04's python3.11 package) —
  https://github.com/tensorflow/tensorflow/issues/82529 (TF 2.18, 2024-12: ``docker run -it
  tensorflow/tensorflow python`` -> ``Python 3.11.0rc1``; open, the image has not moved since).
Other versioned tags leave the Python unknown (images were rebuilt on newer Ubuntu releases
over time: Docker Hub's page says those built after Sept 2021 are based on Ubuntu 20.04).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The Python of a versioned image, by TensorFlow minor (sources in the module docstring).
TF_IMAGE_PYTHON: dict[str, str] = {"2.10": "3.8"}
#: The Python of the moving `latest*` images (tensorflow/tensorflow issue 82529).
TF_LATEST_PYTHON = "3.11"
#: Why a moving tag is read as the newest release (said in the image's description).
MOVING_TAG_NOTE = (
    "a moving tag: a fresh build pulls the newest image, read as the KB's newest release"
)

_TF_TAG = re.compile(
    r"^(?P<version>\d+\.\d+\.\d+|latest)(?P<gpu>-gpu)?(?P<jupyter>-jupyter)?$"
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TfTag:
    """A decoded tensorflow/tensorflow tag; `version` is None for a moving `latest*` tag."""

    version: str | None
    gpu: bool
    python: str | None


def tf_tag(tag: str | None) -> TfTag | None:
    """`2.11.1-gpu`, `latest-gpu-jupyter`, `2.8.0`...; None for other tags (nightly, -py3)."""
    match = _TF_TAG.match(tag or "latest")
    if match is None:
        return None
    version = None if match["version"] == "latest" else match["version"]
    if version is None:
        python: str | None = TF_LATEST_PYTHON
    else:
        python = TF_IMAGE_PYTHON.get(".".join(version.split(".")[:2]))
    return TfTag(version, match["gpu"] is not None, python)
