"""What one Dockerfile stage copies in and which Python runs its pip (pure helpers).

Paths: the build context is taken to be the repository root. ``COPY``/``ADD`` (without
``--from``) and ``RUN --mount=type=bind`` map container paths back to context paths, so that
``COPY deps/gpu.txt /tmp/r.txt`` + ``pip install -r /tmp/r.txt`` names ``deps/gpu.txt``.

Python: each piece of evidence has a strength; the strongest (the latest among equals)
decides the stage's Python. ``pythonX.Y -m pip`` (interpreter) > conda ``python=X.Y`` >
a Miniconda installer the stage runs (installer, `conda_installers`) >
``apt-get install pythonX.Y`` (apt) > the base image's Python (image) > ``ENV
PYTHON_VERSION`` (env) > the OS release's own ``python3`` when the stage installs
``python3`` from apt (os-default).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rules.manifests._shellwords import Word, strip_prefix
from rules.manifests.model import Span, SystemPackage

#: Strength of each kind of Python evidence (higher wins).
PYTHON_STRENGTH: dict[str, int] = {
    "os-default": 1,
    "env": 2,
    "image": 3,
    "apt": 4,
    "installer": 5,
    "conda": 6,
    "interpreter": 7,
}
#: OS package managers and the subcommands that install: manager label, install verbs.
_SYSTEM_TOOLS: dict[str, tuple[str, frozenset[str]]] = {
    "apt-get": ("apt", frozenset({"install"})),
    "apt": ("apt", frozenset({"install"})),
    "aptitude": ("apt", frozenset({"install"})),
    "apk": ("apk", frozenset({"add"})),
    "yum": ("yum", frozenset({"install", "groupinstall"})),
    "dnf": ("yum", frozenset({"install", "groupinstall"})),
    "microdnf": ("yum", frozenset({"install"})),
}
_APT_VERSIONED = re.compile(r"^python(3\.\d+)(?:-(?:dev|venv|distutils|full|minimal|lib2to3))?$")
#: yum / dnf names of one Python: CentOS 7's ``python36``, EL8's ``python38`` / ``python39``,
#: EL9's ``python3.11`` (and their ``-devel`` / ``-pip`` / ``-libs`` packages).
_YUM_VERSIONED = re.compile(r"^python(?:3(\d{1,2})|3\.(\d{1,2}))(?:-(?:devel|pip|libs))?$")
_YUM_DEFAULT = re.compile(r"^python3(?:-(?:pip|devel|libs))?$")
_APT_DEFAULT = re.compile(r"^python3(?:-(?:pip|dev|venv|full|minimal|distutils|setuptools))?$")
_INTERPRETER = re.compile(r"^(?:.*/)?python(3\.\d+)$")
_OS_PYTHON = re.compile(r"^python3(?:\.\d+)?(?:-[a-z0-9.]+)?$")
#: `ManifestFile.metadata` key: ``"<line>\t<column>\t<os>\t<python>\t<package>"``, an
#: ``apt-get install python3.X`` of a Python the OS release's own archive does not carry
#: (`rules.manifests.images.OS_APT_PYTHONS`) with no other apt source added before it.
APT_PYTHON_MISSING = "apt-python-missing"
#: `ManifestFile.metadata` key: ``"<line>\t<column>\t<path>\t<its python>\t<source stage>\t
#: <stage python>\t<its evidence>\t<kind>"``: a virtualenv `COPY --from` brings from a stage
#: whose Python differs from the Python of the stage that uses it (kind ``venv``), one Python's
#: site-packages copied into a stage whose Python is another (``site``), or a COPY source
#: naming a site-packages of a Python the source stage does not have (``source``).
VENV_PYTHON_MISMATCH = "venv-python-mismatch"
#: `ManifestFile.metadata` key: ``"<stage label>\t<pyproject path>"``, a ``uv sync`` of the
#: project that names no Python (no ``--python``, no ``UV_PYTHON``) with Python downloads left
#: on: uv makes the project's venv with a Python its requires-python admits, found on the
#: system or downloaded (docs.astral.sh/uv/concepts/python-versions: "uv will automatically
#: download Python versions as needed"), not with the stage's python3 (rakuri255/UltraSinger:
#: ``uv sync`` of a ``>=3.12`` project on Ubuntu 22.04, whose python3 is 3.10).
UV_PICKS_PYTHON = "uv-picks-python"
#: Text of a RUN command that adds an apt source (a PPA such as deadsnakes, a sources.list
#: entry, a keyring for one): after it, which ``python3.X`` apt finds is not known here.
_APT_SOURCES = ("add-apt-repository", "apt-add-repository", "ppa:", "deadsnakes", "sources.list")
#: NVIDIA's cuDNN packages pinned to a version: ``libcudnn8=8.0.4.30-1+cuda11.0`` (TensorFlow's
#: own GPU Dockerfiles), ``libcudnn8-dev=…``, ``libcudnn9-cuda-12=9.1.0.70-1``.
_APT_CUDNN = re.compile(r"^libcudnn(\d+)(?:-dev)?(?:-cuda-\d+)?=(\d+\.\d+\.\d+)(?:\.\d+)?[-+~]")


@dataclass(frozen=True, slots=True)
class PythonEvidence:
    """One piece of evidence for the Python of a stage."""

    version: str
    how: str
    location: Span
    text: str

    def beats(self, other: PythonEvidence | None) -> bool:
        """Whether this evidence (seen later) replaces `other`."""
        if other is None:
            return True
        mine, theirs = PYTHON_STRENGTH[self.how], PYTHON_STRENGTH[other.how]
        return mine > theirs or (mine == theirs and self.version != other.version)


@dataclass
class PathMap:
    """Container paths of one stage mapped to build-context paths."""

    workdir: str = "/"
    files: dict[str, str] = field(default_factory=dict)
    folders: list[tuple[str, str]] = field(default_factory=list)

    def copy(self, sources: list[str], dest: str) -> None:
        """Record `COPY sources... dest` (sources relative to the context)."""
        target = self.absolute(dest)
        into_folder = dest.endswith("/") or dest in {".", "./"} or len(sources) > 1
        for raw in sources:
            source = _context(raw)
            if source is None:
                continue
            if source == "" or raw.endswith("/"):
                self.folders.append((target, source))
            elif into_folder:
                self.files[posixpath.join(target, posixpath.basename(source))] = source
                if "." not in posixpath.basename(source):  # a folder's contents land there
                    self.folders.append((target, source))
            elif "." in posixpath.basename(source):
                self.files[target] = source
            else:
                self.folders.append((target, source))

    def absolute(self, path: str) -> str:
        """A container path made absolute against the stage's WORKDIR."""
        return posixpath.normpath(posixpath.join(self.workdir, path))

    def set_workdir(self, path: str) -> None:
        """`WORKDIR path` (relative to the current one)."""
        self.workdir = self.absolute(path)

    def resolve(self, path: str) -> str | None:
        """The context path that container path `path` was copied from, or None."""
        target = self.absolute(path)
        if target in self.files:
            return self.files[target]
        for folder, source in reversed(self.folders):
            if target == folder:
                return source
            if target.startswith(folder.rstrip("/") + "/"):
                rest = target[len(folder.rstrip("/")) + 1 :]
                return posixpath.normpath(posixpath.join(source, rest)) if source else rest
        return None

    def repo_path(self, written: str) -> str:
        """The repository path of a file a RUN line names (as written when not mapped)."""
        mapped = self.resolve(written)
        if mapped is not None:
            return mapped
        if written.startswith("/"):
            return written
        return posixpath.normpath(written).removeprefix("./")


