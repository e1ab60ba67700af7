"""The manifest model: everything a repository declares about its dependencies at one ref."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from types import MappingProxyType

from rules.findings import Finding


class FileKind(StrEnum):
    """The formats depreview reads."""

    REQUIREMENTS = "requirements"
    PYPROJECT = "pyproject"
    CONDA = "conda"
    PIXI = "pixi"
    POETRY_LOCK = "poetry-lock"
    UV_LOCK = "uv-lock"
    PYLOCK = "pylock"
    CONDA_LOCK = "conda-lock"
    CONDA_EXPLICIT = "conda-explicit"
    DOCKERFILE = "dockerfile"
    PYTHON_VERSION = "python-version"
    RUNTIME_TXT = "runtime-txt"
    WORKFLOW = "ci-workflow"
    TOX = "tox"
    READTHEDOCS = "readthedocs"
    TRAVIS = "travis"
    CIRCLECI = "circleci"
    SETUP_CFG = "setup-cfg"
    SETUP_PY = "setup-py"
    NBDEV = "nbdev-settings"
    CONFIG = "depreview-config"


#: Kinds that install other files into environments they run on a Python (a CI workflow's
#: jobs, tox's environments), the files staying environments of their own.
RUNNER_KINDS = frozenset(
    {FileKind.WORKFLOW, FileKind.TOX, FileKind.READTHEDOCS, FileKind.TRAVIS, FileKind.CIRCLECI}
)


class Group(StrEnum):
    """Which install a requirement belongs to."""

    RUNTIME = "runtime"
    DEV = "dev"
    OPTIONAL = "optional"
    BUILD = "build"
    CONSTRAINT = "constraint"


class Ecosystem(StrEnum):
    """Where a requirement's package comes from."""

    PYPI = "pypi"
    CONDA = "conda"


@dataclass(frozen=True, slots=True)
class Span:
    """A place in a file: 1-based line and column."""

    file: str
    line: int
    column: int = 1


@dataclass(frozen=True, slots=True)
class Requirement:
    """One declared requirement, as written in one file.

    `name` is normalized (packaging.utils.canonicalize_name for PyPI, lower-case for conda).
    `specifier` is a PEP 440 specifier string ("" when unconstrained); Poetry carets and
    conda match specs are translated into PEP 440 here, the text as written stays in `raw`.
    `pinned` is the exact version when the specifier pins one (``==2.1.0+cu118`` gives
    ``2.1.0+cu118``), and `local` its local label (``cu118``).
    `environment` names the environment the requirement is installed into: requirements
    reached by ``-r``/``-c`` from a root file share that root file's path; a conda file's
    pip section shares the conda file's path; pyproject groups use ``path`` (runtime) or
    ``path#group``. Rules that need "what ends up installed together" group by it.
    `index` is the index or source the requirement is tied to (a Poetry/uv source name,
    a conda channel prefix), when the file ties it.
    """

    name: str
    raw: str
    location: Span
    specifier: str = ""
    extras: tuple[str, ...] = ()
    marker: str | None = None
    url: str | None = None
    pinned: str | None = None
    local: str | None = None
    index: str | None = None
    group: Group = Group.RUNTIME
    group_name: str | None = None
    ecosystem: Ecosystem = Ecosystem.PYPI
    environment: str = ""
    is_constraint: bool = False
    hashes: tuple[str, ...] = ()
    #: conda only: the build string or build glob the match spec names (``cuda120*``).
    build: str | None = None
    #: The install command of a script (a Dockerfile's RUN lines, a workflow's run steps), counted
    #: from 1 in the script's order, that names the requirement on its command line; None for a
    #: requirement of a file installed as one resolution. A conda environment file's
    #: dependencies are command 1 and its pip section command 2 (conda solves, then pip
    #: installs over it). Requirements of two commands are not resolved together: a later
    #: ``pip install`` replaces what an earlier one installed.
    command: int | None = None


