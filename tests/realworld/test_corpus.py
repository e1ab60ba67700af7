"""Every real-world case reviewed statically, as the CLI reviews it (see corpus.py).

A breaking case passes when every expected break is reported as a new error; a clean case
when the review adds no error. A case whose `known_gap` says depreview does not catch it
yet is a strict xfail: the day it passes, the test fails until the gap note is removed.
"""

from __future__ import annotations

import pytest

from tests.realworld.corpus import Case, load_cases
from tests.realworld.run import review_case

CASES = load_cases()


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(reason=case.known_gap, strict=True)] if case.known_gap else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: Case) -> None:
    result = review_case(case)
    if case.kind == "breaking":
        missing = [
            f"{exp.file}: {sorted(exp.categories)} ({f.severity if f else 'not found'})"
            for exp, f in result.found
            if f is None or f.severity != "error"
        ]
        assert not missing, f"{case.id}: breaks not reported as errors: {missing}"
    else:
        errors = [f"{f.rule} {f.file}:{f.line}: {f.message}" for f in result.new_errors]
        assert not errors, f"{case.id}: a clean change got errors: {errors}"


def test_corpus_is_wide_enough() -> None:
    """Issue 10's floor: 60 cases from 30 repositories, 20 of them clean changes."""
    repos = {c.repo for c in CASES}
    clean = [c for c in CASES if c.kind == "clean"]
    assert len(CASES) >= 60, len(CASES)
    assert len(repos) >= 30, len(repos)
    assert len(clean) >= 20, len(clean)
