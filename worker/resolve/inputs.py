"""What to resolve: one input per installed environment, built from a snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from packaging.utils import canonicalize_name

from rules.checks.support.indexes import declared_indexes, indexes_for
from rules.checks.support.packages import sibling
from rules.manifests.model import (
    Ecosystem,
    FileKind,
    Group,
    Index,
    IndexKind,
    Requirement,
    Snapshot,
)


class Mode(StrEnum):
    """Which installer's semantics an environment gets."""

    PIP = "pip"
    UV = "uv"
    POETRY = "poetry"
    CONDA = "conda"


@dataclass(frozen=True)
class ResolutionInput:
    """One environment to resolve: its PyPI requirements, constraints, indexes, conda part."""

    environment: str
    mode: Mode
    requirements: tuple[Requirement, ...] = ()
    constraints: tuple[Requirement, ...] = ()
    indexes: tuple[Index, ...] = ()
    conda_requirements: tuple[Requirement, ...] = ()
    channels: tuple[Index, ...] = ()

    @property
    def index_strategy(self) -> str:
        """pip considers every index; uv projects stop at the first index that has a package."""
        return "first-index" if self.mode is Mode.UV else "unsafe-best-match"

    def declared(self) -> tuple[Requirement, ...]:
        """Every requirement and constraint of the environment."""
        return self.requirements + self.constraints + self.conda_requirements


def requirement_line(req: Requirement) -> str | None:
    """A PEP 508 line for uv, or None when resolving it would need a local path or a build."""
    extras = f"[{','.join(req.extras)}]" if req.extras else ""
    if req.url:
        if not req.url.startswith(("http://", "https://", "file://")):
            return None
        if not req.url.split("#", 1)[0].endswith(".whl"):
            return None
        body = f"{req.name}{extras} @ {req.url}"
        return f"{body} ; {req.marker}" if req.marker else body
    line = f"{req.name}{extras}{req.specifier}"
    return f"{line} ; {req.marker}" if req.marker else line


def _mode(snapshot: Snapshot, root: str, indexes: tuple[Index, ...]) -> Mode:
    manifest = snapshot.files.get(root)
    if manifest is not None and manifest.kind is FileKind.CONDA:
        return Mode.CONDA
    if manifest is not None and manifest.kind is FileKind.PYPROJECT:
        kinds = {index.kind for index in indexes}
        if IndexKind.UV_INDEX in kinds or sibling(root, "uv.lock") in snapshot.files:
            return Mode.UV
        if IndexKind.POETRY_SOURCE in kinds or sibling(root, "poetry.lock") in snapshot.files:
            return Mode.POETRY
    return Mode.PIP


def inputs_for(snapshot: Snapshot) -> list[ResolutionInput]:
    """One input per environment with something to install.

    A ``path#group`` environment (a PEP 735 group, a Poetry group, an extra) installs the
    group together with ``path``'s runtime, as the rules' environment model says.
    """
    by_env: dict[str, list[Requirement]] = {}
    for req in snapshot.requirements():
        if req.group is Group.BUILD:
            continue  # build requirements go into an isolated build environment, never built here
        env = req.environment or req.location.file
        by_env.setdefault(env, []).append(req)
    inputs = []
    for env in sorted(by_env):
        root, _, group = env.partition("#")
        manifest = snapshot.files.get(root)
        # a Dockerfile's `path#...` is a stage or a venv of its own, not a group on `path`
        own = manifest is not None and manifest.kind is FileKind.DOCKERFILE
        reqs = [*by_env.get(root, ()), *by_env[env]] if group and not own else by_env[env]
        envs = (env,) if own else (env, root)
        files = {req.location.file for req in reqs} | {env, root}
        declared = [
            index
            for index in declared_indexes(snapshot)
            if index.environment in envs or (not index.environment and index.location.file in files)
        ]
        # and the indexes of the commands that install it (a Dockerfile's `pip install -r
        # requirements.txt --extra-index-url …`, its stage's PIP_FIND_LINKS): what the rules
        # say serves the environment
        installing = [i for e in envs for i in indexes_for(snapshot, e)]
        all_indexes = tuple(dict.fromkeys([*declared, *installing]))
        channels = tuple(i for i in all_indexes if i.kind is IndexKind.CONDA_CHANNEL)
        indexes = tuple(i for i in all_indexes if i.kind is not IndexKind.CONDA_CHANNEL)
        pypi = [r for r in reqs if r.ecosystem is Ecosystem.PYPI and r.name != "python"]
        conda = tuple(r for r in reqs if r.ecosystem is Ecosystem.CONDA)
        plain = tuple(r for r in pypi if not r.is_constraint)
        if not plain and not conda:
            continue
        if group and not any(not r.is_constraint for r in by_env[env]):
            continue
        inputs.append(
            ResolutionInput(
                environment=env,
                mode=_mode(snapshot, root, indexes),
                requirements=plain,
                constraints=tuple(r for r in pypi if r.is_constraint),
                indexes=indexes,
                conda_requirements=conda,
                channels=channels,
            )
        )
    return inputs


def select(inputs: list[ResolutionInput], limit: int) -> tuple[list[ResolutionInput], list[str]]:
    """At most `limit` inputs, runtime environments first, a CI workflow job's by-name
    installs (``.github/workflows/ci.yml#job``) last; and the environments left out."""
    ordered = sorted(
        inputs,
        key=lambda inp: (
            "#" in inp.environment,
            inp.environment.startswith(".github/workflows/"),
            inp.environment,
        ),
    )
    return ordered[:limit], [inp.environment for inp in ordered[limit:]]


def touched_names(base: ResolutionInput | None, head: ResolutionInput) -> set[str]:
    """Packages whose declaration the change added, removed or edited in this environment."""

    def shape(inp: ResolutionInput | None) -> dict[str, set[tuple[object, ...]]]:
        out: dict[str, set[tuple[object, ...]]] = {}
        for req in inp.declared() if inp else ():
            key = canonicalize_name(req.name) if req.ecosystem is Ecosystem.PYPI else req.name
            out.setdefault(key, set()).add(
                (req.specifier, req.extras, req.marker, req.url, req.is_constraint, req.index)
            )
        return out

    before, after = shape(base), shape(head)
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
