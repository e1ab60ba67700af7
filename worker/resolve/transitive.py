"""Packages the change did not touch that still change between the base and head resolutions.

Base and head are resolved in the same minutes against the same indexes, so every row of the
table is a consequence of the change. Which rows deserve a warning is what a reviewer cannot
read in the diff and what can break at install or import:

- a major move of a package whose version is a binary interface: NumPy's C API, protobuf's
  generated code, torch / TensorFlow / jaxlib / CuPy / Triton builds, NVIDIA's runtime wheels
  (`nvidia-cudnn-cu12` 8 → 9) — up or down;
- a CUDA major that the environment did not have: `nvidia-*-cu12` wheels where the base had
  `-cu11` ones, a `+cu121` torch build where the base had `+cu118`, or a CUDA runtime where the
  base had none;
- any other move (or arrival) of a NumPy/CUDA-relevant package that no requirement the change
  edits pulls in (nothing above it in the resolver's graph is edited).

The rest is a notice with the same table: removals; moves of pure-Python packages (a major one
is an API change the project's tests meet, not an install or import failure: a relock moves
pytz 2022 → 2024 and attrs 22 → 24); and minor or patch moves under a requirement the change
edits — a Dependabot bump of X whose new release requires a newer Y is the bump's intent
(`tensorflow` 2.18 → 2.19 brings tensorboard 2.19 and numpy 2.0.2 → 2.1.3).

One finding per environment; an environment whose risky rows a warning on another environment
of the same file already names (a pyproject extra that repeats the runtime's protobuf 3 → 4)
is a notice that points to that warning.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.findings import Finding, Severity
from rules.kb.cudaver import digits_major, name_cuda_major
from worker.resolve.model import Resolution

#: Packages whose version decides binary compatibility (NumPy ABI, CUDA user-space).
SENSITIVE_EXACT = frozenset(
    {
        "numpy",
        "protobuf",
        "triton",
        "torch",
        "jax",
        "jaxlib",
        "tensorflow",
        "tensorflow-cpu",
        "tensorflow-gpu",
        "cupy",
    }
)
SENSITIVE_PREFIXES = ("nvidia-", "cuda-", "cupy-")
#: CUDA runtime packages without a `-cuNN` suffix whose major is the CUDA major: CUDA 13's
#: wheels (torch 2.15.0 on PyPI requires cuda-toolkit 13.2.2, which brings nvidia-cuda-runtime
#: 13.2.86, next to nvidia-cudnn-cu13; read from uv's resolution of aeon's all_extras).
_RUNTIME_BY_VERSION = frozenset({"cuda-toolkit", "nvidia-cuda-runtime", "nvidia-cuda-nvrtc"})
#: `+cu121` / `+cu92` build labels.
_LABEL_CUDA = re.compile(r"\+cu(\d{2,3})\b")


def sensitive(name: str) -> bool:
    """True for NumPy- and CUDA-relevant packages."""
    return name in SENSITIVE_EXACT or name.startswith(SENSITIVE_PREFIXES)


def cuda_major(name: str, version: str | None) -> int | None:
    """The CUDA major a pin is built for, from its name (`-cu12`) or build label (`+cu118`)."""
    named = name_cuda_major(name)
    if named is not None:
        return named
    if name in _RUNTIME_BY_VERSION and version:
        try:
            return Version(version).major
        except InvalidVersion:
            return None
    label = _LABEL_CUDA.search(version or "")
    return digits_major(label.group(1)) if label else None


def cuda_majors(pins: Mapping[str, str]) -> frozenset[int]:
    """Every CUDA major the pinned set is built for."""
    return frozenset(m for n, v in pins.items() if (m := cuda_major(n, v)) is not None)


def _requirement_name(text: str) -> str | None:
    try:
        return canonicalize_name(Requirement(text).name)
    except InvalidRequirement:
        return None


def parents(resolution: Resolution) -> dict[str, set[str]]:
    """Who pulls in each pin: the resolver's `via`, and the recorded requirements of locks."""
    graph: dict[str, set[str]] = {}
    for name, vias in resolution.via.items():
        graph.setdefault(name, set()).update(v for v in vias if not v.startswith("-"))
    for name, reqs in resolution.requires.items():
        for text in reqs:
            child = _requirement_name(text)
            if child is not None and child != name:
                graph.setdefault(child, set()).add(name)
    return graph


