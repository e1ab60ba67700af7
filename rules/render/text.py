"""Plain text for the terminal: `path:line:col: severity [rule] message`, fixes indented."""

from __future__ import annotations

from rules.findings import Finding
from rules.render._common import dependabot_title, headline, new_counts, plural
from rules.review import Review


def _location(finding: Finding) -> str:
    if finding.file is None:
        return "(repository)"
    parts = [finding.file]
    if finding.line is not None:
        parts.append(str(finding.line))
        if finding.column is not None:
            parts.append(str(finding.column))
    return ":".join(parts)


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line else line for line in text.rstrip().splitlines())


def format_finding(finding: Finding) -> str:
    """One finding as a compiler-style line, its message continuation and its fix."""
    lines = finding.message.rstrip().splitlines() or [""]
    tag = "" if finding.new else " (pre-existing)"
    out = [f"{_location(finding)}: {finding.severity} [{finding.rule}]{tag} {lines[0]}"]
    if len(lines) > 1:
        out.append("\n".join(lines[1:]))
    if finding.fix:
        out.append("  fix:")
        out.append(_indent(finding.fix))
    return "\n".join(out)


def render_text(review: Review) -> str:
    """The whole review for a terminal: new findings, then pre-existing, then the verdict."""
    out: list[str] = []
    title = dependabot_title(review)
    if title:
        out.append(f"Dependabot update: {title}")
    if review.changed_files:
        out.append("Changed dependency files: " + ", ".join(review.changed_files))
    if out:
        out.append("")
    new = review.new_findings
    existing = review.existing_findings
    if new:
        out.append(f"New ({len(new)}):")
        out.extend(format_finding(f) for f in new)
        out.append("")
    if existing:
        out.append(f"Pre-existing ({len(existing)}):")
        out.extend(format_finding(f) for f in existing)
        out.append("")
    for error in review.rule_errors:
        out.append(f"internal error, findings missing: {error}")
    s = review.summary
    tail = f" ({plural(s.existing, 'pre-existing finding')}"
    tail += f", {s.ignored} ignored by config)" if s.ignored else ")"
    out.append(f"{headline(review)}: {new_counts(review)}{tail}; conclusion: {review.conclusion}")
    return "\n".join(out) + "\n"
