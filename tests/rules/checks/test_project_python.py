"""python-version-incompatible: a project installed with a Python its own Requires-Python refuses.

ludwig-ai/ludwig 0e62f2b7 set ``python_requires=">=3.12"`` while docker/ludwig-gpu/Dockerfile
stayed ``FROM pytorch/pytorch:2.6.0-cuda12.4-cudnn9-devel`` (Python 3.11) and ran ``pip install
'.[full]'``; fix 2277c19e: "pytorch/pytorch:2.6.0-cuda12.4-cudnn9-devel ships Python 3.11 but
Ludwig requires Python 3.12". pip: "Package 'ludwig' requires a different Python".
"""

from __future__ import annotations

import pytest

from rules.checks.python_version import RULES
from rules.manifests.images import decode_image
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]
PYPROJECT = '[project]\nname = "x"\nversion = "1"\nrequires-python = "{spec}"\n'
SETUP = 'from setuptools import setup\nsetup(name="x", python_requires="{spec}")\n'
WORKFLOW = (
    "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
    "      - uses: actions/setup-python@v5\n        with:\n          python-version: '{py}'\n"
    "      - run: pip install .\n"
)


@pytest.mark.parametrize(
    ("files", "lines"),
    [
        (
            {
                "pyproject.toml": PYPROJECT,
                "Dockerfile": "FROM python:3.11\nCOPY . .\nRUN pip install .\n",
            },
            [("Dockerfile", 1)],
        ),
        (
            {
                "pyproject.toml": PYPROJECT,
                "Dockerfile": "FROM python:3.12\nCOPY . .\nRUN pip install .\n",
            },
            [],
        ),
        (  # ludwig: setup.py's python_requires, the pytorch/pytorch 2.6.0 image's Python 3.11
            {
                "setup.py": SETUP,
                "Dockerfile": "FROM pytorch/pytorch:2.6.0-cuda12.4-cudnn9-devel\nCOPY . .\n"
                "RUN pip install --no-cache-dir '.[full]'\n",
            },
            [("Dockerfile", 1)],
        ),
        (  # the image does not install the project: its Python is no evidence against it
            {
                "pyproject.toml": PYPROJECT,
                "Dockerfile": "FROM python:3.11\nRUN pip install numpy\n",
            },
            [],
        ),
        (
            {"pyproject.toml": PYPROJECT, ".github/workflows/ci.yml": WORKFLOW.format(py="3.11")},
            [(".github/workflows/ci.yml", 8)],
        ),
        ({"pyproject.toml": PYPROJECT, ".github/workflows/ci.yml": WORKFLOW.format(py="3.13")}, []),
        (  # qodo-ai/pr-agent e8171b02's parent: the Lambda image's Python 3.10
            {
                "pyproject.toml": PYPROJECT,
                "docker/Dockerfile.lambda": "FROM public.ecr.aws/lambda/python:3.10\n"
                "ADD pyproject.toml requirements.txt .\nRUN pip install --no-cache-dir .\n",
            },
            [("docker/Dockerfile.lambda", 1)],
        ),
        (  # microsoft/presidio #1928: a Dockerfile in the project's folder (its build
            # context) copies pyproject.toml and runs `poetry install`; Poetry refuses a
            # Python outside the range before it skips creating a virtualenv
            {
                "presidio-analyzer/pyproject.toml": PYPROJECT,
                "presidio-analyzer/Dockerfile": "FROM python:3.11-slim\n"
                "ENV POETRY_VIRTUALENVS_CREATE=false\nWORKDIR /app\nCOPY ./pyproject.toml /app/\n"
                "RUN pip install poetry==2.3.2 && poetry install --no-root --only=main\n",
            },
            [("presidio-analyzer/Dockerfile", 1)],
        ),
    ],
)
def test_project_python(files: dict[str, str], lines: list[tuple[str, int]]) -> None:
    files = {k: v.replace("{spec}", ">=3.12") for k, v in files.items()}
    findings = [f for f in run(RULE, build_snapshot(files)) if "Requires-Python is" in f.message]
    assert [(f.file, f.line) for f in findings] == lines
    for found in findings:
        assert found.severity == "error" and "requires a different Python" in found.message
        assert "is not supported by the project" in found.message


