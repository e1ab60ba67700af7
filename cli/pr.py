"""`depreview review --pr OWNER/REPO#N`: review a GitHub PR with a plain token, no App needed.

Same path as the App: the PR's files, every dependency file at base and head (plus the files
their `-r`/`-c` lines name), the PR's `@depreview ignore` comments, then `analyze`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core.settings import Settings
from rules.review import Review
from worker.analysis import analyze, base_allows_self_ignore
from worker.commands.ignores import IgnoreSet, collect_ignores, render_ignores
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, token_client
from worker.github.fetch import list_changed_files, wanted
from worker.review_job import read_side

_SPEC = re.compile(r"^(?P<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)#(?P<number>[1-9]\d{0,9})$")


class PrSpecError(ValueError):
    """Not `OWNER/REPO#N`."""


def parse_pr(spec: str) -> tuple[RepoRef, int]:
    """`OWNER/REPO#N` → (repository, number)."""
    match = _SPEC.match(spec.strip())
    if not match:
        raise PrSpecError(f"--pr wants OWNER/REPO#N, e.g. pytorch/vision#8000; got {spec!r}")
    return RepoRef.parse(match.group("repo")), int(match.group("number"))


@dataclass(frozen=True, slots=True)
class PrReview:
    """The review of a PR, and the ignore section the App would add to its comment."""

    review: Review
    ignores: IgnoreSet
    base_sha: str
    head_sha: str

    def comment(self) -> str:
        """The PR comment the App would post."""
        from rules.render.markdown import render_comment

        return render_comment(self.review) + render_ignores(self.ignores)


def review_pr(spec: str, token: str, settings: Settings | None = None) -> PrReview:
    """Fetch and review a PR as the App would (GitHub errors propagate)."""
    settings = settings or Settings()
    repo, number = parse_pr(spec)
    api = GitHubRepoApi(token_client(settings, token), repo)
    pull = api.get_pull(number)
    head_sha, base_sha = str(pull["head"]["sha"]), str(pull["base"]["sha"])
    base, head = read_side(api, base_sha), read_side(api, head_sha)
    changed = [p for p in list_changed_files(api, number, settings.max_pr_files).paths if wanted(p)]
    author = str((pull.get("user") or {}).get("login") or "")
    ignores = collect_ignores(
        api,
        number,
        pr_author=author,
        allow_self=base_allows_self_ignore(base.files),
        today=date.today(),
    )
    result = analyze(
        base.files,
        head.files,
        changed_paths=sorted(set(changed)),
        base_ref=base_sha,
        head_ref=head_sha,
        extra_ignores=ignores.rules,
    )
    return PrReview(result, ignores, base_sha, head_sha)
