"""CI workflows: setup-python versions per job, applied to the files the job installs."""

from __future__ import annotations

import pytest

from rules.kb.pyspec import KNOWN_MINORS
from rules.manifests._workflow_jobs import setup_python_minor
from rules.manifests.workflow import WorkflowParser, python_minor

NEWEST = KNOWN_MINORS[-1]

PATH = ".github/workflows/ci.yml"

MATRIX = """\
jobs:
  test:
    strategy:
      matrix:
        python-version: ["3.9", "3.10", "3.11"]
        include:
          - python-version: "3.12"
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - run: |
          python -m pip install --upgrade pip
          pip install -r requirements/test.txt
          pip install -e ".[test]"
"""
SCALAR = """\
jobs:
  lint:
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: '3.8'
      - run: pip install flake8
"""
LIST_AND_FOLDER = """\
jobs:
  build:
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: |
            3.10
            3.x
            pypy-3.9
      - run: poetry install
        working-directory: backend
"""
OTHER_KEY = """\
jobs:
  t:
    strategy:
      matrix:
        py: ['3.7', '3.13-dev']
        os: [ubuntu-latest]
    steps:
      - uses: actions/setup-python@v4
        with: {python-version: "${{ matrix.py }}"}
      - run: uv sync
"""

#: (case, text, expected facts as (python, line, environment), expected include_paths)
CASES: list[tuple[str, str, list[tuple[str, int, str]], tuple[str, ...]]] = [
    (
        "matrix list and include, two installed files",
        MATRIX,
        [
            ("3.9", 5, "requirements/test.txt"),
            ("3.9", 5, "pyproject.toml"),
            ("3.9", 5, "pyproject.toml#test"),  # `pip install ".[test]"`: the extra too
            ("3.10", 5, "requirements/test.txt"),
            ("3.10", 5, "pyproject.toml"),
            ("3.10", 5, "pyproject.toml#test"),
            ("3.11", 5, "requirements/test.txt"),
            ("3.11", 5, "pyproject.toml"),
            ("3.11", 5, "pyproject.toml#test"),
            ("3.12", 7, "requirements/test.txt"),
            ("3.12", 7, "pyproject.toml"),
            ("3.12", 7, "pyproject.toml#test"),
        ],
        ("requirements/test.txt",),
    ),
    # the lint job installs flake8 by name (its own environment): no guess at other files
    ("a scalar version, only a named package installed", SCALAR, [], ()),
    (
        "a multi-line list; 3.x is the newest CPython, pypy gives nothing; working-directory",
        LIST_AND_FOLDER,
        [("3.10", 6, "backend/pyproject.toml"), (NEWEST, 6, "backend/pyproject.toml")],
        (),
    ),
    (
        "another matrix key, flow mapping, -dev versions",
        OTHER_KEY,
        [("3.7", 5, "pyproject.toml"), ("3.13", 5, "pyproject.toml")],
        (),
    ),
    (  # MeteoSwiss/rainforest 2149ac75: the checkout's root written as an expression
        "working-directory ${{github.workspace}} (and below it)",
        LIST_AND_FOLDER.replace("backend", "${{github.workspace}}"),
        [("3.10", 6, "pyproject.toml"), (NEWEST, 6, "pyproject.toml")],
        (),
    ),
    (
        "working-directory $GITHUB_WORKSPACE/backend",
        LIST_AND_FOLDER.replace("backend", "$GITHUB_WORKSPACE/backend"),
        [("3.10", 6, "backend/pyproject.toml"), (NEWEST, 6, "backend/pyproject.toml")],
        (),
    ),
    ("not a mapping", "- just\n- a list\n", [], ()),
    ("invalid YAML", "jobs: [\n", [], ()),
]


