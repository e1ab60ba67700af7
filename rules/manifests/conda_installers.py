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

Miniforge installers: the CPython each release's base environment gets is the ``python X.Y.*``
spec of that release tag's ``Miniforge3/construct.yaml`` (conda-forge/miniforge, tags read
from the repository snapshot at 3fbc4935f982120b923118c9c3319c3e04e5dc68, 2026-07-01):
4.10.0-0 3.8; 4.10.1-0 to 4.13.0-1 3.9; 4.14.0-0 to 24.3.0-0 3.10; 24.5.0-0 to 25.11.0-1
3.12; 26.1.0-0 to 26.3.2-3 (the newest tag there) 3.13.

- ``Miniforge3-24.3.0-0-Linux-x86_64.sh``, or an unversioned name downloaded from
  ``releases/download/24.3.0-0/``: that release's Python (3.10 here).
- ``Miniforge3-Linux-x86_64.sh`` / ``Miniforge3-$(uname)-$(uname -m).sh`` downloaded from
  ``releases/latest/download/``: a moving name; 3.13 is recorded (the newest release read
  pins ``python 3.13.*``; a later release may move it).
- an unversioned Miniforge name whose download the stage does not show, a version outside
  the table, ``Miniforge3-pypy3`` / ``Mambaforge`` installers and Anaconda installers are not
  read: their Python is left unknown.
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

#: (first release tag, CPython of its base environment), oldest first (module docstring).
_MINIFORGE: tuple[tuple[tuple[int, ...], str], ...] = (
    ((4, 10, 0, 0), "3.8"),
    ((4, 10, 1, 0), "3.9"),
    ((4, 14, 0, 0), "3.10"),
    ((24, 5, 0, 0), "3.12"),
    ((26, 1, 0, 0), "3.13"),
)
#: The newest Miniforge release tag the table was read from.
_MINIFORGE_NEWEST = (26, 3, 2, 3)
#: The Python of the current ``releases/latest`` Miniforge installer (module docstring).
MINIFORGE_LATEST_PYTHON = "3.13"
MOVING_MINIFORGE_NOTE = (
    "a moving name: releases/latest downloads the newest Miniforge installer "
    f"(Python {MINIFORGE_LATEST_PYTHON} in the newest conda-forge/miniforge release read, "
    "2026-07; a later one may be newer)"
)
_MINIFORGE_NAME = re.compile(
    r"^Miniforge3-(?:(?P<tag>\d+\.\d+\.\d+-\d+)-)?"
    r"(?:Linux|\$\(uname\)|\$\(uname -s\))-(?:[A-Za-z0-9_]+|\$\(uname -m\))\.sh$"
)
_RELEASE_TAG = re.compile(r"/releases/download/(?P<tag>\d+\.\d+\.\d+-\d+)/[^/]+$")

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


def miniforge_release_python(tag: str) -> str | None:
    """The CPython of one Miniforge release tag (``24.3.0-0``); None outside the table."""
    if re.fullmatch(r"\d+\.\d+\.\d+-\d+", tag) is None:
        return None
    key = tuple(int(p) for p in re.split(r"[.-]", tag))
    if key < _MINIFORGE[0][0] or key > _MINIFORGE_NEWEST:
        return None
    return [python for first, python in _MINIFORGE if key >= first][-1]


def _miniforge(name: str) -> tuple[str, str] | None:
    """A Miniforge installer: its file name, or the download URL a stage saved it from."""
    match = _MINIFORGE_NAME.match(posixpath.basename(name))
    if match is None:
        return None
    if match["tag"]:
        python = miniforge_release_python(match["tag"])
        return (python, f"Miniforge {match['tag']}'s construct.yaml") if python else None
    if "/releases/latest/download/" in name:
        return MINIFORGE_LATEST_PYTHON, MOVING_MINIFORGE_NOTE
    release = _RELEASE_TAG.search(name)
    if release is not None and (python := miniforge_release_python(release["tag"])):
        return python, f"Miniforge {release['tag']}'s construct.yaml"
    return None  # unversioned, and the stage does not show where it came from


def installer_python(name: str) -> tuple[str, str] | None:
    """(Python minor, how it is known) of an installer file name (or the URL it was
    downloaded from); None for another file."""
    if posixpath.basename(name).startswith("Miniforge3-"):
        return _miniforge(name)
    match = _INSTALLER.match(posixpath.basename(name))
    if match is None:
        return None
    if match["latest"]:
        return MINICONDA_LATEST_PYTHON, MOVING_INSTALLER_NOTE
    return f"{match['major']}.{match['minor']}", "the pyXY in the installer's name"


def downloaded(words: list[Word]) -> tuple[str, str] | None:
    """`wget URL/Miniconda3-…sh -O /tmp/m.sh` / `curl -sSL URL/Miniconda3-…sh -o m.sh`:
    (the path it is saved as, the installer's name) when the URL names an installer this
    module reads and the command saves it under another name. A Miniforge installer's
    name is its URL (the release it comes from), also when `wget URL` / `curl -O URL`
    saves it under its own name."""
    words = strip_prefix(words)
    if not words or posixpath.basename(words[0].value) not in {"wget", "curl"}:
        return None
    flags = {"wget": ("-O", "--output-document"), "curl": ("-o", "--output")}
    short, long = flags[posixpath.basename(words[0].value)]
    url: str | None = None
    saved: str | None = None
    values = [w.value for w in words[1:]]
    letter = short[1]
    for index, value in enumerate(values):
        if value in {short, long} and index + 1 < len(values):
            saved = values[index + 1]
        elif _cluster_ends_with(value, letter) and index + 1 < len(values):
            saved = values[
                index + 1
            ]  # `curl -so m.sh`, `wget -qO m.sh` (broadinstitute/CellBender)
        elif value.startswith(f"{long}="):
            saved = value.split("=", 1)[1]
        elif value.startswith(short) and len(value) > len(short) and not value.startswith("--"):
            saved = value[len(short) :]
        elif "://" in value and installer_python(value.rstrip("/")) is not None:
            url = value
    if url is None:
        return None
    forge = posixpath.basename(url).startswith("Miniforge3-")
    if saved is None and forge:
        remote = {"-O", "--remote-name"} & set(values)
        if posixpath.basename(words[0].value) == "wget" or remote:
            saved = posixpath.basename(url)
    if not saved or saved == "-":
        return None
    return saved, url if forge else posixpath.basename(url)


def _cluster_ends_with(value: str, letter: str) -> bool:
    """Whether `value` is a cluster of short flags (``-sSLo``) whose last one is `letter`,
    the one that takes the next word as its value."""
    return (
        len(value) > 2
        and value.startswith("-")
        and not value.startswith("--")
        and value[1:].isalpha()
        and value.endswith(letter)
    )


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
