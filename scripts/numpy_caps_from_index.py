"""Regenerate rules/kb/data/numpy_caps.json: the numpy requirement of every release of the
compiled packages the numpy-abi rule judges, read from each release's wheel METADATA.

Usage: python scripts/numpy_caps_from_index.py [--index-url URL] [--out PATH] [--workers N]
       [--only PACKAGE ...]

The index is `--index-url`, else UV_INDEX_URL, else PIP_INDEX_URL, else pip's default index.
It must serve the JSON simple API (PEP 691). For each final release the script picks one wheel
(Linux x86_64, the newest CPython tag; else any wheel), reads its METADATA (the PEP 658
`.metadata` file when the index offers one, else the METADATA member of the wheel through HTTP
Range requests) and records every `Requires-Dist: numpy…` line with the wheel's file name.
NumPy's own release list (with Requires-Python) is recorded too: the rule reads ranges of numpy
against it. Nothing is edited by hand; the first-NumPy-2 releases stay in numpy2_abi.json.
`--only` reads the named packages (and NumPy's release list) and merges them into the existing
`--out` file: the packages it does not read are kept as they were, with the date they were read
on (provenance ``read_on``: snapshot date → packages, where the dates differ).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import InvalidWheelFilename, parse_wheel_filename
from packaging.version import InvalidVersion, Version

from scripts._remote_wheel import Fetch, is_metadata, wheel_member

#: Compiled packages (and the oldest release worth recording) whose numpy requirement matters.
PACKAGES: dict[str, str] = {
    "tensorflow": "1.15.0",
    "tensorflow-cpu": "2.1.0",
    "scipy": "1.2.0",
    "pandas": "1.0.0",
    "scikit-learn": "0.22",
    "matplotlib": "3.1.0",
    "numba": "0.46.0",
    "pyarrow": "0.15.0",
    "opencv-python": "4.1.0.25",
    "opencv-python-headless": "4.1.0.25",
    "torch": "1.4.0",
    "jax": "0.4.1",
    "jaxlib": "0.4.1",
    "h5py": "2.10.0",
    "scikit-image": "0.16.1",
    "shapely": "1.7.0",
    "statsmodels": "0.11.0",
    "xgboost": "1.0.0",
    "lightgbm": "3.0.0",
    "numexpr": "2.7.0",
    "gensim": "3.8.0",
    "thinc": "7.0.0",
    "blis": "0.2.4",
    "pycocotools": "2.0.0",
    "hdbscan": "0.8.20",
    "pywavelets": "1.0.2",
    "astropy": "3.2",
    "netcdf4": "1.5.0",
    "cftime": "1.0.4",
    "tables": "3.5.1",
    "rasterio": "1.0.22",
    "faiss-cpu": "1.5.3",
    "imagecodecs": "2019.2.2",
    "biopython": "1.74",
    "fastparquet": "0.3.0",
    "pyerfa": "1.7.0",
    "tflite-runtime": "2.5.0",
    "onnxruntime": "1.4.0",
}

_ACCEPT = "application/vnd.pypi.simple.v1+json"


def index_url(arg: str | None) -> str:
    """The simple index to read: argument, UV_INDEX_URL, PIP_INDEX_URL, else pip's default."""
    for value in (arg, os.environ.get("UV_INDEX_URL"), os.environ.get("PIP_INDEX_URL")):
        if value:
            return value.rstrip("/")
    try:
        from pip._internal.models.index import PyPI  # pip's own default index
    except ImportError:
        raise SystemExit("no index: pass --index-url or set UV_INDEX_URL / PIP_INDEX_URL") from None
    return str(PyPI.simple_url).rstrip("/")


def _get(url: str, headers: dict[str, str] | None = None) -> bytes:
    request = urllib.request.Request(url, headers=headers or {})
    for attempt in range(4):
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                data: bytes = response.read()
                return data
        except OSError:
            if attempt == 3:
                raise
    raise AssertionError("unreachable")


def _fetch(url: str) -> Fetch:
    """Reads bytes [start, end) of the file at `url` (HTTP Range)."""

    def fetch(start: int, end: int) -> bytes:
        return _get(url, {"Range": f"bytes={start}-{end - 1}"})

    return fetch


def read_metadata(file: dict[str, Any]) -> str:
    """The METADATA text of one wheel of the index listing."""
    if file.get("core-metadata") or file.get("dist-info-metadata"):
        return _get(file["url"] + ".metadata").decode("utf-8", "replace")
    text = wheel_member(_fetch(file["url"]), int(file["size"]), is_metadata)
    if text is None:
        raise RuntimeError(f"{file['filename']}: no METADATA in the wheel")
    return text


def _wheel_rank(filename: str) -> tuple[int, int, int]:
    try:
        _, _, _, tags = parse_wheel_filename(filename)
    except InvalidWheelFilename:
        return (0, 0, 0)
    linux = any("manylinux" in t.platform and "x86_64" in t.platform for t in tags)
    cpython = [int(t.interpreter[2:]) for t in tags if re.fullmatch(r"cp\d+", t.interpreter)]
    pure = any(t.platform == "any" for t in tags)
    return (int(linux or pure), max(cpython, default=0), int(pure))


