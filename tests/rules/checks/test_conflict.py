"""`conflict`: unsatisfiable constraints on one package within one environment."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from packaging.specifiers import SpecifierSet

from rules.checks.base import RuleContext
from rules.checks.conflict import (
    _PYTHON_ONLY,
    LISTED_MAX,
    ConflictRule,
    _Clause,
    _first_conflicting_pair,
    _satisfiable,
)
from rules.config import DEFAULT_CONFIG, RepoConfig, load_config
from rules.findings import Finding
from rules.kb import load_kb
from rules.manifests.model import Requirement
from rules.manifests.snapshot import build_snapshot
from tests.rules.model_builders import manifest, req, snapshot


def run(*reqs: Requirement, config: RepoConfig = DEFAULT_CONFIG) -> list[Finding]:
    files: dict[str, list[Requirement]] = {}
    for r in reqs:
        files.setdefault(r.location.file, []).append(r)
    snap = snapshot(*(manifest(path, *rs) for path, rs in files.items()))
    return list(ConflictRule().check(RuleContext(snap, config, load_kb())))


@pytest.mark.parametrize(
    ("specs", "expected"),
    [
        (["<1.24", ">=1.24"], False),
        ([">=1.24", "<1.24"], False),
        (["==1.24.3", "==1.26.0"], False),
        (["==2.1.0+cu118", "==2.1.0+cu121"], False),
        (["~=1.4.5", "!=1.4.*"], False),
        (["==1.24.*", ">=1.25"], False),
        ([">=2.0.0rc1", "<2.0.0"], False),
        ([">=1.0,<1.0"], False),
        ([">=1.21", "<1.27", ">=1.22"], True),
        ([">1.0", "<1.0.1"], True),
        (["==2.1.0", "==2.1.0+cu118"], True),
        (["==2.0.0rc1", ">=1.0"], True),
        (["~=1.4.5", "<1.5"], True),
        (["!=1.5", "<2", ">=1.5"], True),
        (["==1.24.*", "<1.24.4"], True),
        ([">=0", "<0.0.1"], True),
    ],
)
def test_satisfiable(specs: list[str], expected: bool) -> None:
    assert _satisfiable([SpecifierSet(s) for s in specs]) is expected


def test_seed_scipy_numpy_ceiling_across_files() -> None:
    found = run(
        req("numpy>=1.24", "requirements.txt", 3),
        req("scipy==1.10.1", "requirements.txt", 4),
        req("numpy<1.24", "constraints.txt", 2, env="requirements.txt", constraint=True),
    )
    assert len(found) == 1
    f = found[0]
    assert (f.rule, f.category, f.severity, f.package) == ("conflict", "conflict", "error", "numpy")
    assert "requirements.txt:3" in f.message and "constraints.txt:2" in f.message
    assert f.file in {"requirements.txt", "constraints.txt"} and f.line in {2, 3}
    assert f.fix and "numpy<1.24" in f.fix


def test_two_different_exact_pins_in_included_file() -> None:
    found = run(
        req("torch==2.1.0", "requirements.txt", 1),
        req("torch==2.2.0", "requirements/base.txt", 5, env="requirements.txt"),
    )
    assert [f.package for f in found] == ["torch"]
    assert "requirements/base.txt:5" in found[0].message


@pytest.mark.parametrize(
    "reqs",
    [
        # Same constraints in different environments never meet.
        (req("numpy>=1.24", "requirements.txt"), req("numpy<1.24", "docs/requirements.txt")),
        # Compatible ranges.
        (req("numpy>=1.22", "a.txt", env="a.txt"), req("numpy<1.27", "b.txt", env="a.txt")),
        # Constraint-only packages never install.
        (
            req("numpy>=1.24", "c.txt", env="r.txt", constraint=True),
            req("numpy<1.24", "c2.txt", env="r.txt", constraint=True),
        ),
        # Unconstrained requirement next to a pin.
        (req("numpy", "r.txt", 1), req("numpy==1.26.4", "r.txt", 2)),
    ],
)
def test_no_conflict(reqs: tuple[Requirement, ...]) -> None:
    assert run(*reqs) == []


def test_markers_that_never_hold_together_do_not_conflict() -> None:
    found = run(
        req("numpy<2", "requirements.txt", 1, marker='python_version < "3.12"'),
        req("numpy>=2", "requirements.txt", 2, marker='python_version >= "3.12"'),
    )
    assert found == []


def test_marker_conflict_names_the_failing_targets() -> None:
    config, _ = load_config("targets:\n  python: ['3.10', '3.12']\n  platforms: [linux_x86_64]\n")
    found = run(
        req("numpy<2", "requirements.txt", 1),
        req("numpy>=2", "requirements.txt", 2, marker='python_version >= "3.12"'),
        config=config,
    )
    assert len(found) == 1
    assert "py3.12/linux_x86_64" in found[0].message
    assert "py3.10" not in found[0].message


def test_platform_marker_against_configured_platforms() -> None:
    reqs = (
        req("torch==2.1.0", "r.txt", 1, marker='sys_platform == "darwin"'),
        req("torch==2.1.0+cu118", "r.txt", 2, marker='sys_platform == "linux"'),
        req("torch==2.2.0", "r.txt", 3, marker='platform_machine == "aarch64"'),
    )
    linux_x86, _ = load_config("targets:\n  platforms: [linux_x86_64, macos_arm64]\n")
    assert run(*reqs, config=linux_x86) == []
    arm, _ = load_config("targets:\n  platforms: [linux_aarch64]\n")
    found = run(*reqs, config=arm)
    assert len(found) == 1 and found[0].package == "torch"


def test_pyproject_group_installs_with_runtime() -> None:
    found = run(
        req("numpy>=2", "pyproject.toml", 5, env="pyproject.toml"),
        req("numpy<2", "pyproject.toml", 12, env="pyproject.toml#test"),
    )
    assert len(found) == 1
    assert "pyproject.toml#test" in found[0].message


def test_conflict_in_runtime_reported_once_not_again_per_group() -> None:
    found = run(
        req("numpy>=2", "pyproject.toml", 5, env="pyproject.toml"),
        req("numpy<2", "pyproject.toml", 6, env="pyproject.toml"),
        req("pytest", "pyproject.toml", 12, env="pyproject.toml#test"),
    )
    assert len(found) == 1


def test_fingerprint_ignores_line_moves() -> None:
    a = run(req("numpy>=1.24", "r.txt", 1), req("numpy<1.24", "r.txt", 2))
    b = run(req("numpy>=1.24", "r.txt", 7), req("numpy<1.24", "r.txt", 9))
    assert a[0].identity == b[0].identity
    assert a[0].line != b[0].line


# --- Bounded work (security review, finding 7c) -------------------------------------------

_SPEC = st.sampled_from(
    [
        ">=1.24",
        "<1.24",
        "==1.24.3",
        "==1.26.0",
        "~=1.4.5",
        "!=1.4.*",
        "==1.24.*",
        ">=1.25",
        "<2",
        ">=1.5",
        "!=1.5",
        ">1.0",
        "<1.0.1",
        ">=2.0.0rc1",
        "<2.0.0",
        "==2.1.0",
        ">=0",
        "<0.0.1",
        ">=1.0,<1.0",
        "~=2.1",
        "<=1.26.0",
        ">=1.26.1",
    ]
)


def _reference_pair(clauses: list[_Clause]) -> tuple[_Clause, _Clause] | None:
    """The exhaustive pair search the rule used before finding 7c (the oracle)."""
    for i, left in enumerate(clauses):
        if not _satisfiable([left.spec]):
            return left, left
        for right in clauses[i + 1 :]:
            if not _satisfiable([left.spec, right.spec]):
                return left, right
    return None


def _clauses(specs: list[str]) -> list[_Clause]:
    return [
        _Clause(req(f"numpy{s}", file="r.txt", line=i + 1), SpecifierSet(s))
        for i, s in enumerate(specs)
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPEC, min_size=1, max_size=7))
def test_fast_pair_search_agrees_with_the_exhaustive_one(specs: list[str]) -> None:
    clauses = _clauses(specs)
    assert (_first_conflicting_pair(clauses) is None) == (_reference_pair(clauses) is None)


@pytest.mark.timeout(30)
def test_thousands_of_satisfiable_bounds_finish_with_no_finding() -> None:
    reqs = [req(f"torch>={n}.0", file="r.txt", line=n + 1) for n in range(3000)]
    assert run(*reqs) == []


@pytest.mark.timeout(30)
def test_a_conflict_among_thousands_of_bounds_is_found_and_listed_briefly() -> None:
    reqs = [req(f"torch>={n}.0", file="r.txt", line=n + 1) for n in range(3000)]
    reqs.append(req("torch<1", file="r.txt", line=3001))
    (finding,) = run(*reqs)
    assert "`torch>=2999.0` (r.txt:3000) and `torch<1` (r.txt:3001)" in finding.message
    assert "and 2981 more" in finding.message and len(finding.evidence) == LISTED_MAX


#: Facts: the Requires-Dist lines of tensorflow-2.4.0-cp38-cp38-manylinux2010_x86_64.whl
#: (tensorboard~=2.4, tensorflow-estimator<2.5.0,>=2.4.0rc0, numpy~=1.19.2) and of
#: tensorflow-2.16.1's cp312 wheel (keras>=3.0.0), as rules/kb/data/tensorflow_wheels.json
#: records them (scripts/wheels_from_index.py).
@pytest.mark.parametrize(
    ("reqs", "expected"),
    [
        (  # q-optimize/c3's Dependabot bump: the pins the release's metadata excludes
            (
                req("numpy==1.18.5", "requirements.txt", 37),
                req("tensorboard==2.3.0", "requirements.txt", 68),
                req("tensorflow==2.4.0", "requirements.txt", 70),
                req("tensorflow-estimator==2.3.0", "requirements.txt", 71),
            ),
            [  # one finding per dependency the release's metadata requires against a pin
                ("tensorflow", 70, ("numpy~=1.19.2",)),
                ("tensorflow", 70, ("tensorboard~=2.4",)),
                ("tensorflow", 70, ("tensorflow-estimator<2.5.0,>=2.4.0rc0",)),
            ],
        ),
        (  # the maintainer's fix: pins inside the metadata's ranges
            (
                req("tensorboard==2.4.1", "requirements.txt", 1),
                req("tensorflow==2.4.0", "requirements.txt", 2),
                req("tensorflow-estimator==2.4.0", "requirements.txt", 3),
            ),
            [],
        ),
        (  # a pin in an included file of the same environment
            (
                req("tensorflow==2.16.1", "requirements.txt", 4),
                req("keras==2.15.0", "requirements/base.txt", 2, env="requirements.txt"),
            ),
            [("tensorflow", 4, ("keras>=3.0.0",))],
        ),
        # a range is judged on every release the KB lists in it: tensorflow 2.21.0 requires
        # no tensorboard, so `tensorflow>=2.4` installs next to tensorboard 2.3.0
        ((req("tensorflow>=2.4", "r.txt", 1), req("tensorboard==2.3.0", "r.txt", 2)), []),
        (  # every scipy 1.17/1.18 requires numpy>=1.26.4 (data-apis/array-api-extra #635/#639)
            (req("scipy>=1.17.0,<2", "r.txt", 1), req("numpy==1.24.1", "r.txt", 2)),
            [("scipy", 1, ("numpy<2.8,>=2.0.0",))],
        ),
        # scipy 1.10 admits numpy 1.24.1: pip backtracks to it
        ((req("scipy>=1.10", "r.txt", 1), req("numpy==1.24.1", "r.txt", 2)), []),
        ((req("scipy", "r.txt", 1), req("numpy==1.16.0", "r.txt", 2)), []),
        # transformers' Requires-Dist (requires_dist.json): 4.35.2 requires
        # tokenizers<0.19,>=0.14 (llmware-ai/llmware 113d00d0, fixed by 44b2b225)
        (
            (req("transformers==4.35.2", "r.txt", 1), req("tokenizers==0.13.3", "r.txt", 2)),
            [("transformers", 1, ("tokenizers<0.19,>=0.14",))],
        ),
        ((req("transformers==4.35.2", "r.txt", 1), req("tokenizers==0.15.0", "r.txt", 2)), []),
        (  # kwai-kolors/kolors #47: two clashes of one pin are two findings
            (
                req("transformers==4.42.4", "r.txt", 1),
                req("tokenizers==0.13.2", "r.txt", 2),
                req("safetensors==0.3.3", "r.txt", 3),
            ),
            [
                ("transformers", 1, ("safetensors>=0.4.1",)),
                ("transformers", 1, ("tokenizers<0.20,>=0.19",)),
            ],
        ),
        # one step down: every tokenizers 0.14.x that transformers 4.35.0 admits requires
        # huggingface_hub<0.18 (neuralwork/instruct-finetune-mistral #1)
        (
            (req("transformers==4.35.0", "r.txt", 1), req("huggingface-hub==0.19.4", "r.txt", 2)),
            [("transformers", 1, ("tokenizers<0.15,>=0.14",))],
        ),
        # tokenizers 0.15.x (which transformers 4.36.0 admits) takes huggingface-hub 0.19.4
        ((req("transformers==4.36.0", "r.txt", 1), req("huggingface-hub==0.19.4", "r.txt", 2)), []),
        ((req("transformers==4.35.0", "r.txt", 1), req("huggingface-hub==0.17.3", "r.txt", 2)), []),
        # a range pip can satisfy with an older release (transformers 4.30 takes 0.13.3)
        ((req("transformers>=4.30", "r.txt", 1), req("tokenizers==0.13.3", "r.txt", 2)), []),
        # a range admitting releases older than the KB's listing says nothing
        ((req("transformers<4.40", "r.txt", 1), req("tokenizers==0.99.0", "r.txt", 2)), []),
        # a range on the other side that no required version meets (haotian-liu/LLaVA f04e1cc:
        # gradio 4.16.0 requires pydantic>=2.0 next to pydantic<2,>=1)
        (
            (req("pydantic<2,>=1", "r.txt", 1), req("gradio==4.16.0", "r.txt", 2)),
            [("gradio", 2, ("pydantic>=2.0",))],
        ),
        ((req("pydantic>=1", "r.txt", 1), req("gradio==4.16.0", "r.txt", 2)), []),
        # two pins whose metadata requires disjoint ranges of a third project (OpenBMB/MiniCPM-V
        # #127: spacy 3.7.2 requires typer<0.10.0, gradio 4.31.4 typer>=0.12), said once
        (
            (req("spacy==3.7.2", "r.txt", 1), req("gradio==4.31.4", "r.txt", 2)),
            [("gradio", 2, ("typer<1.0,>=0.12",))],
        ),
        ((req("spacy==3.7.5", "r.txt", 1), req("gradio==4.31.4", "r.txt", 2)), []),
        # a range each release of which requires what a pin's metadata excludes (intel/llm-on-ray
        # #72: every deepspeed >=0.10.2,<0.11.2 requires pydantic<2.0.0, gradio 4.11.0
        # pydantic>=2.0), at the range, in either order
        (
            (req("gradio==4.11.0", "r.txt", 1), req("deepspeed>=0.10.2,<0.11.2", "r.txt", 2)),
            [("deepspeed", 2, ("pydantic<2.0.0",))],
        ),
        (
            (req("deepspeed>=0.10.2,<0.11.2", "r.txt", 1), req("gradio==4.11.0", "r.txt", 2)),
            [("deepspeed", 1, ("pydantic<2.0.0",))],
        ),
        # lines split by Python (vali-98/xtts-rvc-ui: TTS 0.21.1, Requires-Python <3.12,
        # requires numpy==1.22.0 up to 3.10 and numpy>=1.24.3 on 3.11): no Python takes 1.24.2
        (
            (req("TTS==0.21.1", "r.txt", 1), req("numpy==1.24.2", "r.txt", 2)),
            [
                (
                    "tts",
                    1,
                    (
                        'numpy==1.22.0; python_version <= "3.10" / '
                        'numpy>=1.24.3; python_version > "3.10"',
                    ),
                )
            ],
        ),
        ((req("TTS==0.21.1", "r.txt", 1), req("numpy==1.24.3", "r.txt", 2)), []),  # 3.11 takes it
        ((req("TTS==0.21.1", "r.txt", 1), req("numpy==1.22.0", "r.txt", 2)), []),  # 3.10 takes it
        # a deepspeed release in the range admits pydantic 2: pip takes it
        ((req("gradio==4.11.0", "r.txt", 1), req("deepspeed>=0.10.2", "r.txt", 2)), []),
        # the same environment only; no markers
        ((req("tensorflow==2.4.0", "r.txt", 1), req("tensorboard>=2.3", "r.txt", 2)), []),
        (  # a range no release tensorflow 2.4.0 accepts is in it
            (req("tensorflow==2.4.0", "r.txt", 1), req("tensorboard<2.4", "r.txt", 2)),
            [("tensorflow", 1, ("tensorboard~=2.4",))],
        ),
        ((req("tensorflow==2.4.0", "a.txt", 1), req("tensorboard==2.3.0", "b.txt", 2)), []),
        (
            (
                req("tensorflow==2.4.0", "r.txt", 1),
                req("tensorboard==2.3.0", "r.txt", 2, marker='python_version < "3.8"'),
            ),
            [],
        ),
        # a NumPy below the release's floor (numpy_caps.json: pandas-1.3.5 wheel METADATA
        # numpy>=1.17.3 / >=1.19.2 / >=1.20.0 / >=1.21.0 by platform and Python)
        (
            (req("pandas==1.3.5", "r.txt", 1), req("numpy==1.16.0", "r.txt", 2)),
            [("pandas", 1, ("numpy>=1.17.3 / numpy>=1.19.2 / numpy>=1.20.0 / numpy>=1.21.0",))],
        ),
        # NumPy 2 above the cap of tensorflow 2.15.0 (numpy<2.0.0) is numpy-abi's to report;
        # a release the KB does not record says nothing
        ((req("tensorflow==2.15.0", "r.txt", 1), req("numpy==2.0.0", "r.txt", 2)), []),
        ((req("tensorflow==9.9.9", "r.txt", 1), req("tensorboard==2.3.0", "r.txt", 2)), []),
        # requires_dist.json read since 2019 for FastAPI: every fastapi from 0.65.2 on pins a
        # starlette 0.14.2 or later (shibuiwilliam/ml-system-in-actions #5, fixed by #6)
        (
            (req("fastapi>=0.65.2", "r.txt", 1), req("starlette==0.13.6", "r.txt", 2)),
            [("fastapi", 1, ("starlette>=1.6.0",))],  # the newest fastapi's, as the fix names it
        ),
        ((req("fastapi>=0.65.2", "r.txt", 1), req("starlette==0.14.2", "r.txt", 2)), []),
        # kubernetes 10.1.0 requires pyyaml~=3.12, tfx 0.21.4 pyyaml<6,>=5 (googleforgames/
        # clean-chat #6)
        (
            (req("kubernetes==10.1.0", "r.txt", 1), req("tfx==0.21.4", "r.txt", 2)),
            [("tfx", 2, ("pyyaml<6,>=5",))],
        ),
        # streamlit 1.30.0 requires pillow<11 (Shubhamsaboo/awesome-llm-apps #58)
        (
            (req("streamlit==1.30.0", "r.txt", 1), req("Pillow==11.0.0", "r.txt", 2)),
            [("streamlit", 1, ("pillow<11,>=7.1.0",))],
        ),
        # every ultralytics 8.3.x requires opencv-python>=4.6.0 (81Newark/AntiCAP #2)
        (
            (req("opencv-python==3.4.16.59", "r.txt", 1), req("ultralytics~=8.3.96", "r.txt", 2)),
            [("ultralytics", 2, ("opencv-python>=4.6.0",))],
        ),
        # the ML libraries read since 2021 (scripts/requires_from_index.py ML_PACKAGES):
        # lerobot 0.5.1 requires torch<2.11.0 (microsoft/physical-ai-toolchain), dm-control
        # 1.0.31 mujoco>=3.3.3 (myohub/myosuite), coqui-tts 0.24.2 transformers<4.43
        (
            (req("lerobot==0.5.1", "r.txt", 1), req("torch==2.11.0", "r.txt", 2)),
            [("lerobot", 1, ("torch<2.11.0,>=2.7",))],
        ),
        ((req("lerobot==0.5.1", "r.txt", 1), req("torch==2.10.0", "r.txt", 2)), []),
        (
            (req("mujoco==3.1.2", "r.txt", 1), req("dm-control==1.0.31", "r.txt", 2)),
            [("dm-control", 2, ("mujoco>=3.3.3",))],
        ),
        ((req("mujoco==3.3.3", "r.txt", 1), req("dm-control==1.0.31", "r.txt", 2)), []),
        (
            (req("coqui-tts==0.24.2", "r.txt", 1), req("transformers==4.36.2", "r.txt", 2)),
            [("coqui-tts", 1, ("transformers<4.43.0,>=4.42.0",))],
        ),
    ],
)
def test_exact_pins_against_recorded_requires_dist(
    reqs: tuple[Requirement, ...], expected: list[tuple[str, int, tuple[str, ...]]]
) -> None:
    found = run(*reqs)
    got = [
        (f.package, f.line, tuple(line for line in (f.fix or "").splitlines()[1:])) for f in found
    ]
    assert got == expected
    for f in found:
        assert (f.rule, f.category, f.severity) == ("conflict", "conflict", "error")
        assert "METADATA" in f.evidence[-1] or "requires.txt" in f.evidence[-1]  # an sdist's


POETRY_MARKER = 'python_version >= "3.9" and python_version < "4.0"'


@pytest.mark.parametrize(
    ("triton_marker", "found"),
    [
        # predibase/lorax server/requirements.txt (PR #769), a Poetry export: every line has
        # the project's Python range as a marker; torch 2.6.0 requires sympy==1.13.1 and, on
        # Linux, triton==3.2.0
        ('python_version >= "3.9" and sys_platform == "linux" and python_version < "4.0"', 2),
        ('python_version < "3.8"', 1),  # triton never with torch (only sympy clashes)
    ],
)
def test_markers_every_line_carries_do_not_hide_a_clash(triton_marker: str, found: int) -> None:
    reqs = (
        req("sympy==1.13.3", "r.txt", 1, marker=POETRY_MARKER),
        req("torch==2.6.0", "r.txt", 2, marker=POETRY_MARKER),
        req("triton==3.0.0", "r.txt", 3, marker=triton_marker),
    )
    findings = run(*reqs)
    assert len(findings) == found
    assert all((f.package, f.line, f.severity) == ("torch", 2, "error") for f in findings)
    assert any("sympy==1.13.1" in f.message for f in findings)
    assert any("triton==3.2.0" in f.message for f in findings) is (found == 2)


DOCKER_BASE = "FROM python:3.10\n"


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        # one pip run resolves its arguments together
        (["pip install numpy==1.22.0 numpy==1.24.0"], [("numpy", 2, "error")]),
        (["pip install transformers==4.35.2 tokenizers==0.13.0"], [("transformers", 2, "error")]),
        # a later pip run replaces an earlier run's pin: nothing fails
        (["pip install numpy==1.22.0", "pip install numpy==1.24.0"], []),
        (["pip install numpy==1.22.0 && pip install 'numpy>=1.24'"], []),
        # microsoft/nni Dockerfile: setuptools==60.9.1, then pytorch-lightning==1.5.10 (which
        # requires setuptools==59.5.0): the second run installs 59.5.0 over it
        (
            ["pip install setuptools==60.9.1", "pip install pytorch-lightning==1.5.10"],
            [],
        ),
        (["pip install tokenizers==0.13.0", "pip install transformers==4.35.2"], []),
        # a later run's pin breaks what an earlier run installed: pip installs it and warns
        (
            ["pip install transformers==4.35.2", "pip install tokenizers==0.13.0"],
            [("transformers", 2, "warning")],
        ),
        # the last pin is what stays installed: judged against it
        (
            [
                "pip install tokenizers==0.13.0",
                "pip install transformers==4.35.2 tokenizers==0.15.0",
            ],
            [],
        ),
    ],
)
def test_install_commands_of_a_dockerfile_resolve_one_after_another(
    runs: list[str], expected: list[tuple[str, int, str]]
) -> None:
    text = DOCKER_BASE + "".join(f"RUN {run}\n" for run in runs)
    snap = build_snapshot({"Dockerfile": text})
    found = list(ConflictRule().check(RuleContext(snap, DEFAULT_CONFIG, load_kb())))
    assert [(f.package, f.line, f.severity) for f in found] == expected
    for f in found:
        if f.severity == "warning":
            assert "one after another" in f.message and "may fail" in f.message


CONDA_ENV = (
    "name: x\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.8\n{conda}  - pip:\n{pip}"
)


@pytest.mark.parametrize(
    ("conda", "pip", "found"),
    [
        # conda solves its dependencies, then pip installs its section over them (a `conda env
        # export` lists both: zaixizhang/PocketGen's pocketgen.yaml)
        ("  - typing_extensions=4.7.1\n", "      - typing-extensions==4.8.0\n", 0),
        ("  - anyio=3.5.0\n", "      - fastapi==0.104.0\n", 0),  # fastapi needs anyio>=3.7.1
        # within the pip section, one resolution
        ("", "      - fastapi==0.104.0\n      - anyio==3.5.0\n", 1),
        ("  - numpy=1.19.5\n  - numpy=1.24.4\n", "", 1),
    ],
)
def test_conda_dependencies_then_the_pip_section(conda: str, pip: str, found: int) -> None:
    snap = build_snapshot(
        {"environment.yml": CONDA_ENV.format(conda=conda, pip=pip or "      - six\n")}
    )
    findings = list(ConflictRule().check(RuleContext(snap, DEFAULT_CONFIG, load_kb())))
    assert len(findings) == found
    assert all(f.severity == "error" for f in findings)


@pytest.mark.parametrize(
    ("marker", "python_only"),
    [
        ('python_version <= "3.10"', True),
        ('python_version >= "3.8" and python_version < "3.11"', True),
        ('python_full_version == "3.9.*" or python_version > "3.12"', True),
        ('sys_platform == "linux"', False),
        ('(python_version < "3.8")', False),
        ('python_version < "3.8" and sys_platform == "linux"', False),
        (" " * 50_000 + "x", False),  # fails at once: one place per whitespace run
    ],
)
def test_python_only_markers(marker: str, python_only: bool) -> None:
    assert bool(_PYTHON_ONLY.fullmatch(marker)) is python_only
