"""Record the ``nvidia-*`` Requires-Dist lines of torch's and jax's releases from the package index.

Usage: python scripts/nvidia_requires_from_index.py [--index-url URL]
       [--out rules/kb/data/nvidia_requires.json]

The index URL comes from --index-url, else UV_INDEX_URL, else PIP_INDEX_URL (a PEP 691 JSON
simple API, ``https://<host>/simple``). For every final release of torch from 1.13.0 on and of
jax from 0.4.0 on, the METADATA of one wheel is read (torch: a manylinux x86_64 wheel; jax: its
one py3-none-any wheel), through the PEP 658 ``.metadata`` file, else HTTP Range reads of the
wheel; a release with no wheel (jax before 0.4.16 shipped an sdist only) is read from its sdist's
``<name>.egg-info/requires.txt`` (``[cuda11_pip]`` sections written back as
``; extra == "cuda11_pip"`` markers). The ``Requires-Dist`` lines naming an ``nvidia-*``
project are kept as written (markers and ``extra == "cuda11_pip"`` kept). torch's other
Requires-Dist lines and jax's
non-nvidia extras are left out. The output is rules/kb/data/nvidia_requires.json, read by
rules/kb/nvidia_requires.py; review its diff.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
import tarfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from email.parser import HeaderParser

from kb_from_index import _get, _metadata, _representative, files_by_version
from packaging.requirements import InvalidRequirement, Requirement
from packaging.version import Version

#: The packages read and the first release kept (torch 1.13: the first with nvidia-* wheels).
PACKAGES = {"torch": Version("1.13.0"), "jax": Version("0.4.0")}


def nvidia_lines(metadata: str) -> list[str]:
    """The ``Requires-Dist`` lines of a METADATA text that name an ``nvidia-*`` project."""
    out = []
    for line in HeaderParser().parsestr(metadata).get_all("Requires-Dist") or []:
        try:
            name = Requirement(line).name.lower()
        except InvalidRequirement:
            continue
        if name.startswith("nvidia-"):
            out.append(" ".join(line.split()))
    return out


#: The largest sdist downloaded whole (jax's are about 1.3 MB).
_SDIST_MAX = 30_000_000


def requires_txt_lines(text: str) -> list[str]:
    """setuptools' ``requires.txt`` as Requires-Dist lines naming ``nvidia-*`` projects."""
    out = []
    extra, marker = "", ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            extra, _, marker = line[1:-1].partition(":")
            continue
        if not line.lower().startswith("nvidia-"):
            continue
        parts = [f"({marker})"] if marker else []
        if extra:
            parts.append(f'extra == "{extra}"')
        out.append(f"{line}; {' and '.join(parts)}" if parts else line)
    return out


def sdist_lines(file: dict[str, Any]) -> list[str]:
    """The nvidia-* requirements an sdist's top-level egg-info/requires.txt states."""
    if int(file.get("size") or 0) > _SDIST_MAX:
        raise RuntimeError(f"{file['filename']}: sdist too large to read")
    with tarfile.open(fileobj=io.BytesIO(_get(file["url"])), mode="r:gz") as archive:
        names = [
            n
            for n in archive.getnames()
            if n.endswith(".egg-info/requires.txt") and n.count("/") == 2
        ]
        if not names:
            return []
        member = archive.extractfile(sorted(names)[0])
        assert member is not None
        return requires_txt_lines(member.read().decode("utf-8", "replace"))


def read(index_url: str, package: str, since: Version) -> dict[str, Any]:
    by_version = files_by_version(index_url, package, since)
    releases: dict[str, Any] = {}
    for version in sorted(by_version, key=Version):
        wheel = _representative(by_version[version])
        if wheel is None:
            sdists = [f for f in by_version[version] if f["filename"].endswith(".tar.gz")]
            if not sdists or sdists[0].get("yanked"):
                continue
            lines = sdist_lines(sdists[0])
            how = "sdist egg-info/requires.txt"
            releases[version] = {"file": sdists[0]["filename"], "read": how, "lines": lines}
        else:
            text, how = _metadata(wheel)
            lines = nvidia_lines(text)
            releases[version] = {"file": wheel["filename"], "read": how, "lines": lines}
        print(f"{package} {version}: {len(lines)} nvidia-* lines", file=sys.stderr)
    return releases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-url")
    parser.add_argument("--out", default="rules/kb/data/nvidia_requires.json")
    args = parser.parse_args()
    index_url = args.index_url or os.environ.get("UV_INDEX_URL") or os.environ.get("PIP_INDEX_URL")
    if not index_url:
        parser.error("give --index-url or set UV_INDEX_URL / PIP_INDEX_URL")
    today = dt.datetime.now(dt.UTC).date().isoformat()
    data = {
        "_provenance": (
            "package index (PEP 691 simple API): Requires-Dist lines naming nvidia-* projects from "
            "the METADATA of one wheel per release (torch: manylinux x86_64) or, for a release "
            f"without wheels, its sdist's egg-info/requires.txt; read {today} by "
            "scripts/nvidia_requires_from_index.py"
        ),
        "packages": {name: read(index_url, name, since) for name, since in PACKAGES.items()},
    }
    Path(args.out).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
