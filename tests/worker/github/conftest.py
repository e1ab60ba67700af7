"""A throwaway App key and settings pointing githubkit at a respx-served GitHub."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from core.settings import Settings

FIXTURES = Path(__file__).parents[2] / "fixtures" / "github-api"
API = "https://ghe.example.test/api/v3"
REPO = f"{API}/repos/octocat/Hello-World"


def fixture(name: str) -> Any:
    """One JSON body from tests/fixtures/github-api."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def private_key_pem() -> str:
    """A fresh RSA key for the App JWT (never a real one)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


@pytest.fixture
def settings(private_key_pem: str) -> Settings:
    """Settings for App 1 against a GitHub Enterprise-style base URL."""
    return Settings(
        github_app_id=1,
        github_private_key=private_key_pem,
        webhook_secret="a-real-looking-test-secret-0123456789",
        github_api_url=API,
        github_timeout_s=5.0,
    )


@pytest.fixture
def gh_api() -> Iterator[respx.MockRouter]:
    """respx serving the token mint; tests add the routes they need."""
    with respx.mock(base_url=API, assert_all_called=False) as router:
        token = fixture("apps/create-installation-access-token.201.json")
        token["expires_at"] = (datetime.now(UTC) + timedelta(hours=1)).strftime(
            "%Y-%m-%dT%H:%M:%SZ"
        )
        router.post("/app/installations/1/access_tokens", name="mint").mock(
            return_value=httpx.Response(201, json=token)
        )
        yield router
