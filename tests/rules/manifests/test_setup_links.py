"""setuptools projects in a snapshot: the requirements files setup.py / setup.cfg read join
their environments, and `pip install .` names the file that declares the project."""

from __future__ import annotations

import pytest

from rules.manifests.snapshot import (
    build_snapshot,
    environment_requirements,
    installed_together,
    missing_includes,
)
from rules.review import review_trees

# the shape of pytorch/tnt@123453efc5344884dfeb417cf708c269a3432cbe:setup.py
SETUP_PY = """\
from setuptools import setup

def read_requirements(file_name):
    with open(file_name, encoding="utf8") as f:
        return [r for r in f.read().strip().split() if not r.startswith("-")]

setup(
    name="pkg",
    python_requires=">=3.7",
    install_requires=read_requirements("requirements.txt"),
    extras_require={"dev": read_requirements("dev-requirements.txt")},
)
"""
FILES = {
    "setup.py": SETUP_PY,
    "requirements.txt": "torch>=2.3.0\n",
    "dev-requirements.txt": "torchvision==0.15.2\npytest\n",
}
DOCKERFILE = 'FROM python:3.10\nCOPY . /app\nWORKDIR /app\nRUN pip install -e ".[dev]"\n'
WORKFLOW = """on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: "3.10"
      - run: pip install --no-build-isolation -e ".[dev]"
"""


def test_requirements_files_join_the_setup_environments() -> None:
    snapshot = build_snapshot(FILES)
    envs = environment_requirements(snapshot)
    assert [r.name for r in envs["setup.py"]] == ["torch"]
    assert [r.name for r in envs["setup.py#dev"]] == ["torchvision", "pytest"]
    # the files stay environments of their own
    assert [r.name for r in envs["requirements.txt"]] == ["torch"]
    assert {r.environment for r in snapshot.files["requirements.txt"].requirements} == {
        "requirements.txt"
    }


def test_files_read_by_setup_py_are_fetched_and_parsed_whatever_their_name() -> None:
    text = SETUP_PY.replace('"requirements.txt"', '"deps/base.pip.txt"')
    snapshot = build_snapshot({"setup.py": text})
    assert missing_includes(snapshot) == {"deps/base.pip.txt", "dev-requirements.txt"}
    snapshot = build_snapshot({"setup.py": text, "deps/base.pip.txt": "numpy\n"})
    assert "deps/base.pip.txt" in snapshot.files
    assert [r.name for r in environment_requirements(snapshot)["setup.py"]] == ["numpy"]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # no pyproject.toml: setup.py declares the project
        (
            {**FILES, "Dockerfile": DOCKERFILE},
            ("setup.py", "requirements.txt", "dev-requirements.txt", "setup.py#dev"),
        ),
        # a pyproject.toml of tool settings only (tnt's): still setup.py
        (
            {
                **FILES,
                "Dockerfile": DOCKERFILE,
                "pyproject.toml": "[tool.black]\nline-length = 88\n",
            },
            ("setup.py", "requirements.txt", "dev-requirements.txt", "setup.py#dev"),
        ),
        # setup.cfg declares it (setup.py a shim)
        (
            {
                "setup.py": "from setuptools import setup\nsetup()\n",
                "setup.cfg": "[options]\ninstall_requires =\n    torch\n",
                "Dockerfile": DOCKERFILE,
            },
            ("setup.cfg", "setup.cfg#dev"),
        ),
        # a PEP 621 [project] wins
        (
            {
                **FILES,
                "Dockerfile": DOCKERFILE,
                "pyproject.toml": '[project]\nname = "pkg"\ndependencies = ["torch"]\n',
            },
            ("pyproject.toml", "pyproject.toml#dev"),
        ),
    ],
)
def test_pip_install_dot_names_the_declaring_file(
    files: dict[str, str], expected: tuple[str, str]
) -> None:
    together = installed_together(build_snapshot(files))
    assert together["Dockerfile"] == expected


def test_workflow_install_dot_names_setup_py() -> None:
    snapshot = build_snapshot({**FILES, ".github/workflows/ci.yml": WORKFLOW})
    assert installed_together(snapshot)[".github/workflows/ci.yml#test"] == (
        "setup.py",
        "requirements.txt",
        "setup.py#dev",
        "dev-requirements.txt",
    )
    facts = {f.environment for f in snapshot.files[".github/workflows/ci.yml"].facts}
    assert {"setup.py", "setup.py#dev", "requirements.txt", "dev-requirements.txt"} <= facts


@pytest.mark.parametrize("installer", ["Dockerfile", ".github/workflows/ci.yml"])
def test_tnt_pip_install_dev_extra_is_judged_together(installer: str) -> None:
    # pytorch/tnt #877: `pip install -e ".[dev]"` installs torch>=2.3.0 (requirements.txt, read
    # by setup.py) with torchvision==0.15.2 (dev-requirements.txt, the 'dev' extra)
    text = DOCKERFILE if installer == "Dockerfile" else WORKFLOW
    review = review_trees({}, {**FILES, installer: text})
    errors = {(f.rule, f.file) for f in review.findings if f.severity.value == "error"}
    assert any(rule == "torch-family-mismatch" for rule, _ in errors), review.findings


