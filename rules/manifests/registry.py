"""Which paths are dependency files, of which kind, and the parser for each kind.

Selection is by path only (the worker picks files from a PR's file list before fetching):

- requirements: ``.txt``/``.in`` files whose stem has ``requirements`` as its first, second
  or last word (``requirements-dev.txt``, ``dev-requirements.txt``, ``ci_requirements_gpu.txt``),
  any ``.txt``/``.in`` under a ``requirements/`` folder, ``constraints*.txt``, ``*.pip``
  under a ``reqs/``, ``req/`` or ``requirements/`` folder or named as a requirements file
- pyproject: ``pyproject.toml``; pixi: ``pixi.toml``
- setuptools: ``setup.cfg``, ``setup.py`` (read statically, never run); nbdev's
  ``settings.ini`` (the requirements its generated setup.py reads)
- conda: ``environment*.yml``/``.yaml``, any ``.yml``/``.yaml`` under ``envs/`` or ``conda/``
  (but not ``conda-lock.yml``)
- locks: ``poetry.lock``, ``uv.lock``, ``pylock.toml``/``pylock.<name>.toml``,
  ``conda-lock.yml``/``*.conda-lock.yml``, conda explicit lists (``conda-<platform>.lock``,
  ``*explicit*.txt``)
- Dockerfile, ``*.Dockerfile``/``*_Dockerfile``, ``Dockerfile.*``/``Dockerfile-*``/``Dockerfile_*``
  and ``DockerfileGPU``-style suffixes (not code, docs, data or
  templates: ``dockerfile.py``, ``Dockerfile.md``, ``Dockerfile.j2``), ``Containerfile``
- ``.python-version``, ``runtime.txt`` (at the root or in ``binder/``; elsewhere, in a
  ``requirements`` folder, a requirements file), ``.github/depreview.yml`` (the repo config)
- CI workflows: ``.github/workflows/*.yml`` (their ``actions/setup-python`` versions); Read the
  Docs' ``.readthedocs.yaml`` (``.yml``, or without the dot) and Travis CI's ``.travis.yml``
  at the root; CircleCI's ``.circleci/config.yml`` (``.yaml``) at the root

Fetched but not parsed as a dependency file: the root ``Makefile`` (``makefile``,
``GNUmakefile``), whose targets tell what a workflow's or Dockerfile's ``make setup``
installs; a Makefile elsewhere is fetched when such a ``make -C dir`` names it.

By content (`kind_by_content`, once the file is read): a YAML with top-level
``dependencies:`` and ``channels:`` or ``name:`` is a conda environment whatever its name;
`is_dependency_file` also selects YAMLs whose name or folder hints at one, and those at the
repository's root (`may_be_conda`), so that the worker fetches them.

Nothing under ``node_modules``, ``site-packages``, ``.venv``, ``venv``, ``.tox`` or ``.git``.
"""

from __future__ import annotations

import importlib
import posixpath
import re

from rules.manifests.interface import Parser
from rules.manifests.model import FileKind

_CONDA_EXPLICIT = re.compile(r"^conda-[a-z0-9_-]+\.lock$")
_PYLOCK = re.compile(r"^pylock\.([^/]+\.)?toml$")
_ENVIRONMENT = re.compile(r"^environment[\w.-]*\.ya?ml$")
_DOCKERFILE = re.compile(
    r"^(dockerfile|containerfile)([._-]?[\w.-]+)?$|^[\w.-]+[._-](dockerfile|containerfile)$"
)
#: Extensions that make a Dockerfile-named file code, docs, data or a template instead.
_NOT_DOCKERFILE_EXTENSIONS = frozenset(
    {
        "py", "pyc", "pyi", "md", "rst", "txt", "json", "yml", "yaml", "toml", "ini", "cfg",
        "sh", "bash", "ps1", "bat", "cmd", "j2", "jinja", "jinja2", "tpl", "tmpl", "template",
        "bak", "orig", "rej", "swp", "old", "dockerignore", "go", "rs", "js", "ts", "html",
        "xml", "csv", "lock", "log", "diff", "patch", "sample", "example",
    }
)  # fmt: skip
#: Folders whose ``*.pip`` files are requirements files (apple/coremltools' ``reqs/``).
_PIP_FOLDERS = frozenset({"reqs", "req", "requirements"})
#: A requirements file's stem: `requirements` as its first, second or last word.
_REQUIREMENTS_WORD = re.compile(r"^requirements?$")
_SKIPPED_FOLDERS = frozenset({"node_modules", "site-packages", ".venv", "venv", ".tox", ".git"})
_CONFIG_PATHS = frozenset({".github/depreview.yml", ".github/depreview.yaml"})
_WORKFLOW = re.compile(r"^\.github/workflows/[^/]+\.ya?ml$")
#: Read the Docs' configuration, at the root.
_READTHEDOCS = frozenset(
    {".readthedocs.yaml", ".readthedocs.yml", "readthedocs.yml", "readthedocs.yaml"}
)

