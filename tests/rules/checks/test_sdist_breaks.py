"""python-version-incompatible: an sdist build that fails for a recorded reason, not only slowly.

numpy releases before 1.26.0 build with numpy.distutils, which needs the distutils module that
Python 3.12 removed (mit-ll/MaDDG#1: uv "distutils was removed from the standard library in
Python 3.12. Consider adding a constraint (like `numpy >1.24.4`)"; ggml-org/llama.cpp#4740:
pip and numpy 1.24.4 on 3.12). Without a wheel for the Python, pip builds the sdist: for these
releases that is an error, for others a warning (a compiler and time).
"""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.checks.python_version import RULES
from rules.findings import Severity
from rules.kb.sdist_builds import sdist_break
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]


@pytest.mark.parametrize(
    ("line", "python", "expected"),
    [
        ("numpy==1.24.4", "3.12", [Severity.ERROR]),  # llama.cpp#4740
        ("numpy~=1.24.4", "3.12", [Severity.ERROR]),
        ("numpy==1.25.2", "3.13", [Severity.ERROR]),  # numpy#24318
        ("numpy<1.26", "3.12", [Severity.ERROR]),  # the fresh pick: 1.25.2
        ("numpy==1.24.4", "3.11", []),  # a cp311 wheel
        ("numpy==1.26.0", "3.12", []),  # the first meson release, cp312 wheels
        ("numpy", "3.12", []),
        ("pandas==1.5.3", "3.12", [Severity.WARNING]),  # builds, with a compiler
    ],
)
def test_sdist_build_breaks(line: str, python: str, expected: list[Severity]) -> None:
    snapshot = build_snapshot({"requirements.txt": f"{line}\n", ".python-version": f"{python}\n"})
    findings = run(RULE, snapshot)
    assert [f.severity for f in findings] == expected
    for found in findings:
        if found.severity == Severity.ERROR:
            assert "distutils" in found.message
            assert any("MaDDG" in e for e in found.evidence)


def test_table() -> None:
    assert sdist_break("numpy", Version("1.24.4"), "3.12") is not None
    assert sdist_break("NumPy", Version("1.25.2"), "3.14") is not None
    assert sdist_break("numpy", Version("1.26.0"), "3.12") is None
    assert sdist_break("numpy", Version("1.24.4"), "3.11") is None
    assert sdist_break("scipy", Version("1.10.1"), "3.12") is None
