"""Record per-release wheel availability of the most used ML packages from the package index.

Usage: python scripts/wheels_from_index.py [--index-url URL] [--package NAME ...]
       [--since 2016-01-01] [--out tests/fixtures/compat/pypi_wheels.json]

The index URL comes from --index-url, else UV_INDEX_URL, else PIP_INDEX_URL (a PEP 691 JSON
simple API, ``https://<host>/simple``). Only the JSON listing of each package is read (one
request per package, sequentially). For every final release uploaded on or after --since the
script keeps, compactly: the wheel tags that install on Linux x86_64 (``cp311-cp311``,
``cp38-abi3``, ``py3-none``; musllinux, macOS and Windows files are left out), whether an sdist
exists, the release's Requires-Python as the listing states it, its first upload date and whether
every file is yanked. For the TensorFlow packages (``METADATA_PACKAGES``) the METADATA of one
Linux x86_64 wheel per release is read as well (the PEP 658 ``.metadata`` file, else HTTP Range
reads of the wheel) and every Requires-Dist line is kept. For the
``nvidia-*`` runtime wheels (``NVIDIA_PACKAGES``) every final version is kept, whatever its date.

The output is a source file for ``scripts/regen_kb.py``: ``rules/kb/build_wheels.py`` (pure)
turns it into rules/kb/data/wheels.json, tensorflow_wheels.json and nvidia_wheels.json. Then run
``python scripts/regen_kb.py tests/fixtures/compat`` and review the diff of ``rules/kb/data``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import urllib.error
from collections import Counter
from email.parser import HeaderParser
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb_from_index import _ACCEPT, _final, _get, _metadata
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

from rules.kb.build_wheels import (
    METADATA_PACKAGES,
    NVIDIA_PACKAGES,
    WHEEL_PACKAGES,
)

#: Marks a record whose ``requires_dist`` holds every Requires-Dist line of its METADATA
#: (records read before kept only the numpy / nvidia-* / keras / protobuf lines: re-read).
_ALL_LINES = "requires_dist_all"


def linux_x86_64_tags(filename: str) -> list[str]:
    """The ``interpreter-abi`` tags of a wheel file that install on glibc Linux x86_64."""
    if not filename.endswith(".whl"):
        return []
    try:
        _, _, _, tags = parse_wheel_filename(filename)
    except InvalidWheelFilename:
        return []
    found = set()
    for tag in tags:
        linux = tag.platform == "any" or (
            tag.platform.endswith("x86_64") and "linux" in tag.platform
        )
        if linux and not tag.platform.startswith("musllinux"):
            found.add(f"{tag.interpreter}-{tag.abi}")
    return sorted(found)


def version_of(filename: str) -> str | None:
    """The version a wheel or sdist file name states (hyphenated sdist names included)."""
    try:
        if filename.endswith(".whl"):
            return str(parse_wheel_filename(filename)[1])
        if filename.endswith((".tar.gz", ".zip")):
            return str(parse_sdist_filename(filename)[1])
    except (InvalidWheelFilename, InvalidSdistFilename, InvalidVersion):
        return None
    return None


def _requires_python(files: list[dict[str, Any]]) -> str | None:
    """The release's Requires-Python: the value most of its files state (wheels first)."""
    values = Counter(
        f.get("requires-python") or "" for f in files if f["filename"].endswith(".whl")
    ) or Counter(f.get("requires-python") or "" for f in files)
    value = values.most_common(1)[0][0] if values else ""
    return value or None


