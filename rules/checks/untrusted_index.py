"""`untrusted-index`: a package index whose host the repo config does not allow."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rules.checks.base import RuleContext, StaticRule
from rules.checks.support.fixes import finding_at
from rules.checks.support.indexes import declared_indexes
from rules.findings import Finding, Severity
from rules.manifests.model import Index, IndexKind, LockedPin
from rules.urls import ParsedUrl, host_matches, parse_url
from rules.urls import redact as redact


def index_host(url: str) -> str | None:
    """The host uv/rattler contact for an index URL (WHATWG); None when not a network URL."""
    return parse_url(url).host


def host_allowed(host: str, allowed: Sequence[str]) -> bool:
    """Exact host or glob (`*.corp.example`) match against the allowed hosts."""
    return host_matches(host, allowed)


def _judged(url: str, allowed: Sequence[str]) -> ParsedUrl | None:
    """The parsed URL when it deserves a finding (refused, or its host not allowed)."""
    parsed = parse_url(url)
    if not parsed.network or "+" in parsed.scheme:  # paths, channel names; VCS is not fetched
        return None
    if not parsed.problems and parsed.host is not None and host_matches(parsed.host, allowed):
        return None
    return parsed


class UntrustedIndexRule(StaticRule, id="untrusted-index", severity=Severity.WARNING):
    """An index, source, find-links or channel URL on a host the repo config does not allow."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """A warning per declared index (a Dockerfile stage's index settings included) or locked
        file URL that is refused or not allowed."""
        allowed = [h.lower() for h in ctx.config.allowed_index_hosts]
        seen: set[tuple[str, str]] = set()
        for index in declared_indexes(ctx.snapshot):
            parsed = _judged(index.url, allowed)
            key = (index.location.file, parsed.host or parsed.text) if parsed else None
            if parsed is None or key is None or key in seen:
                continue
            seen.add(key)
            yield self._finding(index, parsed)
        for _manifest, pin in ctx.snapshot.pins():
            for url in pin.urls:
                parsed = _judged(url, allowed)
                key = (pin.location.file, parsed.host or parsed.text) if parsed else None
                if parsed is None or key is None or key in seen:
                    continue
                seen.add(key)
                yield self._lock_finding(pin, url, parsed)

    def _finding(self, index: Index, parsed: ParsedUrl) -> Finding:
        url = redact(index.url)
        host = parsed.host or "an unknown host"
        plain_http = parsed.scheme == "http"
        if parsed.problems:
            message = (
                f"{index.location.file} uses the index {url}, which depreview refuses: "
                f"{parsed.reasons()}."
            )
            if parsed.host is not None:
                message += f" uv and pip would contact {host}."
        else:
            message = f"{index.location.file} uses the index {url} on {host}, which is not allowed."
        if index.kind == IndexKind.EXTRA_INDEX_URL:
            message += (
                " With --extra-index-url pip merges it with PyPI and takes the highest version "
                "from either: anyone can publish a same-named package on PyPI with a higher "
                "version and it wins (dependency confusion)."
            )
        if plain_http:
            message += " It is fetched over plain HTTP, which anyone on the path can alter."
        message += " depreview's resolver will not fetch from it."
        return finding_at(
            self,
            message,
            index.location,
            fix=self._fix(parsed),
            evidence=(url,),
            fingerprint=f"index:{index.location.file}:{parsed.host or url}",
        )

    def _lock_finding(self, pin: LockedPin, url: str, parsed: ParsedUrl) -> Finding:
        shown = redact(url)
        host = parsed.host or "an unknown host"
        if parsed.problems:
            why = f"which depreview refuses: {parsed.reasons()}"
        else:
            why = f"on {host}, which is not allowed"
        message = (
            f"{pin.location.file} locks {pin.name} {pin.version} to {shown}, {why}. "
            "Installing from this lock fetches from there."
        )
        return finding_at(
            self,
            message,
            pin.location,
            package=pin.name,
            fix=self._fix(parsed),
            evidence=(shown,),
            fingerprint=f"index:{pin.location.file}:{parsed.host or shown}",
        )

    @staticmethod
    def _fix(parsed: ParsedUrl) -> str:
        if parsed.problems or parsed.host is None:
            return (
                "Write the URL plainly as https://host/path, with the host spelled out: no "
                "credentials, `${...}` variables, backslashes or %-escapes, and a name rather "
                "than an IP address or localhost. Keep credentials in the installer's keyring, "
                "netrc or environment."
            )
        return (
            f"If you trust it, allow it in .github/depreview.yml:\n"
            f"allowed_index_hosts:\n  - {parsed.host}\n"
            "and serve private packages from it alone (--index-url with a PyPI proxy, or "
            "uv's explicit indexes) instead of --extra-index-url."
        )


RULES = (UntrustedIndexRule(),)
