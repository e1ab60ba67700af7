"""Read the dependency files of a local git checkout at a ref, or of a plain directory."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from rules.manifests.snapshot import build_snapshot, missing_includes
from worker.github.fetch import MAX_FILE_BYTES, MAX_FILES_PER_TREE, wanted
from worker.review.inputs import MAX_INCLUDE_ROUNDS

_SKIP_DIRS = frozenset({".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".nox"})
_GIT_TIMEOUT_S = 30.0


class LocalRepoError(RuntimeError):
    """A ref, repository or directory could not be read."""


def _git(repo: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(repo), *args],
            capture_output=True,
            timeout=_GIT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LocalRepoError(f"git {' '.join(args)}: {exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise LocalRepoError(f"git {' '.join(args)}: {message[-1] if message else 'failed'}")
    return done.stdout


def resolve_ref(repo: Path, ref: str) -> str:
    """The commit SHA a ref names."""
    return _git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()


def default_base(repo: Path, head: str = "HEAD") -> str:
    """The merge-base of `head` with origin/main, main or master (the first that exists)."""
    for candidate in ("origin/main", "origin/master", "main", "master"):
        try:
            resolve_ref(repo, candidate)
        except LocalRepoError:
            continue
        return _git(repo, "merge-base", head, candidate).decode().strip()
    raise LocalRepoError("no origin/main, main or master branch: pass --base REF")


def with_includes(
    files: dict[str, bytes], read_one: Callable[[str], bytes | None], *, max_files: int
) -> dict[str, bytes]:
    """`files` plus the repository files their manifests name that the registry did not
    select (a `-r` file named otherwise, a script or Makefile a workflow runs, a pip.conf a
    Dockerfile copies), in at most `MAX_INCLUDE_ROUNDS` rounds: what the App fetches for the
    same review (`worker.review.inputs.read_side`)."""
    out = dict(files)
    for _ in range(MAX_INCLUDE_ROUNDS):
        missing = sorted(missing_includes(build_snapshot(out), out))
        added = 0
        for path in missing:
            if len(out) >= max_files:
                break
            data = read_one(path)
            if data is not None:
                out[path] = data
                added += 1
        if not added:
            break
    return out


def read_ref(
    repo: Path,
    ref: str,
    *,
    max_files: int = MAX_FILES_PER_TREE,
    max_bytes: int = MAX_FILE_BYTES,
) -> dict[str, bytes]:
    """Dependency files of `repo` at `ref` (`git ls-tree` + `git cat-file`), bounded."""
    sha = resolve_ref(repo, ref)
    listing = _git(repo, "ls-tree", "-r", "-l", "-z", sha).split(b"\0")
    files: dict[str, bytes] = {}
    for entry in listing:
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        parts = meta.split()
        path = raw_path.decode("utf-8", errors="surrogateescape")
        if len(parts) < 4 or parts[1] != b"blob" or not wanted(path):
            continue
        size = int(parts[3]) if parts[3].isdigit() else 0
        if size > max_bytes or len(files) >= max_files:
            continue
        files[path] = _git(repo, "cat-file", "blob", parts[2].decode())

    def read_one(path: str) -> bytes | None:
        try:
            size = int(_git(repo, "cat-file", "-s", f"{sha}:{path}").strip() or b"0")
            if size > max_bytes:
                return None
            return _git(repo, "cat-file", "blob", f"{sha}:{path}")
        except (LocalRepoError, ValueError):
            return None

    return with_includes(files, read_one, max_files=max_files)


def read_dir(
    root: Path,
    *,
    max_files: int = MAX_FILES_PER_TREE,
    max_bytes: int = MAX_FILE_BYTES,
) -> dict[str, bytes]:
    """Dependency files under a plain directory (skips .git, node_modules, virtualenvs)."""
    if not root.is_dir():
        raise LocalRepoError(f"not a directory: {root}")
    files: dict[str, bytes] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
        for name in sorted(filenames):
            full = Path(dirpath) / name
            rel = full.relative_to(root).as_posix()
            # Never follow a symlink: it may point out of the reviewed tree (`~/.env`).
            if not wanted(rel) or full.is_symlink() or not full.is_file():
                continue
            if full.stat().st_size > max_bytes or len(files) >= max_files:
                continue
            files[rel] = full.read_bytes()
    top = root.resolve()

    def read_one(path: str) -> bytes | None:
        full = root / path
        # Never follow a symlink, nor a path that leaves the reviewed tree.
        if full.is_symlink() or not full.is_file() or not full.resolve().is_relative_to(top):
            return None
        if full.stat().st_size > max_bytes:
            return None
        return full.read_bytes()

    return with_includes(files, read_one, max_files=max_files)


def changed_paths(base: dict[str, bytes], head: dict[str, bytes]) -> list[str]:
    """Paths whose content differs between two file maps."""
    return sorted(p for p in set(base) | set(head) if base.get(p) != head.get(p))
