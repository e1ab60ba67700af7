"""A package only the pytorch conda channel publishes, in an environment without that channel.

``cpuonly``, ``pytorch-cuda`` and ``pytorch-mutex`` are the pytorch channel's build selectors
(and ``torchtriton`` its triton): conda-forge does not build them (conda-forge/pytorch-cpu-
feedstock#187: "pyg::pyg requires a package called pytorch-cuda, which we don't build"; its
selectors are ``pytorch-gpu``, ``pytorch-cpu`` and ``cuda-version``), nor does Anaconda's
``defaults``. An environment file that keeps ``cpuonly`` after dropping ``-c pytorch`` cannot
be created: fonnesbeck/Bayes_Computing_Course 8eb1a45 kept ``- cpuonly`` with channels
conda-forge only, and Binder failed with ``ResolvePackageNotFound: - cpuonly`` (#30; fixed by
2046652, "Remove cpuonly").

Certain (error) when every channel the file names is one that is known not to carry them
(conda-forge, defaults and its parts, nvidia, bioconda; ``defaults`` implied or not); any
other channel (a mirror, pyg, a URL) may carry them, a ``pytorch::cpuonly`` prefix names the
channel, and another environment file that lists the pytorch channel may be applied to the same
environment: not judged. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.conda_hygiene import channel_names
from rules.checks.support.fixes import finding_at
from rules.checks.support.packages import files_of
from rules.findings import Finding, Severity
from rules.manifests.model import Ecosystem, FileKind

#: Packages the pytorch channel (and its nightly and test channels) alone publishes.
PYTORCH_CHANNEL_ONLY = frozenset({"cpuonly", "pytorch-cuda", "pytorch-mutex", "torchtriton"})

#: Channels known not to carry them ("nodefaults" is no channel).
_WITHOUT = frozenset({"conda-forge", "defaults", "nvidia", "bioconda", "nodefaults"})


#: The pytorch channel (its nightly and test channels are other names).
_PYTORCH = "pytorch"


class CondaPackageNotOnChannels(
    StaticRule, id="conda-package-not-on-channels", severity=Severity.ERROR
):
    """A pytorch-channel package (``cpuonly``, ``pytorch-cuda``) with no pytorch channel."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per such dependency line of a conda environment file, unless another
        environment file of the repository lists a pytorch channel: files applied to one
        environment one after another (facebookresearch/fairchem: ``conda env update`` with
        env.common.yml, whose channels start with pytorch, then env.gpu.yml, channel nvidia
        and ``pytorch-cuda=11.6``) share their channels."""
        conda = list(files_of(ctx.snapshot, {FileKind.CONDA}))
        channels = {path: channel_names(manifest) for path, manifest in conda}
        for path, manifest in conda:
            names = channels[path]
            if not names or set(names) - _WITHOUT:
                continue  # the pytorch channel, or one that may carry its packages
            if any(_PYTORCH in other for p, other in channels.items() if p != path):
                continue
            for req in manifest.requirements:
                if req.ecosystem != Ecosystem.CONDA or req.name not in PYTORCH_CHANNEL_ONLY:
                    continue
                if "::" in req.raw:
                    continue  # `pytorch::cpuonly` names its channel
                kept = [n for n in names if n != "nodefaults"]
                listed = ", ".join(kept)
                yield finding_at(
                    self,
                    f"{req.raw.strip()}: {req.name} is published on the pytorch conda channel "
                    f"only, and this environment's channels ({listed}) do not include it: "
                    f"conda env create fails with ResolvePackageNotFound: {req.name}.",
                    req.location,
                    package=req.name,
                    fix=(
                        "channels:\n  - pytorch\n"
                        + "".join(f"  - {n}\n" for n in names)
                        + f"# or drop {req.name} (conda-forge selects builds with pytorch-cpu, "
                        "pytorch-gpu or cuda-version)"
                    ),
                    evidence=(
                        f"{path}:{req.location.line}: {req.raw.strip()}",
                        f"channels: {listed}",
                        f"{req.name}: a pytorch-channel package (conda-forge/pytorch-cpu-"
                        "feedstock#187)",
                    ),
                    fingerprint=f"{path}:{req.name}:not-on-channels",
                )


RULES: tuple[Rule, ...] = (CondaPackageNotOnChannels(),)
