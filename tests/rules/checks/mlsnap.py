"""Terse builders of manifest-model objects and snapshots for the ML rule tests."""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from rules.checks.base import Rule, RuleContext
from rules.config import RepoConfig
from rules.findings import Finding
from rules.kb import load_kb
from rules.manifests.model import (
    Ecosystem,
    Fact,
    FactKind,
    FileKind,
    Index,
    IndexKind,
    ManifestFile,
    Requirement,
    Snapshot,
    Span,
)

_LINES: dict[str, int] = {}


def _next_line(path: str) -> int:
    _LINES[path] = _LINES.get(path, 0) + 1
    return _LINES[path]


def req(
    text: str,
    path: str = "requirements.txt",
    *,
    env: str | None = None,
    conda: bool = False,
    index: str | None = None,
    line: int | None = None,
    extras: tuple[str, ...] = (),
) -> Requirement:
    """`req("torch==2.1.0+cu118")`, `req("pytorch-cuda==11.8", "environment.yml", conda=True)`."""
    name, spec = _split(text)
    pinned = None
    local = None
    clauses = list(SpecifierSet(spec)) if spec else []
    if len(clauses) == 1 and clauses[0].operator == "==" and "*" not in clauses[0].version:
        pinned = clauses[0].version
        local = Version(pinned).local
    return Requirement(
        name=name,
        raw=text,
        location=Span(path, line or _next_line(path), 1),
        specifier=spec,
        extras=extras,
        pinned=pinned,
        local=local,
        index=index,
        ecosystem=Ecosystem.CONDA if conda else Ecosystem.PYPI,
        environment=env if env is not None else path,
    )


def _split(text: str) -> tuple[str, str]:
    for i, ch in enumerate(text):
        if ch in "=<>!~":
            return text[:i].strip().lower(), text[i:].strip()
    return text.strip().lower(), ""


def index(
    url: str,
    path: str = "requirements.txt",
    *,
    kind: IndexKind = IndexKind.INDEX_URL,
    name: str | None = None,
    priority: str | None = None,
    explicit: bool = False,
    env: str | None = None,
) -> Index:
    """An index declared in `path` (environment `env`, default `path`)."""
    return Index(
        url=url,
        kind=kind,
        location=Span(path, 1, 1),
        name=name,
        priority=priority,
        explicit=explicit or priority == "explicit",
        environment=env if env is not None else path,
    )


def fact(kind: FactKind, value: str, path: str, *, detail: str = "", line: int = 1) -> Fact:
    """A fact declared in `path`."""
    return Fact(kind, value, Span(path, line, 1), detail or value, path)


def base_image(image: str, path: str = "Dockerfile", line: int = 1) -> list[Fact]:
    """The facts of `FROM image`: the base image, and its CUDA for nvidia/cuda."""
    facts = [fact(FactKind.BASE_IMAGE, image, path, detail=image, line=line)]
    if image.startswith("nvidia/cuda:"):
        cuda = image.split(":", 1)[1].split("-", 1)[0]
        facts.append(fact(FactKind.CUDA, cuda, path, detail=image, line=line))
    return facts


def _kind(path: str) -> FileKind:
    name = path.rsplit("/", 1)[-1]
    if name.startswith("Dockerfile") or name.endswith(".Dockerfile"):
        return FileKind.DOCKERFILE
    if name.endswith((".yml", ".yaml")):
        return FileKind.CONDA
    if name == "pyproject.toml":
        return FileKind.PYPROJECT
    if name == ".python-version":
        return FileKind.PYTHON_VERSION
    return FileKind.REQUIREMENTS


def snap(*items: Requirement | Index | Fact | Iterable[Fact]) -> Snapshot:
    """A snapshot holding these requirements, indexes and facts, grouped into their files."""
    reqs: dict[str, list[Requirement]] = {}
    idx: dict[str, list[Index]] = {}
    facts: dict[str, list[Fact]] = {}
    flat: list[Requirement | Index | Fact] = []
    for item in items:
        if isinstance(item, Requirement | Index | Fact):
            flat.append(item)
        else:
            flat.extend(item)
    for item in flat:
        path = item.location.file
        if isinstance(item, Requirement):
            reqs.setdefault(path, []).append(item)
        elif isinstance(item, Index):
            idx.setdefault(path, []).append(item)
        else:
            facts.setdefault(path, []).append(item)
    paths = sorted({*reqs, *idx, *facts})
    files = {
        p: ManifestFile(
            path=p,
            kind=_kind(p),
            requirements=tuple(reqs.get(p, ())),
            indexes=tuple(idx.get(p, ())),
            facts=tuple(facts.get(p, ())),
        )
        for p in paths
    }
    return Snapshot(files=MappingProxyType(files))


def run(rule: Rule, snapshot: Snapshot, config: RepoConfig | None = None) -> list[Finding]:
    """The findings of one rule on a snapshot (default config, packaged KB)."""
    ctx = RuleContext(snapshot=snapshot, config=config or RepoConfig(), kb=load_kb())
    return list(rule.check(ctx))


def config(**data: object) -> RepoConfig:
    """A repo config from keyword data (`config(runners=[...], targets={...})`)."""
    return RepoConfig.model_validate(data)
