"""What one Docker image installs is judged together: a stage's by-name installs and every
file its `pip install -r` lines install (`rules.manifests.snapshot.with_installed`).

Real shape: pytorch/tnt PR #877 (commit 123453ef) raised requirements.txt to `torch>=2.3.0`
while dev-requirements.txt kept `torchvision==0.15.2` (which requires torch==2.0.1); the two
files are installed into one environment, one after the other (fixed by PR #887).
"""

from __future__ import annotations

import pytest

from rules.review import review_trees

STAGE = "FROM python:3.10\nCOPY a.txt b.txt /\nRUN pip install -r /a.txt && pip install -r /b.txt\n"

CASES: list[tuple[str, dict[str, str], list[tuple[str, str, str]]]] = [
    (
        "a torch range in one file, a torchvision pin in the other",
        {"Dockerfile": STAGE, "a.txt": "torch>=2.3.0\n", "b.txt": "torchvision==0.15.2\n"},
        [("torch-family-mismatch", "a.txt", "error")],
    ),
    (
        "two exact pins that do not belong together",
        {"Dockerfile": STAGE, "a.txt": "torch==2.1.0\n", "b.txt": "torchvision==0.15.2\n"},
        [("torch-family-mismatch", "b.txt", "error")],
    ),
    (
        "a pair that belongs together",
        {"Dockerfile": STAGE, "a.txt": "torch==2.0.1\n", "b.txt": "torchvision==0.15.2\n"},
        [],
    ),
    (
        "a line for macOS only is not installed into a Linux image",
        {
            "Dockerfile": STAGE,
            "a.txt": "torch==2.1.0; sys_platform == 'darwin'\n",
            "b.txt": "torchvision==0.15.2\n",
        },
        [],
    ),
    (
        "files installed by two different stages stay apart",
        {
            "Dockerfile": "FROM python:3.10 AS one\nCOPY a.txt /\nRUN pip install -r /a.txt\n"
            "FROM python:3.10 AS two\nCOPY b.txt /\nRUN pip install -r /b.txt\n",
            "a.txt": "torch==2.1.0\n",
            "b.txt": "torchvision==0.15.2\n",
        },
        [],
    ),
    (
        "NumPy 2 installed by name next to a file's build for NumPy 1",
        {
            "Dockerfile": "FROM python:3.11\nCOPY b.txt /\n"
            "RUN pip install -r /b.txt numpy==2.0.2\n",
            "b.txt": "pandas==2.0.3\n",
        },
        [("numpy-abi", "b.txt", "error")],
    ),
    (
        "a stage built FROM another has what the other installed",
        {
            "Dockerfile": "FROM python:3.10 AS base\nCOPY a.txt /\nRUN pip install -r /a.txt\n"
            "FROM base AS app\nRUN pip install torchvision==0.15.2\n",
            "a.txt": "torch==2.1.0\n",
        },
        [("torch-family-mismatch", "Dockerfile", "error")],
    ),
    (
        "a later install of the same project replaces the earlier one",
        {
            "Dockerfile": "FROM python:3.10 AS base\nCOPY a.txt /\nRUN pip install -r /a.txt\n"
            "FROM base AS app\nRUN pip install torch==2.0.1 torchvision==0.15.2\n",
            "a.txt": "torch==2.1.0\n",
        },
        [],
    ),
    (
        "a venv made in the stage starts empty",
        {
            "Dockerfile": "FROM python:3.10\nCOPY a.txt /\nRUN pip install -r /a.txt\n"
            "RUN python -m venv /v && /v/bin/pip install torchvision==0.15.2\n",
            "a.txt": "torch==2.1.0\n",
        },
        [],
    ),
    (
        "one command after another: a later numpy pin replaces the earlier (no conflict error)",
        {"Dockerfile": STAGE, "a.txt": "numpy==1.24.4\n", "b.txt": "numpy==1.26.4\n"},
        [],
    ),
]


WORKFLOW = """on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: "3.10"
      - run: |
          pip install -r requirements.txt
          pip install -r dev-requirements.txt
"""

CASES += [
    (
        "tnt #877: a CI job installs requirements.txt, then dev-requirements.txt",
        {
            ".github/workflows/test.yaml": WORKFLOW,
            "requirements.txt": "torch>=2.3.0\n",
            "dev-requirements.txt": "torchvision==0.15.2\n",
        },
        [("torch-family-mismatch", "requirements.txt", "error")],
    ),
    (
        "trlx: a file's own PyTorch index serves its +cu118 pin in the job's union",
        {
            ".github/workflows/test.yaml": WORKFLOW.replace(
                "pip install -r dev-requirements.txt", "pip install bitsandbytes scipy"
            ),
            "requirements.txt": "--extra-index-url https://download.pytorch.org/whl/cu118\n"
            "torch==2.0.1+cu118\n",
        },
        [],
    ),
]


@pytest.mark.parametrize(("name", "head", "expected"), CASES, ids=[c[0] for c in CASES])
def test_installed_together(
    name: str, head: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    review = review_trees({}, head)
    found = [
        (f.rule, f.file, f.severity.value) for f in review.findings if f.severity.value == "error"
    ]
    assert found == expected
