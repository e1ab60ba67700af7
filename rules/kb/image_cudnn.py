"""The cuDNN release inside NVIDIA's ``nvidia/cuda:<cuda>-cudnn<N>-…`` images.

An image tag names only the cuDNN major (``cudnn8``); the definition behind the tag installs
one release (``ENV NV_CUDNN_VERSION 8.0.5.39``). Data: rules/kb/data/cuda_image_cudnn.json
(provenance in the file). Pure: reads the packaged file, nothing else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DATA_FILE = "cuda_image_cudnn.json"

_TAG = re.compile(r"(?:^|/)cuda:(\d+\.\d+(?:\.\d+)?)-(cudnn\d+)-")


@dataclass(frozen=True, slots=True)
class ImageCudnn:
    """The cuDNN of one CUDA tag and cuDNN flavour, and the definition it was read from."""

    cuda_tag: str
    cudnn_tag: str
    cudnn: str
    source: str

    def describe(self) -> str:
        """`nvidia/cuda:11.1.1-cudnn8 images install cuDNN 8.0.5.39 (cuda-master/dist/…)`."""
        return (
            f"nvidia/cuda:{self.cuda_tag}-{self.cudnn_tag} images install cuDNN {self.cudnn} "
            f"({DATA_FILE}: {self.source})"
        )


def from_raw(data: Mapping[str, Any]) -> dict[tuple[str, str], ImageCudnn]:
    """The rows of a parsed data file, keyed by (CUDA tag, cuDNN tag)."""
    return {
        (str(row["cuda_tag"]), str(row["cudnn_tag"])): ImageCudnn(
            str(row["cuda_tag"]), str(row["cudnn_tag"]), str(row["cudnn"]), str(row["read_from"])
        )
        for row in data["images"]
    }


@cache
def _table() -> dict[tuple[str, str], ImageCudnn]:
    text = (resources.files("rules.kb") / "data" / DATA_FILE).read_text(encoding="utf-8")
    return from_raw(json.loads(text))


def image_cudnn(image: str) -> ImageCudnn | None:
    """The cuDNN an ``nvidia/cuda:<cuda>-cudnn<N>-…`` image installs, when recorded."""
    match = _TAG.search(image)
    if match is None or "nvidia/cuda:" not in image:
        return None
    return _table().get((match.group(1), match.group(2)))