#: kind -> (module, class) of its parser; modules are imported on first use.
_PARSERS: dict[FileKind, tuple[str, str]] = {
    FileKind.REQUIREMENTS: ("rules.manifests.requirements", "RequirementsParser"),
    FileKind.PYPROJECT: ("rules.manifests.pyproject", "PyprojectParser"),
    FileKind.CONDA: ("rules.manifests.conda", "CondaEnvironmentParser"),
    FileKind.PIXI: ("rules.manifests.pixi_file", "PixiParser"),
    FileKind.POETRY_LOCK: ("rules.manifests.locks", "PoetryLockParser"),
    FileKind.UV_LOCK: ("rules.manifests.locks", "UvLockParser"),
    FileKind.PYLOCK: ("rules.manifests.locks", "PylockParser"),
    FileKind.CONDA_LOCK: ("rules.manifests.locks", "CondaLockParser"),
    FileKind.CONDA_EXPLICIT: ("rules.manifests.locks", "CondaExplicitParser"),
    FileKind.DOCKERFILE: ("rules.manifests.dockerfile", "DockerfileParser"),
    FileKind.PYTHON_VERSION: ("rules.manifests.pythonversion", "PythonVersionParser"),
    FileKind.RUNTIME_TXT: ("rules.manifests.pythonversion", "RuntimeTxtParser"),
    FileKind.WORKFLOW: ("rules.manifests.workflow", "WorkflowParser"),
    FileKind.TOX: ("rules.manifests.tox", "ToxParser"),
    FileKind.READTHEDOCS: ("rules.manifests.readthedocs", "ReadTheDocsParser"),
    FileKind.TRAVIS: ("rules.manifests.travis", "TravisParser"),
    FileKind.CIRCLECI: ("rules.manifests.circleci", "CircleciParser"),
    FileKind.NBDEV: ("rules.manifests.nbdev", "NbdevSettingsParser"),
    FileKind.SETUP_CFG: ("rules.manifests.setupcfg", "SetupCfgParser"),
    FileKind.SETUP_PY: ("rules.manifests.setuppy", "SetupPyParser"),
}


#: File names (compared lower-cased) that are one kind wherever they stand.
_EXACT_NAMES: dict[str, FileKind] = {
    "pyproject.toml": FileKind.PYPROJECT,
    "pixi.toml": FileKind.PIXI,
    "setup.cfg": FileKind.SETUP_CFG,
    "tox.ini": FileKind.TOX,
    "setup.py": FileKind.SETUP_PY,
    "settings.ini": FileKind.NBDEV,
    "poetry.lock": FileKind.POETRY_LOCK,
    "uv.lock": FileKind.UV_LOCK,
}


def _normalize(path: str) -> str:
    path = path.replace("\\", "/")
    return posixpath.normpath(path).lstrip("/") if path else path


