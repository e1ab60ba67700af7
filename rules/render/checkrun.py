"""The check run's output: title, summary, text and line annotations in GitHub's format."""

from __future__ import annotations

from dataclasses import dataclass, field

from rules.findings import Finding, Severity
from rules.render._common import ICONS, first_line, headline, new_counts, place, plural
from rules.render.escape import md_code, md_prose, md_text
from rules.render.markdown import render_markdown
from rules.review import Conclusion, Review

#: GitHub's limits on check run output fields (UTF-8 bytes, see worker/github/publish.py).
MAX_SUMMARY = 65_535
MAX_TEXT = 65_535
MAX_TITLE = 255
_MAX_ANNOTATION_FIELD = 64_000

#: Annotations per review: one request's worth (GitHub shows 50 per run in the diff view);
#: a file of thousands of findings must not cost hundreds of API calls (security review 11).
MAX_ANNOTATIONS = 50

_LEVELS = {Severity.ERROR: "failure", Severity.WARNING: "warning", Severity.NOTICE: "notice"}


@dataclass(frozen=True)
class CheckOutput:
    """What `checks.create`/`update` take as `output`, plus the conclusion.

    `annotations` holds the first `MAX_ANNOTATIONS` located findings (new errors first);
    the summary counts the rest.
    """

    title: str
    summary: str
    text: str
    conclusion: Conclusion
    annotations: list[dict[str, object]] = field(default_factory=list)

    def as_output(self) -> dict[str, object]:
        """The `output` object of the check runs API (all annotations)."""
        return {
            "title": self.title,
            "summary": self.summary,
            "text": self.text,
            "annotations": list(self.annotations),
        }


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def annotation(finding: Finding) -> dict[str, object]:
    """One annotation (the finding must have a file and a line); pre-existing ones are notices."""
    assert finding.file is not None and finding.line is not None
    level = _LEVELS[finding.severity] if finding.new else "notice"
    title = f"{finding.category}: {finding.package}" if finding.package else finding.category
    if not finding.new:
        title = f"(pre-existing) {title}"
    details = []
    if finding.fix:
        details.append(f"Fix:\n{finding.fix}")
    if finding.evidence:
        details.append("Evidence:\n" + "\n".join(finding.evidence))
    result: dict[str, object] = {
        "path": finding.file,
        "start_line": finding.line,
        "end_line": max(finding.end_line or finding.line, finding.line),
        "annotation_level": level,
        "message": _clip(finding.message, _MAX_ANNOTATION_FIELD),
        "title": _clip(f"depreview {title}", MAX_TITLE),
    }
    if details:
        result["raw_details"] = _clip("\n\n".join(details), _MAX_ANNOTATION_FIELD)
    return result


def _title(review: Review) -> str:
    s = review.summary
    if not s.new:
        title = "No new dependency problems"
    else:
        title = new_counts(review).capitalize()
    if s.existing:
        title += f" ({plural(s.existing, 'pre-existing finding')})"
    return _clip(title, MAX_TITLE)


def _summary(review: Review) -> str:
    s = review.summary
    lines = [
        f"**{headline(review)}**",
        "",
        "| | New | Pre-existing |",
        "| --- | --- | --- |",
        f"| {ICONS[Severity.ERROR]} errors | {s.new_errors} | {s.existing_errors} |",
        f"| {ICONS[Severity.WARNING]} warnings | {s.new_warnings} | {s.existing_warnings} |",
        f"| {ICONS[Severity.NOTICE]} notices | {s.new_notices} | {s.existing_notices} |",
        "",
    ]
    if s.ignored:
        lines += [f"{plural(s.ignored, 'finding')} ignored by `.github/depreview.yml`.", ""]
    unlocated = [f for f in review.findings if f.file is None or f.line is None]
    if unlocated:
        lines += ["Findings without a line to annotate:", ""]
        budget = MAX_SUMMARY - 2_000 - sum(len(x) + 1 for x in lines)
        shown = 0
        for finding in unlocated:
            item = (
                f"- {ICONS[finding.severity]} {'**new** ' if finding.new else ''}"
                f"{md_code(place(finding))} {md_text(finding.category)}: "
                f"{md_prose(first_line(finding.message, 400))}"
            )
            if len(item) + 1 > budget:
                break
            budget -= len(item) + 1
            lines.append(item)
            shown += 1
        if shown < len(unlocated):
            lines.append(f"- … and {len(unlocated) - shown} more (see the details below)")
        lines.append("")
    located = _located(review)
    if len(located) > MAX_ANNOTATIONS:
        lines += [
            f"{plural(len(located) - MAX_ANNOTATIONS, 'more located finding')} not annotated "
            f"(annotations show the first {MAX_ANNOTATIONS}, new errors first); "
            "all are in the details below.",
            "",
        ]
    if review.rule_errors:
        lines.append(
            "Some checks failed to run: " + "; ".join(md_code(e) for e in review.rule_errors[:5])
        )
    return _clip("\n".join(lines).rstrip() + "\n", MAX_SUMMARY)


def _located(review: Review) -> list[Finding]:
    """Findings with a line to annotate: new before pre-existing, worst first."""
    located = [f for f in review.findings if f.file is not None and f.line is not None]
    return sorted(located, key=lambda f: (not f.new, f.severity.rank))


def render_check_output(review: Review, *, details_url: str | None = None) -> CheckOutput:
    """The check run output for a review: verdict title, counts, full details, annotations."""
    located = _located(review)[:MAX_ANNOTATIONS]
    return CheckOutput(
        title=_title(review),
        summary=_summary(review),
        text=render_markdown(review, details_url=details_url, limit=MAX_TEXT),
        conclusion=review.conclusion,
        annotations=[annotation(f) for f in located],
    )
