"""platform-no-wheel: a torch / jaxlib / TensorFlow release with no wheel for a macOS platform.

Real cases: MannLabs/alphapeptdeep (Dependabot PR #261 moves the Intel-Mac line to
torch==2.8.0; PR #227's split with 2.2.2 there is clean) and determined-ai/determined #7599
(an unmarked tensorflow==2.12.0 while e2e_tests guards tensorflow on Apple Silicon; #7679
added the clause).
"""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.checks.base import RuleContext
from rules.checks.platform_wheels import PlatformNoWheel
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.kb.platform_wheels import has_no_wheel
from rules.manifests.snapshot import build_snapshot

RULE = PlatformNoWheel()

INTEL = "sys_platform == 'darwin' and platform_machine == 'x86_64'"
NOT_INTEL = "sys_platform != 'darwin' or platform_machine != 'x86_64'"
E2E = (
    "tensorflow==2.11.0; sys_platform != 'darwin' or platform_machine != 'arm64'\n"
    "tensorflow-macos==2.11.0; sys_platform == 'darwin' and platform_machine == 'arm64'\n"
)

CASES: list[tuple[str, dict[str, str], list[tuple[str, int, str]]]] = [
    # (name, files, expected (file, line, severity))
    (
        "alphapeptdeep #261: torch 2.8.0 on the Intel-Mac line",
        {"requirements.txt": f"torch==2.5.1; {NOT_INTEL}\ntorch==2.8.0; {INTEL}\n"},
        [("requirements.txt", 2, "error")],
    ),
    (
        "alphapeptdeep #227: torch 2.2.2 on the Intel-Mac line (clean)",
        {"requirements.txt": f"torch==2.5.1; {NOT_INTEL}\ntorch==2.2.2; {INTEL}\n"},
        [],
    ),
    (
        "a range pip can satisfy with 2.2.2 on Intel Macs",
        {"requirements.txt": f"torch>=2.0; {INTEL}\n"},
        [],
    ),
    (
        "a range that admits no release with an Intel-Mac wheel",
        {"requirements.txt": f"torch>=2.3; {INTEL}\n"},
        [("requirements.txt", 1, "error")],
    ),
    (
        "determined #7599: unmarked tensorflow 2.12.0 where e2e guards Apple Silicon",
        {"docs/requirements.txt": "sphinx\ntensorflow==2.12.0\n", "e2e/requirements.txt": E2E},
        [("docs/requirements.txt", 2, "warning")],
    ),
    (
        "unmarked tensorflow 2.12.0 with no guard anywhere: not judged",
        {"docs/requirements.txt": "sphinx\ntensorflow==2.12.0\n"},
        [],
    ),
    (
        "tensorflow 2.13.0 has an Apple Silicon wheel",
        {"docs/requirements.txt": "tensorflow==2.13.0\n", "e2e/requirements.txt": E2E},
        [],
    ),
    (
        "Applio / Open3D-ML: `sys_platform == 'darwin'` names no architecture (Apple Silicon)",
        {"requirements.txt": "torch==2.7.1; sys_platform == 'darwin'\n"},
        [],
    ),
    (
        "a guard that leaves out every Mac does not single Intel Macs out",
        {
            "requirements.txt": "torch==2.7.1\n",
            "requirements-cuda.txt": "torch==2.7.1; sys_platform != 'darwin'\n",
        },
        [],
    ),
    (
        "MONAI: `sys_platform != 'win32'` is not about macOS",
        {"requirements.txt": "torch>=2.3.0,<2.6; sys_platform != 'win32'\n"},
        [],
    ),
    (
        "the PyTorch index builds no Intel-Mac torch either",
        {
            "requirements.txt": "--extra-index-url https://download.pytorch.org/whl/cpu\n"
            f"torch==2.8.0; {INTEL}\n"
        },
        [("requirements.txt", 2, "error")],
    ),
    (
        "another index may serve a build",
        {
            "requirements.txt": "--extra-index-url https://example.invalid/simple\n"
            f"torch==2.8.0; {INTEL}\n"
        },
        [],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_platform_no_wheel(
    name: str, files: dict[str, str], expected: list[tuple[str, int, str]]
) -> None:
    found = list(RULE.check(RuleContext(build_snapshot(files), RepoConfig(), load_kb())))
    assert [(f.file, f.line, f.severity.value) for f in found] == expected
    for f in found:
        assert f.category == "python-version-incompatible"
        assert "No matching distribution found" in f.message


@pytest.mark.parametrize(
    ("package", "platform", "version", "none"),
    [
        ("torch", "macos_x86_64", "2.2.2", False),
        ("torch", "macos_x86_64", "2.3.0", True),
        ("torch", "macos_arm64", "1.8.1", True),
        ("torch", "macos_arm64", "2.8.0+cpu", False),
        ("jaxlib", "macos_x86_64", "0.4.38", False),
        ("jaxlib", "macos_x86_64", "0.5.3", True),
        ("tensorflow", "macos_arm64", "2.12.0", True),
        ("tensorflow", "macos_x86_64", "2.17.0", True),
        ("tensorflow", "macos_x86_64", "2.16.2", False),
        ("numpy", "macos_x86_64", "2.0.0", False),
    ],
)
def test_the_table(package: str, platform: str, version: str, none: bool) -> None:
    assert has_no_wheel(package, platform, Version(version)) is none
