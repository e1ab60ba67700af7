"""Dockerfile stages: the OS packages their RUN lines install, and `COPY file ./` mapping."""

from __future__ import annotations

import pytest

from rules.manifests.dockerfile import DockerfileParser

#: (case, Dockerfile text, per stage: [(manager, package, line, recommends)])
PACKAGES: list[tuple[str, str, list[list[tuple[str, str, int, bool]]]]] = [
    (
        "apt-get with --no-install-recommends",
        "FROM python:3.12-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends gcc g++=4:12.2.0-3\n",
        [[("apt", "gcc", 2, False), ("apt", "g++", 2, False)]],
    ),
    (
        "apt install also installs Recommends",
        "FROM debian:bookworm\nRUN apt install -y build-essential\n",
        [[("apt", "build-essential", 2, True)]],
    ),
    (
        "apk add",
        "FROM python:3.12-alpine\nRUN apk add --no-cache build-base\n",
        [[("apk", "build-base", 2, False)]],
    ),
    (
        "yum / dnf install",
        "FROM rockylinux:9\nRUN dnf install -y gcc-c++ && yum install -y make\n",
        [[("yum", "gcc-c++", 2, False), ("yum", "make", 2, False)]],
    ),
    (
        "apt-get update and other commands install nothing",
        "FROM python:3.12\nRUN apt-get update && apt-get clean && pip install numpy\n",
        [[]],
    ),
    (
        "a stage built FROM another keeps its packages",
        "FROM python:3.12-slim AS base\nRUN apt-get install -y --no-install-recommends gcc\n"
        "FROM base AS app\nRUN apt-get install -y --no-install-recommends curl\n",
        [
            [("apt", "gcc", 2, False)],
            [("apt", "gcc", 2, False), ("apt", "curl", 4, False)],
        ],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), PACKAGES, ids=[c[0] for c in PACKAGES])
def test_system_packages(
    case: str, text: str, expected: list[list[tuple[str, str, int, bool]]]
) -> None:
    manifest = DockerfileParser().parse("Dockerfile", text)
    got = [
        [(p.manager, p.name, p.location.line, p.recommends) for p in stage.system_packages]
        for stage in manifest.stages
    ]
    assert got == expected, case


@pytest.mark.parametrize(
    ("text", "installs"),
    [
        # a file copied into the WORKDIR: `pip install .` installs the context's pyproject
        (
            "FROM python:3.14-slim\nWORKDIR /app\nCOPY pyproject.toml ./\n"
            'COPY src/ ./src/\nRUN pip install --no-cache-dir ".[explorer]"\n',
            ("pyproject.toml",),
        ),
        (
            "FROM python:3.14-slim\nWORKDIR /app\nCOPY pyproject.toml setup.py ./\n"
            "RUN pip install .\n",
            ("pyproject.toml",),
        ),
        # a folder copied into the WORKDIR: its contents land there
        (
            "FROM python:3.14-slim\nWORKDIR /app\nCOPY backend ./\nRUN pip install .\n",
            ("backend/pyproject.toml",),
        ),
    ],
)
def test_copy_into_a_folder_maps_files_and_folders(text: str, installs: tuple[str, ...]) -> None:
    [stage] = DockerfileParser().parse("Dockerfile", text).stages
    assert stage.installs == installs
