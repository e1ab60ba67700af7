"""The ML rules on snapshots built by the real parsers from the article's files."""

from __future__ import annotations

from rules.checks import ALL_RULES
from rules.checks.base import RuleContext
from rules.config import RepoConfig
from rules.findings import Finding
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot

ML_CATEGORIES = {
    "cuda-variant-mismatch",
    "torch-family-mismatch",
    "cuda-base-image-mismatch",
    "missing-pytorch-index",
    "cpu-only-risk",
    "numpy-abi",
    "python-version-incompatible",
}

SEED_REQUIREMENTS = (
    "# Python 3.10\n# Platform: linux_x86_64\n# CUDA: 11.8\n"
    "torch==2.1.0+cu118\ntorchvision==0.16.0+cu118\nnumpy==1.24.3\n"
)
DEPLOYED_ON_121 = (
    "FROM nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04\nRUN pip install -r requirements.txt\n"
)


def _findings(files: dict[str, str]) -> list[Finding]:
    ctx = RuleContext(build_snapshot(files), RepoConfig(), load_kb())
    return [f for rule in ALL_RULES if rule.category in ML_CATEGORIES for f in rule.check(ctx)]


def test_seed_requirements_without_an_index() -> None:
    found = {(f.rule, f.package) for f in _findings({"requirements.txt": SEED_REQUIREMENTS})}
    assert found == {("missing-pytorch-index", "torch"), ("missing-pytorch-index", "torchvision")}


def test_seed_torch_cu118_deployed_on_a_cuda_121_host() -> None:
    files = {
        "requirements.txt": "--extra-index-url https://download.pytorch.org/whl/cu118\n"
        + SEED_REQUIREMENTS,
        "Dockerfile": DEPLOYED_ON_121,
    }
    found = [(f.rule, f.package, f.file, f.severity.value) for f in _findings(files)]
    assert ("cuda-base-image-mismatch", "torch", "requirements.txt", "warning") in found
    assert all(rule == "cuda-base-image-mismatch" for rule, *_ in found)


def test_seed_reverse_cu121_torch_on_a_cuda_118_image_is_an_error() -> None:
    files = {
        "requirements.txt": "--index-url https://download.pytorch.org/whl/cu121\n"
        "torch==2.1.0+cu121\nnumpy<2\n",
        "Dockerfile": "FROM nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04\n",
    }
    found = [(f.rule, f.severity.value) for f in _findings(files)]
    assert found == [("cuda-base-image-mismatch", "error")]


def test_seed_cpu_only_torch_from_a_missing_index() -> None:
    files = {"requirements.txt": "# CUDA: 11.8\ntorch==2.1.0\nnumpy<2\ntransformers==4.35.2\n"}
    found = {f.rule: f for f in _findings(files)}
    assert {(r, f.package, f.severity.value) for r, f in found.items()} == {
        ("cpu-only-risk", "torch", "warning"),
        # the plain PyPI wheel of torch 2.1.0 is the CUDA 12.1 build (KB pypi_default_cuda,
        # wheel METADATA nvidia-cuda-runtime-cu12==12.1.105): another major than 11.8
        ("cuda-base-image-mismatch", "torch", "error"),
    }
    assert "windows_amd64: the CPU-only build" in found["cpu-only-risk"].message
    assert "exact pin 2.1.0" in found["cuda-base-image-mismatch"].message


def test_torch_21_with_unconstrained_numpy_is_a_numpy_abi_warning() -> None:
    files = {"requirements.txt": "torch==2.1.0\n"}
    assert [(f.rule, f.severity.value) for f in _findings(files)] == [("numpy-abi", "warning")]


def test_seed_conda_environment() -> None:
    files = {
        "environment.yml": "name: ml\nchannels:\n  - pytorch\n  - nvidia\n  - conda-forge\n"
        "dependencies:\n  - python=3.10\n  - pytorch=2.1.0\n  - pytorch-cuda=11.8\n"
        "  - torchvision=0.16.0\n  - numpy=1.24.3\n  - pip\n  - pip:\n"
        "    - transformers==4.35.2\n"
    }
    assert _findings(files) == []
