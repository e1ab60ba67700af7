"""Build a `Snapshot` from the dependency files of one ref: decode, parse, follow includes.

Includes (``-r``/``-c`` in requirements files and in a conda file's ``pip:`` list) are
followed inside `files` whatever the included file is named; so are the files a Dockerfile
or CI workflow installs (``pip install -r deps.txt``, or through ``make setup``: the
Makefile's target, `_make_links`), which stay environments of their own.
A YAML that no name rule selects is read as a conda environment when its content is one
(`registry.kind_by_content`). A root is a parsed file that
no other file includes (or, inside a cycle nobody else includes, the first path); an
included file's requirements, indexes and facts take the environment of the first root (in
path order) that reaches it, and each root reaching it is listed in its metadata as
``("root", path)``; `environment_requirements` gives every environment's full set. A file
a Dockerfile or CI job installs as is is a root first, even when included (its includers
hold its lines by `installed_together`). A file
reached only through ``-c`` is a constraints file. Include cycles are parse errors at the
include line; includes missing from `files` are warnings at the include line (the worker
can fetch `missing_includes` and build again). A dependency file the reader left out
(`Unread`: too large, over a file or byte limit) is a `file-not-read` finding: an error
when the change touches it (a review that cannot read a changed file must not pass), a
warning when the other side holds the same content. Never raises.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from rules.config import PLATFORMS
from rules.findings import Finding, Severity
from rules.manifests._make_links import link_make
from rules.manifests._setup_links import link_setup, local_project_envs
from rules.manifests._workflow_calls import link_workflow_calls
from rules.manifests.build_args import builds_by_dockerfile
from rules.manifests.dockerfile import link_config_files
from rules.manifests.errors import parse_error
from rules.manifests.file_cache import FileCache
from rules.manifests.model import (
    RUNNER_KINDS,
    Ecosystem,
    FileKind,
    Group,
    ManifestFile,
    Requirement,
    Snapshot,
    Span,
)
from rules.manifests.registry import kind_by_content, kind_for, parser_for
from rules.manifests.text import decode, split_lines
from rules.manifests.workflow import INSTALLED_TOGETHER
from rules.targets import Target, applies

#: Most files parsed into one snapshot.
MAX_FILES = 2_000
#: Most bytes (all files together) parsed into one snapshot.
MAX_TOTAL_BYTES = 64 * 1024 * 1024

_INCLUDING = (FileKind.REQUIREMENTS, FileKind.CONDA)
#: Files that install other files without making them part of their own environment: a
#: Dockerfile's `pip install -r` / `conda env create -f`, a CI workflow's `pip install -r`.
_REFERENCING = (FileKind.DOCKERFILE, *sorted(RUNNER_KINDS))


@dataclass(frozen=True, slots=True)
class Unread:
    """A dependency file the reader left out: why (``7340032 bytes, over the 5242880-byte
    limit``), what it holds (a git blob id or a content digest, comparable across the two
    sides of a change) and whether the other side holds something else (or nothing)."""

    reason: str
    identity: str
    changed: bool = True


def unread_files(
    skipped: Mapping[str, str], identities: Mapping[str, str], other: Mapping[str, str]
) -> dict[str, Unread]:
    """The `Unread` of each `skipped` path (path -> reason) of one side, given the content
    identities of that side's and of the other side's dependency files (read or not)."""
    found: dict[str, Unread] = {}
    for path, reason in skipped.items():
        identity = identities.get(path, "")
        changed = not identity or other.get(path) != identity
        found[path] = Unread(reason, identity, changed)
    return found


def with_unread(snapshot: Snapshot, unread: Mapping[str, Unread]) -> Snapshot:
    """`snapshot` with a `file-not-read` finding for each file its reader left out."""
    if not unread:
        return snapshot
    found = tuple(unread_finding(p, u) for p, u in sorted(unread.items()))
    return replace(snapshot, errors=(*found, *snapshot.errors))


def unread_finding(path: str, unread: Unread) -> Finding:
    """`file-not-read` for one left-out file (see `Unread`)."""
    if unread.changed:
        severity, tail = Severity.ERROR, "the change to it is not reviewed, so it cannot pass"
    else:
        severity, tail = Severity.WARNING, "it is the same on both sides of the change"
    return Finding(
        rule="file-not-read",
        category="parse-error",
        severity=severity,
        message=f"{path} was not read ({unread.reason}): {tail}.",
        file=path,
        line=1,
        column=1,
        fix="Keep dependency files under the limit (split a large file, or exclude it in "
        ".github/depreview.yml on the base branch if it is not a dependency file).",
        fingerprint=f"{path}:not-read:{unread.identity or unread.reason}",
    )


@dataclass
class _State:
    files: Mapping[str, str | bytes]
    paths: dict[str, str]
    manifests: dict[str, ManifestFile] = field(default_factory=dict)
    lines: dict[str, tuple[str, ...]] = field(default_factory=dict)
    errors: list[Finding] = field(default_factory=list)
    total: int = 0
    skipped: list[str] = field(default_factory=list)

    def line_text(self, span: Span) -> str | None:
        lines = self.lines.get(span.file, ())
        return lines[span.line - 1] if 0 < span.line <= len(lines) else None


def _norm(path: str) -> str:
    return posixpath.normpath(path.replace("\\", "/")).removeprefix("./")


#: Per-file parse results shared by every snapshot in this process (see `file_cache`).
PARSE_CACHE = FileCache()


def _parse_file(
    path: str, kind: FileKind, data: str | bytes
) -> tuple[ManifestFile | None, tuple[str, ...]]:
    """Decode and parse one file (pure): its manifest (None: no parser yet) and its lines."""
    text, findings = decode(path, data)
    if text is None:
        return ManifestFile(path, kind, errors=tuple(findings)), ()
    lines = tuple(split_lines(text))
    if kind == FileKind.CONFIG:
        return ManifestFile(path, kind, errors=tuple(findings), metadata=(("text", text),)), lines
    try:
        parser = parser_for(kind)
    except (ImportError, AttributeError, KeyError):
        return None, lines  # a parser not written yet: the file is left out
    try:
        manifest = parser.parse(path, text)
    except Exception as exc:  # parsers never raise; a bug here must not stop the review
        manifest = ManifestFile(
            path, kind, errors=(parse_error(path, 1, 1, f"internal parser error: {exc!r}"),)
        )
    if findings:
        manifest = replace(manifest, errors=(*findings, *manifest.errors))
    return manifest, lines


def _parse(state: _State, path: str, kind: FileKind) -> None:
    data = state.files[state.paths[path]]
    if len(state.manifests) >= MAX_FILES or state.total + len(data) > MAX_TOTAL_BYTES:
        state.skipped.append(path)
        return
    state.total += len(data)
    manifest, lines = PARSE_CACHE.get(path, kind.value, data, lambda: _parse_file(path, kind, data))
    if lines:
        state.lines[path] = lines
    if manifest is not None:
        state.manifests[path] = manifest


def _edges(manifest: ManifestFile) -> list[tuple[str, Span, bool]]:
    constraints = {value for key, value in manifest.metadata if key == "constraint-include"}
    return [
        (target, span, target in constraints)
        for target, span in zip(manifest.include_paths, manifest.includes, strict=False)
    ]


def referenced_path(
    manifest: ManifestFile, target: str, present: Mapping[str, object]
) -> str | None:
    """The repository path a Dockerfile or workflow install names: as written (relative to
    the repository root, the usual build context), else relative to the file's folder."""
    clean = _norm(target)
    if clean.startswith("/") or clean.startswith("../") or "${" in clean:
        return None
    beside = _norm(posixpath.join(posixpath.dirname(manifest.path), clean))
    for candidate in (clean, beside):
        if candidate in present:
            return candidate
    return None


