"""Publish smoke state to GitHub: the `depreview / gpu-smoke` check run and the comment region.

The smoke test has its own check run, `depreview / gpu-smoke`, next to the required
`depreview` check: the review's verdict is final when the review ends (minutes before a GPU
job can), a fork PR's "needs a maintainer" state must not block the merge, and the button
that starts a smoke test belongs on the check it starts. Repositories that want a smoke
failure to block a merge make `depreview / gpu-smoke` required as well: `success`,
`neutral` and `skipped` pass, while `failure`, `timed_out`, `cancelled` and a fork's
`action_required` (until a maintainer starts the run) block.

The PR keeps one comment: its smoke part is the region between `SECTION_START` and
`SECTION_END`, replaced in place by the smoke publisher and re-inserted by the review from
the record stored in Redis (`worker.smoke.store`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.task_auth import outcome_signed_by, without_signature
from rules.render.checkrun import MAX_SUMMARY, MAX_TEXT
from rules.render.markdown import MARKER, MAX_COMMENT
from worker.coordination import Coordinator, lock_key
from worker.github.api import JSON, RepoApi
from worker.github.buttons import CHECK_ACTION
from worker.github.publish import AppIdentity, clamp, find_comment
from worker.smoke.outcome import no_result_in_time
from worker.smoke.outcome_auth import dispatched_runner_key
from worker.smoke.registry import RedisClient
from worker.smoke.store import (
    SmokeJob,
    SmokeRecord,
    load,
    load_job,
    load_outcome,
    load_signed_outcome,
    save,
    save_outcome,
)

logger = logging.getLogger(__name__)

SMOKE_CHECK_NAME = "depreview / gpu-smoke"
SECTION_START = "<!-- depreview:smoke -->"
SECTION_END = "<!-- /depreview:smoke -->"
MAX_SECTION_CHARS = 20_000
LOCK_TIMEOUT_S = 300
LOCK_WAIT_S = 30.0

#: Conclusions that close a check run (GitHub's vocabulary).
CONCLUSIONS = frozenset(
    {"success", "failure", "neutral", "cancelled", "timed_out", "skipped", "action_required"}
)


# -- the comment region ---------------------------------------------------------------------


def strip_section(body: str) -> str:
    """`body` without its smoke region (every copy, should there be several)."""
    while True:
        start = body.find(SECTION_START)
        if start < 0:
            return body
        end = body.find(SECTION_END, start)
        cut = len(body) if end < 0 else end + len(SECTION_END)
        body = (body[:start].rstrip("\n") + "\n" + body[cut:].lstrip("\n")).rstrip("\n") + "\n"


def with_section(body: str, markdown: str | None) -> str:
    """`body` with its smoke region replaced by `markdown` (removed when None or empty).

    The region goes last; when the whole would exceed GitHub's comment limit, the review
    part is cut (with a note), never the region's markers.
    """
    main = strip_section(body).rstrip("\n")
    if not markdown or not markdown.strip():
        return main + "\n"
    block = f"{SECTION_START}\n{clamp(markdown.strip(), MAX_SECTION_CHARS)}\n{SECTION_END}"
    room = MAX_COMMENT - 1 - len(block) - 3
    return f"{clamp(main, room)}\n\n{block}\n"


def section_of(body: str) -> str | None:
    """The Markdown inside `body`'s smoke region, if it has one."""
    start = body.find(SECTION_START)
    end = body.find(SECTION_END, start + 1)
    if start < 0 or end < 0:
        return None
    return body[start + len(SECTION_START) : end].strip("\n")


# -- the check run ----------------------------------------------------------------------------


def smoke_runs(api: RepoApi, head_sha: str, app_id: int | None) -> list[JSON]:
    """The `depreview / gpu-smoke` check runs on `head_sha`, newest first."""
    runs = [
        r
        for r in api.list_check_runs(head_sha, SMOKE_CHECK_NAME, app_id)
        if r.get("name") == SMOKE_CHECK_NAME and r.get("head_sha", head_sha) == head_sha
    ]
    return sorted(runs, key=lambda r: -int(r["id"]))


def _output(title: str, summary: str, text: str = "") -> JSON:
    output: JSON = {"title": clamp(title, 255), "summary": clamp(summary, MAX_SUMMARY)}
    if text:
        output["text"] = clamp(text, MAX_TEXT)
    return output


