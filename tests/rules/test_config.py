"""`.github/depreview.yml`: schema, defaults, located config-error findings, never raising."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wcmatch import glob as wcglob

from rules.config import (
    CONFIG_PATH,
    DEFAULT_ALLOWED_INDEX_HOSTS,
    DEFAULT_CONFIG,
    GLOB_FLAGS,
    RepoConfig,
    config_text,
    glob_match,
    load_config,
)

FULL = """\
version: 1
rules:
  conflict: {severity: warning}
  no-lockfile: off
  unpinned-framework:
    severity: notice
ignore:
  - rule: conflict
    package: "numpy<2"
    reason: scipy 1.10 holds numpy below 1.24 until we upgrade
    owner: "@ml-platform"
    expires: 2031-01-31
  - category: untrusted-index
    reason: our mirror
targets:
  python: ["3.10", "3.11.7"]
  platforms: [linux_x86_64, linux_aarch64]
  cuda: [12.1, "11.8"]
runners:
  - name: h100-1
    driver: 550.54.15
    gpus:
      - name: NVIDIA H100 80GB HBM3
        compute_capability: 9.0
    labels: [gpu, h100]
allowed_index_hosts: [pypi.corp.example]
smoke:
  enabled: true
  packages: [torch]
  timeout_s: 300
paths:
  include: ["**"]
  exclude: ["third_party/**"]
conclusion:
  warning: failure
