"""Record the mmcv / mmengine version range each OpenMMLab package release asserts on import.

Usage: python scripts/openmmlab_from_index.py [--index-url URL] [--package mmdet ...]
       [--out rules/kb/data/openmmlab_mmcv.json] [--unparsed]

OpenMMLab's downstream packages (mmdet, mmsegmentation, mmpose, ...) do not pin mmcv in their
metadata the way they check it: their ``<module>/__init__.py`` asserts a version range when it
is imported. mmdet 3.3.0 asserts ``mmcv_version >= digit_version('2.0.0rc4') and mmcv_version <
digit_version('2.2.0')``, so with mmcv 2.2.0 installed (what pip picks) ``import mmdet`` raises
"MMCV==2.2.0 is used but incompatible. Please install mmcv>=2.0.0rc4, <2.2.0."
(open-mmlab/mmdetection#11500 and the like; obss/sahi#1331).

The index URL comes from --index-url, else UV_INDEX_URL, else PIP_INDEX_URL (a PEP 691 JSON
simple API, ``https://<host>/simple``). For every final and pre-release (not dev) of each
package one file is read: a ``py3-none-any`` wheel (by HTTP Range requests: only the zip
directory and the ``__init__.py`` member are transferred), else the sdist (downloaded to a
temporary folder), else any other wheel; nothing over 50 MB. Its ``<module>/__init__.py`` is
parsed with Python's own parser (``ast``, never run): string assignments (``mmcv_minimum_version
= '2.0.0rc4'``, ``MMCV_MIN = '1.1.4'``) and names derived from them (``mmcv_min_version =
digit_version(MMCV_MIN)``, ``mmcv_version = digit_version(mmcv.__version__)``) are followed into
the comparisons of every ``assert`` (chained ``min <= v <= max`` and ``v >= min and v < max``
alike), and each bound is kept with the operator the assert applies to the installed version.
A release whose init has no such assert is left out (nothing is guessed); --unparsed lists the
releases whose init names mmcv's version without a recognised assert.

Review the diff of the output before committing it: rules/kb/openmmlab.py reads it.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import io
import json
import os
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from packaging.version import InvalidVersion, Version

from scripts._remote_wheel import wheel_member
from scripts.kb_from_index import _ACCEPT, _fetch, _get, _version_of

#: PyPI name -> import name of the packages read by default.
PACKAGES = {
    "mmdet": "mmdet",
    "mmsegmentation": "mmseg",
    "mmpose": "mmpose",
    "mmocr": "mmocr",
    "mmdet3d": "mmdet3d",
    "mmrotate": "mmrotate",
    "mmaction2": "mmaction",
    "mmpretrain": "mmpretrain",
    "mmcls": "mmcls",
    "mmtrack": "mmtrack",
    "mmedit": "mmedit",
    "mmagic": "mmagic",
    "mmyolo": "mmyolo",
    "mmflow": "mmflow",
    "mmfewshot": "mmfewshot",
    "mmselfsup": "mmselfsup",
    "mmrazor": "mmrazor",
    "mmdeploy": "mmdeploy",
}
#: The dependencies whose asserted versions are recorded.
DEPS = ("mmcv", "mmengine")
MAX_BYTES = 50_000_000

OUT = Path(__file__).resolve().parent.parent / "rules" / "kb" / "data" / "openmmlab_mmcv.json"

#: The operator of ``installed OP bound`` when the installed version stands on the right.
_FLIP = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}
_OPS = {ast.GtE: ">=", ast.Gt: ">", ast.LtE: "<=", ast.Lt: "<"}


def versions_with_files(index_url: str, package: str) -> dict[str, list[dict[str, Any]]]:
    """The index's files of `package` (PEP 691 JSON) grouped by final or pre-release (dev
    releases are left out)."""
    page = json.loads(_get(f"{index_url.rstrip('/')}/{package}/", accept=_ACCEPT))
    by_version: dict[str, list[dict[str, Any]]] = {}
    for file in page["files"]:
        version = _version_of(file["filename"])
        if version is None:
            continue
        try:
            parsed = Version(version)
        except InvalidVersion:
            continue
        if not parsed.is_devrelease:
            by_version.setdefault(str(parsed), []).append(file)
    return by_version


def choose(files: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The one file read for a release: a py3 pure-Python wheel, else the sdist, else any
    other wheel (not yanked ones while others exist; nothing over MAX_BYTES)."""

    def rank(file: dict[str, Any]) -> tuple[int, int, str]:
        name = file["filename"]
        if name.endswith("-none-any.whl"):
            kind = 0 if "py3" in name.split("-")[-3] else 1
        elif name.endswith((".tar.gz", ".zip")):
            kind = 2
        elif name.endswith(".whl"):
            kind = 3
        else:
            kind = 9
        return (kind + (10 if file.get("yanked") else 0), int(file.get("size") or 0), name)

    usable = [f for f in files if int(f.get("size") or 0) <= MAX_BYTES and rank(f)[0] % 10 < 9]
    return min(usable, key=rank, default=None)


