"""Lock files as exact resolved sets: poetry.lock, uv.lock, pylock.toml, conda-lock, explicit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml
from packaging.utils import canonicalize_name

from rules.findings import Finding
from rules.manifests._yaml_nodes import BudgetExceeded, Walker, compose, position
from rules.manifests.errors import parse_error
from rules.manifests.model import (
    Ecosystem,
    Fact,
    FactKind,
    FileKind,
    Index,
    IndexKind,
    LockedPin,
    ManifestFile,
    ManifestParts,
    Span,
)
from rules.manifests.tomlspans import ArrayTableLocator, line_text, load_toml

_CONDA_SUFFIXES = (".conda", ".tar.bz2")


def _pypi_name(name: str) -> str:
    return str(canonicalize_name(name))


def _dependency_names(items: Iterable[Any]) -> tuple[str, ...]:
    """Normalized names of dependency entries (strings or tables with `name`), in order."""
    seen: dict[str, None] = {}
    for item in items:
        name = item.get("name") if isinstance(item, Mapping) else item
        if isinstance(name, str) and name.strip():
            seen.setdefault(_pypi_name(name.strip()), None)
    return tuple(seen)


def _scalar_metadata(data: Mapping[str, Any], keys: Iterable[str]) -> list[tuple[str, str]]:
    """(key, str(value)) for each scalar top-level key present in `data`."""
    return [
        (key, str(data[key]))
        for key in keys
        if key in data and isinstance(data[key], str | int | float | bool)
    ]


_VCS_PREFIXES = ("git+", "hg+", "svn+", "bzr+")


def _file_urls(*values: Any) -> tuple[str, ...]:
    """The URL strings among `values` (strings, `{url = ...}` tables, lists of them), VCS left out.

    Kept for the allow-list check (`untrusted-index`): installing a lock fetches them.
    """
    found: dict[str, None] = {}
    for value in values:
        items = value if isinstance(value, list) else [value]
        for item in items:
            url = item.get("url") if isinstance(item, Mapping) else item
            if isinstance(url, str) and url.strip() and not url.startswith(_VCS_PREFIXES):
                found.setdefault(url.strip(), None)
    return tuple(found)


class _TomlLock:
    """Shared walk over `[[<table>]]` entries of a TOML lock."""

    kind: FileKind
    table = "package"

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse a TOML lock; never raises."""
        data, error = load_toml(path, text)
        if data is None:
            return ManifestFile(path=path, kind=self.kind, errors=(error,) if error else ())
        entries = data.get(self.table, [])
        errors: list[Finding] = []
        locator = ArrayTableLocator(text, self.table)
        if not isinstance(entries, list):
            line = locator.headers[0] + 1 if locator.headers else 1
            errors.append(
                parse_error(
                    path,
                    line,
                    1,
                    f"expected `[[{self.table}]]` tables",
                    line_text(locator.lines, line),
                )
            )
            entries = []
        pins: list[LockedPin] = []
        for position_, entry in enumerate(entries):
            name = entry.get("name") if isinstance(entry, dict) else None
            line, column = locator.locate(
                position_, len(entries), name if isinstance(name, str) else ""
            )
            span = Span(path, line, column)
            if not isinstance(entry, dict) or not isinstance(name, str) or not name.strip():
                errors.append(
                    parse_error(
                        path,
                        line,
                        column,
                        f"expected a `name` in [[{self.table}]]",
                        line_text(locator.lines, line),
                    )
                )
                continue
            pin = self._pin(entry, name.strip(), span)
            if isinstance(pin, str):
                if pin:
                    errors.append(
                        parse_error(path, line, column, pin, line_text(locator.lines, line))
                    )
                continue
            pins.append(pin)
        metadata, extra_errors = self._metadata(data, path, locator.lines)
        errors.extend(extra_errors)
        return ManifestFile(
            path=path, kind=self.kind, pins=tuple(pins), errors=tuple(errors), metadata=metadata
        )

    def _pin(self, entry: dict[str, Any], name: str, span: Span) -> LockedPin | str:
        """A pin, or an error message ("" to skip the entry silently)."""
        raise NotImplementedError

    def _metadata(
        self, data: dict[str, Any], path: str, lines: list[str]
    ) -> tuple[tuple[tuple[str, str], ...], list[Finding]]:
        raise NotImplementedError