def _follow_make(state: _State) -> None:
    """Replace the `make <target>` installs of Dockerfiles and workflows with the files the
    Makefile's target installs (`_make_links`); the Makefile itself is no manifest."""

    def read(path: str) -> str | None:
        original = state.paths.get(path)
        if original is None:
            return None
        text, _ = decode(path, state.files[original])
        return text

    state.manifests.update(link_workflow_calls(state.manifests, read))  # reusable workflows
    builds = builds_by_dockerfile(state.paths, read)  # compose, workflow, script build args
    for path in sorted(p for p, m in state.manifests.items() if m.kind in _REFERENCING):
        manifest = state.manifests[path]
        try:
            manifest = link_config_files(manifest, read, builds.get(path, ()))
        except Exception as exc:  # a second read (with build args) must not stop the review
            error = parse_error(path, 1, 1, f"internal parser error: {exc!r}")
            manifest = replace(manifest, errors=(*manifest.errors, error))
        state.manifests[path] = link_make(manifest, read)


def _follow_references(state: _State) -> None:
    """Parse the files that Dockerfiles and workflows install (and that setup.py / setup.cfg
    read as requirements), whatever they are named."""
    referencing = (*_REFERENCING, FileKind.SETUP_PY, FileKind.SETUP_CFG)
    for path in sorted(p for p, m in state.manifests.items() if m.kind in referencing):
        for target in state.manifests[path].include_paths:
            found = referenced_path(state.manifests[path], target, state.paths)
            if found is None or found in state.manifests or found in state.skipped:
                continue
            kind = FileKind.CONDA if found.lower().endswith((".yml", ".yaml")) else None
            if kind is None and found.lower().endswith((".txt", ".in")):
                kind = FileKind.REQUIREMENTS
            if kind is not None:
                _parse(state, found, kind)


