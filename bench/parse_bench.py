"""Parse + diff benchmark: a synthetic 30-file, ~5,000-line snapshot at 1x/10x/100x.

Each run builds the base snapshot, the head snapshot and their diff, from bytes in memory,
with the PEP 508 parse cache and the per-file parse cache cleared first (base and head of
one run share them, as they do in one review). Three figures per scale:

- ``base``: the base snapshot alone, caches cold (pure parsing cost);
- ``all changed``: base + head + diff where every one of the 30 files changed at head
  (about 5% of versions bumped in each) -- the worst case, the headline figure;
- ``3 changed``: base + head + diff where only 3 files changed (a typical PR: the other
  27 are reused from the per-file cache).

Time is the median of several runs; peak memory (tracemalloc, separate run) is for the
``all changed`` case. Scale multiplies the lines of every file (the number of files stays 30).

    uv run --frozen python bench/parse_bench.py [--scales 1,10,100] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import tracemalloc
from collections.abc import Callable
from functools import partial

from rules.manifests.diff import diff
from rules.manifests.model import FileKind
from rules.manifests.registry import parser_for
from rules.manifests.requirements import parse_pep508
from rules.manifests.snapshot import PARSE_CACHE, build_snapshot

Files = dict[str, bytes]


def _version(i: int, bump: bool) -> str:
    return f"{1 + i % 5}.{(i * 7) % 20 + (1 if bump else 0)}.{i % 9}"


def _bumped(i: int, head: bool) -> bool:
    return head and i % 20 == 0


def requirements(n: int, seed: int, head: bool) -> str:
    lines = [
        "# CUDA: 12.1",
        "# Python 3.11",
        "--extra-index-url https://download.pytorch.org/whl/cu121",
    ]
    i = 0
    while len(lines) < n:
        v = _version(seed + i, _bumped(i, head))
        kind = i % 6
        if kind == 0:
            lines += [
                f"pkg-{seed}-{i}=={v} \\",
                f"    --hash=sha256:{'a' * 64} \\",
                f"    --hash=sha256:{'b' * 64}",
            ]
        elif kind == 1:
            lines.append(f'pkg-{seed}-{i}[extra]>={v},<99 ; python_version >= "3.10"')
        elif kind == 2:
            lines.append(f"# pinned for reasons {i}")
        elif kind == 3:
            lines.append(f"torch-ext-{seed}-{i}=={v}+cu121")
        else:
            lines.append(f"pkg-{seed}-{i}=={v}")
        i += 1
    return "\n".join(lines[:n]) + "\n"


def pyproject(n: int, seed: int, head: bool) -> str:
    count = max(1, (n - 20) // 3)
    deps = [f'    "dep-{seed}-{i}>={_version(i, _bumped(i, head))}",' for i in range(count)]
    dev = [f'    "dev-{seed}-{i}=={_version(i, _bumped(i, head))}",' for i in range(count)]
    poetry = [f'poe-{seed}-{i} = "^{_version(i, _bumped(i, head))}"' for i in range(count)]
    return (
        "\n".join(
            [
                "[build-system]",
                'requires = ["hatchling>=1.25"]',
                "",
                "[project]",
                f'name = "proj-{seed}"',
                'requires-python = ">=3.10"',
                "dependencies = [",
                *deps,
                "]",
                "",
                "[dependency-groups]",
                "dev = [",
                *dev,
                "]",
                "",
                "[tool.poetry.dependencies]",
                'python = "^3.10"',
                *poetry,
                "",
                "[[tool.uv.index]]",
                'name = "pytorch"',
                'url = "https://download.pytorch.org/whl/cu121"',
                "explicit = true",
            ]
        )
        + "\n"
    )


def environment(n: int, seed: int, head: bool) -> str:
    conda = [f"  - cpkg-{seed}-{i}={_version(i, _bumped(i, head))}" for i in range((n - 12) // 2)]
    pip = [
        f"    - ppkg-{seed}-{i}=={_version(i, _bumped(i, head))}"
        for i in range(n - 12 - len(conda))
    ]
    return (
        "\n".join(
            [
                f"name: env-{seed}",
                "channels:",
                "  - pytorch",
                "  - nvidia",
                "  - conda-forge",
                "dependencies:",
                "  - python=3.11",
                "  - pytorch=2.1.0=py3.11_cuda12.1*",
                "  - pytorch-cuda=12.1",
                *conda,
                "  - pip",
                "  - pip:",
                "    - --extra-index-url https://download.pytorch.org/whl/cu121",
                *pip,
            ]
        )
        + "\n"
    )


def dockerfile(n: int, seed: int, head: bool) -> str:
    cuda = "12.4.1" if head and seed == 0 else "12.1.0"
    runs = [
        f"RUN pip install --no-cache-dir dpkg-{seed}-{i}=={_version(i, _bumped(i, head))}"
        for i in range(n - 4)
    ]
    return (
        "\n".join(
            [
                f"ARG CUDA={cuda}",
                "FROM nvidia/cuda:${CUDA}-cudnn8-runtime-ubuntu22.04 AS base",
                'ENV TORCH_CUDA_ARCH_LIST="8.0;9.0"',
                *runs,
                "CMD python",
            ]
        )
        + "\n"
    )


def poetry_lock(n: int, seed: int, head: bool) -> str:
    blocks = []
    for i in range(max(1, n // 10)):
        blocks.append(
            "\n".join(
                [
                    "[[package]]",
                    f'name = "lpkg-{seed}-{i}"',
                    f'version = "{_version(i, _bumped(i, head))}"',
                    'description = ""',
                    "optional = false",
                    'python-versions = ">=3.8"',
                    f'files = [{{file = "lpkg-{i}.whl", hash = "sha256:{"c" * 64}"}}]',
                    "",
                ]
            )
        )
    blocks.append(
        '[metadata]\nlock-version = "2.0"\npython-versions = "^3.10"\ncontent-hash = "abc"\n'
    )
    return "\n".join(blocks)


def uv_lock(n: int, seed: int, head: bool) -> str:
    blocks = ['version = 1\nrequires-python = ">=3.10"\n']
    for i in range(max(1, n // 6)):
        blocks.append(
            "\n".join(
                [
                    "[[package]]",
                    f'name = "upkg-{seed}-{i}"',
                    f'version = "{_version(i, _bumped(i, head))}"',
                    'source = { registry = "https://pypi.org/simple" }',
                    f'wheels = [{{ url = "https://files.example/upkg-{i}.whl", '
                    f'hash = "sha256:{"d" * 64}", size = 1 }}]',
                    "",
                ]
            )
        )
    return "\n".join(blocks)


def _available(kind: FileKind) -> bool:
    try:
        parser_for(kind)
    except (ImportError, AttributeError):
        return False
    return True


def make_files(scale: int, head: bool) -> Files:
    """30 files, about 5,000 lines at scale 1."""
    files: dict[str, str] = {}
    for i in range(12):
        name = f"services/s{i}/requirements.txt" if i else "requirements.txt"
        files[name] = requirements(200 * scale, i, head)
    for i in range(4):
        files[f"libs/l{i}/pyproject.toml"] = pyproject(150 * scale, i, head)
        files[f"envs/env{i}.yml"] = environment(100 * scale, i, head)
    docker = _available(FileKind.DOCKERFILE)
    for i in range(4):
        if docker:
            files[f"docker/d{i}/Dockerfile"] = dockerfile(30 * scale, i, head)
        else:
            files[f"services/d{i}/requirements-extra.txt"] = requirements(30 * scale, 100 + i, head)
    locks = _available(FileKind.POETRY_LOCK) and _available(FileKind.UV_LOCK)
    for i in range(3):
        if locks:
            files[f"apps/p{i}/poetry.lock"] = poetry_lock(250 * scale, i, head)
            files[f"apps/u{i}/uv.lock"] = uv_lock(250 * scale, i, head)
        else:
            files[f"apps/p{i}/requirements.txt"] = requirements(250 * scale, 200 + i, head)
            files[f"apps/u{i}/requirements.txt"] = requirements(250 * scale, 300 + i, head)
    return {path: text.encode() for path, text in files.items()}


def _clear() -> None:
    parse_pep508.cache_clear()
    PARSE_CACHE.clear()


def run_once(base: Files, head: Files) -> int:
    _clear()
    changes = diff(build_snapshot(base), build_snapshot(head)).changes
    return len(changes)


def base_only(base: Files) -> int:
    _clear()
    return len(build_snapshot(base).files)


def typical_head(base: Files, head: Files, changed: int = 3) -> Files:
    """Head where only the first `changed` files (in path order) differ from base."""
    moved = set(sorted(base)[:changed])
    return {path: head[path] if path in moved else data for path, data in base.items()}


def timed(fn: Callable[[], int], runs: int) -> tuple[float, int]:
    durations = []
    result = 0
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations), result


def peak_memory(fn: Callable[[], int]) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    """Print time and memory per scale, and how they grow."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = []
    for scale in (int(s) for s in args.scales.split(",")):
        base, head = make_files(scale, False), make_files(scale, True)
        typical = typical_head(base, head)
        lines = sum(text.count(b"\n") for text in base.values())
        runs = max(1, args.runs if scale < 100 else min(args.runs, 3))
        cold, _ = timed(partial(base_only, base), runs)
        seconds, changes = timed(partial(run_once, base, head), runs)
        pr, _ = timed(partial(run_once, base, typical), runs)
        memory = peak_memory(partial(run_once, base, head))
        rows.append((scale, len(base), lines, cold, seconds, pr, memory, changes, runs))
    print(
        f"{'scale':>5} {'files':>5} {'lines':>8} {'base ms':>9} {'all changed ms':>14} "
        f"{'3 changed ms':>12} {'peak MiB':>9} {'changes':>7} {'runs':>4} {'us/line':>7}"
    )
    for scale, files, lines, cold, seconds, pr, memory, changes, runs in rows:
        print(
            f"{scale:>5} {files:>5} {lines:>8} {cold * 1000:>9.1f} {seconds * 1000:>14.1f} "
            f"{pr * 1000:>12.1f} {memory / 2**20:>9.1f} {changes:>7} {runs:>4} "
            f"{seconds * 1e6 / lines:>7.1f}"
        )
    first = rows[0]
    for scale, _, lines, cold, seconds, pr, memory, _, _ in rows[1:]:
        print(
            f"{scale}x vs {first[0]}x: lines x{lines / first[2]:.1f}, base x{cold / first[3]:.1f}, "
            f"all changed x{seconds / first[4]:.1f}, 3 changed x{pr / first[5]:.1f}, "
            f"memory x{memory / first[6]:.1f}"
        )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
