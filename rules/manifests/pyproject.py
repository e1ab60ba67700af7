"""pyproject.toml: PEP 621, PEP 735 dependency groups, Poetry, uv sources and indexes, build-system.

Environments: runtime requirements use the file path; extras, groups and the build
requirements use ``path#<name>`` (``path#build`` for build-system). PEP 735 groups are
expanded: a group that includes another also lists the included group's requirements.
`FactKind.PYTHON` facts from here carry a PEP 440 specifier (``>=3.10``) as value and the
line as written as detail. ``[tool.pixi]`` is read by rules.manifests.pixi. Not read: PDM,
Hatch environments, ``dynamic`` metadata (listed in metadata as ``dynamic``). Metadata also
carries ``name`` ([project]) and ``build-backend``, by which rules tell libraries from
applications.
"""

from __future__ import annotations

import json
import posixpath
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from packaging.markers import InvalidMarker, Marker
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.utils import canonicalize_name

from rules.findings import Severity
from rules.manifests.errors import parse_error
from rules.manifests.locks import UV_MODES
from rules.manifests.model import (
    Ecosystem,
    Fact,
    FactKind,
    FileKind,
    Group,
    Index,
    IndexKind,
    ManifestFile,
    ManifestParts,
    Requirement,
    Span,
)
from rules.manifests.pixi import read_pixi
from rules.manifests.poetry_constraints import poetry_to_pep440
from rules.manifests.poetry_hash import content_hash
from rules.manifests.requirements import ParsedRequirement, parse_pep508
from rules.manifests.setupcfg import REQUIREMENTS_FILE
from rules.manifests.text import split_lines
from rules.manifests.tomlspans import TomlLocator, toml_error_position

#: PyPI's simple index, where pip and uv look when nothing else is declared.
PYPI_SIMPLE = "https://pypi.org/simple"
_Table = tuple[str, ...]


@dataclass
class _Builder(ManifestParts):
    path: str
    lines: list[str]
    locator: TomlLocator

    def span(self, at: tuple[int, int]) -> Span:
        return Span(self.path, at[0], at[1])

    def error(self, at: tuple[int, int], message: str, *, warn: bool = False) -> None:
        line, column = at
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else None
        finding = parse_error(self.path, line, column, message, text)
        self.errors.append(replace(finding, severity=Severity.WARNING) if warn else finding)

    def environment(self, name: str | None) -> str:
        return self.path if name is None else f"{self.path}#{name}"

    # -- PEP 508 strings ----------------------------------------------------------------
    def pep508_list(
        self,
        value: object,
        table: _Table,
        key: str,
        group: Group,
        group_name: str | None,
        env_name: str | None,
    ) -> None:
        if not isinstance(value, list):
            self.error(self.locator.key(table, key), f"{key} must be a list of strings")
            return
        for item in value:
            if isinstance(item, str):
                self.pep508(item, self.locator.value(table, key, item), group, group_name, env_name)
            else:
                self.error(self.locator.key(table, key), f"{key}: expected a string, got {item!r}")

    def pep508(
        self,
        text: str,
        at: tuple[int, int],
        group: Group,
        group_name: str | None,
        env_name: str | None,
    ) -> None:
        parsed = parse_pep508(text)
        if isinstance(parsed, tuple):
            message, offset = parsed
            # the value sits one character after its opening quote
            self.error((at[0], at[1] + 1 + offset), message)
            return
        self.requirements.append(
            parsed.requirement(
                text,
                self.span(at),
                group=group,
                group_name=group_name,
                environment=self.environment(env_name),
                is_constraint=group == Group.CONSTRAINT,
            )
        )


def _table(data: Mapping[str, Any], *keys: str) -> Mapping[str, Any]:
    current: object = data
    for key in keys:
        if not isinstance(current, Mapping):
            return {}
        current = current.get(key, {})
    return current if isinstance(current, Mapping) else {}


