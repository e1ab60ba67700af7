"""python-version-incompatible: an sdist build that fails for a recorded reason, not only slowly.

numpy releases before 1.26.0 build with numpy.distutils, which needs the distutils module that
Python 3.12 removed (mit-ll/MaDDG#1: uv "distutils was removed from the standard library in
Python 3.12. Consider adding a constraint (like `numpy >1.24.4`)"; ggml-org/llama.cpp#4740:
pip and numpy 1.24.4 on 3.12). Without a wheel for the Python, pip builds the sdist: for these
releases that is an error, for others a warning (a compiler and time).
"""

from __future__ import annotations

import re

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
        # pycaret/pycaret ff05381 (Dependabot pyyaml 5.3.1 -> 5.4, CI on 3.10/3.11): PyYAML
        # 5.4 has wheels up to cp39; its sdist needs Cython<3 (yaml/pyyaml#601)
        ("pyyaml==5.4", "3.10", [Severity.ERROR]),
        ("pyyaml==5.4.1", "3.11", [Severity.ERROR]),
        ("pyyaml==6.0", "3.12", [Severity.ERROR]),  # etesync/server#172's 6.0 build
        ("pyyaml==5.4.1", "3.9", []),  # a cp39 wheel
        ("pyyaml==6.0.1", "3.12", []),  # pins Cython<3, and has cp312 wheels
        # pyarrow's sdist needs Arrow C++ (apache/arrow#44443: 17.0.0 on 3.13; caikit/caikit
        # b8ff9b3's py313 job with pyarrow>=8,<16)
        ("pyarrow==17.0.0", "3.13", [Severity.ERROR]),
        ("pyarrow>=8,<16", "3.13", [Severity.ERROR]),
        ("pyarrow==18.0.0", "3.13", []),  # cp313 wheels
        # an sdist-only release whose build fails everywhere is release-not-published's
        # (test_unpublished): not a matter of the Python
        ("gym==0.21.0", "3.8", []),
        ("gym==0.26.2", "3.8", []),  # an sdist only too, which builds
    ],
)
def test_sdist_build_breaks(line: str, python: str, expected: list[Severity]) -> None:
    snapshot = build_snapshot({"requirements.txt": f"{line}\n", ".python-version": f"{python}\n"})
    findings = run(RULE, snapshot)
    assert [f.severity for f in findings] == expected
    for found in findings:
        if found.severity == Severity.ERROR:
            word, source = {
                "numpy": ("distutils", "MaDDG"),
                "pyyaml": ("cython_sources", "pyyaml/issues/601"),
                "pyarrow": ("Arrow C++", "arrow/issues/44443"),
            }[re.split(r"[=<>~!]", line)[0]]
            assert word in found.message
            assert any(source in e for e in found.evidence)


def test_table() -> None:
    assert sdist_break("numpy", Version("1.24.4"), "3.12") is not None
    assert sdist_break("NumPy", Version("1.25.2"), "3.14") is not None
    assert sdist_break("numpy", Version("1.26.0"), "3.12") is None
    assert sdist_break("numpy", Version("1.24.4"), "3.11") is None
    assert sdist_break("scipy", Version("1.10.1"), "3.12") is None
    assert sdist_break("PyYAML", Version("5.4.1"), "3.10") is not None
    assert sdist_break("pyyaml", Version("5.3.1"), "3.10") is None  # no Cython build step
    assert sdist_break("pyyaml", Version("6.0.1"), "3.13") is None
    assert sdist_break("pyarrow", Version("15.0.2"), "3.13") is not None
