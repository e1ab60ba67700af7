"""An sdist's own statement of its install requirements: setuptools' egg-info ``requires.txt``
(sections ``[extra]`` and ``[:marker]`` written back as Requires-Dist markers) and the
Requires-Python of its top-level PKG-INFO. For releases that ship no wheel (fairscale,
deepspeed, gym, jax before 0.4.16): the sdist is downloaded whole (up to `SDIST_MAX` bytes).
"""

from __future__ import annotations

import io
import tarfile
from collections.abc import Callable
from email.parser import HeaderParser
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement

#: The largest sdist downloaded whole (jax's are about 1.3 MB).
SDIST_MAX = 30_000_000


def requires_txt_lines(text: str, keep: Callable[[str], bool] = lambda name: True) -> list[str]:
    """setuptools' ``requires.txt`` as Requires-Dist lines (the projects `keep` names)."""
    out = []
    extra, marker = "", ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            extra, _, marker = line[1:-1].partition(":")
            continue
        try:
            if not keep(Requirement(line).name):
                continue
        except InvalidRequirement:
            continue
        parts = [f"({marker})"] if marker else []
        if extra:
            parts.append(f'extra == "{extra}"')
        out.append(f"{line}; {' and '.join(parts)}" if parts else line)
    return out


def sdist_requires(
    file: dict[str, Any], get: Callable[[str], bytes]
) -> tuple[str, str | None] | None:
    """(the top-level egg-info/requires.txt text, "" when the sdist has none but has an
    egg-info; the Requires-Python of its PKG-INFO), or None when the sdist has no egg-info (a
    build backend other than setuptools: its requirements are not stated in it)."""
    if int(file.get("size") or 0) > SDIST_MAX:
        raise RuntimeError(f"{file['filename']}: sdist too large to read")
    with tarfile.open(fileobj=io.BytesIO(get(file["url"])), mode="r:gz") as archive:
        names = archive.getnames()
        egg = sorted(n for n in names if n.endswith(".egg-info/PKG-INFO") and n.count("/") == 2)
        if not egg:
            return None
        folder = egg[0].rsplit("/", 1)[0]
        requires = ""
        if f"{folder}/requires.txt" in names:
            member = archive.extractfile(f"{folder}/requires.txt")
            assert member is not None
            requires = member.read().decode("utf-8", "replace")
        info = archive.extractfile(egg[0])
        assert info is not None
        headers = HeaderParser().parsestr(info.read().decode("utf-8", "replace"))
        return requires, headers.get("Requires-Python")
