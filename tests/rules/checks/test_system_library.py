"""system-library-missing: a Docker build pip-installs a source-only package (GDAL, PyAudio)
whose system library the image lacks. Real case: ESA-PhiLab/sarpyx 379acef (pyproject.toml
gains ``GDAL==3.11.0``; the Dockerfile, ``FROM ubuntu:22.04``, installs no libgdal-dev before
``pip install -e .``), fixed by 7cbd5ff (#9) "Install GDAL system dependencies before Python
package build"; the Dockerfile below is the case's, shortened."""

from __future__ import annotations

import pytest

from rules.checks.base import RuleContext
from rules.checks.system_library import SystemLibraryMissing
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.kb.system_libraries import LIBRARIES
from rules.manifests.snapshot import build_snapshot

RULE = SystemLibraryMissing()

PYPROJECT = """[project]
name = "sarpyx"
version = "0.1.0"
requires-python = ">=3.11, <3.13"
dependencies = [
    "numpy>=1.26",
    "{dep}",
]
"""

SARPYX = """FROM {image}
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y --no-install-recommends \\
    ca-certificates python3.11 python3.11-dev curl git build-essential{extra} \\
    && rm -rf /var/lib/apt/lists/*
WORKDIR /workspace
COPY pyproject.toml ./
COPY sarpyx ./sarpyx
RUN python3.11 -m pip install -e .
"""


def dockerfile(image: str = "ubuntu:22.04", extra: str = "") -> str:
    return SARPYX.format(image=image, extra=extra)