def kind_for(path: str) -> FileKind | None:
    """The kind of dependency file at `path` (repository-relative), or None."""
    path = _normalize(path)
    if path in _CONFIG_PATHS:
        return FileKind.CONFIG
    if _WORKFLOW.match(path):
        return FileKind.WORKFLOW
    if path.lower() in _READTHEDOCS:
        return FileKind.READTHEDOCS
    if path.lower() in (".travis.yml", ".travis.yaml"):
        return FileKind.TRAVIS
    if path.lower() in (".circleci/config.yml", ".circleci/config.yaml"):
        return FileKind.CIRCLECI
    folders = [part.lower() for part in path.split("/")[:-1]]
    if _SKIPPED_FOLDERS.intersection(folders):
        return None
    name = posixpath.basename(path)
    lower = name.lower()
    if lower in _EXACT_NAMES:
        return _EXACT_NAMES[lower]
    if _PYLOCK.match(lower):
        return FileKind.PYLOCK
    if lower in ("conda-lock.yml", "conda-lock.yaml") or lower.endswith(
        (".conda-lock.yml", ".conda-lock.yaml")
    ):
        return FileKind.CONDA_LOCK
    if _CONDA_EXPLICIT.match(lower) or (lower.endswith(".txt") and "explicit" in lower):
        return FileKind.CONDA_EXPLICIT
    if name == ".python-version":
        return FileKind.PYTHON_VERSION
    if lower == "runtime.txt" and (not folders or folders[-1] in ("binder", ".binder")):
        # Heroku reads the root's, Binder its binder/ folder's: elsewhere a runtime.txt is a
        # requirements file (open-mmlab/mmengine's requirements/runtime.txt)
        return FileKind.RUNTIME_TXT
    if _is_dockerfile(lower):
        return FileKind.DOCKERFILE
    if _ENVIRONMENT.match(lower) or (
        lower.endswith((".yml", ".yaml")) and ("envs" in folders or "conda" in folders)
    ):
        return FileKind.CONDA
    if lower.endswith(".txt") and (_is_requirements_name(lower) or lower.startswith("constraints")):
        return FileKind.REQUIREMENTS
    if lower.endswith(".in") and _is_requirements_name(lower):
        return FileKind.REQUIREMENTS
    if lower.endswith((".txt", ".in")) and "requirements" in folders:
        return FileKind.REQUIREMENTS
    if lower.endswith(".pip") and (
        _is_requirements_name(lower.removesuffix(".pip") + ".txt")
        or _PIP_FOLDERS.intersection(folders[-1:])
    ):
        # apple/coremltools' reqs/test.pip, reqs/build.pip: pip install -r reads any name
        return FileKind.REQUIREMENTS
    return None


def _is_dockerfile(lower: str) -> bool:
    """`Dockerfile`, `Dockerfile.gpu`, `Dockerfile-dev`, `Dockerfile_cuda`, `DockerfileTGWUI`,
    `gpu.Dockerfile`, `gpu_Dockerfile`, `Containerfile`;
    not `dockerfile.py`, `Dockerfile.md`, `Dockerfile.j2` or `.dockerignore` files."""
    if not _DOCKERFILE.match(lower):
        return False
    if lower.endswith((".dockerfile", ".containerfile", "_dockerfile", "-dockerfile")):
        return True
    extension = lower.rsplit(".", 1)[1] if "." in lower else ""
    return extension not in _NOT_DOCKERFILE_EXTENSIONS


def _is_requirements_name(lower: str) -> bool:
    """`requirements(.txt|.in)`, `requirements-dev`, `dev-requirements`, `test_requirements_gpu`:
    `requirement(s)` is the stem's first, second or last word (not a fixture's long name)."""
    words = re.split(r"[-_.]", lower.rsplit(".", 1)[0])
    hits = [i for i, word in enumerate(words) if _REQUIREMENTS_WORD.match(word)]
    return any(i <= 1 or i == len(words) - 1 for i in hits)


#: Words of a YAML file's name that make it worth reading for conda content (not `gpu` or
#: `cpu` alone: Hydra configs such as ``configs/trainer/gpu.yaml`` are named so).
_PIP_BLOCK = re.compile(r"^[ \t]*-[ \t]+pip[ \t]*:[ \t]*(?:#.*)?$", re.MULTILINE)
_CONDA_NAME_HINTS = frozenset(
    {
        "env", "environment", "conda", "mamba", "deps", "dependencies", "requirements",
        "requirement", "reqs", "req",
    }
)  # fmt: skip
#: Folders whose YAMLs are worth reading for conda content (not `env`: RL repos keep gym
#: environment configs there).
_CONDA_FOLDER_HINTS = frozenset(
    {"conda", "mamba", "deps", "dependencies", "requirements", "environment", "environments"}
)
#: Root YAMLs that are tools' configurations, never conda environments (every other root
#: YAML is fetched: zaixizhang/PocketGen's conda environment is its root pocketgen.yaml).
_ROOT_TOOL_CONFIGS = frozenset(
    {
        "mkdocs", "codecov", "docker-compose", "compose", "config", "netlify", "app",
        "appveyor", "azure-pipelines", "bitbucket-pipelines", "cloudbuild", "serverless",
        "action", "renovate", "readthedocs", "citation", "crowdin", "sonar-project", "dockerfile",
    }
)  # fmt: skip
_YAML_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:", re.MULTILINE)
#: Most bytes of a candidate YAML read to decide whether it is a conda environment.
CONTENT_SNIFF_BYTES = 256 * 1024


