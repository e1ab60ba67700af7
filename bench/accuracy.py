"""Accuracy on the real-world corpus (tests/realworld/cases): what users install depreview for.

For every case, the base and head trees are reviewed as `depreview review --base-dir
--head-dir` reviews them (statically, or with `--resolve`), and the new findings are
compared with the expectations written before depreview ran. Printed for the corpus:

- recall of certain errors: expected breaks reported at any severity / all expected breaks;
- share at error severity: expected breaks reported as errors (what blocks the merge);
- errors on clean changes: new error findings on the clean cases (target 0);
- new warnings per clean change (target at most 0.3);
- time per case (median and max).

Baseline: the issue's targets (recall >= 0.90, >= 0.85 at error, 0 errors on clean changes,
<= 0.3 new warnings per clean change); each figure is printed next to its target.

    uv run --frozen python bench/accuracy.py [--resolve] [--cases ID,ID] [--json FILE] [-v]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.realworld.corpus import Score, load_cases
from tests.realworld.run import review_case

TARGETS = {"recall": 0.90, "at_error": 0.85, "clean_errors": 0, "clean_warnings": 0.3}


def _line(result: Score) -> str:
    case = result.case
    if case.kind == "breaking":
        got = ", ".join(
            f"{exp.file}:{'/'.join(sorted(exp.categories))}="
            f"{f.severity if f is not None else 'missed'}"
            for exp, f in result.found
        )
    else:
        got = f"{len(result.new_errors)} errors, {len(result.new_warnings)} warnings"
    gap = f"  [known gap: {case.known_gap}]" if case.known_gap else ""
    return f"{case.id:70s} {case.kind:8s} {result.seconds * 1000:7.0f} ms  {got}{gap}"


def summarize(results: list[Score]) -> dict[str, float | int]:
    """The corpus figures."""
    breaking = [r for r in results if r.case.kind == "breaking"]
    clean = [r for r in results if r.case.kind == "clean"]
    expected = sum(len(r.case.expected) for r in breaking)
    recalled = sum(r.recalled for r in breaking)
    at_error = sum(r.at_error for r in breaking)
    clean_errors = sum(len(r.new_errors) for r in clean)
    clean_warnings = sum(len(r.new_warnings) for r in clean)
    times = [r.seconds for r in results] or [0.0]
    return {
        "cases": len(results),
        "repos": len({r.case.repo for r in results}),
        "breaking_cases": len(breaking),
        "clean_cases": len(clean),
        "expected_breaks": expected,
        "recalled": recalled,
        "at_error": at_error,
        "recall": recalled / expected if expected else 0.0,
        "at_error_share": at_error / expected if expected else 0.0,
        "clean_errors": clean_errors,
        "clean_cases_with_errors": sum(1 for r in clean if r.new_errors),
        "clean_warnings_per_case": clean_warnings / len(clean) if clean else 0.0,
        "median_ms": statistics.median(times) * 1000,
        "max_ms": max(times) * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resolve", action="store_true", help="also resolve (uv / rattler)")
    parser.add_argument("--cases", help="comma-separated case ids (default: all)")
    parser.add_argument("--json", type=Path, help="write the figures and per-case results here")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every new finding")
    args = parser.parse_args(argv)
    cases = load_cases(args.cases.split(",") if args.cases else None)
    results: list[Score] = []
    for case in cases:
        result = review_case(case, resolve=args.resolve)
        results.append(result)
        print(_line(result))
        if args.verbose:
            for f in [*result.new_errors, *result.new_warnings]:
                print(f"    {f.severity:7s} {f.category} {f.file}:{f.line} {f.message[:150]}")
    fig = summarize(results)
    mode = "with --resolve" if args.resolve else "static"
    print()
    print(
        f"corpus ({mode}): {fig['cases']} cases from {fig['repos']} repositories "
        f"({fig['breaking_cases']} breaking with {fig['expected_breaks']} certain breaks, "
        f"{fig['clean_cases']} clean)"
    )
    rows = [
        (
            "recall of certain errors",
            f"{fig['recall']:.3f}",
            f"{fig['recalled']}/{fig['expected_breaks']}; target >= {TARGETS['recall']}",
        ),
        (
            "reported at error severity",
            f"{fig['at_error_share']:.3f}",
            f"{fig['at_error']}/{fig['expected_breaks']}; target >= {TARGETS['at_error']}",
        ),
        (
            "error findings on clean changes",
            f"{fig['clean_errors']}",
            f"in {fig['clean_cases_with_errors']} of {fig['clean_cases']} cases; "
            f"target {TARGETS['clean_errors']}",
        ),
        (
            "new warnings per clean change",
            f"{fig['clean_warnings_per_case']:.2f}",
            f"target <= {TARGETS['clean_warnings']}",
        ),
        ("time per case", f"median {fig['median_ms']:.0f} ms", f"max {fig['max_ms']:.0f} ms"),
    ]
    for label, value, detail in rows:
        print(f"{label + ':':33s}{value}  ({detail})")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "mode": mode,
                    "figures": fig,
                    "cases": [
                        {
                            "id": r.case.id,
                            "kind": r.case.kind,
                            "passes": r.passes,
                            "recalled": r.recalled,
                            "at_error": r.at_error,
                            "expected": len(r.case.expected),
                            "new_errors": len(r.new_errors),
                            "new_warnings": len(r.new_warnings),
                            "ms": round(r.seconds * 1000, 1),
                        }
                        for r in results
                    ],
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