def _follow_includes(state: _State) -> None:
    queue = sorted(p for p, m in state.manifests.items() if m.kind in _INCLUDING)
    seen_missing: set[tuple[str, int]] = set()
    while queue:
        path = queue.pop(0)
        for target, span, _ in _edges(state.manifests[path]):
            if target in state.manifests:
                continue
            if target in state.paths and target not in state.skipped:
                _parse(state, target, FileKind.REQUIREMENTS)
                if target in state.manifests:
                    queue.append(target)
            elif (path, span.line) not in seen_missing:
                seen_missing.add((path, span.line))
                finding = parse_error(
                    path,
                    span.line,
                    span.column,
                    f"included file {target} is not in this snapshot",
                    state.line_text(span),
                )
                state.errors.append(replace(finding, severity=Severity.WARNING))


def _cycles(state: _State) -> None:
    """Report each include edge that closes a cycle, at its include line."""
    graph = {
        path: [(t, s) for t, s, _ in _edges(m) if t in state.manifests]
        for path, m in state.manifests.items()
        if m.kind in _INCLUDING
    }
    color: dict[str, int] = {}
    for start in sorted(graph):
        if color.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        trail = [start]
        color[start] = 1
        while stack:
            node, index = stack[-1]
            edges = graph.get(node, [])
            if index >= len(edges):
                stack.pop()
                trail.pop()
                color[node] = 2
                continue
            stack[-1] = (node, index + 1)
            target, span = edges[index]
            if color.get(target) == 1:
                loop = [*trail[trail.index(target) :], target]
                state.errors.append(
                    parse_error(
                        node,
                        span.line,
                        span.column,
                        f"include cycle: {' -> '.join(loop)}",
                        state.line_text(span),
                    )
                )
            elif not color.get(target):
                color[target] = 1
                trail.append(target)
                stack.append((target, 0))


def _environments(state: _State) -> None:
    """Give included files their root's environment; mark files reached only by -c.

    A file that a Dockerfile, CI job or other runner installs as it is (``pip install -r
    requirements.txt``) is a root of its own even when another file includes it
    (``requirements-dev.txt``: ``-r requirements.txt``), and comes first: the runner's Python
    is that file's (blue-yonder/tsfresh 00ed316: the Python 3.6 job installs
    requirements.txt, which rdocs-requirements.txt includes). Its includers list it as
    installed together with them (`installed_together`)."""
    including = {p: m for p, m in state.manifests.items() if m.kind in _INCLUDING}
    targets = {t for m in including.values() for t, _, _ in _edges(m) if t != m.path}
    installed = {
        t for m in state.manifests.values() if m.kind in _REFERENCING for t in m.include_paths
    }
    roots_of: dict[str, list[str]] = {}
    as_requirement: set[str] = set()
    pending = sorted(p for p in including if p in targets and p in installed)
    pending += sorted(p for p in including if p not in targets)
    unreached = sorted(including)
    while pending or any(p not in roots_of for p in unreached):
        root = pending.pop(0) if pending else next(p for p in unreached if p not in roots_of)
        frontier = [(root, False)]
        visited: set[tuple[str, bool]] = set()
        while frontier:
            node, constraint = frontier.pop()
            if (node, constraint) in visited or node not in state.manifests:
                continue
            visited.add((node, constraint))
            roots_of.setdefault(node, [])
            if root not in roots_of[node]:
                roots_of[node].append(root)
            if not constraint:
                as_requirement.add(node)
            if node in including:
                for target, _, via_c in _edges(including[node]):
                    frontier.append((target, constraint or via_c))
    for path, roots in roots_of.items():
        manifest = state.manifests[path]
        if roots == [path]:
            continue
        environment = roots[0]
        only_constraint = path not in as_requirement
        state.manifests[path] = replace(
            manifest,
            requirements=tuple(
                _retarget(r, environment, only_constraint) for r in manifest.requirements
            ),
            indexes=tuple(replace(i, environment=environment) for i in manifest.indexes),
            facts=tuple(replace(f, environment=environment) for f in manifest.facts),
            metadata=(
                *manifest.metadata,
                *(("root", root) for root in roots if root != path),
                *((INSTALLED_WITH, root) for root in roots[1:] if environment == path),
            ),
        )