@pytest.mark.parametrize(("case", "text", "facts", "includes"), CASES, ids=[c[0] for c in CASES])
def test_workflow(
    case: str, text: str, facts: list[tuple[str, int, str]], includes: tuple[str, ...]
) -> None:
    manifest = WorkflowParser().parse(PATH, text)
    job_envs = f"{PATH}#"  # by-name installs: test_workflow_jobs.py
    got = [
        (f.value, f.location.line, f.environment)
        for f in manifest.facts
        if not f.environment.startswith(job_envs)
    ]
    assert got == facts, case
    assert manifest.include_paths == includes
    assert not manifest.errors


@pytest.mark.parametrize(
    ("text", "minor"),
    [("3.10", "3.10"), ("3.9.18", "3.9"), ("3.13-dev", "3.13"), ("3.x", None), ("pypy-3.9", None)],
)
def test_python_minor(text: str, minor: str | None) -> None:
    assert python_minor(text) == minor


# rhasspy/wyoming-piper's test.yml: `python-version: "3.x"` set up Python 3.14 the day 3.14
# shipped, where onnxruntime had no cp314 wheel; `3` moves the same way (setup-python's
# manifest: the newest stable CPython 3).
@pytest.mark.parametrize(
    ("text", "minor"),
    [("3.x", NEWEST), ("3", NEWEST), ("'3.x'", NEWEST), ("3.11", "3.11"), ("pypy-3.9", None)],
)
def test_setup_python_minor_takes_a_moving_version_as_the_newest_cpython(
    text: str, minor: str | None
) -> None:
    assert setup_python_minor(text) == minor


def test_a_moving_version_says_which_python_it_stands_for() -> None:
    text = SCALAR.replace("'3.8'", "'3.x'").replace("pip install flake8", "pip install -e .")
    [fact] = WorkflowParser().parse(PATH, text).facts
    assert fact.value == NEWEST
    assert f"3.x (the newest CPython, {NEWEST} on the review date)" in fact.detail


def test_a_moving_version_of_another_setup_action_gives_nothing() -> None:
    text = SCALAR.replace("actions/setup-python@v5", "conda-incubator/setup-miniconda@v3")
    text = text.replace("'3.8'", "'3'").replace("pip install flake8", "pip install -e .")
    assert not WorkflowParser().parse(PATH, text).facts


# isl-org/Open3D-ML's style.yml: Python 3.6 for a job that installs only its linters by name.
LINT_ONLY = """\
jobs:
  style:
    steps:
      - uses: actions/setup-python@v2
        with:
          python-version: 3.6
      - run: python -m pip install -U yapf==0.30.0 nbformat pydocstyle==6.0.0
"""


def test_a_job_that_installs_only_named_packages_says_nothing_of_the_repositorys_files() -> None:
    manifest = WorkflowParser().parse(PATH, LINT_ONLY)
    assert [f.environment for f in manifest.facts] == [f"{PATH}#style"]


def test_a_job_that_installs_nothing_nameable_still_guesses_the_top_level_files() -> None:
    text = LINT_ONLY.replace(
        "python -m pip install -U yapf==0.30.0 nbformat pydocstyle==6.0.0", "source ci.sh"
    )
    manifest = WorkflowParser().parse(PATH, text)
    assert [f.environment for f in manifest.facts] == [""]


# Unidata/cftime's tests_conda.yml: micromamba creates the test environment with numpy and
# cython, and the project's own install is in steps only some combinations run.
CONDA_CREATE = """\
jobs:
  run:
    runs-on: ubuntu-latest
    steps:
      - uses: mamba-org/setup-micromamba@v1
        with:
          create-args: >-
            python=3.8
            numpy>1.13.3
      - if: matrix.experimental != true
        run: python -m pip install -v -e . --no-deps
"""


def test_a_conda_setups_packages_leave_the_job_python_the_top_level_guess() -> None:
    manifest = WorkflowParser().parse(PATH, CONDA_CREATE)
    assert {(f.value, f.environment) for f in manifest.facts} == {
        ("3.8", ""),  # the repository's top-level files
        ("3.8", f"{PATH}#run"),  # the environment numpy is created in
    }
    assert [(r.name, r.environment) for r in manifest.requirements] == [("numpy", f"{PATH}#run")]


