"""`X-Hub-Signature-256` verification over the exact request bytes, in constant time."""

from __future__ import annotations

from githubkit.webhooks import verify

PREFIX = "sha256="


def signature_valid(secret: str, body: bytes, signature: str | None) -> bool:
    """Whether `signature` is GitHub's HMAC-SHA256 of `body` under `secret`.

    Refuses a missing header, the legacy SHA-1 form and an empty secret (anyone could sign).
    The comparison itself is `hmac.compare_digest` inside githubkit's `verify`.
    """
    if not secret or not signature or not signature.startswith(PREFIX):
        return False
    return verify(secret, body, signature)
