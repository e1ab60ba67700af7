"""Docker Hub's tensorflow/tensorflow images: decoding and effect.

CUDA / cuDNN come from the KB's tested-build table (rules/kb/data/tensorflow.json, from
tensorflow.org/install/source#gpu); the image Pythons are cited in `rules.manifests.tf_images`.
Files of the effect tests: elazarg/nakdimon@08ef862 (Dockerfile FROM
tensorflow/tensorflow:latest-gpu, requirements.txt tensorflow==2.8.0) and @f224430
(FROM tensorflow/tensorflow:2.11.1-gpu, tensorflow==2.11.1).
"""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.checks.python_version import RULES as PYTHON_RULES
from rules.checks.tensorflow_cuda import RULES as TF_RULES
from rules.kb import load_kb
from rules.manifests.images import decode_image
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

NEWEST = str(max(Version(r.tensorflow) for r in load_kb().tensorflow.releases))

# (ref, tensorflow, cuda, cudnn, python, moving)
DECODE: list[tuple[str, str | None, str | None, str | None, str | None, bool]] = [
    # TF 2.11: CUDA 11.2 / cuDNN 8.1 (tested build configurations); image Python not recorded
    ("tensorflow/tensorflow:2.11.1-gpu", "2.11.1", "11.2", "8", None, False),
    ("tensorflow/tensorflow:2.11.1-gpu-jupyter", "2.11.1", "11.2", "8", None, False),
    # CPU tags carry no CUDA; tensorflow/tensorflow issue 58556: 2.10.0 runs Python 3.8.10
    ("tensorflow/tensorflow:2.10.0", "2.10.0", None, None, "3.8", False),
    ("docker.io/tensorflow/tensorflow:2.10.1-jupyter", "2.10.1", None, None, "3.8", False),
    # moving tags: the newest release the KB knows; Python 3.11 (tensorflow/tensorflow#82529)
    ("tensorflow/tensorflow:latest-gpu", NEWEST, "kb", "kb", "3.11", True),
    ("tensorflow/tensorflow", NEWEST, None, None, "3.11", True),
    ("tensorflow/tensorflow:latest-gpu-jupyter", NEWEST, "kb", "kb", "3.11", True),
    # tags not decoded: nightly builds, the old -py3 tags
    ("tensorflow/tensorflow:nightly-gpu", None, None, None, None, False),
    ("tensorflow/tensorflow:2.1.0-gpu-py3", None, None, None, None, False),
]


@pytest.mark.parametrize(("ref", "tf", "cuda", "cudnn", "python", "moving"), DECODE)
def test_decode_tensorflow_images(
    ref: str, tf: str | None, cuda: str | None, cudnn: str | None, python: str | None,
    moving: bool,
) -> None:  # fmt: skip
    info = decode_image(ref)
    assert info is not None and info.family == "tensorflow"
    release = load_kb().tensorflow_release(NEWEST)
    assert release is not None
    if cuda == "kb":
        cuda, cudnn = release.cuda, release.cudnn.split(".")[0]
    assert (info.tensorflow, info.cuda, info.cudnn, info.python) == (tf, cuda, cudnn, python)
    assert (info.note is not None) == moving
    if moving:
        assert f"TensorFlow {NEWEST}" in (info.note or "")


DOCKERFILE = (
    "FROM {image}\nCOPY requirements.txt requirements.txt\nRUN pip install -r requirements.txt\n"
)


def test_latest_gpu_with_an_old_tensorflow_pin_fails() -> None:
    files = {
        "Dockerfile": DOCKERFILE.format(image="tensorflow/tensorflow:latest-gpu"),
        "requirements.txt": "numpy==1.22.3\ntensorflow==2.8.0\n",
    }
    snapshot = build_snapshot(files)
    python = run(PYTHON_RULES[0], snapshot)
    assert ("python-version-incompatible", "error") in [
        (f.category, f.severity.value) for f in python
    ]
    cuda = run(TF_RULES[0], snapshot)
    assert ("tensorflow-cuda-mismatch", "error") in [(f.category, f.severity.value) for f in cuda]
    # the findings say that latest-gpu is a moving tag read as the KB's newest release
    for finding in [*python, *cuda]:
        assert "a moving tag" in finding.message
        assert f"TensorFlow {NEWEST}" in finding.message


def test_the_matching_pinned_image_is_clean() -> None:
    files = {
        "Dockerfile": DOCKERFILE.format(image="tensorflow/tensorflow:2.11.1-gpu"),
        "requirements.txt": "keras==2.11.0\nnumpy==1.24.1\ntensorflow==2.11.1\n",
    }
    snapshot = build_snapshot(files)
    assert run(PYTHON_RULES[0], snapshot) == []
    assert run(TF_RULES[0], snapshot) == []
