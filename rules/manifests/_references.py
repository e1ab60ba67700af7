"""Install targets that stand for more than one path: ``make:[…]``, ``script:[…]`` and
``config:[…]`` (pure).

Where a direct ``pip install -r x`` records the path ``x``, a workflow step or Dockerfile RUN
that runs ``make setup`` or ``bash ./x.sh`` records a reference: a prefix (``make:``,
``script:``) and a JSON list of its parts (`makefile.make_reference`,
`shell_scripts.script_reference`). `_make_links` later replaces each reference with the files
the target or script installs. A Dockerfile's pip/uv configuration file that may be any of
several paths is one too (``config:``, `dockerfile.config_reference`). This module writes and
reads that one format.
"""

from __future__ import annotations

import json
from collections.abc import Sequence


def encode(prefix: str, parts: Sequence[str | None]) -> str:
    """`prefix` followed by `parts` as a JSON list."""
    return prefix + json.dumps(list(parts))


def decode(prefix: str, text: str, size: int | None) -> tuple[str | None, ...] | None:
    """The `size` parts (each a string or None; any number for size None) of an
    `encode(prefix, …)` string; None for any other text (a plain path, another prefix, a list
    of another length or content)."""
    if not text.startswith(prefix + "["):
        return None
    try:
        value = json.loads(text[len(prefix) :])
    except ValueError:
        return None
    if (
        isinstance(value, list)
        and (size is None or len(value) == size)
        and all(part is None or isinstance(part, str) for part in value)
    ):
        return tuple(value)
    return None