def _newest_linux_wheel(files: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A Linux x86_64 wheel of the newest CPython tag (whose METADATA stands for the release)."""

    def rank(file: dict[str, Any]) -> tuple[int, int]:
        tags = linux_x86_64_tags(file["filename"])
        minors = [int(m) for t in tags for m in re.findall(r"^cp3(\d+)", t)]
        return (1 if tags else 0, max(minors, default=0))

    wheels = [f for f in files if f["filename"].endswith(".whl") and not f.get("yanked")]
    best = max(wheels, key=rank, default=None)
    return best if best is not None and rank(best)[0] else None


def release_record(
    files: list[dict[str, Any]], with_metadata: bool, package: str, version: str
) -> dict[str, Any]:
    """The compact record of one release."""
    usable = [f for f in files if not f.get("yanked")] or files  # all yanked: == still installs
    tags = sorted({t for f in usable for t in linux_x86_64_tags(f["filename"])})
    record: dict[str, Any] = {
        "uploaded": min((f.get("upload-time") or "" for f in files), default="")[:10] or None,
        "requires_python": _requires_python(files),
        "linux_x86_64": tags,
        "sdist": any(f["filename"].endswith((".tar.gz", ".zip")) for f in usable),
    }
    if all(f.get("yanked") for f in files):
        record["yanked"] = True
    if with_metadata:
        chosen = _newest_linux_wheel(files)
        if chosen is not None:
            print(f"  metadata {package} {version}", file=sys.stderr)
            text, how = _metadata(chosen)
            headers = HeaderParser().parsestr(text)
            record["metadata_file"] = chosen["filename"]
            record["metadata_read"] = how
            record["metadata_requires_python"] = headers.get("Requires-Python")
            record["requires_dist"] = list(headers.get_all("Requires-Dist") or [])
            record[_ALL_LINES] = True
    return record


def read_listing(index_url: str, package: str) -> dict[str, Any] | None:
    """The parsed JSON listing of `package`, or None when the index does not have it."""
    try:
        page = json.loads(_get(f"{index_url.rstrip('/')}/{package}/", accept=_ACCEPT))
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise
    return dict(page)


def read_package(
    index_url: str, package: str, since: str, first_version: str | None, known: dict[str, Any]
) -> dict[str, Any]:
    """The records of `package`: releases uploaded on or after `since` (a date), or, with
    `first_version`, releases from that version on with their METADATA (reusing known reads
    of unchanged releases)."""
    page = read_listing(index_url, package)
    read_on = dt.date.today().isoformat()
    if page is None:
        return {"read_on": read_on, "absent": True, "releases": {}}
    by_version: dict[str, list[dict[str, Any]]] = {}
    prereleases: set[Version] = set()
    for file in page["files"]:
        version = version_of(file["filename"])
        parsed = _final(version) if version else None
        if parsed is not None:
            by_version.setdefault(str(parsed), []).append(file)
        elif version:
            try:
                prereleases.add(Version(version))
            except InvalidVersion:
                continue
    releases: dict[str, Any] = {}
    old_releases = known.get("releases", {})
    whole = True  # no final release of the listing left out
    for version in sorted(by_version, key=Version):
        files = by_version[version]
        first = min(f.get("upload-time") or "9999" for f in files)[:10]
        if first_version is not None:
            if Version(version) < Version(first_version):
                whole = False
                continue
        elif first < since:
            whole = False
            continue
        record = release_record(files, False, package, version)
        if first_version is not None:
            old = old_releases.get(version)
            if (
                old is not None
                and old.get(_ALL_LINES)
                and all(old.get(k) == v for k, v in record.items())
            ):
                record = old
            else:
                record = release_record(files, True, package, version)
        releases[version] = record
    return {
        "read_on": read_on,
        "last_serial": page.get("meta", {}).get("_last-serial"),
        # every final release of the listing is kept (none is older than the date)
        "whole": whole,
        # every pre-release and dev release the listing has, whatever its date
        "prereleases": [str(v) for v in sorted(prereleases)],
        "releases": releases,
    }


def render(result: dict[str, Any]) -> str:
    """The file's text: one line per release record (keeps the file small and diffable)."""
    head = {k: v for k, v in result.items() if k != "packages"}
    lines = [json.dumps(head, indent=1, ensure_ascii=False)[:-2] + ",", ' "packages": {']
    names = list(result["packages"])
    for i, name in enumerate(names):
        entry = result["packages"][name]
        meta = {k: v for k, v in entry.items() if k != "releases"}
        lines.append(f"  {json.dumps(name)}: {{")
        for key, value in meta.items():
            lines.append(f"   {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
        lines.append('   "releases": {')
        versions = list(entry["releases"])
        for j, version in enumerate(versions):
            record = json.dumps(entry["releases"][version], ensure_ascii=False)
            comma = "," if j < len(versions) - 1 else ""
            lines.append(f"    {json.dumps(version)}: {record}{comma}")
        lines.append("   }")
        lines.append("  }" + ("," if i < len(names) - 1 else ""))
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the wheel records; return the exit status."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--index-url", default=None)
    default_out = Path(__file__).parent.parent / "tests/fixtures/compat/pypi_wheels.json"
    parser.add_argument("--out", type=Path, default=default_out)
    parser.add_argument("--package", action="append", default=None)
    parser.add_argument("--since", default="2016-01-01", help="first upload date kept")
    args = parser.parse_args(argv)
    index_url = args.index_url or os.environ.get("UV_INDEX_URL") or os.environ.get("PIP_INDEX_URL")
    if not index_url:
        parser.error("give --index-url or set UV_INDEX_URL / PIP_INDEX_URL")
    previous: dict[str, Any] = {}
    if args.out.exists():
        previous = json.loads(args.out.read_text(encoding="utf-8"))
    packages: dict[str, Any] = previous.get("packages", {})
    wanted = args.package or [*WHEEL_PACKAGES, *METADATA_PACKAGES, *NVIDIA_PACKAGES]
    for package in dict.fromkeys(wanted):
        print(package, file=sys.stderr)
        since = "0000" if package in NVIDIA_PACKAGES else args.since
        packages[package] = read_package(
            index_url, package, since, METADATA_PACKAGES.get(package), packages.get(package, {})
        )
    today = dt.date.today().isoformat()
    result = {
        "source": [
            {
                "kind": "package index JSON listings (PEP 691/700 simple API); wheel METADATA "
                "(PEP 658 .metadata file or a Range read) of one Linux x86_64 wheel per "
                "TensorFlow release",
                "read_by": "scripts/wheels_from_index.py",
                "read_on": today,
            }
        ],
        "snapshot_date": today,
        "notes": [
            "linux_x86_64: interpreter-abi tags of the release's non-yanked wheels (of all its "
            "wheels when every file is yanked: an exact pin still installs them) whose platform "
            "is manylinux/linux x86_64 or any (musllinux left out).",
            f"Releases first uploaded on or after {args.since} (TensorFlow packages: from the "
            "version given in METADATA_PACKAGES; nvidia-* runtime wheels: every final release).",
            "requires_python: the value most of the release's wheels state in the listing.",
            "prereleases: every pre-release and dev release file the listing has, any date.",
            "requires_dist (TensorFlow packages only): every Requires-Dist line of the "
            "METADATA of metadata_file (requires_dist_all: true).",
        ],
        "cross_checks": [],
        "packages": dict(sorted(packages.items())),
    }
    args.out.write_text(render(result), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
