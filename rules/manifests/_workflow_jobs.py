"""Packages a CI workflow job installs by name: one environment per job and matrix combination.

A job whose ``run:`` steps install packages by name (``pip install torch==${{
matrix.torch-version }}``, ``uv pip install "numpy==$NP_VERSION.*"``, ``conda install …``)
is an environment of its own, as a Dockerfile stage is: ``<workflow>#<job>``, and, when what
it installs reads the job's ``strategy.matrix`` (install words, their ``env:`` and ``if:``),
one per combination of the keys it reads, ``<workflow>#<job> (np=2.2)``. Its requirements
are located at the install line (where the user fixes them); its `FactKind.PYTHON` facts (one
per Python the combinations installing it set up), with that environment, at the matrix
value or ``python-version`` line that names the Python (as the file-level facts of
`workflow.WorkflowParser`). Files a step installs (``-r x.txt``, ``.``) stay environments
of their own (the workflow parser's facts): a Dockerfile stage's ``pip install -r`` does not
join the stage's by-name requirements either.

The matrix follows GitHub's documented expansion: the cross product of the keys' lists, less
every combination an ``exclude`` entry matches (all of the entry's keys equal), then each
``include`` entry is added to every original combination none of whose original values it
would change (values an earlier ``include`` added may be overwritten), or, when it fits no
original combination, becomes a combination of its own. A key missing from a combination
reads as ``""`` (what GitHub substitutes).

Jobs (combinations) whose ``runs-on`` names a Windows or macOS runner are not read: the rules
judge Linux installs. The Python of an install step is that of the job's last setup step
before it:
``actions/setup-python`` (its ``python-version``; of a list, the last entry, which setup-python
makes the default), ``astral-sh/setup-uv`` and ``conda-incubator/setup-miniconda``
(``python-version``), ``mamba-org/setup-micromamba`` (a ``python=3.x`` word of
``create-args``). Versions that name no single CPython minor give no Python fact.

Expressions: ``${{ matrix.<key>[.<field>…] }}`` and ``${{ env.<NAME> }}`` are substituted
(in the script text, as GitHub does, before the shell splits it); ``$VAR`` / ``${VAR}`` (and
``${VAR:-x}``) read the step's, the job's and the workflow's ``env:`` (values substituted the
same way). Anything else (``${{ inputs.x }}``, ``${{ steps.… }}``, a variable the runner or an
earlier step sets, one the script assigns itself or writes to ``$GITHUB_ENV``) is unknown,
and a word holding it gives no requirement: nothing is guessed.

What is not certain to run is not read: a step whose ``if:`` is false for the combination or
not knowable from the workflow (`_workflow_conditions`: matrix values, ``env``, ``runner.os``
from ``runs-on`` and the status functions are known, ``github.event_name`` is not), both
sides of ``a || b`` (``a`` may fail, ``b`` runs only then) and installs inside a script's
``if … fi`` / ``case … esac``. A job-level ``if:`` that is false skips the combination; one
not knowable counts (it usually selects events, not installs).

Bounds (hostile or generated workflows): at most `MAX_COMBINATIONS` (256, GitHub's own limit
of jobs per matrix) combinations per job, a cross product of at most `MAX_PRODUCT` before
``exclude``, at most `MAX_ENTRIES` ``include`` / ``exclude`` entries and `MAX_MATRIX_WORK`
comparisons; a matrix beyond these is read as unknown (its values give nothing, the job one
environment). Per workflow, at most `MAX_ENVIRONMENTS` job environments, `MAX_REQUIREMENTS`
requirements and `MAX_SCRIPT_CHARS` characters of ``run:`` scripts (over all combinations)
are read, the rest is left out; the nodes visited count against a `Walker` budget of their
own, so the file-level facts never suffer.
"""

from __future__ import annotations

import bisect
import itertools
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import yaml

from rules.kb.pyspec import KNOWN_MINORS
from rules.manifests._dockerlines import substitute
from rules.manifests._install_commands import (
    INDEX_OPTIONS,
    INDEX_VARIABLES,
    InstallFindings,
    interpret,
    pip_options,
)
from rules.manifests._shellwords import Word, split_chain, split_commands, strip_prefix
from rules.manifests._workflow_conditions import UNKNOWN, Value, evaluate
from rules.manifests._yaml_nodes import BudgetExceeded, Walker, position
from rules.manifests.model import Fact, FactKind, Index, Requirement, Span

#: GitHub runs at most 256 jobs of one matrix; a bigger one is read as unknown.
MAX_COMBINATIONS = 256
#: Most combinations of the cross product (before ``exclude``) enumerated for one job.
MAX_PRODUCT = 4_096
#: Most ``include`` / ``exclude`` entries read for one job.
MAX_ENTRIES = 256
#: Most characters of ``run:`` scripts read per workflow, over all jobs and combinations.
MAX_SCRIPT_CHARS = 1_000_000
#: Most job environments per workflow (the rules judge each one: a generated workflow with a
#: hundred 256-entry matrices must not make a review judge 25,600 environments).
MAX_ENVIRONMENTS = 64
#: Most requirements read per workflow, over all its job environments.
MAX_REQUIREMENTS = 2_000
#: Most (combination, include/exclude entry) comparisons of one job's matrix expansion.
MAX_MATRIX_WORK = 65_536
#: Most YAML nodes visited per workflow for job environments.
NODE_BUDGET = 200_000
#: Longest matrix value text written into an environment's name.
_LABEL_VALUE = 40

