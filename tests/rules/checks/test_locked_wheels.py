"""python-version-incompatible for a locked release with no file for the installing Python
(rules/checks/support/locked_wheels.py).

mozilla-ai/otari a83442ab (Apache-2.0; the corpus case
mozilla-ai__otari__magika-onnxruntime1201-py314-image holds the bytes): uv.lock locks
onnxruntime 1.20.1 (markitdown → magika → onnxruntime; Linux x86_64 wheels cp310–cp313, no
sdist) and the Dockerfile runs ``uv sync --frozen`` on ``python:3.14-slim``.
"""

from __future__ import annotations

import pytest

from rules.checks.python_version import RULES
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]

PYPROJECT = """[project]
name = "gateway"
version = "0.1.0"
requires-python = ">=3.13"
dependencies = [{deps}]

[project.optional-dependencies]
ml = ["tensorflow"]
"""
LOCK = """version = 1
revision = 3
requires-python = ">=3.13"

[[package]]
name = "gateway"
version = "0.1.0"
source = {{ editable = "." }}
dependencies = [{{ name = "magika" }}]

[[package]]
name = "magika"
version = "0.6.2"
source = {{ registry = "https://pypi.org/simple" }}
dependencies = [{{ name = "onnxruntime" }}]

[[package]]
name = "onnxruntime"
version = "1.20.1"
source = {{ registry = "https://pypi.org/simple" }}

[[package]]
name = "tensorflow"
version = "2.20.0"
source = {{ registry = "https://pypi.org/simple" }}
"""
DOCKERFILE = """FROM {image} AS builder
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev
"""


@pytest.mark.parametrize(
    ("image", "deps", "found"),
    [
        ("python:3.14-slim", '"magika"', [("onnxruntime", "uv.lock")]),
        ("python:3.13-slim", '"magika"', []),  # onnxruntime 1.20.1 has cp313 wheels
        ("python:3.14-slim", '"requests"', []),  # nothing the project needs reaches it
    ],
)
def test_locked_release_without_a_wheel_for_the_image_python(
    image: str, deps: str, found: list[tuple[str, str]]
) -> None:
    files = {
        "pyproject.toml": PYPROJECT.format(deps=deps),
        "uv.lock": LOCK.format(),
        "Dockerfile": DOCKERFILE.format(image=image),
    }
    hits = [f for f in run(RULE, build_snapshot(files)) if "no sdist" in f.message]
    assert [(f.package, f.file) for f in hits] == found
    for f in hits:
        assert f.severity == "error" and "Python 3.14" in f.message
