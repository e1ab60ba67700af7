"""externally-managed-python: pip into a PEP 668-marked distribution Python in a Dockerfile.

Real reports of the same build failure ("error: externally-managed-environment ... See
/usr/share/doc/python3.12/README.venv"): nvidia-holoscan/holohub#918 (24.04: ``RUN pip install
meson``), mpazdzioch/llamacpp-webui-glue#5 (``RUN apt-get install -y python3 python3-pip`` then
``RUN pip install -r requirements.txt``), ggml-org/llama.cpp#15004 (a CUDA 12.8 Ubuntu 24.04 base),
vti/wahooMapsCreator-docker PR #3 (back to 22.04 to avoid it). pip skips the check in a venv,
with --break-system-packages / PIP_BREAK_SYSTEM_PACKAGES and with --target/--prefix/--root.
"""

from __future__ import annotations

import pytest

from rules.checks.docker_python import RULES
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]

GLUE = (  # llamacpp-webui-glue#5's runtime stage, as its log shows it
    "FROM nvidia/cuda:12.6.3-runtime-ubuntu24.04 AS runtime\n"
    "ADD app /api\nWORKDIR /api\nRUN apt-get update\n"
    "RUN apt-get install -y python3 python3-pip\n"
    "RUN pip install -r requirements.txt\n"
)


def _df(image: str, *lines: str) -> str:
    return f"FROM {image}\n" + "".join(f"{line}\n" for line in lines)


PIP3 = "RUN apt-get update && apt-get install -y python3-pip"
N = "ubuntu:24.04"

CASES: list[tuple[str, str, list[int]]] = [
    ("glue #5: apt python3-pip then pip install on 24.04", GLUE, [6]),
    ("holohub #918: ubuntu:24.04, pip install meson", _df(N, PIP3, "RUN pip install meson"), [3]),
    (
        "debian bookworm's python3.11",
        _df("debian:bookworm-slim", PIP3, "RUN pip3 install numpy"),
        [3],
    ),
    ("python3 -m pip on 24.04", _df(N, PIP3, "RUN python3 -m pip install torch"), [3]),
    ("ubuntu 22.04: no marker", _df("ubuntu:22.04", PIP3, "RUN pip install torch"), []),
    (  # vectorinstitute/vector-inference vllm.Dockerfile: Python built from source (altinstall
        # under /usr/local, no marker) on an image that ships no python3
        "a source-built python3.12 on 24.04",
        _df(
            "nvidia/cuda:12.8.1-cudnn-devel-ubuntu24.04",
            "RUN ./configure --enable-optimizations && make altinstall",
            "RUN python3.12 -m pip install --upgrade pip uv",
            "RUN uv pip install --system --no-deps -r requirements.txt",
        ),
        [],
    ),
    (
        "python3.12 -m pip with the OS's python3.12 apt-installed",
        _df(N, "RUN apt-get install -y python3.12", "RUN python3.12 -m pip install torch"),
        [3],
    ),
    (
        "a venv on PATH",
        _df(
            N,
            "RUN apt-get install -y python3-venv",
            "RUN python3 -m venv /opt/venv",
            "ENV PATH=/opt/venv/bin:$PATH",
            "RUN pip install torch",
        ),
        [],
    ),
    ("--break-system-packages", _df(N, PIP3, "RUN pip install --break-system-packages torch"), []),
    (
        "ENV PIP_BREAK_SYSTEM_PACKAGES=1",
        _df(N, "ENV PIP_BREAK_SYSTEM_PACKAGES=1", PIP3, "RUN pip install torch"),
        [],
    ),
    (
        "inline PIP_BREAK_SYSTEM_PACKAGES=1",
        _df(N, PIP3, "RUN PIP_BREAK_SYSTEM_PACKAGES=1 pip install torch"),
        [],
    ),
    (
        "the marker removed",
        _df(N, PIP3, "RUN rm /usr/lib/python3.12/EXTERNALLY-MANAGED", "RUN pip install torch"),
        [],
    ),
    (
        "pip config set global.break-system-packages",
        _df(N, PIP3, "RUN pip config set global.break-system-packages true", "RUN pip install x"),
        [],
    ),
    ("--target", _df(N, PIP3, "RUN pip install --target /deps torch"), []),
    (
        "python:3.12-bookworm brings its own Python",
        _df("python:3.12-bookworm", "RUN pip install x"),
        [],
    ),
    (
        "deadsnakes python3.11 on 24.04: not the marked python3",
        _df(N, "RUN apt-get install -y python3.11 python3-pip", "RUN python3.11 -m pip install x"),
        [],
    ),
    (  # mpi4py/shmem4py f29b839 (ubuntu:22.04 -> ubuntu:latest), fixed by PR #32 (a venv)
        "ubuntu:latest: the newest LTS is marked",
        _df("ubuntu:latest", PIP3, "RUN python -m pip install numpy cffi"),
        [3],
    ),
    ("untagged ubuntu", _df("ubuntu", PIP3, "RUN pip install x"), [3]),
    (  # c0untfloyd/bark-gui's Dockerfile (PR #66 reports externally-managed-environment)
        "debian:stable is the current stable, as debian:latest",
        _df("debian:stable", "RUN apt update && apt install -y git pip", "RUN pip install ."),
        [3],
    ),
    ("debian:stable-slim", _df("debian:stable-slim", PIP3, "RUN pip install x"), [3]),
    ("debian:oldstable is not followed", _df("debian:oldstable", PIP3, "RUN pip install x"), []),
    (
        "ubuntu:latest with a deadsnakes python3.11: not known to be marked",
        _df(
            "ubuntu:latest", "RUN apt-get install -y python3.11", "RUN python3.11 -m pip install x"
        ),
        [],
    ),
    (
        "uv pip --system",
        _df(N, "RUN apt-get install -y python3", "RUN uv pip install --system x"),
        [3],
    ),
]


@pytest.mark.parametrize(("name", "dockerfile", "lines"), CASES, ids=[c[0] for c in CASES])
def test_externally_managed(name: str, dockerfile: str, lines: list[int]) -> None:
    snapshot = build_snapshot({"Dockerfile": dockerfile, "requirements.txt": "torch\n"})
    findings = run(RULE, snapshot)
    assert [f.line for f in findings] == lines
    for found in findings:
        assert found.severity == "error"
        assert found.category == "python-version-incompatible"
        assert "externally-managed-environment" in found.message