@pytest.mark.parametrize(
    ("spec", "py", "found"),
    [
        # core-gatech-group/serpent-tools#492: `<=3.11` is `<=3.11.0`; setup-python '3.11'
        # installs the newest 3.11 patch (3.11.4 then), which it excludes
        (">=3.8,<=3.11", "3.11", True),
        (">=3.8,<3.12", "3.11", False),  # the fix, 7611914
        (">=3.8,<=3.11", "3.10", False),
        (">=3.8,<=3.11", "3.11.0", False),  # a job that asks for 3.11.0 gets it
        (">=3.8,<=3.11.4", "3.11", False),  # some patches after .0 are admitted: not certain
    ],
)
def test_a_bound_on_the_minor_alone_excludes_its_patches(spec: str, py: str, found: bool) -> None:
    files = {"pyproject.toml": PYPROJECT, ".github/workflows/ci.yml": WORKFLOW.format(py=py)}
    files = {k: v.replace("{spec}", spec) for k, v in files.items()}
    findings = [f for f in run(RULE, build_snapshot(files)) if "Requires-Python is" in f.message]
    assert bool(findings) is found
    for finding in findings:
        assert "admits 3.11.0 alone" in finding.message


@pytest.mark.parametrize(
    ("image", "python"),
    [
        ("pytorch/pytorch:2.6.0-cuda12.4-cudnn9-devel", "3.11"),  # ludwig 2277c19e
        ("pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime", "3.11"),  # rlan/notebooks#144
        ("pytorch/pytorch:1.13.1-cuda11.6-cudnn8-runtime", "3.10"),  # bittensor PR #1089
        ("pytorch/pytorch:2.1.2-cuda11.8-cudnn8-runtime", "3.10"),  # gemma_pytorch#79
        ("pytorch/pytorch:2.2.0-cuda12.1-cudnn8-runtime", None),  # no source: unknown
        ("pytorch/pytorch:1.9.0-cuda10.2-cudnn7-runtime", "3.7"),  # pytorch/pytorch#60932
        ("pytorch/pytorch:1.8.1-cuda11.1-cudnn8-devel", "3.8"),  # pytorch/pytorch#60932
        # PyTorch/XLA: the tag's segment after the release is the Python
        (
            "us-central1-docker.pkg.dev/tpu-pytorch-releases/docker/xla:nightly_3.8_tpuvm_20231128",
            "3.8",
        ),
        (
            "us-central1-docker.pkg.dev/tpu-pytorch-releases/docker/xla:r2.7.0_3.10_cuda_12.6",
            "3.10",
        ),
        ("gcr.io/tpu-pytorch/xla:r2.0_3.8_tpuvm", "3.8"),
        ("gcr.io/tpu-pytorch/xla:nightly", None),
        ("docker.io/tpu-pytorch/xla:r2.0_3.8_tpuvm", None),  # not PyTorch/XLA's registry
        # ROCm's PyTorch images name the Python in the tag (hiyouga/LLaMA-Factory docker-rocm)
        ("rocm/pytorch:rocm6.4.1_ubuntu22.04_py3.10_pytorch_release_2.6.0", "3.10"),
        ("rocm/pytorch:rocm6.0_ubuntu22.04_py3.9_pytorch_2.1.1", "3.9"),
        ("rocm/pytorch:latest", None),
        # AWS Lambda's Python base images: the tag starts with the Python (qodo-ai/pr-agent
        # #1676: requires-python >=3.12 against `FROM public.ecr.aws/lambda/python:3.10`)
        ("public.ecr.aws/lambda/python:3.10", "3.10"),
        ("public.ecr.aws/lambda/python:3.12-x86_64", "3.12"),
        ("public.ecr.aws/lambda/python:3.11.2024.01.05.17", "3.11"),
        ("amazon/aws-lambda-python:3.9", "3.9"),
        ("public.ecr.aws/lambda/python:latest", None),
        ("example.invalid/lambda/python:3.10", None),  # another registry's image
        # tiangolo's web-server images are built on python:3.x of the tag (jackm/kijiji-manager
        # #46: click 8.1.3 on `tiangolo/meinheld-gunicorn-flask:python3.6`)
        ("tiangolo/meinheld-gunicorn-flask:python3.6", "3.6"),
        ("tiangolo/uvicorn-gunicorn-fastapi:python3.8-alpine3.10", "3.8"),
        ("tiangolo/uvicorn-gunicorn:python3.11-2024-01-01", "3.11"),
        ("tiangolo/uwsgi-nginx-flask:python3.11-slim", "3.11"),
        ("tiangolo/uvicorn-gunicorn-fastapi:latest", None),
        ("tiangolo/uwsgi-nginx-flask:python2.7", None),
        # docker-stacks: the python-3.X tag is the (pinned) Python of the conda base env
        # (earthlab/earth-analytics-python-env #102, `jupyter/minimal-notebook:python-3.11`)
        ("jupyter/minimal-notebook:python-3.11", "3.11"),
        ("quay.io/jupyter/pytorch-notebook:python-3.12.4", "3.12"),
        ("jupyter/scipy-notebook:2023-10-20", None),
        ("jupyter/scipy-notebook:latest", None),
        ("example.invalid/jupyter/scipy-notebook:python-3.11", None),
    ],
)
def test_pytorch_image_python(image: str, python: str | None) -> None:
    info = decode_image(image)
    assert (info.python if info is not None else None) == python


