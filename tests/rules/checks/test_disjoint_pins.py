"""Two exact pins that no Python installs together, where no file names the Python.

Real case: trainindata/deploying-machine-learning-models' Dependabot PR #816 sets
numpy==1.22.0 (Requires-Python >=3.8) in packages/neural_network_model/requirements.txt next
to opencv-python==4.0.0.21 (wheels for cp34-cp37, no sdist: the KB's wheel table).
"""

from __future__ import annotations

import pytest

from rules.checks.python_version import RULES
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]
PATH = "packages/neural_network_model/requirements.txt"


@pytest.mark.parametrize(
    ("lines", "extra", "expected"),
    [
        # PR #816's head: numpy 1.22.0 next to opencv-python 4.0.0.21
        ("numpy==1.22.0\nopencv-python==4.0.0.21\n", {}, [(PATH, 2)]),
        # its base: numpy 1.21.x installs on 3.7 too
        ("numpy==1.21.5\nopencv-python==4.0.0.21\n", {}, []),
        # a marker splits numpy by Python: not judged
        ("numpy==1.22.0; python_version >= '3.8'\nopencv-python==4.0.0.21\n", {}, []),
        # a file names the Python: the per-Python check judges each pin instead
        ("numpy==1.22.0\nopencv-python==4.0.0.21\n", {".python-version": "3.7\n"}, None),
    ],
)
def test_disjoint_pins(
    lines: str, extra: dict[str, str], expected: list[tuple[str, int]] | None
) -> None:
    findings = [
        f
        for f in run(RULE, build_snapshot({PATH: lines, **extra}))
        if "no Python installs both" in f.message
    ]
    if expected is None:
        assert not findings
        return
    assert [(f.file, f.line) for f in findings] == expected
    for f in findings:
        assert f.severity.value == "error" and f"{PATH}:1" in f.message


def test_each_pair_is_its_own_problem() -> None:
    """yuanli2333/Teacher-Free-Knowledge-Distillation's Dependabot PR #32 (abridged): numpy
    1.21.0 already shared no Python with mkl-fft 1.0.6 (cp36 only); 1.22.0 (>=3.8) shares
    none with torch 1.2.0 (cp36, cp37) either: a new pair, reported as new."""
    base = "mkl-fft==1.0.6\nnumpy==1.21.0\ntorch==1.2.0\n"
    head = base.replace("numpy==1.21.0", "numpy==1.22.0")

    def pairs(text: str) -> set[str]:
        found = run(RULE, build_snapshot({PATH: text}))
        return {f.identity[1] for f in found if "no Python installs both" in f.message}

    before, after = pairs(base), pairs(head)
    assert len(before) == 1 and before < after
    (new,) = after - before
    assert "numpy" in new and "torch" in new
