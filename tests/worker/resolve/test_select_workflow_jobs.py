"""A workflow job's by-name installs are resolved after the repository's own environments."""

from __future__ import annotations

from rules.manifests.snapshot import build_snapshot
from worker.resolve.inputs import inputs_for, select

WORKFLOW = """\
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-python@v5
        with: {python-version: "3.11"}
      - run: pip install pytest==8.3.3
"""
PYPROJECT = """\
[project]
name = "x"
version = "0"
dependencies = ["numpy==1.26.4"]

[project.optional-dependencies]
ml = ["scipy==1.13.1"]
"""


def test_job_environments_come_last() -> None:
    snapshot = build_snapshot({".github/workflows/ci.yml": WORKFLOW, "pyproject.toml": PYPROJECT})
    envs = [inp.environment for inp in inputs_for(snapshot)]
    assert ".github/workflows/ci.yml#a" in envs
    chosen, left_out = select(inputs_for(snapshot), 2)
    assert [inp.environment for inp in chosen] == ["pyproject.toml", "pyproject.toml#ml"]
    assert left_out == [".github/workflows/ci.yml#a"]