def init_text(file: dict[str, Any], module: str) -> str | None:
    """The text of ``<module>/__init__.py`` in the wheel or sdist `file` (None: not there)."""
    name = file["filename"]
    wanted = f"{module}/__init__.py"
    if name.endswith(".whl"):
        return wheel_member(_fetch(file["url"]), int(file["size"]), lambda n: n == wanted)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(_get(file["url"]))
        if name.endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                members = [n for n in archive.namelist() if _is_init(n, wanted)]
                return _decode(archive.read(members[0])) if members else None
        with tarfile.open(path, "r:gz") as archive:
            for member in archive.getmembers():
                if member.isfile() and _is_init(member.name, wanted):
                    handle = archive.extractfile(member)
                    return _decode(handle.read()) if handle is not None else None
    return None


def _is_init(member: str, wanted: str) -> bool:
    """``<sdist folder>/<module>/__init__.py``: the package's own init at the sdist's top."""
    parts = member.split("/", 1)
    return len(parts) == 2 and parts[1] == wanted


def _decode(data: bytes) -> str:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace").read()


# --- reading the init ---------------------------------------------------------------------

_Value = tuple[str, str]  # ("const", "2.0.0rc4") or ("installed", "mmcv")


def _installed_of(node: ast.AST) -> str | None:
    """``mmcv.__version__`` (or ``mmengine.__version__``) anywhere in `node`: that dependency."""
    for sub in ast.walk(node):
        if (
            isinstance(sub, ast.Attribute)
            and sub.attr == "__version__"
            and isinstance(sub.value, ast.Name)
            and sub.value.id in DEPS
        ):
            return sub.value.id
    return None


