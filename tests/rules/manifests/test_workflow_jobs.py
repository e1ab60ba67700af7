"""Packages a workflow job installs by name: one environment per job and matrix combination.

Workflow shapes are taken from real repositories (cited per case); GitHub's matrix expansion
from its documentation ("Running variations of jobs in a workflow", docs.github.com:
actions/writing-workflows/choosing-what-your-workflow-does/running-variations-of-jobs-in-a-workflow).
"""

from __future__ import annotations

import time

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.manifests._workflow_conditions import UNKNOWN, Value, evaluate
from rules.manifests._workflow_jobs import MAX_COMBINATIONS, MAX_ENVIRONMENTS, matrix_combinations
from rules.manifests._yaml_nodes import Walker
from rules.manifests.model import IndexKind, ManifestFile
from rules.manifests.workflow import WorkflowParser

PATH = ".github/workflows/ci.yml"

# rusty1s/pytorch_scatter@628ada7688fdb0dd7531af2ed88a800a53d9c856:.github/workflows/testing.yml
# (trimmed): os x python 3.8 x torch [2.0.0, 2.1.0]; torch by name from the CPU index.
SCATTER = """\
jobs:
  pytest:
    runs-on: ${{ matrix.os }}
    strategy:
      fail-fast: false
      matrix:
        os: [ubuntu-latest, windows-latest]
        python-version: [3.8]
        torch-version: [2.0.0, 2.1.0]
    steps:
      - uses: actions/checkout@v2
      - name: Set up Python ${{ matrix.python-version }}
        uses: actions/setup-python@v2
        with:
          python-version: ${{ matrix.python-version }}
      - name: Install PyTorch ${{ matrix.torch-version }}
        run: |
          pip install torch==${{ matrix.torch-version }} --extra-index-url https://download.pytorch.org/whl/cpu
      - name: Patch PyTorch static constexpr on Windows
        if: ${{ runner.os == 'Windows' }}
        run: |
          pip install windows-only==1.0
      - name: Run test-suite
        run: |
          pip install pytest pytest-cov
          pytest --cov --cov-report=xml
"""
# rusty1s/pytorch_sparse@5452dc05d56d171b628a374a6058f9d6b28ad89f:.github/workflows/testing.yml
# (trimmed): a find-links page named by the matrix, a pin with a comment after it.
SPARSE = """\
jobs:
  pytest:
    runs-on: ${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, windows-2019]
        python-version: [3.8]
        torch-version: [2.0.0, 2.1.0]
    steps:
      - uses: actions/setup-python@v2
        with:
          python-version: ${{ matrix.python-version }}
      - name: Install torch-scatter
        run: |
          pip install torch-scatter -f https://data.pyg.org/whl/torch-${{ matrix.torch-version }}+cpu.html
      - name: Install main package
        run: |
          pip install scipy==1.10.1  # Python 3.8 support
          python setup.py develop
        env:
          WITH_METIS: 1
"""  # noqa: E501 (the real line)
# jorenham/optype@0bcfa931f1b6a7779d291f7f3bc03f09fc437171:.github/workflows/ci.yml (the
# typecheck job, trimmed; corpus case jorenham__optype__ci-py314-numpy22): exclude, include,
# a step env variable carrying a matrix value, astral-sh/setup-uv.
OPTYPE = """\
env:
  UV_LOCKED: 1
jobs:
  typecheck:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        py: ["3.12", "3.14"]
        np: ["2.1", "2.2"]
        exclude:
          - py: "3.14"
            np: "2.1"
        include:
          - py: "3.15"
            np: "2.5"
    steps:
      - uses: astral-sh/setup-uv@v8
        with:
          activate-environment: true
          python-version: ${{ matrix.py }}
      - name: install deps
        run: uv pip install --exact --group type "numpy==$NP_VERSION.*" .
        env:
          NP_VERSION: ${{ matrix.np }}
"""
# larq/larq@90a98c831f4cda775bc2e47c7d7c43b8944c1d34:.github/workflows/unittest.yml (trimmed;
# corpus case larq__larq__ci-matrix-tf2161): `a || b` alternatives, a step only one matrix
# entry runs (`if: matrix.tf-version == '2.16.1'`).
LARQ = """\
jobs:
  tests:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        tf-version: [2.11.0]
        python-version: [3.7]
        include:
          - tf-version: 2.4.4
            python-version: 3.8
          - tf-version: 2.16.1
            python-version: "3.11"
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - run: |
          pip install 'protobuf < 3.20'
          pip install tensorflow-cpu==${{matrix.tf-version}} || pip install tensorflow==${{matrix.tf-version}}
          pip install -e .[test]
      - if: matrix.tf-version == '2.16.1'
        run: pip install tf-keras==2.16.0
"""  # noqa: E501 (the real line)
UNKNOWN_WORDS = """\
on:
  workflow_call:
    inputs:
      torch: {type: string}
jobs:
  t:
    runs-on: ubuntu-latest
    strategy:
      matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: echo "PINNED=1.26.4" >> "$GITHUB_ENV"
      - run: |
          pip install torch==${{ inputs.torch }} jax==${{ matrix.jax }}
          pip install "numpy==$PINNED" "scipy==$NOT_SET" 'pandas==$QUOTED'
          PANDAS=2.2.2
          pip install pandas==$PANDAS
          if [ "$RUNNER_OS" = "Linux" ]; then pip install conditional==1.0; fi
          pip install plain==1.0
"""
NESTED = """\
jobs:
  t:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        include:
          - config: {python: "3.9", torch: "1.13.1"}
          - config: {python: "3.11", torch: "2.1.0"}
    env:
      TORCH: ${{ matrix.config.torch }}
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.config.python }}
      - run: >-
          pip install
          "torch==${TORCH}"
"""
NO_SETUP = """\
jobs:
  t:
    runs-on: ubuntu-latest
    steps:
      - run: python -m pip install -r requirements.txt numpy==1.26.4
"""
MICROMAMBA = """\
jobs:
  t:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python: ["3.10"]
    steps:
      - uses: mamba-org/setup-micromamba@v1
        with:
          create-args: >-
            python=${{ matrix.python }} numpy
      - run: micromamba install -y pytorch=2.1.0 -c pytorch
"""

