"""targets_for_environment: which Pythons and CUDA an environment is installed on, and why."""

from __future__ import annotations

import pytest

from rules.checks.support.evidence import targets_for_environment
from rules.config import RepoConfig
from rules.manifests.model import Snapshot
from rules.manifests.snapshot import build_snapshot
from rules.targets import DEFAULT_PYTHONS, Target

WORKFLOW = """\
jobs:
  test:
    strategy:
      matrix:
        python-version: ["3.9", "3.12"]
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - run: pip install -r requirements.txt
"""

#: (case, files, environment, expected [(python, how, cuda)], assumed)
CASES: list[tuple[str, dict[str, str], str, list[tuple[str, str, str | None]], bool]] = [
    (
        "python image stage installs the requirements",
        {
            "Dockerfile": "FROM python:3.14-slim\nCOPY requirements.txt .\n"
            "RUN pip install -r requirements.txt\n",
            "requirements.txt": "numpy\n",
        },
        "requirements.txt",
        [("3.14", "image", None)],
        False,
    ),
    (
        "nvidia/cuda ubuntu22.04 + apt python3 → 3.10 and the image's CUDA",
        {
            "Dockerfile": "ARG CUDA=11.8.0\nFROM nvidia/cuda:${CUDA}-cudnn8-runtime-ubuntu22.04\n"
            "RUN apt-get update && apt-get install -y python3-pip\n"
            "COPY . /app\nRUN pip3 install -r /app/requirements/gpu.txt\n",
            "requirements/gpu.txt": "torch==2.1.0\n",
        },
        "requirements/gpu.txt",
        [("3.10", "os-default", "11.8.0")],
        False,
    ),
    (
        "multi-stage: the env's CUDA is the builder's",
        {
            "Dockerfile": "FROM nvidia/cuda:11.8.0-devel-ubuntu20.04 AS builder\n"
            "RUN apt-get install -y python3-pip && pip install -r requirements.txt\n"
            "FROM nvidia/cuda:12.4.1-runtime-ubuntu20.04\n"
            "COPY --from=builder /usr/local /usr/local\n",
            "requirements.txt": "torch\n",
        },
        "requirements.txt",
        [("3.8", "os-default", "11.8.0")],
        False,
    ),
    (
        "a workflow matrix applies to the file the job installs",
        {".github/workflows/ci.yml": WORKFLOW, "requirements.txt": "numpy\n"},
        "requirements.txt",
        [("3.9", "workflow", None), ("3.12", "workflow", None)],
        False,
    ),
    (
        "a workflow matrix does not apply to another file",
        {".github/workflows/ci.yml": WORKFLOW, "docs/requirements.txt": "sphinx\n"},
        "docs/requirements.txt",
        [(p, "assumed", None) for p in DEFAULT_PYTHONS],
        True,
    ),
    (
        "conda python= decides for its environment, selector gives CUDA",
        {
            "env-gpu.yaml": "name: gpu\nchannels: [pytorch, nvidia]\n"
            "dependencies:\n  - python=3.8\n  - pytorch=2.1.0\n  - pytorch-cuda=11.8\n",
        },
        "env-gpu.yaml",
        [("3.8", "conda", "11.8")],
        False,
    ),
    (
        "requires-python: every known minor the range admits",
        {
            "pyproject.toml": '[project]\nname = "x"\nversion = "1"\n'
            'requires-python = ">=3.11,<3.13"\n'
        },
        "pyproject.toml",
        [("3.11", "requires-python", None), ("3.12", "requires-python", None)],
        False,
    ),
    (
        ".python-version in the folder",
        {".python-version": "3.9.18\n", "requirements.txt": "numpy\n"},
        "requirements.txt",
        [("3.9", "python-version", None)],
        False,
    ),
    (  # astropy/reproject #421: tox builds the project in an isolated environment
        "build requirements: the Python of the jobs that install the project (setup.cfg's)",
        {
            "pyproject.toml": '[build-system]\nrequires = ["setuptools", "numpy>=1.25"]\n',
            "setup.cfg": "[metadata]\nname = reproject\n[options]\npython_requires = >=3.8\n"
            "install_requires =\n    numpy>=1.20\n",
            "tox.ini": "[tox]\nenvlist = py38-test\n[testenv]\ndeps = pytest\n",
        },
        "pyproject.toml#build",
        [("3.8", "workflow", None)],
        False,
    ),
    (
        "build requirements: a workflow's `pip install -e .` (the pyproject declares it)",
        {
            "pyproject.toml": '[project]\nname = "p"\nversion = "1"\n'
            'requires-python = ">=3.7"\n'
            '[build-system]\nrequires = ["numpy~=2.0"]\n',
            ".github/workflows/ci.yml": WORKFLOW.replace("-r requirements.txt", "-e ."),
        },
        "pyproject.toml#build",
        [("3.9", "workflow", None), ("3.12", "workflow", None)],
        False,
    ),
    (
        "build requirements of a project nothing installs: nothing says",
        {"pyproject.toml": '[build-system]\nrequires = ["numpy~=2.0"]\n'},
        "pyproject.toml#build",
        [(p, "assumed", None) for p in DEFAULT_PYTHONS],
        True,
    ),
    (
        "nothing says: assumed",
        {"requirements.txt": "numpy\n"},
        "requirements.txt",
        [(p, "assumed", None) for p in DEFAULT_PYTHONS],
        True,
    ),
]


