"""Which declared indexes the resolver may fetch: hosts the repo config allows."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from rules.config import DEFAULT_ALLOWED_INDEX_HOSTS
from rules.findings import Finding, Severity
from rules.manifests.model import Index, IndexKind
from rules.urls import UrlProblem, host_matches, parse_url
from worker.resolve.egress import (
    NOT_ALLOWED,
    EgressPolicy,
    EndpointCheck,
    Refusal,
    Resolver,
    public_web_endpoint,
    system_resolver,
    url_host,
)
from worker.resolve.model import ResolveTarget, environment_finding
from worker.resolve.targets import config_value

#: Hosts allowed when the repo config names none: the public indexes ML projects use, only
#: hosts where just their vendor publishes (no shared bucket hosts where anyone can put an
#: index page; see rules.config).
DEFAULT_ALLOWED_HOSTS: tuple[str, ...] = DEFAULT_ALLOWED_INDEX_HOSTS

#: URL text uv or rattler read differently from Python's `urlsplit` (backslashes, WHATWG's
#: userinfo and percent-decoding of hosts), or that uv expands from its environment (`${`).
_AMBIGUOUS = ("\\", "${", "%")

#: Conda channel names that are shorthand for a channel on the public conda host.
_CONDA_DEFAULT_CHANNELS = frozenset({"defaults", "main", "r", "msys2"})


@dataclass(frozen=True)
class IndexPolicy:
    """The hosts a resolution may contact, and whether local `file://` indexes are allowed.

    `trusted_hosts` are the operator's (the default index's host): allowed on any address,
    like the built-in vendor hosts (`egress`).
    `endpoint_allowed` and `resolver` are the egress proxy's address check and DNS (tests
    inject loopback ports and fake names here; production keeps public ports 80/443).
    """

    allowed_hosts: tuple[str, ...] = DEFAULT_ALLOWED_HOSTS
    allow_file_urls: bool = False
    trusted_hosts: tuple[str, ...] = ()
    endpoint_allowed: EndpointCheck = field(default=public_web_endpoint, compare=False)
    resolver: Resolver = field(default=system_resolver, compare=False)
    upstream_proxy: str | None = field(default=None, repr=False)

    @classmethod
    def from_config(
        cls,
        config: Any,
        *,
        allow_file_urls: bool = False,
        default_index_url: str | None = None,
        endpoint_allowed: EndpointCheck = public_web_endpoint,
        resolver: Resolver = system_resolver,
    ) -> IndexPolicy:
        """The policy of a repo config (`allowed_index_hosts`), defaults when absent; the
        operator's default index host is trusted, the worker's own HTTPS_PROXY (if any) is
        where the egress proxy sends allowed requests."""
        hosts = config_value(config, "allowed_index_hosts")
        if hosts is None or isinstance(hosts, str):
            chosen = DEFAULT_ALLOWED_HOSTS if hosts is None else (hosts,)
        else:
            chosen = tuple(str(host) for host in hosts)
        trusted = url_host(default_index_url) if default_index_url else None
        return cls(
            tuple(h.strip().lower() for h in chosen if h.strip()),
            allow_file_urls,
            (trusted,) if trusted else (),
            endpoint_allowed,
            resolver,
            os.environ.get("HTTPS_PROXY") or os.environ.get("https_proxy") or None,
        )

    def egress(self) -> EgressPolicy:
        """What the egress proxy lets a resolver run reach. The built-in vendor hosts and the
        operator's are trusted on any address (their DNS is not the pull request's to choose;
        split-horizon and intercepting networks answer private addresses for them); hosts a
        repository config adds must resolve to public addresses."""
        vendor = [h for h in self.allowed_hosts if h in DEFAULT_ALLOWED_HOSTS]
        return EgressPolicy.of(
            self.allowed_hosts,
            trusted=(*self.trusted_hosts, *vendor),
            endpoint_allowed=self.endpoint_allowed,
            resolver=self.resolver,
            upstream=self.upstream_proxy,
        )

    def allows(self, url: str) -> bool:
        """True when `url` may be fetched: a plain http(s) URL (see `plain_url`) on an allowed
        host, or a local path when those are allowed."""
        text = url.strip()
        if text.startswith("file:") or text.startswith("/"):
            return self.allow_file_urls and "${" not in text
        host = url_host(text)
        return plain_url(text) and host is not None and self.egress().host_allowed(host)


def plain_url(url: str) -> bool:
    """True for an http(s) URL that every parser reads alike and uv does not expand: no
    whitespace or control characters, backslash or `${` anywhere; no userinfo or `%` in the
    authority; `rules.urls` (WHATWG, as uv reads it) finds the same host."""
    text = url.strip()
    if "${" in text or any(ord(c) < 0x21 or c == "\\" for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or "@" in parts.netloc:
        return False
    if any(mark in parts.netloc for mark in _AMBIGUOUS):
        return False
    # and uv's reading (WHATWG, rules.urls) finds no problem and the same host; IP literals
    # and local names are left to the egress proxy's address check
    whatwg = parse_url(text)
    if set(whatwg.problems) - {UrlProblem.IP_LITERAL, UrlProblem.LOCAL_HOST}:
        return False
    return whatwg.host is not None and whatwg.host.strip("[]") == url_host(text)


def channel_url(channel: str) -> str:
    """A conda channel's URL (`conda-forge` → the public conda host)."""
    if "://" in channel or channel.startswith("/"):
        return channel if "://" in channel else f"file://{channel}"
    if channel in _CONDA_DEFAULT_CHANNELS:
        return f"https://repo.anaconda.com/pkgs/{channel}"
    return f"https://conda.anaconda.org/{channel}"


