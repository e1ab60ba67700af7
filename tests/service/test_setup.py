"""`GET /setup`: GitHub's App-manifest flow, with respx playing GitHub's conversion endpoint."""

from __future__ import annotations

import html
import json
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from fastapi.testclient import TestClient

from core.settings import Settings
from service.app import create_app
from service.setup.routes import MAX_AGE_S, make_state, state_problem
from tests.service.deliveries import SECRET
from tests.service.fakes import FakeDeliveryQueue

API = "https://ghe.example.test/api/v3"
CREATED = json.loads(
    (
        Path(__file__).parents[1] / "fixtures/github-api/apps/create-app-from-manifest.201.json"
    ).read_text(encoding="utf-8")
)


TOKEN = "operator-token-from-the-log"


def _client(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings, queue=FakeDeliveryQueue())
    with TestClient(app) as client:
        yield client


@pytest.fixture
def output(tmp_path: Path) -> Path:
    return tmp_path / "depreview-app.json"


@pytest.fixture
def client(output: Path) -> Iterator[TestClient]:
    settings = Settings(
        webhook_secret=SECRET,
        redis_url="redis://127.0.0.1:1/0",
        log_level="WARNING",
        github_api_url=API,
        setup_output_path=output,
        setup_token=TOKEN,
    )
    yield from _client(settings)


def _form(page: str) -> tuple[str, dict[str, Any]]:
    action = html.unescape(re.search(r"action='([^']+)'", page).group(1))  # type: ignore[union-attr]
    value = html.unescape(re.search(r"name='manifest' value='([^']+)'", page).group(1))  # type: ignore[union-attr]
    return action, json.loads(value)


def test_disabled_without_an_output_path() -> None:
    settings = Settings(webhook_secret=SECRET, redis_url="redis://127.0.0.1:1/0")
    for client in _client(settings):
        assert client.get("/setup").status_code == 404
        assert client.get("/setup/callback?code=x&state=y").status_code == 404


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("", "https://ghe.example.test/settings/apps/new?state="),
        (
            "?org=octo-org",
            "https://ghe.example.test/organizations/octo-org/settings/apps/new?state=",
        ),
    ],
)
def test_form_posts_the_manifest_with_a_state(client: TestClient, query: str, target: str) -> None:
    sep = "&" if query else "?"
    page = client.get(f"/setup{query}{sep}token={TOKEN}")
    assert page.status_code == 200
    action, manifest = _form(page.text)
    assert action.startswith(target)
    assert state_problem(action.split("state=", 1)[1]) == ""
    assert manifest["hook_attributes"]["url"] == "http://testserver/webhooks/github"
    assert manifest["redirect_url"] == "http://testserver/setup/callback"
    assert manifest["default_permissions"]["checks"] == "write"


def test_callback_writes_the_credentials_0600(client: TestClient, output: Path) -> None:
    state = make_state()
    with respx.mock(base_url=API) as github:
        convert = github.post("/app-manifests/abc123/conversions").mock(
            return_value=httpx.Response(201, json=CREATED)
        )
        page = client.get(f"/setup/callback?code=abc123&state={state}")
    assert page.status_code == 200, page.text
    assert convert.call_count == 1
    assert "authorization" not in convert.calls[0].request.headers
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    saved = json.loads(output.read_text(encoding="utf-8"))
    assert (saved["id"], saved["pem"], saved["webhook_secret"]) == (
        CREATED["id"],
        CREATED["pem"],
        CREATED["webhook_secret"],
    )
    assert CREATED["pem"] not in page.text and CREATED["webhook_secret"] not in page.text


def test_existing_credentials_are_never_overwritten(client: TestClient, output: Path) -> None:
    """Security finding 16: a second flow (anyone's) must not replace the operator's App."""
    output.write_text("DEPREVIEW_GITHUB_APP_ID=1\n")
    with respx.mock(base_url=API, assert_all_called=False) as github:
        convert = github.post("/app-manifests/c/conversions").mock(
            return_value=httpx.Response(201, json=CREATED)
        )
        page = client.get(f"/setup/callback?code=c&state={make_state()}")
    assert page.status_code == 409
    assert convert.call_count == 0
    assert output.read_text() == "DEPREVIEW_GITHUB_APP_ID=1\n"
    assert client.get(f"/setup?token={TOKEN}").status_code == 409


@pytest.mark.parametrize("query", ["", "?token=", "?token=wrong", f"?token={TOKEN}x"])
def test_setup_needs_the_operators_token(client: TestClient, query: str) -> None:
    """Security finding 16: an anonymous GET /setup gets no state."""
    page = client.get(f"/setup{query}")
    assert page.status_code == 403
    assert "state=" not in page.text


def test_a_token_is_generated_and_logged_when_none_is_set(
    output: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(
        webhook_secret=SECRET,
        redis_url="redis://127.0.0.1:1/0",
        github_api_url=API,
        setup_output_path=output,
    )
    with caplog.at_level("WARNING", logger="service.setup.routes"):
        for client in _client(settings):
            logged = [r.getMessage() for r in caplog.records if "setup?token=" in r.getMessage()]
            assert len(logged) == 1
            token = logged[0].split("token=", 1)[1].split()[0]
            assert len(token) >= 24
            assert client.get("/setup").status_code == 403
            assert client.get(f"/setup?token={token}").status_code == 200


@pytest.mark.parametrize(
    ("state", "says"),
    [
        ("", "missing"),
        ("123.abc.def", "not issued by this server"),
        (None, "more than an hour old"),
    ],
)
def test_bad_or_old_state_is_refused_without_calling_github(
    client: TestClient, output: Path, state: str | None, says: str
) -> None:
    import time

    if state is None:
        state = make_state(now=time.time() - MAX_AGE_S - 5)
    with respx.mock(base_url=API, assert_all_called=False) as github:
        convert = github.post(url__regex=r".*/conversions$")
        page = client.get("/setup/callback", params={"code": "abc", "state": state})
        assert not convert.called
    assert page.status_code == 400 and says in page.text
    assert not output.exists()


def test_dead_code_is_reported(client: TestClient, output: Path) -> None:
    with respx.mock(base_url=API) as github:
        github.post("/app-manifests/used/conversions").mock(
            return_value=httpx.Response(404, json={"message": "Not Found"})
        )
        page = client.get(f"/setup/callback?code=used&state={make_state()}")
    assert page.status_code == 400 and "start again" in page.text
    assert not output.exists()
