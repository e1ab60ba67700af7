"""The smoke test wired into the review path: decide, enqueue or explain, publish, watchdog."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from core.contract import SmokeJobSpec
from core.settings import Settings
from tests.fakes.github import FakeGitHub
from tests.worker.smoke.fakeredis import FakeRedis
from worker.github.api import JSON
from worker.github.buttons import CHECK_ACTION
from worker.review.job import ReviewJob, run_review
from worker.smoke.facts import GpuInfo, RunnerFacts
from worker.smoke.gpu_job import execute_smoke
from worker.smoke.plan import SmokeHooks
from worker.smoke.policy import COMMENT_COMMAND
from worker.smoke.publish import (
    SECTION_END,
    SECTION_START,
    SMOKE_CHECK_NAME,
    SmokeCheckRun,
    publish_smoke,
    section_of,
)
from worker.smoke.registry import register
from worker.smoke.runner import SmokeResult
from worker.smoke.store import load, load_outcome, save_outcome
from worker.smoke.supersede import latest_key, mark_latest

pytestmark = pytest.mark.usefixtures("outcome_keys")  # conftest: both sides' keys

EXAMPLE = Path(__file__).parents[3] / "examples" / "torch-bump"
REPO = "octocat/Hello-World"
BASE, HEAD, NEWER = "b" * 40, "h" * 40, "n" * 40
ENABLED = b"version: 1\nsmoke:\n  enabled: true\n"
H100 = RunnerFacts(
    "gpu-host", "580.159.04", "13.0", (GpuInfo(0, "NVIDIA H100 80GB HBM3", "9.0", 81559),),
    name="h100-a",
)  # fmt: skip


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@dataclass
class PullGitHub(FakeGitHub):
    """The fake GitHub with the PR's head and base repositories (forks differ)."""

    head_repo: str | None = REPO

    def get_pull(self, number: int) -> JSON:
        pull = super().get_pull(number)
        head_repo = {"full_name": self.head_repo} if self.head_repo else None
        pull["head"]["repo"] = head_repo
        pull["base"]["repo"] = {"full_name": REPO}
        pull["html_url"] = f"https://github.com/{REPO}/pull/{number}"
        return pull


@dataclass
class FakeCoordinator:
    """Locks taken, in order."""

    held: list[str] = field(default_factory=list)

    @contextmanager
    def lock(self, key: str, *, timeout_s: int, wait_s: float) -> Iterator[None]:
        self.held.append(key)
        yield


@dataclass
class Sender:
    """Records the smoke jobs the review sends; can fail like a broker that is down."""

    sent: list[SmokeJobSpec] = field(default_factory=list)
    error: Exception | None = None

    def __call__(self, spec: SmokeJobSpec) -> None:
        if self.error is not None:
            raise self.error
        self.sent.append(spec)


def _gh(*, config: bytes | None = ENABLED, head_repo: str | None = REPO) -> PullGitHub:
    gh = PullGitHub(head_repo=head_repo)
    extra = {".github/depreview.yml": config} if config is not None else {}
    gh.commit(BASE, {**_tree(EXAMPLE / "base"), **extra})
    gh.commit(HEAD, {**_tree(EXAMPLE / "head"), **extra})
    gh.open_pr(BASE, HEAD)
    return gh


@pytest.fixture
def settings() -> Settings:
    return Settings(github_app_id=None, environment="development", resolve_enabled=False)


@pytest.fixture
def redis() -> FakeRedis:
    fake = FakeRedis()
    register(fake, H100, ttl_s=60)
    return fake


def _job(**kw: Any) -> ReviewJob:
    return ReviewJob(1, REPO, HEAD, "d-1", pr_number=1347, **kw)


def _review(gh: FakeGitHub, redis: FakeRedis, settings: Settings, sender: Sender, **kw: Any) -> Any:
    hooks = SmokeHooks(redis=redis, enqueue=sender)
    return run_review(gh, FakeCoordinator(), settings, _job(**kw), smoke=hooks)


