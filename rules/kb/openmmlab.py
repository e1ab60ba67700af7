"""The mmcv / mmengine version range each OpenMMLab package release asserts when imported.

OpenMMLab's downstream packages (mmdet, mmsegmentation, mmpose, ...) check mmcv in their
``<module>/__init__.py``, not in their metadata: mmdet 3.3.0 asserts ``digit_version('2.0.0rc4')
<= mmcv_version < digit_version('2.2.0')``, so next to mmcv 2.2.0 (what pip installs) ``import
mmdet`` fails with "MMCV==2.2.0 is used but incompatible. Please install mmcv>=2.0.0rc4,
<2.2.0." (open-mmlab/mmdetection#11500 and the like; obss/sahi#1331). Data:
rules/kb/data/openmmlab_mmcv.json, written by scripts/openmmlab_from_index.py from one file of
every release (its ``read``). Pure: reads the packaged data file.

The range is a :class:`~packaging.specifiers.SpecifierSet` of the assert's bounds and
operators. It admits pre-releases (the assert is a plain comparison: an installed mmcv
2.0.0rc4 passes ``>= 2.0.0rc4``). Where the init compares through its own old ``digit_version``
(dots split into an unpadded int list) and no other, a two-part bound is read as that list
compares: ``<= '1.2'`` is ``<1.2`` (``[1, 2, 0] > [1, 2]``) and ``> '1.3'`` is ``>=1.3``. What
PEP 440 and ``digit_version`` still order differently is left as PEP 440 has it (``<2.2.0``
refuses 2.2.0rc1, which the padded ``digit_version`` puts below 2.2.0; an init that imports
``digit_version`` from an old mmcv with the unpadded one compares ``'1.2'`` as above).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.kb.datafile import data_json, provenance_of

DATA = "openmmlab_mmcv.json"
#: The data's name of an init whose only ``digit_version`` is its own dot-splitting one.
UNPADDED = "init: str.split (unpadded int list)"

Dep = Literal["mmcv", "mmengine"]
_DEPS: tuple[Dep, ...] = ("mmcv", "mmengine")


@dataclass(frozen=True, slots=True)
class MmcvRange:
    """The range of `dep` that `package` `release` asserts on import (``text``:
    ``mmcv>=2.0.0rc4,<2.2.0``), the init file and the distribution file it was read from."""

    package: str
    release: str
    dep: Dep
    specifier: SpecifierSet
    text: str
    file: str
    read: str


def provenance() -> str:
    """Where the ranges were read (the file's ``_provenance``)."""
    return provenance_of(DATA)


def _packages() -> dict[str, Any]:
    packages: dict[str, Any] = data_json(DATA)["packages"]
    return packages


def _parse(version: str | Version) -> Version | None:
    if isinstance(version, Version):
        return version
    try:
        return Version(version)
    except InvalidVersion:
        return None


def _short(bound: str) -> bool:
    """A bound of fewer than three release parts (``1.2``), with no pre/post/dev part."""
    parsed = _parse(bound)
    return (
        parsed is not None
        and len(parsed.release) < 3
        and parsed.pre is None
        and parsed.post is None
        and parsed.dev is None
    )


def _clauses(bounds: dict[str, str], unpadded: bool) -> list[str]:
    """``>=2.0.0rc4`` and ``<2.2.0``: the bounds with the operators the assert applies to the
    installed version (a short bound of an unpadded comparison read as the list compares)."""
    clauses = []
    for side, widened in (("min", {">": ">="}), ("max", {"<=": "<"})):
        bound, op = bounds.get(side), bounds.get(side + "_op")
        if bound is None or op is None:
            continue
        if unpadded and _short(bound):
            op = widened.get(op, op)
        clauses.append(f"{op}{bound}")
    return clauses


@cache
def _ranges() -> dict[tuple[str, Version], tuple[MmcvRange, ...]]:
    out: dict[tuple[str, Version], tuple[MmcvRange, ...]] = {}
    for name, package in _packages().items():
        for release, row in package["releases"].items():
            unpadded = list(row.get("digit_version", [])) == [UNPADDED]
            found = []
            for dep in _DEPS:
                if dep not in row:
                    continue
                clauses = _clauses(row[dep], unpadded)
                if not clauses:
                    continue
                joined = ",".join(clauses)
                found.append(
                    MmcvRange(
                        package=name,
                        release=release,
                        dep=dep,
                        specifier=SpecifierSet(joined, prereleases=True),
                        text=f"{dep}{joined}",
                        file=str(row["file"]),
                        read=str(row["read"]),
                    )
                )
            out[(canonicalize_name(name), Version(release))] = tuple(found)
    return out


def import_ranges(package: str, version: str | Version) -> tuple[MmcvRange, ...]:
    """The mmcv (and mmengine) ranges `package` `version` asserts on import; () when the
    release is not recorded (no assert, not read, or not an OpenMMLab package)."""
    parsed = _parse(version)
    if parsed is None:
        return ()
    return _ranges().get((canonicalize_name(package), parsed), ())


@cache
def _releases_by_package() -> dict[str, tuple[Version, ...]]:
    found: dict[str, list[Version]] = {}
    for name, version in _ranges():
        found.setdefault(name, []).append(version)
    return {name: tuple(sorted(versions)) for name, versions in found.items()}


def covered(package: str) -> bool:
    """Whether any release of `package` is recorded."""
    return canonicalize_name(package) in _releases_by_package()


def releases(package: str) -> tuple[Version, ...]:
    """The recorded releases of `package`, oldest first."""
    return _releases_by_package().get(canonicalize_name(package), ())
