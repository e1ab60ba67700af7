"""missing-pytorch-index, poetry-pytorch-source-priority, uv-pytorch-index-not-explicit."""

from __future__ import annotations

import pytest

from rules.checks.pytorch_index import RULES
from rules.manifests.model import IndexKind, Snapshot
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import index, req, run, snap

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


REQS = "torch==2.1.0+cu121\nnumpy<2\n"
RUN_SAME_LINE = (
    "FROM python:3.11-slim\nCOPY . .\n"
    f"RUN pip install -r requirements.txt --extra-index-url {PT}/cu121\n"
)
RUN_CONTINUED = (
    f"FROM python:3.11-slim\nCOPY requirements.txt /app/\nRUN pip install --no-cache-dir \\\n"
    f"    --extra-index-url {PT}/cu121 \\\n    -r /app/requirements.txt\n"
)
RUN_OTHER_COMMAND = (
    "FROM python:3.11-slim\n"
    f"RUN pip install torchvision==0.16.0+cu121 --extra-index-url {PT}/cu121\n"
    "COPY requirements.txt .\nRUN pip install -r requirements.txt\n"
)
OTHER_IMAGE = f"FROM python:3.11-slim\nRUN pip install torch==2.1.0+cu121 --index-url {PT}/cu121\n"

# (name, files, packages reported missing their index)
DOCKER_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    ("the install command's index serves the file", {"Dockerfile": RUN_SAME_LINE}, []),
    ("an install command continued over lines", {"Dockerfile": RUN_CONTINUED}, []),
    (
        "an index of another RUN in the same stage does not serve the file",
        {"Dockerfile": RUN_OTHER_COMMAND},
        ["torch"],
    ),
    (
        "another Dockerfile's index does not serve the file (nor that Dockerfile's pins)",
        {"docker/Dockerfile": OTHER_IMAGE},
        ["torch"],
    ),
    (
        "each Dockerfile keeps its own index",
        {"docker/Dockerfile": OTHER_IMAGE, "Dockerfile": RUN_SAME_LINE},
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "files", "missing"), DOCKER_CASES, ids=[c[0] for c in DOCKER_CASES]
)
def test_a_dockerfile_index_serves_only_the_installs_that_use_it(
    name: str, files: dict[str, str], missing: list[str]
) -> None:
    snapshot = build_snapshot({"requirements.txt": REQS, **files})
    found = [f for f in run(MISSING, snapshot) if f.file == "requirements.txt"]
    assert [f.package for f in found] == missing
    assert not [f for f in run(MISSING, snapshot) if f.file != "requirements.txt"]
