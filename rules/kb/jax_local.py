"""The jax extras that require a local-version jaxlib, which only jax's find-links page serves.

jax 0.4.1–0.4.29's CUDA extras (``cuda11_pip``, ``cuda12_pip``, ``cuda12_local``,
``cuda11_cudnn86``, ``cuda``…) require ``jaxlib==<version>+cuda12.cudnn89``-style releases that
PyPI does not carry; pip finds them only with ``-f
https://storage.googleapis.com/jax-releases/jax_cuda_releases.html``. From 0.4.30 no extra
needs one (CUDA arrives as PyPI plugins). Data: rules/kb/data/jax_local_jaxlib.json, written
by scripts/jax_local_jaxlib_from_index.py from each release's METADATA (or its sdist's
requires.txt). Pure: reads the packaged data file.
"""

from __future__ import annotations

from dataclasses import dataclass

from packaging.utils import canonicalize_name
from packaging.version import Version

from rules.kb.datafile import data_json, provenance_of

DATA = "jax_local_jaxlib.json"
#: The page jax's local-version jaxlib wheels are published on (its install docs' ``-f``).
FIND_LINKS = "https://storage.googleapis.com/jax-releases/jax_cuda_releases.html"


@dataclass(frozen=True, slots=True)
class LocalJaxlib:
    """One extra of one jax release and the local-version jaxlib it requires."""

    jax: str
    extra: str
    requirement: str
    source: str


def provenance() -> str:
    """Where the data was read (the file's ``_provenance``)."""
    return provenance_of(DATA)


def local_jaxlib(version: Version, extras: frozenset[str] | tuple[str, ...]) -> LocalJaxlib | None:
    """The local-version jaxlib that jax `version` installed with `extras` requires (the first
    such extra), or None (no such extra, or a release the data has not read)."""
    row = data_json(DATA)["releases"].get(str(version))
    if row is None:
        return None
    table: dict[str, str] = row["extras"]
    for extra in sorted(str(canonicalize_name(e)) for e in extras):
        if extra in table:
            source = f"{row['file']} {row['read']}: jaxlib{table[extra][6:]}; extra == {extra!r}"
            return LocalJaxlib(str(version), extra, table[extra], source)
    return None
