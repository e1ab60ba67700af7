"""Parse `@depreview` commands out of a comment body (pure; service and worker both read them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from packaging.requirements import InvalidRequirement
from packaging.requirements import Requirement as PepRequirement

from rules.catalogue import RULE_IDS
from rules.findings import CATEGORIES

Kind = Literal["rerun", "ignore", "smoke", "invalid"]

#: The longest ignore window `for <N>d` may ask for.
MAX_DAYS = 365

USAGE = (
    "Commands: `@depreview rerun`, `@depreview smoke [<sha>]`, "
    "`@depreview ignore <rule|category> [<package>] [until <YYYY-MM-DD>|for <N>d] [at <sha>] "
    "-- <reason>`."
)

_COMMAND_LINE = re.compile(r"^\s*@depreview\b(?![-\w])[ \t]*(?P<rest>.*)$", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")
_DAYS = re.compile(r"^(\d{1,4})d$", re.IGNORECASE)
_SHA = re.compile(r"^[0-9a-fA-F]{7,40}$")


@dataclass(frozen=True, slots=True)
class Command:
    """One parsed command; `kind == "invalid"` carries the reason in `error`."""

    kind: Kind
    target: str | None = None
    is_category: bool = False
    package: str | None = None
    until: date | None = None
    days: int | None = None
    reason: str = ""
    error: str = ""
    #: `smoke <sha>` / `ignore ... at <sha>`: the commit the maintainer reviewed (a prefix
    #: of the head SHA); the command applies only while the PR's head is that commit.
    sha: str | None = None

    def expires(self, created: date) -> date | None:
        """The last day an ignore applies (`for N d` counts from the comment's date)."""
        if self.until is not None:
            return self.until
        if self.days is not None:
            return created + timedelta(days=self.days)
        return None


def _invalid(message: str) -> Command:
    return Command("invalid", error=f"{message}\n\n{USAGE}")


def command_lines(body: str) -> list[str]:
    """The text after `@depreview` on each line that starts with it (outside quotes and code)."""
    out: list[str] = []
    in_code = False
    for line in body.splitlines():
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code or line.lstrip().startswith(">"):
            continue
        match = _COMMAND_LINE.match(line)
        if match:
            out.append(match.group("rest").strip())
    return out


def parse_command(body: str) -> Command | None:
    """The first `@depreview` command of a comment; None when there is none."""
    lines = command_lines(body or "")
    if not lines:
        return None
    return parse_line(lines[0])


def parse_line(rest: str) -> Command:
    """Parse what follows `@depreview` on one line."""
    verb, _, args = rest.partition(" ")
    verb = verb.strip().lower()
    args = args.strip()
    if verb in ("rerun", "re-run"):
        return Command("rerun") if not args else _invalid("`rerun` takes no arguments.")
    if verb == "smoke":
        if not args:
            return Command("smoke")
        if _SHA.match(args):
            return Command("smoke", sha=args.lower())
        return _invalid("`smoke` takes at most a commit SHA (7 to 40 hex digits).")
    if verb == "ignore":
        return _parse_ignore(args)
    if not verb:
        return _invalid("No command after `@depreview`.")
    return _invalid(f"Unknown command `{verb[:40]}`.")


def _parse_ignore(args: str) -> Command:
    head, sep, reason = args.partition(" -- ")
    if not sep and args.endswith(" --"):
        head, sep, reason = args[:-3], " -- ", ""
    reason = reason.strip()
    if not sep or not reason:
        return _invalid("An ignore needs a reason after ` -- `.")
    words = head.split()
    if not words:
        return _invalid("Say which rule or category to ignore.")
    target, words = words[0], words[1:]
    error = _unknown_target(target)
    if error:
        return _invalid(error)
    sha: str | None = None
    if len(words) >= 2 and words[-2].lower() == "at":
        if not _SHA.match(words[-1]):
            return _invalid(f"`at {words[-1][:20]}`: name a commit SHA (7 to 40 hex digits).")
        sha, words = words[-1].lower(), words[:-2]
    until: date | None = None
    days: int | None = None
    if len(words) >= 2 and words[-2].lower() in ("until", "for"):
        word, value = words[-2].lower(), words[-1]
        words = words[:-2]
        if word == "until":
            try:
                until = date.fromisoformat(value)
            except ValueError:
                return _invalid(f"`until {value[:20]}`: write the date as YYYY-MM-DD.")
        else:
            match = _DAYS.match(value)
            if not match or not 1 <= int(match.group(1)) <= MAX_DAYS:
                return _invalid(f"`for {value[:20]}`: write a number of days, 1 to {MAX_DAYS}d.")
            days = int(match.group(1))
    if len(words) > 1:
        return _invalid(f"Too many words before ` -- `: {' '.join(words)[:80]!r}.")
    package = words[0] if words else None
    if package is not None:
        error = _bad_package(package)
        if error:
            return _invalid(error)
    return Command(
        "ignore",
        target=target,
        is_category=target in CATEGORIES,
        package=package,
        until=until,
        days=days,
        reason=reason[:500],
        sha=sha,
    )


def _unknown_target(target: str) -> str:
    if target in CATEGORIES or target in RULE_IDS:
        return ""
    return (
        f"`{target[:60]}` is neither a rule id nor a category. "
        f"Categories: {', '.join(sorted(CATEGORIES))}."
    )


def _bad_package(text: str) -> str:
    try:
        parsed = PepRequirement(text)
    except InvalidRequirement:
        return f"`{text[:60]}` is not a package name with an optional version range."
    if parsed.url or parsed.marker or parsed.extras:
        return f"`{text[:60]}`: write a package name and an optional range, e.g. `numpy<2`."
    return ""
