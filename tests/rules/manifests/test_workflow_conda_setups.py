"""Conda setup actions in workflows: the environment file they create and its Python, and
``pip install . --no-deps`` (the project without its requirements).

Real files: pyiron/pyiron_atomistics at the head of PR #1504 (cbdf569; the corpus cases
pyiron__pyiron_atomistics__ci-py39-conda-scipy1140 and __ci-lower-bound-py39-clean hold the
bytes, BSD-3-Clause). unittests.yml's matrix gains a Python 3.9 job whose
``conda-incubator/setup-miniconda`` step creates ``.ci_support/environment.yml`` (``scipy
=1.14.0``) with ``python-version: ${{ matrix.python-version }}``; the PR quotes the solver:
scipy 1.14.0 would require python >=3.10 (commit 7ee5c78 drops the job three minutes later).
unittests_old.yml runs 3.9 with environment-old.yml and then ``pip install . --no-deps``:
pyproject's scipy==1.14.0 is never installed there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.checks.support.evidence import targets_for_environment
from rules.manifests._install_commands import installed_files
from rules.manifests._shellwords import split_commands
from rules.manifests.snapshot import build_snapshot
from rules.review import review_trees

CASES = Path(__file__).resolve().parents[2] / "realworld/cases"
BREAKING = CASES / "pyiron__pyiron_atomistics__ci-py39-conda-scipy1140"
CLEAN = CASES / "pyiron__pyiron_atomistics__ci-lower-bound-py39-clean"


def tree(case: Path, side: str) -> dict[str, str]:
    root = case / side
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in root.rglob("*")
        if p.is_file() and p.name != ".gitkeep"
    }


def pythons(files: dict[str, str], env: str) -> list[str]:
    return [t.python for t in targets_for_environment(build_snapshot(files), env) if not t.assumed]


def workflow(step: str) -> dict[str, str]:
    text = (
        "jobs:\n  t:\n    strategy:\n      matrix:\n        python: ['3.9', '3.11']\n"
        f"    steps:\n{step}"
    )
    return {".github/workflows/ci.yml": text, "env/ci.yml": "dependencies:\n  - numpy\n"}


SETUPS: list[tuple[str, str, list[str]]] = [
    (
        "setup-miniconda python-version from the matrix",
        "      - uses: conda-incubator/setup-miniconda@v3\n        with:\n"
        "          python-version: ${{ matrix.python }}\n"
        "          environment-file: env/ci.yml\n",
        ["3.9", "3.11"],
    ),
    (
        "setup-micromamba create-args python=",
        "      - uses: mamba-org/setup-micromamba@v2\n        with:\n"
        "          environment-file: ./env/ci.yml\n"
        "          create-args: >-\n            python=${{ matrix.python }}\n            pytest\n",
        ["3.9", "3.11"],
    ),
    (
        "provision-with-micromamba extra-specs",
        "      - uses: mamba-org/provision-with-micromamba@main\n        with:\n"
        "          environment-file: env/ci.yml\n"
        "          extra-specs: |\n            python=3.10\n",
        ["3.10"],
    ),
    (  # pyiron/pyiron_atomistics' unittests.yml (the corpus case
        # pyiron__atomistics__dependabot-scipy-1140-py39-ci): the file is copied into place first
        "a file copied into place before the setup step",
        "      - run: |\n          cp env/ci.yml environment.yml\n"
        "      - uses: conda-incubator/setup-miniconda@v3\n        with:\n"
        "          python-version: ${{ matrix.python }}\n"
        "          environment-file: environment.yml\n",
        ["3.9", "3.11"],
    ),
    (
        "a copy made after the setup step is not what it creates",
        "      - uses: conda-incubator/setup-miniconda@v3\n        with:\n"
        "          python-version: ${{ matrix.python }}\n"
        "          environment-file: environment.yml\n"
        "      - run: cp env/ci.yml environment.yml\n",
        [],
    ),
    (
        "environment-file: false creates no file's environment",
        "      - uses: mamba-org/setup-micromamba@v2\n        with:\n"
        "          environment-file: false\n          create-args: python=3.10\n",
        [],
    ),
]


@pytest.mark.parametrize(("name", "step", "expected"), SETUPS, ids=[s[0] for s in SETUPS])
def test_conda_setup_creates_its_environment_file(
    name: str, step: str, expected: list[str]
) -> None:
    assert pythons(workflow(step), "env/ci.yml") == expected


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("pip install . --no-deps --no-build-isolation", []),
        ("pip install --no-dependencies -e .", []),
        ("pip install -r requirements.txt --no-deps", ["requirements.txt"]),
        ("pip install .", ["pyproject.toml"]),
    ],
)
def test_no_deps_installs_no_project_requirements(command: str, expected: list[str]) -> None:
    assert installed_files(split_commands(command)[0]) == expected


def test_the_new_py39_job_cannot_solve_scipy_1_14() -> None:
    new = [
        f for f in review_trees(tree(BREAKING, "base"), tree(BREAKING, "head")).findings if f.new
    ]
    scipy = [f for f in new if f.package == "scipy" and f.rule == "python-version-incompatible"]
    assert [(f.severity.value, f.file, f.line) for f in scipy] == [
        ("error", ".github/workflows/unittests.yml", 42)  # the 3.9 matrix entry
    ]
    assert "Requires-Python is >=3.10" in scipy[0].message
    assert "setup-miniconda" in scipy[0].message


def test_the_lower_bound_job_installs_the_project_without_its_requirements() -> None:
    new = [f for f in review_trees(tree(CLEAN, "base"), tree(CLEAN, "head")).findings if f.new]
    assert [f for f in new if f.severity.value == "error"] == []


CI_INDEX = """jobs:
  t:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: '3.10'
      - run: pip install -r requirements.txt --extra-index-url https://download.pytorch.org/whl/cu118
      - run: pip install -r docs.txt
