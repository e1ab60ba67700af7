"""GitHub Actions workflows: the Pythons `actions/setup-python` sets up and what each job installs.

For every job: the versions its `actions/setup-python` step asks for (a scalar, a list, or
``${{ matrix.<key> }}`` resolved against the job's ``strategy.matrix`` lists and
``include`` entries), and the files its ``run:`` steps install (``pip install -r X``,
``pip install .``/``-e .``/``".[test]"``, ``poetry install``/``uv sync`` → ``pyproject.toml``;
``make <target>`` → a `makefile.make_reference` the snapshot replaces with what the target
installs; ``bash ./x.sh`` → a `shell_scripts.script_reference`, replaced with what the script's
own lines install; ``uses: ./.github/actions/x`` → a `local_actions.action_reference`,
replaced with what the composite action's ``run:`` steps install). A step's
``working-directory`` is where its paths start; ``${{ matrix.<key> }}`` there gives one folder
per matrix value.
Each (Python, installed file) pair becomes a `FactKind.PYTHON` fact located at the version's
line, whose `environment` is the installed file: a file gets the Pythons of the last
setup-python step before the step that installs it (what ``pip`` is there), or all the
job's when no setup step comes before; a job that installs nothing the parser can
name gives facts with an empty environment (targets apply those to the top-level files).
Versions that name no single CPython minor (``3.x``, ``pypy-3.9``) give no fact.
Packages a job installs by name (``pip install torch==${{ matrix.torch }}``) make the job an
environment of its own, one per matrix combination, with its own Python fact
(`_workflow_jobs.read_jobs`); the facts above are unchanged by them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace

import yaml

from rules.findings import Finding
from rules.manifests._cibuildwheel import cibuildwheel_facts
from rules.manifests._install_commands import InstallFindings, installed_files, interpret
from rules.manifests._shellwords import Word, split_commands
from rules.manifests._step_installs import command_installs
from rules.manifests._workflow_jobs import (
    MAX_SCRIPT_CHARS,
    env_pairs,
    matrix_environment_files,
    moving_note,
    python_minor,
    read_jobs,
    setup_python_minor,
    span_of,
    step_pythons_excluded,
    workspace_path,
)
from rules.manifests._yaml_nodes import BudgetExceeded, Walker, compose
from rules.manifests.errors import parse_error
from rules.manifests.local_actions import action_reference, local_action
from rules.manifests.model import Fact, FactKind, FileKind, Index, IndexKind, ManifestFile, Span

__all__ = ["MATRIX_REF", "SETUP_PYTHON", "WorkflowParser", "python_minor", "span_of"]

MATRIX_REF = re.compile(r"^\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}$")
SETUP_PYTHON = "actions/setup-python"
SETUP_UV = "astral-sh/setup-uv"


class WorkflowParser:
    """`.github/workflows/*.yml`: Python versions per job and the files each job installs."""

    kind = FileKind.WORKFLOW

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse a workflow; never raises. Invalid YAML gives no facts and no error (a
        workflow's own syntax is GitHub's to report, not a dependency problem)."""
        root, error = compose(path, text)
        del error
        if root is None:
            return ManifestFile(path=path, kind=self.kind)
        walker = Walker()
        facts: list[Fact] = []
        errors: list[Finding] = []
        indexes: list[Index] = []
        includes: dict[str, Span] = {}
        installed_by: dict[str, list[str]] = {}
        jobs = read_jobs(path, text, root)  # packages installed by name: environments of their own
        try:
            workflow_env = plain_env(walker, walker.get(root, "env"))
            for key, job in walker.mapping(walker.get(root, "jobs")):
                pythons = _job_pythons(walker, path, job)
                facts.extend(cibuildwheel_facts(walker, path, job, workflow_env, matrix_values))
                for fact in matrix_environment_files(walker, path, job):
                    facts.append(fact)
                    includes.setdefault(fact.environment, fact.location)
                errors.extend(_number_versions(walker, path, text, job))
                steps = _step_installs(walker, path, job, workflow_env)
                indexes.extend(file_indexes(walker, path, job, workflow_env))
                installs = _first_places(steps)
                job_id = walker.scalar(key)
                if job_id is not None:
                    installed_by[job_id] = [t for t, _ in installs]
                for target, span in installs:
                    if is_included_file(target):
                        includes.setdefault(target, span)
                # A job that installs no file: its Python is a guess for the repository's
                # top-level files (empty environment), unless all it installs is named
                # packages (its own environment: `pip install yapf` says nothing of them);
                # a micromamba setup's create-args packages are not such installs
                # (Unidata/cftime's test job creates python=3.8 with numpy and cython).
                named = job_id is not None and bool(_job_environments(path, job_id, jobs.by_run))
                if not steps and not named:
                    facts.extend(Fact(FactKind.PYTHON, v, s, d, "") for v, s, d in pythons)
                # A file gets the Python of the last setup-python step before the step that
                # installs it (what `python`/`pip` is there); all the job's when none is.
                # ... and not where the step's `if:` leaves that Python's jobs out
                in_effect = _pythons_in_effect(walker, path, job)
                excluded = step_pythons_excluded(
                    walker, job, _conditions(walker, job, steps), [s for _, s, _ in pythons]
                )
                for python in pythons:
                    for index, target, _ in steps:
                        if (
                            python in (in_effect.get(index) or pythons)
                            and (index, python[1]) not in excluded
                        ):
                            facts.append(Fact(FactKind.PYTHON, *python, target))
        except BudgetExceeded:
            return ManifestFile(path=path, kind=self.kind)
        lines = text.split("\n")
        for span, message in jobs.bad:  # ranx's docs job: `pip install numba=0.54.1`
            line = lines[span.line - 1] if 0 < span.line <= len(lines) else None
            errors.append(parse_error(path, span.line, span.column, message, line))
        return ManifestFile(
            path=path,
            kind=self.kind,
            requirements=tuple(jobs.requirements),
            indexes=tuple(dict.fromkeys([*jobs.indexes, *indexes])),
            facts=tuple(dict.fromkeys([*facts, *jobs.facts])),
            includes=tuple(includes.values()),
            include_paths=tuple(includes),
            errors=tuple(dict.fromkeys(errors)),
            metadata=tuple(_installed_together(path, installed_by, jobs.environments)),
        )


