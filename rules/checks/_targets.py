"""Target environments (Python × platform) for evaluating PEP 508 markers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from packaging.markers import InvalidMarker, Marker, UndefinedComparison, UndefinedEnvironmentName

from rules.config import PLATFORMS, RepoConfig

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
class Target:
    """One environment an install may happen in."""

    python: str
    platform: str

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
