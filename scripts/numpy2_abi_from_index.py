"""Read, from each release's own artefacts, which release of a compiled package is the first built
against NumPy 2; write the source file tests/fixtures/compat/pypi_numpy2.json (built into
rules/kb/data/numpy2_abi.json by `python scripts/regen_kb.py tests/fixtures/compat`).

Usage: python scripts/numpy2_abi_from_index.py [--index-url URL] [--out PATH] [--cap-mib N]
       [--workers N] [--only PACKAGE ...]

The index is `--index-url`, else UV_INDEX_URL, else PIP_INDEX_URL, else pip's default index
(JSON simple API, PEP 691). The reading of one release: its Linux x86_64 wheel (newest CPython
tag) is read through HTTP Range requests: the zip's end records, its central directory, then the
compressed bytes of compiled members only (``.so``; auditwheel's vendored ``<pkg>.libs/``
skipped), extension modules first and smallest first, each stream-decompressed and searched for
the strings NumPy's C headers and pybind11 compile in:

- ``numpy._core._multiarray_umath``: NumPy 2's headers (``import_array`` tries it first, then
  falls back to ``numpy.core``): built against NumPy 2, imports under 1.x and 2.x;
- ``numpy.core._multiarray_umath`` alone: NumPy 1.x headers: fails to import under NumPy 2;
- ``NumpyVersion`` with ``numpy._core``: pybind11 >= 2.12, which picks ``numpy._core`` or
  ``numpy.core`` at run time;
- ``numpy.core.multiarray`` without any of those: pybind11 before 2.12, or the import_array
  message Cython compiles in for a NumPy 1 build.

Members using NumPy's headers decide (pybind11's strings only where none does). Reading stops at
a member built with NumPy 1's headers, at the second built with NumPy 2's (one build, one NumPy;
at the first once 64 MiB are read), or when the compressed bytes read reach the cap (recorded as
``capped``). A release is built for NumPy 2 when its newest-CPython Linux wheel reads so and so
does its oldest one for a Python NumPy 2 installs on (NumPy 2.0.0's Requires-Python).
Per package the releases are read in version order from the last one uploaded before the scan
start (NumPy's first 2.0 pre-release; the index no longer lists those, so the last 1.x release
uploaded before 2.0.0: 1.26.4) up to the first built for NumPy 2, and further back while the
release before still reads NumPy 2 (yanked releases included: an exact pin installs them); the
newest release is read first to tell packages with no compiled NumPy use (nothing found in any
member, uncapped, in it and in the last release before the scan start) from those never rebuilt.
A release with no NumPy use after one built with NumPy 1 (thinc 8.3.0 after 8.2.5) imports under
NumPy 2 too: the scan stops there as at a NumPy-2 build, and a newest release with no NumPy use
(thinc 9) after a NumPy-1 one before the scan start is scanned for like a NumPy-2 build. For the
first NumPy-2 release and the one before, the sdist's ``pyproject.toml`` [build-system] requires
on numpy is recorded too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import struct
import sys
import tarfile
import tomllib
import urllib.request
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import InvalidWheelFilename, canonicalize_name, parse_wheel_filename
from packaging.version import InvalidVersion, Version

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts._remote_wheel import Fetch, open_zip
from scripts.numpy_caps_from_index import _ACCEPT, PACKAGES, _fetch, _get, index_url

#: Names the KB reads through another package's row (rules/kb/knowledge.py aliases); jax is pure
#: Python and is judged through the jaxlib it installs.
READ_AS: dict[str, str] = {
    "opencv-python-headless": "opencv-python",
    "tensorflow-cpu": "tensorflow",
    "jax": "jaxlib",
}

NEW = b"numpy._core._multiarray_umath"
OLD = b"numpy.core._multiarray_umath"
PYBIND_NEW = b"NumpyVersion"
CORE_NEW = b"numpy._core"
CORE_OLD = b"numpy.core.multiarray"
_NEEDLES = (NEW, OLD, PYBIND_NEW, CORE_NEW, CORE_OLD)

#: A member's reading, strongest first.
NUMPY2 = "numpy2-headers"
NUMPY1 = "numpy1-headers"
PYBIND_RUNTIME = "pybind11-runtime-choice"
CORE_ONLY = "numpy-core-only"


#: Yields bytes [start, end) of the artefact in chunks.
Stream = Callable[[int, int], Iterator[bytes]]


@dataclass(frozen=True, slots=True)
class Member:
    """One entry of a zip's central directory."""

    name: str
    method: int
    compressed: int
    size: int
    offset: int


