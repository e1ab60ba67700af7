"""Dockerfiles: stages and base images, ARG/ENV facts, and package installs inside RUN."""

from __future__ import annotations

import itertools
import json
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from rules.findings import Finding, Severity
from rules.manifests._dockerlines import LogicalLine, escape_char, join_lines, substitute
from rules.manifests._dockerstage import (
    APT_PYTHON_MISSING,
    UV_PICKS_PYTHON,
    VENV_PYTHON_MISMATCH,
    PathMap,
    PythonEvidence,
    adds_apt_source,
    apt_cudnn,
    apt_python,
    bind_mounts,
    installs_os_python,
    interpreter_python,
    package_manager,
    system_packages,
)
from rules.manifests._dockervenv import (
    Installer,
    activated,
    exported_path,
    installer,
    path_venv,
    venv_created,
)
from rules.manifests._install_commands import (
    INDEX_OPTIONS,
    INDEX_VARIABLES,
    Expand,
    InstallFindings,
    classify,
    interpret,
    pip_install_arguments,
    pip_options,
)
from rules.manifests._pep668 import (
    EXTERNALLY_MANAGED,
    MOVING_MANAGED,
    bypassed,
    managed_python,
    switches_off,
)
from rules.manifests._pipconfig import config_indexes, config_tool
from rules.manifests._references import decode, encode
from rules.manifests._shellwords import Word, split_commands, strip_prefix
from rules.manifests.build_args import MAX_BUILDS, SCRIPT_NAMES, Build
from rules.manifests.conda_installers import downloaded, run_installer
from rules.manifests.errors import parse_error
from rules.manifests.images import (
    ImageInfo,
    decode_image,
    os_apt_pythons,
    os_key,
    os_python3,
    parse_image_ref,
)
from rules.manifests.makefile import MAKEFILE_NAMES, make_call, make_reference
from rules.manifests.model import (
    DockerStage,
    Ecosystem,
    Fact,
    FactKind,
    FileKind,
    IndexKind,
    ManifestFile,
    Span,
    SystemPackage,
)
from rules.manifests.shell_scripts import script_call, script_reference

__all__ = ["CONFIG_PREFIX", "DockerfileParser", "ImageInfo", "decode_image", "link_config_files"]

_INSTRUCTION = re.compile(r"^(?P<word>[A-Za-z]+)(?=\s|$)")
#: Every instruction the Dockerfile reference lists (docker build refuses any other word).
_INSTRUCTIONS = frozenset(
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK",
        "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
        "WORKDIR",
    }
)  # fmt: skip
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
#: Most requirements read from the RUN instructions of one Dockerfile (bounds hostile input).
MAX_INSTALLED = 5_000
_ENV_FACTS = {
    "CUDA_VERSION": FactKind.CUDA,
    "TORCH_CUDA_ARCH_LIST": FactKind.TORCH_CUDA_ARCH_LIST,
    "PYTHON_VERSION": FactKind.PYTHON,
}


#: Variables that set the index of pip (``pip``) or of ``uv pip`` (``uv``), with the kind of
#: index each sets and the command-line options that override it.
_INDEX_VARIABLES: dict[str, tuple[tuple[str, IndexKind], ...]] = {
    tool: tuple(pair for pair in pairs if pair[1] != IndexKind.FIND_LINKS)
    for tool, pairs in INDEX_VARIABLES.items()
}  # find-links settings of an image are not read (SUPPORTED.md)
#: Command-line options that replace an index setting of their kind.
_OPTION_KINDS = {o: k for o, k in INDEX_OPTIONS.items() if k != IndexKind.FIND_LINKS}
#: `pip config set` keys that set an index.
_PIP_CONFIG_KEYS = {
    "index-url": IndexKind.INDEX_URL,
    "extra-index-url": IndexKind.EXTRA_INDEX_URL,
}
#: The `PIP_OPTION` fact value prefix of each kind of index a stage sets for every install.
_OPTION_OF = {IndexKind.INDEX_URL: "--index-url=", IndexKind.EXTRA_INDEX_URL: "--extra-index-url="}


@dataclass(frozen=True, slots=True)
class _Setting:
    """An index a stage sets for the pip calls after it: the URL(s), where, and the text."""

    value: str
    location: Span
    text: str
    #: Where a configuration file's setting came from (its repository path); "" otherwise.
    label: str = ""


#: Variables an ``export`` inside a RUN can set for the rest of that RUN.
_EXPORTABLE = frozenset(name for pairs in _INDEX_VARIABLES.values() for name, _ in pairs)
#: A `include_paths` entry for a pip/uv configuration file a stage copies in that the parse
#: was not given: the prefix and a JSON list of the repository paths it may be
#: (`link_config_files` reads them and parses the Dockerfile again, or asks for them).
CONFIG_PREFIX = "config:"


#: ``echo '…' > /etc/pip.conf`` / ``printf "…" >> ~/.pip/pip.conf`` inside a RUN: one quoted
#: argument written (or appended) to a file.
_WRITE = re.compile(
    r"""(?<![\w-])(?P<cmd>echo|printf)\s+(?:-[neE]{1,3}\s+)*"""
    r"""(?P<body>'[^']*'|"(?:[^"\\]|\\.)*")\s*(?P<op>>>?)\s*(?P<target>[^\s;&|)]+)"""
)
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\"}


@dataclass(frozen=True, slots=True)
class _Write:
    """A RUN's ``echo``/``printf`` into a file: where, the file, and the text (None: not
    knowable, such as a ``printf`` with ``%s`` arguments or an unset variable)."""

    offset: int
    target: str
    append: bool
    text: str | None


def _config_writes(text: str, start: int, variables: Mapping[str, str | None]) -> list[_Write]:
    """The ``echo``/``printf`` writes of a RUN's text (from offset `start`) into files; backslash
    escapes (``\\n``) are read as ``/bin/sh`` (dash) and ``printf`` read them."""
    found: list[_Write] = []
    for match in _WRITE.finditer(text, start):
        body = match["body"]
        value: str | None = body[1:-1]
        if body.startswith('"') and value is not None:
            value = re.sub(r'\\(["\\$`])', r"\1", value)
            if "$" in value:
                value, unset = substitute(value, variables)
                value = None if unset or "$" in value else value
        if value is not None and match["cmd"] == "printf":
            value = None if re.search(r"%[^%]", value) else value.replace("%%", "%")
        if value is not None:
            value = re.sub(r"\\([nt\\])", lambda m: _ESCAPES[m.group(1)], value)
            value += "\n" if match["cmd"] == "echo" else ""
        found.append(_Write(match.start(), match["target"], match["op"] == ">>", value))
    return found


#: Joins a stage label and an installer key in the provisional environment of a requirement
#: (replaced by the environment's final name once the whole file is read).
_SUB = "\0"


def _key(found: Installer) -> str:
    """The key of an installer: "" for the stage's default pip."""
    return "" if found.kind == "default" else f"{found.kind}:{found.name}"


