"""PR ignores through `run_review`: re-read from the comments on every run, recorded in ours."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings
from rules.render.markdown import MARKER
from rules.review import Review
from tests.fakes.github import FakeGitHub
from tests.worker.test_review_job import FakeCoordinator
from worker.commands.ignores import read_record
from worker.github.api import JSON, Page
from worker.review.job import ReviewJob, ignore_source, run_review

EXAMPLE = Path(__file__).parents[3] / "examples" / "torch-bump"
BASE, HEAD = "b" * 40, "d" * 40
AUTHOR = "pr-author"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@dataclass
class CommandsFake(FakeGitHub):
    """The in-memory GitHub plus the calls commands make (permission, PR author)."""

    permissions: dict[str, str] = field(default_factory=dict)
    #: The repository the PR's head lives in ("octocat/Hello-World": not a fork).
    head_repo: str = "octocat/Hello-World"

    def get_pull(self, number: int) -> JSON:
        pull = super().get_pull(number)
        head = {**pull["head"], "repo": {"full_name": self.head_repo}}
        base = {**pull["base"], "repo": {"full_name": "octocat/Hello-World"}}
        return {**pull, "head": head, "base": base, "user": {"login": AUTHOR}}

    def get_issue_comment(self, comment_id: int) -> JSON | None:
        return next((c for c in self.comments if c["id"] == comment_id), None)

    def get_permission(self, username: str) -> str:
        self._record("GET", f"/collaborators/{username}/permission")
        return self.permissions.get(username, "none")

    def create_reaction(self, comment_id: int, content: str) -> None:
        self._record("POST", f"/issues/comments/{comment_id}/reactions", {"content": content})

    def list_open_pulls(self, page: int, per_page: int) -> Page:
        return Page([], has_next=False)


JOB = ReviewJob(1, "octocat/Hello-World", HEAD, "d-1", pr_number=1347, force=True)


@pytest.fixture
def gh() -> CommandsFake:
    fake = CommandsFake(permissions={"maintainer": "admin", "reader": "read", AUTHOR: "write"})
    fake.commit(BASE, _tree(EXAMPLE / "base"))
    fake.commit(HEAD, _tree(EXAMPLE / "head"))
    fake.open_pr(BASE, HEAD)
    return fake


@pytest.fixture
def settings() -> Settings:
    return Settings(github_app_id=None, environment="development", resolve_enabled=False)


def _say(gh: CommandsFake, login: str, body: str, *, bot: bool = False) -> int:
    comment_id = 500 + len(gh.comments)
    user = {"login": login, "type": "Bot" if bot else "User"}
    gh.comments.append(
        {"id": comment_id, "body": body, "user": user, "created_at": "2026-11-20T10:00:00Z"}
    )
    return comment_id


def _review(gh: CommandsFake, settings: Settings) -> tuple[set[str], str]:
    run_review(gh, FakeCoordinator(), settings, JOB, ignores=ignore_source(gh))
    ours = [c for c in gh.comments if MARKER in c["body"]]
    assert len(ours) == 1
    run = gh.check_runs[-1]
    return {a["title"] for a in run["annotations"]} | {run["output"]["title"]}, ours[0]["body"]


def test_ignore_applies_while_the_comment_says_so(gh: CommandsFake, settings: Settings) -> None:
    _, before = _review(gh, settings)
    assert read_record(before) is None
    category = _first_new_category(gh, settings)
    comment_id = _say(gh, "maintainer", f"@depreview ignore {category} -- known, tracked in #12")
    _say(gh, "reader", "@depreview ignore conflict -- I cannot do this")
    _say(gh, AUTHOR, "@depreview ignore conflict -- my own PR")
    _say(gh, "depreview[bot]", "@depreview ignore conflict -- bots never count", bot=True)
    _, body = _review(gh, settings)
    record = read_record(body)
    assert record is not None
    assert [(e["category"], e["by"], e["comment_id"]) for e in record["active"]] == [
        (category, "maintainer", comment_id)
    ]
    assert record["active"][0]["reason"] == "known, tracked in #12"
    assert "### Ignored on this pull request" in body
    assert category not in _new_categories(gh, settings)

    # edited into something else: the ignore is gone on the next run
    next(c for c in gh.comments if c["id"] == comment_id)["body"] = "never mind"
    _, body = _review(gh, settings)
    assert read_record(body) is None
    assert category in _new_categories(gh, settings)


def test_deleted_ignore_is_gone(gh: CommandsFake, settings: Settings) -> None:
    category = _first_new_category(gh, settings)
    comment_id = _say(gh, "maintainer", f"@depreview ignore {category} -- temporary")
    assert category not in _new_categories(gh, settings)
    gh.comments[:] = [c for c in gh.comments if c["id"] != comment_id]
    assert category in _new_categories(gh, settings)


def test_self_ignore_allowed_only_by_the_base_config(settings: Settings) -> None:
    gh = CommandsFake(permissions={AUTHOR: "write"})
    allow = b"version: 1\ncommands:\n  allow_self_ignore: true\n"
    base = _tree(EXAMPLE / "base")
    gh.commit(BASE, base)
    gh.commit(HEAD, {**_tree(EXAMPLE / "head"), ".github/depreview.yml": allow})
    gh.open_pr(BASE, HEAD)
    category = _first_new_category(gh, settings)
    _say(gh, AUTHOR, f"@depreview ignore {category} -- mine")
    assert category in _new_categories(gh, settings)  # the PR cannot grant itself the right
    gh.commit(BASE, {**base, ".github/depreview.yml": allow})
    assert category not in _new_categories(gh, settings)


def _new_categories(gh: CommandsFake, settings: Settings) -> set[str]:
    """The categories of the new findings a run reports (the Review the job rendered)."""
    import worker.review.pr_read as read_module  # where the job's review calls analyze_inputs

    captured: list[Review] = []
    real = read_module.analyze_inputs

    def capture(*args: Any, **kwargs: Any) -> Review:
        captured.append(real(*args, **kwargs))
        return captured[-1]

    read_module.analyze_inputs = capture
    try:
        run_review(gh, FakeCoordinator(), settings, JOB, ignores=ignore_source(gh))
    finally:
        read_module.analyze_inputs = real
    return {f.category for f in captured[-1].findings if f.new}


def _first_new_category(gh: CommandsFake, settings: Settings) -> str:
    categories = sorted(_new_categories(gh, settings) - {"config-error"})
    assert categories, "the example must produce new findings"
    return categories[0]


# --- bound to the commit (security review finding 13) ------------------------------------


@pytest.mark.parametrize(
    ("fork", "suffix", "applies"),
    [
        (False, "", True),  # same repository: its pushers can write anyway
        (True, "", False),  # a fork's PR: an ignore must name the commit
        (True, f" at {HEAD[:12]}", True),
        (False, f" at {HEAD[:12]}", True),
        (True, " at aaaaaaa", False),  # given for another commit: a push made it stale
        (False, " at aaaaaaa", False),
    ],
)
def test_an_ignore_applies_to_the_commit_it_names(
    gh: CommandsFake, settings: Settings, fork: bool, suffix: str, applies: bool
) -> None:
    if fork:
        gh.head_repo = "mallory/fork"
    category = _first_new_category(gh, settings)
    comment_id = _say(gh, "maintainer", f"@depreview ignore {category}{suffix} -- seen it")
    assert (category not in _new_categories(gh, settings)) is applies
    _, body = _review(gh, settings)
    record = read_record(body)
    assert record is not None
    listed = "active" if applies else "stale"
    assert [e["comment_id"] for e in record[listed]] == [comment_id]
    if not applies:
        assert "not applied" in body and HEAD[:12] in body


def test_a_push_after_the_ignore_does_not_keep_it(gh: CommandsFake, settings: Settings) -> None:
    """Given for the head the maintainer saw; the fork pushes: the new head is judged afresh."""
    gh.head_repo = "mallory/fork"
    category = _first_new_category(gh, settings)
    _say(gh, "maintainer", f"@depreview ignore {category} at {HEAD[:12]} -- seen it")
    assert category not in _new_categories(gh, settings)
    pushed = "c" * 40
    gh.commit(pushed, _tree(EXAMPLE / "head"))
    gh.open_pr(BASE, pushed)
    job = ReviewJob(1, "octocat/Hello-World", pushed, "d-2", pr_number=1347, force=True)
    run_review(gh, FakeCoordinator(), settings, job, ignores=ignore_source(gh))
    ours = next(c for c in gh.comments if MARKER in c["body"])
    record = read_record(ours["body"])
    assert record is not None and record["active"] == [] and len(record["stale"]) == 1
