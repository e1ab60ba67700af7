"""Which declared indexes the resolver may fetch: hosts the repo config allows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from rules.findings import Finding, Severity
from rules.manifests.model import Index, IndexKind
from worker.resolve.targets import config_value

#: Hosts allowed when the repo config names none: the public indexes ML projects use.
DEFAULT_ALLOWED_HOSTS: tuple[str, ...] = (
    "pypi.org",
    "files.pythonhosted.org",
    "download.pytorch.org",
    "pypi.nvidia.com",
    "pypi.ngc.nvidia.com",
    "storage.googleapis.com",
    "conda.anaconda.org",
    "repo.anaconda.com",
)

#: Conda channel names that are shorthand for a channel on the public conda host.
_CONDA_DEFAULT_CHANNELS = frozenset({"defaults", "main", "r", "msys2"})


@dataclass(frozen=True)
class IndexPolicy:
    """The hosts a resolution may contact, and whether local `file://` indexes are allowed."""

    allowed_hosts: tuple[str, ...] = DEFAULT_ALLOWED_HOSTS
    allow_file_urls: bool = False

    @classmethod
    def from_config(cls, config: Any, *, allow_file_urls: bool = False) -> IndexPolicy:
        """The policy of a repo config (`allowed_index_hosts`), defaults when absent."""
        hosts = config_value(config, "allowed_index_hosts")
        if hosts is None or isinstance(hosts, str):
            chosen = DEFAULT_ALLOWED_HOSTS if hosts is None else (hosts,)
        else:
            chosen = tuple(str(host) for host in hosts)
        return cls(tuple(h.strip().lower() for h in chosen if h.strip()), allow_file_urls)

    def allows(self, url: str) -> bool:
        """True when `url` may be fetched."""
        if url.startswith("file:") or url.startswith("/"):
            return self.allow_file_urls
        host = (urlsplit(url).hostname or "").lower()
        if not host:
            return False
        for allowed in self.allowed_hosts:
            bare = allowed.removeprefix("*.")
            if host == bare or host.endswith("." + bare):
                return True
        return False


def channel_url(channel: str) -> str:
    """A conda channel's URL (`conda-forge` → the public conda host)."""
    if "://" in channel or channel.startswith("/"):
        return channel if "://" in channel else f"file://{channel}"
    if channel in _CONDA_DEFAULT_CHANNELS:
        return f"https://repo.anaconda.com/pkgs/{channel}"
    return f"https://conda.anaconda.org/{channel}"


def redact(url: str) -> str:
    """The URL without any user name or password in it."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()


def index_url(index: Index) -> str:
    """The URL to fetch for an index (conda channel names expanded)."""
    if index.kind is IndexKind.CONDA_CHANNEL:
        return channel_url(index.url)
    return index.url


def untrusted(indexes: Iterable[Index], policy: IndexPolicy) -> list[Finding]:
    """An `untrusted-index` finding for each index whose host the policy refuses."""
    findings = []
    for index in indexes:
        url = index_url(index)
        if policy.allows(url):
            continue
        host = urlsplit(url).hostname or "a local path"
        url = redact(url)
        findings.append(
            Finding(
                rule="untrusted-index",
                category="untrusted-index",
                severity=Severity.WARNING,
                message=(
                    f"{index.kind.value} {url} is not on the allowed index hosts, so depreview "
                    f"did not resolve {index.environment or index.location.file} against it."
                ),
                file=index.location.file,
                line=index.location.line,
                column=index.location.column,
                fix=f"Add `{host}` to `allowed_index_hosts` in .github/depreview.yml to trust it.",
                fingerprint=f"untrusted-index:{index.location.file}:{url}",
            )
        )
    return findings
