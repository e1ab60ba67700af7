"""The egress proxy in front of the resolvers: only allowed hosts on checked addresses.

The attacks are security review §1 (findings 1, 2, 14, 19): a logging server on 127.0.0.1
stands for an internal target and must receive no request, whatever a pull request writes
(backslash and `${VAR}` URL tricks, extra indexes, `[[tool.uv.index]]`, conda channels) and
whatever an allowed index serves (file links and redirects to other hosts). Nothing here
leaves 127.0.0.1.
"""

from __future__ import annotations

import http.server
import ipaddress
import os
import socket
import socketserver
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from core.settings import Settings
from rules.config import DEFAULT_ALLOWED_INDEX_HOSTS
from rules.findings import Finding, Severity
from rules.manifests.model import Index, IndexKind, Span
from tests.worker.resolve.conftest import config, snap
from tests.worker.resolve.servers import loopback
from worker.resolve import resolve_change, uv
from worker.resolve.conda import solve
from worker.resolve.egress import (
    NOT_ALLOWED,
    EgressPolicy,
    EgressProxy,
    IPAddress,
    public_address,
)
from worker.resolve.indexes import IndexPolicy, redact
from worker.resolve.model import ResolveTarget
from worker.resolve.pypi import RunOptions
from worker.resolve.uvproject import Project, lock
from worker.review.analysis import analyze

#: A built-in allowed host, read from the defaults (the backslash trick names one).
ALLOWED = DEFAULT_ALLOWED_INDEX_HOSTS[0]
LOCALHOST = ipaddress.ip_address("127.0.0.1")


# -- addresses and hosts ---------------------------------------------------------------------

# IANA special-purpose address registries (RFC 6890, RFC 6598 for 100.64/10, RFC 6052 for
# 64:ff9b::/96, RFC 3056 for 2002::/16, RFC 4291 for ::ffff:0:0/96)
ADDRESSES = [
    ("127.0.0.1", False),
    ("10.1.2.3", False),
    ("172.16.0.1", False),
    ("192.168.1.1", False),
    ("169.254.169.254", False),
    ("100.64.0.1", False),
    ("0.0.0.0", False),
    ("224.0.0.1", False),
    ("240.0.0.1", False),
    ("::1", False),
    ("::", False),
    ("fe80::1", False),
    ("fc00::1", False),
    ("ff02::1", False),
    ("::ffff:127.0.0.1", False),
    ("::ffff:169.254.169.254", False),
    ("64:ff9b::7f00:1", False),
    ("2002:7f00:1::1", False),
    ("::7f00:1", False),
    ("8.8.8.8", True),
    ("2606:4700:4700::1111", True),
    ("::ffff:8.8.8.8", True),
]


@pytest.mark.parametrize(("text", "public"), ADDRESSES)
def test_public_address(text: str, public: bool) -> None:
    assert public_address(ipaddress.ip_address(text)) is public


def _dns(table: dict[str, Sequence[str]]) -> Any:
    def resolve(host: str, port: int) -> list[IPAddress]:
        return [ipaddress.ip_address(a) for a in table.get(host, ())]

    return resolve


DNS = _dns(
    {
        "index.example": ["93.184.216.34"],
        "rebind.example": ["93.184.216.34", "127.0.0.1"],
        "internal.example": ["10.0.0.5"],
        "xn--bcher-kva.example": ["93.184.216.35"],
        "pypi.corp.example": ["93.184.216.36"],
        "mirror.internal": ["10.0.0.9"],
    }
)
POLICY = EgressPolicy.of(
    ["index.example", "rebind.example", "internal.example", "BÜCHER.example", "*.corp.example"],
    trusted=["mirror.internal"],
    resolver=DNS,
)

CHECKS = [
    ("index.example", 443, ["93.184.216.34"], None),
    ("INDEX.EXAMPLE.", 443, ["93.184.216.34"], None),
    ("bücher.example", 443, ["93.184.216.35"], None),
    ("pypi.corp.example", 443, ["93.184.216.36"], None),
    ("corp.example", 443, [], NOT_ALLOWED),
    ("sub.index.example", 443, [], NOT_ALLOWED),
    ("evil.example", 443, [], NOT_ALLOWED),
    ("127.0.0.1", 443, [], NOT_ALLOWED),
    ("index.example", 8080, [], "non-public"),
    ("rebind.example", 443, [], "non-public"),
    ("internal.example", 443, [], "non-public"),
    ("mirror.internal", 3141, ["10.0.0.9"], None),
    ("bad host", 443, [], "not a valid host"),
]