"""


def test_full_config_loads() -> None:
    config, findings = load_config(FULL)
    assert findings == []
    assert config.severity_for("conflict", "conflict") == "warning"
    assert config.disabled("no-lockfile", "no-lockfile")
    assert config.severity_for("unbounded-dependency", "unpinned-framework") == "notice"
    first = config.ignore[0]
    assert (first.package_name, first.version_range) == ("numpy", "<2")
    assert first.expires == date(2031, 1, 31) and first.line == 8
    assert config.targets.python == ["3.10", "3.11.7"]
    assert config.targets.cuda == ["12.1", "11.8"]
    assert config.runners[0].driver == "550.54.15"
    assert config.runners[0].gpus[0].compute_capability == "9.0"
    assert "pypi.corp.example" in config.allowed_index_hosts
    assert set(DEFAULT_ALLOWED_INDEX_HOSTS) <= set(config.allowed_index_hosts)
    assert config.smoke.enabled and config.smoke.timeout_s == 300
    assert not config.paths.selects("third_party/x/requirements.txt")
    assert config.paths.selects("requirements.txt")
    assert config.conclusion.warning == "failure"


@pytest.mark.parametrize("text", [None, "", "   \n", "# only a comment\n"])
def test_absent_or_empty_config_is_the_default(text: str | None) -> None:
    assert load_config(text) == (DEFAULT_CONFIG, [])


def test_default_config() -> None:
    assert RepoConfig() == DEFAULT_CONFIG
    assert "download.pytorch.org" in DEFAULT_CONFIG.allowed_index_hosts
    # uv.lock records PyTorch's wheel files on its R2 host (microsoft/winml-cli's uv.lock)
    assert "download-r2.pytorch.org" in DEFAULT_CONFIG.allowed_index_hosts
    assert "pypi.org" in DEFAULT_CONFIG.allowed_index_hosts
    assert DEFAULT_CONFIG.conclusion.warning == "neutral"
    assert DEFAULT_CONFIG.rules == {} and DEFAULT_CONFIG.ignore == []


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("version: 1\nrules:\n  conflict: [\n", 4, 1, "not valid YAML"),
        ("rules:\n\tconflict: off\n", 2, 1, "not valid YAML"),
        ("- a\n- b\n", 1, 1, "must be a mapping"),
        ("version: 1\nrules:\n  conflict: {severity: fatal}\n", 3, 24, "rules.conflict.severity"),
        ("version: 1\nsmoke:\n  timeout_s: many\n", 3, 14, "smoke.timeout_s"),
        ("version: 1\ntargets:\n  python: [3.10]\n", 3, 11, "quote Python versions"),
        ("version: 1\ntargets:\n  platforms: [linux_riscv]\n", 3, 15, "targets.platforms[0]"),
        ("version: 1\nignore:\n  - rule: conflict\n", 3, 5, "ignore[0].reason"),
        ("version: 1\nignore:\n  - package: numpy\n    reason: x\n", 3, 5, "rule` or `category"),
        (
            "version: 1\nignore:\n  - rule: x\n    package: 'numpy<<2'\n    reason: y\n",
            4,
            14,
            "ignore[0].package",
        ),
        ("version: 2\n", 1, 10, "unsupported config version"),
        ("version: 1\nrulez:\n  conflict: off\n", 3, 3, "unknown field"),
        ("version: 1\nrunners:\n  - name: a\n    driver: new\n", 4, 13, "runners[0].driver"),
    ],
)
def test_bad_config_is_a_located_config_error(
    text: str, line: int, column: int, words: str
) -> None:
    _config, findings = load_config(text)
    assert findings, text
    f = findings[0]
    assert (f.rule, f.category, f.file) == ("config-error", "config-error", CONFIG_PATH)
    assert words in f.message
    assert (f.line, f.column) == (line, column)


def test_a_bad_section_falls_back_alone_and_the_rest_applies() -> None:
    config, findings = load_config(
        "version: 1\nrules:\n  conflict: warning\nsmoke:\n  timeout_s: -5\n"
    )
    assert len(findings) == 1 and "smoke.timeout_s" in findings[0].message
    assert config.smoke == DEFAULT_CONFIG.smoke
    assert config.severity_for("conflict", "conflict") == "warning"


def test_unknown_rule_key_is_a_notice() -> None:
    config, findings = load_config("rules:\n  confict: off\n")
    (f,) = findings
    assert f.severity == "notice" and f.line == 2 and "confict" in f.message
    assert config.rules["confict"].severity == "off"


@pytest.mark.parametrize(
    "key", ["conflict", "no-lockfile", "resolution-conflict", "smoke-import", "findings-capped"]
)
def test_every_catalogued_id_or_category_is_a_known_rule_key(key: str) -> None:
    # Resolver and smoke ids are configured like static rules (rules/catalogue.py): no
    # "names no known rule" notice for them.
    config, findings = load_config(f"rules:\n  {key}: off\n")
    assert findings == []
    assert config.rules[key].severity == "off"


def test_yaml_off_and_short_form() -> None:
    config, findings = load_config("rules:\n  conflict: off\n  no-lockfile: {severity: 'off'}\n")
    assert findings == []
    assert config.disabled("conflict", "conflict")
    assert config.disabled("no-lockfile", "no-lockfile")


@pytest.mark.parametrize(
    ("expires", "today", "expired"),
    [
        ("2026-01-31", date(2026, 1, 31), False),
        ("2026-01-31", date(2026, 2, 1), True),
        (None, date(2099, 1, 1), False),
    ],
)
def test_ignore_expiry(expires: str | None, today: date, expired: bool) -> None:
    text = "ignore:\n  - rule: conflict\n    reason: r\n"
    if expires:
        text += f"    expires: {expires}\n"
    config, findings = load_config(text)
    assert findings == []
    assert config.ignore[0].expired(today) is expired


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("**", "a/b/requirements.txt", True),
        ("requirements*.txt", "requirements-dev.txt", True),
        ("requirements*.txt", "sub/requirements.txt", False),
        ("**/requirements.txt", "requirements.txt", True),
        ("**/requirements.txt", "a/b/requirements.txt", True),
        ("third_party/**", "third_party/x/environment.yml", True),
        ("third_party/**", "src/third_party.txt", False),
        ("third_party/**", "third_party", False),
        ("envs/?.yml", "envs/a.yml", True),
        ("envs/[ab].yml", "envs/b.yml", True),
        ("envs/[!ab].yml", "envs/b.yml", False),
        ("**", ".github/workflows/ci.yml", True),
        ("**/.venv/**", "x/.venv/lib/requirements.txt", True),
        ("/requirements.txt", "requirements.txt", True),
        ("Requirements.txt", "requirements.txt", False),
        ("requirements-{dev,test}.txt", "requirements-dev.txt", False),
        ("requirements-{dev,test}.txt", "requirements-{dev,test}.txt", True),
        ("!requirements.txt", "requirements.txt", False),
        # `**` spans folders only as a whole folder name; elsewhere it is a `*`
        ("a**", "ab/requirements.txt", False),
        ("**a", "x/ya", False),
        ("a/**/b", "a/x/y/b", True),
    ],
)
def test_glob_match(pattern: str, path: str, matches: bool) -> None:
    assert glob_match(pattern, path) is matches
    assert wcglob.globmatch(path, pattern.lstrip("/"), flags=GLOB_FLAGS) is matches


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    config, findings = load_config(text)
    assert isinstance(config, RepoConfig)
    assert all(f.category == "config-error" for f in findings)


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "version",
                "rules",
                "ignore",
                "targets",
                "runners",
                "smoke",
                "paths",
                "conclusion",
                "x",
            ]
        ),
        _VALUES,
        max_size=4,
    )
)
def test_arbitrary_structures_never_raise(data: dict[str, object]) -> None:
    import yaml

    config, findings = load_config(yaml.safe_dump(data))
    assert isinstance(config, RepoConfig)
    for f in findings:
        assert f.category == "config-error" and f.file == CONFIG_PATH


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a: &x [1, 2]\nb: [*x, *x]\n", "aliases"),
        ("version: 1\n" + "# padding\n" * 30_000, "larger than"),
    ],
)
def test_refused_texts(text: str, words: str) -> None:
    config, findings = load_config(text)
    assert config == DEFAULT_CONFIG
    (f,) = findings
    assert words in f.message and f.category == "config-error"


@pytest.mark.parametrize(
    ("text", "path", "selected"),
    [
        (None, "requirements.txt", True),
        (None, "tests/fixtures/requirements.txt", False),
        (None, "tests/rules/manifests/data/uv.lock", False),
        (None, "src/pkg/testdata/pyproject.toml", False),
        (None, "web/node_modules/a/requirements.txt", False),
        ("paths:\n  exclude: [third_party/**]\n", "third_party/x/requirements.txt", False),
        # a repo's excludes extend the defaults, never replace them
        ("paths:\n  exclude: [third_party/**]\n", "tests/fixtures/requirements.txt", False),
        ("paths:\n  exclude: []\n", "tests/fixtures/requirements.txt", False),
        ("paths:\n  exclude: []\n", "docker/Dockerfile", True),
    ],
)
def test_default_excludes(text: str | None, path: str, selected: bool) -> None:
    config, findings = load_config(text)
    assert findings == []
    assert config.paths.selects(path) is selected


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, None),
        ({"requirements.txt": b"torch\n"}, None),
        ({".github/depreview.yaml": "version: 1\n"}, None),
        ({CONFIG_PATH: "version: 1\n"}, "version: 1\n"),
        ({CONFIG_PATH: b"version: 1\n"}, "version: 1\n"),
        ({CONFIG_PATH: b"# caf\xe9\n"}, "# caf\ufffd\n"),
    ],
)
def test_config_text(files: dict[str, str | bytes], expected: str | None) -> None:
    assert config_text(files) == expected


def _regex_glob(pattern: str, path: str) -> bool:
    """The former regex translation, kept as the reference for what a usual glob meant."""
    import re

    out, i, pattern = [], 0, pattern.lstrip("/")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] in "*?":
            out.append("[^/]*" if pattern[i] == "*" else "[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.fullmatch("".join(out), path) is not None


#: Repository paths as git lists them: folder names, never empty, `.` or `..`.
_FOLDER = st.text(alphabet="ab.", min_size=1, max_size=3).filter(lambda n: n not in (".", ".."))
_PATHS = st.lists(_FOLDER, min_size=1, max_size=5).map("/".join)


@settings(max_examples=400, deadline=None)
@given(
    pattern=st.lists(
        # `\\` only before a `*`: before a `/` wcmatch reads it as one more `/` after a `/`
        # (`a/\\/b` needs `a//b`), as `/` elsewhere; no git path holds `//`; here `\\/` is `/`.
        st.sampled_from(["*", "**", "?", "/", "a", "b", ".", "[ab]", "[!a]", "b\\*"]),
        max_size=8,
    ).map("".join),
    path=_PATHS,
)
def test_glob_match_means_what_wcmatch_means(pattern: str, path: str) -> None:
    """wcmatch's glob (GLOBSTAR, DOTGLOB) is the meaning; only the `**` walk is ours."""
    expected = wcglob.globmatch(path, pattern.lstrip("/"), flags=GLOB_FLAGS)
    assert glob_match(pattern, path) is expected


