"""openmmlab-mmcv-range: an OpenMMLab package next to an mmcv / mmengine its import refuses.

Real case: obss/sahi PR #1331 (Dependabot, mmcv 2.1.0 -> 2.2.0 in the `mmdet` extra next to
`mmdet==3.3.0`); mmdet 3.3.0's mmdet/__init__.py asserts mmcv>=2.0.0rc4,<2.2.0, so `import
mmdet` raises "MMCV==2.2.0 is used but incompatible" (open-mmlab/mmdetection #11500). The
realworld case obss__sahi__dependabot-mmcv-220-mmdet-330 holds both pyproject.toml files.
Facts: rules/kb/data/openmmlab_mmcv.json (every release's init, read from the index).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.checks.base import RuleContext
from rules.checks.openmmlab import OpenmmlabMmcvRule
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot

RULE = OpenmmlabMmcvRule()
MMDET = [("error", "requirements.txt", 2, "`import mmdet` fails")]
SAHI = Path(__file__).parents[2] / "realworld/cases/obss__sahi__dependabot-mmcv-220-mmdet-330"


def _run(files: dict[str, str]) -> list[tuple[str, str, int | None, str]]:
    snapshot = build_snapshot(files)
    found = RULE.check(RuleContext(snapshot, RepoConfig(), load_kb()))
    return [(f.severity.value, f.file or "", f.line, f.message.split(":", 1)[0]) for f in found]


def test_sahi_dependabot_bump_is_an_error_and_its_base_is_not() -> None:
    head = (SAHI / "head/pyproject.toml").read_text(encoding="utf-8")
    base = (SAHI / "base/pyproject.toml").read_text(encoding="utf-8")
    assert _run({"pyproject.toml": head}) == [
        ("error", "pyproject.toml", 104, "`import mmdet` fails")
    ]
    assert _run({"pyproject.toml": base}) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mmdet==3.3.0\nmmcv==2.2.0\n", MMDET),
        ("mmdet==3.3.0\nmmcv==2.1.0\n", []),
        # mmcv 1.x is published as mmcv-full; both import as mmcv
        ("mmdet==2.28.2\nmmcv-full==1.7.1\n", []),
        ("mmdet==2.28.2\nmmcv-full==2.0.0\n", MMDET),
        # a range installs the newest recorded release it admits (3.3.0)
        ("mmdet>=3.0,<4\nmmcv==2.2.0\n", MMDET),
        # mmsegmentation 1.2.2 checks mmengine too
        ("mmsegmentation==1.2.2\nmmengine==0.4.0\n",
         [("error", "requirements.txt", 2, "`import mmseg` fails")]),
        # lines whose markers never hold together are never installed together
        ("mmdet==3.3.0; python_version < '3.10'\nmmcv==2.2.0; python_version >= '3.10'\n", []),
        # no pin of mmcv: nothing certain
        ("mmdet==3.3.0\nmmcv>=2.0\n", []),
        # an unrecorded release says nothing
        ("mmdet==9.9.9\nmmcv==2.2.0\n", []),
    ],
)  # fmt: skip
def test_shapes(text: str, expected: list[tuple[str, str, int, str]]) -> None:
    assert _run({"requirements.txt": text}) == expected


def test_the_fix_names_the_range_and_a_release_that_accepts_the_pin() -> None:
    snapshot = build_snapshot({"requirements.txt": "mmdet==3.0.0\nmmcv==2.1.0\n"})
    (found,) = RULE.check(RuleContext(snapshot, RepoConfig(), load_kb()))
    assert found.fix is not None
    assert "mmcv>=2.0.0rc4,<2.1.0" in found.fix and "mmdet==3.3.0" in found.fix
    assert found.category == "conflict"
