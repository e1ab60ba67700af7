"""The resolution cache: keyed on everything that decides a resolution; a hit skips uv."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.worker.resolve.conftest import config, snap
from tests.worker.resolve.wheels import Universe
from worker.resolve import resolve_change
from worker.resolve.cache import ResolutionCache, cache_key
from worker.resolve.model import Resolution, ResolveTarget


class FakeStore:
    """A dict with redis' get/set signature; records TTLs."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}
        self.ttls: dict[str, int | None] = {}

    def get(self, name: str) -> Any:
        return self.data.get(name)

    def set(self, name: str, value: str, ex: int | None = None) -> Any:
        self.data[name] = value
        self.ttls[name] = ex
        return True


class BrokenStore:
    """A store whose every call fails (Redis down)."""

    def get(self, name: str) -> Any:
        raise ConnectionError("down")

    def set(self, name: str, value: str, ex: int | None = None) -> Any:
        raise ConnectionError("down")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ({"x": [1, 2]}, {"x": [1, 2]}, True),
        ({"x": 1, "y": 2}, {"y": 2, "x": 1}, True),
        ({"target": "3.11.14"}, {"target": "3.12.12"}, False),
    ],
)
def test_cache_key(a: dict[str, Any], b: dict[str, Any], same: bool) -> None:
    assert (cache_key(a) == cache_key(b)) is same


def test_resolution_round_trips_through_json() -> None:
    resolution = Resolution(
        ResolveTarget("3.11.14", "x86_64-unknown-linux-gnu", "12.1"),
        "requirements.txt",
        {"numpy": "2.1.0"},
        {"numpy": ("-r requirements.txt",)},
        requires={"numpy": ("six",)},
        lines={"numpy": 3},
    )
    assert Resolution.from_json(resolution.to_json()) == resolution


def _change(universe: Universe, uv_cache: Path, store: Any) -> Any:
    head = snap({"requirements.txt": f"--index-url {universe.pypi}\npandas\n"})
    base = snap({"requirements.txt": f"--index-url {universe.pypi}\npandas\nnumpy<2\n"})
    return resolve_change(
        base, head, config(), cache=store, cache_dir=uv_cache, allow_file_urls=True
    )


def test_second_resolution_hits_the_cache(universe: Universe, uv_cache: Path) -> None:
    store = FakeStore()
    cache = ResolutionCache(store, ttl_s=600)
    first = _change(universe, uv_cache, cache)
    assert (cache.hits, cache.misses) == (0, 2)
    assert set(store.ttls.values()) == {600}
    second = _change(universe, uv_cache, cache)
    assert (cache.hits, cache.misses) == (2, 2)
    assert second.head == first.head and second.findings == first.findings


def test_a_failing_store_only_costs_time(universe: Universe, uv_cache: Path) -> None:
    report = _change(universe, uv_cache, BrokenStore())
    assert [r.ok for r in report.head] == [True]


def test_real_redis(universe: Universe, uv_cache: Path, redis_url: str) -> None:
    import redis

    client = redis.Redis.from_url(redis_url)
    cache = ResolutionCache(client, ttl_s=60)
    first = _change(universe, uv_cache, cache)
    second = _change(universe, uv_cache, cache)
    assert cache.hits == 2 and second.head == first.head
    assert 0 < client.ttl(next(iter(client.keys("depreview:resolve:*")))) <= 60