def redact(url: str, *, placeholder: str = "") -> str:
    """The URL without its user name and password (`placeholder` in their place, e.g.
    `***@`); the authority ends at the first `/`, `\\`, `?` or `#`, as WHATWG parsers read it."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    end = min((i for i in map(rest.find, "/\\?#") if i >= 0), default=len(rest))
    authority = rest[:end]
    if "@" not in authority:
        return url
    return f"{scheme}://{placeholder}{authority.rsplit('@', 1)[1]}{rest[end:]}"


def index_url(index: Index) -> str:
    """The URL to fetch for an index (conda channel names expanded)."""
    if index.kind is IndexKind.CONDA_CHANNEL:
        return channel_url(index.url)
    return index.url


def refusal_fix(url: str) -> str:
    """What to do about a URL the policy refuses."""
    host = url_host(url)
    if not plain_url(url) and not url.startswith(("file:", "/")):
        return (
            "Write the URL plainly: no user name or password, backslash, `%`-escape in the "
            "host or `${...}` variable (uv and rattler read such URLs differently from "
            "depreview, or expand them from the environment)."
        )
    if host is None:
        return "Use an http(s) URL on an allowed index host."
    return f"Add `{host}` to `allowed_index_hosts` in .github/depreview.yml to trust it."


def warned_statically(url: str, policy: IndexPolicy) -> bool:
    """Whether the static `untrusted-index` rule (rules/checks/untrusted_index.py, run on every
    review) already warns about this URL at its line: a network URL (not VCS) that is refused
    or whose host is off the same allow-list."""
    parsed = parse_url(url)
    if not parsed.network or "+" in parsed.scheme:
        return False
    return (
        bool(parsed.problems)
        or parsed.host is None
        or not host_matches(parsed.host, list(policy.allowed_hosts))
    )


#: On a resolver finding the static `untrusted-index` rule already reports (same file and
#: line): the resolution keeps it (it says why the environment was not resolved), and it is
#: left out where the resolver's findings join the review's (`worker.review.analysis`), so a
#: refused index is one finding, the static rule's warning.
STATIC_DUPLICATE = ("duplicates", "untrusted-index")


def duplicates_static(finding: Finding) -> bool:
    """Whether the static `untrusted-index` rule already reports this resolver finding."""
    return STATIC_DUPLICATE in finding.extra


def untrusted(indexes: Iterable[Index], policy: IndexPolicy) -> list[Finding]:
    """An `untrusted-index` finding for each index whose URL the policy refuses: a warning,
    or, where the static rule already warns about the same line, a notice marked
    `STATIC_DUPLICATE` that the review leaves out (one finding per refused index)."""
    findings = []
    for index in indexes:
        url = index_url(index)
        if policy.allows(url):
            continue
        shown = redact(url, placeholder="***@")
        covered = warned_statically(index.url, policy)
        findings.append(
            Finding(
                rule="untrusted-index",
                category="untrusted-index",
                severity=Severity.NOTICE if covered else Severity.WARNING,
                message=(
                    f"{index.kind.value} {shown} is not a plain URL on the allowed index hosts, "
                    f"so depreview did not resolve {index.environment or index.location.file} "
                    f"against it."
                ),
                file=index.location.file,
                line=index.location.line,
                column=index.location.column,
                fix=refusal_fix(url),
                fingerprint=f"untrusted-index:{index.location.file}:{shown}",
                extra=(STATIC_DUPLICATE,) if covered else (),
            )
        )
    return findings


def refused_finding(
    environment: str, target: ResolveTarget, refusals: Sequence[Refusal], *, resolver: str = "uv"
) -> Finding:
    """An `untrusted-index` warning: the egress proxy refused requests the resolver made (a
    file link or redirect of an index, or a URL the manifests did not show)."""
    hosts = sorted({r.host for r in refusals})
    listed = ", ".join(f"`{h}`" for h in hosts)
    reasons = "; ".join(sorted({f"{r.host}: {r.reason}" for r in refusals}))
    if all(r.reason == NOT_ALLOWED for r in refusals):
        fix = f"If you trust {listed}, add it to `allowed_index_hosts` in .github/depreview.yml."
    else:
        fix = "depreview fetches only from public addresses of the allowed index hosts."
    return environment_finding(
        "untrusted-index",
        Severity.WARNING,
        f"While resolving {environment} for {target.label}, {resolver} asked for {listed} "
        f"({reasons}); depreview refused the request, so {environment} was not checked.",
        environment=environment,
        key=",".join(hosts),
        target=target,
        category="untrusted-index",
        fix=fix,
        evidence=(f"{resolver} request to {h} refused" for h in hosts),
    )