_VERSION = re.compile(r"^(3)\.(\d+)(?:\.\d+)?(?:-dev)?$")
#: A GitHub expression ``${{ … }}`` (its inside as group 1).
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)
_MATRIX_PATH = re.compile(r"^matrix((?:\.[A-Za-z0-9_-]+)+)$")
_ENV_PATH = re.compile(r"^env\.([A-Za-z_][A-Za-z0-9_]*)$")
_MATRIX_KEY = re.compile(r"\bmatrix\.([A-Za-z0-9_-]+)")
_GITHUB_ENV_WRITE = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)=[^\n]*>>\s*\"?\$\{?GITHUB_ENV")
_CONDA_PYTHON = re.compile(r"^python(?:==?|=)(3\.\d+)(?:\.[0-9*]+)*$")
#: A word no variable defines: what an expression that cannot be read becomes in a script.
UNKNOWN_EXPRESSION = "${DEPREVIEW_UNKNOWN_EXPRESSION}"
_ASSIGNERS = frozenset({"export", "declare", "typeset", "local", "readonly", "unset", "read"})

#: Setup actions and the input that names their Python.
_SETUP_INPUTS = {
    "actions/setup-python": "python-version",
    "astral-sh/setup-uv": "python-version",
    "conda-incubator/setup-miniconda": "python-version",
    "mamba-org/setup-micromamba": "create-args",
}
#: Setup actions and the input that lists the conda packages their environment is created with.
_CONDA_PACKAGES = {"mamba-org/setup-micromamba": "create-args"}


def python_minor(text: str) -> str | None:
    """`3.10` for `3.10`, `3.10.4`, `3.13-dev`; None for `3.x`, `pypy-3.9`, expressions."""
    match = _VERSION.match(text.strip())
    return f"{match.group(1)}.{match.group(2)}" if match else None


#: The ``python-version`` values of actions/setup-python that move with each release: the
#: newest stable CPython 3 of the action's manifest at the time the job runs.
_MOVING = frozenset({"3", "3.x", "3.x.x"})


def setup_python_minor(text: str) -> str | None:
    """`python_minor`, and for a moving version (``3.x``, ``3``) the newest CPython minor
    released by the review date (`KNOWN_MINORS`' last): what a fresh run of the job sets up
    (rhasspy/wyoming-piper's ``python-version: "3.x"`` job got 3.14 in November 2025)."""
    text = text.strip().strip("'\"")
    if text in _MOVING:
        return KNOWN_MINORS[-1]
    return python_minor(text)


def moving_note(text: str) -> str:
    """`` (the newest CPython, 3.14)`` after a moving version's text, else nothing."""
    if text.strip().strip("'\"") in _MOVING:
        return f" (the newest CPython, {KNOWN_MINORS[-1]} on the review date)"
    return ""


def span_of(path: str, node: yaml.Node) -> Span:
    """Where a YAML node starts in `path`."""
    line, column = position(node)
    return Span(path, line, column)


@dataclass
class JobEnvironments:
    """What the by-name installs of a workflow's jobs declare (requirements, the indexes of
    their commands, and each environment's Python)."""

    requirements: list[Requirement] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    #: The environments found so far (at most `MAX_ENVIRONMENTS`).
    environments: set[str] = field(default_factory=set)
    #: The environments whose installs are read (a later combination only adds its Python).
    read: set[str] = field(default_factory=set)
    #: The environments a ``run:`` step installs into (not only a micromamba setup's
    #: ``create-args``: those create the job's Python, which stays the repository's guess).
    by_run: set[str] = field(default_factory=set)
    #: Words a pip install command takes for a requirement that are none (``numba=0.54.1``,
    #: ``flake8==3.7.9,black==20.8b1``): pip stops with "Invalid requirement".
    bad: list[tuple[Span, str]] = field(default_factory=list)
    _seen: set[Fact] = field(default_factory=set)

    def add_python(self, environment: str, python: tuple[str, Span, str] | None) -> None:
        """Note that `environment` runs on `python` (once)."""
        if python is None:
            return
        minor, span, detail = python
        fact = Fact(FactKind.PYTHON, minor, span, detail, environment)
        if fact not in self._seen:
            self._seen.add(fact)
            self.facts.append(fact)


# --- the matrix ---------------------------------------------------------------------------

_Combination = dict[str, yaml.Node]


