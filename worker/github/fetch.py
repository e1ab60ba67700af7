"""Read what a pull request changed and every dependency file at its base and head."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rules.config import CONFIG_PATH, default_excluded
from rules.manifests.build_args import is_compose_file
from rules.manifests.registry import is_dependency_file
from rules.manifests.snapshot import MAX_TOTAL_BYTES
from rules.manifests.text import MAX_BYTES as TEXT_MAX_BYTES
from worker.github.api import RepoApi

logger = logging.getLogger(__name__)

PER_PAGE = 100
MAX_FILES_PER_TREE = 300
#: The largest file read: what the parsers read (rules.manifests.text.MAX_BYTES). A uv.lock of
#: an ML project passes 1 MB (NVIDIA/earth2studio's: 1.7 MB), and a lock left unread is a
#: lock-out-of-sync not seen.
MAX_FILE_BYTES = TEXT_MAX_BYTES
#: The most bytes read from one tree (rules.manifests.snapshot.MAX_TOTAL_BYTES).
MAX_TREE_BYTES = MAX_TOTAL_BYTES


@dataclass(frozen=True, slots=True)
class ChangedFiles:
    """The paths a pull request changes, and whether GitHub's list was cut short."""

    paths: tuple[str, ...]
    complete: bool


@dataclass(slots=True)
class TreeFiles:
    """The dependency files of a tree: path → bytes, plus what was left out and why."""

    files: dict[str, bytes] = field(default_factory=dict)
    blob_shas: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    truncated: bool = False


def wanted(path: str) -> bool:
    """Whether a path is the repo config, a dependency file or a docker-compose file (read
    for the build args of the Dockerfiles it builds) outside test data and vendored
    environments (`rules.config.DEFAULT_EXCLUDE`, which no repo config can re-include)."""
    return path == CONFIG_PATH or (
        (is_dependency_file(path) or is_compose_file(path)) and not default_excluded(path)
    )


#: "Responses include a maximum of 3000 files" (REST description, pulls/list-files).
GITHUB_MAX_LISTED = 3000


def list_changed_files(
    api: RepoApi, pr_number: int, max_files: int, *, changed_files: int | None = None
) -> ChangedFiles:
    """Every file path the PR touches (renames give both names), up to `max_files`.

    `changed_files` is the pull's own count: a list shorter than it was cut by GitHub
    (which lists at most 3,000 files, whether or not it announces a next page).
    """
    paths: list[str] = []
    listed = 0
    page = 1
    while True:
        result = api.list_pull_files(pr_number, page=page, per_page=PER_PAGE)
        for entry in result.items:
            listed += 1
            paths.append(str(entry["filename"]))
            previous = entry.get("previous_filename")
            if previous:
                paths.append(str(previous))
        if not result.has_next or not result.items:
            short = changed_files is not None and listed < changed_files
            return ChangedFiles(tuple(paths), complete=not short)
        if page * PER_PAGE >= min(max_files, GITHUB_MAX_LISTED):
            return ChangedFiles(tuple(paths), complete=False)
        page += 1


def changed_between(base: TreeFiles, head: TreeFiles) -> tuple[str, ...]:
    """Dependency paths whose blob differs between two trees (exact, needs no file list)."""
    paths = set(base.blob_shas) | set(head.blob_shas)
    return tuple(sorted(p for p in paths if base.blob_shas.get(p) != head.blob_shas.get(p)))


def read_tree_files(
    api: RepoApi,
    sha: str,
    *,
    select: Iterable[str] = (),
    max_files: int = MAX_FILES_PER_TREE,
    max_bytes: int = MAX_FILE_BYTES,
) -> TreeFiles:
    """Fetch the dependency files (and `select`ed extra paths) of a commit's tree."""
    tree = api.get_tree(sha)
    out = TreeFiles(truncated=bool(tree.get("truncated")))
    blobs: dict[str, tuple[str, int]] = {}
    for entry in tree.get("tree", []):
        if entry.get("type") == "blob":
            blobs[str(entry["path"])] = (str(entry["sha"]), int(entry.get("size") or 0))
    extra = set(select)
    chosen = sorted(p for p in blobs if p in extra or wanted(p))
    _fetch(api, blobs, chosen, out, max_files=max_files, max_bytes=max_bytes)
    return out


def read_more(
    api: RepoApi,
    sha: str,
    out: TreeFiles,
    paths: Iterable[str],
    *,
    max_files: int = MAX_FILES_PER_TREE,
    max_bytes: int = MAX_FILE_BYTES,
) -> list[str]:
    """Fetch extra paths (includes the registry did not select) into `out`; return them."""
    wanted_paths = sorted({p for p in paths if p not in out.files and p not in out.skipped})
    if not wanted_paths:
        return []
    tree = api.get_tree(sha)
    blobs = {
        str(e["path"]): (str(e["sha"]), int(e.get("size") or 0))
        for e in tree.get("tree", [])
        if e.get("type") == "blob"
    }
    present = [p for p in wanted_paths if p in blobs]
    _fetch(api, blobs, present, out, max_files=max_files, max_bytes=max_bytes)
    return [p for p in present if p in out.files]


def _fetch(
    api: RepoApi,
    blobs: Mapping[str, tuple[str, int]],
    chosen: Iterable[str],
    out: TreeFiles,
    *,
    max_files: int,
    max_bytes: int,
) -> None:
    total = sum(len(data) for data in out.files.values())
    for path in chosen:
        blob_sha, size = blobs[path]
        out.blob_shas[path] = blob_sha
        if size > max_bytes:
            out.skipped[path] = f"{size} bytes, over the {max_bytes}-byte limit"
            continue
        if len(out.files) >= max_files:
            out.skipped[path] = f"over the {max_files}-file limit"
            continue
        if total + size > MAX_TREE_BYTES:
            out.skipped[path] = f"over the {MAX_TREE_BYTES}-byte limit of one tree"
            continue
        out.files[path] = api.get_blob(blob_sha)
        total += len(out.files[path])
    if out.skipped:
        logger.info("dependency files not read", extra={"skipped": len(out.skipped)})
