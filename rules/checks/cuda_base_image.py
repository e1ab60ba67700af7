"""cuda-base-image-mismatch: a framework built for another CUDA than the environment declares.

The declared CUDA comes from the Dockerfile's base image (nvidia/cuda, pytorch/pytorch; see
`rules.checks.support.cuda` for which Dockerfile applies where), a ``# CUDA:`` note in the
file, or a conda selector (pytorch-cuda, cuda-version, cudatoolkit).

Which build is judged: an exact pin's, a lock's, else what a fresh install picks today (the
newest release the range admits, `rules.checks.support.versions`). Severity (pip wheels of torch
bundle their CUDA runtime, so the image's own CUDA matters through the driver it promises
and through nvcc; see the KB audit's C02/C02b note):
- built for a newer CUDA major than declared: error (the driver promised for that CUDA
  cannot run it);
- same major, newer minor: warning (runs through CUDA minor-version compatibility);
- torch built for an older CUDA major than declared (torch+cu118 in a CUDA 12.1 image):
  warning — error when the environment compiles a CUDA extension (apex, flash-attn, ...)
  with the image's nvcc (a ``devel`` image): torch's cpp_extension refuses a CUDA major
  other than its own;
- a range whose picked release fits but some admitted releases do not: warning;
- a conda CUDA selector or ``# CUDA:`` note that contradicts the base image: error / warning.
- a package that loads the environment's CUDA runtime and names its CUDA (mxnet-cu101,
  cupy-cuda102, cupy-cuda12x, dgl-cu111): another major, or before CUDA 11 another minor, is
  an error (the runtime it links, ``libcudart.so.10.1``, is not there; a warning when pip's
  nvidia-* wheels of that major are installed beside it); a newer minor is a warning.

Where: at the requirement, except when the CUDA comes from the base image of a Dockerfile that
installs the requirement's file (``pip install -r``): then at that image line, the one to change
(the message names the requirement's line).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from packaging.version import InvalidVersion, Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.builds import Build, Candidates, candidates, image_kept
from rules.checks.support.cuda import (
    CudaDecl,
    declared_cuda,
    image_cuda_for,
    installed_by_image,
    installed_note,
)
from rules.checks.support.environments import each_env
from rules.checks.support.evidence import targets_for_environment
from rules.checks.support.fixes import dockerfile_fix, finding
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase
from rules.kb.cudaver import (
    has_minor,
    major_minor,
    name_cuda_major,
    short,
    system_cuda_of_name,
    variant_cuda,
)
from rules.kb.onnxruntime_cuda import SHARED_PROVIDER, onnxruntime_gpu_cuda
from rules.kb.onnxruntime_cuda import SOURCE as ONNXRUNTIME_SOURCE
from rules.manifests.model import Ecosystem, FactKind, Requirement, Snapshot

#: Projects that compile CUDA code against the installed torch with the system's nvcc
#: (built from source: no prebuilt wheel for every torch/CUDA pair).
CUDA_EXTENSION_BUILDS: frozenset[str] = frozenset(
    {
        "apex",
        "flash-attn",
        "flash-attention",
        "mamba-ssm",
        "causal-conv1d",
        "pytorch3d",
        "detectron2",
        "nvdiffrast",
        "tinycudann",
        "diff-gaussian-rasterization",
        "simple-knn",
        "gsplat",
    }
)


def _compare(built: str, declared: str) -> int:
    """>0 when `built` is newer than `declared` (2: major, 1: minor), <0 older major, else 0."""
    b, d = major_minor(built), major_minor(declared)
    if b is None or d is None:
        return 0
    if b[0] != d[0]:
        return 2 if b[0] > d[0] else -2
    if has_minor(built) and has_minor(declared) and b[1] > d[1]:
        return 1
    return 0


def _torch_fix(kb: KnowledgeBase, found: Candidates, declared: str) -> str | None:
    """The newest admitted torch with a build for a CUDA the declaration can run, when the KB
    knows one (the declared major, not above its minor)."""
    decl = major_minor(declared)
    if decl is None:
        return None
    versions = [b.version for b in found.admitted if b.version is not None]
    if found.decided.picked is not None and found.decided.picked not in versions:
        versions.append(found.decided.picked)
    for version in sorted(versions, reverse=True):
        release = kb.torch_release(version)
        if release is None:
            continue
        fitting = [
            v
            for v in release.variants
            if (c := major_minor(variant_cuda(v))) is not None and c[0] == decl[0] and c <= decl
        ]
        if fitting:
            best = max(fitting, key=lambda v: major_minor(variant_cuda(v)) or (0, 0))
            return (
                f"{found.req.name}=={Version(version.public)}+{best}\n"
                f"--extra-index-url https://download.pytorch.org/whl/{best}"
            )
    return None


def _system_cuda(req: Requirement) -> tuple[str, str, bool] | None:
    """(CUDA, how it is known, whether a mismatch only loses the GPU) of a requirement that
    loads the environment's CUDA runtime: by its name (mxnet-cu101, cupy-cuda12x, dgl-cu111)
    or, for an exactly pinned onnxruntime-gpu, by its release (`rules.kb.onnxruntime_cuda`)."""
    if req.ecosystem not in (Ecosystem.PYPI, Ecosystem.CONDA):
        return None
    named = system_cuda_of_name(req.name)
    if named is not None:
        return named, "its name says so", False
    if req.name != "onnxruntime-gpu" or req.ecosystem != Ecosystem.PYPI or not req.pinned:
        return None
    try:
        version = Version(req.pinned)
    except InvalidVersion:
        return None
    built = onnxruntime_gpu_cuda(version)
    if built is None:
        return None
    said = f"ONNX Runtime's requirements table: {ONNXRUNTIME_SOURCE}"
    return built, said, version >= SHARED_PROVIDER


def _runtime_mismatch(
    built: str, declared: str, from_pip: set[int], *, falls_back: bool = False
) -> tuple[Severity, str] | None:
    """Severity and consequence of a package that loads the system's CUDA runtime, built for
    CUDA `built`, in an environment with CUDA `declared`; None when it loads.

    The runtime's library names carry the major (``libcudart.so.12``, ``libcudart.so.11.0``
    for all of 11.x) and before CUDA 11 the minor too (``libcudart.so.10.1``). A major that
    pip's nvidia-* wheels bring (`from_pip`) may be found there: a warning. `falls_back`: the
    package still imports and runs on the CPU (onnxruntime-gpu from 1.8): a warning, and a
    newer minor of CUDA 11 or later is not judged (ONNX Runtime supports every minor of its
    major)."""
    b, d = major_minor(built), major_minor(declared)
    if b is None or d is None:
        return None
    minors = has_minor(built) and has_minor(declared)
    if b[0] != d[0] or (b[0] < 11 and minors and b[1] != d[1]):
        lib = f"libcudart.so.{b[0]}" + (f".{b[1]}" if b[0] < 11 else ".0" if b[0] == 11 else "")
        consequence = (
            f"it loads the CUDA runtime from the environment ({lib}), which CUDA "
            f"{short(declared)} does not have, so its import fails"
        )
        if falls_back:
            return Severity.WARNING, (
                f"its CUDA provider loads the CUDA runtime from the environment ({lib}), which "
                f"CUDA {short(declared)} does not have, so it logs 'Failed to create "
                "CUDAExecutionProvider' and runs on the CPU"
            )
        if b[0] != d[0] and b[0] in from_pip:
            return Severity.WARNING, (
                consequence + f" unless it finds the CUDA {b[0]} libraries this environment "
                "installs from pip (nvidia-*)"
            )
        return Severity.ERROR, consequence
    if minors and b[1] > d[1] and not falls_back:
        return Severity.WARNING, (
            "it runs only through CUDA minor-version compatibility (driver ≥ the family floor)"
        )
    return None


def extension_builds(snapshot: Snapshot, env: str, reqs: list[Requirement]) -> list[Requirement]:
    """Requirements of `env` that compile a CUDA extension with the image's nvcc: a known
    source-built project (or a VCS/URL install of one) in an environment whose base image is
    a ``devel`` image (the only flavour with nvcc)."""
    root = env.split("#", 1)[0]
    devel = any(
        f.value == "devel"
        for f in snapshot.facts(FactKind.IMAGE_FLAVOUR)
        if f.location.file == root or (f.environment or f.location.file) == env
    )
    if not devel:
        return []
    return [r for r in reqs if r.ecosystem == Ecosystem.PYPI and r.name in CUDA_EXTENSION_BUILDS]


def _by_image_python(
    snapshot: Snapshot, env: str, decls: list[CudaDecl]
) -> list[tuple[str | None, list[CudaDecl]]]:
    """The declarations grouped by the Python a fresh install is picked on: a base image's
    own (the one Python of `env`'s targets that its Dockerfile names), else the
    environment's (None). broadinstitute/CellBender: requirements.txt's bare torch is
    installed on Python 3.9 by CI and on the Dockerfile's Miniconda py37 Python, where the
    newest torch is 1.13.1 (CUDA 11.7, as the nvidia/cuda 11.7.1 image), not 2.8.0."""
    groups: dict[str | None, list[CudaDecl]] = {}
    targets = [t for t in targets_for_environment(snapshot, env) if not t.assumed]
    for decl in decls:
        python: str | None = None
        if decl.how == "base image" and decl.location is not None:
            file = decl.location.file
            pythons = {
                t.python
                for t in targets
                if any(e.what == "python" and e.file == file for e in t.sources)
            }
            python = next(iter(pythons)) if len(pythons) == 1 else None
        groups.setdefault(python, []).append(decl)
    return list(groups.items())


class CudaBaseImageMismatch(StaticRule, id="cuda-base-image-mismatch", severity=Severity.ERROR):
    """torch / TF / JAX built for a CUDA newer than the base image or declared CUDA."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every environment of the snapshot."""
        seen: set[tuple[str, ...]] = set()
        for found in self._all(ctx):
            if found.identity not in seen:
                seen.add(found.identity)
                yield found

    def _all(self, ctx: RuleContext) -> Iterator[Finding]:
        for env, reqs in each_env(ctx.snapshot):
            decls = declared_cuda(ctx.snapshot, env, reqs)
            if not decls:
                continue
            extensions = extension_builds(ctx.snapshot, env, reqs)
            for python, group in _by_image_python(ctx.snapshot, env, decls):
                for found in candidates(ctx.kb, ctx.snapshot, env, reqs, python):
                    yield from self._candidates(ctx.kb, ctx.snapshot, found, group, extensions)
            yield from self._named(ctx.snapshot, reqs, decls)
            image = image_cuda_for(ctx.snapshot, env)
            if image is not None:
                yield from self._declarations(decls, image)

    def _named(
        self, snapshot: Snapshot, reqs: list[Requirement], decls: list[CudaDecl]
    ) -> Iterator[Finding]:
        """mxnet-cuXXX, cupy-cudaXXX, dgl-cuXXX and pinned onnxruntime-gpu next to a declared CUDA
        they cannot load (one finding per requirement: the first declaration it contradicts)."""
        from_pip = {
            m for r in reqs if r.name.startswith("nvidia-") and (m := name_cuda_major(r.name))
        }
        for req in reqs:
            loads = _system_cuda(req)
            if loads is None:
                continue
            built, said, falls_back = loads
            for decl in decls:
                judged = _runtime_mismatch(built, decl.cuda, from_pip, falls_back=falls_back)
                if judged is None:
                    continue
                severity, consequence = judged
                message = (
                    f"{req.raw.strip()} is built for CUDA {short(built)} ({said}) but "
                    f"this environment declares {decl.describe()}: {consequence}."
                )
                fix = (
                    f"Pin a {req.name} release built for CUDA {short(decl.cuda)} ({said}), or "
                    f"use a CUDA {short(built)} base image."
                    if falls_back or req.name == "onnxruntime-gpu"
                    else f"Install the build named for CUDA {short(decl.cuda)} in place of "
                    f"{req.name}, or use a CUDA {short(built)} base image."
                )
                how = f"{req.name}: CUDA {short(built)}"
                yield self._finding(snapshot, req, message, fix, how, decl, severity)
                break

    def _candidates(
        self,
        kb: KnowledgeBase,
        snapshot: Snapshot,
        found: Candidates,
        decls: list[CudaDecl],
        extensions: list[Requirement],
    ) -> Iterator[Finding]:
        kept = image_kept(snapshot, found.req, in_image=True)
        for decl in decls:
            if (
                decl.how == "base image"
                and kept is not None
                and any(b.version and b.version.public == kept.public for b in found.admitted)
            ):
                continue  # the image's own torch satisfies the range: pip keeps it
            picked = found.picked
            order = _compare(picked.cuda, decl.cuda) if picked and picked.cuda else 0
            breaking = [b for b in found.admitted if b.cuda and _compare(b.cuda, decl.cuda) > 0]
            if picked is not None and picked.cuda and order != 0:
                yield from self._build(kb, snapshot, found, picked, decl, order, extensions)
            elif breaking and not found.decided.exact:
                yield self._some(kb, snapshot, found, breaking, decl)

    def _build(
        self,
        kb: KnowledgeBase,
        snapshot: Snapshot,
        found: Candidates,
        build: Build,
        decl: CudaDecl,
        order: int,
        extensions: list[Requirement],
    ) -> Iterator[Finding]:
        req = build.req
        cuda = build.cuda or ""
        fix = _torch_fix(kb, found, decl.cuda) if build.framework == "torch" else None
        every = (
            not found.decided.exact
            and len(found.admitted) > 1
            and all(b.cuda and _compare(b.cuda, decl.cuda) == 2 for b in found.admitted)
        )
        decided = (
            f"every release the range admits ({found.decided.describe()})"
            if every
            else build.evidence or found.decided.describe()
        )
        if order > 0:
            severity = Severity.ERROR if order == 2 else Severity.WARNING
            consequence = (
                "a host set up for that CUDA (driver, libraries) cannot run it"
                if order == 2
                else "it runs only through CUDA minor-version compatibility (driver "
                "≥ the family floor; no PTX JIT of newer PTX)"
            )
            message = (
                f"{req.raw.strip()} installs a build for CUDA {short(cuda)} ({build.how}; "
                f"decided by {decided}) but this environment declares {decl.describe()}: "
                f"{consequence}."
            )
            fix = fix or (
                f"Use a CUDA {short(cuda)} base image (nvidia/cuda:{short(cuda)}.*) or pin a "
                f"release built for CUDA {short(decl.cuda)}."
            )
        elif order == -2 and build.framework == "torch":
            built_ext = [e for e in extensions if e is not req]
            severity = Severity.ERROR if built_ext else Severity.WARNING
            message = (
                f"{req.raw.strip()} installs a build for CUDA {short(cuda)} ({build.how}; "
                f"decided by {decided}) but this environment declares {decl.describe()}: torch "
                f"loads its own CUDA {short(cuda)} runtime and ignores the image's, and CUDA "
                f"extensions compiled with the image's nvcc fail torch's CUDA version check"
            )
            if built_ext:
                names = ", ".join(sorted({e.name for e in built_ext}))
                message += (
                    f" — and this environment compiles {names} with it: the build fails "
                    f"('The detected CUDA version ({short(decl.cuda)}) mismatches the version "
                    f"that was used to compile PyTorch ({short(cuda)})')"
                )
            message += "."
            fix = fix or (
                f"Pin a torch build for CUDA {short(decl.cuda)} or use a CUDA {short(cuda)} "
                f"base image."
            )
        else:
            return
        yield self._finding(snapshot, req, message, fix, build.how, decl, severity)

    def _some(
        self,
        kb: KnowledgeBase,
        snapshot: Snapshot,
        found: Candidates,
        breaking: list[Build],
        decl: CudaDecl,
    ) -> Finding:
        req = found.req
        versions = [str(b.version) for b in breaking if b.version is not None]
        span = versions[0] if len(versions) == 1 else f"{versions[0]} … {versions[-1]}"
        cudas = sorted({short(b.cuda or "") for b in breaking})
        picked = found.decided.picked
        fix = _torch_fix(kb, found, decl.cuda) if found.framework == "torch" else None
        message = (
            f"{req.raw.strip()} admits releases built for CUDA {', '.join(cudas)} ({span}), "
            f"newer than this environment's {decl.describe()}"
            + (f"; a fresh install today picks {picked}, which fits" if picked else "")
            + ": an install that resolves to one of those releases does not run on this CUDA."
        )
        return self._finding(
            snapshot,
            req,
            message,
            fix or f"Bound the range below the first release built for CUDA {cudas[0]}.",
            breaking[0].how,
            decl,
            Severity.WARNING,
        )

    def _finding(
        self,
        snapshot: Snapshot,
        req: Requirement,
        message: str,
        fix: str | None,
        how: str,
        decl: CudaDecl,
        severity: Severity,
    ) -> Finding:
        where = f"{decl.location.file}:{decl.location.line}: " if decl.location else ""
        image = installed_by_image(snapshot, req, decl.location)
        if image is not None:
            message += installed_note(req, image)
            if fix is not None and dockerfile_fix(fix) != fix:  # requirement lines: say where
                fix = f"# in {req.location.file}:\n{fix}"
        return finding(
            self,
            message,
            image or req.location,
            package=req.name,
            fix=fix,
            evidence=(how, f"{where}{decl.text}"),
            severity=severity,
            fingerprint=f"{req.name}:{decl.how}",
            fix_as_run=image is None,
        )

    def _declarations(self, decls: list[CudaDecl], image: CudaDecl) -> Iterator[Finding]:
        for decl in decls:
            if decl is image or decl.location is None:
                continue
            order = _compare(decl.cuda, image.cuda)
            if order == 0:
                continue
            newer = order > 0
            severity = Severity.ERROR if newer and decl.how != "note" else Severity.WARNING
            yield finding(
                self,
                f"{decl.location.file} declares CUDA {short(decl.cuda)} ({decl.text}) but the "
                f"base image it is deployed in gives {image.describe()}"
                + (
                    ": the environment needs a newer CUDA than the image."
                    if newer
                    else ": the file and the image disagree about the CUDA version."
                ),
                decl.location,
                package=decl.how if decl.how != "note" else None,
                fix=(
                    f"Make them agree: CUDA {short(image.cuda)} in {decl.location.file}, or a "
                    f"CUDA {short(decl.cuda)} base image."
                ),
                evidence=(decl.describe(), image.describe()),
                severity=severity,
                fingerprint=f"declared:{decl.how}:{decl.location.file}",
            )


RULES: tuple[Rule, ...] = (CudaBaseImageMismatch(),)
