"""Untrusted text into Markdown: no mentions, links, images, HTML or broken code spans.

Everything a pull request controls (paths, package names, versions, URLs, messages that
quote file contents) reaches depreview's comment and check run text through these helpers.
GitHub links `@user`/`@org/team` mentions and bare URLs in text (not inside code), renders
inline HTML, and a stray backtick or `<!--` changes the structure of everything after it.
"""

from __future__ import annotations

import re

#: Zero-width space: breaks a mention or an autolink without changing what a reader sees.
ZWSP = "\u200b"

_TEXT_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "`": "&#96;",
    "\\": "\\\\",
    "*": "\\*",
    "_": "\\_",
    "[": "\\[",
    "]": "\\]",
    "#": "\\#",
    "!": "\\!",
    "|": "\\|",
    "~": "\\~",
    "@": "@" + ZWSP,
}
_TEXT = re.compile("|".join(re.escape(c) for c in _TEXT_ESCAPES))
_AUTOLINK = re.compile(r"(?i)(https?|ftp|mailto|www)([:.])")
_BACKTICKS = re.compile(r"`+")
_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c]+")
#: GFM table cells split on `|` even inside code spans; this look-alike keeps the cell whole.
_PIPE_IN_CELL = "\u2502"


def one_line(text: str) -> str:
    """Line breaks (and other vertical whitespace) as single spaces."""
    return _LINE_BREAKS.sub(" ", text)


#: The longest single line rendered (longer lines are cut; keeps every helper linear-ish).
MAX_LINE = 2_000
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-+=>])")


def md_text(text: object, *, line_start: bool = True) -> str:
    """Plain text for a Markdown paragraph or table cell: every special character escaped.

    With `line_start`, also safe at the start of a line (no list item, heading, quote or
    indented code block).
    """
    line = one_line(str(text))[:MAX_LINE]
    if line_start:
        line = line.lstrip()
    escaped = _TEXT.sub(lambda m: _TEXT_ESCAPES[m.group(0)], line)
    escaped = _AUTOLINK.sub(lambda m: m.group(1) + ZWSP + m.group(2), escaped)
    if line_start:
        escaped = _BLOCK_START.sub(_escape_block_start, escaped, count=1)
    return escaped


def _escape_block_start(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"\\{match.group(3)}"


def md_code(text: object, *, cell: bool = False) -> str:
    """An inline code span that shows `text` verbatim (its fence outlasts any backtick run).

    `cell`: inside a table row (a `|` would end the cell, even in code).
    """
    content = one_line(str(text))[:MAX_LINE]
    if cell:
        content = content.replace("|", _PIPE_IN_CELL)
    if not content:
        return ""
    longest = max((len(run) for run in _BACKTICKS.findall(content)), default=0)
    fence = "`" * (longest + 1)
    if content[0] in "` " or content[-1] in "` ":
        content = f" {content} "
    return f"{fence}{content}{fence}"


def md_block(text: str) -> str:
    """A fenced code block showing `text` verbatim (a fence longer than any backtick run)."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    body = _LINE_BREAKS.sub("\n", text.replace("\r\n", "\n")).rstrip()
    return f"{fence}\n{body}\n{fence}"


def md_prose(text: object, *, cell: bool = False) -> str:
    """A one-line message whose `code` spans stay code and whose other text is escaped.

    Rules write messages with backtick-quoted names; the quoted parts often come from the
    pull request, so each span is re-fenced and everything between is escaped.
    """
    line = one_line(str(text))[:MAX_LINE].lstrip()
    out: list[str] = []
    pos = 0
    for match in _SPAN.finditer(line):
        out.append(md_text(line[pos : match.start()], line_start=pos == 0))
        out.append(md_code(match.group(2), cell=cell))
        pos = match.end()
    out.append(md_text(line[pos:], line_start=pos == 0))
    text = "".join(out)
    # A line that starts with ``` would open a fenced block: start it with an invisible space.
    return ZWSP + text if text.startswith("```") else text
