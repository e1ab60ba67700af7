"""musl-no-distribution: projects with no musllinux wheel and no sdist in an Alpine image.

Real case: McCloudS/subgen e0214ba moved Dockerfile.cpu's builder to ``python:3.11-alpine``
for a requirements.txt with faster-whisper, whose ctranslate2 and onnxruntime publish neither;
c715f81 reverted it four minutes later. The Dockerfile below is the case's, shortened.
"""

from __future__ import annotations

import pytest

from rules.checks.base import RuleContext
from rules.checks.musl_wheels import MuslNoDistribution, alpine_image
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.kb.musl_wheels import NO_MUSL
from rules.manifests.snapshot import build_snapshot

RULE = MuslNoDistribution()

SUBGEN = """FROM {image} AS builder
WORKDIR /subgen
RUN apk add --no-cache ffmpeg git build-base python3-dev libffi-dev
COPY requirements.txt .
RUN pip install --no-cache-dir --prefix=/install -r requirements.txt

FROM {image}
COPY --from=builder /install /usr/local
"""

REQUIREMENTS = "numpy\nfastapi\n{extra}uvicorn\n"

CASES: list[tuple[str, str, str, list[tuple[str, str | None]]]] = [
    # (name, image, requirement lines, expected (file, package))
    (
        "subgen e0214ba: faster-whisper's ctranslate2 and onnxruntime on python:3.11-alpine",
        "python:3.11-alpine",
        "faster-whisper\n",
        [("requirements.txt", "ctranslate2"), ("requirements.txt", "onnxruntime")],
    ),
    ("subgen c715f81: the slim image it went back to", "python:3.11-slim", "faster-whisper\n", []),
    (
        "torch named directly on alpine:3.20",
        "alpine:3.20",
        "torch==2.5.1\n",
        [("requirements.txt", "torch")],
    ),
    ("pure and musl-wheel projects only", "python:3.12-alpine3.20", "", []),
    (
        "a dependency only a marker for another platform pulls is not judged",
        "python:3.12-alpine",
        "tensorflow-io-gcs-filesystem; sys_platform == 'win32'\n",
        [],
    ),
    (
        "another registry's image is not known to be Alpine",
        "example.invalid/python:3.11-alpine",
        "torch\n",
        [],
    ),
]


@pytest.mark.parametrize(("name", "image", "extra", "expected"), CASES, ids=[c[0] for c in CASES])
def test_musl_no_distribution(
    name: str, image: str, extra: str, expected: list[tuple[str, str | None]]
) -> None:
    files = {
        "Dockerfile.cpu": SUBGEN.format(image=image),
        "requirements.txt": REQUIREMENTS.format(extra=extra),
    }
    found = list(RULE.check(RuleContext(build_snapshot(files), RepoConfig(), load_kb())))
    assert [(f.file, f.package) for f in found] == expected
    for f in found:
        assert f.severity.value == "error" and f.category == "python-version-incompatible"
        assert "No matching distribution found" in f.message
        assert f.also_at == (("Dockerfile.cpu", 1),)


def test_another_index_may_serve_a_musl_build() -> None:
    files = {
        "Dockerfile": SUBGEN.format(image="python:3.11-alpine"),
        "requirements.txt": "--extra-index-url https://example.invalid/simple\ntorch\n",
    }
    assert not list(RULE.check(RuleContext(build_snapshot(files), RepoConfig(), load_kb())))


@pytest.mark.parametrize(
    ("image", "alpine"),
    [
        ("python:3.11-alpine", True),
        ("python:3.12-alpine3.20", True),
        ("alpine", True),
        ("python:3.11-slim", False),
        ("ubuntu:22.04", False),
        ("ghcr.io/example/python:3.11-alpine", False),
    ],
)
def test_alpine_image(image: str, alpine: bool) -> None:
    assert alpine_image(image) is alpine


def test_the_list_holds_canonical_names() -> None:
    assert all(name == name.lower() and "_" not in name for name in NO_MUSL)
