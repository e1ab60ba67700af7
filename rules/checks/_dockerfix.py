"""Fixes for requirements installed by a Dockerfile, written as the RUN line to change."""

from __future__ import annotations

import re
import shlex

from rules.manifests.model import FileKind
from rules.manifests.registry import kind_for

#: A requirements-file line a fix may hold: a PEP 508 name with an optional specifier.
_REQUIREMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[A-Za-z0-9._,-]+\])?\s*(?:[=<>!~].*)?$")
#: An index option line of a requirements-file fix.
_INDEX = re.compile(r"^(--index-url|--extra-index-url|-i|--find-links|-f)[\s=]+(\S+)$")
#: Characters that make a word need quoting in a shell RUN line.
_SHELL_SPECIAL = re.compile(r"[<>|&;()*?\[\]\s!$`'\"]")


def in_dockerfile(path: str | None) -> bool:
    """Whether `path` is a Dockerfile (where requirements are pip commands, not file lines)."""
    return path is not None and kind_for(path) == FileKind.DOCKERFILE


def _word(text: str) -> str:
    text = re.sub(r"\s+", "", text)
    return shlex.quote(text) if _SHELL_SPECIAL.search(text) else text


def dockerfile_fix(fix: str) -> str:
    """A requirements-syntax fix (`torch==2.1.0+cu121` / `--extra-index-url URL` lines, `#`
    comments) as ``RUN pip install … --extra-index-url URL``; any other text is returned as is.
    """
    requirements: list[str] = []
    options: list[str] = []
    comments: list[str] = []
    for line in fix.splitlines():
        text, _, comment = line.partition(" #") if " #" in line else line.partition("#")
        text = text.strip()
        if comment.strip():
            comments.append(f"# {comment.strip()}")
        if not text:
            continue
        index = _INDEX.match(text)
        if index is not None:
            options.append(f"{index.group(1)} {index.group(2)}")
        elif _REQUIREMENT.match(text):
            requirements.append(_word(text))
        else:
            return fix
    if not requirements:
        return fix
    run = " ".join(["RUN pip install", *requirements, *options])
    return "\n".join([run, *comments])
