"""Packages the change did not touch that still change between the base and head resolutions."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

from rules.findings import Finding, Severity
from worker.resolve.model import Resolution

#: Packages whose version decides binary compatibility (NumPy ABI, CUDA user-space).
SENSITIVE_EXACT = frozenset({"numpy", "triton", "torch", "jax", "jaxlib", "tensorflow", "cupy"})
SENSITIVE_PREFIXES = ("nvidia-", "cuda-", "cupy-")


def sensitive(name: str) -> bool:
    """True for NumPy- and CUDA-relevant packages."""
    return name in SENSITIVE_EXACT or name.startswith(SENSITIVE_PREFIXES)


@dataclass(frozen=True)
class Change:
    """One row of the table: a package, its base and head versions, and why it matters."""

    name: str
    before: str | None
    after: str | None

    @property
    def major(self) -> bool:
        """True when the major version changes."""
        if self.before is None or self.after is None:
            return False
        try:
            return Version(self.before).major != Version(self.after).major
        except InvalidVersion:
            return self.before.split(".")[0] != self.after.split(".")[0]

    @property
    def serious(self) -> bool:
        """Warning-worthy: a major bump, or a NumPy/CUDA-relevant package that changes."""
        return self.major or sensitive(self.name)

    @property
    def kind(self) -> str:
        """added, removed, major, or changed."""
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "major" if self.major else "changed"

    def row(self) -> str:
        """A markdown table row."""
        note = self.kind + (", NumPy/CUDA-relevant" if sensitive(self.name) else "")
        return f"| {self.name} | {self.before or '—'} | {self.after or '—'} | {note} |"


def changes(base: Resolution, head: Resolution, touched: Collection[str]) -> list[Change]:
    """Untouched packages whose pin differs (or appears, or disappears) between base and head."""
    rows = []
    for name in sorted(base.pins.keys() | head.pins.keys()):
        if name in touched:
            continue
        before, after = base.pins.get(name), head.pins.get(name)
        if before != after:
            rows.append(Change(name, before, after))
    return rows


def transitive_findings(
    pairs: Sequence[tuple[Resolution, Resolution]], touched: Collection[str]
) -> list[Finding]:
    """One `transitive-change` finding per environment with a compact table of changes."""
    by_env: dict[str, list[tuple[Resolution, Change]]] = {}
    for base, head in pairs:
        if not (base.ok and head.ok):
            continue
        for change in changes(base, head, touched):
            by_env.setdefault(head.environment, []).append((head, change))
    findings = []
    for env, items in sorted(by_env.items()):
        targets = {head.target.label for head, _ in items}
        unique: dict[tuple[str, str | None, str | None], tuple[Resolution, Change]] = {}
        for head, change in items:
            unique.setdefault((change.name, change.before, change.after), (head, change))
        rows = [change for _, change in unique.values()]
        serious = [c for c in rows if c.serious]
        added = [c.name for c in rows if c.kind == "added"]
        header = ["| package | base | head | change |", "| --- | --- | --- | --- |"]
        summary = (
            f"{len(rows)} package(s) this change did not edit resolve differently in {env}"
            + (f" ({', '.join(sorted(targets))})" if len(targets) == 1 else "")
            + (f"; {len(serious)} worth a look" if serious else "")
            + (f"; new: {', '.join(added)}" if added else "")
            + "."
        )
        findings.append(
            Finding(
                rule="transitive-change",
                category="transitive-change",
                severity=Severity.WARNING if serious else Severity.NOTICE,
                message=summary,
                file=env.partition("#")[0],
                package=serious[0].name if serious else None,
                evidence=tuple(header + [c.row() for c in rows]),
                fingerprint="transitive-change:"
                + env
                + ":"
                + ",".join(f"{c.name}={c.before}>{c.after}" for c in rows),
            )
        )
    return findings
