"""Regressions from google/dopamine's docker/core/Dockerfile (nvidia/cuda:11.1.1-cudnn8 via an
ARG default, `apt-get install python3.8`, `pip install -r requirements.txt` with unpinned
tensorflow and jax>=0.2.12, then `pip install --upgrade "jax[cuda111]" -f jax_releases.html`):

- the 2020-2021 jax extra `cuda111` means CUDA 11.1, not "CUDA 111";
- jax 0.4.13 (the last release for Python 3.8) is older than the KB's jax.json: a range that
  admits it must not be judged "no release supports Python 3.8";
- TensorFlow refuses an older cuDNN minor than it was built with ("CuDNN library needs to have
  matching major version and equal or higher minor version", stream_executor cuda_dnn.cc):
  TensorFlow 2.13 (cuDNN 8.6) on the image's cuDNN 8.0.5 is an error.
"""

from __future__ import annotations

import pytest

from rules.checks.base import RuleContext
from rules.checks.python_version import PythonVersionIncompatible
from rules.checks.support.builds import jax_build
from rules.checks.tensorflow_cuda import TensorflowCudaMismatch
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot

KB = load_kb()


def dockerfile(image: str, python: str, run: str) -> dict[str, str]:
    return {
        "Dockerfile": (
            f"FROM nvidia/cuda:{image}\n"
            "COPY . /app/\n"
            f"RUN apt-get update && apt-get install -y python{python}\n"
            f"RUN {run}\n"
        ),
    }


def found(rule: object, files: dict[str, str]) -> list[tuple[str, str]]:
    snapshot = build_snapshot(files)
    out = rule.check(RuleContext(snapshot, RepoConfig(), KB))  # type: ignore[attr-defined]
    return [(f.rule, f.severity.value) for f in out]


@pytest.mark.parametrize(
    ("extra", "cuda"),
    [("cuda111", "11.1"), ("cuda101", "10.1"), ("cuda92", "9.2"), ("cuda12", "12")],
)
def test_a_jax_extra_names_its_cuda(extra: str, cuda: str) -> None:
    files = dockerfile("11.1.1-cudnn8-devel-ubuntu20.04", "3.8", f'pip install "jax[{extra}]"')
    snapshot = build_snapshot(files)
    (req,) = [r for r in snapshot.requirements() if r.name == "jax"]
    build = jax_build(KB, req, snapshot)
    assert build is not None and build.cuda is not None
    assert build.cuda == cuda or build.cuda.startswith(cuda + ".")
    assert "CUDA 111" not in build.how


@pytest.mark.parametrize(
    ("python", "spec", "expected"),
    [
        ("3.8", "jax>=0.2.12", []),  # 0.4.13 supports 3.8
        ("3.8", "jax>=0.4.20", [("python-version-incompatible", "error")]),  # all need >=3.9
    ],
)
def test_old_jax_releases_are_known_to_the_python_rule(
    python: str, spec: str, expected: list[tuple[str, str]]
) -> None:
    files = {**dockerfile("11.8.0-base-ubuntu22.04", python, "pip install -r requirements.txt")}
    files["requirements.txt"] = spec + "\n"
    assert found(PythonVersionIncompatible(), files) == expected


@pytest.mark.parametrize(
    ("image", "tensorflow", "expected"),
    [
        # TF 2.13 is built with cuDNN 8.6; the 11.1.1-cudnn8 image installs cuDNN 8.0.5
        ("11.1.1-cudnn8-devel-ubuntu20.04", "tensorflow==2.13.0", ["error"]),
        # TF 2.4 is built with cuDNN 8.0: the same minor is fine
        ("11.0.3-cudnn8-devel-ubuntu20.04", "tensorflow==2.4.0", []),
        # [and-cuda] brings its own cuDNN from pip
        ("11.1.1-cudnn8-devel-ubuntu20.04", "tensorflow[and-cuda]==2.15.0", []),
    ],
)
def test_an_older_cudnn_minor_than_tensorflow_was_built_with(
    image: str, tensorflow: str, expected: list[str]
) -> None:
    files = dockerfile(image, "3.8", "pip install -r requirements.txt")
    files["requirements.txt"] = tensorflow + "\n"
    cudnn = [
        sev
        for rule, sev in found(TensorflowCudaMismatch(), files)
        if rule == "tensorflow-cuda-mismatch"
    ]
    assert cudnn == expected
