"""Which Python an environment runs on, from what the repository's files say (with sources).

Scoping (one environment = one requirements root, pyproject group or conda file):

- exact, for this environment: the Python of a Dockerfile stage that installs it (or whose own
  `RUN pip install` lines it is), conda `python=X.Y`, a `# Python:` note or requires-python
  `==X.Y` of the environment itself, `.python-version` / `runtime.txt` in its folder or above;
- exact, repository-wide (used only when nothing names this environment's Python): a CI
  workflow's `setup-python` versions;
- a range for this environment: requires-python, Poetry `python = "^3.9"`, conda `python>=3.9`;
- hints: the Pythons declared elsewhere in the repository (another Dockerfile, another
  environment); they only order the Pythons tried when the Python has to be assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath

from rules.manifests.model import FactKind, FileKind, Snapshot, Span

_EXACT = re.compile(r"^(?:python-?)?(?:==?)?\s*(3\.\d+(?:\.\d+)?)(?:\.\*)?$", re.IGNORECASE)
_FOLDER_KINDS = (FileKind.PYTHON_VERSION, FileKind.RUNTIME_TXT)


class Strength(StrEnum):
    """How much a piece of evidence says about this environment's Python."""

    EXACT = "exact"
    REPO = "repo"  # exact, repository-wide (CI); kept only when nothing names this environment's
    RANGE = "range"
    HINT = "hint"


@dataclass(frozen=True, slots=True)
class PythonEvidence:
    """One declaration of the Python: its value (`3.8`, `>=3.9,<3.12`), where, how strong."""

    value: str
    strength: Strength
    location: Span
    text: str = ""

    @property
    def version(self) -> str | None:
        """`3.8` / `3.8.10` when the value names one version, else None."""
        match = _EXACT.match(self.value.strip())
        return match.group(1) if match else None

    def describe(self) -> str:
        """`Dockerfile:1 python:3.8-slim`."""
        where = f"{self.location.file}:{self.location.line}"
        return f"{where} {self.text}".strip() if self.text else f"{where} python {self.value}"


def _root(environment: str) -> str:
    return environment.partition("#")[0]


def _in_scope(folder_of_file: PurePosixPath, root: str) -> bool:
    here = PurePosixPath(root).parent
    return folder_of_file == here or folder_of_file in here.parents


def _docker(
    snapshot: Snapshot, environment: str
) -> tuple[list[PythonEvidence], list[PythonEvidence]]:
    """Stage Pythons: (evidence for this environment, hints from the other stages)."""
    root = _root(environment)
    mine: list[PythonEvidence] = []
    others: list[PythonEvidence] = []
    for _, manifest in sorted(snapshot.files.items()):
        if manifest.kind is not FileKind.DOCKERFILE:
            continue
        for stage in getattr(manifest, "stages", ()):
            if not stage.python:
                continue
            where = stage.python_at or stage.location
            if environment and (root in stage.installs or stage.label in (environment, root)):
                mine.append(PythonEvidence(stage.python, Strength.EXACT, where, stage.python_text))
            else:
                others.append(PythonEvidence(stage.python, Strength.HINT, where, stage.python_text))
    return mine, others


def python_evidence(snapshot: Snapshot, environment: str) -> list[PythonEvidence]:
    """Every declaration of the Python that bears on `environment`, strongest kinds first."""
    root = _root(environment)
    found, hints = _docker(snapshot, environment)
    repo: list[PythonEvidence] = []
    for fact in snapshot.facts(FactKind.PYTHON):
        manifest = snapshot.files.get(fact.location.file)
        kind = manifest.kind if manifest is not None else None
        if kind is FileKind.DOCKERFILE:
            continue  # the stage's decided Python stands for the Dockerfile's facts
        text = fact.detail or ""
        exact = _EXACT.match(fact.value.strip()) is not None
        if kind in _FOLDER_KINDS:
            mine = bool(environment) and _in_scope(PurePosixPath(fact.location.file).parent, root)
        elif kind is FileKind.WORKFLOW or not (fact.environment or fact.location.file):
            if exact:
                repo.append(PythonEvidence(fact.value, Strength.REPO, fact.location, text))
            continue
        else:
            owner = fact.environment or fact.location.file
            mine = bool(environment) and owner in (environment, root)
        if mine:
            strength = Strength.EXACT if exact else Strength.RANGE
            found.append(PythonEvidence(fact.value, strength, fact.location, text))
        elif exact:
            hints.append(PythonEvidence(fact.value, Strength.HINT, fact.location, text))
    if any(e.strength is Strength.EXACT for e in found):
        hints.extend(PythonEvidence(e.value, Strength.HINT, e.location, e.text) for e in repo)
    else:
        found.extend(repo)
    return [*found, *hints]
