"""lock-out-of-sync, read statically: Poetry's content-hash, the uv root project's recorded
requirements, and declared requirements the locked versions do not satisfy.

Real files (the corpus cases' byte-exact copies):
- PacktPublishing/LLM-Engineers-Handbook a9b2afe: the sagemaker floor raised, the lock rewritten
  with the old content-hash (issue #8 quotes Poetry's "pyproject.toml changed significantly
  since poetry.lock was last generated"); e97ca80 / 0c693ba relocked;
- nolabs-ai/deepfabric PR #549: torch, accelerate, peft and trl moved into a `training` extra,
  uv.lock unchanged (`uv lock --check`: "The lockfile at `uv.lock` needs to be updated");
- instructor-ai/instructor ad046fbc: black added to the dev group, the lock edited by hand
  without its content-hash line (ff4c1f17 "fix: poetry lock");
- roboflow/supervision Dependabot #1083 and project-deepform's TF 2.3.0 relock: in sync.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.checks.lock_sync import RULES
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]
CASES = Path(__file__).parents[2] / "realworld" / "cases"


def _tree(case: str, side: str) -> dict[str, str]:
    root = CASES / case / side
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in root.rglob("*")
        if p.is_file() and p.name != ".gitkeep"
    }


@pytest.mark.parametrize(
    ("case", "side", "expected"),
    [
        (
            "packtpublishing__llm-engineers-handbook__sagemaker-bump-stale-poetry-lock",
            "head",
            ["hash"],
        ),
        ("packtpublishing__llm-engineers-handbook__sagemaker-bump-stale-poetry-lock", "base", []),
        (
            "packtpublishing__llm-engineers-handbook__torch222-pin-stale-poetry-lock",
            "head",
            ["torch", "hash"],
        ),
        ("nolabs-ai__deepfabric__training-extra-stale-uv-lock", "head", ["root"]),
        ("nolabs-ai__deepfabric__training-extra-stale-uv-lock", "base", []),
        # instructor-ai/instructor ad046fbc: the hand-edited lock lost its content-hash line
        ("instructor-ai__instructor__black-dev-dep-stale-poetry-lock", "head", ["hash"]),
        ("instructor-ai__instructor__black-dev-dep-stale-poetry-lock", "base", []),
        ("roboflow__supervision__dependabot-pillow-1030-poetry-lock", "head", []),
        ("project-deepform__deepform__tf-230-poetry-lock-python383", "head", []),
        ("nathanpainchaud__lightning-hydra-template__renovate-torchmetrics-19-uv-lock", "head", []),
    ],
)
def test_real_locks(case: str, side: str, expected: list[str]) -> None:
    findings = run(RULE, build_snapshot(_tree(case, side)))
    kinds = [f.package or ("hash" if "content-hash" in f.message else "root") for f in findings]
    assert sorted(kinds) == sorted(expected)
    for found in findings:
        assert found.severity == "error" and found.category == "lock-out-of-sync"


UV_PYPROJECT = '[project]\nname = "demo"\nversion = "0.1.0"\ndependencies = [{deps}]\n{extra}'
UV_LOCK = """\
version = 1
revision = 3
requires-python = ">=3.11"

[[package]]
name = "demo"
version = "0.1.0"
source = {{ virtual = "." }}

[package.metadata]
requires-dist = [{recorded}]

[[package]]
name = "six"
version = "1.17.0"
source = {{ registry = "https://pypi.org/simple" }}
"""


@pytest.mark.parametrize(
    ("deps", "extra", "recorded", "stale"),
    [
        ('"six>=1.16"', "", '{ name = "six", specifier = ">=1.16" }', False),
        # a specifier change the locked version still meets: only `uv lock --check` sees it
        ('"six>=1.17"', "", '{ name = "six", specifier = ">=1.16" }', False),
        (
            "",
            '[project.optional-dependencies]\nx = ["six"]\n',
            '{ name = "six", specifier = ">=1.16" }',
            True,
        ),
        (
            "",
            '[project.optional-dependencies]\nx = ["six"]\n',
            '{ name = "six", marker = "extra == \'x\'" }',
            False,
        ),
        # a marker the reader does not take apart: no verdict
        (
            "",
            '[project.optional-dependencies]\nx = ["six"]\n',
            "{ name = \"six\", marker = \"extra == 'x' and python_full_version < '3.12'\" }",
            False,
        ),
        ('"six", "tomli"', "", '{ name = "six" }', True),
    ],
)
def test_uv_root_requirements(deps: str, extra: str, recorded: str, stale: bool) -> None:
    files = {
        "pyproject.toml": UV_PYPROJECT.format(deps=deps, extra=extra),
        "uv.lock": UV_LOCK.format(recorded=recorded),
    }
    findings = run(RULE, build_snapshot(files))  # tomli: "does not lock tomli" says it first
    assert bool(findings) is stale


def test_build_requirements_are_never_locked() -> None:
    pyproject = (
        '[project]\nname = "demo"\nversion = "0.1.0"\ndependencies = ["six"]\n'
        '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
    )
    lock = UV_LOCK.format(recorded='{ name = "six" }')
    assert run(RULE, build_snapshot({"pyproject.toml": pyproject, "uv.lock": lock})) == []


def test_an_extra_naming_the_project_itself_is_not_a_missing_lock_entry() -> None:
    """NVIDIA/earth2studio's pyproject: ``all = ["earth2studio[data,utils]"]``; the project is
    the lock's root, not a locked dependency."""
    pyproject = UV_PYPROJECT.format(
        deps='"six"', extra='[project.optional-dependencies]\nall = ["demo[x]"]\nx = ["six"]\n'
    )
    recorded = (
        '{ name = "six" }, { name = "six", marker = "extra == \'x\'" }, '
        '{ name = "demo", extras = ["x"], marker = "extra == \'all\'" }'
    )
    lock = UV_LOCK.format(recorded=recorded)
    found = run(RULE, build_snapshot({"pyproject.toml": pyproject, "uv.lock": lock}))
    assert [f.message for f in found if "does not lock demo" in f.message] == []