#: The keys of PEP 621's [project] table (with PEP 639's license-files and PEP 794's
#: import-names / import-namespaces).
PROJECT_KEYS = frozenset(
    {
        "name", "version", "description", "readme", "requires-python", "license",
        "license-files", "authors", "maintainers", "keywords", "classifiers", "urls",
        "scripts", "gui-scripts", "entry-points", "dependencies", "optional-dependencies",
        "dynamic", "import-names", "import-namespaces",
    }
)  # fmt: skip


def _unknown_project_keys(b: _Builder, data: Mapping[str, Any], project: Mapping[str, Any]) -> None:
    """A [project] key PEP 621 does not define, where the build-backend is setuptools':
    setuptools validates the table and stops every `pip install .` with "`project` must not
    contain {'repository'} properties" (nerfstudio-project/nerfacc 03c0c74, fixed in d91fbc5
    by moving it to [project.urls]). Other backends, and a project no backend builds (uv's
    virtual projects), are left alone. A [build-system] that requires setuptools and names
    no backend is setuptools' too: pip then uses ``setuptools.build_meta:__legacy__``, which
    validates the same way (agilexrobotics/piper_sdk 's first pyproject.toml put
    long_description in [project], issue #25)."""
    build = _table(data, "build-system")
    backend = build.get("build-backend")
    requires = build.get("requires")
    legacy = (
        backend is None
        and isinstance(requires, list)
        and any(
            isinstance(r, str)
            and isinstance(parsed := parse_pep508(r), ParsedRequirement)
            and parsed.name == "setuptools"
            for r in requires
        )
    )
    if not (legacy or (isinstance(backend, str) and backend.startswith("setuptools.build_meta"))):
        return
    for key in project:
        if isinstance(key, str) and key not in PROJECT_KEYS:
            b.error(
                b.locator.key(("project",), key),
                f"[project] has no key {key!r} (PEP 621): setuptools rejects the table with "
                f"\"`project` must not contain {{'{key}'}} properties\", so `pip install .` fails; "
                "a link belongs in [project.urls], a tool's setting in [tool.<name>]",
            )


def _pep621(b: _Builder, data: Mapping[str, Any]) -> None:
    project = _table(data, "project")
    table: _Table = ("project",)
    _unknown_project_keys(b, data, project)
    if isinstance(project.get("name"), str):
        b.metadata.append(("name", project["name"]))  # rules.checks tell libraries by it
    if "dependencies" in project:
        b.pep508_list(project["dependencies"], table, "dependencies", Group.RUNTIME, None, None)
    optional = project.get("optional-dependencies", {})
    if isinstance(optional, Mapping):
        for extra, items in optional.items():
            b.pep508_list(
                items,
                (*table, "optional-dependencies"),
                str(extra),
                Group.OPTIONAL,
                str(extra),
                str(extra),
            )
    requires_python = project.get("requires-python")
    if isinstance(requires_python, str):
        at = b.locator.key(table, "requires-python")
        try:
            value = str(SpecifierSet(requires_python))
        except InvalidSpecifier:
            b.error(at, f"requires-python is not a PEP 440 specifier: {requires_python!r}")
            value = requires_python
        b.facts.append(
            Fact(
                FactKind.PYTHON, value, b.span(at), f'requires-python = "{requires_python}"', b.path
            )
        )
    dynamic = project.get("dynamic")
    if isinstance(dynamic, list):
        for item in dynamic:
            b.metadata.append(("dynamic", str(item)))
        _setuptools_dynamic(b, data, {str(item) for item in dynamic})


