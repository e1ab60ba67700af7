"""Reuse the respx-served GitHub (App key, settings, token mint) of tests/worker/github."""

from tests.worker.github.conftest import gh_api, private_key_pem, settings

__all__ = ["gh_api", "private_key_pem", "settings"]