#: A plain YAML scalar that YAML reads as a number whose text loses a trailing zero
#: (``3.10`` is the float 3.1).
_TRAILING_ZERO = re.compile(r"^\d+\.\d*0$")
_FLOAT_TAG = "tag:yaml.org,2002:float"


def _number_versions(walker: Walker, path: str, text: str, job: yaml.Node) -> list[Finding]:
    """Unquoted ``3.10`` among the Pythons a job's setup-python or setup-miniconda steps ask
    for: YAML reads a number, GitHub passes ``3.1`` to the action, and no Python 3.1 is found
    (jeschkelab/DeerLab #255, fixed by quoting in #257). A located error at the value."""
    matrix = walker.get(walker.get(job, "strategy"), "matrix")
    found: list[Finding] = []
    lines = text.splitlines()
    for step in walker.sequence(walker.get(job, "steps")):
        node = _setup_python_version(walker, step)
        action = _setup_action(walker, step) or SETUP_PYTHON
        if node is None and _conda_action(walker, step) == _MINICONDA:
            node, action = walker.get(walker.get(step, "with"), "python-version"), _MINICONDA
        if node is None:
            continue
        values = walker.sequence(node) or [node]
        for value in list(values):
            ref = MATRIX_REF.match(walker.scalar(value) or "")
            if ref is not None:
                values.extend(matrix_values(walker, matrix, ref.group(1)))
        for value in values:
            if not isinstance(value, yaml.ScalarNode) or value.tag != _FLOAT_TAG:
                continue  # quoted, or not a number
            if not _TRAILING_ZERO.match(value.value):
                continue
            read = str(float(value.value))
            span = span_of(path, value)
            line_text = lines[span.line - 1] if 0 < span.line <= len(lines) else None
            message = (
                f"python-version {value.value} is not quoted: YAML reads it as the number "
                f"{read}, so {action} looks for Python {read} and the job fails "
                f"at set-up. Quote it: '{value.value}'"
            )
            found.append(parse_error(path, span.line, span.column, message, line_text))
    return found


