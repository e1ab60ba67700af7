"""`file-not-read`: a dependency file the reader left out is never passed over in silence.

A PR could pad its requirements file past the reader's size limit (or push it past the
file-count limit) so that nothing in it is judged; a review that cannot read a changed
file must not pass a required check (the gate fails closed). An oversized file the change
does not touch is a warning that both sides share, so it is never a new finding.
"""

from __future__ import annotations

import pytest

from rules.findings import Severity
from rules.manifests.snapshot import build_snapshot, unread_files, with_unread

LIMIT = "6000000 bytes, over the 5242880-byte limit"


@pytest.mark.parametrize(
    ("identity", "other", "changed"),
    [
        ("blob-b", {"requirements.txt": "blob-b"}, False),  # the same content on both sides
        ("blob-b", {"requirements.txt": "blob-a"}, True),  # the change rewrote it
        ("blob-b", {}, True),  # the change added it
        ("", {"requirements.txt": ""}, True),  # no identity: cannot tell, so changed
    ],
)
def test_changed_is_decided_by_content_identity(
    identity: str, other: dict[str, str], changed: bool
) -> None:
    ids = {"requirements.txt": identity} if identity else {}
    unread = unread_files({"requirements.txt": LIMIT}, ids, other)
    assert unread["requirements.txt"].changed is changed


@pytest.mark.parametrize(
    ("changed", "severity"), [(True, Severity.ERROR), (False, Severity.WARNING)]
)
def test_the_finding_is_located_and_says_why(changed: bool, severity: Severity) -> None:
    other = {} if changed else {"requirements.txt": "b1"}
    unread = unread_files({"requirements.txt": LIMIT}, {"requirements.txt": "b1"}, other)
    snapshot = with_unread(build_snapshot({"setup.cfg": "[metadata]\n"}), unread)
    (finding,) = [e for e in snapshot.errors if e.rule == "file-not-read"]
    assert (finding.file, finding.line, finding.column) == ("requirements.txt", 1, 1)
    assert finding.severity is severity and finding.category == "parse-error"
    assert LIMIT in finding.message


def test_an_unchanged_unread_file_has_the_same_fingerprint_on_both_sides() -> None:
    ids = {"uv.lock": "same"}
    base = with_unread(build_snapshot({}), unread_files({"uv.lock": LIMIT}, ids, ids))
    head = with_unread(build_snapshot({}), unread_files({"uv.lock": LIMIT}, ids, ids))
    assert [e.fingerprint for e in base.errors] == [e.fingerprint for e in head.errors]
    rewritten = unread_files({"uv.lock": LIMIT}, {"uv.lock": "new"}, ids)
    changed = with_unread(build_snapshot({}), rewritten)
    assert changed.errors[0].fingerprint != base.errors[0].fingerprint


def test_nothing_left_out_changes_nothing() -> None:
    snapshot = build_snapshot({"requirements.txt": "numpy==1.26.4\n"})
    assert with_unread(snapshot, {}) is snapshot
