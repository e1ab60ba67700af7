"""Say which build of a GPU framework a resolution would install (CUDA, CPU-only, default)."""

from __future__ import annotations

from rules.findings import Finding, Severity
from rules.kb.cudaver import variant_cuda
from worker.resolve.model import Resolution, environment_finding

#: Packages published in per-CUDA builds with local version labels.
VARIANT_PACKAGES: tuple[str, ...] = ("torch", "torchvision", "torchaudio")


def describe_build(version: str, platform: str) -> tuple[str, bool]:
    """A phrase for the build a version string names, and whether it is CPU-only."""
    local = version.partition("+")[2]
    if local == "cpu" or local.startswith("cpu."):
        return "the CPU-only build", True
    cuda = variant_cuda(local)
    if cuda is not None:
        return f"the CUDA {cuda} build", False
    if local.startswith("rocm"):
        return f"the ROCm {local[4:]} build", False
    if "linux" in platform and platform.startswith("x86_64"):
        return "the default PyPI build (it bundles the CUDA runtime its release chose)", False
    return "the default PyPI build, which is CPU-only on this platform", True


def build_findings(resolution: Resolution) -> list[Finding]:
    """One finding per GPU framework in the resolution saying which build would be installed."""
    findings = []
    for name in VARIANT_PACKAGES:
        version = resolution.pins.get(name)
        if version is None:
            continue
        phrase, cpu_only = describe_build(version, resolution.target.platform)
        wants_gpu = resolution.target.cuda is not None
        severity = Severity.WARNING if cpu_only and wants_gpu else Severity.NOTICE
        extra = (
            f" although the target declares CUDA {resolution.target.cuda}"
            if cpu_only and wants_gpu
            else ""
        )
        findings.append(
            environment_finding(
                "resolved-build",
                severity,
                f"{resolution.environment} installs {name}=={version} for "
                f"{resolution.target.label}: {phrase}{extra}.",
                environment=resolution.environment,
                key=f"{name}:{version}",
                target=resolution.target,
                category="cpu-only-risk" if cpu_only else "transitive-change",
                package=name,
            )
        )
    return findings
