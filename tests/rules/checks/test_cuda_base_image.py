"""cuda-base-image-mismatch: positive and negative cases, including the article's scenarios."""

from __future__ import annotations

import pytest

from rules.checks.base import RuleContext
from rules.checks.cuda_base_image import RULES
from rules.config import RepoConfig
from rules.kb import KnowledgeBase
from rules.kb.knowledge import _read_data
from rules.manifests.model import FactKind, Snapshot
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import base_image, fact, index, req, run, snap

RULE = RULES[0]
PT = "https://download.pytorch.org/whl"
ENV = "environment.yml"
IMG_118 = "nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04"
IMG_121 = "nvidia/cuda:12.1.1-runtime-ubuntu22.04"

# (name, snapshot, [(package, severity)])
CASES: list[tuple[str, Snapshot, list[tuple[str | None, str]]]] = [
    (
        "cu121 torch on a CUDA 11.8 base image (newer major: error)",
        snap(req("torch==2.1.0+cu121"), index(f"{PT}/cu121"), base_image(IMG_118)),
        [("torch", "error")],
    ),
    (
        "seed: torch+cu118 deployed on a CUDA 12.1 host (older major: warning)",
        snap(
            fact(FactKind.CUDA, "11.8", "requirements.txt", detail="# CUDA: 11.8"),
            req("torch==2.1.0+cu118"),
            index(f"{PT}/cu118"),
            base_image(IMG_121),
        ),
        [("torch", "warning"), (None, "warning")],
    ),
    (
        "matching build and image",
        snap(req("torch==2.1.0+cu118"), index(f"{PT}/cu118"), base_image(IMG_118)),
        [],
    ),
    (
        "same major, older minor is fine",
        snap(
            req("torch==2.4.0+cu121"), index(f"{PT}/cu121"), base_image("nvidia/cuda:12.4.1-base")
        ),
        [],
    ),
    (
        "same major, newer minor: warning",
        snap(req("torch==2.4.0+cu124"), index(f"{PT}/cu124"), base_image(IMG_121)),
        [("torch", "warning")],
    ),
    (
        "unlabelled torch from PyPI gets the default CUDA 12.4 build (2.6)",
        snap(req("torch==2.6.0"), base_image(IMG_118)),
        [("torch", "error")],
    ),
    (
        "unlabelled torch from the index of the environment",
        snap(req("torch==2.6.0"), index(f"{PT}/cu118"), base_image(IMG_118)),
        [],
    ),
    (
        "declared by a # CUDA: note",
        snap(
            fact(FactKind.CUDA, "11.8", "requirements.txt", detail="# CUDA: 11.8"),
            req("torch==2.1.0+cu121"),
            index(f"{PT}/cu121"),
        ),
        [("torch", "error")],
    ),
    (
        "conda pytorch-cuda against a pip cu121 wheel in the pip section",
        snap(
            req("pytorch-cuda==11.8", ENV, conda=True),
            req("torch==2.1.0+cu121", ENV),
            index(f"{PT}/cu121", ENV),
        ),
        [("torch", "error")],
    ),
    (
        "conda pytorch-cuda newer than the base image",
        snap(req("pytorch-cuda==12.1", ENV, conda=True), base_image(IMG_118)),
        [("pytorch-cuda", "error")],
    ),
    (
        "TensorFlow 2.15 (CUDA 12.2) on a CUDA 11.8 image",
        snap(req("tensorflow==2.15.0"), base_image(IMG_118)),
        [("tensorflow", "error")],
    ),
    (
        "TensorFlow 2.14 (CUDA 11.8) on a CUDA 11.8 image",
        snap(req("tensorflow==2.14.0"), base_image(IMG_118)),
        [],
    ),
    (
        "jax[cuda12] on a CUDA 11.8 image",
        snap(req("jax==0.4.30", extras=("cuda12",)), base_image(IMG_118)),
        [("jax", "error")],
    ),
    (
        "jax[cuda12] on a CUDA 12.1 image",
        snap(req("jax==0.4.30", extras=("cuda12",)), base_image(IMG_121)),
        [],
    ),
    (
        "pytorch/pytorch image decoded without a CUDA fact",
        snap(
            req("torch==2.4.0+cu124"),
            index(f"{PT}/cu124"),
            base_image("pytorch/pytorch:2.1.0-cuda11.8-cudnn8-runtime"),
        ),
        [("torch", "error")],
    ),
    (
        "final stage decides",
        snap(
            req("torch==2.1.0+cu121"),
            index(f"{PT}/cu121"),
            base_image("nvidia/cuda:11.8.0-devel-ubuntu22.04", line=1),
            base_image(IMG_121, line=9),
        ),
        [],
    ),
    (
        "Dockerfiles that disagree apply to their own folder only",
        snap(
            req("torch==2.1.0+cu121", "svc/requirements.txt"),
            index(f"{PT}/cu121", "svc/requirements.txt"),
            base_image(IMG_118, "svc/Dockerfile"),
            base_image(IMG_121, "other/Dockerfile"),
            req("torch==2.1.0+cu121", "other/requirements.txt"),
            index(f"{PT}/cu121", "other/requirements.txt"),
        ),
        [("torch", "error")],
    ),
    ("no declared CUDA: nothing to compare", snap(req("torch==2.1.0+cu121")), []),
    (
        "CPU build is cpu-only-risk's business",
        snap(req("torch==2.1.0+cpu"), index(f"{PT}/cpu"), base_image(IMG_118)),
        [],
    ),
]


