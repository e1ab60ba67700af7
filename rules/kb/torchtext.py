"""Which torch minor each torchtext release was built for (its README's compatibility table).

torchtext's compiled library loads only with the torch it was built against. Up to 0.17 the
wheels pin that torch exactly, so the pins already say it; torchtext 0.18.0 (the last release)
asks only ``torch>=2.3.0`` while being built for torch 2.3, so pip installs it next to any newer
torch and ``import torchtext`` fails with an undefined symbol (pytorch/text#2272). Data:
rules/kb/data/torchtext_torch.json, written by scripts/torchtext_compat_from_readme.py from
the README table, a source per row. Pure: reads the packaged data file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from packaging.version import InvalidVersion, Version

from rules.kb.datafile import data_json, provenance_of

DATA = "torchtext_torch.json"


@dataclass(frozen=True, slots=True)
class TorchtextTorch:
    """The torch minor (``2.3``) a torchtext release was built for, the table's cell
    (``2.3.0``), and the row's source."""

    release: str
    torch_minor: str
    shown: str
    source: str


def provenance() -> str:
    """Where the table was read (the file's ``_provenance``)."""
    return provenance_of(DATA)


@cache
def _rows() -> tuple[tuple[tuple[int, ...], TorchtextTorch], ...]:
    rows = [
        (
            Version(str(row["torchtext"])).release,
            TorchtextTorch(
                release=str(row["torchtext"]),
                torch_minor=str(row["torch"]),
                shown=str(row["table_torch"]),
                source=str(row["source"]),
            ),
        )
        for row in data_json(DATA)["releases"]
    ]
    return tuple(sorted(rows, key=lambda item: item[0]))


def torch_for_torchtext(version: str | Version) -> TorchtextTorch | None:
    """The torch minor torchtext `version` was built for: the table's row of that release
    (``0.18.0``), else of its line (``0.10`` for 0.10.0); None when the table does not list it."""
    try:
        parsed = version if isinstance(version, Version) else Version(version)
    except InvalidVersion:
        return None
    release = parsed.release
    padded = release + (0,) * (3 - len(release))
    exact = [row for key, row in _rows() if key + (0,) * (3 - len(key)) == padded]
    if exact:
        return exact[0]
    line = [row for key, row in _rows() if len(key) == 2 and release[:2] == key]
    return line[0] if line else None
