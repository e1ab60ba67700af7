"""GitHub Actions ``if:`` conditions, evaluated as far as a workflow's text knows them (pure).

`evaluate` reads the expression language's literals (``'text'``, numbers, ``true``,
``false``, ``null``), context references, ``!``, ``==``, ``!=``, ``<``, ``<=``, ``>``,
``>=``, ``&&``, ``||``, parentheses and the functions ``contains``, ``startsWith``,
``endsWith``, ``success``, ``always`` (true), ``failure``, ``cancelled`` (false). Strings
compare case-insensitively and a number next to a string compares as numbers, as GitHub's
loose equality does. A reference the caller cannot resolve (``github.event_name``,
``steps.x.outputs.y``), any other function, or text that does not parse makes the answer
unknown (None) unless the rest decides it (``false && x``, ``true || x``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: A value: str, float, bool, None (null), or `UNKNOWN`.
Value = object
#: Resolves a context reference (``matrix.python-version``, ``runner.os``).
Resolve = Callable[[str], Value]


class _Unknown:
    """A value the workflow's text does not determine."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Value = _Unknown()
#: Longest condition read (longer ones are unknown).
MAX_LENGTH = 2_000

_TOKEN = re.compile(
    r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"|(?P<op>==|!=|<=|>=|&&|\|\||[!<>(),])"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_*-]+|\[[^\]]*\])*))"
)
_WRAPPED = re.compile(r"^\s*\$\{\{(.*)\}\}\s*$", re.DOTALL)


class _Syntax(Exception):
    """The condition does not parse."""


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    index = 0
    while index < len(text):
        if text[index:].strip() == "":
            break
        match = _TOKEN.match(text, index)
        if match is None or match.end() == index:
            raise _Syntax
        kind = match.lastgroup
        assert kind is not None
        out.append((kind, match.group(kind)))
        index = match.end()
    return out


def _number(value: Value) -> float | None:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if value is None:
        return 0.0
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text == "":
            return 0.0
        try:
            return float(text)
        except ValueError:
            return None
    return None


def _equal(left: Value, right: Value) -> Value:
    if left is UNKNOWN or right is UNKNOWN:
        return UNKNOWN
    if isinstance(left, str) and isinstance(right, str):
        return left.casefold() == right.casefold()
    if type(left) is type(right):
        return left == right
    a, b = _number(left), _number(right)
    return a is not None and b is not None and a == b


def _truthy(value: Value) -> Value:
    if value is UNKNOWN:
        return UNKNOWN
    if value is None or value is False:
        return False
    if isinstance(value, float):
        return value != 0
    if isinstance(value, str):
        return value != ""
    return True


def _compare(op: str, left: Value, right: Value) -> Value:
    if left is UNKNOWN or right is UNKNOWN:
        return UNKNOWN
    if op == "==":
        return _equal(left, right)
    if op == "!=":
        same = _equal(left, right)
        return UNKNOWN if same is UNKNOWN else not same
    if isinstance(left, str) and isinstance(right, str):
        a: object = left.casefold()
        b: object = right.casefold()
    else:
        a, b = _number(left), _number(right)
        if a is None or b is None:
            return False
    assert isinstance(a, str | float) and isinstance(b, str | float)
    if op == "<":
        return a < b  # type: ignore[operator]
    if op == "<=":
        return a <= b  # type: ignore[operator]
    if op == ">":
        return a > b  # type: ignore[operator]
    return a >= b  # type: ignore[operator]


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], resolve: Resolve) -> None:
        self.tokens = tokens
        self.at = 0
        self.resolve = resolve

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1] != value):
            raise _Syntax
        self.at += 1
        return token

    def expression(self) -> Value:
        return self.chain("||", self.conjunction, decides=True)

    def conjunction(self) -> Value:
        return self.chain("&&", self.comparison, decides=False)

    def chain(self, op: str, operand: Callable[[], Value], decides: bool) -> Value:
        """`a op b op …` left to right, as GitHub does: a left operand whose truth is `decides`
        is the result, one of the other truth gives the right operand; an unknown one still
        decides when the right operand's truth is `decides` (``x || true``, ``x && false``)."""
        left = operand()
        while (token := self.peek()) is not None and token[1] == op:
            self.take()
            right = operand()
            lt, rt = _truthy(left), _truthy(right)
            if lt is decides:
                continue
            if lt is not UNKNOWN:
                left = right
            elif rt is decides:
                left = right if decides else False
            else:
                left = UNKNOWN
        return left

    def comparison(self) -> Value:
        left = self.unary()
        while (token := self.peek()) is not None and token[1] in {
            "==", "!=", "<", "<=", ">", ">=",
        }:  # fmt: skip
            self.take()
            left = _compare(token[1], left, self.unary())
        return left

    def unary(self) -> Value:
        token = self.peek()
        if token is not None and token[1] == "!":
            self.take()
            value = _truthy(self.unary())
            return UNKNOWN if value is UNKNOWN else not value
        return self.primary()

    def primary(self) -> Value:
        kind, text = self.take()
        if kind == "string":
            return text[1:-1].replace("''", "'")
        if kind == "number":
            return float(text)
        if kind == "op":
            if text != "(":
                raise _Syntax
            value = self.expression()
            self.take(")")
            return value
        lowered = text.lower()
        if lowered in {"true", "false"}:
            return lowered == "true"
        if lowered == "null":
            return None
        token = self.peek()
        if token is not None and token[1] == "(":
            return self.call(lowered)
        return self.resolve(text)

    def call(self, name: str) -> Value:
        self.take("(")
        args: list[Value] = []
        while (token := self.peek()) is not None and token[1] != ")":
            args.append(self.expression())
            if (token := self.peek()) is not None and token[1] == ",":
                self.take()
        self.take(")")
        if name in {"success", "always"}:
            return True
        if name in {"failure", "cancelled"}:
            return False
        if name in {"contains", "startswith", "endswith"} and len(args) == 2:
            hay, needle = args
            if any(a is UNKNOWN for a in args):
                return UNKNOWN
            if not isinstance(hay, str) or not isinstance(needle, str):
                return UNKNOWN
            h, n = hay.casefold(), needle.casefold()
            if name == "contains":
                return n in h
            return h.startswith(n) if name == "startswith" else h.endswith(n)
        return UNKNOWN


def evaluate(condition: str, resolve: Resolve) -> bool | None:
    """Whether an ``if:`` condition holds (None: not known from the workflow's text)."""
    if len(condition) > MAX_LENGTH:
        return None
    wrapped = _WRAPPED.match(condition)
    text = wrapped.group(1) if wrapped else condition
    if "${{" in text:
        return None
    try:
        tokens = _tokens(text)
        if not tokens:
            return None
        parser = _Parser(tokens, resolve)
        value = parser.expression()
        if parser.peek() is not None:
            return None
    except (_Syntax, RecursionError):
        return None
    truth = _truthy(value)
    return None if truth is UNKNOWN else bool(truth)
