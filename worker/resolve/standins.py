"""Stand-in wheels for releases that publish only an sdist, so uv can resolve past them.

depreview never builds an sdist (no setup code from an index or a pull request runs), and uv
with `--no-build` stops at the first package with no usable wheel: an environment holding
omegaconf (antlr4-python3-runtime 4.9.3 is an sdist only) or langdetect was not resolved at
all past it. A stand-in is a wheel depreview writes for such a release, given to uv with
`--find-links`: the release's name and version, the Requires-Python its index lists, no
Requires-Dist, tagged `py30-none-any`. That tag is the last one a Python 3 interpreter
accepts, so a real wheel of the release that fits the target always wins over the stand-in
(uv 0.13.9: six 1.17.0's real wheel is taken over a stand-in naming a missing package;
PyYAML 5.4.1's stand-in is taken on Python 3.11, which has no cp311 wheel, and not on 3.8).

What this changes in what a resolution proves: the stand-in omits the sdist's own
requirements, and leaving requirements out only removes constraints, so a conflict uv finds
with stand-ins is a conflict with the real sdists; a resolution that succeeds says nothing
about what those sdists need (the review says so, per package).

Releases come from the same indexes uv reads, fetched through the same egress proxy: a
PEP 691 JSON or PEP 503 HTML project page (`file://` ones read from disk), and the
`--find-links` pages or folders. Only releases with a non-yanked sdist get a stand-in.
"""

from __future__ import annotations

import email.parser
import html.parser
import io
import json
import tarfile
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

#: The tag of every stand-in: accepted by any Python 3, ranked below every other tag.
STANDIN_TAG = "py30-none-any"
_ACCEPT = "application/vnd.pypi.simple.v1+json, text/html;q=0.1"
#: A project page larger than this is not read (the largest on PyPI are a few MB).
_MAX_PAGE = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Release:
    """One release of a project as its index lists it."""

    version: str
    sdist: bool
    wheels: bool
    requires_python: str | None = None
    sdist_url: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Where releases are listed: an index (`url/<project>/`) or a find-links page/folder."""

    url: str
    flat: bool = False


@dataclass(frozen=True, slots=True)
class ListedFile:
    """One file a project page lists; `url` as the page gives it (relative to the page)."""

    filename: str
    yanked: bool
    requires_python: str | None
    url: str = ""


class _Anchors(html.parser.HTMLParser):
    """The `<a>` elements of a PEP 503 page: file name (from the href), yanked, Requires-Python."""

    def __init__(self) -> None:
        super().__init__()
        self.files: list[ListedFile] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        values = dict(attrs)
        href = values.get("href") or ""
        path = urllib.parse.urlsplit(href).path
        name = urllib.parse.unquote(path.rsplit("/", 1)[-1])
        if name:
            self.files.append(
                ListedFile(name, "data-yanked" in values, values.get("data-requires-python"), href)
            )


def parse_page(body: bytes, content_type: str) -> list[ListedFile]:
    """The files a project page lists (PEP 691 JSON when `content_type` says so, else PEP 503
    HTML); nothing from a page that is neither."""
    if "json" in content_type:
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return []
        files = data.get("files", []) if isinstance(data, dict) else []
        files = files if isinstance(files, list) else []
        return [
            ListedFile(
                str(f.get("filename", "")),
                bool(f.get("yanked")),
                f.get("requires-python") if isinstance(f.get("requires-python"), str) else None,
                str(f.get("url")) if isinstance(f.get("url"), str) else "",
            )
            for f in files
            if isinstance(f, dict)
        ]
    parser = _Anchors()
    parser.feed(body.decode("utf-8", errors="replace"))
    return parser.files


def _local(url: str) -> Path | None:
    if url.startswith("file:"):
        return Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path))
    if url.startswith("/"):
        return Path(url)
    return None


def _fetch(
    url: str, proxy_url: str | None, timeout_s: float, *, limit: int, accept: str = "*/*"
) -> tuple[bytes, str] | None:
    """The body (at most `limit` bytes) and content type at an http(s) `url`, through the
    egress proxy; None when absent, unreachable or larger (a stand-in is only ever an
    addition: nothing is made up when a page or an archive is missing)."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        return None
    handler = urllib.request.ProxyHandler(
        {"http": proxy_url, "https": proxy_url} if proxy_url else {}
    )
    opener = urllib.request.build_opener(handler)
    request = urllib.request.Request(url, headers={"Accept": accept})  # noqa: S310 (http(s) only)
    try:
        with opener.open(request, timeout=timeout_s) as response:
            body: bytes = response.read(limit + 1)
            kind = str(response.headers.get("Content-Type", ""))
    except (urllib.error.URLError, OSError, ValueError):
        return None
    if len(body) > limit:
        return None
    return body, kind