def test_gemma3_requires_311_on_the_unchanged_images() -> None:
    """google/gemma_pytorch cb7c015: setup.py's python_requires >=3.11 while docker/Dockerfile
    (pytorch/pytorch:2.1.2, Python 3.10) and the two XLA Dockerfiles (nightly_3.8) still run
    ``pip install -e .`` (#79: "requires a different Python: 3.10.13 not in '>=3.11'")."""
    dockerfile = (
        "FROM {image}\nCOPY . /workspace/gemma/\nWORKDIR /workspace/gemma/\nRUN pip install -e .\n"
    )
    files = {
        "setup.py": SETUP.replace("{spec}", ">=3.11"),
        "docker/Dockerfile": dockerfile.format(
            image="pytorch/pytorch:2.1.2-cuda11.8-cudnn8-runtime"
        ),
        "docker/xla.Dockerfile": dockerfile.format(
            image="us-central1-docker.pkg.dev/tpu-pytorch-releases/docker/xla:nightly_3.8_tpuvm_20231128"
        ),
    }
    findings = [f for f in run(RULE, build_snapshot(files)) if "Requires-Python is" in f.message]
    assert sorted((f.file, f.severity.value) for f in findings) == [
        ("docker/Dockerfile", "error"),
        ("docker/xla.Dockerfile", "error"),
    ]


ULTRASINGER = """FROM nvidia/cuda:12.6.3-runtime-ubuntu22.04
RUN apt-get update && apt-get install git python3 python3-venv ffmpeg curl -y
RUN curl -LsSf https://astral.sh/uv/install.sh | sh
ENV PATH="/root/.local/bin:$PATH"
{env}COPY ./pyproject.toml /app/UltraSinger/pyproject.toml
WORKDIR /app/UltraSinger
RUN {install}
"""


