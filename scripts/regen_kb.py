"""Regenerate the knowledge base data (rules/kb/data/*.json) from a folder of sourced facts.

Usage: python scripts/regen_kb.py SOURCE_DIR [--out rules/kb/data] [--check]

SOURCE_DIR holds torch.json, torch_arch.json, cuda_driver.json, tensorflow.json, jax.json,
numpy2_abi.json and conda_pytorch_cuda.json in the shape of the compat reference (each with
source / snapshot_date / notes / cross_checks), and optionally pypi_index.json (the package
index records written by scripts/kb_from_index.py) and pypi_wheels.json (the wheel listings
written by scripts/wheels_from_index.py, built into wheels.json, tensorflow_wheels.json and
nvidia_wheels.json) and pypi_numpy2.json (the wheel readings written by
scripts/numpy2_abi_from_index.py, merged into numpy2_abi.json). When new releases appear: update
those source files (with their sources), run this script, review the diff of rules/kb/data,
copy the new sources into tests/fixtures/compat/ and run tests/rules/kb. `--check` writes
nothing and exits 1 when the data on disk differs from what the sources give.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rules.kb.knowledge import KnowledgeBase
from rules.kb.schema import SOURCE_FILES
from scripts.kb_build import OPTIONAL_SOURCES, build_data


def render(data: object) -> str:
    """The canonical text of one data file."""
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Build the data files; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source_dir", type=Path)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "rules/kb/data")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    sources = {
        name: json.loads((args.source_dir / name).read_text(encoding="utf-8"))
        for name in SOURCE_FILES
    }
    for name in OPTIONAL_SOURCES:  # scripts/kb_from_index.py, scripts/wheels_from_index.py
        path = args.source_dir / name
        if path.exists():
            sources[name] = json.loads(path.read_text(encoding="utf-8"))
    data = build_data(sources)
    KnowledgeBase.from_raw(data)  # validate before writing anything
    changed = []
    for name, content in data.items():
        path = args.out / name
        text = render(content)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    for name in changed:
        print(("differs: " if args.check else "wrote: ") + str(args.out / name))
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