def _files(
    source: Source, project: str, proxy_url: str | None, timeout_s: float
) -> list[ListedFile] | None:
    """The files `source` lists for `project`; None when it lists nothing or cannot be read."""
    local = _local(source.url)
    if local is not None:
        if source.flat:
            if not local.is_dir():
                return None
            return [
                ListedFile(p.name, False, None, p.as_uri())
                for p in sorted(local.iterdir())
                if p.is_file()
            ]
        page = local / project / "index.html"
        if not page.is_file():
            return None
        return _absolute(parse_page(page.read_bytes(), "text/html"), page.as_uri())
    url = source.url if source.flat else f"{source.url.rstrip('/')}/{project}/"
    fetched = _fetch(url, proxy_url, timeout_s, limit=_MAX_PAGE, accept=_ACCEPT)
    if fetched is None:
        return None
    return _absolute(parse_page(*fetched), url)


def _absolute(files: list[ListedFile], page: str) -> list[ListedFile]:
    return [
        ListedFile(f.filename, f.yanked, f.requires_python, urllib.parse.urljoin(page, f.url))
        if f.url
        else f
        for f in files
    ]


def releases_of(files: Iterable[ListedFile], project: str) -> dict[str, Release]:
    found: dict[Version, Release] = {}
    for f in files:
        if f.yanked:
            continue
        try:
            if f.filename.endswith(".whl"):
                name, version, _, _ = parse_wheel_filename(f.filename)
                sdist, wheel = False, True
            else:
                name, version = parse_sdist_filename(f.filename)
                sdist, wheel = True, False
        except (InvalidSdistFilename, InvalidWheelFilename):
            continue
        if name != project:
            continue
        seen = found.get(version, Release(str(version), False, False))
        found[version] = Release(
            str(version),
            seen.sdist or sdist,
            seen.wheels or wheel,
            seen.requires_python or (f.requires_python if sdist else None),
            seen.sdist_url or (f.url.split("#", 1)[0] or None if sdist else None),
        )
    return {str(v): found[v] for v in sorted(found)}


def releases(
    name: str,
    sources: Sequence[Source],
    *,
    first_index: bool,
    proxy_url: str | None,
    timeout_s: float = 30.0,
) -> dict[str, Release]:
    """`name`'s releases over `sources`, the way uv reads them: every find-links source, and
    (`first_index`) only the first index that lists the project, else every index."""
    project = canonicalize_name(name)
    files: list[ListedFile] = []
    index_found = False
    for source in sources:
        if not source.flat and first_index and index_found:
            continue
        listed = _files(source, project, proxy_url, timeout_s)
        if listed:
            files.extend(listed)
            index_found = index_found or not source.flat
    return releases_of(files, project)


def _metadata(name: str, version: str, requires_python: str | None, requires: Sequence[str]) -> str:
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
    if requires_python:
        lines.append(f"Requires-Python: {requires_python}")
    lines.extend(f"Requires-Dist: {line}" for line in requires)
    return "\n".join(lines) + "\n"