def _smoke_runs(gh: FakeGitHub) -> list[JSON]:
    return [r for r in gh.check_runs if r["name"] == SMOKE_CHECK_NAME]


def _main_run(gh: FakeGitHub) -> JSON:
    return next(r for r in gh.check_runs if r["name"] == "depreview")


# -- the review decides -----------------------------------------------------------------------


def test_trusted_gpu_change_with_a_live_runner_is_queued_on_that_runner(
    redis: FakeRedis, settings: Settings
) -> None:
    gh, sender = _gh(), Sender()
    outcome = _review(gh, redis, settings, sender)
    assert outcome.status == "published"
    [spec] = sender.sent
    [smoke] = _smoke_runs(gh)
    assert (spec.queue, spec.check_run_id) == ("gpu.h100-a", smoke["id"])
    assert (spec.repo_full_name, spec.pr_number, spec.head_sha) == (REPO, 1347, HEAD)
    assert spec.pins["torch"] == "2.1.0+cu121" and spec.pins["numpy"] == "2.0.2"
    assert {"torch", "numpy"} <= set(spec.changed_packages)
    assert smoke["status"] == "queued" and smoke["conclusion"] is None
    assert "queued on runner h100-a" in _main_run(gh)["output"]["summary"]
    [comment] = gh.comments
    assert "queued on h100-a" in (section_of(comment["body"]) or "")
    assert comment["body"].startswith("<!-- depreview -->")
    record = load(redis, REPO, 1347, HEAD)
    assert record is not None and not record.final and record.check_run_id == smoke["id"]
    assert redis.get(latest_key(REPO, 1347)) == HEAD.encode()


def test_a_fork_is_not_run_and_the_check_says_how_to_ask(
    redis: FakeRedis, settings: Settings
) -> None:
    gh, sender = _gh(head_repo="stranger/Hello-World"), Sender()
    _review(gh, redis, settings, sender)
    assert sender.sent == []
    [smoke] = _smoke_runs(gh)
    assert (smoke["status"], smoke["conclusion"]) == ("completed", "action_required")
    created = [b for b in gh.calls_to("POST", "/check-runs") if b["name"] == SMOKE_CHECK_NAME]
    assert created[0]["actions"] == [CHECK_ACTION]
    assert created[0]["details_url"].endswith("/pull/1347")
    for text in (smoke["output"]["summary"], _main_run(gh)["output"]["summary"]):
        assert COMMENT_COMMAND in text and CHECK_ACTION["label"] in text
    assert COMMENT_COMMAND in (section_of(gh.comments[0]["body"]) or "")


def test_a_deleted_fork_counts_as_a_fork(redis: FakeRedis, settings: Settings) -> None:
    gh, sender = _gh(head_repo=None), Sender()
    _review(gh, redis, settings, sender)
    assert sender.sent == [] and _smoke_runs(gh)[0]["conclusion"] == "action_required"


def test_a_maintainer_request_runs_a_fork(redis: FakeRedis, settings: Settings) -> None:
    gh, sender = _gh(head_repo="stranger/Hello-World", config=None), Sender()
    _review(gh, redis, settings, sender, smoke_requested=True)
    assert [s.queue for s in sender.sent] == ["gpu.h100-a"]


def test_no_live_runner_is_a_neutral_note(settings: Settings) -> None:
    gh, sender, empty = _gh(), Sender(), FakeRedis()
    _review(gh, empty, settings, sender)
    assert sender.sent == []
    [smoke] = _smoke_runs(gh)
    assert (smoke["status"], smoke["conclusion"]) == ("completed", "neutral")
    assert "no GPU runner is online" in _main_run(gh)["output"]["summary"]
    assert "no GPU runner is online" in (section_of(gh.comments[0]["body"]) or "")


def test_an_expired_runner_is_not_alive(redis: FakeRedis, settings: Settings) -> None:
    redis.now += 61
    gh, sender = _gh(), Sender()
    _review(gh, redis, settings, sender)
    assert sender.sent == [] and _smoke_runs(gh)[0]["conclusion"] == "neutral"