def central_directory(fetch: Fetch, size: int) -> list[Member]:
    """Every member of a zip of `size` bytes, from its end records and central directory."""
    with open_zip(fetch, size) as archive:
        return [
            Member(i.filename, i.compress_type, i.compress_size, i.file_size, i.header_offset)
            for i in archive.infolist()
        ]


def compiled_members(members: Iterable[Member]) -> list[Member]:
    """The compiled members worth reading, extension modules first, smallest first (vendored
    libraries in auditwheel's ``<pkg>.libs/`` folders cannot use NumPy's C API)."""
    found = [
        m
        for m in members
        if re.search(r"\.so(\.\d+)*$", m.name) and not re.match(r"[^/]+\.libs/", m.name)
    ]
    return sorted(found, key=lambda m: (not _is_extension(m.name), m.compressed, m.name))


def _is_extension(name: str) -> bool:
    return bool(re.search(r"\.(cpython-\d+[a-z]*-[^.]+|abi3)\.so$", name))


@dataclass(slots=True)
class MemberScan:
    """What one member's bytes contain."""

    name: str
    found: set[bytes] = field(default_factory=set)
    read: int = 0

    @property
    def reading(self) -> str | None:
        """NUMPY2 / NUMPY1 / PYBIND_RUNTIME / CORE_ONLY, or None (no NumPy use)."""
        if NEW in self.found:
            return NUMPY2
        if OLD in self.found:
            return NUMPY1
        if PYBIND_NEW in self.found and CORE_NEW in self.found:
            return PYBIND_RUNTIME
        if CORE_OLD in self.found:
            return CORE_ONLY
        return None

    @property
    def string(self) -> str | None:
        """The string the reading rests on."""
        reading = self.reading
        needle = {
            NUMPY2: NEW,
            NUMPY1: OLD,
            PYBIND_RUNTIME: PYBIND_NEW,
            CORE_ONLY: CORE_OLD,
        }.get(reading or "")
        return needle.decode() if needle else None


def scan_member(member: Member, fetch: Fetch, stream: Stream, budget: int) -> MemberScan:
    """Search one member's decompressed bytes for the NumPy strings, reading at most `budget`
    compressed bytes (stops early once NumPy 2's header string is found)."""
    scan = MemberScan(member.name)
    header = fetch(member.offset, member.offset + 30)
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    start = member.offset + 30 + name_len + extra_len
    end = start + min(member.compressed, budget)
    if member.method == 8:
        inflate: Any = zlib.decompressobj(-15)
    elif member.method == 0:
        inflate = None
    else:
        raise ValueError(f"{member.name}: compression method {member.method}")
    keep = max(len(n) for n in _NEEDLES) - 1
    carry = b""
    for chunk in stream(start, end):
        scan.read += len(chunk)
        data = inflate.decompress(chunk) if inflate is not None else chunk
        window = carry + data
        scan.found.update(n for n in _NEEDLES if n in window)
        carry = window[-keep:]
        if NEW in scan.found:
            break
    return scan


