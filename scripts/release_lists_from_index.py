"""Record the release list of each of the most downloaded projects from the package index.

Usage: python scripts/release_lists_from_index.py --names FILE [--top N] [--package NAME ...]
       [--import-names] [--merge] [--index-url URL] [--out rules/kb/data/release_lists.json]

The index URL comes from --index-url, else UV_INDEX_URL, else PIP_INDEX_URL (a PEP 691 JSON
simple API, ``https://<host>/simple``). --names is a file of project names, one a line, most
downloaded first (tab-separated extra columns and ``#`` comments are ignored); --top keeps the
first N of them; --package adds projects by name. Projects that rules/kb/data/wheels.json
records are skipped (that file has their listings, with more detail).

Only the JSON listing of each project is read (one request per project, sequentially). From
its ``files`` (name, upload time, yanked) the script keeps every version that has a file:
final and post releases in ``releases`` (ascending, yanked ones included: an ``==`` pin still
installs them), pre-releases and dev releases in ``prereleases``, and the first upload date of
the oldest release (``first_upload``), and the Requires-Python of each release as the listing
states it (``requires_python``: the releases where it changes, with the new value). Versions
that are not PEP 440 are left out. A project
the index does not have is recorded as ``{"absent": true}``. --import-names reads the names in
`IMPORT_NAMES` too: import names and standard-library modules that requirement files write as
if they were projects (``yaml`` for PyYAML: MouseLand/cellpose 767b752, Replicable-MARL/MARLlib
a296c17); one the index does not have is recorded with the project to use instead
(``{"absent": true, "use": "pyyaml"}``). --merge keeps the projects of the existing output
and replaces only those read now.

The output (rules/kb/data/release_lists.json) is read by ``rules.kb.release_lists``: one
compact line per project. Review its diff after a rerun.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import urllib.error
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb_from_index import _ACCEPT, _get
from packaging.utils import (
    canonicalize_name,
)
from packaging.version import InvalidVersion, Version
from wheels_from_index import version_of as wheel_or_sdist_version

_ROOT = Path(__file__).resolve().parent.parent
_DATA = _ROOT / "rules/kb/data"
_OUT = _DATA / "release_lists.json"
_WHEELS = _DATA / "wheels.json"
#: Names requirement files write that are import names (or standard-library modules), with the
#: project that provides them ("" for the standard library or the OS; "!where" for a name
#: published outside PyPI, such as spaCy's models).
IMPORT_NAMES = {
    "yaml": "pyyaml",
    "cv2": "opencv-python",
    "opencv": "opencv-python",
    "PIL": "pillow",
    "dateutil": "python-dateutil",
    "OpenSSL": "pyopenssl",
    "mpl_toolkits": "matplotlib",
    "pkg_resources": "setuptools",
    "git": "gitpython",
    "magic": "python-magic",
    "pptx": "python-pptx",
    "MySQLdb": "mysqlclient",
    "win32api": "pywin32",
    "tensorflow_core": "tensorflow",
    # newbeeer/Poisson_Flow 87116b9b (a pipreqs rewrite): `absl==0.0`; removed in 7887e65a
    "absl": "absl-py",
    # published outside PyPI ("!" and where): pip stops all the same
    # (vsuthichai/paraphraser #11: "No matching distribution found for en-core-web-sm==2.0.0")
    "detectron2": "!its git repository (pip install 'git+https://github.com/facebookresearch/"
    "detectron2.git') or the wheel pages its install guide names",
    **{
        model: f"!spaCy's model releases (python -m spacy download {model}, or the release "
        "wheel's URL from github.com/explosion/spacy-models)"
        for model in (
            "en_core_web_sm",
            "en_core_web_md",
            "en_core_web_lg",
            "en_core_web_trf",
            "de_core_news_sm",
            "fr_core_news_sm",
            "es_core_news_sm",
            "zh_core_web_sm",
            "xx_ent_wiki_sm",
        )
    },
    "tkinter": "",
    "sqlite3": "",
    "cPickle": "",
    "apt": "",
    # standard-library modules that hand-written requirement lists name (kyegomez/zeta b881bb5:
    # `pickle = "*"` in Poetry's dependencies, "pickle was not found in the package registry");
    # one the index does have (a squatted name or an old backport) is recorded as a project
    **dict.fromkeys(
        (
            "pickle", "os", "sys", "json", "re", "math", "random", "time", "collections",
            "itertools", "functools", "subprocess", "shutil", "glob", "csv", "copy", "datetime",
            "string", "io", "warnings", "threading", "tempfile", "heapq", "queue", "struct",
            "socket", "zipfile", "gzip", "base64", "signal", "platform", "traceback",
            "operator", "abc", "ast", "inspect", "unittest", "urllib", "http", "email",
            "xml", "html", "codecs", "errno", "select", "stat", "textwrap", "timeit",
        ),
        "",
    ),
}  # fmt: skip
#: Archive suffixes of old-style distributions (whose names packaging does not parse).
_LEGACY = re.compile(
    r"(\.tar\.gz|\.tar\.bz2|\.tar\.xz|\.tar\.Z|\.tgz|\.tbz|\.tar|\.zip|\.egg"
    r"|\.exe|\.msi|\.rpm|\.dmg|\.deb)$"
)


def read_names(path: Path) -> list[str]:
    """The project names of a names file, in order (first column; comments ignored)."""
    names: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].split("\t", 1)[0].strip()
        if name:
            names.append(name)
    return names


def _cuts(rest: str) -> list[str]:
    """`rest` and its heads that end before a ``-`` or a ``.`` not followed by a digit."""
    ends = [i for i, c in enumerate(rest) if c in "-." and not rest[i + 1 : i + 2].isdigit()]
    return [rest[:i] for i in ends] + [rest]


def version_of(filename: str, known: frozenset[str]) -> str | None:
    """The version a distribution file's name states, None when it cannot be told.

    Wheels and ``.tar.gz`` / ``.zip`` sdists are parsed; other archives (``.egg``,
    ``.tar.bz2``, ``.exe``...) are matched against `known` (the listing's version strings)."""
    if filename.endswith((".whl", ".tar.gz", ".zip")):
        parsed = wheel_or_sdist_version(filename)
        if parsed is not None:
            return parsed
    stem = _LEGACY.sub("", filename)
    if stem == filename:
        return None
    hits = [
        cut
        for start in range(len(stem))
        if stem[start] == "-"
        for cut in _cuts(stem[start + 1 :])
        if cut in known
    ]
    if hits:
        return max(hits, key=len)
    if filename.endswith(".egg") and stem.count("-") >= 1:
        return stem.split("-")[1]
    return None


def project_entry(page: dict[str, Any]) -> dict[str, Any]:
    """The record of one project's JSON listing."""
    known = frozenset(str(v) for v in page.get("versions") or [])
    first_upload: dict[Version, str] = {}
    requires: dict[Version, Counter[str]] = {}
    for file in page.get("files", []):
        raw = version_of(str(file.get("filename", "")), known)
        if raw is None:
            continue
        try:
            version = Version(raw)
        except InvalidVersion:
            continue
        when = str(file.get("upload-time") or "")[:10]
        if version not in first_upload or (when and when < first_upload[version]):
            first_upload[version] = when or first_upload.get(version, "")
        requires.setdefault(version, Counter())[str(file.get("requires-python") or "").strip()] += 1
    finals = sorted(v for v in first_upload if not (v.is_prerelease or v.is_devrelease))
    pres = sorted(v for v in first_upload if v.is_prerelease or v.is_devrelease)
    entry: dict[str, Any] = {
        "releases": [str(v) for v in finals],
        "prereleases": [str(v) for v in pres],
    }
    if finals and first_upload[finals[0]]:
        entry["first_upload"] = first_upload[finals[0]]
    changes = _requires_changes(finals, requires)
    if changes:
        entry["requires_python"] = changes
    return entry


def _requires_changes(
    finals: list[Version], requires: dict[Version, Counter[str]]
) -> list[list[str]]:
    """Each final release whose Requires-Python (the value most of its files state in the
    listing; "" for none) differs from the release before it, with that value: the value of a
    release is the one of the last change at or before it. Empty when no release states one."""
    changes: list[list[str]] = []
    current: str | None = None
    for version in finals:
        value = requires[version].most_common(1)[0][0] if requires.get(version) else ""
        if value != current:
            changes.append([str(version), value])
            current = value
    return changes if any(value for _, value in changes) else []


def read_project(index_url: str, name: str) -> dict[str, Any]:
    """The record of `name`: its listing's versions, or ``{"absent": true}`` on a 404."""
    try:
        page = json.loads(_get(f"{index_url.rstrip('/')}/{name}/", accept=_ACCEPT))
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return {"absent": True}
        raise
    return project_entry(dict(page))


def render(head: dict[str, Any], projects: dict[str, Any]) -> str:
    """The file's text: the head, then one compact line per project."""
    lines = ["{"]
    for key, value in head.items():
        lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append(' "projects": {')
    names = sorted(projects)
    for i, name in enumerate(names):
        body = json.dumps(projects[name], separators=(",", ":"), ensure_ascii=False)
        lines.append(f"  {json.dumps(name)}: {body}" + ("," if i < len(names) - 1 else ""))
    lines.append(" }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the release lists; return the exit status."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--index-url", default=None)
    parser.add_argument("--names", type=Path, default=None, help="project names, one a line")
    parser.add_argument("--top", type=int, default=None, help="keep the first N names")
    parser.add_argument("--package", action="append", default=[], help="add a project")
    parser.add_argument("--import-names", action="store_true", help="read IMPORT_NAMES too")
    parser.add_argument("--merge", action="store_true", help="keep the existing projects")
    parser.add_argument("--out", type=Path, default=_OUT)
    parser.add_argument(
        "--describe", default=None, help="with --merge: what the names list is (not each name)"
    )
    args = parser.parse_args(argv)
    index_url = args.index_url or os.environ.get("UV_INDEX_URL") or os.environ.get("PIP_INDEX_URL")
    if not index_url:
        parser.error("give --index-url or set UV_INDEX_URL / PIP_INDEX_URL")
    names = read_names(args.names) if args.names else []
    if args.top is not None:
        names = names[: args.top]
    imports = list(IMPORT_NAMES) if args.import_names else []
    if not names and not args.package and not imports:
        parser.error("give --names FILE, --package NAME and/or --import-names")
    covered = {str(canonicalize_name(n)) for n in json.loads(_WHEELS.read_text())["packages"]}
    wanted = [
        n
        for n in dict.fromkeys(str(canonicalize_name(n)) for n in [*names, *args.package, *imports])
        if n not in covered
    ]
    today = dt.date.today().isoformat()
    head = {
        "_provenance": (
            f"Release lists read on {today} by scripts/release_lists_from_index.py from the "
            "package index's JSON listings (PEP 691 simple API, one listing per project) of "
            + (
                f"the {args.top} most downloaded PyPI projects (a 2026 download ranking)"
                if args.top
                else "a list of PyPI projects"
            )
            + (f" plus {', '.join(sorted(set(args.package)))}" if args.package else "")
            + ", less the projects wheels.json records. releases: every final and post "
            "release with a file (yanked ones included), ascending; prereleases: every "
            "pre-release and dev release with a file; first_upload: the oldest release's first "
            "upload date; requires_python: each release where the Requires-Python its files "
            "state (the most common value) changes, with the new value; absent: the index has "
            "no such project"
            + (
                " (IMPORT_NAMES read too: absent ones name the project to use, or '!' and where "
                "a name is published outside PyPI)."
                if imports
                else "."
            )
        ),
        "read_on": today,
    }
    projects: dict[str, Any] = {}
    if args.merge and args.out.exists():
        previous = json.loads(args.out.read_text(encoding="utf-8"))
        projects = dict(previous.get("projects", {}))
        if args.describe:  # a names list adds the projects not held yet
            wanted = [n for n in wanted if n not in projects]
        head["_provenance"] = (
            str(previous.get("_provenance", ""))
            + f" Merged on {today}: "
            + (
                f"the {len(wanted)} projects of {args.describe} that it did not hold"
                if args.describe
                else ", ".join(sorted(wanted))
            )
            + (" (IMPORT_NAMES: absent ones name the project to use)" if imports else "")
            + "."
        )
    uses = {str(canonicalize_name(k)): v for k, v in IMPORT_NAMES.items()}
    failed: list[str] = []
    for i, name in enumerate(wanted, 1):
        try:
            projects[name] = read_project(index_url, name)
        except (RuntimeError, ValueError) as exc:
            failed.append(name)
            print(f"  {name}: {exc}", file=sys.stderr)
            continue
        if projects[name].get("absent") and name in uses and imports:
            projects[name]["use"] = uses[name]
        if i % 100 == 0:
            print(f"{i}/{len(wanted)} {name}", file=sys.stderr)
            args.out.write_text(render(head, projects), encoding="utf-8")
    args.out.write_text(render(head, projects), encoding="utf-8")
    absent = sum(1 for p in projects.values() if p.get("absent"))
    print(
        f"wrote {args.out.name}: {len(projects)} projects ({absent} absent), "
        f"{len(failed)} unread: {' '.join(failed)}",
        file=sys.stderr,
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
