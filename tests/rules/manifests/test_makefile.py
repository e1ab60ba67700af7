"""Makefiles: rules, recipes, variables, and the dependency files `make <target>` installs.

The snippets follow shapes of real Makefiles (each table row names where the shape was seen);
the flytekit one is the byte-exact Makefile of the real-world corpus case.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.manifests._shellwords import split_commands
from rules.manifests.makefile import (
    MakeCall,
    expand,
    installs,
    installs_by_target,
    make_call,
    make_reference,
    parse_makefile,
    resolve_reference,
)

FLYTEKIT = (
    Path(__file__).parents[2]
    / "realworld/cases/flyteorg__flytekit__ci-py312-tf213-torch200/head/Makefile"
)

# `setup: install-piptools` + `pip install -r dev-requirements.in` (flyteorg/flytekit).
PREREQUISITE = "setup: piptools ## Install requirements\n\tpip install -r dev-requirements.in\n"
# `PIP := pip`, `REQUIREMENTS := requirements.txt`, `$(PIP) install -r $(REQUIREMENTS)`
# (shape of The-Lama/python-for-devops Makefile).
VARIABLES = (
    "PIP := pip\nREQS := requirements.txt\nDEV_REQS = dev-$(REQS)\n\n"
    "install:\n\t$(PIP) install --upgrade $(PIP)\n\t$(PIP) install -r $(REQS)\n\n"
    "dev-install: install\n\t${PIP} install -r ${DEV_REQS}\n"
)
# `PYTHON ?= python3` + `$(PYTHON) -m pip install -r requirements.txt`
# (shape of codenamev99/invest_jan_2026 Makefile).
CONDITIONAL_ASSIGN = (
    "PYTHON ?= python3\n\ninstall:\n\t$(PYTHON) -m pip install -r requirements.txt\n"
)
# `install-dev: $(MAKE) install` then `pip install -r requirements.dev.txt`, and `install`
# running `$(MAKE) build` = `pip install .` (shape of brunohjs/rasa-model-report makefile).
SUB_MAKE = (
    "build:\n\tpip install .\n\ninstall-dev:\n\t$(MAKE) install\n"
    "\tpip install -r requirements.dev.txt\n\ninstall:\n\tpip install -r requirements.txt\n"
    "\t$(MAKE) build\n"
)
# `@pip install -e .` and `@pip install --upgrade -r requirements-dev.txt` with recipe
# prefixes, a continuation, and a `cd` inside one recipe line.
PREFIXES = (
    "install:\n\t@pip install -e .\n\t-@pip install --upgrade \\\n\t\t-r requirements-dev.txt\n"
    "docs:\n\tcd docs && pip install -r requirements.txt\n"
)
UNKNOWN = (
    "REQS != ls requirements*.txt\n"
    "a:\n\tpip install -r $(REQS)\n"
    "b:\n\tpip install -r $(shell echo reqs.txt)\n"
    "c:\n\tpip install -r $(FROM_ENVIRONMENT)/x.txt\n"
    "d:\n\tpip install -r $$HOME/x.txt\n"
)
INLINE_AND_DEFAULT = (
    ".PHONY: all\n.DEFAULT_GOAL := deps\nall: ; pip install -r all.txt\n"
    "deps: ; uv pip install -c constraints.txt -r deps.in\n"
)
AUTOMATIC = "requirements.txt: requirements.in\n\tpip install -r $<\n\npoetry:\n\tpoetry install\n"


@pytest.mark.parametrize(
    ("text", "goal", "expected"),
    [
        (PREREQUISITE, "setup", ["dev-requirements.in"]),
        (VARIABLES, "install", ["requirements.txt"]),
        (VARIABLES, "dev-install", ["requirements.txt", "dev-requirements.txt"]),
        (VARIABLES, "", ["requirements.txt"]),  # the default goal: the first target
        (CONDITIONAL_ASSIGN, "install", ["requirements.txt"]),
        (SUB_MAKE, "install-dev", ["requirements.txt", "pyproject.toml", "requirements.dev.txt"]),
        (SUB_MAKE, "build", ["pyproject.toml"]),
        (PREFIXES, "install", ["pyproject.toml", "requirements-dev.txt"]),
        (PREFIXES, "docs", ["docs/requirements.txt"]),
        (UNKNOWN, "a", []),
        (UNKNOWN, "b", []),
        (UNKNOWN, "c", []),
        (UNKNOWN, "d", []),
        (INLINE_AND_DEFAULT, "", ["constraints.txt", "deps.in"]),
        (INLINE_AND_DEFAULT, "all", ["all.txt"]),
        (AUTOMATIC, "requirements.txt", ["requirements.in"]),
        (AUTOMATIC, "poetry", ["pyproject.toml"]),
        (PREREQUISITE, "missing-target", []),
    ],
)
def test_installs(text: str, goal: str, expected: list[str]) -> None:
    assert [i.path for i in installs(parse_makefile(text), goal)] == expected


def test_overrides_beat_the_makefile() -> None:
    makefile = parse_makefile(VARIABLES)
    found = installs(makefile, "install", (("REQS", "gpu.txt"),))
    assert [i.path for i in found] == ["gpu.txt"]


def test_flytekit_setup_installs_dev_requirements() -> None:
    makefile = parse_makefile(FLYTEKIT.read_text(), "Makefile")
    assert makefile.errors == ()
    assert makefile.default_goal == "help"
    assert makefile.targets["setup"].prerequisites == ("install-piptools",)
    (found,) = installs(makefile, "setup")
    assert (found.path, found.target, found.line) == ("dev-requirements.in", "setup", 27)
    assert set(installs_by_target(makefile)) == {"setup"}  # .PHONY runs nothing
    # a target name built from a variable, and a target-specific variable line skipped
    mock = "tests/flytekit/integration/remote/mock_flyte_repo/workflows/requirements.txt"
    assert mock in makefile.targets
    assert makefile.targets["doc-requirements.txt"].prerequisites == (
        "doc-requirements.in",
        "install-piptools",
    )


@pytest.mark.parametrize(
    ("text", "variable", "value", "recursive"),
    [
        ("A = x\nB := $(A)y\nA = z\n", "B", "xy", False),
        ("A = x\nB = $(A)y\nA = z\n", "B", "$(A)y", True),
        ("A = x\nA ?= y\n", "A", "x", True),
        ("A = x\nA += y\n", "A", "x y", True),
        ("export A := 1\n", "A", "1", False),
        ("override A ::= 2\n", "A", "2", False),
        ("A != date\n", "A", None, False),
        ("A = b # a comment\n", "A", "b", True),
        ("A = x \\\n    y\n", "A", "x y", True),
    ],
)
def test_variables(text: str, variable: str, value: str | None, recursive: bool) -> None:
    found = parse_makefile(text).variables[variable]
    assert (found.value, found.recursive) == (value, recursive)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$(A)", "a"),
        ("${A}", "a"),
        ("$A", "a"),
        ("$$A", "$A"),
        ("$(B)", "a-b"),
        ("$($(N))", "a"),
        ("$(UNSET)", "${UNSET}"),
        ("$(shell ls)", "${shell}"),
        ("$(A:.c=.o)", "${A_.c_.o}"),
        ("$(LOOP)", "${LOOP}"),
        ("$(A", "${A}"),
    ],
)
def test_expand(text: str, expected: str) -> None:
    values = {"A": "a", "B": "$(A)-b", "N": "A", "LOOP": "$(LOOP)"}
    assert expand(text, values.get) == expected


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("\tpip install x\n", 1, "recipe commences before first target"),
        ("A = 1\nnot a rule\n", 2, "missing separator"),
        ("define X\nbody\n", 1, "missing 'endef'"),
        ("a:\n\techo\nB := $(oops\n", 3, "unterminated variable reference"),
        ("x = 1\n: y\n", 2, "missing target"),
    ],
)
def test_errors_are_located(text: str, line: int, message: str) -> None:
    (error,) = parse_makefile(text).errors
    assert (error.line, error.column) == (line, 1)
    assert message in error.message


def test_rule_context() -> None:
    text = (
        "a:\n\techo 1\n\n# a comment\n\techo 2\nifeq ($(X),1)\n\techo 3\nendif\n"
        "V = 1\n\techo 4\ndefine BLOCK\nb:\n\tpip install -r no.txt\nendef\n"
    )
    makefile = parse_makefile(text)
    assert [r.text for r in makefile.targets["a"].recipe] == ["echo 1", "echo 2", "echo 3"]
    assert "b" not in makefile.targets  # inside define ... endef
    assert [e.line for e in makefile.errors] == [10]  # `\techo 4` after an assignment


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("make setup", MakeCall("", None, ("setup",))),
        ("make", MakeCall()),
        ("sudo make -j4 install", MakeCall("", None, ("install",))),
        ("make -j 8 -C backend deps test", MakeCall("backend", None, ("deps", "test"))),
        ("gmake --directory=src -f build.mk all", MakeCall("src", "build.mk", ("all",))),
        ("make PYTHON=py3 install", MakeCall("", None, ("install",), (("PYTHON", "py3"),))),
        ("/usr/bin/make -s -k lint", MakeCall("", None, ("lint",))),
        ("make -C a -C b x", MakeCall("a/b", None, ("x",))),
        ("cmake ..", None),
        ("makepkg -si", None),
        ("pip install make", None),
    ],
)  # fmt: skip
def test_make_call(command: str, expected: MakeCall | None) -> None:
    (words,) = split_commands(command)
    assert make_call(words) == expected


@pytest.mark.parametrize(
    ("directory", "makefile", "goal"),
    [("", None, "setup"), ("a:b/c", "x.mk", ""), ('we"ird', None, "t:1")],
)
def test_reference_round_trip(directory: str, makefile: str | None, goal: str) -> None:
    assert resolve_reference(make_reference(directory, makefile, goal)) == (
        directory,
        makefile,
        goal,
    )


@pytest.mark.parametrize("text", ["requirements.txt", "make:", "make:[1,2]", "make:[oops"])
def test_plain_paths_are_no_reference(text: str) -> None:
    assert resolve_reference(text) is None


_MAKE_ALPHABET = st.sampled_from(
    [*"\t\n :;=?+!$(){}#\\%|@-.,'\"abcRz\r", "$(", "${", "pip install -r ", "make ", "define "]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_MAKE_ALPHABET, max_size=80).map("".join))
def test_random_text_never_raises(text: str) -> None:
    makefile = parse_makefile(text)
    lines = text.count("\n") + 1
    for error in makefile.errors:
        assert 1 <= error.line <= lines
        assert error.column >= 1
    for name in makefile.targets:
        installs(makefile, name)
    installs(makefile)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=40))
def test_expansion_is_bounded(depth: int) -> None:
    values = {f"V{i}": f"$(V{i + 1})$(V{i + 1})" for i in range(depth)}
    values[f"V{depth}"] = "x" * 1000
    assert len(expand("$(V0)", values.get)) <= 64 * 1024