@dataclass(slots=True)
class WheelReading:
    """The reading of one wheel: the members read and the verdict."""

    file: str
    members: list[MemberScan] = field(default_factory=list)
    compiled: int = 0
    read: int = 0
    capped: bool = False

    @property
    def headers(self) -> list[MemberScan]:
        """Members that use NumPy's C headers (their strings decide the build)."""
        return [m for m in self.members if m.reading in (NUMPY2, NUMPY1)]

    @property
    def verdict(self) -> str:
        """``numpy2`` / ``numpy1`` / ``no-numpy-abi`` / ``undecided`` (capped, nothing found).

        Members using NumPy's C headers decide; pybind11's own strings decide only where no
        member uses the headers (an older pybind11 next to NumPy-2 headers is kept as a note:
        it imports ``numpy.core.multiarray``, which NumPy 2 still serves)."""
        headers = {m.reading for m in self.headers}
        if NUMPY1 in headers:
            return "numpy1"
        if NUMPY2 in headers:
            return "numpy2"
        if self.capped:
            return "undecided"
        readings = {m.reading for m in self.members}
        if CORE_ONLY in readings:
            return "numpy1"
        if PYBIND_RUNTIME in readings:
            return "numpy2"
        return "no-numpy-abi"

    def evidence(self) -> dict[str, Any]:
        """The file, the member and the string the verdict rests on."""
        row: dict[str, Any] = {"file": self.file, "verdict": self.verdict}
        strength = {NUMPY1: 0, NUMPY2: 1, CORE_ONLY: 2, PYBIND_RUNTIME: 3}
        wanted = {"numpy1": (NUMPY1, CORE_ONLY), "numpy2": (NUMPY2, PYBIND_RUNTIME)}
        deciding = [m for m in self.members if m.reading in wanted.get(self.verdict, ())]
        if deciding:
            first = min(deciding, key=lambda m: strength[m.reading or ""])
            row.update(member=first.name, string=first.string, reading=first.reading)
        older = [m.name for m in self.members if m.reading == CORE_ONLY]
        if older and self.verdict == "numpy2":
            row["numpy_core_only_members"] = older
        row.update(
            compiled_members=self.compiled,
            members_read=len(self.members),
            compressed_bytes_read=self.read,
        )
        if self.capped:
            row["capped"] = True
        return row


#: After one NumPy-2 header member, a second one (the check that the build used one NumPy) is
#: looked for only while this many compressed bytes have been read.
CONFIRM_BYTES = 64 << 20


def read_wheel(file: str, size: int, fetch: Fetch, stream: Stream, cap: int) -> WheelReading:
    """Read the compiled members of one wheel (`size` bytes) until decided or capped: at the
    first member built with NumPy 1's headers, at the second with NumPy 2's (at the first once
    `CONFIRM_BYTES` are read), or when every compiled member is read."""
    reading = WheelReading(file)
    members = compiled_members(central_directory(fetch, size))
    reading.compiled = len(members)
    for member in members:
        headers = reading.headers
        if any(m.reading == NUMPY1 for m in headers) or len(headers) >= 2:
            break
        if headers and reading.read >= CONFIRM_BYTES:
            break
        if reading.read >= cap:
            reading.capped = True
            break
        scan = scan_member(member, fetch, stream, cap - reading.read)
        reading.read += scan.read
        reading.members.append(scan)
        if scan.read < member.compressed and NEW not in scan.found:
            reading.capped = True
            break
    return reading


# HTTP -----------------------------------------------------------------------------------


def _http_stream(url: str) -> Stream:
    def stream(start: int, end: int) -> Iterator[bytes]:
        if end <= start:
            return
        request = urllib.request.Request(url, headers={"Range": f"bytes={start}-{end - 1}"})
        with urllib.request.urlopen(request, timeout=120) as response:
            while chunk := response.read(1 << 20):
                yield chunk

    return stream


def read_remote_wheel(file: dict[str, Any], cap: int) -> WheelReading:
    """`read_wheel` over HTTP Range requests."""
    url = file["url"]
    return read_wheel(file["filename"], int(file["size"]), _fetch(url), _http_stream(url), cap)


def sdist_build_requires(file: dict[str, Any], cap: int) -> dict[str, Any] | None:
    """The numpy entries of the sdist's pyproject.toml [build-system] requires."""
    request = urllib.request.Request(file["url"])
    with urllib.request.urlopen(request, timeout=120) as response:
        return read_sdist(file["filename"], response, cap)


def read_sdist(filename: str, raw: BinaryIO, cap: int) -> dict[str, Any] | None:
    """The top-level pyproject.toml's [build-system] numpy lines of a .tar.gz stream, reading
    at most `cap` compressed bytes (None: no pyproject.toml)."""
    limited = _Limited(raw, cap)
    try:
        with tarfile.open(fileobj=limited, mode="r|gz") as tar:  # type: ignore[call-overload]
            for info in tar:
                if re.fullmatch(r"[^/]+/pyproject\.toml", info.name):
                    handle = tar.extractfile(info)
                    text = handle.read().decode("utf-8", "replace") if handle else ""
                    return {"file": filename, "member": info.name, **_numpy_build(text)}
    except (tarfile.TarError, EOFError, zlib.error):
        pass
    return {"file": filename, "capped": True} if limited.capped else None


