"""conda environment files: name, channels (in order), match specs, and the nested pip list.

YAML is composed into nodes, never constructed: every scalar stays the string written
(``2.0`` is not a float) and carries its line and column. Aliases are not expanded: only
the known places (``channels``, ``dependencies``, its ``pip`` list) are walked, each item
once, so an alias bomb costs no more than its text. Match specs are read by rattler
(py-rattler's `MatchSpec`, lenient as conda and as the resolver read them): ``name``,
``channel::name``, ``name=1.2`` (fuzzy: ``1.2.*``), ``name==1.2`` and ``name 1.2`` (exact),
``name>=1,<2``, ``name 1.2 build``, ``name=1.2=build`` (exact version, as conda reads it),
``name[version='>=1',build=...]``; its version spec is then written as PEP 440 where one
fits. ``|`` alternatives have no PEP 440 form: the specifier stays empty and `raw` keeps the
text. Facts: ``python`` (a version such as ``3.10`` for ``=``/``==`` pins, else a specifier),
CUDA from ``pytorch-cuda``, ``cudatoolkit``, ``cuda-version``, ``cuda-toolkit``, ``cuda``
and from build strings such as ``py3.10_cuda11.8_cudnn8.7.0_0``; cuDNN from ``cudnn``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import yaml
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from rattler import MatchSpec as RattlerMatchSpec

from rules.manifests.errors import parse_error
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
from rules.manifests.requirements import RequirementsReader
from rules.manifests.text import split_lines

#: Most dependency entries (conda and pip together) read from one file.
MAX_ENTRIES = 20_000

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_OPERATOR = re.compile(r"^(==|!=|>=|<=|~=|>|<|=)")
_NUMBER = re.compile(r"^\d+(\.\d+)*$")
#: What a conda build string holds (letters, digits, ``_ . +``, ``*`` globs). rattler's
#: lenient reader takes the rest of a line as the build (``bad spec !!``); such a line is
#: no match spec here.
_BUILD = re.compile(r"^[A-Za-z0-9_.+*]+$")
_BUILD_CUDA = re.compile(r"cuda(\d+)(?:\.(\d+))?")
CUDA_PACKAGES = frozenset({"pytorch-cuda", "cudatoolkit", "cuda-version", "cuda-toolkit", "cuda"})


@dataclass(frozen=True, slots=True)
class MatchSpec:
    """A conda match spec read into parts.

    `version` is rattler's normalized version spec (``=2.1`` reads ``2.1.*``), the bare
    version when the spec is exact (``==2.1``, ``2.1``, ``=2.1=build`` read ``2.1``);
    `specifier` is its PEP 440 form, "" when none fits.
    """

    name: str
    channel: str | None
    version: str
    build: str | None
    specifier: str
    exact: bool


def _pep440(expr: str) -> str | None:
    """The PEP 440 specifier of a normalized conda version spec, None when it has none."""
    if not expr or expr == "*":
        return ""
    if "|" in expr:
        return None
    specs: list[str] = []
    for part in expr.split(","):
        part = part.strip()
        match = _OPERATOR.match(part)
        operator = match.group(1) if match else ""
        version = part[len(operator) :]
        if version == "*":
            continue
        if operator in ("", "=") or (operator in ("==", "!=") and version.endswith("*")):
            if version.endswith("*") or operator == "=":
                stem = version.rstrip("*").rstrip(".")
                specs.append(f"{operator if operator == '!=' else '=='}{stem}.*")
            else:
                specs.append(f"=={version}")
        else:
            specs.append(f"{operator}{version}")
    try:
        return str(SpecifierSet(",".join(specs)))
    except InvalidSpecifier:
        return None


def parse_match_spec(text: str) -> MatchSpec | None:
    """Read a conda match spec with rattler; None when it is not one.

    URLs (a package file, or a channel given by URL before ``::``) are not read as match
    specs here.
    """
    text = text.strip()
    if "://" in text:
        return None
    try:
        spec = RattlerMatchSpec(text)
    except Exception:  # rattler raises its own InvalidMatchSpecError
        return None
    if spec.name is None:
        return None
    name = str(spec.name.normalized)
    build = str(spec.build) if spec.build is not None else None
    if _NUMBER.match(name) or (build is not None and not _BUILD.match(build)):
        return None
    version = str(spec.version) if spec.version is not None else ""
    exact = (
        version.startswith("==")
        and _OPERATOR.match(version[2:]) is None
        and not any(c in version for c in "*,|")
    )
    if exact:
        version = version[2:]
    specifier = _pep440(f"=={version}" if exact else version)
    return MatchSpec(
        name=name,
        channel=str(spec.channel.name) if spec.channel is not None else None,
        version=version,
        build=build,
        specifier=specifier if specifier is not None else "",
        exact=exact,
    )


def _fact_value(spec: MatchSpec) -> str:
    """A version (``3.10``) for pins, else the specifier (``>=3.9``), else what was written."""
    if spec.version and not _OPERATOR.match(spec.version) and "|" not in spec.version:
        return spec.version.rstrip("*").rstrip(".")
    return spec.specifier or spec.version


def build_cuda(build: str) -> str | None:
    """The CUDA a conda build string names (``py3.9_cuda11.8_cudnn8.7.0_0``: 11.8; ``cuda112py39…``:
    11.2; a glob ``cuda12*``: 12), or None."""
    match = _BUILD_CUDA.search(build)
    if match is None:
        return None
    if match.group(2) is not None:
        return f"{match.group(1)}.{match.group(2)}"
    digits = match.group(1)
    if len(digits) == 2 and build[match.end() :].startswith("*"):
        return digits  # a glob (``cuda12*``) names the major only
    return f"{digits[:-1]}.{digits[-1]}" if len(digits) >= 2 else digits


#: The metadata key of a conda file that `conda env export` wrote (it has a ``prefix:``).
CONDA_EXPORT = "conda-export"


@dataclass
class _Builder(ManifestParts):
    path: str
    lines: list[str]
    entries: int = 0

    def span(self, node: yaml.Node) -> Span:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        last = max(1, len(self.lines))
        if line > last:
            # YAML also breaks lines at NEL/LS/PS and reports an empty document's end one
            # line past the text: keep locations inside the file as the user sees it.
            line = last
            column = len(self.lines[last - 1]) + 1 if self.lines else 1
        return Span(self.path, line, column)

    def error(self, node: yaml.Node, message: str) -> None:
        span = self.span(node)
        text = self.lines[span.line - 1] if span.line <= len(self.lines) else None
        self.errors.append(parse_error(self.path, span.line, span.column, message, text))

    def fact(self, kind: FactKind, value: str, node: yaml.Node, detail: str) -> None:
        self.facts.append(Fact(kind, value, self.span(node), detail, self.path))

    def conda_dependency(self, node: yaml.ScalarNode) -> None:
        text = node.value
        spec = parse_match_spec(text)
        if spec is None:
            self.error(node, f"not a conda match spec: {text!r}")
            return
        pinned = spec.version.lstrip("=") if spec.exact else None
        self.requirements.append(
            Requirement(
                name=spec.name,
                raw=text,
                location=self.span(node),
                specifier=spec.specifier,
                pinned=pinned,
                index=spec.channel,
                group=Group.RUNTIME,
                ecosystem=Ecosystem.CONDA,
                environment=self.path,
                build=spec.build,
            )
        )
        if spec.name == "python" and spec.version:
            self.fact(FactKind.PYTHON, _fact_value(spec), node, text)
        elif spec.name in CUDA_PACKAGES and spec.version:
            self.fact(FactKind.CUDA, _fact_value(spec), node, text)
        elif spec.name == "cudnn" and spec.version:
            self.fact(FactKind.CUDNN, _fact_value(spec), node, text)
        if spec.build and (cuda := build_cuda(spec.build)):
            self.fact(FactKind.CUDA, cuda, node, text)

    def sequence(self, node: yaml.Node, message: str) -> list[yaml.Node]:
        """The items of a YAML list; none, and `message` as an error, for anything else."""
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        self.error(node, message)
        return []

    def counted(self, items: list[yaml.Node]) -> Iterator[yaml.Node]:
        """`items` while the file has read at most MAX_ENTRIES dependencies (then one error)."""
        for item in items:
            self.entries += 1
            if self.entries > MAX_ENTRIES:
                self.error(item, f"more than {MAX_ENTRIES} dependencies; the rest ignored")
                return
            yield item

    def pip_section(self, node: yaml.Node, reader: RequirementsReader) -> None:
        for item in self.counted(self.sequence(node, "pip: expected a list of requirement lines")):
            if isinstance(item, yaml.ScalarNode):
                span = self.span(item)
                quoted = 1 if item.style in ("'", '"') else 0
                reader.read_entry(item.value, span.line, span.column + quoted)
            else:
                self.error(item, "pip: expected a requirement line")


def _walk(b: _Builder, root: yaml.Node, reader: RequirementsReader) -> None:
    if not isinstance(root, yaml.MappingNode):
        b.error(root, "expected a mapping with name, channels and dependencies")
        return
    for key_node, value in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key == "name" and isinstance(value, yaml.ScalarNode):
            b.fact(FactKind.CONDA_ENV_NAME, value.value, value, f"name: {value.value}")
        elif key == "channels":
            _channels(b, value)
        elif key == "dependencies":
            _dependencies(b, value, reader)
        elif key == "prefix" and isinstance(value, yaml.ScalarNode) and value.value:
            # `conda env export` writes the environment's folder: the file is an export
            b.metadata.append((CONDA_EXPORT, "prefix"))


def _channels(b: _Builder, node: yaml.Node) -> None:
    for position, item in enumerate(b.sequence(node, "channels: expected a list")[:MAX_ENTRIES]):
        if isinstance(item, yaml.ScalarNode) and item.value:
            b.indexes.append(
                Index(
                    item.value,
                    IndexKind.CONDA_CHANNEL,
                    b.span(item),
                    name=item.value,
                    priority=str(position),
                    environment=b.path,
                )
            )
        else:
            b.error(item, "channels: expected a channel name")


def _dependencies(b: _Builder, node: yaml.Node, reader: RequirementsReader) -> None:
    for item in b.counted(b.sequence(node, "dependencies: expected a list")):
        if isinstance(item, yaml.ScalarNode):
            b.conda_dependency(item)
        elif isinstance(item, yaml.MappingNode) and len(item.value) == 1:
            key_node, value = item.value[0]
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == "pip":
                b.pip_section(value, reader)
            else:
                b.error(item, "dependencies: only a `pip:` list may be nested")
        else:
            b.error(item, "dependencies: expected a match spec or a `pip:` list")


class CondaEnvironmentParser:
    """conda ``environment.yml`` files."""

    kind = FileKind.CONDA

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse one environment file; YAML errors become one located parse error."""
        lines = split_lines(text)
        b = _Builder(path=path, lines=lines)
        reader = RequirementsReader(path=path, environment=path)
        try:
            root = yaml.compose(text, Loader=_Loader)
            if root is not None:
                _walk(b, root, reader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = min(mark.line + 1, max(1, len(lines))) if mark else 1
            column = mark.column + 1 if mark else 1
            line_text = lines[line - 1] if line <= len(lines) else None
            b.errors.append(
                parse_error(path, line, column, f"YAML: {exc.problem or exc}", line_text)
            )
        except Exception as exc:  # a parser never raises; this is a bug, reported as one
            b.errors.append(parse_error(path, 1, 1, f"cannot read YAML: {exc!r}"))
        # conda solves and installs the dependencies, then pip installs the pip section over
        # them: two install commands (`Requirement.command`), not one resolution
        b.requirements[:] = [replace(r, command=1) for r in b.requirements]
        reader.requirements[:] = [replace(r, command=2) for r in reader.requirements]
        b.extend(reader)  # the conda dependencies, then the pip section's
        return b.manifest_file(path, self.kind)
