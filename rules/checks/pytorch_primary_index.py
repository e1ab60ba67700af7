"""pytorch-index-replaces-pypi: a PyTorch index as the only index, for packages it lacks.

``--index-url https://download.pytorch.org/whl/cu121`` (pip ``-i``, uv ``index-url`` or a
``[[tool.uv.index]]`` with ``default = true``, a Poetry source of priority primary/default:
Poetry 1.8+ drops its implicit PyPI once a primary source exists, python-poetry/poetry#8771)
replaces PyPI: every requirement of that install is looked up on PyTorch's index only. The
index serves torch, its family and their dependencies, plus a list of mirrored projects;
anything else fails with 'No matching distribution found'.

What PyTorch's index serves: download.pytorch.org/whl indexes only the projects named in
``PACKAGE_ALLOW_LIST`` of pytorch/test-infra ``s3_management/manage.py`` (read at commit
027dd134993438721271052bf9c85577890fec25) and ``s3_management/manage_v2.py`` (read at
commit 00b05fc2b128016867186ba56f7ede3ec641a6eb). That list grows (manage_v2 added
transformers, scipy, tokenizers, opencv-python-headless, numba, ray, ... for vLLM; the
torchtune and triton blocks add pandas, datasets, huggingface-hub, matplotlib, pyarrow,
...), and a listed project may carry only a few versions. So the rule does not flag
everything outside torch's family: it flags only the projects below, popular ML / data
packages that neither version of the allow list names. A project added to the list later is
a false negative, never a false positive; review the list against the newest manage_v2.py.

Not seen (so not accounted for): indexes added outside the repository's files (pip.conf,
``PIP_EXTRA_INDEX_URL`` in CI, ``ENV PIP_EXTRA_INDEX_URL`` in a Dockerfile). Any other
non-explicit index declared for the same install turns the rule off for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.environments import each_env, env_root, project
from rules.checks.support.fixes import finding
from rules.checks.support.indexes import declared_at, indexes_for
from rules.findings import Finding, Severity
from rules.kb.cudaver import is_pytorch_index
from rules.manifests.model import (
    Ecosystem,
    FileKind,
    Index,
    IndexKind,
    Requirement,
    Snapshot,
)

#: Popular projects that PyTorch's wheel index does not serve (absent from both allow lists
#: named in the module docstring). Deliberately short: only names checked against the lists.
NOT_ON_PYTORCH_INDEX: frozenset[str] = frozenset(
    {
        "accelerate",
        "albumentations",
        "bitsandbytes",
        "catboost",
        "deepspeed",
        "diffusers",
        "evaluate",
        "flax",
        "gradio",
        "h5py",
        "jax",
        "jaxlib",
        "keras",
        "langchain",
        "librosa",
        "lightgbm",
        "lightning",
        "mlflow",
        "nltk",
        "onnx",
        "onnxruntime",
        "onnxruntime-gpu",
        "opencv-python",
        "peft",
        "plotly",
        "polars",
        "pytorch-lightning",
        "scikit-image",
        "scikit-learn",
        "seaborn",
        "sentence-transformers",
        "spacy",
        "statsmodels",
        "streamlit",
        "tensorflow",
        "timm",
        "trl",
        "xgboost",
    }
)

_PRIMARY_POETRY = (None, "primary", "default")
#: What a Dockerfile fix keeps on the PyTorch index (the rest goes to a PyPI install).
_TORCH_FAMILY = frozenset(
    {"torch", "torchvision", "torchaudio", "torchtext", "torchdata", "triton", "pytorch-triton"}
)
_SHOWN = 5


@dataclass(frozen=True, slots=True)
class _Primary:
    """A PyTorch index that replaces PyPI for an install, and the file kind declaring it."""

    index: Index
    kind: FileKind | None


def _is_primary(index: Index) -> bool:
    if not index.url or not is_pytorch_index(index.url):
        return False
    if index.kind == IndexKind.INDEX_URL:
        return True
    if index.kind == IndexKind.UV_INDEX:
        return index.default and not index.explicit
    if index.kind == IndexKind.POETRY_SOURCE:
        return index.priority in _PRIMARY_POETRY
    return False


def _is_other_source(index: Index) -> bool:
    """An index besides PyTorch's that the resolver also consults for untied packages."""
    if index.kind == IndexKind.CONDA_CHANNEL or (index.url and is_pytorch_index(index.url)):
        return False
    return not index.explicit and index.priority != "explicit"


def _missing(reqs: Iterable[Requirement], pytorch_url: str) -> list[Requirement]:
    """Requirements looked up on the PyTorch index only that it does not serve."""
    found = []
    for req in reqs:
        if req.ecosystem != Ecosystem.PYPI or req.is_constraint or req.url:
            continue
        if req.index and req.index != pytorch_url:
            continue  # tied to a named source (or another URL): not looked up here
        if project(req) in NOT_ON_PYTORCH_INDEX:
            found.append(req)
    return found


def _dockerfile_fix(url: str, command: list[Requirement]) -> str:
    """Two RUN lines: the torch family from PyTorch's index, everything else from PyPI."""
    family = [r for r in command if project(r) in _TORCH_FAMILY or r.name.startswith("nvidia-")]
    rest = [r for r in command if r not in family]
    first = " ".join(r.raw.strip() for r in family) or "torch"
    second = " ".join(r.raw.strip() for r in rest)
    return f"RUN pip install {first} --index-url {url}\nRUN pip install {second}"


