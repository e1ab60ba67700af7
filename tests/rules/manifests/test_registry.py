"""Tests for which paths are dependency files and which parser reads them."""

from __future__ import annotations

import pytest

from rules.manifests.model import FileKind
from rules.manifests.registry import (
    is_dependency_file,
    kind_by_content,
    kind_for,
    looks_like_conda,
    may_be_conda,
    parser_for,
)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("requirements.txt", FileKind.REQUIREMENTS),
        ("requirements-dev.txt", FileKind.REQUIREMENTS),
        ("requirements_gpu.txt", FileKind.REQUIREMENTS),
        ("dev-requirements.txt", FileKind.REQUIREMENTS),
        ("services/api/requirements.txt", FileKind.REQUIREMENTS),
        ("requirements/base.txt", FileKind.REQUIREMENTS),
        ("requirements/prod.in", FileKind.REQUIREMENTS),
        ("requirements.in", FileKind.REQUIREMENTS),
        ("requirements-dev.in", FileKind.REQUIREMENTS),
        ("constraints.txt", FileKind.REQUIREMENTS),
        ("constraints-cu121.txt", FileKind.REQUIREMENTS),
        ("reqs/test.pip", FileKind.REQUIREMENTS),  # apple/coremltools
        ("requirements-dev.pip", FileKind.REQUIREMENTS),
        ("pyproject.toml", FileKind.PYPROJECT),
        ("libs/core/pyproject.toml", FileKind.PYPROJECT),
        ("environment.yml", FileKind.CONDA),
        ("environment.yaml", FileKind.CONDA),
        ("environment-gpu.yml", FileKind.CONDA),
        ("envs/cuda118.yml", FileKind.CONDA),
        ("conda/train.yaml", FileKind.CONDA),
        ("poetry.lock", FileKind.POETRY_LOCK),
        ("uv.lock", FileKind.UV_LOCK),
        ("pylock.toml", FileKind.PYLOCK),
        ("pylock.gpu.toml", FileKind.PYLOCK),
        ("conda-lock.yml", FileKind.CONDA_LOCK),
        ("gpu.conda-lock.yml", FileKind.CONDA_LOCK),
        ("conda-linux-64.lock", FileKind.CONDA_EXPLICIT),
        ("conda-osx-arm64.lock", FileKind.CONDA_EXPLICIT),
        ("explicit-linux-64.txt", FileKind.CONDA_EXPLICIT),
        ("Dockerfile", FileKind.DOCKERFILE),
        ("docker/Dockerfile.gpu", FileKind.DOCKERFILE),
        ("docker/cuda/Dockerfile", FileKind.DOCKERFILE),
        ("train.Dockerfile", FileKind.DOCKERFILE),
        ("Dockerfile-cuda", FileKind.DOCKERFILE),
        ("Containerfile", FileKind.DOCKERFILE),
        ("Dockerfile.cuda12", FileKind.DOCKERFILE),
        ("Dockerfile.cuda12.1", FileKind.DOCKERFILE),
        ("Dockerfile-dev", FileKind.DOCKERFILE),
        ("gpu.Dockerfile", FileKind.DOCKERFILE),
        ("Containerfile.gpu", FileKind.DOCKERFILE),
        # real names: TransformerOptimus/SuperAGI tgwui/DockerfileTGWUI, Dockerfile_cuda
        ("tgwui/DockerfileTGWUI", FileKind.DOCKERFILE),
        ("Dockerfile_cuda", FileKind.DOCKERFILE),
        ("gpu_Dockerfile", FileKind.DOCKERFILE),
        ("requirement.txt", FileKind.REQUIREMENTS),
        ("test_requirements_gpu.txt", FileKind.REQUIREMENTS),
        ("ci-dev-requirements.txt", FileKind.REQUIREMENTS),
        ("requirements.gpu.txt", FileKind.REQUIREMENTS),
        ("requirements/cu121/train.txt", FileKind.REQUIREMENTS),
        (".python-version", FileKind.PYTHON_VERSION),
        ("runtime.txt", FileKind.RUNTIME_TXT),
        ("binder/runtime.txt", FileKind.RUNTIME_TXT),
        # open-mmlab/mmengine: a requirements file named after what it installs
        ("requirements/runtime.txt", FileKind.REQUIREMENTS),
        (".github/depreview.yml", FileKind.CONFIG),
        ("./requirements.txt", FileKind.REQUIREMENTS),
        ("src\\requirements.txt", FileKind.REQUIREMENTS),
        (".github/workflows/ci.yml", FileKind.WORKFLOW),
        (".github/workflows/gpu-tests.yaml", FileKind.WORKFLOW),
        ("setup.py", FileKind.SETUP_PY),
        ("pkg/setup.cfg", FileKind.SETUP_CFG),
        ("tox.ini", FileKind.TOX),
        ("pkg/tox.ini", FileKind.TOX),
    ],
)
def test_dependency_files(path: str, kind: FileKind) -> None:
    assert kind_for(path) == kind
    assert is_dependency_file(path)


