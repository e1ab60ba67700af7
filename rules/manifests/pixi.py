"""pixi workspaces: ``pixi.toml``, and ``[tool.pixi]`` in ``pyproject.toml``.

Read: the channels (``[workspace]`` or ``[project]``, and each feature's), the conda
``dependencies`` (a match-spec version string, or a table with ``version`` / ``build`` /
``channel``; ``path`` / ``git`` / ``url`` entries are local or source packages and are
skipped), the ``pypi-dependencies`` (a PEP 440 string, or a table with ``version`` and
``extras``; ``path`` / ``git`` / ``url`` entries are recorded with their URL), the
``system-requirements`` ``cuda``, and the same tables under ``target.<selector>`` for the
selectors that hold on Linux x86_64 (``linux-64``, ``linux``, ``unix``): depreview judges the
Linux install that images and CI make. Each table of the default feature (the top level) and
of ``[feature.<name>]``.

Environments: ``[environments]`` maps a name to a list of features, or to a table with
``features`` and ``no-default-feature``; every environment holds the default feature unless
it says otherwise, and ``default`` (the default feature alone, unless listed) always exists.
Each pixi environment is a depreview environment of its own, ``pixi.toml#<env>`` or
``pyproject.toml#pixi:<env>``: a feature's requirement appears once in each environment that
holds the feature, at the line that declares it, so that the rules judge what pixi solves
together (``tests-numpy1 = ["py311", "tests", "numpy1"]``).

Facts, per environment: the Python its conda ``python`` spec admits (the minor when it admits
one, ``3.11`` for ``~=3.11.0`` or ``3.11.*``; else the specifier), the CUDA of its
``system-requirements`` and of conda CUDA packages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from rules.kb.pyspec import minors_admitted
from rules.manifests.conda import CUDA_PACKAGES, parse_match_spec
from rules.manifests.errors import parse_error
from rules.manifests.model import (
    Ecosystem,
    Fact,
    FactKind,
    Group,
    Index,
    IndexKind,
    ManifestParts,
    Requirement,
    Span,
)
from rules.manifests.requirements import parse_pep508
from rules.manifests.tomlspans import TomlLocator

_Table = tuple[str, ...]
#: ``target.<selector>`` tables that hold on Linux x86_64.
_LINUX_SELECTORS = ("unix", "linux", "linux-64")
DEFAULT = "default"


@dataclass
class _Feature:
    """What one feature declares, read once and copied into each environment holding it."""

    conda: list[tuple[_Table, str, object]] = field(default_factory=list)
    pypi: list[tuple[_Table, str, object]] = field(default_factory=list)
    cuda: list[tuple[_Table, str]] = field(default_factory=list)
    channels: list[tuple[_Table, str]] = field(default_factory=list)
    #: its ``[pypi-options]`` table and where it stands
    pypi_options: tuple[_Table, Mapping[str, Any]] = ((), {})


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _feature(root: _Table, table: Mapping[str, Any]) -> _Feature:
    """The tables of one feature (`root` is its place: the top level or ``feature.<name>``)."""
    feature = _Feature()
    places: list[tuple[_Table, Mapping[str, Any]]] = [(root, table)]
    targets = _mapping(table.get("target"))
    for selector in _LINUX_SELECTORS:
        if selector in targets:
            places.append(((*root, "target", selector), _mapping(targets[selector])))
    for place, values in places:
        for key, spec in _mapping(values.get("dependencies")).items():
            feature.conda.append(((*place, "dependencies"), str(key), spec))
        for key, spec in _mapping(values.get("pypi-dependencies")).items():
            feature.pypi.append(((*place, "pypi-dependencies"), str(key), spec))
        cuda = _mapping(values.get("system-requirements")).get("cuda")
        if isinstance(cuda, str | int | float):
            feature.cuda.append(((*place, "system-requirements"), str(cuda)))
    feature.pypi_options = ((*root, "pypi-options"), _mapping(table.get("pypi-options")))
    channels = table.get("channels")
    for item in channels if isinstance(channels, list) else []:
        name = item.get("channel") if isinstance(item, Mapping) else item
        if isinstance(name, str):
            feature.channels.append((root, name))
    return feature


def _environments(workspace: Mapping[str, Any]) -> dict[str, list[str]]:
    """Each environment and the features it holds, the default feature first where held."""
    found: dict[str, list[str]] = {}
    for name, value in _mapping(workspace.get("environments")).items():
        if isinstance(value, list):
            features, no_default = value, False
        else:
            table = _mapping(value)
            features = table.get("features", [])
            no_default = table.get("no-default-feature") is True
        listed = (
            [str(f) for f in features if isinstance(f, str)] if isinstance(features, list) else []
        )
        found[str(name)] = ([] if no_default else [DEFAULT]) + [f for f in listed if f != DEFAULT]
    found.setdefault(DEFAULT, [DEFAULT])
    return found


@dataclass
class PixiReader(ManifestParts):
    """Reads the pixi tables of one file into requirements, indexes and facts."""

    path: str
    lines: list[str]
    locator: TomlLocator
    #: the table the pixi manifest starts at: () in pixi.toml, ("tool", "pixi") in pyproject
    prefix: _Table = ()
    #: where each (table, key) is written: a feature's line is read once per environment
    places: dict[tuple[_Table, str], tuple[int, int]] = field(default_factory=dict)

    def environment(self, name: str) -> str:
        if self.prefix:
            return f"{self.path}#pixi:{name}"
        return f"{self.path}#{name}"

    def span(self, at: tuple[int, int]) -> Span:
        return Span(self.path, at[0], at[1])

    def place(self, table: _Table, key: str, value: object) -> tuple[int, int]:
        """Where `key` of `table` is written: its string value, else the key."""
        if (table, key) not in self.places:
            self.places[(table, key)] = (
                self.locator.value(table, key, value)
                if isinstance(value, str)
                else self.locator.key(table, key)
            )
        return self.places[(table, key)]

    def error(self, at: tuple[int, int], message: str) -> None:
        line, column = at
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else None
        self.errors.append(parse_error(self.path, line, column, message, text))

    def read(self, workspace: Mapping[str, Any]) -> None:
        """Read the manifest whose top-level table is `workspace`."""
        features = {DEFAULT: _feature(self.prefix, workspace)}
        for name, table in _mapping(workspace.get("feature")).items():
            features[str(name)] = _feature((*self.prefix, "feature", str(name)), _mapping(table))
        head = _mapping(workspace.get("workspace")) or _mapping(workspace.get("project"))
        head_key = "workspace" if "workspace" in workspace else "project"
        channels = [((*self.prefix, head_key), c) for c in head.get("channels", []) or []]
        for env, held in _environments(workspace).items():
            label = self.environment(env)
            for missing in [f for f in held if f not in features]:
                where = self.locator.key((*self.prefix, "environments"), env)
                self.error(where, f"environment {env!r}: no feature {missing!r} is declared")
            present = [(f, features[f]) for f in held if f in features]
            self._channels(label, [*(c for _, f in present for c in f.channels), *channels])
            # the workspace's options hold for every environment, a feature's for its own
            for feature in [features[DEFAULT], *(f for n, f in present if n != DEFAULT)]:
                self._pypi_options(label, *feature.pypi_options)
            for name, feature in present:
                group = None if name == DEFAULT else name
                for table, key, spec in feature.conda:
                    self._conda(label, table, key, spec, group)
                for table, key, spec in feature.pypi:
                    self._pypi(label, table, key, spec, group)
                for table, cuda in feature.cuda:
                    at = self.span(self.place(table, "cuda", None))
                    self.facts.append(Fact(FactKind.CUDA, cuda, at, f'cuda = "{cuda}"', label))

    def _pypi_options(self, label: str, table: _Table, options: Mapping[str, Any]) -> None:
        """``[pypi-options]``: the index, extra indexes and find-links pages pip-style
        installs of the environment read (snap-stanford/relbench's pixi.toml finds pyg-lib on
        ``find-links = [{ url = "https://data.pyg.org/whl/torch-2.4.0+cu121.html" }]``)."""
        found: list[tuple[str, IndexKind, tuple[int, int]]] = []
        index = options.get("index-url")
        if isinstance(index, str) and index:
            found.append(
                (index, IndexKind.INDEX_URL, self.locator.value(table, "index-url", index))
            )
        for key, kind in (
            ("extra-index-urls", IndexKind.EXTRA_INDEX_URL),
            ("find-links", IndexKind.FIND_LINKS),
        ):
            entries = options.get(key)
            for entry in entries if isinstance(entries, list) else []:
                url = entry.get("url") or entry.get("path") if isinstance(entry, Mapping) else entry
                if isinstance(url, str) and url:
                    found.append((url, kind, self.locator.key(table, key)))
        for url, kind, at in found:
            self.indexes.append(Index(url, kind, self.span(at), environment=label))

    def _channels(self, label: str, channels: list[tuple[_Table, object]]) -> None:
        for position, (table, channel) in enumerate(channels):
            if not isinstance(channel, str) or not channel:
                continue
            at = self.span(self.locator.value(table, "channels", channel))
            self.indexes.append(
                Index(
                    channel,
                    IndexKind.CONDA_CHANNEL,
                    at,
                    name=channel,
                    priority=str(position),
                    environment=label,
                )
            )

    def _conda(self, label: str, table: _Table, key: str, spec: object, held: str | None) -> None:
        version, build, channel = spec, None, None
        if isinstance(spec, Mapping):
            if any(k in spec for k in ("path", "git", "url")):
                return  # a source package (often the project itself): nothing to judge
            version, build, channel = (
                spec.get("version", "*"),
                spec.get("build"),
                spec.get("channel"),
            )
        if not isinstance(version, str) or not isinstance(build, str | None):
            self.error(self.locator.key(table, key), f"{key}: expected a version string")
            return
        text = f"{channel}::{key}" if isinstance(channel, str) else key
        text += f" {version}" if version.strip() not in ("", "*") else ""
        text += f" {build}" if build else ""
        at = self.place(table, key, spec)
        parsed = parse_match_spec(text)
        if parsed is None:
            self.error(at, f"{key}: not a conda version spec: {version!r}")
            return
        raw = f'{key} = "{spec}"' if isinstance(spec, str) else f"{key} = {dict(spec)!r}"  # type: ignore[call-overload]
        self.requirements.append(
            Requirement(
                name=parsed.name,
                raw=raw,
                location=self.span(at),
                specifier=parsed.specifier,
                pinned=parsed.version.lstrip("=") if parsed.exact else None,
                index=parsed.channel,
                group=Group.RUNTIME if held is None else Group.DEV,
                group_name=held,
                ecosystem=Ecosystem.CONDA,
                environment=label,
                build=parsed.build,
            )
        )
        span = self.span(at)
        if parsed.name == "python" and parsed.specifier:
            self.facts.append(Fact(FactKind.PYTHON, _python(parsed.specifier), span, raw, label))
        elif parsed.name in CUDA_PACKAGES and parsed.version:
            value = parsed.version if parsed.exact else parsed.specifier or parsed.version
            self.facts.append(Fact(FactKind.CUDA, value.rstrip("*").rstrip("."), span, raw, label))

    def _pypi(self, label: str, table: _Table, key: str, spec: object, held: str | None) -> None:
        at = self.place(table, key, spec)
        if isinstance(spec, str):
            text = _pep508(key, spec)
        elif isinstance(spec, Mapping):
            extras = spec.get("extras", [])
            head = key + (
                f"[{','.join(str(e) for e in extras)}]"
                if isinstance(extras, list) and extras
                else ""
            )
            source = next((spec[k] for k in ("url", "git") if isinstance(spec.get(k), str)), None)
            if "path" in spec:
                return  # a local project (often the workspace itself)
            version = spec.get("version", "*")
            if source is not None:
                vcs = "git+" if "git" in spec and not source.startswith("git+") else ""
                text = f"{head} @ {vcs}{source}"
            elif isinstance(version, str):
                text = _pep508(head, version)
            else:
                self.error(at, f"{key}: expected a version string")
                return
        else:
            self.error(at, f"{key}: expected a version string or a table")
            return
        parsed = parse_pep508(text)
        if isinstance(parsed, tuple):
            self.error(at, f"{key}: {parsed[0]}")
            return
        self.requirements.append(
            parsed.requirement(
                text,
                self.span(at),
                group=Group.RUNTIME if held is None else Group.DEV,
                group_name=held,
                environment=label,
            )
        )


def _python(specifier: str) -> str:
    """``3.11`` when a Python specifier admits one CPython minor, else the specifier."""
    try:
        spec = SpecifierSet(specifier)
    except InvalidSpecifier:
        return specifier
    minors = minors_admitted(spec)
    return minors[0] if len(minors) == 1 else specifier


def read_pixi(
    path: str, lines: list[str], locator: TomlLocator, workspace: Mapping[str, Any], prefix: _Table
) -> ManifestParts:
    """What the pixi manifest `workspace` (found at `prefix` in the file) declares."""
    reader = PixiReader(path=path, lines=lines, locator=locator, prefix=prefix)
    reader.read(workspace)
    reader.errors = list(dict.fromkeys(reader.errors))  # a feature's line, once per environment
    parts = ManifestParts()
    parts.extend(reader)
    return parts


def _pep508(head: str, version: str) -> str:
    """A pixi PyPI version as a PEP 508 line: ``*`` or nothing is any version, a bare
    version (``2.1.0``) is ``==2.1.0``, a specifier (``>=2.1``) stays."""
    version = version.strip()
    if version in ("", "*"):
        return head
    return head + (f"=={version}" if version[:1].isdigit() else version)
