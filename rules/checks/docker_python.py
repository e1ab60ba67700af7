"""The Python a Dockerfile stage gets, against what the stage does with it.

apt-python-unavailable: ``apt-get install python3.11`` on a release whose own archive has no
such package (Ubuntu 24.04 carries python3.12 only: ayutaz/piper-plus #378), with no PPA or other
apt source added before it: apt stops with "Unable to locate package". Certain: the build fails.

venv-python-mismatch: a stage runs a virtualenv that ``COPY --from`` brought from a stage with
another Python (a uv:python3.12 builder's ``/app/.venv`` in a python:3.14 runtime, after a
Dependabot bump of the runtime's FROM line alone: ilanbenb/wa_llm). The venv's ``bin/python``
links to the builder's python3.12, which the runtime does not have, and its packages sit in
``lib/python3.12``: every command through the venv fails. Certain: the image does not run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.fixes import finding_at
from rules.findings import Finding, Severity
from rules.manifests._dockerstage import APT_PYTHON_MISSING, VENV_PYTHON_MISMATCH
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
}


def _entries(snapshot: Snapshot, wanted: str) -> Iterator[tuple[str, list[str]]]:
    """(Dockerfile path, fields) of each `wanted` metadata entry, files in path order."""
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind != FileKind.DOCKERFILE:
            continue
        for key, value in manifest.metadata:
            if key == wanted:
                yield path, value.split("\t")


class AptPythonUnavailable(StaticRule, id="apt-python-unavailable", severity=Severity.ERROR):
    """Every ``apt-get install python3.X`` the OS release's own archive cannot satisfy."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per such package word."""
        for path, (line, column, os_name, python, package) in _entries(
            ctx.snapshot, APT_PYTHON_MISSING
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
    """Every copied virtualenv a stage uses whose Python is not the stage's."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per copied venv and stage."""
        for path, fields in _entries(ctx.snapshot, VENV_PYTHON_MISMATCH):
            line, column, venv, made_by, source, python, evidence = fields
            yield finding_at(
                self,
                f"{venv} is copied from stage {source}, where Python {made_by} made it, into "
                f"a stage whose Python is {python} ({evidence}): the venv's bin/python links "
                f"to a python{made_by} this stage does not have and its packages are in "
                f"lib/python{made_by}, so every command run through it fails.",
                Span(path, int(line), int(column)),
                package="python",
                fix=(
                    f"build both stages on the same Python: a python:{made_by} runtime image, "
                    f"or a builder on Python {python}"
                ),
                evidence=(
                    f"{path}:{line}: COPY --from of {venv} (made with Python {made_by})",
                    f"this stage's Python: {python} ({evidence})",
                ),
                fingerprint=f"venv-python:{path}:{venv}",
            )


RULES: tuple[Rule, ...] = (AptPythonUnavailable(), VenvPythonMismatch())
