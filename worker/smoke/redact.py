"""What a GPU runner posts back says nothing about the runner or the operator's mirror.

A smoke result carries uv's and the probe's output: uv names the index it read (the
operator's mirror, `DEPREVIEW_RESOLVE_INDEX_URL`, possibly with credentials) and the paths it
worked in (the runner's work and cache directories, its Python, a base environment's
location), and a traceback names the same paths. All of it ends up in the PR comment and
the check run. Before a result is classified and rendered, `Redactor.result` replaces every
index URL (any URL on an index's host) with `<index>`, drops user names and passwords from
any other URL, and replaces the runner's paths with placeholders (security review
finding 19).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from worker.smoke.runner import SmokeResult, StepResult

INDEX = "<index>"
#: uv's options whose value is an index, a find-links location or a URL.
_INDEX_OPTIONS = frozenset(
    {"--index-url", "-i", "--extra-index-url", "--default-index", "--index", "--find-links", "-f"}
)
#: A URL as it appears in tool output: a scheme, `//`, then anything up to a space or quote.
_URL = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s\"'<>`|\\]+")
_MIN_PATH = 4  # never replace "/", "/tmp" and the like: too short to be the runner's own


def _option_values(options: Sequence[str]) -> list[str]:
    """The values of uv's index options, in either `--opt value` or `--opt=value` form."""
    values: list[str] = []
    for i, arg in enumerate(options):
        name, eq, value = arg.partition("=")
        if name in _INDEX_OPTIONS:
            if eq:
                values.append(value)
            elif i + 1 < len(options):
                values.append(options[i + 1])
    return values


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


@dataclass(frozen=True)
class Redactor:
    """Replaces index URLs, URL credentials and the runner's paths in text."""

    index_hosts: frozenset[str] = frozenset()
    #: (literal text, placeholder), longest first.
    literals: tuple[tuple[str, str], ...] = ()

    @classmethod
    def for_job(
        cls,
        index_options: Sequence[str],
        paths: Mapping[str, Path | str | None],
        *,
        environ: Mapping[str, str] | None = None,
    ) -> Redactor:
        """A redactor for one job: its index options, and `paths` (placeholder → path),
        plus the worker's Python, home and temporary directory."""
        environ = os.environ if environ is None else environ
        values = _option_values(index_options)
        hosts = {h for h in map(_host, values) if h}
        literals: dict[str, str] = {v: INDEX for v in values if "://" in v}
        literals |= {v: "<find-links>" for v in values if "://" not in v and len(v) >= _MIN_PATH}
        defaults: dict[str, Path | str | None] = {
            "<python>": sys.prefix,
            "<python-base>": sys.base_prefix,
            "<home>": environ.get("HOME"),
            "<tmp>": environ.get("TMPDIR"),
        }
        for placeholder, path in {**defaults, **paths}.items():
            for form in _path_forms(path):
                literals.setdefault(form, placeholder)
        ordered = sorted(literals.items(), key=lambda kv: (-len(kv[0]), kv[0]))
        return cls(frozenset(hosts), tuple(ordered))

    def text(self, text: str) -> str:
        """`text` with index URLs, URL credentials and the runner's paths replaced."""
        for literal, placeholder in self.literals:
            if placeholder == INDEX:
                text = text.replace(literal, placeholder)
        text = _URL.sub(self._url, text)
        for literal, placeholder in self.literals:
            if placeholder != INDEX:
                text = text.replace(literal, placeholder)
        return text

    def _url(self, match: re.Match[str]) -> str:
        url = match.group(0)
        host = _host(url)
        if host is not None and host in self.index_hosts:
            return INDEX
        scheme, sep, rest = url.partition("://")
        authority, slash, path = rest.partition("/")
        if "@" in authority:
            authority = authority.rsplit("@", 1)[1]
        return scheme + sep + authority + slash + path

    def value(self, value: Any) -> Any:
        """Every string inside a JSON-like value, redacted (keys included)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.value(k): self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(self.value(v) for v in value)
        return value

    def result(self, result: SmokeResult, *, base_name: str | None = None) -> SmokeResult:
        """The result as it may be posted: message, step output and probe report redacted;
        a base environment named by its configured name, never its path."""
        base = result.base_environment
        if base is not None:
            base = base_name or "base environment"
        return replace(
            result,
            message=self.text(result.message),
            probe=self.value(result.probe) if result.probe is not None else None,
            steps=tuple(self._step(s) for s in result.steps),
            base_environment=base,
        )

    def _step(self, step: StepResult) -> StepResult:
        return replace(
            step,
            argv=tuple(self.text(a) for a in step.argv),
            stdout=self.text(step.stdout),
            stderr=self.text(step.stderr),
        )


def _path_forms(path: Path | str | None) -> Iterable[str]:
    """The spellings of an absolute path a tool may print: as given and resolved."""
    if not path or not Path(path).is_absolute():
        return []  # a bare name (`python3.11`) is no path of the runner's
    forms = {str(path)}
    with contextlib.suppress(OSError):
        forms.add(str(Path(path).resolve()))
    return [f.rstrip("/") for f in forms if len(f.rstrip("/")) >= _MIN_PATH]
