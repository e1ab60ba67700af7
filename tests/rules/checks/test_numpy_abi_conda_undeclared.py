"""numpy-abi and a conda install that does not name numpy.

hpcaitech/Oh-My-Dockerfile PR #16 (pytorch-cuda/v2.2.2/Dockerfile): `conda install -y
pytorch==2.2.2 torchvision==0.17.2 torchaudio==2.2.2 pytorch-cuda=12.1 -c pytorch -c nvidia`,
numpy named nowhere. conda solves numpy (if at all) from the packages' own recorded
dependencies, which the KB does not hold: no finding, unlike a pip install of torch 2.2.2 with
numpy left to the resolver (NumPy 2 is picked unless the wheel caps it).
"""

from __future__ import annotations

from rules.checks.numpy_abi import RULES
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

CONDA = (
    "FROM hpcaitech/cuda-conda:12.1\n"
    "RUN conda install -y pytorch==2.2.2 torchvision==0.17.2 torchaudio==2.2.2 "
    "pytorch-cuda=12.1 -c pytorch -c nvidia\n"
)


def test_a_conda_install_without_numpy_is_not_judged() -> None:
    assert run(RULES[0], build_snapshot({"Dockerfile": CONDA})) == []


def test_a_pip_install_of_the_same_torch_still_is() -> None:
    pip = "FROM python:3.10-slim\nRUN pip install torch==2.2.2\n"
    found = run(RULES[0], build_snapshot({"Dockerfile": pip}))
    assert [f.package for f in found] == ["torch"]
