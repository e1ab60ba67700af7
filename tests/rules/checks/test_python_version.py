"""python-version-incompatible: positive and negative cases."""

from __future__ import annotations

import dataclasses

import pytest
from packaging.version import Version

from rules.checks.base import RuleContext
from rules.checks.python_version import RULES, PythonVersionIncompatible
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.manifests.model import Fact, FactKind, Snapshot
from rules.manifests.snapshot import build_snapshot
from rules.review import review_trees
from tests.rules.checks.mlsnap import fact, req, run, snap

RULE = RULES[0]
PY = "pyproject.toml"
ENV = "environment.yml"


def py(value: str, path: str, line: int = 1) -> Fact:
    """A Python fact."""
    return fact(FactKind.PYTHON, value, path, line=line)


CASES: list[tuple[str, Snapshot, list[tuple[str, str]]]] = [
    (
        "conda python 3.12 with torch 2.1",
        snap(py("3.12", ENV), req("pytorch==2.1.0", ENV, conda=True)),
        [("pytorch", "error")],
    ),
    (
        "conda python 3.11 with torch 2.1",
        snap(py("3.11", ENV), req("pytorch==2.1.0", ENV, conda=True)),
        [],
    ),
    (
        "experimental 3.12 for torch 2.2 counts",
        snap(py("3.12", ENV), req("pytorch==2.2.0", ENV, conda=True)),
        [],
    ),
    (
        "requires-python >=3.9 with torch 2.9 (min 3.10)",
        snap(py(">=3.9", PY), req("torch==2.9.0", PY)),
        [("torch", "error")],  # the project declares a Python it cannot be installed on
    ),
    ("requires-python >=3.10 with torch 2.9", snap(py(">=3.10", PY), req("torch==2.9.0", PY)), []),
    (
        "requires-python >=3.12,<3.13 with TF 2.15",
        snap(py(">=3.12,<3.13", PY), req("tensorflow==2.15.0", PY)),
        [("tensorflow", "error")],
    ),
    (
        "3.15 is not shipped for torch 2.13",
        snap(py("3.15", ENV), req("pytorch==2.13.0", ENV, conda=True)),
        [("pytorch", "error")],
    ),
    (
        ".python-version applies to requirements in its folder",
        snap(py("3.8", ".python-version"), req("jax==0.4.30")),
        [("jax", "error")],
    ),
    (
        ".python-version of another folder does not apply",
        snap(py("3.8", "tools/.python-version"), req("jax==0.4.30")),
        [],
    ),
    (
        "Dockerfile base image Python applies repo-wide",
        snap(py("3.8", "Dockerfile", line=1), req("torch==2.5.1")),
        [("torch", "error")],
    ),
    (
        "final Dockerfile stage decides",
        snap(
            py("3.8", "Dockerfile", line=1), py("3.11", "Dockerfile", line=7), req("torch==2.5.1")
        ),
        [],
    ),
    (
        "unpinned framework is not judged",
        snap(py("3.8", ENV), req("pytorch>=2.5", ENV, conda=True)),
        [],
    ),
    (
        "# Python note in the requirements file",
        snap(py("3.13", "requirements.txt"), req("tensorflow==2.16.1")),
        [("tensorflow", "error")],
    ),
]


@pytest.mark.parametrize(("name", "snapshot", "expected"), CASES, ids=[c[0] for c in CASES])
def test_python_version(name: str, snapshot: Snapshot, expected: list[tuple[str, str]]) -> None:
    findings = run(RULE, snapshot)
    assert [(f.package, f.severity.value) for f in findings] == expected
    for found in findings:
        assert found.category == "python-version-incompatible"
        assert found.fix and found.line and found.evidence


MATRIX = """\
jobs:
  test:
    strategy:
      matrix:
        python-version: ["3.9", "3.10", "3.11", "3.12"]
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - run: python -m pip install ".[test]"
"""
TF291 = '[project]\nname = "x"\nversion = "1"\ndependencies = ["tensorflow==2.9.1"]\n'

