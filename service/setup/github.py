"""GitHub's App-manifest flow, the GitHub side: trade the temporary `code` for the App's keys.

The service's `/setup` routes (service/setup/routes.py) stay thin and call `convert_manifest`
in a threadpool: this is the service's one GitHub call, off the webhook path, and in the open.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, cast

from githubkit import GitHub, UnauthAuthStrategy
from githubkit.exception import RequestFailed

from core.settings import Settings

#: What the credentials file holds (the App id, its private key and the webhook secret).
FIELDS = ("id", "slug", "html_url", "client_id", "client_secret", "webhook_secret", "pem")


class ManifestCodeError(RuntimeError):
    """GitHub refused the code (used, expired or unknown): start the flow again."""


def convert_manifest(settings: Settings, code: str) -> dict[str, Any]:
    """POST /app-manifests/{code}/conversions (no auth: the code is the credential)."""

    gh: GitHub[Any] = GitHub(
        UnauthAuthStrategy(),
        base_url=settings.github_api_url,
        timeout=settings.github_timeout_s,
        http_cache=False,
        auto_retry=False,
        user_agent="depreview",
    )
    try:
        resp = gh.rest.apps.create_from_manifest(code)
    except RequestFailed as exc:
        if exc.response.status_code in (404, 422):
            raise ManifestCodeError("GitHub did not accept this code; start again") from exc
        raise
    return cast(dict[str, Any], resp.json())


def write_credentials(path: Path, app: dict[str, Any]) -> None:
    """Write the new App's id, key and secrets to a NEW file `path`, owner-only (0600)."""
    data = {key: app.get(key) for key in FIELDS}
    env = (
        f"DEPREVIEW_GITHUB_APP_ID={data['id']}\n"
        f"DEPREVIEW_WEBHOOK_SECRET={data['webhook_secret'] or ''}\n"
        f"DEPREVIEW_GITHUB_PRIVATE_KEY={json.dumps(data['pem'] or '')}\n"
    )
    text = json.dumps(data, indent=2) + "\n" if path.suffix == ".json" else env
    # O_EXCL: never overwrite existing credentials (FileExistsError; security finding 16).
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)