#: `ManifestFile.metadata` key: an environment and a file it installs (``env\nfile``).
INSTALLED_TOGETHER = "installed-together"


def is_included_file(target: str) -> bool:
    """Whether an install target is a file the runner makes part of the snapshot's includes: a
    requirements or conda file (a ``pyproject.toml`` or its ``#extra`` is a project, linked by
    its own path)."""
    return "#" not in target and not target.endswith("pyproject.toml")


def runner_manifest(
    path: str,
    kind: FileKind,
    facts: Iterable[Fact],
    targets: Iterable[tuple[str, Span]],
    environment: str,
) -> ManifestFile:
    """The manifest of a file read like one CI job (Read the Docs, Travis): its Python facts,
    the files it installs (`is_included_file`) as includes at their first place, and each
    target as installed together into `environment`."""
    targets = list(targets)
    includes: dict[str, Span] = {}
    for target, span in targets:
        if is_included_file(target):
            includes.setdefault(target, span)
    return ManifestFile(
        path=path,
        kind=kind,
        facts=tuple(dict.fromkeys(facts)),
        includes=tuple(includes.values()),
        include_paths=tuple(includes),
        metadata=tuple(
            (INSTALLED_TOGETHER, f"{environment}\n{target}")
            for target in dict.fromkeys(t for t, _ in targets)
        ),
    )


def _job_environments(path: str, job_id: str, environments: set[str]) -> list[str]:
    """The environments of one job's by-name installs (``ci.yml#test``, ``ci.yml#test
    (py=3.12)``)."""
    own = f"{path}#{job_id}"
    return sorted(e for e in environments if e == own or e.startswith(own + " "))


def _installed_together(
    path: str, installed_by: dict[str, list[str]], environments: set[str]
) -> Iterator[tuple[str, str]]:
    """For each job that installs files: its environments (those of its by-name installs, else
    ``<workflow>#<job>``) and each file they install, in the job's order."""
    for job_id, files in installed_by.items():
        if not files:
            continue
        for env in _job_environments(path, job_id, environments) or [f"{path}#{job_id}"]:
            for file in files:
                yield INSTALLED_TOGETHER, f"{env}\n{file}"


def setup_python_nodes(walker: Walker, job: yaml.Node) -> Iterator[yaml.Node]:
    """The ``with: python-version`` node of each `actions/setup-python` step of a job."""
    for step in walker.sequence(walker.get(job, "steps")):
        node = _setup_python_version(walker, step)
        if node is not None:
            yield node


def _setup_action(walker: Walker, step: yaml.Node) -> str:
    """`actions/setup-python` or `astral-sh/setup-uv` (whose ``python-version`` input is the
    Python every later uv command of the job uses: it sets ``UV_PYTHON``), a local composite
    action given a ``python-version`` input (`_local_setup`), else ""."""
    uses = (walker.scalar(walker.get(step, "uses")) or "").lower()
    found = next((a for a in (SETUP_PYTHON, SETUP_UV) if uses.startswith(a)), "")
    return found or _local_setup(walker, step)


def _local_setup(walker: Walker, step: yaml.Node) -> str:
    """``./<folder> (local action)`` for a step using a local composite action with a
    ``python-version`` input, else "". The action file is another file, so the input is taken
    for the Python the action sets up (its setup-python step's ``${{ inputs.python-version
    }}``, slothy-optimizer/slothy's .github/actions/setup-ubuntu), for the action's own
    installs and the steps after it."""
    folder = local_action(walker.scalar(walker.get(step, "uses")) or "")
    if folder is None or walker.get(walker.get(step, "with"), "python-version") is None:
        return ""
    return f"./{folder} (local action)"


def _setup_python_version(walker: Walker, step: yaml.Node) -> yaml.Node | None:
    """The ``with: python-version`` node of an `actions/setup-python` or `astral-sh/setup-uv`
    step; None otherwise."""
    if not _setup_action(walker, step):
        return None
    return walker.get(walker.get(step, "with"), "python-version")


