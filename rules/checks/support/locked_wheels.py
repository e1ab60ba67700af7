"""Locked releases that have no file for the Python that installs the lock.

A uv.lock or poetry.lock is made for the project's whole Python range, but uv and Poetry only
check that each locked release has *some* file: a transitive release whose wheels stop one
Python short, and which has no sdist, locks fine and fails where a Dockerfile stage or a CI
job installs the lock on that Python. mozilla-ai/otari a83442ab: markitdown → magika →
onnxruntime 1.20.1 (wheels cp310–cp313, no sdist) in uv.lock, installed by ``uv sync
--frozen`` on ``python:3.14-slim``.

Judged: the Pythons the places that install the lock's project name exactly (a Dockerfile
stage, a CI job; not requires-python ranges), each locked PyPI release the KB's wheel table
records that the project's runtime dependencies reach through the lock (a release only an
extra or a dev group pulls in may not be installed there: open-reaction-database/ord-schema
locks tensorflow for its `examples` extra only), when the lock holds that one release of the
project (a lock that forks by Python holds several: not judged).
"""

from __future__ import annotations

from collections.abc import Iterator

from packaging.utils import canonicalize_name

from rules.checks.base import Rule
from rules.checks.support.evidence import python_decls
from rules.checks.support.fixes import finding_at
from rules.checks.support.packages import sibling
from rules.findings import Finding
from rules.kb.wheels import WheelTable
from rules.manifests.model import Ecosystem, FileKind, Group, ManifestFile, Snapshot

_LOCKS = (FileKind.UV_LOCK, FileKind.POETRY_LOCK)
#: How a Python is known from a place that installs the project (not a declared range).
_SITES = frozenset({"image", "apt", "os-default", "env", "interpreter", "installer", "workflow"})


def _runtime_closure(snapshot: Snapshot, project: str, lock: ManifestFile) -> set[str]:
    """The locked projects the pyproject's runtime requirements (no marker) reach through the
    lock's dependency lists."""
    by_name: dict[str, list[str]] = {}
    for pin in lock.pins:
        by_name.setdefault(pin.name, []).extend(pin.dependencies)
    todo = [
        str(canonicalize_name(r.name))
        for r in snapshot.files[project].requirements
        if r.group is Group.RUNTIME and r.environment == project and not r.marker
    ]
    reached: set[str] = set()
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.add(name)
        todo.extend(str(canonicalize_name(d)) for d in by_name.get(name, ()))
    return reached


def locked_wheel_findings(rule: Rule, snapshot: Snapshot, wheels: WheelTable) -> Iterator[Finding]:
    """One error per locked release without a wheel (or sdist) for an installing Python."""
    for path in sorted(snapshot.files):
        lock = snapshot.files[path]
        if lock.kind not in _LOCKS:
            continue
        project = sibling(lock.path, "pyproject.toml")
        if project not in snapshot.files:
            continue
        decls = [d for d in python_decls(snapshot, project) if d.exact and d.how in _SITES]
        if not decls:
            continue
        counts: dict[str, int] = {}
        for pin in lock.pins:
            counts[pin.name] = counts.get(pin.name, 0) + 1
        reached = _runtime_closure(snapshot, project, lock)
        for pin in lock.pins:
            if pin.ecosystem is not Ecosystem.PYPI or counts[pin.name] > 1:
                continue
            if pin.name not in reached:
                continue
            row = wheels.release(pin.name, pin.version)
            if row is None or row.sdist:
                continue
            for decl in decls:
                minor = decl.minors[0]
                if not row.admits(minor) or row.covers(minor):
                    continue
                shown = ", ".join(sorted(row.pythons(wheels.pythons_seen))) or "none"
                where = f"{decl.file}:{decl.line}" if decl.file and decl.line else decl.file
                yield finding_at(
                    rule,
                    f"{lock.path} locks {pin.name} {pin.version}, which has Linux x86_64 "
                    f"wheels for Python {shown} only and no sdist, but {where} installs the "
                    f"project on Python {minor} ({decl.text}): the install stops with no "
                    f"distribution of {pin.name} {pin.version} for it.",
                    pin.location,
                    package=pin.name,
                    fix=(
                        f"Lock a {pin.name} release with a cp{minor.replace('.', '')} wheel "
                        f"(`uv lock --upgrade-package {pin.name}`), or install on a Python "
                        f"it has wheels for."
                    ),
                    evidence=(f"{pin.name} {pin.version}: {row.source}", decl.text),
                    fingerprint=f"locked-wheel:{lock.path}:{pin.name}:{minor}",
                )
                break
