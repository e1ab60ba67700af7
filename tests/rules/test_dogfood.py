"""Small realistic repositories reviewed end to end (parsers, KB, rules, review).

Each case is a good base and a head with one realistic change; the expected new findings are
what a maintainer would agree with. Cases marked "found dogfooding" were wrong before a fix.
"""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from rules.manifests.poetry_hash import content_hash
from rules.review import review_trees

TODAY = date(2026, 11, 26)
PT = "https://download.pytorch.org/whl"

POETRY_PYPROJECT = """[tool.poetry]
name = "trainer"
version = "0.1.0"
description = "fine-tuning jobs"
authors = ["ML team <ml@example.com>"]

[tool.poetry.dependencies]
python = ">=3.10,<3.13"
torch = {version = "TORCH", source = "pytorch-cu121"}
torchvision = {version = "TV", source = "pytorch-cu121"}
numpy = "^1.26"

[[tool.poetry.source]]
name = "pytorch-cu121"
url = "https://download.pytorch.org/whl/cu121"
priority = "explicit"

[build-system]
requires = ["poetry-core"]
build-backend = "poetry.core.masonry.api"
"""

POETRY_LOCK = """[[package]]
name = "numpy"
version = "1.26.4"
description = ""
optional = false
python-versions = ">=3.9"
files = []

[[package]]
name = "torch"
version = "TORCH"
description = ""
optional = false
python-versions = ">=3.8.0"
files = []

[package.source]
type = "legacy"
url = "https://download.pytorch.org/whl/cu121"
reference = "pytorch-cu121"

[[package]]
name = "torchvision"
version = "TV"
description = ""
optional = false
python-versions = ">=3.8"
files = []

[package.source]
type = "legacy"
url = "https://download.pytorch.org/whl/cu121"
reference = "pytorch-cu121"

[metadata]
lock-version = "2.0"
python-versions = ">=3.10,<3.13"
content-hash = "HASH"
"""

UV_PYPROJECT = """[project]
name = "svc"
version = "0.1.0"
requires-python = ">=3.10"
dependencies = [
    "torch==TORCH",
    "torchvision==TV",
    "NUMPY",
]

[[tool.uv.index]]
name = "pytorch-cu121"
url = "https://download.pytorch.org/whl/cu121"
explicit = true

[tool.uv.sources]
torch = { index = "pytorch-cu121" }
torchvision = { index = "pytorch-cu121" }
"""

UV_LOCK = """version = 1
requires-python = ">=3.10"

[[package]]
name = "numpy"
version = "NPV"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "torch"
version = "TORCH+cu121"
source = { registry = "https://download.pytorch.org/whl/cu121" }

[[package]]
name = "torchvision"
version = "TV+cu121"
source = { registry = "https://download.pytorch.org/whl/cu121" }
"""


def _fill(text: str, **values: str) -> str:
    for key, value in values.items():
        text = text.replace(key.upper(), value)
    return text


def poetry(torch: str, tv: str) -> dict[str, str]:
    """A pyproject and the poetry.lock Poetry would write for it (its content-hash included)."""
    pyproject = _fill(POETRY_PYPROJECT, torch=torch, tv=tv)
    digest = content_hash(tomllib.loads(pyproject))
    return {
        "pyproject.toml": pyproject,
        "poetry.lock": _fill(POETRY_LOCK, torch=torch, tv=tv, hash=digest),
    }


def uv(torch: str, tv: str, numpy: str, npv: str) -> dict[str, str]:
    return {
        "pyproject.toml": _fill(UV_PYPROJECT, torch=torch, tv=tv, numpy=numpy),
        "uv.lock": _fill(UV_LOCK, torch=torch, tv=tv, npv=npv),
    }


def conda(transformers: str, cuda: str = "12.1") -> dict[str, str]:
    return {
        "environment.yml": "name: train\nchannels:\n  - pytorch\n  - nvidia\ndependencies:\n"
        f"  - python=3.11\n  - pytorch=2.3.1\n  - torchvision=0.18.1\n  - pytorch-cuda={cuda}\n"
        f"  - numpy=1.26\n  - pip\n  - pip:\n      - transformers=={transformers}\n"
    }


def reqs(index: str, torch: str, tv: str) -> dict[str, str]:
    return {
        "requirements/base.txt": "numpy==1.26.4\npandas==2.2.2\ntransformers==4.41.2\n",
        "requirements/gpu.txt": f"-r base.txt\n-c ../constraints.txt\n"
        f"--extra-index-url {PT}/{index}\ntorch=={torch}\ntorchvision=={tv}\n",
        "constraints.txt": "numpy<2\n",
    }


