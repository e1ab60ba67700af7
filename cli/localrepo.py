"""Read the dependency files of a local git checkout at a ref, or of a plain directory."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from worker.github.fetch import MAX_FILE_BYTES, MAX_FILES_PER_TREE, wanted

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
    return files


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
    return files


def changed_paths(base: dict[str, bytes], head: dict[str, bytes]) -> list[str]:
    """Paths whose content differs between two file maps."""
    return sorted(p for p in set(base) | set(head) if base.get(p) != head.get(p))
