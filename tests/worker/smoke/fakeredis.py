"""A small in-memory stand-in for the Redis commands the smoke code uses, with a fake clock."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator
from typing import Any


class FakeRedis:
    """SET (with EX), GET, DEL, SCAN, MGET; keys expire against `now`, advanced by tests."""

    def __init__(self) -> None:
        self.now = 0.0
        self._data: dict[str, tuple[str, float | None]] = {}

    def _live(self, key: str) -> str | None:
        item = self._data.get(key)
        if item is None:
            return None
        value, expires = item
        if expires is not None and self.now >= expires:
            del self._data[key]
            return None
        return value

    def set(self, name: str, value: str, ex: int | None = None) -> bool:
        self._data[name] = (value, None if ex is None else self.now + ex)
        return True

    def get(self, name: str) -> Any:
        value = self._live(name)
        return None if value is None else value.encode()

    def delete(self, *names: str) -> int:
        return sum(1 for n in names if self._data.pop(n, None) is not None)

    def scan_iter(self, match: str | None = None, count: int | None = None) -> Iterator[Any]:
        for key in list(self._data):
            if self._live(key) is not None and (match is None or fnmatch.fnmatchcase(key, match)):
                yield key.encode()

    def mget(self, keys: Iterable[str], *args: str) -> Any:
        return [self.get(k) for k in [*keys, *args]]
