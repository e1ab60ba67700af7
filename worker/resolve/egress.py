"""The resolvers' only way out: a forward proxy that enforces the host allow-list per request.

uv and rattler fetch index pages, the file links those pages serve (which can name any host)
and whatever the servers redirect to. Checking the URLs written in a pull request cannot see
most of that, so every resolver run goes through an `EgressProxy` on 127.0.0.1: HTTP CONNECT
for https, absolute-URI requests for http. A connection is made only when its host is on the
allow-list (exact, lowercase, IDNA; `*.example.com` entries match subdomains) and every address
the host resolves to passes the endpoint check (public addresses on ports 80 and 443 by
default); the proxy connects to an address it checked, so a second DNS answer cannot move the
connection elsewhere. Anything else gets a 403 and is recorded (host only) for the review.
An allowed host that cannot be reached (its name does not resolve, the connection fails) gets
a 502 and is not recorded: the resolver reports it as down (`network.py`), not as refused.

Hosts the operator configured (the mirror in `DEPREVIEW_RESOLVE_INDEX_URL`) are `trusted`:
they skip the endpoint check, since a private mirror is a normal deployment.
"""

from __future__ import annotations

import base64
import contextlib
import ipaddress
import logging
import re
import selectors
import socket
import socketserver
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from types import TracebackType
from urllib.parse import unquote, urlsplit

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
#: May the proxy connect to this address and port?
EndpointCheck = Callable[[IPAddress, int], bool]
#: host, port → the addresses to connect to (the system resolver in production).
Resolver = Callable[[str, int], Sequence[IPAddress]]

#: Ports a repository-configured host may be reached on.
WEB_PORTS = frozenset({80, 443})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
#: Why a host off the allow-list is refused.
NOT_ALLOWED = "not on the allowed index hosts"
#: Why an allowed host cannot be reached: its name does not resolve (a network failure, not
#: a refusal: the resolver sees a 502, retries, and the review says resolution was incomplete).
UNRESOLVED = "does not resolve"
_MAX_HEAD = 64 * 1024
_IO_TIMEOUT_S = 60.0
_HOST_CHARS = re.compile(r"^[a-z0-9.-]{1,253}$|^[0-9a-f:.]{2,45}$")


def _embedded(address: IPAddress) -> list[IPAddress]:
    """IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64, compatible)."""
    if not isinstance(address, ipaddress.IPv6Address):
        return []
    found: list[IPAddress] = []
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    if address in _NAT64 or address in _IPV4_COMPATIBLE:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


def public_address(address: IPAddress) -> bool:
    """True for a global unicast address (no loopback, private, link-local, CGNAT, multicast,
    unspecified or reserved address, nor an IPv6 address embedding one)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return public_address(address.ipv4_mapped)
    if not address.is_global or address.is_multicast or address.is_reserved:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address in _IPV4_COMPATIBLE:
        return False
    return all(public_address(inner) for inner in _embedded(address))


def public_web_endpoint(address: IPAddress, port: int) -> bool:
    """The production endpoint check: a public address on port 80 or 443."""
    return port in WEB_PORTS and public_address(address)


def system_resolver(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for `host` (empty when it fails)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    found: list[IPAddress] = []
    for info in infos:
        with contextlib.suppress(ValueError):
            address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
            if address not in found:
                found.append(address)
    return found


def normalize_host(host: str) -> str | None:
    """`host` lowercased, IDNA-encoded, without brackets or a trailing dot; None when invalid."""
    host = host.strip().lower().removeprefix("[").removesuffix("]").rstrip(".")
    if not host:
        return None
    with contextlib.suppress(ValueError):
        return str(ipaddress.ip_address(host))
    try:
        encoded = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return encoded if _HOST_CHARS.match(encoded) else None


def url_host(url: str) -> str | None:
    """The normalized host of a URL (None when it has none)."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return normalize_host(host) if host else None


