"""Bounded work per review: targets per environment (config) and findings per review.

Security review findings 10 and 11 (`reviews/security.md` §5.4, §5.5 in the shared folder):
a 6,456-byte config asked for 3,000 resolver targets; one file of distinct
`--extra-index-url` lines produced tens of thousands of findings.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from rules.checks.support.evidence import targets_for_environment
from rules.config import MAX_TARGETS, load_config
from rules.manifests.snapshot import build_snapshot
from rules.review import MAX_FINDINGS, review_trees

TODAY = date(2026, 11, 26)
ALL_PLATFORMS = "[linux_x86_64, linux_aarch64, macos_arm64, macos_x86_64, windows_amd64]"

#: The review's §5.4 config: 600 Python versions x 5 platforms, 6,456 bytes.
FANOUT_CONFIG = (
    "version: 1\ntargets:\n  python: ["
    + ", ".join(f'"3.{minor}.{patch}"' for minor in range(8, 14) for patch in range(100))
    + f"]\n  platforms: {ALL_PLATFORMS}\n"
)


def test_the_reviews_fanout_config_is_refused() -> None:
    assert len(FANOUT_CONFIG) == 6456
    config, findings = load_config(FANOUT_CONFIG)
    (finding,) = findings
    assert finding.rule == "config-error" and finding.line == 3
    assert "3000 targets" in finding.message and f"at most {MAX_TARGETS}" in finding.message
    assert config.targets.python == [] and config.targets.platforms == []
    snapshot = build_snapshot({"requirements.txt": "numpy==1.26.4\n"})
    assert len(targets_for_environment(snapshot, "requirements.txt", config)) <= MAX_TARGETS


@pytest.mark.parametrize(
    ("targets", "ok"),
    [
        ("python: ['3.9', '3.10', '3.11', '3.12', '3.13', '3.14']", True),
        ("python: ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14']", False),
        (f"platforms: {ALL_PLATFORMS}", True),
        ("python: ['3.11', '3.12']\n  platforms: [linux_x86_64, linux_aarch64, macos_arm64]", True),
        (
            "python: ['3.11', '3.12']\n  platforms: [linux_x86_64, linux_aarch64, macos_arm64, "
            "windows_amd64]",
            False,
        ),
        # Repeats count once.
        ("python: ['3.11', '3.11', '3.11', '3.11', '3.11', '3.11', '3.11']", True),
        ("cuda: ['11.8', '12.1', '12.4', '12.6', '12.8', '12.9']", True),
        ("cuda: ['11.8', '12.1', '12.4', '12.6', '12.8', '12.9', '13.0']", False),
    ],
)
def test_target_caps(targets: str, ok: bool) -> None:
    _, findings = load_config(f"version: 1\ntargets:\n  {targets}\n")
    assert (findings == []) is ok, [f.message for f in findings]


def _index_lines(count: int) -> str:
    return "".join(f"--extra-index-url https://h{i}.example/simple\n" for i in range(count))


def test_findings_are_capped_and_the_rest_counted_per_rule() -> None:
    """§5.5 scaled to 2,000 distinct index lines: 2,000 new untrusted-index warnings."""
    head = {"requirements.txt": _index_lines(2000) + "numpy==1.26.4\n"}
    start = time.monotonic()
    result = review_trees({"requirements.txt": "numpy==1.26.4\n"}, head, today=TODAY)
    elapsed = time.monotonic() - start
    assert len(result.findings) == MAX_FINDINGS + 1
    capped = result.findings[-1]
    assert capped.rule == "findings-capped" and capped.severity == "notice"
    assert f"{MAX_FINDINGS} of its {result.summary.total} findings" in capped.message
    omitted = result.summary.total - MAX_FINDINGS
    assert f"untrusted-index: {omitted} new warnings" in capped.evidence
    # The counts and the conclusion still see every finding.
    assert result.summary.new_warnings >= 2000
    assert result.conclusion == "neutral"
    assert elapsed < 60


def test_the_cap_keeps_new_errors_first() -> None:
    """A new error is never the one left out: the worst findings are listed."""
    head = {"requirements.txt": _index_lines(300) + "numpy>=2.0\nnumpy<1.24\n"}
    result = review_trees({"requirements.txt": "numpy==1.26.4\n"}, head, today=TODAY)
    assert result.conclusion == "failure"
    listed = [f.rule for f in result.findings]
    assert "conflict" in listed and len(listed) == MAX_FINDINGS + 1


def test_below_the_cap_nothing_changes() -> None:
    head = {"requirements.txt": _index_lines(3) + "numpy==1.26.4\n"}
    result = review_trees({"requirements.txt": "numpy==1.26.4\n"}, head, today=TODAY)
    assert [f.rule for f in result.findings].count("untrusted-index") == 3
    assert "findings-capped" not in [f.rule for f in result.findings]
