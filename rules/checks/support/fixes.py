"""Findings and the fixes they carry.

`finding` builds a rule's finding at a span; `pinned_line` writes a requirement pinned to a
version in its own file format; a fix for a requirement a Dockerfile installs is written as
the ``RUN pip install …`` line to change (`dockerfile_fix`).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable

from rules.checks.base import Rule
from rules.findings import Finding, Severity
from rules.manifests.model import Ecosystem, FileKind, Requirement, Span
from rules.manifests.registry import kind_for

#: A requirements-file line a fix may hold: a PEP 508 name with an optional specifier.
_REQUIREMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[A-Za-z0-9._,-]+\])?\s*(?:[=<>!~].*)?$")
#: An index option line of a requirements-file fix.
_INDEX = re.compile(r"^(--index-url|--extra-index-url|-i|--find-links|-f)[\s=]+(\S+)$")
#: Characters that make a word need quoting in a shell RUN line.
_SHELL_SPECIAL = re.compile(r"[<>|&;()*?\[\]\s!$`'\"]")


def in_dockerfile(path: str | None) -> bool:
    """Whether `path` is a Dockerfile (where requirements are pip commands, not file lines)."""
    return path is not None and kind_for(path) == FileKind.DOCKERFILE


def _word(text: str) -> str:
    text = re.sub(r"\s+", "", text)
    return shlex.quote(text) if _SHELL_SPECIAL.search(text) else text


def dockerfile_fix(fix: str) -> str:
    """A requirements-syntax fix (`torch==2.1.0+cu121` / `--extra-index-url URL` lines, `#`
    comments) as ``RUN pip install … --extra-index-url URL``; any other text is returned as is.
    """
    requirements: list[str] = []
    options: list[str] = []
    comments: list[str] = []
    for line in fix.splitlines():
        text, _, comment = line.partition(" #") if " #" in line else line.partition("#")
        text = text.strip()
        if comment.strip():
            comments.append(f"# {comment.strip()}")
        if not text:
            continue
        index = _INDEX.match(text)
        if index is not None:
            options.append(f"{index.group(1)} {index.group(2)}")
        elif _REQUIREMENT.match(text):
            requirements.append(_word(text))
        else:
            return fix
    if not requirements:
        return fix
    run = " ".join(["RUN pip install", *requirements, *options])
    return "\n".join([run, *comments])


def finding(
    rule: Rule,
    message: str,
    at: Span | None,
    *,
    package: str | None,
    fix: str | None,
    evidence: Iterable[str] = (),
    severity: Severity | None = None,
    fingerprint: str = "",
    fix_as_run: bool = True,
    also_at: Iterable[Span] = (),
    category: str | None = None,
) -> Finding:
    """A finding of `rule` (its id, category, default severity) located at `at`.

    The fingerprint (what makes base and head findings "the same problem") is prefixed with
    the file, never the line: lines move between base and head. A fix for a requirement of a
    Dockerfile is written as the ``RUN pip install …`` line to change (not with `fix_as_run`
    false: a finding about a file the Dockerfile installs, located at the Dockerfile).
    """
    if fix and fix_as_run and at is not None and in_dockerfile(at.file):
        fix = dockerfile_fix(fix)
    return finding_at(
        rule,
        message,
        at,
        package=package,
        fix=fix,
        evidence=evidence,
        severity=severity,
        fingerprint=f"{at.file}:{fingerprint}" if fingerprint and at else fingerprint,
        also_at=also_at,
        category=category,
    )


def finding_at(
    rule: Rule,
    message: str,
    at: Span | None,
    *,
    package: str | None = None,
    fix: str | None = None,
    evidence: Iterable[str] = (),
    severity: Severity | None = None,
    fingerprint: str = "",
    also_at: Iterable[Span] = (),
    category: str | None = None,
) -> Finding:
    """A finding of `rule` (its id, category, default severity) located at `at`, with its fix
    and fingerprint exactly as given (`finding` scopes the fingerprint to the file and writes
    a Dockerfile's fix as a RUN line). `category` is one of the further categories the
    catalogue lists for the rule (`RuleInfo.also`), when not the rule's own."""
    return Finding(
        rule=rule.id,
        category=category or rule.category,
        severity=severity or rule.default_severity,
        message=message,
        file=at.file if at else None,
        line=at.line if at else None,
        column=at.column if at else None,
        package=package,
        fix=fix,
        evidence=tuple(evidence),
        fingerprint=fingerprint,
        also_at=tuple((s.file, s.line) for s in also_at if at is None or s.file != at.file),
    )


_POETRY_LINE = re.compile(r"^([A-Za-z0-9_.-]+)\s*=\s*([{\"'].*)$")
_POETRY_VERSION = re.compile(r"version\s*=\s*\"[^\"]*\"")


def pinned_line(req: Requirement, version: str) -> str:
    """How `req` reads pinned to `version` in its own file format (pip, conda, or a Poetry
    ``name = "…"`` / ``name = {version = "…", …}`` line)."""
    if req.ecosystem == Ecosystem.CONDA:
        return f"{req.name}={version}"
    poetry = _POETRY_LINE.match(req.raw.strip())
    if poetry is not None:
        key, value = poetry.group(1), poetry.group(2)
        quoted = f'"{version}"'
        if value.startswith("{") and _POETRY_VERSION.search(value):
            table = _POETRY_VERSION.sub(lambda _: f"version = {quoted}", value, count=1)
            return f"{key} = {table}"
        return f"{key} = {quoted}"
    extras = f"[{','.join(req.extras)}]" if req.extras else ""
    return f"{req.name}{extras}=={version}"
