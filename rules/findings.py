"""Findings: what a review reports, with a stable vocabulary of categories."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is; `error` fails the check when new."""

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"

    @property
    def rank(self) -> int:
        """0 for the worst severity, larger for milder ones (for sorting)."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}

#: The stable vocabulary users filter and configure by (DESIGN.md). Add one only when none fits.
CATEGORIES: frozenset[str] = frozenset(
    {
        "parse-error",
        "conflict",
        "cuda-variant-mismatch",
        "torch-family-mismatch",
        "cuda-base-image-mismatch",
        "missing-pytorch-index",
        "cpu-only-risk",
        "tensorflow-cuda-mismatch",
        "jax-cuda-mismatch",
        "driver-too-old",
        "gpu-arch-unsupported",
        "numpy-abi",
        "python-version-incompatible",
        "unpinned-framework",
        "dev-dependency-in-production",
        "no-lockfile",
        "lock-out-of-sync",
        "conda-channel-mixing",
        "pip-in-conda-for-cuda-package",
        "untrusted-index",
        "transitive-change",
        "smoke-failure",
        "config-error",
    }
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a repository's dependency files.

    `rule` is the stable id of the rule that produced it (e.g. ``conflict`` or
    ``poetry-pytorch-source-priority``); `category` is one of `CATEGORIES`.
    `line` and `column` are 1-based. `new` is set by the review: true when the
    pull request introduced the finding (present at head, absent at base).
    `fingerprint` identifies "the same problem" across base and head; when empty,
    (rule, file, package) is used.
    """

    rule: str
    category: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    package: str | None = None
    fix: str | None = None
    evidence: tuple[str, ...] = ()
    fingerprint: str = ""
    new: bool = True
    extra: tuple[tuple[str, str], ...] = field(default=())
    #: Other (file, line) places the same problem is fixed at: the requirement that an image's
    #: or a workflow's Python meets. The review reports a new finding there when the change
    #: leaves the finding's own file untouched but touches one of these (a Renovate bump of
    #: requirements.txt gets its annotation on the line it changed, not on the Dockerfile).
    also_at: tuple[tuple[str, int], ...] = field(default=())
    #: What the problem covers, where a change can widen it without changing its identity: the
    #: Pythons a python-version finding fails on. A head finding whose base twin covers less
    #: is new (cabouman/svmbir 399dcee: numpy==1.22.* fails Travis's 3.6 and 3.7 legs where
    #: the base's numpy==1.21.* failed only 3.6). Empty: not compared.
    scope: frozenset[str] = field(default=frozenset())

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown finding category {self.category!r}")

    @property
    def identity(self) -> tuple[str, ...]:
        """What makes two findings (at base and at head) the same problem."""
        if self.fingerprint:
            return (self.rule, self.fingerprint)
        return (self.rule, self.file or "", self.package or "")

    def with_new(self, new: bool) -> Finding:
        """A copy with `new` set."""
        return replace(self, new=new)

    def with_severity(self, severity: Severity) -> Finding:
        """A copy with another severity (config overrides)."""
        return replace(self, severity=severity)

    def sort_key(self) -> tuple[object, ...]:
        """Deterministic order: new first, worst first, then by place and rule."""
        return (
            not self.new,
            self.severity.rank,
            self.category,
            self.file or "",
            self.line or 0,
            self.column or 0,
            self.package or "",
            self.rule,
            self.message,
        )