def write_standins(
    directory: Path,
    name: str,
    found: Mapping[str, Release],
    requires: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """A stand-in wheel in `directory` for each release of `name` with an sdist (`requires`:
    the Requires-Dist read from some of those sdists, by version); the versions written."""
    directory.mkdir(parents=True, exist_ok=True)
    stem_name = canonicalize_name(name).replace("-", "_")
    written: list[str] = []
    for version, release in found.items():
        if not release.sdist:
            continue
        stem = f"{stem_name}-{version}"
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(
                f"{stem}.dist-info/METADATA",
                _metadata(
                    name, version, release.requires_python, (requires or {}).get(version, ())
                ),
            )
            archive.writestr(
                f"{stem}.dist-info/WHEEL",
                f"Wheel-Version: 1.0\nGenerator: depreview\nRoot-Is-Purelib: true\n"
                f"Tag: {STANDIN_TAG}\n",
            )
            archive.writestr(f"{stem}.dist-info/RECORD", "")
        (directory / f"{stem}-{STANDIN_TAG}.whl").write_bytes(buffer.getvalue())
        written.append(version)
    return written


#: The largest sdist read for its metadata, and the most archive members looked through.
MAX_SDIST_BYTES = 32 * 1024 * 1024
_MAX_MEMBERS = 2000
_MAX_MEMBER_BYTES = 1024 * 1024


def sdist_requirements(url: str, proxy_url: str | None, timeout_s: float) -> tuple[str, ...] | None:
    """The Requires-Dist an sdist states without being built: its PKG-INFO's where the
    metadata is 2.2 or later and does not mark Requires-Dist dynamic (PEP 643), else its
    ``*.egg-info/requires.txt`` (what setuptools wrote when the sdist was made: the lines of
    no section, and of ``[:<marker>]`` sections with the marker; extras left out), as the
    knowledge base reads sdist-only releases (scripts/requires_from_index.py). None when the
    archive cannot be read or states nothing; the archive is read in memory, nothing in it
    runs or is written out."""
    body = _read_archive(url, proxy_url, timeout_s)
    if body is None:
        return None
    members = _small_members(body, url)
    if members is None:
        return None
    pkg_info = next(
        (
            text
            for path, text in members.items()
            if path.count("/") == 1 and path.endswith("/PKG-INFO")
        ),
        None,
    )
    if pkg_info is not None:
        static = _static_requires(pkg_info)
        if static is not None:
            return static
    requires = next(
        (
            text
            for path, text in members.items()
            if path.count("/") <= 2 and path.endswith(".egg-info/requires.txt")
        ),
        None,
    )
    return None if requires is None else egg_info_requires(requires)


def _read_archive(url: str, proxy_url: str | None, timeout_s: float) -> bytes | None:
    local = _local(url)
    if local is not None:
        if not local.is_file() or local.stat().st_size > MAX_SDIST_BYTES:
            return None
        return local.read_bytes()
    fetched = _fetch(url, proxy_url, timeout_s, limit=MAX_SDIST_BYTES)
    return None if fetched is None else fetched[0]


def _small_members(body: bytes, url: str) -> dict[str, str] | None:
    """PKG-INFO and requires.txt members of an sdist archive (tar or zip), by path."""
    wanted = ("/PKG-INFO", ".egg-info/requires.txt")
    found: dict[str, str] = {}
    try:
        if urllib.parse.urlsplit(url).path.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                for info in archive.infolist()[:_MAX_MEMBERS]:
                    if info.filename.endswith(wanted) and info.file_size <= _MAX_MEMBER_BYTES:
                        found[info.filename] = archive.read(info).decode("utf-8", "replace")
            return found
        with tarfile.open(fileobj=io.BytesIO(body), mode="r:*") as tar:
            for count, member in enumerate(tar):
                if count >= _MAX_MEMBERS:
                    break
                if (
                    member.isfile()
                    and member.name.endswith(wanted)
                    and member.size <= _MAX_MEMBER_BYTES
                    and (handle := tar.extractfile(member)) is not None
                ):
                    found[member.name] = handle.read().decode("utf-8", "replace")
    except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None
    return found


def _static_requires(pkg_info: str) -> tuple[str, ...] | None:
    message = email.parser.HeaderParser().parsestr(pkg_info)
    try:
        version = Version(message.get("Metadata-Version", "1.0"))
    except InvalidVersion:
        return None
    dynamic = {value.strip().lower() for value in message.get_all("Dynamic", [])}
    if version < Version("2.2") or "requires-dist" in dynamic:
        return None
    return tuple(str(value).strip() for value in message.get_all("Requires-Dist", []))


def egg_info_requires(text: str) -> tuple[str, ...]:
    """Requires-Dist lines from an egg-info ``requires.txt``: the lines before any section,
    and those of ``[:<marker>]`` sections with the marker added; ``[extra]`` and
    ``[extra:<marker>]`` sections are an extra's, left out. Lines that are no requirement are
    dropped."""
    lines: list[str] = []
    marker: str | None = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            extra, _, condition = line[1:-1].partition(":")
            marker = condition.strip() if not extra.strip() and condition.strip() else None
            continue
        if marker is None:
            continue
        try:
            Requirement(line)
        except InvalidRequirement:
            continue
        lines.append(f"{line} ; {marker}" if marker else line)
    return tuple(lines)
