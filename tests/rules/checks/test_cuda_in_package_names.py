"""cuda-base-image-mismatch for packages whose name carries the CUDA they load from the system
(mxnet-cuXXX, cupy-cudaXXX, dgl-cuXXX).

Real cases:
- ml-tooling/ml-workspace (gpu-flavor/Dockerfile): the image moved to CUDA 11.2 and kept
  ``pip install mxnet-cu101mkl==1.6.0.post0``; mxnet's wheels load libcudart.so.10.1 from the
  system (apache/mxnet#14514: mxnet-cu100mkl on CUDA 10.1, "OSError: libcudart.so.10.0: cannot
  open shared object file").
- chainer/chainer PR #8613 (clean): ``cupy-cuda92==7.8.0`` on ``nvidia/cuda:9.2-cudnn7-devel``.
- cupy/cupy#7772: cupy-cuda12x where no libcudart.so.12 is installed fails to import;
  dmlc/dgl#5547: a dgl CUDA 10.2 build under CUDA 11.3.
- cortexlabs/cortex 39747aec (reverted by 0a106b0): ``onnxruntime-gpu==1.0.0`` on
  ``nvidia/cuda:10.1-cudnn7-devel`` (microsoft/onnxruntime#2367: "OSError: libcublas.so.10.0").
"""

from __future__ import annotations

import pytest

from rules.checks.base import RuleContext
from rules.checks.cuda_base_image import RULES
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.kb.cudaver import system_cuda_of_name
from rules.manifests.snapshot import build_snapshot

RULE = RULES[0]

# ml-workspace's gpu-flavor/Dockerfile, shortened (the CUDA runtime is installed by apt there)
WORKSPACE = """FROM $ARG_WORKSPACE_BASE_IMAGE
ENV CUDA_VERSION {cuda}
RUN apt-get update && apt-get install -y --no-install-recommends cuda-cudart-11-2
RUN \\
    pip uninstall -y mxnet-mkl && \\
    pip install --no-cache-dir {mxnet}
"""

CHAINER = """FROM nvidia/cuda:{tag}-cudnn7-devel
RUN pip3 install --no-cache-dir 'numpy<1.19' {cupy} chainer==7.8.0
"""

ENVIRONMENT = """name: se3
channels:
  - pytorch
  - dglteam
dependencies:
  - python=3.9
  - cudatoolkit={cuda}
  - pytorch=1.9
  - {dgl}
"""

# cortex's images/onnx-serve-gpu/Dockerfile, shortened
CORTEX = """FROM nvidia/cuda:{tag}-cudnn{cudnn}-devel-ubuntu18.04

ARG ONNXRUNTIME_VERSION="{version}"

RUN pip install -r /src/cortex/lib/requirements.txt && \\
    pip install onnxruntime-gpu==${{ONNXRUNTIME_VERSION}} && \\
    rm -rf /root/.cache/pip*
"""


def cortex(tag: str, version: str, cudnn: str = "7") -> dict[str, str]:
    return {
        "images/onnx-serve-gpu/Dockerfile": CORTEX.format(tag=tag, version=version, cudnn=cudnn)
    }