def _retarget(req: Requirement, environment: str, constraint: bool) -> Requirement:
    if req.environment != req.location.file:
        return req  # a pyproject group or similar keeps its own environment
    if constraint:
        return replace(
            req,
            environment=environment,
            is_constraint=True,
            group=Group.CONSTRAINT,
            group_name=None,
        )
    return replace(req, environment=environment)


def build_snapshot(files: Mapping[str, str | bytes], ref: str = "") -> Snapshot:
    """Parse every dependency file in `files` (path -> content) into one `Snapshot`."""
    paths: dict[str, str] = {}
    for original in files:
        paths.setdefault(_norm(original), original)
    state = _State(files=files, paths=paths)
    for path in sorted(paths):
        kind = kind_for(path) or kind_by_content(path, files[paths[path]])
        if kind is not None:
            _parse(state, path, kind)
    _follow_make(state)
    _follow_references(state)
    _follow_includes(state)
    _cycles(state)
    _environments(state)
    state.manifests.update(link_setup(state.manifests))  # setuptools projects (`_setup_links`)
    if state.skipped:
        first = state.skipped[0]
        state.errors.append(
            replace(
                parse_error(
                    first,
                    1,
                    1,
                    f"snapshot limit ({MAX_FILES} files, "
                    f"{MAX_TOTAL_BYTES} bytes) reached: {len(state.skipped)} files "
                    "not read",
                ),
                severity=Severity.WARNING,
            )
        )
    return Snapshot(
        files=MappingProxyType(dict(sorted(state.manifests.items()))),
        errors=tuple(state.errors),
        ref=ref,
    )


def missing_includes(snapshot: Snapshot, present: Collection[str] = ()) -> set[str]:
    """Included paths (inside the repository) that the snapshot did not have: neither parsed
    nor among the `present` file paths it was built from (a script or a pip.conf is read,
    not parsed). What a reader fetches before it builds the snapshot again."""
    missing: set[str] = set()
    for manifest in snapshot.files.values():
        for target in manifest.include_paths:
            if target in snapshot.files or target in present:
                continue
            if target.startswith(("../", "/")) or target == "..":
                continue
            if "${" not in target:
                missing.add(target)
    return missing


def environment_requirements(snapshot: Snapshot) -> dict[str, tuple[Requirement, ...]]:
    """Every environment (a root file, ``path#group``) and all requirements installed into it
    (a Dockerfile stage's by-name installs only: the `conflict` rule's environments, where one
    pip command must satisfy every line; `with_installed` adds the files a stage installs).
    A requirements or conda file that installs its folder's project (``-e .``, ``.[dev]``)
    holds the project's requirements too (`_setup_links.local_project_envs`): pip resolves
    them with the file's lines (healthonrails/annolid 32c32: setup.py's
    ``PyQtWebEngine==5.15.5`` against environment.yml's ``PyQtWebEngine==5.15.1``)."""
    found: dict[str, list[Requirement]] = {}
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        roots = [value for key, value in manifest.metadata if key == "root"]
        for req in manifest.requirements:
            for environment in dict.fromkeys([req.environment, *roots]):
                found.setdefault(environment, []).append(req)
    projects: dict[str, list[Requirement]] = {}
    for path in sorted(snapshot.files):  # `-e .` in a requirements or conda file
        manifest = snapshot.files[path]
        installs = local_project_envs(manifest, snapshot.files)
        if not installs:
            continue
        roots = [value for key, value in manifest.metadata if key == "root"]
        own = [r.environment for r in manifest.requirements if r.ecosystem == Ecosystem.PYPI]
        for environment in dict.fromkeys([*own, *roots] or [path]):
            for project in installs:
                projects.setdefault(environment, []).extend(found.get(project, ()))
    for environment, reqs in projects.items():
        held = found.setdefault(environment, [])
        present = {id(r) for r in held}
        for req in reqs:
            if id(req) not in present:
                present.add(id(req))
                held.append(req)
    return {environment: tuple(reqs) for environment, reqs in sorted(found.items())}


#: Most requirements the unions of one snapshot hold (`with_installed`): every rule judges each
#: union again, so 200 chained stages that each install a 2,000-line file would cost minutes.
MAX_UNION_REQUIREMENTS = 20_000
_LINUX = tuple(p for p in PLATFORMS if p.startswith("linux"))
_MINORS = tuple(f"3.{m}" for m in range(6, 15))


