"""The ML rules on snapshots built by the real parsers from the article's files."""

from __future__ import annotations

from datetime import date

import pytest

from rules.checks.base import RuleContext
from rules.checks.registry import ALL_RULES
from rules.config import RepoConfig
from rules.findings import Finding
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot
from rules.review import review_trees

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
    # the Dockerfile installs requirements.txt: reported at its image line, the one to change
    assert ("cuda-base-image-mismatch", "torch", "Dockerfile", "warning") in found
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


# -- what a fresh build installs: ranges, exact pins and locks on real file shapes ----------

RUN_REQS = "COPY requirements.txt .\nRUN pip3 install --no-cache-dir -r requirements.txt\n"


def _image(image: str, requirements: str, extra: str = "") -> dict[str, str]:
    return {
        "requirements.txt": requirements,
        "Dockerfile": f"FROM {image}\nRUN apt-get update && apt-get install -y python3-pip\n"
        + RUN_REQS
        + extra,
    }


def _review(files: dict[str, str]) -> list[Finding]:
    return list(review_trees({}, files, today=TODAY).findings)


TODAY = date(2026, 12, 3)
CUDA_RULES = {"cuda-base-image-mismatch", "tensorflow-cuda-mismatch", "cuda-variant-mismatch"}

# (name, files, expected {(rule, package, severity)} among CUDA_RULES, words the first says)
RANGE_CASES: list[tuple[str, dict[str, str], set[tuple[str, str, str]], str]] = [
    (
        # every TensorFlow the range admits (2.5 … 2.21) is built for CUDA 11.x or 12.x
        # (TF tested-build table); the image has CUDA 10.2 and cuDNN 7
        "tensorflow~=2.5 on a CUDA 10.2 / cuDNN 7 image",
        _image("nvidia/cuda:10.2-cudnn7-runtime-ubuntu18.04", "tensorflow~=2.5\n"),
        {
            ("cuda-base-image-mismatch", "tensorflow", "error"),
            ("tensorflow-cuda-mismatch", "tensorflow", "error"),
        },
        "every release the range admits",
    ),
    (
        # a fresh build installs the newest torch: its PyPI wheel is a CUDA 13 build
        "torch>=2.1 from PyPI on a CUDA 11.7 image",
        _image("nvidia/cuda:11.7.1-runtime-ubuntu22.04", "torch>=2.1\nnumpy<2\n"),
        {("cuda-base-image-mismatch", "torch", "error")},
        "newest admitted",
    ),
    (
        # audit C02b: the PyPI 2.5.1 wheel pins nvidia-cuda-runtime-cu12==12.4.127; a 12.1
        # image's host runs it by minor-version compatibility
        "torch==2.5.1 plain PyPI on a CUDA 12.1 image",
        _image("nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04", "torch==2.5.1\n"),
        {("cuda-base-image-mismatch", "torch", "warning")},
        "exact pin 2.5.1",
    ),
    (
        # audit C07 / W1: torch 2.14.0's PyPI wheel is CUDA 13.0 (cuda-toolkit==13.0.3)
        "torch==2.14.0 on a CUDA 13.0 image",
        _image("nvidia/cuda:13.0.2-cudnn-runtime-ubuntu24.04", "torch==2.14.0\n"),
        set(),
        "",
    ),
    (
        # picks 2.5.1 (cu124): newer minor than the image's 12.1
        "a bounded range whose newest release is a newer CUDA minor",
        _image("nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04", "torch>=2.1,<2.6\n"),
        {("cuda-base-image-mismatch", "torch", "warning")},
        "newest admitted 2.5.1",
    ),
    (
        "a bounded range whose releases all fit",
        _image("nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04", "torch>=2.1,<2.5\n"),
        set(),
        "",
    ),
    (
        "a cu121 index for a range on a 12.1 image",
        _image(
            "nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04",
            "--index-url https://download.pytorch.org/whl/cu121\ntorch>=2.1\n",
        ),
        set(),
        "",
    ),
    (
        # torch's cpp_extension refuses to build with a CUDA major other than torch's own
        "torch+cu118 on a 12.1 devel image that compiles flash-attn",
        {
            "Dockerfile": "FROM nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04\n"
            "RUN pip install torch==2.1.0 --index-url https://download.pytorch.org/whl/cu118\n"
            "RUN pip install flash-attn==2.5.8 --no-build-isolation\n",
        },
        {("cuda-base-image-mismatch", "torch", "error")},
        "mismatches the version that was used to compile PyTorch",
    ),
    (
        "torch+cu118 on a 12.1 runtime image (bundled runtime: warning)",
        {
            "Dockerfile": "FROM nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04\n"
            "RUN pip install torch==2.1.0 --index-url https://download.pytorch.org/whl/cu118\n",
        },
        {("cuda-base-image-mismatch", "torch", "warning")},
        "the cu118 index",
    ),
    (
        # torch 2.3.1 from PyPI is the CUDA 12.1 build
        "nvidia-*-cu11 runtime wheels beside a PyPI torch built for CUDA 12",
        {"requirements.txt": "torch==2.3.1\nnvidia-cudnn-cu11==8.9.4.25\nnumpy<2\n"},
        {("cuda-variant-mismatch", "nvidia-cudnn-cu11", "error")},
        "two CUDA majors",
    ),
    (
        "nvidia-*-cu12 wheels beside a range-picked CUDA 12 torch",
        {"requirements.txt": "torch>=2.1,<2.4\nnvidia-cudnn-cu12==8.9.2.26\nnumpy<2\n"},
        set(),
        "",
    ),
    (
        # a uv lock pins torch 2.3.1+cu121: the lock, not the range, decides
        "a lock in the folder decides the release",
        {
            "pyproject.toml": '[project]\nname = "x"\nversion = "1"\nrequires-python = ">=3.10"\n'
            'dependencies = ["torch>=2.1", "numpy<2"]\n',
            "uv.lock": 'version = 1\nrequires-python = ">=3.10"\n\n[[package]]\nname = "torch"\n'
            'version = "2.3.1+cu121"\nsource = { registry = '
            '"https://download.pytorch.org/whl/cu121" }\n',
            "Dockerfile": "FROM nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04\n",
        },
        set(),
        "",
    ),
]


