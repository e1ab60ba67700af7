"""Repository shell scripts a CI step runs, and the files they install (pure).

A workflow step ``run: bash ./run_examples.sh`` (or ``sh x.sh``, ``./x.sh``, ``bash -e
scripts/x.sh``) in ``working-directory: D`` runs the script at ``D/run_examples.sh`` with D as
its current folder: its ``pip install -r requirements.txt`` installs ``D/requirements.txt``.
The workflow records a `script_reference` (the folder and the script's path); the snapshot
replaces it with what `script_installs` reads in the script (`_make_links`), or asks for the
script when it does not hold it. Only the script's own lines are read: a ``cd`` inside it,
a script it calls in turn and shell functions are not followed.
"""

from __future__ import annotations

import posixpath

from rules.manifests._install_commands import installed_files
from rules.manifests._references import decode, encode
from rules.manifests._shellwords import Word, split_commands, strip_prefix

_REFERENCE_PREFIX = "script:"
_SHELLS = frozenset({"bash", "sh", "dash", "zsh"})
#: Largest script read (characters); longer ones are read up to here.
MAX_SCRIPT = 200_000


def script_call(words: list[Word], absolute: bool = False) -> str | None:
    """The repository script (relative path, as written) a simple shell command runs, or
    None: ``bash ./x.sh``, ``sh -e x.sh``, ``./x.sh``, ``scripts/x.sh``; with `absolute`,
    also ``bash /tmp/x.sh`` and ``/opt/x.sh`` (a Dockerfile maps them through its COPYs)."""
    words = strip_prefix(words)
    if not words:
        return None
    first = words[0].value
    if posixpath.basename(first) in _SHELLS:
        rest = [w.value for w in words[1:]]
        while rest and rest[0].startswith("-"):
            if rest[0] in ("-c", "-s", "--"):
                if rest[0] != "--":
                    return None
                return _script(rest[1] if len(rest) > 1 else "", absolute)
            rest = rest[1:]
        return _script(rest[0], absolute) if rest else None
    if first.startswith("./") or ("/" in first and (absolute or not first.startswith("/"))):
        return _script(first, absolute) if first.endswith(".sh") else None
    return None


def _script(path: str, absolute: bool = False) -> str | None:
    if not path or (path.startswith("/") and not absolute) or "$" in path:
        return None
    return path if path.endswith(".sh") else None


def script_reference(directory: str, script: str) -> str:
    """The install target a workflow records for running `script` in the repository folder
    `directory`; `resolve_script_reference` reads it back."""
    return encode(_REFERENCE_PREFIX, (directory, script))


def resolve_script_reference(text: str) -> tuple[str, str] | None:
    """(folder, the script's repository path) of a `script_reference`; None otherwise."""
    parts = decode(_REFERENCE_PREFIX, text, 2)
    if parts is None:
        return None
    directory, script = parts
    if directory is None or script is None:
        return None
    return directory, _join(directory, script)


def _join(directory: str, path: str) -> str:
    joined = posixpath.normpath(posixpath.join(directory, path))
    return "" if joined == "." else joined


def script_installs(text: str, directory: str) -> list[str]:
    """The repository paths the script's commands install when run in `directory`."""
    found: list[str] = []
    for words in split_commands(text[:MAX_SCRIPT]):
        for path in installed_files(words, directory):
            if path not in found:
                found.append(path)
    return found
