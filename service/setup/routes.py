"""`GET /setup`: create the GitHub App from `deploy/app-manifest.json` (GitHub's manifest flow).

1. `/setup` serves a form that POSTs the manifest to GitHub (`?org=NAME` for an organization),
   with a `state`: a random nonce kept in Redis for an hour (`depreview:setup-state:<nonce>`),
   so any service process can take the callback; without Redis, a signed, timestamped token
   that only this process can check.
2. GitHub redirects to `/setup/callback?code=...&state=...`; the state must be ours, unused
   and at most an hour old (GitHub's codes expire after one hour). It is used up at once.
3. The code is traded for the App's id, private key and webhook secret by
   `service/setup/github.py` (run in a threadpool: the service's only GitHub call, off the
   webhook path) and written to `DEPREVIEW_SETUP_OUTPUT_PATH` with mode 0600.

Disabled (404) unless `DEPREVIEW_SETUP_OUTPUT_PATH` is set. Bound to the operator: `/setup`
asks for `?token=` (`DEPREVIEW_SETUP_TOKEN`, or one generated at start and written to the
service log), so nobody else who can reach the service gets a state; and the callback never
overwrites an existing credentials file (security review, finding 16).
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import logging
import re
import secrets
import time
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from pydantic import SecretStr
from redis.exceptions import RedisError

from core.links import html_base
from core.settings import Settings
from service.setup.github import ManifestCodeError, convert_manifest, write_credentials
from service.state import StateDep

logger = logging.getLogger(__name__)

router = APIRouter()

MANIFEST_PATH = Path(__file__).parents[2] / "deploy" / "app-manifest.json"
MAX_AGE_S = 3600
_KEY = secrets.token_bytes(32)
_ORG = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
STATE_KEY_PREFIX = "depreview:setup-state:"
_NONCE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
#: Signed states already used in this process (the in-memory fallback): nonce -> issue time.
_USED: dict[str, float] = {}


def with_setup_token(settings: Settings) -> Settings:
    """`settings` with a setup token: the configured one, or a fresh one when setup is on."""
    if settings.setup_output_path is None or settings.setup_token is not None:
        return settings
    return settings.model_copy(update={"setup_token": SecretStr(secrets.token_urlsafe(24))})


def announce(settings: Settings) -> None:
    """Log where the operator starts the flow (the token is in the log, never in a page)."""
    if settings.setup_output_path is not None and settings.setup_token is not None:
        logger.warning(
            "setup enabled: open /setup?token=%s in your browser",
            settings.setup_token.get_secret_value(),
        )


def token_ok(settings: Settings, given: str | None) -> bool:
    """Whether `given` is the setup token (constant-time)."""
    expected = settings.setup_token.get_secret_value() if settings.setup_token else ""
    return bool(expected) and given is not None and hmac.compare_digest(given, expected)


def make_state(now: float | None = None, key: bytes = _KEY) -> str:
    """A state token: issue time, a nonce and an HMAC over both."""
    issued = str(int(time.time() if now is None else now))
    nonce = secrets.token_urlsafe(12)
    mac = hmac.new(key, f"{issued}.{nonce}".encode(), hashlib.sha256).hexdigest()
    return f"{issued}.{nonce}.{mac}"


def state_problem(state: str, now: float | None = None, key: bytes = _KEY) -> str:
    """Why a state token is refused ("" when it is ours and under an hour old)."""
    parts = state.split(".")
    if len(parts) != 3 or not parts[0].isdigit():
        return "missing or malformed state"
    issued, nonce, mac = parts
    expected = hmac.new(key, f"{issued}.{nonce}".encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, expected):
        return "this state was not issued by this server"
    age = (time.time() if now is None else now) - int(issued)
    if age > MAX_AGE_S or age < -60:
        return "the setup link is more than an hour old; start again"
    return ""


async def issue_state(redis: Any) -> str:
    """A one-use state: a nonce stored in Redis for an hour, or a signed token without Redis."""
    if redis is not None:
        nonce = secrets.token_urlsafe(32)
        try:
            await redis.set(STATE_KEY_PREFIX + nonce, "1", ex=MAX_AGE_S, nx=True)
        except (RedisError, OSError) as exc:
            logger.warning("setup state kept in memory", extra={"error": type(exc).__name__})
        else:
            return nonce
    return make_state()


def _use_signed(state: str, now: float) -> str:
    """Check a signed state and use it up in this process ("" when it was fresh)."""
    problem = state_problem(state, now)
    if problem:
        return problem
    for old, at in list(_USED.items()):
        if now - at > MAX_AGE_S + 60:
            del _USED[old]
    issued, nonce, _ = state.split(".")
    if nonce in _USED:
        return "this setup link was already used; start again"
    _USED[nonce] = float(issued)
    return ""


async def use_state(redis: Any, state: str, now: float | None = None) -> str:
    """Why a callback's state is refused ("" when it is ours, fresh and unused); uses it up."""
    if state.count(".") == 2:  # signed by this process when Redis was not there
        return _use_signed(state, time.time() if now is None else now)
    if redis is None or not _NONCE.match(state):
        return "missing or malformed state"
    try:
        deleted = await redis.delete(STATE_KEY_PREFIX + state)
    except (RedisError, OSError):
        return "the setup state cannot be checked now (Redis is unavailable); try again"
    if not deleted:
        return "this setup link is unknown, already used or more than an hour old; start again"
    return ""


