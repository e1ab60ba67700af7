"""Every word the App posts about a review: the PR comment, the check run's output, the notes.

To change what a maintainer reads, start here, or in `worker.smoke.outcome`: the two modules
hold the App's own wording (this one the review's, that one the GPU smoke test's: its check
run titles, the comment region's blocks, the smoke notes on the review's check run). The
findings themselves are rendered by `rules.render` (`render_comment` for the comment,
`render_check_output` for the check run), which also holds the comment's marker and GitHub's
size limit (`MARKER`, `MAX_COMMENT`); the ignore list by
`worker.commands.ignores.render_ignores`; the smoke region goes in through
`worker.smoke.publish.with_section`. Not here: the replies to `@depreview` commands
(`worker.commands.handler`, `worker.commands.binding`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rules.render.checkrun import render_check_output
from rules.render.escape import md_code, md_text
from rules.render.markdown import render_comment
from rules.review import Review
from worker.commands.ignores import IgnoreSet, render_ignores
from worker.errors import LostWorkerError
from worker.github.fetch import TreeFiles


@dataclass(frozen=True, slots=True)
class CheckText:
    """A check run's output as the App completes it."""

    title: str
    summary: str
    text: str = ""
    annotations: Sequence[dict[str, object]] = field(default_factory=list)


# -- the PR comment -------------------------------------------------------------------------


def review_comment(result: Review, ignores: IgnoreSet) -> str:
    """The PR comment before any GPU smoke region: the review (with the marker), the ignores."""
    return render_comment(result) + render_ignores(ignores)


def pr_comment(result: Review, ignores: IgnoreSet, smoke_section: str | None = None) -> str:
    """The PR comment the App posts: `review_comment`, then the smoke region when planned."""
    body = review_comment(result, ignores)
    if smoke_section is None:
        return body
    from worker.smoke.publish import with_section

    return with_section(body, smoke_section)


# -- the check run --------------------------------------------------------------------------


def review_output(result: Review, notes: Sequence[str] = ()) -> CheckText:
    """The check run of a published review: its rendered output, the notes after the summary
    (listing, skipped files, GPU smoke), each starting with its own blank line."""
    output = render_check_output(result)
    return CheckText(output.title, output.summary + "".join(notes), output.text, output.annotations)


def no_changes_output(note: str = "") -> CheckText:
    """The check run of a change that touches no dependency file."""
    return CheckText(
        "No dependency files changed",
        "This change touches no dependency file that depreview reviews." + note,
    )


def listing_note(max_pr_files: int) -> str:
    """The check run's note when GitHub listed only the PR's first files."""
    return (
        f"\n\nThis pull request changes more than {max_pr_files} files; "
        "GitHub lists only the first ones, so changed dependency files were found "
        "by comparing the trees."
    )


def skipped_note(files: TreeFiles) -> str:
    """The check run's note on files that were not read (too big, too many, truncated tree)."""
    if not files.skipped and not files.truncated:
        return ""
    lines = ["", "", "**Not reviewed:**"]
    lines += [f"- {md_code(path)}: {md_text(why)}" for path, why in sorted(files.skipped.items())]
    if files.truncated:
        lines.append("- GitHub truncated the repository tree; files deep in it may be missing.")
    return "\n".join(lines)


def smoke_error_note(exc: BaseException) -> str:
    """The check run's note when deciding the GPU smoke test failed.

    Names the exception's type, never its text: it may quote the PR's files.
    """
    return f"\n\n**GPU smoke test**: not scheduled (`{type(exc).__name__}`)."


def superseded_output(newer: str) -> CheckText:
    """The neutral check run of a head that a newer push replaced."""
    return CheckText(
        f"Superseded by {newer[:12]}",
        f"A newer commit ({newer}) was pushed; depreview reviews that one instead.",
    )


# -- a review that could not finish ---------------------------------------------------------


def failure_reason(exc: BaseException) -> str:
    """Why a review stopped, in words safe to publish.

    Never the exception's text: it may quote environment-derived or attacker-chosen strings.
    """
    from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded

    if isinstance(exc, SoftTimeLimitExceeded | TimeLimitExceeded):
        return "the review ran out of time (the worker's time limit for one review)"
    from worker.github.ratelimit import MAX_WAIT_S, RateLimitWaitTooLongError

    if isinstance(exc, RateLimitWaitTooLongError) and exc.wait_s <= MAX_WAIT_S:
        return "GitHub kept answering this review with its API rate limit"
    if isinstance(exc, RateLimitWaitTooLongError):
        return (
            f"GitHub's API rate limit for this installation allows the next request in about "
            f"{exc.minutes()} minutes, longer than depreview waits ({MAX_WAIT_S / 60:.0f} minutes)"
        )
    if isinstance(exc, LostWorkerError):
        return (
            f"the worker running it stopped {exc.times} times (killed or out of memory), "
            "so it is not tried again automatically"
        )
    return f"the review stopped with an internal error ({type(exc).__name__})"


def failed_output(exc: BaseException) -> CheckText:
    """The failing check run of a review that could not finish: the reason, and Re-run."""
    return CheckText(
        "depreview could not finish this review",
        f"The review did not finish: {failure_reason(exc)}. This check fails because "
        "depreview could not say whether the dependency change is safe.\n\n"
        "Press **Re-run** (or push again) to try again.",
    )