def _resolve(node: ast.AST, env: dict[str, _Value]) -> _Value | None:
    """What an expression of the init stands for: a version string (through names and
    one-argument calls such as ``digit_version(...)``), or the installed version of a dep."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return ("const", node.value)
    if isinstance(node, ast.Name):
        return env.get(node.id)
    installed = _installed_of(node)
    if installed is not None:
        return ("installed", installed)
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        return _resolve(node.args[0], env)
    return None


def _module_level(tree: ast.Module) -> list[ast.stmt]:
    """The init's statements that run on import, in source order: the module's own and those
    inside its ``if`` / ``try`` / ``with`` blocks, not function or class bodies."""
    out: list[ast.stmt] = []

    def visit(statements: list[ast.stmt]) -> None:
        for statement in statements:
            out.append(statement)
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                continue
            for field in ("body", "orelse", "finalbody"):
                visit(getattr(statement, field, []))
            for handler in getattr(statement, "handlers", []):
                visit(handler.body)

    visit(tree.body)
    return out


def _bind(node: ast.Assign | ast.AnnAssign, env: dict[str, _Value]) -> None:
    """Record what an assignment binds (a later binding of a name replaces an earlier one)."""
    if node.value is None:
        return
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    value = _resolve(node.value, env)
    for target in targets:
        if isinstance(target, ast.Name):
            if value is None:
                env.pop(target.id, None)
            else:
                env[target.id] = value


def _comparisons(test: ast.AST) -> list[ast.Compare] | None:
    """The comparisons an assert's test requires together (an ``and`` of them, or one);
    None for any other shape (``or``, ``not``, calls)."""
    if isinstance(test, ast.Compare):
        return [test]
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        out: list[ast.Compare] = []
        for value in test.values:
            inner = _comparisons(value)
            if inner is None:
                return None
            out.extend(inner)
        return out
    return None


def bounds(text: str) -> tuple[dict[str, dict[str, str]], list[int]]:
    """The asserted bounds per dependency (``{"mmcv": {"min": "2.0.0rc4", "min_op": ">=", "max":
    "2.2.0", "max_op": "<"}}``) and the line numbers of the asserts they come from."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return {}, []
    env: dict[str, _Value] = {}
    found: dict[str, dict[str, str]] = {}
    lines: list[int] = []
    for node in _module_level(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            _bind(node, env)
        if not isinstance(node, ast.Assert):
            continue
        compares = _comparisons(node.test)
        if compares is None:
            continue
        used = False
        for compare in compares:
            operands = [compare.left, *compare.comparators]
            for left, op, right in zip(operands, compare.ops, operands[1:], strict=False):
                symbol = _OPS.get(type(op))
                a, b = _resolve(left, env), _resolve(right, env)
                if symbol is None or a is None or b is None:
                    continue
                if a[0] == "installed" and b[0] == "const":
                    dep, bound = a[1], b[1]
                elif a[0] == "const" and b[0] == "installed":
                    dep, bound, symbol = b[1], a[1], _FLIP[symbol]
                else:
                    continue
                side = "min" if symbol in (">=", ">") else "max"
                found.setdefault(dep, {})[side] = bound
                found[dep][side + "_op"] = symbol
                used = True
        if used:
            lines.append(node.lineno)
    return {dep: found[dep] for dep in DEPS if dep in found}, sorted(lines)


UNPADDED = "init: str.split (unpadded int list)"
PADDED = "init: packaging parse (padded)"


def digit_version_origins(text: str) -> list[str]:
    """Where the init's ``digit_version`` comes from, in source order: a module it is imported
    from (``mmcv``, ``mmengine.utils``) or a definition in the init itself, either the old one
    that splits on dots (``'1.2'`` is ``[1, 2]``, below ``[1, 2, 0]``: a short bound is not
    padded) or one built on ``packaging``'s parse (padded with zeros). A ``try:`` import with a
    fallback definition gives both."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return []
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "digit_version":
            calls = {
                sub.func.id if isinstance(sub.func, ast.Name) else getattr(sub.func, "attr", "")
                for sub in ast.walk(node)
                if isinstance(sub, ast.Call)
            }
            found.append((node.lineno, PADDED if "parse" in calls else UNPADDED))
        elif isinstance(node, ast.ImportFrom) and any(
            alias.name == "digit_version" and alias.asname is None for alias in node.names
        ):
            found.append((node.lineno, "." * node.level + (node.module or "")))
    return [origin for _, origin in sorted(found)]


def names_mmcv_version(text: str) -> bool:
    """The init reads mmcv's version (so a missing assert is worth a look)."""
    return "mmcv.__version__" in text or "MMCV" in text


def read(index_url: str, package: str, module: str, unparsed: list[str]) -> dict[str, Any]:
    """Every release of `package` whose init asserts a range, oldest first."""
    by_version = versions_with_files(index_url, package)
    releases: dict[str, Any] = {}
    for version in sorted(by_version, key=Version):
        chosen = choose(by_version[version])
        if chosen is None:
            unparsed.append(f"{package} {version}: no file under {MAX_BYTES} bytes")
            continue
        text = init_text(chosen, module)
        if text is None:
            unparsed.append(f"{package} {version}: no {module}/__init__.py in {chosen['filename']}")
            continue
        found, lines = bounds(text)
        print(f"{package} {version} {chosen['filename']} {found or '-'}", file=sys.stderr)
        if not found:
            if names_mmcv_version(text):
                unparsed.append(f"{package} {version}: {chosen['filename']} (no assert read)")
            continue
        releases[version] = {
            **found,
            "file": f"{module}/__init__.py",
            "assert_lines": lines,
            "digit_version": digit_version_origins(text),
            "read": chosen["filename"],
        }
    return {"module": module, "releases": releases}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--index-url", default=os.environ.get("UV_INDEX_URL") or os.environ.get("PIP_INDEX_URL")
    )
    parser.add_argument("--package", action="append", help="a PyPI name of PACKAGES")
    parser.add_argument("--out", default=str(OUT), type=Path)
    parser.add_argument("--unparsed", action="store_true", help="list releases not recorded")
    args = parser.parse_args(argv)
    if not args.index_url:
        parser.error("--index-url (or UV_INDEX_URL / PIP_INDEX_URL) is required")
    names = args.package or list(PACKAGES)
    unknown = [name for name in names if name not in PACKAGES]
    if unknown:
        parser.error(f"not an OpenMMLab package this script knows: {', '.join(unknown)}")
    previous: dict[str, Any] = {"packages": {}}
    if args.package and args.out.exists():
        previous = json.loads(args.out.read_text(encoding="utf-8"))
    unparsed: list[str] = []
    packages = dict(previous["packages"])
    for name in names:
        packages[name] = read(args.index_url, name, PACKAGES[name], unparsed)
    data = {
        "_provenance": (
            f"read {dt.date.today().isoformat()} by scripts/openmmlab_from_index.py from the "
            "package index (PEP 691 simple API): for every final and pre-release, "
            "<module>/__init__.py of one file (`read`: a py3-none-any wheel, else the sdist), "
            "parsed with Python's ast (not run); min/max are the version strings its assert "
            "compares the installed mmcv / mmengine with, min_op/max_op the operators applied "
            "to the installed version, assert_lines the assert's line numbers in that file, "
            "digit_version where the function the versions are compared through comes from "
            f"(in source order; {UNPADDED!r}: a definition in the init that splits on dots, "
            "so a two-part bound such as '1.2' is not padded). "
            "Releases without such an assert are not listed."
        ),
        "packages": {name: packages[name] for name in sorted(packages)},
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    if args.unparsed:
        for line in unparsed:
            print(f"unparsed: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