@pytest.mark.parametrize(
    "config",
    [None, b"version: 1\nsmoke:\n  enabled: false\n"],
    ids=["no-config", "disabled"],
)
def test_smoke_disabled_schedules_nothing(
    redis: FakeRedis, settings: Settings, config: bytes | None
) -> None:
    gh, sender = _gh(config=config), Sender()
    outcome = _review(gh, redis, settings, sender)
    assert outcome.status == "published" and sender.sent == [] and _smoke_runs(gh) == []
    assert SECTION_START not in gh.comments[0]["body"]
    assert "GPU smoke test" not in _main_run(gh)["output"]["summary"]


def test_a_change_that_is_not_gpu_relevant_schedules_nothing(
    redis: FakeRedis, settings: Settings
) -> None:
    gh = PullGitHub()
    files = {".github/depreview.yml": ENABLED, "requirements.txt": b"requests==2.31.0\n"}
    gh.commit(BASE, files)
    gh.commit(HEAD, {**files, "requirements.txt": b"requests==2.32.3\n"})
    gh.open_pr(BASE, HEAD)
    sender = Sender()
    _review(gh, redis, settings, sender)
    assert sender.sent == [] and _smoke_runs(gh) == []


def test_a_re_review_keeps_the_queued_job_and_its_section(
    redis: FakeRedis, settings: Settings
) -> None:
    gh, sender = _gh(), Sender()
    _review(gh, redis, settings, sender)
    _review(gh, redis, settings, sender, force=True)
    assert len(sender.sent) == 1 and len(_smoke_runs(gh)) == 1 and len(gh.comments) == 1
    assert "queued on h100-a" in (section_of(gh.comments[0]["body"]) or "")


def test_a_broker_failure_closes_the_smoke_run_and_still_publishes_the_review(
    redis: FakeRedis, settings: Settings
) -> None:
    gh, sender = _gh(), Sender(error=ConnectionError("broker down"))
    outcome = _review(gh, redis, settings, sender)
    assert outcome.status == "published"
    [smoke] = _smoke_runs(gh)
    assert (smoke["status"], smoke["conclusion"]) == ("completed", "neutral")
    summary = _main_run(gh)["output"]["summary"]
    assert "(`ConnectionError`)" in summary and "broker down" not in summary  # no error text


def test_without_hooks_the_review_is_unchanged(redis: FakeRedis, settings: Settings) -> None:
    gh = _gh()
    run_review(gh, FakeCoordinator(), settings, _job())
    assert _smoke_runs(gh) == [] and SECTION_START not in gh.comments[0]["body"]


# -- the GPU side stores, the review side publishes ---------------------------------------------


def _result(status: str = "completed") -> SmokeResult:
    return SmokeResult(status, "ok", {"imports": [], "torch": {"present": False}}, (), (), 2.0)  # type: ignore[arg-type]


def _queued(redis: FakeRedis, settings: Settings) -> tuple[PullGitHub, SmokeJobSpec]:
    gh, sender = _gh(), Sender()
    _review(gh, redis, settings, sender)
    return gh, sender.sent[0]


def _run_on_gpu(redis: FakeRedis, spec: SmokeJobSpec, tmp_path: Path, result: SmokeResult) -> Any:
    from worker.smoke.config import RunnerConfig

    config = RunnerConfig(name=H100.runner_name, workdir=tmp_path / "w", cache_dir=tmp_path / "c")
    return execute_smoke(redis, spec, facts=H100, config=config, run=lambda pins, **kw: result)


def _publish(gh: FakeGitHub, redis: FakeRedis, spec: SmokeJobSpec, **kw: Any) -> str:
    return publish_smoke(_check_run(gh, redis, spec), **kw)


def _check_run(gh: FakeGitHub, redis: FakeRedis, spec: SmokeJobSpec) -> SmokeCheckRun:
    return SmokeCheckRun(
        gh, FakeCoordinator(), redis, app_id=None, pr_number=spec.pr_number,
        head_sha=spec.head_sha, check_run_id=spec.check_run_id,
    )  # fmt: skip


