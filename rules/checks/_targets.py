"""Targets: the Python × platform (× CUDA) an environment is installed on, with the evidence.

`Target` is the one model of a target (the resolver's `worker.resolve.model.Target` should
become this; see `targets_for_environment`). `targets_for(config)` gives the config's
targets for marker evaluation; `targets_for_environment(snapshot, env, config)` gives the
targets one environment will actually be installed on, from the repository's evidence
(`rules.checks._evidence`), each with its sources, or assumed ones (``assumed=True``) when
nothing says.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from packaging.markers import InvalidMarker, Marker, UndefinedComparison, UndefinedEnvironmentName
from packaging.version import Version

from rules.checks._evidence import PythonDecl, cuda_decls, python_decls
from rules.config import PLATFORMS, RepoConfig
from rules.kb.wheels import pip_candidate
from rules.manifests.model import Snapshot

#: Pythons assumed when the config names none (the CPython releases with support in 2026).
DEFAULT_PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")

_PLATFORM_ENV: dict[str, dict[str, str]] = {
    "linux_x86_64": {
        "sys_platform": "linux",
        "platform_system": "Linux",
        "platform_machine": "x86_64",
        "os_name": "posix",
    },
    "linux_aarch64": {
        "sys_platform": "linux",
        "platform_system": "Linux",
        "platform_machine": "aarch64",
        "os_name": "posix",
    },
    "macos_arm64": {
        "sys_platform": "darwin",
        "platform_system": "Darwin",
        "platform_machine": "arm64",
        "os_name": "posix",
    },
    "macos_x86_64": {
        "sys_platform": "darwin",
        "platform_system": "Darwin",
        "platform_machine": "x86_64",
        "os_name": "posix",
    },
    "windows_amd64": {
        "sys_platform": "win32",
        "platform_system": "Windows",
        "platform_machine": "AMD64",
        "os_name": "nt",
    },
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a target has a Python, platform or CUDA: what, the value, how it was read, where.

    `how` is one of ``config``, ``image``, ``apt``, ``os-default``, ``interpreter``,
    ``conda``, ``env`` (Dockerfile stage evidence, see `rules.manifests._dockerstage`),
    ``workflow``, ``python-version`` (``.python-version`` / ``runtime.txt``),
    ``requires-python`` (pyproject / Poetry ranges), ``note`` (a ``# Python:`` note or a
    pip-compile header), ``dockerfile`` (a Dockerfile that installs no file depreview can
    name, applied to top-level environments), ``selector`` (conda ``pytorch-cuda=``) or
    ``assumed``. `value` is as written (``>=3.9,<3.12`` for a range).
    """

    what: str
    value: str
    how: str
    file: str | None = None
    line: int | None = None
    text: str = ""

    def describe(self) -> str:
        """`Python 3.10 (apt python3.10, Dockerfile:4)`."""
        where = f", {self.file}:{self.line}" if self.file and self.line else ""
        label = {"python": "Python", "cuda": "CUDA", "platform": "platform"}.get(
            self.what, self.what
        )
        return f"{label} {self.value} ({self.text or self.how}{where})"


@dataclass(frozen=True, slots=True)
class Target:
    """One environment an install may happen in.

    `python` is a minor version (``3.11``) or a full one from the config; `platform` one of
    `rules.config.PLATFORMS`; `cuda` the CUDA the environment is installed against (None:
    none known); `runtime_cuda` the CUDA of the image it finally runs in when that differs
    (a stage that ``COPY --from``s an environment built on another image). `sources` say
    what decided each field; `assumed` is true when no evidence named the Python (an
    assumed target must never produce an error).
    """

    python: str
    platform: str
    cuda: str | None = None
    sources: tuple[Evidence, ...] = ()
    assumed: bool = False
    runtime_cuda: str | None = None

    @property
    def label(self) -> str:
        """`py3.11/linux_x86_64`."""
        return f"py{self.python}/{self.platform}"

    def environment(self) -> dict[str, str]:
        """The marker environment of this target (CPython)."""
        parts = self.python.split(".")
        full = self.python if len(parts) >= 3 else f"{self.python}.0"
        env = {
            "python_version": ".".join(parts[:2]),
            "python_full_version": full,
            "implementation_name": "cpython",
            "platform_python_implementation": "CPython",
            "implementation_version": full,
            "platform_release": "",
            "platform_version": "",
            "extra": "",
        }
        env.update(_PLATFORM_ENV[self.platform])
        return env


def targets_for(config: RepoConfig) -> tuple[Target, ...]:
    """The config's targets (or every default Python × every platform when unset)."""
    pythons = tuple(config.targets.python) or DEFAULT_PYTHONS
    platforms = tuple(config.targets.platforms) or PLATFORMS
    return tuple(Target(py, plat) for py in pythons for plat in platforms)


