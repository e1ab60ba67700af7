"""Resolution targets: which Python versions and platforms a repository installs on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from rules.manifests.model import FactKind, Snapshot
from rules.manifests.poetry_constraints import poetry_to_pep440
from worker.resolve.model import Target

#: The newest patch release of each minor version (uv reads `3.11` as 3.11.0).
LATEST_PATCH: dict[str, str] = {
    "3.8": "3.8.20",
    "3.9": "3.9.25",
    "3.10": "3.10.19",
    "3.11": "3.11.14",
    "3.12": "3.12.12",
    "3.13": "3.13.9",
    "3.14": "3.14.0",
}
DEFAULT_PYTHON = "3.11"

#: Friendly platform names (and conda subdirs) to uv's `--python-platform` triples.
PLATFORMS: dict[str, str] = {
    "linux": "x86_64-unknown-linux-gnu",
    "linux_x86_64": "x86_64-unknown-linux-gnu",
    "linux_aarch64": "aarch64-unknown-linux-gnu",
    "macos_arm64": "aarch64-apple-darwin",
    "macos_x86_64": "x86_64-apple-darwin",
    "windows_amd64": "x86_64-pc-windows-msvc",
    "linux-x86_64": "x86_64-unknown-linux-gnu",
    "linux-64": "x86_64-unknown-linux-gnu",
    "linux-aarch64": "aarch64-unknown-linux-gnu",
    "linux-arm64": "aarch64-unknown-linux-gnu",
    "macos": "aarch64-apple-darwin",
    "macos-arm64": "aarch64-apple-darwin",
    "osx-arm64": "aarch64-apple-darwin",
    "macos-x86_64": "x86_64-apple-darwin",
    "osx-64": "x86_64-apple-darwin",
    "windows": "x86_64-pc-windows-msvc",
    "windows-x86_64": "x86_64-pc-windows-msvc",
    "win-64": "x86_64-pc-windows-msvc",
}
DEFAULT_PLATFORM = "x86_64-unknown-linux-gnu"

#: uv triples to conda subdirs.
CONDA_SUBDIRS: dict[str, str] = {
    "x86_64-unknown-linux-gnu": "linux-64",
    "aarch64-unknown-linux-gnu": "linux-aarch64",
    "aarch64-apple-darwin": "osx-arm64",
    "x86_64-apple-darwin": "osx-64",
    "x86_64-pc-windows-msvc": "win-64",
}


def config_value(config: Any, *path: str) -> Any:
    """`config.a.b` read defensively (attributes or mapping keys); None when absent."""
    node = config
    for name in path:
        if node is None:
            return None
        if isinstance(node, dict):
            node = node.get(name)
        else:
            node = getattr(node, name, None)
    return node


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str | int | float):
        return [str(value)]
    if isinstance(value, Iterable):
        return [str(item) for item in value]
    return []


def full_python(text: str) -> str | None:
    """A full X.Y.Z version for a declared Python (`3.10`, `3.11.7`, `>=3.10,<3.13`)."""
    text = text.strip().removeprefix("python").strip().lstrip("=").strip()
    try:
        version = Version(text.rstrip(".*"))
    except InvalidVersion:
        return _lowest_matching(text)
    if len(version.release) >= 3:
        return ".".join(str(part) for part in version.release[:3])
    minor = ".".join(str(part) for part in (*version.release, 0)[:2])
    return LATEST_PATCH.get(minor, f"{minor}.0")


def _lowest_matching(text: str) -> str | None:
    """The lowest known Python release a range (PEP 440 or Poetry `^3.9`) admits."""
    converted = poetry_to_pep440(text) if text.startswith(("^", "~")) else text
    if converted is None:
        return None
    try:
        spec = SpecifierSet(converted.replace(" ", ""))
    except InvalidSpecifier:
        return None
    for patch in LATEST_PATCH.values():
        if spec.contains(patch, prereleases=True):
            return patch
    return None


def platform_triple(name: str) -> str:
    """uv's platform triple for a friendly platform name (triples pass through)."""
    return PLATFORMS.get(name.strip().lower(), name.strip())


def cuda_version(snapshot: Snapshot, config: Any) -> str | None:
    """The target CUDA: the config's `targets.cuda`, else the first CUDA fact of the repo."""
    configured = _as_list(config_value(config, "targets", "cuda"))
    if configured:
        return configured[0]
    for fact in snapshot.facts(FactKind.CUDA):
        return fact.value
    return None


def targets_for(snapshot: Snapshot, config: Any) -> list[Target]:
    """Python versions × platforms from the config; default the repo's Python on linux x86_64."""
    pythons = [
        p
        for p in (full_python(v) for v in _as_list(config_value(config, "targets", "python")))
        if p
    ]
    if not pythons:
        declared = (full_python(fact.value) for fact in snapshot.facts(FactKind.PYTHON))
        pythons = [next((p for p in declared if p), None) or LATEST_PATCH[DEFAULT_PYTHON]]
    platforms = [platform_triple(p) for p in _as_list(config_value(config, "targets", "platforms"))]
    cuda = cuda_version(snapshot, config)
    targets: list[Target] = []
    for python in dict.fromkeys(pythons):
        for platform in dict.fromkeys(platforms or [DEFAULT_PLATFORM]):
            targets.append(Target(python, platform, cuda))
    return targets
