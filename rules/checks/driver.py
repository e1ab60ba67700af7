"""driver-too-old and gpu-arch-unsupported: the repo's CUDA needs vs the declared runner fleet.

The fleet is `config.runners` (driver version, GPUs with compute capability). Demands:
- a Dockerfile's CUDA base image needs its toolkit's driver (nvidia/cuda images refuse to
  start below it: ``unsatisfied condition: cuda>=X.Y``);
- pip wheels (torch +cuXYZ / PyPI default, TensorFlow, jax plugins) and conda CUDA selectors
  bundle their CUDA runtime and need only the major family's minor-version-compatibility floor.
GPU architectures: torch's compiled sm_XX list (KB torch_arch.json), jax plugin floors
(SM ≥ 5.2 for CUDA 12, ≥ 7.5 for CUDA 13), TensorFlow ≥ 2.17 without Maxwell (sm_5x).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.builds import Build, builds
from rules.checks.support.cuda import conda_cuda, dockerfile_cuda
from rules.checks.support.environments import each_env, version_of
from rules.checks.support.fixes import finding
from rules.config import Gpu
from rules.findings import Finding, Severity
from rules.kb import ArchList, KnowledgeBase
from rules.kb.cudaver import cuda_variant, major_minor, short, to_version
from rules.manifests.model import Span


@dataclass(frozen=True, slots=True)
class _Demand:
    what: str
    cuda: str
    driver: str
    basis: str
    location: Span
    package: str | None


def _demands(ctx: RuleContext) -> list[_Demand]:
    kb = ctx.kb
    found: dict[tuple[str, str], _Demand] = {}
    for image in dockerfile_cuda(ctx.snapshot).values():
        floor = kb.min_driver_for_cuda(image.cuda)
        driver = (floor.toolkit_driver or floor.family_floor) if floor else None
        if floor is not None and driver and image.location is not None:
            basis = floor.toolkit_release or f"CUDA {short(image.cuda)} family floor"
            found[("image", image.location.file)] = _Demand(
                image.text, image.cuda, driver, basis, image.location, None
            )
    for env, reqs in each_env(ctx.snapshot):
        pairs: list[tuple[str, str, Span, str]] = [
            (b.req.raw.strip(), b.cuda, b.req.location, b.req.name)
            for b in builds(kb, ctx.snapshot, env, reqs)
            if b.cuda
        ]
        pairs += [(d.text, d.cuda, d.location, d.how) for d in conda_cuda(reqs) if d.location]
        for what, cuda, location, package in pairs:
            floor = kb.min_driver_for_cuda(cuda)
            if floor is None or floor.family_floor is None:
                continue
            basis = f"CUDA {(major_minor(cuda) or (0, 0))[0]}.x minor-version compatibility"
            key = (what, location.file)
            found.setdefault(key, _Demand(what, cuda, floor.family_floor, basis, location, package))
    return list(found.values())


class DriverTooOld(StaticRule, id="driver-too-old", severity=Severity.ERROR):
    """A runner whose driver is older than what the repo's CUDA needs."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per (demand, runner) the runner's driver cannot meet."""
        runners = [r for r in ctx.config.runners if r.driver]
        if not runners:
            return
        for demand in _demands(ctx):
            need = to_version(demand.driver)
            for runner in runners:
                have = to_version(str(runner.driver))
                if need is None or have is None or have >= need:
                    continue
                yield finding(
                    self,
                    f"{demand.what} needs NVIDIA driver ≥ {demand.driver} ({demand.basis}) but "
                    f"runner {runner.name} has driver {runner.driver}: CUDA fails to initialise "
                    f"there (cudaErrorInsufficientDriver / 'unsatisfied condition: cuda>="
                    f"{short(demand.cuda)}').",
                    demand.location,
                    package=demand.package,
                    fix=(
                        f"Upgrade {runner.name} to driver ≥ {demand.driver}, or use a build for "
                        f"an older CUDA."
                    ),
                    evidence=(f"KB cuda_driver.json: {demand.basis} → {demand.driver}",),
                    fingerprint=f"{runner.name}:{demand.what}",
                )


def _sm(arch: str) -> tuple[int, int, bool] | None:
    digits = arch.split("_", 1)[-1]
    specific = digits.endswith("a")
    digits = digits.rstrip("af")
    if not digits.isdigit() or len(digits) < 2:
        return None
    return int(digits[:-1]), int(digits[-1]), specific


def runs_on(arches: ArchList, capability: str) -> bool:
    """Whether a build with these cubins / PTX runs on a GPU of compute capability `capability`.

    A cubin runs on the same major with an equal or higher minor; PTX JIT-compiles for any
    equal or newer GPU. Arch-specific cubins (sm_90a) run on exactly that GPU.
    """
    cc = major_minor(capability)
    if cc is None:
        return True
    for arch in arches.sm:
        parsed = _sm(arch)
        if parsed is None:
            continue
        major, minor, specific = parsed
        if (specific and (major, minor) == cc) or (
            not specific and major == cc[0] and minor <= cc[1]
        ):
            return True
    ptx = _sm(arches.ptx) if arches.ptx else None
    return ptx is not None and (ptx[0], ptx[1]) <= cc


def _unsupported(kb: KnowledgeBase, build: Build, capability: str) -> str | None:
    """Why `build` cannot run on `capability`, or None when it can (or nobody knows)."""
    cc = major_minor(capability)
    version = build.version if build.version is not None else version_of(build.req)
    if cc is None or build.cuda is None:
        return None
    if build.framework == "torch":
        variant = cuda_variant(build.cuda)
        arches = kb.torch_arches(variant, version) if variant else None
        if arches is None or runs_on(arches, capability):
            return None
        listed = ", ".join(sorted(arches.sm, key=lambda a: _sm(a) or (0, 0, False)))
        ptx = f" + PTX {arches.ptx}" if arches.ptx else ""
        return f"it carries kernels for {listed}{ptx} ({arches.source})"
    if build.framework == "jax":
        floor = kb.jax_gpu_floor(f"cuda{(major_minor(build.cuda) or (0, 0))[0]}")
        if floor and cc < (major_minor(floor) or (0, 0)):
            return f"jax CUDA {short(build.cuda)} wheels support compute capability ≥ {floor}"
        return None
    modern_tf = version is not None and (version.major, version.minor) >= (2, 17)
    if build.framework == "tensorflow" and modern_tf and cc[0] == 5:
        return "TensorFlow 2.17 removed Maxwell (sm_5x) from its GPU wheels"
    return None


class GpuArchUnsupported(StaticRule, id="gpu-arch-unsupported", severity=Severity.ERROR):
    """A runner GPU whose compute capability the framework build has no kernels for."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per (build, GPU model) that cannot run."""
        gpus = [
            (runner.name, gpu)
            for runner in ctx.config.runners
            for gpu in runner.gpus
            if gpu.compute_capability
        ]
        if not gpus:
            return
        seen: set[tuple[str, str, str]] = set()
        for env, reqs in each_env(ctx.snapshot):
            for build in builds(ctx.kb, ctx.snapshot, env, reqs):
                yield from self._build(ctx.kb, build, gpus, seen)

    def _build(
        self,
        kb: KnowledgeBase,
        build: Build,
        gpus: list[tuple[str, Gpu]],
        seen: set[tuple[str, str, str]],
    ) -> Iterator[Finding]:
        for runner, gpu in gpus:
            capability = str(gpu.compute_capability)
            name = gpu.name
            key = (build.req.raw, build.req.location.file, name)
            why = _unsupported(kb, build, capability)
            if why is None or key in seen:
                continue
            seen.add(key)
            yield finding(
                self,
                f"{build.req.raw.strip()} cannot run on {name} (compute capability "
                f"{capability}, runner {runner}): {why}. Kernels fail with 'no kernel image is "
                f"available for execution on the device'.",
                build.req.location,
                package=build.req.name,
                fix=(
                    f"Use a build with sm_{capability.replace('.', '')} kernels (a newer torch "
                    f"or CUDA variant), or drop {name} from the runners this repo targets."
                ),
                evidence=(build.how, f"runner {runner}: {name} sm_{capability.replace('.', '')}"),
                fingerprint=f"{build.req.name}:{name}",
            )


RULES: tuple[Rule, ...] = (DriverTooOld(), GpuArchUnsupported())
