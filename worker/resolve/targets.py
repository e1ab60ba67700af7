"""Resolution targets: which Python versions and platforms a repository installs on."""

from __future__ import annotations

from typing import Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from rules.checks.support.evidence import targets_for_environment
from rules.config import RepoConfig
from rules.manifests.model import Snapshot
from rules.manifests.poetry_constraints import poetry_to_pep440
from rules.targets import LATEST_PATCH, Evidence, Target
from worker.resolve.model import ResolveTarget

#: Most Pythons an environment is resolved for when the repository names several.
MAX_PYTHONS = 3


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


def _assumed_order(preferred: list[str], pool: list[str]) -> list[str]:
    """Candidates to try: repository hints, then the newest, the oldest, the rest newest first."""
    ordered = sorted(set(pool), key=_key, reverse=True)
    spread = list(dict.fromkeys([*ordered[:1], *ordered[-1:], *ordered[1:-1]]))
    front = [m for m in dict.fromkeys(preferred) if m in spread]
    return front + [m for m in spread if m not in front]


def _rules_config(config: Any) -> RepoConfig | None:
    return config if isinstance(config, RepoConfig) else None


def _where(source: Evidence) -> str:
    """`python:3.8-slim, Dockerfile:1` (the inside of `Evidence.describe()`'s brackets)."""
    where = f", {source.file}:{source.line}" if source.file and source.line else ""
    if source.how == "config":
        return "targets.python in the depreview config"
    return f"{source.text or source.how}{where}"


def _convert(target: Target, range_only: bool, start: str | None = None) -> ResolveTarget:
    python_sources = [s for s in target.sources if s.what == "python"]
    # A Python only requires-python admits is a candidate, not evidence: next to a Dockerfile's
    # or CI's Python it is resolved too, but a failure that depends on it is a notice. A
    # pyproject range's start is the exception: uv and Poetry lock the project for it, so a
    # failure there is the project's (a setup.py / setup.cfg range's start is pip's concern
    # on that one Python: `Evidence.locked_whole`).
    if (
        start is not None
        and _minor(target.python) == start
        and _is_range(target)
        and python_sources[0].locked_whole
    ):
        python = full_python(target.python) or target.python
        evidence = f"{_where(python_sources[0])} starts at it"
        return ResolveTarget.of(target, python, assumed=False, evidence=evidence)
    ranged = range_only or _is_range(target)
    if target.assumed:
        evidence = "no evidence of the Python it runs on"
    elif ranged:
        evidence = f"{_where(python_sources[0])} allows it"
    else:
        evidence = _where(python_sources[0]) if python_sources else ""
    python = full_python(target.python) or target.python
    return ResolveTarget.of(target, python, assumed=target.assumed or ranged, evidence=evidence)


def _is_range(target: Target) -> bool:
    hows = {s.how for s in target.sources if s.what == "python"}
    return bool(hows) and hows <= {"requires-python"}


def environment_targets(snapshot: Snapshot, config: Any, environment: str) -> list[ResolveTarget]:
    """The targets an environment is resolved for, from `rules.targets` (the one
    target model), as full Python versions and uv platform triples.

    Targets that evidence names (the config, the installing Dockerfile stage, conda
    `python=`, `.python-version`, a CI matrix...) are not assumed (at most MAX_PYTHONS of
    them: the lowest, the middle, the highest); the Pythons a requires-python range adds
    beside them are resolved with them but count as assumed (their Python-dependent failures
    are notices). With only a requires-python range, its start is evidenced (the project
    declares it installs there: a failure there is an error, as the static rule says) and
    is resolved with the range's newest Python, which counts as assumed. Without any such
    evidence the Pythons are `assumed` candidates from the default set, in the order worth
    trying (newest, oldest, then the rest newest first); the caller stops at the first that
    resolves.
    """
    found = targets_for_environment(snapshot, environment, _rules_config(config))
    if not found:
        return []
    range_only = all(t.assumed or _is_range(t) for t in found)
    declared = [_minor(t.python) for t in found if not t.assumed and _is_range(t)]
    start = min(declared, key=_key) if range_only and declared else None
    converted = [_convert(t, range_only, start) for t in found]
    by_minor: dict[str, list[ResolveTarget]] = {}
    for target in converted:
        by_minor.setdefault(target.minor, []).append(target)
    if start is not None:
        # the range's start (evidenced) and its newest Python (assumed), resolved together
        order = list(dict.fromkeys([start, max(by_minor, key=_key)]))
    elif range_only:
        order = _assumed_order([], list(by_minor))
    else:
        order = [_minor(v) for v in _spread(list(by_minor))]
    return [target for minor in order for target in by_minor[minor]]