CASES: list[tuple[str, dict[str, str], list[tuple[str, str, int]]]] = [
    # (name, files, expected (package, severity, line))
    (
        "ml-workspace: mxnet-cu101mkl on CUDA 11.2 (libcudart.so.10.1 missing)",
        {"Dockerfile": WORKSPACE.format(cuda="11.2.1", mxnet="mxnet-cu101mkl==1.6.0.post0")},
        [("mxnet-cu101mkl", "error", 6)],
    ),
    (
        "ml-workspace before the move: mxnet-cu101mkl on CUDA 10.1",
        {"Dockerfile": WORKSPACE.format(cuda="10.1.243", mxnet="mxnet-cu101mkl==1.6.0.post0")},
        [],
    ),
    (
        "apache/mxnet#14514: mxnet-cu100mkl on CUDA 10.1 (before 11 the minor is in the soname)",
        {"Dockerfile": WORKSPACE.format(cuda="10.1.243", mxnet="mxnet-cu100mkl==1.4.0")},
        [("mxnet-cu100mkl", "error", 6)],
    ),
    (
        "mxnet-cu110 on CUDA 11.2: libcudart.so.11.0 serves every 11.x",
        {"Dockerfile": WORKSPACE.format(cuda="11.2.1", mxnet="mxnet-cu110==1.8.0")},
        [],
    ),
    (
        "mxnet-cu112 on CUDA 11.0: a newer minor runs through minor-version compatibility",
        {"Dockerfile": WORKSPACE.format(cuda="11.0.3", mxnet="mxnet-cu112==1.9.1")},
        [("mxnet-cu112", "warning", 6)],
    ),
    (
        "chainer #8613 (clean): cupy-cuda92 on a CUDA 9.2 image",
        {"docker/Dockerfile": CHAINER.format(tag="9.2", cupy="cupy-cuda92==7.8.0")},
        [],
    ),
    (
        "cupy-cuda92 left behind when the image moved to CUDA 10.0",
        {"docker/Dockerfile": CHAINER.format(tag="10.0", cupy="cupy-cuda92==7.8.0")},
        [("cupy-cuda92", "error", 2)],
    ),
    (
        "cupy/cupy#7772: cupy-cuda12x on a CUDA 11.8 image",
        {"docker/Dockerfile": CHAINER.format(tag="11.8.0", cupy="cupy-cuda12x==13.3.0")},
        [("cupy-cuda12x", "error", 2)],
    ),
    (
        "cupy-cuda12x on a CUDA 11.8 image next to pip's CUDA 12 runtime: a warning",
        {
            "docker/Dockerfile": CHAINER.format(
                tag="11.8.0", cupy="cupy-cuda12x==13.3.0 nvidia-cuda-runtime-cu12==12.4.127"
            )
        },
        [("cupy-cuda12x", "warning", 2)],
    ),
    (
        "cupy-cuda11x (a major only) on CUDA 11.8",
        {"docker/Dockerfile": CHAINER.format(tag="11.8.0", cupy="cupy-cuda11x==13.3.0")},
        [],
    ),
    (
        "conda: dgl-cuda11.1 with cudatoolkit 11.1 (RosettaCommons/RFdiffusion's SE3nv.yml)",
        {"env/SE3nv.yml": ENVIRONMENT.format(cuda="11.1", dgl="dgl-cuda11.1")},
        [],
    ),
    (
        "conda: dgl-cuda10.2 with cudatoolkit 11.3 (dmlc/dgl#5547)",
        {"env/SE3nv.yml": ENVIRONMENT.format(cuda="11.3", dgl="dgl-cuda10.2")},
        [("dgl-cuda10.2", "error", 9)],
    ),
    (
        "cortex 39747aec: onnxruntime-gpu 1.0.0 (CUDA 10.0) on CUDA 10.1: import fails",
        cortex("10.1", "1.0.0"),
        [("onnxruntime-gpu", "error", 6)],
    ),
    ("cortex before: onnxruntime-gpu 0.5.0 (before the table)", cortex("10.1", "0.5.0"), []),
    ("onnxruntime-gpu 1.4.0 (CUDA 10.1) on CUDA 10.1", cortex("10.1", "1.4.0"), []),
    (
        "onnxruntime-gpu 1.16.3 (CUDA 11.8) on CUDA 12.1: the CUDA provider falls back to CPU",
        cortex("12.1.1", "1.16.3", "8"),
        [("onnxruntime-gpu", "warning", 6)],
    ),
    (
        "onnxruntime-gpu 1.20.1 (CUDA 12) on CUDA 11.8: falls back to CPU",
        cortex("11.8.0", "1.20.1", "8"),
        [("onnxruntime-gpu", "warning", 6)],
    ),
    ("onnxruntime-gpu 1.17.1 (CUDA 11.8) on CUDA 11.2: any 11.x", cortex("11.2.2", "1.17.1"), []),
    ("onnxruntime-gpu 1.30.0: after the table", cortex("11.2.2", "1.30.0"), []),
    (
        "no declared CUDA: nothing to compare",
        {"requirements.txt": "mxnet-cu101==1.6.0\n"},
        [],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cuda_in_package_names(
    name: str, files: dict[str, str], expected: list[tuple[str, str, int]]
) -> None:
    found = list(RULE.check(RuleContext(build_snapshot(files), RepoConfig(), load_kb())))
    assert [(f.package, f.severity.value, f.line) for f in found] == expected
    for f in found:
        assert "its name says so" in f.message or "requirements table" in f.message
        assert f.fix is not None and f.evidence


@pytest.mark.parametrize(
    ("name", "cuda"),
    [
        ("mxnet-cu101mkl", "10.1"),
        ("mxnet-cu92", "9.2"),
        ("mxnet-cu112", "11.2"),
        ("cupy-cuda102", "10.2"),
        ("cupy-cuda12x", "12"),
        ("cupy-cuda110", "11.0"),
        ("dgl-cu111", "11.1"),
        ("dgl-cuda11.1", "11.1"),
        ("nvidia-cublas-cu12", None),  # bundles its libraries
        ("cupy", None),
        ("mxnet", None),
        ("mxnet-mkl", None),
    ],
)
def test_system_cuda_of_name(name: str, cuda: str | None) -> None:
    assert system_cuda_of_name(name) == cuda