_Env = dict[str, list[tuple[str, str, int]]]
_Pythons = dict[str, list[tuple[str, int]]]
_SCATTER_0 = f"{PATH}#pytest (os=ubuntu-latest, torch-version=2.0.0)"
_SCATTER_1 = f"{PATH}#pytest (os=ubuntu-latest, torch-version=2.1.0)"
_LARQ = f"{PATH}#tests (tf-version="
_NESTED = f"{PATH}#t (config={{python:"

#: (case, workflow, {environment: [(name, specifier, line)]}, {environment: [(python, line)]})
CASES: list[tuple[str, str, _Env, _Pythons]] = [
    (
        # the Windows entries are not read (the rules judge Linux installs); os is in the
        # name because a step's `if: runner.os == ...` reads it
        "pytorch_scatter: one environment per torch version, Linux only",
        SCATTER,
        {
            _SCATTER_0: [("torch", "==2.0.0", 18), ("pytest", "", 25), ("pytest-cov", "", 25)],
            _SCATTER_1: [("torch", "==2.1.0", 18), ("pytest", "", 25), ("pytest-cov", "", 25)],
        },
        {_SCATTER_0: [("3.8", 8)], _SCATTER_1: [("3.8", 8)]},
    ),
    (
        "pytorch_sparse: a comment after the pin; os is not read",
        SPARSE,
        {
            f"{PATH}#pytest (torch-version=2.0.0)": [
                ("torch-scatter", "", 15),
                ("scipy", "==1.10.1", 18),
            ],
            f"{PATH}#pytest (torch-version=2.1.0)": [
                ("torch-scatter", "", 15),
                ("scipy", "==1.10.1", 18),
            ],
        },
        {
            f"{PATH}#pytest (torch-version=2.0.0)": [("3.8", 7)],
            f"{PATH}#pytest (torch-version=2.1.0)": [("3.8", 7)],
        },
    ),
    (
        "optype: exclude, include and a step env variable; one environment per numpy",
        OPTYPE,
        {
            f"{PATH}#typecheck (np=2.1)": [("numpy", "==2.1.*", 22)],
            f"{PATH}#typecheck (np=2.2)": [("numpy", "==2.2.*", 22)],
            f"{PATH}#typecheck (np=2.5)": [("numpy", "==2.5.*", 22)],
        },
        {
            f"{PATH}#typecheck (np=2.1)": [("3.12", 8)],  # 3.14 x 2.1 is excluded
            f"{PATH}#typecheck (np=2.2)": [("3.12", 8), ("3.14", 8)],
            f"{PATH}#typecheck (np=2.5)": [("3.15", 14)],  # the include entry's own line
        },
    ),
    (
        "larq: `a || b` alternatives are not certain; a step for one entry only",
        LARQ,
        {
            f"{_LARQ}2.11.0)": [("protobuf", "<3.20", 18)],
            f"{_LARQ}2.4.4)": [("protobuf", "<3.20", 18)],
            f"{_LARQ}2.16.1)": [("protobuf", "<3.20", 18), ("tf-keras", "==2.16.0", 22)],
        },
        {
            f"{_LARQ}2.11.0)": [("3.7", 7)],
            f"{_LARQ}2.4.4)": [("3.8", 10)],
            f"{_LARQ}2.16.1)": [("3.11", 12)],
        },
    ),
    (
        "expressions and variables that cannot be read give nothing",
        UNKNOWN_WORDS,
        {f"{PATH}#t": [("plain", "==1.0", 21)]},
        {f"{PATH}#t": [("3.11", 13)]},
    ),
    (
        "a matrix value that is a mapping, through a job env variable, folded script",
        NESTED,
        {
            f"{_NESTED}3.11,torch:2.1.0}})": [("torch", "==2.1.0", 17)],
            f"{_NESTED}3.9,torch:1.13.1}})": [("torch", "==1.13.1", 17)],
        },
        {
            f"{_NESTED}3.11,torch:2.1.0}})": [("3.11", 8)],
            f"{_NESTED}3.9,torch:1.13.1}})": [("3.9", 7)],
        },
    ),
    (
        "no setup step: requirements without a Python; the -r file stays its own",
        NO_SETUP,
        {f"{PATH}#t": [("numpy", "==1.26.4", 5)]},
        {},
    ),
    (
        # create-args' other words are the packages the environment is created with
        # (luispedro/mahotas pairs python=${{ matrix.python-version }} with numpy=${{ … }})
        "setup-micromamba create-args name the Python and packages; conda installs join the job",
        MICROMAMBA,
        {f"{PATH}#t (python=3.10)": [("numpy", "", 11), ("pytorch", "==2.1.0.*", 12)]},
        {f"{PATH}#t (python=3.10)": [("3.10", 6)]},  # the matrix value create-args reads
    ),
]


