"""conda-package-not-on-channels: a package only the pytorch conda channel publishes, in an
environment whose channels do not include it. Real case: fonnesbeck/Bayes_Computing_Course
8eb1a45 (environment.yml keeps ``- cpuonly`` with channels conda-forge only) -> #30
``ResolvePackageNotFound: - cpuonly`` on Binder; fixed by 2046652 ("Remove cpuonly")."""

from __future__ import annotations

import pytest

from rules.checks.base import RuleContext
from rules.checks.conda_channel_package import CondaPackageNotOnChannels
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot

RULE = CondaPackageNotOnChannels()


def env(channels: list[str] | None, *deps: str) -> str:
    lines = ["name: x"]
    if channels is not None:
        lines += ["channels:", *(f"  - {c}" for c in channels)]
    return "\n".join([*lines, "dependencies:", *(f"  - {d}" for d in deps)]) + "\n"


CASES: list[tuple[str, str, list[tuple[str, int]]]] = [
    # (name, environment.yml, expected (package, line))
    (
        "Bayes_Computing_Course 8eb1a45: cpuonly with conda-forge only",
        env(["conda-forge"], "python=3.7", "cpuonly", "numpy"),
        [("cpuonly", 6)],
    ),
    (
        "pytorch-cuda with nvidia and conda-forge, no pytorch channel",
        env(["nvidia", "conda-forge", "nodefaults"], "pytorch", "pytorch-cuda=12.1"),
        [("pytorch-cuda", 8)],
    ),
    (
        "defaults (and its aliases) do not carry cpuonly either",
        env(["defaults", "main"], "cpuonly", "pytorch-mutex=1.0=cpu"),
        [("cpuonly", 6), ("pytorch-mutex", 7)],
    ),
    ("the pytorch channel is listed", env(["pytorch", "conda-forge"], "cpuonly"), []),
    ("pytorch-nightly publishes them too", env(["pytorch-nightly", "nvidia"], "pytorch-cuda"), []),
    ("a channel prefix names the channel", env(["conda-forge"], "pytorch::cpuonly"), []),
    ("a mirror or other channel may carry it", env(["pyg", "conda-forge"], "pytorch-cuda"), []),
    ("no channels: the user's .condarc decides", env(None, "cpuonly"), []),
    ("conda-forge's own selectors", env(["conda-forge"], "pytorch-cpu", "pytorch-gpu"), []),
    (
        "a pip line of the same name is pip's",
        env(["conda-forge"], "pip") + "  - pip:\n    - cpuonly\n",
        [],
    ),
]


def test_a_fragment_takes_the_channels_of_another_environment_file() -> None:
    """facebookresearch/fairchem: env.common.yml (channels pytorch, pyg, conda-forge,
    defaults) and env.gpu.yml (channel nvidia, pytorch-cuda=11.6) are applied to one
    environment with ``conda env update``."""
    files = {
        "env.common.yml": env(["pytorch", "pyg", "conda-forge", "defaults"], "pytorch=1.13.1"),
        "env.gpu.yml": env(["nvidia"], "pytorch-cuda=11.6"),
    }
    found = list(RULE.check(RuleContext(build_snapshot(files), RepoConfig(), load_kb())))
    assert found == []
    files["env.common.yml"] = env(["conda-forge"], "numpy")
    found = list(RULE.check(RuleContext(build_snapshot(files), RepoConfig(), load_kb())))
    assert [(f.file, f.package) for f in found] == [("env.gpu.yml", "pytorch-cuda")]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_conda_package_not_on_channels(
    name: str, text: str, expected: list[tuple[str, int]]
) -> None:
    snapshot = build_snapshot({"environment.yml": text})
    found = list(RULE.check(RuleContext(snapshot, RepoConfig(), load_kb())))
    assert [(f.package, f.line) for f in found] == expected
    for f in found:
        assert f.severity.value == "error" and f.category == "conflict"
        assert f.fix and "ResolvePackageNotFound" in f.message