def docker(installs: str) -> dict[str, str]:
    return {
        "Dockerfile": "FROM pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime\nWORKDIR /app\n"
        "COPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n"
        f"RUN pip install --no-cache-dir {installs}\n",
        "requirements.txt": "numpy==1.26.4\nsentencepiece==0.2.0\n",
    }


def image_with(image: str, requirements: str) -> dict[str, str]:
    return {
        "requirements.txt": requirements,
        "Dockerfile": f"FROM {image}\nRUN apt-get update && apt-get install -y python3-pip\n"
        "COPY requirements.txt .\nRUN pip3 install --no-cache-dir -r requirements.txt\n",
    }


CUDA122_CUDNN8 = "nvidia/cuda:12.2.2-cudnn8-runtime-ubuntu22.04"
CUDA118_CUDNN8 = "nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04"
JAX = "jax[cuda12]==VERSION\nflax==0.8.5\n"
TF = "tensorflow[and-cuda]==VERSION\nnumpy==1.26.4\n"
HATCH_LIBRARY = {
    "pyproject.toml": '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"'
    '\n\n[project]\nname = "mylib"\nversion = "1.0"\nrequires-python = ">=3.9"\n'
    'dependencies = ["numpy>=1.22", "torch>=2.0"]\n'
}


def official_install(torch: str, index: str) -> dict[str, str]:
    return {
        "Dockerfile": "FROM nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04\n"
        f"RUN pip3 install --no-cache-dir torch=={torch} --index-url {PT}/{index}\n"
    }


def uv_extras(cpu: str, gpu: str) -> dict[str, str]:
    return {
        "pyproject.toml": '[project]\nname = "x"\nversion = "1"\nrequires-python = ">=3.10"\n'
        'dependencies = ["numpy<2"]\n[project.optional-dependencies]\n'
        f'cpu = ["torch==2.3.1{cpu}"]\ncu121 = ["torch==2.3.1{gpu}"]\n[tool.uv]\n'
        'conflicts = [[{extra = "cpu"}, {extra = "cu121"}]]\n[tool.uv.sources]\ntorch = [\n'
        '  {index = "pytorch-cpu", extra = "cpu"},\n  {index = "pytorch-cu121", extra = "cu121"},\n'
        ']\n[[tool.uv.index]]\nname = "pytorch-cpu"\nurl = "https://download.pytorch.org/whl/cpu"'
        '\nexplicit = true\n[[tool.uv.index]]\nname = "pytorch-cu121"\n'
        'url = "https://download.pytorch.org/whl/cu121"\nexplicit = true\n',
        "uv.lock": 'version = 1\nrequires-python = ">=3.10"\n\n'
        '[[package]]\nname = "numpy"\nversion = "1.26.4"\n'
        'source = { registry = "https://pypi.org/simple" }\n\n'
        '[[package]]\nname = "torch"\nversion = "2.3.1+cpu"\n'
        'source = { registry = "https://download.pytorch.org/whl/cpu" }\n\n'
        '[[package]]\nname = "torch"\nversion = "2.3.1+cu121"\n'
        'source = { registry = "https://download.pytorch.org/whl/cu121" }\n',
    }


def conda_tf(pip: str) -> dict[str, str]:
    # cuDNN 8.9: TensorFlow 2.14 is built with 8.7 and refuses an older minor (cuda_dnn.cc)
    return {
        "environment.yml": "channels:\n  - conda-forge\ndependencies:\n  - python=3.10\n"
        f"  - cudatoolkit=11.8\n  - cudnn=8.9\n  - numpy=1.26\n  - pip\n  - pip:\n    - {pip}\n",
        "conda-lock.yml": "version: 1\nmetadata: {}\npackage: []\n",
    }


PIP_TOOLS = {
    "requirements.in": "torch==2.3.1\ntorchvision\npandas\n",
    "requirements.txt": "numpy==1.26.4 \\\n    --hash=sha256:00\n    # via pandas\n"
    "pandas==2.2.2\ntorch==2.3.1\ntorchvision==0.18.1\n",
}
TWO_FOLDERS_BASE = {
    f"{side}/{name}": text
    for side in ("base", "head")
    for name, text in image_with(CUDA118_CUDNN8, "torch==2.1.0+cu118\n").items()
}

