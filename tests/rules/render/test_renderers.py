"""Renderers: comment size cap and sections, check run annotations, JSON schema, SARIF shape."""

from __future__ import annotations

import json

import pytest

from rules.findings import Finding, Severity
from rules.render.checkrun import render_check_output
from rules.render.jsonreport import render_json
from rules.render.markdown import MARKER, MAX_COMMENT, render_comment
from rules.render.sarif import render_sarif
from rules.render.text import render_text
from rules.review import Review, Summary


def make_review(
    findings: list[Finding], changed: tuple[str, ...] = ("requirements.txt",)
) -> Review:
    ordered = tuple(sorted(findings, key=Finding.sort_key))

    def count(new: bool, sev: Severity) -> int:
        return sum(1 for f in ordered if f.new is new and f.severity == sev)

    summary = Summary(
        count(True, Severity.ERROR),
        count(True, Severity.WARNING),
        count(True, Severity.NOTICE),
        count(False, Severity.ERROR),
        count(False, Severity.WARNING),
        count(False, Severity.NOTICE),
    )
    if summary.new_errors:
        conclusion = "failure"
    elif summary.new_warnings:
        conclusion = "neutral"
    else:
        conclusion = "success"
    return Review(conclusion=conclusion, findings=ordered, changed_files=changed, summary=summary)  # type: ignore[arg-type]


CONFLICT = Finding(
    rule="conflict",
    category="conflict",
    severity=Severity.ERROR,
    message="No version of numpy satisfies every constraint: `numpy>=1.24` | `numpy<1.24`",
    file="requirements.txt",
    line=3,
    column=1,
    package="numpy",
    fix="numpy<1.24",
    evidence=("numpy>=1.24 (requirements.txt:3)", "numpy<1.24 (constraints.txt:1)"),
    fingerprint="conflict:requirements.txt:numpy",
)
PARSE = Finding(
    rule="parse-error",
    category="parse-error",
    severity=Severity.ERROR,
    message="environment.yml:4:3: expected a list\n    - ]\n      ^",
    file="environment.yml",
    line=4,
    column=3,
)
NO_LOCK_OLD = Finding(
    rule="no-lockfile",
    category="no-lockfile",
    severity=Severity.NOTICE,
    message="requirements.txt has no lock",
    file="requirements.txt",
    line=1,
    new=False,
)
UNLOCATED = Finding(
    rule="several-frameworks-bumped",
    category="unpinned-framework",
    severity=Severity.NOTICE,
    message="This change moves 2 framework families at once",
)
WARN = Finding(
    rule="untrusted-index",
    category="untrusted-index",
    severity=Severity.WARNING,
    message="index not allowed",
    file="requirements.txt",
    line=1,
)


def many(n: int) -> list[Finding]:
    return [
        Finding(
            rule="conflict",
            category="conflict" if i % 3 else "unpinned-framework",
            severity=(Severity.ERROR, Severity.WARNING, Severity.NOTICE)[i % 3],
            message=f"finding number {i} " + "x" * 200 + "\nsecond line " + "y" * 100,
            file=f"svc{i % 17}/requirements.txt",
            line=i + 1,
            package=f"pkg{i}",
            fix=f"pkg{i}==1.0.{i}",
            new=i % 4 != 0,
            fingerprint=str(i),
        )
        for i in range(n)
    ]


# --- markdown -----------------------------------------------------------------------


def test_comment_starts_with_marker_and_verdict_first() -> None:
    body = render_comment(make_review([CONFLICT, PARSE, NO_LOCK_OLD]), details_url="https://x/1")
    lines = body.splitlines()
    assert lines[0] == MARKER
    assert lines[1].startswith("### ❌ depreview:") and "2 errors" in lines[1]
    assert "#### conflict (1 new)" in body and "#### parse-error (1 new)" in body
    assert "\\|" in body  # table cells escape pipes
    assert "```\nnumpy<1.24\n```" in body  # the fix as a copyable block
    assert "1 pre-existing finding" in body and "<details>" in body
    assert "[Full report](https://x/1)" in body


@pytest.mark.parametrize(
    ("findings", "absent"),
    [
        ([], ["####", "<details>", "pre-existing", "left out"]),
        ([NO_LOCK_OLD], ["####", "Details and fixes", "left out"]),
        ([CONFLICT], ["pre-existing finding", "left out", "no-lockfile"]),
    ],
)
def test_no_empty_sections(findings: list[Finding], absent: list[str]) -> None:
    body = render_comment(make_review(findings))
    for text in absent:
        assert text not in body
    assert "<details>" not in body or "</details>" in body
    assert "|  |" not in body.replace("| --- |", "")