def _canon(walker: Walker, node: yaml.Node | None) -> str:
    """A value's identity for equality (``exclude`` / ``include`` matching, deduplication)."""
    if node is None:
        return ""
    text = walker.scalar(node)
    if text is not None:
        return text
    if isinstance(node, yaml.SequenceNode):
        return "[" + ",".join(_canon(walker, v) for v in walker.sequence(node)) + "]"
    pairs = sorted((walker.scalar(k) or "", _canon(walker, v)) for k, v in walker.mapping(node))
    return "{" + ",".join(f"{k}:{v}" for k, v in pairs) + "}"


def _entries(walker: Walker, node: yaml.Node | None) -> list[dict[str, yaml.Node]] | None:
    """The mappings of an ``include`` / ``exclude`` list; None past `MAX_ENTRIES` or when it
    is not a list of mappings (an expression)."""
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode) or len(node.value) > MAX_ENTRIES:
        return None
    out: list[dict[str, yaml.Node]] = []
    for entry in walker.sequence(node):
        if not isinstance(entry, yaml.MappingNode):
            return None
        out.append({k: v for kn, v in walker.mapping(entry) if (k := walker.scalar(kn))})
    return out


def matrix_combinations(walker: Walker, matrix: yaml.Node | None) -> list[_Combination] | None:
    """The job's matrix combinations (GitHub's expansion, see the module docstring); [{}]
    without a matrix; None when the matrix cannot be read or is beyond the bounds."""
    if matrix is None:
        return [{}]
    if not isinstance(matrix, yaml.MappingNode):
        return None  # ``matrix: ${{ fromJSON(...) }}``
    dimensions: list[tuple[str, list[yaml.Node]]] = []
    for key_node, value in walker.mapping(matrix):
        key = walker.scalar(key_node)
        if not key or key in {"include", "exclude"}:
            continue
        if not isinstance(value, yaml.SequenceNode):
            return None  # a key given by an expression: its values are not known
        dimensions.append((key, walker.sequence(value)))
    size = 1
    for _, values in dimensions:
        size *= len(values)
        if size > MAX_PRODUCT:
            return None
    excludes = _entries(walker, walker.get(matrix, "exclude"))
    includes = _entries(walker, walker.get(matrix, "include"))
    if excludes is None or includes is None:
        return None
    if size * (len(excludes) + len(includes) + 1) > MAX_MATRIX_WORK:
        return None
    canon: dict[int, str] = {}

    def key_of(node: yaml.Node | None) -> str:
        if node is None:
            return "\0missing"
        if id(node) not in canon:
            canon[id(node)] = _canon(walker, node)
        return canon[id(node)]

    originals: list[_Combination] = []
    if dimensions:
        names = [k for k, _ in dimensions]
        for row in itertools.product(*(v for _, v in dimensions)):
            combination: _Combination = dict(zip(names, row, strict=True))
            if any(
                all(key_of(combination.get(k)) == key_of(v) for k, v in entry.items())
                for entry in excludes
            ):
                continue
            originals.append(combination)
    base_keys = {k for k, _ in dimensions}
    extra: list[_Combination] = []
    for entry in includes:
        fits = False
        for combination in originals:
            if all(
                key_of(combination.get(k)) == key_of(v) for k, v in entry.items() if k in base_keys
            ):
                combination.update(entry)
                fits = True
        if not fits:
            extra.append(dict(entry))
    combinations = originals + extra
    if not dimensions and not includes:
        combinations = [{}]
    if len(combinations) > MAX_COMBINATIONS:
        return None
    return combinations


def step_pythons_excluded(
    walker: Walker, job: yaml.Node, conditions: Mapping[int, str], pythons: list[Span]
) -> set[tuple[int, Span]]:
    """(step index, Python) pairs where the step's ``if:`` is false on every Linux matrix
    combination that holds that Python (a matrix value node, by its place): such a step never
    runs with that Python (microsoft/FLAML a68d073's ``if: matrix.os == 'macOS-latest' &&
    matrix.python-version == '3.10'`` installs ``.[ray]`` on one macOS job only, never on
    the 3.11 jobs). A condition not known either way, or a Python no combination holds by
    its node (a literal ``python-version: "3.11"``), excludes nothing."""
    if not conditions:
        return set()
    combinations = matrix_combinations(walker, walker.get(walker.get(job, "strategy"), "matrix"))
    if not combinations:
        return set()
    runs_on = walker.scalar(walker.get(job, "runs-on")) or ""
    excluded: set[tuple[int, Span]] = set()
    for python in pythons:
        holding = [
            c
            for c in combinations
            if any(position(node) == (python.line, python.column) for node in c.values())
        ]
        contexts = []
        for combination in holding:
            ctx = _Context(walker, combination, {})
            ctx.runner_os = _runner_os(ctx, runs_on)
            if ctx.runner_os in {None, "Linux"}:
                contexts.append(ctx)
        if not contexts:
            continue  # (a Python of macOS or Windows jobs only: as before, not judged here)
        for index, condition in conditions.items():
            if all(_holds(ctx, condition) is False for ctx in contexts):
                excluded.add((index, python))
    return excluded


# --- expressions and offsets ---------------------------------------------------------------


