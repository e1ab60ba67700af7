"""Conda environment hygiene: mixed channels, CUDA packages pip-installed over conda's CUDA."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from rules.checks.base import RuleContext, StaticRule
from rules.checks.support.fixes import finding_at
from rules.checks.support.packages import files_of
from rules.findings import Finding, Severity
from rules.manifests.model import (
    Ecosystem,
    FileKind,
    Index,
    IndexKind,
    ManifestFile,
    Requirement,
)

#: Channel names that are Anaconda's `defaults` (or part of it).
_DEFAULTS = frozenset({"defaults", "main", "r", "msys2", "anaconda", "free"})

#: Conda packages that bring CUDA into the environment.
CONDA_CUDA = frozenset(
    {
        "pytorch-cuda",
        "cudatoolkit",
        "cuda-toolkit",
        "cuda-version",
        "cuda-runtime",
        "cuda-cudart",
        "cuda-nvcc",
        "cuda-libraries",
        "cuda",
        "cudnn",
        "nccl",
    }
)

#: PyPI packages whose Linux wheels bring their own CUDA libraries (or pull in a torch that
#: does). Not here: plain `tensorflow`/`jax`/`jaxlib`, `onnxruntime-gpu` and `cupy-*`, which
#: load the environment's CUDA (TensorFlow's documented conda setup is exactly that); their
#: pip-CUDA forms are `tensorflow[and-cuda]` and `jax[cuda12]`.
_PIP_CUDA = frozenset(
    {
        "torch",
        "torchvision",
        "torchaudio",
        "paddlepaddle-gpu",
        "xformers",
        "triton",
    }
)
_JAX_PIP_CUDA = re.compile(r"^cuda\d+(?:[-_]pip)?$")


def channel_name(index: Index) -> str:
    """A channel's short name: `conda-forge`, `defaults`, `pytorch`, or its URL."""
    text = (index.name or index.url).strip().rstrip("/")
    if "://" in text:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
        segments = [s for s in parts.path.split("/") if s]
        if host == "repo.anaconda.com":
            return "defaults"
        if host == "conda.anaconda.org" and segments:
            text = segments[0]
    text = text.lower()
    return "defaults" if text in _DEFAULTS else text


def _channels(manifest: ManifestFile) -> list[tuple[str, Index]]:
    return [
        (channel_name(index), index)
        for index in manifest.indexes
        if index.kind == IndexKind.CONDA_CHANNEL and index.location.file == manifest.path
    ]


def channel_names(manifest: ManifestFile) -> list[str]:
    """The short names (`channel_name`) of the channels a conda file lists, in order."""
    return [name for name, _ in _channels(manifest)]


def _strict_priority(manifest: ManifestFile) -> bool:
    meta = dict(manifest.metadata)
    return meta.get("channel_priority", meta.get("channel-priority", "")).lower() == "strict"


class CondaChannelMixingRule(StaticRule, id="conda-channel-mixing", severity=Severity.WARNING):
    """`defaults` with `conda-forge` (or `pytorch` with `conda-forge`) in one environment."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """A warning for the first conda file (in path order) that mixes `conda-forge` with
        another channel; a notice for each further file with the same mix, naming that first
        one: a new environment file that copies the repository's channel setup adds nothing
        the reviewer has not seen (the repository-level warning keeps its identity, so it is
        not new either)."""
        first: dict[str, str] = {}
        for path, manifest in files_of(ctx.snapshot, {FileKind.CONDA}):
            channels = _channels(manifest)
            names = [name for name, _ in channels]
            if "conda-forge" not in names:
                continue
            other = next((n for n in ("defaults", "pytorch") if n in names), None)
            if other is None or (other == "pytorch" and _strict_priority(manifest)):
                continue
            later = max(
                (index for name, index in channels if name in {"conda-forge", other}),
                key=lambda i: (i.location.line, i.location.column),
            )
            seen = first.setdefault(other, path)
            again = f" The same mix as {seen}, reported there." if seen != path else ""
            yield finding_at(
                self,
                f"{path} takes packages from both `conda-forge` and `{other}` "
                f"(channels: {', '.join(names)}). Their binaries are built against "
                f"different library stacks; mixing them gives solver conflicts and "
                f"crashes at import (e.g. two OpenMP or libstdc++ builds).{again}",
                later.location,
                fix=(
                    "channels:\n  - conda-forge\n  - nodefaults"
                    if other == "defaults"
                    else "channels:\n  - pytorch\n  - nvidia\n  - conda-forge\n"
                    "# and: conda config --set channel_priority strict"
                ),
                evidence=tuple(names),
                severity=Severity.NOTICE if again else Severity.WARNING,
                fingerprint=f"channels:{path}:{other}" if again else f"channels:{other}",
            )


def _is_pip_cuda(req: Requirement) -> bool:
    if req.name == "tensorflow":
        return "and-cuda" in req.extras
    if req.name == "jax":
        return any(_JAX_PIP_CUDA.match(extra.lower()) for extra in req.extras)
    return req.name in _PIP_CUDA or req.name.startswith("nvidia-")


class PipInCondaForCudaPackageRule(
    StaticRule, id="pip-in-conda-for-cuda-package", severity=Severity.WARNING
):
    """A CUDA-bearing package pip-installed into a conda env that already has conda CUDA."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One warning per conda file whose pip section installs CUDA packages next to conda
        CUDA packages, at the first such line, naming them all (one warning per package made
        a pip section of twelve nvidia-* wheels twelve warnings: dlyuangod/TinyGPT-V)."""
        for path, manifest in files_of(ctx.snapshot, {FileKind.CONDA}):
            conda_cuda = sorted(
                {
                    r.name
                    for r in manifest.requirements
                    if r.ecosystem == Ecosystem.CONDA and r.name in CONDA_CUDA
                }
            )
            if not conda_cuda:
                continue
            pip_cuda = sorted(
                (
                    r
                    for r in manifest.requirements
                    if r.ecosystem == Ecosystem.PYPI and _is_pip_cuda(r)
                ),
                key=lambda r: (r.location.line, r.location.column),
            )
            if not pip_cuda:
                continue
            names = list(dict.fromkeys(r.name for r in pip_cuda))
            first = pip_cuda[0]
            torch_like = any(n in ("torch", "torchvision", "torchaudio") for n in names)
            subject = (
                f"{names[0]} is"
                if len(names) == 1
                else f"{len(names)} CUDA packages ({', '.join(names)}) are"
            )
            yield finding_at(
                self,
                f"{subject} installed by pip into the conda environment of {path}, "
                f"which also gets CUDA from conda ({', '.join(conda_cuda)}). pip's "
                f"wheels bring their own CUDA libraries: two CUDA stacks in one "
                f"environment, and conda cannot see or update the pip copies.",
                first.location,
                package=first.name,
                fix=(
                    "Install torch from conda (e.g. `pytorch` with `pytorch-cuda`) "
                    "or drop the conda CUDA packages and let the pip wheels bring CUDA."
                    if torch_like
                    else "Install them from conda, or drop the conda CUDA packages "
                    "and let the pip wheels bring CUDA."
                ),
                evidence=(
                    *(f"{path}:{r.location.line}: {r.raw.strip()}" for r in pip_cuda),
                    *conda_cuda,
                ),
                fingerprint=f"pip-in-conda:{path}",
            )


RULES = (CondaChannelMixingRule(), PipInCondaForCudaPackageRule())
