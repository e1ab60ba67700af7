"""Record which jax extras require a local-version jaxlib (``jaxlib==0.4.25+cuda12.cudnn89``).

Usage: python scripts/jax_local_jaxlib_from_index.py --index-url URL
       [--out rules/kb/data/jax_local_jaxlib.json]

jax's CUDA extras of the 0.4 line (``cuda11_pip``, ``cuda12_pip``, ``cuda12_local``,
``cuda11_cudnn86``…) require a jaxlib with a local version label that only jax's own
find-links page serves (``-f https://storage.googleapis.com/jax-releases/jax_cuda_releases.html``);
PyPI has the plain jaxlib only, so without that page pip stops with "Could not find a version
that satisfies the requirement jaxlib==0.4.25+cuda12.cudnn89" (xai-org/grok-1#106). For every
final jax release from 0.4.0 on, the METADATA of its wheel (PEP 658 file, else HTTP Range reads)
or, for a release without a wheel, its sdist's ``jax.egg-info/requires.txt`` is read, and every
``jaxlib`` requirement whose version carries a ``+`` label is kept with its extra. The output is
rules/kb/data/jax_local_jaxlib.json, read by rules/kb/jax_local.py; review its diff.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
import tarfile
from email.parser import HeaderParser
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb_from_index import _get, _metadata, files_by_version
from packaging.requirements import InvalidRequirement, Requirement
from packaging.version import Version

_FIRST = Version("0.4.0")
_SDIST_MAX = 30_000_000


def local_jaxlib(line: str) -> tuple[str, str] | None:
    """(extra, ``jaxlib==0.4.25+cuda12.cudnn89``) of a Requires-Dist line naming a local-version
    jaxlib under an extra; None for any other line."""
    try:
        req = Requirement(line)
    except InvalidRequirement:
        return None
    if req.name != "jaxlib" or req.marker is None or "+" not in str(req.specifier):
        return None
    marker = str(req.marker)
    if not marker.startswith("extra =="):
        return None
    extra = marker.split("==", 1)[1].strip().strip("'\"")
    return extra, f"jaxlib{req.specifier}"


def requires_txt(text: str) -> list[str]:
    """setuptools' requires.txt as Requires-Dist lines (``[extra]`` sections as markers)."""
    out, extra = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            extra = line[1:-1].partition(":")[0]
            continue
        out.append(f"{line}; extra == '{extra}'" if extra else line)
    return out


def _sdist_lines(file: dict[str, Any]) -> list[str]:
    if int(file.get("size") or 0) > _SDIST_MAX:
        raise RuntimeError(f"{file['filename']}: sdist too large to read")
    with tarfile.open(fileobj=io.BytesIO(_get(file["url"])), mode="r:gz") as archive:
        names = sorted(
            n
            for n in archive.getnames()
            if n.endswith(".egg-info/requires.txt") and n.count("/") == 2
        )
        if not names:
            return []
        member = archive.extractfile(names[0])
        assert member is not None
        return requires_txt(member.read().decode("utf-8", "replace"))


def read(index_url: str) -> dict[str, Any]:
    releases: dict[str, Any] = {}
    for version, files in sorted(
        files_by_version(index_url, "jax", _FIRST).items(), key=lambda i: Version(i[0])
    ):
        wheels = [f for f in files if f["filename"].endswith(".whl") and not f.get("yanked")]
        if wheels:
            text, how = _metadata(wheels[0])
            lines = HeaderParser().parsestr(text).get_all("Requires-Dist") or []
            file = wheels[0]["filename"]
        else:
            sdists = [f for f in files if f["filename"].endswith(".tar.gz") and not f.get("yanked")]
            if not sdists:
                continue
            lines, how, file = (
                _sdist_lines(sdists[0]),
                "sdist egg-info/requires.txt",
                sdists[0]["filename"],
            )
        extras = dict(found for line in lines if (found := local_jaxlib(" ".join(line.split()))))
        releases[version] = {"file": file, "read": how, "extras": dict(sorted(extras.items()))}
        print(f"jax {version}: {len(extras)} extras with a local jaxlib", file=sys.stderr)
    return releases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-url")
    parser.add_argument("--out", default="rules/kb/data/jax_local_jaxlib.json")
    args = parser.parse_args(argv)
    index_url = args.index_url or os.environ.get("UV_INDEX_URL") or os.environ.get("PIP_INDEX_URL")
    if not index_url:
        parser.error("give --index-url or set UV_INDEX_URL / PIP_INDEX_URL")
    today = dt.datetime.now(dt.UTC).date().isoformat()
    data = {
        "_provenance": (
            "package index (PEP 691 simple API): the jaxlib requirements with a local version "
            "label, per extra, from the METADATA of each jax release's wheel or, for a release "
            f"without wheels, its sdist's egg-info/requires.txt; read {today} by "
            "scripts/jax_local_jaxlib_from_index.py"
        ),
        "releases": read(index_url),
    }
    Path(args.out).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
