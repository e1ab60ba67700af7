"""A small POSIX-shell word splitter that keeps each word's offset, for RUN instructions."""

from __future__ import annotations

from dataclasses import dataclass

_SEPARATORS = ("&&", "||", ";", "|", "&", "(", ")", "\n")
_WRAPPERS = {"sudo", "env", "time", "command", "exec", "nohup", "then", "do", "else", "{"}


@dataclass(frozen=True, slots=True)
class Word:
    """A shell word: its unquoted value, its offset in the line and whether it was quoted."""

    value: str
    start: int
    single_quoted: bool = False


def _is_redirect(text: str, index: int) -> int:
    """Length of a redirection operator (`>`, `2>&`, `<<`, `&>`) at `index`, or 0."""
    end = index
    while end < len(text) and text[end].isdigit():
        end += 1
    if end < len(text) and text[end] in "<>":
        end += 1
        while end < len(text) and text[end] in "<>&|":
            end += 1
        return end - index
    return 0


def split_commands(text: str) -> list[list[Word]]:
    """Split `text` into simple commands (on `&&`, `||`, `;`, `|`, `&`) of located words.

    Redirections and their targets are dropped, `#` comments end the line; `$(...)` and
    backticks are not interpreted (their words stay in the command that holds them).
    """
    return [words for words, _ in split_chain(text)]


def split_chain(text: str) -> list[tuple[list[Word], str]]:
    """`split_commands`, each command with the separator that follows it (`&&`, `||`, `;`,
    `|`, `&`, a newline, or "" at the end)."""
    commands: list[list[Word]] = [[]]
    separators: list[str] = [""]
    index, length = 0, len(text)
    skip_next = False
    while index < length:
        char = text[index]
        if char in " \t\r":
            index += 1
            continue
        separator = next((s for s in _SEPARATORS if text.startswith(s, index)), None)
        if separator is not None:
            if commands[-1]:
                separators[-1] = separator
                commands.append([])
                separators.append("")
            index += len(separator)
            continue
        if char == "#":
            newline = text.find("\n", index)
            index = length if newline < 0 else newline
            continue
        redirect = _is_redirect(text, index)
        if redirect:
            index += redirect
            skip_next = True
            continue
        word, index = _read_word(text, index)
        if skip_next:
            skip_next = False
            continue
        commands[-1].append(word)
    return [(c, sep) for c, sep in zip(commands, separators, strict=True) if c]


def _read_word(text: str, index: int) -> tuple[Word, int]:
    start = index
    out: list[str] = []
    single = False
    length = len(text)
    while index < length:
        char = text[index]
        if char in " \t\r\n;&|()<>":
            break
        if char == "'":
            end = text.find("'", index + 1)
            end = length if end < 0 else end
            out.append(text[index + 1 : end])
            single = single or index == start
            index = end + 1
        elif char == '"':
            index += 1
            while index < length and text[index] != '"':
                if text[index] == "\\" and index + 1 < length and text[index + 1] in '"\\$`':
                    index += 1
                out.append(text[index])
                index += 1
            index += 1
        elif char == "\\" and index + 1 < length:
            out.append(text[index + 1])
            index += 2
        else:
            out.append(char)
            index += 1
    return Word("".join(out), start, single), index


#: Wrappers that take a count or duration first (``timeout 600 pip ...``, ``travis_wait 30``).
_COUNTED = {"timeout", "travis_wait"}


def _retry_wrapper(value: str) -> bool:
    """A command that reruns the rest of its line: ``travis_retry``, ``retry``, a script's own
    ``retry-with-backoff`` function (bethgelab/foolbox's workflow: ``retry-with-backoff pip
    install -r tests/requirements.txt``)."""
    return "retry" in value.lower() and value.replace("-", "_").replace(".", "_").isidentifier()


def strip_prefix(words: list[Word]) -> list[Word]:
    """Drop leading `VAR=value` assignments and wrappers such as `sudo`, `env` and retry
    commands."""
    index = 0
    while index < len(words):
        value = words[index].value
        if value in _WRAPPERS or ("=" in value and value.split("=", 1)[0].isidentifier()):
            index += 1
            continue
        if _retry_wrapper(value):
            index += 1
            continue
        if value in _COUNTED:
            index += 1
            if index < len(words) and words[index].value[:1].isdigit():
                index += 1
            continue
        if value.startswith("-") and index > 0 and words[index - 1].value in {"sudo", "env"}:
            index += 1
            continue
        break
    return words[index:]
