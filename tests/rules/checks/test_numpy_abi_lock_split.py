"""numpy-abi over a poetry.lock that splits numpy by Python.

moj-analytical-services/splink@34ba01b42bf4a5b86c228340d1579f1b8e5bd4a4 (PR #2514) relocked
poetry.lock to two numpy entries (1.24.4, python-versions ">=3.8"; 2.1.3, ">=3.10") next to one
pandas 2.0.3; PR #2518: "poetry's resolver ends up giving us numpy == 2.1.3, pandas == 2.0.3.
Together this leads to ValueError: numpy.dtype size changed". The entries below are the lock's
own lines without their file hashes.
"""

from __future__ import annotations

import pytest

from rules.checks.numpy_abi import RULES
from rules.findings import Severity
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

PYPROJECT = """\
[tool.poetry]
name = "splink"
version = "4.0.5"

[tool.poetry.dependencies]
python = ">=3.8.0,<4.0.0"
pandas = ">1.3.5"
numpy = [
    {version=">=1.17.3", python = "<3.12"},
    {version=">=1.26.0", python = ">=3.12"},
]
"""


def _entry(name: str, version: str, python: str) -> str:
    return (
        f'[[package]]\nname = "{name}"\nversion = "{version}"\n'
        f'description = ""\noptional = false\npython-versions = "{python}"\nfiles = []\n\n'
    )


LOCK_HEAD = (
    _entry("numpy", "1.24.4", ">=3.8")
    + _entry("numpy", "2.1.3", ">=3.10")
    + _entry("pandas", "2.0.3", ">=3.8")
    + '[metadata]\nlock-version = "2.0"\npython-versions = ">=3.8.0,<4.0.0"\n'
    'content-hash = "x"\n'
)
#: The fix (14b131d8): pandas 2.2.3 for the Pythons numpy 2.1.3 is locked for.
LOCK_FIXED = LOCK_HEAD.replace(
    _entry("pandas", "2.0.3", ">=3.8"), _entry("pandas", "2.2.3", ">=3.9")
)
#: One numpy entry only: the lock does not split, its one version decides.
LOCK_ONE = _entry("numpy", "1.26.4", ">=3.9") + _entry("pandas", "2.0.3", ">=3.8")


@pytest.mark.parametrize(
    ("name", "lock", "expected"),
    [
        ("numpy 2.1.3 for >=3.10 next to pandas 2.0.3", LOCK_HEAD, [("poetry.lock", "3.10")]),
        ("the fix: pandas 2.2.3", LOCK_FIXED, []),
        ("one numpy 1.x entry", LOCK_ONE, []),
    ],
)
def test_split_lock(name: str, lock: str, expected: list[tuple[str, str]]) -> None:
    snapshot = build_snapshot({"pyproject.toml": PYPROJECT, "poetry.lock": lock})
    found = [f for f in run(RULES[0], snapshot) if f.severity == Severity.ERROR]
    assert [(f.file, ">=3.10" in f.message and "3.10") for f in found] == expected
    for item in found:
        assert "locks numpy 2.1.3 for Python >=3.10" in item.message
        assert item.line == lock.splitlines().index('version = "2.1.3"')