#: Real file shapes, parsed: (case, files, expected [(package, severity, file)])
SETUP = (
    "from setuptools import setup\n"
    'setup(python_requires="{python}", install_requires=[{requires}])\n'
)
FILE_CASES: list[tuple[str, dict[str, str], list[tuple[str, str, str]]]] = [
    (
        "workflow matrix adds 3.11/3.12 for tensorflow 2.9.1 (one finding for the matrix)",
        {".github/workflows/ci.yml": MATRIX, "pyproject.toml": TF291},
        [("tensorflow", "error", ".github/workflows/ci.yml")],
    ),
    (
        "FROM python:3.14-slim installs torch 2.1",
        {
            "Dockerfile": "FROM python:3.14-slim\nCOPY requirements.txt .\n"
            "RUN pip install -r requirements.txt\n",
            "requirements.txt": "torch==2.1.0\n",
        },
        [("torch", "error", "Dockerfile")],
    ),
    (
        "ubuntu 18.04's python3 (3.6) and tensorflow 2.11",
        {
            "Dockerfile": "FROM nvidia/cuda:11.2.2-cudnn8-runtime-ubuntu18.04\n"
            "RUN apt-get update && apt-get install -y python3 python3-pip\n"
            "COPY . /app\nRUN pip3 install -r /app/requirements.txt\n",
            "requirements.txt": "tensorflow==2.11.0\n",
        },
        [("tensorflow", "error", "Dockerfile")],
    ),
    (
        # bucketeer-io/bucketeer Renovate PR #222, reverted by #240: "numpy 1.22 requires
        # python >= 3.8" (python/Dockerfile on python:3.7.6-slim-buster)
        "numpy 1.22.0 on python:3.7: Requires-Python >=3.8 refuses its sdist too (error)",
        {
            "Dockerfile": "FROM python:3.7.6-slim-buster\nCOPY requirements.txt /app/\n"
            "RUN pip install -r /app/requirements.txt\n",
            "requirements.txt": "numpy==1.22.0\n",
        },
        [("numpy", "error", "Dockerfile")],
    ),
    (
        "apt-get python3.14 cannot install tensorflow 2.15 (no cp314 wheel)",
        {
            "Dockerfile": "FROM ubuntu:24.04\nRUN apt-get install -y python3.14 python3.14-venv\n"
            "COPY requirements.txt /r.txt\nRUN python3.14 -m pip install -r /r.txt\n",
            "requirements.txt": "tensorflow==2.15.0\n",
        },
        [("tensorflow", "error", "Dockerfile")],
    ),
    (
        "deadsnakes python3.10 on ubuntu 18.04 is fine for tensorflow 2.11",
        {
            "Dockerfile": "FROM ubuntu:18.04\nRUN apt-get install -y python3.10 python3.10-dev\n"
            "COPY requirements.txt /r.txt\nRUN python3.10 -m pip install -r /r.txt\n",
            "requirements.txt": "tensorflow==2.11.0\n",
        },
        [],
    ),
    (
        "a conda environment named otherwise with python=3.12 and pytorch 2.1",
        {
            "conda_reqs.yml": "name: x\nchannels: [pytorch]\n"
            "dependencies:\n  - python=3.12\n  - pytorch=2.1.0\n",
        },
        [("pytorch", "error", "conda_reqs.yml")],
    ),
    # release_lists.json: the Requires-Python of the 3,000 most downloaded projects' files
    # (Cloud-CV/EvalAI #5142: "No matching distribution found for dnspython==2.6.1" on the
    # python:3.7-slim worker images)
    (
        "dnspython 2.6.1 (Requires-Python >=3.8) on python:3.7",
        {
            "Dockerfile": "FROM python:3.7-slim\nCOPY requirements.txt /app/\n"
            "RUN pip install -r /app/requirements.txt\n",
            "requirements.txt": "dnspython==2.6.1\n",
        },
        [("dnspython", "error", "Dockerfile")],
    ),
    (
        "dnspython>=2.0 on python:3.7: pip takes 2.3.0, the newest admitting 3.7",
        {
            "Dockerfile": "FROM python:3.7-slim\nCOPY requirements.txt /app/\n"
            "RUN pip install -r /app/requirements.txt\n",
            "requirements.txt": "dnspython>=2.0\n",
        },
        [],
    ),
    (
        "dnspython>=2.5 on python:3.7: no admitted release admits 3.7",
        {
            "Dockerfile": "FROM python:3.7-slim\nCOPY requirements.txt /app/\n"
            "RUN pip install -r /app/requirements.txt\n",
            "requirements.txt": "dnspython>=2.5\n",
        },
        [("dnspython", "error", "Dockerfile")],
    ),
    (
        "dnspython 2.6.1 on python:3.12",
        {
            "Dockerfile": "FROM python:3.12-slim\nCOPY requirements.txt /app/\n"
            "RUN pip install -r /app/requirements.txt\n",
            "requirements.txt": "dnspython==2.6.1\n",
        },
        [],
    ),
    (
        "no evidence: an assumed Python never gives a finding",
        {"requirements.txt": "tensorflow==2.9.1\n"},
        [],
    ),
    (
        # uclaml/SPIN's setup.py: deepspeed publishes sdists only, for every Python alike
        "a release with no wheel at all is no matter of a declared range",
        {"setup.py": SETUP.format(python=">=3.10.2", requires='"deepspeed==0.12.2"')},
        [],
    ),
    (
        "nor a range of them (ServiceNow/Fast-LLM: flash-attn>=2.7.4,<2.8.0)",
        {"setup.py": SETUP.format(python=">=3.12", requires='"flash-attn>=2.7.4,<2.8.0"')},
        [],
    ),
    (  # stfc/janus-core: uv's constraint-dependencies pin dgl, which no file requires
        "a constraint nothing installs is not judged",
        {
            "pyproject.toml": '[project]\nname = "x"\nversion = "1"\nrequires-python = ">=3.13"\n'
            'dependencies = ["numpy"]\n[tool.uv]\nconstraint-dependencies = ["dgl==2.1"]\n'
        },
        [],
    ),
    (  # openvinotoolkit/nncf: tests/onnx/requirements.txt requires what constraints.txt pins
        "a constraint a file installs is judged",
        {
            "constraints.txt": "onnxruntime==1.21.1\n",
            "tests/requirements.txt": "-c ../constraints.txt\nonnxruntime\n",
            ".python-version": "3.9\n",
        },
        [("onnxruntime", "error", ".python-version")],
    ),
    (
        "a range start only the release's sdist installs on builds it: a warning",
        {"setup.py": SETUP.format(python=">=3.10", requires='"numpy==1.21.0"')},
        [("numpy", "warning", "setup.py")],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_python_version_on_files(
    name: str, files: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    snapshot = build_snapshot(files)
    findings = run(RULE, snapshot)
    assert [(f.package, f.severity.value, f.file) for f in findings] == expected, name


def test_config_target_is_a_warning() -> None:
    snapshot = build_snapshot({"requirements.txt": "tensorflow==2.9.1\n"})
    config = RepoConfig.model_validate({"targets": {"python": ["3.12"]}})
    findings = list(RULE.check(RuleContext(snapshot=snapshot, config=config, kb=load_kb())))
    assert [(f.package, f.severity.value, f.file) for f in findings] == [
        ("tensorflow", "warning", "requirements.txt")
    ]


# Ranges: every release the specifier admits, judged per Python (TensorFlow patch releases,
# torch minors, jax releases). (case, snapshot, [(package, severity)])
RANGE_CASES: list[tuple[str, Snapshot, list[tuple[str, str]]]] = [
    (
        "3.13 with tensorflow-cpu~=2.18.1 (2.18 ships cp39-cp312)",
        snap(py("3.13", ".python-version"), req("tensorflow-cpu~=2.18.1")),
        [("tensorflow-cpu", "error")],
    ),
    (
        "3.13 with tensorflow>=2.16: 2.20 onward ships cp313",
        snap(py("3.13", ".python-version"), req("tensorflow>=2.16")),
        [],
    ),
    (
        "3.13 with tensorflow>=2.16,<2.20: no admitted release",
        snap(py("3.13", ".python-version"), req("tensorflow>=2.16,<2.20")),
        [("tensorflow", "error")],
    ),
    (
        # pip / uv skip the releases without a cp38 wheel: a fresh install picks 2.4.1
        "3.8 with torch>=2.0: the newest lacks 3.8, 2.0-2.4 have it",
        snap(py("3.8", ".python-version"), req("torch>=2.0")),
        [],
    ),
    (
        "3.8 with torch>=2.5",
        snap(py("3.8", ".python-version"), req("torch>=2.5")),
        [("torch", "error")],
    ),
    ("3.12 with torch>=2.2", snap(py("3.12", ".python-version"), req("torch>=2.2")), []),
    ("no Python evidence: assumed, no finding", snap(req("torch>=2.5")), []),
    (
        "requires-python >=3.12 with tensorflow<2.16: nothing admitted installs",
        snap(py(">=3.12", PY), req("tensorflow<2.16", PY)),
        [("tensorflow", "error")],
    ),
]


@pytest.mark.parametrize(
    ("name", "snapshot", "expected"), RANGE_CASES, ids=[c[0] for c in RANGE_CASES]
)
def test_python_version_ranges(
    name: str, snapshot: Snapshot, expected: list[tuple[str, str]]
) -> None:
    findings = run(RULE, snapshot)
    assert [(f.package, f.severity.value) for f in findings] == expected
    for found in findings:
        assert found.fix and found.evidence


class FakeWheels:
    """Per-Python wheel availability: {(package, version): {pythons}}; others unknown.
    Releases in `sdists` also have an sdist (pip considers them on every Python)."""

    def __init__(
        self, table: dict[tuple[str, str], set[str]], sdists: frozenset[str] = frozenset()
    ) -> None:
        self.table = table
        self.sdists = sdists

    def releases(self, package: str) -> tuple[Version, ...]:
        return tuple(sorted(Version(v) for p, v in self.table if p == package))

    def has_wheel(self, package: str, version: str, python: str) -> bool | None:
        found = self.table.get((package, str(version)))
        return None if found is None else python in found

    def pip_candidate(self, package: str, version: str, python: str) -> bool | None:
        wheel = self.has_wheel(package, version, python)
        return wheel if wheel is None else wheel or str(version) in self.sdists


GENSIM = FakeWheels(
    {
        ("gensim", "4.3.0"): {"3.8", "3.9", "3.10", "3.11"},
        ("gensim", "4.3.3"): {"3.8", "3.9", "3.10", "3.11", "3.12"},
        ("gensim", "4.4.0"): {"3.9", "3.10", "3.11", "3.12", "3.13"},
    }
)

# Packages beyond the frameworks, by per-Python wheel availability (None = unknown = silent).
WHEEL_CASES: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    (
        "3.14 with gensim>=4.3.0: no admitted release has a cp314 wheel",
        "3.14",
        "gensim>=4.3.0",
        [("gensim", "error")],
    ),
    ("3.12 with gensim>=4.3.0", "3.12", "gensim>=4.3.0", []),
    ("3.12 with gensim==4.3.0", "3.12", "gensim==4.3.0", [("gensim", "error")]),
    (
        # wheels only: pip skips 4.4.0 on 3.8 and installs 4.3.3's wheel
        "3.8 with gensim>=4.3: the newest lacks 3.8, 4.3.3 has it",
        "3.8",
        "gensim>=4.3",
        [],
    ),
    ("an unknown package is never judged", "3.14", "leftpad>=1", []),
]


@pytest.mark.parametrize(
    ("name", "python", "line", "expected"), WHEEL_CASES, ids=[c[0] for c in WHEEL_CASES]
)
def test_python_version_by_wheels(
    name: str, python: str, line: str, expected: list[tuple[str, str]]
) -> None:
    rule = PythonVersionIncompatible(wheels=GENSIM)
    findings = run(rule, snap(py(python, ".python-version"), req(line)))
    assert [(f.package, f.severity.value) for f in findings] == expected


def test_a_newest_release_with_only_an_sdist_for_the_python_warns() -> None:
    """pip considers an sdist on every Python its Requires-Python admits: a fresh install
    picks gensim 4.4.0 on 3.8 and builds it from source (4.3.3 has the wheel)."""
    wheels = FakeWheels(GENSIM.table, sdists=frozenset({"4.4.0"}))
    rule = PythonVersionIncompatible(wheels=wheels)
    findings = run(rule, snap(py("3.8", ".python-version"), req("gensim>=4.3")))
    assert [(f.package, f.severity.value) for f in findings] == [("gensim", "warning")]


def test_a_marker_keeps_a_requirement_off_the_pythons_it_excludes() -> None:
    guarded = req("tensorflow>=2.14")
    guarded = dataclasses.replace(guarded, marker="python_version < '3.13'")
    assert run(RULE, snap(py("3.14", ".python-version"), guarded)) == []
    open_ended = dataclasses.replace(guarded, marker="python_version >= '3.8'")
    found = run(RULE, snap(py("3.14", ".python-version"), open_ended))
    assert [(f.package, f.severity.value) for f in found] == [("tensorflow", "error")]


# A range on several Pythons at once (a CI matrix): pip / uv pick, per Python, the newest
# admitted release that installs there. Real KB rows (package index listing of pandas, read
# 2026-12-04, KB wheels.json): pandas 2.0.3 cp38-cp311 Requires-Python >=3.8; 2.3.3
# cp39-cp314 >=3.9; 3.0.0 / 3.1.1 >=3.11. Files shaped after martius-lab/cluster_utils@eff82d2
# (pyproject.toml pandas[output_formatting]>=2.0.3; .github/workflows/nox.yml matrix 3.8-3.11).
def _matrix(pythons: str, line: str) -> dict[str, str]:
    workflow = (
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n"
        f"        python_version: [{pythons}]\n    steps:\n"
        "      - uses: actions/setup-python@v5\n        with:\n"
        "          python-version: ${{ matrix.python_version }}\n"
        "      - run: pip install .\n"
    )
    project = f'[project]\nname = "x"\nversion = "0"\ndependencies = ["{line}"]\n'
    return {".github/workflows/ci.yml": workflow, "pyproject.toml": project}


MATRIX_CASES: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    # 3.1.1 needs >=3.11: on 3.8 pip takes 2.0.3, on 3.9/3.10 2.3.3, on 3.11 3.1.1
    ("pandas>=2.0.3 on 3.8-3.11: each Python gets a release", '"3.8", "3.9", "3.10", "3.11"',
     "pandas[output_formatting]>=2.0.3", []),
    ("pandas>=2.0.3,<3 on 3.9-3.10", '"3.9", "3.10"', "pandas>=2.0.3,<3", []),
    # every admitted release (3.0.0 onward) needs Python >= 3.11
    ("pandas>=3 on 3.10: none installs", '"3.10"', "pandas>=3", [("pandas", "error")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "pythons", "line", "expected"), MATRIX_CASES, ids=[c[0] for c in MATRIX_CASES]
)
def test_a_range_on_a_matrix_is_judged_per_python(
    name: str, pythons: str, line: str, expected: list[tuple[str, str]]
) -> None:
    findings = run(RULE, build_snapshot(_matrix(pythons, line)))
    assert [(f.package, f.severity.value) for f in findings] == expected, name


class _UnknownCandidates(FakeWheels):
    """Wheels known, Requires-Python and sdists not: pip's choice is not knowable."""

    def pip_candidate(self, package: str, version: str, python: str) -> bool | None:
        return None


def test_a_newer_release_pip_may_not_skip_keeps_a_warning() -> None:
    """gensim 4.4.0 (no cp38 wheel) with nothing recorded about its Requires-Python or sdist:
    a fresh install on 3.8 may pick it; with the record (FakeWheels: no sdist) it is skipped."""
    files = _matrix('"3.8", "3.12"', "gensim>=4.3")
    unknown = PythonVersionIncompatible(wheels=_UnknownCandidates(GENSIM.table))
    found = run(unknown, build_snapshot(files))
    assert [(f.package, f.severity.value) for f in found] == [("gensim", "warning")]
    assert run(PythonVersionIncompatible(wheels=GENSIM), build_snapshot(files)) == []


SYNE = (
    '[project]\nname = "syne-tune"\nversion = "0"\nrequires-python = "{python}"\n'
    'dependencies = ["numpy>=1.26.0, <3.0.0"]\n'
)


@pytest.mark.parametrize(
    ("python", "lock", "expected"),
    [
        # syne-tune 19e8ea4 (#1038): every numpy >=1.26 requires Python >=3.9; pip cannot
        # install the project on 3.8, uv / Poetry find no lock for the range (an error with
        # or without a lock beside it: traceroot-ai/traceroot#55 had none)
        (">=3.8", None, [("error", 'requires-python = ">=3.9"')]),
        (">=3.8", "uv.lock", [("error", 'requires-python = ">=3.9"')]),
        (">=3.8", "poetry.lock", [("error", 'requires-python = ">=3.9"')]),
        (">=3.9", "uv.lock", []),  # the range starts where numpy installs
        (">=3.12", None, []),
    ],
)
def test_the_requires_python_range_starts_below_every_admitted_release(
    python: str, lock: str | None, expected: list[tuple[str, str]]
) -> None:
    files = {PY: SYNE.replace("{python}", python)}
    if lock:
        files[lock] = ""
    found = [f for f in run(RULE, build_snapshot(files)) if f.fingerprint.endswith("range-start")]
    assert [(f.severity.value, f.fix) for f in found] == expected
    for finding in found:
        assert (finding.file, finding.line) == (PY, 4) and "uv / Poetry" in finding.message


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # pyro-ppl/pyro#3272 (merged, kept): setup.py's python_requires >=3.7 with torch>=2.0;
        # pip reads it for the one Python it runs on, and nothing locks the range as a whole
        (
            {
                "setup.py": "from setuptools import setup\nsetup(\n    name='pyro-ppl',\n"
                "    python_requires='>=3.7',\n    install_requires=['numpy>=1.26.0'],\n)\n"
            },
            [("warning", "setup.py", 'python_requires=">=3.9"')],
        ),
        (
            {
                "setup.cfg": "[metadata]\nname = x\n\n[options]\npython_requires = >=3.8\n"
                "install_requires =\n    numpy>=1.26.0\n"
            },
            [("warning", "setup.cfg", 'python_requires=">=3.9"')],
        ),
        # the same range in a pyproject: `uv sync` / `poetry lock` fail on any interpreter
        (
            {PY: SYNE.replace("{python}", ">=3.8")},
            [("error", PY, 'requires-python = ">=3.9"')],
        ),
    ],
)
def test_a_range_start_is_an_error_only_where_uv_or_poetry_lock_the_range(
    files: dict[str, str], expected: list[tuple[str, str, str]]
) -> None:
    found = [f for f in run(RULE, build_snapshot(files)) if f.fingerprint.endswith("range-start")]
    assert [(f.severity.value, f.file, f.fix) for f in found] == expected
    for finding in found:
        assert ("uv / Poetry" in finding.message) == (finding.severity.value == "error")


