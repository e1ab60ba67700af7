"""A local HTTP server over a generated index or channel that can be down, then recover."""

from __future__ import annotations

import contextlib
import functools
import http.server
import ipaddress
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from worker.resolve.egress import EndpointCheck, IPAddress


@dataclass
class Flaky:
    """How the server misbehaves: answer 503 to the next `failures` requests."""

    failures: int = 0
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_now(self) -> bool:
        """Count a request; True while it should fail."""
        with self.lock:
            self.requests += 1
            if self.failures > 0:
                self.failures -= 1
                return True
            return False


class _Handler(http.server.SimpleHTTPRequestHandler):
    flaky: Flaky

    def do_GET(self) -> None:
        if self.flaky.fail_now():
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        return


def free_port() -> int:
    """A port nothing listens on (connections to it are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A running server: its base URL and its failure switch."""

    url: str
    flaky: Flaky
    httpd: http.server.ThreadingHTTPServer

    @property
    def port(self) -> int:
        """The port it listens on."""
        return int(self.httpd.server_address[1])


def loopback(*ports: int) -> EndpointCheck:
    """The egress proxy's test-only endpoint check: 127.0.0.1 on exactly these ports (the
    production check refuses every loopback address)."""

    def allowed(address: IPAddress, port: int) -> bool:
        return address == ipaddress.ip_address("127.0.0.1") and port in ports

    return allowed


def start(root: Path, flaky: Flaky, port: int = 0) -> Server:
    """Serve `root` on 127.0.0.1 (`port`, or any free one) in a daemon thread."""
    handler = type("Handler", (_Handler,), {"flaky": flaky})
    bound = functools.partial(handler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), bound)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Server(f"http://127.0.0.1:{httpd.server_address[1]}", flaky, httpd)


@contextmanager
def serving(root: Path, failures: int = 0) -> Iterator[Server]:
    """A server over `root` that answers 503 to its first `failures` requests."""
    server = start(root, Flaky(failures))
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
