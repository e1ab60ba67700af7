"""The runner registry: TTL entries, heartbeat, deregistration (fake and real Redis)."""

from __future__ import annotations

import json
import time

import pytest
import redis

from tests.worker.smoke.fakeredis import FakeRedis
from worker.smoke.facts import GpuInfo, RunnerFacts
from worker.smoke.registry import (
    Heartbeat,
    alive_runners,
    deregister,
    register,
    runner_key,
)


def _facts(name: str, driver: str = "580.159.04") -> RunnerFacts:
    return RunnerFacts(
        hostname=f"host-{name}",
        driver_version=driver,
        cuda_driver_version="13.0",
        gpus=(GpuInfo(0, "NVIDIA H100 80GB HBM3", "9.0", 81559),),
        name=name,
    )


def test_registered_runner_is_alive_until_its_ttl_passes() -> None:
    fake = FakeRedis()
    register(fake, _facts("b"), ttl_s=60)
    register(fake, _facts("a"), ttl_s=30)
    assert [r.runner_name for r in alive_runners(fake)] == ["a", "b"]
    fake.now = 45
    assert [r.runner_name for r in alive_runners(fake)] == ["b"]
    fake.now = 61
    assert alive_runners(fake) == []


def test_deregister_removes_at_once() -> None:
    fake = FakeRedis()
    register(fake, _facts("a"))
    deregister(fake, "a")
    assert alive_runners(fake) == []


@pytest.mark.parametrize("junk", ["not json", "[1, 2]", '{"hostname": "x"}'])
def test_malformed_entries_are_skipped(junk: str) -> None:
    fake = FakeRedis()
    register(fake, _facts("good"))
    fake.set(runner_key("bad"), junk, ex=60)
    assert [r.runner_name for r in alive_runners(fake)] == ["good"]


def test_an_entry_that_names_another_runner_is_skipped() -> None:
    """Runner a's user may write only a's entry: facts there that name b are not b's."""
    fake = FakeRedis()
    fake.set(runner_key("a"), json.dumps(_facts("b", driver="999.0").to_dict()), ex=60)
    assert alive_runners(fake) == []
    register(fake, _facts("b"))
    assert alive_runners(fake) == [_facts("b")]


def test_heartbeat_interval_must_be_shorter_than_ttl() -> None:
    with pytest.raises(ValueError, match="shorter than the TTL"):
        Heartbeat(FakeRedis(), _facts("a"), ttl_s=10, interval_s=10)


def test_registry_on_real_redis_round_trips_facts(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    facts = _facts("gpu-1")
    register(client, facts, ttl_s=60)
    assert alive_runners(client) == [facts]
    assert 0 < int(client.ttl(runner_key("gpu-1"))) <= 60


def test_heartbeat_keeps_the_entry_alive_past_its_ttl_and_removes_it_on_stop(
    redis_url: str,
) -> None:
    client = redis.Redis.from_url(redis_url)
    beat = Heartbeat(client, _facts("gpu-1"), ttl_s=1, interval_s=0.2)
    beat.start()
    try:
        time.sleep(1.4)
        assert [r.runner_name for r in alive_runners(client)] == ["gpu-1"]
        assert beat.beats >= 4
    finally:
        beat.stop()
    assert alive_runners(client) == []


def test_a_runner_that_dies_without_deregistering_expires(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    register(client, _facts("gone"), ttl_s=1)
    time.sleep(1.2)
    assert alive_runners(client) == []
