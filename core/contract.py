"""Names, queues and keyword arguments of the Celery tasks: the one task contract.

Between the webhook service (producer) and the worker (consumer): the worker registers its
tasks under exactly these names, routes them to exactly these queues (worker/celery_app.py
builds its `task_routes` from `TASK_QUEUES`) and accepts exactly these keyword arguments.
Only ids cross the queue; the worker fetches everything else with its own installation token.
Every message the service or a review worker sends carries a tag over its task name and
kwargs (core/task_auth.py, header `depreview_auth`); review workers run no untagged task
but the GPU worker's two notices (`GPU_NOTICES`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
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
# The tasks the worker sends itself (beat, the review job, the GPU worker, the lease sweeper).
REDELIVER_FAILED: Final = "worker.redeliver_failed"
GPU_SMOKE: Final = "worker.gpu_smoke"
PUBLISH_SMOKE: Final = "worker.publish_smoke"
SMOKE_STARTED: Final = "worker.smoke_started"
FAIL_LOST_REVIEW: Final = "worker.fail_lost_review"
FAIL_RATE_LIMITED_REVIEW: Final = "worker.fail_rate_limited_review"

#: What a GPU worker sends (it holds no task key, so untagged); the review side acts on them
#: only for a job it recorded at dispatch (worker/smoke/publish.py).
GPU_NOTICES: Final = frozenset({SMOKE_STARTED, PUBLISH_SMOKE})

#: Task name → queue, for every task.
TASK_QUEUES: Final[dict[str, str]] = {
    REVIEW_PULL_REQUEST: QUEUE_REVIEW,
    REVIEW_CHECK_SUITE: QUEUE_REVIEW,
    REVIEW_MERGE_GROUP: QUEUE_REVIEW,
    HANDLE_COMMAND: QUEUE_REVIEW,
    HANDLE_INSTALLATION: QUEUE_REVIEW,
    HANDLE_CHECK_ACTION: QUEUE_REVIEW,
    REDELIVER_FAILED: QUEUE_REVIEW,
    # Sent by the review job to the chosen runner's own queue `gpu.<name>` (explicit
    # `queue=`), the only queue a runner consumes and its Redis user may read; `gpu` is
    # just the default route: no GPU worker consumes it (worker/smoke/bootstep.py).
    GPU_SMOKE: QUEUE_GPU,
    # Publishing a smoke result needs the App key: review workers do it, GPU hosts never.
    PUBLISH_SMOKE: QUEUE_REVIEW,
    # Sent by the GPU worker when a job holds its GPU: marks the smoke check `in_progress`.
    SMOKE_STARTED: QUEUE_REVIEW,
    # Sent by the lease sweeper for a review whose workers kept dying.
    FAIL_LOST_REVIEW: QUEUE_REVIEW,
    # Sent after a review failed on a rate limit whose reset was too far away (review D14).
    FAIL_RATE_LIMITED_REVIEW: QUEUE_REVIEW,
}

#: How long after queueing the watchdog closes a smoke run nobody reported on: the job's
#: own limit, the task's hard-limit margin, and time to wait for a busy runner.
WATCHDOG_QUEUE_ALLOWANCE_S = 1200
HARD_LIMIT_MARGIN_S = 600
SOFT_LIMIT_MARGIN_S = 300


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
    """What every task spec has: its task name, its queue and its keyword arguments.

    A spec names its task once, as a class keyword (`class X(_TaskSpec, task=NAME)`); its
    queue is the one `TASK_QUEUES` gives that task.
    """

    __slots__ = ()
    task_name: ClassVar[str]
    queue: ClassVar[str]

    def __init_subclass__(cls, task: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # `dataclass(slots=True)` builds the class again without the keyword: the copy keeps
        # the attributes set here.
        if task:
            cls.task_name = task
            cls.queue = TASK_QUEUES[task]

    def kwargs(self) -> dict[str, Any]:
        """The task's keyword arguments."""
        return _as_kwargs(self)


@dataclass(frozen=True, slots=True)
class ReviewPullRequest(_TaskSpec, task=REVIEW_PULL_REQUEST):
    """`worker.review_pull_request`: review one PR at one head SHA."""

    installation_id: int
    repo_full_name: str
    pr_number: int
    head_sha: str
    delivery_id: str