@pytest.mark.parametrize(("host", "port", "addresses", "reason"), CHECKS)
def test_policy_check(host: str, port: int, addresses: list[str], reason: str | None) -> None:
    got, why = POLICY.check(host, port)
    assert [str(a) for a in got] == addresses
    assert (why is None) if reason is None else (why is not None and reason in why)


URLS = [
    (f"https://{ALLOWED}/simple", True),
    (f"https://{ALLOWED.upper()}/simple", True),
    (f"https://sub.{ALLOWED}/simple", False),
    ("https://evil.example/simple", False),
    (f"http://127.0.0.1:18765\\@{ALLOWED}/simple", False),
    (f"http://127.0.0.1:18765${{HOME}}@{ALLOWED}/x.whl", False),
    (f"https://user:secret@{ALLOWED}/simple", False),
    (f"https://{ALLOWED}%2F@evil.example/simple", False),
    (f"https://{ALLOWED}/simple/${{PATH}}", False),
    (f"ftp://{ALLOWED}/simple", False),
    ("file:///srv/wheels", False),
]


@pytest.mark.parametrize(("url", "allowed"), URLS)
def test_index_policy_allows(url: str, allowed: bool) -> None:
    assert IndexPolicy().allows(url) is allowed


def test_redact_reads_the_authority_as_whatwg_does() -> None:
    assert redact("https://u:p@h.example/s") == "https://h.example/s"
    assert redact("https://u:p@h.example/s", placeholder="***@") == "https://***@h.example/s"
    assert redact("http://127.0.0.1:1\\@h.example/s") == "http://127.0.0.1:1\\@h.example/s"


# -- the proxy itself ------------------------------------------------------------------------


@dataclass
class Recorder:
    """A local HTTP server that records every request (line and Host) and answers 404, or
    a page from `pages`, or a redirect from `redirects`."""

    pages: dict[str, str] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    connections: int = 0
    port: int = 0


@contextmanager
def recording(recorder: Recorder) -> Iterator[Recorder]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def setup(self) -> None:
            recorder.connections += 1
            super().setup()

        def do_GET(self) -> None:
            recorder.requests.append(f"{self.command} {self.path}")
            path = self.path.split("?", 1)[0]
            body = recorder.pages.get(path.rstrip("/") + "/", "").encode()
            if path in recorder.redirects:
                self.send_response(302)
                self.send_header("Location", recorder.redirects[path])
                self.send_header("Content-Length", "0")
            elif body:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)

        do_HEAD = do_GET
        do_POST = do_GET

        def log_message(self, format: str, *args: Any) -> None:
            return

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    recorder.port = int(httpd.server_address[1])
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield recorder
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def echo_server() -> Iterator[int]:
    class Echo(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            while data := self.request.recv(4096):
                self.request.sendall(data)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Echo)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def _ask(proxy: EgressProxy, request: bytes) -> tuple[socket.socket, bytes]:
    sock = socket.create_connection(("127.0.0.1", int(proxy.url.rsplit(":", 1)[1])), timeout=10)
    sock.sendall(request)
    return sock, sock.recv(4096)


def test_connect_relays_to_an_allowed_endpoint() -> None:
    with echo_server() as port:
        policy = EgressPolicy.of(
            ["index.example"],
            endpoint_allowed=loopback(port),
            resolver=_dns({"index.example": ["127.0.0.1"]}),
        )
        with EgressProxy(policy) as proxy:
            sock, answer = _ask(proxy, f"CONNECT index.example:{port} HTTP/1.1\r\n\r\n".encode())
            with sock:
                assert answer.startswith(b"HTTP/1.1 200")
                sock.sendall(b"ping")
                assert sock.recv(4096) == b"ping"
            assert proxy.refusals == ()


REFUSED_TARGETS = [
    # (CONNECT target or absolute URI, host in the refusal)
    ("CONNECT 127.0.0.1:{port} HTTP/1.1", "127.0.0.1"),
    ("CONNECT localhost:{port} HTTP/1.1", "localhost"),
    ("CONNECT index.example:{other} HTTP/1.1", "index.example"),
    ("GET http://127.0.0.1:{port}/simple/numpy/ HTTP/1.1", "127.0.0.1"),
    ("GET http://rebind.example:{port}/x HTTP/1.1", "rebind.example"),
]


