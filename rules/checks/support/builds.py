"""Which CUDA build of torch / TensorFlow / JAX an environment would install.

For each framework requirement: every release its specifier admits (`rules.checks.support.versions`)
and the build each would bring, and the one a fresh install picks today — a lock file beside
the environment decides when it pins the project inside the range. `builds` gives the picked
builds (what driver and arch checks look at); `candidates` gives the whole picture (what the
CUDA checks grade: the picked build decides, the other admitted builds can only warn).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

from rules.checks.support.environments import env_of, env_root, local_label, project
from rules.checks.support.fresh import installable_for
from rules.checks.support.indexes import indexes_for, pytorch_indexes, serving_indexes
from rules.checks.support.markers import on_linux
from rules.checks.support.packages import folder, installing_stages
from rules.checks.support.versions import Admitted, admitted, releases_of
from rules.kb import KnowledgeBase
from rules.kb.conda_jaxlib import jaxlib_build
from rules.kb.cudaver import is_variant, major_minor, url_variant, variant_cuda
from rules.kb.torch_variants import legacy_builds
from rules.manifests.model import (
    RUNNER_KINDS,
    Ecosystem,
    FactKind,
    FileKind,
    Index,
    IndexKind,
    Requirement,
    Snapshot,
)

#: A jax extra or jaxlib local label naming a CUDA major: ``cuda12``, ``cuda12_pip``,
#: ``cuda12.cudnn89`` (legacy extras such as ``cuda111`` name CUDA 11.1).
JAX_CUDA_LABEL = re.compile(r"^cuda(\d+)")
_JAX_PLUGIN = re.compile(r"^jax-cuda(\d+)-(?:plugin|pjrt)$")
_LOCK_KINDS = frozenset(
    {FileKind.POETRY_LOCK, FileKind.UV_LOCK, FileKind.PYLOCK, FileKind.CONDA_LOCK}
)


@dataclass(frozen=True, slots=True)
class Build:
    """A framework requirement and the CUDA one release of it is built for.

    `cuda` is None for a CPU build. `how` says why we think so (a +cu118 label, the index,
    the PyPI default recorded in the KB, TensorFlow's tested build, a jax extra). `version`
    is the release (None when the requirement names none the KB knows); `evidence` says what
    chose that release (``exact pin 2.5.1``, ``range >=2.1: newest admitted 2.14.0``, a lock).
    """

    req: Requirement
    framework: str
    cuda: str | None
    how: str
    version: Version | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Candidates:
    """A framework requirement: the build a fresh install picks, and every admitted build."""

    req: Requirement
    framework: str
    picked: Build | None
    admitted: tuple[Build, ...]
    decided: Admitted


def locked_version(snapshot: Snapshot, req: Requirement) -> Version | None:
    """The version a lock file in the environment's folder pins for `req`'s project."""
    root = (req.environment or req.location.file).split("#", 1)[0]
    here = folder(root)
    name = project(req)
    for manifest in snapshot.files.values():
        if manifest.kind not in _LOCK_KINDS or folder(manifest.path) != here:
            continue
        for pin in manifest.pins:
            pinned = "torch" if pin.name == "pytorch" else pin.name
            if pinned != name:
                continue
            try:
                return Version(pin.version)
            except InvalidVersion:
                return None
    return None


def installed_by_workflow(snapshot: Snapshot, root: str) -> bool:
    """Whether a CI workflow job installs the file `root` (``pip install -r``, ``pip install .``:
    an include, a job Python fact of that file, or an installed-together entry)."""
    for manifest in snapshot.files.values():
        if manifest.kind not in RUNNER_KINDS:
            continue
        if root in manifest.include_paths:
            return True
        if any(f.kind == FactKind.PYTHON and f.environment == root for f in manifest.facts):
            return True
        if any(value.split("\n")[-1] == root for _, value in manifest.metadata):
            return True
    return False


def image_kept(snapshot: Snapshot, req: Requirement, *, in_image: bool = False) -> Version | None:
    """The torch every Dockerfile stage that installs `req` already has from its base image
    (a pytorch/pytorch or NGC PyTorch tag), when they agree: pip installs a range's newest
    release only when nothing installed satisfies it, so that torch stays. None when no
    stage installs it, a stage's image brings no known torch, or the stages differ, and
    (unless `in_image`: the question is about the image's environment) when a CI job
    installs the file too, without the image."""
    if project(req) != "torch":
        return None
    root = env_root(req.environment or req.location.file)
    if not in_image and installed_by_workflow(snapshot, root):
        return None  # a CI job installs it too, without the image
    found: set[str] = set()
    files = {root, req.location.file}  # the environment, or the file a stage installs itself
    for manifest, stage in installing_stages(snapshot, files, {req.environment}):
        torch = [
            f.value
            for f in manifest.facts
            if f.kind == FactKind.IMAGE_TORCH and f.environment == stage.label
        ]
        if not torch:
            return None
        found.add(torch[-1])
    if len(found) != 1:
        return None
    try:
        return Version(found.pop())
    except InvalidVersion:
        return None


def decide(
    kb: KnowledgeBase, snapshot: Snapshot | None, req: Requirement, python: str | None = None
) -> Admitted:
    """What `req`'s specifier admits among the KB's releases, and what an install picks
    (on `python` when given, else on the environment's Python when the repository names
    exactly one, else on some Python its exact pins install on: `fresh.installable_for`)."""
    locked = locked_version(snapshot, req) if snapshot is not None else None
    kept = image_kept(snapshot, req) if snapshot is not None and locked is None else None
    installable = (
        installable_for(snapshot, env_of(req), project(req), python=python)
        if snapshot is not None
        else None
    )
    return admitted(
        req.specifier,
        releases_of(kb, project(req)),
        locked=locked,
        installable=installable,
        kept=kept,
    )


@dataclass(frozen=True, slots=True)
class TorchVariants:
    """The +label builds the PyTorch index carries for one torch release, and the source."""

    labels: tuple[str, ...]
    source: str


def torch_variants(kb: KnowledgeBase, version: Version) -> TorchVariants | None:
    """The builds of torch `version`: its minor's list in torch.json (from 1.12 on) joined
    with the per-release list of torch_legacy_variants.json (1.2-1.13), plus the CUDA of the
    plain PyPI wheel (a label copy of it is never judged missing). None when neither knows.
    """
    release = kb.torch_release(version)
    legacy = legacy_builds(version)
    labels: set[str] = set()
    sources: list[str] = []
    if release is not None and release.line.variants_known:
        labels.update(release.variants)
        sources.append(
            f"KB torch.json {release.line.minor}: variants {', '.join(release.variants)}"
        )
    if legacy is not None:
        labels.update(legacy.variants + legacy.rocm)
        sources.append(legacy.describe())
    if not sources:
        return None
    plain = release.pypi_default_cuda if release is not None else None
    mm = major_minor(plain) if plain else None
    if mm is not None:
        labels.add(f"cu{mm[0]}{mm[1]}")
    ordered = sorted(
        labels,
        key=lambda v: (not v.startswith("cpu"), major_minor(variant_cuda(v) or "") or (0, 0), v),
    )
    return TorchVariants(tuple(ordered), "; ".join(sources))


def only_index(req: Requirement, served: list[Index]) -> bool:
    """Whether the served PyTorch indexes replace PyPI for `req` (--index-url, a tied
    source, a default uv index): then only their builds can be installed."""
    return bool(req.index) or any(i.kind == IndexKind.INDEX_URL or i.default for i in served)


def _torch_release_build(
    kb: KnowledgeBase, req: Requirement, version: Version, variant: str | None, evidence: str
) -> Build | None:
    """The build torch `version` installs from the index of `variant` (None: PyPI)."""
    release = kb.torch_release(version)
    if variant is not None:
        return Build(req, "torch", variant_cuda(variant), f"the {variant} index", version, evidence)
    if release is None or release.pypi_default_cuda is None:
        return None
    return Build(
        req,
        "torch",
        release.pypi_default_cuda,
        f"the PyPI wheel of torch {release.version.public} (CUDA {release.pypi_default_cuda} "
        f"on Linux x86_64)",
        version,
        evidence,
    )


def torch_candidates(
    kb: KnowledgeBase,
    req: Requirement,
    indexes: Iterable[Index],
    snapshot: Snapshot | None = None,
    python: str | None = None,
) -> Candidates | None:
    """The torch builds a PyPI torch requirement can install on Linux x86_64 (on `python`
    when given: `decide`)."""
    decided = decide(kb, snapshot, req, python)
    label = local_label(req)
    picked_local = decided.picked.local if decided.picked is not None else None
    if label is None and picked_local and is_variant(picked_local):
        label = picked_local.lower()  # a lock pinned 2.3.1+cu121
    evidence = decided.describe()
    if label is not None:
        found = tuple(
            Build(req, "torch", variant_cuda(label), f"+{label} build", v, evidence)
            for v in decided.releases
        )
        picked = found[-1] if decided.picked is not None and found else None
        return Candidates(req, "torch", picked, found, decided)
    served = pytorch_indexes(serving_indexes(req, indexes))
    variants = {url_variant(i.url) for i in served} - {None}
    variant: str | None = None
    if served:
        if len(variants) != 1 or len(variants) != len({url_variant(i.url) for i in served}):
            return None  # several builds, or an index listing every build: cannot tell
        variant = next(iter(variants))
    only = variant is not None and only_index(req, served)
    builds: list[Build] = []
    for version in decided.releases:
        release = kb.torch_release(version)
        on_index = variant is not None and (release is None or variant in release.variants)
        if variant is not None and decided.exact and not on_index:
            return None  # no such build: cuda-variant-mismatch reports it
        if only and not on_index:
            continue
        build = _torch_release_build(kb, req, version, variant if on_index else None, evidence)
        if build is not None:
            builds.append(build)
    picked = _picked(decided, builds, only)
    return Candidates(req, "torch", picked, tuple(builds), decided)


def _picked(decided: Admitted, builds: list[Build], only_admitted: bool) -> Build | None:
    """The build of the picked release; with an index that replaces PyPI, the newest release
    that index carries."""
    if decided.picked is None or not builds:
        return None
    if decided.exact or not only_admitted:
        same = [b for b in builds if b.version is not None and b.version == decided.picked]
        return same[-1] if same else None
    return builds[-1]


def tensorflow_candidates(
    kb: KnowledgeBase,
    req: Requirement,
    snapshot: Snapshot | None = None,
    python: str | None = None,
) -> Candidates | None:
    """TensorFlow's tested CUDA for every admitted tensorflow / tensorflow-gpu release (on
    `python` when given: `decide`)."""
    if project(req) not in ("tensorflow", "tensorflow-gpu"):
        return None
    decided = decide(kb, snapshot, req, python)
    evidence = decided.describe()
    builds: list[Build] = []
    for version in decided.releases:
        release = kb.tensorflow_release(version)
        if release is None:
            older = _tensorflow_before_2_1(kb, req, version, evidence)
            if older is not None:
                builds.append(older)
            continue
        builds.append(
            Build(
                req,
                "tensorflow",
                release.cuda,
                f"TensorFlow {release.tensorflow} is built and tested with CUDA {release.cuda} / "
                f"cuDNN {release.cudnn}",
                version,
                evidence,
            )
        )
    picked = _picked(decided, builds, False)
    return Candidates(req, "tensorflow", picked, tuple(builds), decided)


def _tensorflow_before_2_1(
    kb: KnowledgeBase, req: Requirement, version: Version, evidence: str
) -> Build | None:
    """A GPU TensorFlow release before the tested-build table (1.15, 2.0: ``tensorflow-gpu``,
    and ``tensorflow`` 1.15, whose Linux wheel includes GPU support): the CUDA its wheel
    row records from TensorFlow's tested-build table."""
    wheel = kb.tensorflow_wheel(project(req), version)
    if wheel is None or not wheel.gpu or wheel.tested_cuda is None:
        return None
    return Build(
        req,
        "tensorflow",
        wheel.tested_cuda,
        f"{project(req)} {version} is built and tested with CUDA {wheel.tested_cuda} / cuDNN "
        f"{wheel.tested_cudnn or '?'} ({wheel.tested_source or 'KB tensorflow_wheels.json'})",
        version,
        evidence,
    )


def torch_build(kb: KnowledgeBase, req: Requirement, indexes: Iterable[Index]) -> Build | None:
    """The build a PyPI torch requirement installs on Linux x86_64, when it can be told."""
    found = torch_candidates(kb, req, indexes)
    return found.picked if found is not None else None


def tensorflow_build(kb: KnowledgeBase, req: Requirement) -> Build | None:
    """TensorFlow's tested CUDA for the tensorflow release a requirement installs."""
    found = tensorflow_candidates(kb, req)
    return found.picked if found is not None else None


def _jax_extra_cuda(digits: str) -> tuple[str, str | None]:
    """The CUDA major (and the exact CUDA of a legacy extra) a jax extra's digits name:
    ``cuda12``/``cuda12_pip`` → 12; the 2020-2021 extras ``cuda111``/``cuda101``/``cuda92``
    (jax's README then: "cuda101, cuda102, cuda110, cuda111") → 11.1, 10.1, 9.2."""
    if len(digits) == 3:
        return digits[:2], f"{digits[:2]}.{digits[2]}"
    if len(digits) == 2 and digits[0] == "9":
        return "9", f"9.{digits[1]}"
    return digits, None


def jax_build(
    kb: KnowledgeBase, req: Requirement, snapshot: Snapshot | None = None
) -> Build | None:
    """The CUDA major a jax requirement selects (cuda12 extra, jax-cuda12-plugin, jaxlib+cuda)."""
    major: str | None = None
    how = ""
    name = project(req)
    decided = decide(kb, snapshot, req)
    version = decided.picked
    legacy: str | None = None
    if name == "jax":
        for extra in req.extras:
            match = JAX_CUDA_LABEL.match(extra)
            if match:
                major, legacy = _jax_extra_cuda(match.group(1))
                how = f"jax[{extra}]"
                break
    elif (match := _JAX_PLUGIN.match(name)) is not None:
        major, how = match.group(1), name
    elif name == "jaxlib":
        local = version.local if version is not None else None
        found = JAX_CUDA_LABEL.match(local or "")
        if found:
            major, how = found.group(1)[:2], f"jaxlib+{local}"
    if major is None:
        return None
    cuda = legacy or major
    release = kb.jax_release(version) if version is not None else None
    for build in release.builds if release else ():
        low = build.cuda_compatible.lstrip(">=").strip()
        mm = major_minor(low)
        if mm is not None and str(mm[0]) == major:
            cuda = low
    return Build(
        req,
        "jax",
        cuda,
        f"{how} (needs CUDA {cuda} or newer in the {major}.x line)",
        version,
        decided.describe(),
    )


def conda_jaxlib_build(
    kb: KnowledgeBase, req: Requirement, snapshot: Snapshot | None = None
) -> Build | None:
    """The CUDA a conda-forge jaxlib match spec's build names (``jaxlib=*=cuda120*``): the
    build brings that CUDA's libraries from conda and runs on its major's later minors."""
    build = jaxlib_build(req.build) if req.name == "jaxlib" else None
    if build is None or build.major is None:
        return None
    cuda = build.cuda or str(build.major)
    decided = decide(kb, snapshot, req)
    return Build(
        req,
        "jaxlib-conda",  # not the pip plugin wheels: their GPU floors do not apply
        cuda,
        f"conda-forge jaxlib build {build.text} (CUDA {cuda}, cuda-version <{build.major + 1})",
        decided.picked if decided.exact else None,  # conda-forge lags PyPI's newest
        decided.describe() if decided.exact else "",
    )


def candidates(
    kb: KnowledgeBase,
    snapshot: Snapshot,
    env: str,
    reqs: list[Requirement],
    python: str | None = None,
) -> list[Candidates]:
    """Every torch / TensorFlow / jax requirement of an environment with its admitted builds
    (jax: the picked build only), torch's and TensorFlow's picked on `python` when given.
    Only lines installed on Linux count: the builds' CUDA is that of their Linux wheels, and
    a Dockerfile image is Linux (a ``sys_platform == 'darwin'`` line is never installed with
    a CUDA)."""
    indexes = indexes_for(snapshot, env)
    found: list[Candidates] = []
    for req in filter(on_linux, reqs):
        if req.ecosystem != Ecosystem.PYPI:
            conda = conda_jaxlib_build(kb, req, snapshot)
            if conda is not None:
                found.append(
                    Candidates(req, conda.framework, conda, (conda,), decide(kb, snapshot, req))
                )
            continue
        name = project(req)
        got: Candidates | None = None
        if name == "torch":
            got = torch_candidates(kb, req, indexes, snapshot, python)
        elif name in ("tensorflow", "tensorflow-gpu"):
            got = tensorflow_candidates(kb, req, snapshot, python)
        elif name == "jax" or name.startswith(("jax-cuda", "jaxlib")):
            build = jax_build(kb, req, snapshot)
            if build is not None:
                got = Candidates(req, "jax", build, (build,), decide(kb, snapshot, req))
        if got is not None:
            found.append(got)
    return found


def builds(kb: KnowledgeBase, snapshot: Snapshot, env: str, reqs: list[Requirement]) -> list[Build]:
    """Every framework CUDA build an environment's PyPI requirements select (picked builds)."""
    return [c.picked for c in candidates(kb, snapshot, env, reqs) if c.picked is not None]
