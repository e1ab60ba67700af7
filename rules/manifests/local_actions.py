"""Local composite actions a workflow step uses, and the files their steps install (pure).

A step ``uses: ./.github/actions/setup-ci-deps`` runs the composite action that folder's
``action.yml`` (or ``action.yaml``) defines: its ``runs.steps`` run inside the job, from the
job's working directory (the repository root unless a step names a ``working-directory``),
with the Python the job set up before the step. The workflow records an `action_reference`
(the action's folder); the snapshot (`_make_links`) replaces it with what `action_installs`
reads in the action's ``run:`` steps (``pip install -r ci/requirements/ci.txt`` installs
``ci/requirements/ci.txt``; a ``make`` or script call there is followed as in a workflow), or
asks for the action file when it does not hold it.

Not followed: actions of other repositories (``owner/repo@v1``), Docker and JavaScript
actions, an action's own ``uses:`` steps (a setup-python inside the action is not read, nor
a local action it uses in turn), and paths holding ``${{ … }}`` (``${{ inputs.x }}`` is not
substituted: a path holding it gives nothing).
"""

from __future__ import annotations

import posixpath

from rules.manifests._references import decode, encode
from rules.manifests._shellwords import split_commands
from rules.manifests._step_installs import command_installs
from rules.manifests._workflow_jobs import EXPRESSION, UNKNOWN_EXPRESSION
from rules.manifests._yaml_nodes import BudgetExceeded, Walker, compose

_REFERENCE_PREFIX = "action:"
#: The file names GitHub reads an action's metadata from, in its order.
ACTION_FILES = ("action.yml", "action.yaml")
#: Largest action file read (characters); longer ones are read up to here.
MAX_ACTION = 200_000


def local_action(uses: str) -> str | None:
    """The repository folder of a ``uses: ./path`` step (``.github/actions/x``); None for
    any other action or a path outside the repository or holding an expression."""
    uses = uses.strip()
    if not uses.startswith("./") or "${{" in uses or "@" in uses:
        return None
    folder = posixpath.normpath(uses)
    if folder.startswith("../") or folder in {".", ".."}:
        return None
    return folder


def action_reference(folder: str) -> str:
    """The install target a workflow records for a step using the local action in
    `folder`; `resolve_action_reference` reads it back."""
    return encode(_REFERENCE_PREFIX, (folder,))


def resolve_action_reference(text: str) -> str | None:
    """The action folder of an `action_reference`; None for any other text."""
    parts = decode(_REFERENCE_PREFIX, text, 1)
    if parts is None or parts[0] is None:
        return None
    return parts[0]


def action_files(folder: str) -> list[str]:
    """The paths the action's metadata may be at, in GitHub's order."""
    return [posixpath.join(folder, name) for name in ACTION_FILES]


def action_installs(path: str, text: str) -> list[str]:
    """The install targets of a composite action's ``run:`` steps (repository paths, or make
    and script references); [] for an action that is not composite or not valid YAML."""
    root, _ = compose(path, text[:MAX_ACTION])
    if root is None:
        return []
    walker = Walker()
    found: list[str] = []
    try:
        runs = walker.get(root, "runs")
        if (walker.scalar(walker.get(runs, "using")) or "").strip() != "composite":
            return []
        for step in walker.sequence(walker.get(runs, "steps")):
            script = walker.scalar(walker.get(step, "run"))
            if not script:
                continue
            folder = walker.scalar(walker.get(step, "working-directory")) or ""
            if "${{" in folder:
                continue
            for words in split_commands(EXPRESSION.sub(UNKNOWN_EXPRESSION, script)):
                for target in command_installs(words, folder):
                    if target not in found and "${" not in target:
                        found.append(target)
    except BudgetExceeded:
        return []
    return found
