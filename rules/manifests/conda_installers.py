"""The Python of the base environment a Miniconda installer run in a Dockerfile creates.

- ``Miniconda3-py39_23.1.0-1-Linux-x86_64.sh``: the ``pyXY`` in the name is the Python
  (Python 3.9 here), fixed for good.
- ``Miniconda3-latest-Linux-x86_64.sh``: a moving name; a fresh build downloads the newest
  installer. The Miniconda release notes
  (https://anaconda.com/docs/getting-started/miniconda/release-notes.md, Miniconda 26.9.4-1,
  Nov 10, 2026) list Python 3.14.10, 3.13.18, 3.12.16, 3.11.18 and 3.10.22 for the current
  installers; the ``latest`` one is built for the 3.13 line or newer. 3.13 is recorded (the
  lowest that ``latest`` can be): what no 3.13 build exists for certainly fails, and a newer
  Python misses nothing said here. alibaba/FederatedScope issue 535 is the break this reads:
  ``Miniconda3-latest`` moved to a newer Python than numpy 1.21.2 supports, fixed in PR 536 by
  pinning ``Miniconda3-py39_23.1.0-1``.

Miniforge installers (``Miniforge3-Linux-x86_64.sh`` from ``releases/latest``) and Anaconda
installers are not read: their Python is left unknown.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from rules.manifests._shellwords import Word, strip_prefix

#: The Python of the current ``Miniconda3-latest`` installer (at least; module docstring).
MINICONDA_LATEST_PYTHON = "3.13"
#: Why the ``latest`` installer's Python is a moving target.
MOVING_INSTALLER_NOTE = (
    "a moving name: a fresh build downloads the newest installer "
    f"(Python {MINICONDA_LATEST_PYTHON} or newer per the Miniconda release notes, 2026-11)"
)

_INSTALLER = re.compile(
    r"^Miniconda3-(?:py(?P<major>3)(?P<minor>\d+)_[0-9][0-9.]*(?:-\d+)?|(?P<latest>latest))"
    r"-Linux-[A-Za-z0-9_]+\.sh$"
)
_SHELLS = frozenset({"bash", "sh", "zsh", "dash"})


@dataclass(frozen=True, slots=True)
class InstallerPython:
    """The Python of the base environment one installer run creates."""

    version: str
    word: Word
    text: str


def installer_python(name: str) -> tuple[str, str] | None:
    """(Python minor, how it is known) of an installer file name; None for another file."""
    match = _INSTALLER.match(posixpath.basename(name))
    if match is None:
        return None
    if match["latest"]:
        return MINICONDA_LATEST_PYTHON, MOVING_INSTALLER_NOTE
    return f"{match['major']}.{match['minor']}", "the pyXY in the installer's name"


def downloaded(words: list[Word]) -> tuple[str, str] | None:
    """`wget URL/Miniconda3-…sh -O /tmp/m.sh` / `curl -sSL URL/Miniconda3-…sh -o m.sh`:
    (the path it is saved as, the installer's name) when the URL names an installer this
    module reads and the command saves it under another name."""
    words = strip_prefix(words)
    if not words or posixpath.basename(words[0].value) not in {"wget", "curl"}:
        return None
    flags = {"wget": ("-O", "--output-document"), "curl": ("-o", "--output")}
    short, long = flags[posixpath.basename(words[0].value)]
    url: str | None = None
    saved: str | None = None
    values = [w.value for w in words[1:]]
    for index, value in enumerate(values):
        if value in {short, long} and index + 1 < len(values):
            saved = values[index + 1]
        elif value.startswith(f"{long}="):
            saved = value.split("=", 1)[1]
        elif value.startswith(short) and len(value) > len(short) and not value.startswith("--"):
            saved = value[len(short) :]
        elif "://" in value and installer_python(value.rstrip("/")) is not None:
            url = value
    if url is None or not saved or saved == "-":
        return None
    return saved, posixpath.basename(url)


def run_installer(words: list[Word], saved: dict[str, str] | None = None) -> InstallerPython | None:
    """`bash Miniconda3-py39_23.1.0-1-Linux-x86_64.sh -b` / `sh ./Miniconda3-latest-…sh` /
    `./Miniconda3-latest-…sh`: the Python of the base environment it installs; `saved` maps
    a file a download renamed (`-O /tmp/miniconda.sh`) to the installer's own name.
    Downloading the installer (`wget …sh`) is not running it."""
    words = strip_prefix(words)
    if not words:
        return None
    head = words[0]
    script: Word | None = None
    if posixpath.basename(head.value) in _SHELLS:
        rest = [w for w in words[1:] if not w.value.startswith("-")]
        script = rest[0] if rest else None
    elif "/" in head.value:
        script = head
    if script is None:
        return None
    name = (saved or {}).get(posixpath.normpath(script.value), script.value)
    found = installer_python(name)
    if found is None:
        return None
    version, why = found
    return InstallerPython(version, script, f"{posixpath.basename(name)} ({why})")