def test_publish_completes_the_smoke_run_and_replaces_the_region_in_place(
    redis: FakeRedis, settings: Settings, tmp_path: Path
) -> None:
    gh, spec = _queued(redis, settings)
    review_part = gh.comments[0]["body"].split(SECTION_START)[0]
    outcome, ran = _run_on_gpu(redis, spec, tmp_path, _result())
    assert ran and load_outcome(redis, REPO, spec.check_run_id, runner="h100-a") == outcome
    assert _publish(gh, redis, spec) == "published"
    smoke = _smoke_runs(gh)[0]
    assert (smoke["status"], smoke["conclusion"]) == ("completed", outcome["conclusion"])
    assert smoke["output"]["title"] == outcome["title"]
    [comment] = gh.comments
    assert gh.calls_to("POST", "/issues/1347/comments") != [] and len(gh.comments) == 1
    body = comment["body"]
    assert body.count(SECTION_START) == 1 and body.count(SECTION_END) == 1
    assert body.split(SECTION_START)[0] == review_part
    assert section_of(body) == outcome["markdown"].strip()
    assert "on h100-a" in body
    record = load(redis, REPO, 1347, HEAD)
    assert record is not None and record.final and record.ran
    # Published twice (a redelivery): the same state, no new comment.
    assert _publish(gh, redis, spec) == "published"
    assert len(gh.comments) == 1 and gh.comments[0]["body"] == body


def test_the_review_re_render_keeps_the_published_section(
    redis: FakeRedis, settings: Settings, tmp_path: Path
) -> None:
    gh, spec = _queued(redis, settings)
    _run_on_gpu(redis, spec, tmp_path, _result())
    _publish(gh, redis, spec)
    section = section_of(gh.comments[0]["body"])
    sender = Sender()
    _review(gh, redis, settings, sender, force=True)
    assert sender.sent == [] and section_of(gh.comments[0]["body"]) == section


def test_a_redelivered_gpu_message_does_not_run_twice(
    redis: FakeRedis, settings: Settings, tmp_path: Path
) -> None:
    _, spec = _queued(redis, settings)
    first, ran = _run_on_gpu(redis, spec, tmp_path, _result())
    again, ran_again = _run_on_gpu(redis, spec, tmp_path, _result("install-failed"))
    assert (ran, ran_again) == (True, False) and again == first


def test_a_superseded_run_closes_its_check_and_leaves_the_comment(
    redis: FakeRedis, settings: Settings, tmp_path: Path
) -> None:
    gh, spec = _queued(redis, settings)
    before = gh.comments[0]["body"]
    mark_latest(redis, REPO, 1347, NEWER)
    outcome, _ = _run_on_gpu(redis, spec, tmp_path, _result())
    assert outcome["conclusion"] == "cancelled"
    assert _publish(gh, redis, spec) == "check-only"
    smoke = _smoke_runs(gh)[0]
    assert (smoke["status"], smoke["conclusion"]) == ("completed", "cancelled")
    assert gh.comments[0]["body"] == before


def test_a_result_for_an_old_head_does_not_touch_the_comment(
    redis: FakeRedis, settings: Settings, tmp_path: Path
) -> None:
    gh, spec = _queued(redis, settings)
    before = gh.comments[0]["body"]
    _run_on_gpu(redis, spec, tmp_path, _result())
    gh.commit(NEWER, gh.commits[HEAD])
    gh.pr_head = NEWER
    assert _publish(gh, redis, spec) == "check-only"
    assert _smoke_runs(gh)[0]["status"] == "completed" and gh.comments[0]["body"] == before


