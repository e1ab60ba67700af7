"""An allowed index or channel whose host name does not resolve is down, not refused.

Seen on the real-world corpus with `--resolve` (bench/accuracy.py) where the vendor hosts a
repository names (the PyTorch wheel index, conda channels) do not resolve from the machine:
the egress proxy recorded "does not resolve" as a refusal, so the review said `untrusted-index`
("depreview refused the request") on clean changes. A name that does not resolve is an
unreachable index: retried, then a `resolution-incomplete` notice. A host off the allow-list is
still refused (the control rows).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.findings import Severity
from tests.worker.resolve.conftest import config, snap
from tests.worker.resolve.test_network import Sleeps
from worker.resolve import resolve_snapshot
from worker.resolve.egress import IPAddress
from worker.resolve.indexes import IndexPolicy
from worker.resolve.network import Retry
from worker.resolve.pypi import RunOptions

DOWN = "down.example"
ELSEWHERE = "elsewhere.example"


def _no_dns(host: str, port: int) -> list[IPAddress]:
    """Nothing resolves (the machine's DNS has no answer for the vendor host)."""
    return []


PIP = "--index-url https://{host}/simple\nsix\n"
CONDA = "name: ml\nchannels:\n  - https://{host}/chan\ndependencies:\n  - numpy\n"

CASES = [
    # (file, text, host, rules expected, severity)
    ("requirements.txt", PIP, DOWN, {"resolution-incomplete"}, Severity.NOTICE),
    ("environment.yml", CONDA, DOWN, {"resolution-incomplete"}, Severity.NOTICE),
    # off the allow-list: refused (a notice here: the static rule warns at that line)
    ("requirements.txt", PIP, ELSEWHERE, {"untrusted-index"}, Severity.NOTICE),
    ("environment.yml", CONDA, ELSEWHERE, {"untrusted-index"}, Severity.NOTICE),
]


@pytest.mark.parametrize(("path", "text", "host", "rules", "severity"), CASES)
def test_a_host_that_does_not_resolve_is_unreachable_not_refused(
    path: str, text: str, host: str, rules: set[str], severity: Severity, uv_cache: Path
) -> None:
    sleeps = Sleeps()
    options = RunOptions(
        policy=IndexPolicy(allowed_hosts=(DOWN,), resolver=_no_dns),
        cache_dir=uv_cache,
        timeout_s=60,
        retry=Retry(attempts=2, backoff_s=0.5, sleep=sleeps),
        uv_http_retries=0,
    )
    (resolution,), findings = resolve_snapshot(
        snap({path: text.format(host=host)}), config(), options
    )
    assert not resolution.ok
    assert {f.rule for f in findings} == rules
    assert {f.severity for f in findings} == {severity}
    if host == DOWN:
        (finding,) = findings
        assert DOWN in finding.message and "refused" not in finding.message
        assert sleeps.pauses == [0.5]  # retried once: a network failure, not a refusal
    else:
        assert sleeps.pauses == []  # a refusal is final
