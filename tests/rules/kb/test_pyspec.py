"""CPython minors from wheel tags and their compact range form (rules/kb/pyspec.py)."""

from __future__ import annotations

import pytest
from packaging.markers import Marker

from rules.kb.pyspec import (
    collapse,
    expand,
    holds_on_every_python,
    holds_on_no_python,
    lowest_open,
    minor_of,
    py_key,
    tag_pythons,
)

TAGS = [
    ("cp311-cp311", ("3.11", None)),
    ("cp36-cp36m", ("3.6", None)),
    ("cp313-cp313t", ("3.13t", None)),
    ("cp39-none", ("3.9", None)),
    ("cp38-abi3", (None, "abi3:3.8")),
    ("py3-none", (None, "py:3.0")),
    ("py37-none", (None, "py:3.7")),
    ("py2-none", (None, None)),
    ("cp27-cp27mu", (None, None)),
    ("pp39-pypy39_pp73", (None, None)),
]


@pytest.mark.parametrize(("tag", "expected"), TAGS, ids=[t[0] for t in TAGS])
def test_tag_pythons(tag: str, expected: tuple[str | None, str | None]) -> None:
    assert tag_pythons(tag) == expected


SPECS = [
    (["3.8", "3.9", "3.10", "3.11"], "3.8-3.11"),
    (["3.12", "3.10", "3.9"], "3.9-3.10,3.12"),
    (["3.13", "3.14", "3.13t", "3.14t"], "3.13-3.14,3.13t-3.14t"),
    (["3.7"], "3.7"),
    ([], ""),
]


@pytest.mark.parametrize(("pythons", "spec"), SPECS, ids=[s[1] or "empty" for s in SPECS])
def test_collapse_and_expand_are_inverse(pythons: list[str], spec: str) -> None:
    assert collapse(pythons) == spec
    assert expand(spec) == frozenset(pythons)


@pytest.mark.parametrize(
    ("floors", "widest"),
    [
        (["abi3:3.9", "abi3:3.8"], "abi3:3.8"),
        (["abi3:3.7", "py:3.0"], "py:3.0"),
        ([], None),
    ],
)
def test_lowest_open_prefers_pure_python(floors: list[str], widest: str | None) -> None:
    assert lowest_open(floors) == widest


@pytest.mark.parametrize(
    ("text", "minor"),
    [("3.11.4", "3.11"), ("3.13t", "3.13t"), ("311", "3.11"), ("3.14.0rc1", "3.14"), ("x", None)],
)
def test_minor_of(text: str, minor: str | None) -> None:
    assert minor_of(text) == minor


def test_py_key_orders_minors_numerically() -> None:
    assert sorted(["3.10", "3.9", "3.10t"], key=py_key) == ["3.9", "3.10", "3.10t"]


@pytest.mark.parametrize(
    ("marker", "every", "none"),
    [
        ('python_version >= "3.8"', True, False),
        ('python_version < "3.8"', False, True),
        ('python_version >= "3.10"', False, False),
        # a release's Requires-Dist may carry a marker packaging cannot compare (`===` on a
        # string: UndefinedComparison); it holds on no certain Python, and may hold on any
        ('platform_python_implementation === "pypy"', False, False),
    ],
)
def test_markers_on_every_and_no_python(marker: str, every: bool, none: bool) -> None:
    parsed = Marker(marker)
    assert holds_on_every_python(parsed) is every
    assert holds_on_no_python(parsed) is none