def _job_pythons(walker: Walker, path: str, job: yaml.Node) -> list[tuple[str, Span, str]]:
    found: list[tuple[str, Span, str]] = []
    matrix = walker.get(walker.get(job, "strategy"), "matrix")
    for step in walker.sequence(walker.get(job, "steps")):
        found.extend(_conda_setup_versions(walker, path, step, matrix))
        found.extend(_later_pythons(walker, path, step, matrix) or [])
    return found


def _later_pythons(
    walker: Walker, path: str, step: yaml.Node, matrix: yaml.Node | None
) -> list[tuple[str, Span, str]] | None:
    """The Pythons a step sets for the steps after it: a setup-python / setup-uv step's
    ``python-version`` (empty when it names none that can be read), then a ``uv python pin``
    of its ``run:``; None when it sets none."""
    later: list[tuple[str, Span, str]] | None = None
    node = _setup_python_version(walker, step)
    if node is not None:
        later = _node_versions(walker, path, node, matrix, _setup_action(walker, step))
    pinned = _uv_pins(walker, path, step, matrix)
    return pinned or later


def _uv_pins(
    walker: Walker, path: str, step: yaml.Node, matrix: yaml.Node | None
) -> list[tuple[str, Span, str]]:
    """The Python a ``run:`` step's ``uv python pin 3.9`` makes the project's (the
    ``.python-version`` every later ``uv sync`` / ``uv run`` uses): NVIDIA/Megatron-Energon's
    tests.yml pins 3.9 before ``uv sync`` of a project that requires 3.10."""
    node = walker.get(step, "run")
    script = walker.scalar(node)
    if not script or node is None or "uv" not in script:
        return []
    found: list[tuple[str, Span, str]] = []
    for words in split_commands(script):
        values = [w.value for w in words]
        if values[:3] == ["uv", "python", "pin"] and len(values) >= 4:
            found.extend(_versions(walker, path, values[3], node, matrix, "uv python pin"))
    return found


def _node_versions(
    walker: Walker,
    path: str,
    node: yaml.Node,
    matrix: yaml.Node | None,
    action: str = SETUP_PYTHON,
) -> list[tuple[str, Span, str]]:
    """The Pythons one ``python-version`` input names (a scalar, lines, a list, a matrix
    reference)."""
    found: list[tuple[str, Span, str]] = []
    for value_node in walker.sequence(node) or [node]:
        text = walker.scalar(value_node)
        if text is None:
            continue
        for line in text.split("\n"):
            found.extend(_versions(walker, path, line.strip(), value_node, matrix, action))
    return found


def _versions(
    walker: Walker,
    path: str,
    text: str,
    node: yaml.Node,
    matrix: yaml.Node | None,
    action: str = SETUP_PYTHON,
) -> list[tuple[str, Span, str]]:
    ref = MATRIX_REF.match(text)
    read = setup_python_minor if action == SETUP_PYTHON else python_minor
    if ref is None:
        minor = read(text)
        detail = (
            f"{action} {text}"
            if action.startswith("uv ")
            else f"{action} python-version: {text}{moving_note(text)}"
        )
        return [(minor, span_of(path, node), detail)] if minor else []
    key = ref.group(1)
    out: list[tuple[str, Span, str]] = []
    for value in matrix_values(walker, matrix, key):
        raw = walker.scalar(value)
        minor = read(raw) if raw else None
        if minor and raw:
            detail = f"matrix.{key}: {raw}{moving_note(raw)} ({action})"
            out.append((minor, span_of(path, value), detail))
    return out


def matrix_values(walker: Walker, matrix: yaml.Node | None, key: str) -> list[yaml.Node]:
    """The values of ``matrix.<key>``: the key's list, then its ``include`` entries' values."""
    values = list(walker.sequence(walker.get(matrix, key)))
    values += [
        v
        for entry in walker.sequence(walker.get(matrix, "include"))
        if (v := walker.get(entry, key)) is not None
    ]
    return values


