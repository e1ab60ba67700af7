"""project-not-on-pypi on names the index's list of every project lacks.

Real typos from the corpus (each fixed upstream): ``jeiba`` for jieba (EleutherAI/lm-evaluation-
harness, the longbench extra), ``asteroid_filterbank`` for asteroid-filterbanks (clovaai/
voxceleb_trainer), ``opnevc-python`` for opencv-python (Lornatang/UGATIT-PyTorch). The table
runs on the packaged list (rules/kb/data/pypi_names.txt.xz); the fakes pin the decisions.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules.checks.not_on_pypi import ProjectNotOnPypi, _osa, _popular_near, _two_projects
from rules.checks.support.wheels import NoWheels
from rules.kb import project_names
from rules.kb.project_names import _listed, _one_edit
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run


@pytest.mark.parametrize(
    ("text", "severity", "fix"),
    [
        ("jeiba\n", "error", "jieba"),  # one swap from a project the index has
        ("asteroid_filterbank>=0.4\n", "error", "asteroid-filterbanks"),  # a letter left out
        ("opnevc-python\n", "error", "opencv-python"),  # two swaps from a popular project
        ("tourch==2.1.0\n", "error", "torch"),
        ("scikitlearn\n", "error", "scikit-learn"),
        # like no name the index has: published since, or a private index's
        ("depreview-not-a-listed-project\n", "warning", None),
        ("jieba\n", None, None),  # the real ones
        ("asteroid-filterbanks\n", None, None),
        ("Asteroid_Filterbanks\n", None, None),  # any spelling PEP 503 folds together
        ("numpy\n", None, None),
        ("${PACKAGE}\n", None, None),  # no name
        ("--extra-index-url https://example.org/simple\njeiba\n", None, None),  # another index
        ("jeiba @ https://example.org/jeiba-1.0-py3-none-any.whl\n", None, None),  # a URL
        ("-c constraints.txt\n", None, None),
    ],
)
def test_names_the_index_lacks(text: str, severity: str | None, fix: str | None) -> None:
    findings = run(ProjectNotOnPypi(), build_snapshot({"requirements.txt": text}))
    assert [f.severity.value for f in findings] == ([severity] if severity else [])
    for found in findings:
        assert (found.rule, found.category) == ("project-not-on-pypi", "conflict")
        assert "No matching distribution found" in found.message
        assert project_names.read_on() in found.message
        if fix is not None:
            assert found.fix == fix and f"a typo of {fix}" in found.message
        assert found.evidence[0].startswith("KB pypi_names.txt.xz (read on ")


def test_the_repositorys_own_packages_are_left_alone() -> None:
    """A monorepo installs its own packages from their folders: a pyproject's name, or a
    lock's entry, is not looked up."""
    files = {
        "core/pyproject.toml": '[project]\nname = "depreview-core-x"\nversion = "1"\n',
        "app/requirements.txt": "depreview-core-x\n",
    }
    assert run(ProjectNotOnPypi(), build_snapshot(files)) == []
    files["app/requirements.txt"] = "depreview-core-y\n"
    (found,) = run(ProjectNotOnPypi(), build_snapshot(files))
    assert found.severity.value == "warning"


EXPORT = (
    "name: lsa\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - pip:\n"
    "    - numpy==1.26.4\n    - depreview-core-x==0.1.0\n    - depreview-not-listed==0.1.0\n"
)


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # luca-medeiros/lang-segment-anything #51: `conda env export` output (a prefix:)
        # pins the repository's own lang-sam==0.1.0, installed from its folder: an error
        ("prefix: /opt/envs/lsa\n", [("error", 8), ("error", 9)]),
        # a hand-written environment file: the own package is left alone, the other warns
        ("", [("warning", 9)]),
    ],
)
def test_a_conda_export_pins_what_was_installed_from_folders(
    tail: str, expected: list[tuple[str, int]]
) -> None:
    files = {
        "pyproject.toml": '[project]\nname = "depreview-core-x"\nversion = "1"\n',
        "environment.yml": EXPORT + tail,
    }
    findings = run(ProjectNotOnPypi(), build_snapshot(files))
    assert [(f.severity.value, f.line) for f in findings] == expected
    for found in findings:
        assert ("conda env export" in found.message) == bool(tail)


class _Names:
    """Three projects, read on a fixed date."""

    def has(self, package: str) -> bool:
        return package in {"alpha-tools", "beta", "gamma"}

    def neighbours(self, package: str) -> list[str]:
        return sorted(n for n in ("alpha-tools", "beta", "gamma") if _osa(n, package, 1) == 1)

    def read_on(self) -> str:
        return "2000-01-01"


class _Lists:
    def absent(self, package: str) -> str | None:
        return "pyyaml" if package == "yaml" else None

    def projects(self) -> frozenset[str]:
        return frozenset({"popular-lib"})


