"""`installation` and `installation_repositories` deliveries: tell the worker what changed."""

from __future__ import annotations

from core.contract import HandleInstallation, TaskSpec
from service.webhooks.event import Event
from service.webhooks.routing import Router

router = Router()


def _full_names(event: Event, key: str) -> tuple[str, ...]:
    return event.field_of_each((key,), "full_name", str)


@router.register(
    "installation", "created", "deleted", "suspend", "unsuspend", "new_permissions_accepted"
)
def installation_changed(event: Event) -> TaskSpec | None:
    """The App was installed, removed, suspended or given new permissions."""
    added = _full_names(event, "repositories") if event.action == "created" else ()
    return _installation_task(event, added, ())


@router.register("installation_repositories", "added", "removed")
def repositories_changed(event: Event) -> TaskSpec | None:
    """Repositories were added to or removed from an installation."""
    added = _full_names(event, "repositories_added")
    return _installation_task(event, added, _full_names(event, "repositories_removed"))


def _installation_task(
    event: Event, added: tuple[str, ...], removed: tuple[str, ...]
) -> HandleInstallation:
    return HandleInstallation(
        installation_id=event.installation_id(),
        event=event.name,
        action=event.action,
        delivery_id=event.delivery_id,
        repositories_added=added,
        repositories_removed=removed,
    )
