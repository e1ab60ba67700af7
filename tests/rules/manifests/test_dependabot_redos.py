"""Dependabot commit messages are read in time linear in their length (security finding 7b).

The review's `redos_dependabot.py` (`reviews/security-poc/` in the shared folder) sent the
subject `bump a,a,...,a!`: 55 characters took 4.9 s, 63 took 63.6 s, each 4 more x4.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.manifests.dependabot import MAX_MESSAGE, MAX_SUBJECT, parse_commit_message


def _poc_subject(n: int) -> str:
    return "bump " + "a," * n + "a!"


@pytest.mark.timeout(10)
@pytest.mark.parametrize("n", [24, 26, 28, 100, 400, MAX_SUBJECT // 2])
def test_the_reviews_redos_subject_finishes(n: int) -> None:
    start = time.monotonic()
    assert parse_commit_message(_poc_subject(n)) is None
    assert time.monotonic() - start < 1.0


@pytest.mark.timeout(10)
def test_a_metadata_block_scan_is_linear() -> None:
    """Many `---` lines and no `...`: the former lazy regex was quadratic (20,000 lines: 10 s)."""
    start = time.monotonic()
    assert parse_commit_message("Bump x\n\n" + "---\n" * (MAX_MESSAGE // 4)) is None
    assert time.monotonic() - start < 2.0


@pytest.mark.timeout(10)
def test_an_overlong_subject_is_not_matched_but_its_block_is_read() -> None:
    block = (
        "\n\n---\nupdated-dependencies:\n- dependency-name: torch\n"
        "  dependency-type: direct:production\n  update-type: version-update:semver-minor\n...\n"
    )
    update = parse_commit_message("Bump torch and " + "x" * (MAX_SUBJECT + 10) + block)
    assert update is not None
    assert [d.name for d in update.dependencies] == ["torch"]


_NAME = st.from_regex(r"[a-z][a-z0-9_.\-]{0,10}", fullmatch=True)


@given(
    names=st.lists(_NAME, min_size=2, max_size=8),
    directory=st.sampled_from(["", " in /", " in /gpu", " in /requirements/ml"]),
    squash=st.sampled_from(["", " (#1234)"]),
    verb=st.sampled_from(["Bump", "bump", "chore(deps): bump", "[Security] Bump"]),
)
def test_several_names_still_read(names: list[str], directory: str, squash: str, verb: str) -> None:
    """Subjects in Dependabot's form (`Bump a, b and c in /dir`) keep their names."""
    subject = f"{verb} {', '.join(names[:-1])} and {names[-1]}{directory}{squash}"
    update = parse_commit_message(subject)
    assert update is not None
    assert [d.name for d in update.dependencies] == names
    assert update.directory == (directory.removeprefix(" in ") or None)


_HOSTILE = st.text(alphabet="ab, !-_./()#[]:\t\nand in bump from to Bump", max_size=2048)


@settings(deadline=1000, max_examples=200)
@given(subject=st.one_of(_HOSTILE, st.text(max_size=2048)))
def test_any_subject_up_to_2kb_finishes_and_never_raises(subject: str) -> None:
    parse_commit_message(subject)