@dataclass(frozen=True)
class EgressPolicy:
    """Which hosts and endpoints a resolver run may reach.

    `hosts`: exact hosts; `patterns`: glob entries (`*.corp.example`, matched with
    `fnmatchcase`); `trusted`: operator hosts, allowed on any address and port.
    """

    hosts: frozenset[str] = frozenset()
    patterns: tuple[str, ...] = ()
    trusted: frozenset[str] = frozenset()
    endpoint_allowed: EndpointCheck = field(default=public_web_endpoint, compare=False)
    resolver: Resolver = field(default=system_resolver, compare=False)
    upstream: str | None = None

    @classmethod
    def of(
        cls,
        allowed: Iterable[str],
        *,
        trusted: Iterable[str] = (),
        endpoint_allowed: EndpointCheck = public_web_endpoint,
        resolver: Resolver = system_resolver,
        upstream: str | None = None,
    ) -> EgressPolicy:
        """A policy from allow-list entries (`host` or a glob) and trusted hosts; `upstream`:
        the operator's own outbound proxy (`http://host:port`), if the worker needs one."""
        hosts, patterns = set(), set()
        for entry in allowed:
            entry = entry.strip().lower()
            if any(mark in entry for mark in "*?["):
                patterns.add(entry)
            elif bare := normalize_host(entry):
                hosts.add(bare)
        return cls(
            frozenset(hosts),
            tuple(sorted(patterns)),
            frozenset(h for h in map(normalize_host, trusted) if h),
            endpoint_allowed,
            resolver,
            upstream,
        )

    def host_allowed(self, host: str) -> bool:
        """True when `host` (already normalized) is on the allow-list."""
        if host in self.hosts or host in self.trusted:
            return True
        return any(fnmatchcase(host, pattern) for pattern in self.patterns)

    def check(self, raw_host: str, port: int) -> tuple[list[IPAddress], str | None]:
        """The addresses to connect to, or a reason to refuse."""
        host = normalize_host(raw_host)
        if host is None:
            return [], "not a valid host name"
        if not self.host_allowed(host):
            return [], NOT_ALLOWED
        if not 0 < port < 65536:
            return [], "not a valid port"
        addresses = list(self.resolver(host, port))
        if not addresses and self.upstream is None:
            return [], UNRESOLVED
        if host in self.trusted:
            return addresses, None
        if not all(self.endpoint_allowed(address, port) for address in addresses):
            return [], "resolves to a non-public address or uses a port other than 80/443"
        return addresses, None

    def key(self) -> list[list[str]]:
        """What a cached resolution depends on (part of its cache key)."""
        return [sorted(self.hosts), list(self.patterns), sorted(self.trusted)]


@dataclass(frozen=True)
class Refusal:
    """A request the proxy refused: the host (normalized when valid) and why."""

    host: str
    reason: str


def _safe_host(raw: str) -> str:
    """The host as it may appear in a finding or a log line (never free text)."""
    host = normalize_host(raw)
    return host if host is not None else "an invalid host name"


def _split_authority(authority: str) -> tuple[str, int] | None:
    """host and port of `host:port` / `[v6]:port` (port required)."""
    if authority.startswith("["):
        host, sep, rest = authority[1:].partition("]")
        if not sep or not rest.startswith(":"):
            return None
        port_text = rest[1:]
    else:
        host, sep, port_text = authority.rpartition(":")
        if not sep:
            return None
    if not port_text.isdigit() or len(port_text) > 5:
        return None
    return host, int(port_text)


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        client: socket.socket = self.request
        client.settimeout(_IO_TIMEOUT_S)
        with contextlib.suppress(OSError):
            self._handle(client)

    def _handle(self, client: socket.socket) -> None:
        head, rest = _read_head(client)
        if head is None:
            return
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3:
            _reply(client, 400, "bad request")
            return
        method, target, _version = parts
        if method == "CONNECT":
            self._connect(client, target)
        else:
            self._forward(client, method, target, lines[1:], rest)

    def _open(self, client: socket.socket, host: str, port: int) -> socket.socket | None:
        addresses, reason = self.server.policy.check(host, port)
        if reason == UNRESOLVED:  # allowed but down (DNS): unreachable, not refused
            _reply(client, 502, f"depreview egress: {_safe_host(host)} could not be reached")
            return None
        if reason is not None:
            self.server.refuse(Refusal(_safe_host(host), reason))
            _reply(client, 403, f"depreview egress: {_safe_host(host)} refused: {reason}")
            return None
        upstream = self.server.policy.upstream
        if upstream is not None:
            tunnel = _tunnel(upstream, normalize_host(host) or host, port)
            if tunnel is not None:
                return tunnel
        for address in addresses if upstream is None else ():
            with contextlib.suppress(OSError):
                return socket.create_connection((str(address), port), timeout=_IO_TIMEOUT_S)
        _reply(client, 502, f"depreview egress: {_safe_host(host)} could not be reached")
        return None

    def _connect(self, client: socket.socket, target: str) -> None:
        authority = _split_authority(target)
        if authority is None:
            _reply(client, 400, "bad CONNECT target")
            return
        upstream = self._open(client, *authority)
        if upstream is None:
            return
        with upstream:
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            _relay(client, upstream)

    def _forward(
        self, client: socket.socket, method: str, target: str, headers: list[str], rest: bytes
    ) -> None:
        try:
            url = urlsplit(target)
            port = url.port or (80 if url.scheme == "http" else 0)
        except ValueError:
            url, port = urlsplit(""), 0
        if url.scheme != "http" or not url.hostname or not port or "@" in url.netloc:
            _reply(client, 400, "only absolute http:// URLs are forwarded")
            return
        upstream = self._open(client, url.hostname, port)
        if upstream is None:
            return
        path = url.path or "/"
        if url.query:
            path += "?" + url.query
        kept = [h for h in headers if h and h.split(":", 1)[0].strip().lower() not in _HOP_BY_HOP]
        request = [f"{method} {path} HTTP/1.1", *kept, "Connection: close", "", ""]
        with upstream:
            upstream.sendall("\r\n".join(request).encode("latin-1") + rest)
            response, body = _read_head(upstream)
            if response is None:
                return
            reply = [
                h
                for h in response.decode("latin-1").split("\r\n")
                if h.split(":", 1)[0].strip().lower() not in _HOP_BY_HOP
            ]
            client.sendall("\r\n".join([*reply, "Connection: close", "", ""]).encode("latin-1"))
            client.sendall(body)
            _relay(client, upstream)


