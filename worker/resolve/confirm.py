"""One finding per conflict: the resolver's conflict error that a static `conflict` error already
states keeps only its explanation, as evidence on the static finding ("the resolver confirms").

The static rule's message is the more specific of the two: it names every clashing constraint
(or the Requires-Dist a pin violates) with its line and shows the fix; the resolver's says the
same declarations cannot be installed together for one target. A resolver finding is a
duplicate when every declaration it names (`declared` in its extra, else its own line) is one
the static finding cites, both are errors, and both are new (or both pre-existing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rules.findings import Finding, Severity

#: The static rule whose errors the resolver may repeat.
STATIC_RULE = "conflict"
#: Resolver rules that say "these declarations cannot be installed together".
RESOLVER_RULES = frozenset({"resolution-conflict", "broken-pin-set"})
#: `docker/Dockerfile:61`, `requirements.txt:5` as the messages and evidence cite them.
_PLACE = re.compile(r"(?<![\w./-])([\w./-]+:\d+)\b")


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


def _confirms(resolver: Finding, static: Finding) -> bool:
    named = places(resolver)
    return (
        static.rule == STATIC_RULE
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
    statics = [i for i, f in enumerate(findings) if f.rule == STATIC_RULE]
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
