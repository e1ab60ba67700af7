"""Reuse the respx-served GitHub (App key, settings, token mint) of tests/worker/github."""

from tests.worker.github.conftest import gh_api, private_key_pem, settings
from tests.worker.tokens import forget_tokens

__all__ = ["forget_tokens", "gh_api", "private_key_pem", "settings"]