def _by_env(manifest: ManifestFile) -> _Env:
    found: _Env = {}
    for req in manifest.requirements:
        found.setdefault(req.environment, []).append((req.name, req.specifier, req.location.line))
    return found


@pytest.mark.parametrize(
    ("case", "text", "requirements", "pythons"), CASES, ids=[c[0] for c in CASES]
)
def test_job_environments(case: str, text: str, requirements: _Env, pythons: _Pythons) -> None:
    manifest = WorkflowParser().parse(PATH, text)
    assert _by_env(manifest) == requirements, case
    got: _Pythons = {}
    for fact in manifest.facts:
        if fact.environment.startswith(f"{PATH}#"):
            got.setdefault(fact.environment, []).append((fact.value, fact.location.line))
    assert got == pythons, case
    assert not manifest.errors


def test_the_index_a_command_names_is_the_job_environments() -> None:
    manifest = WorkflowParser().parse(PATH, SCATTER)
    indexes = {(i.url, i.kind, i.environment) for i in manifest.indexes}
    assert indexes == {
        ("https://download.pytorch.org/whl/cpu", IndexKind.EXTRA_INDEX_URL, env)
        for env in (_SCATTER_0, _SCATTER_1)
    }
    sparse = WorkflowParser().parse(PATH, SPARSE)
    assert sorted(i.url for i in sparse.indexes) == [
        "https://data.pyg.org/whl/torch-2.0.0+cpu.html",
        "https://data.pyg.org/whl/torch-2.1.0+cpu.html",
    ]


def test_requirement_text_is_what_the_combination_installs() -> None:
    manifest = WorkflowParser().parse(PATH, OPTYPE)
    assert {r.raw for r in manifest.requirements} == {
        "numpy==2.1.*",
        "numpy==2.2.*",
        "numpy==2.5.*",
    }
    first = manifest.requirements[0]
    assert (first.location.line, first.location.column) == (22, 50)  # the quoted word


def test_file_level_facts_are_unchanged() -> None:
    """The job environments add facts; the file-level ones (per installed file) stay."""
    manifest = WorkflowParser().parse(PATH, NO_SETUP)
    assert manifest.include_paths == ("requirements.txt",)


def _combos(text: str) -> list[dict[str, str]] | None:
    walker = Walker()
    node = yaml.compose(text)
    found = matrix_combinations(walker, node)
    if found is None:
        return None
    return [{k: walker.scalar(v) or "" for k, v in c.items()} for c in found]