def _version(entry: Mapping[str, Any]) -> str | None:
    version = entry.get("version")
    if isinstance(version, str) and version.strip():
        return version.strip()
    return None


def _python_versions(value: Any) -> str | None:
    """poetry.lock's ``python-versions`` of an entry; None for ``*`` or no value."""
    if isinstance(value, str) and value.strip() not in ("", "*"):
        return value.strip()
    return None


def _poetry_marker(markers: Any) -> str | None:
    if isinstance(markers, str):
        return markers or None
    if isinstance(markers, Mapping):  # Poetry 2: {group = marker}
        unique = list(dict.fromkeys(m for m in markers.values() if isinstance(m, str) and m))
        if len(unique) == 1:
            return unique[0]
        if unique:
            return " or ".join(f"({m})" for m in unique)
    return None


def _poetry_source(source: Any) -> str | None:
    if not isinstance(source, Mapping):
        return None
    kind = source.get("type")
    url = source.get("url")
    if not isinstance(url, str):
        return None
    if kind == "git":
        ref = source.get("resolved_reference") or source.get("reference")
        return f"git+{url}@{ref}" if isinstance(ref, str) and ref else f"git+{url}"
    return url


def _poetry_urls(source: Any) -> tuple[str, ...]:
    """A `[package.source]` URL Poetry installs from (legacy index, url); not git/file/dir."""
    if not isinstance(source, Mapping) or source.get("type") in ("git", "file", "directory"):
        return ()
    return _file_urls(source.get("url"))


class PoetryLockParser(_TomlLock):
    """poetry.lock: `[[package]]` pins, their sources and markers, and `[metadata]`."""

    kind = FileKind.POETRY_LOCK

    def _pin(self, entry: dict[str, Any], name: str, span: Span) -> LockedPin | str:
        version = _version(entry)
        if version is None:
            return f"expected a `version` for package {name!r}"
        dependencies = entry.get("dependencies")
        return LockedPin(
            name=_pypi_name(name),
            version=version,
            location=span,
            source=_poetry_source(entry.get("source")),
            marker=_poetry_marker(entry.get("markers")),
            dependencies=_dependency_names(dependencies) if isinstance(dependencies, dict) else (),
            urls=_poetry_urls(entry.get("source")),
            python_versions=_python_versions(entry.get("python-versions")),
        )

    def _metadata(
        self, data: dict[str, Any], path: str, lines: list[str]
    ) -> tuple[tuple[tuple[str, str], ...], list[Finding]]:
        meta = data.get("metadata")
        if not isinstance(meta, dict):
            return (), []
        return tuple(
            _scalar_metadata(meta, ("lock-version", "python-versions", "content-hash"))
        ), []


