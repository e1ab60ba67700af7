"""Resolve a uv project's environments with `uv lock` semantics (cached, per target)."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from rules.checks.support.packages import sibling
from rules.manifests.model import IndexKind
from worker.resolve import uv
from worker.resolve.cache import cache_key
from worker.resolve.explain import standin_findings
from worker.resolve.inputs import ResolutionInput
from worker.resolve.lockgraph import installed
from worker.resolve.metadata import requires_of
from worker.resolve.model import Resolution, ResolveTarget
from worker.resolve.pypi import (
    RunOptions,
    StoodIn,
    failed_resolution,
    refusal_outcome,
    refused_inputs,
    run_with_retries,
    skipped_finding,
    with_standins,
)
from worker.resolve.uvproject import NO_INTERPRETER, Project, lock, virtual_project


def resolve_uv_project(
    inp: ResolutionInput,
    targets: Sequence[ResolveTarget],
    options: RunOptions,
    texts: Mapping[str, str],
) -> list[Resolution] | None:
    """One `uv lock` of `inp`'s environment, read for each target; None when uv cannot lock
    it here (no pyproject text, or no interpreter for its requires-python)."""
    path = inp.environment.partition("#")[0]
    text = texts.get(path)
    if text is None or not targets:
        return None
    refused = refused_inputs(inp, inp.requirements, options.policy)
    if refused:
        return [Resolution(t, inp.environment, ok=False, findings=tuple(refused)) for t in targets]
    try:
        project = virtual_project(inp, text, targets, default_index_url=options.default_index_url)
    except (ValueError, TypeError, AttributeError):  # a pyproject uv could not read either
        return None
    lock_text = texts.get(sibling(path, "uv.lock"))
    key = cache_key(
        {
            "kind": "uv-lock",
            "uv": uv.uv_version(),
            "project": project.text,
            "lock": lock_text,
            "targets": [[t.python, t.platform, t.cuda, t.assumed] for t in targets],
            "environment": inp.environment,
            "declared": [(r.name, r.location.file, r.location.line) for r in inp.declared()],
            "egress": options.policy.egress().key(),
            "standins": 1,
        }
    )
    if options.cache is not None:
        cached = [options.cache.get(f"{key}:{i}") for i in range(len(targets))]
        if all(c is not None for c in cached):
            return [
                replace(c, target=t) for c, t in zip(cached, targets, strict=True) if c is not None
            ]
    outputs: list[str | None] = [None]
    with tempfile.TemporaryDirectory(prefix="depreview-standins-") as folder:
        standin_dir = Path(folder)

        def attempt() -> uv.UvRun:
            run, outputs[0] = lock(
                project,
                options.uv_settings(),
                lock_text=lock_text,
                find_links=[standin_dir] if any(standin_dir.iterdir()) else [],
            )
            return run

        run, incomplete = run_with_retries(attempt, inp, targets[0], options)
        if run.refused:
            return [
                replace(blocked, source="uv lock")
                for t in targets
                if (blocked := refusal_outcome(run, inp, t)) is not None
            ]
        if not run.ok and NO_INTERPRETER in run.stderr:
            return None
        if incomplete is not None:
            return [
                Resolution(t, inp.environment, ok=False, findings=(incomplete,), source="uv lock")
                for t in targets
            ]
        first_locked = outputs[0]
        run, stood = with_standins(run, attempt, inp, targets[0], options, standin_dir)
        locked = outputs[0] if stood.names else first_locked
    resolutions = [_outcome(run, locked, project, inp, t, options, stood) for t in targets]
    if options.cache is not None and not run.timed_out:
        for i, resolution in enumerate(resolutions):
            options.cache.put(f"{key}:{i}", resolution)
    return resolutions


def _outcome(
    run: uv.UvRun,
    locked: str | None,
    project: Project,
    inp: ResolutionInput,
    target: ResolveTarget,
    options: RunOptions,
    stood: StoodIn,
) -> Resolution:
    skipped = tuple(skipped_finding(req, inp.environment) for req in project.skipped)
    if run.ok and locked is not None:
        got = installed(locked, target, project.group)
        index_urls = [i.url for i in inp.indexes if i.kind is not IndexKind.CONDA_CHANNEL]
        requires = requires_of(
            got.pins, wheels=got.wheels, index_urls=index_urls, cache_dir=options.cache_dir
        )
        via = {name: tuple(v) for name, v in got.via.items()}
        opaque = standin_findings(
            got.pins,
            via,
            stood.versions,
            stood.read,
            inp.requirements,
            environment=inp.environment,
            target=target,
        )
        return Resolution(
            target,
            inp.environment,
            got.pins,
            via,
            True,
            (*skipped, *opaque),
            source="uv lock",
            requires=requires,
        )
    return failed_resolution(
        run, inp, target, options, inp.requirements, skipped, source="uv lock", stood=stood
    )