@dataclass
class _Context:
    """What expressions read for one combination: its matrix values (None: not known), the
    variables defined so far (None: defined, value not known) and the runner's OS."""

    walker: Walker
    combination: _Combination | None
    variables: dict[str, str | None]
    runner_os: str | None = None
    #: The ``env:`` value node of each variable (the workflow's, the job's, the step's).
    env_nodes: dict[str, yaml.Node] = field(default_factory=dict)


def _runner_os(ctx: _Context, runs_on: str) -> str | None:
    """``runner.os`` of a job's ``runs-on`` label (``ubuntu-22.04`` → ``Linux``)."""
    label = _substitute(ctx, runs_on)
    if label.unknown:
        return None
    text = label.text.strip().lower()
    for prefix, name in (("ubuntu", "Linux"), ("windows", "Windows"), ("macos", "macOS")):
        if text.startswith(prefix):
            return name
    return None


def _holds(ctx: _Context, condition: str) -> bool | None:
    """Whether an ``if:`` holds for this combination (None: not known)."""

    def resolve(name: str) -> Value:
        matrix = _MATRIX_PATH.match(name)
        if matrix is not None:
            text, _ = _matrix_value(ctx, matrix.group(1)[1:])
            return UNKNOWN if text is None else text
        env = _ENV_PATH.match(name)
        if env is not None:
            value = ctx.variables.get(env.group(1))
            return UNKNOWN if value is None else value
        if name.lower() == "runner.os" and ctx.runner_os is not None:
            return ctx.runner_os
        return UNKNOWN

    return evaluate(condition, resolve)


def _matrix_value(ctx: _Context, path: str) -> tuple[str | None, yaml.Node | None]:
    """(text, node) of ``matrix.<path>``: "" for a key the combination lacks, None for a value
    that is not a plain scalar or a matrix not known."""
    if ctx.combination is None:
        return None, None
    parts = path.split(".")
    node: yaml.Node | None = ctx.combination.get(parts[0])
    for part in parts[1:]:
        if node is None:
            break
        if not isinstance(node, yaml.MappingNode):
            return None, None
        node = ctx.walker.get(node, part)
    if node is None:
        return "", None
    text = ctx.walker.scalar(node)
    return (text, node) if text is not None else (None, None)


def _expression(ctx: _Context, inner: str) -> tuple[str | None, yaml.Node | None]:
    """The value of the expression ``${{ inner }}`` (None: not known) and the matrix value
    node it reads."""
    inner = inner.strip()
    matrix = _MATRIX_PATH.match(inner)
    if matrix is not None:
        return _matrix_value(ctx, matrix.group(1)[1:])
    env = _ENV_PATH.match(inner)
    if env is not None:
        return ctx.variables.get(env.group(1)), None
    return None, None


@dataclass
class _Text:
    """A text with its expressions substituted, and where each part came from."""

    text: str
    #: (start, end) in `text`, start in the original, copied verbatim?, the matrix value node
    pieces: list[tuple[int, int, int, bool, yaml.Node | None]]
    unknown: bool

    def _piece(self, offset: int) -> tuple[int, int, int, bool, yaml.Node | None] | None:
        index = bisect.bisect_right([p[0] for p in self.pieces], offset) - 1
        return self.pieces[index] if index >= 0 else None

    def original(self, offset: int) -> int:
        """The offset in the original text of `offset` in the substituted one."""
        piece = self._piece(offset)
        if piece is None:
            return offset
        start, _, origin, verbatim, _ = piece
        return origin + (offset - start) if verbatim else origin

    def node_at(self, offset: int) -> yaml.Node | None:
        """The matrix value node substituted at `offset`, if any."""
        piece = self._piece(offset)
        return piece[4] if piece is not None and offset < piece[1] else None


class _TooLong(Exception):
    """A substituted text would pass the length it was allowed."""


def _substitute(ctx: _Context, text: str, limit: int | None = None) -> _Text:
    """`text` with its ``${{ }}`` expressions replaced by their values (a variable no one
    defines for those that cannot be read). Raises `_TooLong` once the text passes `limit`
    characters (a long ``env:`` value named thousands of times)."""
    out: list[str] = []
    pieces: list[tuple[int, int, int, bool, yaml.Node | None]] = []
    length = 0
    last = 0
    missing = False

    def add(value: str, origin: int, verbatim: bool, node: yaml.Node | None) -> None:
        nonlocal length
        pieces.append((length, length + len(value), origin, verbatim, node))
        out.append(value)
        length += len(value)
        if limit is not None and length > limit:
            raise _TooLong

    for match in EXPRESSION.finditer(text):
        if match.start() > last:
            add(text[last : match.start()], last, True, None)
        value, node = _expression(ctx, match.group(1))
        if value is None:
            missing = True
            value = UNKNOWN_EXPRESSION
        add(value, match.start(), False, node)
        last = match.end()
    if last < len(text):
        add(text[last:], last, True, None)
    return _Text("".join(out), pieces, missing)


def _matrix_keys(text: str) -> set[str]:
    """The matrix keys the expressions of `text` read."""
    return {
        key for match in EXPRESSION.finditer(text) for key in _MATRIX_KEY.findall(match.group(1))
    }


