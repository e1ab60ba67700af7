"""The cuDNN release behind nvidia/cuda cudnn image tags (cuda_image_cudnn.json)."""

from __future__ import annotations

import pytest

from rules.kb.image_cudnn import image_cudnn

# (image, cuDNN its definition installs, or None when not recorded / not such an image)
ROWS: list[tuple[str, str | None]] = [
    ("nvidia/cuda:11.1.1-cudnn8-runtime-ubuntu18.04", "8.0.5.39"),
    ("nvidia/cuda:11.2.2-cudnn8-devel-ubuntu20.04", "8.1.1.33"),
    ("docker.io/nvidia/cuda:11.3.1-cudnn8-runtime-ubuntu20.04", "8.2.0.53"),
    ("nvidia/cuda:10.2-cudnn7-runtime-ubuntu18.04", "7.6.5.32"),
    ("nvidia/cuda:12.2.2-cudnn8-runtime-ubuntu22.04", None),  # newer than the copy read
    ("nvidia/cuda:11.1.1-runtime-ubuntu18.04", None),  # no cuDNN in the image
    ("someone/cuda:11.1.1-cudnn8-runtime", None),
]


@pytest.mark.parametrize(("image", "cudnn"), ROWS)
def test_image_cudnn(image: str, cudnn: str | None) -> None:
    found = image_cudnn(image)
    assert (found.cudnn if found else None) == cudnn
    if found is not None:
        assert "Dockerfile" in found.describe()
