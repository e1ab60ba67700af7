"""A pinned torch-family release that PyPI serves no Linux x86_64 file of (part of
torch-family-mismatch).

The KB's index reading (rules/kb/data/torch.json ``family_requirements``) records, for a
release whose Linux wheel it could not read, the files the index lists for it (``files``).
When none of them is a Linux x86_64 wheel and none is a source archive, ``pip install X==V``
on Linux x86_64 from PyPI alone finds no matching distribution (torchtext 0.15.0, yanked: macOS,
Windows and aarch64 wheels only; bond005/pisets#2). A PyTorch index serves its own builds,
so an environment with one is not judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rules.checks.base import Rule
from rules.checks.support.environments import version_of
from rules.checks.support.fixes import finding
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase
from rules.manifests.model import Requirement

_LINUX_X86 = re.compile(r"-(?:manylinux[0-9_a-z]*|linux)_x86_64(?:\.[a-z0-9_]+)*\.whl$")
_SDIST = (".tar.gz", ".zip", ".tar.bz2")


def _installable_on_linux_x86(files: tuple[str, ...]) -> bool:
    """Whether pip on Linux x86_64 can take one of the files (a wheel for it, or sources)."""
    return any(f.endswith(_SDIST) or _LINUX_X86.search(f) for f in files)


def no_linux_file_findings(
    rule: Rule, kb: KnowledgeBase, reqs: list[Requirement], *, pytorch_index: bool
) -> Iterator[Finding]:
    """An error per pinned family member whose release PyPI serves no Linux x86_64 wheel and
    no source archive of (the caller checks that Linux x86_64 is a target)."""
    if pytorch_index:
        return
    for req in reqs:
        version = version_of(req)
        if version is None or req.url:
            continue
        row = kb.torch_requirement_row(req.name, version)
        if row is None or row.linux_wheel:
            continue
        files = row.files
        if not files or _installable_on_linux_x86(files):
            continue
        shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        yield finding(
            rule,
            f"{req.raw.strip()}: PyPI serves no Linux x86_64 wheel and no source archive of "
            f"{req.name} {version.public} (only {shown}), so `pip install` on Linux x86_64 "
            f"fails with 'No matching distribution found' (decided by the pin).",
            req.location,
            package=req.name,
            fix=None,
            evidence=(f"KB torch.json: {row.source[:300]}",),
            severity=Severity.ERROR,
            fingerprint=f"{req.name}:no-linux-file",
        )
