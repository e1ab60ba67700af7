"""Review one corpus case the way `depreview review --base-dir --head-dir` does."""

from __future__ import annotations

import time

from cli.localrepo import changed_paths, read_dir
from tests.realworld.corpus import Case, Score, score
from worker.review.analysis import analyze


def review_case(case: Case, *, resolve: bool = False) -> Score:
    """Read both trees with the CLI's reader, review them, and score the findings."""
    base = read_dir(case.base_dir)
    head = read_dir(case.head_dir)
    started = time.perf_counter()
    review = analyze(
        base,
        head,
        changed_paths=changed_paths(base, head),
        resolve=resolve,
        base_ref=case.base_commit,
        head_ref=case.head_commit,
    )
    return score(case, review.findings, time.perf_counter() - started)
