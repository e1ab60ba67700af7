"""The Python of a Dockerfile stage: apt-python-unavailable and venv-python-mismatch.

apt-python-unavailable: ayutaz/piper-plus #378 (``apt-get install python3.11`` on ubuntu:24.04,
"Unable to locate package", fixed by f2c9ebc5 with python3.12). venv-python-mismatch:
ilanbenb/wa_llm's Dependabot bump of the runtime stage to python:3.14 under a uv:python3.12
builder whose /app/.venv it copies.
"""

from __future__ import annotations

import pytest

from rules.checks.docker_python import RULES
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run


def _df(image: str, *lines: str) -> str:
    return f"FROM {image}\n" + "".join(f"{line}\n" for line in lines)


N = "ubuntu:24.04"


APT = RULES[1]
PIPER_PLUS = (  # ayutaz/piper-plus 150104fb docker/cpp-dev/Dockerfile (issue #378), shortened
    "FROM ubuntu:24.04\n"
    "RUN apt-get update && apt-get install -y \\\n"
    "    build-essential \\\n"
    "    python3.11 \\\n"
    "    python3.11-dev \\\n"
    "    python3-pip\n"
)
DEADSNAKES = "RUN add-apt-repository -y ppa:deadsnakes/ppa"

APT_CASES: list[tuple[str, str, list[tuple[int, str]]]] = [
    ("piper-plus #378: python3.11 on 24.04", PIPER_PLUS, [(4, "3.11"), (5, "3.11")]),
    ("24.04's own python3.12", _df(N, "RUN apt-get install -y python3.12"), []),
    ("jammy carries 3.11 in universe", _df("ubuntu:22.04", "RUN apt-get install python3.11"), []),
    ("jammy has no 3.12", _df("ubuntu:22.04", "RUN apt-get install -y python3.12"), [(2, "3.12")]),
    ("focal carries 3.9", _df("ubuntu:20.04", "RUN apt-get install -y python3.9-dev"), []),
    ("bionic carries 3.8", _df("ubuntu:18.04", "RUN apt-get install -y python3.8"), []),
    ("bionic has no 3.9", _df("ubuntu:18.04", "RUN apt-get install -y python3.9"), [(2, "3.9")]),
    (
        "bookworm has no 3.10",
        _df("debian:bookworm-slim", "RUN apt-get install -y python3.10"),
        [(2, "3.10")],
    ),
    (
        "the nvidia/cuda 24.04 image is 24.04",
        _df("nvidia/cuda:12.4.1-devel-ubuntu24.04", "RUN apt-get install -y python3.10"),
        [(2, "3.10")],
    ),
    ("deadsnakes PPA first", _df(N, DEADSNAKES, "RUN apt-get install -y python3.11"), []),
    (
        "PPA in the same RUN",
        _df(N, "RUN add-apt-repository ppa:deadsnakes/ppa && apt-get install -y python3.11"),
        [],
    ),
    (
        "a PPA in the parent stage",
        f"FROM ubuntu:24.04 AS base\n{DEADSNAKES}\nFROM base\nRUN apt-get install -y python3.10\n",
        [],
    ),
    (
        "a sources.list entry",
        _df(
            N,
            "RUN echo 'deb http://example.org/x noble main' >> /etc/apt/sources.list",
            "RUN apt-get install -y python3.11",
        ),
        [],
    ),
    ("a moving ubuntu:latest is not judged", _df("ubuntu", "RUN apt-get install python3.9"), []),
    ("yum is not apt", _df("centos:7", "RUN yum install -y python36"), []),
    ("the OS python3", _df(N, "RUN apt-get install -y python3 python3-dev"), []),
]


@pytest.mark.parametrize(("name", "dockerfile", "found"), APT_CASES, ids=[c[0] for c in APT_CASES])
def test_apt_python_unavailable(name: str, dockerfile: str, found: list[tuple[int, str]]) -> None:
    snapshot = build_snapshot({"Dockerfile": dockerfile, "requirements.txt": "torch\n"})
    findings = run(APT, snapshot)
    assert [(f.line, (f.package or "").removeprefix("python")) for f in findings] == found
    for finding in findings:
        assert finding.severity == "error"
        assert finding.category == "python-version-incompatible"
        assert "Unable to locate package" in finding.message


VENV = RULES[2]
WA_LLM = (  # ilanbenb/wa_llm's Dockerfile after the Dependabot bump, shortened
    "FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS builder\n"
    "WORKDIR /app\n"
    "RUN uv sync --frozen --no-dev --no-install-project\n"
    "COPY . /app\n"
    "FROM {runtime}\n"
    "COPY --from=builder --chown=app:app /app /app\n"
    "{use}\n"
    "WORKDIR /app\n"
)
ON_PATH = 'ENV PATH="/app/.venv/bin:$PATH"'

