"""What a review reads: the dependency files at one commit, with the files they include."""

from __future__ import annotations

from rules.manifests.snapshot import build_snapshot
from worker.github.api import RepoApi
from worker.github.fetch import TreeFiles, read_more, read_tree_files
from worker.metrics import StageTimer

#: How many times the files that `-r`/`-c` lines name are fetched (each round may name more).
MAX_INCLUDE_ROUNDS = 3


def read_side(api: RepoApi, sha: str, timer: StageTimer | None = None) -> TreeFiles:
    """The dependency files at `sha`, plus files their `-r`/`-c` lines name (bounded depth).

    Reading is the `fetch` stage; finding includes parses every file (`parse`), and the
    per-file parse cache lets the review reuse that work.
    """
    timer = timer or StageTimer()
    with timer.stage("fetch"):
        files = read_tree_files(api, sha)
    for _ in range(MAX_INCLUDE_ROUNDS):
        with timer.stage("parse"):
            missing = _missing_includes(files)
        if not missing:
            break
        with timer.stage("fetch"):
            more = read_more(api, sha, files, missing)
        if not more:
            break
    return files


def _missing_includes(files: TreeFiles) -> list[str]:
    """Paths that `-r`/`-c` lines name but the registry did not select."""
    snapshot = build_snapshot(dict(files.files))
    return sorted(
        {
            path
            for manifest in snapshot.files.values()
            for path in manifest.include_paths
            if path not in files.files
        }
    )
