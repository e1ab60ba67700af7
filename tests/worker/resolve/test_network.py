"""An unreachable index or channel is retried, then reported as incomplete, never as a conflict.

The uv texts below were recorded from uv 0.13.9 (`uv pip compile`) against a local server
answering 503, a closed port and an unresolvable `.invalid` host; the rattler texts from
rattler 0.28 `solve` against the same. Live tests use a local server (tests/.../servers.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rattler.exceptions import GatewayError, SolverError

from rules.findings import Finding, Severity
from tests.worker.resolve.conftest import config, snap
from tests.worker.resolve.servers import Flaky, free_port, loopback, serving, start
from tests.worker.resolve.wheels import Dist, write_simple
from worker.resolve import resolve_change, resolve_snapshot
from worker.resolve.indexes import IndexPolicy
from worker.resolve.network import Outcome, Retry, classify_conda, classify_uv, failed_url
from worker.resolve.pypi import RunOptions

UV_REFUSED = """error: Request failed after 3 retries in 10.8s
  cause: Failed to fetch: http://127.0.0.1:1/simple/six/
  cause: error sending request for url (http://127.0.0.1:1/simple/six/)
  cause: client error (Connect)
  cause: tcp connect error
  cause: Connection refused (os error 111)"""
UV_DNS = """error: Request failed after 3 retries in 12.0s
  cause: Failed to fetch: http://nohost.invalid/simple/six/
  cause: error sending request for url (http://nohost.invalid/simple/six/)
  cause: client error (Connect)
  cause: dns error
  cause: error resolving DNS
  cause: failed to lookup address information: Name or service not known"""
UV_503 = (
    "error: Request failed after 3 retries in 9.4s\n"
    "  cause: Failed to fetch: http://127.0.0.1:18503/simple/six/\n"
    "  cause: HTTP status server error (503 Service Unavailable) for url "
    "(http://127.0.0.1:18503/simple/six/)"
)
UV_CONFLICT = (
    "error: No solution found when resolving dependencies\n"
    "  cause: Because only six==1.16.0 is available and you require six<1, we can conclude "
    "that your requirements are unsatisfiable."
)
UV_PYTHON_TAG = (
    "error: No solution found when resolving dependencies\n"
    "  cause: Because cp38only==1.0.0 has no wheels with a matching Python ABI tag (e.g., "
    "`cp314`) and only cp38only==1.0.0 is available, we can conclude that all versions of "
    "cp38only cannot be used.\n"
    "         And because you require cp38only, we can conclude that your requirements are "
    "unsatisfiable.\n\n"
    "hint: You require CPython 3.14 (`cp314`), but we only found wheels for `cp38only` "
    "(v1.0.0) with the following Python ABI tag: `cp38`"
)
RATTLER_503 = (
    "HTTP status server error (503 Service Unavailable) for url "
    "(http://127.0.0.1:18503/chan/noarch/repodata_shards.msgpack.zst)"
)
RATTLER_REFUSED = """error sending request for url \
(http://127.0.0.1:1/chan/linux-64/repodata_shards.msgpack.zst)
Caused by: client error (Connect)
Caused by: tcp connect error
Caused by: Connection refused (os error 111)"""
RATTLER_NO_SUBDIR = (
    "could not find subdir 'noarch' in channel 'file:///nonexistent/chan/'\n"
    "Caused by: failed to open file `/nonexistent/chan/noarch/repodata.json`: "
    "No such file or directory (os error 2)"
)


@pytest.mark.parametrize(
    ("stderr", "outcome"),
    [
        (UV_REFUSED, Outcome.NETWORK),
        (UV_DNS, Outcome.NETWORK),
        (UV_503, Outcome.NETWORK),
        (UV_CONFLICT, Outcome.NO_SOLUTION),
        (UV_PYTHON_TAG, Outcome.NO_SOLUTION),
        ("error: Failed to parse `requirements.in`", Outcome.OTHER),
    ],
)
def test_classify_uv(stderr: str, outcome: Outcome) -> None:
    assert classify_uv(stderr) is outcome


@pytest.mark.parametrize(
    ("exc", "outcome"),
    [
        (GatewayError(RATTLER_503), Outcome.NETWORK),
        (GatewayError(RATTLER_REFUSED), Outcome.NETWORK),
        (GatewayError(RATTLER_NO_SUBDIR), Outcome.NETWORK),
        (
            SolverError("Cannot solve the request because of: pytorch ... __cuda"),
            Outcome.NO_SOLUTION,
        ),
    ],
)
def test_classify_conda(exc: Exception, outcome: Outcome) -> None:
    assert classify_conda(exc) is outcome


def test_failed_url_names_the_declared_index_without_credentials() -> None:
    declared = ["https://user:secret@127.0.0.1:18503/simple"]
    assert failed_url(UV_503.replace("http://", "https://"), declared) == (
        "https://127.0.0.1:18503/simple"
    )
    assert failed_url(UV_REFUSED) == "http://127.0.0.1:1/simple/six/"


@pytest.fixture(scope="module")
def index_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_simple(tmp_path_factory.mktemp("http-index"), [Dist("six", "1.16.0")])


class Sleeps:
    """A fake `sleep` that records the pauses and may act on the first one."""

    def __init__(self, on_first: Callable[[], object] | None = None) -> None:
        self.pauses: list[float] = []
        self.on_first = on_first

    def __call__(self, seconds: float) -> None:
        if not self.pauses and self.on_first is not None:
            self.on_first()
        self.pauses.append(seconds)


def _options(uv_cache: Path, sleeps: Sleeps, port: int, attempts: int = 3) -> RunOptions:
    policy = IndexPolicy(
        allowed_hosts=("127.0.0.1",), allow_file_urls=True, endpoint_allowed=loopback(port)
    )
    return RunOptions(
        policy=policy,
        cache_dir=uv_cache,
        timeout_s=60,
        retry=Retry(attempts=attempts, backoff_s=0.5, sleep=sleeps),
        uv_http_retries=0,
    )


def _no_errors(findings: list[Finding]) -> bool:
    return all(f.severity is not Severity.ERROR for f in findings)


def test_503_then_recovers(index_root: Path, uv_cache: Path) -> None:
    sleeps = Sleeps()
    with serving(index_root, failures=1) as server:
        files = {"requirements.txt": f"--index-url {server.url}/\nsix\n"}
        (resolution,), findings = resolve_snapshot(
            snap(files), config(), _options(uv_cache, sleeps, server.port)
        )
    assert resolution.ok and resolution.pins["six"] == "1.16.0"
    assert findings == []
    assert sleeps.pauses == [0.5]


def test_refused_then_recovers(index_root: Path, uv_cache: Path) -> None:
    port = free_port()
    started = []
    sleeps = Sleeps(lambda: started.append(start(index_root, Flaky(), port)))
    files = {"requirements.txt": f"--index-url http://127.0.0.1:{port}/\nsix\n"}
    try:
        (resolution,), findings = resolve_snapshot(
            snap(files), config(), _options(uv_cache, sleeps, port)
        )
    finally:
        for server in started:
            server.httpd.shutdown()
            server.httpd.server_close()
    assert resolution.ok and findings == []
    assert sleeps.pauses == [0.5]


def test_an_index_that_stays_down_is_a_notice_for_every_environment(
    index_root: Path, uv_cache: Path
) -> None:
    sleeps = Sleeps()
    with serving(index_root, failures=10**6) as server:
        files = {
            "requirements.txt": f"--index-url {server.url}/\nsix\n",
            "docs/requirements.txt": f"--index-url {server.url}/\nsix\n",
        }
        options = _options(uv_cache, sleeps, server.port)
        resolutions, findings = resolve_snapshot(snap(files), config(), options)
        requests = server.flaky.requests
    assert [r.ok for r in resolutions] == [False, False]
    assert _no_errors(findings)
    assert {f.rule for f in findings} == {"resolution-incomplete"}
    assert {f.file for f in findings} == {"requirements.txt", "docs/requirements.txt"}
    first = next(f for f in findings if f.file == "docs/requirements.txt")
    assert f"{server.url}/" in first.message and "after 3 tries" in first.message
    assert "503" in first.message
    # three tries with backoff for the first environment; the second does not wait again
    assert sleeps.pauses == [0.5, 1.0]
    assert requests == 3


def test_a_down_index_never_fails_a_change(index_root: Path, uv_cache: Path) -> None:
    port = free_port()
    base = snap({"requirements.txt": f"--index-url http://127.0.0.1:{port}/\nsix\n"})
    head = snap({"requirements.txt": f"--index-url http://127.0.0.1:{port}/\nsix>=1\n"})
    report = resolve_change(
        base,
        head,
        config(allowed_index_hosts=["127.0.0.1"]),
        cache_dir=uv_cache,
        timeout_s=60,
        endpoint_allowed=loopback(port),
    )
    assert report.findings and _no_errors(report.findings)
    assert {f.rule for f in report.findings} == {"resolution-incomplete"}


def _channel(root: Path) -> Path:
    record = {
        "name": "numpy",
        "version": "1.26.4",
        "build": "py_0",
        "build_number": 0,
        "depends": [],
        "subdir": "noarch",
    }
    for subdir, packages in (("linux-64", {}), ("noarch", {"numpy-1.26.4-py_0.conda": record})):
        (root / subdir).mkdir(parents=True)
        body = {"info": {"subdir": subdir}, "packages": {}, "packages.conda": packages}
        (root / subdir / "repodata.json").write_text(json.dumps(body))
    return root


ENV = "name: ml\nchannels:\n  - {url}\ndependencies:\n  - numpy\n"


def test_an_unreachable_channel_is_not_conda_cannot_solve(uv_cache: Path) -> None:
    sleeps = Sleeps()
    port = free_port()
    url = f"http://127.0.0.1:{port}/chan"
    (resolution,), findings = resolve_snapshot(
        snap({"environment.yml": ENV.format(url=url)}), config(), _options(uv_cache, sleeps, port)
    )
    assert not resolution.ok
    (finding,) = findings
    assert (finding.rule, finding.severity) == ("resolution-incomplete", Severity.NOTICE)
    assert "cannot solve" not in finding.message and url in finding.message
    # rattler reaches the channel through the egress proxy: a refused connection is its 502
    assert "502 Bad Gateway" in finding.message
    assert len(sleeps.pauses) == 2


def test_a_channel_that_recovers(tmp_path: Path, uv_cache: Path) -> None:
    sleeps = Sleeps()
    with serving(_channel(tmp_path / "chan"), failures=1) as server:
        env = ENV.format(url=server.url)
        (resolution,), findings = resolve_snapshot(
            snap({"environment.yml": env}), config(), _options(uv_cache, sleeps, server.port)
        )
    assert resolution.ok and resolution.pins == {"numpy": "1.26.4"}
    assert findings == [] and sleeps.pauses == [0.5]


def test_offline_without_a_cached_page_is_incomplete_and_not_retried(tmp_path: Path) -> None:
    sleeps = Sleeps()
    options = RunOptions(
        policy=IndexPolicy(allowed_hosts=("127.0.0.1",)),
        cache_dir=tmp_path / "empty-cache",
        timeout_s=60,
        offline=True,
        retry=Retry(attempts=3, backoff_s=0.5, sleep=sleeps),
    )
    files = {"requirements.txt": f"--index-url http://127.0.0.1:{free_port()}/\nsix\n"}
    (resolution,), findings = resolve_snapshot(snap(files), config(), options)
    assert not resolution.ok
    assert [(f.rule, f.severity) for f in findings] == [("resolution-incomplete", Severity.NOTICE)]
    assert sleeps.pauses == []
