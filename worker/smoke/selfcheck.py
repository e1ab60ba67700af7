"""A runner's self-check: its GPU facts, and a full smoke job on top of a preinstalled stack.

`python -m worker.smoke.selfcheck facts` prints the facts read from nvidia-smi and NVML;
`python -m worker.smoke.selfcheck job --base PYTHON --workdir DIR` smoke-tests the base
environment's own torch and numpy pins (nothing to install, nothing downloaded) on one GPU
slot and prints the outcome as JSON. Used by `scripts/gpu_smoke_check.sh`; needs only the
standard library, `packaging` and the `uv` binary (for `uv venv`), not Celery or Redis.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from worker.smoke.classify import classify_result, render_smoke_section, smoke_conclusion
from worker.smoke.config import RunnerConfig
from worker.smoke.facts import FactsError, facts_from_nvidia_smi, facts_from_nvml, read_runner_facts
from worker.smoke.runner import run_smoke
from worker.smoke.slots import GpuSlots, facts_for_slot, slot_indexes

#: Exit codes: 0 fine, 1 the check ran and failed, 3 no usable NVIDIA GPU.
EXIT_FAILED = 1
EXIT_NO_GPU = 3


def read_facts() -> dict[str, Any]:
    """Facts from nvidia-smi and from NVML side by side (an error text where one failed)."""
    out: dict[str, Any] = {}
    try:
        out["nvidia_smi"] = facts_from_nvidia_smi().to_dict()
    except (OSError, subprocess.SubprocessError, FactsError) as exc:
        out["nvidia_smi"] = {"error": f"{type(exc).__name__}: {exc}"}
    try:
        import pynvml

        out["nvml"] = facts_from_nvml(pynvml).to_dict()
    except Exception as exc:  # NVML raises its own error types
        out["nvml"] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


def _has_gpus(doc: dict[str, Any]) -> bool:
    return any(bool(part.get("gpus")) for part in doc.values() if isinstance(part, dict))


def base_pins(python: str, names: Sequence[str], timeout_s: float = 120) -> dict[str, str]:
    """The installed versions of `names` in the interpreter `python` (missing ones left out)."""
    script = (
        "import json, sys, importlib.metadata as m\n"
        "out = {}\n"
        "for n in sys.argv[1:]:\n"
        "    try: out[n] = m.version(n)\n"
        "    except m.PackageNotFoundError: pass\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run(
        [python, "-c", script, *names],
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=True,
    )
    data = json.loads(done.stdout)
    return {str(k): str(v) for k, v in data.items()}


def run_job(
    base: str, workdir: Path, *, timeout_s: float, packages: Sequence[str] = ("torch", "numpy")
) -> dict[str, Any]:
    """A full smoke job on top of `base` with its own pins, pinned to one GPU slot."""

    pins = base_pins(base, packages)
    facts = read_runner_facts(name="selfcheck")
    slots = GpuSlots(workdir / "gpu-slots", slot_indexes(facts))
    slot = slots.acquire(timeout_s=60) if slots.indexes else None
    used = facts_for_slot(facts, slot.index) if facts is not None and slot else facts
    started = time.monotonic()
    try:
        result = run_smoke(
            pins,
            index_options=["--offline", "--no-index"],
            base_environment=Path(base),
            workdir=workdir / "work",
            cache_dir=workdir / "uv-cache",
            timeout_s=timeout_s,
            packages=list(pins),
            extra_env=slot.env() if slot is not None else None,
            cache_max_bytes=None,
            sandbox=RunnerConfig().sandbox(),  # DEPREVIEW_RUNNER_ALLOW_UNSANDBOXED=1: none
        )
    finally:
        if slot is not None:
            slot.release()
    result = replace(result, runner_facts=used)
    findings = classify_result(result, used)
    return {
        "pins": pins,
        "gpu_slot": slot.index if slot is not None else None,
        "status": result.status,
        "message": result.message,
        "conclusion": smoke_conclusion(result, findings),
        "seconds": round(time.monotonic() - started, 3),
        "steps": [
            {"name": s.name, "rc": s.rc, "seconds": s.seconds, "stderr_tail": s.stderr[-800:]}
            for s in result.steps
        ],
        "findings": [
            {
                "category": f.category,
                "severity": f.severity.value,
                "package": f.package,
                "message": f.message,
            }
            for f in findings
        ],
        "facts": used.to_dict() if used is not None else None,
        "probe": result.probe,
        "markdown": render_smoke_section(result, findings),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run one self-check step; JSON on stdout."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="step", required=True)
    sub.add_parser("facts", help="GPU facts from nvidia-smi and NVML")
    job = sub.add_parser("job", help="a full smoke job on top of a base environment")
    job.add_argument("--base", required=True, help="interpreter of the preinstalled stack")
    job.add_argument("--workdir", required=True, type=Path)
    job.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args(argv)
    if args.step == "facts":
        doc = read_facts()
        sys.stdout.write(json.dumps(doc, indent=2, sort_keys=True) + "\n")
        return 0 if _has_gpus(doc) else EXIT_NO_GPU
    outcome = run_job(args.base, args.workdir, timeout_s=args.timeout)
    sys.stdout.write(json.dumps(outcome, indent=2, sort_keys=True) + "\n")
    return 0 if outcome["conclusion"] == "success" else EXIT_FAILED


if __name__ == "__main__":
    raise SystemExit(main())
