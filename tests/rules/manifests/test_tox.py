"""tox.ini: each environment's Python and the files it installs (read like a CI job)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.manifests.model import FactKind, FileKind, ManifestFile
from rules.manifests.registry import kind_for
from rules.manifests.snapshot import build_snapshot
from rules.manifests.tox import ToxParser
from rules.manifests.workflow import INSTALLED_TOGETHER
from rules.review import review_trees

# OmicsML/dance@30b231c9fc43f9996223ae0dcece0c0b1b3fb45a:tox.ini (abridged: the comment lines
# and the PyG/DGL installs dropped); the realworld case omicsml__dance__dependabot-scipy1111-py38
# holds the whole file. Dependabot's scipy==1.11.1 (Python >= 3.9) in requirements.txt broke
# these Python 3.8 environments (fixed in 06d0bcb, #325).
DANCE = """\
[tox]
minversion = 3.8.0
envlist = python3.8-{osx,cpu,gpu}
isolated_build = true

[testenv]
setenv =
    PYTHONPATH = {toxinidir}
extras =
    dev
commands =
    pip install -U pip
    gpu: pip install torch==1.12.1+cu102 --extra-index-url https://download.pytorch.org/whl/cu102
    pip install -r {toxinidir}/requirements.txt
    pytest tests/ -v
"""

# matthewralston/kmerdb@<head of the case>:tox.ini, whole: numpy==1.22.0 (Python >= 3.8) in
# requirements.txt broke the only environment (Dependabot #90, reverted in #93).
KMERDB = """\
[tox]
envlist=py37

[testenv]
deps = pytest
     -rrequirements.txt
