"""setup.cfg: [options] install_requires / python_requires and [options.extras_require]."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.manifests.model import FactKind, FileKind, Group, ManifestFile, Span
from rules.manifests.setupcfg import MAX_EXPANDED, SetupCfgParser

# astropy/reproject@80c1deda85974b19be80fe23e76103f28ff2acdd:setup.cfg (abridged: the
# [options] and [options.extras_require] sections as written, tool sections dropped); the
# realworld case astropy__reproject__build-numpy125-py38-ci holds the whole file.
REPROJECT = """\
[metadata]
name = reproject
author = Thomas Robitaille, Christoph Deil, Adam Ginsburg

[options]
zip_safe = False
packages = find:
python_requires = >=3.8
setup_requires = setuptools_scm
install_requires =
  numpy>=1.20
  astropy>=5.0
  dask[array]>=2021.8
  cloudpickle

[options.extras_require]
all =
    shapely
test =
    pytest-astropy
    shapely>=2.0.2  # 2.0.2 fixed a bug that causes changes in test results
testall =
    shapely
    # Once a release of reproject is done for Python 3.12,
    # can remove python_version specifier here
    sunpy[map]>=2.1;python_version<"3.12" and platform_machine!="i686"

[tool:pytest]
minversion = 3.1
addopts = --doctest-rst
"""


def _parse(text: str, path: str = "setup.cfg") -> ManifestFile:
    return SetupCfgParser().parse(path, text)


def test_reproject_options_and_extras() -> None:
    manifest = _parse(REPROJECT)
    assert manifest.kind == FileKind.SETUP_CFG
    assert manifest.errors == ()
    runtime = [
        (r.name, r.specifier, r.location) for r in manifest.requirements if r.group_name is None
    ]
    assert runtime == [
        ("numpy", ">=1.20", Span("setup.cfg", 11, 3)),
        ("astropy", ">=5.0", Span("setup.cfg", 12, 3)),
        ("dask", ">=2021.8", Span("setup.cfg", 13, 3)),
        ("cloudpickle", "", Span("setup.cfg", 14, 3)),
    ]
    assert {r.environment for r in manifest.requirements if r.group_name is None} == {"setup.cfg"}
    extras = {(r.environment, r.name, r.group) for r in manifest.requirements if r.group_name}
    assert extras == {
        ("setup.cfg#all", "shapely", Group.OPTIONAL),
        ("setup.cfg#test", "pytest-astropy", Group.OPTIONAL),
        ("setup.cfg#test", "shapely", Group.OPTIONAL),
        ("setup.cfg#testall", "shapely", Group.OPTIONAL),
        ("setup.cfg#testall", "sunpy", Group.OPTIONAL),
    }
    sunpy = next(r for r in manifest.requirements if r.name == "sunpy")
    assert sunpy.marker == 'python_version < "3.12" and platform_machine != "i686"'
    assert sunpy.extras == ("map",)
    test_shapely = next(
        r
        for r in manifest.requirements
        if r.environment == "setup.cfg#test" and r.name == "shapely"
    )
    assert test_shapely.raw == "shapely>=2.0.2"  # the inline comment is not part of it
    (python,) = [f for f in manifest.facts if f.kind == FactKind.PYTHON]
    assert (python.value, python.location, python.environment) == (
        ">=3.8",
        Span("setup.cfg", 8, 1),
        "setup.cfg",
    )
    assert python.detail == "python_requires = >=3.8"
    assert ("name", "reproject") in manifest.metadata


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a single-line value is split at `;` (setuptools' _parse_list_semicolon)
        (
            "[options]\ninstall_requires = numpy>=1.24; scipy\n",
            [("numpy", 2, 20), ("scipy", 2, 33)],
        ),
        # dashes in option names, `:` as separator
        ("[options]\ninstall-requires:\n    torch==2.1.0\n", [("torch", 3, 5)]),
        # blank lines and comments inside a dangling list
        (
            "[options]\ninstall_requires =\n    torch\n\n    # gpu\n    ; note\n    numpy\n",
            [("torch", 3, 5), ("numpy", 7, 5)],
        ),
        # other sections are not read
        ("[tool:pytest]\ninstall_requires = torch\n[flake8]\nmax-line-length = 100\n", []),
        # [options] keys are case-sensitive in setuptools
        ("[options]\nInstall_Requires = torch\n", []),
    ],
)
def test_shapes(text: str, expected: list[tuple[str, int, int]]) -> None:
    manifest = _parse(text)
    assert manifest.errors == ()
    assert [(r.name, r.location.line, r.location.column) for r in manifest.requirements] == expected


def test_an_extra_that_names_another_by_interpolation_gets_its_list() -> None:
    """hbclab/NiBetaSeries setup.cfg: ``tests = %(test)s`` and ``all = %(test)s %(doc)s``
    (configparser interpolation, which setuptools reads setup.cfg with)."""
    manifest = _parse(
        "[options.extras_require]\ntest =\n    pytest\ntests =\n    %(test)s\n"
        "doc =\n    sphinx\nall =\n    %(test)s\n    %(doc)s\n    tox\n"
        "loop =\n    %(loop)s\n    %(missing)s\n"
    )
    placed = [(r.environment, r.name, r.location.line) for r in manifest.requirements]
    assert placed == [
        ("setup.cfg#test", "pytest", 3),
        ("setup.cfg#tests", "pytest", 3),
        ("setup.cfg#doc", "sphinx", 7),
        ("setup.cfg#all", "pytest", 3),
        ("setup.cfg#all", "sphinx", 7),
        ("setup.cfg#all", "tox", 11),
    ]
    # a reference to itself (configparser: InterpolationDepthError) or to no option stays a
    # located error
    assert [(e.line, e.column) for e in manifest.errors] == [(13, 5), (14, 5)]


def test_install_requires_names_an_option_of_its_section() -> None:
    """OpenMined/PySyft packages/syft/setup.cfg (PyScaffold's layout): ``[options]`` holds
    ``syft =`` with the list and ``install_requires = %(syft)s``; 3fd99ba7's ``jax==>=0.4.10``
    in that list is a located error (fixed three minutes later by 2ac719a0)."""
    manifest = _parse(
        "[options]\nsyft =\n    numpy>=1.22.4\n    jax==>=0.4.10,<=0.4.14\n"
        "install_requires =\n    %(syft)s\n"
    )
    assert [(r.environment, r.name, r.location.line) for r in manifest.requirements] == [
        ("setup.cfg", "numpy", 3)
    ]
    assert [(e.line, e.column) for e in manifest.errors] == [(4, 8)]


def test_file_directive_is_linked() -> None:
    manifest = _parse(
        "[options]\ninstall_requires = file: requirements.txt\n"
        "[options.extras_require]\ndev = file: requirements-dev.txt, extra.txt\n",
        "pkg/setup.cfg",
    )
    assert manifest.requirements == ()
    assert manifest.include_paths == (
        "pkg/requirements.txt",
        "pkg/requirements-dev.txt",
        "pkg/extra.txt",
    )
    assert ("requirements-file", "pkg/setup.cfg\npkg/requirements.txt") in manifest.metadata
    assert ("requirements-file", "pkg/setup.cfg#dev\npkg/requirements-dev.txt") in manifest.metadata


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("install_requires = torch\n", 1, 1, "before this key"),
        ("[options]\nthis is not a key\n", 2, 1, "expected `[section]`"),
        ("[options]\ninstall_requires =\n    torch>=>2\n", 3, 10, "Expected"),
        ("[options]\npython_requires = three\n", 2, 19, "not a PEP 440 specifier"),
    ],
)
def test_bad_input_is_a_located_error(text: str, line: int, column: int, message: str) -> None:
    manifest = _parse(text)
    (error,) = manifest.errors
    assert (error.line, error.column) == (line, column)
    assert message in error.message
    assert error.rule == "parse-error"


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SYNTAX = st.sampled_from(
    [*"[]=:;#\n\t \"'<>=!~,.@", "[options]", "[options.extras_require]", "install_requires =",
     "python_requires =", "\n    ", "file:", "torch>=2", "; python_version<'3.9'"]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=8), SYNTAX), max_size=40).map("".join)


@SETTINGS
@given(text=TEXT)
def test_never_raises_and_locations_stay_in_the_file(text: str) -> None:
    manifest = _parse(text)
    lines = max(1, len(text.splitlines()))
    spans = [r.location for r in manifest.requirements] + [f.location for f in manifest.facts]
    spans += list(manifest.includes)
    for span in spans:
        assert span.file == "setup.cfg"
        assert 1 <= span.line <= lines
        assert span.column >= 1
    for error in manifest.errors:
        assert error.line is not None
        assert 1 <= error.line <= lines + 1


@pytest.mark.timeout(30)
def test_references_that_fan_out_are_bounded() -> None:
    """Lists that name each other ten times over, eight deep, would expand 10^8 lines."""
    text = "[options.extras_require]\na8 =\n    x\n" + "".join(
        f"a{i} =\n" + f"    %(a{i + 1})s\n" * 10 for i in range(8)
    )
    manifest = _parse(text)
    assert len(manifest.requirements) <= MAX_EXPANDED
    (error,) = manifest.errors
    assert f"more than {MAX_EXPANDED} %(name)s lines" in error.message
