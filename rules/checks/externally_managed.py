"""externally-managed-python: ``pip install`` into a distribution's own Python in a Dockerfile.

Debian 12+ and Ubuntu 24.04 mark their python3 as externally managed (PEP 668), so a Dockerfile
stage that installs the OS's python3 and then runs ``pip install`` outside a virtual
environment stops at that line with "error: externally-managed-environment" (the reader's
`rules.manifests._pep668` says which commands; a venv, ``--break-system-packages``,
``PIP_BREAK_SYSTEM_PACKAGES`` or removing the marker avoid it). Certain: the build fails.
"""

from __future__ import annotations

from collections.abc import Iterable

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.fixes import finding_at
from rules.findings import Finding, Severity
from rules.manifests._pep668 import EXTERNALLY_MANAGED
from rules.manifests.model import FileKind, Span

_OS_NAMES = {
    "debian12": "Debian 12",
    "debian13": "Debian 13",
    "ubuntu24.04": "Ubuntu 24.04",
    "ubuntu-latest": "ubuntu:latest (Ubuntu 24.04 or later)",
    "debian-latest": "debian:latest (Debian 12 or later)",
}


class ExternallyManagedPython(StaticRule, id="externally-managed-python", severity=Severity.ERROR):
    """Every pip command a Dockerfile runs with a PEP 668-marked system Python."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per such command."""
        for path in sorted(ctx.snapshot.files):
            manifest = ctx.snapshot.files[path]
            if manifest.kind != FileKind.DOCKERFILE:
                continue
            for key, value in manifest.metadata:
                if key != EXTERNALLY_MANAGED:
                    continue
                line, column, os_name, python, command = value.split("\t", 4)
                shown = _OS_NAMES.get(os_name, os_name)
                marker = (
                    f"/usr/lib/python{python}/EXTERNALLY-MANAGED"
                    if python != "3"
                    else ("/usr/lib/python3.X/EXTERNALLY-MANAGED")
                )
                yield finding_at(
                    self,
                    f"`{command}` runs with {shown}'s system Python {python}, which the OS "
                    f"marks externally managed (PEP 668: {marker}): pip refuses with "
                    f"'error: externally-managed-environment' and the build stops here.",
                    Span(path, int(line), int(column)),
                    package="pip",
                    fix=(
                        "RUN python3 -m venv /opt/venv  # (apt-get install python3-venv) then "
                        'ENV PATH="/opt/venv/bin:$PATH"; or pip install --break-system-packages'
                    ),
                    evidence=(
                        f"{path}:{line}: {command}",
                        f"{shown}'s python3 ships EXTERNALLY-MANAGED (PEP 668); pip skips the "
                        "check only in a venv, with --break-system-packages / "
                        "PIP_BREAK_SYSTEM_PACKAGES, or with --target/--prefix/--root",
                    ),
                    fingerprint=f"externally-managed:{path}:{command}",
                )


RULES: tuple[Rule, ...] = (ExternallyManagedPython(),)
