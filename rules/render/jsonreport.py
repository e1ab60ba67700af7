"""The JSON report (`--format json`), in the schema DESIGN.md promises, plus extra keys."""

from __future__ import annotations

import json

from rules.findings import Finding
from rules.render._common import dependabot_title
from rules.review import Review

#: Bumped when a key changes meaning or goes away (adding keys does not bump it).
SCHEMA_VERSION = 1


def finding_dict(finding: Finding) -> dict[str, object]:
    """One finding: DESIGN.md's keys first, then the extra detail."""
    return {
        "rule": finding.rule,
        "category": finding.category,
        "severity": str(finding.severity),
        "file": finding.file,
        "line": finding.line,
        "package": finding.package,
        "message": finding.message,
        "new": finding.new,
        "column": finding.column,
        "end_line": finding.end_line,
        "fix": finding.fix,
        "evidence": list(finding.evidence),
        "fingerprint": finding.fingerprint or None,
    }


def report_dict(review: Review) -> dict[str, object]:
    """The whole report as plain data."""
    return {
        "conclusion": review.conclusion,
        "findings": [finding_dict(f) for f in review.findings],
        "summary": review.summary.as_dict(),
        "changed_files": list(review.changed_files),
        "dependabot": dependabot_title(review),
        "rule_errors": list(review.rule_errors),
        "schema_version": SCHEMA_VERSION,
    }


def render_json(review: Review) -> str:
    """The report as indented JSON text (deterministic, ending in a newline)."""
    return json.dumps(report_dict(review), indent=2, ensure_ascii=False) + "\n"