def _tunnel(upstream: str, host: str, port: int) -> socket.socket | None:
    """A CONNECT tunnel to host:port through the operator's proxy (None when it refuses).

    The allow-list is checked here first; which address the upstream proxy connects to is
    its own resolver's answer (addresses that resolve here were checked too)."""
    try:
        parts = urlsplit(upstream)
        proxy_host, proxy_port = parts.hostname, parts.port or 3128
    except ValueError:
        return None
    if not proxy_host:
        return None
    head = [f"CONNECT {host}:{port} HTTP/1.1", f"Host: {host}:{port}"]
    if parts.username is not None:
        token = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        head.append("Proxy-Authorization: Basic " + base64.b64encode(token).decode("ascii"))
    try:
        sock = socket.create_connection((proxy_host, proxy_port), timeout=_IO_TIMEOUT_S)
    except OSError:
        return None
    try:
        sock.sendall("\r\n".join([*head, "", ""]).encode("latin-1"))
        answer, rest = _read_head(sock)
    except OSError:
        answer, rest = None, b""
    status = answer.split(b" ", 2)[1:2] if answer else []
    if status != [b"200"] or rest:
        sock.close()
        return None
    return sock


_HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "upgrade"}
)


def _read_head(sock: socket.socket) -> tuple[bytes | None, bytes]:
    """The header block (without the blank line) and what was read after it."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(8192)
        if not chunk or len(data) > _MAX_HEAD:
            return None, b""
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def _reply(client: socket.socket, status: int, text: str) -> None:
    reason = {400: "Bad Request", 403: "Forbidden", 502: "Bad Gateway"}[status]
    body = text.encode("ascii", "replace")
    client.sendall(
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode("ascii")
        + body
    )


def _relay(a: socket.socket, b: socket.socket) -> None:
    """Copy bytes both ways until one side closes or nothing moves for the I/O timeout."""
    with selectors.DefaultSelector() as selector:
        selector.register(a, selectors.EVENT_READ, b)
        selector.register(b, selectors.EVENT_READ, a)
        while True:
            events = selector.select(timeout=_IO_TIMEOUT_S)
            if not events:
                return
            for key, _ in events:
                source: socket.socket = key.fileobj  # type: ignore[assignment]
                data = source.recv(65536)
                if not data:
                    return
                key.data.sendall(data)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, policy: EgressPolicy) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.policy = policy
        self.refusals: list[Refusal] = []
        self._lock = threading.Lock()

    def refuse(self, refusal: Refusal) -> None:
        with self._lock:
            if refusal not in self.refusals:
                self.refusals.append(refusal)
        logger.warning("egress refused", extra={"host": refusal.host, "reason": refusal.reason})


class EgressProxy:
    """The proxy for one resolver run (a context manager): `url`, then `refusals`."""

    def __init__(self, policy: EgressPolicy) -> None:
        self._server = _Server(policy)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> EgressProxy:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        """`http://127.0.0.1:<port>`."""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def refusals(self) -> tuple[Refusal, ...]:
        """The requests refused so far, each once."""
        with self._server._lock:
            return tuple(self._server.refusals)

    def env(self) -> dict[str, str]:
        """Proxy variables that send every request of a uv (reqwest) process through here."""
        names = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")
        values = {name: self.url for name in names}
        values.update({name.lower(): self.url for name in names})
        values.update(NO_PROXY="", no_proxy="")
        return values


@contextlib.contextmanager
def egress(policy: EgressPolicy) -> Iterator[EgressProxy]:
    """A running proxy for `policy`, shut down on exit."""
    with EgressProxy(policy) as proxy:
        yield proxy
