"""Poetry version constraints (``^1.2``, ``~1.2``, ``1.2.*``, ``>=1,<2``) as PEP 440 specifiers."""

from __future__ import annotations

import re
from functools import lru_cache

from packaging.specifiers import InvalidSpecifier, Specifier, SpecifierSet
from packaging.version import InvalidVersion, Version

_OPERATOR_SPACE = re.compile(r"(~=|==|!=|<=|>=|<|>|=|\^|~)\s+")
_SPLIT = re.compile(r"\s*,\s*|\s+")


def _bounds(version: str, bump_index: int) -> str:
    """``>=version,<upper`` where upper bumps release component `bump_index`."""
    parsed = Version(version)
    given = len(version.split("+")[0].split("."))
    release = list(parsed.release[: max(given, 1)])
    while len(release) < given:
        release.append(0)
    bump_index = min(bump_index, len(release) - 1)
    upper = [*release[:bump_index], release[bump_index] + 1]
    upper += [0] * (len(release) - len(upper))
    return f">={version},<{'.'.join(str(part) for part in upper)}"


def _caret(version: str) -> str:
    release = Version(version).release
    given = min(len(version.split(".")), len(release))
    for index in range(given):
        if release[index] != 0:
            return _bounds(version, index)
    return _bounds(version, max(0, given - 1))


def _tilde(version: str) -> str:
    given = len(version.split("."))
    return _bounds(version, 0 if given == 1 else 1)


def _one(part: str) -> str:
    if part in ("*", ""):
        return ""
    if part.startswith("^"):
        return _caret(part[1:])
    if part.startswith("~") and not part.startswith("~="):
        return _tilde(part[1:])
    if part.startswith("=") and not part.startswith("=="):
        part = "=" + part
    if part[0].isdigit():
        if part.endswith("*"):
            stem = part.rstrip("*").rstrip(".")
            return f"=={stem}.*"
        return f"=={part}"
    Specifier(part)  # validates; raises InvalidSpecifier
    return part


@lru_cache(maxsize=8192)
def poetry_to_pep440(constraint: str) -> str | None:
    """The PEP 440 specifier for a Poetry constraint, or None when it has none (``||``, bad)."""
    text = constraint.strip()
    if "||" in text or "|" in text:
        return None
    text = _OPERATOR_SPACE.sub(lambda m: m.group(1), text)
    parts = [part for part in _SPLIT.split(text) if part]
    try:
        specs = [spec for spec in (_one(part) for part in parts) if spec]
        if not specs:
            return ""
        return str(SpecifierSet(",".join(specs)))
    except (InvalidSpecifier, InvalidVersion, ValueError, IndexError):
        return None
