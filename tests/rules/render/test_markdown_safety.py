"""Untrusted strings never change the structure of the App's comment or check run text.

Security review finding 9 (§7): a directory named `<!--` hid every later finding, backticks in
a path broke code spans and pinged `@octocat @github/security`, and an index URL rendered as
a link. `structure_problems` reads rendered Markdown the way GitHub does for what matters
here (fenced blocks, code spans, then text); the property test feeds it hostile paths,
package names, URLs and messages.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.findings import Finding, Severity
from rules.render.checkrun import render_check_output
from rules.render.markdown import MARKER, render_comment
from tests.rules.render.test_renderers import make_review

#: The HTML depreview itself writes (folded sections); anything else is injected.
OWN_TAGS = ("<details>", "</details>", "<summary>", "</summary>")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RUN = re.compile(r"`+")
_MENTION = re.compile(r"@[A-Za-z0-9]")
_AUTOLINK = re.compile(r"(?i)(https?://|ftp://|mailto:|www\.)")
_UNESCAPED_BRACKET = re.compile(r"(?<!\\)(\\\\)*\[")


def _outside_code(line: str, problems: list[str]) -> str:
    """The line without its code spans; an unmatched backtick run is a problem."""
    out = []
    pos = 0
    while True:
        run = _RUN.search(line, pos)
        if run is None:
            out.append(line[pos:])
            return "".join(out)
        out.append(line[pos : run.start()])
        fence = run.group(0)
        close = re.compile(rf"(?<!`){fence}(?!`)").search(line, run.end())
        if close is None:
            problems.append(f"unbalanced code span: {line!r}")
            return "".join(out)
        pos = close.end()


def structure_problems(markdown: str, *, marker: bool) -> list[str]:
    """Mentions, links, HTML, unbalanced code spans or fences outside what depreview writes."""
    problems: list[str] = []
    text = markdown.removeprefix(MARKER) if marker else markdown
    fence: str | None = None
    for line in text.splitlines():
        match = _FENCE.match(line)
        if fence is not None:
            closes = match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)
            if closes and not line.strip().strip(fence[0]):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        plain = _outside_code(line, problems)
        for tag in OWN_TAGS:
            plain = plain.replace(tag, "")
        if "<" in plain:
            problems.append(f"HTML: {line!r}")
        if _MENTION.search(plain):
            problems.append(f"mention: {line!r}")
        if _AUTOLINK.search(plain) or _UNESCAPED_BRACKET.search(plain):
            problems.append(f"link: {line!r}")
    if fence is not None:
        problems.append("unterminated fenced code block")
    return problems


def _rendered(review: object) -> list[tuple[str, bool]]:
    out = render_check_output(review)  # type: ignore[arg-type]
    return [(render_comment(review), True), (out.summary, False), (out.text, True)]  # type: ignore[arg-type]


def _finding(path: str, package: str, url: str, message: str, new: bool = True) -> Finding:
    return Finding(
        rule="untrusted-index",
        category="untrusted-index",
        severity=Severity.WARNING,
        message=f"`{path}` uses {url} for `{package}`: {message}\n{message}",
        file=path,
        line=1,
        package=package,
        fix=f"--index-url {url}",
        evidence=(url, path, message),
        fingerprint=f"{path}:{package}:{url}",
    ).with_new(new)


def test_the_security_review_poc_renders_inert() -> None:
    findings = [
        Finding(
            rule="parse-error",
            category="parse-error",
            severity=Severity.ERROR,
            message="<!--/requirements.txt:1:6: Expected semicolon",
            file="<!--/requirements.txt",
            line=1,
            fingerprint="p",
        ).with_new(True),
        Finding(
            rule="unpinned-framework",
            category="unpinned-framework",
            severity=Severity.WARNING,
            message="torch is an ML framework and x`@octocat @github/security`y/requirements.txt",
            file="x`@octocat @github/security`y/requirements.txt",
            line=1,
            package="torch",
            fingerprint="u",
        ).with_new(True),
        _finding(
            "requirements-ml.txt",
            "pkg",
            "x://x.invalid/[Approve_this_PR](https://evil.example/phish)",
            "see https://evil.example",
        ),
        Finding(  # after the others: must stay visible (not inside an HTML comment)
            rule="numpy-abi",
            category="numpy-abi",
            severity=Severity.ERROR,
            message="the last finding",
            fingerprint="n",
        ).with_new(True),
    ]
    for text, marker in _rendered(make_review(findings)):
        assert structure_problems(text, marker=marker) == []
    assert "the last finding" in render_comment(make_review(findings))


def test_the_checker_sees_each_attack_it_guards_against() -> None:
    # Guard against a checker that cannot fail.
    for bad in (
        "x <!-- y",
        "`a` `` b",
        "hi @octocat",
        "[a](b)",
        "see https://evil.example",
        "```\nnever closed",
    ):
        assert structure_problems(bad, marker=False), bad


HOSTILE = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<!--",
                "-->",
                "<img src=x>",
                "@octocat",
                "@github/security",
                "`",
                "``",
                "```",
                "[x](https://evil.example)",
                "![i](http://e/i.png)",
                "https://evil.example",
                "www.evil.example",
                "mailto:a@b.c",
                "\\",
                "|",
                "\n",
                "&lt;",
                "#",
                "- ",
                "1. ",
                "    ",
                "~~~",
                "*",
                "_",
                "]",
                "[",
                ":",
                "a@b.example",
            ]
        ),
        st.text(alphabet="`@<>!-[]()/\\|*_#&:;.~ \nahtpswAZ09", max_size=12),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=HOSTILE, package=HOSTILE, url=HOSTILE, message=HOSTILE, new=st.booleans())
def test_hostile_strings_never_make_mentions_links_html_or_broken_code(
    path: str, package: str, url: str, message: str, new: bool
) -> None:
    review = make_review(
        [
            _finding(path or "p", package or "x", url, message, new),
            _finding("requirements.txt", "numpy", "u", "last", True),
        ]
    )
    for text, marker in _rendered(review):
        assert structure_problems(text, marker=marker) == [], text