@lru_cache(maxsize=4096)
def _marker(text: str) -> Marker | None:
    try:
        return Marker(text)
    except InvalidMarker:
        return None


def applies(marker: str | None, target: Target) -> bool:
    """Whether a requirement with this marker is installed on `target`.

    A marker that cannot be parsed or evaluated counts as applying (the parsers report it).
    """
    if not marker:
        return True
    parsed = _marker(marker)
    if parsed is None:
        return True
    try:
        return parsed.evaluate(target.environment())
    except (UndefinedComparison, UndefinedEnvironmentName, ValueError, TypeError):
        return True


def _python_evidence(decl: PythonDecl) -> Evidence:
    return Evidence("python", decl.value, decl.how, decl.file, decl.line, decl.text)


def targets_for_environment(
    snapshot: Snapshot, env: str, config: RepoConfig | None = None
) -> tuple[Target, ...]:
    """The targets environment `env` will be installed on, each with its evidence.

    Pythons: the config's ``targets.python`` when set; else every Python the repository's
    evidence names for `env` (`rules.checks._evidence.python_decls`; a range such as
    ``requires-python = ">=3.9"`` gives one target per known minor it admits); else
    `DEFAULT_PYTHONS` with ``assumed=True``. Platforms: the config's, else linux x86_64.
    CUDA: the config's first ``targets.cuda``, else the installing Dockerfile stage's image,
    else the environment's conda selector. Targets are unique per (python, platform), in
    the evidence's order; a target's `sources` list every piece of evidence naming it.

    The resolver (worker/resolve) should call this per environment instead of its own
    `targets_for`, turning `python` into a full version (its LATEST_PATCH) and `platform`
    into a uv triple, and must not report a conflict as an error for an ``assumed`` target.
    """
    targets_config = config.targets if config is not None else None
    platforms = tuple(targets_config.platforms) if targets_config else ()
    platforms = platforms or ("linux_x86_64",)
    configured_cuda = list(getattr(targets_config, "cuda", None) or [])
    cudas, runtime = cuda_decls(snapshot, env)
    cuda_sources: tuple[Evidence, ...] = ()
    cuda: str | None = None
    if configured_cuda:
        cuda = str(configured_cuda[0])
        cuda_sources = (Evidence("cuda", cuda, "config", ".github/depreview.yml", None),)
    elif cudas:
        cuda = cudas[0][0]
        cuda_sources = tuple(Evidence("cuda", c, how, f, ln, t) for c, how, f, ln, t in cudas)
    configured = tuple(targets_config.python) if targets_config else ()
    pythons: dict[str, list[Evidence]] = {}
    assumed = False
    if configured:
        for python in configured:
            pythons[python] = [Evidence("python", python, "config", ".github/depreview.yml")]
    else:
        for decl in python_decls(snapshot, env):
            for minor in decl.minors:
                pythons.setdefault(minor, []).append(_python_evidence(decl))
    if not pythons:
        assumed = True
        for python in DEFAULT_PYTHONS:
            pythons[python] = [Evidence("python", python, "assumed")]
    return tuple(
        Target(
            python,
            platform,
            cuda,
            (*sources, *cuda_sources),
            assumed,
            runtime,
        )
        for python, sources in pythons.items()
        for platform in platforms
    )


#: sole_python's answers per live snapshot (by identity; dropped when the snapshot is freed):
#: rules ask it for every framework requirement, and each answer scans the whole snapshot.
_SOLE: dict[int, dict[str, str | None]] = {}


def sole_python(snapshot: Snapshot, env: str) -> str | None:
    """The one Python minor the repository's evidence says runs `env` (an image, a conda
    ``python=``, a ``.python-version``...), or None when it names none (assumed) or several
    (a workflow matrix: each Python picks its own release). Computed once per snapshot and
    environment."""
    key = id(snapshot)
    memo = _SOLE.get(key)
    if memo is None:
        memo = _SOLE[key] = {}
        weakref.finalize(snapshot, _SOLE.pop, key, None)
    if env not in memo:
        pythons = {t.python for t in targets_for_environment(snapshot, env) if not t.assumed}
        memo[env] = next(iter(pythons)) if len(pythons) == 1 else None
    return memo[env]


def installable_on(
    package: str,
    python: str,
    candidate: Callable[[str, str, str], bool | None] = pip_candidate,
) -> Callable[[Version], bool]:
    """Whether pip / uv consider a release of `package` on `python` (by default the KB wheel
    table: its Requires-Python admits it and a wheel or an sdist exists); unknown releases
    count as installable: only a known absence narrows a pick."""

    def installable(version: Version) -> bool:
        return candidate(package, str(version), python) is not False

    return installable