def _fix(primary: _Primary, reqs: list[Requirement]) -> str:
    index = primary.index
    url = index.url
    if primary.kind == FileKind.DOCKERFILE:
        return _dockerfile_fix(url, reqs)
    if index.kind == IndexKind.UV_INDEX:
        name = index.name or "pytorch"
        return (
            f'[[tool.uv.index]]\nname = "{name}"\nurl = "{url}"\nexplicit = true\n\n'
            f'[tool.uv.sources]\ntorch = {{ index = "{name}" }}\n'
            f'torchvision = {{ index = "{name}" }}'
        )
    if index.kind == IndexKind.POETRY_SOURCE:
        name = index.name or "pytorch"
        return (
            'priority = "explicit"\n'
            f'# and on torch: torch = {{ version = "...", source = "{name}" }}'
        )
    if primary.kind == FileKind.PYPROJECT:  # [tool.uv] index-url
        return (
            f'[[tool.uv.index]]\nname = "pytorch"\nurl = "{url}"\nexplicit = true\n\n'
            '[tool.uv.sources]\ntorch = { index = "pytorch" }'
        )
    return (
        f"--extra-index-url {url}\n"
        "# instead of --index-url: PyPI stays the main index. pip then takes the highest "
        "version from either index, so keep the extra index to PyTorch's own URL "
        "(dependency confusion)."
    )


class PytorchIndexReplacesPypi(
    StaticRule, id="pytorch-index-replaces-pypi", severity=Severity.ERROR
):
    """A PyTorch index as the primary index of an install that needs packages it lacks."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per environment (or Dockerfile install command) that cannot install."""
        snapshot = ctx.snapshot
        for env, reqs in each_env(snapshot):
            manifest = snapshot.files.get(env_root(env))
            if manifest is not None and manifest.kind == FileKind.DOCKERFILE:
                yield from self._dockerfile(snapshot, env, reqs)
            else:
                yield from self._environment(snapshot, env, reqs)

    def _environment(
        self, snapshot: Snapshot, env: str, reqs: list[Requirement]
    ) -> Iterator[Finding]:
        root = env_root(env)
        pool = indexes_for(snapshot, env)
        own = [i for i in pool if env_root(i.environment or i.location.file) == root]
        primaries = [i for i in own if _is_primary(i)]
        if not primaries or any(_is_other_source(i) for i in pool):
            return
        index = primaries[0]
        missing = _missing(reqs, index.url)
        if missing:
            kind = snapshot.files[root].kind if root in snapshot.files else None
            primary = _Primary(index, kind)
            yield self._finding(primary, env, missing, _fix(primary, missing))

    def _dockerfile(
        self, snapshot: Snapshot, env: str, reqs: list[Requirement]
    ) -> Iterator[Finding]:
        """`RUN pip install ... --index-url <PyTorch>`: the command's requirements."""
        manifest = snapshot.files[env_root(env)]
        stage = [i for i in manifest.indexes if (i.environment or i.location.file) == env]
        if any(_is_other_source(i) for i in stage):
            return  # another index in this stage: the command may be the one that uses it
        commands: dict[str, list[Requirement]] = {}
        for req in reqs:
            if req.index and "://" in req.index and is_pytorch_index(req.index):
                commands.setdefault(req.index, []).append(req)
        for url, tied in commands.items():
            missing = _missing(tied, url)
            if not missing:
                continue
            index = next(
                (i for i in stage if i.url == url and i.kind == IndexKind.INDEX_URL),
                Index(url, IndexKind.INDEX_URL, missing[0].location),
            )
            primary = _Primary(index, FileKind.DOCKERFILE)
            yield self._finding(primary, env, missing, _dockerfile_fix(url, tied))

    def _finding(
        self, primary: _Primary, env: str, missing: list[Requirement], fix: str
    ) -> Finding:
        index = primary.index
        names = ", ".join(project(r) for r in missing[:_SHOWN])
        more = f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else ""
        priority = index.priority or "primary (unset)"
        how = {
            IndexKind.UV_INDEX: "is the default uv index",
            IndexKind.POETRY_SOURCE: f"is a Poetry source of priority {priority} (Poetry 1.8+ "
            "then leaves out its implicit PyPI)",
        }.get(index.kind, "is given as --index-url")
        span = missing[0].location if primary.kind == FileKind.DOCKERFILE else index.location
        return finding(
            self,
            f"{index.url} {how}, so it replaces PyPI for {env}, but PyTorch's index does not "
            f"serve {names}{more}: the install fails with 'No matching distribution found'.",
            span,
            package=project(missing[0]) if len(missing) == 1 else None,
            fix=fix,
            evidence=(
                declared_at(index),
                *(f"{r.location.file}:{r.location.line}: {r.raw.strip()}" for r in missing),
                "download.pytorch.org/whl serves only the projects of PACKAGE_ALLOW_LIST in "
                "pytorch/test-infra s3_management/manage.py",
            ),
            fingerprint=f"replaces-pypi:{index.url}",
        )


RULES: tuple[Rule, ...] = (PytorchIndexReplacesPypi(),)
