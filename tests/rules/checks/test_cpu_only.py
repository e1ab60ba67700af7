"""cpu-only-risk: positive and negative cases, including the article's missing-index scenario."""

from __future__ import annotations

import pytest

from rules.checks.cpu_only import RULES
from rules.config import RepoConfig
from rules.manifests.model import FactKind, Snapshot
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import base_image, config, fact, index, req, run, snap

RULE = RULES[0]
PT = "https://download.pytorch.org/whl"
IMG = "nvidia/cuda:12.1.1-runtime-ubuntu22.04"
NOTE = fact(FactKind.CUDA, "11.8", "requirements.txt", detail="# CUDA: 11.8")

CASES: list[tuple[str, Snapshot, RepoConfig | None, list[str]]] = [
    (
        "seed: torch==2.1.0 with a # CUDA: note and no index (Windows/macOS get CPU)",
        snap(NOTE, req("torch==2.1.0")),
        None,
        ["warning"],
    ),
    (
        "CUDA base image: Linux x86_64 gets PyPI's CUDA build implicitly",
        snap(req("torch==2.6.0"), base_image(IMG)),
        None,
        ["notice"],
    ),
    (
        "+cpu pin on a CUDA base image",
        snap(req("torch==2.1.0+cpu"), index(f"{PT}/cpu"), base_image(IMG)),
        None,
        ["error"],
    ),
    (
        "CPU-only index",
        snap(req("torch==2.1.0"), index(f"{PT}/cpu"), base_image(IMG)),
        None,
        ["error"],
    ),
    (
        "CUDA index given",
        snap(req("torch==2.1.0"), index(f"{PT}/cu121"), base_image(IMG)),
        None,
        [],
    ),
    ("CUDA variant pinned", snap(req("torch==2.1.0+cu121"), index(f"{PT}/cu121"), NOTE), None, []),
    ("no GPU need declared", snap(req("torch==2.1.0")), None, []),
    (
        "config targets CUDA on Windows",
        snap(req("torch==2.4.0")),
        config(targets={"cuda": ["12.1"], "platforms": ["windows_amd64"]}),
        ["warning"],
    ),
    (
        "config targets CUDA on Linux x86_64 only, torch 2.8 default is CUDA 12.8",
        snap(req("torch==2.8.0")),
        config(targets={"cuda": ["12.8"], "platforms": ["linux_x86_64"]}),
        ["notice"],
    ),
]


@pytest.mark.parametrize(("name", "snapshot", "cfg", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cpu_only(
    name: str, snapshot: Snapshot, cfg: RepoConfig | None, expected: list[str]
) -> None:
    findings = run(RULE, snapshot, cfg)
    assert [f.severity.value for f in findings] == expected
    for found in findings:
        assert found.category == "cpu-only-risk" and found.package == "torch"
        assert found.fix and "--extra-index-url" in found.fix and found.line


def test_message_says_what_each_platform_installs() -> None:
    (found,) = run(RULE, snap(NOTE, req("torch==2.6.0")))
    assert "linux_x86_64: the CUDA 12.4 build" in found.message
    assert "windows_amd64: the CPU-only build" in found.message
    assert "macos_arm64" in found.message
    assert found.fix == f"torch==2.6.0+cu118\n--extra-index-url {PT}/cu118"


_EXPORTED_ENV = """name: mllm
channels:
  - defaults
dependencies:
  - _libgcc_mutex=0.1=main
  - cudatoolkit=11.8.0=h6a678d5_0
  - ld_impl_linux-64=2.38=h1181459_1
  - python=3.9.18=h955ad1f_0
  - pip:
    - torch==2.0.0
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dlyuangod/TinyGPT-V environment.yml (0b13511): exported on linux-64 (its
        # _libgcc_mutex and ld_impl_linux-64): PyPI's torch 2.0.0 there is the CUDA 11.7 build
        (_EXPORTED_ENV, "notice"),
        # the same file without linux-64-only packages may be created on Windows or macOS
        (
            _EXPORTED_ENV.replace("  - _libgcc_mutex=0.1=main\n", "").replace(
                "  - ld_impl_linux-64=2.38=h1181459_1\n", ""
            ),
            "warning",
        ),
    ],
)
def test_a_conda_export_from_linux_64_is_judged_for_linux_64(text: str, expected: str) -> None:
    (found,) = run(RULE, build_snapshot({"environment.yml": text}))
    assert found.severity.value == expected
    assert ("windows_amd64" in found.message) is (expected == "warning")


def test_a_ci_job_and_a_docs_build_do_not_run_in_the_repository_s_image() -> None:
    """open-mmlab/mmaction2 #2568: the CPU test jobs' ``pip install torch==1.8.1+cpu`` and
    requirements/readthedocs.txt (Read the Docs) were read as needing the CUDA 10.2 of the
    repository's image; a file the image installs still does."""
    files = {
        "docker/Dockerfile": "FROM pytorch/pytorch:1.8.1-cuda10.2-cudnn7-devel\n"
        "COPY requirements.txt .\nRUN pip install -r requirements.txt\n",
        "requirements.txt": "torch==1.8.1+cpu\n",
        "requirements/readthedocs.txt": "torch==1.8.1+cpu\n",
        ".readthedocs.yml": "version: 2\npython:\n  install:\n"
        "    - requirements: requirements/readthedocs.txt\n",
        ".github/workflows/test.yml": "on: push\njobs:\n  build_cpu:\n    runs-on: ubuntu-22.04\n"
        "    steps:\n      - uses: actions/setup-python@v5\n        with:\n"
        "          python-version: '3.8'\n"
        "      - run: pip install torch==1.8.1+cpu -f https://download.pytorch.org/whl/"
        "torch_stable.html\n",
    }
    found = {(f.file, f.severity.value) for f in run(RULE, build_snapshot(files))}
    assert found == {("requirements.txt", "error")}
