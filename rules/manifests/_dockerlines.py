"""Dockerfile text as logical lines (continuations joined) that map offsets back to lines."""

from __future__ import annotations

import bisect
import fnmatch
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(r"^#\s*([A-Za-z_]+)\s*=\s*(\S*)\s*$")
#: A heredoc marker: BuildKit's lexer keeps blanks after ``<<`` in the word (``<< 'EOF'`` is
#: a heredoc, moby/buildkit frontend/dockerfile/shell/lex.go processPossibleHeredoc).
_HEREDOC = re.compile(r"<<(?P<dash>-?)[ \t]*(?P<q>[\"']?)(?P<word>[A-Za-z_][A-Za-z0-9_]*)(?P=q)")
#: The instructions BuildKit reads heredocs for (parser.go heredocDirectives; ONBUILD wraps one).
_HEREDOC_INSTRUCTIONS = frozenset({"RUN", "COPY", "ADD", "ONBUILD"})
_VAR = re.compile(
    r"\$(?:\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)"
    r"(?:(?P<op>:?[-+]|//?|##?|%%?)(?P<word>(?:[^}$]|\$\{[^}]*\}|\$(?!\{))*))?\}"
    r"|(?P<plain>[A-Za-z_][A-Za-z0-9_]*))"
)


@dataclass
class LogicalLine:
    """One instruction (or heredoc body line) with continuations joined.

    `starts[i]` is the offset in `text` where the piece from physical line `lines[i]`
    (1-based) begins, at 1-based column `columns[i]` of that line.
    """

    text: str = ""
    starts: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    columns: list[int] = field(default_factory=list)
    heredocs: list[LogicalLine] = field(default_factory=list)
    _pieces: list[str] = field(default_factory=list)
    _length: int = 0

    def add(self, piece: str, line: int, column: int) -> None:
        """Append the piece of physical `line` that starts at `column` (call `finish` after)."""
        self.starts.append(self._length)
        self.lines.append(line)
        self.columns.append(column)
        self._pieces.append(piece)
        self._length += len(piece)

    def finish(self) -> LogicalLine:
        """Join the pieces into `text` (linear, however many continuation lines)."""
        self.text = "".join(self._pieces)
        return self

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of `offset` in `text`."""
        if not self.starts:
            return 1, 1
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.lines[index], self.columns[index] + max(0, offset - self.starts[index])

    @property
    def first_line(self) -> int:
        """The physical line the logical line starts on."""
        return self.lines[0] if self.lines else 1


def escape_char(lines: list[str]) -> str:
    """The `# escape=` parser directive's character (backslash by default)."""
    for raw in lines:
        match = _DIRECTIVE.match(raw.strip())
        if match is None:
            break
        if match[1].lower() == "escape" and match[2] in {"\\", "`"}:
            return match[2]
    return "\\"


def _continues(piece: str, escape: str) -> bool:
    stripped = piece.rstrip(" \t")
    return stripped.endswith(escape)


def join_lines(
    lines: list[str], first_number: int = 1, escape: str = "\\", heredocs: bool = True
) -> list[LogicalLine]:
    """Join continuation lines, drop comments and blank lines, collect heredoc bodies."""
    result: list[LogicalLine] = []
    index = 0
    current: LogicalLine | None = None
    while index < len(lines):
        raw = lines[index]
        number = first_number + index
        index += 1
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):  # also inside continuations, as Docker does
            continue
        lead = len(raw) - len(raw.lstrip())
        piece = raw[lead:]
        if current is None:
            current = LogicalLine()
        if _continues(piece, escape):
            body = piece.rstrip(" \t")[:-1]
            current.add(body, number, lead + 1)
            continue
        current.add(piece, number, lead + 1)
        current.finish()
        if heredocs:
            index = _collect_heredocs(current, lines, index, first_number, escape)
        result.append(current)
        current = None
    if current is not None and current.finish().text:
        result.append(current)
    return result


def _collect_heredocs(
    line: LogicalLine, lines: list[str], index: int, first_number: int, escape: str
) -> int:
    """Consume heredoc bodies that follow `line`; returns the next unread index."""
    if "<<" not in line.text or not _may_hold_heredoc(line.text):
        return index
    for match in _unquoted(_HEREDOC.finditer(line.text), line.text):
        word, dash = match["word"], bool(match["dash"])
        body_start = index
        while index < len(lines):
            text = lines[index].lstrip("\t") if dash else lines[index]
            if text.rstrip() == word:
                break
            index += 1
        body = join_lines(lines[body_start:index], first_number + body_start, escape, False)
        line.heredocs.extend(body)
        index = min(index + 1, len(lines))
    return index