# --- a job's steps, read once --------------------------------------------------------------


@dataclass
class _Setup:
    """A setup step: the action, the node of the input that names its Python, its ``if:``."""

    action: str
    node: yaml.Node | None
    condition: str | None = None


@dataclass
class _Run:
    """A ``run:`` step: its script, node, ``env:`` and ``if:``."""

    script: str
    node: yaml.Node
    env: list[tuple[str, str]]
    condition: str | None = None
    env_nodes: dict[str, yaml.Node] = field(default_factory=dict)
    #: The conda packages a micromamba setup step creates its environment with (its
    #: ``create-args`` / ``extra-specs``), read as ``micromamba create <script>``.
    conda_args: bool = False

    @property
    def installs(self) -> bool:
        """Whether the step may install packages (what the job environments read)."""
        return self.conda_args or "install" in self.script


def env_pairs(walker: Walker, node: yaml.Node | None) -> list[tuple[str, str]]:
    """The (name, value) of each ``env:`` variable whose value is a scalar, as written."""
    return [
        (name, value)
        for key, value_node in walker.mapping(node)
        if (name := walker.scalar(key)) and (value := walker.scalar(value_node)) is not None
    ]


def _env_nodes(walker: Walker, node: yaml.Node | None) -> dict[str, yaml.Node]:
    """Each ``env:`` variable's value node (where an index it sets is located)."""
    return {name: value for key, value in walker.mapping(node) if (name := walker.scalar(key))}


def _steps(walker: Walker, job: yaml.Node) -> list[_Setup | _Run]:
    steps: list[_Setup | _Run] = []
    for step in walker.sequence(walker.get(job, "steps")):
        uses = (walker.scalar(walker.get(step, "uses")) or "").strip().lower()
        action = uses.split("@", 1)[0]
        condition = walker.scalar(walker.get(step, "if"))
        if action in _SETUP_INPUTS:
            node = walker.get(walker.get(step, "with"), _SETUP_INPUTS[action])
            steps.append(_Setup(action, node, condition))
            packages = walker.get(walker.get(step, "with"), _CONDA_PACKAGES.get(action, ""))
            if packages is not None and (text := walker.scalar(packages)):
                # luispedro/mahotas: create-args "python=${{ matrix.python-version }}
                # numpy=${{ matrix.numpy-version }}" pairs each Python with a NumPy
                steps.append(_Run(text, packages, [], condition, conda_args=True))
            continue
        node = walker.get(step, "run")
        script = walker.scalar(node)
        if script is not None and node is not None:
            env = walker.get(step, "env")
            pairs = env_pairs(walker, env)
            steps.append(_Run(script, node, pairs, condition, _env_nodes(walker, env)))
    return steps


# --- locations -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Locator:
    """File positions of offsets into a ``run:`` script's value."""

    path: str
    lines: tuple[str, ...]
    node: yaml.Node
    script: str

    def span(self, offset: int) -> Span:
        node = self.node
        first = node.start_mark.line  # 0-based line of the value (the `|` of a block)
        script_line = self.script.count("\n", 0, offset)
        line_start = self.script.rfind("\n", 0, offset) + 1
        column = offset - line_start
        if getattr(node, "style", None) == "|":
            index = first + 1 + script_line
            if 0 <= index < len(self.lines):
                text = self.lines[index]
                content = self.script[line_start:].split("\n", 1)[0]
                indent = len(text) - len(content) if content and text.endswith(content) else 0
                return Span(self.path, index + 1, indent + column + 1)
            return span_of(self.path, node)
        if node.start_mark.line == node.end_mark.line:
            quoted = 1 if getattr(node, "style", None) in {"'", '"'} else 0
            return Span(self.path, first + 1, node.start_mark.column + 1 + quoted + offset)
        word = re.match(r"\S+", self.script[offset:])
        snippet = word.group(0) if word else ""
        for index in range(first, min(node.end_mark.line + 1, len(self.lines))):
            at = self.lines[index].find(snippet) if snippet else -1
            if at >= 0:
                return Span(self.path, index + 1, at + 1)
        return span_of(self.path, node)


# --- the Python of a setup step ------------------------------------------------------------


def _setup_python(ctx: _Context, path: str, setup: _Setup) -> tuple[str, Span, str] | None:
    """(minor, where, how) of the Python a setup step sets up for this combination."""
    walker, node = ctx.walker, setup.node
    if node is None:
        return None
    if setup.action == "mamba-org/setup-micromamba":
        return _micromamba_python(ctx, path, node)
    items = walker.sequence(node) or [node]
    last = items[-1]
    raw = walker.scalar(last)
    if raw is None:
        return None
    lines = [line.strip() for line in raw.split("\n") if line.strip()]
    if not lines:
        return None
    text = lines[-1]
    read = setup_python_minor if setup.action == "actions/setup-python" else python_minor
    whole = EXPRESSION.fullmatch(text)
    if whole is not None:
        value, value_node = _expression(ctx, whole.group(1))
        minor = read(value) if value else None
        if minor is None or value is None:
            return None
        where = value_node if value_node is not None else last
        detail = f"{whole.group(1).strip()}: {value}{moving_note(value)} ({setup.action})"
        return minor, span_of(path, where), detail
    substituted = _substitute(ctx, text)
    minor = None if substituted.unknown else read(substituted.text)
    if minor is None:
        return None
    detail = f"{setup.action} python-version: {substituted.text}{moving_note(substituted.text)}"
    return minor, span_of(path, last), detail