def test_a_range_start_is_one_problem_whatever_package_keeps_it_out() -> None:
    """pyiron/executorlib's Dependabot bump of matplotlib to 3.10.0 (Requires-Python >=3.10)
    in the graph extra: networkx 3.4.2 there already kept ">=3.9, <3.14"'s Python 3.9 out, so
    the problem has one fingerprint (one finding) and the review does not call the bump new."""
    text = (
        '[project]\nname = "x"\nversion = "1"\nrequires-python = ">=3.9, <3.14"\n'
        '[project.optional-dependencies]\ngraph = ["matplotlib==3.10.0", "networkx==3.4.2"]\n'
    )
    findings = run(RULES[0], build_snapshot({"pyproject.toml": text}))
    assert [f.fingerprint for f in findings] == ["range-start:pyproject.toml:3.9"]
    base = '"matplotlib==3.9.4", "networkx==3.4.2"'
    (before,) = run(
        RULES[0],
        build_snapshot(
            {"pyproject.toml": text.replace('"matplotlib==3.10.0", "networkx==3.4.2"', base)}
        ),
    )
    assert (before.package, before.fingerprint) == ("networkx", findings[0].fingerprint)


def test_a_release_that_states_no_requires_python_admits_every_python() -> None:
    """chroma-core/chroma #1715 loosened `posthog >= 2.4.0` with a Python 3.8 CI leg: posthog
    4.3.1's files state no Requires-Python (4.3.2 says >=3.9), so pip takes it on 3.8."""
    workflow = (
        "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.8'\n"
        "      - run: pip install -r requirements.txt\n"
    )
    files = {".github/workflows/t.yml": workflow, "requirements.txt": "posthog >= 2.4.0\n"}
    assert run(RULES[0], build_snapshot(files)) == []
    files["requirements.txt"] = "posthog >= 4.3.2\n"
    (found,) = run(RULES[0], build_snapshot(files))
    assert found.severity.value == "error" and "posthog" in found.message


