"""Tests for the per-file parse cache: reuse gives equal snapshots, changes are re-parsed."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest

from rules.manifests import diff as diff_module
from rules.manifests import snapshot as snapshot_module
from rules.manifests.diff import diff
from rules.manifests.file_cache import FileCache
from rules.manifests.snapshot import build_snapshot

FILES: dict[str, str | bytes] = {
    "requirements/base.txt": "torch==2.1.0+cu118\nnumpy<2\n",
    "requirements/dev.txt": "-r base.txt\n-c ../constraints/pins.txt\npytest\n",
    "constraints/pins.txt": "numpy==1.26.4\n",
    "pyproject.toml": '[project]\nname = "p"\ndependencies = ["requests>=2"]\n',
    "environment.yml": (
        "name: e\ndependencies:\n  - python=3.11\n  - pip:\n    - -r requirements/base.txt\n"
    ),
    "bad.txt": b"\xff\xfe\x00binary",
    "requirements-bad.txt": "numpy===\n",
}


@pytest.fixture()
def cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[FileCache]:
    fresh = FileCache()
    monkeypatch.setattr(snapshot_module, "PARSE_CACHE", fresh)
    yield fresh


def test_same_tree_twice_gives_equal_snapshots_from_the_cache(cache: FileCache) -> None:
    first = build_snapshot(FILES, ref="a")
    misses = cache.misses
    second = build_snapshot(dict(FILES), ref="a")
    assert second == first
    assert cache.misses == misses
    assert cache.hits == len(first.files)


def test_cached_snapshot_equals_an_uncached_one(
    cache: FileCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_snapshot(FILES)
    cached = build_snapshot(FILES)
    monkeypatch.setattr(snapshot_module, "PARSE_CACHE", FileCache(max_bytes=0))
    uncached = build_snapshot(FILES)
    assert cached == uncached


@pytest.mark.parametrize(
    ("path", "text", "name", "pinned"),
    [
        ("requirements/base.txt", "torch==2.2.0\nnumpy<2\n", "torch", "2.2.0"),
        ("constraints/pins.txt", "numpy==1.26.3\n", "numpy", "1.26.3"),
        ("pyproject.toml", '[project]\ndependencies = ["requests==2.31"]\n', "requests", "2.31"),
    ],
)
def test_a_changed_file_is_parsed_again(
    cache: FileCache, path: str, text: str, name: str, pinned: str
) -> None:
    before = build_snapshot(FILES)
    misses = cache.misses
    after = build_snapshot({**FILES, path: text})
    assert cache.misses == misses + 1
    found = [r for r in after.files[path].requirements if r.name == name]
    assert [r.pinned for r in found] == [pinned]
    assert before.files[path] != after.files[path]
    assert {p for p in FILES if before.files.get(p) != after.files.get(p)} == {path}


def test_same_content_at_another_path_is_not_shared(cache: FileCache) -> None:
    text = "numpy==1.26.4\n"
    one = build_snapshot({"a/requirements.txt": text})
    two = build_snapshot({"b/requirements.txt": text})
    assert one.files["a/requirements.txt"].requirements[0].location.file == "a/requirements.txt"
    assert two.files["b/requirements.txt"].requirements[0].location.file == "b/requirements.txt"
    assert cache.hits == 0


def test_str_and_bytes_content_are_kept_apart(cache: FileCache) -> None:
    text = "\ufeffnumpy==1.0\n"
    as_str = build_snapshot({"requirements.txt": text})
    as_bytes = build_snapshot({"requirements.txt": text.encode()})
    assert cache.hits == 0
    assert as_str.files["requirements.txt"].requirements[0].name == "numpy"
    assert as_bytes.files["requirements.txt"].requirements[0].name == "numpy"


@pytest.mark.parametrize(("max_bytes", "kept"), [(0, 0), (10, 1), (25, 2), (1000, 3)])
def test_cache_is_bounded_by_source_bytes(max_bytes: int, kept: int) -> None:
    cache = FileCache(max_bytes=max_bytes)
    for name in ("a", "b", "c"):
        assert cache.get(name, "k", name * 10, partial(str, name)) == name
    assert len(cache) == kept
    assert cache.size_bytes == 10 * kept
    assert cache.size_bytes <= max_bytes
    assert cache.get("c", "k", "c" * 10, lambda: "again") == ("c" if kept else "again")
    assert cache.get("a", "k", "a" * 10, lambda: "again") == ("a" if kept == 3 else "again")


@pytest.mark.parametrize(
    "head_changes",
    [
        {},
        {"requirements/base.txt": "torch==2.2.0\nnumpy<2\n"},
        {"constraints/pins.txt": "numpy==1.26.5\nscipy\n"},
        {"requirements/dev.txt": "-r base.txt\npytest==8\n"},
        {"pyproject.toml": '[project]\nname = "p"\ndependencies = []\n'},
    ],
)
def test_diff_skipping_unchanged_files_matches_a_full_diff(
    cache: FileCache, monkeypatch: pytest.MonkeyPatch, head_changes: dict[str, str]
) -> None:
    base = build_snapshot(FILES)
    head = build_snapshot({**FILES, **head_changes})
    fast = diff(base, head)
    monkeypatch.setattr(diff_module, "_unchanged_files", lambda base, head: set())
    full = diff(base, head)
    assert fast == full
    assert bool(fast.changes) == bool(head_changes)