@dataclass
class _Stage:
    """One build stage while it is being read.

    `installs_by` / `extras_by` / `named` are keyed by installer (`_key`: "" is the stage's
    default pip); `venvs` maps each known virtualenv path to the Python minor that made it
    (None when unknown) and `venv_at` to that evidence; `interpreters` holds the evidence of
    each ``pythonX.Y -m pip`` / ``pipX.Y`` version that installs outside any venv.
    """

    label: str
    name: str | None
    location: Span
    base: str = ""
    parent: str | None = None
    variables: dict[str, str | None] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    paths: PathMap = field(default_factory=PathMap)
    os: str | None = None
    python: PythonEvidence | None = None
    installs: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    copies_from: list[str] = field(default_factory=list)
    system_packages: list[SystemPackage] = field(default_factory=list)
    venvs: dict[str, str | None] = field(default_factory=dict)
    venv_at: dict[str, PythonEvidence] = field(default_factory=dict)
    interpreters: dict[str, PythonEvidence] = field(default_factory=dict)
    installs_by: dict[str, list[str]] = field(default_factory=dict)
    extras_by: dict[str, list[str]] = field(default_factory=dict)
    named: dict[str, PythonEvidence] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)
    #: Where each ARG/ENV variable of the stage was set (ENV's are inherited by child stages).
    set_at: dict[str, _Setting] = field(default_factory=dict)
    #: Index settings ``pip config set`` or a copied pip.conf wrote into the image (inherited
    #: by child stages).
    pip_config: dict[IndexKind, _Setting] = field(default_factory=dict)
    #: Index settings of a uv.toml copied into the image (inherited by child stages).
    uv_config: dict[IndexKind, _Setting] = field(default_factory=dict)
    #: Configuration files RUN lines wrote with echo/printf: container path -> text (None:
    #: not knowable).
    written: dict[str, str | None] = field(default_factory=dict)
    #: Conda installers downloaded under another name: saved path -> installer name.
    installers: dict[str, str] = field(default_factory=dict)
    #: A RUN line removed the PEP 668 marker or told pip to ignore it (`_pep668`).
    pep668_off: bool = False
    #: A RUN line added an apt source (a PPA, a sources.list entry): `APT_PYTHON_MISSING` is off.
    apt_sources: bool = False
    #: Virtualenvs `COPY --from` brought in: (container path, the Python that made it, the
    #: COPY's place, the source stage's label).
    copied_venvs: list[tuple[str, str, Span, str]] = field(default_factory=list)
    #: The text of the stage's RUN / CMD / ENTRYPOINT lines (where a copied venv is used).
    commands: list[str] = field(default_factory=list)

    def installs_of(self, key: str) -> list[str]:
        """The files installer `key` installs ("": the stage's default pip)."""
        return self.installs_by.setdefault(key, []) if key else self.installs

    def extras_of(self, key: str) -> list[str]:
        """The extras (``pyproject.toml#gpu``) installer `key` installs."""
        return self.extras_by.setdefault(key, []) if key else self.extras

    def use(self, key: str) -> str:
        """Note that installer `key` installs here; its provisional environment."""
        if key and key not in self.keys:
            self.keys.append(key)
        return f"{self.label}{_SUB}{key}" if key else self.label

    def default_version(self) -> str | None:
        """The interpreter version that is the stage's default pip: the only one used, else
        the one the stage's other evidence names, else the last one seen."""
        versions = list(self.interpreters)
        if len(versions) == 1:
            return versions[0]
        if self.python is not None and self.python.version in versions:
            return self.python.version
        return versions[-1] if versions else None

    def default_python(self) -> PythonEvidence | None:
        """The Python of the stage's default pip."""
        version = self.default_version()
        return self.interpreters[version] if version is not None else self.python

    def labels(self) -> dict[str, str]:
        """Provisional environment -> final name, for each installer key of the stage."""
        default = self.default_version()
        out: dict[str, str] = {}
        for key in self.keys:
            kind, _, name = key.partition(":")
            if kind == "python" and name == default:
                out[f"{self.label}{_SUB}{key}"] = self.label
                continue
            what = f"venv {name}" if kind == "venv" else f"python{name}"
            sep = ", " if "#" in self.label else "#"
            out[f"{self.label}{_SUB}{key}"] = f"{self.label}{sep}{what}"
        return out

    def frozen(self) -> list[DockerStage]:
        """The stage's environments: the stage itself (its default pip), then each venv or
        other interpreter its RUN lines install into."""
        default = self.default_python()
        labels = self.labels()
        installs = list(self.installs)
        extras = list(self.extras)
        subs: list[DockerStage] = []
        for key in self.keys:
            label = labels[f"{self.label}{_SUB}{key}"]
            if label == self.label:
                installs += self.installs_by.get(key, [])
                extras += self.extras_by.get(key, [])
                continue
            kind, _, name = key.partition(":")
            python = (
                self.venv_at.get(name) or self.named.get(key) or default
                if kind == "venv"
                else self.interpreters.get(name)
            )
            subs.append(
                _frozen(
                    self,
                    label,
                    python,
                    self.installs_by.get(key, []),
                    self.extras_by.get(key, []),
                )
            )
        main = _frozen(self, self.label, default, installs, extras)
        return [main, *subs]


_BIN = "/bin/"
#: Characters that end a path in a command's text (space, quotes, brackets, separators).
_PATH_END = frozenset(" \t\n\"'[](),=:;")
#: Most ``/bin/`` places read per stage, and the longest folder read before one:
#: a folder past them is not seen as used (no finding), the read stays bounded.
_MAX_BIN_PLACES = 1_000
_MAX_FOLDER = 256


def _bin_folders(texts: list[str]) -> set[str]:
    """Every absolute folder ``/a/b`` (and each of its "/"-tails, ``/b``) that some text names
    as ``/a/b/bin/...``: the venvs a RUN / CMD / ENTRYPOINT runs from, read in one pass over the
    texts instead of one search per venv (a file of 75,000 COPY and RUN lines stays linear)."""
    found: set[str] = set()
    places = 0
    for text in texts:
        at = text.find(_BIN)
        while at > 0 and places < _MAX_BIN_PLACES:
            places += 1
            start, limit = at, max(0, at - _MAX_FOLDER)
            while start > limit and text[start - 1] not in _PATH_END:
                start -= 1
            folder = text[start:at]
            cut = folder.find("/")
            while cut != -1:
                found.add(folder[cut:])
                cut = folder.find("/", cut + 1)
            at = text.find(_BIN, at + 1)
    return found


def _frozen(
    stage: _Stage,
    label: str,
    python: PythonEvidence | None,
    installs: list[str],
    extras: list[str],
) -> DockerStage:
    """One environment of `stage`; one other than the stage's own is `within` the stage."""
    own = label == stage.label
    return DockerStage(
        label=label,
        location=stage.location,
        name=stage.name if own else None,
        base=stage.base,
        parent=stage.parent if own else stage.label,
        installs=tuple(dict.fromkeys(installs)),
        extras=tuple(dict.fromkeys(extras)),
        copies_from=tuple(dict.fromkeys(stage.copies_from)) if own else (),
        python=python.version if python else None,
        python_how=python.how if python else "",
        python_at=python.location if python else None,
        python_text=python.text if python else "",
        system_packages=tuple(stage.system_packages),
        within=None if own else stage.label,
    )


def _os_python_installed(stage: _Stage) -> bool:
    """Whether the stage (or a stage it is built FROM) apt-installs the OS's python3."""
    return any(p.manager == "apt" and installs_os_python(p.name) for p in stage.system_packages)


def _image_facts(info: ImageInfo, span: Span, environment: str) -> list[Fact]:
    """The CUDA, cuDNN, flavour, OS, torch and Python facts a decoded image gives."""
    pairs = [
        (FactKind.CUDA, info.cuda),
        (FactKind.CUDNN, info.cudnn),
        (FactKind.IMAGE_FLAVOUR, info.flavour),
        (FactKind.OS, info.os),
        (FactKind.IMAGE_TORCH, info.torch),
        (FactKind.PYTHON, info.python),
    ]
    detail = f"{info.ref}, {info.note}" if info.note else info.ref
    return [
        Fact(kind, value, span, detail=detail, environment=environment)
        for kind, value in pairs
        if value
    ]


def _python_of_spec(specifier: str) -> str | None:
    """`3.8` from a conda `python=3.8` specifier (``==3.8.*``), None for ranges."""
    match = re.match(r"^===?(3\.\d+)(?:\.\d+)?(?:\.\*)?$", specifier)
    return match.group(1) if match else None


def _words_of(text: str) -> list[tuple[str, int]]:
    """Whitespace-separated words of an instruction's arguments with their offsets."""
    return [(m.group(0), m.start()) for m in re.finditer(r"\S+", text)]


def _key_values(text: str) -> list[tuple[str, str, int]]:
    """`K=V` pairs (values may be quoted) of ARG/ENV, with each key's offset."""
    out: list[tuple[str, str, int]] = []
    for match in re.finditer(r"""([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?""", text):
        if match.start() > 0 and not text[match.start() - 1].isspace():
            continue
        value = match.group(2)
        if value is not None and len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        out.append((match.group(1), value if value is not None else "\0", match.start()))
    return out


