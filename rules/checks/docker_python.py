"""The Python a Dockerfile stage gets, against what the stage does with it.

externally-managed-python: ``pip install`` into a distribution's own Python. Debian 12+ and
Ubuntu 24.04 mark their python3 as externally managed (PEP 668), so a stage that installs the
OS's python3 and then runs ``pip install`` outside a virtual environment stops at that line with
"error: externally-managed-environment" (the reader's `rules.manifests._pep668` says which
commands; a venv, ``--break-system-packages``, ``PIP_BREAK_SYSTEM_PACKAGES`` or removing the
marker avoid it). Certain: the build fails.

apt-python-unavailable: ``apt-get install python3.11`` on a release whose own archive has no
such package (Ubuntu 24.04 carries python3.12 only: ayutaz/piper-plus #378), with no PPA or other
apt source added before it: apt stops with "Unable to locate package". Certain: the build fails.

venv-python-mismatch: a stage runs a virtualenv (or imports from a site-packages folder) that
``COPY --from`` brought from a stage with another Python (a uv:python3.12 builder's
``/app/.venv`` in a python:3.14 runtime, after a Dependabot bump of the runtime's FROM line
alone: ilanbenb/wa_llm). The venv's ``bin/python`` links to the builder's python3.12, which the
runtime does not have, and its packages sit in ``lib/python3.12``: every command through the
venv fails. A COPY of ``/usr/local/lib/python3.11/site-packages`` from a builder whose Python
is now 3.12 finds nothing. Certain: the image does not build or does not run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.fixes import finding_at
from rules.findings import Finding, Severity
from rules.manifests._dockerstage import APT_PYTHON_MISSING, VENV_PYTHON_MISMATCH
from rules.manifests._pep668 import EXTERNALLY_MANAGED
from rules.manifests.images import OS_APT_PYTHONS
from rules.manifests.model import FileKind, Snapshot, Span

_OS_NAMES = {
    "ubuntu18.04": "Ubuntu 18.04",
    "ubuntu20.04": "Ubuntu 20.04",
    "ubuntu22.04": "Ubuntu 22.04",
    "ubuntu24.04": "Ubuntu 24.04",
    "debian10": "Debian 10",
    "debian11": "Debian 11",
    "debian12": "Debian 12",
    "debian13": "Debian 13",
    "ubuntu-latest": "ubuntu:latest / ubuntu:rolling (Ubuntu 24.04 or later)",
    "debian-latest": "debian:latest / debian:stable (Debian 12 or later)",
}


def _entries(snapshot: Snapshot, wanted: str, fields: int) -> Iterator[tuple[str, list[str]]]:
    """(Dockerfile path, fields) of each `wanted` metadata entry (tab-separated, the last of
    the `fields` holding any further tabs), files in path order."""
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind != FileKind.DOCKERFILE:
            continue
        for key, value in manifest.metadata:
            if key == wanted:
                yield path, value.split("\t", fields - 1)


class ExternallyManagedPython(StaticRule, id="externally-managed-python", severity=Severity.ERROR):
    """Every pip command a Dockerfile runs with a PEP 668-marked system Python."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per such command."""
        for path, (line, column, os_name, python, command) in _entries(
            ctx.snapshot, EXTERNALLY_MANAGED, 5
        ):
            shown = _OS_NAMES.get(os_name, os_name)
            marker = f"/usr/lib/python{python if python != '3' else '3.X'}/EXTERNALLY-MANAGED"
            yield finding_at(
                self,
                f"`{command}` runs with {shown}'s system Python {python}, which the OS marks "
                f"externally managed (PEP 668: {marker}): pip refuses with "
                "'error: externally-managed-environment' and the build stops here.",
                Span(path, int(line), int(column)),
                package="pip",
                fix=(
                    "RUN python3 -m venv /opt/venv  # (apt-get install python3-venv) then "
                    'ENV PATH="/opt/venv/bin:$PATH"; or pip install --break-system-packages'
                ),
                evidence=(
                    f"{path}:{line}: {command}",
                    f"{shown}'s python3 ships EXTERNALLY-MANAGED (PEP 668); pip skips the check "
                    "only in a venv, with --break-system-packages / PIP_BREAK_SYSTEM_PACKAGES, "
                    "or with --target/--prefix/--root",
                ),
                fingerprint=f"externally-managed:{path}:{command}",
            )


class AptPythonUnavailable(StaticRule, id="apt-python-unavailable", severity=Severity.ERROR):
    """Every ``apt-get install python3.X`` the OS release's own archive cannot satisfy."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per such package word."""
        for path, (line, column, os_name, python, package) in _entries(
            ctx.snapshot, APT_PYTHON_MISSING, 5
        ):
            shown = _OS_NAMES.get(os_name, os_name)
            carried = ", ".join(f"python{v}" for v in sorted(OS_APT_PYTHONS.get(os_name, ())))
            yield finding_at(
                self,
                f"`apt-get install {package}` on {shown}: its archive carries {carried} only, "
                f"so apt stops with 'Unable to locate package {package}' and the build fails "
                "here (no PPA or other apt source is added before this line).",
                Span(path, int(line), int(column)),
                package=f"python{python}",
                fix=(
                    f"install the release's own Python ({carried}), use a base image with "
                    f"Python {python} (python:{python}-slim), or add the deadsnakes PPA first"
                ),
                evidence=(
                    f"{path}:{line}: apt-get install {package}",
                    f"{shown}'s archive (main, universe, -updates) carries {carried}",
                ),
                fingerprint=f"apt-python:{path}:{package}",
            )


class VenvPythonMismatch(StaticRule, id="venv-python-mismatch", severity=Severity.ERROR):
    """Every copied virtualenv or site-packages a stage uses whose Python is not the stage's,
    and every COPY of a site-packages folder the source stage's Python does not have."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per copied folder and stage."""
        for path, fields in _entries(ctx.snapshot, VENV_PYTHON_MISMATCH, 8):
            line, column, copied, made_by, source, python, evidence, kind = fields
            if kind == "source":
                message = (
                    f"COPY --from={source} names {copied}, but that stage's Python is {python} "
                    f"({evidence}): it has no python{made_by} folder, so the COPY finds nothing "
                    "and the build stops here."
                )
                fix = f"copy /usr/local/lib/python{python}/site-packages (or the venv) instead"
            elif kind == "site":
                message = (
                    f"{copied} is Python {made_by}'s site-packages, copied from stage {source} "
                    f"into a stage whose Python is {python} ({evidence}): python{python} does "
                    "not read that folder, so nothing copied there imports."
                )
                fix = (
                    f"copy into /usr/local/lib/python{python}/site-packages, from a builder "
                    f"on Python {python}"
                )
            else:
                message = (
                    f"{copied} is copied from stage {source}, where Python {made_by} made it, "
                    f"into a stage whose Python is {python} ({evidence}): the venv's bin/python "
                    f"links to a python{made_by} this stage does not have and its packages are "
                    f"in lib/python{made_by}, so every command run through it fails."
                )
                fix = (
                    f"build both stages on the same Python: a python:{made_by} runtime image, "
                    f"or a builder on Python {python}"
                )
            yield finding_at(
                self,
                message,
                Span(path, int(line), int(column)),
                package="python",
                fix=fix,
                evidence=(
                    f"{path}:{line}: COPY --from={source} of {copied} (Python {made_by})",
                    f"the Python there: {python} ({evidence})",
                ),
                fingerprint=f"venv-python:{path}:{copied}",
            )


RULES: tuple[Rule, ...] = (ExternallyManagedPython(), AptPythonUnavailable(), VenvPythonMismatch())
