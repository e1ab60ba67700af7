"""The worker's Prometheus metrics: review stages, GitHub calls, rate limits, queues, tasks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from celery.signals import task_failure, task_retry, task_success
from githubkit.exception import RequestFailed
from prometheus_client import CollectorRegistry
from redis import Redis

from core.queue_depth import QueueDepthCollector, queue_depths
from core.settings import Settings
from tests.redis_proc import free_port
from tests.worker.github.conftest import API, fixture, gh_api, private_key_pem  # noqa: F401
from tests.worker.test_review_job import JOB, FakeCoordinator, gh  # noqa: F401
from tests.worker.tokens import forget_tokens  # noqa: F401
from worker import metrics as worker_metrics
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, installation_client
from worker.github.metrics import OTHER, route_template
from worker.metrics_server import connect_signals, start_metrics_server
from worker.review.job import run_review

ERRORS = Path(__file__).parents[1] / "fixtures" / "github-api" / "errors"


@pytest.fixture
def metrics() -> Iterator[worker_metrics.WorkerMetrics]:
    """A fresh registry for this test; the previous one comes back afterwards."""
    fresh = worker_metrics.WorkerMetrics(CollectorRegistry())
    previous = worker_metrics.use(fresh)
    try:
        yield fresh
    finally:
        worker_metrics.use(previous)


def _value(m: worker_metrics.WorkerMetrics, name: str, **labels: str) -> float | None:
    return m.registry.get_sample_value(name, labels)


# -- review stages -------------------------------------------------------------------------------


def test_a_review_records_each_stage_once(
    metrics: worker_metrics.WorkerMetrics,
    gh: Any,  # noqa: F811
) -> None:
    settings = Settings(github_app_id=None, environment="development", resolve_enabled=False)
    assert run_review(gh, FakeCoordinator(), settings, JOB).status == "published"
    for stage in ("fetch", "parse", "rules", "publish"):
        assert _value(metrics, "depreview_review_stage_seconds_count", stage=stage) == 1
        seconds = _value(metrics, "depreview_review_stage_seconds_sum", stage=stage)
        assert seconds is not None and seconds > 0
    assert _value(metrics, "depreview_review_stage_seconds_count", stage="resolve") is None


def test_resolving_is_its_own_stage(
    metrics: worker_metrics.WorkerMetrics,
    gh: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With resolution on, the resolver's time is `resolve`, not `rules`."""

    class Report:
        findings: tuple[Any, ...] = ()
        base_findings: tuple[Any, ...] = ()

    monkeypatch.setattr("worker.review.analysis._resolve", lambda *a, **k: Report())
    settings = Settings(github_app_id=None, environment="development", resolve_enabled=True)
    run_review(gh, FakeCoordinator(), settings, JOB)
    for stage in ("resolve", "rules"):
        assert _value(metrics, "depreview_review_stage_seconds_count", stage=stage) == 1


def test_a_failing_review_still_records_what_ran(
    metrics: worker_metrics.WorkerMetrics,
    gh: Any,  # noqa: F811
) -> None:
    settings = Settings(github_app_id=None, environment="development", resolve_enabled=False)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("comment store down")

    gh.list_issue_comments = broken  # the comment upsert reads the PR's comments first
    with pytest.raises(RuntimeError):
        run_review(gh, FakeCoordinator(), settings, JOB)
    assert _value(metrics, "depreview_review_stage_seconds_count", stage="fetch") == 1
    assert _value(metrics, "depreview_review_stage_seconds_count", stage="rules") == 1


# -- GitHub API calls and rate limits ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "template"),
    [
        ("/repos/octocat/Hello-World/pulls/1347", "/repos/{owner}/{repo}/pulls/{pull_number}"),
        ("/repos/a/b/pulls/2/files", "/repos/{owner}/{repo}/pulls/{pull_number}/files"),
        ("/repos/a/b/git/trees/" + "f" * 40, "/repos/{owner}/{repo}/git/trees/{tree_sha}"),
        ("/repos/a/b/git/blobs/" + "0" * 40, "/repos/{owner}/{repo}/git/blobs/{file_sha}"),
        ("/repos/a/b/commits/abc/check-runs", "/repos/{owner}/{repo}/commits/{ref}/check-runs"),
        ("/repos/a/b/check-runs/4", "/repos/{owner}/{repo}/check-runs/{check_run_id}"),
        ("/repos/a/b/issues/7/comments", "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
        ("/repos/a/b/issues/comments/9", "/repos/{owner}/{repo}/issues/comments/{comment_id}"),
        (
            "/repos/a/b/issues/comments/9/reactions",
            "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
        ),
        (
            "/repos/a/b/collaborators/octocat/permission",
            "/repos/{owner}/{repo}/collaborators/{username}/permission",
        ),
        (
            "/app/installations/12/access_tokens",
            "/app/installations/{installation_id}/access_tokens",
        ),
        ("/app/hook/deliveries/5/attempts", "/app/hook/deliveries/{delivery_id}/attempts"),
        ("/api/v3/repos/a/b/pulls/3", "/repos/{owner}/{repo}/pulls/{pull_number}"),
        ("/repos/a/b/pulls/3/reviews", OTHER),
        ("/repos/a/b/contents/" + "x/" * 50, OTHER),
    ],
)
def test_route_templates_bound_the_labels(path: str, template: str) -> None:
    assert route_template(path, "/api/v3") == template