def _exports(
    words: list[Word], locate: Callable[[int], Span], expand: Expand
) -> dict[str, _Setting]:
    """The index variables ``export NAME=value`` (or ``unset NAME``: "") sets for the rest of
    its RUN; a value only known at build time reads as "" (it hides the ``ENV`` one)."""
    stripped = strip_prefix(words)
    if not stripped or stripped[0].value not in {"export", "unset"}:
        return {}
    found: dict[str, _Setting] = {}
    for word in stripped[1:]:
        name, eq, value = word.value.partition("=")
        if name not in _EXPORTABLE or (stripped[0].value == "export" and not eq):
            continue
        expanded = expand(value, word.single_quoted) if eq else ""
        text = " ".join(w.value for w in stripped)
        found[name] = _Setting(expanded or "", locate(word.start), text)
    return found


#: `ManifestFile.metadata` key: ``"<line>\t<file>\t<line>"``, a Dockerfile line that uses a
#: ``--build-arg`` value and the place (a compose, workflow, script or KEY=VALUE line) that
#: sets it (`build_arg_places`).
BUILD_ARG_AT = "build-arg-at"
#: `ManifestFile.metadata` key: a file whose build-arg values the Dockerfile was read with.
BUILD_ARG_SOURCE = "build-arg-source"
#: `ManifestFile.metadata` key: an ARG without a default that no known build sets.
EXTERNAL_ARG = "external-arg"
#: The ARGs Docker predefines (proxies, the target platform): never asked of a build.
_PREDEFINED_ARGS = frozenset(
    {
        *(f"{p}_PROXY" for p in ("HTTP", "HTTPS", "FTP", "NO", "ALL")),
        *(f"{p}_proxy" for p in ("http", "https", "ftp", "no", "all")),
        *(f"{w}{x}" for w in ("TARGET", "BUILD") for x in ("PLATFORM", "OS", "ARCH", "VARIANT")),
    }
)
#: A word that is one variable reference, nothing else (``$PIP_CMD``, ``${PIP}``).
_WHOLE_REFERENCE = re.compile(r"^\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$")


def _field_split(
    words: list[Word], text: str, base: int, variables: Mapping[str, str | None]
) -> list[Word]:
    """The shell's field splitting of unquoted whole-variable words: ``ENV PIP_CMD="python3.11
    -m pip"`` then ``RUN ${PIP_CMD} install x`` runs ``python3.11 -m pip install x``. Each
    field keeps the variable's place in the line; a quoted or unknown reference stays one word."""
    out: list[Word] = []
    for word in words:
        value = (
            variables.get(word.value.strip("${}")) if _WHOLE_REFERENCE.match(word.value) else None
        )
        raw_at = base + word.start
        unquoted = raw_at < len(text) and text[raw_at] == "$"
        if value is None or not unquoted or not value.split() or len(value.split()) == 1:
            out.append(word)
            continue
        out.extend(Word(field, word.start) for field in value.split())
    return out


_REFERENCE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))")


def _referenced(text: str) -> list[str]:
    """The variable names `$X` / `${X...}` in `text`, in order."""
    return [m.group(1) or m.group(2) for m in _REFERENCE.finditer(text)]


def build_arg_places(manifest: ManifestFile) -> dict[int, list[tuple[str, int]]]:
    """Line of a Dockerfile -> the places that set the build-arg values it uses."""
    out: dict[int, list[tuple[str, int]]] = {}
    for key, value in manifest.metadata:
        if key != BUILD_ARG_AT:
            continue
        line, _, rest = value.partition("\t")
        file, _, at = rest.rpartition("\t")
        if line.isdigit() and at.isdigit() and file:
            places = out.setdefault(int(line), [])
            if (file, int(at)) not in places:
                places.append((file, int(at)))
    return out


class DockerfileParser:
    """Dockerfile / Containerfile: FROM stages, ARG substitution, ENV facts, RUN installs."""

    kind = FileKind.DOCKERFILE

    def parse(
        self,
        path: str,
        text: str,
        configs: Mapping[str, str] | None = None,
        build_args: Mapping[str, tuple[str, Span]] | None = None,
        build: str = "",
    ) -> ManifestFile:
        """Parse a Dockerfile (with the text of the pip/uv configuration files it copies in,
        by repository path, when known); never raises. `build_args` are the ``--build-arg``
        values of one build (name -> value and the place that sets it), and `build` names
        that build in the environments' labels (when a Dockerfile has several)."""
        return _Reader(path, text, configs, build_args, build).read()


def config_reference(candidates: list[str]) -> str:
    """The `include_paths` entry of a configuration file that may be any of `candidates`."""
    return encode(CONFIG_PREFIX, candidates)


def config_candidates(target: str) -> list[str] | None:
    """The repository paths of a `config_reference`; None for any other include path."""
    parts = decode(CONFIG_PREFIX, target, None)
    if parts is None or None in parts:
        return None
    return [str(part) for part in parts]


def link_config_files(
    manifest: ManifestFile,
    read: Callable[[str], str | None],
    builds: Sequence[Build] = (),
) -> ManifestFile:
    """`manifest` (a Dockerfile) read again with the pip.conf / uv.toml files it copies in that
    `read` finds, so that their index settings count like ``pip config set``; a file still
    absent becomes its possible repository paths in `include_paths` (for the worker to fetch,
    as an absent Makefile or script is). Unchanged when it copies no configuration file.

    `builds` are the builds of this Dockerfile other files describe (`build_args`): each
    distinct set of ``--build-arg`` values is read as one build; several builds give
    environments of their own (``Dockerfile#build docker-compose.yml:web``). A Dockerfile
    with an ARG no build sets asks for the build scripts beside it (`SCRIPT_NAMES`), and a
    build's KEY=VALUE file that `read` does not find is asked for too."""
    if manifest.kind != FileKind.DOCKERFILE:
        return manifest
    references = [t for t in manifest.include_paths if config_candidates(t) is not None]
    configs: dict[str, str] = {}
    for reference in references:
        for candidate in config_candidates(reference) or []:
            text = read(candidate)
            if text is not None:
                configs[candidate] = text
    external = [value for key, value in manifest.metadata if key == EXTERNAL_ARG]
    asked: list[str] = []
    if external and not builds:
        folder = posixpath.dirname(manifest.path)
        asked = [posixpath.join(folder, name) for name in SCRIPT_NAMES]
        asked = [path for path in asked if read(path) is None]
    for build in builds:
        asked.extend(f for f in build.arg_files if f not in asked and read(f) is None)
    if configs or builds:
        own = read(manifest.path)
        if own is not None:
            manifest = _read_builds(manifest.path, own, configs, builds[:MAX_BUILDS])
    paths: list[str] = []
    spans: list[Span] = []
    for target, span in zip(manifest.include_paths, manifest.includes, strict=False):
        for path in config_candidates(target) or [target]:
            if path not in paths:
                paths.append(path)
                spans.append(span)
    where = spans[0] if spans else Span(manifest.path, 1)
    for path in asked:
        if path not in paths:
            paths.append(path)
            spans.append(where)
    return replace(manifest, include_paths=tuple(paths), includes=tuple(spans))


def _read_builds(
    path: str, text: str, configs: Mapping[str, str], builds: Sequence[Build]
) -> ManifestFile:
    """The Dockerfile read once per build (one build, or none: its plain labels), merged."""
    parser = DockerfileParser()
    if len(builds) <= 1:
        args = dict(builds[0].args) if builds else None
        return parser.parse(path, text, configs, args)
    reads = [parser.parse(path, text, configs, dict(b.args), b.source) for b in builds]
    first = reads[0]

    def joined(field_of: Callable[[ManifestFile], tuple[object, ...]]) -> tuple[object, ...]:
        return tuple(dict.fromkeys(item for found in reads for item in field_of(found)))

    pairs = list(
        dict.fromkeys(
            pair
            for found in reads
            for pair in zip(found.include_paths, found.includes, strict=False)
        )
    )
    return replace(
        first,
        requirements=joined(lambda m: m.requirements),  # type: ignore[arg-type]
        indexes=joined(lambda m: m.indexes),  # type: ignore[arg-type]
        facts=joined(lambda m: m.facts),  # type: ignore[arg-type]
        errors=joined(lambda m: m.errors),  # type: ignore[arg-type]
        stages=joined(lambda m: m.stages),  # type: ignore[arg-type]
        metadata=joined(lambda m: m.metadata),  # type: ignore[arg-type]
        include_paths=tuple(p for p, _ in pairs),
        includes=tuple(s for _, s in pairs),
    )