def test_matrix_expansion_follows_githubs_documented_example() -> None:
    """The docs' "Expanding or adding matrix configurations" example, result as documented."""
    text = """\
fruit: [apple, pear]
animal: [cat, dog]
include:
  - color: green
  - color: pink
    animal: cat
  - fruit: apple
    shape: circle
  - fruit: banana
  - fruit: banana
    animal: cat
"""
    assert _combos(text) == [
        {"fruit": "apple", "animal": "cat", "color": "pink", "shape": "circle"},
        {"fruit": "apple", "animal": "dog", "color": "green", "shape": "circle"},
        {"fruit": "pear", "animal": "cat", "color": "pink"},
        {"fruit": "pear", "animal": "dog", "color": "green"},
        {"fruit": "banana"},
        {"fruit": "banana", "animal": "cat"},
    ]


def test_exclude_removes_partial_matches_before_include() -> None:
    text = """\
os: [macos, windows]
version: [12, 14, 16]
environment: [staging, production]
exclude:
  - os: macos
    version: 12
    environment: production
  - os: windows
    version: 16
"""
    combos = _combos(text)
    assert combos is not None and len(combos) == 12 - 1 - 2


def test_only_include_gives_one_combination_per_entry() -> None:
    assert _combos("include:\n  - a: 1\n  - a: 2\n") == [{"a": "1"}, {"a": "2"}]


@pytest.mark.parametrize(
    "text",
    [
        "a: ${{ fromJSON(x) }}\n",  # a key's values from an expression
        "a: [" + ", ".join(str(i) for i in range(5_000)) + "]\n",  # over GitHub's 256
        "a: [" + ", ".join(str(i) for i in range(100)) + "]\nb: [" + ", ".join("x" * 60) + "]\n",
    ],
    ids=["expression", "5000 values", "product over the bound"],
)
def test_a_matrix_beyond_the_bounds_is_unknown(text: str) -> None:
    assert _combos(text) is None


def test_a_5000_value_matrix_stays_bounded() -> None:
    """The security PoCs' shape: a huge matrix gives one environment, not 5,000, fast."""
    values = ", ".join(f'"1.{i}"' for i in range(5_000))
    text = (
        f"jobs:\n  t:\n    strategy:\n      matrix:\n        v: [{values}]\n"
        f"        w: [{values}]\n    steps:\n"
        "      - uses: actions/setup-python@v5\n        with: {python-version: '3.11'}\n"
        "      - run: pip install numpy==${{ matrix.v }} scipy==1.13.1\n" * 20
    )
    started = time.perf_counter()
    manifest = WorkflowParser().parse(PATH, text)
    assert time.perf_counter() - started < 5
    assert {r.environment for r in manifest.requirements} == {f"{PATH}#t"}
    assert {r.name for r in manifest.requirements} == {"scipy"}
    assert MAX_COMBINATIONS == 256


def test_combinations_past_the_bound_are_not_read() -> None:
    values = ", ".join(f'"{i}"' for i in range(300))
    text = (
        f"jobs:\n  t:\n    strategy:\n      matrix:\n        v: [{values}]\n    steps:\n"
        "      - run: pip install numpy==1.${{ matrix.v }}\n"
    )
    assert WorkflowParser().parse(PATH, text).requirements == ()


def _resolve(name: str) -> Value:
    known: dict[str, Value] = {
        "matrix.tf-version": "2.16.1",
        "matrix.py": "3.8",
        "runner.os": "Linux",
    }
    return known.get(name, UNKNOWN)


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("matrix.tf-version == '2.16.1'", True),
        ("${{ matrix.tf-version != '2.16.1' }}", False),
        ("matrix.py == 3.8", True),  # a number next to a string compares as numbers
        ("runner.os == 'linux'", True),  # case-insensitive
        ("github.event_name == 'push'", None),
        ("github.event_name == 'push' && matrix.py == '3.9'", False),
        ("github.event_name == 'push' || matrix.py == '3.8'", True),
        ("!cancelled() && startsWith(matrix.tf-version, '2.')", True),
        ("contains(fromJSON('[1]'), matrix.py)", None),
        ("success() && (", None),
        ("matrix.py < 4", True),
    ],
)
def test_conditions(condition: str, expected: bool | None) -> None:
    assert evaluate(condition, _resolve) is expected


