"""Queries of the knowledge base, one table per query."""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.kb import load_kb
from rules.kb.cudaver import (
    cuda_variant,
    is_pytorch_index,
    is_variant,
    major_minor,
    serves_all_variants,
    short,
    url_variant,
    variant_cuda,
)

KB = load_kb()


@pytest.mark.parametrize(
    ("version", "python", "variants", "default_cuda", "vision", "audio"),
    [
        ("1.12.1", ("3.7", "3.10"), {"cpu", "cu113", "cu116", "cu102"}, "10.2", "0.13.1", "0.12.1"),
        ("2.0.0", ("3.8", "3.11"), {"cpu", "cu117", "cu118"}, "11.7", "0.15.1", "2.0.1"),
        ("2.1.0+cu118", ("3.8", "3.11"), {"cpu", "cu118", "cu121"}, "12.1", "0.16.0", "2.1.0"),
        ("2.6.0", ("3.9", "3.13"), {"cpu", "cu118", "cu124", "cu126"}, "12.4", "0.21.0", "2.6.0"),
        ("2.8.0", ("3.9", "3.13"), {"cpu", "cu126", "cu128", "cu129"}, "12.8", "0.23.0", "2.8.0"),
        (
            "2.11.0",
            ("3.10", "3.14"),
            {"cpu", "cu126", "cu128", "cu129", "cu130"},
            "13.0",
            "0.26.0",
            "2.11.0",
        ),
        (
            "2.12.1",
            ("3.10", "3.14"),
            {"cpu", "cu126", "cu129", "cu130", "cu132"},
            "13.0",
            "0.27.1",
            None,
        ),
    ],
)
def test_torch_release(
    version: str,
    python: tuple[str, str],
    variants: set[str],
    default_cuda: str | None,
    vision: str,
    audio: str | None,
) -> None:
    release = KB.torch_release(version)
    assert release is not None
    assert (release.line.python_min, release.line.python_max) == python
    assert set(release.variants) == variants
    assert release.pypi_default_cuda == default_cuda
    family = KB.torch_family(version)
    assert family is not None and (family.torchvision, family.torchaudio) == (vision, audio)


@pytest.mark.parametrize("version", ["0.4.1", "3.0.0", "not-a-version", "2.1.7"])
def test_torch_family_unknown(version: str) -> None:
    assert KB.torch_family(version) is None


@pytest.mark.parametrize(
    ("version", "pypi_cuda", "python_min", "python_shipped", "vision", "variants_known"),
    [
        # wheel METADATA nvidia-cuda-runtime / cuda-toolkit pins; torch/version.py before 1.13
        ("1.4.0", "10.1", "2.7", "3.8", "0.5.0", False),
        ("1.6.0", "10.2", "3.6", "3.8", "0.7.0", False),
        ("1.13.1", "11.7", "3.7", "3.11", "0.14.1", True),
        ("2.4.1", "12.1", "3.8", "3.12", "0.19.1", True),
        ("2.5.1", "12.4", "3.9", "3.13", "0.20.1", True),
        ("2.7.0", "12.6", "3.9", "3.13", "0.22.0", True),
        ("2.13.0", "13.0", "3.10", "3.14", "0.28.0", True),
        ("2.14.0", "13.0", "3.10", "3.14", "0.29.0", True),
        ("2.15.0", "13.2", "3.11", "3.15", None, False),
    ],
)
def test_torch_release_facts_from_the_index(
    version: str,
    pypi_cuda: str,
    python_min: str,
    python_shipped: str,
    vision: str | None,
    variants_known: bool,
) -> None:
    release = KB.torch_release(version)
    assert release is not None and release.patch is not None
    assert release.pypi_default_cuda == pypi_cuda
    assert (release.pypi_default_cuda_source or "").startswith(f"torch-{version}-")
    assert release.line.python_min == python_min
    assert release.line.python_max_shipped == python_shipped
    assert release.patch.torchvision == vision
    assert release.line.variants_known is variants_known


@pytest.mark.parametrize(
    ("package", "version", "spec"),
    [
        ("torchvision", "0.7.0", "==1.6.0"),
        ("torchvision", "0.29.2", ">=2.14.0"),
        ("torchaudio", "2.11.0", None),
        ("torchaudio", "2.11.1", ">=2.11"),
        ("torchtext", "0.18.0", ">=2.3.0"),
        ("torchtext", "0.17.0", "==2.2.0"),
    ],
)
def test_torch_requirement_of_family_releases(package: str, version: str, spec: str | None) -> None:
    found = KB.torch_requirement(package, version)
    assert found is not None and found.requires_torch == spec
    assert found.source.startswith(f"{package}-{version}-")
    assert KB.torch_requirement(package, "99.0") is None


def test_jax_extra_without_plugin() -> None:
    assert "0.7.2" in (KB.jax_extra_without_plugin("0.7.0", "cuda13") or "")
    assert KB.jax_extra_without_plugin("0.7.1", "cuda13_local") is not None
    assert KB.jax_extra_without_plugin("0.7.2", "cuda13") is None
    assert KB.jax_extra_without_plugin("0.7.0", "cuda12") is None