def job_installs(
    walker: Walker, path: str, job: yaml.Node, env: Mapping[str, str] | None = None
) -> list[tuple[str, Span]]:
    """Repository paths a job installs (requirements files, pyproject.toml), each with the
    place of the `run:` step that installs it; a project installed with extras
    (``pip install -e .[ml]``) also gives its extras' environments (``pyproject.toml#ml``).
    `env`: the workflow's plain ``env:`` values."""
    return _first_places(_step_installs(walker, path, job, env))


def _conditions(
    walker: Walker, job: yaml.Node, steps: list[tuple[int, str, Span]]
) -> dict[int, str]:
    """The ``if:`` of each step that installs a target, by step index."""
    nodes = walker.sequence(walker.get(job, "steps"))
    out: dict[int, str] = {}
    for index in {i for i, _, _ in steps}:
        condition = walker.scalar(walker.get(nodes[index], "if")) if index < len(nodes) else None
        if condition:
            out[index] = condition
    return out


def _first_places(steps: list[tuple[int, str, Span]]) -> list[tuple[str, Span]]:
    found: dict[str, Span] = {}
    for _, target, span in steps:
        found.setdefault(target, span)
    return list(found.items())


def _run_commands(
    walker: Walker, job: yaml.Node, env: Mapping[str, str] | None = None
) -> Iterator[tuple[int, yaml.Node, str, list[Word]]]:
    """(step index, the ``run:`` node, folder, words) for each simple command of each
    ``run:`` step, once per folder its ``working-directory`` names. ``${{ env.NAME }}`` is
    put in from the step's, the job's and the workflow's (`env`) plain ``env:`` values
    (automl/SMAC3's ``pip install -e ".${{ env.extra-requires }}"`` with ``extra-requires:
    "[gpytorch,dev]"`` installs the project)."""
    matrix = walker.get(walker.get(job, "strategy"), "matrix")
    job_env = {**(env or {}), **plain_env(walker, walker.get(job, "env"))}
    for index, step in enumerate(walker.sequence(walker.get(job, "steps"))):
        node = walker.get(step, "run")
        script = walker.scalar(node)
        if not script or node is None:
            continue
        script = _with_env(script, {**job_env, **plain_env(walker, walker.get(step, "env"))})
        folder = walker.scalar(walker.get(step, "working-directory")) or ""
        for directory in _folders(walker, folder, matrix):
            for text in _scripts(walker, script, matrix):
                for words in split_commands(text):
                    yield index, node, directory, words


_ENV_IN_SCRIPT = re.compile(r"\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}")


def plain_env(walker: Walker, node: yaml.Node | None) -> dict[str, str]:
    """The ``env:`` variables of a mapping whose values are plain text (no expression)."""
    return {name: value for name, value in env_pairs(walker, node) if "${{" not in value}


def _with_env(script: str, env: Mapping[str, str]) -> str:
    """`script` with each ``${{ env.NAME }}`` of a known NAME replaced by its value; as
    written when that text would pass `MAX_SCRIPT_CHARS` (a long value named many times would
    otherwise multiply: 2,000 references to a 200 kB value took two minutes to read)."""
    if not env or "env." not in script:
        return script
    grown = sum(
        len(env[m.group(1)]) - len(m.group(0))
        for m in _ENV_IN_SCRIPT.finditer(script)
        if m.group(1) in env
    )
    if len(script) + grown > MAX_SCRIPT_CHARS:
        return script
    return _ENV_IN_SCRIPT.sub(lambda m: env.get(m.group(1), m.group(0)), script)


def _step_installs(
    walker: Walker, path: str, job: yaml.Node, env: Mapping[str, str] | None = None
) -> list[tuple[int, str, Span]]:
    """(step index, install target, the step's place) for each target each step installs:
    its ``run:`` script's commands, the local composite action it uses
    (`local_actions.action_reference`) or the environment file a conda setup creates."""
    found: dict[tuple[int, str], Span] = {}
    copies = _copies(walker, job)
    for index, step in enumerate(walker.sequence(walker.get(job, "steps"))):
        uses_node = walker.get(step, "uses")
        action = local_action(walker.scalar(uses_node) or "")
        if action is not None and uses_node is not None:
            found[(index, action_reference(action))] = span_of(path, uses_node)
        environment_file = _conda_environment_file(walker, step)
        if environment_file is not None:
            copied = [src for at, dest, src in copies if at < index and dest == environment_file[0]]
            target = copied[-1] if copied else environment_file[0]
            found[(index, target)] = span_of(path, environment_file[1])
    for index, node, directory, words in _run_commands(walker, job, env):
        for target in command_installs(words, directory):
            found.setdefault((index, target), span_of(path, node))
    return sorted(((i, t, span) for (i, t), span in found.items()), key=lambda f: f[0])


