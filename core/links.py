"""Links into GitHub's web pages, built from the API URL (service and worker both need them)."""

from __future__ import annotations


def html_base(api_url: str) -> str:
    """The web address of the GitHub the API URL belongs to.

    `https://api.github.com` → github.com; GHE.com data residency `https://api.SUB.ghe.com`
    → `https://SUB.ghe.com`; GitHub Enterprise Server `https://HOST/api/v3` → `https://HOST`.
    """
    url = api_url.rstrip("/")
    if url == "https://api.github.com":
        return "https://github.com"
    scheme, sep, rest = url.partition("://")
    host, _, path = rest.partition("/")
    if sep and host.startswith("api.") and host.endswith(".ghe.com") and not path:
        return f"{scheme}://{host.removeprefix('api.')}"
    return url.removesuffix("/api/v3")


def details_url(api_url: str, repo: str, pr_number: int | None, comment_id: int | None) -> str:
    """Where "Details" on the check run leads: the depreview comment, else the PR or repo."""
    base = f"{html_base(api_url)}/{repo}"
    if pr_number is None:
        return base
    anchor = f"#issuecomment-{comment_id}" if comment_id is not None else ""
    return f"{base}/pull/{pr_number}{anchor}"