"""


def test_a_ci_install_command_s_index_serves_the_file_it_installs() -> None:
    """The workflow installs requirements.txt with the cu118 index: its +cu118 pin is served
    where the repository installs it (as a Dockerfile's install command would serve it)."""
    files = {
        ".github/workflows/ci.yml": CI_INDEX,
        "requirements.txt": "numpy==1.26.4\ntorch==2.1.0+cu118\n",
        "docs.txt": "torch==2.1.0+cu118\n",
    }
    snapshot = build_snapshot(files)
    indexes = snapshot.files[".github/workflows/ci.yml"].indexes
    assert [(i.url, i.environment) for i in indexes] == [
        ("https://download.pytorch.org/whl/cu118", "requirements.txt")
    ]
    new = [f for f in review_trees({}, files).findings if f.rule == "missing-pytorch-index"]
    assert [(f.file, f.severity.value) for f in new] == [("docs.txt", "error")]


@pytest.mark.parametrize(
    ("spec", "severity"),
    [
        # wtclarke/spec2nii b7fbf1d (PR #155): `scipy>=1.14` in the conda file a 3.9 job
        # creates; every scipy >=1.14 requires Python >=3.10, so no channel builds one for 3.9
        ("scipy>=1.14", "error"),
        ("scipy>=1.13", None),  # scipy 1.13 admits 3.9: the solver takes it
        ("scipy", None),
        ("matplotlib<3.5.3", None),  # Requires-Python admits 3.11: builds unknown, not judged
    ],
)
def test_a_conda_range_every_release_of_which_excludes_the_python(
    spec: str, severity: str | None
) -> None:
    files = workflow(
        "      - uses: conda-incubator/setup-miniconda@v3\n        with:\n"
        "          python-version: ${{ matrix.python }}\n"
        "          environment-file: env/ci.yml\n"
    )
    files["env/ci.yml"] = f"dependencies:\n  - {spec}\n"
    found = [
        f
        for f in review_trees({}, files).findings
        if f.rule == "python-version-incompatible" and spec.split("<")[0].split(">")[0] in f.message
    ]
    assert [f.severity.value for f in found] == ([severity] if severity else [])
    for finding in found:
        assert "3.9" in finding.message and "upstream admits" in finding.message
