"""Indexes a Dockerfile stage sets for every later pip call, and scripts a stage runs.

Real shapes:
- NascentCore/3k@b39adf3a7d803c3095a5b7b1ab03a2e133d0bd0d:examples/nccl/base.Dockerfile runs
  ``pip config set global.index-url https://pypi.tuna.tsinghua.edu.cn/simple`` and later
  ``pip install torch`` (the file's bytes are `NASCENT` below).
- ServiceNow/HypE@939280ce19df5c9e529a0fcddb380d09a09ffc1a:Dockerfile declares ``ARG
  PIP_EXTRA_INDEX_URL`` without a value (given at build time): no index is known.
- ``ENV PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cu118`` before ``pip install``,
  ``ARG PIP_EXTRA_INDEX_URL=…`` + ``ENV PIP_EXTRA_INDEX_URL=${PIP_EXTRA_INDEX_URL}`` and
  ``ENV UV_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu`` before ``uv pip install``
  are common in public Dockerfiles (code-index search, files without a recorded repository);
  the Dockerfiles below are written for the tests in those shapes.
"""

from __future__ import annotations

from datetime import date

import pytest

from rules.checks.support.indexes import indexes_for
from rules.manifests.dockerfile import DockerfileParser
from rules.manifests.model import IndexKind
from rules.manifests.snapshot import build_snapshot
from rules.review import review_trees

NASCENT = (
    "FROM nvidia/cuda:11.7.1-devel-ubuntu20.04\n\n"
    "RUN sed -i 's@//.*archive.ubuntu.com@//mirrors.ustc.edu.cn@g' /etc/apt/sources.list\n"
    "RUN apt update\nRUN apt install -y python3-pip python-is-python3\n\n"
    "# Change pip source to THU source, after changing pip source, use Python3 to\n"
    "# reinstall pip\uff0cthen use Python3 to invoke pip.\n"
    "RUN pip config set global.index-url https://pypi.tuna.tsinghua.edu.cn/simple\n"
    "RUN python3 -m pip install --no-cache-dir --upgrade pip\n\n"
    "RUN pip install torch\n"
)
HYPE = (
    "FROM pytorch/pytorch:1.2-cuda10.0-cudnn7-devel\n"
    "ARG PIP_EXTRA_INDEX_URL\n"
    "RUN apt-get update && apt-get install -y wget curl bzip2 git\n"
    "RUN pip install numpy==1.14.5\n"
)
CU118 = "https://download.pytorch.org/whl/cu118"
IMAGE = "FROM nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04\n"

