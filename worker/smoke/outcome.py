"""A smoke run's outcome, and the words the App posts about a smoke test.

Both sides make outcomes: the GPU job from a run (`worker.smoke.gpu_job`), the review side
from a decision not to run (`decision_outcome`). The titles are the check run's, one per
conclusion.

The smoke wording lives here: the check run's titles, the comment region's collapsed blocks
(`details`), the timed-out outcomes (`stopped_at_limit` on the GPU side, `no_result_in_time`
for the review side's watchdog), the notes the review adds to its own check run (`note`,
`queued_note`) and the text of a queued job or of one that could not be queued
(`queued_details`, `not_queued_details`). The review's own words are in
`worker.review.comment`; not here: the policy's reasons (`worker.smoke.policy`, carried as
`SmokeDecision.reason`) and a run's findings and region (`worker.smoke.classify`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rules.findings import Finding
from worker.smoke.policy import SmokeDecision
from worker.smoke.runner import SmokeResult

#: The smoke check run's title for each conclusion.
TITLES = {
    "success": "GPU smoke test passed",
    "failure": "GPU smoke test failed",
    "neutral": "GPU smoke test: see details",
    "cancelled": "GPU smoke test cancelled (superseded by a newer push)",
    "timed_out": "GPU smoke test timed out",
    "skipped": "GPU smoke test skipped",
    "action_required": "GPU smoke test needs a maintainer",
}


@dataclass(frozen=True, slots=True)
class SmokeJobOutcome:
    """What the publisher needs: conclusion, title, findings and the Markdown section."""

    repo: str
    pr_number: int
    head_sha: str
    conclusion: str
    title: str
    findings: tuple[Finding, ...]
    markdown: str
    result: SmokeResult | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (for the Celery result backend and logs)."""
        return {
            "repo": self.repo,
            "pr_number": self.pr_number,
            "head_sha": self.head_sha,
            "conclusion": self.conclusion,
            "title": self.title,
            "markdown": self.markdown,
            "status": self.result.status if self.result else None,
            "findings": [
                {
                    "rule": f.rule,
                    "category": f.category,
                    "severity": f.severity.value,
                    "message": f.message,
                    "package": f.package,
                }
                for f in self.findings
            ],
        }


def decision_outcome(
    decision: SmokeDecision, repo: str, pr_number: int, head_sha: str
) -> SmokeJobOutcome | None:
    """The outcome to publish when the policy does not run the job (None when it runs)."""
    conclusion = decision.check_conclusion
    if conclusion is None:
        return None
    title = TITLES.get(conclusion, "GPU smoke test")
    if decision.action == "no-runner":
        title = "GPU smoke test: no runner available"
    return SmokeJobOutcome(
        repo, pr_number, head_sha, conclusion, title, (), details(title, decision.reason)
    )


def details(title: str, text: str) -> str:
    """A collapsed block of the comment region: `title`, and `text` when opened."""
    return f"<details>\n<summary>{title}</summary>\n\n{text}\n\n</details>\n"


def timed_out(repo: str, pr_number: int, head_sha: str, text: str) -> dict[str, Any]:
    """The stored form of a `timed_out` outcome that has no run behind it (`text` says why)."""
    title = TITLES["timed_out"]
    return {
        "repo": repo,
        "pr_number": pr_number,
        "head_sha": head_sha,
        "conclusion": "timed_out",
        "title": title,
        "markdown": details(title, text),
        "status": "timeout",
        "findings": [],
    }


def stopped_at_limit(repo: str, pr_number: int, head_sha: str, limit_s: int) -> dict[str, Any]:
    """The outcome of a job the GPU worker's soft time limit (`limit_s`) stopped."""
    text = (
        f"The smoke job ran past the worker's time limit ({limit_s} s) and was stopped; "
        "installing the environment or probing it takes longer than `smoke.timeout_s` allows."
    )
    return timed_out(repo, pr_number, head_sha, text)


def no_result_in_time(
    repo: str, pr_number: int, head_sha: str, after_s: int, job_id: str = ""
) -> dict[str, Any]:
    """The outcome the watchdog publishes when no runner reported within `after_s` of
    queueing (it carries the dispatched job's id, as a runner's outcome does)."""
    text = (
        f"No GPU runner reported a result within {after_s} s of queueing (the runner may be "
        "busy, gone, or the job hit its time limit). A later result replaces this one; a "
        "maintainer can start a new run with `@depreview smoke`."
    )
    return {**timed_out(repo, pr_number, head_sha, text), "job_id": job_id}


# -- the review side's words: its check run's note, a queued job ---------------------------

#: The title of a smoke check run whose job the broker refused.
NOT_QUEUED_TITLE = "GPU smoke test could not be queued"


def note(text: str) -> str:
    """The `depreview` check run's GPU smoke note (after the summary, its own blank line)."""
    return f"\n\n**GPU smoke test** (`depreview / gpu-smoke`): {text}"


def queued_title(runner: str | None) -> str:
    """The smoke check run's title while its job waits for `runner`."""
    return f"GPU smoke test queued on {runner}"


def queued_note(runner: str | None, queue: str) -> str:
    """The `depreview` check run's note when the job was sent."""
    return note(f"queued on runner {runner} (queue `{queue}`).")


def queued_details(
    title: str, reason: str, *, packages: int, timeout_s: int, environment: str, declared: bool
) -> str:
    """The comment region while the job is queued: why it runs, what it installs, its limit.

    `declared`: the pins are the head commit's exact pins (no resolution), else the
    resolution of `environment`.
    """
    source = (
        f"the resolution of `{environment}`"
        if not declared
        else "the exact pins declared in the head commit (no resolution was available, so "
        "packages they do not pin are not installed)"
    )
    return details(title, f"{reason}. {packages} packages from {source}; time limit {timeout_s} s.")


def not_queued_details(exc: BaseException) -> str:
    """The comment region when sending the job failed (`exc`, first line)."""
    why = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    return (
        f"The smoke job could not be queued (`{why}`). Re-run the check or "
        "comment `@depreview smoke` to try again."
    )