# the shape of healthonrails/annolid@32c32 (environment.yml's pip list ends with `-e .`)
ANNOLID_SETUP = 'from setuptools import setup\nsetup(name="annolid", install_requires=[{pins}])\n'
ANNOLID_ENV = """name: annolid-env
channels:
  - conda-forge
dependencies:
  - python==3.7.6
  - pip
  - pip:
    - PyQt5==5.15.1
    - PyQtWebEngine==5.15.1
    - {local}
"""


@pytest.mark.parametrize(
    ("files", "environment", "held"),
    [
        (  # conda's pip list installs the project with the file's own pins: one resolution
            {
                "environment.yml": ANNOLID_ENV.format(local="-e ."),
                "setup.py": ANNOLID_SETUP.format(pins='"PyQtWebEngine==5.15.5"'),
            },
            "environment.yml",
            {"pyqt5==5.15.1", "pyqtwebengine==5.15.1", "pyqtwebengine==5.15.5"},
        ),
        (  # `-e .` names the file's own folder; a folder without a project gives nothing
            {
                "envs/requirements.txt": "-e .\nnumpy==1.26.4\n",
                "setup.py": ANNOLID_SETUP.format(pins='"numpy>=2"'),
            },
            "envs/requirements.txt",
            {"numpy==1.26.4"},
        ),
        (  # `.[dev]` brings the extra's requirements as well (pyproject.toml declares it)
            {
                "requirements.txt": ".[dev]\ntorch==2.1.0\n",
                "pyproject.toml": '[project]\nname = "p"\nversion = "1"\n'
                'dependencies = ["numpy<2"]\n'
                '[project.optional-dependencies]\ndev = ["torchvision==0.15.2"]\n',
            },
            "requirements.txt",
            {"torch==2.1.0", "numpy<2", "torchvision==0.15.2"},
        ),
        (  # a path outside the repository is not followed (pip names it by its folder)
            {
                "requirements.txt": "-e ../other\nnumpy==1.26.4\n",
                "setup.py": ANNOLID_SETUP.format(pins='"numpy>=2"'),
            },
            "requirements.txt",
            {"other", "numpy==1.26.4"},
        ),
    ],
)
def test_a_local_project_line_joins_the_projects_requirements(
    files: dict[str, str], environment: str, held: set[str]
) -> None:
    snapshot = build_snapshot(files)
    found = environment_requirements(snapshot)[environment]
    assert {f"{r.name}{r.specifier}" for r in found if r.ecosystem == "pypi"} == held


def test_annolid_setup_pin_against_the_conda_pins_is_a_conflict_at_setup_py() -> None:
    base = {
        "environment.yml": ANNOLID_ENV.format(local="-e ."),
        "setup.py": ANNOLID_SETUP.format(pins='"PyQtWebEngine==5.15.1"'),
    }
    head = base | {"setup.py": ANNOLID_SETUP.format(pins='"PyQtWebEngine==5.15.5"')}
    assert not [f for f in review_trees({}, base).findings if f.rule == "conflict"]
    found = [f for f in review_trees(base, head).findings if f.rule == "conflict"]
    assert [(f.severity.value, f.file) for f in found] == [("error", "setup.py")], found
    assert "environment.yml" in found[0].message


# the shape of Aider-AI/aider@3064477c:pyproject.toml
AIDER_PYPROJECT = """\
[project]
name = "aider-chat"
requires-python = ">=3.10,<3.13"
dynamic = ["dependencies", "optional-dependencies", "version"]

[tool.setuptools.dynamic]
dependencies = { file = "requirements.txt" }

[tool.setuptools.dynamic.optional-dependencies]
dev = { file = "requirements/requirements-dev.txt" }

[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"
"""


def test_a_pyprojects_setuptools_dynamic_files_are_its_requirements() -> None:
    """Aider-AI/aider 3064477c pinned networkx==3.5 (Requires-Python >=3.11) in the
    requirements.txt its pyproject.toml reads, while CI ran `pip install .` on 3.10."""
    files = {
        "pyproject.toml": AIDER_PYPROJECT,
        "requirements.txt": "networkx==3.4.2\n",
        "requirements/requirements-dev.txt": "pytest\n",
        ".github/workflows/ci.yml": WORKFLOW.replace('-e ".[dev]"', "."),
    }
    snapshot = build_snapshot(files)
    envs = environment_requirements(snapshot)
    assert [r.name for r in envs["pyproject.toml"]] == ["networkx"]
    assert [r.name for r in envs["pyproject.toml#dev"]] == ["pytest"]
    assert installed_together(snapshot)[".github/workflows/ci.yml#test"] == (
        "pyproject.toml",
        "requirements.txt",
    )
    head = files | {"requirements.txt": "networkx==3.5\n"}
    found = [
        f for f in review_trees(files, head).findings if f.rule == "python-version-incompatible"
    ]
    assert [(f.severity.value, f.file) for f in found] == [("error", "requirements.txt")], found