#: (name, Dockerfile, environment, expected [(url, kind, line)])
CASES: list[tuple[str, str, str, list[tuple[str, IndexKind, int]]]] = [
    (
        "NascentCore/3k: pip config set global.index-url",
        NASCENT,
        "Dockerfile",
        [("https://pypi.tuna.tsinghua.edu.cn/simple", IndexKind.INDEX_URL, 9)],
    ),
    ("ServiceNow/HypE: ARG without a value", HYPE, "Dockerfile", []),
    (
        "ENV PIP_EXTRA_INDEX_URL before pip install",
        f"{IMAGE}ENV PIP_EXTRA_INDEX_URL={CU118}\nRUN pip install torch==2.1.0+cu118\n",
        "Dockerfile",
        [(CU118, IndexKind.EXTRA_INDEX_URL, 2)],
    ),
    (
        "legacy ENV form, PIP_INDEX_URL",
        f"{IMAGE}ENV PIP_INDEX_URL {CU118}\nRUN pip3 install torch\n",
        "Dockerfile",
        [(CU118, IndexKind.INDEX_URL, 2)],
    ),
    (
        "ARG default through ENV",
        f"{IMAGE}ARG PIP_EXTRA_INDEX_URL={CU118}\n"
        "ENV PIP_EXTRA_INDEX_URL=${PIP_EXTRA_INDEX_URL}\nRUN pip install torch\n",
        "Dockerfile",
        [(CU118, IndexKind.EXTRA_INDEX_URL, 3)],
    ),
    (
        "a stage ARG is in the environment of RUN",
        f"{IMAGE}ARG PIP_EXTRA_INDEX_URL={CU118}\nRUN pip install torch\n",
        "Dockerfile",
        [(CU118, IndexKind.EXTRA_INDEX_URL, 2)],
    ),
    (
        "set after the last install: unused",
        f"{IMAGE}RUN pip install torch\nENV PIP_EXTRA_INDEX_URL={CU118}\n",
        "Dockerfile",
        [],
    ),
    (
        "the command's own --extra-index-url replaces the variable",
        f"{IMAGE}ENV PIP_EXTRA_INDEX_URL={CU118}\n"
        "RUN pip install torch --extra-index-url https://download.pytorch.org/whl/cu121\n",
        "Dockerfile",
        [("https://download.pytorch.org/whl/cu121", IndexKind.EXTRA_INDEX_URL, 3)],
    ),
    (
        "uv pip reads UV_EXTRA_INDEX_URL, not PIP_EXTRA_INDEX_URL",
        f"{IMAGE}ENV UV_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu\n"
        f"ENV PIP_EXTRA_INDEX_URL={CU118}\nRUN uv pip install --system torch\n",
        "Dockerfile",
        [("https://download.pytorch.org/whl/cpu", IndexKind.EXTRA_INDEX_URL, 2)],
    ),
    (
        "pip does not read UV_INDEX_URL",
        f"{IMAGE}ENV UV_INDEX_URL={CU118}\nRUN pip install torch\n",
        "Dockerfile",
        [],
    ),
    (
        "a VAR=url prefix of the command",
        f"{IMAGE}RUN PIP_EXTRA_INDEX_URL={CU118} pip install torch\n",
        "Dockerfile",
        [(CU118, IndexKind.EXTRA_INDEX_URL, 2)],
    ),
    (
        "the environment variable wins over pip config",
        f"{IMAGE}RUN pip config set global.extra-index-url https://example.org/simple\n"
        f"ENV PIP_EXTRA_INDEX_URL={CU118}\nRUN pip install torch\n",
        "Dockerfile",
        [(CU118, IndexKind.EXTRA_INDEX_URL, 3)],
    ),
    (
        "a stage built FROM another keeps its ENV and pip config",
        f"{IMAGE.strip()} AS base\nENV PIP_EXTRA_INDEX_URL={CU118}\n"
        "RUN pip config --global set install.index-url https://example.org/simple\n"
        "FROM base AS final\nRUN pip install torch\n",
        "Dockerfile#final",
        [
            ("https://example.org/simple", IndexKind.INDEX_URL, 3),
            (CU118, IndexKind.EXTRA_INDEX_URL, 2),
        ],
    ),
    (
        "another stage's ENV is not inherited",
        f"{IMAGE.strip()} AS a\nENV PIP_EXTRA_INDEX_URL={CU118}\n"
        f"{IMAGE.strip()} AS b\nRUN pip install torch\n",
        "Dockerfile#b",
        [],
    ),
    (
        "a venv of the stage uses it too",
        f"{IMAGE}ENV PIP_EXTRA_INDEX_URL={CU118}\nRUN python3 -m venv /opt/v\n"
        "RUN /opt/v/bin/pip install torch\n",
        "Dockerfile#venv /opt/v",
        [(CU118, IndexKind.EXTRA_INDEX_URL, 2)],
    ),
]


@pytest.mark.parametrize(("name", "text", "env", "expected"), CASES, ids=[c[0] for c in CASES])
def test_stage_index_settings(
    name: str, text: str, env: str, expected: list[tuple[str, IndexKind, int]]
) -> None:
    snapshot = build_snapshot({"Dockerfile": text})
    found = [(i.url, i.kind, i.location.line) for i in indexes_for(snapshot, env)]
    assert sorted(found) == sorted(expected)


def test_setting_is_parsed_once_per_environment() -> None:
    text = f"{IMAGE}ENV PIP_EXTRA_INDEX_URL={CU118}\nRUN pip install a\nRUN pip install b\n"
    manifest = DockerfileParser().parse("Dockerfile", text)
    assert [f.value for f in manifest.facts if f.kind.value == "pip-option"] == [
        f"--extra-index-url={CU118}"
    ]


def findings(head: dict[str, str]) -> list[tuple[str, str, int]]:
    review = review_trees({}, head, today=date(2026, 12, 1))
    return [(f.severity.value, f.rule, f.line or 0) for f in review.findings if f.new]


def test_cu118_pin_under_env_index_needs_no_other_index() -> None:
    bare = f"{IMAGE}RUN pip install torch==2.1.0+cu118\n"
    assert ("error", "missing-pytorch-index", 2) in findings({"Dockerfile": bare})
    env = f"{IMAGE}ENV PIP_EXTRA_INDEX_URL={CU118}\nRUN pip install torch==2.1.0+cu118\n"
    assert not [f for f in findings({"Dockerfile": env}) if f[1] == "missing-pytorch-index"]