def _context(raw: str) -> str | None:
    """A COPY source as a context path ("" for the context root); None for URLs and globs."""
    if "://" in raw or any(ch in raw for ch in "*?[$"):
        return None
    path = posixpath.normpath(raw.lstrip("/"))
    return "" if path in {".", ""} else path


def bind_mounts(flags: list[str]) -> list[tuple[str, str]]:
    """(source, target) of `--mount=type=bind,source=…,target=…` flags of a RUN."""
    found: list[tuple[str, str]] = []
    for flag in flags:
        if not flag.startswith("--mount="):
            continue
        options: dict[str, str] = {}
        for part in flag[len("--mount=") :].split(","):
            key, _, value = part.partition("=")
            options[key] = value
        if options.get("type", "bind") != "bind" or "from" in options:
            continue
        source = options.get("source") or options.get("src") or "."
        target = options.get("target") or options.get("dst") or options.get("destination")
        if target:
            found.append((source, target))
    return found


def apt_python(
    words: list[Word], expand: Callable[[str], str | None] | None = None
) -> list[tuple[Word, str | None]]:
    """Python packages an `apt-get install` (or `yum` / `dnf install`: ``python36``, NVIDIA's
    CentOS 7 TensorRT image) command installs: (word, "3.X" or None for the OS's own
    `python3`). Empty for any other command. With `expand`, a ``python${PY}`` word
    is read with its ARGs and ENVs expanded (horovod's ``python${PYTHON_VERSION}``)."""
    found: list[tuple[Word, str | None]] = []
    for word in _installed(words, "yum"):
        yum = _YUM_VERSIONED.match(word.value)
        if yum:
            found.append((word, f"3.{yum.group(1) or yum.group(2)}"))
        elif _YUM_DEFAULT.match(word.value):
            found.append((word, None))  # the OS's python3 (Amazon Linux 2: 3.7)
    for word in _installed(words, "apt"):
        value = word.value
        if expand is not None and value.startswith("python") and "$" in value:
            value = expand(value) or value
        name = value.split("=", 1)[0]
        versioned = _APT_VERSIONED.match(name)
        if versioned:
            found.append((word, versioned.group(1)))
        elif _APT_DEFAULT.match(name):
            found.append((word, None))
    return found


