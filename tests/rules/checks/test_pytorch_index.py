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
    # benedekrozemberczki/pytorch_geometric_temporal's docs/requirements.txt: a wheel's URL
    (
        "a +cpu wheel by URL needs no index",
        build_snapshot(
            {
                "requirements.txt": "https://download.pytorch.org/whl/cpu/"
                "torch-1.5.0%2Bcpu-cp37-cp37m-linux_x86_64.whl\n"
            }
        ),
        [],
    ),
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


PYG_ENV = (
    "name: pocketgen\nchannels:\n  - pytorch\ndependencies:\n  - python=3.8\n  - pip\n  - pip:\n"
    "{links}      - pyg-lib==0.2.0+pt113cu117\n      - torch-scatter==2.1.1+pt113cu117\n"
)


@pytest.mark.parametrize(
    ("files", "found"),
    [
        # zaixizhang/PocketGen 99eb5edd (#4: "No matching distribution found for pyg-lib"):
        # PyPI refuses local versions, and no find-links page is named; one finding per label
        ({"pocketgen.yaml": PYG_ENV.format(links="")}, 1),
        (
            {
                "pocketgen.yaml": PYG_ENV.format(
                    links="      - --find-links https://data.pyg.org/whl/torch-1.13.0+cu117.html\n"
                )
            },
            0,
        ),
        # a versioneer build of a git checkout: no index has it either
        ({"requirements.txt": "autodocktools-py3==1.5.7.post1+9.gda0c87c\n"}, 1),
        # a Dockerfile (or CI) installing the file may name the index on its command line, and
        # a base image may hold the build (NGC's torch 2.1.0a0+32f93b1)
        (
            {
                "requirements.txt": "pyg-lib==0.2.0+pt113cu117\n",
                "Dockerfile": "FROM python:3.10\nCOPY requirements.txt .\n"
                "RUN pip install -r requirements.txt -f https://data.pyg.org/whl/torch-1.13.0+cu117.html\n",
            },
            0,
        ),
        (
            {
                "Dockerfile": "FROM nvcr.io/nvidia/pytorch:23.10-py3\n"
                "RUN pip install torch==2.1.0a0+32f93b1\n"
            },
            0,
        ),
        # jaxlib's CUDA builds are jax-find-links'
        ({"requirements.txt": "jaxlib==0.4.7+cuda11.cudnn86\n"}, 0),
    ],
)
def test_local_versions_pypi_never_hosts(files: dict[str, str], found: int) -> None:
    findings = [f for f in run(RULES[0], build_snapshot(files)) if "local version" in f.message]
    assert len(findings) == found
    for f in findings:
        assert (f.rule, f.severity) == ("missing-pytorch-index", "error")
        assert "No matching distribution found" in f.message
    if found and "pocketgen.yaml" in files:
        (f,) = findings
        assert "pyg-lib==0.2.0+pt113cu117, torch-scatter==2.1.1+pt113cu117" in f.message
        assert f.fix == "--find-links https://data.pyg.org/whl/torch-1.13.0+cu117.html"
