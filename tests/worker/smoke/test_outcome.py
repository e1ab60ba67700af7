"""The smoke wording the review side posts (worker/smoke/outcome.py)."""

from __future__ import annotations

import pytest

from worker.smoke.outcome import (
    NOT_QUEUED_TITLE,
    not_queued_details,
    note,
    queued_details,
    queued_note,
)


@pytest.mark.parametrize(
    ("declared", "says", "never"),
    [
        (False, "the resolution of `requirements.txt`", "declared in the head commit"),
        (True, "the exact pins declared in the head commit", "`requirements.txt`"),
    ],
)
def test_queued_details_names_where_the_pins_come_from(
    declared: bool, says: str, never: str
) -> None:
    text = queued_details(
        "GPU smoke test queued on h100-a",
        "torch changed",
        packages=12,
        timeout_s=900,
        environment="requirements.txt",
        declared=declared,
    )
    assert text.startswith("<details>\n<summary>GPU smoke test queued on h100-a</summary>")
    assert "torch changed. 12 packages from " in text and "time limit 900 s." in text
    assert says in text and never not in text


@pytest.mark.parametrize(
    ("exc", "shown"),
    [
        (ConnectionError("broker down"), "ConnectionError: broker down"),
        (OSError("first line\nsecond line"), "OSError: first line"),
        (RuntimeError("x" * 400), "RuntimeError: " + "x" * (300 - len("RuntimeError: "))),
    ],
)
def test_not_queued_details_quotes_the_errors_first_line(exc: Exception, shown: str) -> None:
    text = not_queued_details(exc)
    assert f"(`{shown}`)" in text and "second line" not in text
    assert "`@depreview smoke`" in text and NOT_QUEUED_TITLE.startswith("GPU smoke test")


def test_notes_start_on_their_own_paragraph() -> None:
    for text in (note("no runner."), queued_note("h100-a", "gpu.h100-a")):
        assert text.startswith("\n\n**GPU smoke test** (`depreview / gpu-smoke`): ")
    assert queued_note("h100-a", "gpu.h100-a").endswith("runner h100-a (queue `gpu.h100-a`).")
