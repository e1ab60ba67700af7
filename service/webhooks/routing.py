"""A small route table on `(event, action)`, composable from per-module tables (bedevere style)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeAlias

from core.contract import TaskSpec
from service.webhooks.event import Event
from service.webhooks.projection import Fields, merge

Handler: TypeAlias = Callable[[Event], TaskSpec | None]
"""A pure function from a delivery to the task to enqueue (None: nothing to do)."""


class Router:
    """Maps `(event, action)` to handlers; `Router(a, b)` composes the tables of `a` and `b`."""

    def __init__(self, *others: Router) -> None:
        self._routes: dict[tuple[str, str], list[Handler]] = {}
        self._reads: dict[str, Fields | None] = {}
        for other in others:
            for key, handlers in other._routes.items():
                self._routes.setdefault(key, []).extend(handlers)
            for event in {event for event, _ in other._routes} | set(other._reads):
                self._reads[event] = merge(self._reads.get(event, {}), other.fields(event))

    def reads(self, event: str, fields: Fields) -> None:
        """Declare every payload field this router's handlers for `event` read (see `fields`)."""
        self._reads[event] = merge(self._reads.get(event, {}), fields)

    def fields(self, event: str) -> Fields | None:
        """What the handlers for `event` read; None (the whole payload) unless all declared it.

        A handler registered in a router that did not declare `reads` for its event makes the
        endpoint parse that event's whole payload, so an undeclared read never sees None.
        """
        handled = any(name == event for name, _ in self._routes)
        if handled and event not in self._reads:
            return None
        return self._reads.get(event, {})

    def register(self, event: str, *actions: str) -> Callable[[Handler], Handler]:
        """Decorator: call the handler for `event` with any of `actions` (none: no action)."""

        def add(handler: Handler) -> Handler:
            for action in actions or ("",):
                self._routes.setdefault((event, action), []).append(handler)
            return handler

        return add

    def routes(self) -> Iterator[tuple[str, str]]:
        """Every `(event, action)` pair with at least one handler, sorted."""
        return iter(sorted(self._routes))

    def dispatch(self, event: Event) -> list[TaskSpec]:
        """The tasks the handlers for this delivery ask for, in registration order."""
        tasks = []
        for handler in self._routes.get((event.name, event.action), ()):
            task = handler(event)
            if task is not None:
                tasks.append(task)
        return tasks