@pytest.mark.parametrize(
    ("case", "files", "env", "expected", "assumed"), CASES, ids=[c[0] for c in CASES]
)
def test_targets_for_environment(
    case: str,
    files: dict[str, str],
    env: str,
    expected: list[tuple[str, str, str | None]],
    assumed: bool,
) -> None:
    targets = targets_for_environment(build_snapshot(files), env, RepoConfig())
    got = [(t.python, t.sources[0].how, t.cuda) for t in targets]
    assert got == expected, case
    assert all(t.assumed is assumed for t in targets)
    assert all(t.platform == "linux_x86_64" for t in targets)


def test_runtime_cuda_of_a_copying_stage() -> None:
    files = {
        "Dockerfile": "FROM nvidia/cuda:11.8.0-devel-ubuntu22.04 AS builder\n"
        "RUN apt-get install -y python3-pip && pip install -r requirements.txt\n"
        "FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nCOPY --from=builder /usr /usr\n",
        "requirements.txt": "torch\n",
    }
    [target] = targets_for_environment(build_snapshot(files), "requirements.txt", RepoConfig())
    assert (target.cuda, target.runtime_cuda) == ("11.8.0", "12.4.1")
    cuda = [s for s in target.sources if s.what == "cuda"]
    assert [(s.file, s.line) for s in cuda] == [("Dockerfile", 1)]


def test_config_overrides_evidence() -> None:
    files = {".python-version": "3.9\n", "requirements.txt": "numpy\n"}
    config = RepoConfig.model_validate({"targets": {"python": ["3.12"], "cuda": ["12.1"]}})
    [target] = targets_for_environment(build_snapshot(files), "requirements.txt", config)
    assert (target.python, target.cuda, target.assumed) == ("3.12", "12.1", False)
    assert target.sources[0].how == "config"


def test_sole_python_is_computed_once_per_snapshot_and_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rules ask for every framework requirement (2,000 torch lines made the review quadratic);
    a second snapshot gets its own answer."""
    import rules.checks.support.evidence as targets

    calls: list[str] = []
    real = targets.targets_for_environment

    def counting(snapshot: Snapshot, env: str, config: object = None) -> tuple[Target, ...]:
        calls.append(env)
        return real(snapshot, env)

    monkeypatch.setattr(targets, "targets_for_environment", counting)
    py312 = build_snapshot({"requirements.txt": "torch\n", ".python-version": "3.12\n"})
    py310 = build_snapshot({"requirements.txt": "torch\n", ".python-version": "3.10\n"})
    for _ in range(3):
        assert targets.sole_python(py312, "requirements.txt") == "3.12"
    assert targets.sole_python(py310, "requirements.txt") == "3.10"
    assert calls == ["requirements.txt", "requirements.txt"]
