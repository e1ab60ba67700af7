"""CPython minors ("3.11", "3.13t") from wheel tags, and their compact range form ("3.8-3.12").

Pure helpers shared by the KB build (rules/kb/build_wheels.py) and its accessors.
A free-threaded build is its own minor ("3.13t"): abi3 wheels do not install there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from packaging.markers import Marker, UndefinedComparison, UndefinedEnvironmentName
from packaging.specifiers import InvalidSpecifier, SpecifierSet

#: PEP 508 marker values of CPython on Linux x86_64, the platform the KB's metadata readings
#: judge (host-dependent names pinned, so a reading never depends on the machine it runs on).
LINUX_X86_64_MARKERS = {
    "platform_system": "Linux",
    "sys_platform": "linux",
    "platform_machine": "x86_64",
    "os_name": "posix",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "platform_release": "",
    "platform_version": "",
}


def linux_x86_64_env(python: str | None = None, extra: str = "") -> dict[str, str]:
    """Marker values of CPython `python` (a minor, "3.11"; None: left to the caller) on Linux
    x86_64, with `extra`."""
    env = {**LINUX_X86_64_MARKERS, "extra": extra}
    if python:
        env["python_version"] = python
        env["python_full_version"] = env["implementation_version"] = f"{python}.0"
    return env


#: CPython minors a range can admit (those released by the review date; 3.15 is not).
KNOWN_MINORS: tuple[str, ...] = tuple(f"3.{m}" for m in range(6, 15))


def minors_admitted(spec: SpecifierSet) -> tuple[str, ...]:
    """The `KNOWN_MINORS` a Python specifier admits (any patch of the minor), ascending."""
    return tuple(m for m in KNOWN_MINORS if spec.contains(f"{m}.0") or spec.contains(f"{m}.99"))


def spec_admits_minor(spec: SpecifierSet, python: str) -> bool:
    """Whether a Python specifier admits some patch of the minor `python` ("3.12", "3.13t"),
    pre-releases included (a Requires-Python of ``>=3.13`` admits 3.13.0rc1)."""
    base = python.rstrip("t")
    return any(spec.contains(f"{base}.{p}", prereleases=True) for p in (0, 99))


@cache
def requires_python_admits(requires: str, python: str) -> bool | None:
    """`spec_admits_minor` of a Requires-Python text; None when it cannot be read."""
    try:
        spec = SpecifierSet(requires)
    except InvalidSpecifier:
        return None
    return spec_admits_minor(spec, python)


#: The CPython minors a requirement line must hold on to hold "whatever the Python" (3.8 on).
EVERY_MINOR = tuple(f"3.{m}" for m in range(8, 15))


def marker_holds(marker: Marker, environment: dict[str, str]) -> bool | None:
    """`marker.evaluate(environment)`, or None when the marker cannot be evaluated: package
    metadata carries markers packaging refuses to compare (``platform_python_implementation
    === 'pypy'``: UndefinedComparison, found in a release's Requires-Dist)."""
    try:
        return marker.evaluate(environment)
    except (UndefinedComparison, UndefinedEnvironmentName, ValueError, TypeError):
        return None


def holds_on_every_python(marker: Marker | None, extra: str = "") -> bool:
    """Whether a requirement's `marker` (None: no marker) holds on Linux x86_64 on every
    Python of `EVERY_MINOR`, with `extra` (a marker that cannot be evaluated does not)."""
    if marker is None:
        return True
    return all(
        marker_holds(marker, linux_x86_64_env(python, extra)) is True for python in EVERY_MINOR
    )


def holds_on_no_python(marker: Marker) -> bool:
    """Whether a requirement's `marker` holds on Linux x86_64 on no Python of `EVERY_MINOR`
    (a marker that cannot be evaluated may hold)."""
    return all(marker_holds(marker, linux_x86_64_env(python)) is False for python in EVERY_MINOR)


_CP = re.compile(r"^cp3(\d+)$")
_PY = re.compile(r"^py3(\d*)$")


def py_key(python: str) -> tuple[int, int, int]:
    """Sort key of a minor ("3.9" < "3.10" < "3.10t")."""
    major, minor = python.rstrip("t").split(".")[:2]
    return int(major), int(minor), int(python.endswith("t"))


def minor_of(python: str) -> str | None:
    """The minor ("3.11", "3.13t") of a Python version text ("3.11.4", "3.13t", "311")."""
    text = python.strip().lower()
    free = text.endswith("t")
    text = text.rstrip("t")
    match = re.fullmatch(r"(\d+)\.(\d+)(?:\.\d+)*(?:[abrc]+\d*)?", text) or re.fullmatch(
        r"(3)(\d{1,2})", text
    )
    if match is None:
        return None
    return f"{int(match.group(1))}.{int(match.group(2))}" + ("t" if free else "")


def tag_pythons(tag: str) -> tuple[str | None, str | None]:
    """What one ``interpreter-abi`` tag gives: (an exact minor, or an open floor).

    ``cp311-cp311`` → ("3.11", None); ``cp313-cp313t`` → ("3.13t", None);
    ``cp38-abi3`` → (None, "abi3:3.8"); ``py3-none`` → (None, "py:3.0");
    ``py37-none`` → (None, "py:3.7"); Python 2 and other interpreters → (None, None).
    """
    interpreter, _, abi = tag.partition("-")
    cp = _CP.match(interpreter)
    if cp:
        minor = f"3.{int(cp.group(1))}"
        if abi == "abi3":
            return None, f"abi3:{minor}"
        return minor + ("t" if abi.endswith("t") and abi != "abi3" else ""), None
    py = _PY.match(interpreter)
    if py and abi == "none":
        return None, f"py:3.{int(py.group(1) or 0)}"
    return None, None


def lowest_open(floors: Iterable[str]) -> str | None:
    """The widest open floor: any ``py:`` floor beats ``abi3:`` (it also fits free-threaded)."""
    found = sorted(set(floors), key=lambda f: (not f.startswith("py:"), py_key(f.split(":")[1])))
    return found[0] if found else None


def collapse(pythons: Iterable[str]) -> str:
    """The compact form of a set of minors: "3.8-3.12,3.13t-3.14t" ("" when empty)."""
    parts: list[str] = []
    for free in (False, True):
        minors = sorted(
            (py_key(p)[1] for p in set(pythons) if p.endswith("t") == free and p.startswith("3.")),
        )
        suffix = "t" if free else ""
        start = prev = None
        for minor in [*minors, None]:
            if minor is not None and prev is not None and minor == prev + 1:
                prev = minor
                continue
            if start is not None and prev is not None:
                low, high = f"3.{start}{suffix}", f"3.{prev}{suffix}"
                parts.append(low if start == prev else f"{low}-{high}")
            start = prev = minor
    return ",".join(parts)


def expand(spec: str) -> frozenset[str]:
    """The minors of a compact form (the inverse of `collapse`)."""
    found: set[str] = set()
    for part in filter(None, spec.split(",")):
        low, _, high = part.partition("-")
        high = high or low
        suffix = "t" if low.endswith("t") else ""
        for minor in range(py_key(low)[1], py_key(high)[1] + 1):
            found.add(f"3.{minor}{suffix}")
    return frozenset(found)