Expected = list[tuple[str, str, str, int]]  # rule, severity, file, line of each new finding
CASES: list[tuple[str, dict[str, str], dict[str, str], str, Expected]] = [
    (
        "poetry: torch and torchvision bumped together",
        poetry("2.3.1+cu121", "0.18.1+cu121"),
        poetry("2.4.0+cu121", "0.19.0+cu121"),
        "success",
        [],
    ),
    (
        "poetry: torch bumped, torchvision left behind",
        poetry("2.3.1+cu121", "0.18.1+cu121"),
        poetry("2.4.0+cu121", "0.18.1+cu121"),
        "failure",
        [("torch-family-mismatch", "error", "pyproject.toml", 10)],
    ),
    (
        "uv: explicit PyTorch index, family bumped",
        uv("2.3.1", "0.18.1", "numpy>=1.26,<2", "1.26.4"),
        uv("2.4.0", "0.19.0", "numpy>=1.26,<2", "1.26.4"),
        "success",
        [],
    ),
    (
        "uv: NumPy 2 under torch 2.2",
        uv("2.2.2", "0.17.2", "numpy>=1.26,<2", "1.26.4"),
        uv("2.2.2", "0.17.2", "numpy>=2.0", "2.0.1"),
        "failure",
        [("numpy-abi", "error", "uv.lock", 5)],  # the lock's numpy entry brings NumPy 2
    ),
    ("conda: pip section bump", conda("4.41.2"), conda("4.42.0"), "success", []),
    # found dogfooding: pytorch 2.3 was never built for pytorch-cuda 12.4 (solve fails)
    (
        "conda: pytorch-cuda moved to 12.4 under pytorch 2.3.1",
        conda("4.41.2"),
        conda("4.41.2", cuda="12.4"),
        "failure",
        [("cuda-variant-mismatch", "error", "environment.yml", 9)],
    ),
    (
        "requirements: torch family bump on the cu121 index",
        reqs("cu121", "2.3.1+cu121", "0.18.1+cu121"),
        reqs("cu121", "2.4.0+cu121", "0.19.0+cu121"),
        "success",
        [],
    ),
    (
        "requirements: index switched to cu118 under +cu121 pins",
        reqs("cu121", "2.3.1+cu121", "0.18.1+cu121"),
        reqs("cu118", "2.3.1+cu121", "0.18.1+cu121"),
        "failure",
        [
            ("cuda-variant-mismatch", "error", "requirements/gpu.txt", 4),
            ("cuda-variant-mismatch", "error", "requirements/gpu.txt", 5),
        ],
    ),
    (
        "Dockerfile on pytorch/pytorch: utility bump",
        docker("transformers==4.41.2"),
        docker("transformers==4.42.0"),
        "success",
        [],
    ),
    # found dogfooding: torch bumped on a pytorch/pytorch image left the image's torchvision
    # and torchaudio (built for its torch 2.3.1) behind, and only got a notice
    (
        "Dockerfile on pytorch/pytorch: torch bumped over the image's",
        docker("transformers==4.41.2"),
        docker("torch==2.4.0 transformers==4.41.2"),
        "neutral",
        [
            ("torch-family-mismatch", "warning", "Dockerfile", 5),
            ("cpu-only-risk", "notice", "Dockerfile", 5),
        ],
    ),
    # found dogfooding: a PyTorch --index-url replaces PyPI for the whole install
    (
        "requirements: PyTorch index as --index-url next to scikit-learn",
        {"requirements.txt": f"--extra-index-url {PT}/cu121\ntorch==2.3.1\nscikit-learn==1.5.0\n"},
        {"requirements.txt": f"--index-url {PT}/cu121\ntorch==2.3.1\nscikit-learn==1.5.0\n"},
        "failure",
        [("pytorch-index-replaces-pypi", "error", "requirements.txt", 1)],
    ),
    # found dogfooding: jax[cuda12] brings cuDNN 9 from pip; the image's cuDNN 8 is unused
    (
        "jax[cuda12] on a cudnn8 image: bump",
        image_with(CUDA122_CUDNN8, _fill(JAX, version="0.4.30")),
        image_with(CUDA122_CUDNN8, _fill(JAX, version="0.4.31")),
        "success",
        [],
    ),
    (
        "jax[cuda12] moved to a CUDA 11.8 image",
        image_with(CUDA122_CUDNN8, _fill(JAX, version="0.4.30")),
        image_with(CUDA118_CUDNN8, _fill(JAX, version="0.4.30")),
        "failure",
        [("cuda-base-image-mismatch", "error", "Dockerfile", 1)],  # the image installs it
    ),
    (
        "tensorflow[and-cuda] patch bump",
        image_with(CUDA122_CUDNN8, _fill(TF, version="2.15.0")),
        image_with(CUDA122_CUDNN8, _fill(TF, version="2.15.1")),
        "success",
        [],
    ),
    # found dogfooding: [and-cuda] installs its cuDNN 8.9 from pip; a cudnn9 image is fine
    (
        "tensorflow[and-cuda] 2.17 on a CUDA 12.3 cudnn9 image",
        image_with(CUDA122_CUDNN8, _fill(TF, version="2.15.0")),
        image_with("nvidia/cuda:12.3.2-cudnn9-runtime-ubuntu22.04", _fill(TF, version="2.17.0")),
        "success",
        [],
    ),
    (
        "tensorflow[and-cuda] moved to a CUDA 11.8 image",
        image_with(CUDA122_CUDNN8, _fill(TF, version="2.15.0")),
        image_with(CUDA118_CUDNN8, _fill(TF, version="2.15.0")),
        "failure",
        [("cuda-base-image-mismatch", "error", "Dockerfile", 1)],  # the image installs it
    ),
    # found dogfooding: `pip install torch==… --index-url …/cu121` (PyTorch's own install line)
    # was reported as naming no PyTorch index
    ("PyTorch's Docker install line", {}, official_install("2.3.1", "cu121"), "success", []),
    (
        "PyTorch's Docker install line with a +cu121 pin on the cu118 index",
        official_install("2.3.1", "cu121"),
        official_install("2.3.1+cu121", "cu118"),
        "failure",
        [("cuda-variant-mismatch", "error", "Dockerfile", 2)],
    ),
    # found dogfooding: uv's documented CPU/CUDA extras tied both torch pins to the first source
    ("uv CPU/CUDA extras", {}, uv_extras("+cpu", "+cu121"), "success", []),
    (
        "uv CPU/CUDA extras swapped",
        uv_extras("+cpu", "+cu121"),
        uv_extras("+cu121", "+cpu"),
        "failure",
        [
            ("cuda-variant-mismatch", "error", "pyproject.toml", 7),
            ("cuda-variant-mismatch", "error", "pyproject.toml", 8),
        ],
    ),
    # found dogfooding: TensorFlow's documented conda setup (conda CUDA, pip tensorflow) was
    # told that pip's tensorflow brings a second CUDA stack; only [and-cuda] does
    ("conda CUDA with pip tensorflow", {}, conda_tf("tensorflow==2.14.0"), "success", []),
    (
        "conda CUDA with pip tensorflow[and-cuda]",
        conda_tf("tensorflow==2.14.0"),
        conda_tf("tensorflow[and-cuda]==2.14.0"),
        "neutral",
        [("pip-in-conda-for-cuda-package", "warning", "environment.yml", 10)],
    ),
    # found dogfooding: pip-tools' requirements.in is loose on purpose; requirements.txt,
    # compiled from it, pins every framework
    ("pip-tools input and its compiled output", {}, PIP_TOOLS, "success", []),
    (
        "pip-tools input without its compiled output",
        {},
        {"requirements.in": PIP_TOOLS["requirements.in"]},
        "neutral",
        [
            ("unpinned-framework", "warning", "requirements.in", 2),
            ("no-lockfile", "notice", "requirements.in", 1),
            ("unbounded-dependency", "notice", "requirements.in", 3),
        ],
    ),
    # found dogfooding: the pyproject parser gave no name/build-backend metadata, so a
    # library's `torch>=2.0` was told to pin exactly
    ("hatchling library added", {}, HATCH_LIBRARY, "success", []),
]


