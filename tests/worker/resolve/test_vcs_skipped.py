"""A VCS requirement is skipped with a notice, not refused with a warning.

Seen on the real-world corpus with `--resolve` (case
mistralai__mistral-inference__deploy-added-torch-range: a Dockerfile that pip-installs
`git+https://github.com/...#egg=FastChat`): the resolver's URL pre-check warned `untrusted-index`
("depreview did not fetch it") and left the whole environment unresolved, although uv is never
given such a line (depreview does not build code from a pull request). Such a requirement is
left out with a `resolution-skipped` notice; a wheel URL off the allowed hosts is still refused.
No resolver runs here: the refusal is decided before uv (`refused_inputs`).
"""

from __future__ import annotations

import pytest

from rules.manifests.model import Requirement, Span
from worker.resolve.indexes import IndexPolicy
from worker.resolve.inputs import Mode, ResolutionInput, requirement_line
from worker.resolve.pypi import refused_inputs


def _req(name: str, url: str) -> Requirement:
    return Requirement(
        name=name, raw=f"{name} @ {url}", location=Span("requirements.txt", 1), url=url
    )


CASES = [
    # (url, refused before uv, given to uv)
    ("git+https://example.com/org/fastchat.git@bde1118#egg=fschat", False, False),
    ("https://example.com/fschat-1.0.tar.gz", False, False),  # an sdist: never built
    ("https://example.com/fschat-1.0-py3-none-any.whl", True, True),  # fetched: refused
]


@pytest.mark.parametrize(("url", "refused", "given"), CASES)
def test_only_what_uv_would_fetch_is_refused(url: str, refused: bool, given: bool) -> None:
    req = _req("fschat", url)
    inp = ResolutionInput("requirements.txt", Mode.PIP, requirements=(req,))
    findings = refused_inputs(inp, [req], IndexPolicy())
    assert [f.rule for f in findings] == (["untrusted-index"] if refused else [])
    assert (requirement_line(req) is not None) is given
