"""Resolve a uv project the way `uv lock` does: a virtual copy of its pyproject, locked by uv."""

from __future__ import annotations

import json
import shutil
import tempfile
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.utils import canonicalize_name

from rules.manifests.model import IndexKind, Requirement
from worker.resolve import uv
from worker.resolve.inputs import ResolutionInput, requirement_line
from worker.resolve.model import ResolveTarget

#: [tool.uv] settings copied into the virtual project (they change what uv picks).
_KEPT_SETTINGS = ("index-strategy", "prerelease", "resolution", "fork-strategy")
#: uv's answer when no interpreter satisfies the project's requires-python.
NO_INTERPRETER = "No interpreter found"


@dataclass(frozen=True)
class Project:
    """The virtual pyproject to lock, the group it installs with its runtime, what was dropped."""

    text: str
    group: str | None
    skipped: tuple[Requirement, ...]


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        pairs = (f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + ", ".join(pairs) + " }"
    raise TypeError(f"no TOML form for {value!r}")


def _table(name: str, values: Mapping[str, Any]) -> list[str]:
    lines = [f"[{name}]"]
    lines += [f"{json.dumps(key)} = {_toml_value(value)}" for key, value in values.items()]
    return [*lines, ""]


def _root(environment: str) -> tuple[str, str | None]:
    path, _, group = environment.partition("#")
    return path, group or None


def requires_python(data: Mapping[str, Any], targets: Sequence[ResolveTarget]) -> str:
    """The project's requires-python, else `>=X.Y` of the lowest target (uv's own default)."""
    declared = data.get("project", {}).get("requires-python")
    if isinstance(declared, str) and declared.strip():
        return declared
    lowest = min(targets, key=lambda t: tuple(int(p) for p in t.python.split(".") if p.isdigit()))
    return ">=" + ".".join(lowest.python.split(".")[:2])


def _sources(data: Mapping[str, Any], group: str | None, index_names: set[str]) -> dict[str, Any]:
    """[tool.uv.sources] entries that tie a package to a declared index (no git, path, url)."""
    raw = data.get("tool", {}).get("uv", {}).get("sources", {})
    kept: dict[str, Any] = {}
    for name, source in raw.items() if isinstance(raw, Mapping) else ():
        entries = []
        for entry in source if isinstance(source, list) else [source]:
            if not isinstance(entry, Mapping) or entry.get("index") not in index_names:
                continue
            condition = entry.get("group", entry.get("extra"))
            if condition is not None and (
                group is None or canonicalize_name(str(condition)) != canonicalize_name(group)
            ):
                continue
            clean: dict[str, Any] = {"index": str(entry["index"])}
            if condition is not None:
                clean["group"] = group
            if isinstance(entry.get("marker"), str):
                clean["marker"] = entry["marker"]
            entries.append(clean)
        if entries:
            kept[str(name)] = entries[0] if len(entries) == 1 else entries
    return kept


def virtual_project(
    inp: ResolutionInput,
    text: str,
    targets: Sequence[ResolveTarget],
    *,
    default_index_url: str | None = None,
) -> Project:
    """A pyproject uv locks without building anything: `package = false`, the environment's
    requirements (runtime, plus its group or extra as a dependency group), indexes and
    index sources; git, path and URL sources and `[build-system]` are left out."""
    data = tomllib.loads(text)
    path, group = _root(inp.environment)
    runtime, members, skipped = [], [], []
    for req in inp.requirements:
        line = requirement_line(req)
        if line is None:
            skipped.append(req)
        elif req.environment == path or not req.environment:
            runtime.append(line)
        else:
            members.append(line)
    project_name = data.get("project", {}).get("name")
    project: dict[str, Any] = {
        "name": project_name if isinstance(project_name, str) and project_name else "project",
        "version": "0",
        "requires-python": requires_python(data, targets),
        "dependencies": runtime,
    }
    lines = _table("project", project)
    if group is not None:
        lines += _table("dependency-groups", {group: members})
    tool_uv: dict[str, Any] = {"package": False}
    settings = data.get("tool", {}).get("uv", {})
    for key in _KEPT_SETTINGS:
        if isinstance(settings.get(key), str):
            tool_uv[key] = settings[key]
    for kind, key in (
        ("constraint", "constraint-dependencies"),
        ("override", "override-dependencies"),
    ):
        chosen = [
            line
            for req in inp.constraints
            if (req.group_name or "constraint") == kind and (line := requirement_line(req))
        ]
        if chosen:
            tool_uv[key] = chosen
    lines += _table("tool.uv", tool_uv)
    index_names: set[str] = set()
    has_default = False
    for position, index in enumerate(inp.indexes):
        if index.kind is IndexKind.CONDA_CHANNEL:
            continue
        name = index.name or f"index-{position}"
        entry: dict[str, Any] = {"name": name, "url": index.url}
        if index.kind is IndexKind.FIND_LINKS:
            entry["format"] = "flat"
        if index.kind is IndexKind.INDEX_URL or index.default:
            if has_default:
                continue
            entry["default"] = has_default = True
        if index.explicit:
            entry["explicit"] = True
        index_names.add(name)
        lines += ["[[tool.uv.index]]", *(f"{k} = {_toml_value(v)}" for k, v in entry.items()), ""]
    if default_index_url and not has_default:
        url = _toml_value(default_index_url)
        lines += ["[[tool.uv.index]]", 'name = "default"', f"url = {url}", "default = true", ""]
    sources = _sources(data, group, index_names)
    if sources:
        lines += _table("tool.uv.sources", sources)
    return Project("\n".join(lines) + "\n", group, tuple(skipped))


def lock(
    project: Project,
    settings: uv.UvSettings,
    *,
    lock_text: str | None,
    find_links: Sequence[Path] = (),
) -> tuple[uv.UvRun, str | None]:
    """`uv lock --no-build` of the virtual project (the repo's uv.lock as preferences) under
    `settings`; `find_links`: local folders of depreview's own (`standins`)."""
    with tempfile.TemporaryDirectory(prefix="depreview-uvlock-") as tmp:
        work = Path(tmp) / "project"
        work.mkdir()
        (work / "pyproject.toml").write_text(project.text, encoding="utf-8")
        if lock_text is not None:
            (work / "uv.lock").write_text(lock_text, encoding="utf-8")
        args = ["lock", "--no-build", "--cache-dir", str(settings.cache_dir or Path(tmp) / "cache")]
        for folder in find_links:
            args += ["--find-links", str(folder)]
        if settings.offline:
            args.append("--offline")
        run = settings.run(args, work, project_config=True)
        out = work / "uv.lock"
        text = out.read_text(encoding="utf-8") if run.ok and out.exists() else None
        shutil.rmtree(work, ignore_errors=True)
    return run, text
