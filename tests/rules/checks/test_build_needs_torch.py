"""build-needs-torch: sdists on PyPI whose build imports torch (rules.kb.torch_builds).

IBM/materials 5fc4dde added a bare ``torch_scatter`` to requirements.txt next to
``torch>=2.1.0``; issue #34 reported the install failing, PR #44 removed the line. The table's
rows were read from every sdist of each project on the index (2026-12-05).
"""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.checks.build_needs_torch import BuildNeedsTorch, OwnBuildNeedsTorch
from rules.kb.torch_builds import ROWS, newest, torch_build
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

_PYPROJECT = '[project]\nname = "x"\nversion = "1"\ndependencies = ["torch", "flash-attn>=2"]\n'


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # IBM/materials: torch and a bare torch_scatter in one file
        ({"requirements.txt": "torch>=2.1.0\ntorch_scatter\n"}, [("error", 2)]),
        ({"requirements.txt": "torch-scatter==2.1.2\n"}, [("error", 1)]),  # no torch at all
        ({"requirements.txt": "torch-scatter==1.0.3\n"}, []),  # before setup.py imported torch
        ({"requirements.txt": "torch-scatter==2.1.2+pt21cu121\n"}, []),  # a wheel page's build
        # PyG's wheel page serves wheels: nothing is built
        (
            {
                "requirements.txt": "-f https://data.pyg.org/whl/torch-2.1.0+cpu.html\ntorch-scatter\n"
            },
            [],
        ),
        ({"requirements.txt": "flash-attn\n"}, [("error", 1)]),  # the newest, 2.8.3
        ({"requirements.txt": "flash-attn==1.0.6\n"}, []),  # declared torch as a build need
        ({"requirements.txt": "flash-attn<2.5\n"}, []),  # capped: which release is unknown
        ({"requirements.txt": "causal-conv1d\n"}, []),  # 1.5.1 on declare torch
        ({"requirements.txt": "causal-conv1d==1.4.0\n"}, [("error", 1)]),
        ({"requirements.txt": "mamba-ssm==2.3.0\n"}, []),
        ({"requirements.txt": "mamba-ssm==2.3.2.post1\n"}, [("error", 1)]),
        # conda installs pytorch first, then pip builds: older pip works, pip 25.3 and uv not
        (
            {
                "environment.yml": "dependencies:\n  - python=3.10\n  - pytorch=2.1\n  - pip\n"
                "  - pip:\n    - torch-scatter\n"
            },
            [("warning", 6)],
        ),
        # the same pip section installs torch: metadata first, so every pip fails
        (
            {
                "environment.yml": "dependencies:\n  - python=3.10\n  - pip\n  - pip:\n"
                "    - torch==2.1.0\n    - torch-scatter==2.1.2\n"
            },
            [("error", 6)],
        ),
        # a package's own metadata: its users may have installed a build first
        ({"pyproject.toml": _PYPROJECT}, [("warning", 4)]),
        # uv builds it without isolation, over the environment's torch
        (
            {
                "pyproject.toml": _PYPROJECT
                + '[tool.uv]\nno-build-isolation-package = ["flash-attn"]\n'
            },
            [],
        ),
        ({"pyproject.toml": _PYPROJECT + "[tool.uv]\nno-build-isolation = true\n"}, []),
        # a Dockerfile installs the file: its command may pass --no-build-isolation
        (
            {
                "requirements.txt": "torch\ntorch-scatter\n",
                "Dockerfile": "FROM python:3.10\nCOPY requirements.txt .\n"
                "RUN pip install --no-build-isolation -r requirements.txt\n",
            },
            [],
        ),
    ],
)
def test_build_needs_torch(files: dict[str, str], expected: list[tuple[str, int]]) -> None:
    findings = run(BuildNeedsTorch(), build_snapshot(files))
    assert [(f.severity.value, f.line) for f in findings] == expected
    for found in findings:
        assert (found.rule, found.category) == ("build-needs-torch", "missing-pytorch-index")
        assert "No module named 'torch'" in found.message
        assert found.evidence and found.fix