def file_indexes(
    walker: Walker, path: str, job: yaml.Node, env: Mapping[str, str] | None = None
) -> list[Index]:
    """The indexes a ``run:`` command passes while it installs files (``pip install -r
    requirements.txt --extra-index-url <cu118>``), each as an index of every file (and
    project) that command installs: what serves those files where the repository installs
    them, as a Dockerfile's install command does."""
    found: list[Index] = []
    for _, node, directory, words in _run_commands(walker, job, env):
        targets = [t for t in installed_files(words, directory) if "#" not in t]
        if not targets:
            continue
        into = InstallFindings()
        interpret(words, _at(span_of(path, node)), _no_expansion, "", into)
        for index in into.indexes:
            if "${" in index.url or index.kind == IndexKind.CONDA_CHANNEL:
                continue
            found.extend(replace(index, environment=target) for target in targets)
    return list(dict.fromkeys(found))


def _at(span: Span) -> Callable[[int], Span]:
    """A locator that puts every word of a ``run:`` value at the value's start."""
    return lambda _: span


def _no_expansion(text: str, single_quoted: bool) -> str | None:
    del single_quoted
    return text


def _pythons_in_effect(
    walker: Walker, path: str, job: yaml.Node
) -> dict[int, list[tuple[str, Span, str]]]:
    """For each step after a step that sets the Python (`_later_pythons`; a conda setup for
    itself too): the versions of the last such step before it (steps before the first have
    none)."""
    matrix = walker.get(walker.get(job, "strategy"), "matrix")
    current: list[tuple[str, Span, str]] = []
    out: dict[int, list[tuple[str, Span, str]]] = {}
    for index, step in enumerate(walker.sequence(walker.get(job, "steps"))):
        conda = _conda_setup_versions(walker, path, step, matrix)
        if conda:  # its Python is that of the environment file it creates, too
            current = conda
        elif _local_setup(walker, step):  # the action's own installs run on its Python
            current = _later_pythons(walker, path, step, matrix) or current
        if current:
            out[index] = current
        later = _later_pythons(walker, path, step, matrix)
        if later is not None:
            current = later
    return out


#: Conda setup actions: the input naming the environment file they create, and the input
#: whose ``python=3.x`` (or version) names its Python.
_MINICONDA = "conda-incubator/setup-miniconda"
CONDA_SETUPS = {
    _MINICONDA: "python-version",
    "mamba-org/setup-micromamba": "create-args",
    "mamba-org/provision-with-micromamba": "extra-specs",
}
_CONDA_PYTHON_WORD = re.compile(r"(?<![\w.-])python(?:==?|=)(\$\{\{.*?\}\}|[^\s'\"]+)")


def _conda_action(walker: Walker, step: yaml.Node) -> str | None:
    uses = (walker.scalar(walker.get(step, "uses")) or "").strip().lower()
    action = uses.split("@", 1)[0]
    return action if action in CONDA_SETUPS else None


def _copies(walker: Walker, job: yaml.Node) -> list[tuple[int, str, str]]:
    """(step index, destination, source) of each ``cp SRC DEST`` of a job's ``run:`` steps
    between repository files: a conda setup step that creates ``environment.yml`` after
    ``cp .ci_support/environment.yml environment.yml`` installs the latter
    (pyiron/pyiron_atomistics' unittests.yml)."""
    found: list[tuple[int, str, str]] = []
    for index, _, directory, words in _run_commands(walker, job):
        values = [w.value for w in words]
        if len(values) != 3 or values[0] != "cp" or any(v.startswith("-") for v in values):
            continue
        src, dest = (posixpath.normpath(posixpath.join(directory, v)) for v in values[1:])
        if not any(p.startswith(("..", "/")) or "$" in p for p in (src, dest)):
            found.append((index, dest, src))
    return found


