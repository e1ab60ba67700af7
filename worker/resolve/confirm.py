"""One finding per problem: a resolver error that a static error already states keeps only its
explanation, as evidence on the static finding ("the resolver confirms").

Two statements are folded. Declarations that clash with each other (a `broken-pin-set`, a
`resolution-conflict` "... cannot be installed together with ...") against the static rules
that say which requirement is violated: `conflict` (clauses that exclude each other, an exact
pin a pinned release's Requires-Dist excludes), `numpy-abi`'s pin-against-cap errors
(`tensorflow==2.5.0` requires numpy~=1.19.2 next to `numpy==1.20.1`) and
`torch-family-mismatch` (torchvision 0.16.2 requires torch==2.1.2). And a `+cuXXX` build no
declared index serves against `missing-pytorch-index`, which names the index that does.
The static message is the more specific: the requirement, its line, the fix; the resolver's
adds the target it resolved for. A resolver finding folds when every declaration it names
(`declared` in its extra, else its own line) is one the static finding cites, every package it
quotes is one the static message names, both are errors, and both are new (or both not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from packaging.utils import canonicalize_name

from rules.findings import Finding, Severity

#: What the resolver says -> the static rules that say the same thing more specifically.
SAME_STATEMENT = {
    "clash": frozenset({"conflict", "numpy-abi", "torch-family-mismatch"}),
    "no-build": frozenset({"missing-pytorch-index"}),
}
STATIC_RULES = frozenset().union(*SAME_STATEMENT.values())
#: Resolver rules that say "these declarations cannot be installed together".
RESOLVER_RULES = frozenset({"resolution-conflict", "broken-pin-set"})
#: `docker/Dockerfile:61`, `requirements.txt:5` as the messages and evidence cite them.
_PLACE = re.compile(r"(?<![\w./-])([\w./-]+:\d+)\b")
#: A requirement the resolver's message quotes: `numpy==1.20.1`, `torch{sys_platform...}`.
_QUOTED = re.compile(r"`([A-Za-z0-9][A-Za-z0-9._-]*)")


def _place(finding: Finding) -> str | None:
    return f"{finding.file}:{finding.line}" if finding.file and finding.line else None


def places(finding: Finding) -> frozenset[str]:
    """The declarations a resolver finding names (`file:line`)."""
    declared = {value for key, value in finding.extra if key == "declared"}
    own = _place(finding)
    return frozenset(declared or ({own} if own else set()))


def cited(finding: Finding) -> frozenset[str]:
    """Every `file:line` a static finding cites in its message or evidence, and its own."""
    found = set(_PLACE.findall(" ".join((finding.message, *finding.evidence))))
    own = _place(finding)
    return frozenset(found | ({own} if own else set()))


def _names(text: str) -> set[str]:
    return {canonicalize_name(name) for name in re.findall(r"[A-Za-z0-9][A-Za-z0-9._-]*", text)}


def statement(resolver: Finding) -> str | None:
    """`clash`: declarations clash with each other; `no-build`: no declared index serves a
    `+cuXXX` build; None: anything else the resolver says (never folded)."""
    if resolver.rule == "broken-pin-set" or " cannot be installed together" in resolver.message:
        return "clash"
    if resolver.rule == "resolution-conflict" and "No declared index serves `+" in resolver.message:
        return "no-build"
    return None


def _confirms(resolver: Finding, static: Finding) -> bool:
    named = places(resolver)
    packages = {canonicalize_name(n) for n in _QUOTED.findall(resolver.message)}
    if resolver.package:
        packages.add(canonicalize_name(resolver.package))
    return (
        static.rule in SAME_STATEMENT.get(statement(resolver) or "", frozenset())
        and packages <= _names(static.message)
        and static.severity is Severity.ERROR
        and resolver.severity is Severity.ERROR
        and static.new == resolver.new
        and bool(named)
        and named <= cited(static)
    )


def _confirmation(resolver: Finding) -> tuple[str, ...]:
    target = dict(resolver.extra).get("target")
    head = "the resolver confirms" + (f" for {target}" if target else "")
    return tuple(f"{head}: {line}" for line in resolver.evidence) or (f"{head}.",)


def one_per_conflict(findings: Sequence[Finding]) -> list[Finding]:
    """`findings` less the resolver conflict errors a static conflict error already states;
    each such static finding gains the resolver's explanation as evidence (same order)."""
    statics = [i for i, f in enumerate(findings) if f.rule in STATIC_RULES]
    out: dict[int, Finding] = dict(enumerate(findings))
    for i, finding in enumerate(findings):
        if finding.rule not in RESOLVER_RULES:
            continue
        match = next((j for j in statics if _confirms(finding, findings[j])), None)
        if match is None:
            continue
        kept = out[match]
        evidence = tuple(dict.fromkeys((*kept.evidence, *_confirmation(finding))))
        out[match] = replace(kept, evidence=evidence)
        del out[i]
    return [out[i] for i in sorted(out)]
