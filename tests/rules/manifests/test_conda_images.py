"""The base-environment Python of continuumio/miniconda3 and condaforge/miniforge3 images.

Sources (rules/manifests/conda_images.py): ContinuumIO/docker-images@dc64b234 (2024-07-02;
miniconda3/debian/Dockerfile at each ``miniconda3-v<tag>`` git tag names
``Miniconda3-pyXY_<tag>``), conda-forge/miniforge-images@841e405a and
conda-forge/miniforge@3fbc4935 (2026-07-01; Miniforge3/construct.yaml per release tag).
"""

from __future__ import annotations

import pytest

from rules.checks.python_version import RULES
from rules.manifests.conda_installers import MINIFORGE_LATEST_PYTHON
from rules.manifests.images import decode_image
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

#: (FROM reference, the Python it decodes to, or None: no source says it, whether a note
#: says the tag moves)
IMAGES: list[tuple[str, str | None, bool]] = [
    # Steinbeck-Lab/cheminformatics-microservice@1dbbdb97c5bbd10d3d3bb2f2a9bfa9e1fd096be8:Dockerfile
    ("continuumio/miniconda3:24.1.2-0", "3.11", False),
    ("continuumio/miniconda3:4.12.0", "3.9", False),
    ("continuumio/miniconda3:4.10.3p1", "3.9", False),
    ("continuumio/miniconda3:22.11.1", "3.10", False),
    ("continuumio/miniconda3:24.5.0-0", "3.12", False),
    ("docker.io/continuumio/miniconda3:23.5.2-0", "3.11", False),
    # korolainenriikka/mlflow_test@865bfdd8dcc6f7db7c1667db19cef26fdaf3987f:Dockerfile
    ("continuumio/miniconda3:latest", None, False),  # moved since the 2024 snapshot
    # av1518/unet_ct_scans@04f66bdd9f5a64bfc82e4fec889b3d4d72e39e48:Dockerfile
    ("continuumio/miniconda3", None, False),
    ("continuumio/miniconda3:4.9.2", None, False),  # no pyXY source for it
    ("continuumio/miniconda3:4.10.3-alpine", None, False),
    # aryarm/demo-docker-action@bc89562a78a5b61c22fdc543a1f170146345cfd2:Dockerfile
    ("quay.io/condaforge/miniforge3:23.3.1-1", "3.10", False),
    ("condaforge/miniforge3:24.3.0-0", "3.10", False),
    ("condaforge/miniforge3:24.11.3-0", "3.12", False),
    ("condaforge/miniforge3:26.1.0-0", "3.13", False),
    ("condaforge/miniforge3:latest", MINIFORGE_LATEST_PYTHON, True),
    ("condaforge/miniforge3", MINIFORGE_LATEST_PYTHON, True),
    ("condaforge/miniforge3:26.7.2-0", None, False),  # newer than the table
    ("ghcr.io/someone/miniforge3:24.3.0-0", None, False),
]


@pytest.mark.parametrize(("ref", "python", "moving"), IMAGES, ids=[i[0] for i in IMAGES])
def test_conda_image_python(ref: str, python: str | None, moving: bool) -> None:
    info = decode_image(ref)
    assert (info.python if info else None) == python
    assert (info is not None and info.note is not None) == moving


#: (Dockerfile, the python-version-incompatible severities it gets)
STAGES: list[tuple[str, list[str]]] = [
    # pytorch 1.10.1 supports Python 3.6-3.9 (KB); the image's base env is Python 3.12
    (
        "FROM continuumio/miniconda3:24.5.0-0\nRUN conda install -y pytorch=1.10.1 -c pytorch\n",
        ["error"],
    ),
    # a conda install of python=3.9 in the same environment replaces the image's Python
    (
        "FROM continuumio/miniconda3:24.5.0-0\n"
        "RUN conda install -y python=3.9 pytorch=1.10.1 -c pytorch\n",
        [],
    ),
    (
        "FROM continuumio/miniconda3:24.5.0-0\nRUN conda install -y python=3.9\n"
        "RUN conda install -y pytorch=1.10.1 -c pytorch\n",
        [],
    ),
    ("FROM continuumio/miniconda3:4.12.0\nRUN conda install -y pytorch=1.10.1 -c pytorch\n", []),
    ("FROM continuumio/miniconda3:latest\nRUN conda install -y pytorch=1.10.1 -c pytorch\n", []),
    ("FROM condaforge/miniforge3:24.5.0-0\nRUN mamba install -y pytorch=1.10.1\n", ["error"]),
]


@pytest.mark.parametrize(("dockerfile", "expected"), STAGES, ids=[s[0] for s in STAGES])
def test_python_version_incompatible_reads_the_image_python(
    dockerfile: str, expected: list[str]
) -> None:
    found = run(RULES[0], build_snapshot({"Dockerfile": dockerfile}))
    assert [f.severity.value for f in found] == expected
