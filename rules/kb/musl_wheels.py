"""PyPI projects that publish neither a musllinux wheel nor an sdist (pure).

On Alpine Linux (musl libc: the ``alpine`` images and the official ``python:*-alpine`` ones)
pip accepts only ``musllinux`` wheels, pure wheels and sdists; a project with none of them has
no distribution there, and ``pip install`` stops with "No matching distribution found"
(McCloudS/subgen e0214ba moved its CPU image to ``python:3.11-alpine`` with faster-whisper,
whose ctranslate2 and onnxruntime have neither, and reverted it four minutes later in c715f81).

Read from the index's JSON file lists on 2026-12-06: no release of these projects has a
musllinux wheel or an sdist (torchvision's only sdist is 0.1.6, of 2016; it is ignored).
"""

from __future__ import annotations

from packaging.utils import canonicalize_name

#: The projects (canonical names).
NO_MUSL: frozenset[str] = frozenset(
    {
        "torch",
        "torchvision",
        "torchaudio",
        "onnxruntime",
        "onnxruntime-gpu",
        "ctranslate2",
        "tensorflow",
        "tensorflow-cpu",
        "tensorflow-text",
        "tensorflow-io-gcs-filesystem",
        "jaxlib",
        "triton",
        "ray",
        "mediapipe",
        "paddlepaddle",
        "open3d",
        "tflite-runtime",
        "decord",
        "dgl",
    }
)

READ_ON = "2026-12-06"


def has_no_musl_distribution(name: str) -> bool:
    """Whether PyPI's `name` has no distribution pip can install on musl libc."""
    return str(canonicalize_name(name)) in NO_MUSL