def _setuptools_dynamic(b: _Builder, data: Mapping[str, Any], dynamic: set[str]) -> None:
    """``[tool.setuptools.dynamic] dependencies = { file = "requirements.txt" }`` (and an
    ``optional-dependencies.<extra>`` of the same form) for the fields `dynamic` names: the
    files' lines are the project's (or the extra's), linked once every file is parsed, as
    setup.cfg's ``file:`` (Aider-AI/aider 3064477c: requirements.txt's networkx==3.5, which
    needs Python 3.11, under requires-python >=3.10 and a python:3.10 image that installs
    the project)."""
    table: _Table = ("tool", "setuptools", "dynamic")
    dyn = _table(data, *table)
    fields: list[tuple[str | None, _Table, str, object]] = []
    if "dependencies" in dynamic:
        fields.append((None, table, "dependencies", dyn.get("dependencies")))
    if "optional-dependencies" in dynamic:
        extras = _table(data, *table, "optional-dependencies")
        fields.extend(
            (str(extra), (*table, "optional-dependencies"), str(extra), value)
            for extra, value in extras.items()
        )
    folder = posixpath.dirname(b.path)
    for extra, where, key, value in fields:
        files = value.get("file") if isinstance(value, Mapping) else None
        names = [files] if isinstance(files, str) else files if isinstance(files, list) else []
        for name in names:
            if not isinstance(name, str) or not name.strip() or name.startswith(("/", "..")):
                continue
            target = posixpath.normpath(posixpath.join(folder, name.strip()))
            b.includes.append(b.span(b.locator.key(where, key)))
            b.include_paths.append(target)
            b.metadata.append((REQUIREMENTS_FILE, f"{b.environment(extra)}\n{target}"))


def _dependency_groups(b: _Builder, data: Mapping[str, Any]) -> None:
    groups = _table(data, "dependency-groups")
    table: _Table = ("dependency-groups",)
    normalized = {canonicalize_name(str(name)): name for name in groups}
    places: dict[str, list[tuple[int, int]]] = {}

    def locate(name: str, items: list[object]) -> list[tuple[int, int]]:
        if name not in places:
            places[name] = [
                b.locator.value(table, name, item)
                if isinstance(item, str)
                else b.locator.value(table, name, str(item.get("include-group")))
                if isinstance(item, Mapping)
                else b.locator.key(table, name)
                for item in items
            ]
        return places[name]

    def expand(name: str, stack: tuple[str, ...], target: str) -> None:
        items = groups.get(name)
        if not isinstance(items, list):
            if name == target:
                b.error(b.locator.key(table, name), f"dependency group {name} must be a list")
            return
        for item, at in zip(items, locate(name, items), strict=True):
            if isinstance(item, str):
                if name == target or not isinstance(parse_pep508(item), tuple):
                    b.pep508(item, at, Group.DEV, target, target)
            elif isinstance(item, Mapping) and isinstance(item.get("include-group"), str):
                included = item["include-group"]
                real = normalized.get(canonicalize_name(included))
                if real is None:
                    b.error(at, f"include-group {included!r}: no such dependency group")
                elif real in stack:
                    b.error(at, f"include-group cycle: {' -> '.join((*stack, real))}")
                else:
                    expand(real, (*stack, real), target)
            elif name == target:
                b.error(at, f"dependency group {name}: bad item {item!r}")

    for name in groups:
        expand(str(name), (str(name),), str(name))


def _build_system(b: _Builder, data: Mapping[str, Any]) -> None:
    build = _table(data, "build-system")
    if isinstance(build.get("build-backend"), str):
        b.metadata.append(("build-backend", build["build-backend"]))
    if "requires" in build:
        b.pep508_list(
            build["requires"], ("build-system",), "requires", Group.BUILD, "build", "build"
        )


def _poetry_marker(spec: Mapping[str, Any]) -> str | None:
    markers: list[str] = []
    if isinstance(spec.get("markers"), str):
        markers.append(spec["markers"])
    python = spec.get("python")
    if isinstance(python, str):
        translated = poetry_to_pep440(python)
        for clause in (translated or "").split(","):
            if clause:
                operator = clause.rstrip("0123456789.*")
                markers.append(f'python_version {operator} "{clause[len(operator) :]}"')
    if not markers:
        return None
    combined = " and ".join(f"({m})" if " or " in m else m for m in markers)
    try:
        return str(Marker(combined))
    except InvalidMarker:
        return combined


