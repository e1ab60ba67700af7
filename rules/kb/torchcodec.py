"""Which torch each torchcodec release loads with (its README's compatibility table).

torchcodec wheels declare no torch requirement, so pip installs any release next to any torch;
the compiled library then loads only with the torch it was built for, and ``import torchcodec``
fails with "Could not load libtorchcodec ... The PyTorch version is not compatible with this
version of TorchCodec". Data: rules/kb/data/torchcodec_torch.json, written by
scripts/torchcodec_compat_from_readme.py from the README table, a source per row.
A release newer than the table keeps at least the table's newest torch floor (torchcodec has
never lowered it): that floor is all that is known of it. Pure: reads the packaged data file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

from rules.kb.datafile import data_json, provenance_of

DATA = "torchcodec_torch.json"


@dataclass(frozen=True, slots=True)
class TorchcodecTorch:
    """The torch a torchcodec release loads with: `spec` (``==2.6.*``, ``>=2.11``), the table's
    cell, and its source. `floor_only`: a release newer than the table, of which only the
    torch floor is known (`spec` is then ``>=X``; a torch at or above it is not judged)."""

    release: str
    spec: str
    shown: str
    source: str
    floor_only: bool = False


def provenance() -> str:
    """Where the table was read (the file's ``_provenance``)."""
    return provenance_of(DATA)


@cache
def _rows() -> tuple[tuple[tuple[int, ...], TorchcodecTorch], ...]:
    rows = []
    for row in data_json(DATA)["releases"]:
        key = Version(str(row["torchcodec"])).release
        rows.append(
            (
                key,
                TorchcodecTorch(
                    release=str(row["torchcodec"]),
                    spec=str(row["torch"]),
                    shown=str(row["table_torch"]),
                    source=str(row["source"]),
                ),
            )
        )
    return tuple(sorted(rows))


def _floor(spec: str) -> str | None:
    for item in SpecifierSet(spec):
        if item.operator in (">=", "=="):
            return item.version.rstrip(".*")
    return None


def torch_for_torchcodec(version: str | Version) -> TorchcodecTorch | None:
    """The torch torchcodec `version` loads with, or None when the table cannot tell
    (older than the table, or not a version)."""
    try:
        parsed = version if isinstance(version, Version) else Version(version)
    except InvalidVersion:
        return None
    release = parsed.release
    rows = _rows()
    for key, row in rows:
        if release[: len(key)] == key:
            return row
    newest_key, newest = rows[-1]
    if release[:2] > newest_key[:2]:
        floor = _floor(newest.spec)
        if floor is None:
            return None
        return TorchcodecTorch(
            release=str(parsed),
            spec=f">={floor}",
            shown=f">={floor}",
            source=(
                f"{newest.source}: torchcodec {newest.release} needs torch {newest.shown}; "
                f"{parsed} is newer than the table and keeps at least that floor"
            ),
            floor_only=True,
        )
    return None
