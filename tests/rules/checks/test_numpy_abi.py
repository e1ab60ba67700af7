"""numpy-abi: positive and negative cases."""

from __future__ import annotations

import pytest

from rules.checks.numpy_abi import RULES
from rules.manifests.model import Snapshot
from tests.rules.checks.mlsnap import req, run, snap

RULE = RULES[0]
ENV = "environment.yml"

CASES: list[tuple[str, Snapshot, list[tuple[str, str]]]] = [
    (
        "numpy 2 pinned with scipy 1.11",
        snap(req("numpy==2.0.2"), req("scipy==1.11.4")),
        [("scipy", "error")],
    ),
    ("numpy>=2 with pandas<2.2", snap(req("numpy>=2"), req("pandas<2.2")), [("pandas", "error")]),
    ("numpy unconstrained with torch 2.2", snap(req("torch==2.2.2")), [("torch", "warning")]),
    (
        "numpy>=1.24 with scikit-learn 1.3",
        snap(req("numpy>=1.24"), req("scikit-learn==1.3.2")),
        [("scikit-learn", "warning")],
    ),
    ("numpy<2 holds it", snap(req("numpy<2"), req("scipy==1.11.4")), []),
    # TensorFlow 2.15 declares numpy<2.0 itself (tensorflow/tensorflow#62131)
    ("tensorflow 2.15 caps numpy itself", snap(req("tensorflow==2.15.0")), []),
    ("tensorflow 2.15 with numpy>=1.26", snap(req("numpy>=1.26"), req("tensorflow==2.15.1")), []),
    (
        "tensorflow 2.15 with numpy 2 pinned",
        snap(req("numpy==2.0.2"), req("tensorflow==2.15.0")),
        [("tensorflow", "error")],
    ),
    (
        "tensorflow 2.16: cap not recorded",
        snap(req("tensorflow==2.16.1")),
        [("tensorflow", "warning")],
    ),
    ("ready versions", snap(req("numpy==2.1.3"), req("scipy==1.13.1"), req("torch==2.3.0")), []),
    ("lower bound past the first release", snap(req("numpy==2.1.3"), req("pandas>=2.2.2")), []),
    ("unknown packages are not judged", snap(req("numpy==2.1.3"), req("h5py==3.10.0")), []),
    (
        "conda names: pytorch 2.1 with numpy 2",
        snap(req("numpy==2.0.*", ENV, conda=True), req("pytorch==2.1.0", ENV, conda=True)),
        [("pytorch", "error")],
    ),
    (
        "reverse: numpy<2 with jax 0.7.2",
        snap(req("numpy<2"), req("jax==0.7.2")),
        [("numpy", "error")],
    ),
    (
        "reverse: numpy<2 with opencv 4.13",
        snap(req("numpy<2"), req("opencv-python-headless==4.13.0.90")),
        [("numpy", "error")],
    ),
    ("numpy 2 with jax 0.7.2", snap(req("numpy>=2"), req("jax==0.7.2")), []),
    ("numpy<2 with jax 0.4.30", snap(req("numpy<2"), req("jax==0.4.30")), []),
    (
        "different environments",
        snap(req("numpy==2.0.2", "a.txt"), req("scipy==1.11.4", "b.txt"), req("numpy<2", "b.txt")),
        [],
    ),
]


@pytest.mark.parametrize(("name", "snapshot", "expected"), CASES, ids=[c[0] for c in CASES])
def test_numpy_abi(name: str, snapshot: Snapshot, expected: list[tuple[str, str]]) -> None:
    findings = run(RULE, snapshot)
    assert [(f.package, f.severity.value) for f in findings] == expected
    for found in findings:
        assert found.category == "numpy-abi" and found.fix and found.line and found.evidence


MESSAGES: list[tuple[str, Snapshot, tuple[str, ...], tuple[str, ...]]] = [
    (
        "NumPy 2 pinned, cap recorded: a resolution failure, not an import error",
        snap(req("numpy==2.0.2"), req("tensorflow==2.15.0")),
        ("declares numpy<2.0 in its own metadata", "the install fails to resolve"),
        ("compiled using NumPy 1.x",),
    ),
    (
        "NumPy 2 pinned, cap not recorded: both outcomes",
        snap(req("numpy==2.0.2"), req("scipy==1.11.4")),
        ("fails to resolve if that release declares numpy<2", "compiled using NumPy 1.x"),
        (),
    ),
    (
        "numpy undeclared: the resolver decides, both outcomes",
        snap(req("torch==2.2.2")),
        ("nothing in this environment holds NumPy below 2", "only if that release declares"),
        ("the install fails to resolve",),
    ),
]


@pytest.mark.parametrize(
    ("name", "snapshot", "present", "absent"), MESSAGES, ids=[m[0] for m in MESSAGES]
)
def test_numpy_abi_messages_say_what_is_known(
    name: str, snapshot: Snapshot, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    (found,) = run(RULE, snapshot)
    for text in present:
        assert text in found.message
    for text in absent:
        assert text not in found.message
