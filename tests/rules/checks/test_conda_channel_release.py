"""conda-release-not-on-channels: a conda pytorch release the environment's channels never
published. Real case: kuleshov-group/bd3lms 8dcfd6a (requirements.yaml, `pytorch=2.6` with
channels pytorch, anaconda, nvidia, defaults) -> kuleshov-group/bd3lms#11
`PackagesNotFoundError: ... pytorch=2.6*`; the pytorch channel stopped at 2.5
(pytorch/pytorch#138506)."""

from __future__ import annotations

import pytest

from rules.checks.base import RuleContext
from rules.checks.conda_channel_release import CondaReleaseNotOnChannels
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot

RULE = CondaReleaseNotOnChannels()


def env(channels: list[str], *deps: str) -> str:
    lines = ["name: x", "channels:", *(f"  - {c}" for c in channels), "dependencies:"]
    return "\n".join([*lines, *(f"  - {d}" for d in deps)]) + "\n"


CASES: list[tuple[str, str, list[str]]] = [
    # (name, environment.yml, expected severities)
    (
        "bd3lms: pytorch=2.6 from pytorch/anaconda/nvidia/defaults",
        env(["pytorch", "anaconda", "nvidia", "defaults"], "python=3.9", "pytorch=2.6"),
        ["warning"],
    ),
    (
        "pytorch + nvidia + nodefaults: no channel can have 2.6",
        env(["pytorch", "nvidia", "nodefaults"], "pytorch=2.6", "pytorch-cuda=12.4"),
        ["error"],
    ),
    (
        "pytorch>=2.7 with pytorch and nvidia, defaults implied (no nodefaults)",
        env(["pytorch", "nvidia"], "pytorch>=2.7"),
        ["warning"],
    ),
    (
        "pytorch=2.5.1 is on the channel",
        env(["pytorch", "nvidia", "nodefaults"], "pytorch=2.5.1"),
        [],
    ),
    ("a range reaching 2.5 can resolve", env(["pytorch", "nodefaults"], "pytorch>=2.4"), []),
    ("conda-forge carries newer pytorch", env(["pytorch", "conda-forge"], "pytorch=2.6"), []),
    ("no pytorch channel: not judged", env(["conda-forge"], "pytorch=2.6"), []),
    ("an unpinned pytorch: not judged", env(["pytorch", "nodefaults"], "pytorch"), []),
    (
        "conda-forge::pytorch names a channel that has it",
        env(["pytorch", "nodefaults"], "conda-forge::pytorch=2.6"),
        [],
    ),
    (
        "a custom channel may carry it",
        env(["pytorch", "https://example.invalid/my-channel", "nodefaults"], "pytorch=2.6"),
        [],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_conda_release_not_on_channels(name: str, text: str, expected: list[str]) -> None:
    snapshot = build_snapshot({"environment.yml": text})
    found = list(RULE.check(RuleContext(snapshot, RepoConfig(), load_kb())))
    assert [f.severity.value for f in found] == expected
    for f in found:
        assert f.file == "environment.yml" and f.line and f.fix and "2.5" in f.message
