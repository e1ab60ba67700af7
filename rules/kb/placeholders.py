"""PyPI projects whose releases refuse to install: names ML requirement files use by mistake.

``pytorch`` is a placeholder (its two releases raise "The package named for PyTorch is torch"),
``skimage`` is one too (its only release exits with "Please install the scikit-image package"),
``sklearn`` is deprecated (every release after 0.0 raises since 2023-12-01) and
``tensorflow-gpu`` 2.12.0 is a placeholder sdist ("tensorflow-gpu has been removed"; up to
2.11.0 real wheels). Data: rules/kb/data/pypi_placeholders.json, each project's release list as
read from the package index, with the setup.py behaviour of its refusing releases. Pure: reads
the packaged data file, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.kb.datafile import data_json, provenance_of

DATA = "pypi_placeholders.json"


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One PyPI project that refuses to install (some or all of its releases).

    `use` is the real project; `same_versions` whether its version numbers carry over
    (``pytorch==2.0.1`` means ``torch==2.0.1``); `refusing`, `installing` and `shims` (they
    install, but only pull in `use`: ``sklearn==0.0``) the releases the project had when read.
    """

    name: str
    use: str
    same_versions: bool
    reason: str
    sources: tuple[str, ...]
    refusing: tuple[Version, ...]
    installing: tuple[Version, ...]
    shims: tuple[Version, ...] = ()

    @property
    def releases(self) -> tuple[Version, ...]:
        """Every release, oldest first."""
        return tuple(sorted((*self.refusing, *self.installing, *self.shims)))


def provenance() -> str:
    """Where the data was read (the file's ``_provenance``)."""
    return provenance_of(DATA)


def _versions(releases: dict[str, str], state: str) -> tuple[Version, ...]:
    out = []
    for text, value in releases.items():
        if value != state:
            continue
        try:
            out.append(Version(text))
        except InvalidVersion:
            continue
    return tuple(sorted(out))


@cache
def placeholder(name: str) -> Placeholder | None:
    """The refusing-project record of PyPI project `name`, or None when it is not one."""
    key = str(canonicalize_name(name))
    row = data_json(DATA)["projects"].get(key)
    if row is None:
        return None
    releases: dict[str, str] = row["releases"]
    return Placeholder(
        name=key,
        use=str(row["use"]),
        same_versions=bool(row["same_versions"]),
        reason=str(row["reason"]),
        sources=tuple(str(s) for s in row["sources"]),
        refusing=_versions(releases, "refuses"),
        installing=_versions(releases, "installs"),
        shims=_versions(releases, "shim"),
    )


def names() -> tuple[str, ...]:
    """Every project the data records."""
    return tuple(sorted(data_json(DATA)["projects"]))