#: A path inside one Python's site-packages (``/usr/local/lib/python3.11/site-packages``).
_SITE_PACKAGES = re.compile(r"/lib/python(3\.\d+)/(?:site|dist)-packages(?:/|$)")
#: Commands that install the WORKDIR's project from its pyproject.toml (and its lock).
_SYNC_COMMANDS = frozenset(
    {("uv", "sync"), ("poetry", "install"), ("pdm", "install"), ("pdm", "sync")}
)


class _Reader:
    """State of one Dockerfile read."""

    def __init__(
        self,
        path: str,
        text: str,
        configs: Mapping[str, str] | None = None,
        build_args: Mapping[str, tuple[str, Span]] | None = None,
        build: str = "",
    ) -> None:
        self.path = path
        self.configs = dict(configs or {})
        self.build_args = dict(build_args or {})
        self.build = build
        #: Variables whose value comes (directly or through another) from a build arg.
        self.from_build: dict[str, list[Span]] = {}
        #: Physical line -> the build-arg places its variables' values come from.
        self.build_lines: dict[int, list[Span]] = {}
        #: ARGs without a default that no build arg sets (their value is unknown).
        self.external: list[str] = []
        self.pep668: list[str] = []
        self.apt_missing: list[str] = []
        self.uv_picks: list[str] = []
        #: `VENV_PYTHON_MISMATCH` entries of COPY sources that name another Python's folder.
        self.copy_mismatch: list[str] = []
        self.physical = text.split("\n")
        self.lines = join_lines(self.physical, escape=escape_char(self.physical))
        self.global_args: dict[str, str | None] = {}
        self.stages: list[_Stage] = []
        self.named: dict[str, _Stage] = {}
        self.errors: list[Finding] = []
        self.facts: list[Fact] = []
        self.installs = InstallFindings(limit=MAX_INSTALLED)
        self.stage_count = sum(1 for line in self.lines if self._instruction(line)[0] == "FROM")
        #: Whether an instruction before the first FROM was reported (once a file).
        self.before_from = False

    def read(self) -> ManifestFile:
        for line in self.lines:
            word, rest = self._instruction(line)
            if word not in _INSTRUCTIONS:
                shown = (line.text.split(maxsplit=1) or [""])[0][:40]
                self._error(
                    line,
                    0,
                    f"expected a Dockerfile instruction, got {shown!r} (docker build stops: "
                    "'unknown instruction'; a line of the RUN before that lost its `\\`?)",
                )
                continue
            if self.build_args and word:
                self._trace_build_args(line, word, rest)
            if word == "FROM":
                self._from(line, rest)
            elif word == "ARG":
                self._arg(line, rest)
            elif not self.stages:
                if word and not self.before_from:
                    self.before_from = True  # said once: each later line repeats the same cause
                    if self.stage_count:
                        self._error(
                            line, 0, "expected FROM (only ARG may come before the first FROM)"
                        )
                    else:  # a fragment a build script puts after another file's FROM
                        self._error(
                            line,
                            0,
                            "no FROM in this file: read as a fragment that a build script puts "
                            "after another file's FROM (docker build of it alone stops)",
                            warn=True,
                        )
            elif word == "ENV":
                self._env(line, rest)
            elif word == "RUN":
                self.stages[-1].commands.append(line.text)
                self._run(line, rest)
            elif word in {"CMD", "ENTRYPOINT"}:
                self.stages[-1].commands.append(line.text)
            elif word == "WORKDIR":
                self._workdir(line, rest)
            elif word in {"COPY", "ADD"}:
                self._copy(line, rest)
        if not self.stages and not self.errors:
            self._error(None, 0, "expected a FROM instruction")
        overflow = self.installs.overflow
        if overflow is not None:
            self.installs.bad.append(
                (overflow, f"more than {MAX_INSTALLED} installed packages; the rest is ignored")
            )
        for span, message in self.installs.bad:
            self.errors.append(
                parse_error(self.path, span.line, span.column, message, self._text(span.line))
            )
        labels = {k: v for stage in self.stages for k, v in stage.labels().items()}
        facts = [
            replace(f, environment=labels.get(f.environment, f.environment)) for f in self.facts
        ]
        return ManifestFile(
            path=self.path,
            kind=FileKind.DOCKERFILE,
            metadata=self._build_metadata(),
            requirements=tuple(
                replace(r, environment=labels[r.environment]) if r.environment in labels else r
                for r in self.installs.requirements
            ),
            indexes=tuple(
                replace(i, environment=labels[i.environment]) if i.environment in labels else i
                for i in self.installs.indexes
            ),
            facts=tuple(dict.fromkeys(facts)),
            includes=tuple(self.installs.includes),
            include_paths=tuple(self.installs.include_paths),
            errors=tuple(self.errors),
            stages=tuple(env for stage in self.stages for env in stage.frozen()),
        )

    def _trace_build_args(self, line: LogicalLine, word: str, start: int) -> None:
        """Note which physical lines of `line` use a value a build arg set (directly, or
        through an ARG/ENV set from one), for `build_arg_places`."""
        spans: list[Span] = []
        for index, number in enumerate(line.lines):
            end = line.starts[index + 1] if index + 1 < len(line.starts) else len(line.text)
            piece = line.text[line.starts[index] : end]
            own = [s for name in _referenced(piece) for s in self.from_build.get(name, [])]
            if own:
                self.build_lines.setdefault(number, []).extend(own)
            spans.extend(own)
        if spans:
            for number in line.lines:
                self.build_lines.setdefault(number, []).extend(spans)
        if word not in {"ARG", "ENV"}:
            return
        for key, value, _ in _key_values(line.text[start:]):
            if word == "ARG" and key in self.build_args:
                self.from_build[key] = [self.build_args[key][1]]
            elif value != "\0":
                via = [s for name in _referenced(value) for s in self.from_build.get(name, [])]
                if via:
                    self.from_build[key] = via
                else:
                    self.from_build.pop(key, None)

    def _build_metadata(self) -> tuple[tuple[str, str], ...]:
        """`BUILD_ARG_AT` entries (a line and the places its build-arg values are set),
        `BUILD_ARG_SOURCE` entries (the files that set them) and `EXTERNAL_ARG` entries."""
        out: list[tuple[str, str]] = []
        for number in sorted(self.build_lines):
            for span in dict.fromkeys(self.build_lines[number]):
                out.append((BUILD_ARG_AT, f"{number}\t{span.file}\t{span.line}"))
        used = {s.file for spans in self.build_lines.values() for s in spans}
        out.extend((BUILD_ARG_SOURCE, file) for file in sorted(used))
        out.extend((EXTERNAL_ARG, name) for name in dict.fromkeys(self.external))
        out.extend((EXTERNALLY_MANAGED, entry) for entry in dict.fromkeys(self.pep668))
        out.extend((APT_PYTHON_MISSING, entry) for entry in dict.fromkeys(self.apt_missing))
        out.extend((UV_PICKS_PYTHON, entry) for entry in dict.fromkeys(self.uv_picks))
        out.extend((VENV_PYTHON_MISMATCH, entry) for entry in dict.fromkeys(self._venv_copies()))
        return tuple(out)

    @staticmethod
    def _instruction(line: LogicalLine) -> tuple[str, int]:
        match = _INSTRUCTION.match(line.text)
        if match is None:
            return "", 0
        return match["word"].upper(), match.end()

    def _text(self, number: int) -> str:
        return self.physical[number - 1] if 1 <= number <= len(self.physical) else ""

    def _span(self, line: LogicalLine, offset: int) -> Span:
        number, column = line.position(offset)
        return Span(self.path, number, column)

    def _error(
        self, line: LogicalLine | None, offset: int, expected: str, *, warn: bool = False
    ) -> None:
        span = self._span(line, offset) if line is not None else Span(self.path, 1, 1)
        found = parse_error(self.path, span.line, span.column, expected, self._text(span.line))
        self.errors.append(replace(found, severity=Severity.WARNING) if warn else found)

    def _variables(self) -> dict[str, str | None]:
        if not self.stages:
            return self.global_args
        stage = self.stages[-1]
        return {**stage.variables, **stage.env}

    def _add_fact(self, fact: Fact) -> None:
        self.facts.append(fact)
        if self.stages:
            self.stages[-1].facts.append(fact)

    def _from(self, line: LogicalLine, start: int) -> None:
        words = _words_of(line.text[start:])
        platform: tuple[str, int] | None = None
        while words and words[0][0].startswith("--"):
            flag, offset = words.pop(0)
            if flag.lower().startswith("--platform="):
                platform = (flag.split("=", 1)[1], start + offset)
        if (
            not words
            or len(words) not in {1, 3}
            or (len(words) == 3 and words[1][0].lower() != "as")
        ):
            self._error(
                line,
                start + (words[0][1] if words else 0),
                "expected `FROM [--platform=...] image [AS name]`",
            )
            return
        raw, offset = words[0]
        image, _unset = substitute(raw, self.global_args)
        name = words[2][0] if len(words) == 3 else None
        index = len(self.stages)
        label = self.path
        if name:
            label = f"{self.path}#{name}"
        elif self.stage_count > 1:
            label = f"{self.path}#{index}"
        if self.build:
            label += f"{', ' if '#' in label else '#'}build {self.build}"
        span = self._span(line, start + offset)
        stage = _Stage(label=label, name=name.lower() if name else None, location=span)
        stage.base = image
        parent = self.named.get(image.lower())
        self.stages.append(stage)
        if stage.name:
            self.named[stage.name] = stage
        if parent is not None:
            stage.parent = parent.label
            stage.env = dict(parent.env)
            stage.set_at = {k: v for k, v in parent.set_at.items() if k in parent.env}
            stage.pip_config = dict(parent.pip_config)
            stage.uv_config = dict(parent.uv_config)
            stage.written = dict(parent.written)
            stage.os = parent.os
            stage.python = parent.default_python()
            stage.venvs = dict(parent.venvs)
            stage.venv_at = dict(parent.venv_at)
            stage.system_packages = list(parent.system_packages)
            stage.pep668_off = parent.pep668_off
            stage.apt_sources = parent.apt_sources
            stage.paths = PathMap(
                parent.paths.workdir, dict(parent.paths.files), list(parent.paths.folders)
            )
            for fact in parent.facts:
                self._add_fact(replace(fact, environment=label))
        elif not image or (parse_image_ref(image) is None and image.lower() != "scratch"):
            self._error(line, start + offset, f"expected an image reference, got {image!r}")
        else:
            self._add_fact(Fact(FactKind.BASE_IMAGE, image, span, detail=image, environment=label))
            info = decode_image(image)
            if info is not None:
                for fact in _image_facts(info, span, label):
                    self._add_fact(fact)
                stage.os = info.os
                if info.python:
                    stage.python = PythonEvidence(
                        info.python, "image", span, f"{image}, {info.note}" if info.note else image
                    )
        if platform is not None:
            value, unset = substitute(platform[0], self.global_args)
            if value and not unset:
                where = self._span(line, platform[1])
                self._add_fact(Fact(FactKind.PLATFORM, value, where, platform[0], label))

    def _arg(self, line: LogicalLine, start: int) -> None:
        for key, value, offset in _key_values(line.text[start:]):
            given = self.build_args.get(key)
            inherited = bool(self.stages) and self.global_args.get(key) is not None
            if given is None and value == "\0" and key not in _PREDEFINED_ARGS and not inherited:
                self.external.append(key)
            if not self.stages:
                resolved = None if value == "\0" else substitute(value, self.global_args)[0]
                self.global_args[key] = given[0] if given is not None else resolved
                continue
            stage = self.stages[-1]
            if given is not None:
                stage.variables[key] = given[0]
            elif value == "\0":
                stage.variables[key] = self.global_args.get(key)
            else:
                stage.variables[key] = substitute(value, self._variables())[0]
            found = stage.variables[key]
            if found:
                where = given[1] if given is not None else self._span(line, start + offset)
                stage.set_at[key] = _Setting(found, where, f"ARG {key}={found}")

    def _env(self, line: LogicalLine, start: int) -> None:
        rest = line.text[start:]
        pairs = _key_values(rest)
        if pairs and pairs[0][1] == "\0":  # legacy `ENV KEY value with spaces`
            key, _, offset = pairs[0]
            value = rest[offset + len(key) :].strip()
            pairs = [(key, value, offset)]
        stage = self.stages[-1]
        for key, value, offset in pairs:
            if value == "\0":
                continue
            expanded, _unset = substitute(value, self._variables())
            stage.env[key] = expanded
            where = self._span(line, start + offset)
            stage.set_at[key] = _Setting(expanded, where, f"ENV {key}={value}")
            if key == "VIRTUAL_ENV" and expanded.startswith("/"):
                stage.venvs.setdefault(posixpath.normpath(expanded), None)
            if key in {"PIP_CONFIG_FILE", "UV_CONFIG_FILE"} and expanded:
                source = stage.paths.files.get(stage.paths.absolute(expanded))
                tool = config_tool(stage.paths.absolute(expanded), stage.env)
                if source is not None and tool is not None:
                    self._config_file(tool, source, where)
            kind = _ENV_FACTS.get(key)
            if kind is not None and expanded:
                span = self._span(line, start + offset)
                self._add_fact(Fact(kind, expanded, span, f"{key}={value}", stage.label))
                if kind == FactKind.PYTHON:
                    self._python(PythonEvidence(expanded, "env", span, f"{key}={value}"))

    def _python(self, evidence: PythonEvidence, fact: bool = False) -> None:
        """Record Python evidence for the current stage (and a PYTHON fact when asked)."""
        stage = self.stages[-1]
        if not evidence.beats(stage.python):
            return
        if fact:
            self._add_fact(
                Fact(
                    FactKind.PYTHON, evidence.version, evidence.location, evidence.text, stage.label
                )
            )
        stage.python = evidence

    def _workdir(self, line: LogicalLine, start: int) -> None:
        text = line.text[start:].strip()
        if text and self.stages:
            value, unset = substitute(text, self._variables())
            if not unset:
                self.stages[-1].paths.set_workdir(value)

    def _copy(self, line: LogicalLine, start: int) -> None:
        if not self.stages:
            return
        stage = self.stages[-1]
        text = line.text[start:].strip()
        words = [w for w, _ in _words_of(text)]
        source_stage = None
        while words and words[0].startswith("--"):
            flag = words.pop(0)
            if flag.lower().startswith("--from="):
                source_stage = flag.split("=", 1)[1]
        if text.startswith("["):
            try:
                values = json.loads(text)
            except ValueError:
                values = None
            if isinstance(values, list) and all(isinstance(v, str) for v in values):
                words = list(values)
        variables = self._variables()
        words = [substitute(w, variables)[0] for w in words]
        if source_stage is not None:
            stage.copies_from.append(source_stage.lower())
            origin = self.named.get(source_stage.lower())
            if origin is not None and len(words) >= 2:
                self._copy_venvs(origin, words[:-1], words[-1], self._span(line, start))
            return
        if len(words) >= 2:
            before = dict(stage.paths.files)
            stage.paths.copy(words[:-1], words[-1])
            for target, source in stage.paths.files.items():
                tool = config_tool(target, stage.env)
                if tool is not None and before.get(target) != source:
                    self._config_file(tool, source, self._config_span(line, start, source))

    def _copy_venvs(self, source: _Stage, paths: list[str], target: str, span: Span) -> None:
        """`COPY --from=builder /app /app`: the virtualenvs of `source` at or below the copied
        paths are venvs of this stage too, made by the source stage's Python (a venv's
        ``bin/python`` links to that interpreter, which this stage may not have); a copied
        site-packages folder is `_copy_site_packages`'."""
        stage = self.stages[-1]
        destination = stage.paths.absolute(target)
        for written in paths:
            copied = source.paths.absolute(written)
            for venv, version in source.venvs.items():
                if venv != copied and not venv.startswith(copied.rstrip("/") + "/"):
                    continue
                inner = posixpath.relpath(venv, copied)
                path = posixpath.normpath(posixpath.join(destination, inner))
                made = source.venv_at.get(venv) or source.default_python()
                if version is None and made is not None:
                    version = made.version  # `python -m venv`: the source stage's Python
                stage.venvs[path] = version
                if made is not None:
                    stage.venv_at[path] = made
                if version is not None:
                    stage.copied_venvs.append((path, version, span, source.label))
            self._copy_site_packages(source, copied, destination, span)

    def _copy_site_packages(
        self, source: _Stage, copied: str, destination: str, span: Span
    ) -> None:
        """`COPY --from=builder /usr/local/lib/python3.11/site-packages /usr/local/lib/...`: a
        path naming one Python's site-packages, which the builder must have (a Dependabot bump
        of both FROM lines leaves the written 3.11 behind: the COPY finds nothing) and which
        only that Python reads."""
        stage = self.stages[-1]
        builder = source.default_python()
        named = _SITE_PACKAGES.search(copied)
        if named is not None and builder is not None and named[1] != builder.version:
            entry = f"{span.line}\t{span.column}\t{copied}\t{named[1]}\t{source.label}"
            self.copy_mismatch.append(f"{entry}\t{builder.version}\t{builder.text}\tsource")
        named = _SITE_PACKAGES.search(destination)
        if named is not None:
            stage.copied_venvs.append((destination, named[1], span, source.label))

    def _venv_copies(self) -> list[str]:
        """`VENV_PYTHON_MISMATCH` entries: each copied venv a stage uses (on ``PATH``, as
        ``VIRTUAL_ENV``, or named by a later RUN / CMD / ENTRYPOINT) whose Python is not the
        stage's own."""
        out: list[str] = list(self.copy_mismatch)
        failed = {tuple(entry.split("\t", 2)[:2]) for entry in out}  # a COPY that finds nothing
        for stage in self.stages:
            own = stage.python
            if own is None:
                continue
            named: set[str] | None = None  # the folders whose bin/ a command names
            for path, version, span, source in stage.copied_venvs:
                if version == own.version:
                    continue
                site = _SITE_PACKAGES.search(path) is not None
                if named is None:
                    named = _bin_folders(stage.commands)
                used = (
                    site
                    or path_venv(stage.env.get("PATH"), {path: version}) == path
                    or stage.env.get("VIRTUAL_ENV") == path
                    or path in named
                )
                if used and (str(span.line), str(span.column)) not in failed:
                    where = f"{span.line}\t{span.column}\t{path}\t{version}\t{source}"
                    kind = "site" if site else "venv"
                    out.append(f"{where}\t{own.version}\t{own.text}\t{kind}")
        return out

    def _config_write(self, line: LogicalLine, write: _Write) -> None:
        """An ``echo … > /etc/pip.conf`` of a RUN: the file's index settings from here on (a
        setting that keeps its value keeps the line that first wrote it)."""
        stage = self.stages[-1]
        path = stage.paths.absolute(write.target)
        tool = config_tool(path, stage.env)
        if tool is None:
            return
        before = stage.written.get(path, "") if write.append else ""
        text = None if before is None or write.text is None else before + write.text
        stage.written[path] = text
        settings = stage.pip_config if tool == "pip" else stage.uv_config
        old = {kind: s for kind, s in settings.items() if s.label == path}
        for kind in old:
            del settings[kind]
        span = self._span(line, write.offset)
        for kind, value in config_indexes(tool, text or "").items():
            kept = old.get(kind)
            where = kept.location if kept is not None and kept.value == value else span
            settings[kind] = _Setting(value, where, f"{path}: {value}", label=path)

    def _config_span(self, line: LogicalLine, start: int, source: str) -> Span:
        """Where a COPY line names `source` (the instruction when not found)."""
        text = line.text
        name = posixpath.basename(source)
        at = text.find(name, start)
        return self._span(line, at if at >= 0 else start)

    def _config_file(self, tool: str, source: str, span: Span) -> None:
        """A pip.conf / uv.toml (build-context path `source`) the stage copied to where `tool`
        reads it: its index settings count from here on, like ``pip config set``; when the
        parse was not given the file, a `config_reference` asks for it."""
        here = posixpath.dirname(self.path)
        candidates = [
            c
            for c in dict.fromkeys([source, posixpath.normpath(posixpath.join(here, source))])
            if c and not c.startswith(("/", "../")) and c != ".." and "$" not in c
        ]
        if not candidates:
            return
        found = next((c for c in candidates if c in self.configs), None)
        if found is None:
            self.installs.include_paths.append(config_reference(candidates))
            self.installs.includes.append(span)
            return
        stage = self.stages[-1]
        settings = stage.pip_config if tool == "pip" else stage.uv_config
        for kind, value in config_indexes(tool, self.configs[found]).items():
            settings[kind] = _Setting(value, span, f"{found}: {value}", label=found)

    def _run(self, line: LogicalLine, start: int) -> None:
        if self.installs.overflow is not None:
            return
        rest = line.text[start:]
        stripped = rest.lstrip()
        offset = start + len(rest) - len(stripped)
        flags: list[str] = []
        while stripped.startswith("--"):  # --mount=..., --network=...
            flag = stripped.split(None, 1)[0]
            flags.append(flag)
            after = stripped[len(flag) :]
            offset += len(stripped) - len(after.lstrip())
            stripped = after.lstrip()
        paths = self.stages[-1].paths
        if adds_apt_source(line.text):
            self.stages[-1].apt_sources = True
        saved = (dict(paths.files), list(paths.folders))
        for source, target in bind_mounts(flags):
            paths.copy([source], target)
        exported: dict[str, _Setting] = {}  # `export PIP_INDEX_URL=…` earlier in this RUN
        try:
            if stripped.startswith("["):
                words = self._exec_words(line, offset)
                if words is not None:
                    self._commands(line, [words])
                    return
            writes = _config_writes(line.text, offset, self._variables())
            self._commands(line, split_commands(line.text[offset:]), offset, exported, writes)
            for write in writes:  # after the RUN's last command: for the later RUNs
                self._config_write(line, write)
            for body in line.heredocs:
                self._commands(body, split_commands(body.text), 0, exported)
        finally:
            paths.files, paths.folders = saved

    def _exec_words(self, line: LogicalLine, offset: int) -> list[Word] | None:
        """The words of an exec-form `RUN ["pip", "install", ...]`, or None if not JSON."""
        try:
            values = json.loads(line.text[offset:])
        except ValueError:
            return None
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            return None
        matches = list(_JSON_STRING.finditer(line.text, offset))
        if len(matches) != len(values):
            return None
        return [Word(v, m.start()) for v, m in zip(values, matches, strict=True)]

    def _commands(
        self,
        line: LogicalLine,
        commands: list[list[Word]],
        base: int = 0,
        exported: dict[str, _Setting] | None = None,
        writes: list[_Write] | None = None,
    ) -> None:
        """Read the commands of a RUN; `exported` and the pending `writes` (taken off the list
        once done, before the first command after them) carry from one command to the next."""
        stage = self.stages[-1]
        writes = [] if writes is None else writes
        exported = {} if exported is None else exported
        variables = {**self._variables(), **{k: v.value for k, v in exported.items()}}

        def locate(at: int) -> Span:
            return self._span(line, base + at)

        def expand(text: str, single_quoted: bool) -> str | None:
            if "$" not in text:
                return text
            if single_quoted:
                return None  # the literal `$` text is what the command gets: not knowable
            value, unset = substitute(text, variables)
            return None if unset or "$" in value else value

        active: str | None = None  # the venv a `. /p/bin/activate` of this RUN opened
        for unsplit in commands:
            words = _field_split(unsplit, line.text, base, variables)
            while writes and writes[0].offset < base + words[0].start:
                self._config_write(line, writes.pop(0))
            for name, setting in _exports(words, locate, expand).items():
                exported[name] = setting
                variables[name] = setting.value
            self._stage_evidence(words, locate, expand)
            created = venv_created(words, expand)
            if created is not None:
                self._venv(created, words, locate)
            opened = activated(words, expand)
            new_path = exported_path(words)
            if opened is not None:
                active = stage.paths.absolute(opened)
            elif new_path is not None:
                active = path_venv(new_path, stage.venvs)
            elif strip_prefix(words)[:1] and strip_prefix(words)[0].value == "deactivate":
                active = None
            key = self._installer(words, locate, expand, active)
            kind = classify(words)
            self._externally_managed(words, kind, key, locate, variables)
            environment = stage.use(key) if kind is not None else stage.label
            installs = stage.installs_of(key)
            before_includes = len(self.installs.include_paths)
            before_reqs = len(self.installs.requirements)
            interpret(words, locate, expand, environment, self.installs)
            self._pip_config(words, locate, expand)
            self._ambient_indexes(words, locate, environment, exported)
            paths = self.installs.include_paths
            for index in range(before_includes, len(paths)):
                paths[index] = stage.paths.repo_path(paths[index])
                installs.append(paths[index])
            for req in self.installs.requirements[before_reqs:]:
                if req.ecosystem == Ecosystem.CONDA and req.name == "python" and req.specifier:
                    version = _python_of_spec(req.specifier)
                    if version:
                        self._python(PythonEvidence(version, "conda", req.location, req.raw))
            self._local_installs(words, expand, key)
            self._project_syncs(words, key)
            self._make_installs(words, locate, expand)
            self._script_installs(words, locate, expand)

    def _externally_managed(
        self,
        words: list[Word],
        kind: tuple[str, list[Word]] | None,
        key: str,
        locate: Callable[[int], Span],
        variables: Mapping[str, str | None],
    ) -> None:
        """Note a pip install (`kind`: `classify(words)`) the stage's system Python refuses
        under PEP 668 (`_pep668`); a command that removes the marker or configures pip around
        it switches that off."""
        stage = self.stages[-1]
        if kind is None or kind[0] != "pip":
            if switches_off(" ".join(w.value for w in words)):
                stage.pep668_off = True
            return
        head = strip_prefix(words)
        uv = bool(head) and posixpath.basename(head[0].value) == "uv"
        if stage.pep668_off or bypassed(words, variables) or not head:
            return
        if uv and not any(w.value == "--system" for w in head):
            return  # uv pip without --system installs into a venv (or asks for one)
        if key == "":
            evidence = stage.default_python()
        elif key.startswith("python:") and os_key(stage.os) not in MOVING_MANAGED:
            evidence = stage.interpreters.get(key.split(":", 1)[1])
            if evidence is not None and stage.python is not None:
                evidence = replace(evidence, how=stage.python.how)
        else:
            return  # a venv
        os_name = os_key(stage.os)
        if (
            evidence is not None
            and evidence.how == "interpreter"
            and not _os_python_installed(stage)
        ):
            # `python3.12 -m pip` names a Python the OS may not have installed: a source build
            # (`make altinstall` under /usr/local) has no marker (vectorinstitute/
            # vector-inference: nvidia/cuda ubuntu24.04 ships no python3; none is apt-installed)
            return
        marked = managed_python(
            os_name,
            evidence.version if evidence else None,
            evidence.how if evidence else None,
        )
        if marked is None or os_name is None:
            return
        span = locate(head[0].start)
        text = " ".join(w.value for w in head)
        self.pep668.append(f"{span.line}\t{span.column}\t{os_name}\t{marked}\t{text}")

    def _venv(
        self, created: tuple[str, str | None], words: list[Word], locate: Callable[[int], Span]
    ) -> None:
        """`python3.9 -m venv /p` (or virtualenv, uv venv): /p is a venv of that Python."""
        stage = self.stages[-1]
        path, version = created
        path = stage.paths.absolute(path)
        stage.venvs[path] = version
        if version is not None:
            head = strip_prefix(words)[0]
            text = " ".join(w.value for w in strip_prefix(words))
            stage.venv_at[path] = PythonEvidence(version, "interpreter", locate(head.start), text)
        else:
            stage.venv_at.pop(path, None)

    def _installer(
        self,
        words: list[Word],
        locate: Callable[[int], Span],
        expand: Callable[[str, bool], str | None],
        active: str | None,
    ) -> str:
        """The installer key of a pip command ("" for the stage's default pip), recording
        the Python that the command's own words name."""
        stage = self.stages[-1]
        if classify(words) is None and interpreter_python(words) is None:
            return ""
        on_path = active or path_venv(stage.env.get("PATH"), stage.venvs)
        found = installer(
            words, expand, stage.venvs, on_path, stage.env.get("VIRTUAL_ENV"), stage.paths.absolute
        )
        key = _key(found)
        if found.version is None:
            return key
        head = strip_prefix(words)[0]
        evidence = PythonEvidence(found.version, "interpreter", locate(head.start), head.value)
        if found.kind == "python" and found.version not in stage.interpreters:
            stage.interpreters[found.version] = evidence
            self._add_fact(
                Fact(FactKind.PYTHON, found.version, evidence.location, head.value, stage.label)
            )
        elif found.kind == "venv":
            stage.named.setdefault(key, evidence)
        return key

    def _make_installs(
        self, words: list[Word], locate: Callable[[int], Span], expand: Expand
    ) -> None:
        """`make setup`: a reference to the target of the Makefile the stage copied in (the
        snapshot replaces it with the files the target installs)."""
        call = make_call(words)
        if call is None or not words:
            return
        stage = self.stages[-1]
        folder = expand(call.directory or ".", False)
        if folder is None:
            return
        names = (call.makefile,) if call.makefile else MAKEFILE_NAMES
        wanted = [posixpath.join(folder, name) for name in names]
        copied = [w for w in wanted if stage.paths.absolute(w) in stage.paths.files]
        source = stage.paths.resolve((copied or wanted)[0])  # a file COPY'd by name first
        if source is None or source.startswith("/"):
            return
        directory = posixpath.dirname(source)
        for goal in call.goals or ("",):
            reference = make_reference(directory, call.makefile, goal)
            stage.installs.append(reference)
            self.installs.include_paths.append(reference)
            self.installs.includes.append(locate(words[0].start))

    def _stage_evidence(
        self,
        words: list[Word],
        locate: Callable[[int], Span],
        expand: Callable[[str, bool], str | None],
    ) -> None:
        """Python evidence of one command: `apt-get install python3.X`, `python3.X -m pip`,
        `bash Miniconda3-py39_…-Linux-x86_64.sh` (the installer's base environment); the
        cuDNN of `apt-get install libcudnn8=${CUDNN}+cuda${CUDA}` (ARGs expanded)."""
        stage = self.stages[-1]
        for word, cudnn in apt_cudnn(words, lambda text: expand(text, False)):
            detail = f"{word.value} (apt-get install)"
            self._add_fact(Fact(FactKind.CUDNN, cudnn, locate(word.start), detail, stage.label))
        stage.system_packages.extend(system_packages(words, locate))
        saved = downloaded(words)
        if saved is not None:
            stage.installers[posixpath.normpath(saved[0])] = saved[1]
        conda = run_installer(words, stage.installers)
        if conda is not None:
            where = locate(conda.word.start)
            self._python(PythonEvidence(conda.version, "installer", where, conda.text), True)
        for word, version in apt_python(words, lambda text: expand(text, False)):
            if version is not None:
                where = locate(word.start)
                self._python(PythonEvidence(version, "apt", where, word.value), True)
                carried = os_apt_pythons(stage.os)
                missing = carried is not None and version not in carried
                # yum's python36 is no apt package: asked only when the archive lacks it
                if missing and not stage.apt_sources and package_manager(words) == "apt":
                    entry = f"{where.line}\t{where.column}\t{os_key(stage.os)}\t{version}"
                    self.apt_missing.append(f"{entry}\t{word.value}")
                continue
            default = os_python3(stage.os)
            if default is not None:
                text = f"{word.value} from {stage.os}"
                evidence = PythonEvidence(default, "os-default", locate(word.start), text)
                if evidence.beats(stage.python):
                    self._python(evidence, True)

    def _local_installs(
        self, words: list[Word], expand: Callable[[str, bool], str | None], key: str = ""
    ) -> None:
        """`pip install .` / `-e ./pkg`: the project folder's pyproject.toml is installed
        (into the environment of installer `key`)."""
        found = classify(words)
        if found is None or found[0] != "pip":
            return
        stage = self.stages[-1]
        for value in pip_install_arguments(found[1], expand):
            local = value.split("[", 1)[0].rstrip("/") or "/"
            last = local.rsplit("/", 1)[-1]
            if local != "." and not (local.startswith(("./", "/")) and "." not in last):
                continue
            folder = stage.paths.repo_path(local)
            if not folder.startswith("/"):
                path = "pyproject.toml" if folder in {"", "."} else f"{folder}/pyproject.toml"
                installs, extras = stage.installs_of(key), stage.extras_of(key)
                installs.append(path)
                if "[" in value:
                    wanted = value.split("[", 1)[1].split("]", 1)[0]
                    extras.extend(
                        f"{path}#{extra.strip()}" for extra in wanted.split(",") if extra.strip()
                    )

    def _project_syncs(self, words: list[Word], key: str = "") -> None:
        """`uv sync`, `poetry install`, `pdm install` / `pdm sync`: the WORKDIR's
        pyproject.toml is installed, with the extras `--extra x` names (mozilla-ai/otari's
        `COPY pyproject.toml uv.lock ./` then `RUN uv sync --frozen --no-dev`)."""
        stripped = strip_prefix(words)
        head = tuple(posixpath.basename(w.value) for w in stripped[:2])
        if head not in _SYNC_COMMANDS:
            return
        options = [w.value for w in stripped[2:]]
        if any(o.startswith(("--project", "--directory", "-C", "--package")) for o in options):
            return  # another folder or a workspace member: not followed
        stage = self.stages[-1]
        folder = stage.paths.repo_path(".")
        if folder.startswith("/"):
            return
        path = "pyproject.toml" if folder in {"", "."} else f"{folder}/pyproject.toml"
        installs, extras = stage.installs_of(key), stage.extras_of(key)
        installs.append(path)
        if head[0] == "uv":  # uv sync makes the project's venv (.venv, or UV_PROJECT_ENVIRONMENT)
            venv = stage.paths.absolute(stage.env.get("UV_PROJECT_ENVIRONMENT") or ".venv")
            python = stage.default_python()
            stage.venvs[venv] = python.version if python is not None else None
            if python is not None:
                stage.venv_at[venv] = python
            downloads = stage.env.get("UV_PYTHON_DOWNLOADS", "").lower()
            named = any(o in ("--python", "-p", "--no-python-downloads") for o in options) or any(
                o.startswith("--python=") for o in options
            )
            if not named and "UV_PYTHON" not in stage.env and downloads not in ("never", "manual"):
                self.uv_picks.append(f"{stage.label}\t{path}")
        for option, value in itertools.pairwise([*options, ""]):
            if option in ("--extra", "-E") and value and not value.startswith("-"):
                extras.append(f"{path}#{value}")
            elif option.startswith("--extra="):
                extras.append(f"{path}#{option.split('=', 1)[1]}")

    def _pip_config(self, words: list[Word], locate: Callable[[int], Span], expand: Expand) -> None:
        """`pip config [--global|--user|--site] set global.extra-index-url URL`: an index every
        later pip call of the stage (and of the stages built FROM it) uses."""
        stripped = strip_prefix(words)
        if not stripped:
            return
        head, rest = posixpath.basename(stripped[0].value), stripped[1:]
        if re.match(r"^python(\d+(\.\d+)?)?$", head) and len(rest) >= 2 and rest[0].value == "-m":
            head, rest = rest[1].value, rest[2:]
        if not re.match(r"^pip(\d+(\.\d+)?)?$", head):
            return
        values = [w for w in rest if not w.value.startswith("-")]
        if len(values) < 4 or values[0].value != "config" or values[1].value != "set":
            return
        key, value = values[2], values[3]
        kind = _PIP_CONFIG_KEYS.get(key.value.split(".", 1)[-1])
        url = expand(value.value, value.single_quoted)
        if kind is None or not url or key.value.split(".", 1)[0] not in {"global", "install"}:
            return
        text = " ".join(w.value for w in stripped)
        self.stages[-1].pip_config[kind] = _Setting(url, locate(key.start), text)

    def _ambient_indexes(
        self,
        words: list[Word],
        locate: Callable[[int], Span],
        environment: str,
        exported: Mapping[str, _Setting],
    ) -> None:
        """The indexes a pip / uv pip install takes from the stage rather than its own options:
        ``ENV``/``ARG PIP_INDEX_URL``/``PIP_EXTRA_INDEX_URL`` (``UV_INDEX_URL``,
        ``UV_EXTRA_INDEX_URL``, ``UV_DEFAULT_INDEX``, ``UV_INDEX`` for uv), an ``export`` of
        one earlier in the same RUN, a ``VAR=url`` prefix of the command itself, and ``pip
        config set`` or a copied pip.conf (a copied uv.toml for uv) before it. An option the
        command passes replaces the setting of its kind, an environment variable the
        configuration file's. Each is recorded once per environment as a `PIP_OPTION` fact at
        the line that set it."""
        found = classify(words)
        if found is None or found[0] != "pip":
            return
        stage = self.stages[-1]
        stripped = strip_prefix(words)
        tool = "uv" if any(posixpath.basename(w.value) == "uv" for w in stripped[:3]) else "pip"
        given = {
            _OPTION_KINDS[option]
            for option, _word, _text in pip_options(found[1])
            if option in _OPTION_KINDS
        }
        config = stage.pip_config if tool == "pip" else stage.uv_config
        settings: dict[IndexKind, list[tuple[str, _Setting]]] = {
            kind: [(setting.label or "pip config", setting)] for kind, setting in config.items()
        }
        from_config = set(settings)
        inline = {
            w.value.split("=", 1)[0]: w
            for w in words[: len(words) - len(stripped)]
            if "=" in w.value
        }
        for name, kind in _INDEX_VARIABLES[tool]:
            word = inline.get(name)
            known = stage.set_at.get(name)
            if word is not None:
                value = word.value.split("=", 1)[1]
                setting = _Setting(value, locate(word.start), word.value)
            elif name in exported:
                value, setting = exported[name].value, exported[name]
            elif known is not None:
                value, setting = self._variables().get(name) or "", known
            else:
                continue
            if not value or "$" in value:
                continue
            if kind in from_config:
                del settings[kind]  # an environment variable wins over pip's config file
                from_config.discard(kind)
            settings.setdefault(kind, []).append((name, replace(setting, value=value)))
        for kind, chosen in settings.items():
            if kind in given:
                continue
            for name, setting in chosen:
                for url in setting.value.split():
                    url = url.split("=", 1)[1] if "=" in url.split("://", 1)[0] else url
                    fact = Fact(
                        FactKind.PIP_OPTION,
                        _OPTION_OF[kind] + url,
                        setting.location,
                        name,
                        environment,
                    )
                    if fact not in self.facts:
                        self._add_fact(fact)

    def _script_installs(
        self, words: list[Word], locate: Callable[[int], Span], expand: Expand
    ) -> None:
        """`bash /tmp/install.sh` / `./scripts/install.sh` of a script the stage COPY'd in: a
        `shell_scripts.script_reference` (the snapshot replaces it with the files the script's
        own pip installs install, taken from the build context folder the WORKDIR maps to, else
        the context root). A script that was not copied in is not followed."""
        called = script_call(words, absolute=True)
        if called is None or not words:
            return
        stage = self.stages[-1]
        path = expand(called, False)
        source = stage.paths.resolve(path) if path else None
        if source is None or source.startswith("/") or source.startswith("../"):
            return
        folder = stage.paths.resolve(stage.paths.workdir) or ""
        if folder.startswith(("/", "../")):
            folder = ""
        reference = script_reference(folder, posixpath.relpath(source, folder or "."))
        stage.installs.append(reference)
        self.installs.include_paths.append(reference)
        self.installs.includes.append(locate(strip_prefix(words)[0].start))
