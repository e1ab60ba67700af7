"""python-version-incompatible: positive and negative cases."""

from __future__ import annotations

import pytest

from rules.checks.python_version import RULES
from rules.manifests.model import Fact, FactKind, Snapshot
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