def test_pyg_fix_names_the_wheel_page() -> None:
    (found,) = run(BuildNeedsTorch(), build_snapshot({"requirements.txt": "torch_scatter\n"}))
    assert found.fix is not None and "data.pyg.org/whl" in found.fix
    assert "2.1.2 (the newest release it admits)" in found.message
    (flash,) = run(BuildNeedsTorch(), build_snapshot({"requirements.txt": "flash-attn==2.5.6\n"}))
    assert flash.fix is not None and "--no-build-isolation" in flash.fix


def test_table() -> None:
    assert torch_build("Torch_Scatter", Version("2.0.9")) is not None
    assert torch_build("flash-attn", Version("1.0.8")) is None
    assert torch_build("flash-attn", Version("1.0.9")) is not None
    assert torch_build("numpy", Version("2.0.0")) is None
    assert newest("flash-attn") == Version("2.8.3") and newest("numpy") is None
    for row in ROWS:
        assert row.sources and row.fix
        # a package's rows agree on its newest release; only causal-conv1d's builds it
        assert newest(row.package) == row.newest
        assert (torch_build(row.package, row.newest) is None) == (row.package == "causal-conv1d")


#: NVIDIA/physicsnemo-sym #198: torch left [build-system] requires; setup.py still imports it.
OWN_SETUP = "import glob\nfrom setuptools import setup\nimport torch\nsetup(name='x')\n"
OWN_PYPROJECT = (
    '[build-system]\nrequires = ["setuptools", "setuptools-scm"]\n'
    'build-backend = "setuptools.build_meta"\n\n[project]\nname = "x"\nversion = "1"\n'
)
OWN_BUILDS: list[tuple[str, dict[str, str], list[tuple[str, str]]]] = [
    ("torch left the build", {}, [("error", "pyproject.toml")]),
    (
        "torch in the build",
        {"pyproject.toml": OWN_PYPROJECT.replace('"setuptools-scm"', '"setuptools-scm", "torch"')},
        [],
    ),
    (
        "uv builds it without isolation",
        {"pyproject.toml": OWN_PYPROJECT + '\n[tool.uv]\nno-build-isolation-package = ["torch"]\n'},
        [],
    ),
    ("no import of torch", {"setup.py": "from setuptools import setup\nsetup(name='x')\n"}, []),
    (
        "an import inside a function",
        {"setup.py": "from setuptools import setup\ndef ext():\n    import torch\nsetup()\n"},
        [],
    ),
    (
        "no build-system table",
        {"pyproject.toml": '[project]\nname = "x"\nversion = "1"\n'},
        [],
    ),
    (
        "a -e . line in a requirements file an image installs",
        {
            "Dockerfile": "FROM python:3.11\nCOPY . /app\nRUN pip install -r requirements.txt\n",
            "requirements.txt": "-e .\n",
        },
        [("error", "pyproject.toml")],
    ),
    (
        "an image installs the folder (it may pass --no-build-isolation)",
        {"Dockerfile": "FROM python:3.11\nCOPY . /app\nWORKDIR /app\nRUN pip install .\n"},
        [("warning", "pyproject.toml")],
    ),
]


@pytest.mark.parametrize(
    ("files", "expected"), [c[1:] for c in OWN_BUILDS], ids=[c[0] for c in OWN_BUILDS]
)
def test_the_projects_own_build_needs_torch(
    files: dict[str, str], expected: list[tuple[str, str]]
) -> None:
    tree = {"setup.py": OWN_SETUP, "pyproject.toml": OWN_PYPROJECT, **files}
    found = run(OwnBuildNeedsTorch(), build_snapshot(tree))
    assert [(f.severity.value, f.file) for f in found] == expected
    for f in found:
        assert f.category == "config-error" and "No module named 'torch'" in f.message
