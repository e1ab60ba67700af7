"""Names, queues and keyword arguments of the Celery tasks the service enqueues.

The one contract between the webhook service (producer) and the worker (consumer): the worker
registers its tasks under exactly these names and accepts exactly these keyword arguments.
Only ids cross the queue; the worker fetches everything else with its own installation token.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar, Final, Protocol

QUEUE_REVIEW: Final = "review"
QUEUE_GPU: Final = "gpu"

REVIEW_PULL_REQUEST: Final = "worker.review_pull_request"
REVIEW_CHECK_SUITE: Final = "worker.review_check_suite"
REVIEW_MERGE_GROUP: Final = "worker.review_merge_group"
HANDLE_COMMAND: Final = "worker.handle_command"
HANDLE_INSTALLATION: Final = "worker.handle_installation"
HANDLE_CHECK_ACTION: Final = "worker.handle_check_action"

TASK_QUEUES: Final[dict[str, str]] = {
    REVIEW_PULL_REQUEST: QUEUE_REVIEW,
    REVIEW_CHECK_SUITE: QUEUE_REVIEW,
    REVIEW_MERGE_GROUP: QUEUE_REVIEW,
    HANDLE_COMMAND: QUEUE_REVIEW,
    HANDLE_INSTALLATION: QUEUE_REVIEW,
    HANDLE_CHECK_ACTION: QUEUE_REVIEW,
}


class TaskSpec(Protocol):
    """One task call: its registered name, its queue and its keyword arguments."""

    task_name: ClassVar[str]
    queue: ClassVar[str]

    @property
    def delivery_id(self) -> str:
        """The `X-GitHub-Delivery` the task came from."""
        ...

    def kwargs(self) -> dict[str, Any]:
        """The keyword arguments sent with the task (JSON types only)."""
        ...


def _as_kwargs(spec: object) -> dict[str, Any]:
    """Dataclass fields as JSON-ready keyword arguments (tuples become lists)."""
    out: dict[str, Any] = {}
    for field in dataclasses.fields(spec):  # type: ignore[arg-type]
        value = getattr(spec, field.name)
        out[field.name] = list(value) if isinstance(value, tuple) else value
    return out


class _TaskSpec:
    """What every task spec has: its task name, its queue and its keyword arguments."""

    __slots__ = ()
    task_name: ClassVar[str]
    queue: ClassVar[str]

    def kwargs(self) -> dict[str, Any]:
        """The task's keyword arguments."""
        return _as_kwargs(self)


@dataclass(frozen=True, slots=True)
class ReviewPullRequest(_TaskSpec):
    """`worker.review_pull_request`: review one PR at one head SHA."""

    task_name: ClassVar[str] = REVIEW_PULL_REQUEST
    queue: ClassVar[str] = QUEUE_REVIEW

    installation_id: int
    repo_full_name: str
    pr_number: int
    head_sha: str
    delivery_id: str


@dataclass(frozen=True, slots=True)
class ReviewCheckSuite(_TaskSpec):
    """`worker.review_check_suite`: (re)review a head SHA; empty `pr_numbers` = worker looks up."""

    task_name: ClassVar[str] = REVIEW_CHECK_SUITE
    queue: ClassVar[str] = QUEUE_REVIEW

    installation_id: int
    repo_full_name: str
    head_sha: str
    delivery_id: str
    pr_numbers: tuple[int, ...] = ()
    action: str = ""  # "rerequested" makes the worker review again even if already reviewed


@dataclass(frozen=True, slots=True)
class ReviewMergeGroup(_TaskSpec):
    """`worker.review_merge_group`: review a merge queue group's head SHA against its base."""

    task_name: ClassVar[str] = REVIEW_MERGE_GROUP
    queue: ClassVar[str] = QUEUE_REVIEW

    installation_id: int
    repo_full_name: str
    head_sha: str
    base_sha: str
    delivery_id: str


@dataclass(frozen=True, slots=True)
class HandleCommand(_TaskSpec):
    """`worker.handle_command`: a PR comment mentioning `@depreview` was created/edited/deleted."""

    task_name: ClassVar[str] = HANDLE_COMMAND
    queue: ClassVar[str] = QUEUE_REVIEW

    installation_id: int
    repo_full_name: str
    pr_number: int
    comment_id: int
    delivery_id: str
    action: str
    #: The command the comment held before this edit or deletion (the text after `@depreview`
    #: on its first command line; "" for none). GitHub's API cannot return an old body, so the
    #: delivery's is the only source. None: not known (a created comment, an older message).
    previous_command: str | None = None


@dataclass(frozen=True, slots=True)
class HandleInstallation(_TaskSpec):
    """`worker.handle_installation`: an `installation` or `installation_repositories` event.

    `repositories_added` holds the repositories of a new installation (`installation.created`)
    or of `installation_repositories.added`; `repositories_removed` those removed.
    """

    task_name: ClassVar[str] = HANDLE_INSTALLATION
    queue: ClassVar[str] = QUEUE_REVIEW

    installation_id: int
    event: str
    action: str
    delivery_id: str
    repositories_added: tuple[str, ...] = ()
    repositories_removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HandleCheckAction(_TaskSpec):
    """`worker.handle_check_action`: a button (`requested_action`) on our check run was pressed."""

    task_name: ClassVar[str] = HANDLE_CHECK_ACTION
    queue: ClassVar[str] = QUEUE_REVIEW

    installation_id: int
    repo_full_name: str
    check_run_id: int
    head_sha: str
    identifier: str
    sender_login: str
    delivery_id: str