@pytest.mark.parametrize(
    "path",
    [
        "README.md",
        "src/model.py",
        "setup.py.bak",
        "src/setup_utils.py",
        "docs/requirements.md",
        "notes.txt",
        "package.json",
        "config.yml",
        ".github/workflows/ci/nested.yml",
        ".github/dependabot.yml",
        "configs/trainer/gpu.yaml",  # a Hydra config: no conda hint in its name
        "configs/env/default.yaml",  # an RL repo's gym environment config
        "Dockerfile.dockerignore",
        # found dogfooding: code, docs and templates named after Dockerfiles
        "rules/manifests/dockerfile.py",
        "tests/rules/manifests/test_dockerfile.py",
        "docs/Dockerfile.md",
        "Dockerfile.j2",
        "Dockerfile.template",
        "Dockerfile.bak",
        "Dockerfile.yml",
        "dockerfile.sh",
        "Dockerfile_test.py",
        "dockerfiles.md",
        ".dockerignore",
        # found dogfooding: a test fixture's long name that mentions requirements
        "tests/fixtures/dependabot/pip-security-update-requirements-subdirectory.commit-message.txt",
        "docs/how-to-write-good-requirements-files.txt",
        "node_modules/x/requirements.txt",
        ".venv/lib/python3.11/site-packages/pkg/requirements.txt",
        "some.lock",
        "Pipfile",
    ],
)
def test_other_files(path: str) -> None:
    assert kind_for(path) is None
    assert not is_dependency_file(path)


@pytest.mark.parametrize("kind", [FileKind.REQUIREMENTS, FileKind.PYPROJECT, FileKind.CONDA])
def test_parser_for_own_kinds(kind: FileKind) -> None:
    assert parser_for(kind).kind == kind


@pytest.mark.parametrize(
    "kind",
    [
        FileKind.POETRY_LOCK,
        FileKind.UV_LOCK,
        FileKind.PYLOCK,
        FileKind.CONDA_LOCK,
        FileKind.CONDA_EXPLICIT,
        FileKind.DOCKERFILE,
        FileKind.PYTHON_VERSION,
        FileKind.RUNTIME_TXT,
        FileKind.WORKFLOW,
    ],
)
def test_parser_for_other_kinds(kind: FileKind) -> None:
    try:
        parser = parser_for(kind)
    except (ImportError, AttributeError):
        pytest.skip(f"the parser for {kind} is not written yet")
    assert parser.kind == kind


def test_config_has_no_parser() -> None:
    with pytest.raises(KeyError):
        parser_for(FileKind.CONFIG)


#: YAMLs named otherwise: fetched when the name or folder hints at conda, read by content.
@pytest.mark.parametrize(
    ("path", "fetched"),
    [
        ("env-gpu.yaml", True),
        ("conda_reqs.yml", True),
        ("deps/cuda.yml", True),
        ("ci/conda/py38.yml", False),  # `conda/` folders are CONDA by name already
        ("environment-cuda.yml", False),  # CONDA by name already
        ("requirements/gpu.yaml", True),
        ("configs/model.yaml", False),
        (".github/env.yml", False),
        ("node_modules/x/env.yml", False),
        ("env.json", False),
        # a root YAML: a research repository's environment is often named after it
        # (zaixizhang/PocketGen's pocketgen.yaml); tools' configurations are not fetched
        ("pocketgen.yaml", True),
        ("mkdocs.yml", False),
        ("docker-compose.yml", False),
        (".pre-commit-config.yaml", False),
        ("_config.yml", False),
    ],
)
def test_may_be_conda(path: str, fetched: bool) -> None:
    assert may_be_conda(path) is fetched
    if fetched:
        assert is_dependency_file(path)


CONDA_TEXT = "name: gpu\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n"


@pytest.mark.parametrize(
    ("text", "conda"),
    [
        (CONDA_TEXT, True),
        (CONDA_TEXT.encode(), True),
        ("channels: [pytorch]\ndependencies: [pytorch=2.1]\n", True),
        ("dependencies:\n  - numpy\n", False),  # no channels / name: not enough
        # deepchem/deepchem requirements/torch/env_torch.gpu.yml (b34d7dd9): only a pip block
        ("dependencies:\n  - pip:\n    - torch==2.0.0+cu113\n", True),
        ("dependencies:\n  - pip:  # wheels\n    - numpy\n", True),
        ("tasks:\n  - pip: install\n", False),  # a pip item without `dependencies:`
        ("name: ci\non: push\njobs: {}\n", False),
        ("model:\n  name: x\n  dependencies: []\n", False),  # nested keys are not top-level
        ("", False),
    ],
)
def test_looks_like_conda(text: str | bytes, conda: bool) -> None:
    assert looks_like_conda(text) is conda


@pytest.mark.parametrize(
    ("path", "text", "kind"),
    [
        ("anything/odd-name.yml", CONDA_TEXT, FileKind.CONDA),
        ("configs/model.yaml", "model:\n  layers: 3\n", None),
        (".github/workflows/x.yml", CONDA_TEXT, None),
        ("notes.txt", CONDA_TEXT, None),
    ],
)
def test_kind_by_content(path: str, text: str, kind: FileKind | None) -> None:
    assert kind_by_content(path, text) == kind
