"""Poetry's lock content hash (poetry `Locker._get_content_hash`), reproduced exactly."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

from packaging.version import InvalidVersion, Version

_LEGACY_KEYS = ("dependencies", "source", "extras", "dev-dependencies")
_RELEVANT_KEYS = (*_LEGACY_KEYS, "group")
_PROJECT_KEYS = ("requires-python", "dependencies", "optional-dependencies")
_GENERATOR = re.compile(r"Poetry ([^ ]+)")


def content_hash(pyproject: Mapping[str, Any], *, with_dependency_groups: bool = True) -> str:
    """The `content-hash` Poetry writes into poetry.lock for this pyproject data."""
    project = pyproject.get("project", {})
    groups = pyproject.get("dependency-groups", {}) if with_dependency_groups else {}
    poetry = pyproject.get("tool", {}).get("poetry", {})
    relevant_project = {key: project[key] for key in _PROJECT_KEYS if project.get(key) is not None}
    relevant_poetry: dict[str, Any] = {}
    for key in _RELEVANT_KEYS:
        data = poetry.get(key)
        if data is None and (key not in _LEGACY_KEYS or relevant_project or groups):
            continue
        relevant_poetry[key] = data
    relevant: dict[str, Any] = {}
    if relevant_project:
        relevant["project"] = relevant_project
    if groups:
        relevant["dependency-groups"] = groups
    if relevant:
        relevant["tool"] = {"poetry": relevant_poetry}
    else:
        relevant = relevant_poetry
    return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()


def is_fresh(pyproject: Mapping[str, Any], lock_hash: str, lock_first_line: str = "") -> bool:
    """Poetry's `Locker.is_fresh`: locks written before Poetry 2.3 hashed no dependency groups."""
    if content_hash(pyproject) == lock_hash:
        return True
    match = _GENERATOR.search(lock_first_line)
    if match:
        try:
            old = Version(match.group(1)) < Version("2.3.0")
        except InvalidVersion:
            old = False
        if old:
            return content_hash(pyproject, with_dependency_groups=False) == lock_hash
    return False
