"""Redeliver webhook deliveries that never succeeded (GitHub keeps them for 3 days).

The App lists its recent deliveries (`GET /app/hook/deliveries`, App JWT, cursor paging),
groups the attempts by `guid`, and asks GitHub once per failed `guid` to try again
(`POST /app/hook/deliveries/{id}/attempts`). A Redis marker per `guid` makes it once only;
the service's dedupe on `X-GitHub-Delivery` (= `guid`) makes a redelivery of an event that
did get through harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol, cast
from urllib.parse import parse_qs, urlsplit

from githubkit import AppAuthStrategy, GitHub
from githubkit.exception import RequestFailed

from core.settings import Settings
from worker.github.api import JSON
from worker.github.client import AppNotConfiguredError
from worker.github.metrics import event_hooks

logger = logging.getLogger(__name__)

#: GitHub keeps deliveries for 3 days; stay a little inside that window.
WINDOW = timedelta(days=3) - timedelta(minutes=10)
PER_PAGE = 100
MARKER_TTL_S = 4 * 24 * 3600


def marker_key(guid: str) -> str:
    """The Redis key saying a `guid` was already redelivered."""
    return f"depreview:redelivered:{guid}"


class DeliveriesApi(Protocol):
    """The two App endpoints redelivery uses."""

    def list_deliveries(self, cursor: str | None, per_page: int) -> tuple[list[JSON], str | None]:
        """One page of deliveries (newest first) and the next page's cursor."""
        ...

    def redeliver(self, delivery_id: int) -> None:
        """Ask GitHub to deliver this attempt again."""
        ...


class MarkerStore(Protocol):
    """SET NX EX and DEL."""

    def set(self, name: str, value: str, ex: int | None = None, nx: bool = False) -> Any:
        """SET."""
        ...

    def delete(self, *names: str) -> Any:
        """DEL."""
        ...


def app_client(settings: Settings) -> GitHub[Any]:
    """A githubkit client authenticated as the App itself (JWT), not an installation."""
    key = settings.private_key_pem()
    if settings.github_app_id is None or not key:
        raise AppNotConfiguredError("the App id and private key are needed to list deliveries")
    return GitHub(
        AppAuthStrategy(settings.github_app_id, key),
        base_url=settings.github_api_url,
        timeout=settings.github_timeout_s,
        http_cache=False,
        auto_retry=False,
        user_agent="depreview",
        event_hooks=event_hooks("app", settings.github_api_url),
    )


def next_cursor(link: str | None) -> str | None:
    """The `cursor` of the `rel="next"` URL of a Link header."""
    for part in (link or "").split(","):
        url, _, rel = part.partition(";")
        if 'rel="next"' in rel:
            query = parse_qs(urlsplit(url.strip().strip("<>")).query)
            values = query.get("cursor")
            return values[0] if values else None
    return None


class GitHubDeliveriesApi:
    """`DeliveriesApi` over githubkit."""

    def __init__(self, gh: GitHub[Any]) -> None:
        self._gh = gh

    def list_deliveries(self, cursor: str | None, per_page: int) -> tuple[list[JSON], str | None]:
        """GET /app/hook/deliveries."""
        kwargs: dict[str, Any] = {"per_page": per_page}
        if cursor:
            kwargs["cursor"] = cursor
        resp = self._gh.rest.apps.list_webhook_deliveries(**kwargs)
        return cast(list[JSON], resp.json()), next_cursor(resp.headers.get("link"))

    def redeliver(self, delivery_id: int) -> None:
        """POST /app/hook/deliveries/{delivery_id}/attempts."""
        self._gh.rest.apps.redeliver_webhook_delivery(delivery_id)


def _when(item: Mapping[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(str(item.get("delivered_at", "")).replace("Z", "+00:00"))
    except ValueError:
        return None


def recent_deliveries(api: DeliveriesApi, *, now: datetime, max_pages: int) -> Iterator[JSON]:
    """Deliveries inside GitHub's window, newest first, reading at most `max_pages` pages."""
    cursor: str | None = None
    for _ in range(max_pages):
        items, cursor = api.list_deliveries(cursor, PER_PAGE)
        for item in items:
            when = _when(item)
            if when is not None and now - when > WINDOW:
                return
            yield item
        if not cursor or not items:
            return


def _ok(item: Mapping[str, Any]) -> bool:
    code = item.get("status_code")
    return isinstance(code, int) and 200 <= code < 300


@dataclass(frozen=True, slots=True)
class Failed:
    """A guid none of whose attempts succeeded, and the newest attempt's id."""

    guid: str
    delivery_id: int
    event: str


def failed_deliveries(items: Sequence[Mapping[str, Any]]) -> list[Failed]:
    """Guids with no 2xx attempt, oldest first (one entry per guid)."""
    attempts: dict[str, list[Mapping[str, Any]]] = {}
    for item in items:
        attempts.setdefault(str(item["guid"]), []).append(item)
    failed = []
    for guid, tries in attempts.items():
        if any(_ok(t) for t in tries):
            continue
        newest = max(tries, key=lambda t: int(t["id"]))
        failed.append(Failed(guid, int(newest["id"]), str(newest.get("event", ""))))
    return sorted(failed, key=lambda f: f.delivery_id)


def redeliver_failed(
    api: DeliveriesApi, store: MarkerStore, *, now: datetime | None = None, max_pages: int = 10
) -> list[str]:
    """Redeliver each failed guid once; returns the guids asked for in this run."""
    now = now or datetime.now(UTC)
    items = list(recent_deliveries(api, now=now, max_pages=max_pages))
    done = []
    for failed in failed_deliveries(items):
        if not store.set(
            marker_key(failed.guid), str(failed.delivery_id), ex=MARKER_TTL_S, nx=True
        ):
            continue
        try:
            api.redeliver(failed.delivery_id)
        except RequestFailed as exc:
            store.delete(marker_key(failed.guid))  # try again next run
            logger.warning(
                "redelivery refused",
                extra={"delivery_id": failed.guid, "status": exc.response.status_code},
            )
            continue
        logger.info("redelivered", extra={"delivery_id": failed.guid, "event": failed.event})
        done.append(failed.guid)
    return done
