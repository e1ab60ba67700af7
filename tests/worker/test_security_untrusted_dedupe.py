"""A refused index is one `untrusted-index` finding, not one from the rules and one from the
resolver (issue 11, security review findings 2 and 14: both layers refuse the URL).

The static rule warns at the line that names the URL; the resolver's pre-check refuses the
same URL before uv or rattler sees it and records why the environment was not resolved. The
review shows the static warning only; the resolution still records the refusal (nothing was
resolved against the URL). No resolver runs: refused inputs never reach uv or rattler.
"""

from __future__ import annotations

from typing import Any

import pytest

from rules.findings import Severity
from worker.resolve.indexes import duplicates_static
from worker.review.analysis import analyze

CONDA = "name: ml\nchannels:\n  - {url}\ndependencies:\n  - numpy\n"
PIP = "{option} {url}\nsix\n"

#: (file, text) of refused index declarations, from the review's PoCs (security-poc/t*.json).
CASES = {
    "index-url": ("requirements.txt", PIP.format(option="--index-url", url="https://evil.example/simple")),
    "extra-index-url": ("requirements.txt", PIP.format(option="--extra-index-url", url="https://evil.example/simple")),
    "find-links": ("requirements.txt", PIP.format(option="--find-links", url="https://evil.example/wheels/")),
    "backslash (t2)": ("requirements.txt", PIP.format(option="--index-url", url="https://evil.example\\@allowed.example/simple")),
    "env expansion (t3)": ("requirements.txt", PIP.format(option="--index-url", url="https://${HOST}/simple")),
    "userinfo": ("requirements.txt", PIP.format(option="--index-url", url="https://user:pw@evil.example/simple")),
    "ip literal (t9)": ("requirements.txt", PIP.format(option="--index-url", url="http://2130706433/simple")),
    "plain http": ("requirements.txt", PIP.format(option="--index-url", url="http://evil.example/simple")),
    "conda channel": ("environment.yml", CONDA.format(url="https://evil.example/chan")),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_refused_index_is_one_finding(case: str) -> None:
    path, text = CASES[case]
    reports: list[Any] = []
    review = analyze({}, {path: text}, resolve=True, on_resolved=reports.append)
    untrusted = [f for f in review.findings if f.rule == "untrusted-index"]
    line = 3 if path == "environment.yml" else 1  # the line naming the URL
    assert [(f.file, f.line, f.severity) for f in untrusted] == [(path, line, Severity.WARNING)]
    (report,) = reports
    # the resolver refused it too: its resolutions are not ok and say why, marked as covered
    refused = [f for r in report.head for f in r.findings if f.rule == "untrusted-index"]
    assert refused and all(duplicates_static(f) for f in refused)
    assert not any(r.ok for r in report.head)


def test_what_only_the_resolver_refuses_stays_in_the_review() -> None:
    # The static rule leaves direct references to the resolver: its warning is the only one.
    text = "six @ https://evil.example/six-1.16.0-py2.py3-none-any.whl\n"
    review = analyze({}, {"requirements.txt": text}, resolve=True)
    (finding,) = [f for f in review.findings if f.rule == "untrusted-index"]
    assert finding.severity is Severity.WARNING and not duplicates_static(finding)