def _micromamba_python(ctx: _Context, path: str, node: yaml.Node) -> tuple[str, Span, str] | None:
    raw = ctx.walker.scalar(node)
    if raw is None:
        return None
    substituted = _substitute(ctx, raw)
    for command in split_commands(substituted.text):
        for word in command:
            match = _CONDA_PYTHON.match(word.value)
            if match is None:
                continue
            offsets = range(word.start, word.start + len(word.value))
            where = next((n for at in offsets if (n := substituted.node_at(at))), node)
            detail = f"{word.value} (mamba-org/setup-micromamba create-args)"
            return match.group(1), span_of(path, where), detail
    return None


# --- the jobs ------------------------------------------------------------------------------


@dataclass
class _Budget:
    """What is left of the per-workflow script budget."""

    chars: int = MAX_SCRIPT_CHARS


def _label(path: str, job: str, keys: list[str], ctx: _Context) -> str:
    if not keys or ctx.combination is None:
        return f"{path}#{job}"
    parts = []
    for key in keys:
        text = _canon(ctx.walker, ctx.combination.get(key))
        if len(text) > _LABEL_VALUE:
            text = text[: _LABEL_VALUE - 1] + "…"
        parts.append(f"{key}={text}")
    return f"{path}#{job} ({', '.join(parts)})"


def _keys(texts: list[str]) -> set[str]:
    return {key for text in texts for key in _matrix_keys(text)}


def _referenced_keys(
    steps: list[_Setup | _Run], walker: Walker, env_texts: list[str], job_if: str, runs_on: str
) -> tuple[set[str], set[str]]:
    """(the matrix keys what a job installs reads: its install scripts, their ``env:`` and
    ``if:``, the job's and workflow's ``env:``, the job's ``if:``; the keys its Python reads)."""
    installs: list[str] = [*env_texts, job_if]
    pythons: list[str] = []
    for step in steps:
        if isinstance(step, _Setup):
            nodes = walker.items(step.node)
            pythons += [walker.scalar(node) or "" for node in nodes]
            pythons.append(step.condition or "")
        elif step.installs:
            installs += [step.script, step.condition or "", *(v for _, v in step.env)]
            if "runner.os" in (step.condition or "").lower():
                installs.append(runs_on)
    return _keys(installs), _keys(pythons)


def _resolve_env(
    ctx: _Context, pairs: list[tuple[str, str]], into: dict[str, str | None]
) -> dict[str, str | None]:
    out = dict(into)
    for name, value in pairs:
        lookup = _Context(ctx.walker, ctx.combination, out)
        substituted = _substitute(lookup, value)
        out[name] = None if substituted.unknown else substituted.text
    return out


def _assigned(words: list[Word]) -> list[str]:
    """Variables a command sets in the shell (``X=1``, ``export X=1``, ``unset X``)."""
    stripped = strip_prefix(words)
    if not stripped:
        return [w.value.split("=", 1)[0] for w in words if "=" in w.value]
    if stripped[0].value in _ASSIGNERS:
        return [w.value.split("=", 1)[0] for w in stripped[1:] if not w.value.startswith("-")]
    return []


def _ambient_indexes(
    ctx: _Context,
    path: str,
    words: list[Word],
    variables: Mapping[str, str | None],
    environment: str,
    into: InstallFindings,
) -> None:
    """The indexes the ``env:`` variables give a pip / ``uv pip`` install (``PIP_EXTRA_INDEX_URL``
    in the job's ``env:``), located at the variable's value; an option of the same kind on the
    command line replaces them."""
    stripped = strip_prefix(words)
    tool = "uv" if stripped and stripped[0].value.rsplit("/", 1)[-1] == "uv" else "pip"
    passed = {INDEX_OPTIONS[o] for o, _, _ in pip_options(words) if o in INDEX_OPTIONS}
    for name, kind in INDEX_VARIABLES[tool]:
        value = variables.get(name)
        node = ctx.env_nodes.get(name)
        if not value or kind in passed or node is None:
            continue
        for url in value.split():
            into.indexes.append(Index(url, kind, span_of(path, node), environment=environment))


