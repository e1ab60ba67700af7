"""`conflict`: exact torch and jax[<cuda extra>] pins whose nvidia-* requirements clash.

Real case: young-geng/EasyLM@de6e840b769d445a43da631ed3370e01782891c3:scripts/gpu_environment.yml
pins ``jax[cuda11_pip]==0.4.14`` (line 17) and ``torch==2.0.1`` (line 23); issue 92
(https://github.com/young-geng/EasyLM/issues/92) shows pip failing on
``nvidia-cuda-runtime-cu11>=11.8`` (jax 0.4.14's cuda11_pip extra, its sdist's
egg-info/requires.txt) against ``nvidia-cuda-runtime-cu11==11.7.99; platform_system == "Linux"
and platform_machine == "x86_64"`` (torch-2.0.1-cp310-cp310-manylinux1_x86_64.whl METADATA).
The lines come from rules/kb/data/nvidia_requires.json (package index, read 2026-12-04).
"""

from __future__ import annotations

import dataclasses

import pytest
from packaging.version import Version

from rules.checks.base import RuleContext
from rules.checks.conflict import ConflictRule
from rules.config import DEFAULT_CONFIG, RepoConfig, load_config
from rules.findings import Finding
from rules.kb import load_kb
from rules.kb.nvidia_requires import nvidia_requirements
from rules.manifests.model import Index, IndexKind, Requirement
from tests.rules.model_builders import index, manifest, req, snapshot

FILE = "scripts/gpu_environment.yml"


def pin(text: str, line: int, extras: tuple[str, ...] = ()) -> Requirement:
    name, _, version = text.partition("==")
    base = req(f"{name}=={version}", FILE, line)
    raw = f"{name}[{','.join(extras)}]=={version}" if extras else text
    return dataclasses.replace(base, extras=extras, raw=raw)


def run(
    *reqs: Requirement, config: RepoConfig = DEFAULT_CONFIG, indexes: tuple[Index, ...] = ()
) -> list[Finding]:
    snap = snapshot(manifest(FILE, *reqs, indexes=indexes))
    found = ConflictRule().check(RuleContext(snap, config, load_kb()))
    return [f for f in found if f.fingerprint.endswith(":nvidia")]


def test_easylm_jax_cuda11_pip_against_torch_2_0_1() -> None:
    (finding,) = run(pin("jax==0.4.14", 17, ("cuda11_pip",)), pin("torch==2.0.1", 23))
    assert finding.severity == "error"
    assert (finding.file, finding.line) == (FILE, 23)
    assert "jax 0.4.14 requires `nvidia-cuda-runtime-cu11>=11.8`" in finding.message
    assert "torch 2.0.1 `nvidia-cuda-runtime-cu11==11.7.99`" in finding.message
    evidence = "\n".join(finding.evidence)
    assert 'nvidia-cuda-runtime-cu11>=11.8; extra == "cuda11_pip"' in evidence
    assert (
        'nvidia-cuda-runtime-cu11 (==11.7.99) ; platform_system == "Linux" and '
        'platform_machine == "x86_64"'
    ) in evidence
    assert "jax[cuda11_pip]==0.4.14 (scripts/gpu_environment.yml:17)" in evidence


@pytest.mark.parametrize(
    ("reqs", "clashes"),
    [
        # jax 0.4.20 cuda12_pip needs nvidia-cuda-runtime-cu12>=12.2.140, torch 2.1.0 pins 12.1.105
        ((pin("jax==0.4.20", 1, ("cuda12_pip",)), pin("torch==2.1.0", 2)), 1),
        # same pair, no CUDA extra: jax alone brings no nvidia-* wheel
        ((pin("jax==0.4.14", 1), pin("torch==2.0.1", 2)), 0),
        # cuda12_pip of 0.4.14 names the cu12 wheels, torch 2.0.1 the cu11 ones: no shared project
        ((pin("jax==0.4.14", 1, ("cuda12_pip",)), pin("torch==2.0.1", 2)), 0),
        # the PyTorch index's +cu118 build bundles CUDA (no nvidia-* requirement read)
        ((pin("jax==0.4.14", 1, ("cuda11_pip",)), pin("torch==2.0.1+cu118", 2)), 0),
        # a release the data has not read (torch 1.12.1 predates the nvidia-* wheels)
        ((pin("jax==0.4.14", 1, ("cuda11_pip",)), pin("torch==1.12.1", 2)), 0),
        # a range is not a pin
        ((pin("jax==0.4.14", 1, ("cuda11_pip",)), req("torch>=2.0", FILE, 2)), 0),
    ],
)
def test_pairs(reqs: tuple[Requirement, ...], clashes: int) -> None:
    assert len(run(*reqs)) == clashes


