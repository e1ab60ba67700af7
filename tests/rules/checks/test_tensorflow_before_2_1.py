"""tensorflow-gpu 1.15 / 2.0 against the image's CUDA (tested builds before the 2.1+ table).

TensorFlow's tested-build table lists tensorflow_gpu-1.15.0 and -2.0.0 with CUDA 10.0 /
cuDNN 7.4 (KB tensorflow_wheels.json ``tested_cuda``). The install lines are real
(``python3 -m pip install ... tensorflow-gpu==1.15.2`` from a setup script; OpenVisionCapsules'
``install_requires`` ``tensorflow-gpu==1.15.2``); the images are the ones such projects move
to. On a CUDA 11 image TensorFlow 1.15 finds no libcudart.so.10.0 and runs on the CPU.
"""

from __future__ import annotations

import pytest

from rules.checks.tensorflow_cuda import RULES
from rules.findings import Severity
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run


def _dockerfile(image: str, line: str) -> dict[str, str]:
    return {"Dockerfile": f"FROM {image}\nRUN python3 -m pip install {line}\n"}


@pytest.mark.parametrize(
    ("name", "files", "expected"),
    [
        (
            "tensorflow-gpu 1.15.2 on a CUDA 11.8 image",
            _dockerfile("nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu18.04", "tensorflow-gpu==1.15.2"),
            [("Dockerfile", Severity.ERROR)],
        ),
        (
            "tensorflow-gpu 2.0.0 on a CUDA 11.2 image",
            _dockerfile("nvidia/cuda:11.2.2-cudnn8-runtime-ubuntu20.04", "tensorflow-gpu==2.0.0"),
            [("Dockerfile", Severity.ERROR)],
        ),
        (
            "tensorflow-gpu 1.15.2 on its CUDA 10.0 image",
            _dockerfile("nvidia/cuda:10.0-cudnn7-runtime-ubuntu18.04", "tensorflow-gpu==1.15.2"),
            [],
        ),
        (
            "the plain tensorflow 1.15 wheel (no GPU build in the KB) is not judged",
            _dockerfile("nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu18.04", "tensorflow==1.15.0"),
            [],
        ),
    ],
)
def test_tensorflow_gpu_before_2_1(
    name: str, files: dict[str, str], expected: list[tuple[str, Severity]]
) -> None:
    found = [f for f in run(RULES[0], build_snapshot(files)) if "CUDA" in f.message]
    assert [(f.file, f.severity) for f in found] == expected
    for item in found:
        assert "CUDA 10.0" in item.message or "CUDA 10 " in item.message
