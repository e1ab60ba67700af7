"""Makefiles: targets, their recipes, and the dependency files `make <target>` installs (pure).

CI workflows and Dockerfiles often install through ``make setup``; the Makefile's recipe
holds the ``pip install -r dev-requirements.in``. This module reads enough of GNU make to
follow that:

- rules ``targets: prerequisites`` (``::`` too, order-only ``|`` prerequisites, an inline
  ``; recipe``), their tab-indented recipe lines (``\\`` continuations joined), and the
  default goal (the first ordinary target, or ``.DEFAULT_GOAL``);
- variables from ``VAR = value`` (recursive), ``VAR := value`` / ``::=`` (simple),
  ``VAR ?= value``, ``VAR += value`` (``export``/``override`` prefixes allowed), expanded as
  ``$(VAR)``, ``${VAR}``, ``$V``, with the automatic ``$@``, ``$<``, ``$^``; ``$$`` is a
  literal ``$``. What cannot be known here (``$(shell …)`` and other functions, ``!=``,
  variables from the environment) stays an unknown ``${…}`` word, and a word holding one is
  not read as a path;
- a target's prerequisites run before its recipe, each target once; ``$(MAKE) other`` in a
  recipe runs `other` of the same Makefile (``-C``/``-f`` sub-makes are not followed).

Conditionals (``ifeq``…``endif``) are not evaluated: both branches are read. ``include``d
makefiles are not read. Each recipe line is one shell (``cd dir && pip install -r x``
installs ``dir/x``). The installs of a recipe line are what the shared install-command
interpreter (`_install_commands`) reads: ``-r``/``-c`` files, ``.``/``-e .`` (the folder's
``pyproject.toml``), ``poetry install``/``uv sync``. Paths are relative to the Makefile's
folder. Never raises: malformed lines become located `MakeError`s and are skipped.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from rules.manifests._install_commands import installed_files
from rules.manifests._references import decode, encode
from rules.manifests._shellwords import Word, split_commands, strip_prefix

#: The names GNU make looks for, in its order.
MAKEFILE_NAMES: tuple[str, ...] = ("GNUmakefile", "makefile", "Makefile")
#: Most characters one expansion may produce (bounds `A = $(B)$(B)` chains).
MAX_EXPANSION = 64 * 1024
#: Most variable references one expansion follows.
MAX_REFERENCES = 10_000
#: Deepest nesting of recursive variables / sub-make calls followed.
MAX_DEPTH = 32
_REFERENCE_PREFIX = "make:"
_MAKE_TOOLS = frozenset({"make", "gmake"})
_MAKE_VALUE_OPTIONS = frozenset({"-C", "-f", "-I", "-o", "-W", "-E"})
_MAKE_LONG_VALUE_OPTIONS = frozenset(
    {
        "--directory", "--file", "--makefile", "--include-dir", "--old-file", "--assume-old",
        "--what-if", "--new-file", "--assume-new", "--eval", "--jobs", "--load-average",
        "--max-load",
    }
)  # fmt: skip
_ASSIGNMENT = re.compile(
    r"^(?P<prefix>(?:(?:export|override|private)\s+)*)"
    r"(?P<name>[^\s:#=?+!$()]+|\$[({][^\s)}]+[)}])\s*(?P<op>:::=|::=|:=|\?=|\+=|!=|=)"
)
_DIRECTIVES = frozenset(
    {
        "ifeq", "ifneq", "ifdef", "ifndef", "else", "endif", "include", "-include",
        "sinclude", "vpath", "export", "unexport", "override", "undefine", "private",
        "load", "-load",
    }
)  # fmt: skip
_NAME_OK = re.compile(r"^[^\s$]+$")
#: Special targets (`.PHONY`, `.SILENT`, `.DEFAULT_GOAL`-like names): no rules to run.
_SPECIAL = re.compile(r"^\.[A-Z_]+$")


@dataclass(frozen=True, slots=True)
class MakeError:
    """A line this reader could not make sense of (GNU make's own wording where it has one)."""

    line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class RecipeLine:
    """One recipe line (continuations joined with a space) and the line it starts on."""

    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Target:
    """A target: where its first rule is, its prerequisites, its recipe."""

    name: str
    line: int
    prerequisites: tuple[str, ...] = ()
    recipe: tuple[RecipeLine, ...] = ()


@dataclass(frozen=True, slots=True)
class Variable:
    """A variable's value; `recursive` ones are expanded where used. None: not knowable."""

    value: str | None
    recursive: bool
    line: int


@dataclass(frozen=True, slots=True)
class Makefile:
    """What a Makefile declares."""

    path: str
    targets: Mapping[str, Target] = field(default_factory=lambda: MappingProxyType({}))
    variables: Mapping[str, Variable] = field(default_factory=lambda: MappingProxyType({}))
    default_goal: str | None = None
    errors: tuple[MakeError, ...] = ()


@dataclass(frozen=True, slots=True)
class MakeInstall:
    """A file that running a target installs: its path (relative to the Makefile's folder),
    the target whose recipe installs it and that recipe line."""

    path: str
    target: str
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class MakeCall:
    """A `make` command: its folder (``-C``, relative to where it runs), ``-f`` file, goals
    (empty: the default goal) and ``VAR=value`` overrides."""

    directory: str = ""
    makefile: str | None = None
    goals: tuple[str, ...] = ()
    overrides: tuple[tuple[str, str], ...] = ()


# --- make commands ----------------------------------------------------------------------------


def make_call(words: list[Word]) -> MakeCall | None:
    """The `make` invocation a simple shell command is (``make -C sub setup``), or None."""
    words = strip_prefix(words)
    if not words or posixpath.basename(words[0].value) not in _MAKE_TOOLS:
        return None
    directory, makefile = "", None
    goals: list[str] = []
    overrides: list[tuple[str, str]] = []
    index = 1
    while index < len(words):
        value = words[index].value
        index += 1
        if value.startswith("--"):
            option, eq, attached = value.partition("=")
            if option in _MAKE_LONG_VALUE_OPTIONS and not eq and option not in _OPTIONAL_LONG:
                attached = words[index].value if index < len(words) else ""
                index += 1
            if option == "--directory":
                directory = posixpath.join(directory, attached)
            elif option in {"--file", "--makefile"}:
                makefile = attached
            continue
        if value.startswith("-") and len(value) > 1:
            option, attached = value[:2], value[2:]
            if option in {"-j", "-l"}:
                if not attached and index < len(words) and words[index].value.isdigit():
                    index += 1
                continue
            if option in _MAKE_VALUE_OPTIONS:
                if not attached and index < len(words):
                    attached = words[index].value
                    index += 1
                if option == "-C":
                    directory = posixpath.join(directory, attached)
                elif option == "-f":
                    makefile = attached
            continue
        name, eq, assigned = value.partition("=")
        if eq and name and _NAME_OK.match(name) and ":" not in name:
            overrides.append((name.rstrip(":"), assigned))
        elif value:
            goals.append(value)
    folder = posixpath.normpath(directory) if directory else ""
    return MakeCall("" if folder == "." else folder, makefile, tuple(goals), tuple(overrides))


_OPTIONAL_LONG = frozenset({"--jobs", "--load-average", "--max-load"})


def make_reference(directory: str, makefile: str | None, goal: str) -> str:
    """The install target a workflow or Dockerfile records for ``make goal`` run in the
    repository folder `directory` (``""`` goal: the default one); `resolve_reference` reads it
    back. The snapshot replaces it with the files the goal installs."""
    return encode(_REFERENCE_PREFIX, (directory, makefile, goal))


def resolve_reference(text: str) -> tuple[str, str | None, str] | None:
    """(folder, -f file or None, goal) of a `make_reference` string; None for a plain path."""
    parts = decode(_REFERENCE_PREFIX, text, 3)
    if parts is None:
        return None
    directory, makefile, goal = parts
    if directory is None or goal is None:
        return None
    return directory, makefile, goal


# --- reading ----------------------------------------------------------------------------------


@dataclass
class _Reader:
    path: str
    targets: dict[str, Target] = field(default_factory=dict)
    variables: dict[str, Variable] = field(default_factory=dict)
    errors: list[MakeError] = field(default_factory=list)
    current: list[str] | None = None
    default_goal: str | None = None

    def error(self, line: int, column: int, message: str) -> None:
        self.errors.append(MakeError(line, column, message))

    def expand_now(self, text: str, line: int) -> str:
        return expand(text, self.lookup, on_error=lambda m: self.error(line, 1, m))

    def lookup(self, name: str) -> str | None:
        variable = self.variables.get(name)
        if variable is None or variable.value is None:
            return None
        if not variable.recursive:
            return variable.value.replace("$", "$$")  # already expanded: no second pass
        return variable.value


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(first line number, text) with backslash-newline continuations joined by one space."""
    out: list[tuple[int, str]] = []
    pieces: list[str] = []
    start = 1
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.removesuffix("\r")
        if not pieces:
            start = number
        continued = (len(line) - len(line.rstrip("\\"))) % 2 == 1
        piece = line[:-1].rstrip(" \t") if continued else line
        pieces.append(piece.lstrip(" \t") if pieces else piece)
        if not continued:
            out.append((start, " ".join(pieces)))
            pieces = []
    if pieces:
        out.append((start, " ".join(pieces)))
    return out


def _strip_comment(text: str) -> str:
    """The text before an unescaped `#` (make's comment rule outside recipes)."""
    index = 0
    while True:
        index = text.find("#", index)
        if index < 0:
            return text
        backslashes = len(text[:index]) - len(text[:index].rstrip("\\"))
        if backslashes % 2 == 0:
            return text[:index]
        index += 1


def _rule_colon(text: str) -> int:
    """Index of the `:` that separates a rule's targets, outside `$(…)`; -1 when none."""
    depth = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "$" and index + 1 < len(text) and text[index + 1] in "({":
            depth += 1
            index += 2
            continue
        if char in ")}" and depth:
            depth -= 1
        elif char == ":" and not depth:
            if index == 1 and text[0].isalpha() and text[2:3] in {"\\", "/"}:
                index += 1  # a Windows drive letter (`C:\\…`) is not a separator
                continue
            return index
        index += 1
    return -1


def parse_makefile(text: str, path: str = "Makefile") -> Makefile:
    """Read a Makefile's rules and variables; never raises."""
    reader = _Reader(path)
    in_define: tuple[int, str] | None = None
    for number, line in _logical_lines(text):
        if in_define is not None:
            if line.strip().split(None, 1)[:1] == ["endef"]:
                reader.variables[in_define[1]] = Variable(None, True, in_define[0])
                in_define = None
            continue
        if line.startswith("\t") and reader.current is not None:
            _recipe(reader, number, line[1:])
            continue
        body = _strip_comment(line).strip()
        if not body:
            continue
        first = body.split(None, 1)[0]
        if first == "define" or (
            first in {"export", "override", "private"} and body.split()[1:2] == ["define"]
        ):
            words = body.split()
            at = words.index("define")
            name = words[at + 1] if len(words) > at + 1 else ""
            in_define = (number, name)
            reader.current = None
            continue
        assignment = _ASSIGNMENT.match(body)
        colon = _rule_colon(body)
        if assignment is not None and (colon < 0 or colon >= assignment.start("op")):
            _assign(reader, number, body, assignment)
            reader.current = None
            continue
        if colon >= 0:
            _rule(reader, number, body, colon)
            continue
        if first.startswith(("ifeq", "ifneq", "ifdef", "ifndef", "else", "endif")):
            continue  # conditionals are not evaluated; they keep the rule context
        if first in _DIRECTIVES:
            reader.current = None
            continue
        if line.startswith("\t"):
            reader.error(number, 1, "recipe commences before first target")
        else:
            reader.error(number, 1, "missing separator (no rule, variable or directive)")
    if in_define is not None:
        reader.error(in_define[0], 1, f"missing 'endef' for define {in_define[1]}")
    goal = reader.variables.get(".DEFAULT_GOAL")
    default = goal.value.strip() if goal is not None and goal.value else reader.default_goal
    return Makefile(
        path=path,
        targets=MappingProxyType(dict(reader.targets)),
        variables=MappingProxyType(dict(reader.variables)),
        default_goal=default or None,
        errors=tuple(reader.errors),
    )


def _recipe(reader: _Reader, number: int, text: str) -> None:
    if reader.current is None or not text.strip():
        return
    for name in reader.current:
        if name not in reader.targets:
            continue
        target = reader.targets[name]
        recipe = (*target.recipe, RecipeLine(text, number))
        reader.targets[name] = Target(name, target.line, target.prerequisites, recipe)


def _assign(reader: _Reader, number: int, body: str, match: re.Match[str]) -> None:
    name = match["name"]
    if "$" in name:
        name = reader.expand_now(name, number).strip()
        if not name or "$" in name:
            return
    op = match["op"]
    value = body[match.end() :].strip()
    old = reader.variables.get(name)
    if op == "?=":
        if old is None:
            reader.variables[name] = Variable(value, True, number)
    elif op == "!=":
        reader.variables[name] = Variable(None, False, number)
    elif op == "+=":
        if old is None:
            reader.variables[name] = Variable(value, True, number)
        elif old.value is not None:
            added = value if old.recursive else reader.expand_now(value, number)
            joined = f"{old.value} {added}" if old.value else added
            reader.variables[name] = Variable(joined, old.recursive, number)
    elif op == "=":
        reader.variables[name] = Variable(value, True, number)
    else:  # := ::= :::=
        reader.variables[name] = Variable(reader.expand_now(value, number), False, number)


def _rule(reader: _Reader, number: int, body: str, colon: int) -> None:
    names = reader.expand_now(body[:colon], number).split()
    rest = body[colon + 1 :]
    if rest.startswith(":"):
        rest = rest[1:]  # a double-colon rule
    if not names:
        reader.error(number, 1, "missing target before ':'")
        reader.current = None
        return
    if _ASSIGNMENT.match(rest.strip()) is not None:
        return  # a target-specific variable (`target: VAR := value`): the rule context stays
    recipe_text: str | None = None
    semicolon = rest.find(";")
    if semicolon >= 0:
        rest, recipe_text = rest[:semicolon], rest[semicolon + 1 :]
    prerequisites = [p for p in reader.expand_now(rest, number).split() if p != "|"]
    reader.current = names
    for name in names:
        if _SPECIAL.match(name):
            continue  # `.PHONY: setup` declares, it does not run setup first
        known = reader.targets.get(name)
        if known is None:
            reader.targets[name] = Target(name, number, tuple(prerequisites))
        else:
            joined = tuple(dict.fromkeys([*known.prerequisites, *prerequisites]))
            reader.targets[name] = Target(name, known.line, joined, known.recipe)
        if reader.default_goal is None and _may_be_default(name):
            reader.default_goal = name
    if recipe_text is not None and recipe_text.strip():
        _recipe(reader, number, recipe_text.strip())


def _may_be_default(name: str) -> bool:
    return "%" not in name and (not name.startswith(".") or "/" in name)


# --- expansion --------------------------------------------------------------------------------


def _unknown(name: str) -> str:
    """A word that stands for a value not knowable here (keeps shell words intact)."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:40] or "_"
    return "${" + cleaned + "}"


def _closing(text: str, start: int, opener: str) -> int:
    """Index of the bracket closing the one before `start`, counting nesting; -1 if none."""
    closer = ")" if opener == "(" else "}"
    depth = 1
    for index in range(start, len(text)):
        char = text[index]
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return index
    return -1


def expand(
    text: str,
    lookup: Callable[[str], str | None],
    *,
    on_error: Callable[[str], None] | None = None,
) -> str:
    """`text` with make's variable references replaced; `lookup` gives a variable's (raw,
    to be expanded again) value or None when unknown. `$$` becomes `$`. Bounded: past
    `MAX_EXPANSION` characters or `MAX_REFERENCES` references the rest is unknown."""
    return _Expansion(lookup, on_error).expand(text, 0)


@dataclass
class _Expansion:
    """One expansion: how it looks variables up and reports errors, and the work left to it
    (characters produced, references followed)."""

    lookup: Callable[[str], str | None]
    on_error: Callable[[str], None] | None
    chars: int = MAX_EXPANSION
    references: int = MAX_REFERENCES

    def expand(self, text: str, depth: int) -> str:
        out: list[str] = []
        index = 0
        while index < len(text):
            dollar = text.find("$", index)
            literal = text[index:] if dollar < 0 else text[index:dollar]
            self.chars -= len(literal)
            if self.chars < 0:
                out.append(_unknown("too-long"))
                break
            out.append(literal)
            if dollar < 0:
                break
            if dollar + 1 >= len(text):
                out.append("$")
                break
            char = text[dollar + 1]
            if char == "$":
                out.append("$")
                index = dollar + 2
                continue
            if char in "({":
                close = _closing(text, dollar + 2, char)
                if close < 0:
                    if self.on_error is not None:
                        self.on_error("unterminated variable reference")
                    out.append(_unknown(text[dollar + 2 :]))
                    break
                inner = text[dollar + 2 : close]
                index = close + 1
            else:
                inner = char
                index = dollar + 2
            self.references -= 1
            if self.references < 0 or self.chars < 0:
                out.append(_unknown("too-long"))
                break
            out.append(self.reference(inner, depth))
        return "".join(out)

    def reference(self, inner: str, depth: int) -> str:
        if depth >= MAX_DEPTH:
            return _unknown(inner)
        if any(ch in inner for ch in " \t,:="):
            return _unknown(inner.split(None, 1)[0] if inner.strip() else inner)  # a function
        name = self.expand(inner, depth + 1) if "$" in inner else inner
        value = self.lookup(name)
        if value is None:
            return _unknown(name)
        return self.expand(value, depth + 1)


# --- what a goal installs ---------------------------------------------------------------------


def installs(
    makefile: Makefile, goal: str = "", overrides: tuple[tuple[str, str], ...] = ()
) -> tuple[MakeInstall, ...]:
    """The files ``make goal`` installs (``""``: the default goal), prerequisites first."""
    name = goal or makefile.default_goal
    if not name:
        return ()
    found: list[MakeInstall] = []
    _run(makefile, name, dict(overrides), set(), found, 0)
    unique: dict[str, MakeInstall] = {}
    for item in found:
        unique.setdefault(item.path, item)
    return tuple(unique.values())


def installs_by_target(makefile: Makefile) -> dict[str, tuple[MakeInstall, ...]]:
    """Every target that installs something, and what `make <target>` installs."""
    out: dict[str, tuple[MakeInstall, ...]] = {}
    for name in makefile.targets:
        found = installs(makefile, name)
        if found:
            out[name] = found
    return out


def _run(
    makefile: Makefile,
    name: str,
    overrides: dict[str, str],
    done: set[str],
    found: list[MakeInstall],
    depth: int,
) -> None:
    target = makefile.targets.get(name)
    if target is None or name in done or depth > MAX_DEPTH:
        return
    done.add(name)
    for prerequisite in target.prerequisites:
        _run(makefile, prerequisite, overrides, done, found, depth + 1)

    automatic = {
        "@": name,
        "<": target.prerequisites[0] if target.prerequisites else "",
        "^": " ".join(target.prerequisites),
    }

    def lookup(variable: str) -> str | None:
        if variable in automatic:
            return automatic[variable].replace("$", "$$")
        if variable in overrides:
            return overrides[variable]
        known = makefile.variables.get(variable)
        if known is not None:
            if known.value is None:
                return None
            return known.value if known.recursive else known.value.replace("$", "$$")
        return "make" if variable == "MAKE" else None

    for line in target.recipe:
        text = expand(line.text, lookup).lstrip().lstrip("@-+").lstrip()
        folder = ""
        for words in split_commands(text):
            stripped = strip_prefix(words)
            if stripped and stripped[0].value == "cd":
                where = stripped[1].value if len(stripped) > 1 else ""
                if not where or "$" in where or where.startswith(("/", "~")):
                    break  # a folder not knowable here: the rest of the line is skipped
                folder = posixpath.normpath(posixpath.join(folder, where)).removeprefix(".")
                continue
            call = make_call(words)
            if call is not None:
                if not call.directory and call.makefile is None and not folder:
                    sub = dict(overrides) | dict(call.overrides)
                    for goal in call.goals or (makefile.default_goal or "",):
                        _run(makefile, goal, sub, done, found, depth + 1)
                continue
            for path in installed_files(words, folder, _known):
                found.append(MakeInstall(path, name, line.line, line.text))


def _known(text: str, single_quoted: bool) -> str | None:
    """Shell words as the recipe gives them; None when one still holds a `$` (unknown)."""
    del single_quoted
    return None if "$" in text else text
