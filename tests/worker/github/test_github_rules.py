"""GitHub's rules the App must keep (shared/reviews/github-api.md D1-D9), against respx.

Response bodies and headers are the recorded GitHub shapes in tests/fixtures/github-api.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from githubkit import GitHub, TokenAuthStrategy

from core.links import html_base
from core.settings import Settings
from rules.findings import Finding, Severity
from rules.render.checkrun import MAX_SUMMARY, MAX_TEXT, render_check_output
from rules.review import Review, Summary
from tests.worker.github.conftest import API, REPO, fixture
from worker.errors import RateLimitedError, retryable_failures
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, installation_client, is_transient
from worker.github.fetch import list_changed_files
from worker.github.publish import complete_check_run, utf8_len
from worker.github.transport import GHES_API_VERSION, GitHubTransport, RetryPolicy
from worker.review.job import ReviewJob
from worker.review.job import run_review as app_run_review

ROOT = Path(__file__).parents[3]


def _api(settings: Settings, **kwargs: Any) -> GitHubRepoApi:
    return GitHubRepoApi(
        installation_client(settings, 1, **kwargs), RepoRef("octocat", "Hello-World")
    )


# -- D1: reactions need Issues write ---------------------------------------------------------
def test_manifest_grants_issues_write_for_reactions() -> None:
    manifest = json.loads((ROOT / "deploy" / "app-manifest.json").read_text())
    permissions = manifest["default_permissions"]
    assert permissions["issues"] == "write"
    assert permissions["checks"] == "write"
    assert "public" in manifest
    doc = (ROOT / "deploy" / "app-manifest.md").read_text()
    assert "| `issues` | write |" in doc
    assert "`public`" in doc


# -- D2: output limits are UTF-8 bytes ---------------------------------------------------------
def _findings(n: int) -> list[Finding]:
    return [
        Finding(
            rule="conflict",
            category="conflict",
            severity=(Severity.ERROR, Severity.WARNING, Severity.NOTICE)[i % 3],
            message=f"torch≥2.{i} → torchvision … needs 0.{i} · 🔴🟡🔵 {'é' * 20}",
            file=f"svc{i % 17}/requirements.txt",
            line=i + 1,
            package=f"pkg{i}",
            new=True,
            fingerprint=str(i),
        )
        for i in range(n)
    ]


def test_a_2000_finding_summary_is_clamped_by_bytes(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    findings = tuple(sorted(_findings(2000), key=Finding.sort_key))
    review = Review("failure", findings, ("requirements.txt",), Summary(new_errors=667))
    output = render_check_output(review)
    lines = [f"- 🔴 `pkg{i}` torch≥2.{i % 10} → … · 🟡🔵" for i in range(2000)]
    summary = output.summary + "\n" + "\n".join(lines)  # one emoji-heavy line per finding
    # under GitHub's limit in characters, over it in bytes (the real 422 of github/docs#35252)
    assert len(summary) <= MAX_SUMMARY < utf8_len(summary)
    route = gh_api.patch(f"{REPO}/check-runs/4").mock(
        return_value=httpx.Response(200, json=fixture("checks/update-check-run.200.json"))
    )
    complete_check_run(
        _api(settings), 4, "failure", title=output.title, summary=summary, text=summary * 2
    )
    sent = json.loads(route.calls.last.request.content)["output"]
    for field, limit in (("summary", MAX_SUMMARY), ("text", MAX_TEXT)):
        assert utf8_len(sent[field]) <= limit, field
        assert sent[field].endswith("65535 bytes)")
    assert sent["summary"].startswith(summary[:1000])


def test_annotation_message_is_clamped_to_64_kb(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    route = gh_api.patch(f"{REPO}/check-runs/4").mock(
        return_value=httpx.Response(200, json=fixture("checks/update-check-run.200.json"))
    )
    note = {"path": "a.txt", "start_line": 1, "end_line": 1, "annotation_level": "notice",
            "message": "🔴" * 20_000, "raw_details": "x" * 70_000}  # fmt: skip
    complete_check_run(_api(settings), 4, "neutral", title="t", summary="s", annotations=[note])
    sent = json.loads(route.calls.last.request.content)["output"]["annotations"][0]
    assert utf8_len(sent["message"]) < 64 * 1024 < utf8_len(note["message"])
    assert utf8_len(sent["raw_details"]) < 64 * 1024


# -- D4: a secondary limit without Retry-After -----------------------------------------------
def _secondary(request: httpx.Request) -> httpx.Response:
    headers = dict(fixture("errors/403-secondary-rate-limit.headers.json"))
    del headers["retry-after"]  # what D4 is about: no header at all
    return httpx.Response(
        403, json=fixture("errors/403-secondary-rate-limit.body.json"), headers=headers
    )


def test_secondary_limit_without_retry_after_waits_a_minute_in_place(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    pull = fixture("pulls/get-pull-request.200.json")
    route = gh_api.get(f"{REPO}/pulls/1347").mock(
        side_effect=[_secondary(httpx.Request("GET", "/")), httpx.Response(200, json=pull)]
    )
    slept: list[float] = []
    patient = settings.model_copy(update={"github_retry_inplace_max_s": 60.0})
    assert _api(patient, sleep=slept.append).get_pull(1347)["number"] == pull["number"]
    assert slept == [60.0]
    assert route.call_count == 2


def test_secondary_limit_without_retry_after_goes_back_to_the_queue(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    gh_api.get(f"{REPO}/pulls/1347").mock(side_effect=_secondary)
    job = ReviewJob(1, "octocat/Hello-World", "h" * 40, "d", pr_number=1347)
    with pytest.raises(RateLimitedError) as caught, retryable_failures():  # as the task runs it
        app_run_review(_api(settings), _NoLock(), settings, job)
    assert caught.value.countdown == 60.0
    assert caught.value.unsignalled
    assert is_transient(caught.value.__cause__)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("countdown", "unsignalled", "retries", "expected"),
    [
        (60.0, True, 0, 60.0),
        (60.0, True, 1, 120.0),
        (60.0, True, 3, 480.0),
        (60.0, True, 9, 1800.0),  # capped below the visibility timeout
        (7.0, False, 3, 7.0),  # GitHub said when: exactly then
    ],
)
def test_task_countdown_for_rate_limits(
    countdown: float, unsignalled: bool, retries: int, expected: float
) -> None:
    from worker.errors import rate_limit_countdown

    exc = RateLimitedError("limited", countdown, unsignalled=unsignalled)
    assert rate_limit_countdown(exc, retries) == expected


class _NoLock:
    from contextlib import nullcontext

    def lock(self, key: str, *, timeout_s: int, wait_s: float) -> Any:
        return self.nullcontext()


# -- D3, D6: API version header, GHE.com hosts --------------------------------------------
@pytest.mark.parametrize(
    ("api_url", "configured", "expected"),
    [
        ("https://api.github.com", None, "2026-03-10"),  # githubkit's schema version
        (API, None, GHES_API_VERSION),  # GHES: /api/v3
        (API, "2026-03-10", "2026-03-10"),  # a GHES 3.21+ operator opts in
        ("https://api.github.com", "2022-11-28", "2022-11-28"),
    ],
)
def test_api_version_header(
    settings: Settings,
    api_url: str,
    configured: str | None,
    expected: str,
) -> None:
    custom = settings.model_copy(
        update={"github_api_url": api_url, "github_api_version": configured}
    )
    with respx.mock(assert_all_called=False) as router:
        route = router.get(url__regex=r".*/repos/octocat/Hello-World/pulls/1$").mock(
            return_value=httpx.Response(200, json={"number": 1})
        )
        router.post(url__regex=r".*/access_tokens$").mock(
            return_value=httpx.Response(
                201, json={"token": "ghs_x", "expires_at": "2999-01-01T00:00:00Z"}
            )
        )
        _api(custom).get_pull(1)
    assert route.calls.last.request.headers["X-GitHub-Api-Version"] == expected


@pytest.mark.parametrize(
    ("api_url", "web"),
    [
        ("https://api.github.com", "https://github.com"),
        ("https://api.octocorp.ghe.com", "https://octocorp.ghe.com"),
        ("https://api.octocorp.ghe.com/", "https://octocorp.ghe.com"),
        ("https://ghe.example.com/api/v3", "https://ghe.example.com"),
    ],
)
def test_web_host_of_the_api_host(api_url: str, web: str) -> None:
    assert html_base(api_url) == web


# -- D7: more files than GitHub lists --------------------------------------------------------
@pytest.mark.parametrize(("changed_files", "complete"), [(3000, True), (3500, False), (None, True)])
def test_a_pr_over_3000_files_is_incomplete_by_changed_files(
    settings: Settings, gh_api: respx.MockRouter, changed_files: int | None, complete: bool
) -> None:
    entry = fixture("pulls/list-pull-request-files.200.json")[0]
    link = fixture("pulls/list-pull-request-files.page-1.headers.json")["link"]

    def page(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params["page"])
        items = [{**entry, "filename": f"d{number}/f{i}.py"} for i in range(100)]
        headers = {"link": link} if number < 30 else {}  # GitHub stops at 3,000
        return httpx.Response(200, json=items, headers=headers)

    gh_api.get(f"{REPO}/pulls/1347/files").mock(side_effect=page)
    listed = list_changed_files(_api(settings), 1347, 5000, changed_files=changed_files)
    assert len(listed.paths) == 3000
    assert listed.complete is complete


# -- D8: filter=all -------------------------------------------------------------------------------
def test_check_runs_are_listed_with_filter_all(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    route = gh_api.get(url__regex=r".*/commits/abc/check-runs.*").mock(
        return_value=httpx.Response(200, json={"total_count": 0, "check_runs": []})
    )
    _api(settings).list_check_runs("abc", "depreview", 1)
    assert route.calls.last.request.url.params["filter"] == "all"


# -- D10: a token without push access --------------------------------------------------------
def test_collaborator_permission_403_reads_as_none(
    settings: Settings, gh_api: respx.MockRouter
) -> None:
    gh_api.get(f"{REPO}/collaborators/someone/permission").mock(
        return_value=httpx.Response(
            403, json={"message": "Must have push access to view collaborator permission."}
        )
    )
    assert _api(settings).get_permission("someone") == "none"


# -- D9: one connection pool per task ------------------------------------------------------------
def test_one_http_client_per_task() -> None:
    pools: list[httpx.MockTransport] = []

    def pool() -> httpx.MockTransport:
        pools.append(httpx.MockTransport(lambda r: httpx.Response(200, json={"number": 1})))
        return pools[-1]

    gh = GitHub(TokenAuthStrategy("t"), base_url=API, transport=GitHubTransport(inner=pool))
    api = GitHubRepoApi(gh, RepoRef("octocat", "Hello-World"))
    for _ in range(5):
        api.get_pull(1)
    assert len(pools) == 5  # without `with gh:` githubkit opens a client per request
    pools.clear()
    with gh:
        for _ in range(5):
            api.get_pull(1)
    assert len(pools) == 1


def test_retry_policy_backoff_is_jittered_and_bounded() -> None:
    policy = RetryPolicy(base_s=0.5, max_backoff_s=8.0)
    assert [policy.backoff(n, lambda: 0.0) for n in range(6)] == [0.25, 0.5, 1.0, 2.0, 4.0, 4.0]
    assert [policy.backoff(n, lambda: 1.0) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