@pytest.mark.parametrize(
    ("line", "severity", "fix"),
    [
        ("alpha-tool\n", "error", "alpha-tools"),  # one edit from a name the index has
        ("popular-lbi\n", "error", "popular-lib"),  # near a popular one
        ("poplar-lbi\n", "error", "popular-lib"),  # two edits from a popular one
        ("pplar-lbi\n", "warning", None),  # three
        ("pyg-lib==0.2.0+pt113cu117\n", None, None),  # a wheel page's build: not PyPI's
        ("delta-x\n", "warning", None),
        ("beta\n", None, None),
        ("popular-lib\n", None, None),
        ("yaml\n", "error", "pyyaml"),  # an import name, as before
    ],
)
def test_injected_names(line: str, severity: str | None, fix: str | None) -> None:
    rule = ProjectNotOnPypi(lists=_Lists(), names=_Names(), wheels=NoWheels())
    findings = run(rule, build_snapshot({"requirements.txt": line}))
    assert [f.severity.value for f in findings] == ([severity] if severity else [])
    if fix is not None:
        assert findings[0].fix == fix
    for found in findings:
        if found.rule == "project-not-on-pypi" and "pyyaml" not in (found.fix or ""):
            assert "2000-01-01" in found.message


def test_short_names_take_one_edit_only() -> None:
    assert _popular_near("tqm", frozenset({"tqdm"})) == ["tqdm"]
    assert _popular_near("sander", frozenset({"pandera"})) == []  # two edits, six letters
    assert _popular_near("tq", frozenset({"tqdm"})) == []
    assert _popular_near("scikitlearn", frozenset({"scikit-learn", "scikit-image"})) == [
        "scikit-learn"
    ]


def _reference_osa(a: str, b: str) -> int:
    """The textbook optimal-string-alignment distance (no cut-off)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


_WORD = st.text(alphabet="abc-", max_size=8)


@given(_WORD, _WORD, st.integers(min_value=0, max_value=3))
def test_osa_cut_off_agrees_with_the_textbook(a: str, b: str, limit: int) -> None:
    assert _osa(a, b, limit) == min(_reference_osa(a, b), limit + 1)


@given(st.lists(st.from_regex(r"[a-z0-9][a-z0-9-]{0,6}", fullmatch=True), max_size=40), _WORD)
def test_bisection_finds_exactly_the_lines(names: list[str], probe: str) -> None:
    lines = sorted(set(names))
    blob = "\n".join(lines).encode()
    for name in lines:
        assert _listed(blob, name.encode())
    assert _listed(blob, probe.encode()) == (probe in lines)


@given(st.from_regex(r"[a-z][a-z0-9-]{0,8}[a-z]", fullmatch=True))
def test_one_edit_names_are_one_edit_away(name: str) -> None:
    for edit in _one_edit(name):
        assert _reference_osa(name, edit) <= 1
        assert re.fullmatch(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?", edit) and "--" not in edit


def test_packaged_list() -> None:
    """The list holds the index's projects, normalized, and its date."""
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", project_names.read_on())
    assert "project_names_from_index.py" in project_names.provenance()
    for name in ("numpy", "torch", "jieba", "asteroid-filterbanks", "zope-interface"):
        assert project_names.has(name)
    assert project_names.has("Zope.Interface")
    for name in ("jeiba", "opnevc-python", "depreview-not-a-listed-project", "ünïcode"):
        assert not project_names.has(name)
    assert "jieba" in project_names.neighbours("jeiba")
    blob = project_names._blob()
    assert blob.count(b"\n") + 1 > 500_000
    assert b"/work/" not in blob and b"pypi.org" not in blob


