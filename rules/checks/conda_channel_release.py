"""A conda ``pytorch`` release that none of the environment's channels publishes.

The ``pytorch`` channel stopped at 2.5 (pytorch/pytorch#138506; the KB's
conda_pytorch_cuda.json lists its minors). A conda environment that asks for
``pytorch=2.6`` from ``-c pytorch`` cannot be created: kuleshov-group/bd3lms#11
(``PackagesNotFoundError: ... pytorch=2.6*`` with channels pytorch, anaconda, nvidia, defaults).

Certain (error) when every channel the environment can use is one whose pytorch releases the
KB knows (``pytorch``, ``nvidia``) and ``nodefaults`` keeps Anaconda's channels out; a
warning when Anaconda's ``defaults`` may be searched (listed, or implied without
``nodefaults``): the KB does not record its pytorch builds. ``conda-forge``, any other
channel, or a ``channel::pytorch`` prefix that names one of those: not judged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.conda_hygiene import channel_names
from rules.checks.support.environments import spec_contains
from rules.checks.support.fixes import finding_at
from rules.checks.support.packages import files_of
from rules.checks.support.versions import torch_releases
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase
from rules.manifests.model import Ecosystem, FileKind, ManifestFile, Requirement

#: Channels whose pytorch releases the KB knows: the pytorch channel's (nvidia has none).
_KNOWN = frozenset({"pytorch", "nvidia"})


def _newest_on_channel(kb: KnowledgeBase) -> Version | None:
    """The newest torch release of the last minor the pytorch channel published."""
    if not kb.conda.pytorch_channel:
        return None
    last = kb.conda_pytorch_last_minor()
    same = [v for v in torch_releases(kb) if (v.major, v.minor) == (last.major, last.minor)]
    return max(same) if same else Version(f"{last}.0")


def _prefix_channel(req: Requirement) -> str | None:
    """The channel a ``channel::pytorch`` spec names, when it names one."""
    raw = req.raw.strip()
    return raw.split("::", 1)[0].strip().lower() if "::" in raw else None


class CondaReleaseNotOnChannels(
    StaticRule, id="conda-release-not-on-channels", severity=Severity.ERROR
):
    """``pytorch=X`` in a conda environment whose channels never published X."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """A finding per conda environment file asking for a pytorch past the channel's."""
        newest = _newest_on_channel(ctx.kb)
        if newest is None:
            return
        for _, manifest in files_of(ctx.snapshot, {FileKind.CONDA}):
            yield from self._file(ctx.kb, manifest, newest)

    def _file(
        self, kb: KnowledgeBase, manifest: ManifestFile, newest: Version
    ) -> Iterator[Finding]:
        names = channel_names(manifest)
        if "pytorch" not in names:
            return
        nodefaults = "nodefaults" in names
        listed = {n for n in names if n != "nodefaults"}
        defaults = "defaults" in listed or not nodefaults
        if listed - _KNOWN - {"defaults"}:
            return  # conda-forge or another channel may carry it
        for req in manifest.requirements:
            if req.ecosystem != Ecosystem.CONDA or req.name != "pytorch" or not req.specifier:
                continue
            prefix = _prefix_channel(req)
            if prefix is not None and prefix not in _KNOWN:
                continue
            known = [v for v in torch_releases(kb) if spec_contains(req.specifier, v) is True]
            if not known or min(known) <= newest:
                continue
            yield self._finding(manifest, req, newest, names, defaults=defaults)

    def _finding(
        self,
        manifest: ManifestFile,
        req: Requirement,
        newest: Version,
        names: list[str],
        *,
        defaults: bool,
    ) -> Finding:
        channels = ", ".join(names)
        if defaults:
            text = (
                f"{req.raw.strip()}: the pytorch channel stopped at {newest} "
                f"(pytorch/pytorch#138506), so only Anaconda's `defaults` could provide this "
                f"release (channels: {channels}); depreview does not know that it does. "
                f"conda env create fails with PackagesNotFoundError otherwise."
            )
        else:
            text = (
                f"{req.raw.strip()}: the pytorch channel stopped at {newest} "
                f"(pytorch/pytorch#138506) and no other channel here publishes pytorch "
                f"(channels: {channels}): conda env create fails with PackagesNotFoundError."
            )
        return finding_at(
            self,
            text,
            req.location,
            package=req.name,
            fix=(
                f"pytorch={newest.major}.{newest.minor}  # the last pytorch-channel release; "
                "or install torch from pip (a `pip:` block) or pytorch from conda-forge"
            ),
            evidence=(
                f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                f"KB conda_pytorch_cuda.json: pytorch channel minors up to "
                f"{newest.major}.{newest.minor}",
            ),
            severity=Severity.WARNING if defaults else Severity.ERROR,
            fingerprint=f"{manifest.path}:pytorch-channel-release",
        )


RULES: tuple[Rule, ...] = (CondaReleaseNotOnChannels(),)