@pytest.mark.parametrize(
    ("name", "base", "head", "conclusion", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_dogfood(
    name: str, base: dict[str, str], head: dict[str, str], conclusion: str, expected: Expected
) -> None:
    result = review_trees(base, head, today=TODAY)
    new = [(f.rule, f.severity.value, f.file, f.line) for f in result.findings if f.new]
    assert sorted(new) == sorted(expected)
    assert result.conclusion == conclusion
    assert not [f for f in result.findings if f.severity.value == "error" and not f.new]


def test_poetry_messages_quote_the_toml_as_written() -> None:
    """Found dogfooding: Poetry table requirements appeared as Python dicts in messages."""
    base, head = poetry("2.3.1+cu121", "0.18.1+cu121"), poetry("2.4.0+cu121", "0.18.1+cu121")
    (found,) = [f for f in review_trees(base, head, today=TODAY).findings if f.new]
    assert "{'" not in found.message
    assert 'torchvision = {version = "0.18.1+cu121", source = "pytorch-cu121"}' in found.message
    assert found.fix == 'torchvision = {version = "0.19.0+cu121", source = "pytorch-cu121"}'


def test_the_nearest_dockerfile_is_cited() -> None:
    """Found dogfooding: head/requirements.txt's finding cited base/Dockerfile."""
    head = {
        **TWO_FOLDERS_BASE,
        "head/requirements.txt": f"--extra-index-url {PT}/cu121\ntorch==2.1.0+cu121\n",
    }
    new = [f for f in review_trees(TWO_FOLDERS_BASE, head, today=TODAY).findings if f.new]
    cuda = [f for f in new if f.rule == "cuda-base-image-mismatch"]
    assert cuda and all("head/Dockerfile:1" in f.message for f in cuda)
