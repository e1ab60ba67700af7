"""The pure transform of package-index records (scripts/kb_build.py), on recorded snippets."""

from __future__ import annotations

from typing import Any

import pytest

from scripts.kb_build import _member_requirements, _torch_index

# Requires-Dist / version.py lines as recorded from real wheels (fixtures/compat/pypi_index.json)
TORCH_CASES: list[tuple[str, dict[str, Any], str | None, str | None, list[str]]] = [
    (
        "nvidia runtime pin (2.5.1)",
        {
            "metadata_file": "torch-2.5.1-cp310-cp310-manylinux1_x86_64.whl",
            "requires_dist": [
                'nvidia-cuda-runtime-cu12 (==12.4.127) ; platform_system == "Linux" and '
                'platform_machine == "x86_64"',
                'nvidia-cudnn-cu12 (==9.1.0.70) ; platform_system == "Linux" and '
                'platform_machine == "x86_64"',
            ],
            "files": [
                "torch-2.5.1-cp310-cp310-manylinux1_x86_64.whl",
                "torch-2.5.1-cp313-cp313-manylinux1_x86_64.whl",
                "torch-2.5.1-cp39-none-macosx_11_0_arm64.whl",
            ],
        },
        "12.4",
        "9.1.0.70",
        ["3.10", "3.13"],
    ),
    (
        "cuda-toolkit pin (2.14.0), free-threaded wheel",
        {
            "metadata_file": "torch-2.14.0-cp310-cp310-manylinux_2_28_x86_64.whl",
            "requires_dist": [
                'cuda-toolkit[cublas,cudart]==13.0.3; platform_system == "Linux"',
                'nvidia-cudnn-cu13==9.24.0.43; platform_system == "Linux"',
            ],
            "files": [
                "torch-2.14.0-cp314-cp314t-manylinux_2_28_x86_64.whl",
                "torch-2.14.0-cp314-cp314-manylinux_2_28_aarch64.whl",
            ],
        },
        "13.0",
        "9.24.0.43",
        ["3.14t"],
    ),
    (
        "embedded CUDA read from torch/version.py (1.9.0)",
        {
            "metadata_file": "torch-1.9.0-cp36-cp36m-manylinux1_x86_64.whl",
            "requires_dist": ["typing-extensions", 'dataclasses ; python_version < "3.7"'],
            "version_py_file": "torch-1.9.0-cp36-cp36m-manylinux1_x86_64.whl",
            "version_py": ["__version__ = '1.9.0+cu102'", "cuda = '10.2'"],
            "files": ["torch-1.9.0-cp36-cp36m-manylinux1_x86_64.whl"],
        },
        "10.2",
        None,
        ["3.6"],
    ),
    (
        "a macOS-only marker does not count",
        {
            "metadata_file": "torch-9.0.0-cp312-cp312-manylinux_2_28_x86_64.whl",
            "requires_dist": ['nvidia-cuda-runtime-cu12==12.8.90; platform_system == "Darwin"'],
            "files": [],
        },
        None,
        None,
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "record", "cuda", "cudnn", "python"), TORCH_CASES, ids=[c[0] for c in TORCH_CASES]
)
def test_torch_index_facts(
    name: str, record: dict[str, Any], cuda: str | None, cudnn: str | None, python: list[str]
) -> None:
    facts = _torch_index(record)
    assert (facts["cuda"], facts["cudnn"], facts["python"]) == (cuda, cudnn, python)
    if cuda is not None:
        assert facts["cuda_source"].startswith(record["metadata_file"])


def test_member_requirements_keep_exact_pins_ranges_and_absence() -> None:
    packages = {
        "torchvision": {
            "0.7.0": {
                "metadata_file": "torchvision-0.7.0-cp36-cp36m-manylinux1_x86_64.whl",
                "requires_dist": ["numpy", "torch (==1.6.0)", "pillow (>=4.1.1)"],
            }
        },
        "torchaudio": {
            "2.11.0": {
                "metadata_file": "torchaudio-2.11.0-cp310-cp310-manylinux_2_28_x86_64.whl",
                "requires_dist": [],
            },
            "2.11.1": {
                "metadata_file": "torchaudio-2.11.1-py3-none-manylinux_2_28_x86_64.whl",
                "requires_dist": ["torch>=2.11"],
            },
        },
    }
    rows = {(r["package"], r["version"]): r for r in _member_requirements(packages)}
    assert rows["torchvision", "0.7.0"]["requires_torch"] == "==1.6.0"
    assert rows["torchvision", "0.7.0"]["source"].endswith("Requires-Dist: torch (==1.6.0)")
    assert rows["torchaudio", "2.11.0"]["requires_torch"] is None
    assert rows["torchaudio", "2.11.1"]["requires_torch"] == ">=2.11"
