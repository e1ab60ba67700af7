"""Resolution targets per environment: from the config and the repository's Python evidence."""

from __future__ import annotations

import pytest

from rules.targets import DEFAULT_PYTHONS, LATEST_PATCH
from tests.worker.resolve.conftest import config, snap
from worker.resolve.targets import environment_targets, full_python

LINUX = "x86_64-unknown-linux-gnu"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.11.7", "3.11.7"),
        ("3.11", "3.11.14"),
        ("3.10", "3.10.19"),
        ("python3.12", "3.12.12"),
        (">=3.10,<3.13", "3.10.19"),
        ("^3.9", "3.9.25"),
        ("3.6", "3.6.15"),
        ("nonsense", None),
    ],
)
def test_full_python(text: str, expected: str | None) -> None:
    assert full_python(text) == expected


DOCKER_38 = "FROM python:3.8-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"
UBUNTU_1804 = (
    "FROM ubuntu:18.04\nRUN apt-get install -y python3 python3-pip\n"
    "COPY requirements.txt .\nRUN pip3 install -r requirements.txt\n"
)
WORKFLOW = (
    "jobs:\n  t:\n    strategy:\n      matrix:\n        python-version: ['3.9', '3.10']\n"
    "    steps:\n      - uses: actions/setup-python@v5\n"
    "        with:\n          python-version: ${{ matrix.python-version }}\n"
)
PYPROJECT = (
    '[project]\nname = "a"\nversion = "0"\nrequires-python = ">=3.9,<3.12"\n'
    'dependencies = ["six"]\n'
)


@pytest.mark.parametrize(
    ("files", "environment", "pythons", "evidence"),
    [
        # a Dockerfile stage that installs the file decides its Python
        (
            {"Dockerfile": DOCKER_38, "requirements.txt": "six\n"},
            "requirements.txt",
            ["3.8.20"],
            "python:3.8-slim, Dockerfile:1",
        ),
        # Ubuntu 18.04's own python3 (the manifests' stage evidence)
        (
            {"Dockerfile": UBUNTU_1804, "requirements.txt": "six\n"},
            "requirements.txt",
            ["3.6.15"],
            "python3 from ubuntu18.04, Dockerfile:2",
        ),
        # conda python=, .python-version in a parent folder
        (
            {"environment.yml": "dependencies:\n  - python=3.10\n  - numpy\n"},
            "environment.yml",
            ["3.10.19"],
            "python=3.10, environment.yml:2",
        ),
        (
            {"a/.python-version": "3.12.1\n", "a/b/requirements.txt": "six\n"},
            "a/b/requirements.txt",
            ["3.12.12"],
            "a/.python-version:1",
        ),
        # a CI matrix counts when nothing names this environment's Python
        (
            {".github/workflows/ci.yml": WORKFLOW, "requirements.txt": "six\n"},
            "requirements.txt",
            ["3.9.25", "3.10.19"],
            "matrix.python-version: 3.9 (actions/setup-python), .github/workflows/ci.yml:5",
        ),
    ],
)
def test_evidenced_targets(
    files: dict[str, str], environment: str, pythons: list[str], evidence: str
) -> None:
    targets = environment_targets(snap(files), config(), environment)
    assert [t.python for t in targets] == pythons
    assert all(not t.assumed and t.platform == LINUX for t in targets)
    assert targets[0].evidence.endswith(evidence)


def test_config_targets_win_and_are_not_assumed() -> None:
    files = {"Dockerfile": DOCKER_38, "requirements.txt": "six\n"}
    values = {"targets": {"python": ["3.11", "3.12.1"], "platforms": ["linux_aarch64"]}}
    targets = environment_targets(snap(files), config(**values), "requirements.txt")
    assert [(t.python, t.platform, t.assumed) for t in targets] == [
        ("3.11.14", "aarch64-unknown-linux-gnu", False),
        ("3.12.1", "aarch64-unknown-linux-gnu", False),
    ]


def test_no_evidence_gives_assumed_candidates_never_the_running_interpreter() -> None:
    targets = environment_targets(snap({"requirements.txt": "six\n"}), config(), "requirements.txt")
    assert all(t.assumed for t in targets)
    minors = [t.minor for t in targets]
    assert sorted(minors) == sorted(DEFAULT_PYTHONS)
    newest, oldest = max(DEFAULT_PYTHONS, key=_key), min(DEFAULT_PYTHONS, key=_key)
    assert minors[:2] == [newest, oldest]
    assert "assumed: no evidence" in targets[0].describe()


def test_a_declared_range_is_resolved_at_its_start_and_its_newest() -> None:
    """The range's start is the project's own claim (an error there is the project's:
    traceroot-ai/traceroot#55); its newest Python is resolved too, as an assumed one."""
    targets = environment_targets(snap({"pyproject.toml": PYPROJECT}), config(), "pyproject.toml")
    assert [t.python for t in targets] == [LATEST_PATCH[m] for m in ("3.9", "3.11")]
    assert [t.assumed for t in targets] == [False, True]
    assert 'requires-python = ">=3.9,<3.12"' in targets[0].describe()
    assert targets[0].evidence.endswith("starts at it")


@pytest.mark.parametrize(
    "files",
    [
        {"setup.py": "from setuptools import setup\nsetup(python_requires='>=3.9,<3.12',"
         " install_requires=['six'])\n"},
        {"setup.cfg": "[options]\npython_requires = >=3.9,<3.12\ninstall_requires =\n"
         "    six\n"},
    ],
)  # fmt: skip
def test_a_setuptools_range_start_is_assumed(files: dict[str, str]) -> None:
    """pyro-ppl/pyro#3272: setup.py's python_requires is read by pip on the one Python it
    runs on; nothing locks the range as a whole, so a failure at its start is a notice."""
    path = next(iter(files))
    targets = environment_targets(snap(files), config(), path)
    assert [t.minor for t in targets] and all(t.assumed for t in targets)
    assert not any(t.evidence.endswith("starts at it") for t in targets)


def test_a_range_beside_evidence_adds_assumed_pythons() -> None:
    """apple/axlearn: python:3.9-slim installs the project, whose requires-python is >=3.9.
    3.9 is evidence; the newer Pythons the range admits are resolved too, as assumed ones
    (their Python-dependent failures are notices, not errors)."""
    docker = "FROM python:3.9-slim\nCOPY . .\nRUN pip install .\n"
    pyproject = PYPROJECT.replace(">=3.9,<3.12", ">=3.9")
    files = {"Dockerfile": docker, "pyproject.toml": pyproject}
    targets = environment_targets(snap(files), config(), "pyproject.toml")
    assert (targets[0].minor, targets[0].assumed) == ("3.9", False)
    assert [t.assumed for t in targets[1:]] == [True] * (len(targets) - 1) and targets[1:]
    assert all("allows it" in t.evidence for t in targets[1:])


def test_cuda_from_config() -> None:
    (target,) = environment_targets(
        snap({"Dockerfile": DOCKER_38, "requirements.txt": "six\n"}),
        config(targets={"cuda": ["12.1"]}),
        "requirements.txt",
    )
    assert target.cuda == "12.1"


def _key(minor: str) -> tuple[int, ...]:
    return tuple(int(p) for p in minor.split("."))