_SETUP = """\
jobs:
  test:
    strategy:
      matrix:
        python-version: {matrix}
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: {value}
"""


@pytest.mark.parametrize(
    ("matrix", "value", "errors"),
    [
        # jeschkelab/DeerLab #255 (fixed by quoting in #257): YAML reads 3.10 as 3.1
        ("[3.6, 3.7, 3.8, 3.9, 3.10]", "${{ matrix.python-version }}", [(5, 46, "3.1")]),
        ("['3.9', '3.10']", "${{ matrix.python-version }}", []),
        ('["3.10", 3.11]', "${{ matrix.python-version }}", []),
        ("[3.9]", "3.10", [(9, 27, "3.1")]),
        ("[3.9]", "3.20", [(9, 27, "3.2")]),
        ("[3.9]", "'3.10'", []),
        ("[3.9]", "3.x", []),
    ],
)
def test_unquoted_version_with_trailing_zero(
    matrix: str, value: str, errors: list[tuple[int, int, str]]
) -> None:
    text = _SETUP.format(matrix=matrix, value=value)
    manifest = WorkflowParser().parse(".github/workflows/ci.yml", text)
    got = [(e.line, e.column, e.message) for e in manifest.errors]
    assert [(line, column) for line, column, _ in got] == [(line, col) for line, col, _ in errors]
    for (_, _, message), (_, _, read) in zip(got, errors, strict=True):
        assert f"looks for Python {read} " in message and "Quote it" in message


def test_unquoted_version_for_miniconda() -> None:
    text = _SETUP.format(matrix="[3.9, 3.10]", value="${{ matrix.python-version }}").replace(
        "actions/setup-python@v5", "conda-incubator/setup-miniconda@v3"
    )
    (error,) = WorkflowParser().parse(".github/workflows/ci.yml", text).errors
    assert (error.line, error.column) == (5, 31)
    assert "conda-incubator/setup-miniconda looks for Python 3.1 " in error.message


def test_uv_python_pin_is_the_job_s_python() -> None:
    """NVIDIA/Megatron-Energon tests.yml: ``uv python pin 3.9`` and then ``just dev-sync``."""
    text = (
        "jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: astral-sh/setup-uv@v5\n"
        "      - run: |\n          uv python pin 3.9\n"
        "      - run: just dev-sync\n"
    )
    manifest = WorkflowParser().parse(".github/workflows/tests.yml", text)
    assert [(f.value, f.detail) for f in manifest.facts] == [("3.9", "uv python pin 3.9")]


def test_uv_python_pin_after_setup_python_is_the_python_of_the_later_steps() -> None:
    """A requirements file installed after ``uv python pin 3.9`` gets 3.9, not the 3.12 that an
    earlier setup-python step set (both stay the job's Pythons)."""
    text = (
        "jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n"
        "      - run: pip install -r before.txt\n"
        "      - run: uv python pin 3.9\n"
        "      - run: pip install -r after.txt\n"
    )
    manifest = WorkflowParser().parse(".github/workflows/tests.yml", text)
    placed = {(f.value, f.environment) for f in manifest.facts if f.environment}
    assert placed == {("3.12", "before.txt"), ("3.9", "after.txt")}


def test_setup_uv_python_version_is_the_job_s_python() -> None:
    """crate/cratedb-examples timeseries.yml: ``astral-sh/setup-uv`` with ``python-version:
    ${{ matrix.python-version }}`` (3.10, 3.14) and then ``uv pip install``."""
    text = (
        "jobs:\n  t:\n    strategy:\n      matrix:\n        python-version: ['3.10', '3.14']\n"
        "    steps:\n      - uses: astral-sh/setup-uv@v7\n        with:\n"
        "          python-version: ${{ matrix.python-version }}\n"
        "      - run: uv pip install -r requirements.txt\n"
    )
    manifest = WorkflowParser().parse(".github/workflows/ci.yml", text)
    found = {(f.value, f.environment) for f in manifest.facts}
    assert found == {("3.10", "requirements.txt"), ("3.14", "requirements.txt")}
    assert all("astral-sh/setup-uv" in f.detail for f in manifest.facts)


