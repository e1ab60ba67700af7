"""conflict: what an extra of a pinned release requires (``pip install gym[atari]``).

requires_dist.json keeps the lines an extra guards for the packages
scripts/requires_from_index.py reads with them (EXTRAS_PACKAGES). Real cases:
rlworkgroup/garage (setup.py: ``gym[atari]==0.15.4``, whose atari extra requires
``atari_py~=0.2.0``, next to ``atari-py<0.2.0``), decisionforce/CoPO (``ray[rllib]==2.2.0``
requires ``gym<0.24.0,>=0.21.0`` next to ``gym==0.19.0``), karolynw/gpt-4-snake-ai
(stable-baselines 2.10.2 requires ``gym[atari,classic_control]>=0.11``, so the pinned gym
0.21.0 brings ``ale-py~=0.7.1`` next to ``ale-py==0.8.1``).
"""

from __future__ import annotations

import pytest

from rules.checks.conflict import RULES
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]


@pytest.mark.parametrize(
    ("lines", "clash"),
    [
        ("gym[atari]==0.15.4\natari-py<0.2.0\n", ("gym", "atari_py~=0.2.0")),  # garage
        ("gym==0.15.4\natari-py<0.2.0\n", None),  # no extra: atari-py is not installed
        ("gym[box2d]==0.15.4\natari-py<0.2.0\n", None),  # another extra
        ("gym[atari]==0.21.0\nale-py==0.8.1\n", ("gym", "ale-py~=0.7.1")),
        ("gym[atari]==0.21.0\nale-py==0.7.5\n", None),
        ("ray==2.2.0\nray[rllib]==2.2.0\ngym==0.19.0\n", ("ray", "gym<0.24.0,>=0.21.0")),  # CoPO
        ("ray==2.2.0\ngym==0.19.0\n", None),  # the rllib extra is not asked for
        (  # another pin's metadata asks for the extra (gpt-4-snake-ai)
            "ale-py==0.8.1\ngym==0.21.0\nstable-baselines==2.10.2\n",
            ("gym", "ale-py~=0.7.1"),
        ),
        ("ale-py==0.7.5\ngym==0.21.0\nstable-baselines==2.10.2\n", None),
    ],
)
def test_extra_requirements_against_the_files_pins(
    lines: str, clash: tuple[str, str] | None
) -> None:
    findings = [
        f for f in run(RULE, build_snapshot({"requirements.txt": lines})) if f.severity == "error"
    ]
    assert [(f.package, clash[1] in f.message) for f in findings] == (
        [(clash[0], True)] if clash else []
    ), findings
    for found in findings:
        assert "extra ==" in found.evidence[-1]