@pytest.mark.parametrize(
    ("name", "files", "expected", "words"), RANGE_CASES, ids=[c[0] for c in RANGE_CASES]
)
def test_the_release_a_fresh_build_installs(
    name: str, files: dict[str, str], expected: set[tuple[str, str, str]], words: str
) -> None:
    found = [f for f in _review(files) if f.rule in CUDA_RULES]
    assert {(f.rule, f.package, f.severity.value) for f in found} == expected
    if words:
        assert any(words in f.message for f in found), [f.message for f in found]
    for f in found:
        assert f.fix, f.message


def test_a_fix_for_a_range_names_the_matching_index() -> None:
    files = _image("nvidia/cuda:11.7.1-runtime-ubuntu22.04", "torch>=2.0\n")
    (found,) = [f for f in _review(files) if f.rule == "cuda-base-image-mismatch"]
    # the newest admitted torch with a CUDA 11.x build not above 11.7: 2.0.1+cu117, written for
    # requirements.txt (which the Dockerfile the finding is located at installs)
    assert (found.file, found.line) == ("Dockerfile", 1)
    assert found.fix == (
        "# in requirements.txt:\n"
        "torch==2.0.1+cu117\n--extra-index-url https://download.pytorch.org/whl/cu117"
    )
    assert "torch is declared at requirements.txt:1, which Dockerfile installs" in found.message


# google/dopamine's docker/core/Dockerfile (commit 8d6d476b): an nvidia/cuda:11.1.1-cudnn8 image
# (cuDNN 8.0.5, KB cuda_image_cudnn.json) that pip installs a requirements.txt with an
# unpinned tensorflow (a fresh install picks 2.13.x, built with cuDNN 8.6: KB tensorflow.json)
DOPAMINE_IMAGE = "nvidia/cuda:11.1.1-cudnn8-devel-ubuntu20.04"


@pytest.mark.parametrize(
    ("dockerfile", "where", "words"),
    [
        # the Dockerfile installs requirements.txt: at its image line, the one to change; with
        # no Python named the newest TensorFlow (cuDNN 9) is judged: another cuDNN major
        (f"FROM {DOPAMINE_IMAGE}\n" + RUN_REQS, ("Dockerfile", 1), "cuDNN majors"),
        # dopamine's python3.8: TensorFlow 2.13 (cuDNN 8.6), an older cuDNN minor
        (
            f"FROM {DOPAMINE_IMAGE}\nRUN apt-get install -y python3.8\n" + RUN_REQS,
            ("Dockerfile", 1),
            "older cuDNN minor",
        ),
        # the same image not installing it: at the requirement
        (f"FROM {DOPAMINE_IMAGE}\nRUN pip install flask\n", ("requirements.txt", 2), "cuDNN"),
    ],
)
def test_an_image_that_cannot_run_what_it_installs_is_reported_at_the_image(
    dockerfile: str, where: tuple[str, int], words: str
) -> None:
    files = {"requirements.txt": "absl-py>=0.9.0\ntensorflow\n", "Dockerfile": dockerfile}
    (found,) = [f for f in _review(files) if f.rule == "tensorflow-cuda-mismatch"]
    assert (found.file, found.line, found.severity.value) == (*where, "error")
    assert words in found.message
    at_image = where[0] == "Dockerfile"
    assert ("tensorflow is declared at requirements.txt:2" in found.message) is at_image
    assert found.fix is not None and not found.fix.startswith("RUN pip install")


WHEEL_HOSTS = (
    "--extra-index-url https://download.pytorch.org/whl/cu121\n"
    "--extra-index-url https://pypi.nvidia.com\n"
    "--extra-index-url https://pypi.ngc.nvidia.com\n"
    "-f https://data.pyg.org/whl/torch-2.3.0+cu121.html\n"
    "torch==2.3.1+cu121\ntorch-scatter==2.1.2\nnumpy<2\n"
)


@pytest.mark.parametrize(
    ("extra", "hosts"),
    [
        ("", set()),
        ("--extra-index-url https://wheels.example.net/simple\n", {"wheels.example.net"}),
    ],
)
def test_official_ml_wheel_hosts_are_not_untrusted(extra: str, hosts: set[str]) -> None:
    found = [
        f for f in _review({"requirements.txt": extra + WHEEL_HOSTS}) if f.rule == "untrusted-index"
    ]
    assert {f.evidence[0].split("/")[2] for f in found} == hosts
