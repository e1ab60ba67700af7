"""What one shell command of a CI step installs, as install targets (pure).

Shared by the workflow reader (a job's ``run:`` steps) and the local composite actions a job
uses (their ``run:`` steps): the requirements / pyproject paths of ``pip install -r x`` /
``pip install .`` (`_install_commands`), the extras environments of ``pip install .[ml]``, a
`makefile.make_reference` for ``make <target>`` and a `shell_scripts.script_reference` for
``bash ./x.sh`` (the snapshot replaces both with what they install).
"""

from __future__ import annotations

import posixpath

from rules.manifests._install_commands import installed_extras, installed_files
from rules.manifests._shellwords import Word
from rules.manifests.makefile import make_call, make_reference
from rules.manifests.shell_scripts import script_call, script_reference


def command_installs(words: list[Word], folder: str) -> list[str]:
    """The install targets of one shell command run in the repository folder `folder`."""
    folder = posixpath.normpath(folder) if folder else ""
    folder = "" if folder == "." else folder
    call = make_call(words)
    if call is not None:  # `make setup`: the snapshot links what the Makefile's target installs
        directory = posixpath.normpath(posixpath.join(folder, call.directory))
        directory = "" if directory == "." else directory
        return [make_reference(directory, call.makefile, g) for g in call.goals or ("",)]
    script = script_call(words)
    if script is not None:  # `bash ./x.sh`: the snapshot links what the script installs
        return [script_reference(folder, script)]
    return installed_files(words, folder) + installed_extras(words, folder)