def edited_above(name: str, graph: Mapping[str, set[str]], touched: Collection[str]) -> list[str]:
    """The edited requirements above `name` in the graph (nearest first, sorted)."""
    found: set[str] = set()
    seen = {name}
    frontier = [name]
    while frontier:
        nxt: list[str] = []
        for node in frontier:
            for parent in sorted(graph.get(node, ())):
                if parent in seen:
                    continue
                seen.add(parent)
                if parent in touched:
                    found.add(parent)  # the edit explains it: look no higher on this path
                else:
                    nxt.append(parent)
        frontier = nxt
    return sorted(found)


def _major(before: str, after: str) -> bool:
    try:
        return Version(before).major != Version(after).major
    except InvalidVersion:
        return before.split(".")[0] != after.split(".")[0]


@dataclass(frozen=True)
class Change:
    """One row of the table: a package, its base and head versions, and why it matters.

    `under` holds the edited requirements that pull it in (at head; at base when removed);
    `new_cuda` is set when it is built for a CUDA major the base environment did not have.
    """

    name: str
    before: str | None
    after: str | None
    under: tuple[str, ...] = ()
    new_cuda: int | None = None

    @property
    def major(self) -> bool:
        """True when the major version changes."""
        if self.before is None or self.after is None:
            return False
        return _major(self.before, self.after)

    @property
    def kind(self) -> str:
        """added, removed, major, or changed."""
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "major" if self.major else "changed"

    @property
    def risk(self) -> str | None:
        """Why this row is worth a warning (None: a notice); see the module doc."""
        if self.new_cuda is not None and self.after is not None:
            return f"CUDA {self.new_cuda} build, new to this environment"
        if self.major and sensitive(self.name):
            return "major move of a NumPy/CUDA-relevant package"
        if self.under or self.after is None or not sensitive(self.name):
            return None
        if self.before is None:
            return "NumPy/CUDA-relevant, new, and no edited requirement pulls it in"
        return "NumPy/CUDA-relevant, and no edited requirement pulls it in"

    @property
    def serious(self) -> bool:
        """Warning-worthy (see `risk`)."""
        return self.risk is not None

    def row(self) -> str:
        """A markdown table row."""
        note = self.kind + (", NumPy/CUDA-relevant" if sensitive(self.name) else "")
        if self.under:
            note += f"; via {', '.join(self.under)}"
        if self.risk:
            note += f"; **{self.risk}**"
        return f"| {self.name} | {self.before or '—'} | {self.after or '—'} | {note} |"

    def short(self) -> str:
        """`numpy 1.26.4 → 2.1.0` for the message."""
        return f"{self.name} {self.before or '(new)'} → {self.after or '(removed)'}"


def changes(base: Resolution, head: Resolution, touched: Collection[str]) -> list[Change]:
    """Untouched packages whose pin differs (or appears, or disappears) between base and head."""
    rows = []
    graphs = {"base": parents(base), "head": parents(head)}
    base_cuda = cuda_majors(base.pins)
    for name in sorted(base.pins.keys() | head.pins.keys()):
        if name in touched:
            continue
        before, after = base.pins.get(name), head.pins.get(name)
        if before == after:
            continue
        graph = graphs["head" if after is not None else "base"]
        major = cuda_major(name, after)
        rows.append(
            Change(
                name,
                before,
                after,
                under=tuple(edited_above(name, graph, touched)),
                new_cuda=major if major is not None and major not in base_cuda else None,
            )
        )
    return rows


def _merged(items: Iterable[Change]) -> list[Change]:
    """One row per (package, base, head) over the targets; a risk on any target is kept."""
    rows: dict[tuple[str, str | None, str | None], Change] = {}
    for change in items:
        key = (change.name, change.before, change.after)
        kept = rows.get(key)
        if kept is None or (change.serious and not kept.serious):
            rows[key] = change
    return list(rows.values())


