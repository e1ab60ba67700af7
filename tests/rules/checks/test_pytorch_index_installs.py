"""missing-pytorch-index and the installs that bring the build first, on real files.

Applio's requirements.txt pins ``torch==2.7.1+cu128`` (and torchaudio / torchvision) with no
index; its Dockerfile and Dockerfile_cuda first run ``pip install torch==2.7.1 torchvision
torchaudio==2.7.1 --index-url https://download.pytorch.org/whl/cu128``, then ``pip install -r
requirements.txt`` in the same stage: pip keeps the installed +cu128 builds the pins ask for
(tests/realworld/cases, files byte-exact at the recorded commits).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from rules.checks.base import RuleContext
from rules.checks.pytorch_index import MissingPytorchIndex
from rules.config import RepoConfig
from rules.findings import Severity
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot

CASES = Path(__file__).resolve().parents[2] / "realworld" / "cases"
DARWIN_BUMP = "iahispano__applio__dependabot-darwin-torch2120-torchaudio271"
MAC_MARKERS = "iahispano__applio__fix-mac-platform-markers"
CU128 = " --index-url https://download.pytorch.org/whl/cu128"
WORKFLOW = (
    "jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
    "      - run: pip install -r requirements.txt\n"
)


def _files(case: str) -> dict[str, str]:
    root = CASES / case / "head"
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _without_index(files: dict[str, str], path: str) -> dict[str, str]:
    """`path`'s torch install without its PyTorch index (the same build from PyPI)."""
    assert CU128 in files[path]
    return {**files, path: files[path].replace(CU128, "")}


def _with_workflow(files: dict[str, str]) -> dict[str, str]:
    return {**files, ".github/workflows/test.yml": WORKFLOW}


LINES = {26, 28, 30}  # the +cu128 lines of both heads


@pytest.mark.parametrize(
    ("case", "edit", "severity"),
    [
        # every install of requirements.txt the repository runs installs the builds first
        (DARWIN_BUMP, None, Severity.NOTICE),
        (MAC_MARKERS, None, Severity.NOTICE),
        # one Dockerfile takes torch from PyPI: its `pip install -r` fails
        (DARWIN_BUMP, lambda f: _without_index(f, "Dockerfile_cuda"), Severity.ERROR),
        (MAC_MARKERS, lambda f: _without_index(f, "Dockerfile"), Severity.ERROR),
        # a workflow installs the file too, with options not read: not known to work
        (MAC_MARKERS, _with_workflow, Severity.ERROR),
    ],
)
def test_an_install_that_brings_the_build_first_serves_the_pin(
    case: str, edit: Callable[[dict[str, str]], dict[str, str]] | None, severity: Severity
) -> None:
    files = _files(case)
    if edit is not None:
        files = edit(files)
    ctx = RuleContext(build_snapshot(files), RepoConfig(), load_kb())
    found = list(MissingPytorchIndex().check(ctx))
    assert {(f.file, f.line) for f in found} == {("requirements.txt", n) for n in LINES}
    assert {f.severity for f in found} == {severity}
    if edit is _with_workflow:  # the Dockerfile's install is still named
        assert all("Dockerfile:23 installs" in f.message for f in found)


def test_the_notice_names_the_installs() -> None:
    ctx = RuleContext(build_snapshot(_files(DARWIN_BUMP)), RepoConfig(), load_kb())
    torch = next(f for f in MissingPytorchIndex().check(ctx) if f.line == 26)
    assert "Dockerfile:24 installs torch==2.7.1 from https://download.pytorch.org/whl/cu128" in (
        torch.message
    )
    assert "Dockerfile_cuda:25 installs torch==2.7.1" in torch.message
    assert "a bare `pip install -r requirements.txt` fails" in torch.message
