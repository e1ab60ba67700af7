"""`parse-error` findings that show the bad line with a caret under the problem."""

from __future__ import annotations

from rules.findings import Finding, Severity

#: Longest excerpt of a line shown in a message.
_EXCERPT = 120


def caret_excerpt(line_text: str, column: int) -> str:
    """The line (cut to a readable width around `column`) and a `^` under column (1-based)."""
    text = line_text.rstrip("\r\n").replace("\t", " ")
    col = max(1, column)
    start = 0
    if len(text) > _EXCERPT:
        start = max(0, min(col - 1 - _EXCERPT // 2, len(text) - _EXCERPT))
        text = text[start : start + _EXCERPT]
    printable = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in text)
    pointer = " " * max(0, min(col - 1 - start, len(printable))) + "^"
    return f"    {printable}\n    {pointer}"


def parse_error(
    file: str,
    line: int,
    column: int,
    expected: str,
    line_text: str | None = None,
    *,
    rule: str = "parse-error",
) -> Finding:
    """A located parse error: `file:line:column: expected` plus the excerpt with a caret."""
    line = max(1, line)
    column = max(1, column)
    message = f"{file}:{line}:{column}: {expected}"
    if line_text is not None:
        message = f"{message}\n{caret_excerpt(line_text, column)}"
    return Finding(
        rule=rule,
        category="parse-error",
        severity=Severity.ERROR,
        message=message,
        file=file,
        line=line,
        column=column,
        # the line's text too: two bad lines with the same complaint are two problems (a new
        # `numpy=1.20.0` next to an old `scikit-learn>+0.24.2`: facebookresearch/Kats 9471d6d)
        fingerprint=f"{file}:{expected}"
        + (f":{line_text.strip()}" if line_text is not None else ""),
    )
