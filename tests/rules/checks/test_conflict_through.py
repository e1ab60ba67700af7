"""conflict one step down a range, against the file's ranges as well as its pins.

GoogleCloudPlatform/mlops-on-gcp moved a workshop to ``tfx==0.25.0`` and kept ``pandas<1.0.0``:
tfx 0.25.0 requires ``tensorflow-data-validation<0.26,>=0.25`` (and tfx-bsl, TFMA the same
way), and each of those 0.25 releases requires ``pandas<2,>=1.0``; pip stops with
ResolutionImpossible (fixed in 6188cc2 by dropping the pandas cap).
"""

from __future__ import annotations

import pytest

from rules.checks.conflict import RULES
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]


@pytest.mark.parametrize(
    ("lines", "through"),
    [
        ("pandas<1.0.0\ntfx==0.25.0\n", {"tensorflow-data-validation", "tfx-bsl"}),
        ("pandas==0.25.3\ntfx==0.25.0\n", {"tensorflow-data-validation", "tfx-bsl"}),
        ("pandas<2\ntfx==0.25.0\n", set()),  # the fix: pandas 1.x is admitted
        ("pandas>=1.0\ntfx==0.25.0\n", set()),
    ],
)
def test_a_range_one_step_down_against_the_files_ranges(lines: str, through: set[str]) -> None:
    found = [
        f for f in run(RULE, build_snapshot({"requirements.txt": lines})) if f.severity == "error"
    ]
    named = {dep for f in found for dep in through if f"requires `{dep}" in f.message}
    assert named == through, found
    for f in found:
        assert f.package == "tfx" and "pandas<2,>=1.0" in f.message


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        # ndif-team/nnsight's vllm extra: vllm 0.15.1 requires torch==2.9.1, whose wheels require
        # triton==3.5.1; torch itself is named by a range that admits 2.9.1
        ("torch>=2.4.0\nvllm==0.15.1\ntriton==3.5.0\n", True),
        ("torch>=2.4.0\nvllm==0.15.1\ntriton==3.5.1\n", False),
        ("vllm==0.15.1\ntriton==3.5.0\n", True),  # torch not named at all
        # a torch pin is judged as itself; a range excluding 2.9.1 is torch-family-mismatch's
        ("torch==2.9.1\nvllm==0.15.1\ntriton==3.5.0\n", True),
        ("torch<2.9\nvllm==0.15.1\ntriton==3.5.0\n", False),
    ],
)
def test_the_torch_a_family_pin_requires_brings_its_own_requirements(
    lines: str, found: bool
) -> None:
    findings = run(RULES[0], build_snapshot({"requirements.txt": lines}))
    triton = [f for f in findings if "triton==3.5.1" in f.message]
    assert bool(triton) == found, findings