@dataclass(frozen=True, slots=True)
class ReviewCheckSuite(_TaskSpec, task=REVIEW_CHECK_SUITE):
    """`worker.review_check_suite`: (re)review a head SHA; empty `pr_numbers` = worker looks up."""

    installation_id: int
    repo_full_name: str
    head_sha: str
    delivery_id: str
    pr_numbers: tuple[int, ...] = ()
    action: str = ""  # "rerequested" makes the worker review again even if already reviewed


@dataclass(frozen=True, slots=True)
class ReviewMergeGroup(_TaskSpec, task=REVIEW_MERGE_GROUP):
    """`worker.review_merge_group`: review a merge queue group's head SHA against its base."""

    installation_id: int
    repo_full_name: str
    head_sha: str
    base_sha: str
    delivery_id: str


@dataclass(frozen=True, slots=True)
class HandleCommand(_TaskSpec, task=HANDLE_COMMAND):
    """`worker.handle_command`: a PR comment mentioning `@depreview` was created/edited/deleted."""

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
class HandleInstallation(_TaskSpec, task=HANDLE_INSTALLATION):
    """`worker.handle_installation`: an `installation` or `installation_repositories` event.

    `repositories_added` holds the repositories of a new installation (`installation.created`)
    or of `installation_repositories.added`; `repositories_removed` those removed.
    """

    installation_id: int
    event: str
    action: str
    delivery_id: str
    repositories_added: tuple[str, ...] = ()
    repositories_removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class HandleCheckAction(_TaskSpec, task=HANDLE_CHECK_ACTION):
    """`worker.handle_check_action`: a button (`requested_action`) on our check run was pressed."""

    installation_id: int
    repo_full_name: str
    check_run_id: int
    head_sha: str
    identifier: str
    sender_login: str
    delivery_id: str


@dataclass(frozen=True, slots=True)
class SmokeNotice:
    """The keyword arguments of a GPU worker's notices about one smoke check run
    (`GPU_NOTICES`): these ids and nothing more, since a GPU worker holds no task key to tag
    them with (a review worker refuses an untagged notice with any other argument)."""

    installation_id: int
    repo_full_name: str
    pr_number: int
    head_sha: str
    check_run_id: int
    delivery_id: str = ""

    def kwargs(self) -> dict[str, Any]:
        """The notice's keyword arguments."""
        return _as_kwargs(self)


#: The keyword arguments an untagged GPU notice may carry.
GPU_NOTICE_KWARGS: Final = frozenset(field.name for field in dataclasses.fields(SmokeNotice))


@dataclass(frozen=True, slots=True)
class SmokeJobSpec:
    """The `worker.gpu_smoke` message: ids and the environment to install, no secrets."""

    installation_id: int
    repo_full_name: str
    pr_number: int
    head_sha: str
    check_run_id: int
    pins: Mapping[str, str]
    queue: str
    changed_packages: tuple[str, ...] = ()
    index_options: tuple[str, ...] = ()
    base_environment: str | None = None
    timeout_s: int = 600
    delivery_id: str = ""
    #: Random, recorded at dispatch; the outcome must carry it (worker.smoke.store.SmokeJob).
    job_id: str = ""

    def kwargs(self) -> dict[str, Any]:
        """The task's keyword arguments (JSON-ready): every field but `queue`, which routes it."""
        out = _as_kwargs(self)
        del out["queue"]
        out["pins"] = dict(self.pins)
        return out

    def notice(self) -> SmokeNotice:
        """What the GPU worker's notices about this job carry (`worker.smoke_started`,
        `worker.publish_smoke`)."""
        return SmokeNotice(
            installation_id=self.installation_id,
            repo_full_name=self.repo_full_name,
            pr_number=self.pr_number,
            head_sha=self.head_sha,
            check_run_id=self.check_run_id,
            delivery_id=self.delivery_id,
        )

    @property
    def soft_time_limit_s(self) -> int:
        """The task's soft limit: above the job's own timeout."""
        return self.timeout_s + SOFT_LIMIT_MARGIN_S

    @property
    def time_limit_s(self) -> int:
        """The task's hard limit."""
        return self.timeout_s + HARD_LIMIT_MARGIN_S

    @property
    def watchdog_s(self) -> int:
        """When the review-side watchdog closes the run if no outcome arrived."""
        return self.time_limit_s + WATCHDOG_QUEUE_ALLOWANCE_S
