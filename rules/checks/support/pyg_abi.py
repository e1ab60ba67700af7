"""PyG's compiled extensions next to a torch they were not built for (torch-family-mismatch).

torch-scatter, torch-sparse, torch-cluster, torch-spline-conv and pyg-lib publish their
compiled wheels on PyG's own wheel server, one page per torch build
(``https://data.pyg.org/whl/torch-2.1.0+cu118.html``), and label each wheel with the torch
minor and CUDA it was built against (``torch_scatter-2.1.2+pt20cu118``: torch 2.0, CUDA 11.8).
PyPI has only their sources. A wheel built for another torch minor installs, then fails at
import with an undefined symbol (rusty1s/pytorch_scatter#414: torch 2.1.1+cu118 with
torch_scatter 2.1.2+pt20cu118; the maintainer's answer to such reports: "a version mismatch
between PyTorch and torch-scatter").

- A pin or a wheel URL that carries the ``ptXY`` label: the build is known; another torch
  minor than the environment's exact torch is an error.
- A find-links page for another torch than the environment's: pip takes the page's wheel
  when it has one for the requirement, so a warning at the page (when the page has no wheel
  for it, pip builds the sources against the installed torch instead).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from packaging.utils import canonicalize_name
from packaging.version import Version

from rules.checks.base import Rule
from rules.checks.support.fixes import finding
from rules.checks.support.indexes import indexes_for
from rules.findings import Finding, Severity
from rules.manifests.model import Requirement, Snapshot

#: PyG's compiled extension packages (their wheels live on PyG's wheel server only).
EXTENSIONS = frozenset(
    {"torch-scatter", "torch-sparse", "torch-cluster", "torch-spline-conv", "pyg-lib"}
)
#: ``pt20cu118``, ``pt113cpu``, ``pt21cu121``: torch major (one digit) and minor.
_LABEL = re.compile(r"(?:^|[+])pt(?P<major>\d)(?P<minor>\d+)(?P<variant>cu\d+|cpu)\b")
_PAGE = re.compile(
    r"(?:data\.pyg\.org|pytorch-geometric\.com)/whl/torch-(?P<torch>\d+\.\d+)(?:\.\d+)?"
    r"(?:\+(?P<variant>cu\d+|cpu))?(?:\.html|/)"
)


def built_for(req: Requirement) -> tuple[str, str] | None:
    """The torch minor a PyG extension requirement's wheel is built for, and where that
    was read (its pin's local label, or the file name of its wheel URL)."""
    if req.local:
        match = _LABEL.search(f"+{req.local}")
        if match:
            return f"{match['major']}.{match['minor']}", f"+{req.local}"
    if req.url:
        name = unquote(req.url).rsplit("/", 1)[-1]
        if name.endswith(".whl"):
            match = _LABEL.search(name)
            if match:
                return f"{match['major']}.{match['minor']}", name
    return None


def _minor(version: Version) -> str:
    return f"{version.major}.{version.minor}"


def page_for(version: Version) -> str:
    """PyG's find-links page for a torch build (one page per torch minor and CUDA)."""
    variant = f"+{version.local}" if version.local else "+${CUDA}"
    return f"https://data.pyg.org/whl/torch-{version.major}.{version.minor}.0{variant}.html"


def pyg_findings(
    rule: Rule,
    snapshot: Snapshot,
    env: str,
    reqs: list[Requirement],
    torch: str,
    torch_at: str,
    version: Version,
) -> Iterator[Finding]:
    """Findings for the PyG extensions of one install next to exact torch `version` (`torch`:
    how it is declared, `torch_at`: where: a pin, or a pytorch/pytorch image's torch)."""
    have = _minor(version)
    extensions = [r for r in reqs if str(canonicalize_name(r.name)) in EXTENSIONS]
    if not extensions:
        return
    unlabelled = []
    for req in extensions:
        known = built_for(req)
        if known is None:
            unlabelled.append(req)
            continue
        wanted, read = known
        if wanted == have:
            continue
        yield finding(
            rule,
            f"{req.raw.strip()} is a wheel built for torch {wanted} ({read}), next to "
            f"{torch}: PyG's compiled extensions load only with the torch minor "
            f"they were built against, so `import {req.name.replace('-', '_')}` fails with an "
            f"undefined symbol (decided by the pins). Install the wheel built for torch {have} "
            f"(find-links page {page_for(version)}).",
            req.location,
            package=req.name,
            fix=None,
            evidence=(
                f"{torch_at}: {torch}",
                f"{req.location.file}:{req.location.line}: {read} = built for torch {wanted}",
            ),
            severity=Severity.ERROR,
            fingerprint=f"{req.name}:pyg-torch",
        )
    if not unlabelled:
        return
    for index in indexes_for(snapshot, env):
        page = _PAGE.search(unquote(index.url))
        if page is None or page["torch"] == have:
            continue
        names = ", ".join(r.name for r in unlabelled)
        yield finding(
            rule,
            f"{index.url} serves PyG wheels built for torch {page['torch']}, but this install "
            f"has {torch}: where the page has a wheel of {names}, pip takes it, "
            f"and it fails at import with an undefined symbol (PyG's compiled extensions load "
            f"only with the torch minor they were built against). Use the page of your torch: "
            f"{page_for(version)}.",
            index.location,
            package=unlabelled[0].name,
            fix=None,
            evidence=(
                f"{torch_at}: {torch}",
                f"{index.location.file}:{index.location.line}: {index.url}",
            ),
            severity=Severity.WARNING,
            fingerprint="pyg-page",
        )
