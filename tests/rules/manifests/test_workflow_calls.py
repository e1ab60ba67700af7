"""Reusable workflows: the Python a caller's matrix passes reaches the called workflow's
installs, and `pip install .[ml]` reaches only the extra it names.

Shapes from sandialabs/pyGSTi@9d6beb962536c89b10b6ee759417fb4fe2426f3e (.github/workflows/
beta-master.yml calls reuseable-main.yml with `python-version: ${{ matrix.python-version }}`
on 3.10..3.14; the called job sets up `${{ inputs.python-version }}` and runs
`uv pip install --system -e .[ml]`, the tensorflow>=2.16 extra; PR #877: the 3.14 jobs fail
there, TensorFlow has no Python 3.14 wheel).
"""

from __future__ import annotations

import pytest

from rules.checks.python_version import RULES
from rules.findings import Severity
from rules.manifests.model import FactKind
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

CALLER = """\
name: beta
on:
  push:
jobs:
  build:
    strategy:
      matrix:
        python-version: ['3.12', '3.13', '3.14']
    uses: ./.github/workflows/reuseable-main.yml
    with:
      python-version: ${{ matrix.python-version }}
      run-extra-tests: 'true'
"""

CALLED = """\
name: main
on:
  workflow_call:
    inputs:
      python-version:
        required: true
        type: string
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
    - uses: actions/checkout@v4
    - name: Set up Python ${{ inputs.python-version }}
      uses: actions/setup-python@v5
      with:
        python-version: ${{ inputs.python-version }}
    - run: uv pip install --system -e .[testing]
    - name: Install ml extra
      run: INSTALL
"""

PYPROJECT = """\
[project]
name = "pygsti"
version = "0.9"
requires-python = ">=3.10"
dependencies = ["numpy>=1.15"]

[project.optional-dependencies]
testing = ["pytest"]
ml = ["tensorflow>=2.16", "keras>=3.0"]
"""


def _files(install: str, caller: str = CALLER) -> dict[str, str]:
    return {
        ".github/workflows/beta-master.yml": caller,
        ".github/workflows/reuseable-main.yml": CALLED.replace("INSTALL", install),
        "pyproject.toml": PYPROJECT,
    }


def test_the_called_step_gets_the_callers_pythons() -> None:
    snapshot = build_snapshot(_files("uv pip install --system -e .[ml]"))
    facts = [
        (f.value, f.location.line, f.environment)
        for f in snapshot.files[".github/workflows/reuseable-main.yml"].facts
        if f.kind == FactKind.PYTHON
    ]
    assert ("3.14", 16, "pyproject.toml#ml") in facts
    assert ("3.12", 16, "pyproject.toml#testing") in facts
    assert {v for v, _, _ in facts} == {"3.12", "3.13", "3.14"}


@pytest.mark.parametrize(
    ("name", "install", "caller", "expected"),
    [
        ("the ml extra on 3.14", "uv pip install --system -e .[ml]", CALLER, Severity.ERROR),
        ("quoted, two extras", 'pip install ".[docs,ml]"', CALLER, Severity.ERROR),
        ("only .[testing]: tensorflow is not installed", "echo skip", CALLER, None),
        (
            "callers stop at 3.13",
            "uv pip install --system -e .[ml]",
            CALLER.replace(", '3.14'", ""),
            None,
        ),
        (
            "a remote reusable workflow passes nothing here",
            "uv pip install --system -e .[ml]",
            CALLER.replace("./.github/workflows/reuseable-main.yml", "org/ci/.github/w.yml@v1"),
            None,
        ),
    ],
)
def test_tensorflow_extra_on_the_passed_python(
    name: str, install: str, caller: str, expected: Severity | None
) -> None:
    snapshot = build_snapshot(_files(install, caller))
    findings = [f for f in run(RULES[0], snapshot) if f.package == "tensorflow"]
    if expected is None:
        assert findings == []
        return
    (found,) = findings
    assert found.severity == expected
    assert (found.file, found.line) == (".github/workflows/reuseable-main.yml", 16)
    assert "3.14" in found.message and "beta-master.yml:8" in found.message