@pytest.mark.parametrize(("line", "host"), REFUSED_TARGETS)
def test_the_proxy_refuses_and_records(line: str, host: str) -> None:
    with recording(Recorder()) as target:
        policy = EgressPolicy.of(
            ["index.example", "rebind.example"],
            endpoint_allowed=loopback(target.port),
            resolver=_dns(
                {"index.example": ["127.0.0.1"], "rebind.example": ["127.0.0.1", "10.0.0.1"]}
            ),
        )
        with EgressProxy(policy) as proxy:
            request = line.format(port=target.port, other=target.port + 1)
            sock, answer = _ask(proxy, f"{request}\r\nHost: x\r\n\r\n".encode())
            sock.close()
            refusals = proxy.refusals
    assert answer.startswith(b"HTTP/1.1 403")
    assert [r.host for r in refusals] == [host]
    assert target.connections == 0


def test_plain_http_is_forwarded_to_the_checked_address() -> None:
    with recording(Recorder(pages={"/simple/": "<html>ok</html>"})) as target:
        policy = EgressPolicy.of(
            ["index.example"],
            endpoint_allowed=loopback(target.port),
            resolver=_dns({"index.example": ["127.0.0.1"]}),
        )
        with EgressProxy(policy) as proxy:
            request = (
                f"GET http://index.example:{target.port}/simple/ HTTP/1.1\r\n"
                f"Host: index.example:{target.port}\r\nProxy-Authorization: x\r\n\r\n"
            )
            sock, answer = _ask(proxy, request.encode())
            with sock:
                while b"ok</html>" not in answer:
                    answer += sock.recv(4096)
    assert answer.startswith(b"HTTP/1.0 200") or answer.startswith(b"HTTP/1.1 200")
    assert target.requests == ["GET /simple/"]


# -- uv through the proxy, URL checks bypassed -----------------------------------------------


def _index(url: str, kind: IndexKind = IndexKind.INDEX_URL) -> Index:
    return Index(url, kind, Span("requirements.txt", 1))


def _compile(indexes: Sequence[Index], policy: EgressPolicy, tmp: Path) -> uv.UvRun:
    return uv.pip_compile(
        ["numpy==1.26.4"],
        [],
        uv.UvSettings(cache_dir=tmp / "cache", timeout_s=60, http_retries=0, egress=policy),
        target=ResolveTarget("3.11.14"),
        indexes=indexes,
        index_strategy="first-index",
    )


def test_uv_reaches_no_host_off_the_list_even_when_told_to(tmp_path: Path) -> None:
    with recording(Recorder()) as target:
        indexes = [
            _index(f"http://127.0.0.1:{target.port}/simple/"),
            _index(f"http://127.0.0.1:{target.port}/extra/", IndexKind.EXTRA_INDEX_URL),
            _index(f"https://127.0.0.1:{target.port}/links/", IndexKind.FIND_LINKS),
        ]
        run = _compile(indexes, EgressPolicy.of([ALLOWED]), tmp_path)
    assert target.requests == [] and target.connections == 0
    assert {r.host for r in run.refused} == {"127.0.0.1"}


def _evil_index(target_url: str) -> Recorder:
    page = f'<a href="{target_url}/internal-admin/numpy-1.26.4-py3-none-any.whl">numpy</a>'
    return Recorder(pages={"/simple/numpy/": page})


def test_uv_fetches_no_file_link_off_the_list(tmp_path: Path) -> None:
    with recording(Recorder()) as files, recording(Recorder()) as idx:
        idx.pages.update(_evil_index(f"http://127.0.0.1:{files.port}").pages)
        policy = EgressPolicy.of(
            ["index.example"],
            endpoint_allowed=loopback(idx.port),
            resolver=_dns({"index.example": ["127.0.0.1"]}),
        )
        run = _compile([_index(f"http://index.example:{idx.port}/simple/")], policy, tmp_path)
    assert idx.requests == ["GET /simple/numpy/"]
    assert files.requests == [] and files.connections == 0
    assert [r.host for r in run.refused] == ["127.0.0.1"]


def test_uv_follows_no_redirect_off_the_list(tmp_path: Path) -> None:
    with recording(Recorder()) as files, recording(Recorder()) as idx:
        idx.redirects["/simple/numpy/"] = f"http://127.0.0.1:{files.port}/simple/numpy/"
        policy = EgressPolicy.of(
            ["index.example"],
            endpoint_allowed=loopback(idx.port),
            resolver=_dns({"index.example": ["127.0.0.1"]}),
        )
        run = _compile([_index(f"http://index.example:{idx.port}/simple/")], policy, tmp_path)
    assert idx.requests == ["GET /simple/numpy/"]
    assert files.requests == [] and files.connections == 0
    assert [r.host for r in run.refused] == ["127.0.0.1"]


