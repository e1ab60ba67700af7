"""Fixtures for resolution tests: generated local indexes, a shared uv cache, snapshots."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from rules.config import RepoConfig
from rules.manifests.model import Snapshot
from rules.manifests.snapshot import build_snapshot
from tests.worker.resolve.wheels import Universe, build_universe
from worker.resolve.indexes import IndexPolicy
from worker.resolve.pypi import RunOptions


@pytest.fixture(scope="session")
def universe(tmp_path_factory: pytest.TempPathFactory) -> Universe:
    """Every generated index, built once per session."""
    return build_universe(tmp_path_factory.mktemp("indexes"))


@pytest.fixture(scope="session")
def uv_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A uv cache shared by the session's resolutions."""
    return tmp_path_factory.mktemp("uv-cache")


@pytest.fixture
def options(uv_cache: Path) -> RunOptions:
    """Run options for local `file://` indexes, no resolution cache."""
    return RunOptions(policy=IndexPolicy(allow_file_urls=True), cache_dir=uv_cache, timeout_s=60)


def snap(files: Mapping[str, str]) -> Snapshot:
    """A snapshot of plain-text files."""
    return build_snapshot(dict(files))


def config(**values: object) -> RepoConfig:
    """A repo config with the given top-level values."""
    return RepoConfig.model_validate(values)
