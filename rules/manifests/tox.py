"""tox.ini: the Python each tox environment runs, and the files it installs there.

tox makes one virtualenv per environment of ``[tox] envlist`` (``env_list``; brace forms
``py{38,39}-{cpu,gpu}`` expanded) and of each ``[testenv:NAME]`` section. Its Python is the
environment's ``basepython`` (``python3.8``), else the one its name's factors name
(``py37``, ``py3.8``, ``python3.8``, ``py310``), else none. Into it tox installs the ``deps``
(here: the ``-r`` files they name, ``-rrequirements.txt`` or
``-r{toxinidir}/requirements.txt``; a ``-c`` file only constrains), the project itself with
its ``extras`` unless ``skip_install``, ``package = skip`` or ``[tox] skipsdist`` /
``no_package`` (its ``pyproject.toml``/``setup.py`` next to tox.ini), the uv.lock next to
tox.ini where tox-uv's ``runner = uv-venv-lock-runner`` syncs the environment from it, and whatever
``commands`` install (``pip install -r requirements.txt``). A deps/commands line guarded by
factors (``gpu: ...``, ``py38,py39: ...``, ``!osx: ...``) counts for the environments whose
factors meet it. ``[testenv:NAME]`` falls back to ``[testenv]`` for keys it does not set.

So a tox.ini is read like a CI job (`FileKind.TOX` is one of `RUNNER_KINDS`): each file an
environment with a known Python installs gets a `FactKind.PYTHON` fact at the place that
names the Python, for that file's environment (OmicsML/dance #303: ``envlist =
python3.8-{osx,cpu,gpu}`` installs ``requirements.txt``, where Dependabot put
``scipy==1.11.1``, which needs Python 3.9), and the pairs go to metadata as
`workflow.INSTALLED_TOGETHER`. Requirement strings in ``deps`` are the environment's own
requirements (``tox.ini#py38-pandas1``, with that Python), one environment per distinct
(Python, requirement lines) among those that meet them (`_named_deps`).

Bad lines give located parse errors (`_ini.read_ini`); the parser never raises.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from dataclasses import dataclass, replace

from rules.findings import Finding, Severity
from rules.manifests._ini import IniEntry, IniParts, read_ini
from rules.manifests._shellwords import split_commands
from rules.manifests._step_installs import command_installs
from rules.manifests.errors import parse_error
from rules.manifests.model import Fact, FactKind, FileKind, ManifestFile, Span
from rules.manifests.requirements import parse_pep508
from rules.manifests.text import split_lines
from rules.manifests.workflow import INSTALLED_TOGETHER

#: Most environments read from one tox.ini (brace products can multiply).
MAX_ENVIRONMENTS = 256
#: Most (environment, installed file) pairs, and factor alternatives checked against
#: environments, for one tox.ini; past them the rest is a located warning, not hours of work.
MAX_PAIRS = 20_000
MAX_CHECKS = 2_000_000


class _TooLarge(Exception):
    """The tox.ini asks for more work than `MAX_PAIRS` / `MAX_CHECKS` allow."""


#: A factor that names a CPython minor: py38, py3.8, py310, python3.8.
_PY_FACTOR = re.compile(r"^(?:py|python)(3)\.?(\d{1,2})$")
_BASEPYTHON = re.compile(r"^(?:python)?(3)\.(\d{1,2})$")
_BRACE = re.compile(r"\{([^{}]*)\}")
_RANGE = re.compile(r"^(\d+)-(\d+)$")
#: A deps/commands line's factor condition: ``gpu:``, ``py38,py39:``, ``!osx-cpu:``.
_CONDITION = re.compile(r"^(?P<cond>!?[\w.{}]+(?:[-,]!?[\w.{}]+)*)\s*:\s+(?P<rest>.*)$")
_SUBSTITUTIONS = (("{toxinidir}", "."), ("{envpython}", "python"), ("{posargs}", ""))


@dataclass(frozen=True, slots=True)
class _Line:
    """One value line: its text with any factor condition split off, and its place."""

    text: str
    condition: str
    line: int
    column: int


@dataclass
class _Env:
    """One tox environment: its name, factors, and where its name was written."""

    name: str
    span: Span
    how: str

    @property
    def factors(self) -> frozenset[str]:
        return frozenset(self.name.split("-"))


def _expand(name: str) -> list[str]:
    """``py{38,39}-{cpu,gpu}`` -> the four names; ``py3{8-10}`` -> py38, py39, py310 (at
    most `MAX_ENVIRONMENTS`: ``{a,b}`` thirty times over is a billion names)."""
    parts: list[list[str]] = []
    at = 0
    for match in _BRACE.finditer(name):
        parts.append([name[at : match.start()]])
        choices = [c.strip() for c in match[1].split(",")]
        ranged = _RANGE.match(match[1].strip())
        if ranged and int(ranged[2]) - int(ranged[1]) < 64:
            choices = [str(n) for n in range(int(ranged[1]), int(ranged[2]) + 1)]
        parts.append(choices)
        at = match.end()
    parts.append([name[at:]])
    names = ("".join(p) for p in itertools.product(*parts))
    return [n for n in itertools.islice(names, MAX_ENVIRONMENTS) if n]


def _split_top_commas(text: str) -> list[tuple[str, int]]:
    """`text` split at commas outside braces, each piece with its offset."""
    pieces: list[tuple[str, int]] = []
    depth, start = 0, 0
    for index, char in enumerate(text + ","):
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            pieces.append((text[start:index], start))
            start = index + 1
    return pieces


def _values(entry: IniEntry | None) -> list[_Line]:
    """The value lines of an option, each with its factor condition split off."""
    if entry is None:
        return []
    found: list[_Line] = []
    for text, line, column in entry.pieces:
        match = _CONDITION.match(text)
        if match is not None and not text.startswith(("-", "http")):
            rest = match["rest"]
            found.append(_Line(rest, match["cond"], line, column + match.start("rest")))
        else:
            found.append(_Line(text, "", line, column))
    return found


def _holds(wanted: tuple[str, ...], factors: frozenset[str]) -> bool:
    """Whether `factors` hold every factor of one alternative (``!a``: a does not hold)."""
    return all((w[1:] not in factors) if w.startswith("!") else (w in factors) for w in wanted)


def _expand_condition(condition: str) -> list[str]:
    return [name for piece, _ in _split_top_commas(condition) for name in _expand(piece.strip())]


#: ``{env:TOXPYTHON:python3.8}``: the variable's value when set, else the default after the
#: second colon (hbclab/NiBetaSeries's ``py38: {env:TOXPYTHON:python3.8}``).
_ENV_DEFAULT = re.compile(r"\{env:[^:{}]+:([^{}]*)\}")


def _python_of(
    env: _Env, options: dict[str, IniEntry], lines: _Lines
) -> tuple[str, Span, str] | None:
    """(minor, where it is named, how) of one environment, or None: the first ``basepython``
    line whose factor condition the environment meets (``py38: python3.8``; a
    ``{env:VAR:default}`` read as its default), else its name's factors."""
    base = options.get("basepython")
    for value in _values(base):
        if not lines.meets(value.condition, env.factors):
            continue
        text = _ENV_DEFAULT.sub(lambda m: m[1], value.text).strip()
        match = _BASEPYTHON.match(text)
        if match is not None:
            where = Span("", value.line, value.column)
            return f"{match[1]}.{match[2]}", where, f"basepython = {value.text}"
        return None
    for factor in env.name.split("-"):
        match = _PY_FACTOR.match(factor)
        if match is not None:
            return f"{match[1]}.{match[2]}", env.span, f"tox env {env.name} ({env.how})"
    return None


