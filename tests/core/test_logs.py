"""JSON log lines carry the `extra` fields and never the secret-named ones."""

from __future__ import annotations

import io
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.logs import JsonFormatter, configure_logging


def _line(**extra: object) -> dict[str, object]:
    record = logging.LogRecord("service.x", logging.INFO, __file__, 1, "queued %s", ("now",), None)
    for key, value in extra.items():
        setattr(record, key, value)
    parsed: dict[str, object] = json.loads(JsonFormatter().format(record))
    return parsed


def test_extra_fields_are_top_level_keys() -> None:
    line = _line(delivery_id="d-1", repo="o/r", installation=7, pr=2, head_sha="ab" * 20)
    assert line["message"] == "queued now"
    assert line["level"] == "INFO" and line["logger"] == "service.x"
    assert {k: line[k] for k in ("delivery_id", "repo", "installation", "pr", "head_sha")} == {
        "delivery_id": "d-1",
        "repo": "o/r",
        "installation": 7,
        "pr": 2,
        "head_sha": "ab" * 20,
    }


def test_secret_named_fields_are_redacted() -> None:
    line = _line(webhook_secret="s3cret", token="ghs_abc", Authorization="Bearer x", repo="o/r")
    assert "s3cret" not in json.dumps(line) and "ghs_abc" not in json.dumps(line)
    assert line["webhook_secret"] == line["token"] == line["Authorization"] == "[redacted]"
    assert line["repo"] == "o/r"


def test_configure_logging_adds_one_handler_however_often_it_runs() -> None:
    root = logging.getLogger()
    saved, level = list(root.handlers), root.level
    before = [h for h in root.handlers if h.get_name() != "depreview-json"]
    root.handlers = list(before)
    stream = io.StringIO()
    try:
        handler = configure_logging("INFO", stream)
        assert configure_logging("INFO", stream) is handler
        assert [h for h in root.handlers if h not in before] == [handler]
        logging.getLogger("service.test").info("hello", extra={"delivery_id": "d-9"})
        assert json.loads(stream.getvalue().splitlines()[-1])["delivery_id"] == "d-9"
    finally:
        root.handlers = saved
        root.setLevel(level)


@pytest.mark.parametrize(
    "created",
    [
        0.0,
        1_700_000_000.0,
        1_700_000_000.9995,
        1_700_000_000.9999996,
        208969694.65799996,
        1e9 + 0.5,
    ],
)
def test_timestamp_is_the_isoformat_of_the_record_time(created: float) -> None:
    record = logging.LogRecord("service.x", logging.INFO, __file__, 1, "m", (), None)
    record.created = created
    line = json.loads(JsonFormatter().format(record))
    assert line["ts"] == datetime.fromtimestamp(created, UTC).isoformat(timespec="milliseconds")


def test_values_json_cannot_hold_are_written_as_text() -> None:
    line = _line(path=Path("a/b"), when=datetime(2026, 1, 2, tzinfo=UTC), ids={3: "x"})
    assert line["path"] == "a/b"
    assert str(line["when"]).startswith("2026-01-02")
    assert line["ids"] == {"3": "x"}