def test_uv_gets_no_proxy_setting_of_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://10.0.0.1:3128")
    monkeypatch.setenv("NO_PROXY", "*")
    monkeypatch.setenv("DEPREVIEW_WEBHOOK_SECRET", "not-for-uv")
    with EgressProxy(EgressPolicy()) as proxy:
        env = uv.isolated_env("/nowhere", proxy=proxy)
    assert env["HTTPS_PROXY"] == env["HTTP_PROXY"] == env["ALL_PROXY"] == proxy.url
    assert env["NO_PROXY"] == env["no_proxy"] == ""
    assert not [k for k in env if k.startswith("DEPREVIEW_")]


# -- the PoCs through the App's path ---------------------------------------------------------

FAKE_SECRETS = {
    "DEPREVIEW_WEBHOOK_SECRET": "FAKE-WEBHOOK-SECRET-1234",
    "GITHUB_TOKEN": "ghs_FAKEINSTALLATIONTOKEN",
}

PYPROJECT = """\
[project]
name = "demo"
version = "0"
requires-python = ">=3.11"
dependencies = ["numpy==1.26.4"]

[[tool.uv.index]]
name = "corp"
url = "{url}"
default = true
"""

ENVIRONMENT = """\
name: x
channels:
  - {url}
dependencies:
  - python=3.11
  - numpy=1.26
"""


def _attacks(port: int) -> dict[str, dict[str, str]]:
    here = f"http://127.0.0.1:{port}"
    return {
        "backslash index-url": {
            "requirements.txt": f"--index-url {here}\\@{ALLOWED}/simple/\nnumpy==1.26.4\n"
        },
        "extra-index-url": {
            "requirements.txt": f"--extra-index-url {here}/simple/\nnumpy==1.26.4\n"
        },
        "find-links backslash": {
            "requirements.txt": f"--find-links {here}\\@{ALLOWED}/\nnumpy==1.26.4\n"
        },
        "env expansion": {
            "requirements.txt": f"numpy @ {here}${{HOME}}@{ALLOWED}/numpy-1.26.4-py3-none-any.whl\n"
        },
        "env leak": {
            "requirements.txt": (
                f"numpy @ {here}/leak/H=${{HOME}}/P=${{PATH}}/numpy-1.26.4-py3-none-any.whl\n"
            )
        },
        "uv index": {
            "pyproject.toml": PYPROJECT.format(url=f"{here}/simple"),
            "uv.lock": 'version = 1\nrequires-python = ">=3.11"\n',
        },
        "uv index backslash": {
            "pyproject.toml": PYPROJECT.format(url=f"{here}\\\\@{ALLOWED}/simple"),
            "uv.lock": 'version = 1\nrequires-python = ">=3.11"\n',
        },
        "conda channel backslash": {
            "environment.yml": ENVIRONMENT.format(url=f"{here}\\@conda.example/chan")
        },
        # A Dockerfile stage's index setting reaches the resolver since it reads ENV indexes.
        "dockerfile env backslash": {
            "Dockerfile": f"FROM python:3.11\nENV PIP_INDEX_URL={here}\\@{ALLOWED}/simple/\n"
            "RUN pip install numpy==1.26.4\n"
        },
        "head config widens the list": {
            ".github/depreview.yml": 'version: 1\nallowed_index_hosts: ["127.0.0.1"]\n',
            "requirements.txt": f"--index-url {here}/simple/\nnumpy==1.26.4\n",
        },
    }


def _text(finding: Finding) -> str:
    return " ".join([finding.message, finding.fix or "", *finding.evidence])


def _no_environment_text(findings: Sequence[Finding]) -> None:
    secrets = [os.environ["PATH"], *FAKE_SECRETS.values(), "depreview-uv-", "depreview-uvlock-"]
    for finding in findings:
        for secret in secrets:
            assert secret not in _text(finding), (finding.rule, secret)