def _numpy_build(text: str) -> dict[str, Any]:
    try:
        requires = tomllib.loads(text).get("build-system", {}).get("requires", [])
    except tomllib.TOMLDecodeError:
        return {"error": "pyproject.toml does not parse"}
    lines = []
    for entry in requires:
        try:
            if canonicalize_name(Requirement(entry).name) == "numpy":
                lines.append(entry)
        except InvalidRequirement:
            continue
    return {"build_requires_numpy": lines}


class _Limited:
    """A file-like view of a response that stops after `cap` bytes."""

    def __init__(self, raw: BinaryIO, cap: int) -> None:
        self.raw, self.left, self.capped = raw, cap, False

    def read(self, size: int = -1) -> bytes:
        if self.left <= 0:
            self.capped = True
            return b""
        want = self.left if size < 0 else min(size, self.left)
        data = self.raw.read(want)
        self.left -= len(data)
        return data


# The index ------------------------------------------------------------------------------


@dataclass(slots=True)
class Release:
    """One final release: its Linux x86_64 wheels (newest and oldest CPython tag) and sdist."""

    version: Version
    uploaded: str
    yanked: bool = True
    newest: dict[str, Any] | None = None
    oldest: dict[str, Any] | None = None
    sdist: dict[str, Any] | None = None


def _linux_cpython(filename: str) -> int | None:
    """The CPython tag number of a Linux x86_64 wheel (0 for a pure or abi3-only one)."""
    try:
        _, _, _, tags = parse_wheel_filename(filename)
    except InvalidWheelFilename:
        return None
    if not any("linux" in t.platform and "x86_64" in t.platform for t in tags):
        return None
    if all(t.interpreter.startswith("pp") for t in tags):  # PyPy only
        return None
    numbers = [int(t.interpreter[2:]) for t in tags if re.fullmatch(r"cp\d+", t.interpreter)]
    return max(numbers, default=0)


def releases(index: str, package: str) -> list[Release]:
    """Every final release with a Linux x86_64 wheel, in version order (yanked ones too: an
    exact pin still installs them; their readings say ``yanked``)."""
    listing = json.loads(_get(f"{index}/{package}/", {"Accept": _ACCEPT}))
    found: dict[Version, Release] = {}
    ranks: dict[Version, list[tuple[int, dict[str, Any]]]] = {}
    sdists: dict[Version, dict[str, Any]] = {}
    for file in listing["files"]:
        name = file["filename"]
        if name.endswith(".tar.gz"):
            match = re.match(
                rf"{re.escape(package).replace('-', '[-_]')}-(.+)\.tar\.gz$", name, re.I
            )
            try:
                version = Version(match.group(1)) if match else None
            except InvalidVersion:
                version = None
            if version is not None:
                sdists[version] = file
            continue
        rank = _linux_cpython(name)
        if rank is None:
            continue
        version = parse_wheel_filename(name)[1]
        if version.is_prerelease or version.is_devrelease:
            continue
        ranks.setdefault(version, []).append((rank, file))
        uploaded = str(file.get("upload-time", ""))
        row = found.setdefault(version, Release(version, uploaded))
        row.uploaded = min(row.uploaded, uploaded) if row.uploaded else uploaded
        row.yanked = row.yanked and bool(file.get("yanked"))
    floor = numpy2_python_floor(index)
    for version, rows in ranks.items():
        many = {id(f): int("manylinux" in f["filename"]) for _, f in rows}
        newest = max(rows, key=lambda r: (r[0], many[id(r[1])], r[1]["filename"]))[1]
        able = [r for r in rows if r[0] == 0 or r[0] >= floor] or rows  # NumPy 2 installs there
        oldest = min(able, key=lambda r: (r[0], -many[id(r[1])], r[1]["filename"]))[1]
        found[version].newest = newest
        found[version].oldest = oldest if oldest is not newest else None
        found[version].sdist = sdists.get(version)
    return [found[v] for v in sorted(found)]


@cache
def numpy2_python_floor(index: str) -> int:
    """The oldest CPython NumPy 2.0.0 installs on (its Requires-Python, ``>=3.9`` → 39): a
    package's wheels for older Pythons never meet NumPy 2, so they are not read."""
    listing = json.loads(_get(f"{index}/numpy/", {"Accept": _ACCEPT}))
    floors = [
        int(match.group(1) + match.group(2))
        for f in listing["files"]
        if f["filename"].startswith("numpy-2.0.0-")
        and (match := re.match(r">=\s*(\d)\.(\d+)", str(f.get("requires-python") or "")))
    ]
    return min(floors)


