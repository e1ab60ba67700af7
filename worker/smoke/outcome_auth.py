"""Which key signs a smoke outcome: the runner's own (GPU side), the dispatched runner's (review).

A runner signs the outcome it stores with `DEPREVIEW_RUNNER_OUTCOME_KEY`; the review side
derives the same key from the webhook secret and the name of the runner the job was sent
to (its dispatch record's queue `gpu.<name>`), so an outcome stored by any other runner, or
by anything else that can write Redis, does not verify. The operator makes each runner's
key on a host that holds the webhook secret:

    python -m worker.smoke.outcome_auth <runner name>

and gives it to that runner only (docs/gpu-runners.md, "Outcomes").
"""

from __future__ import annotations

import sys

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.contract import QUEUE_GPU
from core.settings import get_settings
from core.task_auth import runner_key


class _OutcomeKeySettings(BaseSettings):
    """`DEPREVIEW_RUNNER_OUTCOME_KEY`: this runner's outcome key, hex (64 digits)."""

    model_config = SettingsConfigDict(env_prefix="DEPREVIEW_RUNNER_", extra="ignore")

    outcome_key: SecretStr | None = None


def own_runner_key() -> bytes | None:
    """This runner's outcome key from the environment (None: unset or not 32 bytes of hex)."""
    secret = _OutcomeKeySettings().outcome_key
    if secret is None:
        return None
    try:
        key = bytes.fromhex(secret.get_secret_value().strip())
    except ValueError:
        return None
    return key if len(key) == 32 else None


def runner_of_queue(queue: str) -> str:
    """The runner a job's queue names (`gpu.<name>`); "" for any other queue."""
    prefix = f"{QUEUE_GPU}."
    return queue[len(prefix) :] if queue.startswith(prefix) else ""


def dispatched_runner_key(runner_name: str) -> bytes | None:
    """The review side's copy of a runner's key (None: no runner or no usable secret)."""
    return runner_key(get_settings().webhook_secret.get_secret_value(), runner_name)


def main(argv: list[str]) -> int:
    """Print the outcome key of the runner named in `argv` (from DEPREVIEW_WEBHOOK_SECRET)."""
    if len(argv) != 1 or not argv[0]:
        sys.stderr.write("usage: python -m worker.smoke.outcome_auth <runner name>\n")
        return 2
    key = dispatched_runner_key(argv[0])
    if key is None:
        sys.stderr.write("DEPREVIEW_WEBHOOK_SECRET is empty or well known: no key derived\n")
        return 1
    sys.stdout.write(key.hex() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
