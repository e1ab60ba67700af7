"""The index settings of a pip or uv configuration file that a Dockerfile puts into the image
(pure): where pip and uv look for such files, and what ``index-url`` / ``extra-index-url`` /
``[[index]]`` they set.

pip (https://pip.pypa.io/en/stable/topics/configuration/): an INI file, ``/etc/pip.conf`` or
``/etc/xdg/pip/pip.conf`` (global), ``~/.config/pip/pip.conf`` or ``~/.pip/pip.conf`` (user),
or the file ``PIP_CONFIG_FILE`` names; keys of ``[global]``, then of ``[install]`` (the install
command's own section wins); ``_`` in a key is read as ``-``; ``extra-index-url`` may list
several URLs separated by whitespace (continuation lines too).

uv (https://docs.astral.sh/uv/concepts/configuration-files/): ``/etc/uv/uv.toml``,
``/etc/xdg/uv/uv.toml``, ``~/.config/uv/uv.toml`` or the file ``UV_CONFIG_FILE`` names; the
top-level ``index-url`` / ``extra-index-url`` / ``[[index]]`` (``default = true``: replaces
PyPI; ``explicit = true``: only for packages pinned to it, so not an index of a plain
``uv pip install``), and the ``[pip]`` table's ``index-url`` / ``extra-index-url`` (which win
for ``uv pip``).
"""

from __future__ import annotations

import configparser
import posixpath
import tomllib
from collections.abc import Mapping

from rules.manifests.model import IndexKind

#: The global pip configuration files on Linux.
_PIP_GLOBAL = frozenset({"/etc/pip.conf", "/etc/xdg/pip/pip.conf"})
#: The global uv configuration files on Linux.
_UV_GLOBAL = frozenset({"/etc/uv/uv.toml", "/etc/xdg/uv/uv.toml"})


def config_tool(path: str, env: Mapping[str, str]) -> str | None:
    """``"pip"`` or ``"uv"`` when the container path `path` is a configuration file that tool
    reads (a global or user file, or the one ``PIP_CONFIG_FILE`` / ``UV_CONFIG_FILE`` names
    in `env`); None otherwise."""
    path = posixpath.normpath(path)
    if path in _PIP_GLOBAL or path.endswith(("/.config/pip/pip.conf", "/.pip/pip.conf")):
        return "pip"
    if path in _UV_GLOBAL or path.endswith("/.config/uv/uv.toml"):
        return "uv"
    for tool, variable in (("pip", "PIP_CONFIG_FILE"), ("uv", "UV_CONFIG_FILE")):
        named = env.get(variable)
        if named and posixpath.normpath(named) == path:
            return tool
    return None


def pip_config_indexes(text: str) -> dict[IndexKind, str]:
    """The index URL and extra index URLs (space-separated) a pip.conf sets for
    ``pip install``; empty when the file does not parse."""
    parser = configparser.RawConfigParser(strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return {}
    found: dict[IndexKind, str] = {}
    for section in ("global", "install"):
        if not parser.has_section(section):
            continue
        for key, value in parser.items(section):
            kind = _PIP_KEYS.get(key.replace("_", "-"))
            urls = " ".join(value.split())
            if kind is not None and urls:
                found[kind] = urls.split()[0] if kind == IndexKind.INDEX_URL else urls
    return found


_PIP_KEYS = {"index-url": IndexKind.INDEX_URL, "extra-index-url": IndexKind.EXTRA_INDEX_URL}


def uv_config_indexes(text: str) -> dict[IndexKind, str]:
    """The default index and extra index URLs (space-separated) a uv.toml sets for ``uv pip
    install``; empty when the file does not parse."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    found: dict[IndexKind, str] = {}
    listed: list[str] = []
    for entry in data.get("index") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            continue
        if entry.get("default") is True:
            found.setdefault(IndexKind.INDEX_URL, entry["url"])
        elif entry.get("explicit") is not True:
            listed.append(entry["url"])
    extras: list[str] = []
    pip_table = data.get("pip")
    for table in (data, pip_table if isinstance(pip_table, dict) else {}):
        primary = table.get("index-url")
        if isinstance(primary, str) and primary:
            found[IndexKind.INDEX_URL] = primary
        more = table.get("extra-index-url")
        if isinstance(more, list) and more and all(isinstance(u, str) for u in more):
            extras = list(more)  # the [pip] table's list replaces the top-level one
    extras += listed
    if extras:
        found[IndexKind.EXTRA_INDEX_URL] = " ".join(extras)
    return found


def config_indexes(tool: str, text: str) -> dict[IndexKind, str]:
    """The index settings of a `tool` (``"pip"`` / ``"uv"``) configuration file."""
    return pip_config_indexes(text) if tool == "pip" else uv_config_indexes(text)