def manifest_for(base_url: str, path: Path = MANIFEST_PATH) -> dict[str, Any]:
    """The App manifest with this server's webhook, redirect and setup addresses."""
    manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    base = base_url.rstrip("/")
    manifest["hook_attributes"] = {
        **manifest.get("hook_attributes", {}),
        "url": f"{base}/webhooks/github",
    }
    manifest["redirect_url"] = f"{base}/setup/callback"
    manifest.pop("setup_url", None)
    return manifest


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"</head><body><h1>{html.escape(title)}</h1>{body}</body></html>",
        status_code=status,
    )


@router.get("/setup", response_model=None)
async def setup(
    request: Request, state: StateDep, org: str | None = None, token: str | None = None
) -> Response:
    """The form that sends the manifest to GitHub (for the operator holding the token)."""
    if state.settings.setup_output_path is None:
        return Response(status_code=404)
    if not token_ok(state.settings, token):
        return _page(
            "Setup token needed",
            "<p>Open /setup?token=TOKEN with the token from the service's log "
            "(or DEPREVIEW_SETUP_TOKEN).</p>",
            403,
        )
    if state.settings.setup_output_path.exists():
        return _page("Setup already done", "<p>The credentials file exists already.</p>", 409)
    if org is not None and not _ORG.match(org):
        return _page("Bad organization name", "<p>Use ?org=NAME with a GitHub login.</p>", 400)
    web = html_base(state.settings.github_api_url)
    target = f"{web}/organizations/{org}/settings/apps/new" if org else f"{web}/settings/apps/new"
    token = await issue_state(state.redis)
    manifest = json.dumps(manifest_for(str(request.base_url)))
    form = (
        f"<p>This creates the depreview GitHub App{' for ' + html.escape(org) if org else ''} "
        "and stores its credentials on this server.</p>"
        f"<form action='{html.escape(target)}?state={html.escape(token)}' method='post'>"
        f"<input type='hidden' name='manifest' value='{html.escape(manifest, quote=True)}'>"
        "<button type='submit'>Create the GitHub App</button></form>"
    )
    return _page("Create the depreview GitHub App", form)


@router.get("/setup/callback", response_model=None)
async def setup_callback(service: StateDep, code: str = "", state: str = "") -> Response:
    """GitHub's redirect: check the state, trade the code, write the credentials (0600)."""
    # githubkit's REST client is loaded only when an operator finishes the setup flow.

    settings = service.settings
    output = settings.setup_output_path
    if output is None:
        return Response(status_code=404)
    problem = await use_state(service.redis, state)
    if problem:
        return _page("Setup refused", f"<p>{html.escape(problem)}.</p>", 400)
    if not code or len(code) > 200 or not code.isprintable():
        return _page("Setup refused", "<p>GitHub sent no code.</p>", 400)
    if output.exists():
        return _page("Setup already done", "<p>The credentials file exists already.</p>", 409)
    try:
        app = await run_in_threadpool(convert_manifest, settings, code)
    except ManifestCodeError as exc:
        return _page("Setup failed", f"<p>{html.escape(str(exc))}.</p>", 400)
    try:
        await run_in_threadpool(write_credentials, output, app)
    except FileExistsError:
        return _page("Setup already done", "<p>The credentials file exists already.</p>", 409)
    logger.info("GitHub App created", extra={"app_id": app.get("id"), "slug": app.get("slug")})
    link = html.escape(str(app.get("html_url") or ""))
    return _page(
        "depreview App created",
        f"<p>App <a href='{link}'>{html.escape(str(app.get('slug')))}</a> "
        f"(id {html.escape(str(app.get('id')))}) was created. Its private key and webhook "
        f"secret are in the credentials file (mode 0600). Restart the "
        "service and workers with them, then install the App on your repositories.</p>",
    )
