"""The worker reads the shell scripts that workflow steps run, and what they install (in the
fake GitHub: no network). The shape is neptune-ai/examples' test-scripts job (branch.yml at
cc60cedb: ``bash ./run_examples.sh`` in ``working-directory: ${{ matrix.scripts }}``)."""

from __future__ import annotations

from rules.checks.support.evidence import targets_for_environment
from tests.fakes.github import FakeGitHub
from worker.review.inputs import read_side

SHA = "a" * 40
WORKFLOW = """\
jobs:
  test-scripts:
    strategy:
      matrix:
        python-version: [3.6]
        scripts:
          - examples/keras/scripts
          - examples/sklearn/scripts
    steps:
      - uses: actions/setup-python@v2
        with:
          python-version: ${{ matrix.python-version }}
      - working-directory: ${{ matrix.scripts }}
        run: bash ./run_examples.sh
"""


def test_the_scripts_of_a_matrix_and_their_installs_are_fetched() -> None:
    fake = FakeGitHub()
    fake.commit(
        SHA,
        {
            ".github/workflows/ci.yml": WORKFLOW,
            "examples/keras/scripts/run_examples.sh": "pip install -r deps.in\npython x.py\n",
            "examples/keras/scripts/deps.in": "tensorflow==2.7.2\n",  # no requirements name
            "examples/keras/scripts/x.py": "print('not read')\n",
        },
    )
    side = read_side(fake, SHA, "head")
    assert set(side.tree.files) == {
        ".github/workflows/ci.yml",
        "examples/keras/scripts/run_examples.sh",
        "examples/keras/scripts/deps.in",
    }
    targets = targets_for_environment(side.snapshot, "examples/keras/scripts/deps.in")
    assert [(t.python, t.assumed) for t in targets] == [("3.6", False)]


ACTION_WORKFLOW = """\
jobs:
  deps:
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: "3.9"
      - uses: actions/setup-python@v5
        with:
          python-version: "3.14"
      - uses: ./.github/actions/setup-ci-deps
"""


def test_a_local_composite_action_and_what_it_installs_are_fetched() -> None:
    """The shape of DataDog/dd-trace-py's generate-package-versions.yml (caf53ca2): the
    action's ``pip install -r ci/requirements/ci.txt`` runs with the last Python set up."""
    fake = FakeGitHub()
    fake.commit(
        SHA,
        {
            ".github/workflows/ci.yml": ACTION_WORKFLOW,
            ".github/actions/setup-ci-deps/action.yml": (
                "runs:\n  using: composite\n  steps:\n"
                "    - run: pip install -r ci/requirements/ci.txt\n      shell: bash\n"
            ),
            "ci/requirements/ci.txt": "torch==2.8.0\n",
            "ci/notes.md": "not read\n",
        },
    )
    side = read_side(fake, SHA, "head")
    assert set(side.tree.files) == {
        ".github/workflows/ci.yml",
        ".github/actions/setup-ci-deps/action.yml",
        "ci/requirements/ci.txt",
    }
    targets = targets_for_environment(side.snapshot, "ci/requirements/ci.txt")
    assert [(t.python, t.assumed) for t in targets] == [("3.14", False)]
