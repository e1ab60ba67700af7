"""SARIF 2.1.0 for GitHub code scanning: one run, tool `depreview`, a rule per rule id."""

from __future__ import annotations

import hashlib
import json

from rules.catalogue import CATEGORY_HELP
from rules.checks.registry import ALL_RULES
from rules.config import CONFIG_PATH
from rules.findings import Finding, Severity
from rules.review import Review

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://github.com/apps/depreview"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "note"}


def _rule_table(review: Review) -> list[tuple[str, str, Severity]]:
    """(rule id, category, default severity) for every rule run or seen, sorted by id."""
    rules = {rule.id: (rule.category, rule.default_severity) for rule in ALL_RULES}
    for finding in review.findings:
        rules.setdefault(finding.rule, (finding.category, finding.severity))
    return sorted((rid, cat, sev) for rid, (cat, sev) in rules.items())


def _rule_descriptor(rule_id: str, category: str, severity: Severity) -> dict[str, object]:
    help_text = CATEGORY_HELP.get(category, category)
    return {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.split("-")),
        "shortDescription": {"text": help_text},
        "fullDescription": {"text": f"{help_text} (category `{category}`)"},
        "help": {
            "text": f"{help_text} Configure with `rules: {{{category}: {{severity: ...}}}}` "
            f"in {CONFIG_PATH}.",
            "markdown": f"{help_text}\n\nCategory: `{category}`. Configure or silence it in "
            f"`{CONFIG_PATH}` (`rules:` / `ignore:`).",
        },
        "defaultConfiguration": {"level": _LEVELS[severity]},
        "properties": {"tags": ["dependencies", category]},
    }


def _fingerprint(finding: Finding) -> str:
    return hashlib.sha256("\x1f".join(finding.identity).encode()).hexdigest()


def _result(finding: Finding, index: int, fallback_uri: str) -> dict[str, object]:
    text = finding.message
    if finding.fix:
        text += f"\n\nFix:\n{finding.fix}"
    physical: dict[str, object] = {"artifactLocation": {"uri": finding.file or fallback_uri}}
    if finding.file is not None and finding.line is not None:
        region: dict[str, int] = {"startLine": finding.line}
        if finding.column is not None:
            region["startColumn"] = finding.column
        if finding.end_line is not None and finding.end_line >= finding.line:
            region["endLine"] = finding.end_line
        physical["region"] = region
    properties: dict[str, object] = {"category": finding.category, "new": finding.new}
    if finding.package:
        properties["package"] = finding.package
    if finding.file is None:
        properties["locationIsApproximate"] = True
    return {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": _LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {"depreviewIdentity/v1": _fingerprint(finding)},
        "properties": properties,
    }


def sarif_dict(review: Review) -> dict[str, object]:
    """The SARIF log as plain data.

    Code scanning rejects results without a location, so a finding about no file in
    particular is placed on the first changed dependency file (or the config file) with no
    region, and marked `locationIsApproximate`.
    """
    table = _rule_table(review)
    index = {rule_id: i for i, (rule_id, _, _) in enumerate(table)}
    fallback = review.changed_files[0] if review.changed_files else CONFIG_PATH
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "depreview",
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule_descriptor(*row) for row in table],
                    }
                },
                "results": [_result(f, index[f.rule], fallback) for f in review.findings],
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def render_sarif(review: Review) -> str:
    """The SARIF 2.1.0 log as indented JSON text."""
    return json.dumps(sarif_dict(review), indent=2, ensure_ascii=False) + "\n"