def _read_script(
    ctx: _Context,
    locator: _Locator,
    environment: str,
    into: InstallFindings,
    budget: _Budget,
    conda_args: bool = False,
) -> None:
    """Record what one ``run:`` script installs by name into `environment` (with
    `conda_args`, the script is the package words of a ``micromamba create``); what its
    expressions add to the script's length is charged to `budget` (nothing is read once it
    is spent)."""
    try:
        substituted = _substitute(ctx, locator.script, len(locator.script) + max(budget.chars, 0))
    except _TooLong:
        budget.chars = -1
        return
    budget.chars -= max(0, len(substituted.text) - len(locator.script))
    text = substituted.text.replace("\\\r\n", "   ").replace("\\\n", "  ")
    if conda_args:  # the words of one `micromamba create` (newlines separate words only)
        text = text.replace("\n", " ")
    variables = dict(ctx.variables)

    def expand(value: str, single_quoted: bool) -> str | None:
        if "$" not in value:
            return value
        if single_quoted:
            return None
        result, unset = substitute(value, variables)
        return None if unset or "$" in result else result

    def locate(at: int) -> Span:
        return locator.span(substituted.original(at))

    depth = 0  # inside `if … fi` / `case … esac`: an install the shell may skip
    after = ""  # the separator before this command
    for words, separator in split_chain(text):
        before_separator, after = after, separator
        head = words[0].value
        if head in {"if", "case"}:
            depth += 1
        for name in _assigned(words):
            variables[name] = None
        if head in {"fi", "esac"} or (words[-1].value in {"fi", "esac"} and depth):
            depth = max(0, depth - 1)
            continue
        if depth or "||" in {before_separator, separator}:
            continue  # conditional (`a || b`: a may fail, b runs only then): not certain
        before = len(into.requirements)
        if conda_args:
            words = [Word("micromamba", 0), Word("create", 0), *words]
        interpret(words, locate, expand, environment, into)
        if conda_args:  # its python=3.x is the setup step's Python (a fact), not a package
            into.requirements[before:] = [
                r for r in into.requirements[before:] if r.name != "python"
            ]
        if len(into.requirements) > before:
            _ambient_indexes(ctx, locator.path, words, variables, environment, into)
        for index in range(before, len(into.requirements)):
            req = into.requirements[index]
            written = expand(req.raw, False) if "$" in req.raw else None
            if written is not None:  # the text this combination installs: numpy==2.2.*
                into.requirements[index] = replace(req, raw=written)


def read_jobs(
    path: str, text: str, root: yaml.Node, limit: int = MAX_REQUIREMENTS
) -> JobEnvironments:
    """The job environments of a composed workflow (see the module docstring); never raises."""
    walker = Walker(NODE_BUDGET)
    found = JobEnvironments()
    into = InstallFindings(limit=limit)
    lines = tuple(text.split("\n"))
    budget = _Budget()
    try:
        workflow_env = env_pairs(walker, walker.get(root, "env"))
        for key_node, job in walker.mapping(walker.get(root, "jobs")):
            job_id = walker.scalar(key_node)
            if job_id is None:
                continue
            _read_job(walker, path, lines, job_id, job, (root, workflow_env), found, into, budget)
            if into.overflow is not None or budget.chars <= 0:
                break
    except BudgetExceeded:
        pass
    found.bad = list(
        dict.fromkeys(b for b in into.bad if b[1].startswith("expected a requirement"))
    )
    return found


def _read_job(
    walker: Walker,
    path: str,
    lines: tuple[str, ...],
    job_id: str,
    job: yaml.Node,
    workflow: tuple[yaml.Node, list[tuple[str, str]]],
    found: JobEnvironments,
    into: InstallFindings,
    budget: _Budget,
) -> None:
    root, workflow_env = workflow
    steps = _steps(walker, job)
    if not any(isinstance(s, _Run) and s.installs for s in steps):
        return
    job_env = env_pairs(walker, walker.get(job, "env"))
    env_nodes = {
        **_env_nodes(walker, walker.get(root, "env")),
        **_env_nodes(walker, walker.get(job, "env")),
    }
    env_texts = [v for _, v in workflow_env + job_env]
    job_if = walker.scalar(walker.get(job, "if"))
    runs_on = walker.scalar(walker.get(job, "runs-on")) or ""
    installs, pythons = _referenced_keys(steps, walker, env_texts, job_if or "", runs_on)
    keys = sorted(installs | pythons | _keys([runs_on]))
    matrix = walker.get(walker.get(job, "strategy"), "matrix")
    combinations: list[_Combination | None]
    expanded = matrix_combinations(walker, matrix) if keys else [{}]
    if expanded is None:
        combinations = [None]
    else:
        seen: dict[tuple[str, ...], _Combination] = {}
        for each in expanded:
            identity = tuple(_canon(walker, each.get(k)) for k in keys)
            seen.setdefault(identity, each)
        combinations = list(seen.values())
    setups = sum(isinstance(s, _Setup) for s in steps)
    for combination in combinations:
        ctx = _Context(walker, combination, {})
        ctx.variables = _resolve_env(ctx, workflow_env, {})
        ctx.variables = _resolve_env(ctx, job_env, ctx.variables)
        ctx.runner_os = _runner_os(ctx, runs_on)
        ctx.env_nodes = env_nodes
        if ctx.runner_os not in {None, "Linux"}:
            continue  # the rules judge Linux installs: a Windows or macOS job is not read
        if job_if is not None and _holds(ctx, job_if) is False:
            continue  # a job-level condition not known either way: the job counts
        named = sorted(installs) if combination is not None else []
        label = _label(path, job_id, named, ctx)
        _read_combination(ctx, path, lines, steps, label, setups, found, into, budget)
        found.read.add(label)
        if into.overflow is not None or budget.chars <= 0:
            return