def _uv_source(source: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(source text, local kind) of a uv.lock `source` table; local kind for project code."""
    for local in ("editable", "virtual"):
        if isinstance(source.get(local), str):
            return f"{local}+{source[local]}", local
    for key, prefix in (
        ("registry", ""),
        ("git", "git+"),
        ("url", ""),
        ("path", "path+"),
        ("directory", "directory+"),
    ):
        value = source.get(key)
        if isinstance(value, str):
            return prefix + value, None
    return None, None


def _uv_urls(entry: Mapping[str, Any]) -> tuple[str, ...]:
    """A uv.lock package's registry or direct URL, sdist URL and wheel URLs."""
    source = entry.get("source")
    registry = [source.get("registry"), source.get("url")] if isinstance(source, Mapping) else []
    return _file_urls(*registry, entry.get("sdist"), entry.get("wheels"))


class UvLockParser(_TomlLock):
    """uv.lock: `[[package]]` pins; the project itself and workspace members are metadata."""

    kind = FileKind.UV_LOCK

    def _pin(self, entry: dict[str, Any], name: str, span: Span) -> LockedPin | str:
        raw_source = entry.get("source")
        source, local = _uv_source(raw_source) if isinstance(raw_source, Mapping) else (None, None)
        if local is not None:
            return ""  # the project's own code (root or workspace member), not a resolved pin
        version = _version(entry)
        if version is None:
            if source is None or not source.startswith(("git+", "path+", "directory+")):
                return f"expected a `version` for package {name!r}"
            version = ""
        dependencies = entry.get("dependencies")
        return LockedPin(
            name=_pypi_name(name),
            version=version,
            location=span,
            source=source,
            dependencies=_dependency_names(dependencies) if isinstance(dependencies, list) else (),
            urls=_uv_urls(entry),
        )

    def _metadata(
        self, data: dict[str, Any], path: str, lines: list[str]
    ) -> tuple[tuple[tuple[str, str], ...], list[Finding]]:
        meta = _scalar_metadata(data, ("version", "revision", "requires-python"))
        packages = data.get("package")
        for entry in packages if isinstance(packages, list) else []:
            if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str):
                continue
            source = entry.get("source")
            if not isinstance(source, Mapping):
                continue
            _, local = _uv_source(source)
            if local is not None:
                root = source.get(local) == "."
                meta.append(("root" if root else "workspace-member", _pypi_name(entry["name"])))
        return tuple(meta), []


def _pylock_source(entry: Mapping[str, Any]) -> str | None:
    vcs = entry.get("vcs")
    if isinstance(vcs, Mapping):
        kind = vcs.get("type") if isinstance(vcs.get("type"), str) else "vcs"
        url = vcs.get("url") or vcs.get("path")
        commit = vcs.get("commit-id")
        if isinstance(url, str):
            return f"{kind}+{url}@{commit}" if isinstance(commit, str) else f"{kind}+{url}"
    for key, prefix in (("archive", ""), ("directory", "directory+")):
        table = entry.get(key)
        if isinstance(table, Mapping):
            value = table.get("url") or table.get("path")
            if isinstance(value, str):
                return prefix + value
    index = entry.get("index")
    return index if isinstance(index, str) else None


class PylockParser(_TomlLock):
    """PEP 751 pylock.toml: `[[packages]]` with index, marker, vcs/archive/directory sources."""

    kind = FileKind.PYLOCK
    table = "packages"

    def _pin(self, entry: dict[str, Any], name: str, span: Span) -> LockedPin | str:
        version = _version(entry)
        has_local = any(isinstance(entry.get(k), Mapping) for k in ("vcs", "archive", "directory"))
        if version is None and not has_local:
            return f"expected a `version` for package {name!r}"
        marker = entry.get("marker")
        dependencies = entry.get("dependencies")
        return LockedPin(
            name=_pypi_name(name),
            version=version or "",
            location=span,
            source=_pylock_source(entry),
            marker=marker if isinstance(marker, str) and marker else None,
            dependencies=_dependency_names(dependencies) if isinstance(dependencies, list) else (),
            urls=_file_urls(
                entry.get("index"), entry.get("archive"), entry.get("sdist"), entry.get("wheels")
            ),
        )

    def _metadata(
        self, data: dict[str, Any], path: str, lines: list[str]
    ) -> tuple[tuple[tuple[str, str], ...], list[Finding]]:
        meta = _scalar_metadata(data, ("lock-version", "requires-python", "created-by"))
        errors: list[Finding] = []
        environments = data.get("environments")
        for environment in environments if isinstance(environments, list) else []:
            if isinstance(environment, str):
                meta.append(("environment", environment))
        version = data.get("lock-version")
        if not isinstance(version, str):
            line = next(
                (i + 1 for i, text in enumerate(lines) if text.lstrip().startswith("lock-version")),
                1,
            )
            errors.append(
                parse_error(
                    path,
                    line,
                    1,
                    "expected `lock-version` (a string such as '1.0')",
                    line_text(lines, line),
                )
            )
        return tuple(meta), errors


