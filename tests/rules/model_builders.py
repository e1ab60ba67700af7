"""Build manifest-model objects directly for rule and review tests (no parser involved)."""

from __future__ import annotations

from types import MappingProxyType

from rules.findings import Finding, Severity
from rules.manifests.model import (
    Ecosystem,
    FileKind,
    Group,
    Index,
    IndexKind,
    LockedPin,
    ManifestFile,
    Requirement,
    Snapshot,
    Span,
)

KIND_BY_SUFFIX = {
    ".txt": FileKind.REQUIREMENTS,
    ".in": FileKind.REQUIREMENTS,
    ".toml": FileKind.PYPROJECT,
    ".yml": FileKind.CONDA,
    ".yaml": FileKind.CONDA,
    ".lock": FileKind.UV_LOCK,
}


def req(
    text: str,
    file: str = "requirements.txt",
    line: int = 1,
    *,
    env: str | None = None,
    marker: str | None = None,
    group: Group = Group.RUNTIME,
    constraint: bool = False,
    conda: bool = False,
) -> Requirement:
    """A requirement from `name<spec>` text (e.g. `numpy>=1.24`), located at file:line."""
    name = text
    spec = ""
    for i, ch in enumerate(text):
        if ch in "<>=!~":
            name, spec = text[:i], text[i:]
            break
    pinned = spec[2:] if spec.startswith("==") and "," not in spec and "*" not in spec else None
    return Requirement(
        name=name.strip().lower(),
        raw=text if marker is None else f"{text}; {marker}",
        location=Span(file, line),
        specifier=spec,
        marker=marker,
        pinned=pinned,
        group=Group.CONSTRAINT if constraint else group,
        ecosystem=Ecosystem.CONDA if conda else Ecosystem.PYPI,
        environment=env if env is not None else file,
        is_constraint=constraint,
    )


def manifest(
    path: str,
    *reqs: Requirement,
    kind: FileKind | None = None,
    indexes: tuple[Index, ...] = (),
    pins: tuple[LockedPin, ...] = (),
    metadata: tuple[tuple[str, str], ...] = (),
    errors: tuple[Finding, ...] = (),
) -> ManifestFile:
    """A parsed file holding the given requirements."""
    if kind is None:
        suffix = "." + path.rsplit(".", 1)[-1]
        kind = KIND_BY_SUFFIX.get(suffix, FileKind.REQUIREMENTS)
    return ManifestFile(
        path=path,
        kind=kind,
        requirements=reqs,
        indexes=indexes,
        pins=pins,
        metadata=metadata,
        errors=errors,
    )


def snapshot(*files: ManifestFile, errors: tuple[Finding, ...] = ()) -> Snapshot:
    """A snapshot of the given files."""
    return Snapshot(files=MappingProxyType({f.path: f for f in files}), errors=errors)


def index(
    url: str, file: str = "requirements.txt", line: int = 1, kind: IndexKind = IndexKind.INDEX_URL
) -> Index:
    """An index declared at file:line."""
    return Index(url=url, kind=kind, location=Span(file, line), environment=file)


def channel(name: str, file: str = "environment.yml", line: int = 1) -> Index:
    """A conda channel declared at file:line."""
    return Index(url=name, kind=IndexKind.CONDA_CHANNEL, location=Span(file, line), name=name)


def pin(name: str, version: str, file: str = "uv.lock", line: int = 1) -> LockedPin:
    """A locked pin."""
    return LockedPin(name=name, version=version, location=Span(file, line))


def finding(
    rule: str = "conflict",
    category: str = "conflict",
    severity: Severity = Severity.ERROR,
    *,
    file: str | None = "requirements.txt",
    line: int | None = 1,
    package: str | None = None,
    message: str = "something is wrong",
    fingerprint: str = "",
) -> Finding:
    """A finding with defaults."""
    return Finding(
        rule=rule,
        category=category,
        severity=severity,
        message=message,
        file=file,
        line=line,
        package=package,
        fingerprint=fingerprint,
    )