def releases(index: str, package: str, floor: str) -> list[tuple[Version, dict[str, Any], bool]]:
    """(version, chosen wheel, yanked) of every final release from `floor` on."""
    listing = json.loads(_get(f"{index}/{package}/", {"Accept": _ACCEPT}))
    wheels: dict[Version, list[dict[str, Any]]] = {}
    for file in listing["files"]:
        name = file["filename"]
        if not name.endswith(".whl"):
            continue
        try:
            _, version, _, _ = parse_wheel_filename(name)
        except InvalidWheelFilename:
            continue
        if version.is_prerelease or version.is_devrelease or version < Version(floor):
            continue
        wheels.setdefault(version, []).append(file)
    chosen = []
    for version, files in sorted(wheels.items()):
        best = max(files, key=lambda f: _wheel_rank(f["filename"]))
        yanked = all(bool(f.get("yanked")) for f in files)
        chosen.append((version, best, yanked))
    return chosen


def numpy_lines(metadata: str) -> list[str]:
    """The `Requires-Dist: numpy…` lines of a METADATA text."""
    found = []
    for line in metadata.splitlines():
        if not line.startswith("Requires-Dist:"):
            continue
        text = line.split(":", 1)[1].strip()
        try:
            requirement = Requirement(text)
        except InvalidRequirement:
            continue
        if requirement.name.lower() == "numpy":
            found.append(line.strip())
    return found


def _requires_python(metadata: str) -> str | None:
    for line in metadata.splitlines():
        if line.startswith("Requires-Python:"):
            return line.split(":", 1)[1].strip() or None
    return None


def release_row(version: Version, file: dict[str, Any], yanked: bool) -> dict[str, Any]:
    """One release of the data file: its numpy lines and where they were read."""
    metadata = read_metadata(file)
    row: dict[str, Any] = {
        "version": str(version),
        "file": file["filename"],
        "requires_dist_numpy": numpy_lines(metadata),
    }
    python = _requires_python(metadata)
    if python:
        row["requires_python"] = python
    if yanked:
        row["yanked"] = True
    return row


def numpy_releases(index: str) -> list[dict[str, Any]]:
    """Every final NumPy release with the Requires-Python of its files."""
    listing = json.loads(_get(f"{index}/numpy/", {"Accept": _ACCEPT}))
    found: dict[Version, dict[str, Any]] = {}
    for file in listing["files"]:
        name = file["filename"]
        match = re.match(r"numpy-([^-]+?)(?:\.tar\.gz|\.zip|-)", name)
        if not match:
            continue
        try:
            version = Version(match.group(1))
        except InvalidVersion:
            continue
        if version.is_prerelease or version.is_devrelease or version < Version("1.16.0"):
            continue
        row = found.setdefault(version, {"version": str(version), "yanked": True})
        row["yanked"] = row["yanked"] and bool(file.get("yanked"))
        if file.get("requires-python"):
            row["requires_python"] = file["requires-python"]
    rows = []
    for version in sorted(found):
        row = found[version]
        if not row["yanked"]:
            del row["yanked"]
        rows.append(row)
    return rows


def build(index: str, workers: int, only: list[str] | None = None) -> dict[str, Any]:
    """The whole data file (of the `only` packages, when given)."""
    names = only or list(PACKAGES)
    jobs = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for package in names:
            for version, file, yanked in releases(index, package, PACKAGES[package]):
                jobs.append((package, pool.submit(release_row, version, file, yanked)))
        packages: dict[str, list[dict[str, Any]]] = {p: [] for p in names}
        for package, job in jobs:
            packages[package].append(job.result())
    return {
        "provenance": {
            "method": (
                "For each final release: one wheel (Linux x86_64, newest CPython tag, else any) "
                "from the index's JSON simple API; its METADATA read from the index (PEP 658 "
                "file, else the wheel's METADATA member through HTTP Range requests); every "
                "'Requires-Dist: numpy' line copied verbatim with the wheel's file name. An "
                "empty list means the metadata names no numpy requirement at all."
            ),
            "script": "scripts/numpy_caps_from_index.py",
            "snapshot_date": dt.date.today().isoformat(),
        },
        "numpy_releases": numpy_releases(index),
        "packages": packages,
    }


def merge(previous: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The packages of `data` (an `--only` read) put into the `previous` data file, in
    `PACKAGES` order; NumPy's release list is the new read's."""
    old, new = previous["provenance"], data["provenance"]
    dates: dict[str, str] = {}
    for date, names in (
        old.get("read_on") or {old["snapshot_date"]: list(previous["packages"])}
    ).items():
        dates.update(dict.fromkeys(names, date))
    dates.update(dict.fromkeys(data["packages"], new["snapshot_date"]))
    both = {**previous["packages"], **data["packages"]}
    order = [p for p in PACKAGES if p in both] + [p for p in both if p not in PACKAGES]
    packages = {p: both[p] for p in order}
    read_on: dict[str, list[str]] = {}
    for package in packages:
        if package in dates:
            read_on.setdefault(dates[package], []).append(package)
    provenance = dict(new)
    if len(read_on) > 1:
        provenance["read_on"] = dict(sorted(read_on.items()))
    return {**data, "provenance": provenance, "packages": packages}


def main(argv: list[str] | None = None) -> int:
    """Fetch and write the data file; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-url")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "rules/kb/data/numpy_caps.json",
    )
    parser.add_argument("--workers", type=int, default=6)
    parser.add_argument("--only", nargs="*", help="read only these packages (of PACKAGES)")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.only or ()) - set(PACKAGES))
    if unknown:
        parser.error(f"--only: not in PACKAGES: {', '.join(unknown)}")
    data = build(index_url(args.index_url), args.workers, args.only)
    if args.only and args.out.exists():
        data = merge(json.loads(args.out.read_text(encoding="utf-8")), data)
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    count = sum(len(rows) for rows in data["packages"].values())
    print(f"{args.out}: {count} releases of {len(data['packages'])} packages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
