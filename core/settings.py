"""One `Settings` for service, worker and CLI, read from `DEPREVIEW_*` when they start."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Self

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_UNSAFE_SECRETS = frozenset({"", "changethis", "secret", "development"})


class Settings(BaseSettings):
    """Configuration shared by the service and the workers (env prefix `DEPREVIEW_`)."""

    model_config = SettingsConfigDict(env_prefix="DEPREVIEW_", extra="ignore")

    environment: str = Field(default="production", description="production or development")
    github_app_id: int | None = None
    github_private_key: SecretStr | None = Field(default=None, description="PEM text")
    github_private_key_path: Path | None = None
    webhook_secret: SecretStr = SecretStr("")
    redis_url: str = "redis://127.0.0.1:6379/0"
    #: A GPU runner's worker (`-Q gpu`): its own kombu unacked keys, no queue declarations,
    #: no remote control and no lease sweeper, so its Redis ACL user can be narrow
    #: (worker/smoke/broker.py; docs/gpu-runners.md, "Redis ACL for the GPU worker").
    gpu_worker: bool = False
    github_api_url: str = "https://api.github.com"
    github_timeout_s: float = 10.0
    dedupe_ttl_s: int = Field(default=4 * 24 * 3600, ge=3 * 24 * 3600)
    visibility_timeout_s: int = 3600
    max_pr_files: int = 3000
    uv_cache_dir: Path | None = None
    resolve_enabled: bool = Field(
        default=True, description="resolve base and head with uv / rattler in the App"
    )
    resolve_index_url: str | None = Field(
        default=None,
        description="default index for resolution instead of PyPI (a mirror; file:// allowed)",
    )
    resolve_timeout_s: float = 120.0
    resolve_cache_ttl_s: int = 7 * 24 * 3600
    log_level: str = "INFO"
    # -- the App around the review (issue 7) --
    review_open_prs_on_install: bool = Field(
        default=False, description="on a new installation, review open PRs touching dependencies"
    )
    install_review_max_prs: int = Field(default=50, ge=0, description="cap per installation event")
    install_review_spacing_s: float = Field(
        default=20.0, ge=0, description="delay between the reviews an installation starts"
    )
    installation_concurrency: int = Field(
        default=4, ge=1, description="reviews of one installation running at the same time"
    )
    redelivery_interval_s: int = Field(
        default=900, ge=60, description="how often failed webhook deliveries are redelivered"
    )
    redelivery_max_pages: int = Field(default=10, ge=1, description="delivery pages read per run")
    worker_metrics_port: int | None = Field(
        default=None, description="serve the worker's Prometheus metrics on this port"
    )
    worker_metrics_host: str = Field(
        default="0.0.0.0",  # noqa: S104 - prometheus_client's default (127.0.0.1: local only)
        description="the address the worker's metrics server binds",
    )
    metrics_token: SecretStr | None = Field(
        default=None,
        description="when set, GET /metrics (service and worker) needs Authorization: Bearer",
    )
    setup_output_path: Path | None = Field(
        default=None, description="enables GET /setup; where the new App's credentials go (0600)"
    )
    setup_token: SecretStr | None = Field(
        default=None,
        description="the token GET /setup asks for (?token=); generated and logged when unset",
    )

    # -- talking to GitHub (issue 12) --
    github_api_version: str | None = Field(
        default=None,
        description=(
            "the X-GitHub-Api-Version header; unset: 2022-11-28 for a GitHub Enterprise Server "
            "URL (…/api/v3), githubkit's schema version (2026-03-10) otherwise"
        ),
    )
    github_retry_attempts: int = Field(
        default=4, ge=1, description="tries of one idempotent GitHub request (5xx, network)"
    )
    github_retry_inplace_max_s: float = Field(
        default=10.0,
        ge=0,
        description="longest rate-limit wait done in place; longer ones go back to the queue",
    )
    github_write_interval_s: float = Field(
        default=1.0, ge=0, description="pause between mutative requests of one installation"
    )
    github_writes_per_minute: int = Field(
        default=80, ge=1, description="mutative requests of one installation per minute"
    )
    blob_cache_ttl_s: int = Field(
        default=7 * 24 * 3600, ge=0, description="how long blobs stay cached by SHA (0: off)"
    )
    # -- leases: a killed worker's review is taken over (docs/reliability.md) --
    lease_ttl_s: int = Field(
        default=30, ge=5, description="a running review's heartbeat key lives this long"
    )
    lease_sweep_interval_s: float = Field(
        default=10.0, gt=0, description="how often each worker looks for expired leases"
    )
    lease_max_recoveries: int = Field(
        default=2, ge=0, description="re-queues of one review after lost workers, then failure"
    )

    @model_validator(mode="after")
    def _refuse_unsafe_secret(self) -> Self:
        if (
            self.environment == "production"
            and self.webhook_secret.get_secret_value() in _UNSAFE_SECRETS
            and self.github_app_id is not None
        ):
            raise ValueError(
                "DEPREVIEW_WEBHOOK_SECRET must be set to a real secret when an App id is configured"
            )
        return self

    def private_key_pem(self) -> str | None:
        """The App's private key text, from the variable or the file it names."""
        if self.github_private_key is not None:
            return self.github_private_key.get_secret_value()
        if self.github_private_key_path is not None:
            return self.github_private_key_path.read_text(encoding="utf-8")
        return None


@functools.cache
def get_settings() -> Settings:
    """The process's settings, read from the environment on first use and then kept.

    Tests that change `DEPREVIEW_*` clear it with `get_settings.cache_clear()` (tests/conftest.py
    does so around every test).
    """
    return Settings()
