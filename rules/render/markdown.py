"""The PR comment: verdict first, a table per category, details and fixes folded, size-capped."""

from __future__ import annotations

from collections.abc import Sequence

from rules.catalogue import CATEGORY_HELP
from rules.findings import Finding
from rules.render._common import (
    ICONS,
    dependabot_title,
    first_line,
    headline,
    new_counts,
    place,
    plural,
    verdict_icon,
)
from rules.render.escape import md_block, md_code, md_prose, md_text
from rules.review import Review

#: The marker that identifies depreview's comment on a PR (DESIGN.md).
MARKER = "<!-- depreview -->"

#: GitHub rejects comments of 65,536 characters or more.
MAX_COMMENT = 65_536

#: Room kept for the headline, section headers and notes around the findings.
_RESERVE = 8_000


def render_comment(review: Review, *, details_url: str | None = None) -> str:
    """The Markdown body of depreview's PR comment (starts with the marker, < 65,536 chars)."""
    return render_markdown(review, details_url=details_url, limit=MAX_COMMENT)


def render_markdown(review: Review, *, details_url: str | None = None, limit: int) -> str:
    """The comment body within `limit` characters, saying how many findings were left out."""
    new = list(review.new_findings)
    existing = list(review.existing_findings)
    budget = max(0, limit - _RESERVE)
    shown_new, shown_existing = _fit(new, existing, budget)
    left_out = len(new) - len(shown_new) + len(existing) - len(shown_existing)
    text = _render(review, shown_new, shown_existing, left_out, details_url)
    while len(text) >= limit and (shown_new or shown_existing):
        # The estimate was off (only for pathological messages): drop more until it fits.
        if shown_existing:
            shown_existing = shown_existing[: len(shown_existing) // 2]
        else:
            shown_new = shown_new[: len(shown_new) // 2]
        left_out = len(new) - len(shown_new) + len(existing) - len(shown_existing)
        text = _render(review, shown_new, shown_existing, left_out, details_url)
    if len(text) >= limit:
        note = "\n\n…(cut to fit)\n"
        text = text[: limit - len(note) - 1] + note
    return text


def _fit(
    new: Sequence[Finding], existing: Sequence[Finding], budget: int
) -> tuple[list[Finding], list[Finding]]:
    """The longest prefixes of new, then pre-existing, findings whose text fits `budget`."""
    used = 0
    shown_new: list[Finding] = []
    for finding in new:
        cost = len(_row(finding)) + len(_detail(finding)) + 2
        if used + cost > budget:
            return shown_new, []
        used += cost
        shown_new.append(finding)
    shown_existing: list[Finding] = []
    for finding in existing:
        cost = len(_brief(finding)) + 1
        if used + cost > budget:
            break
        used += cost
        shown_existing.append(finding)
    return shown_new, shown_existing


def _row(finding: Finding) -> str:
    icon = ICONS[finding.severity]
    package = md_code(finding.package, cell=True) if finding.package else ""
    return (
        f"| {icon} {finding.severity} | {md_code(place(finding), cell=True)} | {package} "
        f"| {md_prose(first_line(finding.message), cell=True)} |"
    )


def _detail(finding: Finding) -> str:
    head = f"**{ICONS[finding.severity]} {md_code(finding.rule)}** · {md_code(place(finding))}"
    if finding.package:
        head += f" · {md_code(finding.package)}"
    lines = finding.message.strip().splitlines() or [""]
    parts = [head, "", md_prose(lines[0])]
    if len(lines) > 1:
        parts += ["", md_block("\n".join(lines[1:]))]
    if finding.evidence:
        parts += ["", "Evidence: " + "; ".join(md_code(e) for e in finding.evidence)]
    if finding.fix:
        parts += ["", "Fix:", "", md_block(finding.fix)]
    return "\n".join(parts)


def _brief(finding: Finding) -> str:
    return (
        f"- {ICONS[finding.severity]} {md_code(place(finding))} **{md_text(finding.category)}**: "
        f"{md_prose(first_line(finding.message, 160))}"
    )


def _categories(findings: Sequence[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by category, worst category first (findings keep their order)."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.category, []).append(finding)
    return sorted(groups.items(), key=lambda kv: (min(f.severity.rank for f in kv[1]), kv[0]))


def _render(
    review: Review,
    new: Sequence[Finding],
    existing: Sequence[Finding],
    left_out: int,
    details_url: str | None,
) -> str:
    out = [MARKER, f"### {verdict_icon(review)} {headline(review)}", ""]
    intro = []
    title = dependabot_title(review)
    if title:
        intro.append(f"Dependabot update: **{md_text(title)}**.")
    if review.changed_files:
        files = ", ".join(md_code(p) for p in review.changed_files[:10])
        more = len(review.changed_files) - 10
        intro.append(
            f"Reviewed {plural(len(review.changed_files), 'changed dependency file')}: {files}"
            + (f" and {more} more" if more > 0 else "")
            + "."
        )
    s = review.summary
    intro.append(
        f"New: {new_counts(review)}. Pre-existing: {plural(s.existing, 'finding')}"
        + (f". Ignored by config: {s.ignored}" if s.ignored else "")
        + "."
    )
    out += [" ".join(intro), ""]
    for category, findings in _categories(new):
        out += [
            f"#### {category} ({len(findings)} new)",
            "",
            f"_{CATEGORY_HELP.get(category, '')}_",
            "",
            "| Severity | Where | Package | Finding |",
            "| --- | --- | --- | --- |",
            *(_row(f) for f in findings),
            "",
        ]
    if new:
        out += [
            f"<details><summary>Details and fixes ({len(new)})</summary>",
            "",
            "\n\n---\n\n".join(_detail(f) for f in new),
            "",
            "</details>",
            "",
        ]
    if existing:
        out += [
            f"<details><summary>{plural(len(existing), 'pre-existing finding')} "
            "(already on the base branch; not introduced here)</summary>",
            "",
            *(_brief(f) for f in existing),
            "",
            "</details>",
            "",
        ]
    if left_out:
        out += [
            f"**{plural(left_out, 'finding')} left out** to keep this comment under GitHub's "
            f"size limit"
            + (
                f"; all are in the [check run]({details_url})."
                if details_url
                else "; run `depreview review --format json` locally to see all of them."
            ),
            "",
        ]
    if review.rule_errors:
        out += [
            "⚠️ Some checks failed to run, so their findings are missing: "
            + "; ".join(md_code(e) for e in review.rule_errors[:5]),
            "",
        ]
    if details_url and not left_out:
        out += [f"[Full report]({details_url})", ""]
    return "\n".join(out).rstrip() + "\n"
