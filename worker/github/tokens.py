"""Installation tokens after a permission change (review D11).

githubkit caches an installation token in the process (`DEFAULT_CACHE_STRATEGY`, a memory
cache) until a minute before it expires, up to an hour. A token carries the permissions the
installation had when it was minted, so after `installation` `new_permissions_accepted` (say
Issues write, for reactions) every worker process would keep acting with the old set for up
to an hour, or until restarted.

The handler of that event drops the token of its own process and writes a marker in Redis,
`depreview:token-dropped:<installation id>`; every task that builds an installation client
first calls `forget_if_dropped`, which drops its process's token once per new marker. So every
worker process on every host mints a fresh token for its next task. Redis failures fail open
(the old token is used until it expires, as before).

(`github_app_authorization` `revoked` is about user-to-server tokens, which depreview never
holds: nothing to drop.)
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any, Protocol

from githubkit.auth.app import AppAuth
from githubkit.cache import DEFAULT_CACHE_STRATEGY, BaseCache

logger = logging.getLogger(__name__)

MARKER = "depreview:token-dropped:{installation_id}"
#: An installation token lives at most an hour: a marker older than that has nothing to drop.
MARKER_TTL_S = 3600

_seen: dict[int, bytes] = {}
_seen_lock = threading.Lock()


class MarkerStore(Protocol):
    """The Redis commands the marker uses."""

    def get(self, name: str) -> Any:
        """GET."""
        ...

    def set(self, name: str, value: str, ex: int | None = None) -> Any:
        """SET with expiry."""
        ...


def cache_key(app_id: int, installation_id: int) -> str:
    """githubkit's cache key of the token `installation_client` uses (no narrowing)."""
    return AppAuth.INSTALLATION_CACHE_KEY.format(
        issuer=str(app_id),
        installation_id=installation_id,
        permissions="",
        repositories="",
        repository_ids="",
    )


def forget_local(app_id: int, installation_id: int, cache: BaseCache | None = None) -> None:
    """Drop this process's cached token of the installation (the next request mints one).

    githubkit's cache has no delete; an empty value reads as missing (`if not (token := ...)`
    in its auth flow) and expires at once.
    """
    store = cache if cache is not None else DEFAULT_CACHE_STRATEGY.get_cache_storage()
    store.set(cache_key(app_id, installation_id), "", timedelta(seconds=0))


def drop_installation_token(
    store: MarkerStore,
    app_id: int | None,
    installation_id: int,
    *,
    now: Callable[[], float] = time.time,
) -> None:
    """After a permission change: drop the token here and tell every other worker process."""
    if app_id is not None:
        forget_local(app_id, installation_id)
    marker = f"{now():.6f}"
    try:
        store.set(MARKER.format(installation_id=installation_id), marker, ex=MARKER_TTL_S)
    except Exception:
        logger.warning("token drop marker not written", exc_info=True)
        return
    with _seen_lock:
        _seen[installation_id] = marker.encode()
    logger.info("installation token dropped", extra={"installation_id": installation_id})


def forget_if_dropped(store: MarkerStore, app_id: int | None, installation_id: int) -> bool:
    """Drop this process's token when a newer marker is in Redis; True when it did."""
    if app_id is None:
        return False
    try:
        raw = store.get(MARKER.format(installation_id=installation_id))
    except Exception:
        logger.warning("token drop marker unreadable", exc_info=True)
        return False
    if raw is None:
        return False
    marker = raw if isinstance(raw, bytes) else str(raw).encode()
    with _seen_lock:
        if _seen.get(installation_id) == marker:
            return False
        _seen[installation_id] = marker
    forget_local(app_id, installation_id)
    logger.info("installation token dropped (marker)", extra={"installation_id": installation_id})
    return True
