"""The optional bearer token of the `/metrics` endpoints (service and worker).

With `DEPREVIEW_METRICS_TOKEN` set, `GET /metrics` answers only a request carrying
`Authorization: Bearer <token>` (Prometheus: `authorization: {credentials: ...}` in the
scrape config); anything else gets 401 and no metrics. Unset, the endpoints stay open as
before: bind them to a private network (security review finding 19).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import SecretStr

CHALLENGE = ("WWW-Authenticate", 'Bearer realm="metrics"')


def authorized(token: SecretStr | None, header: str | None) -> bool:
    """Whether an `Authorization` header value passes (always, when no token is set)."""
    if token is None or not token.get_secret_value():
        return True
    scheme, _, given = (header or "").strip().partition(" ")
    if scheme.lower() != "bearer":
        return False
    expected = token.get_secret_value().encode()
    return hmac.compare_digest(given.strip().encode(), expected)


WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def require_token(app: WsgiApp, token: SecretStr | None) -> WsgiApp:
    """A WSGI app that answers 401 unless the request carries the token."""

    def guarded(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if authorized(token, environ.get("HTTP_AUTHORIZATION")):
            return app(environ, start_response)
        start_response("401 Unauthorized", [("Content-Type", "text/plain"), CHALLENGE])
        return [b"metrics need a bearer token\n"]

    return guarded
