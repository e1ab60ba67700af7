"""githubkit caches installation tokens process-wide; tests that mint one reset the cache."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from githubkit.cache import DEFAULT_CACHE_STRATEGY


@pytest.fixture(autouse=True)
def forget_tokens() -> Iterator[None]:
    """After the test, forget cached tokens so later tests mint (and can assert on) their own."""
    yield
    DEFAULT_CACHE_STRATEGY._cache = None
