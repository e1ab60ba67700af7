"""conda-channel-mixing once per repository mix, on TimeSeAD's real environment files.

TimeSeAD's setup/ holds conda_env_cpu.yaml, conda_env_cuda.yaml and conda_env_cuda111.yaml,
each with ``channels: pytorch, defaults, conda-forge, pyg``; the head commit adds
conda_env_cuda117.yaml with the same mix (plus nvidia). tests/realworld/cases, files
byte-exact at the recorded commits.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.checks.base import RuleContext
from rules.checks.conda_hygiene import CondaChannelMixingRule
from rules.config import RepoConfig
from rules.findings import Severity
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot
from rules.review import review_trees

CASE = Path(__file__).resolve().parents[2] / "realworld" / "cases"
TIMESEAD = CASE / "wagner-d__timesead__conda-env-cuda117-added"
NEW = "setup/conda_env_cuda117.yaml"


def _files(side: str) -> dict[str, str]:
    root = TIMESEAD / side
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".gitkeep"
    }


def _severities(files: dict[str, str]) -> dict[str | None, Severity]:
    ctx = RuleContext(build_snapshot(files), RepoConfig(), load_kb())
    return {f.file: f.severity for f in CondaChannelMixingRule().check(ctx)}


@pytest.mark.parametrize(
    ("only", "expected"),
    [
        (
            None,
            {
                "setup/conda_env_cpu.yaml": Severity.WARNING,  # first in path order
                "setup/conda_env_cuda.yaml": Severity.NOTICE,
                "setup/conda_env_cuda111.yaml": Severity.NOTICE,
                NEW: Severity.NOTICE,
            },
        ),
        # the added file on its own: the mix is new information
        (NEW, {NEW: Severity.WARNING}),
    ],
)
def test_a_repeated_channel_mix_is_a_notice(
    only: str | None, expected: dict[str, Severity]
) -> None:
    files = _files("head")
    assert _severities({only: files[only]} if only else files) == expected


def test_the_added_env_file_brings_no_new_channel_warning() -> None:
    review = review_trees(_files("base"), _files("head"))
    new = [f for f in review.findings if f.new and f.rule == "conda-channel-mixing"]
    assert [(f.file, f.severity) for f in new] == [(NEW, Severity.NOTICE)]
    assert "The same mix as setup/conda_env_cpu.yaml, reported there." in new[0].message