@pytest.mark.parametrize(
    ("package", "version", "torch"),
    [
        ("torchvision", "0.16.1", "2.1.1"),
        ("torchvision", "0.16.1+cu121", "2.1.1"),
        ("torchaudio", "2.0.1", "2.0.0"),
        ("torchaudio", "0.13.1", "1.13.1"),
        ("torchvision", "0.99.0", None),
        ("numpy", "1.0", None),
    ],
)
def test_torch_for(package: str, version: str, torch: str | None) -> None:
    assert KB.torch_for(package, version) == torch


@pytest.mark.parametrize(
    ("variant", "torch", "present", "absent", "ptx"),
    [
        ("cu118", "2.1.0", {"sm_37", "sm_90"}, {"sm_100"}, None),
        ("cu121", "2.1.5", {"sm_90"}, {"sm_37"}, None),  # unknown patch → same minor measured
        ("cu128", "2.7.0", {"sm_120", "sm_100"}, {"sm_70"}, "sm_120"),
        ("cu128", "2.8.0", {"sm_70", "sm_120"}, {"sm_50"}, None),
        ("cu126", "2.10.0", {"sm_50", "sm_90"}, {"sm_100"}, None),
        ("cu130", "2.11.0", {"sm_75", "sm_120"}, {"sm_70"}, "sm_120"),
        ("cu126", None, {"sm_50"}, {"sm_120"}, None),
    ],
)
def test_torch_arches(
    variant: str, torch: str | None, present: set[str], absent: set[str], ptx: str | None
) -> None:
    arches = KB.torch_arches(variant, torch)
    assert arches is not None
    assert present <= arches.sm and not (absent & arches.sm)
    assert arches.ptx == ptx


@pytest.mark.parametrize(
    ("variant", "torch", "machine"),
    [("cu130", "2.8.0", "x86_64"), ("cpu", "2.1.0", "x86_64"), ("cu118", "2.1.0", "aarch64")],
)
def test_torch_arches_unknown(variant: str, torch: str, machine: str) -> None:
    assert KB.torch_arches(variant, torch, machine) is None


def test_torch_arches_aarch64() -> None:
    arches = KB.torch_arches("cu130", "2.10.0", machine="aarch64")
    assert arches is not None and "sm_110" in arches.sm


@pytest.mark.parametrize(
    ("cuda", "toolkit", "floor"),
    [
        ("11.8", "520.61.05", "450.80.02"),
        ("12.1", "530.30.02", "525.60.13"),
        ("12.1.1", "530.30.02", "525.60.13"),
        ("12.6.3", "560.35.05", "525.60.13"),
        ("12.6", "560.28.03", "525.60.13"),
        ("13.0", "580.65.06", "580"),
        ("13.2.2", "595.71.05", "580"),
        ("12.7", None, "525.60.13"),
    ],
)
def test_min_driver_for_cuda(cuda: str, toolkit: str | None, floor: str) -> None:
    driver = KB.min_driver_for_cuda(cuda)
    assert driver is not None
    assert (driver.toolkit_driver, driver.family_floor) == (toolkit, floor)


@pytest.mark.parametrize("cuda", ["10.2", "", "abc"])
def test_min_driver_for_unknown_cuda(cuda: str) -> None:
    assert KB.min_driver_for_cuda(cuda) is None


@pytest.mark.parametrize(
    ("version", "cuda", "cudnn", "python"),
    [
        ("2.15.0", "12.2", "8.9", ("3.9", "3.11")),
        ("2.16.2", "12.3", "8.9", ("3.9", "3.12")),
        ("2.14.1", "11.8", "8.7", ("3.9", "3.11")),
        ("2.21.0", "12.5", "9.3", ("3.10", "3.13")),
        # tensorflow/docs source.md @ b19e63b8 (rows the newer docs dropped)
        ("2.3.1", "10.1", "7.6", ("3.5", "3.8")),
        ("2.1.0", "10.1", "7.6", ("2.7", "3.7")),
    ],
)
def test_tensorflow_release(version: str, cuda: str, cudnn: str, python: tuple[str, str]) -> None:
    release = KB.tensorflow_release(version)
    assert release is not None
    assert (release.cuda, release.cudnn, (release.python_min, release.python_max)) == (
        cuda,
        cudnn,
        python,
    )


# 1.15 / 2.0: only tensorflow-gpu is a GPU build; its tested CUDA is in tensorflow_wheels.json
@pytest.mark.parametrize("version", ["2.0.0", "1.15.0", "1.14.0", "x"])
def test_tensorflow_release_unknown(version: str) -> None:
    assert KB.tensorflow_release(version) is None


