"""tensorflow-cuda-mismatch (``:no-cudnn``): GPU TensorFlow on an nvidia/cuda image without cuDNN.

tensorflow/benchmarks PR #546 added a Dockerfile ``FROM nvidia/cuda:12.2.0-devel-ubuntu20.04``
installing ``tf-nightly`` (an ARG default) through ``ENV PIP_CMD="python3.11 -m pip"``; PR #548
six days later: "Replace base of cuda_12 dockerfile with cudnn support one" (FROM
nvidia/cuda:12.1.0-cudnn8-devel-ubuntu22.04). TensorFlow without ``[and-cuda]`` loads the
system's cuDNN and, finding none, skips registering the GPU (tensorflow/tensorflow#62412).
"""

from __future__ import annotations

import pytest

from rules.checks.tensorflow_cuda import RULES
from rules.findings import Severity
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]

#: tensorflow/benchmarks@a131e70:perfzero/docker/Dockerfile_ubuntu_2204_tf_cuda_12, the lines
#: that matter (the apt lists shortened)
PERFZERO = """\
FROM nvidia/cuda:12.2.0-devel-ubuntu20.04 as base
ARG tensorflow_pip_spec="tf-nightly"
ENV PIP_CMD="python3.11 -m pip"
RUN apt-get update && apt-get install -y --no-install-recommends python3.11 python3-pip
RUN ${PIP_CMD} install --upgrade --force-reinstall ${tensorflow_pip_spec}
"""


def _docker(image: str, *lines: str) -> str:
    return f"FROM {image}\n" + "".join(f"{line}\n" for line in lines)


CASES: list[tuple[str, dict[str, str], list[Severity]]] = [
    (
        "perfzero: tf-nightly through ${PIP_CMD} on 12.2.0-devel",
        {"Dockerfile": PERFZERO},
        [Severity.ERROR],
    ),
    (
        "the fix: a cudnn8 image",
        {
            "Dockerfile": PERFZERO.replace(
                "12.2.0-devel-ubuntu20.04", "12.1.0-cudnn8-devel-ubuntu22.04"
            )
        },
        [],
    ),
    (
        "a requirements file the Dockerfile installs",
        {
            "Dockerfile": _docker(
                "nvidia/cuda:11.8.0-runtime-ubuntu22.04",
                "COPY requirements.txt .",
                "RUN pip install -r requirements.txt",
            ),
            "requirements.txt": "tensorflow==2.13.0\n",
        },
        [Severity.ERROR],
    ),
    (
        "the stage apt-installs cuDNN",
        {
            "Dockerfile": _docker(
                "nvidia/cuda:11.8.0-devel-ubuntu22.04",
                "RUN apt-get update && apt-get install -y libcudnn8=8.6.0.163-1+cuda11.8",
                "RUN pip install tensorflow==2.13.0",
            )
        },
        [],
    ),
    (
        "[and-cuda] brings cuDNN from pip",
        {
            "Dockerfile": _docker(
                "nvidia/cuda:12.2.0-base-ubuntu22.04",
                "RUN pip install 'tensorflow[and-cuda]==2.15.0'",
            )
        },
        [],
    ),
    (
        "a pip nvidia-cudnn wheel",
        {
            "Dockerfile": _docker(
                "nvidia/cuda:12.2.0-runtime-ubuntu22.04",
                "RUN pip install tensorflow==2.15.0 nvidia-cudnn-cu12",
            )
        },
        [],
    ),
    (
        "torch installs with it: a warning",
        {
            "Dockerfile": _docker(
                "nvidia/cuda:12.1.0-devel-ubuntu22.04",
                "RUN pip install torch==2.3.1 tensorflow==2.15.0",
            )
        },
        [Severity.WARNING],
    ),
    (
        "tensorflow 1.14 on Linux is CPU-only",
        {
            "Dockerfile": _docker(
                "nvidia/cuda:10.0-devel-ubuntu18.04", "RUN pip install tensorflow==1.14.0"
            )
        },
        [],
    ),
    (
        "a COPY --from may bring cuDNN",
        {
            "Dockerfile": _docker(
                "nvidia/cuda:12.2.0-devel-ubuntu22.04",
                "COPY --from=nvidia/cuda:12.2.0-cudnn8-runtime-ubuntu22.04 /usr/lib /usr/lib",
                "RUN pip install tensorflow==2.15.0",
            )
        },
        [],
    ),
    (
        "not an nvidia/cuda image",
        {"Dockerfile": _docker("python:3.11", "RUN pip install tensorflow==2.15.0")},
        [],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_tensorflow_without_cudnn(
    name: str, files: dict[str, str], expected: list[Severity]
) -> None:
    findings = [f for f in run(RULE, build_snapshot(files)) if f.fingerprint.endswith(":no-cudnn")]
    assert [f.severity for f in findings] == expected
    for found in findings:
        assert "has no cuDNN" in found.message


def test_env_variable_splits_into_words() -> None:
    """``${PIP_CMD}`` unquoted splits into ``python3.11 -m pip``: its installs are read, into
    Python 3.11; a quoted one stays one word (nothing read)."""
    snapshot = build_snapshot({"Dockerfile": PERFZERO})
    reqs = [r for f in snapshot.files.values() for r in f.requirements]
    assert [r.name for r in reqs] == ["tf-nightly"]
    quoted = build_snapshot({"Dockerfile": PERFZERO.replace("RUN ${PIP_CMD}", 'RUN "${PIP_CMD}"')})
    assert [r.name for f in quoted.files.values() for r in f.requirements] == []