@pytest.mark.parametrize(("name", "snapshot", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cuda_base_image(
    name: str, snapshot: Snapshot, expected: list[tuple[str | None, str]]
) -> None:
    findings = run(RULE, snapshot)
    assert [(f.package, f.severity.value) for f in findings] == expected
    for found in findings:
        assert found.category == "cuda-base-image-mismatch"
        assert found.fix and found.line and found.evidence


def test_the_fix_names_a_build_for_the_declared_cuda() -> None:
    findings = run(RULE, snap(req("torch==2.1.0+cu121"), index(f"{PT}/cu121"), base_image(IMG_118)))
    assert findings[0].fix == f"torch==2.1.0+cu118\n--extra-index-url {PT}/cu118"
    assert findings[0].file == "requirements.txt"


def test_svc_finding_is_located_in_its_own_file() -> None:
    snapshot = CASES[16][1]
    assert [f.file for f in run(RULE, snapshot)] == ["svc/requirements.txt"]


# found dogfooding: two folders with identical CUDA 11.8 Dockerfiles; head/requirements.txt's
# finding cited base/Dockerfile because every Dockerfile agreed and the first one was taken
@pytest.mark.parametrize("folder", ["base", "head"])
def test_the_nearest_dockerfile_is_cited_when_all_agree(folder: str) -> None:
    snapshot = snap(
        req("torch==2.1.0+cu121", f"{folder}/requirements.txt"),
        index(f"{PT}/cu121", f"{folder}/requirements.txt"),
        base_image(IMG_118, "base/Dockerfile"),
        base_image(IMG_118, "head/Dockerfile"),
    )
    (found,) = run(RULE, snapshot)
    assert found.file == f"{folder}/requirements.txt"
    assert f"{folder}/Dockerfile:1" in found.message


def _kb_without_newest_pypi_cuda() -> KnowledgeBase:
    """The packaged KB with the newest torch minor's PyPI CUDA unknown (a fresh release)."""
    data = _read_data()
    newest = data["torch.json"]["minors"][-1]
    newest["pypi_default_cuda"] = None
    for patch in newest.get("patches", []):
        patch["pypi_cuda"] = None
    return KnowledgeBase.from_raw(data)


def test_a_range_where_only_some_admitted_releases_break_is_a_warning() -> None:
    kb = _kb_without_newest_pypi_cuda()
    newest = kb.torch.minors[-1].minor
    # CUDA 11.8 image: every torch from 2.1 on whose PyPI CUDA is known is a CUDA 12/13
    # build; the newest one's CUDA is unknown, so the picked build cannot be judged.
    assert newest
    snapshot = snap(req("torch>=2.1"), base_image(IMG_118))
    ctx = RuleContext(snapshot=snapshot, config=RepoConfig(), kb=kb)
    (found,) = list(RULE.check(ctx))
    assert found.severity.value == "warning"
    assert "admits releases built for CUDA" in found.message
    assert found.fix and "+cu118" in found.fix


# broadinstitute/CellBender PR #420 (a clean change): CI moved to Python 3.9, while the
# Dockerfile keeps installing the project on Miniconda py37's Python 3.7. A bare torch picks
# 1.13.1 there (CUDA 11.7, as the image), not the 2.8.0 of CI's Python 3.9.
_CELLBENDER_DOCKERFILE = """\
FROM nvcr.io/nvidia/cuda:11.7.1-base-ubuntu18.04
ADD . /software/cellbender
RUN curl -so $HOME/miniconda.sh https://repo.example/Miniconda3-py37_23.1.0-1-Linux-x86_64.sh \\
 && chmod +x $HOME/miniconda.sh \\
 && $HOME/miniconda.sh -b -p /opt/conda \\
 && pip install -r /software/cellbender/requirements.txt
"""
_CI = """\
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: '{python}'
      - run: pip install -r requirements.txt
"""


@pytest.mark.parametrize(
    ("installer", "ci_python", "picked"),
    [("py37_23.1.0-1", "3.9", None), ("py39_23.1.0-1", "3.7", "torch 2.8.0")],
)
def test_a_dockerfile_picks_the_release_on_its_own_python(
    installer: str, ci_python: str, picked: str | None
) -> None:
    files = {
        "docker/Dockerfile": _CELLBENDER_DOCKERFILE.replace("py37_23.1.0-1", installer),
        "requirements.txt": "numpy\ntorch\n",
        ".github/workflows/ci.yml": _CI.format(python=ci_python),
    }
    findings = [f for rule in RULES for f in run(rule, build_snapshot(files))]
    errors = [f.message for f in findings if f.severity == "error"]
    if picked is None:
        assert errors == []
    else:
        [message] = errors
        assert picked in message and "CUDA 11.7.1" in message


def test_an_image_whose_python_is_unknown_is_judged_on_the_environments_python() -> None:
    dockerfile = _CELLBENDER_DOCKERFILE.replace("py37_23.1.0-1", "latest")
    dockerfile = dockerfile.replace("Miniconda3-latest", "Installer")  # names no Python
    files = {
        "docker/Dockerfile": dockerfile,
        "requirements.txt": "numpy\ntorch\n",
        ".github/workflows/ci.yml": _CI.format(python="3.9"),
    }
    [found] = [f for rule in RULES for f in run(rule, build_snapshot(files))]
    assert found.severity == "error" and "torch 2.8.0" in found.message