def _poetry_url(spec: Mapping[str, Any]) -> str | None:
    if isinstance(spec.get("git"), str):
        ref = next(
            (spec[k] for k in ("rev", "tag", "branch") if isinstance(spec.get(k), str)), None
        )
        url = f"git+{spec['git']}" + (f"@{ref}" if ref else "")
        if isinstance(spec.get("subdirectory"), str):
            url += f"#subdirectory={spec['subdirectory']}"
        return url
    for key in ("url", "path"):
        if isinstance(spec.get(key), str):
            return str(spec[key])
    return None


def _inline_toml(value: object) -> str:
    """`value` as TOML source (`{version = "2.3.1", source = "pytorch"}`), for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k} = {_inline_toml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_inline_toml(v) for v in value) + "]"
    return str(value)


def _poetry_dependency(
    b: _Builder,
    table: _Table,
    key: str,
    spec: object,
    group: Group,
    group_name: str | None,
    extras_of: Mapping[str, str],
) -> None:
    at = b.locator.key(table, key)
    name = canonicalize_name(key)
    entries = spec if isinstance(spec, list) else [spec]
    for entry in entries:
        if isinstance(entry, str):
            entry = {"version": entry}
        if not isinstance(entry, Mapping):
            b.error(at, f"{key}: expected a version string or a table")
            continue
        version = entry.get("version", "")
        if not isinstance(version, str):
            b.error(at, f"{key}: version must be a string")
            continue
        specifier = poetry_to_pep440(version)
        if specifier is None:
            if "|" in version:
                b.error(at, f"{key}: `||` has no PEP 440 form; constraint kept raw", warn=True)
            else:
                b.error(at, f"{key}: cannot read Poetry constraint {version!r} as PEP 440")
            specifier = ""
        pinned = None
        if specifier.startswith("==") and "," not in specifier and "*" not in specifier:
            pinned = specifier[2:]
        local = pinned.split("+", 1)[1] if pinned and "+" in pinned else None
        extras = entry.get("extras", [])
        req_group, req_group_name = group, group_name
        if entry.get("optional") is True and group == Group.RUNTIME:
            req_group, req_group_name = Group.OPTIONAL, extras_of.get(name)
        env_name = None if req_group == Group.RUNTIME else req_group_name
        source = entry.get("source")
        b.requirements.append(
            Requirement(
                name=name,
                raw=f"{key} = {_inline_toml(entry)}"
                if not isinstance(spec, str)
                else f'{key} = "{spec}"',
                location=b.span(at),
                specifier=specifier,
                extras=tuple(sorted(str(e) for e in extras)) if isinstance(extras, list) else (),
                marker=_poetry_marker(entry),
                url=_poetry_url(entry),
                pinned=pinned,
                local=local,
                index=source if isinstance(source, str) else None,
                group=req_group,
                group_name=req_group_name,
                ecosystem=Ecosystem.PYPI,
                environment=b.environment(env_name),
            )
        )


def _poetry(b: _Builder, data: Mapping[str, Any]) -> None:
    poetry = _table(data, "tool", "poetry")
    if not poetry:
        return
    extras_of: dict[str, str] = {}
    poetry_extras = poetry.get("extras", {})
    if isinstance(poetry_extras, Mapping):
        for extra, names in poetry_extras.items():
            for package in names if isinstance(names, list) else []:
                extras_of.setdefault(canonicalize_name(str(package)), str(extra))
    sections: list[tuple[_Table, Group, str | None]] = [
        (("tool", "poetry", "dependencies"), Group.RUNTIME, None),
        (("tool", "poetry", "dev-dependencies"), Group.DEV, "dev"),
    ]
    groups = poetry.get("group", {})
    if isinstance(groups, Mapping):
        for name in groups:
            sections.append(
                (("tool", "poetry", "group", str(name), "dependencies"), Group.DEV, str(name))
            )
    for table, group, group_name in sections:
        deps = _table(data, *table)
        for key, spec in deps.items():
            if key == "python" and group == Group.RUNTIME and isinstance(spec, str):
                at = b.locator.key(table, key)
                value = poetry_to_pep440(spec)
                if value is None:
                    b.error(at, f"python: cannot read Poetry constraint {spec!r}")
                b.facts.append(
                    Fact(FactKind.PYTHON, value or spec, b.span(at), f'python = "{spec}"', b.path)
                )
                continue
            _poetry_dependency(b, table, str(key), spec, group, group_name, extras_of)
    _poetry_sources(b, poetry)


def _poetry_sources(b: _Builder, poetry: Mapping[str, Any]) -> None:
    sources = poetry.get("source", [])
    if not isinstance(sources, list):
        return
    table: _Table = ("tool", "poetry", "source")
    for source in sources:
        if not isinstance(source, Mapping) or not isinstance(source.get("name"), str):
            b.error(b.locator.table(table), "[[tool.poetry.source]] needs a name")
            continue
        name = source["name"]
        url = source.get("url")
        if not isinstance(url, str):
            url = PYPI_SIMPLE if name.lower() == "pypi" else ""
        priority = source.get("priority")
        if not isinstance(priority, str):
            priority = (
                "default"
                if source.get("default") is True
                else ("secondary" if source.get("secondary") is True else None)
            )
        b.indexes.append(
            Index(
                url=url,
                kind=IndexKind.POETRY_SOURCE,
                location=b.span(b.locator.value(table, "name", name)),
                name=name,
                priority=priority,
                explicit=priority == "explicit",
                default=priority == "default",
                environment=b.path,
            )
        )


#: `ManifestFile.metadata` key: a package uv builds without isolation (``[tool.uv]
#: no-build-isolation-package``; ``*``: ``no-build-isolation = true``).
NO_BUILD_ISOLATION = "no-build-isolation"
#: `ManifestFile.metadata` keys: the content-hash Poetry writes into poetry.lock for this
#: pyproject (`rules.manifests.poetry_hash`), and the one Poetry before 2.3 wrote (no
#: dependency groups hashed).
POETRY_HASH = "poetry-content-hash"
POETRY_HASH_BEFORE_2_3 = "poetry-content-hash-before-2.3"


def _pixi(b: _Builder, data: Mapping[str, Any]) -> None:
    """``[tool.pixi]``: a pixi workspace in the pyproject (`rules.manifests.pixi`)."""
    workspace = _table(data, "tool", "pixi")
    if workspace:
        b.extend(read_pixi(b.path, b.lines, b.locator, workspace, ("tool", "pixi")))


def _poetry_hashes(b: _Builder, data: Mapping[str, Any]) -> None:
    """What a poetry.lock beside this pyproject must record to be in sync with it."""
    b.metadata.append((POETRY_HASH, content_hash(data)))
    b.metadata.append((POETRY_HASH_BEFORE_2_3, content_hash(data, with_dependency_groups=False)))


#: `ManifestFile.metadata` key prefix: a ``[tool.uv]`` resolution setting (``prerelease``).
UV_SETTING = "uv-setting:"


def _uv(b: _Builder, data: Mapping[str, Any]) -> None:
    uv = _table(data, "tool", "uv")
    if not uv:
        return
    table: _Table = ("tool", "uv")
    for setting, _ in UV_MODES.values():  # what a uv.lock made from this file records
        if isinstance(uv.get(setting), str):
            b.metadata.append((f"{UV_SETTING}{setting}", uv[setting]))
    # builds that see the environment's torch (rules.kb.torch_builds): `*` for every package
    if uv.get("no-build-isolation") is True:
        b.metadata.append((NO_BUILD_ISOLATION, "*"))
    packages = uv.get("no-build-isolation-package")
    for package in packages if isinstance(packages, list) else []:
        if isinstance(package, str):
            b.metadata.append((NO_BUILD_ISOLATION, str(canonicalize_name(package))))
    for key, group, name in (
        ("dev-dependencies", Group.DEV, "dev"),
        ("constraint-dependencies", Group.CONSTRAINT, "constraint"),
        ("override-dependencies", Group.CONSTRAINT, "override"),
    ):
        if key in uv:
            b.pep508_list(uv[key], table, key, group, name, None if group != Group.DEV else name)
    for key, kind in (
        ("index-url", IndexKind.INDEX_URL),
        ("extra-index-url", IndexKind.EXTRA_INDEX_URL),
        ("find-links", IndexKind.FIND_LINKS),
    ):
        values = uv.get(key)
        for value in (
            [values] if isinstance(values, str) else values if isinstance(values, list) else []
        ):
            if isinstance(value, str):
                b.indexes.append(
                    Index(
                        value, kind, b.span(b.locator.value(table, key, value)), environment=b.path
                    )
                )
    indexes = uv.get("index", [])
    for index in indexes if isinstance(indexes, list) else []:
        if not isinstance(index, Mapping) or not isinstance(index.get("url"), str):
            b.error(b.locator.table((*table, "index")), "[[tool.uv.index]] needs a url")
            continue
        index_name = index.get("name")
        at = b.locator.value((*table, "index"), "url", index["url"])
        b.indexes.append(
            Index(
                url=index["url"],
                kind=IndexKind.UV_INDEX,
                location=b.span(at),
                name=index_name if isinstance(index_name, str) else None,
                explicit=index.get("explicit") is True,
                default=index.get("default") is True,
                environment=b.path,
            )
        )
    _uv_sources(b, _table(uv, "sources"))


def _uv_sources(b: _Builder, sources: Mapping[str, Any]) -> None:
    tied: dict[str, list[Mapping[str, Any]]] = {}
    for key, source in sources.items():
        entries = source if isinstance(source, list) else [source]
        tables = [e for e in entries if isinstance(e, Mapping)]
        if not tables:
            b.error(
                b.locator.key(("tool", "uv", "sources"), str(key)),
                f"tool.uv.sources.{key}: expected a table",
            )
            continue
        tied[canonicalize_name(str(key))] = tables
    if not tied:
        return
    for i, req in enumerate(b.requirements):
        entry = _uv_source_for(req, tied[req.name]) if req.name in tied else None
        if entry is not None:
            index = entry.get("index") if isinstance(entry.get("index"), str) else None
            url = _poetry_url(entry)
            b.requirements[i] = replace(req, index=req.index or index, url=req.url or url)


def _uv_source_for(req: Requirement, entries: list[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The source entry uv uses for `req`: the one whose ``extra``/``group`` is the
    requirement's (``torch = [{index = "cpu", extra = "cpu"}, {index = "cu121", extra =
    "cu121"}]``), else the first unconditioned one (marker-only lists: the first)."""
    for entry in entries:
        condition = entry.get("extra", entry.get("group"))
        if condition is None or req.group_name is None:
            continue
        if canonicalize_name(str(condition)) == canonicalize_name(req.group_name):
            return entry
    return next((e for e in entries if "extra" not in e and "group" not in e), None)


class PyprojectParser:
    """pyproject.toml (PEP 621, PEP 735, Poetry, uv, build-system)."""

    kind = FileKind.PYPROJECT

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse one pyproject.toml; TOML errors become one located parse error."""
        lines = split_lines(text)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line, column = toml_error_position(exc, len(lines))
            line_text = lines[line - 1] if line <= len(lines) else None
            message = str(exc).split(" (at ")[0]
            return ManifestFile(
                path, self.kind, errors=(parse_error(path, line, column, message, line_text),)
            )
        builder = _Builder(path=path, lines=lines, locator=TomlLocator(lines))
        try:
            for step in (
                _pep621,
                _dependency_groups,
                _build_system,
                _poetry,
                _uv,
                _pixi,
                _poetry_hashes,
            ):
                step(builder, data)
        except Exception as exc:  # a parser never raises; this is a bug, reported as one
            builder.errors.append(parse_error(path, 1, 1, f"internal parser error: {exc!r}"))
        builder.errors = list(dict.fromkeys(builder.errors))
        return builder.manifest_file(path, self.kind)
