"""Replace the ``make <target>`` references of a workflow or Dockerfile with the files the
Makefile's target installs (pure; `snapshot.build_snapshot` calls `link_make`).

A workflow job or a Dockerfile stage that runs ``make setup`` records a
`makefile.make_reference`. Here each one becomes the repository paths ``make setup``
installs (the Makefile's recipes read by `makefile.installs`, paths taken from the
Makefile's folder), in the manifest's ``include_paths`` (at the ``run:`` step or RUN line),
in a Dockerfile stage's ``installs``, and as the environment of the job's Python facts, just
as a direct ``pip install -r`` there would be. A reference whose Makefile (outside the root,
which the registry always selects) is absent becomes the Makefile's possible paths (so that
the worker fetches it and builds again), and its facts become
the job's "installs nothing nameable" facts (empty environment), unless the job installs a
named file too; a target that installs nothing is dropped the same way.

A workflow step that runs a repository shell script (``bash ./run_examples.sh``) records a
`shell_scripts.script_reference` the same way: it becomes what the script's own ``pip install``
lines install, taken from the step's folder, or the script's path (to fetch) when absent.
A step that uses a local composite action (``uses: ./.github/actions/x``) records a
`local_actions.action_reference`: it becomes what the action's ``run:`` steps install (their
make and script calls followed in turn), or the action file's paths when absent.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import replace

from rules.manifests.local_actions import action_files, action_installs, resolve_action_reference
from rules.manifests.makefile import MAKEFILE_NAMES, installs, parse_makefile, resolve_reference
from rules.manifests.model import Fact, ManifestFile, Span
from rules.manifests.shell_scripts import resolve_script_reference, script_installs

#: Reads a repository path's text (None when the snapshot does not hold it).
Read = Callable[[str], str | None]


def _is_reference(target: str) -> bool:
    return (
        resolve_reference(target) is not None
        or resolve_script_reference(target) is not None
        or resolve_action_reference(target) is not None
    )


def _resolve_action(reference: str, read: Read) -> tuple[list[str], list[str]] | None:
    """(installed repository paths, the action files to fetch) for an action reference: what
    the composite action's ``run:`` steps install (their make and script calls followed)."""
    folder = resolve_action_reference(reference)
    if folder is None:
        return None
    candidates = action_files(folder)
    for candidate in candidates:
        text = read(candidate)
        if text is None:
            continue
        paths: list[str] = []
        fetch: list[str] = []
        for target in action_installs(candidate, text):
            found, more = _resolve(target, read)
            paths.extend(p for p in found if p not in paths and not p.startswith(("../", "/")))
            fetch.extend(p for p in more if p not in fetch)
        return paths, fetch
    return [], candidates


def _resolve_script(reference: str, read: Read) -> tuple[list[str], list[str]] | None:
    """(installed repository paths, the script to fetch) for a script reference."""
    parsed = resolve_script_reference(reference)
    if parsed is None:
        return None
    directory, script = parsed
    if script.startswith("../") or "$" in directory or directory.startswith(("/", "../")):
        return [], []
    text = read(script)
    if text is None:
        return [], [script]
    installed = script_installs(text, directory)
    return [p for p in installed if not p.startswith(("../", "/"))], []


def _resolve(reference: str, read: Read) -> tuple[list[str], list[str]]:
    """(installed repository paths, Makefile, script or action paths to fetch) for one
    reference."""
    action = _resolve_action(reference, read)
    if action is not None:
        return action
    script = _resolve_script(reference, read)
    if script is not None:
        return script
    parsed = resolve_reference(reference)
    if parsed is None:
        return [reference], []
    directory, makefile, goal = parsed
    if directory.startswith(("/", "../")) or directory == ".." or "$" in directory:
        return [], []
    names = (makefile,) if makefile else MAKEFILE_NAMES
    candidates = [posixpath.normpath(posixpath.join(directory, n)) for n in names]
    for candidate in candidates:
        text = read(candidate)
        if text is None:
            continue
        found = installs(parse_makefile(text, candidate), goal)
        folder = posixpath.dirname(candidate)
        paths = [posixpath.normpath(posixpath.join(folder, i.path)) for i in found]
        return [p for p in paths if not p.startswith("../")], []
    if not directory and makefile is None:
        return [], []  # the registry selects root Makefiles: absent, not just unfetched
    return [], [c for c in candidates if not c.startswith("../")]


def link_make(manifest: ManifestFile, read: Read) -> ManifestFile:
    """`manifest` with its make references replaced (unchanged when it holds none)."""
    references = [t for t in manifest.include_paths if _is_reference(t)]
    if not references:
        return manifest
    resolved = {r: _resolve(r, read) for r in references}
    paths: list[str] = []
    spans: list[Span] = []
    for target, span in zip(manifest.include_paths, manifest.includes, strict=False):
        installed, fetch = resolved.get(target, ([target], []))
        for path in [*installed, *fetch]:
            if path not in paths and posixpath.basename(path) != "pyproject.toml":
                paths.append(path)
                spans.append(span)
    stages = tuple(
        replace(
            stage,
            installs=tuple(
                dict.fromkeys(p for t in stage.installs for p in resolved.get(t, ([t], []))[0])
            ),
        )
        for stage in manifest.stages
    )
    return replace(
        manifest,
        include_paths=tuple(paths),
        includes=tuple(spans),
        stages=stages,
        facts=_facts(manifest.facts, {r: found for r, (found, _) in resolved.items()}),
    )


def _facts(facts: tuple[Fact, ...], resolved: dict[str, list[str]]) -> tuple[Fact, ...]:
    """One fact per installed file for each fact whose environment is a reference; a fact
    whose reference installs nothing keeps the job's unnamed fact unless a sibling (the same
    version at the same place) names a file."""

    def key(fact: Fact) -> tuple[object, ...]:
        return (fact.kind, fact.value, fact.location, fact.detail)

    named = {key(f) for f in facts if f.environment and f.environment not in resolved}
    named |= {key(f) for f in facts if resolved.get(f.environment)}
    out: list[Fact] = []
    for fact in facts:
        if fact.environment not in resolved:
            out.append(fact)
            continue
        installed = resolved[fact.environment]
        if installed:
            out.extend(replace(fact, environment=path) for path in installed)
        elif key(fact) not in named:
            out.append(replace(fact, environment=""))
    return tuple(dict.fromkeys(out))