@pytest.mark.parametrize(
    ("version", "python", "numpy_min", "has_cuda11", "has_cuda13"),
    [
        ("0.4.25", ">=3.9", "1.22", True, False),
        ("0.4.26", ">=3.9", "1.22", False, False),
        ("0.7.0", ">=3.11", "1.26", False, False),  # no jax-cuda13-plugin 0.7.0 (audit W8)
        ("0.9.0.1", ">=3.11", "2.0", False, True),
        ("0.11.0", ">=3.12", "2.1", False, True),
    ],
)
def test_jax_release(
    version: str, python: str, numpy_min: str, has_cuda11: bool, has_cuda13: bool
) -> None:
    release = KB.jax_release(version)
    assert release is not None
    assert (release.python_requires, release.numpy_min) == (python, numpy_min)
    assert any(e.startswith("cuda11") for e in release.cuda_extras) is has_cuda11
    assert any(e.startswith("cuda13") for e in release.cuda_extras) is has_cuda13


def test_jax_unknown_and_floors() -> None:
    assert KB.jax_release("0.4.19") is None
    assert KB.jax_gpu_floor("cuda12-local") == "5.2"
    assert KB.jax_gpu_floor("cuda13") == "7.5"


@pytest.mark.parametrize(
    ("package", "first"),
    [
        ("scipy", "1.13.0"),
        ("SciPy", "1.13.0"),
        ("scikit_learn", "1.4.2"),
        ("torch", "2.3.0"),
        ("pytorch", "2.3.0"),
        ("jaxlib", "0.4.26"),
        ("jax", "0.4.26"),
        ("opencv-python-headless", "4.10.0.84"),
        ("tensorflow", "2.18.0"),
        # read from the wheels (scripts/numpy2_abi_from_index.py): h5py 3.10.0 / scikit-image
        # 0.22.0 are built on NumPy 1; xgboost uses no NumPy C API (ctypes)
        ("h5py", "3.11.0"),
        ("scikit-image", "0.23.0"),
        ("xgboost", None),
        ("requests", None),
    ],
)
def test_numpy2_first_release(package: str, first: str | None) -> None:
    expected = Version(first) if first else None
    assert KB.numpy2_first_release(package) == expected


@pytest.mark.parametrize(
    ("package", "version", "numpy"),
    [
        ("opencv-python", "4.11.0.86", None),
        ("opencv-python", "4.12.0.88", ">=2,<2.3"),
        ("opencv-python-headless", "4.13.0.92", ">=2"),
        ("jax", "0.7.2", ">=2.0"),
        ("jaxlib", "0.4.30", ">=1.22"),
        ("scipy", "1.13.0", None),
    ],
)
def test_numpy_requirement(package: str, version: str, numpy: str | None) -> None:
    assert KB.numpy_requirement(package, version) == numpy


@pytest.mark.parametrize(
    ("torch", "cuda"),
    [("1.12.1", ("10.2", "11.3", "11.6")), ("2.1.0", ("11.8", "12.1")), ("2.6.0", ())],
)
def test_conda_pytorch_cuda(torch: str, cuda: tuple[str, ...]) -> None:
    assert KB.conda_pytorch_cuda(torch) == cuda
    assert KB.conda_pytorch_last_minor() == Version("2.5")


@pytest.mark.parametrize(
    ("variant", "cuda"),
    [
        ("cu118", "11.8"),
        ("cu121", "12.1"),
        ("cu102", "10.2"),
        ("cu92", "9.2"),
        ("cu130", "13.0"),
        ("cpu", None),
        ("rocm6.2", None),
        (None, None),
        ("cuda", None),
    ],
)
def test_variant_cuda(variant: str | None, cuda: str | None) -> None:
    assert variant_cuda(variant) == cuda
    if cuda:
        assert cuda_variant(cuda) == variant


@pytest.mark.parametrize(
    ("url", "variant", "pytorch", "all_variants"),
    [
        ("https://download.pytorch.org/whl/cu118", "cu118", True, False),
        ("https://download.pytorch.org/whl/cpu/", "cpu", True, False),
        ("https://download.pytorch.org/whl/nightly/cu126", "cu126", True, False),
        ("https://download.pytorch.org/whl/rocm6.2", "rocm6.2", True, False),
        ("https://download.pytorch.org/whl/torch_stable.html", None, True, True),
        ("https://download.pytorch.org/whl", None, True, True),
        ("https://mirror.example/pytorch/whl/cu121", "cu121", True, False),
        ("https://pypi.org/simple", None, False, False),
    ],
)
def test_index_urls(url: str, variant: str | None, pytorch: bool, all_variants: bool) -> None:
    assert url_variant(url) == variant
    assert is_pytorch_index(url) is pytorch
    assert serves_all_variants(url) is all_variants


@pytest.mark.parametrize(
    ("text", "mm", "shortened"),
    [("12.1.1", (12, 1), "12.1"), ("12", (12, 0), "12"), ("11.8", (11, 8), "11.8")],
)
def test_cuda_version_strings(text: str, mm: tuple[int, int], shortened: str) -> None:
    assert major_minor(text) == mm
    assert short(text) == shortened


@pytest.mark.parametrize(
    ("label", "ok"), [("cu118", True), ("cpu", True), ("rocm5.4.2", True), ("post1", False)]
)
def test_is_variant(label: str, ok: bool) -> None:
    assert is_variant(label) is ok
