"""The Pythons a cibuildwheel step of a workflow job builds the project's wheels on.

cibuildwheel (``uses: pypa/cibuildwheel@…`` or a ``run:`` of ``cibuildwheel`` / ``python -m
cibuildwheel``) builds one wheel per build identifier; ``CIBW_BUILD`` (the step's, the job's
or the workflow's ``env:``) or the action's ``only:`` input names them (``cp36-*64 cp37-*64``,
``cp310-manylinux_x86_64``), ``CIBW_SKIP`` leaves some out. For each CPython identifier it
installs the project's build requirements on that Python (``pyproject.toml#build``), runs
``CIBW_BEFORE_BUILD`` there (``pip install .`` installs the project with its requirements),
and with a ``CIBW_TEST_COMMAND`` installs the built wheel, hence the project's requirements.

facebookresearch/fairseq's release.yml builds ``cp36-*64 cp37-*64 cp38-*64`` while its
build requirements (and ``CIBW_BEFORE_BUILD: pip install .``) take numpy>=1.23.3, which has
no release for Python 3.6 or 3.7.

Read: literal identifiers of CPython 3 (``cp3XY`` / ``cp3XYt``, any platform part),
simple ``{a,b}`` braces, and a ``${{ matrix.<key> }}`` put in once per value of the job's
matrix. Not read: identifiers that name no minor (``cp3*``, ``*``), PyPy (``pp*``), a job
whose ``runs-on`` names Windows or macOS (those wheels are not Linux ones), a
``[tool.cibuildwheel]`` table of pyproject.toml.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterator, Mapping

import yaml

from rules.manifests._shellwords import split_commands
from rules.manifests._step_installs import command_installs
from rules.manifests._workflow_jobs import python_minor, span_of
from rules.manifests._yaml_nodes import Walker
from rules.manifests.model import Fact, FactKind

#: (walker, matrix node, key) -> that key's value nodes (`workflow.matrix_values`).
MatrixValues = Callable[[Walker, yaml.Node | None, str], list[yaml.Node]]

_IDENTIFIER = re.compile(r"^cp3(\d{1,2})t?(?:-|$)")
_MATRIX_REF = re.compile(r"\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}")
_BRACES = re.compile(r"\{([^{}]*)\}")
#: The platform part an identifier is matched with against CIBW_SKIP (a Linux x86_64 build).
_LINUX = "manylinux_x86_64"
#: Platform parts of identifiers that are not Linux wheels.
_NOT_LINUX = ("-win", "-macosx", "-ios", "-android", "-pyodide")
#: Most words read from one CIBW_BUILD / CIBW_SKIP value (after brace expansion).
_MAX_WORDS = 256


def _expand(text: str) -> list[str]:
    """The words of `text` with simple ``{a,b}`` braces expanded (``cp3{9,10}-*``)."""
    words: list[str] = []
    pending = text.split()
    while pending and len(words) < _MAX_WORDS:
        word = pending.pop(0)
        match = _BRACES.search(word)
        if match is None:
            words.append(word)
            continue
        head, tail = word[: match.start()], word[match.end() :]
        pending[:0] = [f"{head}{part}{tail}" for part in match.group(1).split(",")]
    return words


def _minors(build: str, skip: str) -> list[str]:
    """The CPython minors a CIBW_BUILD value names, less those CIBW_SKIP leaves out."""
    skipped = _expand(skip)
    minors: list[str] = []
    for word in _expand(build):
        match = _IDENTIFIER.match(word)
        if match is None or any(other in word for other in _NOT_LINUX):
            continue
        identifier = f"cp3{match.group(1)}-{_LINUX}"
        if any(fnmatch.fnmatchcase(identifier, pattern) for pattern in skipped):
            continue
        minor = python_minor(f"3.{match.group(1)}")
        if minor and minor not in minors:
            minors.append(minor)
    return minors


def _runs_cibuildwheel(walker: Walker, step: yaml.Node) -> bool:
    uses = walker.scalar(walker.get(step, "uses")) or ""
    if uses.startswith("pypa/cibuildwheel@"):
        return True
    script = walker.scalar(walker.get(step, "run")) or ""
    if "cibuildwheel" not in script:
        return False
    for words in split_commands(script):
        values = [w.value for w in words]
        if values[:1] == ["cibuildwheel"] or values[1:3] == ["-m", "cibuildwheel"]:
            return True
    return False


def _linux(walker: Walker, job: yaml.Node) -> bool:
    runs_on = (walker.scalar(walker.get(job, "runs-on")) or "").strip().lower()
    return not runs_on.startswith(("windows", "macos"))


def _texts(walker: Walker, job: yaml.Node, text: str, matrix_values: MatrixValues) -> Iterator[str]:
    """`text` once per value of the one ``${{ matrix.<key> }}`` it names (as is when none)."""
    refs = set(_MATRIX_REF.findall(text))
    if not refs:
        if "${{" not in text:
            yield text
        return
    if len(refs) > 1:
        return
    matrix = walker.get(walker.get(job, "strategy"), "matrix")
    for node in matrix_values(walker, matrix, next(iter(refs))):
        value = walker.scalar(node)
        if value is not None:
            replaced = _MATRIX_REF.sub(value, text)
            if "${{" not in replaced:
                yield replaced


def cibuildwheel_facts(
    walker: Walker,
    path: str,
    job: yaml.Node,
    workflow_env: Mapping[str, str],
    matrix_values: MatrixValues,
) -> list[Fact]:
    """PYTHON facts for the environments a job's cibuildwheel steps install on the Pythons
    they build (module docstring)."""
    if not _linux(walker, job):
        return []
    job_env = walker.get(job, "env")
    facts: list[Fact] = []
    for step in walker.sequence(walker.get(job, "steps")):
        if not _runs_cibuildwheel(walker, step):
            continue
        step_env = walker.get(step, "env")

        def node_of(name: str, step_env: yaml.Node | None = step_env) -> yaml.Node | None:
            return walker.get(step_env, name) or walker.get(job_env, name)

        def text_of(name: str) -> str:
            node = node_of(name)
            value = walker.scalar(node) if node is not None else workflow_env.get(name)
            return value or ""

        build_node = walker.get(walker.get(step, "with"), "only") or node_of("CIBW_BUILD")
        build = walker.scalar(build_node) if build_node is not None else None
        if build is None:
            build = workflow_env.get("CIBW_BUILD")
        if not build:
            continue
        environments = ["pyproject.toml#build"]
        for words in split_commands(text_of("CIBW_BEFORE_BUILD")):
            environments += command_installs(words, "")
        if text_of("CIBW_TEST_COMMAND"):
            environments.append("pyproject.toml")
        span = span_of(path, build_node if build_node is not None else step)
        for text in _texts(walker, job, build, matrix_values):
            for minor in _minors(text, text_of("CIBW_SKIP")):
                detail = f"cibuildwheel CIBW_BUILD: {text.strip()} (builds on CPython {minor})"
                for environment in dict.fromkeys(environments):
                    facts.append(Fact(FactKind.PYTHON, minor, span, detail, environment))
    return facts