def adds_apt_source(text: str) -> bool:
    """Whether a RUN line's text adds an apt source (`_APT_SOURCES`; a redirection into
    sources.list is no word of a command, so the text is read whole)."""
    return any(marker in text for marker in _APT_SOURCES)


def package_manager(words: list[Word]) -> str | None:
    """The OS package manager (``apt``, ``apk``, ``yum``) whose install command this is."""
    found = _install_command(words)
    return found[0] if found is not None else None


def _install_command(words: list[Word]) -> tuple[str, str, list[str], list[Word]] | None:
    """(manager, verb, options, package words) of an OS package manager's install command
    (`apt-get install -y gcc`, `yum groupinstall …`, `apk add g++`), or None."""
    words = strip_prefix(words)
    tool = _SYSTEM_TOOLS.get(posixpath.basename(words[0].value)) if words else None
    if tool is None:
        return None
    manager, verbs = tool
    rest = [w for w in words[1:] if not w.value.startswith("-")]
    if not rest or rest[0].value not in verbs:
        return None
    options = [w.value for w in words[1:] if w.value.startswith("-")]
    return manager, rest[0].value, options, rest[1:]


def _installed(words: list[Word], manager: str) -> list[Word]:
    """The package words of `manager`'s plain `install` (``apt``: apt-get / apt / aptitude;
    ``yum``: yum / dnf / microdnf); empty for any other command."""
    found = _install_command(words)
    if found is None or found[0] != manager or found[1] != "install":
        return []
    return found[3]


def apt_cudnn(words: list[Word], expand: Callable[[str], str | None]) -> list[tuple[Word, str]]:
    """The cuDNN an `apt-get install libcudnn8=8.0.4.30-1+cuda11.0` installs: (the word as
    `expand` writes it, "8.0.4"); only the cuDNN words are expanded (ARGs, ENVs). A pin
    whose major and the package name disagree is not read."""
    found: list[tuple[Word, str]] = []
    for word in _installed(words, "apt"):
        if not word.value.startswith("libcudnn"):
            continue
        value = expand(word.value) or word.value
        match = _APT_CUDNN.match(value)
        if match and match.group(2).split(".")[0] == match.group(1):
            found.append((Word(value, word.start), match.group(2)))
    return found


def installs_os_python(package: str) -> bool:
    """Whether an apt package installs the distribution's own python3 (and with it its PEP 668
    marker): python3 and python3.X themselves, and any python3-* package, which depends on
    python3. `apt_python` reads which Python a package names; this only whether one comes."""
    return _OS_PYTHON.match(package) is not None


def interpreter_python(words: list[Word]) -> tuple[Word, str] | None:
    """`python3.10 -m pip …` / `/usr/bin/python3.10 -m pip …`: the interpreter's version."""
    words = strip_prefix(words)
    if len(words) < 3 or words[1].value != "-m" or words[2].value not in {"pip", "pip3"}:
        return None
    match = _INTERPRETER.match(words[0].value)
    return (words[0], match.group(1)) if match else None


def system_packages(words: list[Word], locate: Callable[[int], Span]) -> list[SystemPackage]:
    """The OS packages one command installs (`apt-get install -y gcc`, `apk add g++`,
    `yum install gcc-c++`); empty for any other command."""
    found = _install_command(words)
    if found is None:
        return []
    manager, _, options, packages = found
    recommends = manager == "apt" and not any(
        o in {"--no-install-recommends", "--no-install-recommends=true"} for o in options
    )
    return [
        SystemPackage(manager, w.value.split("=", 1)[0], locate(w.start), recommends)
        for w in packages
    ]
