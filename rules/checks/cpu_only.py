"""cpu-only-risk: torch declared without a CUDA variant or index where the repo needs a GPU.

The repo "needs a GPU" for an environment when it declares CUDA there (a CUDA base image,
a ``# CUDA:`` note, a conda CUDA selector) or the repo config targets CUDA versions. The
message says what each target platform would install from PyPI: Linux x86_64 gets the
default CUDA build of that torch (per the KB, torch 2.0 and 2.6+), Windows and macOS get
CPU-only builds. A +cpu pin or a CPU-only PyTorch index there is an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.builds import decide
from rules.checks.support.cuda import config_cuda, declared_cuda, image_cuda_for
from rules.checks.support.environments import each_env, local_label, project
from rules.checks.support.fixes import finding
from rules.checks.support.indexes import indexes_for, pytorch_indexes, serving_indexes
from rules.checks.support.markers import installed_on
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase
from rules.kb.cudaver import cuda_variant, major_minor, short, url_variant, variant_cuda
from rules.manifests.model import Ecosystem, Requirement, Snapshot

_ALL_PLATFORMS = ("linux_x86_64", "linux_aarch64", "windows_amd64", "macos_arm64")

#: Conda packages only linux-64 has: an environment exported with them (``conda env export``
#: on Linux x86_64 writes ``_libgcc_mutex``, ``ld_impl_linux-64``, ``libgcc-ng``) is created
#: for that platform, whatever PyPI gives Windows or macOS (dlyuangod/TinyGPT-V environment.yml).
_LINUX_64_ONLY = frozenset({"_libgcc_mutex", "ld_impl_linux-64", "sysroot_linux-64"})


def _picked(kb: KnowledgeBase, req: Requirement, snapshot: Snapshot) -> Version | None:
    """The torch release an install of `req` gets: its pin, a lock, else the newest admitted."""
    return decide(kb, snapshot, req).picked


def _installs(kb: KnowledgeBase, version: Version | None, platform: str) -> tuple[str, bool]:
    """What PyPI gives torch `version` on `platform`, and whether that build has CUDA."""
    release = kb.torch_release(version) if version is not None else None
    if platform == "linux_x86_64":
        if release is not None and release.pypi_default_cuda:
            return (
                f"the CUDA {release.pypi_default_cuda} build of {version} (PyPI default)",
                True,
            )
        if release is not None and release.version.major >= 2:
            return "a CUDA build whose CUDA version the KB does not record", True
        return "a build whose CUDA support depends on the torch version picked", False
    if platform == "linux_aarch64":
        return "the PyPI aarch64 wheel (no CUDA build recorded in the KB)", False
    if platform.startswith("windows"):
        return "the CPU-only build (PyPI's Windows wheels have no CUDA)", False
    return "a CPU/MPS build (no CUDA on macOS)", False


def _variant_for(kb: KnowledgeBase, version: Version | None, cuda: str | None) -> str | None:
    """The torch CUDA variant to use for a declared CUDA (the newest not above it)."""
    release = kb.torch_release(version) if version is not None else None
    wanted = major_minor(cuda) if cuda else None
    if release is None:
        return cuda_variant(cuda) if cuda else None
    cu = [v for v in release.variants if variant_cuda(v)]
    if wanted is not None:
        cu = [v for v in cu if (major_minor(variant_cuda(v)) or (0, 0)) <= wanted] or cu
    return max(cu, key=lambda v: major_minor(variant_cuda(v)) or (0, 0)) if cu else None


class CpuOnlyRisk(StaticRule, id="cpu-only-risk", severity=Severity.WARNING):
    """torch without a CUDA variant or index in an environment that needs CUDA."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every environment that needs CUDA."""
        wanted_cuda = config_cuda(ctx.config)
        platforms = [str(p) for p in ctx.config.targets.platforms]
        for env, reqs in each_env(ctx.snapshot):
            decls = declared_cuda(ctx.snapshot, env, reqs)
            reasons = [d.describe() for d in decls] + [
                f"CUDA {c} (repo config targets.cuda)" for c in wanted_cuda
            ]
            if not reasons:
                continue
            cuda = decls[0].cuda if decls else wanted_cuda[0]
            linux_64 = image_cuda_for(ctx.snapshot, env) is not None or any(
                r.ecosystem == Ecosystem.CONDA and r.name in _LINUX_64_ONLY for r in reqs
            )
            on = platforms or (["linux_x86_64"] if linux_64 else list(_ALL_PLATFORMS))
            for req in reqs:
                if project(req) != "torch" or req.ecosystem != Ecosystem.PYPI:
                    continue
                # the platforms its marker installs it on; a macOS-only line needs no CUDA
                where = [p for p in on if installed_on(req, (p,))]
                if any(not p.startswith("macos") for p in where):
                    yield from self._torch(ctx, env, req, reasons, cuda, where)

    def _torch(
        self,
        ctx: RuleContext,
        env: str,
        req: Requirement,
        reasons: list[str],
        cuda: str,
        platforms: list[str],
    ) -> Iterator[Finding]:
        version = _picked(ctx.kb, req, ctx.snapshot)
        variant = _variant_for(ctx.kb, version, cuda) or cuda_variant(cuda) or "cu121"
        pin = f"{req.name}=={version.public}+{variant}" if version else req.name
        fix = f"{pin}\n--extra-index-url https://download.pytorch.org/whl/{variant}"
        evidence = tuple(reasons)
        label = local_label(req)
        served = pytorch_indexes(serving_indexes(req, indexes_for(ctx.snapshot, env)))
        variants = {url_variant(i.url) for i in served}
        if label == "cpu" or (label is None and variants == {"cpu"}):
            how = "a +cpu pin" if label == "cpu" else f"the CPU-only index {served[0].url}"
            yield finding(
                self,
                f"{req.raw.strip()} installs the CPU-only torch ({how}) but this environment "
                f"needs CUDA ({reasons[0]}): training runs on the CPU, "
                f"torch.cuda.is_available() is False.",
                req.location,
                package=req.name,
                fix=fix,
                evidence=evidence,
                severity=Severity.ERROR,
                fingerprint=f"{req.name}:cpu",
            )
            return
        if label is not None or served:
            return
        lines = []
        cpu_somewhere = False
        for platform in platforms:
            text, has_cuda = _installs(ctx.kb, version, platform)
            cpu_somewhere = cpu_somewhere or not has_cuda
            lines.append(f"{platform}: {text}")
        severity = Severity.WARNING if cpu_somewhere else Severity.NOTICE
        yield finding(
            self,
            f"{req.raw.strip()} names no CUDA variant and no PyTorch index, though this "
            f"environment needs CUDA {short(cuda)} ({reasons[0]}). From PyPI: "
            + "; ".join(lines)
            + ". Which CUDA you get follows the torch version, not your declaration.",
            req.location,
            package=req.name,
            fix=fix,
            evidence=evidence + tuple(lines),
            severity=severity,
            fingerprint=f"{req.name}:implicit",
        )


RULES: tuple[Rule, ...] = (CpuOnlyRisk(),)
