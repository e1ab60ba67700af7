"""PEP 668: a distribution's own Python refuses ``pip install`` outside a virtual environment.

Debian 12 (bookworm) and later and Ubuntu 23.04 and later ship
``/usr/lib/python3.X/EXTERNALLY-MANAGED`` with their python3 package, so ``pip install`` (and
``uv pip install --system``) into that interpreter stops with "error: externally-managed-
environment" (pip's ``check_externally_managed``; PEP 668). pip skips the check inside a
virtual environment, with ``--break-system-packages`` (or ``PIP_BREAK_SYSTEM_PACKAGES``), and
with ``--target`` / ``--prefix`` / ``--root``; a Dockerfile may also delete the marker or set
``break-system-packages`` in pip's configuration. A Python the base image brings
(``python:3.12-bookworm`` builds its own under /usr/local) has no marker.

The Dockerfile reader calls `managed_python` for each pip command its default (system)
installer runs, and records what it returns as `EXTERNALLY_MANAGED` metadata.
"""

from __future__ import annotations

from collections.abc import Mapping

from rules.manifests._shellwords import Word

#: `ManifestFile.metadata` key: ``"<line>\t<column>\t<os>\t<python>\t<command>"``, a pip
#: command that runs with an externally managed system Python.
EXTERNALLY_MANAGED = "externally-managed"

#: OS releases (`rules.manifests.images.os_key` keys) whose python3 ships the marker, with the
#: Python it marks: Debian 12's python3.11 (debian.org/releases/bookworm release notes,
#: "Python interpreters marked externally-managed"), Debian 13's 3.13, Ubuntu 24.04's 3.12.
MANAGED_OS: dict[str, str] = {"debian12": "3.11", "debian13": "3.13", "ubuntu24.04": "3.12"}
#: ``ubuntu:latest`` / ``debian:latest`` (or no tag): Ubuntu's newest LTS has been 24.04 or
#: later since mid-2024 and Debian's stable 12 or later since June 2023, all marked; which
#: Python they carry is not pinned, so only the plain ``pip``/``python3`` of the OS counts.
MOVING_MANAGED = frozenset({"ubuntu-latest", "debian-latest"})

#: Text that, anywhere in a RUN line other than a pip install, turns the check off for what
#: follows (``rm /usr/lib/python3.12/EXTERNALLY-MANAGED``, ``pip config set
#: global.break-system-packages true``, an echo into pip.conf).
_SWITCHES_OFF = ("EXTERNALLY-MANAGED", "break-system-packages", "BREAK_SYSTEM_PACKAGES")
#: pip / uv options under which the check is skipped.
_BYPASS = frozenset({"--break-system-packages", "--target", "-t", "--prefix", "--root"})
_VARIABLES = ("PIP_BREAK_SYSTEM_PACKAGES", "UV_BREAK_SYSTEM_PACKAGES")
_FALSE = frozenset({"", "0", "false", "no", "off"})


def switches_off(text: str) -> bool:
    """Whether a command's text removes the marker or configures pip to ignore it."""
    return any(word in text for word in _SWITCHES_OFF)


def bypassed(words: list[Word], variables: Mapping[str, str | None]) -> bool:
    """Whether one pip / uv pip install command skips the check (an option, an inline or
    ENV/ARG variable)."""
    for word in words:
        option = word.value.split("=", 1)[0]
        if option in _BYPASS or (word.value.startswith("-t") and len(word.value) > 2):
            return True
        if option in _VARIABLES and word.value.split("=", 1)[1].lower() not in _FALSE:
            return True
    return any((variables.get(name) or "").lower() not in _FALSE for name in _VARIABLES)


def managed_python(os_key: str | None, python: str | None, how: str | None) -> str | None:
    """The marked Python when a pip run by the stage's system interpreter meets the marker:
    the OS release marks its python3, the stage's Python is that version, and it came from the
    OS (apt, the OS default), not from the base image; on a moving ``latest`` tag, the stage's
    default pip with no other Python in sight ("3"); else None."""
    if os_key in MOVING_MANAGED:
        return "3" if python is None and how is None else None
    marked = MANAGED_OS.get(os_key or "")
    if marked is None or python != marked or how not in {"apt", "os-default", "interpreter"}:
        return None
    return marked