@pytest.mark.parametrize(
    ("env", "install", "found"),
    [
        # rakuri255/UltraSinger before e8098aa: uv sync makes .venv with a Python >=3.12 that
        # it downloads (Ubuntu 22.04's python3 is 3.10)
        ("", "uv sync", False),
        # e8098aa: --system looks for a system Python 3.12, and there is none
        ("", "uv pip install --system --python 3.12 -e . --no-build-isolation", True),
        ("", "uv sync --python 3.10", True),
        ("ENV UV_PYTHON_DOWNLOADS=never\n", "uv sync", True),
        ("", "pip install .", True),
    ],
)
def test_uv_sync_picks_its_own_python(env: str, install: str, found: bool) -> None:
    files = {
        "pyproject.toml": '[project]\nname = "ultrasinger"\nversion = "0.1"\n'
        'requires-python = ">=3.12"\n',
        "Dockerfile": ULTRASINGER.format(env=env, install=install),
    }
    findings = [f for f in run(RULE, build_snapshot(files)) if "Requires-Python is" in f.message]
    assert bool(findings) == found


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        # Vaibhavs10/insanely-fast-whisper c43698e (issues #143, #182), fixed by #170 (<3.12)
        (">=3.8,<=3.11", [("warning", "<=3.11 → <3.12")]),
        (">=3.8,<3.12", []),
        ("==3.10", [("warning", "==3.10 → ==3.10.*")]),
        ("==3.10.*", []),
        ("<=3.11.9", []),  # a patch is named: it means what it says
    ],
)
def test_a_bound_that_admits_only_the_dot_zero_release(
    spec: str, expected: list[tuple[str, str]]
) -> None:
    files = {
        "pyproject.toml": f'[project]\nname = "x"\nversion = "0.1"\nrequires-python = "{spec}"\n'
    }
    findings = [f for f in run(RULE, build_snapshot(files)) if "alone of" in f.message]
    assert [(f.severity.value, f.fix) for f in findings] == expected
    assert all(f.file == "pyproject.toml" and f.line == 4 for f in findings)


@pytest.mark.parametrize(
    ("image", "spec", "found"),
    [
        # tensortrade-org/tensortrade 0db4217: TensorFlow 2.7 runs on Python 3.7-3.9
        ("tensorflow/tensorflow:2.7.0-gpu", ">=3.11.9", True),
        ("tensorflow/tensorflow:2.7.0-gpu", ">=3.9", False),  # 3.9 may be the image's
        ("tensorflow/tensorflow:2.7.0", ">=3.10", True),
        ("tensorflow/tensorflow:2.15.0-gpu", ">=3.11", False),
        ("tensorflow/tensorflow:nightly-gpu", ">=3.13", False),  # no release to bound it
    ],
)
def test_a_tensorflow_image_bounds_its_unknown_python(image: str, spec: str, found: bool) -> None:
    files = {
        "setup.py": SETUP.replace("{spec}", spec),
        "Dockerfile": f"FROM {image}\nCOPY . ./\nRUN pip3 install --no-cache-dir -e .\n",
    }
    findings = [
        f
        for f in run(RULE, build_snapshot(files))
        if "whose Python runs the TensorFlow" in f.message
    ]
    assert bool(findings) is found
    for finding in findings:
        assert finding.severity == "error" and "admits none of them" in finding.message


@pytest.mark.parametrize(
    ("setup", "py", "found"),
    [
        # stardist/stardist 3b5aa9e: Python 3.12 added to CI, setup.py imports numpy.distutils
        ("from numpy.distutils.misc_util import get_numpy_include_dirs\n", "3.12", True),
        ("from numpy.distutils.misc_util import get_numpy_include_dirs\n", "3.11", False),
        ("import imp\n", "3.12", True),
        ("import imghdr\n", "3.12", False),  # removed in 3.13
        ("import imghdr\n", "3.13", True),
        ("from distutils.core import Extension\n", "3.12", False),  # setuptools' copy
        ("try:\n    import imp\nexcept ImportError:\n    imp = None\n", "3.12", False),
    ],
)
def test_a_setup_py_importing_a_removed_module(setup: str, py: str, found: bool) -> None:
    files = {
        "setup.py": setup + "from setuptools import setup\nsetup(name='x')\n",
        ".github/workflows/ci.yml": WORKFLOW.format(py=py),
    }
    findings = [f for f in run(RULE, build_snapshot(files)) if "ModuleNotFoundError" in f.message]
    assert bool(findings) is found
    for finding in findings:
        assert finding.severity == "error" and finding.file == ".github/workflows/ci.yml"


#: nasaharvest/openmapflow 3a66adf: the 3.8 legs install requirements.txt, whose ``-e .[all]``
#: line brings setup.py's numpy==1.26.4 (Requires-Python >=3.9) into that install.
EDITABLE_PROJECT = {
    "setup.py": 'from setuptools import setup\nsetup(name="x", python_requires=">=3.6",\n'
    '      install_requires=["numpy==1.26.4"], extras_require={"all": ["pyyaml"]})\n',
    "requirements.txt": "-e .[all]\nblack==22.8.0\n",
    ".github/workflows/ci.yml": "jobs:\n  test:\n    steps:\n"
    "      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.8'\n"
    "      - run: pip install -r requirements.txt\n",
}


