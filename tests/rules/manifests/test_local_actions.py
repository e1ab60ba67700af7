"""Local composite actions a workflow step uses (rules.manifests.local_actions), and the
Python of the last setup-python step before each install.

Real files: DataDog/dd-trace-py at caf53ca2 (the corpus case
datadog__dd-trace-py__ci-lock-torch280-py314 holds the bytes, Apache-2.0):
.github/workflows/generate-package-versions.yml sets up Python 3.9 … 3.14 in six steps, then
``uses: ./.github/actions/setup-ci-deps``, whose composite step runs ``pip install -r
ci/requirements/ci.txt`` with the last Python set up (3.14); ci.txt locks torch==2.8.0, which
has no cp314 wheel. The fix (#17308, 8cddb60): "`torch==2.8.0` has no Python 3.14 wheel on
PyPI. The `generate-package-versions` workflow sets up Python 3.9-3.14 and installs
`ci/requirements/ci.txt` under Python 3.14".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.checks.support.evidence import targets_for_environment
from rules.manifests.local_actions import action_installs, local_action
from rules.manifests.snapshot import build_snapshot, missing_includes
from rules.review import review_trees

CASE = (
    Path(__file__).resolve().parents[2]
    / "realworld/cases/datadog__dd-trace-py__ci-lock-torch280-py314"
)
ACTION = ".github/actions/setup-ci-deps/action.yml"
CI_TXT = "ci/requirements/ci.txt"


def tree(side: str, leave_out: tuple[str, ...] = ()) -> dict[str, str]:
    root = CASE / side
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in root.rglob("*")
        if p.is_file() and p.name != ".gitkeep" and str(p.relative_to(root)) not in leave_out
    }


def pythons(files: dict[str, str], env: str) -> list[tuple[str, bool]]:
    snapshot = build_snapshot(files)
    return [(t.python, t.assumed) for t in targets_for_environment(snapshot, env)]


USES: list[tuple[str, str | None]] = [
    ("./.github/actions/setup-ci-deps", ".github/actions/setup-ci-deps"),
    ("./ci/setup/", "ci/setup"),
    ("actions/setup-python@v5", None),
    ("docker://alpine:3.20", None),
    ("./.github/workflows/reusable.yml@main", None),
    ("./../outside", None),
    ("./${{ inputs.action }}", None),
    (".", None),
]


@pytest.mark.parametrize(("uses", "expected"), USES, ids=[u for u, _ in USES])
def test_local_action(uses: str, expected: str | None) -> None:
    assert local_action(uses) == expected


ACTIONS: list[tuple[str, str, list[str]]] = [
    (
        "composite run steps from the workspace root",
        "runs:\n  using: composite\n  steps:\n"
        "    - run: pip install -r ci/requirements/ci.txt\n      shell: bash\n"
        "    - run: pip install -e .[test]\n      shell: bash\n",
        ["ci/requirements/ci.txt", "pyproject.toml", "pyproject.toml#test"],
    ),
    (
        "a step's working-directory",
        "runs:\n  using: composite\n  steps:\n"
        "    - run: pip install -r requirements.txt\n      working-directory: docs\n",
        ["docs/requirements.txt"],
    ),
    (
        "an input in the path gives nothing",
        "runs:\n  using: composite\n  steps:\n"
        "    - run: pip install -r ${{ inputs.file }}\n"
        "    - run: pip install -r x.txt\n      working-directory: ${{ inputs.dir }}\n",
        [],
    ),
    (
        "a JavaScript action installs nothing",
        "runs:\n  using: node20\n  main: index.js\n",
        [],
    ),
    ("not YAML", "runs: [\n", []),
    ("a mapping of steps", "runs:\n  using: composite\n  steps: {run: x}\n", []),
]


@pytest.mark.parametrize(("name", "text", "expected"), ACTIONS, ids=[a[0] for a in ACTIONS])
def test_action_installs(name: str, text: str, expected: list[str]) -> None:
    assert action_installs("a/action.yml", text) == expected


def test_the_action_file_is_asked_for_when_absent() -> None:
    """Without the action the snapshot names its possible files (the worker fetches them) and
    ci.txt keeps only the Python its uv header names (3.11)."""
    snapshot = build_snapshot(tree("head", leave_out=(ACTION,)))
    missing = missing_includes(snapshot)
    assert {ACTION, ".github/actions/setup-ci-deps/action.yaml"} <= missing
    assert pythons(tree("head", leave_out=(ACTION,)), CI_TXT) == [("3.11", False)]


def test_the_action_installs_ci_txt_with_the_last_python_set_up() -> None:
    """Six setup-python steps, then the action: pip is Python 3.14's, not 3.9's (and the
    workflow that installs the file outranks its uv header's 3.11)."""
    assert pythons(tree("head"), CI_TXT) == [("3.14", False)]


def test_the_real_revert_is_an_error_at_the_line_it_changed() -> None:
    """The revert adds torch==2.8.0 to ci.txt: an error there, naming the workflow's 3.14."""
    findings = [f for f in review_trees(tree("base"), tree("head")).findings if f.new]
    rule = "python-version-incompatible"
    torch = [f for f in findings if f.rule == rule and f.package == "torch"]
    assert [(f.severity.value, f.file) for f in torch] == [("error", CI_TXT)]
    assert "Python 3.14" in torch[0].message
    assert any(p == ".github/workflows/generate-package-versions.yml" for p, _ in torch[0].also_at)
    unchanged = review_trees(tree("base"), tree("base")).findings
    assert [f for f in unchanged if f.severity.value == "error"] == []


SEQUENCE = """jobs:
  test:
    steps:
      - run: pip install -r early.txt
      - uses: actions/setup-python@v5
        with:
          python-version: "3.8"
      - run: pip install -r old.txt
      - uses: actions/setup-python@v5
        with:
          python-version: ["3.11", "3.12"]
      - run: pip install -r new.txt
"""

SEQUENCES: list[tuple[str, list[tuple[str, bool]]]] = [
    ("old.txt", [("3.8", False)]),
    ("new.txt", [("3.11", False), ("3.12", False)]),
    # before any setup step: every Python the job sets up (as before this rule)
    ("early.txt", [("3.8", False), ("3.11", False), ("3.12", False)]),
]


@pytest.mark.parametrize(("env", "expected"), SEQUENCES, ids=[s[0] for s in SEQUENCES])
def test_each_install_gets_the_python_set_up_before_it(
    env: str, expected: list[tuple[str, bool]]
) -> None:
    files = {".github/workflows/ci.yml": SEQUENCE, "early.txt": "x\n", "old.txt": "x\n"}
    files["new.txt"] = "x\n"
    assert pythons(files, env) == expected


#: slothy-optimizer/slothy's python.yml: the job's Python is the local action's input, which
#: the action hands to its own setup-python before it installs requirements.txt.
LOCAL_SETUP = """jobs:
  test:
    strategy:
      matrix:
        python-version: ["3.9", "3.13"]
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - uses: ./.github/actions/setup-ubuntu
        with:
          python-version: ${{ matrix.python-version }}
      - run: pip install -r after.txt
"""
SETUP_ACTION = """runs:
  using: composite
  steps:
    - uses: actions/setup-python@v4
      with:
        python-version: ${{ inputs.python-version }}
    - shell: bash
      run: python3 -m pip install -r requirements.txt
"""


@pytest.mark.parametrize("env", ["requirements.txt", "after.txt"])
def test_a_local_action_given_a_python_version_sets_up_that_python(env: str) -> None:
    files = {
        ".github/workflows/python.yml": LOCAL_SETUP,
        ".github/actions/setup-ubuntu/action.yml": SETUP_ACTION,
        "requirements.txt": "sphinx==8.1.3\n",
        "after.txt": "x\n",
    }
    assert pythons(files, env) == [("3.9", False), ("3.13", False)]