_SCALARS = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["${{ matrix.a }}", "${{ env.X }}", "$X", "3.11", "pip install x==1"]),
    st.integers(),
    st.none(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
_STEP = st.fixed_dictionaries(
    {},
    optional={
        "uses": st.sampled_from(["actions/setup-python@v5", "astral-sh/setup-uv@v6", "x/y@1"]),
        "with": st.dictionaries(st.sampled_from(["python-version", "create-args"]), _VALUES),
        "run": st.one_of(
            st.text(max_size=80),
            st.sampled_from(
                [
                    "pip install torch==${{ matrix.a }} numpy==$X || true",
                    "if x; then pip install a==1; fi\nuv pip install 'b==${{ env.X }}'",
                    "conda install -y pytorch=${{ matrix.b.c }} -c pytorch",
                ]
            ),
        ),
        "env": st.dictionaries(st.sampled_from(["X", "Y"]), _VALUES, max_size=2),
        "if": st.one_of(st.text(max_size=30), st.just("matrix.a == '1'")),
    },
)
_JOB = st.fixed_dictionaries(
    {"steps": st.one_of(st.lists(_STEP, max_size=4), _VALUES)},
    optional={
        "strategy": st.fixed_dictionaries(
            {
                "matrix": st.one_of(
                    _VALUES,
                    st.dictionaries(
                        st.sampled_from(["a", "b", "include", "exclude"]),
                        st.lists(_VALUES, max_size=4),
                        max_size=4,
                    ),
                )
            }
        ),
        "env": _VALUES,
        "if": _VALUES,
        "runs-on": _VALUES,
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(["jobs", "env", "on"]),
        st.one_of(_VALUES, st.dictionaries(st.text(max_size=6), _JOB, max_size=3)),
    )
)
def test_arbitrary_workflows_never_raise(data: dict[str, object]) -> None:
    text = yaml.safe_dump(data, sort_keys=False)
    manifest = WorkflowParser().parse(PATH, text)
    lines = text.count("\n") + 1
    for req in manifest.requirements:
        assert 1 <= req.location.line <= lines
        assert req.environment.startswith(f"{PATH}#")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    WorkflowParser().parse(PATH, text)


def test_environments_per_workflow_are_bounded() -> None:
    """A hundred 256-entry matrices give `MAX_ENVIRONMENTS` environments, not 25,600."""
    values = "[" + ", ".join(f'"{i}"' for i in range(16)) + "]"
    job = (
        "  j{n}:\n    strategy:\n      matrix:\n"
        f"        py: {values}\n        v: {values}\n    steps:\n"
        "      - uses: actions/setup-python@v5\n"
        "        with: {{python-version: '3.${{{{ matrix.py }}}}'}}\n"
        "      - run: pip install numpy==1.${{{{ matrix.v }}}}\n"
    )
    text = "jobs:\n" + "".join(job.format(n=n) for n in range(100))
    started = time.perf_counter()
    manifest = WorkflowParser().parse(PATH, text)
    assert time.perf_counter() - started < 5
    assert len({r.environment for r in manifest.requirements}) == MAX_ENVIRONMENTS


def test_an_index_variable_in_env_is_the_installs_index() -> None:
    """``PIP_EXTRA_INDEX_URL`` in the workflow's ``env:`` reaches a plain ``pip install`` (at
    the variable's line); ``uv pip`` reads ``UV_*`` only; an option replaces its kind."""
    text = """\
env:
  PIP_EXTRA_INDEX_URL: https://download.pytorch.org/whl/cpu
jobs:
  t:
    runs-on: ubuntu-latest
    steps:
      - run: pip install torch==2.1.0+cpu
      - run: uv pip install numpy==1.26.4
      - run: pip install torchvision==0.16.0 --extra-index-url https://example.org/simple
"""
    manifest = WorkflowParser().parse(PATH, text)
    assert [(i.url, i.location.line) for i in manifest.indexes] == [
        ("https://download.pytorch.org/whl/cpu", 2),
        ("https://example.org/simple", 9),
    ]


# AmenRa/ranx's docs.yml (`numba=0.54.1`, fixed 1.5 minutes later) and beta-team/beta-recsys's
# python_ci.yml (`flake8==3.7.9,black==20.8b1,...`, fixed in 8935b4a): pip stops with
# "Invalid requirement" on a word it takes for a requirement.
@pytest.mark.parametrize(
    ("words", "column"),
    [("numba=0.54.1", 33), ("flake8==3.7.9,black==20.8b1", 33), ("numba==0.54.1", None)],
)
def test_an_invalid_requirement_word_of_a_job_is_a_located_error(
    words: str, column: int | None
) -> None:
    text = (
        "jobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.11'\n"
        f"      - run: pip install mkdocs {words}\n"
    )
    errors = WorkflowParser().parse(".github/workflows/docs.yml", text).errors
    assert [(e.line, e.column) for e in errors] == ([(8, column)] if column else [])
    for error in errors:
        assert error.category == "parse-error" and "expected a requirement" in error.message
