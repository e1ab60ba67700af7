"""`review_trees`: file dicts in, a `Review` out — the CLI's and the worker's entry point."""

from __future__ import annotations

from datetime import date

from rules.review import review_trees

TODAY = date(2026, 11, 26)

BASE = {
    "requirements.txt": "numpy>=1.24\ntorch==2.1.0\n",
    "requirements-dev.txt": "-r requirements.txt\npytest==7.4.0\n",
}


def rules_of(review: object, *, new: bool | None = None) -> list[str]:
    findings = review.findings  # type: ignore[attr-defined]
    return [f.rule for f in findings if new is None or f.new is new]


def test_seed_numpy_ceiling_through_a_constraints_file() -> None:
    head = {
        **BASE,
        "requirements.txt": b"numpy>=1.24\ntorch==2.1.0\nscipy==1.10.1\n-c constraints.txt\n",
        "constraints.txt": "numpy<1.24\n",
    }
    result = review_trees(BASE, head, today=TODAY)
    assert result.conclusion == "failure"
    (conflict,) = [f for f in result.findings if f.rule == "conflict"]
    assert conflict.new and conflict.package == "numpy"
    assert "constraints.txt:1" in conflict.message and "requirements.txt:1" in conflict.message
    assert result.changed_files == ("constraints.txt", "requirements.txt")


def test_unchanged_trees_report_only_pre_existing_findings() -> None:
    result = review_trees(BASE, BASE, today=TODAY)
    assert result.conclusion == "success"
    assert rules_of(result, new=True) == []
    assert "unbounded-dependency" in rules_of(result, new=False)
    assert result.changed_files == ()


def test_head_config_is_read_and_applies() -> None:
    head = {**BASE, "requirements.txt": "numpy>=1.24\ntorch>=2.1\npytest\n"}
    plain = review_trees(BASE, head, today=TODAY)
    assert {"unpinned-framework", "dev-dependency-in-production"} <= set(rules_of(plain, new=True))
    assert plain.conclusion == "neutral"
    configured = review_trees(
        BASE,
        {
            **head,
            ".github/depreview.yml": "version: 1\nrules:\n  unpinned-framework: off\n"
            "  dev-dependency-in-production: {severity: error}\n",
        },
        today=TODAY,
    )
    assert "unpinned-framework" not in rules_of(configured)
    assert configured.conclusion == "failure"


def test_config_override_text_wins_and_bad_config_is_reported() -> None:
    head = {**BASE, ".github/depreview.yml": "rules: {conflict: off}\n"}
    result = review_trees(BASE, head, config_override_text="rules: [\n", today=TODAY)
    (error,) = [f for f in result.findings if f.category == "config-error"]
    assert error.file == ".github/depreview.yml" and error.line is not None


def test_parse_errors_are_findings_and_the_rest_is_reviewed() -> None:
    head = {**BASE, "requirements.txt": "numpy>=>1.24\ntorch\n"}
    result = review_trees(BASE, head, today=TODAY)
    assert "parse-error" in rules_of(result, new=True)
    assert "unpinned-framework" in rules_of(result, new=True)
