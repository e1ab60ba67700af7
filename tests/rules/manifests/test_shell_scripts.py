"""Shell scripts a CI step runs (rules.manifests.shell_scripts) and matrix working folders.

Real files: neptune-ai/examples' .github/workflows/branch.yml at cc60cedb (the corpus case
neptune-ai__examples__dependabot-tf272-ci-py36 holds the bytes): the test-scripts job runs
setup-python 3.6 and ``bash ./run_examples.sh`` in ``working-directory: ${{ matrix.scripts
}}``. The scripts are not among the case's files; the one of the tensorflow-keras folder
installs ``pip install -r requirements.txt`` (the case's evidence; the script at commit
7a6c9539 read through the code index). The scripts below are written for the test with that
install line only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.checks.support.evidence import targets_for_environment
from rules.manifests._shellwords import split_commands
from rules.manifests.shell_scripts import script_call, script_installs
from rules.manifests.snapshot import build_snapshot, missing_includes
from rules.review import review_trees

CASE = (
    Path(__file__).resolve().parents[2]
    / "realworld/cases/neptune-ai__examples__dependabot-tf272-ci-py36"
)
FOLDER = "integrations-and-supported-tools/tensorflow-keras/scripts"
REQS = f"{FOLDER}/requirements.txt"
SCRIPT = f"{FOLDER}/run_examples.sh"
INSTALL = "pip install -r requirements.txt\n"


def tree(side: str) -> dict[str, str]:
    root = CASE / side
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in root.rglob("*")
        # the script the workflows run is left out: these tests read the dependency files
        # alone (the worker fetches the script in a second round, and the case holds it)
        if p.is_file() and p.name not in (".gitkeep", "run_examples.sh")
    }


CALLS: list[tuple[str, str | None]] = [
    ("bash ./run_examples.sh", "./run_examples.sh"),
    ("sh -e scripts/setup.sh", "scripts/setup.sh"),
    ("./ci/install.sh --fast", "./ci/install.sh"),
    ("env A=1 bash ci/install.sh", "ci/install.sh"),
    ("bash -c 'pip install x'", None),
    ("bash /opt/install.sh", None),
    ("bash $HOME/install.sh", None),
    ("python setup.py", None),
    ("ci/install", None),
]


@pytest.mark.parametrize(("command", "expected"), CALLS, ids=[c[0] for c in CALLS])
def test_script_call(command: str, expected: str | None) -> None:
    assert script_call(split_commands(command)[0]) == expected


def test_script_installs_from_its_folder() -> None:
    text = "echo hi\npip install -r requirements.txt\npython x.py\npip install -r ../common.txt\n"
    assert script_installs(text, "a/b") == ["a/b/requirements.txt", "a/common.txt"]


WORKFLOW = """jobs:
  test:
    strategy:
      matrix:
        python-version: ["3.8"]
        folder: [one, two]
        include:
          - folder: three
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - working-directory: ${{ matrix.folder }}
        run: RUN
"""


def pythons(files: dict[str, str], env: str) -> list[tuple[str, bool]]:
    snapshot = build_snapshot(files)
    return [(t.python, t.assumed) for t in targets_for_environment(snapshot, env)]


def workflow(run: str, **files: str) -> dict[str, str]:
    return {".github/workflows/ci.yml": WORKFLOW.replace("RUN", run), **files}


MATRIX: list[tuple[str, dict[str, str], str, list[tuple[str, bool]]]] = [
    (
        "pip -r in each matrix folder",
        workflow("pip install -r requirements.txt", **{"three/requirements.txt": "numpy\n"}),
        "three/requirements.txt",
        [("3.8", False)],
    ),
    (
        "a script in each matrix folder installs the folder's file",
        workflow(
            "bash ./setup.sh",
            **{"two/setup.sh": INSTALL, "two/requirements.txt": "numpy\n"},
        ),
        "two/requirements.txt",
        [("3.8", False)],
    ),
    (
        "a script that installs nothing binds nothing",
        workflow("bash ./setup.sh", **{"two/setup.sh": "echo hi\n", "two/requirements.txt": "x\n"}),
        "two/requirements.txt",
        [(p, True) for p in ("3.10", "3.11", "3.12", "3.13", "3.14")],
    ),
]


@pytest.mark.parametrize(("name", "files", "env", "expected"), MATRIX, ids=[c[0] for c in MATRIX])
def test_matrix_folders_and_scripts(
    name: str, files: dict[str, str], env: str, expected: list[tuple[str, bool]]
) -> None:
    assert pythons(files, env) == expected


def test_real_workflow_asks_for_the_scripts_it_runs() -> None:
    """Without the scripts the snapshot names them (the worker fetches them and builds again)
    and binds no Python to the folder's requirements file."""
    snapshot = build_snapshot(tree("head"))
    assert SCRIPT in missing_includes(snapshot)
    assert all(t.assumed for t in targets_for_environment(snapshot, REQS))


def test_real_workflow_with_the_script_binds_its_pythons() -> None:
    """With the script: Python 3.6 (branch.yml) and 3.6-3.8 (schedules.yml) run the folder's
    requirements file, and tensorflow==2.7.2 (cp37-cp39 wheels only) cannot install on 3.6."""
    base, head = tree("base"), tree("head")
    base[SCRIPT] = head[SCRIPT] = INSTALL
    assert pythons(head, REQS) == [("3.6", False), ("3.7", False), ("3.8", False)]
    new = [f for f in review_trees(base, head).findings if f.new]
    python = [f for f in new if f.category == "python-version-incompatible"]
    # The Dependabot bump changed the requirements file, not the workflows: each workflow's
    # finding is reported at the bumped line (its evidence names the unchanged workflow line).
    assert sorted((f.severity.value, f.file) for f in python) == [
        ("error", REQS),
        ("error", REQS),
    ]
    assert {f.message.split(" ")[0].split(":")[0] for f in python} == {
        ".github/workflows/branch.yml",
        ".github/workflows/schedules.yml",
    }
    assert all("tensorflow==2.7.2" in f.message and "3.6" in f.message for f in python)
    assert not [f for f in new if f.rule == "numpy-abi"]  # NumPy 1.x on 3.6-3.8
