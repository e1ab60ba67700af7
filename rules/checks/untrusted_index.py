"""`untrusted-index`: a package index whose host the repo config does not allow."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fnmatch import fnmatchcase
from urllib.parse import urlsplit, urlunsplit

from rules.checks.base import RuleContext
from rules.findings import Finding, Severity
from rules.manifests.model import Index, IndexKind


def index_host(url: str) -> str | None:
    """The lower-case host of an index URL; None for local paths and `${VAR}` placeholders."""
    text = url.strip()
    if "://" not in text or text.startswith("file:"):
        return None
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "$" in host or "{" in host:
        return None
    return host.lower()


def redact(url: str) -> str:
    """The URL without credentials (`https://***@host/...`), safe to show."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "<unreadable URL>"
    if parts.username is None and parts.password is None:
        return url.strip()
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, f"***@{netloc}", parts.path, parts.query, parts.fragment))


def host_allowed(host: str, allowed: Sequence[str]) -> bool:
    """Exact host or glob (`*.corp.example`) match against the allowed hosts."""
    return any(host == pattern or fnmatchcase(host, pattern) for pattern in allowed)


class UntrustedIndexRule:
    """An index, source, find-links or channel URL on a host the repo config does not allow."""

    id = "untrusted-index"
    category = "untrusted-index"
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """A warning per declared index whose host is not in `allowed_index_hosts`."""
        allowed = [h.lower() for h in ctx.config.allowed_index_hosts]
        seen: set[tuple[str, str]] = set()
        for index in ctx.snapshot.indexes():
            host = index_host(index.url)
            if host is None or host_allowed(host, allowed):
                continue
            key = (index.location.file, host)
            if key in seen:
                continue
            seen.add(key)
            yield self._finding(index, host)

    def _finding(self, index: Index, host: str) -> Finding:
        url = redact(index.url)
        plain_http = url.lower().startswith("http://")
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
        return Finding(
            rule=self.id,
            category=self.category,
            severity=self.default_severity,
            message=message,
            file=index.location.file,
            line=index.location.line,
            column=index.location.column,
            fix=(
                f"If you trust it, allow it in .github/depreview.yml:\n"
                f"allowed_index_hosts:\n  - {host}\n"
                "and serve private packages from it alone (--index-url with a PyPI proxy, or "
                "uv's explicit indexes) instead of --extra-index-url."
            ),
            evidence=(url,),
            fingerprint=f"index:{index.location.file}:{host}",
        )


RULES = (UntrustedIndexRule(),)
