"""A host that refuses bwrap a user namespace gets a message that names the fix.

A fake `bwrap` (a shell script) prints what bubblewrap prints on such hosts and exits 1;
`check_bwrap` must then name the AppArmor sysctl and the profile to load. The messages are
bubblewrap's own (bubblewrap.c: "No permissions to creating new namespace, likely because
the kernel does not allow non-privileged user namespaces ..."; "setting up uid map:
Permission denied" as reported on Ubuntu 24.04 in containers/bubblewrap and downstream
issues, e.g. DevToys-app/DevToys#1373, RusNor/StartWine-Launcher#37).
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from worker.smoke.sandbox import check_bwrap, userns_hint

NAMESPACE_REFUSED = (
    "bwrap: No permissions to creating new namespace, likely because the kernel does not"
    " allow non-privileged user namespaces. On e.g. debian this can be enabled with"
    " 'sysctl kernel.unprivileged_userns_clone=1'."
)


def _fake_bwrap(tmp_path: Path, stderr: str, code: int) -> str:
    script = tmp_path / "bwrap"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' {shlex.quote(stderr)} >&2\nexit {code}\n")
    script.chmod(0o755)
    return str(script)


@pytest.mark.parametrize(
    ("stderr", "names_the_fix"),
    [
        ("bwrap: setting up uid map: Permission denied", True),
        (NAMESPACE_REFUSED, True),
        ("bwrap: loopback: Failed RTM_NEWADDR: Operation not permitted", True),
        ("bwrap: Creating new namespace failed: Operation not permitted", True),
        ("bwrap: Can't mount proc on /newroot/proc: Operation not permitted", False),
        ("bwrap: execvp true: No such file or directory", False),
    ],
)
def test_a_refused_user_namespace_names_the_apparmor_fix(
    tmp_path: Path, stderr: str, names_the_fix: bool
) -> None:
    problem = check_bwrap(_fake_bwrap(tmp_path, stderr, 1))
    assert problem is not None
    assert "failed (exit 1)" in problem and stderr in problem  # bwrap's own words stay
    assert ("kernel.apparmor_restrict_unprivileged_userns" in problem) is names_the_fix
    assert ("docs/gpu-runners.md" in problem) is names_the_fix


def test_a_working_bwrap_reports_nothing(tmp_path: Path) -> None:
    assert check_bwrap(_fake_bwrap(tmp_path, "", 0)) is None


@pytest.mark.parametrize(
    ("sysctl", "says_it_is_set_here"),
    [("1\n", True), ("0\n", False), (None, False)],
)
def test_the_hint_says_whether_this_host_has_the_restriction(
    tmp_path: Path, sysctl: str | None, says_it_is_set_here: bool
) -> None:
    path = tmp_path / "apparmor_restrict_unprivileged_userns"
    if sysctl is not None:
        path.write_text(sysctl)
    hint = userns_hint("bwrap: setting up uid map: Permission denied", sysctl=path)
    assert "AppArmor profile" in hint
    assert ("it is 1 on this host" in hint) is says_it_is_set_here