def test_range_under_env_index_is_judged_against_that_index() -> None:
    """torch>=2.1,<2.2 from PyPI is a CUDA 12.1 build (an error on an 11.8 image); with the
    cu118 index set by ENV, pip takes the +cu118 build (a newer local version)."""
    bare = f"{IMAGE}RUN pip install 'torch>=2.1,<2.2'\n"
    assert "cuda-base-image-mismatch" in [f[1] for f in findings({"Dockerfile": bare})]
    env = f"{IMAGE}ENV PIP_EXTRA_INDEX_URL={CU118}\nRUN pip install 'torch>=2.1,<2.2'\n"
    assert [f for f in findings({"Dockerfile": env}) if f[0] == "error"] == []


def test_requirements_file_installed_under_env_index() -> None:
    text = (
        f"{IMAGE}ENV PIP_EXTRA_INDEX_URL={CU118}\nCOPY requirements.txt .\n"
        "RUN pip install -r requirements.txt\n"
    )
    head = {"Dockerfile": text, "requirements.txt": "torch==2.1.0+cu118\n"}
    assert not [f for f in findings(head) if f[1] == "missing-pytorch-index"]
    without = {**head, "Dockerfile": text.replace(f"ENV PIP_EXTRA_INDEX_URL={CU118}\n", "")}
    assert [f for f in findings(without) if f[1] == "missing-pytorch-index"]


SCRIPT = "pip install -r requirements.txt\n"
SCRIPT_CASES: list[tuple[str, str, dict[str, str], tuple[str, ...]]] = [
    (
        "bash on a COPY'd script, WORKDIR mapped to the context",
        f"{IMAGE}WORKDIR /app\nCOPY . /app\nRUN bash scripts/install.sh\n",
        {"scripts/install.sh": SCRIPT, "requirements.txt": "numpy\n"},
        ("requirements.txt",),
    ),
    (
        "sh on a script copied to /tmp",
        f"{IMAGE}COPY scripts/install.sh /tmp/install.sh\nRUN sh /tmp/install.sh\n",
        {"scripts/install.sh": SCRIPT, "requirements.txt": "numpy\n"},
        ("requirements.txt",),
    ),
    (
        "./x.sh from a copied folder",
        f"{IMAGE}WORKDIR /w\nCOPY docker/ ./docker/\nRUN ./docker/setup.sh\n",
        {"docker/setup.sh": "pip install -r docker/reqs.txt\n", "docker/reqs.txt": "numpy\n"},
        ("docker/reqs.txt",),
    ),
    (
        "a script that was not copied in is not followed",
        f"{IMAGE}RUN bash scripts/install.sh\n",
        {"scripts/install.sh": SCRIPT, "requirements.txt": "numpy\n"},
        (),
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "files", "installs"), SCRIPT_CASES, ids=[c[0] for c in SCRIPT_CASES]
)
def test_scripts_a_stage_runs(
    name: str, text: str, files: dict[str, str], installs: tuple[str, ...]
) -> None:
    snapshot = build_snapshot({"Dockerfile": text, **files})
    (stage,) = snapshot.files["Dockerfile"].stages
    assert stage.installs == installs


PARENT = (
    f"{IMAGE.strip()} AS base\n"
    f"RUN pip install torch==2.1.0+cu118 --index-url {CU118}\n"
    "FROM base AS final\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"
)
PARENT_CASES: list[tuple[str, str, str]] = [
    ("the parent stage installed the build from its index", PARENT, "notice"),
    ("the same install in the stage itself", PARENT.replace("FROM base AS final\n", ""), "notice"),
    (
        "an unrelated earlier stage installs nothing into this one",
        PARENT.replace("FROM base AS final", f"{IMAGE.strip()} AS final"),
        "error",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "severity"), PARENT_CASES, ids=[c[0] for c in PARENT_CASES]
)
def test_parent_stage_installs_count(name: str, text: str, severity: str) -> None:
    """pip keeps the torch 2.1.0+cu118 a stage built FROM installed from the cu118 index: the
    requirements file's ``torch==2.1.0+cu118`` needs no index of its own there."""
    head = {"Dockerfile": text, "requirements.txt": "torch==2.1.0+cu118\n"}
    found = [f for f in findings(head) if f[1] == "missing-pytorch-index"]
    assert [f[0] for f in found] == [severity]
