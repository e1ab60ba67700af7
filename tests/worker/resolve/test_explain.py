"""The conflict message names the requirement uv could not find, markers left out.

uv 0.13.9 text recorded with `uv pip compile` of `torch==1.8.0+cu101; sys_platform == 'linux'`
against the default index (seen on the real-world case pytorch__serve__find-links-commented
with `--resolve`, where the message read "`torch{sys_platform` cannot be installed").
"""

from __future__ import annotations

import pytest

from rules.manifests.model import Requirement, Span
from worker.resolve.explain import failure_findings
from worker.resolve.model import ResolveTarget

MARKER = (
    "error: No solution found when resolving dependencies\n"
    "  cause: Because there is no version of torch{sys_platform == 'linux'}==1.8.0+cu101 and "
    "you require torch{sys_platform == 'linux'}==1.8.0+cu101, we can conclude that your "
    "requirements are unsatisfiable."
)
PLAIN = MARKER.replace("{sys_platform == 'linux'}", "")


@pytest.mark.parametrize("stderr", [MARKER, PLAIN])
def test_the_missing_version_is_named_without_its_marker(stderr: str) -> None:
    req = Requirement(
        name="torch",
        specifier="==1.8.0+cu101",
        raw="torch==1.8.0+cu101; sys_platform == 'linux'",
        location=Span("requirements.txt", 1),
    )
    (finding,) = failure_findings(
        stderr,
        [req],
        environment="requirements.txt",
        target=ResolveTarget("3.8.20", "x86_64-unknown-linux-gnu"),
    )
    assert "`torch==1.8.0+cu101` (requirements.txt:1)" in finding.message
    assert "No declared index serves `+cu101` builds" in finding.message
    assert "{" not in finding.message
