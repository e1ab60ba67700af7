"""`parse_command`: every command form, and the mistakes users make, answered with a reason."""

from __future__ import annotations

from datetime import date

import pytest

from core.commands import parse_command


@pytest.mark.parametrize(
    ("body", "kind", "target", "package", "until", "days", "reason"),
    [
        ("@depreview rerun", "rerun", None, None, None, None, ""),
        ("Thanks!\n\n@depreview  rerun  ", "rerun", None, None, None, None, ""),
        ("@Depreview smoke", "smoke", None, None, None, None, ""),
        ("@depreview ignore conflict -- known", "ignore", "conflict", None, None, None, "known"),
        (
            "@depreview ignore numpy-abi numpy<2 for 14d -- waiting for scipy 1.13",
            "ignore", "numpy-abi", "numpy<2", None, 14, "waiting for scipy 1.13",
        ),
        (
            "@depreview ignore cuda-variant-mismatch torch until 2027-01-31 -- CPU CI only",
            "ignore", "cuda-variant-mismatch", "torch", date(2027, 1, 31), None, "CPU CI only",
        ),
        ("@depreview ignore conflict -- a -- b", "ignore", "conflict", None, None, None, "a -- b"),
    ],
)  # fmt: skip
def test_commands(
    body: str,
    kind: str,
    target: str | None,
    package: str | None,
    until: date | None,
    days: int | None,
    reason: str,
) -> None:
    command = parse_command(body)
    assert command is not None
    assert (command.kind, command.target, command.package) == (kind, target, package)
    assert (command.until, command.days, command.reason) == (until, days, reason)


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("@depreview", "No command"),
        ("@depreview deploy", "Unknown command `deploy`"),
        ("@depreview rerun now", "takes no arguments"),
        ("@depreview ignore conflict", "needs a reason"),
        ("@depreview ignore conflict --", "needs a reason"),
        ("@depreview ignore not-a-rule -- x", "neither a rule id nor a category"),
        ("@depreview ignore conflict numpy for 0d -- x", "number of days"),
        ("@depreview ignore conflict numpy for 2w -- x", "number of days"),
        ("@depreview ignore conflict until 31/01/2027 -- x", "YYYY-MM-DD"),
        ("@depreview ignore conflict numpy torch -- x", "Too many words"),
        ("@depreview ignore conflict numpy[cuda] -- x", "package name"),
        ("@depreview ignore conflict https://x -- x", "package name"),
    ],
)
def test_mistakes_are_invalid_with_a_reason(body: str, says: str) -> None:
    command = parse_command(body)
    assert command is not None and command.kind == "invalid"
    assert says in command.error
    assert "@depreview rerun" in command.error  # the usage line follows


@pytest.mark.parametrize(
    "body",
    [
        "",
        "hello world :wave: ",
        "> @depreview rerun",  # quoted from someone else
        "```\n@depreview rerun\n```",  # inside a code block
        "ping @depreview-bot rerun",
        "see https://example.com/@depreview rerun",
        "I think @depreview rerun would help",  # not at the start of a line
    ],
)
def test_no_command(body: str) -> None:
    assert parse_command(body) is None


def test_for_days_counts_from_the_comment_date() -> None:
    command = parse_command("@depreview ignore conflict for 30d -- x")
    assert command is not None
    assert command.expires(date(2026, 11, 26)) == date(2026, 12, 26)
    assert parse_command("@depreview ignore conflict -- x").expires(date.today()) is None  # type: ignore[union-attr]
