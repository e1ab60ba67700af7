"""Signature verification: GitHub's documented test vector and the ways a signature is wrong."""

from __future__ import annotations

import pytest

from service.webhooks.signature import signature_valid
from tests.service.deliveries import sign

DOCS_SECRET = "It's a Secret to Everybody"
DOCS_PAYLOAD = b"Hello, World!"
DOCS_SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"


def test_github_docs_test_vector() -> None:
    assert signature_valid(DOCS_SECRET, DOCS_PAYLOAD, DOCS_SIGNATURE)


def test_independent_signer_agrees_with_the_docs_vector() -> None:
    assert sign(DOCS_PAYLOAD, DOCS_SECRET) == DOCS_SIGNATURE


@pytest.mark.parametrize(
    ("secret", "body", "signature"),
    [
        pytest.param(DOCS_SECRET, DOCS_PAYLOAD, None, id="missing"),
        pytest.param(DOCS_SECRET, DOCS_PAYLOAD, "", id="empty"),
        pytest.param("another secret", DOCS_PAYLOAD, DOCS_SIGNATURE, id="other-secret"),
        pytest.param(DOCS_SECRET, b"Hello, World!\n", DOCS_SIGNATURE, id="body-one-byte-longer"),
        pytest.param(DOCS_SECRET, DOCS_PAYLOAD, DOCS_SIGNATURE.upper(), id="uppercase-prefix"),
        pytest.param(DOCS_SECRET, DOCS_PAYLOAD, DOCS_SIGNATURE[:-1] + "0", id="last-digit"),
        pytest.param(DOCS_SECRET, DOCS_PAYLOAD, DOCS_SIGNATURE[len("sha256=") :], id="no-prefix"),
        pytest.param(
            DOCS_SECRET,
            DOCS_PAYLOAD,
            "sha1=" + "0" * 40,
            id="legacy-sha1-form-refused",
        ),
        pytest.param("", DOCS_PAYLOAD, sign(DOCS_PAYLOAD, ""), id="empty-secret-refused"),
    ],
)
def test_wrong_signatures_are_refused(secret: str, body: bytes, signature: str | None) -> None:
    assert not signature_valid(secret, body, signature)


def test_sha1_signature_of_the_right_secret_is_still_refused() -> None:
    import hashlib
    import hmac

    sha1 = "sha1=" + hmac.new(DOCS_SECRET.encode(), DOCS_PAYLOAD, hashlib.sha1).hexdigest()
    assert not signature_valid(DOCS_SECRET, DOCS_PAYLOAD, sha1)
