"""A GPU runner's own settings (`DEPREVIEW_RUNNER_*`): name, labels, disk, base environments."""

from __future__ import annotations

import socket
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from worker.smoke.sandbox import SandboxSettings


class RunnerConfig(BaseSettings):
    """Settings of one GPU runner host, read when the GPU worker starts."""

    model_config = SettingsConfigDict(env_prefix="DEPREVIEW_RUNNER_", extra="ignore")

    name: str = Field(default="", description="registry name; empty means the host name")
    labels: list[str] = Field(default_factory=list)
    workdir: Path = Path("/var/lib/depreview/smoke/work")
    cache_dir: Path = Path("/var/lib/depreview/smoke/uv-cache")
    cache_max_gb: float = Field(default=40.0, gt=0)
    #: Named base environments a repo config may choose (`smoke.base_environment: torch`);
    #: a repo never names a path on the runner.
    base_environments: dict[str, Path] = Field(default_factory=dict)
    python: str | None = Field(default=None, description="interpreter for fresh envs")
    max_timeout_s: int = Field(default=1800, gt=0)
    heartbeat_ttl_s: int = Field(default=60, ge=10)
    heartbeat_interval_s: float = Field(default=20.0, gt=0)
    #: Lock files of the per-GPU job slots (one host's workers share it; default: under workdir).
    slots_dir: Path | None = None
    #: The probe runs in a `bwrap` sandbox; a runner where it does not work runs no probe.
    #: True runs it unsandboxed (development hosts only: the PR's code then sees the worker).
    allow_unsandboxed: bool = False
    bwrap: str = "bwrap"
    #: Paths hidden from the probe besides the cache, the work dir and the slot locks
    #: (the worker's configuration; anything else on the host that holds a secret).
    sandbox_hidden: list[Path] = Field(default_factory=lambda: [Path("/etc/depreview")])

    @property
    def runner_name(self) -> str:
        """The runner's name: `name`, else the host name (as RunnerFacts.runner_name); its
        queue is `gpu.<name>`, its Redis user `depreview-gpu-<name>`."""
        return self.name or socket.gethostname()

    @property
    def gpu_slots_dir(self) -> Path:
        """Where the GPU slot locks live: `slots_dir`, else `<workdir>/gpu-slots`."""
        return self.slots_dir if self.slots_dir is not None else self.workdir / "gpu-slots"

    @property
    def cache_max_bytes(self) -> int:
        """The wheel cache limit in bytes."""
        return int(self.cache_max_gb * 1024**3)

    def sandbox(self) -> SandboxSettings:
        """The probe's sandbox settings on this runner."""
        return SandboxSettings(
            enabled=not self.allow_unsandboxed,
            bwrap=self.bwrap,
            hidden=(*self.sandbox_hidden, self.gpu_slots_dir),
        )