def _findings_text(findings: Sequence[Mapping[str, Any]]) -> str:
    lines = [
        f"- **{f.get('severity')}** `{f.get('category')}`"
        + (f" ({f['package']})" if f.get("package") else "")
        + f": {f.get('message')}"
        for f in findings
    ]
    return "\n".join(lines)


def create_smoke_run(
    api: RepoApi,
    head_sha: str,
    *,
    title: str,
    summary: str,
    external_id: str,
    conclusion: str | None = None,
    needs_approval: bool = False,
    details_url: str | None = None,
) -> int:
    """Create the smoke check run: `queued`, or already completed with `conclusion`."""
    body: JSON = {
        "name": SMOKE_CHECK_NAME,
        "head_sha": head_sha,
        "external_id": external_id,
        "output": _output(title, summary),
    }
    if conclusion is None:
        body["status"] = "queued"
    else:
        body["status"] = "completed"
        body["conclusion"] = conclusion
    if needs_approval:
        body["actions"] = [dict(CHECK_ACTION)]
    if details_url:
        body["details_url"] = details_url
    return int(api.create_check_run(body)["id"])


def complete_smoke_run(api: RepoApi, check_run_id: int, record: SmokeRecord) -> None:
    """Close the smoke check run with the record's conclusion, title and section."""
    conclusion = record.conclusion if record.conclusion in CONCLUSIONS else "neutral"
    output = _output(record.title, record.markdown, _findings_text(record.findings))
    api.update_check_run(
        check_run_id, {"status": "completed", "conclusion": conclusion, "output": output}
    )


# -- publishing an outcome ---------------------------------------------------------------------


def recorded_job(
    redis: RedisClient, repo: str, pr_number: int, head_sha: str, check_run_id: int
) -> SmokeJob | None:
    """The job the review side dispatched for this check run and PR head, else None (logged).

    A `worker.publish_smoke` or `worker.smoke_started` message is not authenticated (anyone
    who can write to the broker can send one); only a check run the review side recorded
    at dispatch, for this very repository, PR and head, is ever touched.
    """
    job = load_job(redis, repo, check_run_id)
    if job is None or (job.pr_number, job.head_sha) != (pr_number, head_sha):
        logger.warning(
            "smoke message rejected: no such job was dispatched",
            extra={
                "repo": repo,
                "pr": pr_number,
                "head_sha": head_sha,
                "check_run_id": check_run_id,
            },
        )
        return None
    return job


@dataclass(frozen=True, slots=True)
class SmokeCheckRun:
    """The smoke check run a GPU notice names (`worker.smoke_started`, `worker.publish_smoke`),
    with what the review side reaches it through: the App's client on the repository, the PR
    lock's coordinator, Redis and the App id."""

    api: RepoApi
    coord: Coordinator
    redis: RedisClient
    app_id: int | None
    pr_number: int
    head_sha: str
    check_run_id: int

    @property
    def repo(self) -> str:
        """The repository's `owner/name`."""
        return self.api.repo.full_name

    @contextmanager
    def recorded_job_locked(self) -> Iterator[SmokeJob | None]:
        """The `recorded_job` of this check run, held under the PR's lock; None (and no lock)
        when the review side dispatched no such job."""
        job = recorded_job(self.redis, self.repo, self.pr_number, self.head_sha, self.check_run_id)
        if job is None:
            yield None
            return
        with self.coord.lock(
            lock_key(self.repo, self.pr_number, self.head_sha),
            timeout_s=LOCK_TIMEOUT_S,
            wait_s=LOCK_WAIT_S,
        ):
            yield job

    def as_listed(self) -> JSON | None:
        """This check run as GitHub lists the head's smoke runs (None: not among them)."""
        runs = smoke_runs(self.api, self.head_sha, self.app_id)
        return next((r for r in runs if int(r["id"]) == self.check_run_id), None)


#: The key a runner signs its outcomes with, by runner name (review side: derived).
RunnerKeys = Callable[[str], bytes | None]


def _verified_outcome(
    redis: RedisClient, job: SmokeJob, runner_keys: RunnerKeys
) -> dict[str, Any] | None:
    """The stored outcome of `job` when it is that job's (a foreign one is logged, dropped).

    It must be signed with the key of the runner the job was dispatched to (its queue
    `gpu.<name>`), so an outcome another runner stored (or overwrote) does not pass, and
    carry the job's id, repository, PR and head.
    """
    stored = load_signed_outcome(redis, job.repo, job.check_run_id, runner=job.runner)
    if stored is None:
        return None
    key = runner_keys(job.runner) if job.runner else None
    outcome = without_signature(stored)
    why = "signature" if not outcome_signed_by(key, job.repo, job.check_run_id, stored) else None
    why = why or job.mismatch(outcome)
    if why is None:
        return outcome
    logger.warning(
        "smoke outcome rejected: it does not match the dispatched job",
        extra={"repo": job.repo, "check_run_id": job.check_run_id, "mismatch": why},
    )
    return None


