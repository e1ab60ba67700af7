"""Who may command depreview: users with write, maintain or admin permission on the repository."""

from __future__ import annotations

from collections.abc import Callable

#: Legacy permission levels GitHub reports (`maintain` shows as `write`; listed for safety).
ALLOWED = frozenset({"admin", "maintain", "write"})


def may_command(permission: str) -> bool:
    """Whether a permission level may run commands."""
    return permission.strip().lower() in ALLOWED


class PermissionCache:
    """Looks each login up once per job (one `collaborators/{user}/permission` call)."""

    def __init__(self, lookup: Callable[[str], str]) -> None:
        self._lookup = lookup
        self._seen: dict[str, str] = {}

    def permission(self, login: str) -> str:
        """The user's permission level."""
        key = login.lower()
        if key not in self._seen:
            self._seen[key] = self._lookup(login)
        return self._seen[key]

    def allowed(self, login: str) -> bool:
        """Whether the user may run commands."""
        return may_command(self.permission(login))
