"""The Pythons a fresh install can run on when no file names one (rules.checks.support.fresh).

Real files: neptune-ai/examples at cc60cedb (Dependabot PR #91, tensorflow 2.6.4 -> 2.7.2 in
integrations-and-supported-tools/tensorflow-keras/scripts/requirements.txt; the corpus case
neptune-ai__examples__dependabot-tf272-ci-py36 holds the bytes). tensorflow 2.7.2 ships
cp37-cp39 wheels only (package index listing, KB wheels.json; the case's `uv pip compile`
for CPython 3.6: 'only found wheels ... cp37, cp38, cp39'); its METADATA says
``Requires-Dist: numpy (>=1.14.5)`` (KB numpy_caps.json); NumPy 2.0.x is the last NumPy for
Python 3.9 (numpy 2.1.0 Requires-Python >=3.10, KB numpy_caps.json). So with no Python
named, a fresh install runs on 3.7, 3.8 or 3.9 and meets NumPy 2 only on 3.9.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rules.checks.support.builds import decide
from rules.checks.support.fresh import Candidate, PinPythons, exact_pins, narrow, pin_pythons
from rules.kb import load_kb
from rules.kb.wheels import pip_candidate
from rules.manifests.snapshot import build_snapshot
from rules.review import review_trees

TODAY = date(2026, 12, 4)
CASE = (
    Path(__file__).resolve().parents[2]
    / "realworld/cases/neptune-ai__examples__dependabot-tf272-ci-py36"
)
REQS = "integrations-and-supported-tools/tensorflow-keras/scripts/requirements.txt"


def tree(side: str) -> dict[str, str]:
    """The case's files at `side` (base or head), by repository path."""
    root = CASE / side
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in root.rglob("*")
        # the script the workflows run is left out: these tests read the dependency files
        # alone (the worker fetches the script in a second round, and the case holds it)
        if p.is_file() and p.name not in (".gitkeep", "run_examples.sh")
    }


def with_reqs(side: str, text: str, **more: str) -> dict[str, str]:
    """The case's files at `side` with the requirements file replaced (a variant)."""
    return {**tree(side), REQS: text, **more}


def fake(table: dict[tuple[str, str], set[str]]) -> Candidate:
    """A wheel table: (package, version) -> the minors it installs on; others unknown."""

    def candidate(package: str, version: str, python: str) -> bool | None:
        on = table.get((package, version))
        return None if on is None else python in on

    return candidate


OLD = {("tf", "1.0"): {"3.7", "3.8", "3.9"}}
NARROW: list[tuple[str, list[str], Candidate, tuple[str, ...] | None]] = [
    ("no pins: the assumed Pythons", ["tf>=1.0"], fake(OLD), None),
    ("unknown release narrows nothing", ["tf==9.9"], fake(OLD), None),
    ("old pin: the Pythons it installs on", ["tf==1.0"], fake(OLD), ("3.7", "3.8", "3.9")),
    (
        "pin on some assumed Pythons: those",
        ["tf==2.0"],
        fake({("tf", "2.0"): {"3.9", "3.10", "3.11"}}),
        ("3.10", "3.11"),
    ),
    (
        "two pins: where both install",
        ["tf==1.0", "pt==1.0"],
        fake({**OLD, ("pt", "1.0"): {"3.9", "3.10"}}),
        ("3.9",),
    ),
    (
        "pins no Python installs together: not narrowed",
        ["tf==1.0", "pt==1.0"],
        fake({**OLD, ("pt", "1.0"): {"3.11"}}),
        None,
    ),
    (
        "a marker keeps the pin off the Pythons it excludes",
        ['tf==1.0; python_version < "3.8"', "pt==1.0"],
        fake({**OLD, ("pt", "1.0"): {"3.8", "3.9"}}),
        ("3.8", "3.9"),
    ),
]


