"""worker.github.fetch: which files a tree read takes, and why it leaves others out."""

from __future__ import annotations

import pytest

from tests.fakes.github import FakeGitHub
from worker.github import fetch
from worker.github.fetch import MAX_FILE_BYTES, read_tree_files


def test_a_uv_lock_over_one_megabyte_is_read() -> None:
    """NVIDIA/earth2studio's uv.lock is 1.7 MB: left unread, its lock-out-of-sync is not seen."""
    api = FakeGitHub()
    lock = b"version = 1\n" + b"#" * 1_700_000
    api.commit("a" * 40, {"pyproject.toml": "[project]\nname = 'x'\n", "uv.lock": lock})
    out = read_tree_files(api, "a" * 40)  # type: ignore[arg-type]
    assert out.files["uv.lock"] == lock and out.skipped == {}


def test_a_file_over_the_parsers_limit_is_left_out_with_its_reason() -> None:
    api = FakeGitHub()
    api.commit("a" * 40, {"uv.lock": b"#" * (MAX_FILE_BYTES + 1)})
    out = read_tree_files(api, "a" * 40)  # type: ignore[arg-type]
    assert "uv.lock" not in out.files and "byte limit" in out.skipped["uv.lock"].replace("-", " ")


def test_the_tree_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "MAX_TREE_BYTES", 250)
    api = FakeGitHub()
    files = {f"requirements-{i}.txt": "x" * 100 for i in range(4)}
    api.commit("a" * 40, files)
    out = read_tree_files(api, "a" * 40)  # type: ignore[arg-type]
    assert sorted(out.files) == ["requirements-0.txt", "requirements-1.txt"]
    assert sorted(out.skipped) == ["requirements-2.txt", "requirements-3.txt"]
    assert all("of one tree" in why for why in out.skipped.values())
