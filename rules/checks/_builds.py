"""Which CUDA build of torch / TensorFlow / JAX an environment would install."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rules.checks._ml import (
    indexes_for,
    local_label,
    project,
    pytorch_indexes,
    serving_indexes,
    version_of,
)
from rules.kb import KnowledgeBase
from rules.kb.cudaver import major_minor, url_variant, variant_cuda
from rules.manifests.model import Ecosystem, Index, Requirement, Snapshot

_JAX_EXTRA = re.compile(r"^cuda(\d+)")
_JAX_PLUGIN = re.compile(r"^jax-cuda(\d+)-(?:plugin|pjrt)$")
_JAXLIB_LOCAL = re.compile(r"^cuda(\d+)")


@dataclass(frozen=True, slots=True)
class Build:
    """A framework requirement and the CUDA it is built for.

    `cuda` is None for a CPU build. `how` says why we think so (a +cu118 label, the index,
    the PyPI default recorded in the KB, TensorFlow's tested build, a jax extra).
    """

    req: Requirement
    framework: str
    cuda: str | None
    how: str


def torch_build(kb: KnowledgeBase, req: Requirement, indexes: Iterable[Index]) -> Build | None:
    """The build a PyPI torch requirement installs on Linux x86_64, when it can be told."""
    label = local_label(req)
    if label is not None:
        return Build(req, "torch", variant_cuda(label), f"+{label} build")
    served = pytorch_indexes(serving_indexes(req, indexes))
    variants = {url_variant(i.url) for i in served} - {None}
    if len(variants) == 1:
        variant = next(iter(variants))
        assert variant is not None
        version = version_of(req)
        known = kb.torch_release(version) if version is not None else None
        if known is not None and variant not in known.variants:
            return None  # no such build: cuda-variant-mismatch reports it
        return Build(req, "torch", variant_cuda(variant), f"the {variant} index")
    if served:
        return None
    version = version_of(req)
    release = kb.torch_release(version) if version is not None else None
    if release is None or release.pypi_default_cuda is None:
        return None
    return Build(
        req,
        "torch",
        release.pypi_default_cuda,
        f"the PyPI wheel of torch {release.version.public} (CUDA {release.pypi_default_cuda} "
        f"on Linux x86_64)",
    )


def tensorflow_build(kb: KnowledgeBase, req: Requirement) -> Build | None:
    """TensorFlow's tested CUDA for a pinned tensorflow / tensorflow-gpu."""
    if project(req) not in ("tensorflow", "tensorflow-gpu"):
        return None
    version = version_of(req)
    release = kb.tensorflow_release(version) if version is not None else None
    if release is None:
        return None
    return Build(
        req,
        "tensorflow",
        release.cuda,
        f"TensorFlow {release.tensorflow} is built and tested with CUDA {release.cuda} / "
        f"cuDNN {release.cudnn}",
    )


def jax_build(kb: KnowledgeBase, req: Requirement) -> Build | None:
    """The CUDA major a jax requirement selects (cuda12 extra, jax-cuda12-plugin, jaxlib+cuda)."""
    major: str | None = None
    how = ""
    name = project(req)
    if name == "jax":
        for extra in req.extras:
            match = _JAX_EXTRA.match(extra)
            if match:
                major, how = match.group(1), f"jax[{extra}]"
                break
    elif (match := _JAX_PLUGIN.match(name)) is not None:
        major, how = match.group(1), name
    elif name == "jaxlib":
        version = version_of(req)
        local = version.local if version is not None else None
        found = _JAXLIB_LOCAL.match(local or "")
        if found:
            major, how = found.group(1)[:2], f"jaxlib+{local}"
    if major is None:
        return None
    cuda = major
    version = version_of(req)
    release = kb.jax_release(version) if version is not None else None
    for build in release.builds if release else ():
        low = build.cuda_compatible.lstrip(">=").strip()
        mm = major_minor(low)
        if mm is not None and str(mm[0]) == major:
            cuda = low
    return Build(req, "jax", cuda, f"{how} (needs CUDA {cuda} or newer in the {major}.x line)")


def builds(kb: KnowledgeBase, snapshot: Snapshot, env: str, reqs: list[Requirement]) -> list[Build]:
    """Every framework CUDA build an environment's PyPI requirements select."""
    indexes = indexes_for(snapshot, env)
    found: list[Build] = []
    for req in reqs:
        if req.ecosystem != Ecosystem.PYPI:
            continue
        build: Build | None = None
        name = project(req)
        if name == "torch":
            build = torch_build(kb, req, indexes)
        elif name in ("tensorflow", "tensorflow-gpu"):
            build = tensorflow_build(kb, req)
        elif name == "jax" or name.startswith(("jax-cuda", "jaxlib")):
            build = jax_build(kb, req)
        if build is not None:
            found.append(build)
    return found