VENV_CASES: list[tuple[str, str, list[tuple[int, str]]]] = [
    (
        "wa_llm: 3.12 venv in a 3.14 runtime",
        WA_LLM.format(runtime="python:3.14-slim-bookworm", use=ON_PATH),
        [(6, "/app/.venv")],
    ),
    ("the same Python", WA_LLM.format(runtime="python:3.12-slim-bookworm", use=ON_PATH), []),
    (
        "the venv is not used",
        WA_LLM.format(runtime="python:3.14-slim", use="RUN echo hi"),
        [],
    ),
    (
        "used by CMD",
        WA_LLM.format(runtime="python:3.13-slim", use='CMD ["/app/.venv/bin/python", "m.py"]'),
        [(6, "/app/.venv")],
    ),
    (
        "VIRTUAL_ENV",
        WA_LLM.format(runtime="python:3.13-slim", use="ENV VIRTUAL_ENV=/app/.venv"),
        [(6, "/app/.venv")],
    ),
    (
        "a runtime with no known Python",
        WA_LLM.format(runtime="gcr.io/distroless/cc", use=ON_PATH),
        [],
    ),
    (
        "python -m venv in the builder, the venv folder copied",
        "FROM python:3.11-slim AS build\nRUN python -m venv /opt/venv\n"
        "FROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\n"
        'ENV PATH="/opt/venv/bin:$PATH"\n',
        [(4, "/opt/venv")],
    ),
    (
        "UV_PROJECT_ENVIRONMENT",
        "FROM python:3.11-slim AS build\nENV UV_PROJECT_ENVIRONMENT=/venv\nWORKDIR /src\n"
        "RUN uv sync --locked\nFROM python:3.10-slim\nCOPY --from=build /venv /venv\n"
        'ENV PATH="/venv/bin:$PATH"\n',
        [(6, "/venv")],
    ),
    (  # a Dependabot bump of both FROM lines leaves the written python3.11 path behind
        "site-packages of 3.11 from a builder now on 3.12",
        "FROM python:3.12-slim AS build\nRUN pip install --prefix=/usr/local torch\n"
        "FROM python:3.12-slim\nCOPY --from=build /usr/local/lib/python3.11/site-packages "
        "/usr/local/lib/python3.11/site-packages\n",
        [(4, "COPY")],
    ),
    (
        "site-packages of 3.11 into a 3.12 runtime",
        "FROM python:3.11-slim AS build\nRUN pip install torch\n"
        "FROM python:3.12-slim\nCOPY --from=build /usr/local/lib/python3.11/site-packages "
        "/usr/local/lib/python3.11/site-packages\n",
        [(4, "/usr/local/lib/python3.11/site-packages")],
    ),
    (
        "site-packages of the same Python",
        "FROM python:3.11-slim AS build\nRUN pip install torch\n"
        "FROM python:3.11-slim\nCOPY --from=build /usr/local/lib/python3.11/site-packages "
        "/usr/local/lib/python3.11/site-packages\n",
        [],
    ),
    (
        "only the project sources copied",
        "FROM python:3.11-slim AS build\nWORKDIR /app\nRUN uv sync\n"
        "FROM python:3.12-slim\nCOPY --from=build /app/src /app/src\n"
        'ENV PATH="/app/.venv/bin:$PATH"\n',
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "dockerfile", "found"), VENV_CASES, ids=[c[0] for c in VENV_CASES]
)
def test_venv_python_mismatch(name: str, dockerfile: str, found: list[tuple[int, str]]) -> None:
    snapshot = build_snapshot({"Dockerfile": dockerfile, "pyproject.toml": ""})
    findings = run(VENV, snapshot)
    assert [(f.line, f.message.split(" ", 1)[0]) for f in findings] == found
    for finding in findings:
        assert finding.severity == "error"
        assert finding.category == "python-version-incompatible"


@pytest.mark.timeout(60)
def test_many_copied_venvs_and_commands_stay_bounded() -> None:
    """20,000 COPY --from lines and 20,000 RUN lines: the commands are read once for the
    folders whose bin/ they name, not once per copied venv."""
    n = 20_000
    dockerfile = (
        "FROM python:3.11 AS b\nRUN python -m venv /v\nFROM python:3.12\n"
        + "".join(f"COPY --from=b /v /d{i}\n" for i in range(n))
        + "".join(f"RUN /d{i}/bin/python x\n" for i in range(n))
    )
    findings = run(VENV, build_snapshot({"Dockerfile": dockerfile}))
    assert 0 < len(findings) <= n