def test_typos_are_looked_for_within_a_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the budget a missing name is still reported, as a warning (no typo look-up)."""
    monkeypatch.setattr("rules.checks.not_on_pypi._NEAR_BUDGET", 1)
    findings = run(ProjectNotOnPypi(), build_snapshot({"requirements.txt": "jeiba\ntourch\n"}))
    assert [(f.line, f.severity.value) for f in findings] == [(1, "error"), (2, "warning")]


def test_a_name_longer_than_any_gets_no_typo_search() -> None:
    """security-poc pathological.py's requirements.txt of 200,000 'a': its one-edit names
    would have filled the memory; it is a warning, found at once."""
    (found,) = run(ProjectNotOnPypi(), build_snapshot({"requirements.txt": "a" * 200_000}))
    assert found.severity.value == "warning"
    assert project_names.neighbours("a" * 101) == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # an index from a build arg: the review cannot see it, so only a typo is reported
        (
            {"Dockerfile": "FROM python:3.11\nARG IDX\nRUN pip install --index-url $IDX acme-x1\n"},
            [],
        ),
        ({"Dockerfile": "FROM python:3.11\nRUN pip install opnevc-python\n"}, [("error", 2)]),
        (
            {
                ".github/workflows/t.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
                "    env:\n      PIP_EXTRA_INDEX_URL: ${{ secrets.IDX }}\n    steps:\n"
                "      - run: pip install depreview-not-a-listed-project\n"
            },
            [],
        ),
        # a file a Dockerfile installs: its command may name the index by a variable
        (
            {
                "requirements.txt": "depreview-not-a-listed-project\n",
                "Dockerfile": "FROM python:3.11\nCOPY requirements.txt .\n"
                "RUN pip install --extra-index-url $IDX -r requirements.txt\n",
            },
            [],
        ),
    ],
)
def test_scripts_report_typos_only(files: dict[str, str], expected: list[tuple[str, int]]) -> None:
    findings = run(ProjectNotOnPypi(), build_snapshot(files))
    assert [(f.severity.value, f.line) for f in findings] == expected


JOINED = [
    # google-ai-edge/ai-edge-torch 94f36d69: two commas missing in install_requires
    (
        '    "multipledispatch"\n    "transformers"\n    "kagglehub",\n',
        "error",
        '"multipledispatch", "transformers", "kagglehub"',
    ),
    # a URL split over two literals on purpose: the name is torch, a project PyPI has
    (
        '    "torch @ https://download.pytorch.org/whl/cu118/"\n'
        '    "torch-2.0.0%2Bcu118-cp310-cp310-linux_x86_64.whl",\n',
        None,
        None,
    ),
    # on one line, beside other literals
    ('    "numpy", "multipledispatch" "transformers", "scipy",\n', "error", None),
    # one literal whose name PyPI lacks: the plain warning, no missing comma to point at
    ('    "depreview-not-a-listed-project",\n', "warning", None),
]


@pytest.mark.parametrize(("items", "severity", "fix"), JOINED)
def test_adjacent_literals_joined_into_one_name(
    items: str, severity: str | None, fix: str | None
) -> None:
    text = f"from setuptools import setup\nsetup(\n  install_requires=[\n{items}  ],\n)\n"
    findings = run(ProjectNotOnPypi(), build_snapshot({"setup.py": text}))
    assert [f.severity.value for f in findings] == ([severity] if severity else [])
    if fix is not None:
        assert findings[0].fix == fix
        assert "adjacent string literals" in findings[0].message
        assert (findings[0].line, findings[0].file) == (4, "setup.py")


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        # netease-youdao/QAnything c01fc09c: a dash where == was meant (fixed in f513d94)
        ("mistune-3.0.2\n", "mistune==3.0.2"),
        ("scikit-learn-1.3.0 ; python_version >= '3.9'\n", "scikit-learn==1.3.0"),
        ("depreview-not-a-listed-project-1.2\n", None),  # no such project before the dash
        ("mistune-3\n", None),  # one part: not read as a version
    ],
)
def test_a_version_joined_by_a_dash_is_an_error(text: str, fix: str | None) -> None:
    findings = run(ProjectNotOnPypi(), build_snapshot({"requirements.txt": text}))
    if fix is None:
        assert all(f.severity == "warning" or f.fix != fix for f in findings)
        assert not any("joined by a dash" in f.message for f in findings)
        return
    [found] = findings
    assert found.severity == "error" and found.fix == fix
    assert "joined by a dash" in found.message and "No matching distribution" in found.message


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        # microsoft/CameraTraps 3df34b5d: a merge joined two lines (fixed in 2a42eba2)
        ("pycocotoolstimm\n", "pycocotools\ntimm"),
        ("numpypandas>=1.0\n", "numpy\npandas"),
        ("torchaiq\n", None),  # a part shorter than four letters: not split
        ("depreviewnotlisted\n", None),  # no two listed projects
    ],
)
def test_two_projects_written_as_one_word_are_an_error(text: str, fix: str | None) -> None:
    findings = run(ProjectNotOnPypi(), build_snapshot({"requirements.txt": text}))
    joined = [f for f in findings if "written as one word" in f.message]
    if fix is None:
        assert joined == []
        return
    [found] = findings
    assert found.severity == "error" and found.fix == fix
    assert "No matching distribution" in found.message


def test_joined_names_are_split_only_into_names_of_listed_length() -> None:
    """Continued lines run together (``numpy\\`` a hundred thousand times) make one huge name:
    its parts would be longer than any project name, so it is not split at all (a split
    at every letter took 25 s on pathological.py's 100k continuations)."""
    popular = frozenset({"numpy", "numpynumpy"})
    assert _two_projects("numpynumpy" + "numpy", popular) == ("numpy", "numpynumpy")
    assert _two_projects("numpy" * 100_000, popular) is None
    assert _two_projects("a" * 70 + "numpy", frozenset({"a" * 70, "numpy"})) is None
