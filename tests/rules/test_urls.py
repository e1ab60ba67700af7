"""rules.urls: the host uv and rattler contact (WHATWG), and the URLs refused whatever the config.

The first table holds every URL of the security review's SSRF and blind-spot reproductions
(`reviews/security.md` §1 and §10 in the shared folder, scripts t1-t12): each must be refused
or fall outside the default allow-list. The second holds the WHATWG parsing cases that differ
from `urllib.parse` (backslashes, userinfo, IPv4 number forms, IDNA, percent-decoding).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules.config import DEFAULT_ALLOWED_INDEX_HOSTS
from rules.urls import UrlProblem, allowed, host_matches, parse_url, redact

P = UrlProblem
DEFAULTS = DEFAULT_ALLOWED_INDEX_HOSTS

# (review reference, URL as the file holds it, host uv/rattler contact, problems)
POC_URLS = [
    # §1.1 (t1): the head config allowed 127.0.0.1; an IP literal is refused whatever it says.
    (
        "t1",
        "http://127.0.0.1:18765/ssrf-via-head-config/simple/",
        "127.0.0.1",
        {P.IP_LITERAL, P.LOCAL_HOST},
    ),
    # §1.2 (t2): urlsplit says pypi.org, uv fetched from 127.0.0.1.
    (
        "t2",
        "http://127.0.0.1:18765\\@pypi.org/backslash-bypass/simple/",
        "127.0.0.1",
        {P.BACKSLASH, P.IP_LITERAL, P.LOCAL_HOST},
    ),
    # §1.2 (t7): the conda channel rattler fetched from 127.0.0.1.
    (
        "t7-conda",
        "http://127.0.0.1:18765\\@conda.anaconda.org/conda-bypass",
        "127.0.0.1",
        {P.BACKSLASH, P.IP_LITERAL, P.LOCAL_HOST},
    ),
    # §1.2 (t7, t8): [[tool.uv.index]] url, TOML "\\\\" read as one backslash.
    (
        "t8",
        "http://127.0.0.1:18765\\@pypi.org/uv-index-bypass/simple",
        "127.0.0.1",
        {P.BACKSLASH, P.IP_LITERAL, P.LOCAL_HOST},
    ),
    # §1.3 (t3): which environment variables reach uv.
    (
        "t3",
        "http://127.0.0.1:18765/leak/S=${DEPREVIEW_WEBHOOK_SECRET}/H=${HOME}/P=${PATH}"
        "/T=${GITHUB_TOKEN}/numpy-1.26.4-py3-none-any.whl",
        "127.0.0.1",
        {P.ENV_VAR, P.IP_LITERAL, P.LOCAL_HOST},
    ),
    # §1.3 (t4): before expansion the host reads pypi.org; uv expanded ${HOME} and went to
    # 127.0.0.1. Refused for the variable and the userinfo.
    (
        "t4",
        "http://127.0.0.1:18765${HOME}@pypi.org/numpy-1.26.4-py3-none-any.whl",
        "pypi.org",
        {P.ENV_VAR, P.USERINFO},
    ),
    # §1.4 (t9): the head config allowed localhost.
    ("t9", "http://localhost:18766/simple/", "localhost", {P.LOCAL_HOST}),
    # §1.4 (t10): a PR's uv.lock registry, sdist and wheel URLs.
    (
        "t10-registry",
        "http://127.0.0.1:18765/lock-registry/simple",
        "127.0.0.1",
        {P.IP_LITERAL, P.LOCAL_HOST},
    ),
    (
        "t10-sdist",
        "http://127.0.0.1:18765/lock-sdist/numpy-1.26.4.tar.gz",
        "127.0.0.1",
        {P.IP_LITERAL, P.LOCAL_HOST},
    ),
    (
        "t10-wheel",
        "http://127.0.0.1:18765/lock-wheel/numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64"
        ".manylinux2014_x86_64.whl",
        "127.0.0.1",
        {P.IP_LITERAL, P.LOCAL_HOST},
    ),
    # §1.3 (t11): rattler did not expand these, but the text is refused all the same.
    (
        "t11",
        "http://127.0.0.1:18765/conda/${DEPREVIEW_WEBHOOK_SECRET}/$DEPREVIEW_WEBHOOK_SECRET",
        "127.0.0.1",
        {P.ENV_VAR, P.IP_LITERAL, P.LOCAL_HOST},
    ),
    # §1.4 (t12): the port/status oracle on a closed port.
    (
        "t12",
        "http://127.0.0.1:1\\@pypi.org/",
        "127.0.0.1",
        {P.BACKSLASH, P.IP_LITERAL, P.LOCAL_HOST},
    ),
    # §10: the backslash index the rule used to miss, and the lock-file host.
    (
        "s10-index",
        "https://evil.example\\@pypi.org/simple",
        "evil.example",
        {P.BACKSLASH},
    ),
    ("s10-lock", "http://evil.example/lock-registry/simple", "evil.example", set()),
    # finding 2c: anyone can publish an index page on this host; not a default any more.
    ("2c", "https://storage.googleapis.com/any-bucket/simple/", "storage.googleapis.com", set()),
]


@pytest.mark.parametrize(("ref", "url", "host", "problems"), POC_URLS, ids=[p[0] for p in POC_URLS])
def test_review_poc_urls_are_refused(
    ref: str, url: str, host: str, problems: set[UrlProblem]
) -> None:
    parsed = parse_url(url)
    assert parsed.network
    assert parsed.host == host
    assert set(parsed.problems) == problems
    assert not allowed(parsed, DEFAULTS)
    # Nor a config that names the host the text seems to point at, or the real one.
    assert not allowed(url, [*DEFAULTS, "127.0.0.1", "localhost"])
    if problems:
        assert not allowed(url, ["*"])


def test_the_backslash_differential_is_real() -> None:
    """What made finding 2 work: Python's parser names another host than WHATWG's."""
    url = "http://127.0.0.1:18765\\@pypi.org/backslash-bypass/simple/"
    assert urlsplit(url).hostname == "pypi.org"
    assert parse_url(url).host == "127.0.0.1"


# (URL, host WHATWG gives, problems, network)
WHATWG_CASES = [
    # Plain index URLs: no problem, judged by their host.
    ("https://pypi.org/simple", "pypi.org", set(), True),
    ("https://download.pytorch.org/whl/cu121", "download.pytorch.org", set(), True),
    ("  https://pypi.org/simple  ", "pypi.org", set(), True),
    ("HTTPS://PyPI.ORG/simple", "pypi.org", set(), True),
    ("https://pypi.org./simple", "pypi.org", set(), True),
    ("https://pypi.org:443/simple", "pypi.org", set(), True),
    ("https://xn--nxasmq6b.com/simple", "xn--nxasmq6b.com", set(), True),
    # Special schemes without slashes, or with backslashes, still have a host.
    ("http:evil.example/simple", "evil.example", {P.SLASHES}, True),
    ("https:/evil.example", "evil.example", {P.SLASHES}, True),
    ("http:///evil.example", "evil.example", {P.SLASHES}, True),
    ("http:\\\\evil.example\\simple", "evil.example", {P.BACKSLASH, P.SLASHES}, True),
    # Userinfo: split at the last '@'.
    ("https://user:pass@pypi.org/simple", "pypi.org", {P.USERINFO}, True),
    (
        "https://${TOKEN}@pypi.corp.example/simple",
        "pypi.corp.example",
        {P.ENV_VAR, P.USERINFO},
        True,
    ),
    ("http://a@b@evil.example/", "evil.example", {P.USERINFO}, True),
    ("http://pypi.org%2f@evil.example/", "evil.example", {P.USERINFO, P.AUTHORITY_ESCAPE}, True),
    # Percent-decoding of the host.
    ("http://evil%2eexample/", "evil.example", {P.AUTHORITY_ESCAPE}, True),
    ("http://%6c%6f%63%61%6c%68%6f%73%74/", "localhost", {P.AUTHORITY_ESCAPE, P.LOCAL_HOST}, True),
    # IPv4 number forms.
    ("http://2130706433/simple", "127.0.0.1", {P.IP_LITERAL, P.LOCAL_HOST}, True),
    ("http://0x7f.1/simple", "127.0.0.1", {P.IP_LITERAL, P.LOCAL_HOST}, True),
    ("http://127.1/simple", "127.0.0.1", {P.IP_LITERAL, P.LOCAL_HOST}, True),
    ("http://0177.0.0.1/", "127.0.0.1", {P.IP_LITERAL, P.LOCAL_HOST}, True),
    ("http://10.1/", "10.0.0.1", {P.IP_LITERAL, P.LOCAL_HOST}, True),
    ("http://0.0.0.0/", "0.0.0.0", {P.IP_LITERAL, P.LOCAL_HOST}, True),
    (
        "http://169.254.169.254/latest/meta-data/",
        "169.254.169.254",
        {P.IP_LITERAL, P.LOCAL_HOST},
        True,
    ),
    ("http://1.1.1.1/simple", "1.1.1.1", {P.IP_LITERAL}, True),
    # IPv6, incl. an IPv4-mapped loopback.
    ("http://[::1]:8080/", "[::1]", {P.IP_LITERAL, P.LOCAL_HOST}, True),
    ("http://[::ffff:127.0.0.1]/", "[::ffff:7f00:1]", {P.IP_LITERAL, P.LOCAL_HOST}, True),
    ("http://[fe80::1]/", "[fe80::1]", {P.IP_LITERAL, P.LOCAL_HOST}, True),
    ("http://[2606:4700::1111]/", "[2606:4700::1111]", {P.IP_LITERAL}, True),
    # localhost in its spellings.
    ("http://LOCALHOST/", "localhost", {P.LOCAL_HOST}, True),
    ("http://localhost./", "localhost", {P.LOCAL_HOST}, True),
    ("http://pypi.localhost/", "pypi.localhost", {P.LOCAL_HOST}, True),
    # IDNA: full-width letters map to the ASCII host.
    ("http://\u24d4\u24e5\u24d8\u24db.example/", "evil.example", set(), True),
    # Tabs and newlines are dropped by WHATWG: refused.
    ("http://ev\til.example/", "evil.example", {P.CONTROL}, True),
    # Environment variables in the host.
    ("http://${HOST}/simple", "${host}", {P.ENV_VAR}, True),
    # http(s) text that does not parse: refused, no host.
    ("http://999999999999/", None, {P.INVALID}, True),
    ("http://pypi.org:99999/", None, {P.INVALID}, True),
    ("http://a.b%00/", None, {P.INVALID, P.AUTHORITY_ESCAPE}, True),
    ("http://", None, {P.INVALID}, True),
    # Not network URLs: paths, file URLs, channel names, a whole-variable placeholder.
    ("./wheels", None, set(), False),
    ("file:///srv/wheels", None, set(), False),
    ("conda-forge", None, set(), False),
    ("pytorch/label/nightly", None, set(), False),
    ("${PIP_EXTRA_INDEX_URL}", None, {P.ENV_VAR}, False),
]


@pytest.mark.parametrize(("url", "host", "problems", "network"), WHATWG_CASES)
def test_whatwg_host(url: str, host: str | None, problems: set[UrlProblem], network: bool) -> None:
    parsed = parse_url(url)
    assert (parsed.host, set(parsed.problems), parsed.network) == (host, problems, network)
    assert parsed.refused == bool(problems)
    assert allowed(parsed, ["*"]) == (network and not problems)


@pytest.mark.parametrize(
    ("host", "patterns", "expected"),
    [
        ("pypi.org", ["pypi.org"], True),
        ("pypi.org.", ["pypi.org"], True),
        ("PyPI.org", ["pypi.org"], True),
        ("a.corp.example", ["*.corp.example"], True),
        ("corp.example", ["*.corp.example"], False),
        ("evil.example", ["pypi.org", "*.corp.example"], False),
        ("pypi.org.evil.example", ["pypi.org"], False),
    ],
)
def test_host_matches(host: str, patterns: list[str], expected: bool) -> None:
    assert host_matches(host, patterns) is expected


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://user:s3cret@pypi.corp.example/simple", "https://***@pypi.corp.example/simple"),
        ("https://pypi.org/simple", "https://pypi.org/simple"),
        # What uv contacts, not what the text seems to say.
        (
            "http://127.0.0.1:18765\\@pypi.org/backslash-bypass/simple/",
            "http://127.0.0.1:18765/@pypi.org/backslash-bypass/simple/",
        ),
        # Unparseable: the userinfo is hidden all the same.
        ("http://user:s3cret@pypi.org:99999/", "http://***@pypi.org:99999/"),
        ("./wheels", "./wheels"),
    ],
)
def test_redact(url: str, shown: str) -> None:
    assert redact(url) == shown


@given(st.text(max_size=300))
def test_parse_url_never_raises(text: str) -> None:
    parsed = parse_url(text)
    assert parsed.host is None or parsed.network
    redact(text)


@given(
    st.from_regex(
        r"(https?|HTTP|git\+https)://[\\@:/%.a-zA-Z0-9${}\[\]#?;\t ~-]{0,40}", fullmatch=True
    )
)
def test_an_allowed_url_has_the_host_python_sees(url: str) -> None:
    """Whatever passes the allow-list names one host for every parser (no differential)."""
    parsed = parse_url(url)
    if allowed(parsed, ["*"]):
        assert (urlsplit(url.strip()).hostname or "").rstrip(".") == parsed.host