CASES: list[tuple[str, dict[str, str], list[tuple[str, str, int]]]] = [
    # (name, files, expected (file, package, line))
    (
        "sarpyx 379acef: GDAL==3.11.0 on ubuntu:22.04 without libgdal-dev",
        {"pyproject.toml": PYPROJECT.format(dep="GDAL==3.11.0"), "Dockerfile": dockerfile()},
        [("pyproject.toml", "gdal", 7)],
    ),
    (
        "sarpyx 7cbd5ff: the fix installs libgdal-dev",
        {
            "pyproject.toml": PYPROJECT.format(dep="GDAL==3.4.3"),
            "Dockerfile": dockerfile(extra=" gdal-bin libgdal-dev"),
        },
        [],
    ),
    (
        "GDAL on the full python image (OSGeo/gdal#6416: python:3.10.7-bullseye)",
        {
            "requirements.txt": "gdal\nrasterio\n",
            "Dockerfile": "FROM python:3.10.7-bullseye\nCOPY requirements.txt .\n"
            "RUN pip install -r requirements.txt\n",
        },
        [("requirements.txt", "gdal", 1)],
    ),
    (
        "PyAudio on python:3.11-slim (whisper-timestamped#234)",
        {
            "requirements.txt": "openai-whisper\npyaudio==0.2.14\n",
            "Dockerfile": "FROM python:3.11-slim\nRUN apt-get update && apt-get install -y "
            "ffmpeg gcc\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
        },
        [("requirements.txt", "pyaudio", 2)],
    ),
    (
        "PyAudio with portaudio19-dev installed",
        {
            "requirements.txt": "pyaudio\n",
            "Dockerfile": "FROM python:3.11-slim\nRUN apt-get update && apt-get install -y "
            "gcc portaudio19-dev\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
        },
        [],
    ),
    (
        "PyAudio on the full python image: buildpack-deps may carry it, not judged",
        {
            "requirements.txt": "pyaudio\n",
            "Dockerfile": "FROM python:3.11\nCOPY requirements.txt .\n"
            "RUN pip install -r requirements.txt\n",
        },
        [],
    ),
    (
        "a GDAL image carries the library",
        {
            "requirements.txt": "GDAL==3.6.2\n",
            "Dockerfile": "FROM ghcr.io/osgeo/gdal:ubuntu-small-3.6.2\nCOPY requirements.txt .\n"
            "RUN pip install -r requirements.txt\n",
        },
        [],
    ),
    (
        "GDAL from conda in the stage",
        {
            "Dockerfile": "FROM continuumio/miniconda3\nRUN conda install -y -c conda-forge gdal\n"
            "RUN pip install gdal\n",
        },
        [],
    ),
    (
        "a RUN of its own on a CUDA image: the stage's own environment",
        {"Dockerfile": "FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\nRUN pip install psycopg2\n"},
        [("Dockerfile", "psycopg2", 2)],
    ),
    (
        "psycopg2 2.7.7 had manylinux wheels",
        {"Dockerfile": "FROM python:3.6-slim\nRUN pip install psycopg2==2.7.7\n"},
        [],
    ),
    (
        "psycopg2-binary is a wheel",
        {"Dockerfile": "FROM python:3.12-slim\nRUN pip install psycopg2-binary\n"},
        [],
    ),
    (
        "libpq-dev installed",
        {
            "Dockerfile": "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y "
            "libpq-dev gcc\nRUN pip install psycopg2\n",
        },
        [],
    ),
    (
        "pygraphviz 2.0 and later ship manylinux wheels",
        {"Dockerfile": "FROM python:3.12-slim\nRUN pip install 'pygraphviz>=1.5'\n"},
        [],
    ),
    (
        "pygraphviz 1.x is source only",
        {"Dockerfile": "FROM python:3.8-slim\nRUN pip install pygraphviz==1.7\n"},
        [("Dockerfile", "pygraphviz", 2)],
    ),
    (
        "a find-links page may serve a wheel (girder's large_image_wheels has GDAL's)",
        {
            "requirements.txt": "--find-links https://girder.github.io/large_image_wheels\nGDAL\n",
            "Dockerfile": "FROM python:3.11-slim\nCOPY requirements.txt .\n"
            "RUN pip install -r requirements.txt\n",
        },
        [],
    ),
    (
        "wheels built in a builder stage that has libpq-dev",
        {
            "requirements.txt": "psycopg2==2.9.9\n",
            "Dockerfile": "FROM python:3.11-slim AS builder\nRUN apt-get update && "
            "apt-get install -y gcc libpq-dev\nCOPY requirements.txt .\n"
            "RUN pip wheel --wheel-dir /wheels -r requirements.txt\n"
            "FROM python:3.11-slim\nCOPY --from=builder /wheels /wheels\nCOPY requirements.txt .\n"
            "RUN pip install --no-index --find-links=/wheels -r requirements.txt\n",
        },
        [],
    ),
    (
        "no Dockerfile: a developer machine may have the library",
        {"requirements.txt": "GDAL==3.11.0\n"},
        [],
    ),
    (
        "a Windows-only marker",
        {
            "requirements.txt": "pyaudio; sys_platform == 'win32'\n",
            "Dockerfile": "FROM python:3.11-slim\nCOPY requirements.txt .\n"
            "RUN pip install -r requirements.txt\n",
        },
        [],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_system_library_missing(
    name: str, files: dict[str, str], expected: list[tuple[str, str, int]]
) -> None:
    found = list(RULE.check(RuleContext(build_snapshot(files), RepoConfig(), load_kb())))
    assert [(f.file, f.package, f.line) for f in found] == expected
    for f in found:
        assert f.severity.value == "error" and f.category == "config-error"
        assert f.fix is not None and f.fix.startswith("RUN ")
        assert "no Linux wheel" in f.message


def test_the_image_line_is_the_other_end() -> None:
    """A finding at the requirement names the Dockerfile's FROM line too (where the fix goes)."""
    files = {"pyproject.toml": PYPROJECT.format(dep="GDAL==3.11.0"), "Dockerfile": dockerfile()}
    [found] = RULE.check(RuleContext(build_snapshot(files), RepoConfig(), load_kb()))
    assert found.also_at == (("Dockerfile", 1),)


def test_every_row_cites_a_source_and_has_a_provider() -> None:
    for row in LIBRARIES:
        assert row.sources and all(s.startswith("https://") for s in row.sources)
        assert row.providers.search(row.package) or row.package == "psycopg2"
