"""Structured JSON logs: one object per line with the `extra` fields (delivery_id, repo, ...)."""

from __future__ import annotations

import functools
import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

from pydantic_core import to_json

_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "taskName",
}
_SECRET_NAME = re.compile(r"secret|token|password|private_key|authorization|signature", re.I)


def job_fields(
    delivery_id: str, installation_id: int, repo: str, pr: int | None
) -> dict[str, object]:
    """The `extra` fields that tie a job's log lines to its delivery, installation, repository
    and PR (the names the service logs when it queues the job)."""
    return {"delivery_id": delivery_id, "installation": installation_id, "repo": repo, "pr": pr}


@functools.lru_cache(maxsize=1024)
def _redacted(key: str) -> bool:
    return _SECRET_NAME.search(key) is not None


@functools.lru_cache(maxsize=4)
def _second(epoch_s: int) -> str:
    """`YYYY-MM-DDTHH:MM:SS` (UTC) of a whole second; lines in the same second share it."""
    return datetime.fromtimestamp(epoch_s, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _timestamp(created: float) -> str:
    """ISO 8601 in UTC with milliseconds, as `datetime.isoformat(timespec="milliseconds")`."""
    seconds = int(created)
    micros = round((created - seconds) * 1_000_000)  # datetime rounds to microseconds first
    if micros >= 1_000_000:
        seconds, micros = seconds + 1, 0
    return f"{_second(seconds)}.{micros // 1000:03d}+00:00"


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON object; fields named like secrets are never written.

    Serialised by pydantic-core (Rust): a third of `json.dumps`' time, which mattered for the
    one line every accepted delivery writes (bench/webhook_bench.py).
    """

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON line: ts, level, logger, message, extras, exception."""
        entry: dict[str, Any] = {
            "ts": _timestamp(record.created),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key in _STANDARD or key in entry or key.startswith("_"):
                continue
            entry[key] = "[redacted]" if _redacted(key) else value
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        return _dumps(entry)


def _dumps(entry: dict[str, Any]) -> str:
    """JSON text of a log entry; values JSON cannot hold are written as `str(value)`."""
    try:
        return to_json(entry, fallback=str).decode()
    except (ValueError, TypeError):  # e.g. non-string keys in a nested dict, NaN handling
        return json.dumps(entry, default=str, ensure_ascii=False)


_HANDLER_NAME = "depreview-json"


def configure_logging(level: str = "INFO", stream: TextIO | None = None) -> logging.Handler:
    """Add one JSON handler to the root logger (idempotent; other handlers are kept)."""
    root = logging.getLogger()
    for handler in root.handlers:
        if handler.get_name() == _HANDLER_NAME:
            root.setLevel(level.upper())
            return handler
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)
    root.setLevel(level.upper())
    return handler
