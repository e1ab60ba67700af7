"""A remote wheel (or any zip) read as a file through HTTP Range requests, shared by the index
readers (scripts/kb_from_index.py, scripts/numpy_caps_from_index.py,
scripts/numpy2_abi_from_index.py). Each reader brings its own `Fetch` (its HTTP client, retries
and headers); only the zip directory and the members asked for are transferred.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

#: Reads bytes [start, end) of the artefact.
Fetch = Callable[[int, int], bytes]

_BLOCK = 1 << 16


class RangeFile(io.RawIOBase):
    """A read-only, seekable view of a remote file of `size` bytes read through `fetch`: short
    reads go through cached 64 KiB blocks (the zip's end records, local headers), a longer one
    is one request (the central directory, a member's bytes)."""

    def __init__(self, fetch: Fetch, size: int) -> None:
        self.fetch, self.size, self.pos = fetch, size, 0
        self.blocks: dict[int, bytes] = {}

    def seekable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self.pos, 2: self.size}[whence]
        self.pos = max(0, base + offset)
        return self.pos

    def _block(self, number: int) -> bytes:
        if number not in self.blocks:
            start = number * _BLOCK
            self.blocks[number] = self.fetch(start, min(self.size, start + _BLOCK))
        return self.blocks[number]

    def read(self, size: int | None = -1) -> bytes:
        end = self.size if size is None or size < 0 else min(self.size, self.pos + size)
        if end - self.pos > _BLOCK:
            data = self.fetch(self.pos, end)
            self.pos += len(data)
            return data
        out = bytearray()
        while self.pos < end:
            block = self._block(self.pos // _BLOCK)
            offset = self.pos % _BLOCK
            chunk = block[offset : offset + end - self.pos]
            if not chunk:
                break
            out += chunk
            self.pos += len(chunk)
        return bytes(out)

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def open_zip(fetch: Fetch, size: int) -> zipfile.ZipFile:
    """The remote zip of `size` bytes (reading its central directory)."""
    return zipfile.ZipFile(RangeFile(fetch, size))


def is_metadata(name: str) -> bool:
    """The wheel's own METADATA (in its top-level ``.dist-info`` folder)."""
    return name.endswith(".dist-info/METADATA") and name.count("/") == 1


def wheel_member(fetch: Fetch, size: int, wanted: Callable[[str], bool]) -> str | None:
    """The text of the first member of a remote wheel whose name is `wanted` (None: none is)."""
    with open_zip(fetch, size) as wheel:
        for name in wheel.namelist():
            if wanted(name):
                return wheel.read(name).decode("utf-8", "replace")
    return None
