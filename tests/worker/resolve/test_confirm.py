"""A resolver conflict that a static rule already states is one finding, not two.

The findings are the ones `bench/accuracy.py --resolve` produced on 2026-12-04 for the corpus
case uber__petastorm__py39-tf250-numpy1201 (head docker/Dockerfile), messages as emitted:
STATIC/RESOLVER before the Dockerfile's two venvs were told apart (commit f15b68f), the
numpy-abi pair after it.
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
        (
            "a static rule that is not about pins clashing",
            RESOLVER,
            replace(STATIC, rule="python-version-incompatible"),
        ),
        (
            "the resolver names a package the static message does not",
            replace(RESOLVER, message=RESOLVER.message.replace("`tensorflow==2.1.0`", "`keras`")),
            STATIC,
        ),
        (
            "a build no index serves is not a clash between declarations",
            replace(
                RESOLVER,
                message="`tensorflow==2.5.0` (docker/Dockerfile:61) cannot be installed for "
                "py3.9.25 x86_64-unknown-linux-gnu: (searched: the default index)",
                extra=(("declared", "docker/Dockerfile:61"),),
            ),
            STATIC,
        ),
    ],
)
def test_both_stay_when_they_do_not_say_the_same(
    why: str, resolver: Finding, static: Finding
) -> None:
    assert one_per_conflict([resolver, static]) == [resolver, static], why


#: After f15b68f: the 3.9 venv's line 61 alone; the resolver and numpy-abi say the same.
RESOLVER_VENV = replace(
    RESOLVER,
    line=61,
    package="numpy",
    message=(
        "`numpy==1.20.1` (docker/Dockerfile:61) cannot be installed together with "
        "`tensorflow==2.5.0` (docker/Dockerfile:61) for py3.9.25 x86_64-unknown-linux-gnu: "
        "the resolver found no version set that satisfies them."
    ),
    evidence=(
        "Because tensorflow==2.5.0 depends on numpy>=1.19.2,<1.20.dev0 and you require "
        "numpy==1.20.1, we can conclude that your requirements and tensorflow==2.5.0 are "
        "incompatible.",
        "And because you require tensorflow==2.5.0, we can conclude that your requirements "
        "are unsatisfiable.",
    ),
    extra=(
        ("target", "py3.9.25 x86_64-unknown-linux-gnu"),
        ("declared", "docker/Dockerfile:61"),
        ("declared", "docker/Dockerfile:61"),
    ),
)
NUMPY_ABI_VENV = replace(
    NUMPY_ABI,
    message=(
        "tensorflow==2.5.0 (exact pin) cannot be installed with numpy==1.20.1 (exact pin): its "
        "metadata requires numpy~=1.19.2, so the resolver refuses the install."
    ),
    evidence=(
        "numpy decided by exact pin: numpy==1.20.1 (docker/Dockerfile:61)",
        "tensorflow decided by exact pin: tensorflow==2.5.0 (docker/Dockerfile:61)",
    ),
)


def test_numpy_abis_pin_clash_keeps_the_resolvers_explanation() -> None:
    (kept,) = one_per_conflict([RESOLVER_VENV, NUMPY_ABI_VENV])
    assert (kept.rule, kept.message) == ("numpy-abi", NUMPY_ABI_VENV.message)
    assert kept.evidence[-1].startswith(
        "the resolver confirms for py3.9.25 x86_64-unknown-linux-gnu: And because you require"
    )


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


def _resolver(message: str, evidence: tuple[str, ...], target: str, *declared: str) -> Finding:
    file, _, line = declared[0].rpartition(":")
    return Finding(
        rule="resolution-conflict",
        category="conflict",
        severity=Severity.ERROR,
        message=message,
        file=file,
        line=int(line),
        package="torch",
        evidence=evidence,
        extra=(("target", target), *(("declared", d) for d in declared)),
        new=True,
    )


#: pku-yuangroup__open-sora-plan__torch210-tv0162: one resolver error per pyproject environment
#: (runtime, `train`, `dev`), all saying what torch-family-mismatch says at the same line.
OPEN_SORA_STATIC = Finding(
    rule="torch-family-mismatch",
    category="torch-family-mismatch",
    severity=Severity.ERROR,
    message=(
        "torchvision==0.16.2 does not fit torch==2.1.0: torchvision 0.16.2 requires torch==2.1.2, "
        "so the install fails to resolve or pip swaps torch for another build (decided by the "
        "pins)."
    ),
    file="pyproject.toml",
    line=16,
    package="torchvision",
    evidence=("pyproject.toml:16: torch==2.1.0",),
    new=True,
)
OPEN_SORA_RESOLVER = _resolver(
    "`torch==2.1.0` (pyproject.toml:16) cannot be installed together with `torchvision==0.16.2` "
    "(pyproject.toml:16) for py3.8.20 x86_64-unknown-linux-gnu: the resolver found no version "
    "set that satisfies them.",
    (
        "Because torchvision==0.16.2 depends on torch==2.1.2 and you require torch==2.1.0, we can "
        "conclude that your requirements and torchvision==0.16.2 are incompatible.",
    ),
    "py3.8.20 x86_64-unknown-linux-gnu",
    "pyproject.toml:16",
    "pyproject.toml:16",
)
#: pytorch__serve__find-links-commented: the resolver and missing-pytorch-index on the same line.
SERVE_STATIC = Finding(
    rule="missing-pytorch-index",
    category="missing-pytorch-index",
    severity=Severity.ERROR,
    message=(
        "torch==1.8.0+cu101; sys_platform == 'linux' is the PyTorch CUDA 10.1 build, which only "
        "the PyTorch index serves (PyPI has no +cu101 wheels), and no index of this environment "
        "serves it (PyPI only): the install fails with 'No matching distribution found'."
    ),
    file="requirements/torch_cu101_linux.txt",
    line=3,
    package="torch",
    evidence=("indexes for requirements/torch_cu101_linux.txt: PyPI only",),
    new=True,
)
SERVE_RESOLVER = _resolver(
    "`torch==1.8.0+cu101` (requirements/torch_cu101_linux.txt:3) cannot be installed for "
    "py3.14.0 x86_64-unknown-linux-gnu: No declared index serves `+cu101` builds (searched: the "
    "default index).",
    (
        "Because there is no version of torch{sys_platform == 'linux'}==1.8.0+cu101 and you "
        "require torch{sys_platform == 'linux'}==1.8.0+cu101, we can conclude that your "
        "requirements are unsatisfiable.",
    ),
    "py3.14.0 x86_64-unknown-linux-gnu",
    "requirements/torch_cu101_linux.txt:3",
)


@pytest.mark.parametrize(
    ("why", "findings", "kept_rule"),
    [
        (
            "open-sora: three environments, one torch-family-mismatch",
            [OPEN_SORA_RESOLVER, OPEN_SORA_RESOLVER, OPEN_SORA_RESOLVER, OPEN_SORA_STATIC],
            "torch-family-mismatch",
        ),
        ("serve: no index serves +cu101", [SERVE_RESOLVER, SERVE_STATIC], "missing-pytorch-index"),
    ],
)
def test_other_static_rules_that_say_the_same(
    why: str, findings: list[Finding], kept_rule: str
) -> None:
    (kept,) = one_per_conflict(findings)
    assert kept.rule == kept_rule, why
    confirmations = [e for e in kept.evidence if e.startswith("the resolver confirms")]
    assert confirmations and len(confirmations) == len(set(confirmations)), why


def test_statements_do_not_cross() -> None:
    """A missing build does not fold into a torch-family-mismatch, nor a clash into
    missing-pytorch-index (same line, same package)."""
    moved = replace(
        SERVE_STATIC, file="pyproject.toml", line=16, message="torch==2.1.0, torchvision==0.16.2"
    )
    assert one_per_conflict([OPEN_SORA_RESOLVER, moved]) == [OPEN_SORA_RESOLVER, moved]
    family = replace(
        OPEN_SORA_STATIC, file="requirements/torch_cu101_linux.txt", line=3, message="torch ..."
    )
    assert one_per_conflict([SERVE_RESOLVER, family]) == [SERVE_RESOLVER, family]
