"""Classification of real import failures, probe results into findings, the rendered section."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rules.findings import Severity
from worker.smoke.classify import classify_result, render_smoke_section, smoke_conclusion
from worker.smoke.facts import GpuInfo, RunnerFacts
from worker.smoke.probe import TOLERANCES, arch_supported, classify_error
from worker.smoke.runner import SmokeResult, StepResult

FIXTURES = Path(__file__).parents[2] / "fixtures"
ERRORS = FIXTURES / "import-errors"
H100 = RunnerFacts(
    hostname="vm",
    driver_version="580.159.04",
    cuda_driver_version="13.0",
    gpus=(GpuInfo(0, "NVIDIA H100 80GB HBM3", "9.0", 81559),),
    name="h100-1",
)


def _last_exception(text: str) -> tuple[str, str]:
    line = text.strip().splitlines()[-1]
    error_class, _, message = line.partition(": ")
    return error_class, message


@pytest.mark.parametrize(
    ("fixture", "error_class", "classification"),
    [
        ("numpy2-dtype-size-changed.pandas-2.0.3.txt", "ValueError", "numpy-abi"),
        ("numpy2-compiled-with-1x.opencv-4.9.0.80.txt", "ImportError", "numpy-abi"),
        ("import-error.githubkit-0.16.1-hishel-2.0.0.txt", "ImportError", "import-error"),
    ],
)
def test_real_import_errors_are_classified(
    fixture: str, error_class: str, classification: str
) -> None:
    text = (ERRORS / fixture).read_text()
    assert _last_exception(text)[0] == error_class
    assert classify_error(error_class, text) == classification


def test_numpy_banner_alone_is_enough() -> None:
    banner = (
        (ERRORS / "numpy2-compiled-with-1x.opencv-4.9.0.80.txt").read_text().split("Traceback")[0]
    )
    assert classify_error("AttributeError", banner) == "numpy-abi"


@pytest.mark.parametrize(
    ("error_class", "text", "classification"),
    [
        (
            "ImportError",
            "libcudart.so.13: cannot open shared object file: No such file or directory",
            "missing-shared-library",
        ),
        (
            "OSError",
            "libcudnn_cnn.so.9: cannot open shared object file: No such file or directory",
            "missing-shared-library",
        ),
        ("ImportError", "/x/_C.so: undefined symbol: _ZN3c104cuda9SetDeviceEi", "undefined-symbol"),
        ("ModuleNotFoundError", "No module named 'cv2'", "import-error"),
        ("RuntimeError", "something else", "other"),
    ],
)
def test_classification_table(error_class: str, text: str, classification: str) -> None:
    assert classify_error(error_class, text) == classification


ARCH_LIST = json.loads((FIXTURES / "gpu-runner" / "torch-probe.json").read_text())["arch_list"]


@pytest.mark.parametrize(
    ("capability", "arch_list", "supported"),
    [
        ((9, 0), ARCH_LIST, True),  # the H100 against its own cu130 build
        ((8, 9), ARCH_LIST, True),  # Ada runs sm_86 cubins (same major, lower minor)
        ((12, 1), ARCH_LIST, True),
        ((7, 0), ARCH_LIST, False),  # V100: cu130 dropped sm_70
        ((11, 0), ARCH_LIST, False),  # no sm_11x cubin, PTX not listed
        ((11, 0), ["sm_90", "compute_90"], True),  # PTX JIT for a newer GPU
        ((9, 0), ["sm_90a"], True),
        ((10, 0), ["sm_90a"], False),
    ],
)
def test_arch_supported(capability: tuple[int, int], arch_list: list[str], supported: bool) -> None:
    assert arch_supported(*capability, arch_list) is supported


def _torch_section_from_fixtures() -> dict[str, Any]:
    """The torch section the probe prints, with the real H100 figures from the fixtures."""
    real = json.loads((FIXTURES / "gpu-runner" / "torch-probe.json").read_text())
    numerics = json.loads((FIXTURES / "gpu-runner" / "numerics.json").read_text())
    checks = [
        {
            "op": row["op"],
            "dtype": row["dtype"],
            "device": "cuda",
            "max_rel_err": row["max_rel_err"],
            "tolerance": TOLERANCES[row["dtype"]],
            "ok": row["max_rel_err"] <= TOLERANCES[row["dtype"]],
            "ms": row.get("ms"),
        }
        for row in numerics["rows"]
        if row["dtype"] in TOLERANCES
    ]
    section = {
        k: real[k]
        for k in (
            "torch",
            "torch_cuda",
            "cudnn",
            "cuda_available",
            "device_name",
            "capability",
            "arch_list",
            "device_count",
        )
    }
    return {"present": True, "arch_supported": True, "checks": checks, **section}


def _probe(
    torch: dict[str, Any] | None = None, imports: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "probe_version": 1,
        "python": "3.12.3",
        "platform": "Linux",
        "packages": {"opencv-python-headless": {"version": "4.9.0.80", "modules": ["cv2"]}},
        "imports": imports or [],
        "torch": torch or {"present": False},
        "tensorflow": {"present": False},
        "jax": {"present": False},
        "pip_check": {"available": True, "rc": 0, "output": "No broken requirements found."},
        "timings": {"total_s": 7.5, "torch_import_s": 4.508},
    }


def _result(probe: dict[str, Any] | None, status: str = "completed", **kw: Any) -> SmokeResult:
    values: dict[str, Any] = {
        "status": status,
        "message": "probe completed",
        "probe": probe,
        "steps": (
            StepResult("install", ("uv",), 0, 12.0),
            StepResult("probe", ("python",), 0, 8.0),
        ),
        "pins": (
            ("numpy", "2.1.3"),
            ("opencv-python-headless", "4.9.0.80"),
            ("torch", "2.11.0+cu130"),
        ),
        "seconds": 20.5,
        "runner_facts": H100,
    }
    values.update(kw)
    return SmokeResult(**values)


def test_real_h100_figures_pass_the_tolerances() -> None:
    result = _result(_probe(torch=_torch_section_from_fixtures()))
    findings = classify_result(result)
    assert findings == []
    assert smoke_conclusion(result, findings) == "success"


def test_numpy_abi_finding_carries_the_real_error_text() -> None:
    text = (ERRORS / "numpy2-compiled-with-1x.opencv-4.9.0.80.txt").read_text()
    banner, _, traceback = text.partition("Traceback")
    error_class, message = _last_exception(text)
    row = {
        "module": "cv2",
        "ok": False,
        "error_class": error_class,
        "message": message,
        "classification": classify_error(error_class, text),
        "stderr_tail": banner,
        "traceback_tail": "Traceback" + traceback,
    }
    findings = classify_result(_result(_probe(imports=[row])))
    assert [(f.category, f.severity, f.package) for f in findings] == [
        ("numpy-abi", Severity.ERROR, "opencv-python-headless")
    ]
    assert "A module that was compiled using NumPy 1.x cannot be run in" in findings[0].message
    assert "under NumPy 2.1.3" in findings[0].message
    assert "numpy.core.multiarray failed to import" in findings[0].message


def test_other_import_failure_is_a_smoke_failure() -> None:
    text = (ERRORS / "import-error.githubkit-0.16.1-hishel-2.0.0.txt").read_text()
    error_class, message = _last_exception(text)
    row = {
        "module": "githubkit",
        "ok": False,
        "error_class": error_class,
        "message": message,
        "classification": "import-error",
        "traceback_tail": text,
        "stderr_tail": "",
    }
    findings = classify_result(_result(_probe(imports=[row])))
    assert [(f.category, f.rule) for f in findings] == [("smoke-failure", "smoke-import")]
    assert "cannot import name 'CachePolicy' from 'hishel'" in findings[0].message


def test_numeric_mismatch_is_a_smoke_failure() -> None:
    torch = _torch_section_from_fixtures()
    torch["checks"][0] = {**torch["checks"][0], "max_rel_err": 0.2, "ok": False}
    findings = classify_result(_result(_probe(torch=torch)))
    assert [f.rule for f in findings] == ["smoke-numerics"]
    assert "0.2 exceeds the tolerance" in findings[0].message


def test_driver_too_old_when_torch_cannot_use_the_gpu() -> None:
    torch = {**_torch_section_from_fixtures(), "cuda_available": False, "checks": []}
    old = RunnerFacts("vm", "570.86.10", "12.8", H100.gpus, name="old")
    findings = classify_result(_result(_probe(torch=torch), runner_facts=old))
    assert [(f.category, f.severity) for f in findings] == [("driver-too-old", Severity.ERROR)]
    assert ">= 580" in findings[0].message and "570.86.10" in findings[0].message


def test_gpu_invisible_with_a_new_enough_driver_is_a_smoke_failure() -> None:
    torch = {**_torch_section_from_fixtures(), "cuda_available": False, "checks": []}
    findings = classify_result(_result(_probe(torch=torch)))
    assert [f.rule for f in findings] == ["smoke-gpu-visible"]


def test_unsupported_arch() -> None:
    torch = {**_torch_section_from_fixtures(), "capability": [7, 0], "arch_supported": False}
    findings = classify_result(_result(_probe(torch=torch)))
    assert [f.category for f in findings] == ["gpu-arch-unsupported"]


def test_cpu_only_torch_on_a_cpu_machine_is_fine() -> None:
    torch = {
        "present": True,
        "torch": "2.11.0+cpu",
        "torch_cuda": None,
        "cuda_available": False,
        "checks": [],
    }
    assert classify_result(_result(_probe(torch=torch), runner_facts=None)) == []
    on_gpu = classify_result(_result(_probe(torch=torch)))
    assert [f.category for f in on_gpu] == ["cpu-only-risk"]


@pytest.mark.parametrize(
    ("status", "conclusion", "rules"),
    [
        ("timeout", "timed_out", ["smoke-timeout"]),
        ("cancelled", "cancelled", []),
        ("install-failed", "neutral", ["smoke-install"]),
        ("error", "neutral", []),
    ],
)
def test_runs_that_did_not_complete(status: str, conclusion: str, rules: list[str]) -> None:
    result = _result(
        None, status=status, message="uv: no wheel for flash-attn", stage="torch.cuda_init"
    )
    findings = classify_result(result)
    assert [f.rule for f in findings] == rules
    assert smoke_conclusion(result, findings) == conclusion


def test_broken_requirements_are_a_warning() -> None:
    step = StepResult(
        "uv-pip-check", ("uv",), 1, 0.1, stdout="torchvision 0.26.0 requires torch==2.11.0"
    )
    findings = classify_result(_result(_probe(), steps=(step,)))
    assert [(f.rule, f.severity) for f in findings] == [("smoke-pip-check", Severity.WARNING)]
    assert smoke_conclusion(_result(_probe(), steps=(step,)), findings) == "neutral"


def test_section_shows_runner_facts_checks_and_timings() -> None:
    result = _result(_probe(torch=_torch_section_from_fixtures()))
    text = render_smoke_section(result)
    assert text.startswith(
        "<details>\n<summary>GPU smoke test passed on h100-1 "
        "(NVIDIA H100 80GB HBM3, driver 580.159.04)"
    )
    assert text.rstrip().endswith("</details>")
    for needle in (
        "580.159.04",
        "CUDA 13.0 driver API",
        "compute capability 9.0",
        "2.11.0+cu130",
        "sm_90",
        "2.47e-07",
        "install 12.0 s",
        "torch_import 4.51 s",
    ):
        assert needle in text, needle


def test_section_of_a_failed_run_lists_findings() -> None:
    result = _result(
        None,
        status="timeout",
        message="the probe timed out at torch.cuda_init",
        stage="torch.cuda_init",
    )
    text = render_smoke_section(result)
    assert "GPU smoke test timed out" in text
    assert "`smoke-failure`" in text


def test_a_probe_that_dies_is_a_smoke_failure() -> None:
    died = StepResult("probe", ("python",), -11, 3.0, stderr="##probe-stage torch.import\n")
    result = _result(None, status="error", message="no JSON", steps=(died,), stage="torch.import")
    findings = classify_result(result)
    assert [(f.rule, f.severity) for f in findings] == [("smoke-probe-crash", Severity.ERROR)]
    assert "at torch.import" in findings[0].message
    assert smoke_conclusion(result, findings) == "failure"
