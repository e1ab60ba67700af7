"""Dockerfile stages: which Python runs pip, which files each stage installs, COPY --from."""

from __future__ import annotations

import pytest

from rules.manifests.dockerfile import DockerfileParser
from rules.manifests.images import decode_image, os_python3

#: (case, Dockerfile text, expected per stage: (label, python, how, installs, copies_from))
STAGES: list[
    tuple[str, str, list[tuple[str, str | None, str, tuple[str, ...], tuple[str, ...]]]]
] = [
    (
        "python image, slim",
        "FROM python:3.14-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
        [("Dockerfile", "3.14", "image", ("requirements.txt",), ())],
    ),
    (
        "python image on Docker Hub's full name with a digest",
        "FROM docker.io/library/python:3.9-bullseye@sha256:0123abcd\n",
        [("Dockerfile", "3.9", "image", (), ())],
    ),
    (
        "ubuntu 18.04 apt python3 is 3.6",
        "FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y python3 python3-pip\n",
        [("Dockerfile", "3.6", "os-default", (), ())],
    ),
    (
        "nvidia/cuda on ubuntu22.04 with apt python3 is 3.10",
        "FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\n"
        "RUN apt-get install -y --no-install-recommends python3-pip\n",
        [("Dockerfile", "3.10", "os-default", (), ())],
    ),
    (
        "nvidia/cuda without python from apt: no python",
        "FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\nRUN apt-get install -y curl\n",
        [("Dockerfile", None, "", (), ())],
    ),
    (
        "deadsnakes python3.11 beats the OS python3",
        "FROM ubuntu:20.04\n"
        "RUN apt-get install -y python3 software-properties-common && "
        "add-apt-repository ppa:deadsnakes/ppa && apt-get install -y python3.11 python3.11-dev\n",
        [("Dockerfile", "3.11", "apt", (), ())],
    ),
    (
        "python3.9-dev alone names 3.9",
        "FROM debian:bookworm\nRUN apt install -y python3.9-dev\n",
        [("Dockerfile", "3.9", "apt", (), ())],
    ),
    (
        "debian bullseye python3 is 3.9",
        "FROM debian:bullseye-slim\nRUN apt-get install -y python3\n",
        [("Dockerfile", "3.9", "os-default", (), ())],
    ),
    (
        "the interpreter that runs pip decides",
        "FROM python:3.11\n"
        "RUN apt-get install -y python3.8 && python3.8 -m pip install -r req/x.txt\n",
        [("Dockerfile", "3.8", "interpreter", ("req/x.txt",), ())],
    ),
    (
        "conda python= in a RUN",
        "FROM continuumio/miniconda3\nRUN conda install -y python=3.8 pip\n",
        [("Dockerfile", "3.8", "conda", (), ())],
    ),
    (
        "COPY to another path, WORKDIR, -e . and a bind mount",
        "FROM python:3.10\nWORKDIR /app\nCOPY deps/gpu.txt /tmp/r.txt\nCOPY . .\n"
        "RUN pip install -r /tmp/r.txt && pip install -e . -r tools/dev.txt\n"
        "RUN --mount=type=bind,source=ci/pins.txt,target=/p.txt pip install -c /p.txt x\n",
        [
            (
                "Dockerfile",
                "3.10",
                "image",
                # a command's -r files first, then the projects it installs
                ("deps/gpu.txt", "tools/dev.txt", "pyproject.toml", "ci/pins.txt"),
                (),
            )
        ],
    ),
    (
        "COPY of a folder",
        "FROM python:3.10\nCOPY env/ /opt/env/\nRUN pip install -r /opt/env/cuda.txt\n",
        [("Dockerfile", "3.10", "image", ("env/cuda.txt",), ())],
    ),
    (
        "ARG default chooses the base image",
        "ARG PY=3.12\nARG BASE=python:${PY}-slim\nFROM ${BASE}\n",
        [("Dockerfile", "3.12", "image", (), ())],
    ),
    (
        "multi-stage: the final stage copies the builder's environment",
        "FROM nvidia/cuda:11.8.0-devel-ubuntu22.04 AS builder\n"
        "RUN apt-get install -y python3-pip && pip install -r requirements.txt\n"
        "FROM nvidia/cuda:12.4.1-runtime-ubuntu24.04\n"
        "COPY --from=builder /usr/local/lib/python3.10 /usr/local/lib/python3.10\n",
        [
            ("Dockerfile#builder", "3.10", "os-default", ("requirements.txt",), ()),
            ("Dockerfile#1", None, "", (), ("builder",)),
        ],
    ),
    (
        "a stage built FROM another inherits its Python and paths",
        "FROM python:3.9 AS base\nWORKDIR /src\nCOPY reqs ./reqs\n"
        "FROM base AS app\nRUN pip install -r reqs/app.txt\n",
        [
            ("Dockerfile#base", "3.9", "image", (), ()),
            ("Dockerfile#app", "3.9", "image", ("reqs/app.txt",), ()),
        ],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), STAGES, ids=[c[0] for c in STAGES])
def test_stages(
    case: str,
    text: str,
    expected: list[tuple[str, str | None, str, tuple[str, ...], tuple[str, ...]]],
) -> None:
    manifest = DockerfileParser().parse("Dockerfile", text)
    assert not manifest.errors, case
    got = [(s.label, s.python, s.python_how, s.installs, s.copies_from) for s in manifest.stages]
    assert got == expected


def test_python_evidence_has_its_line_and_text() -> None:
    text = "FROM ubuntu:22.04\n\nRUN apt-get update && \\\n    apt-get install -y python3.12-venv\n"
    [stage] = DockerfileParser().parse("docker/Dockerfile", text).stages
    assert stage.python_at is not None
    assert (stage.python_at.file, stage.python_at.line) == ("docker/Dockerfile", 4)
    assert stage.python_text == "python3.12-venv"


def test_include_paths_are_repository_paths() -> None:
    text = (
        "FROM python:3.11\nCOPY requirements/base.txt /r/base.txt\nRUN pip install -r /r/base.txt\n"
    )
    manifest = DockerfileParser().parse("Dockerfile", text)
    assert manifest.include_paths == ("requirements/base.txt",)


@pytest.mark.parametrize(
    ("os_name", "python"),
    [
        ("ubuntu18.04", "3.6"),
        ("ubuntu20.04", "3.8"),
        ("ubuntu22.04", "3.10"),
        ("ubuntu24.04", "3.12"),
        ("buster", "3.7"),
        ("bullseye", "3.9"),
        ("bookworm", "3.11"),
        ("jammy", "3.10"),
        ("ubuntu16.04", None),
        (None, None),
    ],
)
def test_os_python3(os_name: str | None, python: str | None) -> None:
    assert os_python3(os_name) == python


@pytest.mark.parametrize(
    ("ref", "os_name"),
    [
        ("ubuntu:22.04", "ubuntu22.04"),
        ("ubuntu:jammy-20240101", "ubuntu22.04"),
        ("debian:bullseye-slim", "debian11"),
        ("debian:12", "debian12"),
        ("python:3.9-bullseye", "bullseye"),
        ("nvcr.io/nvidia/cuda:12.1.0-cudnn8-devel-ubuntu22.04", "ubuntu22.04"),
    ],
)
def test_image_os(ref: str, os_name: str) -> None:
    info = decode_image(ref)
    assert info is not None
    assert info.os == os_name
