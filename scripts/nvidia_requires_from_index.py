"""Record the ``nvidia-*`` Requires-Dist lines of torch's, jax's and jax's CUDA plugins' releases.

Usage: python scripts/nvidia_requires_from_index.py [--index-url URL]
       [--out rules/kb/data/nvidia_requires.json]

The index URL comes from --index-url, else UV_INDEX_URL, else PIP_INDEX_URL (a PEP 691 JSON
simple API, ``https://<host>/simple``). For every final release of torch from 1.13.0 on, of
jax from 0.4.0 on and of jax's CUDA plugins (``jax-cuda12-plugin``, ``jax-cuda12-pjrt`` and
their cuda13 counterparts: ``jax[cuda12]`` from 0.4.30 on brings its NVIDIA wheels through
``jax-cuda12-plugin[with-cuda]``), the METADATA of one wheel is read (a manylinux x86_64 wheel
where there is one, else the py3-none-any wheel), through the PEP 658 ``.metadata`` file,
else HTTP Range reads of the wheel; a release with no wheel (jax before 0.4.16 shipped an
sdist only) is read from its sdist's ``<name>.egg-info/requires.txt`` (``[cuda11_pip]``
sections written back as ``; extra == "cuda11_pip"`` markers). The ``Requires-Dist`` lines
naming an ``nvidia-*`` project or a jax CUDA plugin (``jax-cuda12-plugin[with-cuda]<=0.6.0,
>=0.6.0; extra == "cuda12"``, the link the reader follows) are kept as written, markers
included; every other line is left out. The output is rules/kb/data/nvidia_requires.json, read by
rules/kb/nvidia_requires.py; review its diff.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from email.parser import HeaderParser

from _sdist_requires import requires_txt_lines as sdist_requires_txt_lines
from _sdist_requires import sdist_requires
from kb_from_index import _get, _metadata, _representative, files_by_version
from packaging.requirements import InvalidRequirement, Requirement
from packaging.version import Version

#: The packages read and the first release kept (torch 1.13: the first with nvidia-* wheels;
#: each plugin from its first release).
PACKAGES = {
    "torch": Version("1.13.0"),
    "jax": Version("0.4.0"),
    "jax-cuda12-plugin": Version("0.0"),
    "jax-cuda12-pjrt": Version("0.0"),
    "jax-cuda13-plugin": Version("0.0"),
    "jax-cuda13-pjrt": Version("0.0"),
}


def kept(name: str) -> bool:
    """Whether a requirement on `name` is recorded: an ``nvidia-*`` wheel or a jax CUDA plugin."""
    name = name.lower().replace("_", "-")
    plugin = re.fullmatch(r"jax-cuda\d+-(plugin|pjrt)", name)
    return name.startswith("nvidia-") or plugin is not None


def nvidia_lines(metadata: str) -> list[str]:
    """The ``Requires-Dist`` lines of a METADATA text that name an ``nvidia-*`` project or a jax
    CUDA plugin."""
    out = []
    for line in HeaderParser().parsestr(metadata).get_all("Requires-Dist") or []:
        try:
            name = Requirement(line).name
        except InvalidRequirement:
            continue
        if kept(name):
            out.append(" ".join(line.split()))
    return out


def requires_txt_lines(text: str) -> list[str]:
    """setuptools' ``requires.txt`` as Requires-Dist lines naming ``nvidia-*`` projects."""
    return sdist_requires_txt_lines(text, kept)


def sdist_lines(file: dict[str, Any]) -> list[str]:
    """The nvidia-* requirements an sdist's top-level egg-info/requires.txt states."""
    found = sdist_requires(file, _get)
    return requires_txt_lines(found[0]) if found is not None else []


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
            "package index (PEP 691 simple API): Requires-Dist lines naming nvidia-* projects or "
            "jax CUDA plugins from the METADATA of one wheel per release (manylinux x86_64 where "
            "there is one) or, for a release "
            f"without wheels, its sdist's egg-info/requires.txt; read {today} by "
            "scripts/nvidia_requires_from_index.py"
        ),
        "packages": {name: read(index_url, name, since) for name, since in PACKAGES.items()},
    }
    Path(args.out).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