def test_the_watchdog_closes_a_silent_run_as_timed_out(
    redis: FakeRedis, settings: Settings, tmp_path: Path
) -> None:
    gh, spec = _queued(redis, settings)
    assert _publish(gh, redis, spec) == "no-outcome"
    assert _smoke_runs(gh)[0]["status"] == "queued"
    assert _publish(gh, redis, spec, watchdog_after_s=spec.watchdog_s) == "published"
    smoke = _smoke_runs(gh)[0]
    assert (smoke["status"], smoke["conclusion"]) == ("completed", "timed_out")
    assert "timed out" in (section_of(gh.comments[0]["body"]) or "")
    # A late real result still wins; the watchdog then has nothing more to do.
    outcome, ran = _run_on_gpu(redis, spec, tmp_path, _result())
    assert ran and _publish(gh, redis, spec) == "published"
    assert _smoke_runs(gh)[0]["conclusion"] == outcome["conclusion"]
    assert len(gh.comments) == 1


def test_the_watchdog_leaves_a_completed_run_alone(redis: FakeRedis, settings: Settings) -> None:
    gh, spec = _queued(redis, settings)
    gh.update_check_run(spec.check_run_id, {"conclusion": "success"})
    assert _publish(gh, redis, spec, watchdog_after_s=60) == "already-completed"


def test_publish_creates_the_comment_when_none_exists(
    redis: FakeRedis, settings: Settings, tmp_path: Path
) -> None:
    gh, spec = _queued(redis, settings)
    gh.comments.clear()
    _run_on_gpu(redis, spec, tmp_path, _result())
    _publish(gh, redis, spec)
    [comment] = gh.comments
    assert comment["body"].startswith("<!-- depreview -->") and SECTION_START in comment["body"]


def test_an_outcome_stored_by_hand_is_published_with_its_findings(
    redis: FakeRedis, settings: Settings
) -> None:
    gh, spec = _queued(redis, settings)
    finding = {"rule": "smoke-import", "category": "numpy-abi", "severity": "error",
               "message": "A module that was compiled using NumPy 1.x cannot be run in NumPy 2",
               "package": "pandas"}  # fmt: skip
    save_outcome(redis, REPO, spec.check_run_id, runner="h100-a", outcome={
        "repo": REPO, "pr_number": 1347, "head_sha": HEAD, "conclusion": "failure",
        "title": "GPU smoke test failed", "markdown": "<details>x</details>",
        "status": "completed", "findings": [finding], "job_id": spec.job_id,
    })  # fmt: skip
    _publish(gh, redis, spec)
    smoke = _smoke_runs(gh)[0]
    assert smoke["conclusion"] == "failure"
    assert "`numpy-abi` (pandas)" in smoke["output"]["text"]


# -- pieces: the comment region and the pins ------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "markdown", "expected"),
    [
        ("{R}", "smoke", "{R}\n{S}\nsmoke\n{E}\n"),
        ("{R}\n{S}\nold\n{E}\n", "new", "{R}\n{S}\nnew\n{E}\n"),
        ("{R}\n{S}\nold\n{E}\n", None, "{R}"),
        ("{R}\n{S}\nold\n{E}\n\n{S}\nolder\n{E}\n", "new",
         "{R}\n{S}\nnew\n{E}\n"),
        ("{R}\n{S}\nunterminated", "new", "{R}\n{S}\nnew\n{E}\n"),
    ],
    ids=["insert", "replace", "remove", "duplicates-collapse", "unterminated"],
)  # fmt: skip
def test_with_section(body: str, markdown: str | None, expected: str) -> None:
    from worker.smoke.publish import with_section

    def fill(text: str) -> str:
        text = text.replace("{R}", "<!-- depreview -->\nreview\n")
        return text.replace("{S}", SECTION_START).replace("{E}", SECTION_END)

    result = with_section(fill(body), markdown)
    assert result == fill(expected)
    assert with_section(result, markdown) == result


def test_a_long_review_is_cut_to_keep_the_region_whole() -> None:
    from rules.render.markdown import MAX_COMMENT
    from worker.smoke.publish import with_section

    body = "<!-- depreview -->\n" + "x" * MAX_COMMENT
    result = with_section(body, "smoke " * 10)
    assert len(result) < MAX_COMMENT
    assert result.startswith("<!-- depreview -->") and "truncated" in result
    assert section_of(result) == ("smoke " * 10).strip()


