"""The Pythons a workflow's cibuildwheel step builds on (rules.manifests._cibuildwheel).

facebookresearch/fairseq's release.yml (at the commit that made numpy>=1.23.3 a build
requirement) builds ``cp36-*64 cp37-*64 cp38-*64`` with ``CIBW_BEFORE_BUILD: ... && pip
install .``; numpy 1.23.3 needs Python 3.8.
"""

from __future__ import annotations

import pytest

from rules.manifests.workflow import WorkflowParser

PATH = ".github/workflows/release.yml"
FAIRSEQ = """\
jobs:
  build_wheels:
    runs-on: ${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, macos-latest]
    steps:
      - run: python3 -m pip install cibuildwheel
      - name: Build wheels for CPython
        run: |
          python3 -m cibuildwheel --output-dir dist
        env:
          CIBW_BUILD: "cp36-*64 cp37-*64 cp38-*64"
          CIBW_BEFORE_BUILD: git submodule update --init --recursive && pip install .
          CIBW_SKIP: "*musllinux*"
"""
ACTION_MATRIX = """\
env:
  CIBW_SKIP: "cp38-* *-win32"
jobs:
  wheels:
    runs-on: ubuntu-22.04
    strategy:
      matrix:
        python: ['38', '39', '310']
    steps:
      - uses: pypa/cibuildwheel@v2.21
        env:
          CIBW_BUILD: cp${{ matrix.python }}-manylinux_x86_64
          CIBW_TEST_COMMAND: pytest {project}/tests
"""

#: (case, workflow, expected (python, environment) pairs, in order)
CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "fairseq: three identifiers, BEFORE_BUILD installs the project",
        FAIRSEQ,
        [
            (python, environment)
            for python in ("3.6", "3.7", "3.8")
            for environment in ("pyproject.toml#build", "pyproject.toml")
        ],
    ),
    (
        "the action, one identifier per matrix value, a workflow-wide skip, a test command",
        ACTION_MATRIX,
        [
            (python, environment)
            for python in ("3.9", "3.10")
            for environment in ("pyproject.toml#build", "pyproject.toml")
        ],
    ),
    (
        "braces, a free-threaded build, PyPy and wildcards give nothing of their own",
        FAIRSEQ.replace('"cp36-*64 cp37-*64 cp38-*64"', '"cp3{11,12}-* cp313t-* pp39-* cp3*"'),
        [
            (python, environment)
            for python in ("3.11", "3.12", "3.13")
            for environment in ("pyproject.toml#build", "pyproject.toml")
        ],
    ),
    (
        "Windows and macOS identifiers are not Linux builds",
        FAIRSEQ.replace('"cp36-*64 cp37-*64 cp38-*64"', '"cp39-win_amd64 cp310-macosx_arm64"'),
        [],
    ),
    ("a Windows job", FAIRSEQ.replace("${{ matrix.os }}", "windows-2022"), []),
    (
        "no CIBW_BUILD: the project's own Requires-Python decides",
        FAIRSEQ.replace('CIBW_BUILD: "cp36-*64 cp37-*64 cp38-*64"', "CIBW_ARCHS: auto64"),
        [],
    ),
    (
        "a step that does not run cibuildwheel",
        FAIRSEQ.replace("python3 -m cibuildwheel --output-dir dist", "echo cibuildwheel"),
        [],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cibuildwheel_pythons(case: str, text: str, expected: list[tuple[str, str]]) -> None:
    facts = WorkflowParser().parse(PATH, text).facts
    got = [(f.value, f.environment) for f in facts if f.detail.startswith("cibuildwheel")]
    assert got == expected, case


def test_the_fact_stands_at_the_identifiers_and_names_them() -> None:
    [fact, *_] = WorkflowParser().parse(PATH, FAIRSEQ).facts
    assert (fact.location.file, fact.location.line) == (PATH, 13)
    assert (
        fact.detail == "cibuildwheel CIBW_BUILD: cp36-*64 cp37-*64 cp38-*64 (builds on CPython 3.6)"
    )
