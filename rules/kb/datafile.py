"""A packaged KB data file (``rules/kb/data/<name>``) read once per process, and its provenance."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def data_text(name: str) -> str:
    """The text of ``rules/kb/data/<name>``."""
    return resources.files("rules.kb").joinpath("data", name).read_text(encoding="utf-8")


@cache
def data_json(name: str) -> dict[str, Any]:
    """The JSON object of ``rules/kb/data/<name>``."""
    data: dict[str, Any] = json.loads(data_text(name))
    return data


def provenance_of(name: str) -> str:
    """Where the file's facts were read (its ``_provenance``)."""
    return str(data_json(name).get("_provenance", ""))
