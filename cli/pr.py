"""`depreview review --pr OWNER/REPO#N`: review a GitHub PR with a plain token, no App needed.

The App's path, called, not copied (worker.review.pr_read): every dependency file at base and
head plus the files their `-r`/`-c` lines name and the PR's changed dependency paths
(`read_change`), its Dependabot metadata (`read_dependabot`) and `@depreview ignore` comments
(`ignore_source`) into the inputs (`ChangeRead.inputs`), then `analyze_inputs`
(`PrInputs.analyze`) and the App's comment (`review_comment`).
Not done here: the resolver (the App's `DEPREVIEW_RESOLVE_ENABLED`), the GPU smoke decision,
and publishing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.settings import Settings, get_settings
from rules.review import Review
from worker.commands.ignores import IgnoreSet
from worker.github.api import RepoRef
from worker.github.client import GitHubRepoApi, token_client
from worker.review.comment import listing_note, review_comment
from worker.review.inputs import read_dependabot
from worker.review.job import ignore_source
from worker.review.pr_read import read_change

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
    #: Said when GitHub listed only the PR's first files (the App adds it to its check run).
    note: str = ""

    def comment(self) -> str:
        """The PR comment the App would post."""
        return review_comment(self.review, self.ignores)


def review_pr(spec: str, token: str, settings: Settings | None = None) -> PrReview:
    """Fetch and review a PR as the App would (GitHub errors propagate)."""
    settings = settings or get_settings()
    repo, number = parse_pr(spec)
    api = GitHubRepoApi(token_client(settings, token), repo)
    pull = api.get_pull(number)
    head_sha, base_sha = str(pull["head"]["sha"]), str(pull["base"]["sha"])
    read = read_change(api, settings, base_sha, head_sha, pr_number=number, pull=pull)
    note = "" if read.listed_in_full else listing_note(settings.max_pr_files)
    # As the App reads them (`run_review`'s `ignore_source(api, job.head_sha)`): an ignore
    # bound to a commit applies only when it names the head under review.
    prepared = read.inputs(read_dependabot(api, pull), ignore_source(api, head_sha))
    return PrReview(prepared.analyze(), prepared.ignores, note)