def _cuda_phrase(rows: Sequence[Change], base_cuda: Collection[int]) -> str:
    """`the CUDA 12 runtime replaces CUDA 11 (13 wheels: nvidia-cublas-cu12, ...)`."""
    majors = sorted({c.new_cuda for c in rows if c.new_cuda is not None})
    names = [c.name for c in rows]
    shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
    was = (
        f"replaces CUDA {', '.join(str(m) for m in sorted(base_cuda))}"
        if base_cuda
        else "arrives (the base had none)"
    )
    new = ", ".join(str(m) for m in majors)
    return (
        f"the CUDA {new} runtime {was}: {len(rows)} wheel(s) ({shown}), which need a GPU "
        f"driver for CUDA {new}"
    )


def _summary(
    env: str, rows: Sequence[Change], targets: set[str], base_cuda: Collection[int]
) -> str:
    serious = [c for c in rows if c.serious]
    cuda = [c for c in serious if c.new_cuda is not None]
    others = [c for c in serious if c.new_cuda is None]
    added = list(dict.fromkeys(c.name for c in rows if c.kind == "added"))
    under = sorted({name for c in rows for name in c.under})
    text = f"{len(rows)} package(s) this change did not edit resolve differently in {env}" + (
        f" ({', '.join(sorted(targets))})" if len(targets) == 1 else ""
    )
    if serious:
        listed = [_cuda_phrase(cuda, base_cuda)] if cuda else []
        listed += [f"{c.short()} ({c.risk})" for c in others[:5]]
        more = f" and {len(others) - 5} more" if len(others) > 5 else ""
        text += f"; worth a look: {'; '.join(listed)}{more}"
    else:
        text += (
            "; none worth a look: "
            + (f"they follow from the edited {', '.join(under)} or " if under else "")
            + "they are minor or patch moves, or pure-Python ones"
        )
    if added:
        text += f"; new: {', '.join(added[:8])}" + (
            f" and {len(added) - 8} more" if len(added) > 8 else ""
        )
    return text + "."


def transitive_findings(
    pairs: Sequence[tuple[Resolution, Resolution]], touched: Collection[str]
) -> list[Finding]:
    """One `transitive-change` finding per environment with a compact table of changes: a
    warning when a row is worth a look (see the module doc), else a notice."""
    by_env: dict[str, list[tuple[Resolution, Change]]] = {}
    base_cuda: dict[str, set[int]] = {}
    for base, head in pairs:
        if not (base.ok and head.ok):
            continue
        base_cuda.setdefault(head.environment, set()).update(cuda_majors(base.pins))
        for change in changes(base, head, touched):
            by_env.setdefault(head.environment, []).append((head, change))
    findings = []
    warned: dict[str, dict[tuple[str, str | None], str]] = {}  # file -> (name, risk) -> env
    for env, items in sorted(by_env.items()):
        targets = {head.target.label for head, _ in items}
        rows = _merged(change for _, change in items)
        serious = [c for c in rows if c.serious]
        file = env.partition("#")[0]
        said = warned.setdefault(file, {})
        keys = [(c.name, c.risk) for c in serious]
        # A group or extra repeats its file's runtime moves: the first environment warns.
        repeated = bool(keys) and all(key in said for key in keys)
        message = _summary(env, rows, targets, base_cuda.get(env, set()))
        if repeated:
            first = ", ".join(sorted({said[key] for key in keys}))
            message = message.removesuffix(".") + f"; the warning on {first} says the same."
        else:
            said.update({key: env for key in keys if key not in said})
        header = ["| package | base | head | change |", "| --- | --- | --- | --- |"]
        findings.append(
            Finding(
                rule="transitive-change",
                category="transitive-change",
                severity=Severity.WARNING if serious and not repeated else Severity.NOTICE,
                message=message,
                file=file,
                package=serious[0].name if serious else None,
                evidence=tuple(header + [c.row() for c in rows]),
                fingerprint="transitive-change:"
                + env
                + ":"
                + ",".join(f"{c.name}={c.before}>{c.after}" for c in rows),
            )
        )
    return findings