def numpy2_cutoff(index: str) -> str:
    """Where the scan of a package starts: the upload time of NumPy's first 2.x file (its
    pre-releases when the index still lists them), else of the last 1.x release uploaded before
    it (2.0's pre-releases followed 1.26.4). The scan reads back further when needed."""
    listing = json.loads(_get(f"{index}/numpy/", {"Accept": _ACCEPT}))
    uploads: list[tuple[str, Version]] = []
    for file in listing["files"]:
        match = re.match(r"numpy-([^-]+?)(?:\.tar\.gz|\.zip|-)", file["filename"])
        if not match or not file.get("upload-time"):
            continue
        try:
            uploads.append((str(file["upload-time"]), Version(match.group(1))))
        except InvalidVersion:
            continue
    first2 = min(t for t, v in uploads if v.major >= 2)
    if any(t == first2 and v.is_prerelease for t, v in uploads):
        return first2
    return max(t for t, v in uploads if v.major < 2 and t < first2 and not v.is_prerelease)


# Per package ----------------------------------------------------------------------------


@dataclass(slots=True)
class Reader:
    """Reads releases once each (memoised) under a per-release cap."""

    cap: int
    log: Callable[[str], None] = lambda _: None
    done: dict[tuple[str, str], WheelReading] = field(default_factory=dict)

    def wheel(self, file: dict[str, Any]) -> WheelReading:
        key = (file["filename"], file["url"])
        if key not in self.done:
            self.done[key] = read_remote_wheel(file, self.cap)
            self.log(f"  {file['filename']}: {self.done[key].verdict}")
        return self.done[key]

    def release(self, release: Release) -> list[WheelReading]:
        """The newest-CPython wheel's reading, and the oldest-CPython one's when it says NumPy 2."""
        assert release.newest is not None
        found = [self.wheel(release.newest)]
        if found[0].verdict == "numpy2" and release.oldest is not None:
            found.append(self.wheel(release.oldest))
        return found


def _verdict(readings: list[WheelReading]) -> str:
    verdicts = {r.verdict for r in readings}
    return verdicts.pop() if len(verdicts) == 1 else "mixed"


def read_package(package: str, index: str, cutoff: str, reader: Reader) -> dict[str, Any]:
    """The readings of one package and the first release built against NumPy 2."""
    rows = releases(index, package)
    if not rows:
        return {"result": "no-linux-wheel", "readings": []}
    newest = reader.release(rows[-1])
    result: dict[str, Any] = {"readings": []}
    shown: list[tuple[Release, list[WheelReading]]] = [(rows[-1], newest)]
    verdict = _verdict(newest)
    prior = [r for r in rows if r.uploaded < cutoff]
    if verdict == "no-numpy-abi" and prior:
        earlier = reader.release(prior[-1])
        shown.insert(0, (prior[-1], earlier))
        if _verdict(earlier) == "numpy1":  # a line built with NumPy's headers (thinc 8 by 9)
            verdict = "numpy1-before"
    if verdict in ("no-numpy-abi", "undecided", "numpy1"):
        result["result"] = verdict
    else:
        first, numpy1 = None, False
        for pos in range(max(0, len(prior) - 1), len(rows)):
            got = reader.release(rows[pos])
            shown.append((rows[pos], got))
            kind = _verdict(got)
            if kind == "numpy2" or (numpy1 and kind == "no-numpy-abi"):
                first = rows[pos]
                break
            numpy1 = numpy1 or kind == "numpy1"
        if first is None:
            result["result"] = "undecided"
        else:
            result["result"] = "numpy2"
            result["first_numpy2_version"] = str(first.version)
            before = [r for r, _ in shown if r.version < first.version]
            for row in ([before[-1]] if before else []) + [first]:
                if row.sdist is not None:
                    sdist = sdist_build_requires(row.sdist, reader.cap)
                    if sdist is not None:
                        result.setdefault("sdist", []).append(
                            {"version": str(row.version), **sdist}
                        )
    seen: set[tuple[Version, str]] = set()
    for release, got in sorted(shown, key=lambda x: x[0].version):
        for reading in got:
            if (release.version, reading.file) not in seen:
                seen.add((release.version, reading.file))
                result["readings"].append(_row(release, reading))
    return result