def upsert_section(api: RepoApi, pr_number: int, markdown: str, app_id: int | None = None) -> str:
    """Replace the smoke region of the one depreview comment (create it when missing)."""
    existing = find_comment(api, pr_number, AppIdentity(app_id))  # the App's own comment only
    old = str(existing.get("body") or "") if existing is not None else f"{MARKER}\n"
    new = with_section(old, markdown)
    if existing is None:
        api.create_issue_comment(pr_number, new)
        return "created"
    if new == old:
        return "unchanged"
    api.update_issue_comment(int(existing["id"]), new)
    return "updated"


def publish_smoke(
    run: SmokeCheckRun,
    *,
    watchdog_after_s: int | None = None,
    runner_keys: RunnerKeys = dispatched_runner_key,
) -> str:
    """Publish the stored outcome of smoke run `run`; idempotent.

    Only a job the review side recorded at dispatch is published, and only an outcome that
    the runner the job went to signed (`runner_keys`) and that carries that job's id,
    repository, PR and head (anything else is logged and dropped: `rejected`). With
    `watchdog_after_s`, a run that has no valid outcome and is still open
    is closed as `timed_out`. The comment's region changes only while `run.head_sha` is the
    PR's head and this run is the head's newest smoke run; a cancelled (superseded) run
    touches only its own check run. Returns what it did.
    """
    api, redis, repo = run.api, run.redis, run.repo
    with run.recorded_job_locked() as job:
        if job is None:
            return "rejected"
        outcome = _verified_outcome(redis, job, runner_keys)
        if outcome is None:
            if watchdog_after_s is None:
                stored = load_outcome(redis, repo, run.check_run_id, runner=job.runner) is not None
                return "rejected" if stored else "no-outcome"
            listed = run.as_listed()
            if listed is not None and listed.get("status") == "completed":
                return "already-completed"
            outcome = no_result_in_time(
                repo, run.pr_number, run.head_sha, watchdog_after_s, job.job_id
            )
            key = runner_keys(job.runner) if job.runner else None
            save_outcome(redis, repo, run.check_run_id, outcome, key, runner=job.runner)
        record = SmokeRecord.from_outcome(outcome, run.check_run_id)
        complete_smoke_run(api, run.check_run_id, record)
        current = load(redis, repo, run.pr_number, run.head_sha)
        if current is not None and current.check_run_id not in (0, run.check_run_id):
            return "check-only"  # a newer smoke run of this head owns the comment
        if record.conclusion == "cancelled":
            return "check-only"  # superseded: the newer push's review owns the comment
        if str(api.get_pull(run.pr_number)["head"]["sha"]) != run.head_sha:
            return "check-only"
        save(redis, record)
        done = upsert_section(api, run.pr_number, record.markdown, run.app_id)
    logger.info(
        "smoke published",
        extra={
            "repo": repo,
            "pr": run.pr_number,
            "head_sha": run.head_sha,
            "conclusion": record.conclusion,
            "comment": done,
        },
    )
    return "published"


def mark_smoke_started(run: SmokeCheckRun, *, now: datetime | None = None) -> str:
    """Move smoke run `run` from `queued` to `in_progress`; idempotent.

    Sent by the GPU worker when the job holds its GPU. A run that already has an outcome
    (stored by the GPU worker or the watchdog) or that GitHub shows completed is left
    alone, so a late notice never reopens a finished check. Returns what it did.
    """
    with run.recorded_job_locked() as job:
        if job is None:
            return "rejected"
        if load_outcome(run.redis, run.repo, run.check_run_id, runner=job.runner) is not None:
            return "already-finished"
        listed = run.as_listed()
        if listed is None:
            return "unknown-run"
        status = listed.get("status")
        if status == "completed":
            return "already-completed"
        if status == "in_progress":
            return "unchanged"
        started = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
        run.api.update_check_run(run.check_run_id, {"status": "in_progress", "started_at": started})
    logger.info(
        "smoke started",
        extra={
            "repo": run.repo,
            "pr": run.pr_number,
            "head_sha": run.head_sha,
            "check_run_id": run.check_run_id,
        },
    )
    return "in-progress"
