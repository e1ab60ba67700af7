"""numpy-abi: a framework base image's own NumPy stays where nothing asks for another one.

project-deepform/deepform PR #5 (commit bcb4770, merged; the image was used for sweeps for ten
days): ``FROM tensorflow/tensorflow:2.2.0-gpu`` then ``pip install -r`` a file with
``pandas==1.0.3`` and no numpy line. The image's TensorFlow 2.2.0 came with NumPy 1.18 (its
metadata: numpy<1.19.0) and pip keeps it, so pandas 1.0.3 (built against NumPy 1) imports. A
fresh environment without the image would take NumPy 2 and fail: that is still an error.
"""

from __future__ import annotations

import pytest

from rules.checks.numpy_abi import RULES
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]

DEEPFORM = (  # deepform@bcb4770:Dockerfile
    "FROM tensorflow/tensorflow:2.2.0-gpu\n"
    "COPY docker-requirements.txt requirements.txt\n"
    "RUN pip install -r requirements.txt\n"
)
REQS = "fuzzywuzzy==0.18.0\nkeras==2.3.1\npandas==1.0.3\nsqlalchemy==1.3.16\nwandb==0.8.35\n"


@pytest.mark.parametrize(
    ("files", "errors"),
    [
        ({"Dockerfile": DEEPFORM, "docker-requirements.txt": REQS}, 0),
        (  # the same file on a plain Python image: numpy 2 comes in
            {
                "Dockerfile": DEEPFORM.replace("tensorflow/tensorflow:2.2.0-gpu", "python:3.12"),
                "docker-requirements.txt": REQS,
            },
            1,
        ),
        (  # the file asks for numpy itself: judged as usual
            {"Dockerfile": DEEPFORM, "docker-requirements.txt": REQS + "numpy>=2\n"},
            1,
        ),
        (  # an in-image RUN install on a pytorch/pytorch image
            {
                "Dockerfile": "FROM pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime\n"
                "RUN pip install pandas==1.0.3\n"
            },
            0,
        ),
        (  # a CI job installs the file too: not only the image's NumPy
            {
                "Dockerfile": DEEPFORM,
                "docker-requirements.txt": REQS,
                ".github/workflows/ci.yml": (
                    "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
                    "      - uses: actions/setup-python@v5\n        with:\n"
                    "          python-version: '3.11'\n"
                    "      - run: pip install -r docker-requirements.txt\n"
                ),
            },
            1,
        ),
    ],
)
def test_image_numpy(files: dict[str, str], errors: int) -> None:
    found = [f for f in run(RULE, build_snapshot(files)) if f.severity == "error"]
    assert len([f for f in found if f.package == "pandas"]) == errors


# horovod/horovod #3720 (docker/horovod-ray/Dockerfile, Apache-2.0): ``FROM
# rayproject/ray:${RAY_DOCKER_VERSION}-gpu`` then ``pip install tensorflow==2.9.2``, no numpy
# line. depreview cannot read what the Ray image holds (it ships its own NumPy): a warning.
RAY = "FROM rayproject/ray:nightly-gpu\nRUN pip install tensorflow==2.9.2 keras h5py\n"


@pytest.mark.parametrize(
    ("dockerfile", "severity"),
    [
        (RAY, "warning"),
        (RAY.replace("keras h5py", "numpy==2.0.0"), "error"),  # numpy pinned: forced
        (RAY.replace("rayproject/ray:nightly-gpu", "python:3.10"), "error"),  # a bare image
        (  # a stage built FROM an earlier stage of the file is that stage's image
            "FROM python:3.10 AS base\nFROM base\nRUN pip install tensorflow==2.9.2\n",
            "error",
        ),
    ],
)
def test_an_image_depreview_cannot_read_may_hold_numpy(dockerfile: str, severity: str) -> None:
    snapshot = build_snapshot({"Dockerfile": dockerfile})
    found = [f for f in run(RULE, snapshot) if "old:" in f.fingerprint]
    assert [f.severity for f in found if f.package == "tensorflow"] == [severity]
    if severity == "warning":
        assert "rayproject/ray:nightly-gpu may already hold a NumPy 1" in found[0].message