def _on_linux(marker: str | None) -> bool:
    """Whether a requirement with this marker is installed on Linux for some Python (an image
    is Linux, and so are the CI jobs read: a ``sys_platform == 'darwin'`` line of a file they
    install is not installed)."""
    return not marker or _marker_on_linux(marker)


@lru_cache(maxsize=4096)
def _marker_on_linux(marker: str) -> bool:
    return any(applies(marker, Target(py, p)) for p in _LINUX for py in _MINORS)


def memo(snapshot: Snapshot) -> dict[str, Any]:
    """Values worked out once per snapshot (a snapshot never changes: its files are read-only),
    kept on the snapshot itself so that they go with it."""
    found: dict[str, Any] = snapshot.__dict__.setdefault("_memo", {})
    return found


def installed_together(snapshot: Snapshot) -> Mapping[str, tuple[str, ...]]:
    """`_installed_together`, worked out once per snapshot (rules ask for it per environment)."""
    cached = memo(snapshot)
    if "installed_together" not in cached:
        cached["installed_together"] = MappingProxyType(_installed_together(snapshot))
    together: Mapping[str, tuple[str, ...]] = cached["installed_together"]
    return together


#: Metadata of a file a runner installs as is while another file includes it: the includer,
#: whose environment holds the file's requirements too (`_environments`).
INSTALLED_WITH = "installed-with"


def _installed_together(snapshot: Snapshot) -> dict[str, tuple[str, ...]]:
    """What each Dockerfile stage (and CI workflow job: `workflow.INSTALLED_TOGETHER`)
    installs into itself, in order: the stage it is built
    ``FROM`` (its environment, with all that one holds), then the files its ``pip install -r``
    / ``conda env create -f`` lines install (``requirements.txt``, ``pyproject.toml``) and the
    extras of ``pip install '.[a]'`` (``pyproject.toml#a``), by the stage's environment. A
    venv or other Python inside a stage starts empty (it is not built FROM the stage)."""
    together: dict[str, tuple[str, ...]] = {}
    for path in sorted(snapshot.files):
        for key, includer in snapshot.files[path].metadata:
            if key == INSTALLED_WITH:  # `-r requirements.txt`, a file of its own
                together[includer] = (*together.get(includer, ()), path)
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind in RUNNER_KINDS:
            jobs: dict[str, list[str]] = {}
            for key, value in manifest.metadata:
                if key == INSTALLED_TOGETHER:
                    env, _, file = value.partition("\n")
                    jobs.setdefault(env, []).append(file)
            together.update((env, tuple(dict.fromkeys(files))) for env, files in jobs.items())
        if manifest.kind != FileKind.DOCKERFILE:
            continue
        labels = {stage.label for stage in manifest.stages}
        for stage in manifest.stages:
            parent = stage.parent if stage.within is None and stage.parent in labels else None
            installed = tuple(
                dict.fromkeys((*([parent] if parent else []), *stage.installs, *stage.extras))
            )
            if installed:
                together[stage.label] = installed
    return together


def with_installed(
    snapshot: Snapshot, grouped: Mapping[str, list[Requirement]]
) -> dict[str, list[Requirement]]:
    """`grouped` (requirements by environment) where each Dockerfile stage or CI job that
    installs two or more sources (its parent stage, files, packages by name) holds what the
    image ends up with: the requirements of each source in install order, a later source's line on a
    project replacing an earlier source's (``pip install -r b.txt`` after ``-r a.txt``
    reinstalls what both name; packages by name count last). The files stay environments of
    their own; lines whose marker excludes Linux are not installed into an image. Bounded:
    once the unions hold `MAX_UNION_REQUIREMENTS`, later stages and jobs keep their own."""
    out = {env: list(reqs) for env, reqs in grouped.items()}
    holds: dict[str, list[Requirement]] = {}  # what each stage ends up with (parents first)
    budget = MAX_UNION_REQUIREMENTS
    for env, installed in installed_together(snapshot).items():
        sources = [held for p in installed if (held := holds.get(p, grouped.get(p)))]
        own = grouped.get(env, [])
        if len(sources) + (1 if own else 0) < 2:
            holds[env] = [r for r in (sources[0] if sources else own) if _on_linux(r.marker)]
            continue
        merged: list[Requirement] = []
        for source in [*sources, own]:
            kept = [r for r in source if _on_linux(r.marker)]
            names = {r.name for r in kept if not r.is_constraint}
            merged = [r for r in merged if r.name not in names or r.is_constraint]
            present = {id(r) for r in merged}
            merged.extend(r for r in kept if id(r) not in present)
        holds[env] = merged
        budget -= len(merged)
        if budget >= 0:  # past the bound, a stage or job keeps its own installs only
            out[env] = merged
    return out
