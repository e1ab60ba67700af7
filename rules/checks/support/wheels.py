"""Per-Python wheel availability of packages beyond torch / TensorFlow / jax.

`WheelIndex` is what the rules ask: the releases of a package and whether one release has a
wheel for one Python (None: unknown, which never gives a finding). `kb_wheels()` is the
knowledge base's answer (``rules.kb.wheels``, built from the package index's file names) when
that module is present, else `NoWheels` (everything unknown).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from typing import Any, Protocol

from packaging.version import InvalidVersion, Version

from rules.kb.numpy_caps import load_numpy_caps

#: What reading a missing or malformed data file raises.
UNREADABLE = (OSError, KeyError, ValueError, TypeError, AttributeError)


class WheelIndex(Protocol):
    """Releases and per-Python wheel availability."""

    def releases(self, package: str) -> tuple[Version, ...]:
        """The known releases of `package`, ascending (() when unknown)."""
        ...

    def has_wheel(self, package: str, version: str, python: str) -> bool | None:
        """Whether `package` `version` has a wheel for Python `python` (``3.12``); None: unknown."""
        ...

    def pip_candidate(self, package: str, version: str, python: str) -> bool | None:
        """Whether pip / uv consider `version` on `python` at all (Requires-Python admits it
        and a wheel or an sdist exists); a range skips the others. None: unknown."""
        ...


class NoWheels:
    """Knows nothing: every answer is unknown."""

    def releases(self, package: str) -> tuple[Version, ...]:
        """No releases."""
        return ()

    def has_wheel(self, package: str, version: str, python: str) -> bool | None:
        """Unknown."""
        return None

    def pip_candidate(self, package: str, version: str, python: str) -> bool | None:
        """Unknown."""
        return None


class _KbWheels:
    """Adapter over ``rules.kb.wheels`` (``has_wheel``, and ``load_wheels().releases`` when
    offered, else the release list numpy_caps.json records). A data file that is missing or
    unreadable makes every answer unknown: a rule never fails on it."""

    def __init__(self, module: Any) -> None:
        self._has: Callable[..., Any] | None = getattr(module, "has_wheel", None)
        self._candidate: Callable[..., Any] | None = getattr(module, "pip_candidate", None)
        self._load: Callable[..., Any] | None = getattr(module, "load_wheels", None)
        self._releases: dict[str, tuple[Version, ...]] = {}
        self._yanked: dict[str, frozenset[Version]] = {}

    def releases(self, package: str) -> tuple[Version, ...]:
        """The releases the KB lists (worked out once per package: rules ask per line, and a
        RUN line may name the same package thousands of times)."""
        known = self._releases.get(package)
        if known is None:
            known = self._releases[package] = self._read_releases(package)
        return known

    def _read_releases(self, package: str) -> tuple[Version, ...]:
        found: list[Version] = []
        try:
            rows = self._load().releases(package) if self._load is not None else None
        except UNREADABLE:
            rows = None
        for row in rows or ():
            try:
                found.append(Version(str(getattr(row, "version", row))))
            except InvalidVersion:
                continue
        if not found:
            found = [r.version for r in load_numpy_caps().releases(package) if not r.yanked]
        return tuple(sorted(set(found)))

    def yanked(self, package: str) -> frozenset[Version]:
        """The releases of `package` whose every file is yanked (worked out once per package)."""
        known = self._yanked.get(package)
        if known is None:
            try:
                rows = self._load().releases(package) if self._load is not None else None
            except UNREADABLE:
                rows = None
            known = self._yanked[package] = frozenset(
                Version(str(row.version)) for row in rows or () if getattr(row, "yanked", False)
            )
        return known

    def release_row(self, package: str, version: str) -> Any:
        """The KB's record of one release (a ``rules.kb.wheels.WheelRelease``: its sdist, wheel
        Pythons, Requires-Python), None when unknown or unreadable."""
        try:
            return self._load().release(package, version) if self._load is not None else None
        except UNREADABLE:
            return None

    def prereleases(self, package: str) -> frozenset[Version] | None:
        """The pre-releases and dev releases the KB's listing of `package` has (None: the
        listing was not read for them, or the data is unreadable)."""
        try:
            return self._load().prereleases(package) if self._load is not None else None
        except UNREADABLE:
            return None

    def read_on(self) -> str:
        """The date the wheel table was read (``YYYY-MM-DD``; "" when unreadable)."""
        try:
            return str(self._load().snapshot_date) if self._load is not None else ""
        except UNREADABLE:
            return ""

    def whole(self, package: str) -> bool:
        """Whether the KB's listing of `package` holds every final release it had (False when
        not known, or the data is unreadable)."""
        try:
            return bool(self._load().whole(package)) if self._load is not None else False
        except UNREADABLE:
            return False

    def has_wheel(self, package: str, version: str, python: str) -> bool | None:
        """The KB's answer, None when it has none (or cannot read its data)."""
        if self._has is None:
            return None
        try:
            answer = self._has(package, str(version), python)
        except UNREADABLE:
            return None
        return None if answer is None else bool(answer)

    def pip_candidate(self, package: str, version: str, python: str) -> bool | None:
        """The KB's answer, None when it has none (or cannot read its data)."""
        if self._candidate is None:
            return self.has_wheel(package, version, python)
        try:
            answer = self._candidate(package, str(version), python)
        except UNREADABLE:
            return None
        return None if answer is None else bool(answer)


@cache
def kb_wheels() -> WheelIndex:
    """The knowledge base's wheel availability (`NoWheels` until ``rules.kb.wheels`` exists),
    one adapter per process (its data is read once; rules ask it per line)."""
    try:
        module = importlib.import_module("rules.kb.wheels")
    except ImportError:
        return NoWheels()
    return _KbWheels(module)
