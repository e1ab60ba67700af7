"""Lock files: in sync with pyproject.toml, and their pins as the head resolution."""

from __future__ import annotations

import re
import shutil
import tempfile
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from packaging.utils import canonicalize_name

from rules.checks.lock_sync import LOCK_KINDS, out_of_sync, static_lock_findings
from rules.checks.support.packages import sibling
from rules.findings import Finding
from rules.manifests.model import Ecosystem, FileKind, ManifestFile, Snapshot
from rules.manifests.poetry_constraints import poetry_to_pep440
from worker.resolve import uv
from worker.resolve.model import Resolution, ResolveTarget
from worker.resolve.pipcheck import marker_applies

#: The PyPI lock files whose pins stand for the head resolution (conda locks are not read
#: here; rules.checks.support.packages.LOCK_KINDS is every lock kind).
PYPI_LOCK_KINDS = (FileKind.POETRY_LOCK, FileKind.UV_LOCK, FileKind.PYLOCK)
#: `uv lock --check --offline` output meaning "the lock does not match": either uv says so, or it
#: had to resolve again (it only resolves when the lock no longer satisfies the pyproject).
_NEEDS_UPDATE = re.compile(
    r"needs to be updated|out of date|does not satisfy|network was disabled|not found in the cache"
    r"|No solution found when resolving",
    re.IGNORECASE,
)


def _locks(snapshot: Snapshot) -> list[ManifestFile]:
    return [m for _, m in sorted(snapshot.files.items()) if m.kind in PYPI_LOCK_KINDS]


def lock_environment(snapshot: Snapshot, lock: ManifestFile) -> str:
    """The environment a lock installs: its pyproject.toml when present, else the lock."""
    pyproject = sibling(lock.path, "pyproject.toml")
    return pyproject if pyproject in snapshot.files else lock.path


def _requires_by_package(
    text: str, requires: Callable[[dict[str, Any]], list[str]]
) -> dict[str, tuple[str, ...]]:
    """`requires(entry)` for each named `[[package]]` of a TOML lock ({} when not TOML)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for entry in data.get("package", []):
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            out[canonicalize_name(entry["name"])] = tuple(requires(entry))
    return out


def poetry_requires(text: str) -> dict[str, tuple[str, ...]]:
    """Each poetry.lock package's dependencies as PEP 508 strings (constraints and markers)."""
    return _requires_by_package(text, _poetry_requires)


def _poetry_requires(entry: dict[str, Any]) -> list[str]:
    reqs = []
    for name, spec in (entry.get("dependencies") or {}).items():
        for item in spec if isinstance(spec, list) else [spec]:
            reqs.extend(_poetry_dependency(str(name), item))
    return reqs


def _poetry_dependency(name: str, item: Any) -> list[str]:
    if isinstance(item, str):
        constraint, marker, optional = item, None, False
    elif isinstance(item, dict):
        constraint = str(item.get("version", "*"))
        marker = item.get("markers")
        optional = bool(item.get("optional", False))
        if "url" in item or "path" in item or "git" in item:
            return []
    else:
        return []
    spec = poetry_to_pep440(constraint)
    if spec is None or optional:
        return []
    return [f"{name}{spec}" + (f" ; {marker}" if marker else "")]


def uv_requires(text: str) -> dict[str, tuple[str, ...]]:
    """Each uv.lock package's dependencies as PEP 508 names with markers (uv records no ranges)."""
    return _requires_by_package(text, _uv_requires)


def _uv_requires(entry: dict[str, Any]) -> list[str]:
    reqs = []
    for dep in entry.get("dependencies") or []:
        if isinstance(dep, dict) and isinstance(dep.get("name"), str):
            marker = dep.get("marker")
            reqs.append(dep["name"] + (f" ; {marker}" if marker else ""))
    return reqs


def lock_resolutions(
    snapshot: Snapshot,
    targets: Sequence[ResolveTarget] | Callable[[str], Sequence[ResolveTarget]],
    *,
    texts: Mapping[str, str] | None = None,
) -> list[Resolution]:
    """The locked versions of each lock file, per target (or per the targets of the lock's
    environment, when `targets` is a function of it), as resolutions."""
    resolutions = []
    for lock in _locks(snapshot):
        text = (texts or {}).get(lock.path)
        requires: dict[str, tuple[str, ...]] = {}
        if text is not None and lock.kind is FileKind.POETRY_LOCK:
            requires = poetry_requires(text)
        elif text is not None and lock.kind is FileKind.UV_LOCK:
            requires = uv_requires(text)
        env = lock_environment(snapshot, lock)
        for target in targets(env) if callable(targets) else targets:
            pins: dict[str, str] = {}
            lines: dict[str, int] = {}
            for pin in lock.pins:
                if pin.ecosystem is not Ecosystem.PYPI or not marker_applies(pin.marker, target):
                    continue
                pins.setdefault(pin.name, pin.version)
                lines.setdefault(pin.name, pin.location.line)
            resolutions.append(
                Resolution(
                    target,
                    env,
                    pins,
                    ok=True,
                    source=lock.path,
                    requires={k: v for k, v in requires.items() if k in pins},
                    lines=lines,
                )
            )
    return resolutions


def uv_lock_check(
    lock: ManifestFile, texts: Mapping[str, str], *, cache_dir: Path | None, timeout_s: float
) -> Finding | None:
    """`uv lock --check --offline` on a copy of pyproject.toml and uv.lock (nothing is built)."""
    pyproject_text = texts.get(sibling(lock.path, "pyproject.toml"))
    lock_text = texts.get(lock.path)
    if pyproject_text is None or lock_text is None:
        return None
    work = Path(tempfile.mkdtemp(prefix="depreview-lock-"))
    try:
        (work / "pyproject.toml").write_text(pyproject_text, encoding="utf-8")
        (work / "uv.lock").write_text(lock_text, encoding="utf-8")
        args = [
            "lock",
            "--check",
            "--offline",
            "--no-build",
            "--no-config",
            "--cache-dir",
            str(cache_dir or work / "cache"),
        ]
        run = uv.run_uv(args, cwd=work, timeout_s=timeout_s)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if run.ok or not _NEEDS_UPDATE.search(run.stderr):
        return None
    lines = [line.strip() for line in run.stderr.splitlines() if line.strip()]
    return out_of_sync(
        lock, f"{lock.path} is out of date with pyproject.toml (`uv lock --check`).", None, lines
    )


def lock_findings(
    snapshot: Snapshot,
    *,
    texts: Mapping[str, str] | None,
    cache_dir: Path | None = None,
    timeout_s: float = 120.0,
) -> list[Finding]:
    """`lock-out-of-sync` findings for each poetry.lock / uv.lock of the snapshot: the static
    readings (`rules.checks.lock_sync`, the same findings the static rule gives), and for a
    uv.lock they leave unjudged, `uv lock --check`."""
    findings: list[Finding] = []
    for lock in _locks(snapshot):
        if lock.kind not in LOCK_KINDS:
            continue
        static = static_lock_findings(snapshot, lock)
        findings.extend(static)
        if texts is not None and lock.kind is FileKind.UV_LOCK and not static:
            exact = uv_lock_check(lock, texts, cache_dir=cache_dir, timeout_s=timeout_s)
            if exact is not None:
                findings.append(exact)
    return findings
