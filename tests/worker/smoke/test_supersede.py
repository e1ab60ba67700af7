"""A newer push supersedes the older smoke job: the newest head of a PR in Redis."""

from __future__ import annotations

from tests.worker.smoke.fakeredis import FakeRedis
from worker.smoke.supersede import is_superseded, mark_latest


def test_a_newer_push_supersedes_the_older_job() -> None:
    fake = FakeRedis()
    assert not is_superseded(fake, "acme/ml", 7, "old")  # nothing recorded: run
    mark_latest(fake, "acme/ml", 7, "old")
    assert not is_superseded(fake, "acme/ml", 7, "old")
    mark_latest(fake, "acme/ml", 7, "new")
    assert is_superseded(fake, "acme/ml", 7, "old")
    assert not is_superseded(fake, "acme/ml", 7, "new")
    assert not is_superseded(fake, "acme/ml", 8, "old")  # another PR is unaffected