def _row(release: Release, reading: WheelReading) -> dict[str, Any]:
    row = {"version": str(release.version), **reading.evidence()}
    if release.yanked:
        row["yanked"] = True
    return row


def _walk_back(package: str, index: str, reader: Reader, data: dict[str, Any]) -> None:
    """When the first reading of the scan is already NumPy 2, read older releases until one is
    not (the upload-time start is a shortcut, not an assumption)."""
    first = data.get("first_numpy2_version")
    if first is None:
        return
    rows = releases(index, package)
    older = [r for r in rows if r.version < Version(first)]
    while older:
        got = reader.release(older[-1])
        have = {(r["version"], r["file"]) for r in data["readings"]}
        for reading in got:
            if (str(older[-1].version), reading.file) not in have:
                data["readings"].append(_row(older[-1], reading))
        if _verdict(got) != "numpy2":
            break
        data["first_numpy2_version"] = str(older[-1].version)
        older.pop()
    data["readings"].sort(key=lambda r: Version(r["version"]))


def build(index: str, cap: int, packages: Iterable[str], workers: int = 4) -> dict[str, Any]:
    """The whole source file."""
    cutoff = numpy2_cutoff(index)

    def one(package: str) -> dict[str, Any]:
        reader = Reader(cap, log=lambda line: print(f"{package}: {line}", file=sys.stderr))
        data = read_package(package, index, cutoff, reader)
        _walk_back(package, index, reader, data)
        return data

    names = list(packages)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        out: dict[str, Any] = dict(zip(names, pool.map(one, names), strict=True))
    for alias, target in READ_AS.items():
        if alias in PACKAGES:
            out[alias] = {"result": "read-as", "read_as": target, "readings": []}
    return {
        "provenance": {
            "method": (__doc__ or "").split("\n\n", 2)[2].strip(),
            "script": "scripts/numpy2_abi_from_index.py",
            "snapshot_date": dt.date.today().isoformat(),
            "scan_start_upload_time": cutoff,
            "cap_compressed_bytes_per_wheel": cap,
        },
        "packages": out,
    }


def merge(previous: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The packages of `data` (an `--only` read) put into the `previous` source file: the
    packages it does not read are kept as they were, with the date they were read on
    (provenance ``read_on``: snapshot date → packages, where the dates differ)."""
    old, new = previous["provenance"], data["provenance"]
    for key in ("scan_start_upload_time", "cap_compressed_bytes_per_wheel"):
        if old.get(key) != new.get(key):
            raise SystemExit(f"--only: {key} differs from the file's ({old.get(key)}); read all")
    read = {p for p, row in data["packages"].items() if row["result"] != "read-as"}
    dates: dict[str, str] = {}
    for date, names in (
        old.get("read_on") or {old["snapshot_date"]: list(previous["packages"])}
    ).items():
        dates.update(dict.fromkeys(names, date))
    dates.update(dict.fromkeys(read, new["snapshot_date"]))
    both = {**previous["packages"], **data["packages"]}
    packages = {p: r for p, r in both.items() if r["result"] != "read-as"}
    packages.update((p, r) for p, r in both.items() if r["result"] == "read-as")
    read_on: dict[str, list[str]] = {}
    for package in packages:
        if packages[package]["result"] != "read-as" and package in dates:
            read_on.setdefault(dates[package], []).append(package)
    provenance = dict(new)
    if len(read_on) > 1:
        provenance["read_on"] = dict(sorted(read_on.items()))
    return {"provenance": provenance, "packages": packages}


def main(argv: list[str] | None = None) -> int:
    """Read the index and write the source file; return the exit status."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--index-url")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "tests/fixtures/compat/pypi_numpy2.json",
    )
    parser.add_argument("--cap-mib", type=int, default=512)
    parser.add_argument("--only", nargs="*", help="read only these packages")
    parser.add_argument("--workers", type=int, default=4, help="packages read at once")
    args = parser.parse_args(argv)
    names = args.only or [p for p in PACKAGES if p not in READ_AS]
    data = build(index_url(args.index_url), args.cap_mib << 20, names, args.workers)
    if args.only and args.out.exists():
        data = merge(json.loads(args.out.read_text(encoding="utf-8")), data)
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['packages'])} packages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
