"""The runner self-check on CPU: the script fails clearly without a GPU; facts via a fake smi."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[3]
SCRIPT = ROOT / "scripts" / "gpu_smoke_check.sh"
RUNNER = Path(__file__).parents[2] / "fixtures" / "gpu-runner"


def _fake_smi(bin_dir: Path) -> None:
    """An `nvidia-smi` that prints the real H100 runner's output (the fixtures)."""
    row = (RUNNER / "derived-query-noheader-nounits.csv").read_text().strip()
    smi = bin_dir / "nvidia-smi"
    smi.write_text(
        "#!/bin/sh\n"
        'case "$1" in\n'
        f"  -q) cat '{RUNNER / 'nvidia-smi-q.xml'}' ;;\n"
        f"  --query-gpu=*) echo '0, {row}' ;;\n"
        "  -L) echo 'GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-fake)' ;;\n"
        "  *) echo 'fake nvidia-smi' ;;\n"
        "esac\n"
    )
    smi.chmod(0o755)


def _run(tmp_path: Path, path: str, **env: str) -> subprocess.CompletedProcess[str]:
    out = tmp_path / "out"
    return subprocess.run(
        ["bash", str(SCRIPT)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": path, "HOME": str(tmp_path), "OUT": str(out), **env},
        check=False,
    )


def test_without_nvidia_smi_the_script_says_so_and_exits_3(tmp_path: Path) -> None:
    done = _run(tmp_path, "/usr/bin:/bin")
    assert done.returncode == 3, done.stdout + done.stderr
    assert "no NVIDIA GPU: nvidia-smi is not on PATH" in done.stdout
    assert "nvidia-smi is not on PATH" in (tmp_path / "out" / "log.txt").read_text()


def test_a_failing_nvidia_smi_counts_as_no_gpu(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    smi = bin_dir / "nvidia-smi"
    smi.write_text("#!/bin/sh\necho 'NVIDIA-SMI has failed: no devices were found' >&2\nexit 6\n")
    smi.chmod(0o755)
    done = _run(tmp_path, f"{bin_dir}:/usr/bin:/bin")
    assert done.returncode == 3 and "'nvidia-smi -L' failed" in done.stdout
    assert "no devices were found" in (tmp_path / "out" / "log.txt").read_text()


def test_a_stack_without_torch_is_a_missing_prerequisite(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake_smi(bin_dir)
    done = _run(
        tmp_path,
        f"{bin_dir}:/usr/bin:/bin",
        DEPREVIEW_GPU_PYTHON=sys.executable,
        DEPREVIEW_CHECK_WHEELS=str(tmp_path / "none"),
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "the interpreter lacks: torch numpy" in done.stdout


def test_selfcheck_facts_read_the_fake_nvidia_smi(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake_smi(bin_dir)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "worker.smoke.selfcheck", "facts"],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    smi = json.loads(done.stdout)["nvidia_smi"]
    assert smi["driver_version"] == "580.159.04" and smi["cuda_driver_version"] == "13.0"
    assert [(g["index"], g["compute_capability"]) for g in smi["gpus"]] == [(0, "9.0")]


def test_selfcheck_facts_without_any_gpu_exit_3(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "worker.smoke.selfcheck", "facts"],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )  # fmt: skip
    doc = json.loads(done.stdout)
    assert done.returncode == 3 and "error" in doc["nvidia_smi"] and "error" in doc["nvml"]


@pytest.mark.parametrize("args", [["job"], ["nope"]])
def test_selfcheck_usage_errors_exit_2(args: list[str]) -> None:
    from worker.smoke.selfcheck import main

    with pytest.raises(SystemExit) as raised:
        main(args)
    assert raised.value.code == 2


def test_selfcheck_job_overlays_a_base_environment_on_cpu(tmp_path: Path, wheel_dir: Path) -> None:
    from worker.smoke.runner import find_uv
    from worker.smoke.selfcheck import run_job

    base = tmp_path / "stack"
    uv = find_uv()
    subprocess.run([uv, "venv", str(base), "--python", sys.executable, "-q"], check=True)
    subprocess.run(
        [uv, "pip", "install", "-q", "--python", str(base / "bin" / "python"), "--no-index",
         "--find-links", str(wheel_dir), "torch==2.11.0+cpu"],
        check=True, timeout=120,
    )  # fmt: skip
    outcome = run_job(str(base / "bin" / "python"), tmp_path / "job", timeout_s=120)
    assert outcome["pins"] == {"torch": "2.11.0+cpu"}  # numpy is not in this stack
    assert outcome["status"] == "completed", outcome["message"]
    assert [s["name"] for s in outcome["steps"]][-1] == "probe"
    assert "install" not in [s["name"] for s in outcome["steps"]]  # nothing to install
    assert outcome["probe"]["torch"]["torch"] == "2.11.0+cpu"
    assert outcome["gpu_slot"] is None and outcome["facts"] is None  # no GPU here
    assert "2.11.0+cpu" in outcome["markdown"]