def test_build_requirements_are_judged_on_the_python_that_builds_the_project() -> None:
    # astropy/reproject #421: [build-system] requires numpy>=1.25 (Python >= 3.9 only) while
    # tox's py38 environments still build the project (setup.cfg declares it)
    files = {
        "pyproject.toml": '[build-system]\nrequires = ["setuptools", "numpy>=1.25"]\n',
        "setup.cfg": "[metadata]\nname = reproject\n[options]\npython_requires = >=3.8\n"
        "install_requires =\n    numpy>=1.20\n",
        "tox.ini": "[tox]\nenvlist = py38-test, py312-test\n[testenv]\ndeps = pytest\n",
    }
    found = [
        f
        for f in review_trees({}, files).findings
        if f.rule == "python-version-incompatible" and f.severity.value == "error"
    ]
    # reported at the job that runs the Python, also at the build requirement's line
    assert [(f.file, f.package, f.also_at) for f in found] == [
        ("tox.ini", "numpy", (("pyproject.toml", 2),))
    ], found
    assert "runs Python 3.8 " in found[0].message and "runs Python 3.12" not in found[0].message
    fixed = files | {"tox.ini": "[tox]\nenvlist = py312-test\n[testenv]\ndeps = pytest\n"}
    assert not [
        f for f in review_trees({}, fixed).findings if f.rule == "python-version-incompatible"
    ]


