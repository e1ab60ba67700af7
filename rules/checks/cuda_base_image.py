"""cuda-base-image-mismatch: a framework built for another CUDA than the environment declares.

The declared CUDA comes from the Dockerfile's base image (nvidia/cuda, pytorch/pytorch; see
`rules.checks._ml` for which Dockerfile applies where), a ``# CUDA:`` note in the file, or a
conda selector (pytorch-cuda, cuda-version, cudatoolkit). Findings:
- built for a newer CUDA major than declared: error (the host/image driver promised for that
  CUDA cannot run it);
- same major, newer minor: warning (runs only through CUDA minor-version compatibility);
- torch built for an older CUDA major than declared (torch+cu118 in a CUDA 12.1 image):
  warning (torch ships its own CUDA 11.8 runtime; extensions built with the image's nvcc fail
  torch's CUDA version check);
- a conda CUDA selector or ``# CUDA:`` note that contradicts the base image: error / warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rules.checks._builds import Build, builds
from rules.checks._ml import (
    CudaDecl,
    declared_cuda,
    each_env,
    finding,
    image_cuda_for,
    version_of,
)
from rules.checks.base import Rule, RuleContext
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase
from rules.kb.cudaver import cuda_variant, has_minor, major_minor, short, variant_cuda


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


def _torch_fix(kb: KnowledgeBase, build: Build, declared: str) -> str | None:
    """A torch pin built for a CUDA the declaration can run, when the KB knows one."""
    version = version_of(build.req)
    release = kb.torch_release(version) if version is not None else None
    decl = major_minor(declared)
    if release is None or decl is None:
        return None
    fitting = [
        v
        for v in release.variants
        if (c := major_minor(variant_cuda(v))) is not None and c[0] == decl[0] and c <= decl
    ]
    if not fitting:
        return None
    best = max(fitting, key=lambda v: major_minor(variant_cuda(v)) or (0, 0))
    return (
        f"{build.req.name}=={release.version.public}+{best}\n"
        f"--extra-index-url https://download.pytorch.org/whl/{best}"
    )


class CudaBaseImageMismatch:
    """torch / TF / JAX built for a CUDA newer than the base image or declared CUDA."""

    id = "cuda-base-image-mismatch"
    category = "cuda-base-image-mismatch"
    default_severity = Severity.ERROR

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
            for build in builds(ctx.kb, ctx.snapshot, env, reqs):
                yield from self._build(ctx.kb, build, decls)
            image = image_cuda_for(ctx.snapshot, env)
            if image is not None:
                yield from self._declarations(decls, image)

    def _build(self, kb: KnowledgeBase, build: Build, decls: list[CudaDecl]) -> Iterator[Finding]:
        if build.cuda is None:
            return
        for decl in decls:
            order = _compare(build.cuda, decl.cuda)
            req = build.req
            fix = _torch_fix(kb, build, decl.cuda) if build.framework == "torch" else None
            if order > 0:
                severity = Severity.ERROR if order == 2 else Severity.WARNING
                consequence = (
                    "a host set up for that CUDA (driver, libraries) cannot run it"
                    if order == 2
                    else "it runs only through CUDA minor-version compatibility (driver "
                    "≥ the family floor; no PTX JIT of newer PTX)"
                )
                message = (
                    f"{req.raw.strip()} is built for CUDA {short(build.cuda)} ({build.how}) "
                    f"but this environment declares {decl.describe()}: {consequence}."
                )
                fix = fix or (
                    f"Use a CUDA {short(build.cuda)} base image (nvidia/cuda:"
                    f"{short(build.cuda)}.*) or pin a build for CUDA {short(decl.cuda)}."
                )
            elif order == -2 and build.framework == "torch":
                severity = Severity.WARNING
                message = (
                    f"{req.raw.strip()} is built for CUDA {short(build.cuda)} ({build.how}) but "
                    f"this environment declares {decl.describe()}: torch loads its own CUDA "
                    f"{short(build.cuda)} runtime and ignores the image's, and CUDA extensions "
                    f"compiled with the image's nvcc fail torch's CUDA version check."
                )
                variant = cuda_variant(decl.cuda)
                fix = _torch_fix(kb, build, decl.cuda) or (
                    f"Pin a +{variant} build or use a CUDA {short(build.cuda)} base image."
                )
            else:
                continue
            where = f"{decl.location.file}:{decl.location.line}: " if decl.location else ""
            yield finding(
                self,
                message,
                req.location,
                package=req.name,
                fix=fix,
                evidence=(build.how, f"{where}{decl.text}"),
                severity=severity,
                fingerprint=f"{req.name}:{decl.how}",
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
