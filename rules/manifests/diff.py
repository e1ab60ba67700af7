"""What changed between two snapshots: per file and package, with the semver update type.

Declared requirements are matched by (file, ecosystem, name, group name, marker); locked
pins by (file, ecosystem, name, marker); facts by (file, kind). A requirement's version is
its pin, else the ``X`` of a lone ``==X.*`` (conda's ``pkg=X``); two versions compare as
upgraded/downgraded, anything else that differs (specifier, extras, marker, URL, index)
is ``constraint-changed``. The update type is the first release component that differs:
major, minor, patch, else other (pre/post/dev/local changes).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from packaging.version import InvalidVersion, Version

from rules.manifests.model import Ecosystem, FactKind, LockedPin, Requirement, Snapshot, Span


class ChangeKind(StrEnum):
    """How one package changed."""

    ADDED = "added"
    REMOVED = "removed"
    UPGRADED = "upgraded"
    DOWNGRADED = "downgraded"
    CONSTRAINT_CHANGED = "constraint-changed"


class UpdateType(StrEnum):
    """Which part of the version moved."""

    MAJOR = "major"
    MINOR = "minor"
    PATCH = "patch"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class PackageChange:
    """One package's change in one file (`locked` for lock-file pins)."""

    name: str
    file: str
    kind: ChangeKind
    old: str | None
    new: str | None
    update_type: UpdateType | None
    location: Span | None
    ecosystem: Ecosystem = Ecosystem.PYPI
    locked: bool = False
    group_name: str | None = None


@dataclass(frozen=True, slots=True)
class FactChange:
    """An environment fact of one file that changed (``old``/``new`` joined by ``, ``)."""

    kind: FactKind
    file: str
    old: str | None
    new: str | None
    location: Span | None


@dataclass(frozen=True, slots=True)
class SnapshotDiff:
    """Every change between a base and a head snapshot."""

    changes: tuple[PackageChange, ...] = ()
    facts: tuple[FactChange, ...] = ()
    added_files: tuple[str, ...] = ()
    removed_files: tuple[str, ...] = ()

    def for_file(self, path: str) -> tuple[PackageChange, ...]:
        """The package changes of one file."""
        return tuple(change for change in self.changes if change.file == path)

    def for_package(self, name: str) -> tuple[PackageChange, ...]:
        """The changes of one (normalized) package name, in every file."""
        return tuple(change for change in self.changes if change.name == name)


@lru_cache(maxsize=8192)
def _parse_version(text: str | None) -> Version | None:
    """`Version` (immutable, so shared) of `text`, or None; cached: diffs compare each twice."""
    if text is None:
        return None
    try:
        return Version(text)
    except InvalidVersion:
        return None


def update_type(old: str, new: str) -> UpdateType | None:
    """major/minor/patch/other between two versions; None when either is not PEP 440."""
    before, after = _parse_version(old), _parse_version(new)
    if before is None or after is None:
        return None
    width = max(len(before.release), len(after.release), 3)
    left = before.release + (0,) * (width - len(before.release))
    right = after.release + (0,) * (width - len(after.release))
    for index, kind in enumerate((UpdateType.MAJOR, UpdateType.MINOR, UpdateType.PATCH)):
        if left[index] != right[index]:
            return kind
    return UpdateType.OTHER


def _version(req: Requirement) -> str | None:
    if req.pinned:
        return req.pinned
    spec = req.specifier
    if spec.startswith("==") and spec.endswith(".*") and "," not in spec:
        return spec[2:-2]
    return None


def _shown(req: Requirement) -> str:
    return _version(req) or req.specifier or req.url or "*"


def _compare(
    old_version: str | None, new_version: str | None
) -> tuple[ChangeKind, UpdateType | None] | None:
    if old_version is None or new_version is None or old_version == new_version:
        return None
    before, after = _parse_version(old_version), _parse_version(new_version)
    if before is None or after is None or before == after:
        return None
    kind = ChangeKind.UPGRADED if after > before else ChangeKind.DOWNGRADED
    return kind, update_type(old_version, new_version)


def _same_version(old: str | None, new: str | None) -> bool:
    """Both pinned to equal versions (``2.1`` and ``2.1.0`` are equal)."""
    before, after = _parse_version(old), _parse_version(new)
    return before is not None and before == after


def _req_key(req: Requirement) -> tuple[str, ...]:
    return (req.location.file, req.ecosystem, req.name, req.group_name or "", req.marker or "")


def _req_rest(req: Requirement) -> tuple[object, ...]:
    return (req.specifier, req.extras, req.marker, req.url, req.index, req.is_constraint)


def _pair(
    base: Iterable[Requirement], head: Iterable[Requirement]
) -> Iterator[tuple[Requirement | None, Requirement | None]]:
    before: dict[tuple[str, ...], list[Requirement]] = {}
    after: dict[tuple[str, ...], list[Requirement]] = {}
    for req in base:
        before.setdefault(_req_key(req), []).append(req)
    for req in head:
        after.setdefault(_req_key(req), []).append(req)
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key, []), after.get(key, [])
        for index in range(max(len(old), len(new))):
            yield (
                old[index] if index < len(old) else None,
                new[index] if index < len(new) else None,
            )


