"""driver-too-old and gpu-arch-unsupported against a declared runner fleet."""

from __future__ import annotations

import pytest

from rules.checks.driver import RULES, runs_on
from rules.config import RepoConfig
from rules.kb import ArchList
from rules.manifests.model import Snapshot
from tests.rules.checks.mlsnap import base_image, config, index, req, run, snap

DRIVER, ARCH = RULES
PT = "https://download.pytorch.org/whl"


def fleet(driver: str, *gpus: tuple[str, str]) -> RepoConfig:
    """A one-runner fleet."""
    return config(
        runners=[
            {
                "name": "gpu-1",
                "driver": driver,
                "gpus": [{"name": n, "compute_capability": cc} for n, cc in gpus],
            }
        ]
    )


DRIVER_CASES: list[tuple[str, Snapshot, RepoConfig, list[str | None]]] = [
    (
        "CUDA 12.4 image on a 535 driver (toolkit needs 550.54.14)",
        snap(base_image("nvidia/cuda:12.4.1-runtime-ubuntu22.04")),
        fleet("535.104.05"),
        [None],
    ),
    (
        "CUDA 12.2 image on a 535.104.05 driver",
        snap(base_image("nvidia/cuda:12.2.2-runtime-ubuntu22.04")),
        fleet("535.104.05"),
        [],
    ),
    (
        "cu121 wheel on a 525.60.13 driver (minor-version compatibility)",
        snap(req("torch==2.1.0+cu121"), index(f"{PT}/cu121")),
        fleet("525.60.13"),
        [],
    ),
    (
        "cu121 wheel on a 520 driver",
        snap(req("torch==2.1.0+cu121"), index(f"{PT}/cu121")),
        fleet("520.61.05"),
        ["torch"],
    ),
    (
        "cu130 wheel on a 575 driver",
        snap(req("torch==2.11.0+cu130"), index(f"{PT}/cu130")),
        fleet("575.57.08"),
        ["torch"],
    ),
    (
        "PyPI torch 2.11 (CUDA 13.0 default) on a 570 driver",
        snap(req("torch==2.11.0")),
        fleet("570.124.06"),
        ["torch"],
    ),
    (
        "conda pytorch-cuda 12.1 on a 470 driver",
        snap(req("pytorch-cuda==12.1", "environment.yml", conda=True)),
        fleet("470.82.01"),
        ["pytorch-cuda"],
    ),
    (
        "H100 runner of the fixtures, cu130 torch",
        snap(req("torch==2.11.0+cu130"), index(f"{PT}/cu130")),
        fleet("580.159.04"),
        [],
    ),
    ("no runners declared", snap(req("torch==2.11.0+cu130"), index(f"{PT}/cu130")), config(), []),
]


@pytest.mark.parametrize(
    ("name", "snapshot", "cfg", "expected"), DRIVER_CASES, ids=[c[0] for c in DRIVER_CASES]
)
def test_driver_too_old(
    name: str, snapshot: Snapshot, cfg: RepoConfig, expected: list[str | None]
) -> None:
    findings = run(DRIVER, snapshot, cfg)
    assert [f.package for f in findings] == expected
    for found in findings:
        assert found.category == "driver-too-old" and found.fix and found.line
        assert "gpu-1" in found.message


ARCH_CASES: list[tuple[str, Snapshot, RepoConfig, int]] = [
    (
        "RTX 5090 (sm_120) with torch 2.6 cu126",
        snap(req("torch==2.6.0+cu126"), index(f"{PT}/cu126")),
        fleet("580.65.06", ("RTX 5090", "12.0")),
        1,
    ),
    (
        "RTX 5090 with torch 2.7.0 cu128",
        snap(req("torch==2.7.0+cu128"), index(f"{PT}/cu128")),
        fleet("580.65.06", ("RTX 5090", "12.0")),
        0,
    ),
    (
        "V100 (sm_70) with torch 2.9 cu130 (CUDA 13 dropped Volta)",
        snap(req("torch==2.9.0+cu130"), index(f"{PT}/cu130")),
        fleet("580.65.06", ("V100", "7.0")),
        1,
    ),
    (
        "L4 (sm_89) runs sm_86 cubins",
        snap(req("torch==2.1.0+cu121"), index(f"{PT}/cu121")),
        fleet("550.54.15", ("L4", "8.9")),
        0,
    ),
    (
        "K80 (sm_37) with cu121 torch 2.1",
        snap(req("torch==2.1.0+cu121"), index(f"{PT}/cu121")),
        fleet("550.54.15", ("K80", "3.7")),
        1,
    ),
    (
        "jax cuda13 on a T4-class floor: P100 (6.0) is below 7.5",
        snap(req("jax==0.8.0", extras=("cuda13",))),
        fleet("580.65.06", ("P100", "6.0")),
        1,
    ),
    (
        "TensorFlow 2.17 on Maxwell",
        snap(req("tensorflow==2.17.0")),
        fleet("550.54.15", ("M60", "5.2")),
        1,
    ),
    (
        "unknown torch build (an index listing every build) is not judged",
        snap(req("torch>=2"), index("https://download.pytorch.org/whl")),
        fleet("550.54.15", ("K80", "3.7")),
        0,
    ),
    (
        "a range is judged by the release a fresh install picks (2.8.0, cu128: no sm_37)",
        snap(req("torch>=2.6,<2.9")),
        fleet("550.54.15", ("K80", "3.7")),
        1,
    ),
]


@pytest.mark.parametrize(
    ("name", "snapshot", "cfg", "count"), ARCH_CASES, ids=[c[0] for c in ARCH_CASES]
)
def test_gpu_arch_unsupported(name: str, snapshot: Snapshot, cfg: RepoConfig, count: int) -> None:
    findings = run(ARCH, snapshot, cfg)
    assert len(findings) == count
    for found in findings:
        assert found.category == "gpu-arch-unsupported" and found.fix and found.evidence


@pytest.mark.parametrize(
    ("sm", "ptx", "cc", "ok"),
    [
        ({"sm_86"}, None, "8.9", True),
        ({"sm_86"}, None, "9.0", False),
        ({"sm_80"}, "sm_90", "12.0", True),
        ({"sm_90a"}, None, "9.0", True),
        ({"sm_90a"}, None, "9.1", False),
        ({"sm_100"}, None, "10.3", True),
        ({"sm_120"}, None, "10.0", False),
    ],
)
def test_runs_on(sm: set[str], ptx: str | None, cc: str, ok: bool) -> None:
    assert runs_on(ArchList(frozenset(sm), ptx, "test"), cc) is ok