def _read_combination(
    ctx: _Context,
    path: str,
    lines: tuple[str, ...],
    steps: list[_Setup | _Run],
    label: str,
    setups: int,
    found: JobEnvironments,
    into: InstallFindings,
    budget: _Budget,
) -> None:
    python: tuple[str, Span, str] | None = None
    seen_setups = 0
    later_unknown: set[str] = set()
    replay = label in found.read  # installs as an earlier combination's: only its Python
    for step in steps:
        runs = True if step.condition is None else _holds(ctx, step.condition)
        if isinstance(step, _Setup):
            seen_setups += 1
            python = _setup_python(ctx, path, step) if runs else None
            continue
        if runs is not True:
            continue  # a step only some runs take (or not this combination)
        environment = label if setups <= 1 else f"{label} [setup {max(seen_setups, 1)}]"
        if replay and step.installs:
            if environment in found.environments:
                found.add_python(environment, python)
        elif step.installs:
            if (
                environment not in found.environments
                and len(found.environments) >= MAX_ENVIRONMENTS
            ):
                budget.chars = 0  # the workflow's share of environments is read: stop
                return
            budget.chars -= len(step.script)
            if budget.chars < 0:
                return
            variables = _resolve_env(ctx, step.env, ctx.variables)
            for name in later_unknown:
                if name not in dict(step.env):
                    variables[name] = None
            nodes = {**ctx.env_nodes, **step.env_nodes}
            step_ctx = _Context(ctx.walker, ctx.combination, variables, ctx.runner_os, nodes)
            before = (len(into.requirements), len(into.indexes))
            locator = _Locator(path, lines, step.node, step.script)
            _read_script(step_ctx, locator, environment, into, budget, step.conda_args)
            added = into.requirements[before[0] :]
            found.requirements.extend(added)
            if added:
                found.environments.add(environment)
                if not step.conda_args:
                    found.by_run.add(environment)
                found.indexes.extend(into.indexes[before[1] :])
            if environment in found.environments:
                found.add_python(environment, python)
            if into.overflow is not None:
                return
        later_unknown |= set(_GITHUB_ENV_WRITE.findall(step.script))


# --- conda environment files chosen by the matrix ------------------------------------------


def workspace_path(text: str) -> str | None:
    """The repository path of a workspace-relative path (``./env.yml``), None for one
    outside the repository (``../x``, ``/x``)."""
    clean = posixpath.normpath(text.removeprefix("./"))
    return None if clean.startswith(("../", "/")) or clean == ".." else clean


#: Conda setup actions whose ``environment-file`` input names the file they create.
_CONDA_FILE_SETUPS = ("conda-incubator/setup-miniconda", "mamba-org/setup-micromamba")


def matrix_environment_files(walker: Walker, path: str, job: yaml.Node) -> list[Fact]:
    """PYTHON facts for a conda setup step whose ``environment-file`` the matrix chooses
    (``.github/workflows/env-files/${{ matrix.pyver-env.env }}``): per combination, the
    file it names with the Python the same step sets up there (glotzerlab/freud's
    ``{pyver: '3.8', env: 'test_env.yaml'}`` entries, whose file installs the test
    requirements with pip). Combinations on Windows or macOS runners are not read, nor a
    file outside the repository or one an expression other than the matrix's names."""
    matrix = walker.get(walker.get(job, "strategy"), "matrix")
    runs_on = walker.scalar(walker.get(job, "runs-on")) or ""
    facts: list[Fact] = []
    for step in walker.sequence(walker.get(job, "steps")):
        uses = (walker.scalar(walker.get(step, "uses")) or "").strip().lower()
        action = uses.split("@", 1)[0]
        if action not in _CONDA_FILE_SETUPS:
            continue
        inputs = walker.get(step, "with")
        file_node = walker.get(inputs, "environment-file")
        text = (walker.scalar(file_node) or "").strip()
        if file_node is None or "${{" not in text:
            continue
        setup = _Setup(action, walker.get(inputs, _SETUP_INPUTS[action]), None)
        for combination in matrix_combinations(walker, matrix) or []:
            ctx = _Context(walker, combination, {})
            ctx.runner_os = _runner_os(ctx, runs_on)
            if ctx.runner_os not in {None, "Linux"}:
                continue
            named = _substitute(ctx, text)
            if named.unknown:
                continue
            file = workspace_path(named.text)
            if file is None:
                continue
            python = _setup_python(ctx, path, setup)
            if python is not None:
                fact = Fact(FactKind.PYTHON, python[0], python[1], python[2], file)
                if fact not in facts:
                    facts.append(fact)
    return facts