def test_comment_success_headline() -> None:
    body = render_comment(make_review([NO_LOCK_OLD]))
    assert body.splitlines()[1] == "### ✅ depreview: no new dependency problems"


def test_5000_findings_stay_under_the_limit_with_an_honest_note() -> None:
    findings = many(5000)
    body = render_comment(make_review(findings))
    assert len(body) < MAX_COMMENT
    shown = sum(1 for i in range(5000) if f"finding number {i} " in body)
    left_out = 5000 - shown
    assert left_out > 0
    assert f"**{left_out} findings left out**" in body
    assert body.count("<details>") == body.count("</details>")


# --- check run ----------------------------------------------------------------------


def test_check_output_annotations_and_summary() -> None:
    out = render_check_output(make_review([CONFLICT, PARSE, NO_LOCK_OLD, UNLOCATED, WARN]))
    assert out.conclusion == "failure"
    assert out.title.startswith("2 new errors, 1 new warning, 1 new notice")
    by_path = {(a["path"], a["start_line"]): a for a in out.annotations}
    assert len(out.annotations) == 4  # the file-less finding is not annotated
    conflict = by_path[("requirements.txt", 3)]
    assert conflict["annotation_level"] == "failure" and conflict["end_line"] == 3
    assert "numpy<1.24" in str(conflict["raw_details"])
    assert by_path[("requirements.txt", 1)]["annotation_level"] in {"warning", "notice"}
    old = [a for a in out.annotations if str(a["title"]).startswith("depreview (pre-existing)")]
    assert len(old) == 1 and old[0]["annotation_level"] == "notice"
    for a in out.annotations:
        assert set(a) >= {"path", "start_line", "end_line", "annotation_level", "message"}
    assert "moves 2 framework families" in out.summary  # file-less findings go to the summary
    assert len(out.summary) <= 65_535 and len(out.text) <= 65_535


def test_check_output_caps_text_for_many_findings() -> None:
    out = render_check_output(make_review(many(5000)))
    assert len(out.text) <= 65_535 and len(out.summary) <= 65_535
    # Security review finding 11: one review never costs more than one annotation request.
    assert len(out.annotations) == 50
    assert {a["annotation_level"] for a in out.annotations} == {"failure"}  # new errors first
    located = sum(1 for f in make_review(many(5000)).findings if f.line is not None)
    assert f"{located - 50} more located findings not annotated" in out.summary


# --- JSON ---------------------------------------------------------------------------


def test_json_has_the_design_schema() -> None:
    data = json.loads(render_json(make_review([CONFLICT, NO_LOCK_OLD, UNLOCATED])))
    assert data["conclusion"] == "failure"
    assert len(data["findings"]) == 3
    for f in data["findings"]:
        assert set(f) >= {
            "rule",
            "category",
            "severity",
            "file",
            "line",
            "package",
            "message",
            "new",
        }
        assert f["severity"] in {"error", "warning", "notice"}
        assert isinstance(f["new"], bool)
        assert f["line"] is None or isinstance(f["line"], int)
    first = data["findings"][0]
    assert (first["rule"], first["file"], first["line"], first["package"], first["new"]) == (
        "conflict",
        "requirements.txt",
        3,
        "numpy",
        True,
    )
    unlocated = [f for f in data["findings"] if f["file"] is None]
    assert unlocated and unlocated[0]["line"] is None and unlocated[0]["package"] is None


# --- SARIF --------------------------------------------------------------------------


def test_sarif_shape_for_code_scanning() -> None:
    review = make_review([CONFLICT, PARSE, NO_LOCK_OLD, UNLOCATED, WARN])
    log = json.loads(render_sarif(review))
    assert log["version"] == "2.1.0" and "sarif" in log["$schema"]
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "depreview"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
    assert len(run["results"]) == 5
    levels = {"error", "warning", "note"}
    for result in run["results"]:
        assert result["ruleId"] in rule_ids
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in levels and result["message"]["text"]
        (location,) = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"]
        assert result["partialFingerprints"]
    conflict = next(r for r in run["results"] if r["ruleId"] == "conflict")
    assert conflict["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    note = next(r for r in run["results"] if r["ruleId"] == "several-frameworks-bumped")
    assert "region" not in note["locations"][0]["physicalLocation"]
    assert note["level"] == "note"


# --- text ---------------------------------------------------------------------------


def test_text_lists_new_then_pre_existing_then_verdict() -> None:
    text = render_text(make_review([CONFLICT, NO_LOCK_OLD]))
    assert text.index("requirements.txt:3:1: error [conflict]") < text.index("Pre-existing (1)")
    assert "    numpy<1.24" in text
    assert text.rstrip().splitlines()[-1].endswith("conclusion: failure")
