"""The last stage of a multi-stage build copies an environment built on another CUDA.

A builder stage on a CUDA 12.4 devel image installs torch 2.5.1+cu124 into a venv; the
runtime stage is an 11.8 image that copies the venv (`COPY --from=builder`), the layout of
transformeroptimus/SuperAGI's tgwui Dockerfile (there both stages are CUDA 11.8). The
environment's CUDA is the image it runs on: a CUDA 12 build on an image for CUDA 11 hosts
is an error (another major), a build for that image's CUDA is not.
"""

from __future__ import annotations

import pytest

from rules.checks.cuda_base_image import RULES
from rules.findings import Severity
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

BUILD = """\
FROM nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04 AS builder
RUN apt-get update && apt-get install -y python3 python3-pip python3-venv
RUN python3 -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
RUN pip install TORCH --index-url https://download.pytorch.org/whl/VARIANT

FROM RUNTIME
COPY --from=builder /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
"""


@pytest.mark.parametrize(
    ("name", "torch", "variant", "runtime", "expected"),
    [
        (
            "cu124 venv copied into an 11.8 runtime image",
            "torch==2.5.1+cu124",
            "cu124",
            "nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04",
            [Severity.ERROR],
        ),
        (
            "cu124 venv copied into a 12.4 runtime image",
            "torch==2.5.1+cu124",
            "cu124",
            "nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04",
            [],
        ),
    ],
)
def test_copied_environment_runs_on_the_last_stage_cuda(
    name: str, torch: str, variant: str, runtime: str, expected: list[Severity]
) -> None:
    text = BUILD.replace("TORCH", torch).replace("VARIANT", variant).replace("RUNTIME", runtime)
    found = run(RULES[0], build_snapshot({"Dockerfile": text}))
    assert [f.severity for f in found] == expected
    for item in found:
        assert "CUDA 12.4" in item.message and "11.8" in item.message
