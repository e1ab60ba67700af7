"""Package vocabularies shared by the hygiene rules: frameworks, dev tools, production files."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import PurePosixPath

from rules.checks.support.environments import env_of
from rules.manifests.model import (
    DockerStage,
    Ecosystem,
    FileKind,
    Group,
    ManifestFile,
    Requirement,
    Snapshot,
)
from rules.manifests.requirements import DEV_WORDS, path_words

#: Framework families: bumping members of one family together is the right way to update.
FAMILIES: dict[str, str] = {
    "torch": "torch",
    "pytorch": "torch",
    "torchvision": "torch",
    "torchaudio": "torch",
    "tensorflow": "tensorflow",
    "tensorflow-cpu": "tensorflow",
    "tensorflow-gpu": "tensorflow",
    "tf-keras": "tensorflow",
    "keras": "tensorflow",
    "jax": "jax",
    "jaxlib": "jax",
    "onnxruntime": "onnxruntime",
    "onnxruntime-gpu": "onnxruntime",
    "paddlepaddle": "paddlepaddle",
    "paddlepaddle-gpu": "paddlepaddle",
    "pytorch-lightning": "lightning",
    "lightning": "lightning",
}

#: ML frameworks whose exact version decides behaviour; pin them exactly in applications.
#: Every member of a family above, and these. Conda names (`pytorch`) stand beside PyPI names.
FRAMEWORKS: frozenset[str] = frozenset(
    {
        *FAMILIES,
        "flax",
        "transformers",
        "diffusers",
        "accelerate",
        "peft",
        "deepspeed",
        "vllm",
        "xformers",
        "mxnet",
    }
)

#: Development tools that do not belong in a production install.
DEV_TOOLS: frozenset[str] = frozenset(
    {
        "pytest",
        "pytest-cov",
        "pytest-xdist",
        "pytest-mock",
        "pytest-asyncio",
        "pytest-timeout",
        "coverage",
        "hypothesis",
        "tox",
        "nox",
        "black",
        "ruff",
        "flake8",
        "pylint",
        "mypy",
        "isort",
        "autopep8",
        "yapf",
        "bandit",
        "pre-commit",
        "jupyter",
        "jupyterlab",
        "notebook",
        "ipykernel",
        "ipython",
        "ipywidgets",
        "nbconvert",
        "sphinx",
        "mkdocs",
        "mkdocs-material",
    }
)

#: Words in a path that mark a file as not production: the words that make a requirements
#: file's requirements DEV ones (`DEV_WORDS`), and development, examples, notebooks,
#: benchmarks and local files.
_DEV_WORDS = DEV_WORDS | frozenset(
    {
        "development",
        "linting",
        "notebook",
        "notebooks",
        "examples",
        "example",
        "benchmark",
        "benchmarks",
        "bench",
        "local",
        # a folder of tox environments' requirement files (motional/nuplan-devkit's
        # tox/requirements_pythonlint.txt: black, flake8, mypy)
        "tox",
    }
)

#: File kinds that pin a whole environment.
LOCK_KINDS: frozenset[FileKind] = frozenset(
    {
        FileKind.POETRY_LOCK,
        FileKind.UV_LOCK,
        FileKind.PYLOCK,
        FileKind.CONDA_LOCK,
        FileKind.CONDA_EXPLICIT,
    }
)

#: File kinds whose requirements are declared by hand (the ones hygiene rules look at).
DECLARING_KINDS: frozenset[FileKind] = frozenset(
    {FileKind.REQUIREMENTS, FileKind.PYPROJECT, FileKind.CONDA}
)


def files_of(snapshot: Snapshot, kinds: Collection[FileKind]) -> Iterator[tuple[str, ManifestFile]]:
    """The snapshot's files of these kinds, with their paths, in path order."""
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind in kinds:
            yield path, manifest


