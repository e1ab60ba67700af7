"""Read the package index and record what the knowledge base needs from it (with provenance).

Usage: python scripts/kb_from_index.py [--index-url URL] [--package torch ...]
       [--out tests/fixtures/compat/pypi_index.json]

The index URL comes from --index-url, else UV_INDEX_URL, else PIP_INDEX_URL (a PEP 691 simple
API, e.g. ``https://<host>/simple``). For every final release of each package the script keeps
the names of its files (wheel tags give Python and platform availability) and, from one
representative wheel (manylinux x86_64 first, then any Linux wheel, then a pure-Python wheel),
the ``Requires-Python`` and ``Requires-Dist`` lines of its METADATA. The METADATA is read from
``<file url>.metadata`` (PEP 658/714) when the index serves it, else from the wheel itself with
HTTP Range requests (only the zip directory and the METADATA member are transferred). For torch
wheels without CUDA pins (torch <= 1.12 embeds its CUDA runtime) the wheel's ``torch/version.py``
is read the same way for its ``cuda = '...'`` line.

The output is a source file for ``scripts/regen_kb.py``: ``scripts/kb_build.py`` (pure) turns the
records into KB facts, each naming the wheel file and the metadata line it rests on. Then run
``python scripts/regen_kb.py tests/fixtures/compat`` and review the diff of ``rules/kb/data``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import threading
import time
import urllib.error
from email.message import Message
from email.parser import HeaderParser
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx
from packaging.utils import parse_sdist_filename, parse_wheel_filename
from packaging.version import InvalidVersion, Version

from scripts._remote_wheel import Fetch, is_metadata, wheel_member
from scripts.kb_build import INDEX_PACKAGES

_ACCEPT = "application/vnd.pypi.simple.v1+json"
_UA = "depreview-kb-builder"
_TIMEOUT = 60
_RETRIES = 3


#: One keep-alive client per thread: a fresh TLS connection per request cost most of a run's
#: CPU (about 50 ms each, thousands of metadata files per hundred projects).
_CLIENTS = threading.local()


def _client() -> httpx.Client:
    client: httpx.Client | None = getattr(_CLIENTS, "client", None)
    if client is None:
        client = httpx.Client(follow_redirects=True, timeout=_TIMEOUT, trust_env=True)
        _CLIENTS.client = client
    return client


def _get(url: str, accept: str | None = None, byte_range: str | None = None) -> bytes:
    """The body of `url`; an HTTP error status raises `urllib.error.HTTPError` (404 at once,
    others after the retries), so that callers tell a missing file from a failing index."""
    headers = {"User-Agent": _UA}
    if accept:
        headers["Accept"] = accept
    if byte_range:
        headers["Range"] = byte_range
    last: Exception | None = None
    for attempt in range(_RETRIES):
        try:
            response = _client().get(url, headers=headers)
        except httpx.HTTPError as exc:
            last = exc
        else:
            if response.status_code < 400:
                return response.content
            error = urllib.error.HTTPError(
                url, response.status_code, response.reason_phrase, Message(), None
            )
            if response.status_code == 404:
                raise error
            last = error
        time.sleep(2**attempt)
    if isinstance(last, urllib.error.HTTPError):
        raise last
    raise RuntimeError(f"cannot read {url}: {last}")


def _fetch(url: str) -> Fetch:
    def fetch(start: int, end: int) -> bytes:
        return _get(url, byte_range=f"bytes={start}-{end - 1}")

    return fetch


def _metadata(file: dict[str, Any]) -> tuple[str, str]:
    """The METADATA text of a wheel and how it was read."""
    try:
        return _get(file["url"] + ".metadata").decode("utf-8", "replace"), "metadata file"
    except urllib.error.HTTPError:
        text = wheel_member(_fetch(file["url"]), int(file["size"]), is_metadata)
        if text is None:
            raise RuntimeError(f"{file['filename']}: no METADATA in the wheel") from None
        return text, "wheel METADATA (range read)"


def _representative(files: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The wheel whose metadata stands for the release on Linux x86_64."""

    def rank(file: dict[str, Any]) -> tuple[int, str]:
        name = file["filename"]
        if "manylinux" in name and name.endswith("x86_64.whl"):
            return 0, name
        if "linux_x86_64" in name:
            return 1, name
        if name.endswith("-none-any.whl"):
            return 2, name
        return 9, name

    wheels = [f for f in files if f["filename"].endswith(".whl") and not f.get("yanked")]
    best = sorted(wheels, key=rank)
    return best[0] if best and rank(best[0])[0] < 9 else None