commands =
\t pytest"""


def _parse(text: str, path: str = "tox.ini") -> ManifestFile:
    return ToxParser().parse(path, text)


def _pythons(manifest: ManifestFile) -> set[tuple[str, str, int]]:
    return {
        (f.environment, f.value, f.location.line)
        for f in manifest.facts
        if f.kind is FactKind.PYTHON
    }


def test_tox_ini_is_a_runner_file() -> None:
    assert kind_for("tox.ini") is FileKind.TOX
    assert kind_for("pkg/tox.ini") is FileKind.TOX


def test_dance_envlist_python_reaches_requirements_and_the_project_extra() -> None:
    manifest = _parse(DANCE)
    assert _pythons(manifest) == {
        ("requirements.txt", "3.8", 3),
        ("pyproject.toml", "3.8", 3),
        ("pyproject.toml#dev", "3.8", 3),
    }
    assert manifest.include_paths == ("requirements.txt", "pyproject.toml")
    together = {v for k, v in manifest.metadata if k == INSTALLED_TOGETHER}
    assert "tox.ini#python3.8-gpu\nrequirements.txt" in together
    assert len({v.split("\n")[0] for v in together}) == 3  # osx, cpu, gpu
    assert not manifest.errors


def test_kmerdb_deps_file_gets_the_envlist_python() -> None:
    manifest = _parse(KMERDB)
    assert ("requirements.txt", "3.7", 2) in _pythons(manifest)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # brace products and numeric ranges
        ("[tox]\nenvlist = py{38,39}-{a,b}\n[testenv]\ndeps = -rr.txt\nskip_install = true\n",
         {("r.txt", "3.8", 2), ("r.txt", "3.9", 2)}),
        ("[tox]\nenv_list = py3{10-12}\n[testenv]\nskip_install = true\ndeps = -r r.txt\n",
         {("r.txt", "3.10", 2), ("r.txt", "3.11", 2), ("r.txt", "3.12", 2)}),
        # a factor condition keeps a line to the environments that meet it
        ("[tox]\nenvlist = py38,py311\n[testenv]\nskip_install = true\n"
         "deps =\n  py38: -rold.txt\n  !py38: -rnew.txt\n",
         {("old.txt", "3.8", 2), ("new.txt", "3.11", 2)}),
        # basepython decides; a section-only environment counts
        ("[tox]\nenvlist = lint\n[testenv:docs]\nbasepython = python3.11\nskip_install = true\n"
         "deps = -rdocs/requirements.txt\n",
         {("docs/requirements.txt", "3.11", 4)}),
        # hbclab/NiBetaSeries: basepython lines guarded by factors, with {env:VAR:default}
        ("[tox]\nenvlist = py37,py38,docs\n[testenv]\nskip_install = true\ndeps = -rr.txt\n"
         "basepython =\n    py37: {env:TOXPYTHON:python3.7}\n    py38: {env:TOXPYTHON:python3.8}\n"
         "    {docs,lint}: {env:TOXPYTHON:python3}\n",
         {("r.txt", "3.7", 7), ("r.txt", "3.8", 8)}),
        # a basepython that names no minor: nothing said, not the name's factor
        ("[tox]\nenvlist = py38\n[testenv]\nbasepython = python3\nskip_install = true\n"
         "deps = -rr.txt\n", set()),
        # a -c file constrains, it installs nothing; skipsdist: no project install
        ("[tox]\nenvlist = py38\nskipsdist = true\n[testenv]\ndeps =\n  -cc.txt\n  -rr.txt\n",
         {("r.txt", "3.8", 2)}),
        ("[tox]\nenvlist = py38\n[testenv]\npackage = skip\ndeps = -rr.txt\n",
         {("r.txt", "3.8", 2)}),
        ("[tox]\nenvlist = py38\nskipsdist = false\n[testenv]\ndeps = -rr.txt\n",
         {("r.txt", "3.8", 2), ("pyproject.toml", "3.8", 2)}),
        # no Python named (py3, lint): nothing said
        ("[tox]\nenvlist = py3, lint\n[testenv]\ndeps = -rr.txt\n", set()),
        # the project with extras as a deps line (wellcometrust/wellcomeml)
        ("[tox]\nenvlist = py38\n[testenv]\nskip_install = true\n"
         "deps =\n  -r r.txt\n  .[torch,tf]\n",
         {("r.txt", "3.8", 2), ("pyproject.toml", "3.8", 2), ("pyproject.toml#torch", "3.8", 2),
          ("pyproject.toml#tf", "3.8", 2)}),
        # tox-uv's lock runner installs uv.lock (freelawproject/juriscraper c31c4e0)
        ("[tox]\nenvlist = py{314, 313}\n[testenv]\nrunner = uv-venv-lock-runner\n"
         "package = wheel\n",
         {("uv.lock", "3.14", 2), ("uv.lock", "3.13", 2), ("pyproject.toml", "3.14", 2),
          ("pyproject.toml", "3.13", 2)}),
        # commands' installs, with {toxinidir} and {envpython}
        ("[tox]\nenvlist = py39\n[testenv]\nskip_install = true\n"
         "commands = {envpython} -m pip install -r {toxinidir}/req/ci.txt\n",
         {("req/ci.txt", "3.9", 2)}),
    ],
)  # fmt: skip
def test_shapes(text: str, expected: set[tuple[str, str, int]]) -> None:
    assert _pythons(_parse(text)) == expected


def test_a_nested_tox_ini_installs_its_own_folder() -> None:
    text = "[tox]\nenvlist = py310\n[testenv]\ndeps = -rrequirements.txt\n"
    assert _pythons(_parse(text, "pkg/tox.ini")) == {
        ("pkg/requirements.txt", "3.10", 2),
        ("pkg/pyproject.toml", "3.10", 2),
    }


def test_the_snapshot_gives_the_requirements_file_the_tox_python() -> None:
    snapshot = build_snapshot({"tox.ini": KMERDB, "requirements.txt": "numpy==1.22.0\n"})
    facts = [f for f in snapshot.facts(FactKind.PYTHON) if f.environment == "requirements.txt"]
    assert [(f.value, f.location.file) for f in facts] == [("3.7", "tox.ini")]


def test_bad_input_is_a_located_error() -> None:
    manifest = _parse("[tox]\nenvlist = py38\nthis line is neither\n")
    (error,) = manifest.errors
    assert (error.line, error.column) == (3, 1)
    assert "expected `[section]`, `key = value` or a comment" in error.message


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SYNTAX = st.sampled_from(
    [*"[]{}=:;#!,-\n\t ", "[tox]", "[testenv]", "[testenv:py38]", "envlist =", "deps =",
     "commands =", "basepython = python3.9", "-rrequirements.txt", "py{38,39}", "py3{8-9}",
     "gpu: ", "{toxinidir}", "pip install -r r.txt", "extras = dev", "skip_install = true",
     "\n    "]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=8), SYNTAX), max_size=40).map("".join)


@SETTINGS
@given(text=TEXT)
def test_never_raises_and_locations_stay_in_the_file(text: str) -> None:
    manifest = _parse(text)
    lines = max(1, len(text.splitlines()))
    for span in [f.location for f in manifest.facts] + list(manifest.includes):
        assert span.file == "tox.ini"
        assert 1 <= span.line <= lines
        assert span.column >= 1
    for error in manifest.errors:
        assert error.line is not None and 1 <= error.line <= lines + 1


def test_a_brace_bomb_is_bounded() -> None:
    """`{a,b}` forty times over names 2**40 environments; the reader takes the first 256."""
    text = "[tox]\nenvlist = py38-" + "{a,b}" * 40 + "\n[testenv]\ndeps = -rr.txt\n"
    manifest = _parse(text)
    assert len({v for k, v in manifest.metadata if k == INSTALLED_TOGETHER}) == 2 * 256


def test_each_line_is_read_once_and_repeated_lines_give_one_fact() -> None:
    """A command line shared by 256 environments is split once; the same file installed by
    2,000 lines is one fact per environment (was 4.8 s and 2,000 facts an environment)."""
    factors = ",".join(f"f{i}" for i in range(50))
    text = (
        "[tox]\nenvlist = py3{8-13}-{"
        + factors
        + "}\nskipsdist = true\n[testenv]\ncommands =\n"
        + "    pip install -r r.txt\n" * 2000
    )
    manifest = _parse(text)
    assert len(manifest.facts) == 256 and not manifest.errors
    assert manifest.include_paths == ("r.txt",)


@pytest.mark.parametrize(
    "text",
    [
        # 50,000 distinct files for each environment: past MAX_PAIRS
        "[tox]\nenvlist = py38\nskipsdist = true\n[testenv]\ndeps =\n"
        + "".join(f"    -rr{i}.txt\n" for i in range(25_000)),
        # 100 conditions of 2,000 alternatives each, against 256 environments: past MAX_CHECKS
        "[tox]\nenvlist = py3{8-13}-{" + ",".join(f"f{i}" for i in range(50)) + "}\n"
        "[testenv]\ndeps =\n"
        + "".join("    " + f"a{i}," * 2000 + "b: -rr.txt\n" for i in range(100)),
    ],
)
def test_too_much_work_is_a_located_warning(text: str) -> None:
    manifest = _parse(text)
    (warning,) = manifest.errors
    assert warning.severity == "warning" and "tox.ini too large to read whole" in warning.message
    assert (warning.line, warning.column) == (2, 11)


# neo4j/graph-data-science-client@02c5fcb7:tox.ini (abridged): PR #448 moved the pandas1
# factor's numpy pin to 1.25.2 (Python >= 3.9) while py38-pandas1 environments stayed
NEO4J = """\
[tox]
envlist =
    py{38,39}-pandas{1,2}-main
    py310-pandas2-main

