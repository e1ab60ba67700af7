"""Run the pinned `uv` binary: isolated, time-bounded, never building source distributions."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from packaging.utils import canonicalize_name

from rules.manifests.model import Index, IndexKind
from worker.resolve.egress import EgressPolicy, EgressProxy, Refusal
from worker.resolve.model import ResolveTarget

#: Environment variables passed through to uv (nothing that configures uv or names a proxy:
#: every request goes through the egress proxy, see `worker.resolve.egress`).
_PASSTHROUGH = (
    "PATH",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "LANG",
    "LC_ALL",
)

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)(?:\s+#\s*via\s+(.*))?$")


@dataclass(frozen=True)
class UvRun:
    """What one uv invocation returned."""

    returncode: int
    stdout: str
    stderr: str
    timed_out: bool = False
    refused: tuple[Refusal, ...] = ()

    @property
    def ok(self) -> bool:
        """True when uv exited 0 in time."""
        return self.returncode == 0 and not self.timed_out


def uv_binary() -> str:
    """The path of the `uv` binary shipped by the pinned uv wheel."""
    import uv

    return str(uv.find_uv_bin())


@functools.cache
def uv_version() -> str:
    """`uv --version` of the pinned binary (part of every cache key)."""
    out = subprocess.run(
        [uv_binary(), "--version"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        env=isolated_env(tempfile.gettempdir()),
    )
    return out.stdout.strip() or "uv unknown"


def isolated_env(
    home: str,
    *,
    project_config: bool = False,
    http_retries: int | None = None,
    proxy: EgressProxy | None = None,
) -> dict[str, str]:
    """An environment for uv with no user config, no netrc and no UV_/PIP_ settings.

    With `proxy`, every request uv makes goes through it (no host bypasses it); without,
    no proxy variable is set (runs that need no network).

    `project_config` keeps the project's own `[tool.uv]` (`uv lock` reads its indexes and
    sources there); user and system configuration stay out either way, and the running
    interpreter's folder goes first on PATH so uv finds an interpreter. `http_retries`
    sets how often uv retries a failed request (None: uv's default).
    """
    env = {key: os.environ[key] for key in _PASSTHROUGH if key in os.environ}
    env.update(
        HOME=home,
        XDG_CONFIG_HOME=str(Path(home) / ".config"),
        XDG_CONFIG_DIRS=str(Path(home) / ".config-dirs"),
        XDG_CACHE_HOME=str(Path(home) / ".cache"),
        NETRC=str(Path(home) / "no-netrc"),
        UV_PYTHON_DOWNLOADS="never",
        UV_NO_PROGRESS="1",
        NO_COLOR="1",
    )
    if proxy is not None:
        env.update(proxy.env())
    if http_retries is not None:
        env["UV_HTTP_RETRIES"] = str(max(0, http_retries))
    if project_config:
        here = str(Path(sys.executable).parent)
        env["PATH"] = os.pathsep.join(p for p in (here, env.get("PATH", "")) if p)
    else:
        env["UV_NO_CONFIG"] = "1"
    return env


def index_args(indexes: Sequence[Index]) -> list[str]:
    """uv's index options for the declared indexes, in declaration order."""
    args: list[str] = []
    primary_done = False
    for index in indexes:
        if index.kind is IndexKind.FIND_LINKS:
            args += ["--find-links", index.url]
        elif index.kind is IndexKind.INDEX_URL and not primary_done:
            args += ["--index-url", index.url]
            primary_done = True
        elif index.kind is IndexKind.CONDA_CHANNEL:
            continue
        elif index.default and not primary_done:
            args += ["--index-url", index.url]
            primary_done = True
        else:
            args += ["--extra-index-url", index.url]
    return args


def run_uv(
    args: Sequence[str],
    *,
    cwd: Path,
    timeout_s: float,
    project_config: bool = False,
    http_retries: int | None = None,
    egress: EgressPolicy | None = None,
) -> UvRun:
    """Run uv with `args` in `cwd` under a hard timeout (see `isolated_env`), every request
    through an egress proxy enforcing `egress` (None: nothing may be fetched)."""
    with EgressProxy(egress or EgressPolicy()) as proxy:
        env = isolated_env(
            str(cwd), project_config=project_config, http_retries=http_retries, proxy=proxy
        )
        try:
            done = subprocess.run(
                [uv_binary(), *args],
                cwd=cwd,
                capture_output=True,
                text=True,
                timeout=timeout_s,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            out, err = _text(exc.stdout), _text(exc.stderr)
            return UvRun(124, out, err, timed_out=True, refused=proxy.refusals)
        return UvRun(done.returncode, done.stdout, done.stderr, refused=proxy.refusals)


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    return data.decode(errors="replace") if isinstance(data, bytes) else data


@dataclass(frozen=True, slots=True)
class UvSettings:
    """How a resolving uv run goes (`pip_compile`, `uvproject.lock`): its cache folder (None:
    a throwaway one), time limit, offline mode, request retries (None: uv's default) and what
    the egress proxy lets through (None: nothing)."""

    cache_dir: Path | None = None
    timeout_s: float = 120.0
    offline: bool = False
    http_retries: int | None = None
    egress: EgressPolicy | None = None

    def run(self, args: Sequence[str], cwd: Path, *, project_config: bool = False) -> UvRun:
        """`run_uv` of `args` in `cwd` under these settings."""
        return run_uv(
            args,
            cwd=cwd,
            timeout_s=self.timeout_s,
            project_config=project_config,
            http_retries=self.http_retries,
            egress=self.egress,
        )


def pip_compile(
    requirements: Sequence[str],
    constraints: Sequence[str],
    settings: UvSettings,
    *,
    target: ResolveTarget,
    indexes: Sequence[Index],
    index_strategy: str,
    default_index_url: str | None = None,
    find_links: Sequence[Path] = (),
) -> UvRun:
    """`uv pip compile` of the given lines for one target under `settings`; `--no-build`
    always; requests through the egress proxy (`settings.egress`: what it lets through);
    `find_links`: local folders of depreview's own (`standins`), after the declared ones."""
    with tempfile.TemporaryDirectory(prefix="depreview-uv-") as tmp:
        work = Path(tmp)
        (work / "requirements.in").write_text("\n".join(requirements) + "\n", encoding="utf-8")
        args = [
            "pip",
            "compile",
            "requirements.in",
            "--no-config",
            "--no-build",
            "--no-header",
            "--annotation-style",
            "line",
            "--quiet",
            "--python-version",
            target.python,
            "--python-platform",
            target.platform,
            "--index-strategy",
            index_strategy,
            "--cache-dir",
            str(settings.cache_dir or work / "cache"),
        ]
        if constraints:
            (work / "constraints.txt").write_text("\n".join(constraints) + "\n", encoding="utf-8")
            args += ["--constraint", "constraints.txt"]
        if default_index_url and not any(i.kind is IndexKind.INDEX_URL for i in indexes):
            args += ["--default-index", default_index_url]
        args += index_args(indexes)
        for folder in find_links:
            args += ["--find-links", str(folder)]
        if settings.offline:
            args.append("--offline")
        return settings.run(args, work)


def parse_pins(stdout: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """The pinned set (canonical name → version) and who required each, from compile output."""
    pins: dict[str, str] = {}
    via: dict[str, tuple[str, ...]] = {}
    for raw in stdout.splitlines():
        match = _PIN.match(raw.strip())
        if not match:
            continue
        name = canonicalize_name(match.group(1))
        pins[name] = match.group(2)
        sources = (match.group(3) or "").split(",")
        via[name] = tuple(
            s.strip() if s.strip().startswith("-") else canonicalize_name(s.strip())
            for s in sources
            if s.strip()
        )
    return pins, via