_MATRIX_INSTALL = """on: push
jobs:
  pytest:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python-version: ["3.7", "3.10"]
        env: ['-r requirements.txt .[all]', '--upgrade --upgrade-strategy=eager .[all]']
    steps:
      - uses: actions/setup-python@v2
        with:
          python-version: ${{ matrix.python-version }}
      - run: |
          pip install ${{ matrix.env }}
"""


def test_a_matrix_value_is_put_in_before_the_words_are_split() -> None:
    """NREL/bifacial_radiance's pytest.yaml: `pip install ${{ matrix.env }}` with env
    '-r requirements.txt .[all]' installs requirements.txt on both Pythons (its Dependabot
    numpy 1.22.0 bump broke the 3.7 leg, #425/#436)."""
    manifest = WorkflowParser().parse(".github/workflows/pytest.yaml", _MATRIX_INSTALL)
    assert manifest.include_paths == ("requirements.txt",)
    pythons = {(f.value, f.environment) for f in manifest.facts}
    assert {("3.7", "requirements.txt"), ("3.10", "requirements.txt")} <= pythons
    assert ("3.7", "pyproject.toml#all") in pythons


def test_a_matrix_key_with_no_string_value_leaves_the_script_as_written() -> None:
    text = _MATRIX_INSTALL.replace(
        "env: ['-r requirements.txt .[all]', '--upgrade --upgrade-strategy=eager .[all]']",
        "env: [{a: 1}]",
    )
    manifest = WorkflowParser().parse(".github/workflows/pytest.yaml", text)
    assert manifest.include_paths == ()


CONDITIONED = """\
jobs:
  build:
    runs-on: ${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, macos-latest]
        python-version: ["3.8", "3.10", "3.11"]
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - run: pip install -e .
      - name: If mac and python 3.10, install ray
        if: matrix.os == 'macOS-latest' && matrix.python-version == '3.10'
        run: pip install -e .[ray]
      - if: ${{ matrix.python-version != '3.11' }}
        run: pip install -r old.txt
      - if: github.event_name == 'push'
        run: pip install -r unknown.txt
"""


@pytest.mark.parametrize(
    ("target", "pythons"),
    [
        ("pyproject.toml", {"3.8", "3.10", "3.11"}),
        # microsoft/FLAML a68d073: the step runs on one macOS job only, never on Linux
        ("pyproject.toml#ray", set()),
        # torchtune's gpu_test.yaml: `if: matrix.python-version != '3.9'`
        ("old.txt", {"3.8", "3.10"}),
        # a condition the workflow's text does not decide leaves every Python
        ("unknown.txt", {"3.8", "3.10", "3.11"}),
    ],
)
def test_a_step_s_if_leaves_out_the_pythons_of_jobs_it_never_runs_on(
    target: str, pythons: set[str]
) -> None:
    manifest = WorkflowParser().parse(PATH, CONDITIONED)
    assert {f.value for f in manifest.facts if f.environment == target} == pythons


_ENV_INSTALL = """name: tests
env:
  extra-requires: "[gpytorch,dev]"
  computed: ${{ github.sha }}
jobs:
  source-test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python-version: ["3.8", "3.10"]
    env:
      REQS: requirements/ci.txt
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - run: |
          python -m pip install -e ".${{ env.extra-requires }}"
          python -m pip install -r ${{ env.REQS }}
          python -m pip install -r ${{ env.computed }}.txt
"""


