"""Reusable workflows: the Python a caller passes to a local ``workflow_call`` workflow.

A job ``uses: ./.github/workflows/main.yml`` with ``with: python-version: ${{
matrix.python-version }}`` runs the called workflow once per matrix value; there,
``actions/setup-python`` with ``python-version: ${{ inputs.python-version }}`` sets up that
Python and the called jobs' ``run:`` steps install their files on it. Each workflow file is
parsed alone (`workflow.WorkflowParser`), so the called one has no Python for such a step;
`link_workflow_calls` (pure; `snapshot.build_snapshot` calls it) gives it one
`FactKind.PYTHON` fact per value the callers pass (or the input's ``default`` when a caller
passes none), located at the called step's ``python-version`` line (the step that installs
on it), its detail naming the caller's line, and its environment each file the called job
installs, as the parser does for a literal version. Callers outside the snapshot, remote
workflows (``owner/repo/...@ref``) and values that are expressions give nothing.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import replace

import yaml

from rules.manifests._workflow_jobs import setup_python_minor
from rules.manifests._yaml_nodes import BudgetExceeded, Walker, compose
from rules.manifests.model import Fact, FactKind, FileKind, ManifestFile, Span
from rules.manifests.workflow import (
    MATRIX_REF,
    SETUP_PYTHON,
    job_installs,
    matrix_values,
    setup_python_nodes,
    span_of,
)

#: Reads a repository path's text (None when the snapshot does not hold it).
Read = Callable[[str], str | None]

_INPUT_REF = re.compile(r"^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$")

#: One value a caller passes: the raw text and where the caller writes it.
_Passed = tuple[str, Span]


def _calls(path: str, text: str) -> dict[str, dict[str, list[_Passed]]]:
    """The local workflows `path` calls: callee path → input name → values passed."""
    root, _ = compose(path, text)
    if root is None:
        return {}
    walker = Walker()
    found: dict[str, dict[str, list[_Passed]]] = {}
    try:
        for _, job in walker.mapping(walker.get(root, "jobs")):
            uses = (walker.scalar(walker.get(job, "uses")) or "").strip()
            if not uses.startswith("./") or not uses.endswith((".yml", ".yaml")):
                continue
            callee = posixpath.normpath(uses[2:])
            matrix = walker.get(walker.get(job, "strategy"), "matrix")
            inputs = found.setdefault(callee, {})
            for key_node, value in walker.mapping(walker.get(job, "with")):
                name = walker.scalar(key_node) or ""
                raw = walker.scalar(value)
                if not name or raw is None:
                    continue
                ref = MATRIX_REF.match(raw.strip())
                if ref is None:
                    if "${{" not in raw:
                        inputs.setdefault(name, []).append((raw.strip(), span_of(path, value)))
                    continue
                for node in matrix_values(walker, matrix, ref.group(1)):
                    text_value = walker.scalar(node)
                    if text_value is not None and "${{" not in text_value:
                        inputs.setdefault(name, []).append((text_value, span_of(path, node)))
            for name in [n for n, v in inputs.items() if not v]:
                del inputs[name]
            inputs.setdefault("", [])  # the call itself (defaults apply)
    except BudgetExceeded:
        return {}
    return found


def _defaults(walker: Walker, root: yaml.Node, path: str) -> dict[str, _Passed]:
    """The ``on.workflow_call.inputs.<name>.default`` values of a called workflow."""
    on = walker.get(root, "on")
    out: dict[str, _Passed] = {}
    for key_node, spec in walker.mapping(walker.get(walker.get(on, "workflow_call"), "inputs")):
        name = walker.scalar(key_node)
        default = walker.get(spec, "default")
        raw = walker.scalar(default)
        if name and raw is not None and default is not None and "${{" not in raw:
            out[name] = (raw, span_of(path, default))
    return out


def _called_facts(path: str, text: str, passed: Mapping[str, list[_Passed]]) -> list[Fact]:
    """PYTHON facts of the called workflow `path` for the values its callers pass."""
    root, _ = compose(path, text)
    if root is None:
        return []
    walker = Walker()
    facts: list[Fact] = []
    try:
        defaults = _defaults(walker, root, path)
        for _, job in walker.mapping(walker.get(root, "jobs")):
            installs = [t for t, _ in job_installs(walker, path, job)] or [""]
            for node in setup_python_nodes(walker, job):
                ref = _INPUT_REF.match((walker.scalar(node) or "").strip())
                if ref is None:
                    continue
                name = ref.group(1)
                values = passed.get(name) or ([defaults[name]] if name in defaults else [])
                callers = ", ".join(dict.fromkeys(f"{w.file}:{w.line}" for _, w in values))
                detail = f"inputs.{name} as {callers} pass it ({SETUP_PYTHON})"
                for raw, _ in values:
                    minor = setup_python_minor(raw)
                    if minor is None:
                        continue
                    for environment in installs:
                        facts.append(
                            Fact(FactKind.PYTHON, minor, span_of(path, node), detail, environment)
                        )
    except BudgetExceeded:
        return []
    return facts


def link_workflow_calls(
    manifests: Mapping[str, ManifestFile], read: Read
) -> dict[str, ManifestFile]:
    """The called workflows of `manifests`, with the PYTHON facts their callers' values give
    (only the manifests that change)."""
    passed: dict[str, dict[str, list[_Passed]]] = {}
    for path in sorted(p for p, m in manifests.items() if m.kind == FileKind.WORKFLOW):
        text = read(path)
        if text is None:
            continue
        for callee, inputs in _calls(path, text).items():
            merged = passed.setdefault(callee, {})
            for name, values in inputs.items():
                merged.setdefault(name, []).extend(values)
    changed: dict[str, ManifestFile] = {}
    for callee, inputs in passed.items():
        manifest = manifests.get(callee)
        text = read(callee) if manifest is not None else None
        if manifest is None or text is None or manifest.kind != FileKind.WORKFLOW:
            continue
        added = [f for f in _called_facts(callee, text, inputs) if f not in manifest.facts]
        if added:
            facts = tuple(dict.fromkeys((*manifest.facts, *added)))
            changed[callee] = replace(manifest, facts=facts)
    return changed
