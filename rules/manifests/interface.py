"""The one small interface every format parser implements."""

from __future__ import annotations

from typing import Protocol

from rules.manifests.model import FileKind, ManifestFile


class Parser(Protocol):
    """Turns the text of one file into a `ManifestFile`. Never raises on bad input."""

    kind: FileKind

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse `text` (already decoded, see `rules.manifests.text`) found at `path`."""
        ...