[testenv]
deps =
    pytest
    pandas1: pandas >= 1.0, < 2.0
    pandas1: numpy == 1.25.2
    pandas2: pandas >= 2.0, < 3.0
    -r requirements/dev.txt
    {toxinidir}/dist/pkg.whl
commands = pytest
"""


def test_requirement_strings_in_deps_are_the_environments_own() -> None:
    manifest = ToxParser().parse("tox.ini", NEO4J)
    by_env: dict[str, list[str]] = {}
    for req in manifest.requirements:
        by_env.setdefault(req.environment, []).append(f"{req.name}{req.specifier}")
    # one environment per distinct (Python, lines): py38-pandas1 and py39-pandas1 differ in
    # Python, py39-pandas2 and py310-pandas2 too
    assert by_env == {
        "tox.ini#py38-pandas1-main": ["pytest", "pandas<2.0,>=1.0", "numpy==1.25.2"],
        "tox.ini#py38-pandas2-main": ["pytest", "pandas<3.0,>=2.0"],
        "tox.ini#py39-pandas1-main": ["pytest", "pandas<2.0,>=1.0", "numpy==1.25.2"],
        "tox.ini#py39-pandas2-main": ["pytest", "pandas<3.0,>=2.0"],
        "tox.ini#py310-pandas2-main": ["pytest", "pandas<3.0,>=2.0"],
    }
    pythons = {f.environment: f.value for f in manifest.facts if f.environment in by_env}
    assert pythons["tox.ini#py38-pandas1-main"] == "3.8"


def test_a_deps_pin_the_environments_python_cannot_install_is_an_error() -> None:
    base = {"tox.ini": NEO4J.replace("1.25.2", "1.24.3"), "requirements/dev.txt": "six\n"}
    head = base | {"tox.ini": NEO4J}
    found = [
        f for f in review_trees(base, head).findings if f.rule == "python-version-incompatible"
    ]
    assert [(f.severity.value, f.file, f.package) for f in found] == [
        ("error", "tox.ini", "numpy")
    ], found
