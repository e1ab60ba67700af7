"""Record the name of every project the package index has, for project-not-on-pypi.

Usage: python scripts/project_names_from_index.py --index-url URL [--out-dir rules/kb/data]

The index URL comes from --index-url, else UV_INDEX_URL, else PIP_INDEX_URL (a simple API,
``https://<host>/simple``). One request reads the index's root page: its PEP 691 JSON
(``projects[].name``) when the index answers with JSON, else the PEP 503 HTML page (one anchor
per project; the ``href`` is the normalized name). Every name is normalized (PEP 503:
lowercase, runs of ``-``, ``_`` and ``.`` become ``-``), and the sorted names, one a line, are
written xz-compressed to ``pypi_names.txt.xz``; ``pypi_names.json`` records the date, the
count and how they were read. A name the index lacks makes pip stop with "No matching
distribution found" (a typo such as ``jeiba`` for jieba: EleutherAI/lm-evaluation-harness's
longbench extra).

Review the count in the JSON against the last run's before committing (a partial page would
shrink it): rules/kb/project_names.py reads both files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import lzma
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kb_from_index import _ACCEPT, _get
from packaging.utils import canonicalize_name

_DATA = Path(__file__).resolve().parent.parent / "rules/kb/data"
#: A project anchor of a PEP 503 root page: ``<a href="name/">Name</a>``.
_ANCHOR = re.compile(r'<a\s+href="([^"]+)"[^>]*>([^<]*)</a>')
#: The fewest names a real root page has (a cut-off page must not become the KB).
_FEWEST = 100_000


def names_of(page: bytes) -> list[str]:
    """The normalized project names of a root page (JSON or HTML), sorted and unique."""
    text = page.decode("utf-8")
    if text.lstrip().startswith("{"):
        raw = [str(p["name"]) for p in json.loads(text).get("projects", [])]
    else:
        raw = [name for _, name in _ANCHOR.findall(text)]
    return sorted({str(canonicalize_name(name.strip())) for name in raw if name.strip()})


def pack(blob: bytes) -> bytes:
    """xz with a 4 MiB dictionary: the reader then needs 8 MiB less than with preset 9's 64 MiB
    (the file is 12 KB larger)."""
    filters = [{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME, "dict_size": 4 << 20}]
    return lzma.compress(blob, format=lzma.FORMAT_XZ, filters=filters)


def main(argv: list[str] | None = None) -> int:
    """Read the index's root page and write the two files; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-url", default=None)
    parser.add_argument("--out-dir", type=Path, default=_DATA)
    parser.add_argument("--fewest", type=int, default=_FEWEST)
    args = parser.parse_args(argv)
    index = args.index_url or os.environ.get("UV_INDEX_URL") or os.environ.get("PIP_INDEX_URL")
    if not index:
        parser.error("give --index-url (or set UV_INDEX_URL / PIP_INDEX_URL)")
    names = names_of(_get(index.rstrip("/") + "/", accept=_ACCEPT))
    if len(names) < args.fewest:
        print(f"only {len(names)} names read: not written", file=sys.stderr)
        return 1
    blob = "\n".join(names).encode("ascii", errors="strict")
    (args.out_dir / "pypi_names.txt.xz").write_bytes(pack(blob))
    head = {
        "_provenance": (
            "Project names read by scripts/project_names_from_index.py from the package "
            "index's root page (PEP 691 JSON or PEP 503 HTML, one request), normalized "
            "(PEP 503) and sorted, one a line, in pypi_names.txt.xz."
        ),
        "read_on": dt.date.today().isoformat(),
        "count": len(names),
    }
    (args.out_dir / "pypi_names.json").write_text(json.dumps(head, indent=1) + "\n")
    print(f"{len(names)} names written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
