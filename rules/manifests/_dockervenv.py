"""Which interpreter a pip command of a Dockerfile stage installs into (pure helpers).

One stage can hold several Python environments: ``python3.7 -m venv /v37`` then
``/v37/bin/pip install ...``, or ``python3.7 -m pip`` next to ``python3.9 -m pip``. Each
install command is tied to an `Installer`:

- a virtualenv: ``/p/bin/pip[X.Y]``, ``/p/bin/python[X.Y] -m pip``, ``uv pip --python /p``,
  for a path ``/p`` the stage made a venv (``pythonX.Y -m venv /p``, ``virtualenv -p
  pythonX.Y /p``, ``uv venv --python X.Y /p``) or named in ``ENV VIRTUAL_ENV``; plain
  ``pip`` / ``python -m pip`` once ``ENV PATH=/p/bin:$PATH`` (or, for the rest of a RUN,
  ``export PATH=/p/bin:$PATH`` or ``. /p/bin/activate``) put the venv first;
- an interpreter: ``pythonX.Y -m pip``, ``pipX.Y`` (outside any venv);
- the stage's default pip: everything else (``pip``, ``pip3``, ``python3 -m pip``, conda).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rules.manifests._shellwords import Word, strip_prefix

#: Expands `$VAR`s in a word's text (not when single-quoted); None when one is unknown.
Expand = Callable[[str, bool], str | None]

_PYTHON = re.compile(r"^python(?P<version>3(?:\.\d+)?)?$")
_PIP = re.compile(r"^pip(?P<version>3(?:\.\d+)?)?$")
_MINOR = re.compile(r"(?:^|python-?)(3\.\d+)(?:\.\d+)?$")
#: Installation prefixes whose ``bin/pip`` is the system's (or conda base's) pip, not a venv.
_SYSTEM_PREFIXES = frozenset({"", "/", "/usr", "/usr/local", "/opt/conda", "/root/.local"})
_VENV_VALUE_OPTIONS = frozenset({"-p", "--python", "--prompt", "--seed", "--index-url"})


@dataclass(frozen=True, slots=True)
class Installer:
    """Where one pip command installs: ``kind`` is ``default``, ``python`` (an interpreter
    named by its version) or ``venv`` (a virtualenv named by its path); `version` is the
    Python minor the command itself names (``pip3.9``, ``python3.9 -m pip``), if any."""

    kind: str
    name: str = ""
    version: str | None = None


DEFAULT = Installer("default")


def _minor(text: str) -> str | None:
    match = _MINOR.search(text.strip())
    return match.group(1) if match else None


def _exact(version: str | None) -> str | None:
    """`3.9` from `3.9`, None for a bare `3`."""
    return version if version and "." in version else None


def _prefix(path: str) -> str:
    """The installation prefix of an executable: ``/v/bin/pip`` -> ``/v``; "" without a folder."""
    folder = posixpath.dirname(path)
    if not folder:
        return ""
    folder = posixpath.normpath(folder)
    return posixpath.dirname(folder) if posixpath.basename(folder) == "bin" else folder


def _values(words: list[Word], expand: Expand, options: frozenset[str]) -> list[tuple[str, str]]:
    """(option or "", expanded value) of a command's arguments."""
    out: list[tuple[str, str]] = []
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        value = expand(word.value, word.single_quoted)
        if value is None:
            continue
        if value.startswith("-"):
            option, eq, attached = value.partition("=")
            if eq:
                out.append((option, attached))
            elif option in options and index < len(words):
                nxt = words[index]
                index += 1
                given = expand(nxt.value, nxt.single_quoted)
                if given is not None:
                    out.append((option, given))
            else:
                out.append((option, ""))
            continue
        out.append(("", value))
    return out


def venv_created(words: list[Word], expand: Expand) -> tuple[str, str | None] | None:
    """(path, Python minor or None) of a command that creates a virtualenv:
    ``pythonX.Y -m venv /p``, ``python3 -m virtualenv /p``, ``virtualenv -p pythonX.Y /p``,
    ``uv venv --python X.Y /p``; None for any other command."""
    words = strip_prefix(words)
    if not words:
        return None
    head = posixpath.basename(words[0].value)
    version: str | None = None
    rest: list[Word]
    python = _PYTHON.match(head)
    if python and len(words) >= 3 and words[1].value == "-m":
        if words[2].value not in {"venv", "virtualenv"}:
            return None
        version, rest = _exact(python["version"]), words[3:]
    elif head == "virtualenv":
        rest = words[1:]
    elif head == "uv" and len(words) >= 2 and words[1].value == "venv":
        rest = words[2:]
    else:
        return None
    paths: list[str] = []
    for option, value in _values(rest, expand, _VENV_VALUE_OPTIONS):
        if option in {"-p", "--python"}:
            version = _minor(posixpath.basename(value)) or _minor(value) or version
        elif not option:
            paths.append(value)
    if not paths:
        if head != "uv":
            return None
        paths = [".venv"]
    return paths[-1], version


