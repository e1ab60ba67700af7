"""What a universal uv.lock installs for one target: walk the graph from the root, markers on."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from packaging.utils import canonicalize_name

from worker.resolve.model import ResolveTarget
from worker.resolve.pipcheck import marker_applies


@dataclass
class Installed:
    """Pins, who required each, and each pin's wheel locations (paths or URLs)."""

    pins: dict[str, str] = field(default_factory=dict)
    via: dict[str, list[str]] = field(default_factory=dict)
    wheels: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _is_root(entry: Mapping[str, Any]) -> bool:
    source = entry.get("source")
    return isinstance(source, Mapping) and source.get("virtual") == "."


def _applies(entry: Mapping[str, Any], target: ResolveTarget) -> bool:
    markers = entry.get("resolution-markers")
    if not isinstance(markers, list) or not markers:
        return True
    return any(marker_applies(str(m), target) for m in markers)


def _wheels(entry: Mapping[str, Any]) -> tuple[str, ...]:
    found = []
    for wheel in entry.get("wheels") or []:
        if isinstance(wheel, Mapping):
            where = wheel.get("path") or wheel.get("url")
            if isinstance(where, str):
                found.append(where)
    return tuple(found)


def installed(lock_text: str, target: ResolveTarget, group: str | None) -> Installed:
    """The packages `uv sync` (with `group`, when given) would install on `target`."""
    data = tomllib.loads(lock_text)
    entries = [e for e in data.get("package", []) if isinstance(e, Mapping) and "name" in e]
    by_name: dict[str, list[Mapping[str, Any]]] = {}
    for entry in entries:
        by_name.setdefault(canonicalize_name(str(entry["name"])), []).append(entry)
    root = next((e for e in entries if _is_root(e)), None)
    out = Installed()
    if root is None:
        return out
    root_name = canonicalize_name(str(root["name"]))
    edges: list[tuple[str, Mapping[str, Any]]] = [
        (root_name, dep) for dep in root.get("dependencies") or [] if isinstance(dep, Mapping)
    ]
    if group is not None:
        groups = root.get("dev-dependencies") or {}
        for name, deps in groups.items() if isinstance(groups, Mapping) else ():
            if canonicalize_name(str(name)) == canonicalize_name(group):
                edges += [(f"{root_name}:{group}", d) for d in deps if isinstance(d, Mapping)]
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    while edges:
        parent, dep = edges.pop(0)
        if not marker_applies(dep.get("marker"), target):
            continue
        name = canonicalize_name(str(dep.get("name", "")))
        candidates = [
            e
            for e in by_name.get(name, [])
            if dep.get("version") in (None, e.get("version")) and not _is_root(e)
        ]
        chosen = next((e for e in candidates if _applies(e, target)), None)
        if chosen is None:
            continue
        version = str(chosen.get("version", ""))
        out.pins.setdefault(name, version)
        vias = out.via.setdefault(name, [])
        if parent not in vias:
            vias.append(parent)
        out.wheels.setdefault(name, _wheels(chosen))
        extras = tuple(str(x) for x in dep.get("extra") or [])
        key = (name, version, extras)
        if key in seen:
            continue
        seen.add(key)
        children = list(chosen.get("dependencies") or [])
        optional = chosen.get("optional-dependencies") or {}
        for extra in extras:
            children += optional.get(extra, []) if isinstance(optional, Mapping) else []
        edges += [(name, child) for child in children if isinstance(child, Mapping)]
    return out