class IndexKind(StrEnum):
    """How an index or source was declared."""

    INDEX_URL = "index-url"
    EXTRA_INDEX_URL = "extra-index-url"
    FIND_LINKS = "find-links"
    POETRY_SOURCE = "poetry-source"
    UV_INDEX = "uv-index"
    CONDA_CHANNEL = "conda-channel"


@dataclass(frozen=True, slots=True)
class Index:
    """A package index, source or channel a file declares."""

    url: str
    kind: IndexKind
    location: Span
    name: str | None = None
    priority: str | None = None
    explicit: bool = False
    default: bool = False
    environment: str = ""


class FactKind(StrEnum):
    """Environment facts files declare, besides packages."""

    PYTHON = "python"
    CUDA = "cuda"
    CUDNN = "cudnn"
    BASE_IMAGE = "base-image"
    IMAGE_FLAVOUR = "image-flavour"
    OS = "os"
    PLATFORM = "platform"
    TORCH_CUDA_ARCH_LIST = "torch-cuda-arch-list"
    IMAGE_TORCH = "image-torch"
    PIP_OPTION = "pip-option"
    CONDA_ENV_NAME = "conda-env-name"


@dataclass(frozen=True, slots=True)
class Fact:
    """One environment fact (`# CUDA: 11.8`, an nvidia/cuda base image, `python=3.10`, ...).

    `value` is a string, never a float (``3.10`` stays ``3.10``). `detail` carries the raw
    text it came from (the full image reference, the comment line).
    """

    kind: FactKind
    value: str
    location: Span
    detail: str = ""
    environment: str = ""


@dataclass(frozen=True, slots=True)
class LockedPin:
    """A resolved pin read from a lock file or a freeze/explicit list."""

    name: str
    version: str
    location: Span
    ecosystem: Ecosystem = Ecosystem.PYPI
    source: str | None = None
    marker: str | None = None
    build: str | None = None
    dependencies: tuple[str, ...] = ()
    #: The conda subdir (``linux-64``) a pin is for, in per-platform locks (conda-lock, explicit).
    platform: str | None = None
    #: Every network URL the lock records for this pin (its registry, sdist, wheel or archive
    #: files), as written; VCS and local sources are not listed. Installing the lock fetches them.
    urls: tuple[str, ...] = ()
    #: The Pythons the entry is for, where the lock says (poetry.lock's ``python-versions``):
    #: a lock that splits by Python holds one entry per branch (numpy 1.24.4 for >=3.8 and
    #: 2.1.3 for >=3.10).
    python_versions: str | None = None


@dataclass(frozen=True, slots=True)
class SystemPackage:
    """A package a Dockerfile RUN installs with the OS's package manager (``apt-get install
    -y build-essential``): the manager (``apt``, ``apk``, ``yum``), the package name as
    written, where, and whether apt also installs its Recommends (no
    ``--no-install-recommends``; always false for other managers)."""

    manager: str
    name: str
    location: Span
    recommends: bool = False


@dataclass(frozen=True, slots=True)
class DockerStage:
    """One build stage of a Dockerfile, as far as environments are concerned.

    `label` is the environment name its RUN installs use (``Dockerfile``, ``Dockerfile#builder``
    or ``Dockerfile#1``). `installs` are the repository paths of the files its ``pip install -r``
    / ``conda env create -f`` lines install (mapped through COPY, relative to the build
    context, which is taken to be the repository root). `copies_from` names the stages (or
    images) it ``COPY --from``s. `python` is the Python that runs pip in this stage, when
    something in the stage or its base image says so (`python_how` tells what: ``image``,
    ``apt``, ``os-default``, ``env``, ``interpreter``). `system_packages` are the OS packages
    (apt, apk, yum/dnf) it installs, its parent stage's first. A stage whose RUN lines install
    into several Pythons (venvs, ``python3.7 -m pip`` next to ``python3.9 -m pip``) is followed
    by one entry per other environment, marked `within`.
    """

    label: str
    location: Span
    name: str | None = None
    base: str = ""
    parent: str | None = None
    installs: tuple[str, ...] = ()
    #: the optional-dependency groups a ``pip install '.[a,b]'`` installs (``pyproject.toml#a``)
    extras: tuple[str, ...] = ()
    copies_from: tuple[str, ...] = ()
    python: str | None = None
    python_how: str = ""
    python_at: Span | None = None
    python_text: str = ""
    #: OS packages its RUN lines (and those of the stage it is built FROM) install.
    system_packages: tuple[SystemPackage, ...] = ()
    #: Set on an environment of its own inside a build stage (a virtualenv, or one of several
    #: interpreters: ``Dockerfile#venv /opt/v``, ``Dockerfile#builder, python3.7``): the label
    #: of that stage (also its `parent`). None for the build stage itself (its default pip).
    within: str | None = None


