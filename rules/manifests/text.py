"""Turn the bytes of a dependency file into text every parser can trust, within fixed limits.

Policy (one place, so every parser sees the same text):

- A UTF-8 byte order mark is dropped; a UTF-16 one (PowerShell's ``pip freeze > file``)
  decodes the file as UTF-16, reported as a warning except in a requirement file (``.txt``,
  ``.in``), which pip and uv decode the same way.
- A file with NUL bytes (after the UTF-16 case) is binary: it is skipped (``None``) with a
  ``parse-error`` finding at the first NUL.
- Invalid UTF-8 is decoded with U+FFFD replacement characters and reported once, as a
  warning located at the first bad byte; the rest of the file is read.
- CRLF and lone CR line ends become LF.
- A file over `MAX_BYTES` is skipped; a file over `MAX_LINES` lines is cut to its first
  `MAX_LINES` lines; a line over `MAX_LINE_LENGTH` characters is cut. Each is reported.
  Every step is linear in the input, so hostile files cost bounded time.
"""

from __future__ import annotations

from dataclasses import replace

from rules.findings import Finding, Severity
from rules.manifests.errors import parse_error

#: Largest file read at all (bytes, or characters for text handed in as `str`).
MAX_BYTES = 5 * 1024 * 1024
#: Most lines read from one file; later lines are dropped (and reported).
MAX_LINES = 200_000
#: Longest line kept whole; longer lines are cut (and reported once per file).
MAX_LINE_LENGTH = 20_000

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: Requirement files, which pip (since 8.1, pypa/pip#3485) and uv (astral-sh/uv#2283) decode
#: by their byte order mark: a UTF-16 one is no problem there.
_TRANSCODED = (".txt", ".in")


def _warning(finding: Finding) -> Finding:
    return replace(finding, severity=Severity.WARNING)


def _line_col(data: bytes, offset: int) -> tuple[int, int, bytes]:
    """1-based line and column of byte `offset`, and the raw bytes of that line."""
    start = max(data.rfind(b"\n", 0, offset), data.rfind(b"\r", 0, offset)) + 1
    end_candidates = [i for i in (data.find(b"\n", offset), data.find(b"\r", offset)) if i >= 0]
    end = min(end_candidates) if end_candidates else len(data)
    before = data[:start]
    line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
    return line, offset - start + 1, data[start:end]


def _decode_bytes(path: str, data: bytes) -> tuple[str | None, list[Finding]]:
    findings: list[Finding] = []
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None, [
                parse_error(path, 1, 1, "file has a UTF-16 byte order mark but is not UTF-16")
            ]
        if not path.lower().endswith(_TRANSCODED):
            findings.append(
                _warning(
                    parse_error(
                        path,
                        1,
                        1,
                        "file is UTF-16 encoded; only requirement-file readers (pip, uv) "
                        "decode it, TOML, YAML and Dockerfile readers expect UTF-8",
                    )
                )
            )
        return text.lstrip("\ufeff"), findings
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col, _ = _line_col(data, nul)
        return None, [parse_error(path, line, col, "binary file (NUL byte); not read")]
    try:
        return data.decode("utf-8"), findings
    except UnicodeDecodeError as exc:
        line, col, raw = _line_col(data, exc.start)
        shown = raw.decode("utf-8", errors="replace")
        findings.append(
            _warning(
                parse_error(path, line, col, "invalid UTF-8; bad bytes replaced with U+FFFD", shown)
            )
        )
        return data.decode("utf-8", errors="replace"), findings


def decode(path: str, data: bytes | str) -> tuple[str | None, list[Finding]]:
    """The LF-normalized text of `data` (None when the file is skipped) and what was wrong."""
    if len(data) > MAX_BYTES:
        return None, [parse_error(path, 1, 1, f"file is larger than {MAX_BYTES} bytes; not read")]
    findings: list[Finding] = []
    if isinstance(data, bytes):
        text, findings = _decode_bytes(path, data)
        if text is None:
            return None, findings
    else:
        text = data.removeprefix("\ufeff")
        nul = text.find("\x00")
        if nul >= 0:
            line = text.count("\n", 0, nul) + 1
            col = nul - (text.rfind("\n", 0, nul) + 1) + 1
            return None, [parse_error(path, line, col, "binary file (NUL byte); not read")]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _apply_line_limits(path, text, findings)


def _apply_line_limits(path: str, text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    newlines = text.count("\n")
    if newlines + (0 if text.endswith("\n") else 1) > MAX_LINES:
        cut = -1
        for _ in range(MAX_LINES):
            cut = text.find("\n", cut + 1)
        text = text[: cut + 1]
        findings.append(
            _warning(
                parse_error(
                    path, MAX_LINES, 1, f"file has more than {MAX_LINES} lines; the rest is ignored"
                )
            )
        )
    if len(text) > MAX_LINE_LENGTH and any(
        len(line) > MAX_LINE_LENGTH for line in text.split("\n")
    ):
        lines = text.split("\n")
        first = next(i for i, line in enumerate(lines) if len(line) > MAX_LINE_LENGTH)
        findings.append(
            _warning(
                parse_error(
                    path,
                    first + 1,
                    MAX_LINE_LENGTH + 1,
                    f"line longer than {MAX_LINE_LENGTH} characters; cut",
                    lines[first][: MAX_LINE_LENGTH + 40],
                )
            )
        )
        text = "\n".join(line[:MAX_LINE_LENGTH] for line in lines)
    return text, findings


def split_lines(text: str) -> list[str]:
    """The lines of decoded text, without line ends (a final newline adds no empty line)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