@pytest.mark.parametrize("line", ["-e .[all]", "."])
def test_the_python_of_an_install_with_the_project_judges_the_project(line: str) -> None:
    files = {**EDITABLE_PROJECT, "requirements.txt": f"{line}\nblack==22.8.0\n"}
    found = [f for f in run(RULE, build_snapshot(files)) if f.severity.value == "error"]
    assert [f.package for f in found] == ["numpy"]
    assert "runs Python 3.8" in found[0].message
    assert found[0].file in {"setup.py", ".github/workflows/ci.yml"}


def test_without_the_project_line_its_python_is_not_the_installs() -> None:
    files = {**EDITABLE_PROJECT, "requirements.txt": "black==22.8.0\n"}
    assert [f for f in run(RULE, build_snapshot(files)) if f.severity.value == "error"] == []


#: opengeos/segment-geospatial PR #310: setup.py reads requirements.txt as install_requires
#: under python_requires >=3.8, and the new sam2 line needs Python 3.10; CI ran 3.10/3.11.
READ_BY_SETUP = {
    "setup.py": "from setuptools import setup\n"
    "with open('requirements.txt') as f:\n    reqs = f.read().splitlines()\n"
    "setup(name='x', python_requires='>=3.8', install_requires=reqs)\n",
    "requirements.txt": "sam2\n",
    ".github/workflows/ci.yml": "jobs:\n  test:\n    steps:\n"
    "      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.11'\n"
    "      - run: pip install .\n",
}


@pytest.mark.parametrize(("python_requires", "warned"), [(">=3.8", True), (">=3.10", False)])
def test_a_file_the_project_reads_is_judged_on_its_declared_range(
    python_requires: str, warned: bool
) -> None:
    files = {
        **READ_BY_SETUP,
        "setup.py": READ_BY_SETUP["setup.py"].replace(">=3.8", python_requires),
    }
    found = [f for f in run(RULE, build_snapshot(files)) if f.package == "sam2"]
    assert [f.severity.value for f in found] == (["warning"] if warned else [])
    if warned:
        assert "allows Python 3.8" in found[0].message


def test_a_reading_projects_range_leaves_the_disjoint_pins_check_on() -> None:
    """trainindata/deploying-machine-learning-models PR #816: numpy==1.22.0 (3.8+) next to
    opencv-python==4.0.0.21 (3.7 and older) in a requirements.txt setup.py reads under
    python_requires >=3.6: no Python installs both, an error as before the range was read."""
    files = {
        "setup.py": READ_BY_SETUP["setup.py"].replace(">=3.8", ">=3.6"),
        "requirements.txt": "numpy==1.22.0\nopencv-python==4.0.0.21\n",
    }
    errors = [f for f in run(RULE, build_snapshot(files)) if f.severity.value == "error"]
    assert any("no Python installs both" in f.message for f in errors)


POETRY_EXACT = """\
[tool.poetry]
name = "genai"
version = "0.1.0"

[tool.poetry.dependencies]
python = "{python}"
"""


@pytest.mark.parametrize(
    ("python", "found"),
    [
        # nestauk/discovery-generative-ai da05b9c (fixed in 7a8728d): Poetry's python pinned to
        # 3.9.17 while the Dockerfile stays on python:3.9.18-slim
        ("3.9.17", True),
        ("3.9.18", False),
        ("^3.9", False),
    ],
)
def test_an_exact_poetry_python_against_the_images_patch(python: str, found: bool) -> None:
    files = {
        "pyproject.toml": POETRY_EXACT.format(python=python),
        "Dockerfile": "FROM python:3.9.18-slim\nCOPY pyproject.toml .\nRUN poetry install\n",
    }
    findings = [f for f in run(RULE, build_snapshot(files)) if "Requires-Python is" in f.message]
    assert bool(findings) == found
    for f in findings:
        assert "3.9.18 not in '==3.9.17'" in f.message
