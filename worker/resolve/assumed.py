"""An assumed Python never produces an error: failures that depend on it become notices.

When no file says which Python an environment runs on, it is resolved for an assumed one
(`ResolveTarget.assumed`). A failure whose explanation involves the Python (a wheel without a
matching Python tag, `Requires-Python`) says nothing certain about the repository, so it
becomes a `resolution-python-assumed` notice. A failure that does not involve the Python
(two requirements that exclude each other) stays what it is.

uv 0.13.9 texts this recognises (generated wheels, `uv pip compile --python-version`):
``cp38only==1.0.0 has no wheels with a matching Python ABI tag (e.g., `cp314`)``,
``hint: You require CPython 3.14 (`cp314`), but we only found wheels for ...``,
``newpy==1.0.0 requires Python >=3.10``; uv's lock texts name ``the requested Python
version`` / ``Python>=3.10``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rules.findings import Finding, Severity
from worker.resolve.model import ResolveTarget, environment_finding

_PYTHON_DEPENDENT = re.compile(
    r"Python (?:ABI|version|implementation) tag"
    r"|requires Python\b"
    r"|You require C?Python\b"
    r"|(?:requested|current) Python (?:version|range)"
    r"|\bPython ?[<>=!~]=?\s*\d",
    re.IGNORECASE,
)
_BECAUSE = re.compile(r"Because (.+?)(?: and (?:only|all|you|because)\b|, we can conclude)")


def python_dependent(text: str) -> bool:
    """Whether a resolver's explanation involves the Python version."""
    return _PYTHON_DEPENDENT.search(text) is not None


def python_reason(lines: Sequence[str]) -> str | None:
    """The part of a resolver's explanation that names the Python (``sae-lens>=5.0.0 depends
    on Python>=3.10``), None when it does not involve the Python."""
    return _reason("\n".join(lines))


def _reason(text: str) -> str | None:
    for line in text.splitlines():
        match = _BECAUSE.search(line)
        if match and python_dependent(match.group(1)):
            return match.group(1)
    for line in text.splitlines():
        stripped = line.strip().removeprefix("cause: ").removeprefix("hint: ")
        if python_dependent(stripped):
            return stripped.rstrip(".")
    return None


def assumed_notice(environment: str, target: ResolveTarget, explanation: str) -> Finding:
    """`On Python 3.14 (assumed: no evidence ...), X has no wheel ...` as a notice."""
    reason = _reason(explanation) or "the resolver found no version set for that Python"
    return environment_finding(
        "resolution-python-assumed",
        Severity.NOTICE,
        f"On {target.describe()}, {reason}. Nothing says {environment} runs on that "
        f"Python, so this is not an error; name the Python (a Dockerfile `FROM python:X.Y`, "
        f"`.python-version`, or `targets.python` in .github/depreview.yml) to check it.",
        environment=environment,
        key=target.minor,
        target=target,
        evidence=(line.strip() for line in explanation.splitlines() if line.strip()),
    )


def settle(
    findings: Sequence[Finding], environment: str, target: ResolveTarget, explanation: str
) -> tuple[Finding, ...]:
    """The findings of a failed resolution, with errors that hinge on an assumed Python
    replaced by one notice."""
    if not target.assumed or not python_dependent(explanation):
        return tuple(findings)
    kept = tuple(f for f in findings if f.severity is not Severity.ERROR)
    if len(kept) == len(findings):
        return kept
    return (*kept, assumed_notice(environment, target, explanation))


def demoted(finding: Finding) -> bool:
    """Whether a finding is the notice `settle` leaves for an assumed Python."""
    return finding.rule == "resolution-python-assumed"