@pytest.mark.parametrize("attack", list(_attacks(0)))
def test_the_poc_reaches_nothing_through_the_app_path(
    attack: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in FAKE_SECRETS.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("DEPREVIEW_RESOLVE_TIMEOUT_S", "30")
    with recording(Recorder()) as target:
        head = _attacks(target.port)[attack]
        review = analyze({"README.md": "x\n"}, head, resolve=True, settings=Settings())
    assert target.requests == [] and target.connections == 0
    new = [f for f in review.findings if f.new]
    resolver = [f for f in new if f.rule.startswith("resolution") or f.rule == "untrusted-index"]
    assert resolver, [f.rule for f in new]
    assert {f.rule for f in resolver} <= {"untrusted-index", "resolution-incomplete"}
    assert not [f for f in resolver if f.severity is Severity.ERROR]
    _no_environment_text(review.findings)


def test_an_allowed_index_cannot_send_the_resolver_to_another_host(tmp_path: Path) -> None:
    """§1.4: the allowed index's page links the wheel to a host off the list."""
    with recording(Recorder()) as files, recording(Recorder()) as idx:
        idx.pages.update(_evil_index(f"http://127.0.0.1:{files.port}").pages)
        head = snap(
            {
                "requirements.txt": f"--index-url http://index.example:{idx.port}/simple/\n"
                "numpy==1.26.4\n"
            }
        )
        report = resolve_change(
            snap({"README.md": "x\n"}),
            head,
            config(allowed_index_hosts=["index.example"]),
            cache_dir=tmp_path / "cache",
            timeout_s=60,
            endpoint_allowed=loopback(idx.port),
            resolver=_dns({"index.example": ["127.0.0.1"]}),
        )
    assert files.requests == [] and files.connections == 0
    assert idx.requests and all(r.startswith("GET /simple/numpy") for r in idx.requests)
    (finding,) = report.findings
    assert (finding.rule, finding.severity) == ("untrusted-index", Severity.WARNING)
    assert "127.0.0.1" in finding.message and NOT_ALLOWED in finding.message
    _no_environment_text(report.findings)


def test_uv_lock_reaches_no_uv_index_off_the_list(tmp_path: Path) -> None:
    with recording(Recorder()) as target:
        url = f"http://127.0.0.1:{target.port}/simple"
        project = Project(PYPROJECT.format(url=url) + "[tool.uv]\npackage = false\n", None, ())
        settings = uv.UvSettings(
            cache_dir=tmp_path / "cache",
            timeout_s=60,
            http_retries=0,
            egress=EgressPolicy.of([ALLOWED]),
        )
        run, locked = lock(project, settings, lock_text=None)
    assert target.requests == [] and target.connections == 0
    assert locked is None and [r.host for r in run.refused] == ["127.0.0.1"]


def test_rattler_reaches_no_channel_off_the_list(tmp_path: Path) -> None:
    with recording(Recorder()) as target:
        options = RunOptions(
            policy=IndexPolicy(allowed_hosts=(ALLOWED,)), cache_dir=tmp_path, timeout_s=30
        )
        solved = solve(
            ["numpy"], [f"http://127.0.0.1:{target.port}/chan"], ResolveTarget(), options
        )
    assert target.requests == [] and target.connections == 0
    assert solved.error is not None and [r.host for r in solved.refused] == ["127.0.0.1"]


def test_rattler_reads_an_allowed_channel_through_the_proxy(tmp_path: Path) -> None:
    with recording(Recorder()) as channel:
        options = RunOptions(
            policy=IndexPolicy(
                allowed_hosts=("channel.example",),
                endpoint_allowed=loopback(channel.port),
                resolver=_dns({"channel.example": ["127.0.0.1"]}),
            ),
            cache_dir=tmp_path,
            timeout_s=30,
        )
        url = f"http://channel.example:{channel.port}/chan"
        solved = solve(["numpy"], [url], ResolveTarget(), options)
    assert solved.refused == () and channel.requests
    assert all(r.split(" ")[1].startswith("/chan/") for r in channel.requests)


def test_an_operator_upstream_proxy_carries_allowed_requests_only() -> None:
    """A worker behind its own outbound proxy: allowed hosts are tunnelled through it (local
    DNS need not know them), refused hosts never reach it."""
    with echo_server() as port:
        inner_policy = EgressPolicy.of(
            ["index.example"],
            endpoint_allowed=loopback(port),
            resolver=_dns({"index.example": ["127.0.0.1"]}),
        )
        with EgressProxy(inner_policy) as inner:
            outer_policy = EgressPolicy.of(["index.example"], resolver=_dns({}), upstream=inner.url)
            with EgressProxy(outer_policy) as outer:
                request = f"CONNECT index.example:{port} HTTP/1.1\r\n\r\n"
                sock, answer = _ask(outer, request.encode())
                with sock:
                    assert answer.startswith(b"HTTP/1.1 200")
                    sock.sendall(b"ping")
                    assert sock.recv(4096) == b"ping"
                sock, answer = _ask(outer, f"CONNECT evil.example:{port} HTTP/1.1\r\n\r\n".encode())
                sock.close()
                assert answer.startswith(b"HTTP/1.1 403")
                assert [r.host for r in outer.refusals] == ["evil.example"]
            assert inner.refusals == ()