@dataclass(frozen=True)
class FakeTarget:
    platform: str = "x86_64-unknown-linux-gnu"


@dataclass(frozen=True)
class FakeResolution:
    environment: str
    pins: dict[str, str]
    ok: bool = True
    source: str = "uv"
    target: FakeTarget = FakeTarget()


@dataclass(frozen=True)
class FakeReport:
    head: list[FakeResolution]
    base: list[FakeResolution] = field(default_factory=list)


GPU = {"torch": "2.4.1", "numpy": "1.26.4", "filelock": "3.16.1"}


@pytest.mark.parametrize(
    ("resolutions", "expected_env", "resolved"),
    [
        ([FakeResolution("docs.txt", {"sphinx": "7.0"}), FakeResolution("req.txt", GPU)],
         "req.txt", True),
        ([FakeResolution("dev.txt", {**GPU, "pytest": "8.0"}), FakeResolution("req.txt", GPU)],
         "req.txt", True),
        ([FakeResolution("req.txt", GPU, target=FakeTarget("aarch64-apple-darwin")),
          FakeResolution("req2.txt", GPU)], "req2.txt", True),
        ([FakeResolution("req.txt", GPU, ok=False)], "", False),
        ([FakeResolution("environment.yml", GPU, source="rattler")], "", False),
    ],
    ids=["most-relevant", "smallest", "linux-first", "failed", "conda-only"],
)  # fmt: skip
def test_choose_pins_from_the_resolution(
    resolutions: list[FakeResolution], expected_env: str, resolved: bool
) -> None:
    from rules.manifests.snapshot import build_snapshot
    from worker.smoke.plan import choose_pins

    chosen = choose_pins(build_snapshot({}), FakeReport(resolutions), ["torch", "numpy"])
    assert (chosen.environment, chosen.resolved) == (expected_env, resolved)
    if resolved:
        assert chosen.pins == next(r.pins for r in resolutions if r.environment == expected_env)


def test_declared_pins_carry_the_environment_s_index() -> None:
    from rules.manifests.snapshot import build_snapshot
    from worker.smoke.plan import choose_pins

    text = (
        "--extra-index-url https://download.pytorch.org/whl/cu121\ntorch==2.4.1+cu121\nnumpy>=1\n"
    )
    chosen = choose_pins(build_snapshot({"requirements.txt": text}), None, ["torch"])
    assert chosen.pins == {"torch": "2.4.1+cu121"} and chosen.source == "declared"
    assert chosen.index_options == (
        "--extra-index-url", "https://download.pytorch.org/whl/cu121",
    )  # fmt: skip


def test_changed_packages_include_moved_transitive_pins() -> None:
    from rules.manifests.snapshot import build_snapshot
    from worker.smoke.plan import changed_packages

    snap = build_snapshot({"requirements.txt": "transformers==4.40.0\n"})
    target = FakeTarget()
    report = FakeReport(
        head=[FakeResolution("requirements.txt", {"transformers": "4.40.0", "numpy": "2.0.0"})],
        base=[FakeResolution("requirements.txt", {"transformers": "4.40.0", "numpy": "1.26.4"})],
    )
    assert target == report.head[0].target
    assert changed_packages(snap, snap, report) == ["numpy"]


