"""Targets: the Python × platform (× CUDA) an environment is installed on, with the evidence.

`Target` is the one model of a target (the resolver runs each as a
`worker.resolve.model.ResolveTarget`, derived from it: full Python, uv platform triple).
`targets_for(config)` gives the config's targets for marker evaluation; the
targets one environment will actually be installed on, read from the repository's evidence,
come from `rules.checks.support.evidence.targets_for_environment`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from packaging.markers import InvalidMarker, Marker, UndefinedComparison, UndefinedEnvironmentName
from packaging.version import Version

from rules.config import PLATFORMS, RepoConfig
from rules.kb.wheels import pip_candidate

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


#: The newest patch release of each CPython minor (uv reads `3.11` as 3.11.0).
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

#: Platform names (the config's `PLATFORMS`, friendly aliases, conda subdirs) to uv's
#: ``--python-platform`` triples.
PLATFORM_TRIPLES: dict[str, str] = {
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

#: uv triples to conda subdirs.
CONDA_SUBDIRS: dict[str, str] = {
    "x86_64-unknown-linux-gnu": "linux-64",
    "aarch64-unknown-linux-gnu": "linux-aarch64",
    "aarch64-apple-darwin": "osx-arm64",
    "x86_64-apple-darwin": "osx-64",
    "x86_64-pc-windows-msvc": "win-64",
}


def platform_triple(name: str) -> str:
    """uv's platform triple for a platform name (triples pass through)."""
    return PLATFORM_TRIPLES.get(name.strip().lower(), name.strip())


def platform_name(triple: str) -> str | None:
    """The config's platform name (`rules.config.PLATFORMS`) of a uv triple; None for a
    triple that is none of theirs."""
    return _TRIPLE_PLATFORMS.get(triple.strip())


_TRIPLE_PLATFORMS: dict[str, str] = {PLATFORM_TRIPLES[name]: name for name in _PLATFORM_ENV}


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

    @property
    def locked_whole(self) -> bool:
        """Whether this is a requires-python range that uv / Poetry resolve as a whole: a
        pyproject.toml's (PEP 621 or Poetry), which `uv sync` / `poetry lock` cannot lock
        once one Python of it has no solution (syne-tune#1038, traceroot#55). A setup.py /
        setup.cfg `python_requires` is read by pip for the one Python it runs on, so its
        start failing fails only there (pyro-ppl/pyro#3272: python_requires >=3.7 with
        torch>=2.0, merged and kept)."""
        return (
            self.how == "requires-python"
            and (self.file or "").rsplit("/", 1)[-1] == "pyproject.toml"
        )

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
