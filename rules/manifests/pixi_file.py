"""``pixi.toml``: a pixi workspace file (read by `rules.manifests.pixi`)."""

from __future__ import annotations

from rules.manifests.errors import parse_error
from rules.manifests.model import FileKind, ManifestFile, ManifestParts
from rules.manifests.pixi import read_pixi
from rules.manifests.text import split_lines
from rules.manifests.tomlspans import TomlLocator, load_toml


class PixiParser:
    """``pixi.toml`` files."""

    kind = FileKind.PIXI

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse one pixi.toml; TOML errors become one located parse error."""
        data, error = load_toml(path, text)
        if data is None:
            return ManifestFile(path, self.kind, errors=(error,) if error else ())
        lines = split_lines(text)
        parts = ManifestParts()
        try:
            parts.extend(read_pixi(path, lines, TomlLocator(lines), data, ()))
        except Exception as exc:  # a parser never raises; this is a bug, reported as one
            parts.errors.append(parse_error(path, 1, 1, f"internal parser error: {exc!r}"))
        return parts.manifest_file(path, self.kind)