def conda_channel(url: str) -> tuple[str, str | None]:
    """(channel, subdir) of a conda package URL (anaconda.org URLs give short channel names)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "Invalid IPv6 URL" and friends
        return url, None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2:
        return url, None
    subdir = segments[-2]
    channel_path = "/".join(segments[:-2])
    host = parts.netloc.lower()
    if host in {"conda.anaconda.org", "repo.anaconda.com"} and channel_path:
        return channel_path, subdir
    base = f"{parts.scheme}://{parts.netloc}/{channel_path}" if parts.scheme else channel_path
    return base.rstrip("/"), subdir


def conda_filename(url: str) -> tuple[str, str, str] | None:
    """(name, version, build) from a conda package file name (names may contain dashes)."""
    try:
        filename = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    except ValueError:
        return None
    for suffix in _CONDA_SUFFIXES:
        if filename.endswith(suffix):
            stem = filename[: -len(suffix)]
            pieces = stem.rsplit("-", 2)
            if len(pieces) == 3 and all(pieces):
                return pieces[0].lower(), pieces[1], pieces[2]
    return None


class CondaLockParser:
    """conda-lock.yml (format version 1): per-platform conda and pip pins, channels, platforms."""

    kind = FileKind.CONDA_LOCK

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse a conda-lock file; never raises."""
        root, error = compose(path, text)
        if error is not None:
            return ManifestFile(path=path, kind=self.kind, errors=(error,))
        walker = _CondaLockWalk(path, text.split("\n"))
        try:
            walker.walk(root)
        except BudgetExceeded:
            walker.errors.append(
                parse_error(path, 1, 1, "document too large to read (YAML aliases expand it)")
            )
        return walker.manifest_file(path, self.kind)


class _CondaLockWalk(Walker, ManifestParts):
    """State of one conda-lock walk."""

    def __init__(self, path: str, lines: list[str]) -> None:
        Walker.__init__(self)
        ManifestParts.__init__(self)
        self.path = path
        self.lines = lines

    def _error(self, node: yaml.Node | None, expected: str) -> None:
        line, column = position(node) if node is not None else (1, 1)
        if line > len(self.lines):  # an empty document's node starts after the last line
            line, column = max(1, len(self.lines)), 1
        self.errors.append(
            parse_error(self.path, line, column, expected, line_text(self.lines, line))
        )

    def walk(self, root: yaml.Node | None) -> None:
        if not isinstance(root, yaml.MappingNode):
            self._error(root, "expected a conda-lock mapping with `version`, `metadata`, `package`")
            return
        version_node = self.get(root, "version")
        version = self.scalar(version_node)
        if version != "1":
            self._error(version_node or root, "expected `version: 1` (conda-lock format 1)")
        else:
            self.metadata.append(("version", version))
        self._metadata(self.get(root, "metadata"))
        packages = self.get(root, "package")
        if not isinstance(packages, yaml.SequenceNode):
            self._error(packages or root, "expected a `package` list")
            return
        for item in self.sequence(packages):
            self._package(item)

    def _metadata(self, meta: yaml.Node | None) -> None:
        for node in self.sequence(self.get(meta, "platforms")):
            platform = self.scalar(node)
            if platform:
                line, column = position(node)
                self.facts.append(
                    Fact(FactKind.PLATFORM, platform, Span(self.path, line, column), platform)
                )
        for node in self.sequence(self.get(meta, "channels")):
            url = self.scalar(self.get(node, "url")) or self.scalar(node)
            if url:
                line, column = position(node)
                self.indexes.append(
                    Index(url, IndexKind.CONDA_CHANNEL, Span(self.path, line, column), name=url)
                )
        for key, value in self.mapping(self.get(meta, "content_hash")):
            platform, digest = self.scalar(key), self.scalar(value)
            if platform and digest:
                self.metadata.append((f"content-hash:{platform}", digest))
        for node in self.sequence(self.get(meta, "sources")):
            source = self.scalar(node)
            if source:
                self.metadata.append(("source", source))

    def _package(self, item: yaml.Node) -> None:
        name = self.scalar(self.get(item, "name"))
        version_node = self.get(item, "version")
        version = self.scalar(version_node)
        if not name or version is None:
            self._error(item, "expected a package with `name` and `version`")
            return
        manager = self.scalar(self.get(item, "manager")) or "conda"
        if manager not in {"conda", "pip"}:
            self._error(self.get(item, "manager"), "expected `manager: conda` or `manager: pip`")
            return
        url = self.scalar(self.get(item, "url"))
        platform = self.scalar(self.get(item, "platform"))
        build = self.scalar(self.get(item, "build"))
        source: str | None = url
        if manager == "conda":
            if url:
                source, subdir = conda_channel(url)
                platform = platform or subdir
                decoded = conda_filename(url)
                if build is None and decoded is not None:
                    build = decoded[2]
            ecosystem, pin_name = Ecosystem.CONDA, name.lower()
        else:
            ecosystem, pin_name = Ecosystem.PYPI, _pypi_name(name)
        dependencies = tuple(
            dict.fromkeys(
                d.lower() if manager == "conda" else _pypi_name(d)
                for d in (self.scalar(k) for k, _ in self.mapping(self.get(item, "dependencies")))
                if d
            )
        )
        line, column = position(self.key(item, "name") or item)
        self.pins.append(
            LockedPin(
                name=pin_name,
                version=version,
                location=Span(self.path, line, column),
                ecosystem=ecosystem,
                source=source,
                build=build,
                dependencies=dependencies,
                platform=platform,
                urls=_file_urls(url),
            )
        )


