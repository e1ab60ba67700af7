"""A bounded, thread-safe memo of per-file parse results, so identical files parse once.

A parsed file is a pure function of its path, its kind and its content (parsers take no
other context), and every result is immutable (frozen dataclasses and tuples), so head
can reuse base's work within a review, and later reviews of the same repository reuse
both. Entries are keyed by (path, kind, content type, SHA-256 of the content) and bounded
by the total size of the source they came from; least recently used entries go first.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

#: Most source bytes whose parse results are kept (parsed objects take several times more).
MAX_CACHE_BYTES = 8 * 1024 * 1024
#: Files larger than this are parsed every time (they would crowd out everything else).
MAX_ENTRY_BYTES = MAX_CACHE_BYTES // 4

T = TypeVar("T")
Key = tuple[str, str, bool, bytes]


class FileCache:
    """LRU memo of `compute()` results keyed by a file's path, kind and content."""

    def __init__(self, max_bytes: int = MAX_CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Key, tuple[object, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, path: str, kind: str, data: str | bytes, compute: Callable[[], T]) -> T:
        """The cached result for this file, or `compute()` (stored when small enough)."""
        raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
        size = len(raw)
        if size > min(MAX_ENTRY_BYTES, self.max_bytes):
            self.misses += 1
            return compute()
        key: Key = (path, kind, isinstance(data, bytes), hashlib.sha256(raw).digest())
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return found[0]  # type: ignore[return-value]
        result = compute()
        with self._lock:
            self.misses += 1
            if key not in self._entries:
                self._entries[key] = (result, size)
                self._bytes += size
                while self._bytes > self.max_bytes and self._entries:
                    _, (_, dropped) = self._entries.popitem(last=False)
                    self._bytes -= dropped
        return result

    def clear(self) -> None:
        """Forget every entry and reset the counters."""
        with self._lock:
            self._entries.clear()
            self._bytes = 0
            self.hits = 0
            self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size_bytes(self) -> int:
        """Source bytes currently represented in the cache."""
        return self._bytes
