"""linux-no-distribution: macOS-only projects installed by a Linux image or CI job.

romilbert/samformer #2: requirements.txt pinned ``tensorflow-macos==2.13.0`` with no marker;
on Linux pip stops with "No matching distribution found for tensorflow-macos" (a2bebf0 added
``sys_platform == "darwin"``). tensorflow-macos, tensorflow-metal, jax-metal and mlx-metal
publish macOS wheels only (the index's file lists, read on 2026-12-06).
"""

from __future__ import annotations

import pytest

from rules.checks.linux_wheels import RULES
from rules.kb.linux_wheels import no_linux_distribution
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]
DOCKERFILE = "FROM python:3.11-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"
WORKFLOW = """on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install -r requirements.txt
"""


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (  # samformer's line, installed by a Docker image
            {"requirements.txt": "tensorflow-macos==2.13.0\n", "Dockerfile": DOCKERFILE},
            [("requirements.txt", 1, "tensorflow-macos")],
        ),
        (  # by a Linux CI job
            {
                "requirements.txt": "numpy\ntensorflow-metal>=1.0\n",
                ".github/workflows/ci.yml": WORKFLOW,
            },
            [("requirements.txt", 2, "tensorflow-metal")],
        ),
        (  # a Dockerfile's own RUN line
            {"Dockerfile": "FROM python:3.11\nRUN pip install jax-metal==0.1.1\n"},
            [("Dockerfile", 2, "jax-metal")],
        ),
        (  # the darwin marker keeps it off Linux (a2bebf0)
            {
                "requirements.txt": 'tensorflow-macos==2.13.0; sys_platform == "darwin"\n',
                "Dockerfile": DOCKERFILE,
            },
            [],
        ),
        (  # nothing installs the file: it may be meant for Apple Silicon only
            {"requirements.txt": "tensorflow-macos==2.13.0\n"},
            [],
        ),
        (  # another index may serve a build
            {
                "requirements.txt": "--extra-index-url https://example.org/simple\n"
                "tensorflow-macos==2.13.0\n",
                "Dockerfile": DOCKERFILE,
            },
            [],
        ),
        (  # mlx has Linux wheels
            {"requirements.txt": "mlx==0.25.2\n", "Dockerfile": DOCKERFILE},
            [],
        ),
    ],
)
def test_macos_only_projects_on_linux(
    files: dict[str, str], expected: list[tuple[str, int, str]]
) -> None:
    found = run(RULE, build_snapshot(files))
    assert [(f.file, f.line, f.package) for f in found] == expected, found
    for f in found:
        assert f.severity == "error" and f.category == "python-version-incompatible"
        assert "No matching distribution found" in f.message
        assert f.fix is not None and 'sys_platform == "darwin"' in f.fix


def test_the_table() -> None:
    assert no_linux_distribution("TensorFlow_MacOS") is not None
    assert no_linux_distribution("tensorflow") is None
    assert no_linux_distribution("mlx") is None
