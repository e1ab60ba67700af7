"""One verified webhook delivery and typed access to the few payload fields we route on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypedDict, TypeVar

_T = TypeVar("_T", int, str)
#: How a PayloadError names the type a field must have.
_KINDS: dict[type, str] = {int: "an integer", str: "a string"}


class PayloadError(ValueError):
    """A payload lacks a field the route needs, or the field has the wrong type."""

    def diagnostics(self) -> str:
        """A one-line explanation for the 400 answer."""
        return str(self)


class RepoTaskIds(TypedDict):
    """The ids a task about one repository carries (core/contract.py), as keyword arguments."""

    installation_id: int
    repo_full_name: str
    delivery_id: str


@dataclass(frozen=True, slots=True)
class Event:
    """A verified delivery: event name, action (may be empty), delivery id and the JSON body."""

    name: str
    delivery_id: str
    payload: Mapping[str, Any]

    @property
    def action(self) -> str:
        """The body's `action` ("" for events without one, such as `ping` and `push`)."""
        action = self.payload.get("action")
        return action if isinstance(action, str) else ""

    def get(self, *path: str) -> Any:
        """The value at `path` in the payload, or None when any step is missing."""
        node: Any = self.payload
        for key in path:
            if not isinstance(node, Mapping):
                return None
            node = node.get(key)
        return node

    def int_at(self, *path: str) -> int:
        """The integer at `path`; PayloadError when missing or not an integer."""
        value = self.get(*path)
        if isinstance(value, bool) or not isinstance(value, int):
            raise PayloadError(f"{self.name}: payload field {'.'.join(path)} must be an integer")
        return value

    def str_at(self, *path: str) -> str:
        """The non-empty string at `path`; PayloadError when missing or not a string."""
        value = self.get(*path)
        if not isinstance(value, str) or not value:
            raise PayloadError(f"{self.name}: payload field {'.'.join(path)} must be a string")
        return value

    def installation_id(self) -> int:
        """The App installation the delivery belongs to."""
        return self.int_at("installation", "id")

    def repo_full_name(self) -> str:
        """`owner/name` of the repository the delivery is about."""
        return self.str_at("repository", "full_name")

    def repo_task_ids(self) -> RepoTaskIds:
        """The installation, repository and delivery of a task about the delivery's repository
        (`Spec(**event.repo_task_ids(), ...)`); PayloadError when the payload lacks one."""
        return RepoTaskIds(
            installation_id=self.installation_id(),
            repo_full_name=self.repo_full_name(),
            delivery_id=self.delivery_id,
        )

    def pr_numbers(self, *path: str) -> tuple[int, ...]:
        """PR numbers from a `pull_requests` list at `path` (check runs and suites)."""
        return self.field_of_each(path, "number", int)

    def field_of_each(self, path: tuple[str, ...], field: str, kind: type[_T]) -> tuple[_T, ...]:
        """`field` of every object in the list at `path` (() when the list is absent);
        PayloadError when it is not a list or an item's `field` is not a `kind`."""
        where = ".".join(path)
        items = self.get(*path)
        if items is None:
            return ()
        if not isinstance(items, list):
            raise PayloadError(f"{self.name}: payload field {where} must be a list")
        values: list[_T] = []
        for item in items:
            value = item.get(field) if isinstance(item, Mapping) else None
            if isinstance(value, bool) or not isinstance(value, kind):
                raise PayloadError(f"{self.name}: {where}[].{field} must be {_KINDS[kind]}")
            values.append(value)
        return tuple(values)
