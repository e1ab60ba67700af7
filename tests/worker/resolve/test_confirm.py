"""A resolver conflict that the static `conflict` rule already states is one finding, not two.

The findings are the ones `bench/accuracy.py --resolve` produced on 2026-12-04 for the corpus
case uber__petastorm__py39-tf250-numpy1201 (head docker/Dockerfile), messages as emitted.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from rules.findings import Finding, Severity
from rules.review import Review, Summary
from worker.resolve.confirm import one_per_conflict
from worker.review.analysis import _one_per_conflict

STATIC = Finding(
    rule="conflict",
    category="conflict",
    severity=Severity.ERROR,
    message=(
        "No version of tensorflow satisfies every constraint in environment `docker/Dockerfile`: "
        "`tensorflow==2.1.0` (docker/Dockerfile:46) and `tensorflow==2.5.0` "
        "(docker/Dockerfile:61) exclude each other. All constraints on tensorflow: "
        "`tensorflow==2.1.0` (docker/Dockerfile:46); `tensorflow==2.5.0` (docker/Dockerfile:61). "
        "pip will stop with ResolutionImpossible (or install something that breaks)."
    ),
    file="docker/Dockerfile",
    line=61,
    package="tensorflow",
    evidence=(
        "tensorflow==2.1.0 (docker/Dockerfile:46)",
        "tensorflow==2.5.0 (docker/Dockerfile:61)",
    ),
    fingerprint="conflict:docker/Dockerfile:tensorflow",
    new=True,
)
RESOLVER = Finding(
    rule="resolution-conflict",
    category="conflict",
    severity=Severity.ERROR,
    message=(
        "`tensorflow==2.1.0` (docker/Dockerfile:46) cannot be installed together with "
        "`tensorflow==2.5.0` (docker/Dockerfile:61) for py3.9.25 x86_64-unknown-linux-gnu: "
        "the resolver found no version set that satisfies them."
    ),
    file="docker/Dockerfile",
    line=46,
    package="tensorflow",
    evidence=(
        "Because you require tensorflow==2.1.0 and tensorflow==2.5.0, we can conclude that "
        "your requirements are unsatisfiable.",
    ),
    fingerprint="resolution-conflict:docker/Dockerfile:tensorflow",
    extra=(
        ("target", "py3.9.25 x86_64-unknown-linux-gnu"),
        ("declared", "docker/Dockerfile:46"),
        ("declared", "docker/Dockerfile:61"),
    ),
    new=True,
)
NUMPY_ABI = Finding(
    rule="numpy-abi",
    category="numpy-abi",
    severity=Severity.ERROR,
    message="tensorflow==2.5.0 (exact pin) cannot be installed with numpy==1.20.1 (exact pin)",
    file="docker/Dockerfile",
    line=61,
    fingerprint="numpy-abi:docker/Dockerfile:tensorflow",
    new=True,
)


def test_the_resolver_confirms_the_static_conflict() -> None:
    out = one_per_conflict([RESOLVER, STATIC, NUMPY_ABI])
    assert [f.rule for f in out] == ["conflict", "numpy-abi"]
    (kept,) = [f for f in out if f.rule == "conflict"]
    assert kept.message == STATIC.message and kept.line == 61
    assert kept.evidence[:2] == STATIC.evidence
    assert kept.evidence[2] == (
        "the resolver confirms for py3.9.25 x86_64-unknown-linux-gnu: Because you require "
        "tensorflow==2.1.0 and tensorflow==2.5.0, we can conclude that your requirements are "
        "unsatisfiable."
    )


@pytest.mark.parametrize(
    ("why", "resolver", "static"),
    [
        (
            "the resolver names a line the static finding does not cite",
            replace(RESOLVER, extra=(*RESOLVER.extra, ("declared", "requirements.txt:3"))),
            STATIC,
        ),
        (
            "the resolver's is pre-existing, the static one new",
            replace(RESOLVER, new=False),
            STATIC,
        ),
        ("a resolver notice (assumed Python)", replace(RESOLVER, severity=Severity.NOTICE), STATIC),
        ("a static warning", RESOLVER, replace(STATIC, severity=Severity.WARNING)),
        ("another static rule", RESOLVER, replace(NUMPY_ABI, message=STATIC.message)),
    ],
)
def test_both_stay_when_they_do_not_say_the_same(
    why: str, resolver: Finding, static: Finding
) -> None:
    assert one_per_conflict([resolver, static]) == [resolver, static], why


def test_a_broken_pin_set_at_a_cited_line_folds_too() -> None:
    broken = Finding(
        rule="broken-pin-set",
        category="conflict",
        severity=Severity.ERROR,
        message="docker/Dockerfile does not install consistently: ...",
        file="docker/Dockerfile",
        line=61,
        package="tensorflow",
        evidence=("tensorflow 2.5.0 requires numpy~=1.19.2, but numpy 1.20.1 is in the set",),
        new=True,
    )
    (kept,) = one_per_conflict([STATIC, broken])
    assert kept.evidence[-1] == (
        "the resolver confirms: tensorflow 2.5.0 requires numpy~=1.19.2, but numpy 1.20.1 "
        "is in the set"
    )


def test_the_review_summary_counts_one_error() -> None:
    review = Review(
        conclusion="failure",
        findings=(RESOLVER, STATIC, NUMPY_ABI),
        summary=Summary(new_errors=3, ignored=1),
    )
    merged = _one_per_conflict(review)
    assert [f.rule for f in merged.findings] == ["conflict", "numpy-abi"]
    assert merged.summary == Summary(new_errors=2, ignored=1)
    assert merged.conclusion == "failure"
    assert _one_per_conflict(replace(review, findings=(STATIC, NUMPY_ABI))).summary == Summary(
        new_errors=3, ignored=1
    )  # nothing folded: the review is returned as it was