def may_be_conda(path: str) -> bool:
    """Whether a `.yml`/`.yaml` that `kind_for` does not know may be a conda environment: a
    word of its name or a folder hints at one (``env-gpu.yaml``,
    ``conda_reqs.yml``, ``deps/cuda.yml``), or it lies at the repository's root (not hidden,
    no tool's configuration). The content decides (`looks_like_conda`)."""
    path = _normalize(path)
    lower = path.lower()
    if not lower.endswith((".yml", ".yaml")) or kind_for(path) is not None:
        return False
    parts = lower.split("/")
    if _SKIPPED_FOLDERS.intersection(parts[:-1]) or lower.startswith(".github/"):
        return False
    stem = parts[-1].rsplit(".", 1)[0]
    words = set(re.split(r"[-_.]", stem))
    if len(parts) == 1 and not stem.startswith(("_", ".")) and stem not in _ROOT_TOOL_CONFIGS:
        return True  # a research repository's environment named after it: pocketgen.yaml
    return bool(words & _CONDA_NAME_HINTS) or bool(set(parts[:-1]) & _CONDA_FOLDER_HINTS)


def looks_like_conda(text: str | bytes) -> bool:
    """Whether a YAML text is a conda environment: top-level `dependencies:` and `channels:`
    or `name:` keys, or `dependencies:` with a ``- pip:`` block (read from the first
    `CONTENT_SNIFF_BYTES`, without parsing)."""
    head = text[:CONTENT_SNIFF_BYTES]
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    keys = set(_YAML_KEY.findall(head))
    if "dependencies" not in keys:
        return False
    # `name:`/`channels:`, or a dependency list with a `- pip:` block (deepchem's
    # requirements/torch/env_torch.gpu.yml holds nothing else; `conda env create` takes it)
    return bool(keys & {"channels", "name"}) or bool(_PIP_BLOCK.search(head))


def kind_by_content(path: str, text: str | bytes) -> FileKind | None:
    """The kind of a file that `kind_for` does not know, decided by its content: a YAML
    (anywhere outside skipped folders and `.github/`) that `looks_like_conda` is CONDA."""
    path = _normalize(path)
    lower = path.lower()
    if not lower.endswith((".yml", ".yaml")) or lower.startswith(".github/"):
        return None
    if _SKIPPED_FOLDERS.intersection(lower.split("/")[:-1]):
        return None
    return FileKind.CONDA if looks_like_conda(text) else None


#: The Makefile names GNU make reads (`rules.manifests.makefile.MAKEFILE_NAMES`).
_ROOT_MAKEFILES = frozenset({"GNUmakefile", "makefile", "Makefile"})


def is_dependency_file(path: str) -> bool:
    """Whether `path` is a file depreview reads (the repo config included), a YAML worth
    fetching to decide by content (`may_be_conda`), or the repository's root Makefile (read
    only to follow the ``make <target>`` installs of workflows and Dockerfiles; no
    dependency file of its own: `kind_for` gives it no kind)."""
    return kind_for(path) is not None or may_be_conda(path) or _normalize(path) in _ROOT_MAKEFILES


def parser_for(kind: FileKind) -> Parser:
    """A parser for `kind`. Raises KeyError for CONFIG (read by `rules.config`, not parsed)
    and ImportError when the parser's module is not available."""
    module_name, class_name = _PARSERS[kind]
    module = importlib.import_module(module_name)
    parser: Parser = getattr(module, class_name)()
    return parser
