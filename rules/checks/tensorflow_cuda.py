"""tensorflow-cuda-mismatch: a pinned TensorFlow against the CUDA / cuDNN / platform it gets.

TensorFlow without the ``[and-cuda]`` extra loads the system's CUDA libraries, so a release
built for CUDA 11 in a CUDA 12 image (or the reverse) finds no GPU. A declared cuDNN of
another major than the release was built with fails the same way (``[and-cuda]`` installs
its CUDA and cuDNN from pip, so neither check applies to it). Native Windows GPU
support ended with 2.10 (KB tensorflow.json notes). A CUDA newer than declared is reported
by cuda-base-image-mismatch.

Where: at the requirement, except when the CUDA / cuDNN comes from the base image of a
Dockerfile that installs the requirement's file (``pip install -r requirements.txt``): then at
that image line, the one to change (the message names the requirement's line).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.builds import Build, tensorflow_candidates
from rules.checks.support.cuda import (
    config_cuda,
    declared_cuda,
    installed_by_image,
    installed_note,
)
from rules.checks.support.environments import each_env, env_root, project
from rules.checks.support.fixes import finding
from rules.checks.support.markers import installed_on, on_linux
from rules.checks.support.tf_cudnn import cudnn_less_image
from rules.findings import Finding, Severity
from rules.kb.cudaver import has_minor, major_minor, short
from rules.kb.image_cudnn import image_cudnn
from rules.manifests.model import FactKind, FileKind, Requirement, Snapshot, Span

_WINDOWS_GPU_LAST = Version("2.10")


def cudnn_facts(snapshot: Snapshot, env: str) -> list[tuple[str, Span, str]]:
    """cuDNN versions declared for `env`: its own notes, and Dockerfiles when they all agree.

    An ``nvidia/cuda:…-cudnn8-…`` image names only the major; the release its definition
    installs (`rules.kb.image_cudnn`) gives the minor when recorded.
    """
    own = []
    images = []
    for fact in snapshot.facts(FactKind.CUDNN):
        manifest = snapshot.files.get(fact.location.file)
        if manifest is not None and manifest.kind == FileKind.DOCKERFILE:
            shipped = image_cudnn(fact.detail) if not has_minor(fact.value) else None
            if shipped is not None and _major(shipped.cudnn) == _major(fact.value):
                text = f"{fact.detail}; {shipped.describe()}"
                images.append((shipped.cudnn, fact.location, text))
                continue
            images.append((fact.value, fact.location, fact.detail or fact.value))
        elif env_root(fact.environment or fact.location.file) == env_root(env):
            own.append((fact.value, fact.location, fact.detail or fact.value))
    if len({(major_minor(v) or (0, 0))[0] for v, _, _ in images}) == 1:
        own.extend(images[-1:])
    return own


def _major(version: str) -> int | None:
    mm = major_minor(version)
    return mm[0] if mm else None


class TensorflowCudaMismatch(StaticRule, id="tensorflow-cuda-mismatch", severity=Severity.ERROR):
    """Pinned TensorFlow vs declared CUDA major, cuDNN major, and Windows GPU targets."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every environment with a pinned TensorFlow the KB knows."""
        platforms = [str(p) for p in ctx.config.targets.platforms]
        for env, reqs in each_env(ctx.snapshot):
            for req in reqs:
                if on_linux(req):
                    yield from self._no_cudnn(ctx, env, req, reqs)
                found = tensorflow_candidates(ctx.kb, req, ctx.snapshot)
                build = found.picked if found is not None else None
                if build is None or build.cuda is None:
                    continue
                how = f"{build.how}; decided by {build.evidence}"
                if on_linux(req):  # a darwin / win32 line is never installed with the image
                    yield from self._cuda(ctx, env, reqs, build, how)
                    yield from self._cudnn(ctx, env, req, build, how)
                windows = "windows_amd64" in platforms and config_cuda(ctx.config)
                if windows and installed_on(req, ("windows_amd64",)):
                    yield from self._windows(req, build)

    def _cuda(
        self,
        ctx: RuleContext,
        env: str,
        reqs: list[Requirement],
        build: Build,
        how: str,
    ) -> Iterator[Finding]:
        req, cuda = build.req, build.cuda or ""
        if "and-cuda" in req.extras:
            return
        built = major_minor(cuda)
        for decl in declared_cuda(ctx.snapshot, env, reqs):
            have = major_minor(decl.cuda)
            if built is None or have is None or have[0] <= built[0]:
                continue
            message = (
                f"{req.raw.strip()} loads the system's CUDA {built[0]} libraries ({how}) but "
                f"this environment provides {decl.describe()}: TensorFlow finds no GPU and "
                f"runs on the CPU."
            )
            fix = f"{req.name}[and-cuda]=={build.version}  # or a CUDA {short(cuda)} image"
            image = installed_by_image(ctx.snapshot, req, decl.location)
            if image is not None:
                message += installed_note(req, image)
                fix = (
                    f"a CUDA {short(cuda)} base image (or {req.name}[and-cuda]=={build.version} "
                    f"in {req.location.file})"
                )
            yield finding(
                self,
                message,
                image or req.location,
                package=req.name,
                fix=fix,
                evidence=(how, decl.describe()),
                fingerprint=f"{req.name}:cuda:{decl.how}",
            )
            return

    def _no_cudnn(
        self, ctx: RuleContext, env: str, req: Requirement, reqs: list[Requirement]
    ) -> Iterator[Finding]:
        """GPU TensorFlow installed on an nvidia/cuda image without cuDNN (`support.tf_cudnn`):
        an error, or a warning when torch or jax installs with it (TensorFlow may be there for
        TensorBoard or data loading only, and they bring their own cuDNN)."""
        found = cudnn_less_image(ctx.snapshot, env, req, reqs)
        if found is None:
            return
        stage, info = found
        shared = sorted({project(r) for r in reqs} & {"torch", "jax", "jaxlib"})
        where = f"{stage.location.file}:{stage.location.line}"
        message = (
            f"{req.raw.strip()} loads the system's CUDA and cuDNN libraries, but its stage's "
            f"base image {info.ref} ({where}) has no cuDNN (NVIDIA's cuDNN images carry "
            f"'cudnn' in the tag): TensorFlow skips registering the GPU and runs on the CPU."
        )
        if shared:
            message += f" ({', '.join(shared)} installs with it, so it may not need the GPU.)"
        image = stage.location if stage.location.file != req.location.file else None
        yield finding(
            self,
            message + (installed_note(req, image) if image is not None else ""),
            req.location,
            package=req.name,
            fix=f"an nvidia/cuda image tagged cudnn (e.g. nvidia/cuda:{info.cuda}-cudnn-…), or "
            f"{project(req)}[and-cuda]",
            evidence=(f"{where}: FROM {info.ref}",),
            severity=Severity.WARNING if shared else Severity.ERROR,
            fingerprint=f"{req.name}:no-cudnn",
        )

    def _cudnn(
        self, ctx: RuleContext, env: str, req: Requirement, build: Build, how: str
    ) -> Iterator[Finding]:
        if "and-cuda" in req.extras:
            return  # [and-cuda] installs the cuDNN it was built with from pip (nvidia-cudnn-cu12)
        version = build.version
        release = ctx.kb.tensorflow_release(version) if version else None
        if release is None:
            return
        wanted = major_minor(release.cudnn)
        for value, span, text in cudnn_facts(ctx.snapshot, env):
            have = major_minor(value)
            if wanted is None or have is None:
                continue
            image = installed_by_image(ctx.snapshot, req, span)
            if have[0] == wanted[0]:
                if has_minor(value) and have[1] < wanted[1]:
                    yield self._older_minor(req, release.cudnn, value, span, text, how, image)
                    return
                continue
            note = installed_note(req, image) if image is not None else ""
            yield finding(
                self,
                f"{req.raw.strip()} is built with cuDNN {release.cudnn} but "
                f"{span.file}:{span.line} declares cuDNN {value} ({text}): cuDNN majors are "
                f"not interchangeable; TensorFlow fails to load its DNN library.{note}",
                image or req.location,
                package=req.name,
                fix=f"Use cuDNN {wanted[0]}.x (e.g. an nvidia/cuda image tagged cudnn{wanted[0]}).",
                evidence=(how, f"{span.file}:{span.line}: {text}"),
                fingerprint=f"{req.name}:cudnn",
            )
            return

    def _older_minor(
        self,
        req: Requirement,
        built: str,
        value: str,
        span: Span,
        text: str,
        how: str,
        image: Span | None,
    ) -> Finding:
        """Same cuDNN major, older minor: TensorFlow's loader (stream_executor cuda_dnn.cc,
        since tensorflow/tensorflow#3249) refuses it: "CuDNN library needs to have matching
        major version and equal or higher minor version"."""
        return finding(
            self,
            f"{req.raw.strip()} is built with cuDNN {built} but {span.file}:{span.line} "
            f"provides cuDNN {value} ({text}): TensorFlow refuses an older cuDNN minor "
            f'("Loaded runtime CuDNN library: {value} but source was compiled with: {built}. '
            f"CuDNN library needs to have matching major version and equal or higher minor "
            f'version"), so GPU ops fail.'
            + (installed_note(req, image) if image is not None else ""),
            image or req.location,
            package=req.name,
            fix=f"an image with cuDNN {short(built)} or newer (or {req.name}[and-cuda], which "
            "installs its own cuDNN from pip)",
            evidence=(how, f"{span.file}:{span.line}: {text}"),
            fingerprint=f"{req.name}:cudnn",
        )

    def _windows(self, req: Requirement, build: Build) -> Iterator[Finding]:
        version = build.version
        if version is None or Version(f"{version.major}.{version.minor}") <= _WINDOWS_GPU_LAST:
            return
        yield finding(
            self,
            f"{req.raw.strip()}: native Windows GPU support ended with TensorFlow 2.10, and the "
            f"repo config targets windows_amd64 with CUDA: on Windows this installs a CPU-only "
            f"TensorFlow (GPU needs WSL2).",
            req.location,
            package=req.name,
            fix=f"{req.name}==2.10.1  # last native Windows GPU release; or run under WSL2",
            evidence=("KB tensorflow.json notes: Native Windows GPU support ends with 2.10",),
            severity=Severity.WARNING,
            fingerprint=f"{req.name}:windows",
        )


RULES: tuple[Rule, ...] = (TensorflowCudaMismatch(),)