@pytest.mark.parametrize(
    ("extra", "severity"),
    [
        # facebookincubator/submitit #1747 raised its dev extra to mypy>=1.4.1 under
        # requires-python >=3.6 (CI moved to 3.8 in the same change): contributors' tools
        ("dev", "warning"),
        ("tests", "warning"),
        # meta-pytorch/torchtune d39fd9b: a feature extra is the users' (uv lock fails)
        ("async_rl", "error"),
    ],
)
def test_a_range_start_in_a_development_extra_is_a_warning(extra: str, severity: str) -> None:
    text = (
        '[project]\nname = "submitit"\nrequires-python = ">=3.6"\ndependencies = ["six"]\n'
        f'[project.optional-dependencies]\n{extra} = ["numpy>=1.26.0"]\n'
    )
    (found,) = [
        f
        for f in run(RULE, build_snapshot({"pyproject.toml": text}))
        if f.fingerprint.endswith("range-start")
    ]
    assert found.severity.value == severity
    if severity == "warning":
        assert f"the project's {extra} extra cannot be installed on Python 3.6" in found.message


@pytest.mark.parametrize(
    ("line", "found"),
    [
        # openvinotoolkit/geti-sdk 6efa8a76: 8.13.0 admits Python 3.8 but is yanked ("Wrong
        # Python Pinning"); 8.13.1 and 8.13.2 need 3.9, so pip finds nothing on 3.8
        ("ipython==8.13.*", True),
        ("ipython==8.13.0", False),  # an exact pin still installs a yanked release
        ("ipython==8.12.*", False),
    ],
)
def test_a_yanked_release_is_no_candidate_of_a_range(line: str, found: bool) -> None:
    files = {
        "requirements.txt": f"{line}\n",
        "Dockerfile": (
            "FROM python:3.8\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"
        ),
    }
    errors = [
        f
        for f in run(RULE, build_snapshot(files))
        if f.severity.value == "error" and f.package == "ipython"
    ]
    assert bool(errors) is found
