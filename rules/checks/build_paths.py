"""foreign-build-path: requirements installed from a folder of the machine that wrote them.

``pip freeze`` (and ``conda env export``) in a conda environment writes each conda-installed
package as ``name @ file:///...`` pointing at the folder conda-build built it in:
``boltons @ file:///croot/boltons_1677628692245/work`` (Anaconda's builds),
``comm @ file:///home/conda/feedstock_root/build_artifacts/comm_1733502965406/work``
(conda-forge's), ``file:///tmp/build/80754af9/...``, ``file:///C:/b/abs_...``. No other
machine has those folders, so ``pip install -r`` stops at the first one with "No such file or
directory" (huenao/Debate-Augmented-RAG #2, "Some libraries do not exist": 44 such lines in
its requirements.txt; eckertzhang/Text2NeRF and KU-VGI/AP ship the same). Also a user's home
folder (``file:///home/alice/...``, ``file:///Users/alice/...``), where no Dockerfile, CI
workflow or tox environment installs the file (an image may hold such a path). One error per
file, at its first such line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.environments import installed_by
from rules.checks.support.fixes import finding
from rules.findings import Finding, Severity
from rules.manifests.model import FileKind, Requirement

#: Folders conda-build builds in: never on another machine.
_CONDA_BUILD = re.compile(
    r"^/(?:croot/|tmp/build/|tmp/abs_|home/conda/feedstock_root/|opt/conda/conda-bld/"
    r"|[A-Za-z]:/(?:b|bld|ci_\d+)/|feedstock_root/)"
)
#: A user's home folder: on that user's machine only.
_HOME = re.compile(r"^/(?:home|Users)/[^/]+/|^/[A-Za-z]:/Users/[^/]+/")
#: Files whose requirements are installed from the repository as they are.
_KINDS = frozenset({FileKind.REQUIREMENTS, FileKind.CONDA})


def _path(url: str) -> str | None:
    """The local path of a ``file:`` URL (``file:///croot/x`` → ``/croot/x``), else None."""
    if not url.lower().startswith("file:"):
        return None
    rest = unquote(url[5:])
    if rest.startswith("//"):
        rest = rest[2:]
        rest = rest[rest.find("/") :] if not rest.startswith("/") else rest
    return rest if rest.startswith("/") else None


class ForeignBuildPath(StaticRule, id="foreign-build-path", severity=Severity.ERROR):
    """Requirements that point at a build folder or home folder of another machine."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One finding per file."""
        for path in sorted(ctx.snapshot.files):
            manifest = ctx.snapshot.files[path]
            if manifest.kind not in _KINDS:
                continue
            scripted = installed_by(ctx.snapshot, path)
            foreign = [
                req
                for req in manifest.requirements
                if req.url
                and (local := _path(req.url)) is not None
                and (_CONDA_BUILD.match(local) or (not scripted and _HOME.match(local)))
            ]
            if foreign:
                yield self._finding(path, foreign)

    def _finding(self, path: str, foreign: list[Requirement]) -> Finding:
        first = foreign[0]
        shown = ", ".join(r.name for r in foreign[:5]) + (
            f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        )
        return finding(
            self,
            f"{path} installs {len(foreign)} requirement{'s' if len(foreign) > 1 else ''} "
            f"({shown}) from folders of the machine that wrote it ({first.url}): a `pip "
            "freeze` of a conda environment writes conda-built packages so. No other machine "
            "has them, and pip stops at the first with 'No such file or directory'.",
            first.location,
            package=first.name,
            fix="write versions instead (`pip list --format=freeze` gives name==version), or "
            "leave conda's packages to environment.yml",
            evidence=tuple(f"{path}:{r.location.line}: {r.raw.strip()}" for r in foreign[:10]),
            fingerprint=f"foreign-build-path:{path}",
        )


RULES: tuple[Rule, ...] = (ForeignBuildPath(),)