def activated(words: list[Word], expand: Expand) -> str | None:
    """The venv path of ``. /p/bin/activate`` / ``source /p/bin/activate``, else None."""
    words = strip_prefix(words)
    if len(words) < 2 or words[0].value not in {".", "source"}:
        return None
    path = expand(words[1].value, words[1].single_quoted)
    if path is None or posixpath.basename(path) != "activate":
        return None
    return _prefix(path)


def exported_path(words: list[Word]) -> str | None:
    """The new value of ``export PATH=...`` (as written: ``$PATH`` is left in), else None."""
    words = strip_prefix(words)
    if len(words) < 2 or words[0].value != "export":
        return None
    for word in words[1:]:
        name, eq, value = word.value.partition("=")
        if eq and name == "PATH":
            return value
    return None


def path_venv(path_variable: str | None, venvs: Mapping[str, str | None]) -> str | None:
    """The venv whose ``bin`` comes first on ``PATH`` (before any system folder), if any."""
    for entry in (path_variable or "").split(":"):
        entry = posixpath.normpath(entry) if entry else ""
        if not entry.endswith("/bin") and not entry.endswith("/sbin"):
            continue
        prefix = posixpath.dirname(entry)
        if prefix in venvs:
            return prefix
        if prefix in _SYSTEM_PREFIXES:
            return None
    return None


def installer(
    words: list[Word],
    expand: Expand,
    venvs: Mapping[str, str | None],
    active: str | None,
    virtual_env: str | None = None,
    absolute: Callable[[str], str] = posixpath.normpath,
) -> Installer:
    """Where the pip of an install command installs (see the module docstring). `venvs` are
    the stage's known venv paths, `active` the venv first on PATH (or activated),
    `virtual_env` the ``VIRTUAL_ENV`` variable (read by ``uv pip``) and `absolute` makes a
    path absolute against the working directory."""
    words = strip_prefix(words)
    if not words:
        return DEFAULT
    executable = expand(words[0].value, words[0].single_quoted) or words[0].value
    head = posixpath.basename(executable)
    python = _PYTHON.match(head)
    if python and len(words) >= 3 and words[1].value == "-m" and words[2].value in {"pip", "pip3"}:
        version = _exact(python["version"])
    elif head == "uv" and len(words) >= 2 and words[1].value == "pip":
        return _uv(words[2:], expand, venvs, virtual_env)
    else:
        pip = _PIP.match(head)
        if pip is None:
            return DEFAULT
        version = _exact(pip["version"])
    prefix = _prefix(executable)
    prefix = absolute(prefix) if prefix and not prefix.startswith("/") else prefix
    if prefix in venvs:
        return Installer("venv", prefix, version)
    if prefix and prefix not in _SYSTEM_PREFIXES:
        return DEFAULT  # some other installation (a base image's): the stage's default
    if active is not None:
        known = venvs.get(active)
        if version is None or known is None or known == version:
            return Installer("venv", active, version)
    if version is not None:
        return Installer("python", version, version)
    return DEFAULT


def _uv(
    args: list[Word], expand: Expand, venvs: Mapping[str, str | None], virtual_env: str | None
) -> Installer:
    """``uv pip install``: ``--python`` (a venv path or a version), ``--system``, else the
    ``VIRTUAL_ENV`` venv."""
    for option, value in _values(args, expand, frozenset({"--python", "-p"})):
        if option == "--system":
            return DEFAULT
        if option in {"--python", "-p"}:
            prefix = _prefix(value) if posixpath.basename(value).startswith("python") else value
            prefix = posixpath.normpath(prefix)
            if prefix in venvs:
                return Installer("venv", prefix)
            minor = _minor(value)
            return Installer("python", minor, minor) if minor else DEFAULT
    if virtual_env and posixpath.normpath(virtual_env) in venvs:
        return Installer("venv", posixpath.normpath(virtual_env))
    return DEFAULT
