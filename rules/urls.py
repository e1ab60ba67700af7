"""Index and file URLs read the way uv and rattler read them, and what depreview refuses in them.

uv (the Rust `url` crate) and rattler parse URLs by the WHATWG URL standard, not by RFC 3986
as Python's `urllib.parse` does, and the two disagree on hostile text:
``http://127.0.0.1:18765\\@pypi.org/`` is host ``pypi.org`` for `urlsplit` and host
``127.0.0.1`` for uv (WHATWG reads ``\\`` as ``/`` in http(s) URLs). So the host here comes
from a WHATWG parser (ada, through `ada_url`), the host those tools actually contact.

Some URLs are refused whatever the allow-list says, because their host cannot be trusted from
the text or points inside the network depreview runs in:

- ``${VAR}`` anywhere: uv and pip replace it with the environment before parsing the URL, so
  the host is not known from the file;
- a backslash, a user name or password, or a ``%``-escape in the authority (the parsers
  disagree on all three);
- control characters or spaces (WHATWG silently drops some of them);
- a URL not written ``scheme://host``: WHATWG finds a host in ``http:evil.example`` and
  ``http:///evil.example``, Python's parser finds none;
- an IP address (any notation: ``2130706433``, ``0x7f.1`` and ``127.1`` are ``127.0.0.1``),
  ``localhost`` and names under ``.localhost``;
- text that looks like an http(s) URL but does not parse.

A name that only resolves to a private address (``127.0.0.1.nip.io``, an internal DNS name)
cannot be told from the text: the resolver's egress has to enforce that.

Pure: no I/O, no DNS.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fnmatch import fnmatchcase

from ada_url import URL, HostType


class UrlProblem(StrEnum):
    """Why a URL is refused, whatever the allowed hosts."""

    ENV_VAR = "env-var"
    BACKSLASH = "backslash"
    USERINFO = "userinfo"
    AUTHORITY_ESCAPE = "authority-escape"
    CONTROL = "control"
    SLASHES = "slashes"
    IP_LITERAL = "ip-literal"
    LOCAL_HOST = "local-host"
    INVALID = "invalid"


#: What each problem means, for finding messages.
DESCRIPTIONS: dict[UrlProblem, str] = {
    UrlProblem.ENV_VAR: (
        "it contains `${...}`, which installers replace with their environment before they "
        "read the URL, so its host cannot be known from the file"
    ),
    UrlProblem.BACKSLASH: (
        "it contains a backslash, which uv, pip and rattler read as `/`: the host is not "
        "what the text seems to name"
    ),
    UrlProblem.USERINFO: (
        "it carries a user name or password (credentials belong in the installer's "
        "keyring, netrc or environment, not in a committed file)"
    ),
    UrlProblem.AUTHORITY_ESCAPE: "its host part contains `%`-escapes",
    UrlProblem.CONTROL: "it contains control characters or spaces",
    UrlProblem.SLASHES: "it is not written `scheme://host/...` (WHATWG still finds a host in it)",
    UrlProblem.IP_LITERAL: "its host is an IP address, not a name",
    UrlProblem.LOCAL_HOST: "its host is this machine or a private network",
    UrlProblem.INVALID: "it is not a valid URL",
}

#: Schemes whose URLs the installers fetch over the network even when they do not parse.
_NETWORK_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_LOCAL_NAMES = ("localhost", "localhost.localdomain")


@dataclass(frozen=True, slots=True)
class ParsedUrl:
    """One URL as uv and rattler read it.

    `host` is the host they contact: lower-case, IDNA-encoded, without port or trailing dot;
    IPv6 hosts in brackets. It is None for text that is not a network URL (a path, a
    ``file:`` URL, a conda channel name) and for network URLs that do not parse.
    `network` says whether the text is a URL fetched over the network; `problems` why it is
    refused whatever the allowed hosts (empty: judged by its host alone).
    """

    text: str
    scheme: str
    host: str | None
    network: bool
    problems: tuple[UrlProblem, ...] = ()

    @property
    def refused(self) -> bool:
        """True when no allow-list admits this URL."""
        return bool(self.problems)

    def reasons(self) -> str:
        """The problems, in words, joined with '; '."""
        return "; ".join(DESCRIPTIONS[p] for p in self.problems)


def parse_url(url: str) -> ParsedUrl:
    """Classify `url` (surrounding whitespace ignored) the way uv and rattler would parse it."""
    text = url.strip()
    problems: list[UrlProblem] = []
    if "${" in text:
        problems.append(UrlProblem.ENV_VAR)
    if "\\" in text:
        problems.append(UrlProblem.BACKSLASH)
    if _CONTROL.search(text):
        problems.append(UrlProblem.CONTROL)
    match = _SCHEME.match(text)
    written_scheme = match.group(1).lower() if match else ""
    base_scheme = written_scheme.rsplit("+", 1)[-1]
    try:
        parsed = URL(text)
    except ValueError:
        network = base_scheme in _NETWORK_SCHEMES
        if network:
            problems.append(UrlProblem.INVALID)
            if "%" in _raw_authority(text, written_scheme):
                problems.append(UrlProblem.AUTHORITY_ESCAPE)
        return ParsedUrl(text, written_scheme, None, network, tuple(problems))
    scheme = str(parsed.protocol).rstrip(":")
    raw_host = str(parsed.hostname)
    if scheme == "file" or not raw_host:
        return ParsedUrl(text, scheme, None, False, tuple(problems))
    if parsed.username or parsed.password:
        problems.append(UrlProblem.USERINFO)
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://[^/\\]", text):
        problems.append(UrlProblem.SLASHES)
    if "%" in _raw_authority(text, written_scheme):
        problems.append(UrlProblem.AUTHORITY_ESCAPE)
    host = raw_host.lower().rstrip(".")
    host_type = parsed.host_type
    if host_type in (HostType.IPV4, HostType.IPV6):
        problems.append(UrlProblem.IP_LITERAL)
        if _private_address(host):
            problems.append(UrlProblem.LOCAL_HOST)
    elif host in _LOCAL_NAMES or host.endswith(".localhost"):
        problems.append(UrlProblem.LOCAL_HOST)
    return ParsedUrl(text, scheme, host, True, tuple(dict.fromkeys(problems)))


def _raw_authority(text: str, scheme: str) -> str:
    """The authority as written: after the scheme and its slashes, up to the path."""
    rest = text[len(scheme) + 1 :] if scheme else text
    rest = rest.lstrip("/\\")
    return re.split(r"[/\\?#]", rest, maxsplit=1)[0]


def _private_address(host: str) -> bool:
    """True for loopback, private, link-local, unspecified, multicast or reserved addresses."""
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return True  # an address we cannot read is not one we trust
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_multicast
        or address.is_reserved
    )


def host_matches(host: str, patterns: Sequence[str]) -> bool:
    """Exact host or glob (``*.corp.example``) match, case and trailing dot ignored."""
    bare = host.lower().rstrip(".")
    return any(
        bare == p or fnmatchcase(bare, p) for p in (x.strip().lower().rstrip(".") for x in patterns)
    )


def allowed(url: str | ParsedUrl, patterns: Sequence[str]) -> bool:
    """True when `url` is a network URL that nothing refuses and whose host `patterns` allow."""
    parsed = url if isinstance(url, ParsedUrl) else parse_url(url)
    return (
        parsed.network
        and not parsed.problems
        and parsed.host is not None
        and host_matches(parsed.host, patterns)
    )


def redact(url: str) -> str:
    """The URL as WHATWG normalises it, credentials replaced by ``***``; safe to show."""
    text = url.strip()
    try:
        parsed = URL(text)
    except ValueError:
        return _redact_unparsed(text)
    if parsed.username or parsed.password:
        parsed.username = "***"
        parsed.password = ""
    return str(parsed.href)


def _redact_unparsed(text: str) -> str:
    """Text that does not parse: anything before the last '@' of the authority hidden."""
    match = _SCHEME.match(text)
    scheme = match.group(1) if match else ""
    authority = _raw_authority(text, scheme)
    if "@" not in authority:
        return text
    start = text.find(authority)
    return text[:start] + "***@" + authority.rsplit("@", 1)[1] + text[start + len(authority) :]