def _one_sided(
    kind: ChangeKind,
    name: str,
    file: str,
    shown: str,
    location: Span,
    ecosystem: Ecosystem,
    *,
    locked: bool = False,
    group_name: str | None = None,
) -> PackageChange:
    """An ADDED change (`shown` is the new side) or a REMOVED one (`shown` is the old side)."""
    added = kind is ChangeKind.ADDED
    return PackageChange(
        name,
        file,
        kind,
        None if added else shown,
        shown if added else None,
        None,
        location,
        ecosystem,
        locked=locked,
        group_name=group_name,
    )


def _requirement_change(old: Requirement | None, new: Requirement | None) -> PackageChange | None:
    if old is None or new is None:
        lone = old if new is None else new
        assert lone is not None
        kind = ChangeKind.ADDED if old is None else ChangeKind.REMOVED
        return _one_sided(
            kind,
            lone.name,
            lone.location.file,
            _shown(lone),
            lone.location,
            lone.ecosystem,
            group_name=lone.group_name,
        )
    moved = _compare(_version(old), _version(new))
    if moved is not None:
        kind, semver = moved
        return PackageChange(
            new.name,
            new.location.file,
            kind,
            _version(old),
            _version(new),
            semver,
            new.location,
            new.ecosystem,
            group_name=new.group_name,
        )
    same_version = _same_version(_version(old), _version(new))
    if _req_rest(old)[int(same_version) :] != _req_rest(new)[int(same_version) :] or (
        not same_version and _version(old) != _version(new)
    ):
        return PackageChange(
            new.name,
            new.location.file,
            ChangeKind.CONSTRAINT_CHANGED,
            _shown(old),
            _shown(new),
            None,
            new.location,
            new.ecosystem,
            group_name=new.group_name,
        )
    return None


def _pin_changes(base: Snapshot, head: Snapshot) -> Iterator[PackageChange]:
    def index(snapshot: Snapshot) -> dict[tuple[str, ...], list[LockedPin]]:
        found: dict[tuple[str, ...], list[LockedPin]] = {}
        for manifest, pin in snapshot.pins():
            key = (manifest.path, pin.ecosystem, pin.name, pin.marker or "")
            found.setdefault(key, []).append(pin)
        for pins in found.values():
            pins.sort(key=lambda p: (_parse_version(p.version) or Version("0"), p.version))
        return found

    before, after = index(base), index(head)
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key, []), after.get(key, [])
        old_versions = {p.version for p in old}
        new_versions = {p.version for p in new}
        if old_versions == new_versions and len(old) == len(new):
            continue
        file, _, name, _ = key
        if old and new and len(old) == 1 and len(new) == 1:
            moved = _compare(old[0].version, new[0].version)
            kind, semver = moved if moved else (ChangeKind.CONSTRAINT_CHANGED, None)
            yield PackageChange(
                name,
                file,
                kind,
                old[0].version,
                new[0].version,
                semver,
                new[0].location,
                new[0].ecosystem,
                locked=True,
            )
            continue
        for pins, others, kind in (
            (new, old_versions, ChangeKind.ADDED),
            (old, new_versions, ChangeKind.REMOVED),
        ):
            for pin in pins:
                if pin.version not in others:
                    yield _one_sided(
                        kind, name, file, pin.version, pin.location, pin.ecosystem, locked=True
                    )


def _fact_changes(base: Snapshot, head: Snapshot) -> Iterator[FactChange]:
    def index(snapshot: Snapshot) -> dict[tuple[str, FactKind], list[tuple[str, Span]]]:
        found: dict[tuple[str, FactKind], list[tuple[str, Span]]] = {}
        for fact in snapshot.facts():
            found.setdefault((fact.location.file, fact.kind), []).append(
                (fact.value, fact.location)
            )
        return found

    before, after = index(base), index(head)
    for key in sorted(before.keys() | after.keys()):
        old = [value for value, _ in before.get(key, [])]
        new = [value for value, _ in after.get(key, [])]
        if sorted(old) == sorted(new):
            continue
        where = after.get(key) or before.get(key) or []
        yield FactChange(
            key[1],
            key[0],
            ", ".join(old) or None,
            ", ".join(new) or None,
            where[0][1] if where else None,
        )


def _unchanged_files(base: Snapshot, head: Snapshot) -> set[str]:
    """Files whose requirements are equal (and all located in the file) on both sides."""
    same: set[str] = set()
    for path, manifest in base.files.items():
        other = head.files.get(path)
        if other is None:
            continue
        if (
            other.requirements is manifest.requirements
            or other.requirements == manifest.requirements
        ) and all(req.location.file == path for req in manifest.requirements):
            same.add(path)
    return same


def _requirements(snapshot: Snapshot, skip: set[str]) -> Iterator[Requirement]:
    for path in sorted(snapshot.files):
        if path not in skip:
            yield from snapshot.files[path].requirements


def diff(base: Snapshot, head: Snapshot) -> SnapshotDiff:
    """Added/removed/upgraded/downgraded/constraint-changed packages, pins and facts."""
    same = _unchanged_files(base, head)  # equal requirements pair up with no change
    changes = [
        change
        for old, new in _pair(_requirements(base, same), _requirements(head, same))
        if (change := _requirement_change(old, new)) is not None
    ]
    changes.extend(_pin_changes(base, head))
    unique = list(dict.fromkeys(changes))
    return SnapshotDiff(
        changes=tuple(unique),
        facts=tuple(_fact_changes(base, head)),
        added_files=tuple(sorted(head.files.keys() - base.files.keys())),
        removed_files=tuple(sorted(base.files.keys() - head.files.keys())),
    )
