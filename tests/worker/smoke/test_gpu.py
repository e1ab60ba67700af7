"""On a real NVIDIA GPU: runner facts, the probe and a full smoke job on the preinstalled torch.

Skipped where no GPU is present (no `nvidia-smi`, or NVML cannot initialise). The torch
stack is the one of `DEPREVIEW_TEST_TORCH_PYTHON` (an interpreter path), else this one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.worker.smoke.conftest import smoke_job
from worker.smoke import probe
from worker.smoke.classify import classify_result, render_smoke_section, smoke_conclusion
from worker.smoke.config import RunnerConfig
from worker.smoke.facts import read_runner_facts
from worker.smoke.gpu_job import run_gpu_smoke_job


def _gpu_present() -> bool:
    if shutil.which("nvidia-smi") is None:
        return False
    try:
        import pynvml

        pynvml.nvmlInit()
        pynvml.nvmlShutdown()
    except Exception:
        return False
    return True


pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not _gpu_present(), reason="no NVIDIA GPU (nvidia-smi/NVML unavailable)"),
]


def _torch_python() -> Path:
    return Path(os.environ.get("DEPREVIEW_TEST_TORCH_PYTHON", sys.executable))


def test_runner_facts_from_the_real_driver() -> None:
    facts = read_runner_facts()
    assert facts is not None
    assert facts.gpus and all(g.compute_capability for g in facts.gpus)
    assert facts.cuda_driver_version is not None


def test_probe_against_the_preinstalled_torch() -> None:
    done = subprocess.run(
        [str(_torch_python()), probe.__file__, "--modules", "torch", "--timeout", "300"],
        capture_output=True,
        text=True,
        timeout=360,
        check=True,
    )
    doc = json.loads(done.stdout)
    torch = doc["torch"]
    assert torch["cuda_available"] is True, torch
    assert torch["arch_supported"] is True
    assert torch["checks"] and all(c["ok"] for c in torch["checks"]), torch["checks"]


def test_full_smoke_job_on_top_of_the_preinstalled_stack(tmp_path: Path) -> None:
    python = _torch_python()
    listed = subprocess.run(
        [str(python), "-c", "import torch, numpy; print(torch.__version__, numpy.__version__)"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    torch_version, numpy_version = listed.stdout.split()
    facts = read_runner_facts()
    config = RunnerConfig(
        workdir=tmp_path / "work", cache_dir=tmp_path / "cache", base_environments={"stack": python}
    )
    outcome = run_gpu_smoke_job(
        smoke_job(
            "a" * 40,
            {"torch": torch_version, "numpy": numpy_version},
            pr_number=1,
            changed_packages=["torch"],
            base_environment="stack",
            index_options=["--offline"],
            timeout_s=900,
        ),
        redis=None,
        facts=facts,
        config=config,
    )
    assert outcome.result is not None
    print(render_smoke_section(outcome.result, outcome.findings))  # the note records this
    assert outcome.result.status == "completed", outcome.result.message
    assert smoke_conclusion(outcome.result, classify_result(outcome.result, facts)) == "success"