def is_dev_tool(name: str) -> bool:
    """True for test, lint, type-check and notebook tools (and `pytest-*` plugins)."""
    return name in DEV_TOOLS or name.startswith(("pytest-", "flake8-"))


def is_dev_path(path: str) -> bool:
    """True when a path names a dev/test/docs/CI file or folder (`requirements-dev.txt`,
    `requirements_pythonlint.txt`)."""
    words = path_words(path)
    return not _DEV_WORDS.isdisjoint(words) or any(w.endswith("lint") for w in words)


def is_production(req: Requirement) -> bool:
    """A runtime requirement written in a production file (not dev, test, docs, optional).

    The file decides, not the environment: `requirements-dev.txt` including
    `-r requirements.txt` makes the latter part of a dev environment, and it stays production.
    """
    if req.group != Group.RUNTIME or req.is_constraint:
        return False
    return "#" not in req.environment and not is_dev_path(req.location.file)


def environments_of(req: Requirement, manifest: ManifestFile) -> tuple[str, ...]:
    """Every environment a requirement is installed into (its own, and its file's roots)."""
    roots = [value for key, value in manifest.metadata if key == "root"]
    return tuple(dict.fromkeys([env_of(req), *roots]))


def is_exact(req: Requirement) -> bool:
    """True when the requirement allows exactly one version (`==X` without `*`, or `===`)."""
    if req.pinned:
        return True
    spec = req.specifier.strip()
    if "," in spec:
        return False
    if req.ecosystem == Ecosystem.CONDA and spec.startswith("=="):
        return True  # conda's `numpy=1.24.3` means 1.24.3.*: pinned for practical purposes
    return (spec.startswith("==") and "*" not in spec) or spec.startswith("===")


def _metadata(manifest: ManifestFile) -> dict[str, str]:
    return dict(manifest.metadata)


def is_library(manifest: ManifestFile, snapshot: Snapshot) -> bool:
    """A pyproject with `[project]` and a `[build-system]` and no lock beside it."""
    if manifest.kind != FileKind.PYPROJECT:
        return False
    meta = _metadata(manifest)
    has_project = any(k in meta for k in ("project", "project-name", "name"))
    has_build = any(k in meta for k in ("build-system", "build-backend", "build_backend"))
    return has_project and has_build and not has_lock_beside(manifest.path, snapshot)


def installing_stages(
    snapshot: Snapshot, files: Collection[str], labels: Collection[str]
) -> Iterator[tuple[ManifestFile, DockerStage]]:
    """Each Dockerfile stage (with its Dockerfile) that installs one of the repository files
    `files` (``pip install -r``, ``pip install .``) or is one of the environments `labels` (its
    own RUN installs)."""
    for manifest in snapshot.files.values():
        if manifest.kind != FileKind.DOCKERFILE:
            continue
        for stage in manifest.stages:
            if stage.label in labels or any(f in stage.installs for f in files):
                yield manifest, stage


def sibling(path: str, name: str) -> str:
    """`name` in the folder of `path` (``a/pyproject.toml`` → ``a/uv.lock``)."""
    head, sep, _ = path.rpartition("/")
    return f"{head}{sep}{name}"


def folder(path: str) -> str:
    """The folder of a repository path ("" for the root)."""
    parent = str(PurePosixPath(path).parent)
    return "" if parent == "." else parent


def has_lock_beside(path: str, snapshot: Snapshot) -> bool:
    """True when a lock file sits in the same folder as `path`."""
    here = folder(path)
    return any(m.kind in LOCK_KINDS and folder(m.path) == here for m in snapshot.files.values())


def locked_names_beside(path: str, snapshot: Snapshot) -> frozenset[str]:
    """Package names pinned by lock files in the same folder as `path`."""
    here = folder(path)
    return frozenset(
        pin.name
        for m in snapshot.files.values()
        if m.kind in LOCK_KINDS and folder(m.path) == here
        for pin in m.pins
    )
