"""`FakeGitHub` served over HTTP on 127.0.0.1 (the network edge of end-to-end tests)."""

from __future__ import annotations

import asyncio
import base64
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from tests.fakes.github import FakeGitHub
from tests.redis_proc import free_port

TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a"


def _page_response(items: Any, has_next: bool, request: Request) -> JSONResponse:
    headers = {}
    if has_next:
        page = int(request.query_params.get("page", "1"))
        headers["link"] = f'<{request.url.include_query_params(page=page + 1)}>; rel="next"'
    return JSONResponse(list(items), headers=headers)


def make_app(gh: FakeGitHub) -> FastAPI:
    """The REST endpoints the worker calls, backed by `gh` (token auth is checked)."""
    app = FastAPI()
    repo = f"/repos/{gh.repo.owner}/{gh.repo.name}"

    @app.middleware("http")
    async def _auth(request: Request, call_next: Any) -> Response:
        auth = request.headers.get("authorization", "")
        minting = request.url.path.startswith("/app/")
        if (minting and not auth.startswith("Bearer ")) or (
            not minting and not auth.endswith(TOKEN)
        ):
            return JSONResponse({"message": "Bad credentials"}, status_code=401)
        response: Response = await call_next(request)
        return response

    @app.middleware("http")
    async def _faults(request: Request, call_next: Any) -> Response:
        fault = gh.take_fault(request.method, request.url.path)
        if fault is None:
            response: Response = await call_next(request)
            return response
        if fault.hold_s:
            deadline = time.monotonic() + fault.hold_s
            while not fault.release.is_set() and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            if not fault.status:
                served: Response = await call_next(request)
                return served
        if fault.applied:
            served = await call_next(request)
            async for _ in served.body_iterator:  # type: ignore[attr-defined]
                pass
        return JSONResponse(fault.body, status_code=fault.status, headers=fault.headers)

    @app.post("/app/installations/{installation_id}/access_tokens")
    def mint(installation_id: int) -> JSONResponse:
        gh.calls.append(("POST", f"/app/installations/{installation_id}/access_tokens", None))
        expires = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        return JSONResponse(
            {"token": TOKEN, "expires_at": expires, "permissions": {}}, status_code=201
        )

    @app.get(repo + "/pulls/{number}")
    def pull(number: int) -> Any:
        return gh.get_pull(number)

    @app.get(repo + "/pulls/{number}/files")
    def files(number: int, request: Request, page: int = 1, per_page: int = 30) -> JSONResponse:
        result = gh.list_pull_files(number, page, per_page)
        return _page_response(result.items, result.has_next, request)

    @app.get(repo + "/git/trees/{sha}")
    def tree(sha: str) -> Any:
        return gh.get_tree(sha)

    @app.get(repo + "/git/blobs/{sha}")
    def blob(sha: str) -> Any:
        content = base64.encodebytes(gh.get_blob(sha)).decode()
        return {"sha": sha, "content": content, "encoding": "base64"}

    @app.get(repo + "/commits/{ref}/check-runs")
    def check_runs(ref: str, check_name: str = "") -> Any:
        runs = gh.list_check_runs(ref, check_name, None)
        return {"total_count": len(runs), "check_runs": runs}

    @app.post(repo + "/check-runs")
    async def create_run(request: Request) -> JSONResponse:
        return JSONResponse(gh.create_check_run(await request.json()), status_code=201)

    @app.get(repo + "/check-runs/{run_id}")
    def get_run(run_id: int) -> Any:
        return gh.get_check_run(run_id)

    @app.patch(repo + "/check-runs/{run_id}")
    async def update_run(run_id: int, request: Request) -> Any:
        return gh.update_check_run(run_id, await request.json())

    @app.get(repo + "/git/commits/{sha}")
    def commit(sha: str) -> Any:
        return {"sha": sha, "message": gh.get_commit_message(sha)}

    @app.get(repo + "/issues/{number}/comments")
    def comments(number: int, request: Request, page: int = 1, per_page: int = 30) -> JSONResponse:
        result = gh.list_issue_comments(number, page, per_page)
        return _page_response(result.items, result.has_next, request)

    @app.post(repo + "/issues/{number}/comments")
    async def create_comment(number: int, request: Request) -> JSONResponse:
        body = (await request.json())["body"]
        return JSONResponse(gh.create_issue_comment(number, body), status_code=201)

    @app.patch(repo + "/issues/comments/{comment_id}")
    async def update_comment(comment_id: int, request: Request) -> Any:
        return gh.update_issue_comment(comment_id, (await request.json())["body"])

    return app


@contextmanager
def serve(gh: FakeGitHub) -> Iterator[str]:
    """Serve `gh` with uvicorn in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(make_app(gh), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the fake GitHub server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
