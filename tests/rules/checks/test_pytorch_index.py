"""missing-pytorch-index, poetry-pytorch-source-priority, uv-pytorch-index-not-explicit."""

from __future__ import annotations

import pytest

from rules.checks.pytorch_index import RULES
from rules.manifests.model import FactKind, IndexKind, Snapshot
from tests.rules.checks.mlsnap import base_image, fact, index, req, run, snap

MISSING, POETRY, UV, _REPLACES = RULES
PT = "https://download.pytorch.org/whl"
PY = "pyproject.toml"

MISSING_CASES: list[tuple[str, Snapshot, list[tuple[str, str]]]] = [
    (
        "seed: +cu118 pin and PyPI only",
        snap(req("torch==2.1.0+cu118"), req("torchvision==0.16.0+cu118")),
        [
            ("torch", f"--extra-index-url {PT}/cu118"),
            ("torchvision", f"--extra-index-url {PT}/cu118"),
        ],
    ),
    (
        "+cpu pin with a private index only",
        snap(req("torch==2.1.0+cpu"), index("https://pypi.example.com/simple")),
        [("torch", f"--extra-index-url {PT}/cpu")],
    ),
    ("index-url given", snap(req("torch==2.1.0+cu118"), index(f"{PT}/cu118")), []),
    (
        "find-links to torch_stable.html",
        snap(
            req("torch==1.12.1+cu113"),
            index(f"{PT}/torch_stable.html", kind=IndexKind.FIND_LINKS),
        ),
        [],
    ),
    (
        "index declared in a -r included file of the same environment",
        snap(
            req("torch==2.1.0+cu121"),
            index(f"{PT}/cu121", "requirements/base.txt", env="requirements.txt"),
        ),
        [],
    ),
    (
        "index of another environment does not serve",
        snap(req("torch==2.1.0+cu121", "a.txt"), index(f"{PT}/cu121", "b.txt")),
        [("torch", f"--extra-index-url {PT}/cu121")],
    ),
    (
        "Dockerfile passes the index to pip (repo-wide)",
        snap(
            req("torch==2.1.0+cu121"),
            base_image("python:3.11-slim"),
            fact(
                FactKind.PIP_OPTION,
                f"--extra-index-url={PT}/cu121",
                "Dockerfile",
                detail=f"RUN pip install -r requirements.txt --extra-index-url {PT}/cu121",
                line=3,
            ),
        ),
        [],
    ),
    (
        "Poetry dependency tied to an undeclared source",
        snap(req("torch==2.1.0+cu118", PY, index="torch-cu118")),
        [("torch", "")],
    ),
    (
        "Poetry explicit source serves only what names it",
        snap(
            req("torch==2.1.0+cu118", PY),
            index(f"{PT}/cu118", PY, kind=IndexKind.POETRY_SOURCE, name="pt", priority="explicit"),
        ),
        [("torch", "")],
    ),
    (
        "Poetry explicit source named by the dependency",
        snap(
            req("torch==2.1.0+cu118", PY, index="pt"),
            index(f"{PT}/cu118", PY, kind=IndexKind.POETRY_SOURCE, name="pt", priority="explicit"),
        ),
        [],
    ),
    (
        "uv index tied through tool.uv.sources",
        snap(
            req("torch==2.4.0+cu124", PY, index="pytorch"),
            index(f"{PT}/cu124", PY, kind=IndexKind.UV_INDEX, name="pytorch", explicit=True),
        ),
        [],
    ),
    ("plain pin needs no PyTorch index", snap(req("torch==2.1.0")), []),
]


@pytest.mark.parametrize(
    ("name", "snapshot", "expected"), MISSING_CASES, ids=[c[0] for c in MISSING_CASES]
)
def test_missing_pytorch_index(
    name: str, snapshot: Snapshot, expected: list[tuple[str, str]]
) -> None:
    findings = run(MISSING, snapshot)
    assert [f.package for f in findings] == [p for p, _ in expected]
    for found, (_, fix) in zip(findings, expected, strict=True):
        assert found.severity == "error" and found.line and found.fix
        if fix:
            assert found.fix == fix


def test_pyproject_fix_is_a_source_block() -> None:
    findings = run(MISSING, snap(req("torch==2.1.0+cu118", PY)))
    assert findings and "[[tool.uv.index]]" in (findings[0].fix or "")
    poetry = snap(
        req("torch==2.1.0+cu118", PY),
        index("https://pypi.example.com/simple", PY, kind=IndexKind.POETRY_SOURCE, name="corp"),
    )
    findings = run(MISSING, poetry)
    assert findings and "[[tool.poetry.source]]" in (findings[0].fix or "")


@pytest.mark.parametrize(
    ("priority", "flagged"),
    [
        (None, True),
        ("primary", True),
        ("default", True),
        ("supplemental", False),
        ("explicit", False),
    ],
)
def test_poetry_pytorch_source_priority(priority: str | None, flagged: bool) -> None:
    snapshot = snap(
        index(f"{PT}/cu118", PY, kind=IndexKind.POETRY_SOURCE, name="pytorch", priority=priority)
    )
    findings = run(POETRY, snapshot)
    assert len(findings) == int(flagged)
    if flagged:
        assert findings[0].category == "missing-pytorch-index"
        assert findings[0].severity == "warning"
        assert 'priority = "explicit"' in (findings[0].fix or "")


def test_poetry_rule_ignores_other_sources() -> None:
    snapshot = snap(
        index("https://pypi.example.com/simple", PY, kind=IndexKind.POETRY_SOURCE, name="corp")
    )
    assert run(POETRY, snapshot) == []


@pytest.mark.parametrize(("explicit", "flagged"), [(False, True), (True, False)])
def test_uv_pytorch_index_explicit(explicit: bool, flagged: bool) -> None:
    snapshot = snap(
        index(f"{PT}/cu124", PY, kind=IndexKind.UV_INDEX, name="pytorch", explicit=explicit)
    )
    assert len(run(UV, snapshot)) == int(flagged)
