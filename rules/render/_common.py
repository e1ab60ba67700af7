"""What every renderer says the same way: headline, counts, places, category descriptions."""

from __future__ import annotations

from rules.findings import Finding, Severity
from rules.review import Review

ICONS: dict[Severity, str] = {
    Severity.ERROR: "🔴",
    Severity.WARNING: "🟡",
    Severity.NOTICE: "🔵",
}


def plural(count: int, word: str) -> str:
    """`1 error`, `2 errors`."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def new_counts(review: Review) -> str:
    """`2 new errors, 1 new warning` (only the non-zero parts), or `no new findings`."""
    s = review.summary
    parts = [
        plural(n, f"new {w}")
        for n, w in (
            (s.new_errors, "error"),
            (s.new_warnings, "warning"),
            (s.new_notices, "notice"),
        )
        if n
    ]
    return ", ".join(parts) if parts else "no new findings"


def headline(review: Review) -> str:
    """The one-line verdict (plain text, no Markdown)."""
    s = review.summary
    if review.conclusion == "failure":
        verdict = f"this change introduces {plural(s.new_errors, 'error')}; the check fails"
    elif s.new_warnings:
        verdict = (
            f"no new errors, {plural(s.new_warnings, 'new warning')}; "
            f"the check concludes {review.conclusion}"
        )
    elif s.new_notices:
        verdict = f"no new errors or warnings ({plural(s.new_notices, 'new notice')})"
    else:
        verdict = "no new dependency problems"
    return f"depreview: {verdict}"


def verdict_icon(review: Review) -> str:
    """✅, ⚠️ or ❌ for the conclusion."""
    if review.conclusion == "failure":
        return "❌"
    if review.summary.new_warnings:
        return "⚠️"
    return "✅"


def place(finding: Finding) -> str:
    """`path:line` (or just `path`, or `(repository)` when the finding has no file)."""
    if finding.file is None:
        return "(repository)"
    if finding.line is None:
        return finding.file
    return f"{finding.file}:{finding.line}"


def first_line(text: str, limit: int = 300) -> str:
    """The first line of a message, cut to `limit` characters."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def dependabot_title(review: Review) -> str | None:
    """The Dependabot update's title, when the change is one."""
    if review.dependabot is None:
        return None
    return review.dependabot.title or "Dependabot update"
