"""Write rules/kb/data/torchtext_torch.json from torchtext's README compatibility table.

torchtext's compiled library (``libtorchtext.so``) loads only with the torch it was built
against; a release for another torch minor fails at ``import torchtext`` with an undefined
symbol. Up to 0.17 each wheel's metadata pins that torch exactly, so pip never pairs them
wrongly; torchtext 0.18.0 (the last release) asks only ``torch>=2.3.0``, so pip installs it
next to any newer torch and the import fails (pytorch/text#2272: "`pip install torchtext` is
broken after torch 2.4.0"). The README's table says which torch each release was built for;
this script reads that ``csv-table`` from a README file (for example ``git show
<commit>:README.rst`` of the pytorch/text repository) and writes the KB data with the source
of every row:

    python scripts/torchtext_compat_from_readme.py README.rst \
        --source pytorch/text@<commit>:README.rst > rules/kb/data/torchtext_torch.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date

#: ``   2.3.0, 0.18.0, ">=3.8, <=3.11"`` and ``   1.9, 0.10, ">=3.6, <=3.9"``.
_ROW = re.compile(
    r'^\s*(?P<torch>\d+\.\d+(?:\.\d+)?)\s*,\s*(?P<text>\d+\.\d+(?:\.\d+)?)\s*,\s*"(?P<python>[^"]*)"\s*$'
)


class TableError(ValueError):
    """The README has no table this reader can read."""


def read_table(text: str, source: str) -> list[dict[str, str]]:
    """Every release row of the 'Version Compatibility' csv-table, in file order (the
    ``nightly build, main`` and ``0.4 and below`` rows are not releases and are skipped)."""
    rows: list[dict[str, str]] = []
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith(".. csv-table::"):
            inside = "Compatibility" in line
            continue
        if not inside:
            continue
        if line.strip() and not line.startswith((" ", "\t")):
            break  # the table's indented block ended
        match = _ROW.match(line)
        if match is None:
            continue
        torch = match["torch"]
        rows.append(
            {
                "torchtext": match["text"],
                "torch": ".".join(torch.split(".")[:2]),
                "table_torch": torch,
                "python": match["python"].strip(),
                "source": f"{source}:{number}",
            }
        )
    if not rows:
        raise TableError("no torchtext compatibility rows found")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readme", help="torchtext's README.rst")
    parser.add_argument("--source", required=True, help="repo@commit:README.rst it was read from")
    args = parser.parse_args(argv)
    with open(args.readme, encoding="utf-8") as handle:
        rows = read_table(handle.read(), args.source)
    out = {
        "_provenance": (
            f"{args.source} (the 'Version Compatibility' csv-table: PyTorch, torchtext, "
            f"Python), read {date.today().isoformat()} by scripts/torchtext_compat_from_readme.py"
        ),
        "releases": rows,
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
