"""Resolution targets: which Python versions and platforms a repository installs on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from rules.checks._targets import DEFAULT_PYTHONS
from rules.manifests.model import FactKind, Snapshot
from rules.manifests.poetry_constraints import poetry_to_pep440
from worker.resolve.evidence import PythonEvidence, Strength, python_evidence
from worker.resolve.model import Target

#: Most Pythons an environment is resolved for when the repository names several.
MAX_PYTHONS = 3

#: The newest patch release of each minor version (uv reads `3.11` as 3.11.0).
LATEST_PATCH: dict[str, str] = {
    "3.6": "3.6.15",
    "3.7": "3.7.17",
    "3.8": "3.8.20",
    "3.9": "3.9.25",
    "3.10": "3.10.19",
    "3.11": "3.11.14",
    "3.12": "3.12.12",
    "3.13": "3.13.9",
    "3.14": "3.14.0",
}

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


def platforms_for(config: Any) -> list[str]:
    """uv platform triples from the config (linux x86_64 when unset)."""
    platforms = [platform_triple(p) for p in _as_list(config_value(config, "targets", "platforms"))]
    return list(dict.fromkeys(platforms or [DEFAULT_PLATFORM]))


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def _spread(versions: list[str]) -> list[str]:
    """At most MAX_PYTHONS versions: the lowest, the highest and the middle one."""
    ordered = sorted(dict.fromkeys(versions), key=_key)
    if len(ordered) <= MAX_PYTHONS:
        return ordered
    return [ordered[0], ordered[len(ordered) // 2], ordered[-1]]


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def _admitted(spec_text: str) -> list[str]:
    """Known Python minors a declared range admits (newest first)."""
    text = spec_text.strip()
    converted = poetry_to_pep440(text) if text.startswith(("^", "~")) else text
    try:
        spec = SpecifierSet((converted or "").replace(" ", ""))
    except InvalidSpecifier:
        return []
    return [
        minor
        for minor, patch in reversed(LATEST_PATCH.items())
        if spec.contains(patch, prereleases=True) or spec.contains(f"{minor}.0", prereleases=True)
    ]


def _assumed_order(preferred: list[str], pool: list[str]) -> list[str]:
    """Candidates to try: repository hints, then the newest, the oldest, the rest newest first."""
    ordered = sorted(set(pool), key=_key, reverse=True)
    spread = list(dict.fromkeys([*ordered[:1], *ordered[-1:], *ordered[1:-1]]))
    front = [m for m in dict.fromkeys(preferred) if m in spread]
    return front + [m for m in spread if m not in front]


def environment_targets(snapshot: Snapshot, config: Any, environment: str) -> list[Target]:
    """The targets an environment is resolved for, each with where its Python came from.

    The config's `targets.python` and the Pythons the repository declares for this
    environment (its Dockerfile stage, conda `python=`, `.python-version`, a CI matrix...)
    are evidence: those targets are not assumed. Without any, the candidates come from a
    declared range (requires-python) or the default set and are `assumed`, in the order
    they are worth trying (the caller stops at the first that resolves).
    """
    platforms = platforms_for(config)
    cuda = cuda_version(snapshot, config)
    configured = [
        (p, "targets.python in the depreview config")
        for v in _as_list(config_value(config, "targets", "python"))
        if (p := full_python(v))
    ]
    assumed = False
    if configured:
        chosen = configured
    else:
        found = python_evidence(snapshot, environment)
        exact = [e for e in found if e.strength in (Strength.EXACT, Strength.REPO) and e.version]
        if exact:
            chosen = _exact_choices(exact)
        else:
            chosen, assumed = _assumed_choices(found), True
    return [
        Target(python, platform, cuda, assumed, evidence)
        for python, evidence in chosen
        for platform in platforms
    ]


def _exact_choices(exact: list[PythonEvidence]) -> list[tuple[str, str]]:
    by_version: dict[str, str] = {}
    for item in exact:
        version = full_python(item.version or "")
        if version:
            by_version.setdefault(version, item.describe())
    return [(v, by_version[v]) for v in _spread(list(by_version))]


def _assumed_choices(found: list[PythonEvidence]) -> list[tuple[str, str]]:
    ranges = [e for e in found if e.strength is Strength.RANGE]
    hints = [_minor(e.version) for e in found if e.strength is Strength.HINT and e.version]
    pool = _admitted(ranges[0].value) if ranges else []
    if pool:
        why = f"{ranges[0].describe()} allows it"
    else:
        pool = [*DEFAULT_PYTHONS, *(h for h in hints if h in LATEST_PATCH)]
        why = "no evidence of the Python it runs on"
    order = _assumed_order(hints, pool)
    return [(LATEST_PATCH.get(m, f"{m}.0"), why) for m in order]