def _headers(name: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((ERRORS / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("status", "headers", "body"),
    [
        (403, "403-primary-rate-limit.headers.json", "403-primary-rate-limit.body.json"),
        (403, "403-secondary-rate-limit.headers.json", "403-secondary-rate-limit.body.json"),
    ],
)
def test_calls_are_counted_and_the_rate_limit_remembered(
    metrics: worker_metrics.WorkerMetrics,
    gh_api: respx.MockRouter,  # noqa: F811
    private_key_pem: str,  # noqa: F811
    status: int,
    headers: str,
    body: str,
) -> None:
    settings = Settings(
        github_app_id=1,
        github_private_key=private_key_pem,
        webhook_secret="a-real-looking-test-secret-0123456789",
        github_api_url=API,
        github_retry_attempts=1,  # the fixture's reset is past: it would be retried in place
    )
    ok_headers = {**_headers(headers), "x-ratelimit-remaining": "4321"}
    pull = gh_api.get("/repos/octocat/Hello-World/pulls/1347")
    pull.side_effect = [
        httpx.Response(200, json={"number": 1347}, headers=ok_headers),
        httpx.Response(status, json=fixture(f"errors/{body}"), headers=_headers(headers)),
    ]
    api = GitHubRepoApi(installation_client(settings, 1), RepoRef.parse("octocat/Hello-World"))
    api.get_pull(1347)
    assert _value(metrics, "depreview_github_ratelimit_remaining", installation="1") == 4321
    with pytest.raises(RequestFailed):
        api.get_pull(1347)

    route = "/repos/{owner}/{repo}/pulls/{pull_number}"
    assert (
        _value(metrics, "depreview_github_api_calls_total", method="GET", route=route, status="200")
        == 1
    )
    assert (
        _value(
            metrics,
            "depreview_github_api_calls_total",
            method="GET",
            route=route,
            status=str(status),
        )
        == 1
    )
    mint = "/app/installations/{installation_id}/access_tokens"
    assert (
        _value(metrics, "depreview_github_api_calls_total", method="POST", route=mint, status="201")
        == 1
    )
    remaining = float(_headers(headers)["x-ratelimit-remaining"])
    assert _value(metrics, "depreview_github_ratelimit_remaining", installation="1") == remaining


# -- queue depth ---------------------------------------------------------------------------------


def _fill(redis: Redis) -> None:
    redis.rpush("review", "a", "b", "c")
    redis.rpush("gpu", "a")
    redis.rpush("gpu.h100-a", "a", "b")
    redis.set("gpu.not-a-queue", "x")  # not a list: left out, not an error
    redis.rpush("unrelated", "a")


def test_queue_depth_reads_the_lists(redis_url: str) -> None:
    redis = Redis.from_url(redis_url)
    _fill(redis)
    assert queue_depths(redis) == {"review": 3, "gpu": 1, "gpu.h100-a": 2}


def test_queue_depth_gauge_is_absent_when_redis_is_down() -> None:
    registry = CollectorRegistry()
    dead = Redis.from_url(
        f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.5, socket_timeout=0.5
    )
    registry.register(QueueDepthCollector(lambda: dead))
    assert registry.get_sample_value("depreview_queue_depth", {"queue": "review"}) is None


def test_the_worker_endpoint_serves_stages_and_queues(
    metrics: worker_metrics.WorkerMetrics, redis_url: str
) -> None:
    _fill(Redis.from_url(redis_url))
    metrics.stage_seconds.labels(stage="fetch").observe(0.5)
    port = free_port()
    server = start_metrics_server(Settings(redis_url=redis_url, worker_metrics_port=port))
    assert server is not None
    try:
        text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    finally:
        server.shutdown()
        server.server_close()
    assert 'depreview_queue_depth{queue="review"} 3.0' in text
    assert 'depreview_queue_depth{queue="gpu.h100-a"} 2.0' in text
    assert 'depreview_review_stage_seconds_count{stage="fetch"} 1.0' in text


def test_no_port_no_endpoint() -> None:
    assert start_metrics_server(Settings(worker_metrics_port=None)) is None


# -- task outcomes -------------------------------------------------------------------------------


class _Task:
    name = "worker.review_pull_request"


@pytest.mark.parametrize(
    ("signal", "outcome"),
    [(task_success, "success"), (task_retry, "retry"), (task_failure, "failure")],
)
def test_task_outcomes_are_counted(
    metrics: worker_metrics.WorkerMetrics, signal: Any, outcome: str
) -> None:
    connect_signals()
    connect_signals()  # idempotent: one count per signal, not two
    signal.send(sender=_Task())
    assert (
        _value(
            metrics,
            "depreview_task_outcomes_total",
            task="worker.review_pull_request",
            outcome=outcome,
        )
        == 1
    )
