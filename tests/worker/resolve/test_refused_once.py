"""A refused index gets one warning per line, not two.

Seen on the real-world corpus with `--resolve` (bench/accuracy.py, case
breezedeus__cnstd__torch201-upgrade: a change to mirror indexes off the allow-list): the
static `untrusted-index` rule warned at each index line and the resolver's pre-check warned
again at the same line, doubling the warnings of a clean change. Where the static rule
already warns, the resolver's finding (a notice on the resolution: the environment was not
resolved) is left out of the review, so the line has one finding (security review issue 11:
one finding per refused URL); where it does not (a `file:` URL, which the static rule leaves
alone), the resolver's warning stays.
No resolver runs in these tests: refused inputs never reach uv.
"""

from __future__ import annotations

import pytest

from rules.findings import Severity
from worker.review.analysis import analyze

CASES = [
    # (requirements.txt, warnings at line 1, severities of the resolver's findings in the review)
    ("--index-url https://mirror.example/simple\nsix\n", 1, []),
    ("--extra-index-url https://mirror.example/simple\nsix\n", 1, []),
    ("--find-links file:///srv/wheels\nsix\n", 1, [Severity.WARNING]),
]


@pytest.mark.parametrize(("text", "warnings", "resolver_severity"), CASES)
def test_one_warning_per_refused_index(
    text: str, warnings: int, resolver_severity: list[Severity]
) -> None:
    review = analyze({}, {"requirements.txt": text}, resolve=True)
    at_line = [f for f in review.findings if f.file == "requirements.txt" and f.line == 1]
    assert all(f.rule == "untrusted-index" for f in at_line)
    assert sum(f.severity is Severity.WARNING for f in at_line) == warnings
    resolver = [f for f in at_line if "did not resolve" in f.message]
    assert [f.severity for f in resolver] == resolver_severity
    assert len(at_line) == warnings  # one finding at the line
