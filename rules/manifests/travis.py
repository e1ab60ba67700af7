"""Travis CI configuration: the Pythons a ``.travis.yml`` build runs and the files it installs.

A Travis build with ``language: python`` runs each Python of its ``python:`` key (a list or one
value) and of its ``jobs:`` / ``matrix:`` ``include`` entries (``- python: 3.6``), less those
``allow_failures`` lists (a job allowed to fail does not fail the build), in a virtualenv of
that Python, and runs the commands of ``before_install:``, ``install:`` and ``before_script:``
there (an ``include`` entry's own lists for that job). So a Travis file is read like a CI job
(`FileKind.TRAVIS` is one of `RUNNER_KINDS`): each file those commands install (``pip install
-r requirements.txt``, ``pip install -e .[test]``) gets a `FactKind.PYTHON` fact at each Python
that runs it, for that file's environment (jantic/DeOldify's Travis job on 3.6 installed
requirements.txt, whose Dependabot ``pillow==9.0.0`` needs 3.7), and the pairs go to metadata
as `workflow.INSTALLED_TOGETHER`. Pythons that are not a CPython minor (``pypy3``,
``nightly``) are left out; invalid YAML gives nothing; the parser never raises.
"""

from __future__ import annotations

import yaml

from rules.manifests._shellwords import split_commands
from rules.manifests._step_installs import command_installs
from rules.manifests._workflow_jobs import python_minor, span_of
from rules.manifests._yaml_nodes import BudgetExceeded, Walker, compose
from rules.manifests.model import Fact, FactKind, FileKind, ManifestFile, Span
from rules.manifests.workflow import runner_manifest

#: The phases whose commands run before the tests, in the job's virtualenv.
_PHASES = ("before_install", "install", "before_script")


class TravisParser:
    """`.travis.yml`: each job's Python and the files its install phases install."""

    kind = FileKind.TRAVIS

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse a Travis configuration; never raises."""
        root, _ = compose(path, text)
        if root is None:
            return ManifestFile(path=path, kind=self.kind)
        walker = Walker()
        try:
            jobs = _jobs(walker, path, root)
        except BudgetExceeded:
            return ManifestFile(path=path, kind=self.kind)
        facts: list[Fact] = []
        installs: list[tuple[str, Span]] = []
        for pythons, targets in jobs:
            installs += targets
            for target, _ in targets:
                facts += [Fact(FactKind.PYTHON, m, at, d, target) for m, at, d in pythons]
        return runner_manifest(path, self.kind, facts, installs, f"{path}#travis")


_Python = tuple[str, Span, str]
_Targets = list[tuple[str, Span]]


def _jobs(walker: Walker, path: str, root: yaml.Node) -> list[tuple[list[_Python], _Targets]]:
    """(the Pythons, the files installed) of the build's jobs: the top level's, and each
    ``include`` entry that names its own Python or install commands."""
    if (walker.scalar(walker.get(root, "language")) or "").strip().lower() != "python":
        return []
    matrix = walker.get(root, "jobs") or walker.get(root, "matrix")
    allowed = {
        minor
        for entry in walker.sequence(walker.get(matrix, "allow_failures"))
        for minor, _, _ in _pythons(walker, path, walker.get(entry, "python"))
    }
    top_targets = _targets(walker, path, root)
    jobs: list[tuple[list[_Python], _Targets]] = []
    top = [p for p in _pythons(walker, path, walker.get(root, "python")) if p[0] not in allowed]
    if top:
        jobs.append((top, top_targets))
    for entry in walker.sequence(walker.get(matrix, "include")):
        own = _pythons(walker, path, walker.get(entry, "python"))
        own = [p for p in own if p[0] not in allowed]
        if not own:
            continue
        overrides = any(walker.get(entry, phase) is not None for phase in _PHASES)
        jobs.append((own, _targets(walker, path, entry) if overrides else top_targets))
    return jobs


def _pythons(walker: Walker, path: str, node: yaml.Node | None) -> list[_Python]:
    """The CPython minors of a ``python:`` value (a list or one value)."""
    found: list[_Python] = []
    for value in walker.items(node):
        text = walker.scalar(value)
        minor = python_minor(text) if text else None
        if minor is not None and value is not None:
            found.append((minor, span_of(path, value), f"python {text} (Travis CI)"))
    return found


def _targets(walker: Walker, path: str, table: yaml.Node) -> _Targets:
    """(repository path, the command's place) for each file the table's phases install."""
    found: dict[str, Span] = {}
    for phase in _PHASES:
        node = walker.get(table, phase)
        for command in walker.items(node):
            script = walker.scalar(command)
            if not script or command is None:
                continue
            for words in split_commands(script):
                for target in command_installs(words, ""):
                    found.setdefault(target, span_of(path, command))
    return list(found.items())
