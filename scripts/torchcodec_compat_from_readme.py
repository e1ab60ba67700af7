"""Write rules/kb/data/torchcodec_torch.json from torchcodec's README compatibility table.

torchcodec wheels declare no ``Requires-Dist`` on torch, yet each release's compiled library
loads only with the torch it was built for ("Could not load libtorchcodec ... The PyTorch
version is not compatible with this version of TorchCodec"). The project's README keeps the
table of which torch each release goes with; this script reads that table from a README file
(for example ``git show <commit>:README.md`` of the torchcodec repository) and writes the KB
data with the source of every row:

    python scripts/torchcodec_compat_from_readme.py README.md \
        --source meta-pytorch/torchcodec@<commit>:README.md > rules/kb/data/torchcodec_torch.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date

_ROW = re.compile(
    r"^\|\s*`(?P<codec>[^`]+)`\s*\|\s*`(?P<torch>[^`]+)`\s*\|\s*(?P<python>[^|]*)\|\s*$"
)
_MINOR = re.compile(r"^\d+\.\d+(?:\.\d+)?$")
_FLOOR = re.compile(r"^>=\s*(\d+\.\d+)$")


class TableError(ValueError):
    """The README's table has a row this reader cannot read."""


def torch_spec(cell: str) -> str:
    """The torch specifier of one table cell: ``2.6`` → ``==2.6.*``, ``>=2.11`` as is."""
    text = cell.strip()
    if re.fullmatch(r"\d+\.\d+", text):
        return f"=={text}.*"
    floor = _FLOOR.match(text)
    if floor:
        return f">={floor.group(1)}"
    raise TableError(f"cannot read the torch cell {cell!r}")


def read_table(text: str, source: str) -> list[dict[str, str]]:
    """Every release row of the README's torchcodec/torch/Python tables, in file order."""
    rows: list[dict[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _ROW.match(line.strip())
        if match is None or "torchcodec" in match["codec"]:
            continue
        codec = match["codec"].strip()
        if not _MINOR.match(codec):
            continue  # `main` / `nightly`
        rows.append(
            {
                "torchcodec": codec,
                "torch": torch_spec(match["torch"]),
                "table_torch": match["torch"].strip(),
                "python": match["python"].replace("`", "").strip(),
                "source": f"{source}:{number}",
            }
        )
    if not rows:
        raise TableError("no torchcodec compatibility rows found")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readme", help="torchcodec's README.md")
    parser.add_argument("--source", required=True, help="repo@commit:README.md it was read from")
    args = parser.parse_args(argv)
    with open(args.readme, encoding="utf-8") as handle:
        rows = read_table(handle.read(), args.source)
    out = {
        "_provenance": (
            f"{args.source} (the 'Compatibility' table: torchcodec, torch, Python), read "
            f"{date.today().isoformat()} by scripts/torchcodec_compat_from_readme.py"
        ),
        "releases": rows,
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