def _may_hold_heredoc(text: str) -> bool:
    """Whether BuildKit looks for heredocs in this instruction (RUN/COPY/ADD, not JSON form)."""
    words = text.split(None, 2)
    if not words or words[0].upper() not in _HEREDOC_INSTRUCTIONS:
        return False
    rest = words[1:] if words[0].upper() != "ONBUILD" else words[2:]
    return not (rest and rest[0].startswith("["))


def _unquoted(matches: Iterator[re.Match[str]], text: str) -> Iterator[re.Match[str]]:
    """The matches that do not start inside a quoted string (``"<<EOF"`` is a word, not a
    heredoc: BuildKit lexes the line with its quotes kept)."""
    quote = ""
    position = 0
    for match in matches:
        for char in text[position : match.start()]:
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"":
                quote = char
        position = match.start()
        if not quote:
            yield match


#: Longest value (with its pattern) the shell's pattern forms are worked out for: versions,
#: tags and paths are short, and the glob matching costs up to the cube of the length (at 4 KiB,
#: 200 `${A/*b*c/}` on one line took 40 s; at 128, 2,000 take 0.5 s).
_TRIM_MAX = 128


def _trim(value: str, op: str, pattern: str) -> str:
    """The shell's ``${V#p}`` / ``${V##p}`` (shortest / longest prefix matching glob `p`
    removed), ``${V%p}`` / ``${V%%p}`` (suffix), ``${V/p/r}`` / ``${V//p/r}`` (first / every
    longest match of `p` replaced by `r`)."""
    if op in ("/", "//"):
        glob, _, replacement = pattern.partition("/")
        regex = _glob_regex(glob)
        if not glob:
            return value
        return regex.sub(replacement.replace("\\", "\\\\"), value, count=0 if op == "//" else 1)
    cuts = range(len(value) + 1)
    if op in ("##", "%%"):
        cuts = range(len(value), -1, -1)
    for cut in cuts:
        if op.startswith("#") and fnmatch.fnmatchcase(value[:cut], pattern):
            return value[cut:]
        if op.startswith("%") and fnmatch.fnmatchcase(value[len(value) - cut :], pattern):
            return value[: len(value) - cut]
    return value


def _glob_regex(glob: str) -> re.Pattern[str]:
    """A shell glob as a regex matching anywhere, as long as it can (``*+`` in ``1.12.1+cu113``
    matches ``1.12.1+``)."""
    return re.compile(fnmatch.translate(glob).removeprefix("(?s:").removesuffix(")\\Z"), re.S)


def substitute(text: str, variables: Mapping[str, str | None]) -> tuple[str, bool]:
    """Expand `$VAR`, `${VAR}`, `${VAR:-x}`, `${VAR:+x}` (and `-`/`+`), and the shell's pattern
    forms `${VAR#p}`, `${VAR%p}`, `${VAR/p/r}` (RUN lines run a shell: horovod's
    ``${PYTORCH_VERSION/*+/}``); True if any was unset."""
    unresolved = False

    def replace(match: re.Match[str]) -> str:
        nonlocal unresolved
        name = match["braced"] or match["plain"]
        value = variables.get(name)
        op, word = match["op"], match["word"] or ""
        inner_unset = False
        if "$" in word:  # one nested expansion: `${TF_VERSION:+==${TF_VERSION}}` (renkulab)
            word, inner_unset = substitute(word, variables)
        if op in {":-", "-"}:
            if value is None or (op == ":-" and value == ""):
                unresolved = unresolved or inner_unset
                return word
            return value
        if op in {":+", "+"}:
            if value is not None and (op == "+" or value != ""):
                unresolved = unresolved or inner_unset
                return word
            return ""
        unresolved = unresolved or inner_unset
        if value is None:
            unresolved = True
            return ""
        if op and len(value) + len(word) > _TRIM_MAX:
            unresolved = True  # a pattern over a huge value: not worth the time
            return ""
        return _trim(value, op, word) if op else value

    out: list[str] = []
    position = 0
    for match in _VAR.finditer(text):
        if match.start() > 0 and text[match.start() - 1] == "\\":
            out.append(text[position : match.start() - 1] + match[0])
        else:
            out.append(text[position : match.start()] + replace(match))
        position = match.end()
    out.append(text[position:])
    return "".join(out), unresolved