def test_the_gpu_task_drops_a_request_without_pins_and_sends_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Security review §4.3: such a message was forwarded as a trusted smoke review."""
    from worker.celery_app import app
    from worker.tasks import smoke  # noqa: F401  (registers the tasks)

    sent: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(app, "send_task", lambda name, kwargs, **kw: sent.append((name, kwargs)))
    result = app.tasks["worker.gpu_smoke"](
        installation_id=1, repo_full_name=REPO, pr_number=1347, head_sha=HEAD,
        delivery_id="d-2", maintainer_requested=True, requested_by="maintainer",
    )  # fmt: skip
    assert result == {"status": "rejected"}
    assert sent == []


def test_the_gpu_task_runs_stores_and_hands_over_to_publishing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from worker.celery_app import app
    from worker.smoke import facts, gpu_job
    from worker.tasks import smoke

    fake = FakeRedis()
    sent: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(app, "send_task", lambda name, kwargs, **kw: sent.append((name, kwargs)))
    monkeypatch.setattr(smoke, "shared_redis", lambda: fake)
    monkeypatch.setattr(facts, "read_runner_facts", lambda **kw: H100)
    monkeypatch.setattr(gpu_job, "run_smoke", lambda pins, **kw: _result())
    monkeypatch.setenv("DEPREVIEW_RUNNER_NAME", H100.runner_name)
    monkeypatch.setenv("DEPREVIEW_RUNNER_WORKDIR", str(tmp_path / "w"))
    monkeypatch.setenv("DEPREVIEW_RUNNER_CACHE_DIR", str(tmp_path / "c"))
    result = app.tasks["worker.gpu_smoke"](
        installation_id=1, repo_full_name=REPO, pr_number=1347, head_sha=HEAD,
        check_run_id=9, pins={"torch": "2.4.1"}, delivery_id="d-3",
    )  # fmt: skip
    assert result["status"] == "ran"
    stored = load_outcome(fake, REPO, 9, runner="h100-a")
    assert stored is not None and stored["conclusion"] == result["conclusion"]
    ids = {"installation_id": 1, "repo_full_name": REPO, "pr_number": 1347, "head_sha": HEAD}
    assert sent == [
        ("worker.smoke_started", {**ids, "delivery_id": "d-3", "check_run_id": 9}),
        ("worker.publish_smoke", {**ids, "delivery_id": "d-3", "check_run_id": 9}),
    ]


def test_send_smoke_routes_the_job_and_arms_the_watchdog(monkeypatch: pytest.MonkeyPatch) -> None:
    from worker.celery_app import app
    from worker.tasks import smoke

    sent: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    monkeypatch.setattr(
        app, "send_task", lambda name, kwargs, **kw: sent.append((name, kwargs, kw))
    )
    spec = SmokeJobSpec(1, REPO, 1347, HEAD, 9, {"torch": "2.4.1"}, "gpu.h100-a", timeout_s=600)
    smoke.send_smoke(spec)
    (job, job_kwargs, job_opts), (watch, watch_kwargs, watch_opts) = sent
    assert (job, job_opts["queue"]) == ("worker.gpu_smoke", "gpu.h100-a")
    assert job_kwargs == spec.kwargs() and job_opts["soft_time_limit"] > 600
    assert job_opts["time_limit"] > job_opts["soft_time_limit"]
    assert watch == "worker.publish_smoke" and watch_opts["countdown"] == spec.watchdog_s
    assert watch_kwargs["watchdog_after_s"] == spec.watchdog_s > job_opts["time_limit"]
    assert "queue" not in watch_opts  # routed to `review` by core.contract.TASK_QUEUES


def test_smoke_tasks_are_registered_and_routed() -> None:
    from worker.celery_app import app, celery_config
    from worker.tasks import smoke  # noqa: F401

    routes = celery_config(Settings())["task_routes"]

    gpu, publish = app.tasks["worker.gpu_smoke"], app.tasks["worker.publish_smoke"]
    started = app.tasks["worker.smoke_started"]
    assert routes["worker.gpu_smoke"] == {"queue": "gpu"}
    assert routes["worker.publish_smoke"] == {"queue": "review"}
    assert routes["worker.smoke_started"] == {"queue": "review"}
    assert started.acks_late and started.max_retries
    assert gpu.acks_late and 0 < gpu.max_retries <= 3
    assert not any(issubclass(e, Exception) and e.__module__.startswith("githubkit")
                   for e in gpu.autoretry_for)  # fmt: skip
    assert gpu.soft_time_limit < gpu.time_limit <= Settings().visibility_timeout_s
    assert publish.acks_late and publish.max_retries


# -- the GPU job started: the smoke check goes in_progress --------------------------------------


def _started(gh: FakeGitHub, redis: FakeRedis, spec: SmokeJobSpec) -> str:
    from worker.smoke.publish import mark_smoke_started

    return mark_smoke_started(_check_run(gh, redis, spec))


def _patches(gh: FakeGitHub, spec: SmokeJobSpec) -> list[Any]:
    return gh.calls_to("PATCH", f"/check-runs/{spec.check_run_id}")


def test_a_started_job_marks_its_check_in_progress_once(
    redis: FakeRedis, settings: Settings
) -> None:
    gh, spec = _queued(redis, settings)
    assert _started(gh, redis, spec) == "in-progress"
    assert _smoke_runs(gh)[0]["status"] == "in_progress"
    [patch] = _patches(gh, spec)
    assert patch["status"] == "in_progress" and patch["started_at"].endswith("Z")
    assert _started(gh, redis, spec) == "unchanged"  # a redelivered notice
    assert len(_patches(gh, spec)) == 1


def test_a_late_start_notice_never_reopens_a_finished_run(
    redis: FakeRedis, settings: Settings, tmp_path: Path
) -> None:
    gh, spec = _queued(redis, settings)
    _run_on_gpu(redis, spec, tmp_path, _result())
    assert _started(gh, redis, spec) == "already-finished"  # outcome stored, not yet published
    assert _smoke_runs(gh)[0]["status"] == "queued" and _patches(gh, spec) == []
    _publish(gh, redis, spec)
    assert _started(gh, redis, spec) == "already-finished"
    assert _smoke_runs(gh)[0]["status"] == "completed"


@pytest.mark.parametrize("closed_by", ["watchdog", "github"])
def test_a_start_notice_after_the_run_was_closed_is_ignored(
    redis: FakeRedis, settings: Settings, closed_by: str
) -> None:
    gh, spec = _queued(redis, settings)
    if closed_by == "watchdog":
        _publish(gh, redis, spec, watchdog_after_s=spec.watchdog_s)
    else:  # closed on GitHub without an outcome in Redis (a failed publication)
        gh.update_check_run(spec.check_run_id, {"status": "completed", "conclusion": "neutral"})
    before = len(_patches(gh, spec))
    assert _started(gh, redis, spec) in {"already-finished", "already-completed"}
    smoke = _smoke_runs(gh)[0]
    assert smoke["status"] == "completed" and len(_patches(gh, spec)) == before


def test_a_start_notice_for_an_unknown_run_changes_nothing(
    redis: FakeRedis, settings: Settings
) -> None:
    gh, spec = _queued(redis, settings)
    other = SmokeJobSpec(1, REPO, 1347, HEAD, spec.check_run_id + 100, {}, "gpu.h100-a")
    assert _started(gh, redis, other) == "rejected"  # never dispatched: not even looked up
    assert _smoke_runs(gh)[0]["status"] == "queued"


def test_the_smoke_started_task_marks_the_run(
    monkeypatch: pytest.MonkeyPatch, redis: FakeRedis, settings: Settings
) -> None:
    from worker.celery_app import app
    from worker.tasks import smoke

    gh, spec = _queued(redis, settings)
    monkeypatch.setattr(smoke, "repo_api", lambda installation_id, repo: gh)
    monkeypatch.setattr(smoke, "shared_redis", lambda: redis)
    monkeypatch.setattr(smoke, "RedisCoordinator", lambda client: FakeCoordinator())
    kwargs = {
        "installation_id": 1, "repo_full_name": REPO, "pr_number": 1347, "head_sha": HEAD,
        "check_run_id": spec.check_run_id, "delivery_id": "d-4",
    }  # fmt: skip
    assert app.tasks["worker.smoke_started"](**kwargs) == "in-progress"
    assert _smoke_runs(gh)[0]["status"] == "in_progress"
