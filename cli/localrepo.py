"""Read the dependency files of a local git checkout at a ref, or of a plain directory."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rules.manifests.snapshot import build_snapshot, missing_includes
from worker.github.fetch import MAX_FILE_BYTES, MAX_FILES_PER_TREE, wanted
from worker.review.inputs import MAX_INCLUDE_ROUNDS

_SKIP_DIRS = frozenset({".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".nox"})
_GIT_TIMEOUT_S = 30.0


class LocalRepoError(RuntimeError):
    """A ref, repository or directory could not be read."""


@dataclass(slots=True)
class Listing:
    """What a reader saw besides the files it read: each dependency file's content identity
    (git blob id, or SHA-256 of a plain file), read or not, and why it left files out (the
    same limits and wording as the App's `worker.github.fetch`)."""

    identities: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    def leave_out(self, path: str, size: int, max_bytes: int, max_files: int) -> None:
        """Record why `path` (`size` bytes) is not read."""
        if size > max_bytes:
            self.skipped[path] = f"{size} bytes, over the {max_bytes}-byte limit"
        else:
            self.skipped[path] = f"over the {max_files}-file limit"


#: Largest file whose content a left-out file's identity is hashed from; a larger one (a
#: mis-named data file) is told apart by its size alone.
_MAX_DIGEST_BYTES = 64 * 1024 * 1024


def _digest(path: Path, size: int) -> str:
    if size > _MAX_DIGEST_BYTES:
        return f"size:{size}"
    hasher = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(chunk)
    return hasher.hexdigest()


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
    listing: Listing | None = None,
) -> dict[str, bytes]:
    """Dependency files of `repo` at `ref` (`git ls-tree` + `git cat-file`), bounded; what
    was left out (and every file's blob id) goes to `listing`."""
    listing = listing if listing is not None else Listing()
    sha = resolve_ref(repo, ref)
    entries = _git(repo, "ls-tree", "-r", "-l", "-z", sha).split(b"\0")
    files: dict[str, bytes] = {}
    for entry in entries:
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        parts = meta.split()
        path = raw_path.decode("utf-8", errors="surrogateescape")
        if len(parts) < 4 or parts[1] != b"blob" or not wanted(path):
            continue
        size = int(parts[3]) if parts[3].isdigit() else 0
        listing.identities[path] = parts[2].decode()
        if size > max_bytes or len(files) >= max_files:
            listing.leave_out(path, size, max_bytes, max_files)
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
    listing: Listing | None = None,
) -> dict[str, bytes]:
    """Dependency files under a plain directory (skips .git, node_modules, virtualenvs);
    what was left out (and every file's SHA-256) goes to `listing`."""
    listing = listing if listing is not None else Listing()
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
            size = full.stat().st_size
            if size > max_bytes or len(files) >= max_files:
                listing.identities[rel] = _digest(full, size)
                listing.leave_out(rel, size, max_bytes, max_files)
                continue
            files[rel] = full.read_bytes()
            listing.identities[rel] = hashlib.sha256(files[rel]).hexdigest()
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