@pytest.mark.parametrize(
    ("project", "locked", "stale"),
    [
        # NVIDIA/Megatron-Energon 3c93492: >=3.10 against a lock made for >=3.9
        (">=3.10", ">=3.9", True),
        (">=3.11", ">=3.11", False),
        (">=3.11,<4", ">=3.11", False),
        # Tau-J/rtmlib PR #64: one project's range now starts sooner than its lock's
        (">=3.9", ">=3.11", True),
        # kohya-ss/sd-scripts 51d8d6a (PR #1906): the range now ends sooner than the lock's
        (">=3.10, <3.11", ">=3.10", True),
        ("==3.10.*", ">=3.10", True),
        (">=3.10", ">=3.10, <3.11", True),  # one project: its lock admits what it does
        (">=3.10, <3.13", ">=3.10, <3.13", False),
    ],
)
def test_uv_lock_made_for_another_python_range(project: str, locked: str, stale: bool) -> None:
    pyproject = UV_PYPROJECT.format(deps='"six"', extra="").replace(
        'version = "0.1.0"\n', f'version = "0.1.0"\nrequires-python = "{project}"\n'
    )
    lock = UV_LOCK.format(recorded='{ name = "six" }').replace(
        'requires-python = ">=3.11"', f'requires-python = "{locked}"'
    )
    found = run(RULE, build_snapshot({"pyproject.toml": pyproject, "uv.lock": lock}))
    assert [f.package for f in found] == (["python"] if stale else [])


@pytest.mark.parametrize(
    ("settings", "options", "stale"),
    [
        # sbi-dev/sbi e0d7732c: prerelease = "disallow" added, the lock left as it was
        ('prerelease = "disallow"\n', "", True),
        ('prerelease = "allow"\n', 'prerelease-mode = "allow"\n', False),
        ("", 'prerelease-mode = "allow"\n', True),  # the setting dropped, the lock kept
        ('resolution = "lowest-direct"\n', 'resolution-mode = "lowest-direct"\n', False),
        ('resolution = "lowest-direct"\n', "", True),
        ('prerelease = "if-necessary-or-explicit"\n', "", False),  # the default, written
        ("", "", False),
    ],
)
def test_uv_resolution_modes_against_the_locks_options(
    settings: str, options: str, stale: bool
) -> None:
    pyproject = UV_PYPROJECT.format(deps='"six"', extra=f"[tool.uv]\n{settings}")
    lock = UV_LOCK.format(recorded='{ name = "six" }')
    if options:
        lock = lock.replace("\n[[package]]", f"\n[options]\n{options}\n[[package]]", 1)
    found = run(RULE, build_snapshot({"pyproject.toml": pyproject, "uv.lock": lock}))
    assert bool(found) == stale, found
    for f in found:
        assert "uv sync --locked" in f.message and f.severity.value == "error"


def test_a_workspace_lock_may_admit_less_than_its_root() -> None:
    """A workspace's lock is made for the intersection of its members' ranges: a root range
    that starts sooner than the lock's is no sign of a stale lock there."""
    pyproject = UV_PYPROJECT.format(deps='"six"', extra="").replace(
        'version = "0.1.0"\n', 'version = "0.1.0"\nrequires-python = ">=3.9"\n'
    )
    member = (
        '\n[[package]]\nname = "member"\nversion = "0.1.0"\n'
        'source = { editable = "packages/member" }\n'
    )
    lock = UV_LOCK.format(recorded='{ name = "six" }') + member
    found = run(RULE, build_snapshot({"pyproject.toml": pyproject, "uv.lock": lock}))
    assert found == []
