"""Record the install requirements (Requires-Dist) of many more projects than requires_dist.json.

Usage: python scripts/requires_top_from_index.py --names FILE [--top N] [--since 2019-01-01]
       [--newest 40] [--workers 12] [--merge] [--describe TEXT] [--index-url URL]
       [--out rules/kb/data/requires_dist_top.zip]

The same reading as scripts/requires_from_index.py (one wheel METADATA per final release: its
Requires-Python and the Requires-Dist lines no extra guards) for the newest --newest final
releases first uploaded on or after --since (releases with no wheel are left out), of the first
N projects of --names (one name a line, most relevant first; tab-separated extra columns and
``#`` comments ignored), less those requires_dist.json already holds (read there with their
own dates) and those the KB models on its own (`rules.kb.requires_dist.MODELLED_ELSEWHERE`:
torch's family, nvidia-*, jax, TensorFlow). Projects are read in parallel (--workers), each
project's releases one after another; every 100 projects the archive is written, so a run cut
short keeps what it read, and --merge goes on from there (projects already read are skipped).

requires_dist.json answers for the projects whose pins clash with each other's in the
repositories the corpus was built from; this file answers for other projects a repository
names, so that a pin or a range is judged against the metadata pip will read (httpcore
1.0.7's ``h11<0.15``: Azure-Samples/openai-chat-vision-quickstart's Dependabot h11 0.16.0).

The output is a zip archive (read by rules/kb/requires_dist.py one member at a time): one
member ``<normalized name>.json`` per project (its rows, as in requires_dist.json) and
``_provenance.json`` (--describe says what the names list is). A project whose listing cannot
be read is named in the provenance's ``failed`` and left out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from packaging.utils import canonicalize_name

from rules.kb.requires_dist import MODELLED_ELSEWHERE
from scripts.release_lists_from_index import read_names as names_in_file
from scripts.requires_from_index import read

_DATA = Path(__file__).resolve().parent.parent / "rules" / "kb" / "data"
OUT = _DATA / "requires_dist_top.zip"
PROVENANCE = "_provenance.json"
#: A fixed member date, so that a rerun that reads the same rows writes the same bytes.
_DATE = (2026, 1, 1, 0, 0, 0)


def read_names(path: Path) -> list[str]:
    """The normalized project names of a names file (`release_lists_from_index.read_names`),
    each once, in order."""
    return list(dict.fromkeys(str(canonicalize_name(n)) for n in names_in_file(path)))


def _read_one(
    index_url: str, name: str, since: dt.date, newest: int
) -> tuple[str, list[dict[str, Any]] | None]:
    try:
        return name, read(index_url, name, since, newest=newest, sdists=False)
    except Exception as exc:  # one project's failure must not lose the others
        print(f"FAILED {name}: {exc}", file=sys.stderr)
        return name, None


def write_archive(out: Path, provenance: dict[str, Any], packages: dict[str, Any]) -> None:
    """The zip archive: one deflated member per project, in name order, and the provenance."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in [PROVENANCE, *sorted(packages)]:
            body = provenance if name == PROVENANCE else packages[name]
            info = zipfile.ZipInfo(name if name == PROVENANCE else f"{name}.json", _DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            text = json.dumps(body, separators=(",", ":"), sort_keys=True)
            zf.writestr(info, text.encode("utf-8"))
    out.write_bytes(buffer.getvalue())


def read_archive(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(provenance, packages) of an archive written by `write_archive`."""
    with zipfile.ZipFile(path) as zf:
        provenance = json.loads(zf.read(PROVENANCE))
        packages = {
            n.removesuffix(".json"): json.loads(zf.read(n))
            for n in zf.namelist()
            if n != PROVENANCE
        }
    return provenance, packages


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
    parser.add_argument("--top", type=int, default=3000)
    parser.add_argument("--since", default="2019-01-01", type=dt.date.fromisoformat)
    parser.add_argument("--newest", type=int, default=40, help="releases per project, at most")
    parser.add_argument("--workers", type=int, default=12)
    parser.add_argument("--merge", action="store_true", help="keep the projects already read")
    parser.add_argument("--out", default=str(OUT), type=Path)
    args = parser.parse_args(argv)
    if not args.index_url:
        parser.error("--index-url (or UV_INDEX_URL / PIP_INDEX_URL) is required")
    curated = json.loads((_DATA / "requires_dist.json").read_text(encoding="utf-8"))["packages"]
    covered = {str(canonicalize_name(n)) for n in curated}
    packages: dict[str, Any] = {}
    if args.merge and args.out.exists():
        packages = read_archive(args.out)[1]
    wanted = [
        n
        for n in read_names(args.names)[: args.top]
        if n not in covered and n not in packages and not MODELLED_ELSEWHERE.match(n)
    ]
    packages = {n: rows for n, rows in packages.items() if not MODELLED_ELSEWHERE.match(n)}
    failed: list[str] = []

    def provenance() -> dict[str, Any]:
        return {
            "script": "scripts/requires_top_from_index.py",
            "snapshot_date": dt.date.today().isoformat(),
            "since": args.since.isoformat(),
            "newest": args.newest,
            "projects": (
                f"the first {args.top} names of {args.describe}, less those requires_dist.json "
                "holds and those MODELLED_ELSEWHERE matches: the ones read so far are the members"
            ),
            "failed": sorted(failed),
            "method": (
                "As scripts/requires_from_index.py, for the newest `newest` final releases first "
                "uploaded on or after `since`: one wheel's METADATA (manylinux x86_64, else any "
                "Linux, else pure Python; the PEP 658 metadata file, else the wheel read by "
                "HTTP Range); releases with no wheel are left out. Kept: Requires-Python and "
                "the Requires-Dist lines no extra guards, as written; consecutive releases "
                "with the same lines share a row."
            ),
        }

    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        futures = [
            pool.submit(_read_one, args.index_url, n, args.since, args.newest) for n in wanted
        ]
        for done, future in enumerate(as_completed(futures), start=1):
            name, rows = future.result()
            if rows is None:
                failed.append(name)
            else:
                packages[name] = rows
            if done % 100 == 0:  # a checkpoint: a run cut short keeps what it read
                write_archive(args.out, provenance(), packages)
    write_archive(args.out, provenance(), packages)
    print(f"{len(packages)} projects, {len(failed)} failed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
