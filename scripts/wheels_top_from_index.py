"""Record per-release wheel availability of many more projects than wheels.json, for the rules.

Usage: python scripts/wheels_top_from_index.py --names FILE [--top N] [--since 2019-01-01]
       [--workers 16] [--merge] [--describe TEXT] [--index-url URL]
       [--out rules/kb/data/wheels_top.zip]

The same reading as scripts/wheels_from_index.py (one JSON listing per project: the Linux
x86_64 wheel tags, the sdist, the Requires-Python and the yanked state of every final release
first uploaded on or after --since, and every pre-release) and the same compact rows as
rules/kb/data/wheels.json (`rules.kb.build_wheels.compact_entry`), for the first N projects of
--names (one name a line, most relevant first; tab-separated extra columns and ``#`` comments
ignored), less those wheels.json, tensorflow_wheels.json and nvidia_wheels.json hold and those
the KB models on its own (`rules.kb.requires_dist.MODELLED_ELSEWHERE`). Projects are read in
parallel (--workers); every 200 projects the archive is written, so a run cut short keeps what
it read, and --merge goes on from there (projects already read are skipped).

wheels.json answers for the ML packages the rules were written around; this file answers for
the other projects a repository names, so that an exact pin or a range's pick is judged
against the wheels pip finds (lingua-language-detector 2.0.2: cp38 to cp312 wheels and no
sdist, so a Python 3.13 job cannot install it: Helsinki-NLP/OpusFilter ed70fb2, fixed in
39955fc).

The output is a zip archive read by rules/kb/wheels.py one member at a time: one member
``<normalized name>.json`` per project (its wheels.json entry) and ``_provenance.json``. A
project whose listing cannot be read is named in the provenance's ``failed`` and left out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from rules.kb.build_wheels import ROW_FIELDS, compact_entry
from rules.kb.requires_dist import MODELLED_ELSEWHERE
from scripts.requires_top_from_index import read_archive, read_names, write_archive
from scripts.wheels_from_index import read_package

_DATA = Path(__file__).resolve().parent.parent / "rules" / "kb" / "data"
OUT = _DATA / "wheels_top.zip"
#: The data files whose projects this one leaves out (they hold them in more detail).
_HELD_ELSEWHERE = ("wheels.json", "tensorflow_wheels.json", "nvidia_wheels.json")


def _held() -> set[str]:
    held: set[str] = set()
    for name in _HELD_ELSEWHERE:
        held |= set(json.loads((_DATA / name).read_text(encoding="utf-8"))["packages"])
    return held


def _read_one(index_url: str, name: str, since: str) -> tuple[str, dict[str, Any] | None]:
    try:
        entry = read_package(index_url, name, since, None, {})
        return name, compact_entry(name, entry)[0]
    except Exception as exc:  # one project's failure must not lose the others
        print(f"FAILED {name}: {exc}", file=sys.stderr)
        return name, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument(
        "--index-url", default=os.environ.get("UV_INDEX_URL") or os.environ.get("PIP_INDEX_URL")
    )
    parser.add_argument("--names", type=Path, required=True)
    parser.add_argument(
        "--describe",
        default="the most downloaded PyPI projects (a 2026 download ranking)",
        help="what the --names list is, for the provenance",
    )
    parser.add_argument("--top", type=int, default=15000)
    parser.add_argument("--since", default="2019-01-01", type=dt.date.fromisoformat)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--merge", action="store_true", help="keep the projects already read")
    parser.add_argument("--out", default=str(OUT), type=Path)
    args = parser.parse_args(argv)
    if not args.index_url:
        parser.error("--index-url (or UV_INDEX_URL / PIP_INDEX_URL) is required")
    held = _held()
    packages: dict[str, Any] = {}
    if args.merge and args.out.exists():
        packages = read_archive(args.out)[1]
    wanted = [
        n
        for n in read_names(args.names)[: args.top]
        if n not in held and n not in packages and not MODELLED_ELSEWHERE.match(n)
    ]
    failed: list[str] = []

    def provenance() -> dict[str, Any]:
        return {
            "script": "scripts/wheels_top_from_index.py",
            "snapshot_date": dt.date.today().isoformat(),
            "since": args.since.isoformat(),
            "projects": (
                f"the first {args.top} names of {args.describe}, less those "
                f"{', '.join(_HELD_ELSEWHERE)} hold and those MODELLED_ELSEWHERE matches: the "
                "ones read so far are the members"
            ),
            "failed": sorted(failed),
            "row_fields": list(ROW_FIELDS),
            "method": (
                "As scripts/wheels_from_index.py: the package index's JSON listing of each "
                "project (PEP 691); per final release first uploaded on or after `since`, the "
                "CPython minors of its Linux x86_64 wheels (manylinux/linux or any platform, "
                "musllinux left out; of all its wheels when every file is yanked), the open "
                "floor of abi3 and py3-none wheels, the Requires-Python most of its files "
                "state, whether an sdist exists and whether every file is yanked; every "
                "pre-release and dev release of the listing, any date."
            ),
        }

    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        since = args.since.isoformat()
        futures = [pool.submit(_read_one, args.index_url, n, since) for n in wanted]
        for done, future in enumerate(as_completed(futures), start=1):
            name, entry = future.result()
            if entry is None:
                failed.append(name)
            else:
                packages[name] = entry
            if done % 200 == 0:  # a checkpoint: a run cut short keeps what it read
                write_archive(args.out, provenance(), packages)
                print(f"{done}/{len(wanted)}", file=sys.stderr)
    write_archive(args.out, provenance(), packages)
    print(f"{len(packages)} projects, {len(failed)} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