def test_a_workflow_env_value_is_put_in_before_the_words_are_split() -> None:
    """automl/SMAC3's pytest.yml: ``pip install -e ".${{ env.extra-requires }}"`` with the
    workflow's ``extra-requires: "[gpytorch,dev]"`` installs the project and its extras on
    each matrix Python (its scipy>=1.15.1 broke the 3.8 and 3.9 legs, PR #1187); a job's
    ``env:`` is read too, and a value that is itself an expression is not."""
    manifest = WorkflowParser().parse(".github/workflows/pytest.yml", _ENV_INSTALL)
    assert "requirements/ci.txt" in manifest.include_paths
    assert not any("github" in p for p in manifest.include_paths)
    pythons = {(f.value, f.environment) for f in manifest.facts}
    assert {("3.8", "pyproject.toml#gpytorch"), ("3.10", "pyproject.toml#dev")} <= pythons
    assert ("3.8", "requirements/ci.txt") in pythons


def test_an_env_value_named_many_times_is_not_multiplied_past_the_script_budget() -> None:
    """A hostile workflow: a 200,000-character ``env:`` value named ten times in one ``run:``
    would make a 2 MB script (2,000 times, 400 MB and minutes). Past `MAX_SCRIPT_CHARS` the
    script is read as written (its unknown expressions install nothing) and the workflow's
    script budget is spent, as for a script that long; a short value before it is put in."""
    long_value = "a" * 200_000
    refs = " ".join(["${{ env.X }}"] * 10)
    text = (
        f"on: push\nenv:\n  X: {long_value}\n  Y: numpy\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
        f"    steps:\n      - run: pip install ${{{{ env.Y }}}}\n      - run: pip install {refs}\n"
    )
    manifest = WorkflowParser().parse(".github/workflows/ci.yml", text)
    assert [r.name for r in manifest.requirements] == ["numpy"]
    assert sum(len(p) for p in manifest.include_paths) < 1_000


# glotzerlab/freud's run_tests.yml: the matrix pairs each Python with the conda file the
# setup step creates; test_env.yaml pip-installs requirements/requirements-test.txt.
FREUD = """\
jobs:
  run_tests:
    runs-on: ${{ matrix.os }}
    strategy:
      matrix:
        os: [macOS-latest, ubuntu-latest]
        pyver-env: [ {pyver: '3.7', env: 'test-oldest_env.yaml'},
                     {pyver: '3.8', env: 'test_env.yaml'} ]
    steps:
      - uses: conda-incubator/setup-miniconda@v2
        with:
          python-version: ${{ matrix.pyver-env.pyver }}
          environment-file: .github/workflows/env-files/${{ matrix.pyver-env.env }}
      - run: pip install . --no-build-isolation --no-deps
"""


def test_a_matrix_chosen_environment_file_gets_the_python_of_its_combination() -> None:
    manifest = WorkflowParser().parse(PATH, FREUD)
    got = {
        (f.value, f.environment, f.location.line)
        for f in manifest.facts
        if f.environment.startswith(".github/workflows/env-files/")
    }
    assert got == {
        ("3.7", ".github/workflows/env-files/test-oldest_env.yaml", 7),
        ("3.8", ".github/workflows/env-files/test_env.yaml", 8),
    }
    assert set(manifest.include_paths) >= {
        ".github/workflows/env-files/test-oldest_env.yaml",
        ".github/workflows/env-files/test_env.yaml",
    }


@pytest.mark.parametrize(
    ("change", "files"),
    [
        (("${{ matrix.os }}", "windows-latest"), set()),  # not a Linux job
        (("env-files/${{ matrix.pyver-env.env }}", "${{ inputs.env }}"), set()),  # not known
        ((".github/workflows/env-files/${{", "../${{"), set()),  # outside the repository
    ],
)
def test_matrix_environment_files_not_read(change: tuple[str, str], files: set[str]) -> None:
    manifest = WorkflowParser().parse(PATH, FREUD.replace(*change))
    got = {f.environment for f in manifest.facts if f.environment.endswith("env.yaml")}
    assert got == files
