"""YAML read as composed nodes: every scalar stays a string, every node keeps its line."""

from __future__ import annotations

import yaml

from rules.findings import Finding
from rules.manifests.errors import parse_error

#: Most nodes a parser may visit in one document (aliases can make a small text huge).
NODE_BUDGET = 500_000


#: libyaml's loader when PyYAML was built with it (several times faster), else the Python one.
_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)


class BudgetExceeded(Exception):
    """Raised inside a parser when a document asks for more work than `NODE_BUDGET`."""


class Walker:
    """Typed access to composed YAML nodes, counting visits against a budget."""

    def __init__(self, budget: int = NODE_BUDGET) -> None:
        self.left = budget

    def _spend(self, count: int = 1) -> None:
        self.left -= count
        if self.left < 0:
            raise BudgetExceeded

    def mapping(self, node: yaml.Node | None) -> list[tuple[yaml.Node, yaml.Node]]:
        """The (key, value) pairs of a mapping node; [] for anything else."""
        if isinstance(node, yaml.MappingNode):
            self._spend(len(node.value) + 1)
            return list(node.value)
        return []

    def sequence(self, node: yaml.Node | None) -> list[yaml.Node]:
        """The items of a sequence node; [] for anything else."""
        if isinstance(node, yaml.SequenceNode):
            self._spend(len(node.value) + 1)
            return list(node.value)
        return []

    def items(self, node: yaml.Node | None) -> list[yaml.Node]:
        """A key that takes a list or one value (``python: [3.6, 3.7]`` / ``python: 3.6``):
        the sequence's items, else the node itself; [] for None."""
        return self.sequence(node) or ([node] if node is not None else [])

    def get(self, node: yaml.Node | None, key: str) -> yaml.Node | None:
        """The value of `key` in a mapping node, or None."""
        for knode, vnode in self.mapping(node):
            if isinstance(knode, yaml.ScalarNode) and knode.value == key:
                return vnode
        return None

    def key(self, node: yaml.Node | None, key: str) -> yaml.Node | None:
        """The key node of `key` in a mapping node (where the entry starts), or None."""
        for knode, _ in self.mapping(node):
            if isinstance(knode, yaml.ScalarNode) and knode.value == key:
                return knode
        return None

    def scalar(self, node: yaml.Node | None) -> str | None:
        """A scalar's text exactly as written (``2.0`` stays ``2.0``); None for non-scalars."""
        if isinstance(node, yaml.ScalarNode):
            self._spend()
            value = node.value
            return value if isinstance(value, str) else str(value)
        return None


def position(node: yaml.Node) -> tuple[int, int]:
    """1-based (line, column) where a node starts."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def compose(path: str, text: str) -> tuple[yaml.Node | None, Finding | None]:
    """Compose one YAML document into nodes; a located `parse-error` instead of raising."""
    lines = text.split("\n")
    try:
        return yaml.compose(text, Loader=_LOADER), None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = min(mark.line + 1, max(1, len(lines))) if mark else 1
        column = mark.column + 1 if mark else 1
        problem = exc.problem or exc.context or "invalid YAML"
        current = lines[line - 1] if line <= len(lines) else ""
        return None, parse_error(path, line, column, f"invalid YAML: {problem}", current)
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        return None, parse_error(path, 1, 1, f"invalid YAML: {type(exc).__name__}")
