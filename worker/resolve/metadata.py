"""Requires-Dist of resolved packages from wheels already on disk: local indexes, uv's cache.

No network: a wheel is read when uv resolved it from a `file://` index or find-links
directory (the path is in uv.lock, or found in the index folder), or when uv unpacked it
into its cache (`archive-v0/*/<name>-<version>.dist-info/METADATA`). Packages from remote
indexes whose wheel was never unpacked have no metadata here and are not checked.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Mapping, Sequence
from email.parser import HeaderParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from packaging.utils import canonicalize_name

_MAX_METADATA = 4 * 1024 * 1024


def requires_dist(metadata: str) -> tuple[str, ...]:
    """The Requires-Dist lines of a METADATA text."""
    message = HeaderParser().parsestr(metadata, headersonly=True)
    return tuple(str(value) for value in message.get_all("Requires-Dist") or ())


def _escaped(name: str) -> str:
    return canonicalize_name(name).replace("-", "_")


def wheel_metadata(path: Path) -> str | None:
    """The METADATA text inside a wheel, or None when it cannot be read."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                parts = info.filename.split("/")
                if len(parts) == 2 and parts[0].endswith(".dist-info") and parts[1] == "METADATA":
                    if info.file_size > _MAX_METADATA:
                        return None
                    return archive.read(info).decode("utf-8", "replace")
    except (OSError, zipfile.BadZipFile):
        return None
    return None


def local_path(location: str) -> Path | None:
    """A filesystem path for a `file://` URL or a plain path; None for remote URLs."""
    if location.startswith("file://"):
        return Path(unquote(urlsplit(location).path))
    if "://" in location:
        return None
    return Path(location)


def _candidates(name: str, version: str, folders: Sequence[Path]) -> Iterable[Path]:
    stem = f"{_escaped(name)}-{version}-"
    for folder in folders:
        for where in (folder / canonicalize_name(name), folder):
            if where.is_dir():
                yield from sorted(p for p in where.glob("*.whl") if p.name.lower().startswith(stem))


def _cached(name: str, version: str, cache_dir: Path | None) -> str | None:
    if cache_dir is None:
        return None
    dist_info = f"{_escaped(name)}-{version}.dist-info"
    for archive in sorted(cache_dir.glob("archive-v*/*")):
        metadata = archive / dist_info / "METADATA"
        if metadata.is_file():
            return metadata.read_text(encoding="utf-8", errors="replace")
    return None


def requires_of(
    pins: Mapping[str, str],
    *,
    wheels: Mapping[str, Sequence[str]] | None = None,
    index_urls: Sequence[str] = (),
    cache_dir: Path | None = None,
) -> dict[str, tuple[str, ...]]:
    """Requires-Dist of every pin whose wheel (or unpacked metadata) is on disk."""
    folders = [p for url in index_urls if (p := local_path(url)) is not None and p.is_dir()]
    found: dict[str, tuple[str, ...]] = {}
    for name, version in pins.items():
        text = None
        for location in (wheels or {}).get(name, ()):
            path = local_path(location)
            if path is not None and path.is_file() and (text := wheel_metadata(path)):
                break
        if text is None:
            text = next(
                (t for p in _candidates(name, version, folders) if (t := wheel_metadata(p))), None
            )
        if text is None:
            text = _cached(name, version, cache_dir)
        if text is not None:
            found[name] = requires_dist(text)
    return found