def _conda_environment_file(walker: Walker, step: yaml.Node) -> tuple[str, yaml.Node] | None:
    """(repository path, node) of a conda setup step's ``environment-file`` (relative to the
    workspace root); None for another step, ``false`` or an expression."""
    if _conda_action(walker, step) is None:
        return None
    node = walker.get(walker.get(step, "with"), "environment-file")
    text = (walker.scalar(node) or "").strip()
    if node is None or not text or text.lower() == "false" or "${{" in text:
        return None
    clean = workspace_path(text)
    return (clean, node) if clean is not None else None


def _conda_setup_versions(
    walker: Walker, path: str, step: yaml.Node, matrix: yaml.Node | None
) -> list[tuple[str, Span, str]]:
    """The Pythons a conda setup step creates its environment with: setup-miniconda's
    ``python-version``, a ``python=3.x`` word (or ``python=${{ matrix.k }}``) of
    setup-micromamba's ``create-args`` / provision-with-micromamba's ``extra-specs``."""
    action = _conda_action(walker, step)
    if action is None:
        return []
    node = walker.get(walker.get(step, "with"), CONDA_SETUPS[action])
    if node is None:
        return []
    if action == "conda-incubator/setup-miniconda":
        return _node_versions(walker, path, node, matrix, action)
    found: list[tuple[str, Span, str]] = []
    for value_node in walker.sequence(node) or [node]:
        for match in _CONDA_PYTHON_WORD.finditer(walker.scalar(value_node) or ""):
            text = match.group(1).strip("'\"")
            found.extend(_versions(walker, path, text, value_node, matrix, action))
    return found


#: ``${{ matrix.<key> }}`` inside a script.
_MATRIX_IN_SCRIPT = re.compile(r"\$\{\{\s*matrix\.([A-Za-z0-9_-]+)\s*\}\}")
#: The most values one script is read with (one script per value of its first matrix key).
_MOST_SCRIPTS = 16


def _scripts(walker: Walker, script: str, matrix: yaml.Node | None) -> list[str]:
    """A ``run:`` script as each value of the first matrix key it names makes it (GitHub puts
    the value in before the shell splits words: NREL/bifacial_radiance's ``pip install ${{
    matrix.env }}`` with ``env: ['-r requirements.txt .[all]', ...]`` installs
    requirements.txt); the script itself when it names none, or no value is a string."""
    ref = _MATRIX_IN_SCRIPT.search(script)
    if ref is None:
        return [script]
    values = [walker.scalar(v) for v in matrix_values(walker, matrix, ref.group(1))]
    times = script.count(ref.group(0))
    texts = [
        script.replace(ref.group(0), value)
        for value in dict.fromkeys(v for v in values if v is not None and "${{" not in v)
        if len(script) + times * (len(value) - len(ref.group(0))) <= MAX_SCRIPT_CHARS
    ]
    return texts[:_MOST_SCRIPTS] or [script]


#: The checkout's root as a ``working-directory`` writes it (``${{ github.workspace }}``,
#: ``$GITHUB_WORKSPACE``), with what follows it.
_WORKSPACE = re.compile(r"^(?:\$\{\{\s*github\.workspace\s*\}\}|\$\{?GITHUB_WORKSPACE\}?)(?:/+|$)")


def _folders(walker: Walker, folder: str, matrix: yaml.Node | None) -> list[str]:
    """The folders a step runs in: its ``working-directory``, one per matrix entry when that
    is ``${{ matrix.<key> }}`` (the key's list and its ``include`` values); the checkout's
    root written ``${{github.workspace}}`` is the repository's (MeteoSwiss/rainforest's test
    workflows)."""
    folder = _WORKSPACE.sub("", folder.strip())
    ref = MATRIX_REF.match(folder.strip())
    if ref is None:
        return [folder]
    found = [walker.scalar(v) for v in matrix_values(walker, matrix, ref.group(1))]
    return list(dict.fromkeys(f.strip() for f in found if f and "${{" not in f))