@pytest.mark.parametrize(
    ("name", "lines", "candidate", "expected"), NARROW, ids=[c[0] for c in NARROW]
)
def test_narrow(
    name: str, lines: list[str], candidate: Candidate, expected: tuple[str, ...] | None
) -> None:
    snapshot = build_snapshot({"requirements.txt": "".join(f"{line}\n" for line in lines)})
    got = narrow(exact_pins(snapshot, "requirements.txt"), candidate)
    assert (got.minors if got is not None else None) == expected


def test_pin_pythons_on_the_real_file() -> None:
    snapshot = build_snapshot(tree("head"))
    got = pin_pythons(snapshot, REQS)
    assert got == PinPythons(("3.7", "3.8", "3.9"), (("tensorflow==2.7.2", ("3.7", "3.8", "3.9")),))
    assert "tensorflow==2.7.2 installs on Python 3.7, 3.8, 3.9" in got.describe()


def test_pin_pythons_yield_to_a_named_python() -> None:
    snapshot = build_snapshot(
        with_reqs("head", "tensorflow==2.7.2\n", **{".python-version": "3.8\n"})
    )
    assert pin_pythons(snapshot, REQS) is None


Found = tuple[str, int]  # severity, line of a new numpy-abi finding at REQS
NUMPY: list[tuple[str, dict[str, str], list[Found], tuple[str, ...]]] = [
    (
        "real PR: NumPy 2 only on 3.9 of 3.7-3.9, a warning",
        tree("head"),
        [("warning", 3)],
        ("NumPy 2.0.2", "holds on Python 3.9 only, not on 3.7, 3.8"),
    ),
    (
        "a .python-version of 3.9 names the Python: an error",
        with_reqs("head", "tensorflow==2.7.2\n", **{".python-version": "3.9\n"}),
        [("error", 1)],
        ("NumPy 2.0.2",),
    ),
    (
        "a .python-version of 3.8: NumPy 1.24, nothing breaks",
        with_reqs("head", "tensorflow==2.7.2\n", **{".python-version": "3.8\n"}),
        [],
        (),
    ),
    (
        "torch 2.5.1 next to it leaves only 3.9: an error",
        with_reqs("head", "tensorflow==2.7.2\ntorch==2.5.1\n"),
        [("error", 1)],
        ("NumPy 2.0.2",),
    ),
    (
        "numpy held below 2: nothing",
        with_reqs("head", "tensorflow==2.7.2\nnumpy<2\n"),
        [],
        (),
    ),
    (
        "tensorflow 2.14.0 installs on assumed Pythons (3.10, 3.11): still an error",
        with_reqs("head", "tensorflow==2.14.0\n"),
        [("error", 1)],
        (),
    ),
]


@pytest.mark.parametrize(("name", "head", "expected", "present"), NUMPY, ids=[c[0] for c in NUMPY])
def test_numpy_abi_fresh_pick_on_the_pins_pythons(
    name: str, head: dict[str, str], expected: list[Found], present: tuple[str, ...]
) -> None:
    findings = review_trees({}, head, today=TODAY).findings
    got = [(f.severity.value, f.line) for f in findings if f.rule == "numpy-abi" and f.file == REQS]
    assert got == expected
    for found in findings:
        if found.rule == "numpy-abi":
            for text in present:
                assert text in found.message


def test_range_pick_installs_on_a_python_the_pins_allow() -> None:
    """``torch>=1.8`` next to tensorflow==2.7.2: the pick is the newest torch with a wheel for
    a Python tensorflow installs on, not the newest torch (which has none for 3.7-3.9)."""
    kb = load_kb()
    alone = build_snapshot({"requirements.txt": "torch>=1.8\n"})
    paired = build_snapshot({"requirements.txt": "tensorflow==2.7.2\ntorch>=1.8\n"})
    newest = decide(kb, alone, next(iter(alone.requirements()))).picked
    torch = next(r for r in paired.requirements() if r.name == "torch")
    picked = decide(kb, paired, torch).picked
    assert newest is not None and picked is not None
    assert not any(pip_candidate("torch", str(newest), p) for p in ("3.7", "3.8", "3.9"))
    assert pip_candidate("torch", str(picked), "3.9") is True
    assert picked < newest