class CondaExplicitParser:
    """conda `--explicit` lists: `@EXPLICIT` then one package URL per line."""

    kind = FileKind.CONDA_EXPLICIT

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse an explicit list; never raises."""
        lines = text.split("\n")
        pins: list[LockedPin] = []
        facts: list[Fact] = []
        errors: list[Finding] = []
        indexes: dict[str, Index] = {}
        platform: str | None = None
        explicit_seen = False
        for number, raw in enumerate(lines, start=1):
            stripped = raw.strip()
            column = len(raw) - len(raw.lstrip()) + 1
            if not stripped:
                continue
            if stripped.startswith("#"):
                key, _, value = stripped[1:].partition(":")
                if key.strip().lower() == "platform" and value.strip():
                    platform = value.strip()
                    facts.append(
                        Fact(FactKind.PLATFORM, platform, Span(path, number, column), stripped)
                    )
                continue
            if stripped == "@EXPLICIT":
                explicit_seen = True
                continue
            if not explicit_seen:
                errors.append(parse_error(path, number, column, "expected `@EXPLICIT` first", raw))
                explicit_seen = True  # report once, then read the rest
            url, _, _digest = stripped.partition("#")
            url = url.strip()
            decoded = conda_filename(url) if "://" in url else None
            if decoded is None:
                errors.append(
                    parse_error(
                        path,
                        number,
                        column,
                        "expected a package URL ending in .conda or .tar.bz2",
                        raw,
                    )
                )
                continue
            channel, subdir = conda_channel(url)
            indexes.setdefault(
                channel,
                Index(channel, IndexKind.CONDA_CHANNEL, Span(path, number, column), name=channel),
            )
            name, version, build = decoded
            pins.append(
                LockedPin(
                    name=name,
                    version=version,
                    location=Span(path, number, column),
                    ecosystem=Ecosystem.CONDA,
                    source=channel,
                    build=build,
                    platform=subdir if subdir and subdir != "noarch" else platform or subdir,
                )
            )
        return ManifestFile(
            path=path,
            kind=self.kind,
            pins=tuple(pins),
            indexes=tuple(indexes.values()),
            facts=tuple(facts),
            errors=tuple(errors),
        )