def test_only_with_linux_x86_64_among_the_targets() -> None:
    pair = (pin("jax==0.4.14", 17, ("cuda11_pip",)), pin("torch==2.0.1", 23))
    macos, _ = load_config("targets:\n  platforms: [macos_arm64, linux_aarch64]\n")
    assert run(*pair, config=macos) == []
    linux, _ = load_config("targets:\n  platforms: [linux_x86_64]\n")
    assert len(run(*pair, config=linux)) == 1


def test_not_when_an_index_may_replace_pypi() -> None:
    pair = (pin("jax==0.4.14", 17, ("cuda11_pip",)), pin("torch==2.0.1", 23))
    primary = index("https://example.invalid/simple", FILE, 1)
    assert run(*pair, indexes=(primary,)) == []
    extra = index("https://example.invalid/simple", FILE, 1, kind=IndexKind.EXTRA_INDEX_URL)
    assert len(run(*pair, indexes=(extra,))) == 1


@pytest.mark.parametrize(
    ("package", "version", "extras", "line"),
    [
        (
            "torch",
            "2.0.1",
            (),
            'nvidia-cuda-runtime-cu11 (==11.7.99) ; platform_system == "Linux" and '
            'platform_machine == "x86_64"',
        ),
        (
            "torch",
            "1.13.1",
            (),
            'nvidia-cuda-runtime-cu11 (==11.7.99) ; platform_system == "Linux"',
        ),
        ("jax", "0.4.14", ("cuda11_pip",), 'nvidia-cuda-runtime-cu11>=11.8; extra == "cuda11_pip"'),
        ("jax", "0.4.23", ("cuda12",), "nvidia-cuda-runtime-cu12 >=12.2.140 ; extra == 'cuda12'"),
    ],
)
def test_recorded_lines(package: str, version: str, extras: tuple[str, ...], line: str) -> None:
    lines = [n.line for n in nvidia_requirements(package, Version(version), extras)]
    assert line in lines


def test_lines_of_other_extras_are_left_out() -> None:
    assert nvidia_requirements("jax", Version("0.4.14")) == ()
    cu12 = nvidia_requirements("jax", Version("0.4.14"), ("cuda12_pip",))
    assert cu12 and all(n.dep.endswith("-cu12") for n in cu12)


# wrh14/deep_unlearning@ffb471c3cbf28a3d3f585d3d77876fb16256a658:environment.yml (issue 1:
# "torch 2.4.0 depends on nvidia-cuda-nvrtc-cu12==12.1.105"): no torch line, but vllm==0.5.5
# and xformers==0.0.27.post2 both require torch==2.4.0 (their wheels' Requires-Dist), and the
# pip block pins the CUDA 12.4 runtime wheels; fixed in 96fb9c26 by deleting the nvidia pins.
@pytest.mark.parametrize(
    ("reqs", "clashes"),
    [
        ((pin("nvidia-cuda-nvrtc-cu12==12.4.99", 130), pin("vllm==0.5.5", 193)), 1),
        (
            (
                pin("nvidia-cuda-nvrtc-cu12==12.4.99", 130),
                pin("vllm==0.5.5", 193),
                pin("xformers==0.0.27.post2", 197),
            ),
            1,
        ),
        # the versions torch 2.4.0 pins: nothing to report
        ((pin("nvidia-cuda-nvrtc-cu12==12.1.105", 130), pin("vllm==0.5.5", 193)), 0),
        # torch named: the implied one is not added (the named torch is judged)
        (
            (
                pin("nvidia-cuda-nvrtc-cu12==12.4.99", 130),
                pin("vllm==0.5.5", 193),
                req("torch", FILE, 194),
            ),
            0,
        ),
        # pins requiring different torches: no single implied torch
        (
            (
                pin("nvidia-cuda-nvrtc-cu12==12.4.99", 130),
                pin("vllm==0.5.5", 193),
                pin("torchvision==0.15.2", 195),
            ),
            0,
        ),
    ],
)
def test_a_torch_required_by_a_pin(reqs: tuple[Requirement, ...], clashes: int) -> None:
    found = run(*reqs)
    assert len(found) == clashes
    for finding in found:
        assert "torch 2.4.0 (required by vllm==0.5.5, scripts/gpu_environment.yml:193)" in (
            finding.message
        )
        assert finding.line == 193
