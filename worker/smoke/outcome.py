"""A smoke run's outcome: its conclusion, title, findings and the comment region's Markdown.

Both sides make outcomes: the GPU job from a run (`worker.smoke.gpu_job`), the review side
from a decision not to run (`decision_outcome`). The titles are the check run's, one per
conclusion.
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
