"""The shell word splitter's command prefixes: assignments, wrappers, retry commands."""

from __future__ import annotations

import pytest

from rules.manifests._shellwords import split_commands, strip_prefix


@pytest.mark.parametrize(
    ("line", "first"),
    [
        # bethgelab/foolbox's workflow defines and uses its own retry function
        ("retry-with-backoff pip install -r tests/requirements.txt", "pip"),
        ("travis_retry pip install -r requirements.txt", "pip"),
        ("timeout 600 pip install torch", "pip"),
        ("travis_wait 30 pip install torch", "pip"),
        ("echo pip install torch", "echo"),  # not a wrapper: nothing is installed
        ("retry_count=3 pip install six", "pip"),
    ],
)
def test_wrappers_before_the_command_are_dropped(line: str, first: str) -> None:
    (words,) = split_commands(line)
    assert strip_prefix(words)[0].value == first
