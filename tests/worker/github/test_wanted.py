"""Which tree paths the worker and the CLI fetch: dependency files outside test data."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.localrepo import read_dir
from worker.github.fetch import wanted


@pytest.mark.parametrize(
    ("path", "fetched"),
    [
        ("requirements.txt", True),
        ("uv.lock", True),
        ("services/api/Dockerfile", True),
        (".github/depreview.yml", True),
        # found dogfooding depreview on itself: test data read as the repo's dependencies
        ("tests/rules/manifests/data/uv.lock", False),
        ("tests/fixtures/poetry/poetry.lock", False),
        ("pkg/testdata/requirements.txt", False),
        ("test_data/environment.yml", False),
        ("frontend/node_modules/x/requirements.txt", False),
        ("rules/manifests/dockerfile.py", False),
    ],
)
def test_wanted(path: str, fetched: bool) -> None:
    assert wanted(path) is fetched


def test_read_dir_skips_fixtures(tmp_path: Path) -> None:
    (tmp_path / "tests" / "fixtures").mkdir(parents=True)
    (tmp_path / "tests" / "fixtures" / "requirements.txt").write_text("torch==0.1\n")
    (tmp_path / "requirements.txt").write_text("numpy==2.0.0\n")
    assert set(read_dir(tmp_path)) == {"requirements.txt"}
