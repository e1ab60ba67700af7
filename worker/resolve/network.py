"""Tell an unreachable index or channel from a real "no solution", retry it, report it.

A resolver that could not read an index has not shown that the requirements conflict: the
review reports a notice that resolution was incomplete (which index, which environment),
never a conflict. Only uv's "No solution found" (with every index read) and rattler's
unsolvable `SolverError` are conflicts.

Recorded uv 0.13.9 texts this reads (local servers; the URL is the index's):

- refused: ``error: Request failed after 3 retries in 10.8s`` / ``cause: Failed to fetch:
  <url>`` / ``cause: error sending request for url (<url>)`` / ``cause: client error
  (Connect)`` / ``cause: tcp connect error`` / ``cause: Connection refused (os error 111)``;
- DNS: ``... cause: dns error`` / ``cause: failed to lookup address information: Name or
  service not known``;
- 503: ``... cause: HTTP status server error (503 Service Unavailable) for url (<url>)``;
- offline: ``hint: Packages were unavailable because the network was disabled``.

rattler 0.28 raises `GatewayError` for an unreachable channel (the same causes, in its
message) and for a channel without the subdir; `SolverError` when the specs are unsolvable.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from rules.findings import Finding, Severity
from worker.resolve.indexes import redact
from worker.resolve.model import ResolveTarget, environment_finding

T = TypeVar("T")

_NETWORK = re.compile(
    r"Request failed after \d+ retr"
    r"|error sending request"
    r"|tcp connect error"
    r"|Connection (?:refused|reset|closed)"
    r"|dns error|failed to lookup address|error resolving DNS|Name or service not known"
    r"|timed? ?out"
    r"|HTTP status server error|\(5\d\d [A-Za-z ]+\)"
    r"|could not be queried due to"
    r"|network was disabled"
    r"|certificate verify failed|invalid peer certificate"
    r"|could not find subdir",
    re.IGNORECASE,
)
_NO_SOLUTION = re.compile(r"No solution found when resolving", re.IGNORECASE)
_URL = re.compile(r"(?:https?|file)://[^\s`'\"()]+")
#: Lines of the cause worth showing (the last ones say why).
_CAUSE_LINES = 2


class Outcome(StrEnum):
    """What a failed resolver run means."""

    NETWORK = "network"
    NO_SOLUTION = "no-solution"
    OTHER = "other"


def classify_uv(stderr: str) -> Outcome:
    """Whether uv failed to reach an index, found no solution, or failed otherwise."""
    if _NETWORK.search(stderr):
        return Outcome.NETWORK
    if _NO_SOLUTION.search(stderr):
        return Outcome.NO_SOLUTION
    return Outcome.OTHER


def classify_conda(exc: BaseException) -> Outcome:
    """rattler: unsolvable specs are a conflict; any other failure left the solve incomplete."""
    if type(exc).__name__ == "SolverError":
        return Outcome.NO_SOLUTION
    return Outcome.NETWORK if _NETWORK.search(str(exc)) else Outcome.OTHER


def failed_url(text: str, candidates: Sequence[str] = ()) -> str | None:
    """The declared index (or the URL) the error names, with credentials removed."""
    found = _URL.search(text)
    if found is None:
        return None
    url = found.group(0).rstrip(".,:;")
    for candidate in map(redact, candidates):
        if url.startswith(candidate.rstrip("/")):
            return candidate
    return redact(url)


def cause(text: str) -> str:
    """The last lines of an error, joined (`HTTP status server error (503 ...)`)."""
    lines = [
        line.strip().removeprefix("cause: ").removeprefix("Caused by: ").removeprefix("error: ")
        for line in text.splitlines()
        if line.strip() and not line.strip().startswith("hint:")
    ]
    return "; ".join(lines[-_CAUSE_LINES:]) if lines else "no detail"


@dataclass(frozen=True)
class Retry:
    """How a run that could not reach an index is retried: attempts, first pause, sleep."""

    attempts: int = 3
    backoff_s: float = 1.0
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)

    def run(self, attempt: Callable[[], T], unreachable: Callable[[T], bool]) -> tuple[T, int]:
        """Run `attempt` until it is not `unreachable` or the attempts are spent."""
        result = attempt()
        tries = 1
        while unreachable(result) and tries < max(1, self.attempts):
            self.sleep(self.backoff_s * 2 ** (tries - 1))
            result = attempt()
            tries += 1
        return result, tries


@dataclass
class Unreachable:
    """Indexes found unreachable during one review: later environments do not wait on them."""

    urls: set[str] = field(default_factory=set)

    def any_of(self, urls: Iterable[str]) -> str | None:
        """The first of `urls` already found unreachable."""
        return next((url for url in urls if url in self.urls), None)


def unreachable_earlier(
    environment: str, target: ResolveTarget, where: str, *, resolver: str = "uv"
) -> Finding:
    """A notice: `environment` was not resolved, `where` having been unreachable earlier in
    this review (not waited on again)."""
    return incomplete_finding(
        environment,
        target,
        where=where,
        detail="unreachable earlier in this review",
        tries=0,
        resolver=resolver,
    )


def incomplete_finding(
    environment: str,
    target: ResolveTarget,
    *,
    where: str | None,
    detail: str,
    tries: int,
    resolver: str = "uv",
) -> Finding:
    """A notice: `environment` was not (fully) resolved because an index could not be read."""
    place = where or "an index"
    tried = f" after {tries} tries" if tries > 1 else ""
    return environment_finding(
        "resolution-incomplete",
        Severity.NOTICE,
        f"Resolution of {environment} for {target.label} is incomplete: {place} could not "
        f"be read{tried} ({detail}). Nothing is known to be wrong; this environment was not "
        f"checked by the {resolver} resolver.",
        environment=environment,
        target=target,
        evidence=(f"{resolver}: {detail}",),
        extra=(("index", place),),
    )
