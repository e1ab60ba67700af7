"""Structured JSON logs: one object per line with the `extra` fields (delivery_id, repo, ...)."""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {
    "message",
    "asctime",
    "taskName",
}
_SECRET_NAME = re.compile(r"secret|token|password|private_key|authorization|signature", re.I)


def _redacted(key: str) -> bool:
    return _SECRET_NAME.search(key) is not None


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON object; fields named like secrets are never written."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON line: ts, level, logger, message, extras, exception."""
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key in _STANDARD or key.startswith("_") or key in entry:
                continue
            entry[key] = "[redacted]" if _redacted(key) else value
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
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
