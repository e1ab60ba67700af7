"""Read a change's review inputs the one way the App (`worker.review.job`) and
`depreview review --pr` (`cli.pr`) both do: both sides (`read_side`), the changed
dependency paths (`pull_changes` for a PR, the compared trees for a merge group), then the
inputs with the PR's Dependabot update (`side_inputs`) and its `@depreview ignore` comments
→ `analyze_inputs`.

Two steps, because the App publishes "no dependency changes" between them (`read_change`
→ `ChangeRead.inputs`); `PrInputs.analyze` passes the refs and the ignores to
`analyze_inputs`. The App's superseded-push checks and check-run steps stay in the job; its
stage timer is passed in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Unpack

from core.settings import Settings
from rules.manifests.dependabot import DependabotUpdate
from rules.review import Review
from worker.commands.ignores import IgnoreSet
from worker.github.api import JSON, RepoApi
from worker.github.fetch import changed_between
from worker.metrics import StageTimer
from worker.review.analysis import AnalysisOptions, analyze_inputs
from worker.review.inputs import ReviewInputs, Side, pull_changes, read_side, side_inputs

#: PR-scoped ignores for (PR number, whether the base config allows self-ignores).
IgnoreSource = Callable[[int, bool], IgnoreSet]


@dataclass(frozen=True, slots=True)
class PrInputs:
    """What `analyze_inputs` needs for a change: its inputs, the refs, the PR's ignores."""

    inputs: ReviewInputs
    ignores: IgnoreSet
    base_sha: str
    head_sha: str

    def analyze(self, **options: Unpack[AnalysisOptions]) -> Review:
        """`analyze_inputs` on these inputs, with the refs and the PR's ignores."""
        options["base_ref"] = self.base_sha
        options["head_ref"] = self.head_sha
        options["extra_ignores"] = self.ignores.rules
        return analyze_inputs(self.inputs, **options)


@dataclass(frozen=True, slots=True)
class ChangeRead:
    """Both sides of a change as read, and its changed dependency paths."""

    base: Side
    head: Side
    base_sha: str
    head_sha: str
    changed: frozenset[str]
    #: The PR under review (None: a merge group's change).
    pr_number: int | None = None
    #: False: GitHub listed only the PR's first files; the trees were compared.
    listed_in_full: bool = True

    def inputs(
        self,
        dependabot: DependabotUpdate | None,
        ignores: IgnoreSource | None,
        timer: StageTimer | None = None,
    ) -> PrInputs:
        """The review inputs (with the PR's Dependabot update), then the PR's ignores as the
        BASE config allows them (read in the `fetch` stage; none without a PR or `ignores`)."""
        timer = timer or StageTimer()
        inputs = side_inputs(self.base, self.head, self.changed, dependabot)
        ignore_set = IgnoreSet()
        if self.pr_number is not None and ignores is not None:
            with timer.stage("fetch"):
                allow_self = inputs.base_config.commands.allow_self_ignore
                ignore_set = ignores(self.pr_number, allow_self)
        return PrInputs(inputs, ignore_set, self.base_sha, self.head_sha)


def read_change(
    api: RepoApi,
    settings: Settings,
    base_sha: str,
    head_sha: str,
    *,
    pr_number: int | None = None,
    pull: JSON | None = None,
    timer: StageTimer | None = None,
) -> ChangeRead:
    """Both sides' dependency files (with what their `-r`/`-c` lines name), then the PR's
    changed dependency paths (`pull_changes`, in the `fetch` stage), or without a PR the
    paths that differ between the trees."""
    timer = timer or StageTimer()
    base = read_side(api, base_sha, "base", timer)
    head = read_side(api, head_sha, "head", timer)
    if pr_number is None:
        changed = frozenset(changed_between(base.tree, head.tree))
        return ChangeRead(base, head, base_sha, head_sha, changed)
    with timer.stage("fetch"):
        changes = pull_changes(api, settings, pr_number, base.tree, head.tree, pull)
    return ChangeRead(
        base, head, base_sha, head_sha, changes.paths, pr_number, changes.listed_in_full
    )
