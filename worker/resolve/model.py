"""Value types of resolution: a resolve target, one environment's resolution, the report of a
change."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from rules.findings import Finding, Severity
from rules.targets import Target, platform_triple


@dataclass(frozen=True, slots=True)
class ResolveTarget:
    """A `rules.targets.Target` (the one target model) as the resolver runs it: a full Python
    version, a uv platform triple, a CUDA version (`of` derives it from a rules target).

    `assumed` is True when no file of the repository says which Python the environment runs
    on (the Python was picked from a declared range or the default set); `evidence` says
    where the Python came from (`Dockerfile:1 python:3.8-slim`), for messages only.
    """

    python: str = "3.11.14"
    platform: str = "x86_64-unknown-linux-gnu"
    cuda: str | None = None
    assumed: bool = False
    evidence: str = field(default="", compare=False)

    @classmethod
    def of(cls, target: Target, python: str, *, assumed: bool, evidence: str) -> ResolveTarget:
        """`target` resolved for `python` (its full X.Y.Z) on its platform's uv triple."""
        return cls(python, platform_triple(target.platform), target.cuda, assumed, evidence)

    @property
    def label(self) -> str:
        """A short human name (`py3.11.14 x86_64-unknown-linux-gnu`)."""
        cuda = f" cuda{self.cuda}" if self.cuda else ""
        return f"py{self.python} {self.platform}{cuda}"

    @property
    def minor(self) -> str:
        """`3.11` of `3.11.14`."""
        return ".".join(self.python.split(".")[:2])

    def describe(self) -> str:
        """`Python 3.14 (assumed: no evidence of ...)` or `Python 3.8 (Dockerfile:1 ...)`."""
        if self.assumed:
            why = self.evidence or "no evidence of the Python it runs on"
            return f"Python {self.minor} (assumed: {why})"
        return f"Python {self.minor} ({self.evidence})" if self.evidence else f"Python {self.minor}"


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolving one environment for one target.

    `pins` maps canonical package names to versions; `via` maps them to the packages (or
    ``-r file`` entries) that required them. `source` says what produced it: ``uv``,
    ``uv.lock``, ``poetry.lock``, ``rattler``. `requires` holds each pin's own requirements
    (PEP 508 strings) where the source records them (lock files), for `pip check`;
    `lines` the line of each pin in a lock file.
    """

    target: ResolveTarget
    environment: str
    pins: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    via: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    ok: bool = True
    findings: tuple[Finding, ...] = ()
    source: str = "uv"
    explanation: tuple[str, ...] = ()
    requires: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "pins", _frozen(self.pins))
        object.__setattr__(self, "via", _frozen(self.via))
        object.__setattr__(self, "requires", _frozen(self.requires))
        object.__setattr__(self, "lines", _frozen(self.lines))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (for the resolution cache)."""
        return {
            "target": {
                "python": self.target.python,
                "platform": self.target.platform,
                "cuda": self.target.cuda,
                "assumed": self.target.assumed,
                "evidence": self.target.evidence,
            },
            "environment": self.environment,
            "pins": dict(self.pins),
            "via": {name: list(vias) for name, vias in self.via.items()},
            "ok": self.ok,
            "findings": [_finding_to_json(f) for f in self.findings],
            "source": self.source,
            "explanation": list(self.explanation),
            "requires": {name: list(reqs) for name, reqs in self.requires.items()},
            "lines": dict(self.lines),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Resolution:
        """The inverse of `to_json`."""
        target = data["target"]
        return cls(
            target=ResolveTarget(
                str(target["python"]),
                str(target["platform"]),
                target.get("cuda"),
                bool(target.get("assumed", False)),
                str(target.get("evidence", "")),
            ),
            environment=str(data["environment"]),
            pins={str(k): str(v) for k, v in data["pins"].items()},
            via={str(k): tuple(str(x) for x in v) for k, v in data["via"].items()},
            ok=bool(data["ok"]),
            findings=tuple(_finding_from_json(f) for f in data["findings"]),
            source=str(data["source"]),
            explanation=tuple(str(x) for x in data.get("explanation", ())),
            requires={
                str(k): tuple(str(x) for x in v) for k, v in data.get("requires", {}).items()
            },
            lines={str(k): int(v) for k, v in data.get("lines", {}).items()},
        )


#: The `Finding` fields the resolution cache keeps (not `end_line`, not `new`).
_FINDING_FIELDS = (
    "rule",
    "category",
    "severity",
    "message",
    "file",
    "line",
    "column",
    "package",
    "fix",
    "evidence",
    "fingerprint",
    "extra",
)


def _finding_to_json(finding: Finding) -> dict[str, Any]:
    data = {name: getattr(finding, name) for name in _FINDING_FIELDS}
    return data | {
        "severity": finding.severity.value,
        "evidence": list(finding.evidence),
        "extra": [list(pair) for pair in finding.extra],
    }


def _finding_from_json(data: Mapping[str, Any]) -> Finding:
    fields = {name: data[name] for name in _FINDING_FIELDS}
    return Finding(
        **fields
        | {
            "severity": Severity(data["severity"]),
            "evidence": tuple(data["evidence"]),
            "extra": tuple((str(k), str(v)) for k, v in data["extra"]),
        }
    )


def environment_finding(
    rule: str,
    severity: Severity,
    message: str,
    *,
    environment: str,
    key: str | None = None,
    target: ResolveTarget | None = None,
    category: str = "conflict",
    package: str | None = None,
    fix: str | None = None,
    evidence: Iterable[str] = (),
    extra: tuple[tuple[str, str], ...] = (),
) -> Finding:
    """A resolver finding about `environment` as a whole (not one of its lines): located at
    the environment's file (``pyproject.toml#dev`` → ``pyproject.toml``), fingerprinted
    ``rule:environment`` (``:key`` added when given), the `target` it was resolved for named
    first in `extra`."""
    return Finding(
        rule=rule,
        category=category,
        severity=severity,
        message=message,
        file=environment.partition("#")[0],
        package=package,
        fix=fix,
        evidence=tuple(evidence),
        fingerprint=f"{rule}:{environment}" if key is None else f"{rule}:{environment}:{key}",
        extra=(("target", target.label), *extra) if target is not None else extra,
    )


@dataclass(frozen=True)
class ResolveReport:
    """Resolution findings of a change (head) and of its base, and the resolutions."""

    findings: list[Finding]
    head: list[Resolution]
    base: list[Resolution]
    base_findings: list[Finding] = field(default_factory=list)
