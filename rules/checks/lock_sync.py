"""lock-out-of-sync: a poetry.lock / uv.lock that was not made from the pyproject beside it.

``poetry install`` and ``uv sync --locked`` refuse such a lock ("pyproject.toml changed
significantly since poetry.lock was last generated. Run `poetry lock` to fix the lock file";
"The lockfile at `uv.lock` needs to be updated"). Three readings, all of the files as they are:

- Poetry: the lock's ``content-hash`` against the hash Poetry computes from the pyproject's
  dependency sections (`rules.manifests.poetry_hash`, Poetry's `Locker` reproduced; locks from
  before Poetry 2.3 hashed no dependency groups);
- uv: the requirements the lock recorded for the root project (``[package.metadata]
  requires-dist``: names and the extra each belongs to) against the pyproject's dependencies
  and optional dependencies (a name added, dropped or moved to another extra), and the lock's
  ``requires-python`` against the pyproject's (a project range that leaves out a Python the
  lock's admits), and ``[tool.uv]``'s resolution and prerelease modes against the lock's
  ``[options]``;
- both: a declared requirement no locked version satisfies.

The resolver's `uv lock --check` (worker.resolve.locks) also sees specifier and marker changes
these readings leave alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.evidence import admitted
from rules.checks.support.packages import sibling
from rules.findings import Finding, Severity
from rules.manifests.locks import ROOT_REQUIRES, UV_MODES, UV_OPTION
from rules.manifests.model import Ecosystem, FactKind, FileKind, Group, ManifestFile, Snapshot
from rules.manifests.pyproject import POETRY_HASH, POETRY_HASH_BEFORE_2_3, UV_SETTING

#: Locks read here (pylock.toml and conda locks record no manifest to compare with).
LOCK_KINDS = (FileKind.POETRY_LOCK, FileKind.UV_LOCK)


def out_of_sync(
    lock: ManifestFile,
    message: str,
    line: int | None,
    evidence: Sequence[str],
    package: str | None = None,
) -> Finding:
    """A `lock-out-of-sync` error at `lock` (the resolver's `uv lock --check` mints it too)."""
    tool = "poetry lock" if lock.kind is FileKind.POETRY_LOCK else "uv lock"
    return Finding(
        rule="lock-out-of-sync",
        category="lock-out-of-sync",
        severity=Severity.ERROR,
        message=message,
        file=lock.path,
        line=line,
        package=package,
        fix=f"Run `{tool}` and commit the updated {lock.path.rpartition('/')[2]}.",
        evidence=tuple(evidence),
        fingerprint=f"lock-out-of-sync:{lock.path}:{package or ''}",
    )


def _any_satisfies(specifier: str, versions: Sequence[str]) -> bool:
    try:
        spec = SpecifierSet(specifier)
    except InvalidSpecifier:
        return True
    for version in versions:
        try:
            if spec.contains(Version(version), prereleases=True):
                return True
        except InvalidVersion:
            return True
    return False


def declared_vs_locked(snapshot: Snapshot, lock: ManifestFile) -> list[Finding]:
    """Declared requirements of the pyproject that no locked version satisfies."""
    manifest = snapshot.files.get(sibling(lock.path, "pyproject.toml"))
    if manifest is None:
        return []
    locked: dict[str, list[str]] = {}
    for pin in lock.pins:
        locked.setdefault(pin.name, []).append(pin.version)
    findings = []
    own = {str(canonicalize_name(n)) for n in _meta(manifest, "name")}
    for req in manifest.requirements:
        if req.ecosystem is not Ecosystem.PYPI or req.name == "python" or req.url:
            continue
        if canonicalize_name(req.name) in own:
            continue  # `all = ["pkg[a,b]"]`: the project itself, locked as its root

        if req.group in (Group.BUILD, Group.CONSTRAINT):
            continue  # [build-system] requires: the build frontend's, never locked
        name = canonicalize_name(req.name)
        versions = locked.get(name)
        where = f"{req.location.file}:{req.location.line}"
        if not versions:
            if req.marker:
                continue
            message = f"{lock.path} does not lock {name}, which {where} declares."
        elif not _any_satisfies(req.specifier, versions):
            message = (
                f"{lock.path} locks {name} {', '.join(versions)}, but {where} requires "
                f"`{name}{req.specifier}`."
            )
        else:
            continue
        findings.append(out_of_sync(lock, message, None, [req.raw], name))
    return findings


def _meta(manifest: ManifestFile, key: str) -> list[str]:
    return [value for k, value in manifest.metadata if k == key]


def poetry_hash_finding(snapshot: Snapshot, lock: ManifestFile) -> Finding | None:
    """`lock-out-of-sync` when poetry.lock's content-hash is not the pyproject's hash (Poetry's
    `Locker.is_fresh`: a lock written before Poetry 2.3 may match the hash without groups)."""
    pyproject = snapshot.files.get(sibling(lock.path, "pyproject.toml"))
    recorded = _meta(lock, "content-hash")
    if pyproject is None or not _meta(pyproject, POETRY_HASH):
        return None
    if not recorded:
        if not _meta(lock, "lock-version"):
            return None  # no [metadata] table read: not judged
        # Poetry's `Locker.is_fresh` is False without a hash (instructor-ai/instructor
        # ad046fbc: a hand-edited lock lost its content-hash line; fixed by `poetry lock`)
        return out_of_sync(
            lock,
            f"{lock.path} has no content-hash in its [metadata] table, so Poetry takes it for "
            f"a lock of another pyproject.toml: `poetry install` stops with 'pyproject.toml "
            f"changed significantly since poetry.lock was last generated'.",
            None,
            ["[metadata] of the lock: lock-version without content-hash"],
        )
    if recorded[0] in _meta(pyproject, POETRY_HASH):
        return None
    generator = _meta(lock, "generator")
    try:
        old = bool(generator) and Version(generator[0]) < Version("2.3.0")
    except InvalidVersion:
        old = False
    if old and recorded[0] in _meta(pyproject, POETRY_HASH_BEFORE_2_3):
        return None
    line = _meta(lock, "content-hash-line")
    return out_of_sync(
        lock,
        f"{lock.path} was not generated from the current pyproject.toml: its content-hash "
        f"does not match the dependency sections of the pyproject.",
        int(line[0]) if line else None,
        [f"content-hash in the lock: {recorded[0]}"],
    )


def _declared_names(pyproject: ManifestFile) -> set[tuple[str, str]] | None:
    """(name, extra) of the pyproject's [project] dependencies and optional dependencies; None
    when they are dynamic (filled in at build time) or not PEP 621."""
    if any(v in {"dependencies", "optional-dependencies"} for v in _meta(pyproject, "dynamic")):
        return None
    out: set[tuple[str, str]] = set()
    for req in pyproject.requirements:
        if req.ecosystem is not Ecosystem.PYPI or req.name == "python":
            continue
        if req.group is Group.RUNTIME:
            out.add((str(canonicalize_name(req.name)), ""))
        elif req.group is Group.OPTIONAL and req.group_name:
            out.add((str(canonicalize_name(req.name)), str(canonicalize_name(req.group_name))))
    return out


def uv_root_finding(snapshot: Snapshot, lock: ManifestFile) -> Finding | None:
    """`lock-out-of-sync` when the root project's requirements the uv.lock recorded name other
    packages (or other extras) than the pyproject's dependencies and optional dependencies."""
    pyproject = snapshot.files.get(sibling(lock.path, "pyproject.toml"))
    recorded = _meta(lock, ROOT_REQUIRES)
    names = _meta(pyproject, "name") if pyproject is not None else []
    if pyproject is None or not recorded or not names:
        return None
    if str(canonicalize_name(names[0])) not in _meta(lock, "root"):
        return None  # the lock's root is another project
    declared = _declared_names(pyproject)
    if declared is None:
        return None
    locked = {(name, extra) for name, _, extra in (item.partition("\t") for item in recorded)}
    added = sorted(declared - locked)
    dropped = sorted(locked - declared)
    if not added and not dropped:
        return None

    def shown(items: list[tuple[str, str]]) -> str:
        return ", ".join(f"{n} (extra {e})" if e else n for n, e in items[:6])

    parts = []
    if added:
        parts.append(f"the pyproject declares {shown(added)}, which the lock did not record")
    if dropped:
        parts.append(f"the lock recorded {shown(dropped)}, which the pyproject no longer declares")
    return out_of_sync(
        lock,
        f"{lock.path} was not made from the current pyproject.toml: {'; '.join(parts)}. "
        f"`uv sync --locked` stops with 'The lockfile at `uv.lock` needs to be updated'.",
        None,
        [f"[package.metadata] requires-dist of {names[0]} in {lock.path}"],
    )


def uv_python_finding(snapshot: Snapshot, lock: ManifestFile) -> Finding | None:
    """`lock-out-of-sync` when the uv.lock's requires-python admits a Python the pyproject's
    no longer does: a range that now starts later (NVIDIA/Megatron-Energon 3c93492: ``>=3.10``
    against a lock made for ``>=3.9``) or ends sooner (kohya-ss/sd-scripts 51d8d6a: ``>=3.10,
    <3.11`` against a lock made for ``>=3.10``). uv locks for the project's range (a
    workspace's lock is the intersection of its members' ranges: it may admit less than one
    member, never more), so `uv sync --locked` refuses it."""
    pyproject = snapshot.files.get(sibling(lock.path, "pyproject.toml"))
    locked = _meta(lock, "requires-python")
    if pyproject is None or not locked:
        return None
    declared = [
        f
        for f in pyproject.facts
        if f.kind is FactKind.PYTHON and f.detail.startswith("requires-python")
    ]
    if not declared:
        return None
    project, recorded = admitted(declared[0].value), admitted(locked[0])
    outside = [p for p in recorded if p not in project]
    # a lock of one project (no workspace members) is made for exactly its range: a range
    # that now starts sooner is not locked either (Tau-J/rtmlib PR #64: >=3.10 against a lock
    # made for >=3.12)
    alone = not _meta(lock, "workspace-member")
    missing = [p for p in project if p not in recorded] if alone else []
    if not project or not recorded or not (outside or missing):
        return None
    line = declared[0].location.line
    what = (
        f"which leaves out Python {', '.join(outside)}"
        if outside
        else f"which admits Python {', '.join(missing)} the lock was not made for"
    )
    return out_of_sync(
        lock,
        f"{lock.path} was made for requires-python `{locked[0]}`, but pyproject.toml:{line} "
        f"now requires `{declared[0].value}`, {what}: `uv sync --locked` stops with 'The "
        "lockfile at `uv.lock` needs to be updated'.",
        None,
        [declared[0].detail, f"requires-python = {locked[0]!r} in {lock.path}"],
        "python",
    )


def uv_mode_finding(snapshot: Snapshot, lock: ManifestFile) -> Finding | None:
    """`lock-out-of-sync` when the pyproject's ``[tool.uv]`` resolution or prerelease mode is
    not the one the uv.lock records in ``[options]`` (uv's default where either is silent):
    uv relocks on such a change, and `uv sync --locked` refuses the lock (sbi-dev/sbi
    e0d7732c added ``prerelease = "disallow"`` and left the lock; 76ab6bf4 relocked it)."""
    pyproject = snapshot.files.get(sibling(lock.path, "pyproject.toml"))
    if pyproject is None or pyproject.kind is not FileKind.PYPROJECT:
        return None
    for option, (setting, default) in UV_MODES.items():
        locked = (_meta(lock, f"{UV_OPTION}{option}") or [default])[0]
        wanted = (_meta(pyproject, f"{UV_SETTING}{setting}") or [default])[0]
        if locked != wanted:
            return out_of_sync(
                lock,
                f"pyproject.toml's [tool.uv] sets {setting} = {wanted!r}, but {lock.path} was "
                f"made with {option} {locked!r}"
                + (" (uv's default: its [options] records none)" if locked == default else "")
                + ": uv relocks on the change, and `uv sync --locked` stops with 'The "
                "lockfile at `uv.lock` needs to be updated'.",
                None,
                [f"[tool.uv] {setting} = {wanted!r}", f"[options] {option} in {lock.path}"],
                setting,
            )
    return None


def static_lock_findings(snapshot: Snapshot, lock: ManifestFile) -> list[Finding]:
    """Every reading above for one lock (the uv root comparison only when the others found
    nothing: they already say the lock is behind)."""
    found = declared_vs_locked(snapshot, lock)
    if lock.kind is FileKind.POETRY_LOCK:
        hashed = poetry_hash_finding(snapshot, lock)
        found += [hashed] if hashed is not None else []
    else:
        python = uv_python_finding(snapshot, lock)
        found += [python] if python is not None else []
        mode = uv_mode_finding(snapshot, lock)
        found += [mode] if mode is not None else []
        if not found:
            root = uv_root_finding(snapshot, lock)
            found += [root] if root is not None else []
    return found


class LockOutOfSync(StaticRule, id="lock-out-of-sync", severity=Severity.ERROR):
    """poetry.lock / uv.lock files behind the pyproject beside them."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """The findings of every lock of the snapshot."""
        for path in sorted(ctx.snapshot.files):
            lock = ctx.snapshot.files[path]
            if lock.kind in LOCK_KINDS:
                yield from static_lock_findings(ctx.snapshot, lock)


RULES: tuple[Rule, ...] = (LockOutOfSync(),)
