"""python-version-incompatible: positive and negative cases."""

from __future__ import annotations

import pytest

from rules.checks.base import RuleContext
from rules.checks.python_version import RULES
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.manifests.model import Fact, FactKind, Snapshot
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import fact, req, run, snap

RULE = RULES[0]
PY = "pyproject.toml"
ENV = "environment.yml"


def py(value: str, path: str, line: int = 1) -> Fact:
    """A Python fact."""
    return fact(FactKind.PYTHON, value, path, line=line)


CASES: list[tuple[str, Snapshot, list[tuple[str, str]]]] = [
    (
        "conda python 3.12 with torch 2.1",
        snap(py("3.12", ENV), req("pytorch==2.1.0", ENV, conda=True)),
        [("pytorch", "error")],
    ),
    (
        "conda python 3.11 with torch 2.1",
        snap(py("3.11", ENV), req("pytorch==2.1.0", ENV, conda=True)),
        [],
    ),
    (
        "experimental 3.12 for torch 2.2 counts",
        snap(py("3.12", ENV), req("pytorch==2.2.0", ENV, conda=True)),
        [],
    ),
    (
        "requires-python >=3.9 with torch 2.9 (min 3.10)",
        snap(py(">=3.9", PY), req("torch==2.9.0", PY)),
        [("torch", "warning")],
    ),
    ("requires-python >=3.10 with torch 2.9", snap(py(">=3.10", PY), req("torch==2.9.0", PY)), []),
    (
        "requires-python >=3.12,<3.13 with TF 2.15",
        snap(py(">=3.12,<3.13", PY), req("tensorflow==2.15.0", PY)),
        [("tensorflow", "error")],
    ),
    (
        "3.15 is not shipped for torch 2.13",
        snap(py("3.15", ENV), req("pytorch==2.13.0", ENV, conda=True)),
        [("pytorch", "error")],
    ),
    (
        ".python-version applies to requirements in its folder",
        snap(py("3.8", ".python-version"), req("jax==0.4.30")),
        [("jax", "error")],
    ),
    (
        ".python-version of another folder does not apply",
        snap(py("3.8", "tools/.python-version"), req("jax==0.4.30")),
        [],
    ),
    (
        "Dockerfile base image Python applies repo-wide",
        snap(py("3.8", "Dockerfile", line=1), req("torch==2.5.1")),
        [("torch", "error")],
    ),
    (
        "final Dockerfile stage decides",
        snap(
            py("3.8", "Dockerfile", line=1), py("3.11", "Dockerfile", line=7), req("torch==2.5.1")
        ),
        [],
    ),
    (
        "unpinned framework is not judged",
        snap(py("3.8", ENV), req("pytorch>=2.5", ENV, conda=True)),
        [],
    ),
    (
        "# Python note in the requirements file",
        snap(py("3.13", "requirements.txt"), req("tensorflow==2.16.1")),
        [("tensorflow", "error")],
    ),
]


@pytest.mark.parametrize(("name", "snapshot", "expected"), CASES, ids=[c[0] for c in CASES])
def test_python_version(name: str, snapshot: Snapshot, expected: list[tuple[str, str]]) -> None:
    findings = run(RULE, snapshot)
    assert [(f.package, f.severity.value) for f in findings] == expected
    for found in findings:
        assert found.category == "python-version-incompatible"
        assert found.fix and found.line and found.evidence


MATRIX = """\
jobs:
  test:
    strategy:
      matrix:
        python-version: ["3.9", "3.10", "3.11", "3.12"]
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - run: python -m pip install ".[test]"
"""
TF291 = '[project]\nname = "x"\nversion = "1"\ndependencies = ["tensorflow==2.9.1"]\n'

#: Real file shapes, parsed: (case, files, expected [(package, severity, file)])
FILE_CASES: list[tuple[str, dict[str, str], list[tuple[str, str, str]]]] = [
    (
        "workflow matrix adds 3.11/3.12 for tensorflow 2.9.1 (one finding for the matrix)",
        {".github/workflows/ci.yml": MATRIX, "pyproject.toml": TF291},
        [("tensorflow", "error", ".github/workflows/ci.yml")],
    ),
    (
        "FROM python:3.14-slim installs torch 2.1",
        {
            "Dockerfile": "FROM python:3.14-slim\nCOPY requirements.txt .\n"
            "RUN pip install -r requirements.txt\n",
            "requirements.txt": "torch==2.1.0\n",
        },
        [("torch", "error", "Dockerfile")],
    ),
    (
        "ubuntu 18.04's python3 (3.6) and tensorflow 2.11",
        {
            "Dockerfile": "FROM nvidia/cuda:11.2.2-cudnn8-runtime-ubuntu18.04\n"
            "RUN apt-get update && apt-get install -y python3 python3-pip\n"
            "COPY . /app\nRUN pip3 install -r /app/requirements.txt\n",
            "requirements.txt": "tensorflow==2.11.0\n",
        },
        [("tensorflow", "error", "Dockerfile")],
    ),
    (
        "deadsnakes python3.10 on ubuntu 18.04 is fine for tensorflow 2.11",
        {
            "Dockerfile": "FROM ubuntu:18.04\nRUN apt-get install -y python3.10 python3.10-dev\n"
            "COPY requirements.txt /r.txt\nRUN python3.10 -m pip install -r /r.txt\n",
            "requirements.txt": "tensorflow==2.11.0\n",
        },
        [],
    ),
    (
        "a conda environment named otherwise with python=3.12 and pytorch 2.1",
        {
            "conda_reqs.yml": "name: x\nchannels: [pytorch]\n"
            "dependencies:\n  - python=3.12\n  - pytorch=2.1.0\n",
        },
        [("pytorch", "error", "conda_reqs.yml")],
    ),
    (
        "no evidence: an assumed Python never gives a finding",
        {"requirements.txt": "tensorflow==2.9.1\n"},
        [],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_python_version_on_files(
    name: str, files: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    snapshot = build_snapshot(files)
    findings = run(RULE, snapshot)
    assert [(f.package, f.severity.value, f.file) for f in findings] == expected, name


def test_config_target_is_a_warning() -> None:
    snapshot = build_snapshot({"requirements.txt": "tensorflow==2.9.1\n"})
    config = RepoConfig.model_validate({"targets": {"python": ["3.12"]}})
    findings = list(RULE.check(RuleContext(snapshot=snapshot, config=config, kb=load_kb())))
    assert [(f.package, f.severity.value, f.file) for f in findings] == [
        ("tensorflow", "warning", "requirements.txt")
    ]
