"""Each side's snapshot and the repo config are built once per review (worker/review/inputs.py).

The review used to hand raw bytes down to every stage (include discovery, the resolver, the
rules, the smoke plan, the check run's buttons), and each parsed them again: one App review
of `examples/torch-bump` with the resolver on and smoke tests enabled built 10 snapshots and
loaded the config 6 times (measured at 9903346). This counts the builds over that review:
resolver on (faked: no network), GPU smoke tests enabled, the PR's ignores read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import rules.config
import rules.manifests.snapshot
from core.settings import Settings
from tests.fakes.github import FakeGitHub
from tests.worker.smoke.fakeredis import FakeRedis
from tests.worker.test_review_job import FakeCoordinator
from worker.review.job import ReviewJob, ignore_source, run_review
from worker.smoke.plan import SmokeHooks

EXAMPLE = Path(__file__).parents[3] / "examples" / "torch-bump"
BASE, HEAD = "b" * 40, "h" * 40
ENABLED = b"version: 1\nsmoke:\n  enabled: true\n"
STRICTER = ENABLED + b"rules:\n  hygiene: error\n"


class MemberGitHub(FakeGitHub):
    """The fake GitHub plus the permission call the PR's ignores need."""

    def get_permission(self, username: str) -> str:
        return "write"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _count(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[object]:
    """Replace `module.name` wherever it was imported by name; the list grows per call."""
    real: Callable[..., Any] = getattr(module, name)
    calls: list[object] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs.get("ref", args[1] if len(args) > 1 else None))
        return real(*args, **kwargs)

    for loaded in list(sys.modules.values()):
        if getattr(loaded, name, None) is real:
            monkeypatch.setattr(loaded, name, counting)
    return calls


@pytest.mark.parametrize(
    ("head_config", "config_loads"),
    [
        (ENABLED, 1),  # the same config at base and head: parsed once
        (STRICTER, 2),  # the PR edits it: the head's is parsed too (config-change finding)
    ],
)
def test_one_review_builds_each_snapshot_and_config_once(
    head_config: bytes, config_loads: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import worker.resolve

    reports: list[tuple[object, object]] = []

    def resolve_change(base: object, head: object, config: object, **kw: object) -> None:
        reports.append((base, head))

    monkeypatch.setattr(worker.resolve, "resolve_change", resolve_change)
    snapshots = _count(monkeypatch, rules.manifests.snapshot, "build_snapshot")
    configs = _count(monkeypatch, rules.config, "load_config")
    gh = MemberGitHub()
    gh.commit(BASE, {**_tree(EXAMPLE / "base"), ".github/depreview.yml": ENABLED})
    gh.commit(HEAD, {**_tree(EXAMPLE / "head"), ".github/depreview.yml": head_config})
    gh.open_pr(BASE, HEAD)
    settings = Settings(github_app_id=None, environment="development", resolve_enabled=True)
    hooks = SmokeHooks(redis=FakeRedis(), enqueue=lambda spec: None)
    job = ReviewJob(1, "octocat/Hello-World", HEAD, "d-1", pr_number=gh.pr_number)
    ignores = ignore_source(gh, HEAD)

    outcome = run_review(gh, FakeCoordinator(), settings, job, smoke=hooks, ignores=ignores)

    assert outcome.status == "published"
    assert len(reports) == 1  # the resolver ran, on the review's own snapshots
    assert snapshots == ["base", "head"]  # before: 10 (5 per side)
    assert len(configs) == config_loads  # before: 6