@settings(max_examples=400, deadline=None)
@given(
    names=st.lists(st.sampled_from(["**", "*", "?", "a", "b*", "*.b", ".a", "a?"]), max_size=5),
    path=_PATHS,
)
def test_usual_globs_mean_what_they_meant(names: list[str], path: str) -> None:
    """Globs whose `**` are whole folder names match as the former regex translation did."""
    pattern = "/".join(names)
    assert glob_match(pattern, path) is _regex_glob(pattern, path)


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("**/x", "ax", False),
        ("**/x", "x", True),
        ("**/x", "a/b/x", True),
        ("a/**/b", "a/b", True),
        ("a/**/**/b", "a/x/b", True),
        ("a//b", "a/b", True),  # as wcmatch: `//` is one `/`
        ("a/**", "a/b/c", True),
        ("a/**", "a", False),  # a last `**` takes a folder at least
        ("a/", "a", False),  # a glob ending in `/` names a folder, never a file
        ("a\\/b", "a/b", True),
    ],
)
def test_double_star_and_slashes(pattern: str, path: str, matches: bool) -> None:
    assert glob_match(pattern, path) is matches
    assert wcglob.globmatch(path, pattern, flags=GLOB_FLAGS) is matches


def test_pathological_glob_finishes_in_bounded_time() -> None:
    # Security review finding 7a: `**a` x 8 + `X` against 60 `a`s took 54 s as a regex.
    import time

    started = time.monotonic()
    for k in (8, 10, 40):
        assert not glob_match("**a" * k + "X", "a" * 60 + "/requirements.txt")
    assert not glob_match("*" * 400 + "X", "a" * 2000)
    # Whole-name `**`: wcmatch's own regex for `a/**/` x 9 + `X` against 40 folders takes
    # 35 s (measured, wcmatch 12.0.1); names and folders are walked here instead.
    deep = "/".join(["a"] * 40)
    assert not glob_match("a/**/" * 9 + "X", deep)
    assert not glob_match("**/a/" * 100 + "X", "/".join(["a"] * 2000))
    assert not glob_match("**/*a*a*a*a*/" * 30 + "X", "/".join(["a" * 60] * 60))
    assert time.monotonic() - started < 2.0
