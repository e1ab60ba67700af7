"""Environment markers: which requirements are installed together, and on which platforms.

A requirements file may pin one torch for macOS and another for Linux
(``torch==2.7.1; sys_platform == 'darwin'`` next to ``torch==2.7.1+cu128; sys_platform ==
'linux'``): pip installs only the lines whose marker holds on the machine it runs on. Rules
that pair requirements, or compare them with a CUDA image, must look at one install at a time:

- `installed_on(req, platforms)`: whether a requirement's marker holds on one of `platforms`
  for some Python (a Python marker never hides a line here; the Python rules judge those);
- `on_linux(req)`: the same for Linux — what a Dockerfile image runs, and the platform the
  knowledge base's CUDA builds describe (PyPI's CUDA wheels of torch, TensorFlow, jaxlib);
- `views(reqs, targets)`: the distinct sets of requirements installed together on the
  targets, each with the targets it holds on; requirements whose markers exclude each other
  never share a view. Without any marker, one view of every requirement;
- `per_install(...)`: a rule's judgement run on each view of an environment, its findings
  merged (one finding per problem, naming the platforms when it holds on only some).

A marker that cannot be parsed or evaluated counts as holding (the parsers report it), and
``extra == "x"`` holds for some choice of extras.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from packaging.markers import InvalidMarker, Marker, UndefinedComparison, UndefinedEnvironmentName

from rules.checks.support.evidence import targets_for_environment
from rules.config import PLATFORMS, RepoConfig
from rules.findings import Finding
from rules.manifests.model import FileKind, Requirement, Snapshot
from rules.targets import Target

#: The Linux platforms (a Docker image's; the KB's CUDA builds are Linux builds).
LINUX: tuple[str, ...] = tuple(p for p in PLATFORMS if p.startswith("linux"))
#: CPython minors a marker is evaluated on when no evidence names the environment's Python.
MINORS: tuple[str, ...] = tuple(f"3.{m}" for m in range(6, 15))

_EXTRA = re.compile(r"""\bextra\s*==\s*["']([^"']+)["']|["']([^"']+)["']\s*==\s*extra\b""")


@lru_cache(maxsize=4096)
def _parsed(text: str) -> tuple[Marker, tuple[str, ...]] | None:
    try:
        marker = Marker(text)
    except InvalidMarker:
        return None
    extras = tuple({a or b for a, b in _EXTRA.findall(text)})
    return marker, ("", *extras)


@lru_cache(maxsize=16384)
def _holds(text: str, python: str, platform: str) -> bool:
    parsed = _parsed(text)
    if parsed is None:
        return True
    marker, extras = parsed
    env = Target(python, platform).environment()
    for extra in extras:
        try:
            if marker.evaluate({**env, "extra": extra}):
                return True
        except (UndefinedComparison, UndefinedEnvironmentName, ValueError, TypeError):
            return True
    return False


def holds(marker: str | None, target: Target) -> bool:
    """Whether a requirement with `marker` is installed on `target`."""
    return not marker or _holds(marker, target.python, target.platform)


def installed_on(req: Requirement, platforms: Iterable[str]) -> bool:
    """Whether `req` is installed on one of `platforms` (for some Python)."""
    marker = req.marker
    if not marker:
        return True
    return any(_holds(marker, python, p) for p in platforms for python in MINORS)


def on_linux(req: Requirement) -> bool:
    """Whether `req` is installed on Linux: in a Docker image, with a CUDA the KB describes."""
    return installed_on(req, LINUX)


@dataclass(frozen=True, slots=True)
class View:
    """The requirements installed together on `targets`, out of `among` (all targets)."""

    reqs: tuple[Requirement, ...]
    targets: tuple[Target, ...]
    among: tuple[Target, ...]

    def where(self) -> str:
        """`` on macos_arm64, macos_x86_64`` when the view holds on only some targets, else
        ``""``; the Pythons are named only when they decide (`` on linux_x86_64 with Python
        3.8``)."""
        text = ""
        platforms = _distinct(t.platform for t in self.targets)
        pythons = _distinct(t.python for t in self.targets)
        if len(platforms) < len(_distinct(t.platform for t in self.among)):
            text += f" on {', '.join(platforms)}"
        if len(pythons) < len(_distinct(t.python for t in self.among)):
            text += f"{' with' if text else ' on'} Python {', '.join(pythons)}"
        return text


def _distinct(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def views(reqs: Sequence[Requirement], targets: Sequence[Target]) -> list[View]:
    """The distinct sets of `reqs` installed together on `targets`, in the targets' order.
    One view of every requirement (for every target) when none carries a marker."""
    among = tuple(targets)
    if not any(r.marker for r in reqs) or not among:
        return [View(tuple(reqs), among, among)]
    grouped: dict[tuple[int, ...], list[Target]] = {}
    for target in among:
        key = tuple(i for i, r in enumerate(reqs) if holds(r.marker, target))
        grouped.setdefault(key, []).append(target)
    return [View(tuple(reqs[i] for i in key), tuple(held), among) for key, held in grouped.items()]


def marker_targets(snapshot: Snapshot, env: str, config: RepoConfig | None) -> tuple[Target, ...]:
    """The targets to evaluate `env`'s markers on: the Pythons the repository's evidence names
    for it (`targets_for_environment`; every known minor when none), on the config's
    platforms, else on every platform — Linux only for a Dockerfile stage's own installs."""
    named = [t.python for t in targets_for_environment(snapshot, env, config) if not t.assumed]
    pythons = tuple(dict.fromkeys(named)) or MINORS
    manifest = snapshot.files.get(env.split("#", 1)[0])
    if manifest is not None and manifest.kind == FileKind.DOCKERFILE:
        platforms: tuple[str, ...] = LINUX
    else:
        configured = tuple(config.targets.platforms) if config is not None else ()
        platforms = configured or PLATFORMS
    return tuple(Target(python, p) for p in platforms for python in pythons)


def per_install(
    snapshot: Snapshot,
    env: str,
    reqs: Sequence[Requirement],
    config: RepoConfig | None,
    judge: Callable[[View], Iterable[Finding]],
    *,
    names: Collection[str] | None = None,
) -> Iterator[Finding]:
    """`judge` each set of `reqs` installed together (`views` on `marker_targets`; a single
    set when no requirement — of `names`, when given — carries a marker). A problem (rule,
    place, fingerprint) several sets give comes once, as the first set words it; one that
    holds on only some targets says where (``... This holds on macos_arm64, macos_x86_64
    (the lines' markers).``), and where it holds worded otherwise (``likewise on ...``)."""
    marked = any(r.marker and (names is None or r.name in names) for r in reqs)
    targets = marker_targets(snapshot, env, config) if marked else ()
    found: dict[tuple[object, ...], list[tuple[Finding, View]]] = {}
    for view in views(reqs, targets):
        for item in judge(view):
            key = (item.rule, item.file, item.line, item.fingerprint)
            found.setdefault(key, []).append((item, view))
    for seen in found.values():
        item = seen[0][0]
        same = [v for f, v in seen if f.message == item.message]
        other = [v for f, v in seen if f.message != item.message]
        where = _where(same)
        if where:
            more = f"; likewise{_where(other)}" if _where(other) else ""
            message = f"{item.message} This holds{where}{more} (the lines' markers)."
            item = replace(item, message=message)
        yield item


def _where(seen: Sequence[View]) -> str:
    if not seen:
        return ""
    return View((), tuple(t for v in seen for t in v.targets), seen[0].among).where()
