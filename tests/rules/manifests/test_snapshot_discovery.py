"""Files named otherwise: conda environments found by content, files that Dockerfiles,
workflows, `-r` and conda `pip:` blocks install, whatever they are called."""

from __future__ import annotations

import pytest

from rules.manifests.model import FileKind
from rules.manifests.snapshot import build_snapshot, environment_requirements

CONDA = "name: gpu\nchannels:\n  - pytorch\ndependencies:\n  - python=3.9\n  - pytorch=2.1.0\n"

#: (case, files, expected {path: kind} of the snapshot)
CASES: list[tuple[str, dict[str, str], dict[str, FileKind]]] = [
    (
        "conda environments named otherwise, by content",
        {
            "env-gpu.yaml": CONDA,
            "conda_reqs.yml": CONDA,
            "deps/cuda.yml": CONDA,
            "environment-cuda.yml": CONDA,
            "configs/model.yaml": "model:\n  layers: 3\n",
        },
        {
            "conda_reqs.yml": FileKind.CONDA,
            "deps/cuda.yml": FileKind.CONDA,
            "env-gpu.yaml": FileKind.CONDA,
            "environment-cuda.yml": FileKind.CONDA,
        },
    ),
    (
        "a text file a Dockerfile installs through COPY",
        {
            "Dockerfile": "FROM python:3.11\nCOPY deps/pins.txt /tmp/p.txt\n"
            "RUN pip install -r /tmp/p.txt\n",
            "deps/pins.txt": "torch==2.1.0\n",
            "deps/unused.txt": "numpy\n",
        },
        {"Dockerfile": FileKind.DOCKERFILE, "deps/pins.txt": FileKind.REQUIREMENTS},
    ),
    (
        "a Dockerfile in a folder installing a file beside it",
        {
            "docker/Dockerfile": "FROM python:3.11\nRUN pip install -r gpu.txt\n",
            "docker/gpu.txt": "torch==2.1.0\n",
        },
        {"docker/Dockerfile": FileKind.DOCKERFILE, "docker/gpu.txt": FileKind.REQUIREMENTS},
    ),
    (
        "a conda pip: block's -r and a -r include named otherwise",
        {
            "environment.yml": "dependencies:\n  - pip\n  - pip:\n    - -r pip-deps.txt\n",
            "pip-deps.txt": "-r base.deps\nnumpy\n",
            "base.deps": "scipy\n",
        },
        {
            "base.deps": FileKind.REQUIREMENTS,
            "environment.yml": FileKind.CONDA,
            "pip-deps.txt": FileKind.REQUIREMENTS,
        },
    ),
    (
        "a file a workflow installs",
        {
            ".github/workflows/ci.yml": "jobs:\n  t:\n    steps:\n"
            "      - run: pip install -r ci/test-deps.txt\n",
            "ci/test-deps.txt": "pytest\n",
        },
        {".github/workflows/ci.yml": FileKind.WORKFLOW, "ci/test-deps.txt": FileKind.REQUIREMENTS},
    ),
    (
        "a Dockerfile's conda env create -f",
        {
            "Dockerfile": "FROM continuumio/miniconda3\nCOPY conda/ /env/\n"
            "RUN conda env create -f /env/train.yaml\n",
            "conda/train.yaml": CONDA,
        },
        {"Dockerfile": FileKind.DOCKERFILE, "conda/train.yaml": FileKind.CONDA},
    ),
]


@pytest.mark.parametrize(("case", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_discovery(case: str, files: dict[str, str], expected: dict[str, FileKind]) -> None:
    snapshot = build_snapshot(files)
    assert {p: m.kind for p, m in snapshot.files.items()} == expected, case


def test_installed_files_stay_their_own_environment() -> None:
    snapshot = build_snapshot(
        {
            "Dockerfile": "FROM python:3.11\nRUN pip install -r deps.txt torch==2.1.0\n",
            "deps.txt": "numpy==1.26.4\n",
        }
    )
    envs = environment_requirements(snapshot)
    assert [r.name for r in envs["deps.txt"]] == ["numpy"]
    assert [r.name for r in envs["Dockerfile"]] == ["torch"]


def test_missing_dockerfile_install_is_not_a_warning() -> None:
    snapshot = build_snapshot({"Dockerfile": "FROM python:3.11\nRUN pip install -r gen.txt\n"})
    assert list(snapshot.parse_errors()) == []
