"""What a specifier admits among known releases, and the release a fresh install picks."""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.checks.support.versions import (
    EXACT,
    LOCK,
    RANGE,
    admitted,
    exact_version,
    fresh_pick,
    releases_of,
    tensorflow_releases,
    torch_releases,
)
from rules.kb import load_kb
from rules.manifests.model import Requirement, Span

KNOWN = [Version(v) for v in ("2.0.1", "2.1.0", "2.1.2", "2.2.0", "2.5.1", "2.6.0rc1", "3.0.0")]

# (specifier, admitted releases, picked, how)
CASES: list[tuple[str, list[str], str | None, str]] = [
    ("", ["2.0.1", "2.1.0", "2.1.2", "2.2.0", "2.5.1", "2.6.0rc1", "3.0.0"], "3.0.0", RANGE),
    (">=2.1", ["2.1.0", "2.1.2", "2.2.0", "2.5.1", "2.6.0rc1", "3.0.0"], "3.0.0", RANGE),
    (">=2.1,<3", ["2.1.0", "2.1.2", "2.2.0", "2.5.1", "2.6.0rc1"], "2.5.1", RANGE),
    ("~=2.1", ["2.1.0", "2.1.2", "2.2.0", "2.5.1", "2.6.0rc1"], "2.5.1", RANGE),
    ("~=2.1.0", ["2.1.0", "2.1.2"], "2.1.2", RANGE),
    ("==2.1.*", ["2.1.0", "2.1.2"], "2.1.2", RANGE),
    ("<2.2,!=2.1.2", ["2.0.1", "2.1.0"], "2.1.0", RANGE),
    (">=2.6.0rc1,<3", ["2.6.0rc1"], "2.6.0rc1", RANGE),
    ("==2.5.1", ["2.5.1"], "2.5.1", EXACT),
    ("==2.5.1+cu124", ["2.5.1+cu124"], "2.5.1+cu124", EXACT),
    ("===2.4.9", ["2.4.9"], "2.4.9", EXACT),  # not in the KB: the pin still decides
    ("==2.1.0.*", ["2.1.0"], "2.1.0", EXACT),  # conda's pytorch=2.1.0
    (">=4", [], None, RANGE),
    ("not a specifier", [], None, RANGE),
]


@pytest.mark.parametrize(("spec", "releases", "picked", "how"), CASES)
def test_admitted(spec: str, releases: list[str], picked: str | None, how: str) -> None:
    found = admitted(spec, KNOWN)
    assert [str(v) for v in found.releases] == releases
    assert (str(found.picked) if found.picked else None) == picked
    assert found.how == how


def test_a_lock_inside_the_range_decides_and_one_outside_is_ignored() -> None:
    assert admitted(">=2.1", KNOWN, locked=Version("2.1.2")).how == LOCK
    assert admitted(">=2.1", KNOWN, locked=Version("2.1.2")).picked == Version("2.1.2")
    stale = admitted(">=2.2", KNOWN, locked=Version("2.1.2"))
    assert (stale.how, stale.picked) == (RANGE, Version("3.0.0"))


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("==2.5.1", "2.5.1"), ("==2.5.*", None), (">=2.5", None), ("==2.5.1,<3", None)],
)
def test_exact_version(spec: str, expected: str | None) -> None:
    found = exact_version(spec)
    assert (str(found) if found else None) == expected


def test_describe_names_the_evidence() -> None:
    assert admitted(">=2.1,<3", KNOWN).describe() == "range >=2.1,<3: newest admitted 2.5.1"
    assert admitted("==2.5.1", KNOWN).describe() == "exact pin 2.5.1"
    assert admitted(">=2", KNOWN, locked=Version("2.1.0")).describe() == "lock: 2.1.0"


def test_the_kb_torch_releases_cover_every_minor_and_end_at_the_newest() -> None:
    kb = load_kb()
    releases = torch_releases(kb)
    minors = {f"{v.major}.{v.minor}" for v in releases}
    assert minors == {line.minor for line in kb.torch.minors}
    assert releases == tuple(sorted(releases))
    assert releases_of(kb, "pytorch") == releases
    assert releases_of(kb, "numpy") == ()


# TensorFlow ranges are judged over the real patch releases (numpy_caps.json's release list,
# read from the package index), not one row per minor: `>=2.16.2,<2.17` admits 2.16.2.
TF_CASES: list[tuple[str, list[str], str | None]] = [
    (">=2.16.2,<2.17", ["2.16.2"], "2.16.2"),
    ("~=2.15.0", ["2.15.0", "2.15.0.post1", "2.15.1"], "2.15.1"),
    ("==2.17.*", ["2.17.0", "2.17.1"], "2.17.1"),
    (">2.13.0,<2.14", ["2.13.1"], "2.13.1"),
    ("<1.15", [], None),  # the KB has no CUDA row below 1.15: nothing it can judge
]


@pytest.mark.parametrize(("spec", "releases", "picked"), TF_CASES)
def test_tensorflow_ranges_admit_patch_releases(
    spec: str, releases: list[str], picked: str | None
) -> None:
    found = admitted(spec, tensorflow_releases(load_kb()))
    assert [str(v) for v in found.releases] == releases
    assert (str(found.picked) if found.picked else None) == picked


@pytest.mark.parametrize(
    ("specifier", "pinned", "expected"),
    [
        ("==2.1.0", "2.1.0", "2.1.0"),
        ("==2.4.9", "2.4.9", "2.4.9"),  # not known: the pin still decides
        ("==2.1.0.*", "2.1.0", "2.1.0"),  # conda's pytorch=2.1.0
        (">=2.1,<3", None, "2.5.1"),  # the newest stable release the range admits
        (">=2.6.0rc1,<3", None, "2.6.0rc1"),  # only a pre-release is admitted
        ("", None, "3.0.0"),
        (">=4", None, None),
    ],
)
def test_fresh_pick_is_the_pin_else_the_newest_admitted(
    specifier: str, pinned: str | None, expected: str | None
) -> None:
    req = Requirement(
        name="pkg",
        raw=f"pkg{specifier}",
        location=Span("r.txt", 1, 1),
        specifier=specifier,
        pinned=pinned,
    )
    picked = fresh_pick(req, KNOWN)
    assert (str(picked) if picked else None) == expected