def _record(package: str, version: str, files: list[dict[str, Any]]) -> dict[str, Any]:
    chosen = _representative(files)
    record: dict[str, Any] = {
        "files": sorted(f["filename"] for f in files),
        "upload_time": min((f.get("upload-time") or "" for f in files), default="") or None,
    }
    if chosen is None:
        return record
    text, how = _metadata(chosen)
    headers = HeaderParser().parsestr(text)
    record["metadata_file"] = chosen["filename"]
    record["metadata_read"] = how
    record["requires_python"] = headers.get("Requires-Python")
    record["requires_dist"] = list(headers.get_all("Requires-Dist") or [])
    if package == "torch" and not any(
        re.match(r"(nvidia-|cuda-toolkit)", r) for r in record["requires_dist"]
    ):
        version_py = wheel_member(
            _fetch(chosen["url"]), int(chosen["size"]), lambda name: name == "torch/version.py"
        )
        if version_py is not None:
            record["version_py_file"] = chosen["filename"]
            record["version_py"] = [
                line.strip()
                for line in version_py.splitlines()
                if re.match(r"\s*(cuda|__version__|git_version)\s*[:=]", line)
            ]
    return record


def _final(version: str) -> Version | None:
    try:
        parsed = Version(version)
    except InvalidVersion:
        return None
    return None if parsed.is_prerelease or parsed.is_devrelease else parsed


def _version_of(filename: str) -> str | None:
    """The version a wheel or sdist file name states (hyphenated sdist names included)."""
    try:
        if filename.endswith(".whl"):
            return str(parse_wheel_filename(filename)[1])
        if filename.endswith((".tar.gz", ".zip")):
            return str(parse_sdist_filename(filename)[1])
    except ValueError:
        return None
    return None


def files_by_version(
    index_url: str, package: str, since: Version
) -> dict[str, list[dict[str, Any]]]:
    """The index's files of `package` (PEP 691 JSON) grouped by final release, from `since` on."""
    page = json.loads(_get(f"{index_url.rstrip('/')}/{package}/", accept=_ACCEPT))
    by_version: dict[str, list[dict[str, Any]]] = {}
    for file in page["files"]:
        version = _version_of(file["filename"])
        parsed = _final(version) if version else None
        if parsed is not None and parsed >= since:
            by_version.setdefault(str(parsed), []).append(file)
    return by_version


def read_package(
    index_url: str, package: str, since: Version, known: dict[str, Any]
) -> dict[str, Any]:
    """Records for every final release of `package` from `since` on (reusing `known` ones)."""
    by_version = files_by_version(index_url, package, since)
    out: dict[str, Any] = {}
    for version in sorted(by_version, key=Version):
        files = by_version[version]
        old = known.get(version)
        if old is not None and old.get("files") == sorted(f["filename"] for f in files):
            out[version] = old
            continue
        print(f"{package} {version}", file=sys.stderr)
        out[version] = _record(package, version, files)
    return out


def _sources(previous: dict[str, Any], read: list[str], today: str) -> list[dict[str, Any]]:
    """The source entries: this run's (naming the packages it read) and the earlier runs' for
    the packages it did not read again (an entry without `packages` covered every package
    the file then held)."""
    entries = []
    for entry in previous.get("source", []):
        covered = entry.get("packages", sorted(previous.get("packages", {})))
        kept = [p for p in covered if p not in read]
        if kept:
            entries.append({**entry, "packages": kept})
    entries.append(
        {
            "kind": "package index (PEP 691 simple API) and wheel METADATA",
            "read_by": "scripts/kb_from_index.py",
            "read_on": today,
            "packages": sorted(read),
        }
    )
    return entries


def main(argv: list[str] | None = None) -> int:
    """Write the index records; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-url", default=None)
    default_out = Path(__file__).parent.parent / "tests/fixtures/compat/pypi_index.json"
    parser.add_argument("--out", type=Path, default=default_out)
    parser.add_argument("--package", action="append", default=None)
    parser.add_argument("--since", default="1.0")
    args = parser.parse_args(argv)
    index_url = args.index_url or os.environ.get("UV_INDEX_URL") or os.environ.get("PIP_INDEX_URL")
    if not index_url:
        parser.error("give --index-url or set UV_INDEX_URL / PIP_INDEX_URL")
    previous: dict[str, Any] = {}
    if args.out.exists():
        previous = json.loads(args.out.read_text(encoding="utf-8"))
    packages = previous.get("packages", {})
    for package in args.package or list(INDEX_PACKAGES):
        since = Version(INDEX_PACKAGES.get(package, args.since))
        packages[package] = read_package(index_url, package, since, packages.get(package, {}))
    read = list(args.package or INDEX_PACKAGES)
    result = {
        "source": _sources(previous, read, dt.date.today().isoformat()),
        "snapshot_date": dt.date.today().isoformat(),
        "notes": [
            "One record per final release: the release's file names, and Requires-Python / "
            "Requires-Dist of one representative wheel (manylinux x86_64 first).",
            "version_py: lines of torch/version.py read from the wheel when its METADATA has "
            "no CUDA pins (torch <= 1.12 embeds its CUDA runtime).",
        ],
        "cross_checks": [],
        "packages": packages,
    }
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