@dataclass(frozen=True, slots=True)
class ManifestFile:
    """What one dependency file declares."""

    path: str
    kind: FileKind
    requirements: tuple[Requirement, ...] = ()
    indexes: tuple[Index, ...] = ()
    facts: tuple[Fact, ...] = ()
    pins: tuple[LockedPin, ...] = ()
    includes: tuple[Span, ...] = ()
    include_paths: tuple[str, ...] = ()
    errors: tuple[Finding, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()
    #: Dockerfiles only: their build stages in order.
    stages: tuple[DockerStage, ...] = ()


@dataclass(kw_only=True)
class ManifestParts:
    """What a parser has read from one file so far, in the order read; `manifest_file` gives
    the `ManifestFile`. Parsers' builders extend it with their own state."""

    requirements: list[Requirement] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    pins: list[LockedPin] = field(default_factory=list)
    includes: list[Span] = field(default_factory=list)
    include_paths: list[str] = field(default_factory=list)
    errors: list[Finding] = field(default_factory=list)
    metadata: list[tuple[str, str]] = field(default_factory=list)

    def extend(self, other: ManifestParts) -> None:
        """Add everything `other` read after what this one read."""
        for part in fields(ManifestParts):
            getattr(self, part.name).extend(getattr(other, part.name))

    def manifest_file(self, path: str, kind: FileKind) -> ManifestFile:
        """The `ManifestFile` of everything read."""
        return ManifestFile(
            path=path,
            kind=kind,
            requirements=tuple(self.requirements),
            indexes=tuple(self.indexes),
            facts=tuple(self.facts),
            pins=tuple(self.pins),
            includes=tuple(self.includes),
            include_paths=tuple(self.include_paths),
            errors=tuple(self.errors),
            metadata=tuple(self.metadata),
        )


@dataclass(frozen=True)
class Snapshot:
    """All dependency files of a repository at one ref, parsed."""

    files: Mapping[str, ManifestFile] = field(default_factory=lambda: MappingProxyType({}))
    errors: tuple[Finding, ...] = ()
    ref: str = ""

    def requirements(self) -> Iterator[Requirement]:
        """Every declared requirement, in path order."""
        for path in sorted(self.files):
            yield from self.files[path].requirements

    def indexes(self) -> Iterator[Index]:
        """Every declared index, in path order."""
        for path in sorted(self.files):
            yield from self.files[path].indexes

    def facts(self, kind: FactKind | None = None) -> Iterator[Fact]:
        """Every environment fact (of one kind, when given), in path order."""
        for path in sorted(self.files):
            for fact in self.files[path].facts:
                if kind is None or fact.kind == kind:
                    yield fact

    def pins(self) -> Iterator[tuple[ManifestFile, LockedPin]]:
        """Every locked pin with the file it came from."""
        for path in sorted(self.files):
            manifest = self.files[path]
            for pin in manifest.pins:
                yield manifest, pin

    def parse_errors(self) -> Iterator[Finding]:
        """Snapshot-level errors, then each file's parse errors."""
        yield from self.errors
        for path in sorted(self.files):
            yield from self.files[path].errors