#: One value line's factor condition and the files it installs, with its place.
_Installs = tuple[str, tuple[tuple[str, int, int], ...]]


class _Lines:
    """What each deps / commands / extras option installs, read once per option and shared by
    every environment that uses it (a tox.ini of 50,000 lines and 256 environments splits
    each command once, not 256 times), and which conditions each environment meets."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.read: dict[tuple[int, str], list[_Installs]] = {}
        self.conditions: dict[tuple[str, frozenset[str]], bool] = {}
        self.alternatives: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.checks = 0

    def of(self, entry: IniEntry | None, key: str) -> list[_Installs]:
        if entry is None:
            return []
        cached = self.read.get((id(entry), key))
        if cached is None:
            cached = [(item.condition, self._targets(item, key)) for item in _values(entry)]
            self.read[(id(entry), key)] = cached
        return cached

    def _targets(self, item: _Line, key: str) -> tuple[tuple[str, int, int], ...]:
        where = (item.line, item.column)
        if key == "deps":
            text = _substitute(item.text)
            for flag in ("-r", "--requirement"):  # a -c file constrains, it installs nothing
                if text.startswith(flag):
                    target = text[len(flag) :].lstrip("= ").strip()
                    return ((_here(self.folder, target), *where),) if target else ()
            if text.startswith((".", "-e")):
                # the project itself, with extras (wellcometrust/wellcomeml's tox.ini:
                # ``.[spacy,torch,tensorflow,vis]`` in deps): read as pip's own argument
                return tuple(
                    (target, *where)
                    for words in split_commands(f"pip install {text}")
                    for target in command_installs(words, self.folder)
                )
            return ()
        if key == "extras":
            return tuple(
                (extra.strip(), *where)
                for extra, _ in _split_top_commas(item.text)
                if extra.strip()
            )
        return tuple(
            (target, *where)
            for words in split_commands(_substitute(item.text))
            for target in command_installs(words, self.folder)
        )

    def meets(self, condition: str, factors: frozenset[str]) -> bool:
        """Whether an environment's `factors` meet a line's condition (``a-b,c``: a and b, or
        c; ``!a``: not a; brace forms expanded), remembered per (condition, factors)."""
        if not condition:
            return True
        key = (condition, factors)
        known = self.conditions.get(key)
        if known is None:
            alternatives = self.alternatives.get(condition)
            if alternatives is None:
                alternatives = self.alternatives[condition] = tuple(
                    tuple(a.split("-")) for a in _expand_condition(condition)
                )
            self.checks += len(alternatives)
            if self.checks > MAX_CHECKS:
                raise _TooLarge
            known = self.conditions[key] = any(_holds(a, factors) for a in alternatives)
        return known


def _installs(env: _Env, options: dict[str, IniEntry], lines: _Lines) -> list[tuple[str, int, int]]:
    """The repository files one environment installs, each with the line that says so."""
    found: list[tuple[str, int, int]] = []
    for key, option in (("deps", "deps"), ("commands", "commands"), ("commands", "commands_pre")):
        for condition, targets in lines.of(options.get(option), key):
            if lines.meets(condition, env.factors):
                found.extend(targets)
    runner = options.get("runner")
    if runner is not None and runner.pieces and runner.pieces[0][0].strip() == _UV_LOCK_RUNNER:
        # tox-uv's lock runner syncs the environment from uv.lock (`uv sync --locked`)
        found.append((_here(lines.folder, "uv.lock"), runner.line, runner.column))
    if not _true(options.get("skip_install")) and not _is_skip(options.get("package")):
        project = _here(lines.folder, "pyproject.toml")
        found.append((project, env.span.line, env.span.column))
        for condition, extras in lines.of(options.get("extras"), "extras"):
            if lines.meets(condition, env.factors):
                found.extend((f"{project}#{extra}", line, column) for extra, line, column in extras)
    return found


def _named_deps(
    env: _Env, options: dict[str, IniEntry], lines: _Lines
) -> list[tuple[str, int, int]]:
    """The requirement strings of `env`'s deps (``pandas1: numpy == 1.25.2`` where the
    environment has the pandas1 factor), each with its place: what tox installs into the
    environment by name (neo4j/graph-data-science-client #448: numpy 1.25.2, which needs
    Python 3.9, in the py38-pandas1 environments). Files, options, URLs and paths are not
    names; a line that is no requirement is left alone (tox reports it)."""
    found: list[tuple[str, int, int]] = []
    for value in _values(options.get("deps")):
        text = _substitute(value.text)
        if not text or text.startswith(("-", ".", "/", "{")) or "://" in text or "@" in text:
            continue
        if lines.meets(value.condition, env.factors) and not isinstance(parse_pep508(text), tuple):
            found.append((text, value.line, value.column))
    return found


#: tox-uv's runner that installs an environment from uv.lock (freelawproject/juriscraper's
#: ``runner = uv-venv-lock-runner``: the py314 environment gets the lock's lxml 5.4.0).
_UV_LOCK_RUNNER = "uv-venv-lock-runner"


def _true(entry: IniEntry | None) -> bool:
    return entry is not None and bool(entry.pieces) and entry.pieces[0][0].strip().lower() == "true"


def _is_skip(entry: IniEntry | None) -> bool:
    return entry is not None and bool(entry.pieces) and entry.pieces[0][0].strip() == "skip"


def _substitute(text: str) -> str:
    for old, new in _SUBSTITUTIONS:
        text = text.replace(old, new)
    return text.strip()


def _here(folder: str, path: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder, path))
    return joined.removeprefix("./")


class ToxParser:
    """``tox.ini``: each environment's Python and the files it installs."""

    kind = FileKind.TOX

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse a tox.ini; never raises."""
        reader = IniParts(path=path, lines=split_lines(text))
        sections: dict[str, dict[str, IniEntry]] = {}
        for entry in read_ini(reader.lines, "tox.ini", reader.error):
            sections.setdefault(entry.section, {})[entry.key.replace("-", "_").lower()] = entry
        lines = _Lines(posixpath.dirname(path))
        pairs = 0
        grouped: set[tuple[str, tuple[tuple[str, int, int], ...]]] = set()
        for env in _environments(path, sections)[:MAX_ENVIRONMENTS]:
            options = {**sections.get("testenv", {}), **sections.get(f"testenv:{env.name}", {})}
            tox = sections.get("tox", {})
            for key in ("skipsdist", "skip_sdist", "no_package"):
                if _true(tox.get(key)):
                    options["skip_install"] = tox[key]
            python = _python_of(env, options, lines)
            if python is None:
                continue
            minor, where, how = python
            span = Span(path, where.line, where.column)
            installs = _first_lines(env, options, lines)
            pairs += len(installs or ())
            if installs is None or pairs > MAX_PAIRS:
                reader.errors.append(_too_large(path, env))
                break
            for target, (line, column) in installs.items():
                reader.facts.append(Fact(FactKind.PYTHON, minor, span, how, target))
                reader.metadata.append((INSTALLED_TOGETHER, f"{path}#{env.name}\n{target}"))
                if "#" not in target and target not in reader.include_paths:
                    reader.include_paths.append(target)
                    reader.includes.append(Span(path, line, column))
            named = _named_deps(env, options, lines)
            group = (minor, tuple(named))
            if named and group not in grouped:
                grouped.add(group)
                environment = f"{path}#{env.name}"
                reader.facts.append(Fact(FactKind.PYTHON, minor, span, how, environment))
                for text, line, column in named:
                    parsed = parse_pep508(text)
                    if not isinstance(parsed, tuple):
                        reader.requirements.append(
                            parsed.requirement(
                                text, Span(path, line, column), environment=environment
                            )
                        )
        return reader.manifest_file(path, self.kind)


def _first_lines(
    env: _Env, options: dict[str, IniEntry], lines: _Lines
) -> dict[str, tuple[int, int]] | None:
    """Each file one environment installs, with the first line that says so; None when the
    tox.ini asks for more than `MAX_CHECKS` factor checks."""
    try:
        found = _installs(env, options, lines)
    except _TooLarge:
        return None
    first: dict[str, tuple[int, int]] = {}
    for target, line, column in found:
        first.setdefault(target, (line, column))
    return first


def _too_large(path: str, env: _Env) -> Finding:
    """The warning that the environments from `env` on were not read."""
    found = parse_error(
        path,
        env.span.line,
        env.span.column,
        f"tox.ini too large to read whole: environment {env.name} and those after it not "
        f"read (over {MAX_PAIRS} environment-file pairs or {MAX_CHECKS} factor checks)",
    )
    return replace(found, severity=Severity.WARNING)


def _environments(path: str, sections: dict[str, dict[str, IniEntry]]) -> list[_Env]:
    """The environments of ``envlist`` (expanded), then those only a section names."""
    found: dict[str, _Env] = {}
    tox = sections.get("tox", {})
    listed = tox.get("envlist") or tox.get("env_list")
    for text, line, column in listed.pieces if listed is not None else []:
        for piece, offset in _split_top_commas(text):
            for name in _expand(piece.strip()):
                span = Span(path, line, column + offset + len(piece) - len(piece.lstrip()))
                found.setdefault(name, _Env(name, span, "envlist"))
    for section, options in sections.items():
        if section.startswith("testenv:"):
            for name in _expand(section.removeprefix("testenv:").strip()):
                entry = next(iter(options.values()), None)
                line = entry.line if entry is not None else 1
                found.setdefault(name, _Env(name, Span(path, line, 1), f"[{section}]"))
    return list(found.values())
