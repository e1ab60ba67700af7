"""Read the Docs configuration: the Python a docs build runs and the files it installs there.

Read the Docs builds a project's documentation from ``.readthedocs.yaml`` (``.readthedocs.yml``,
``readthedocs.yml``, ``readthedocs.yaml``; at the repository's root) in a virtualenv of the
Python its configuration names:

- version 2: ``build.tools.python`` (``"3.11"``; ``miniconda3-4.7``/``mambaforge-22.9`` name a
  conda installer, not a Python), else ``python.version`` (the older key, ``3.7``);
  ``python.install`` entries ``- requirements: docs/requirements.txt`` and ``- method: pip``
  with ``path`` and ``extra_requirements`` (``pip install .[docs]``);
- version 1 (``readthedocs.yml``): ``python.version``, ``requirements_file``, and
  ``python.pip_install: true`` with ``python.extra_requirements``.

So a Read the Docs file is read like a CI job (`FileKind.READTHEDOCS` is one of
`RUNNER_KINDS`): each file it installs gets a `FactKind.PYTHON` fact at the Python's value,
for that file's environment (dataverselabs/pyinterpolate's Dependabot ``numpy==1.22.0`` in
docs/requirements.txt, which Read the Docs installed on ``python: version: 3.7``), and the
pairs go to metadata as `workflow.INSTALLED_TOGETHER`. A conda environment (``conda:
environment:``) names its own Python and gets none. Invalid YAML gives nothing (Read the Docs
reports its own syntax); the parser never raises.
"""

from __future__ import annotations

import posixpath

import yaml

from rules.manifests._shellwords import split_commands
from rules.manifests._step_installs import command_installs
from rules.manifests._workflow_jobs import python_minor, span_of
from rules.manifests._yaml_nodes import BudgetExceeded, Walker, compose
from rules.manifests.model import Fact, FactKind, FileKind, ManifestFile, Span
from rules.manifests.workflow import runner_manifest


class ReadTheDocsParser:
    """`.readthedocs.yaml`: the docs build's Python and the files it installs."""

    kind = FileKind.READTHEDOCS

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse a Read the Docs configuration; never raises."""
        root, _ = compose(path, text)
        if root is None:
            return ManifestFile(path=path, kind=self.kind)
        walker = Walker()
        try:
            python = _python(walker, root)
            targets = _installs(walker, path, root)
        except BudgetExceeded:
            return ManifestFile(path=path, kind=self.kind)
        facts: list[Fact] = []
        if python is not None:
            minor, node = python
            at = span_of(path, node)
            detail = f"python {walker.scalar(node)} (Read the Docs)"
            facts = [Fact(FactKind.PYTHON, minor, at, detail, target) for target, _ in targets]
        return runner_manifest(path, self.kind, facts, targets, f"{path}#docs")


def _python(walker: Walker, root: yaml.Node) -> tuple[str, yaml.Node] | None:
    """The build's Python minor and the node naming it."""
    for node in (
        walker.get(walker.get(walker.get(root, "build"), "tools"), "python"),
        walker.get(walker.get(root, "python"), "version"),
    ):
        value = walker.scalar(node)
        minor = python_minor(value) if value else None
        if minor is not None and node is not None:
            return minor, node
    return None


def _installs(walker: Walker, path: str, root: yaml.Node) -> list[tuple[str, Span]]:
    """(repository path, where the configuration names it) for each file the build installs."""
    found: dict[str, Span] = {}
    python = walker.get(root, "python")
    for entry in walker.sequence(walker.get(python, "install")):
        requirements = walker.get(entry, "requirements")
        value = walker.scalar(requirements)
        if value and requirements is not None:
            found.setdefault(posixpath.normpath(value.lstrip("/")), span_of(path, requirements))
            continue
        if (walker.scalar(walker.get(entry, "method")) or "pip") not in ("pip", "setuptools"):
            continue
        where = walker.get(entry, "path")
        if where is not None:
            for target in _project(walker, walker.scalar(where) or ".", entry):
                found.setdefault(target, span_of(path, where))
    legacy = walker.get(root, "requirements_file")
    value = walker.scalar(legacy)
    if value and legacy is not None:
        found.setdefault(posixpath.normpath(value.lstrip("/")), span_of(path, legacy))
    pip_install = walker.get(python, "pip_install")
    if walker.scalar(pip_install) in ("true", "True", "yes") and pip_install is not None:
        for target in _project(walker, ".", python):
            found.setdefault(target, span_of(path, pip_install))
    return list(found.items())


def _project(walker: Walker, folder: str, table: yaml.Node | None) -> list[str]:
    """What ``pip install <folder>[extras]`` installs, as a CI step's command says it, with
    the extras `table`'s ``extra_requirements`` names."""
    named = (walker.scalar(e) for e in walker.sequence(walker.get(table, "extra_requirements")))
    extras = [e for e in named if e]
    spec = folder + (f"[{','.join(extras)}]" if extras else "")
    targets: list[str] = []
    for words in split_commands(f"pip install '{spec}'"):
        targets.extend(command_installs(words, ""))
    return targets
