"""cuda-variant-mismatch: different CUDA builds in one environment, or a pin its index lacks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.builds import candidates, decide, only_index, torch_variants
from rules.checks.support.cuda import CONDA_CUDA_SELECTORS, conda_build_cuda, conda_cuda
from rules.checks.support.environments import each_env, local_label, project, version_of
from rules.checks.support.fixes import finding, pinned_line
from rules.checks.support.indexes import (
    declared_at,
    indexes_for,
    pytorch_indexes,
    serves_variant,
    serving_indexes,
)
from rules.checks.support.markers import per_install
from rules.checks.support.versions import torch_releases
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase
from rules.kb.cudaver import (
    has_minor,
    major_minor,
    name_cuda_major,
    serves_all_variants,
    to_version,
    url_variant,
    variant_cuda,
)
from rules.manifests.model import (
    Ecosystem,
    Fact,
    FactKind,
    FileKind,
    Index,
    LockedPin,
    Requirement,
    Snapshot,
)
from rules.targets import Target, applies

_TORCH_FAMILY = ("torch", "torchvision", "torchaudio")
#: A conda pin's torch minor: `==2.3.1.*` (pytorch=2.3.1), `==2.3` or `==2.3.*`.
_CONDA_MINOR = re.compile(r"^===?(\d+)\.(\d+)(?:[.*]|$)")


#: A wheel file (or its URL) for Linux x86_64.
_LINUX_X86_WHEEL = re.compile(r"(?:manylinux[^/]*|linux)_x86_64\.whl", re.IGNORECASE)


def _from_pypi(pin: LockedPin) -> bool:
    """Whether a lock takes `pin` from PyPI: no other source named (Poetry writes a
    ``[package.source]`` only for another one), or uv's PyPI registry."""
    source = (pin.source or "").lower()
    return not source or "pypi.org" in source or "files.pythonhosted.org" in source


def _newest_cuda(variants: Iterable[str]) -> str | None:
    """The CUDA variant label with the highest CUDA version (not the last one listed)."""
    cu = [v for v in variants if variant_cuda(v)]
    return max(cu, key=lambda v: major_minor(variant_cuda(v)) or (0, 0)) if cu else None


def _describe(label: str) -> str:
    cuda = variant_cuda(label)
    return f"CUDA {cuda}" if cuda else ("CPU only" if label == "cpu" else label)


def _agree(a: str, b: str) -> bool:
    """Two CUDA versions agree on the parts both name (12 vs 12.1 agree; 11.8 vs 12 do not)."""
    ma, mb = major_minor(a), major_minor(b)
    if ma is None or mb is None:
        return True
    if ma[0] != mb[0]:
        return False
    return not (has_minor(a) and has_minor(b)) or ma[1] == mb[1]


#: The cuDNN major a pytorch/pytorch tag names (``-cudnn8-``).
_TAG_CUDNN = re.compile(r"-cudnn(\d+)-")


class CudaVariantMismatch(StaticRule, id="cuda-variant-mismatch", severity=Severity.ERROR):
    """torch+cu118 with torchvision+cu121; a +cu121 pin with a /whl/cu118 index; conda CUDA mix.

    A pip wheel against the conda CUDA selector is cuda-base-image-mismatch's to report.
    """

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every environment of the snapshot."""
        for env, reqs in each_env(ctx.snapshot):
            # labels are compared within one install: lines for other platforms never pair
            labelled = {r.name for r in reqs if local_label(r) is not None}
            yield from per_install(
                ctx.snapshot,
                env,
                reqs,
                ctx.config,
                lambda view: self._labels(list(view.reqs)),
                names=labelled,
            )
            yield from self._indexes(ctx, env, reqs)
            yield from self._conda(reqs)
            yield from self._conda_channel(ctx.kb, reqs)
            yield from self._unpublished(ctx.kb, reqs, indexes_for(ctx.snapshot, env))
            yield from self._cuda_named(ctx, env, reqs)
        yield from self._image_tags(ctx.kb, ctx.snapshot)
        yield from self._locked_pypi_members(ctx.kb, ctx.snapshot)

    def _locked_pypi_members(self, kb: KnowledgeBase, snapshot: Snapshot) -> Iterator[Finding]:
        """A lock whose torch for Linux x86_64 is a labelled build (``2.6.0+cpu`` from the
        PyTorch CPU source) next to torchvision / torchaudio locked from PyPI, whose Linux
        x86_64 wheels are the CUDA build PyPI's torch of that release is (ahmetoner/
        whisper-asr-webservice #284: torchaudio 2.6.0 from PyPI beside torch 2.6.0+cpu,
        "OSError: libtorch_cuda.so: cannot open shared object file"). A CPU torch, or one of
        another CUDA major, cannot load them."""
        linux = Target("3.12", "linux_x86_64")
        for path in sorted(snapshot.files):
            lock = snapshot.files[path]
            if lock.kind not in (FileKind.POETRY_LOCK, FileKind.UV_LOCK):
                continue
            torches = [
                p
                for p in lock.pins
                if p.name == "torch" and "+" in p.version and applies(p.marker, linux)
            ]
            if len({p.version for p in torches}) != 1:
                continue  # no labelled torch for Linux x86_64, or several: not judged
            torch = torches[0]
            label = torch.version.split("+", 1)[1]
            labelled = {p.name for p in lock.pins if "+" in p.version}
            for pin in lock.pins:
                if pin.name not in ("torchvision", "torchaudio") or pin.name in labelled:
                    continue  # a labelled twin: the lock splits the member by platform too
                if not _from_pypi(pin) or not applies(pin.marker, linux):
                    continue
                if pin.urls and not any(_LINUX_X86_WHEEL.search(u) for u in pin.urls):
                    continue  # the entry's wheels are for other platforms (uv's split entries)
                paired = kb.torch_for(pin.name, pin.version)
                release = kb.torch_release(paired) if paired else None
                default = release.pypi_default_cuda if release is not None else None
                ours = variant_cuda(label)
                if default is None or (
                    ours is not None and ours.split(".")[0] == default.split(".")[0]
                ):
                    continue
                yield finding(
                    self,
                    f"{lock.path} locks {pin.name} {pin.version} from PyPI, whose Linux x86_64 "
                    f"wheel is the CUDA {default} build (as PyPI's torch {paired} is), next to "
                    f"torch {torch.version} ({_describe(label)}): {pin.name} loads CUDA "
                    'libraries that torch does not bring ("libtorch_cuda.so: cannot open shared '
                    'object file"), so importing it fails.',
                    pin.location,
                    package=pin.name,
                    fix=(
                        f"take {pin.name} from the same source as torch: "
                        f"{pin.name}=={pin.version}+{label}"
                    ),
                    evidence=(
                        f"{torch.location.file}:{torch.location.line}: torch {torch.version}",
                        f"{pin.location.file}:{pin.location.line}: {pin.name} {pin.version} (PyPI)",
                        f"KB torch {paired}: PyPI's Linux wheels are CUDA {default} builds",
                    ),
                    fingerprint=f"lock-pypi-member:{pin.name}:{label}",
                )

    def _image_tags(self, kb: KnowledgeBase, snapshot: Snapshot) -> Iterator[Finding]:
        """A pytorch/pytorch image tag that names a CUDA build its torch release never had
        (``2.7.1-cuda12.4-cudnn9-runtime``: 2.7.1 was built for CUDA 11.8, 12.6 and 12.8):
        PyTorch publishes its images for the builds it released, so the tag does not exist
        and the build stops at FROM."""
        cudas = {
            (f.location.file, f.location.line, f.detail): f.value
            for f in snapshot.facts(FactKind.CUDA)
        }
        for fact in snapshot.facts(FactKind.IMAGE_TORCH):
            if not fact.detail.startswith(("pytorch/pytorch:", "docker.io/pytorch/pytorch:")):
                continue
            cuda = cudas.get((fact.location.file, fact.location.line, fact.detail))
            torch = to_version(fact.value)
            if cuda is None or torch is None or not has_minor(cuda):
                continue
            parts = major_minor(cuda)
            if parts is None:
                continue
            cudnn = _TAG_CUDNN.search(fact.detail)
            if cudnn is not None and cudnn.group(1) == "7" and parts[0] >= 11:
                yield self._no_cudnn7(fact, f"{parts[0]}.{parts[1]}")
                continue
            known = torch_variants(kb, torch)
            written = f"{parts[0]}.{parts[1]}"
            label = f"cu{parts[0]}{parts[1]}"
            cuda_builds = [v for v in known.labels if v.startswith("cu")] if known else []
            if known is None or len(cuda_builds) < 2 or label in known.labels:
                continue
            nearest = _newest_cuda(known.labels)
            tag = fact.detail.split(":", 1)[1]
            fix = None
            if nearest:
                fixed = tag.replace(f"cuda{written}", f"cuda{variant_cuda(nearest)}", 1)
                fix = f"FROM {fact.detail.split(':', 1)[0]}:{fixed}" if fixed != tag else None
            yield finding(
                self,
                f"{fact.detail}: torch {torch.public} was not published as a {label} build "
                f"(builds: {', '.join(cuda_builds)}), and PyTorch publishes its images for "
                f"the builds it released: this tag does not exist and the build stops at FROM "
                f"(manifest unknown).",
                fact.location,
                package="torch",
                fix=fix,
                fix_as_run=False,
                evidence=(known.source,),
                fingerprint=f"image-tag:{fact.detail}",
            )

    def _no_cudnn7(self, fact: Fact, cuda: str) -> Finding:
        """A pytorch/pytorch tag pairing CUDA 11 or later with cuDNN 7: cuDNN 7 was never
        built for CUDA 11 (its last release, 7.6.5, supports CUDA 9.0 to 10.2), so PyTorch
        never published such an image (open-mmlab/mmpose 4f5249d8 set ``ARG CUDA="11.1"``
        next to ``ARG CUDNN="7"``; #2069 moved CUDNN to 8 eight minutes later)."""
        tag = fact.detail.split(":", 1)[1]
        fixed = _TAG_CUDNN.sub("-cudnn8-", tag, count=1)
        return finding(
            self,
            f"{fact.detail}: cuDNN 7 was never built for CUDA {cuda} (its last release, "
            f"7.6.5, supports CUDA 9.0 to 10.2), so PyTorch published no image with this "
            f"pair: the tag does not exist and the build stops at FROM (manifest unknown).",
            fact.location,
            package="torch",
            fix=f"FROM {fact.detail.split(':', 1)[0]}:{fixed}",
            fix_as_run=False,
            evidence=("NVIDIA cuDNN 7.6.5 release notes: CUDA 9.0, 9.2, 10.0, 10.1, 10.2",),
            fingerprint=f"image-tag:{fact.detail}",
        )

    def _labels(self, reqs: list[Requirement]) -> Iterator[Finding]:
        labelled = [(r, lbl) for r in reqs if (lbl := local_label(r)) is not None]
        labels = Counter(lbl for _, lbl in labelled)
        if len(labels) < 2:
            return
        torch = next((lbl for r, lbl in labelled if project(r) == "torch"), None)
        reference = torch or sorted(labels, key=lambda k: (-labels[k], k))[0]
        anchor = next(r for r, lbl in labelled if lbl == reference)
        for req, label in labelled:
            if label == reference:
                continue
            version = version_of(req)
            fix = pinned_line(req, f"{version.public}+{reference}") if version else None
            yield finding(
                self,
                f"{req.raw.strip()} is built for {_describe(label)} but "
                f"{anchor.raw.strip()} in the same environment is built for "
                f"{_describe(reference)}: PyTorch packages of different CUDA builds cannot "
                f"be loaded together (undefined symbols or 'operator does not exist' errors).",
                req.location,
                package=req.name,
                fix=fix,
                evidence=(
                    f"{anchor.location.file}:{anchor.location.line}: {anchor.raw.strip()}",
                    f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                ),
                fingerprint=f"labels:{req.name}:{label}:{reference}",
            )

    def _indexes(self, ctx: RuleContext, env: str, reqs: list[Requirement]) -> Iterator[Finding]:
        indexes = indexes_for(ctx.snapshot, env)
        for req in reqs:
            label = local_label(req)
            if label is None:
                continue
            candidates = pytorch_indexes(serving_indexes(req, indexes))
            if not candidates or any(serves_variant(i, label) for i in candidates):
                continue
            urls = ", ".join(sorted({i.url for i in candidates}))
            first = candidates[0]
            base = first.url.rstrip("/").rsplit("/", 1)[0]
            yield finding(
                self,
                f"{req.raw.strip()} asks for the {label} build, but the PyTorch index this "
                f"environment uses ({urls}) serves other builds only: the install fails with "
                f"'No matching distribution', or a resolver falls back to another build.",
                req.location,
                package=req.name,
                fix=f"--extra-index-url {base}/{label}",
                evidence=(declared_at(first),),
                fingerprint=f"index:{req.name}:{label}",
            )

    def _conda(self, reqs: list[Requirement]) -> Iterator[Finding]:
        """Two CUDA lines in one conda environment: selector packages (``cudatoolkit=8.0``,
        ``pytorch-cuda=11.8``) and the CUDA a pinned pytorch / cudnn build string is built for
        (``pytorch=0.4.0=py35_cuda9.0.176_cudnn7.1.2_1`` depends on cudatoolkit 9.0)."""
        decls = [*conda_cuda(reqs), *conda_build_cuda(reqs)]
        for decl in decls:
            major = decl.cuda.split(".")[0]
            if decl.how == "cudatoolkit" and major.isdigit() and int(major) >= 12:
                yield finding(
                    self,
                    f"{decl.text}: conda's cudatoolkit package ends at CUDA 11.8 on every "
                    f"channel (conda-forge, nvidia, defaults); CUDA {decl.cuda} ships as "
                    "cuda-version / cuda-toolkit / cuda-runtime packages, so the solver stops "
                    "with PackagesNotFoundError.",
                    decl.location,
                    package="cudatoolkit",
                    fix=f"cuda-version={decl.cuda}  # or pytorch-cuda={decl.cuda} (-c nvidia)",
                    evidence=(
                        decl.describe(),
                        "NVIDIA/cuml-spark #414 and Vincentqyw/image-matching-webui #73: "
                        "'PackagesNotFoundError: ... cudatoolkit=12.1' with the conda-forge, "
                        "nvidia and defaults channels",
                    ),
                    fingerprint=f"conda-cudatoolkit-12:{decl.cuda}",
                )
        if not decls:
            return
        first = decls[0]
        for other in decls[1:]:
            if not _agree(first.cuda, other.cuda):
                yield finding(
                    self,
                    f"{other.text} selects CUDA {other.cuda} but {first.text} selects CUDA "
                    f"{first.cuda} in the same conda environment: the solver fails or mixes "
                    f"two CUDA runtimes.",
                    other.location,
                    package=other.how.removesuffix(" build"),
                    fix=(
                        f"{other.how}={first.cuda}"
                        if other.how in CONDA_CUDA_SELECTORS and other.how != "pytorch-cuda"
                        else None
                    ),
                    evidence=(first.describe(), other.describe()),
                    fingerprint=f"conda:{other.how}:{first.how}",
                )

    def _conda_channel(self, kb: KnowledgeBase, reqs: list[Requirement]) -> Iterator[Finding]:
        """`pytorch=2.3.1` with `pytorch-cuda=12.4`: the pytorch channel has no such build."""
        selectors = [d for d in conda_cuda(reqs) if d.how == "pytorch-cuda"]
        for req in reqs:
            minor = _CONDA_MINOR.match(req.specifier or "")
            if req.ecosystem != Ecosystem.CONDA or req.name != "pytorch" or minor is None:
                continue
            line = kb.conda_pytorch_line(f"{minor.group(1)}.{minor.group(2)}")
            if line is None or line.selector != "pytorch-cuda" or not line.cuda:
                continue
            for decl in selectors:
                if any(major_minor(c) == major_minor(decl.cuda) for c in line.cuda):
                    continue
                yield finding(
                    self,
                    f"{decl.text} asks for a CUDA {decl.cuda} build of {req.raw.strip()}, but "
                    f"the pytorch channel built torch {line.minor} only for CUDA "
                    f"{', '.join(line.cuda)}: the conda solve fails (nothing provides "
                    f"pytorch {line.minor} with pytorch-cuda {decl.cuda}).",
                    decl.location or req.location,
                    package="pytorch-cuda",
                    fix=f"pytorch-cuda={line.cuda[-1]}",
                    evidence=(
                        f"KB conda_pytorch_cuda.json {line.minor}: {', '.join(line.cuda)}",
                        f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                    ),
                    fingerprint=f"conda-channel:{line.minor}:{decl.cuda}",
                )

    def _unpublished(
        self, kb: KnowledgeBase, reqs: list[Requirement], indexes: list[Index]
    ) -> Iterator[Finding]:
        for req in reqs:
            yield from self._not_on_index(kb, req, indexes)
            label = local_label(req)
            version = version_of(req)
            name = project(req)
            if label is None or version is None or name not in _TORCH_FAMILY:
                continue
            torch = version.public if name == "torch" else kb.torch_for(name, version)
            known = torch_variants(kb, Version(torch)) if torch else None
            if known is None or label in known.labels or not label.startswith(("cu", "cpu")):
                continue
            builds = ", ".join(v for v in known.labels if not v.startswith("rocm"))
            nearest = _newest_cuda(known.labels)
            fix = pinned_line(req, f"{version.public}+{nearest}") if nearest else None
            yield finding(
                self,
                f"{req.raw.strip()}: torch {torch} was not published as a {label} "
                f"build (builds: {builds}); no index serves this pin.",
                req.location,
                package=req.name,
                fix=fix,
                evidence=(known.source,),
                fingerprint=f"unpublished:{req.name}:{label}",
            )

    def _not_on_index(
        self, kb: KnowledgeBase, req: Requirement, indexes: list[Index]
    ) -> Iterator[Finding]:
        """An unlabelled torch pin whose only PyTorch indexes carry no build of that release."""
        version = version_of(req)
        if project(req) == "torch" and version is None and local_label(req) is None:
            yield from self._range_not_on_index(kb, req, indexes)
            return
        if project(req) != "torch" or version is None or local_label(req) is not None:
            return
        known = torch_variants(kb, version)
        served = pytorch_indexes(serving_indexes(req, indexes))
        if known is None or not served or any(serves_all_variants(i.url) for i in served):
            return
        variants = {url_variant(i.url) for i in served}
        if None in variants or variants & set(known.labels):
            return
        names = ", ".join(sorted(v for v in variants if v))
        builds = ", ".join(v for v in known.labels if not v.startswith("rocm"))
        fitting = _newest_cuda(known.labels)
        replaces = only_index(req, served)
        outcome = (
            "pip finds no torch to install ('No matching distribution found')"
            if replaces
            else "pip installs PyPI's torch instead (--extra-index-url keeps PyPI), not a "
            f"{names} build"
        )
        yield finding(
            self,
            f"{req.raw.strip()}: torch {version.public} has no {names} build (builds: "
            f"{builds}), and the PyTorch index this environment uses serves only {names}: "
            f"{outcome}.",
            req.location,
            package=req.name,
            fix=f"--{'index' if replaces else 'extra-index'}-url "
            f"https://download.pytorch.org/whl/{fitting}"
            if fitting
            else None,
            evidence=(known.source,),
            severity=Severity.ERROR if replaces else Severity.WARNING,
            fingerprint=f"not-on-index:{req.name}",
        )

    def _range_not_on_index(
        self, kb: KnowledgeBase, req: Requirement, indexes: list[Index]
    ) -> Iterator[Finding]:
        """A torch range whose only index (``--index-url``, a tied source) is one single-build
        PyTorch index, and no release the range admits was built for it: nothing installs."""
        served = pytorch_indexes(serving_indexes(req, indexes))
        variants = {url_variant(i.url) for i in served}
        if len(variants) != 1 or None in variants or not only_index(req, served):
            return
        label = next(iter(v for v in variants if v))
        decided = decide(kb, None, req)
        known = [(v, torch_variants(kb, v)) for v in decided.releases]
        if not known or any(k is not None and label in k.labels for _, k in known):
            return
        unknown = [v for v, k in known if k is None]
        if len(unknown) == len(known):
            return
        carried = [
            v for v in torch_releases(kb) if (k := torch_variants(kb, v)) and label in k.labels
        ]
        newest = carried[-1] if carried else None
        first = served[0]
        yield finding(
            self,
            f"{req.raw.strip()} is installed only from {first.url}, and no torch release the "
            f"range admits ({decided.releases[0]}–{decided.releases[-1]}) was built for "
            f"{label}"
            + (
                f" (the builds of {', '.join(map(str, unknown))} are not in the KB)"
                if unknown
                else ""
            )
            + ": the install fails with 'No matching distribution'.",
            req.location,
            package=req.name,
            fix=f"torch=={newest}" if newest else None,
            evidence=(
                declared_at(first),
                *(k.source for _, k in known[-1:] if k is not None),
            ),
            severity=Severity.WARNING if unknown else Severity.ERROR,
            fingerprint=f"range-not-on-index:{req.name}:{label}",
        )

    def _cuda_named(self, ctx: RuleContext, env: str, reqs: list[Requirement]) -> Iterator[Finding]:
        """``nvidia-*-cu11`` / ``cupy-cuda12x`` next to a torch built for another CUDA major.

        torch's CUDA is its +cuXYZ label, its index, or the PyPI default of the release a fresh
        install picks (`rules.checks.support.builds`). Two CUDA majors' runtime libraries in one
        environment: torch loads the libraries of its own major from the nvidia-* wheels it
        depends on; the other major's wheels shadow or duplicate them (cuDNN / cuBLAS load
        errors, or a second CUDA runtime that nothing uses but ``LD_LIBRARY_PATH`` picks up).
        """
        builds = [
            c.picked
            for c in candidates(ctx.kb, ctx.snapshot, env, reqs)
            if c.picked is not None and c.picked.cuda
        ]
        torch = next((b for b in builds if b.framework == "torch"), None)
        if torch is None:
            return
        # the CUDA majors a jax CUDA build of the environment uses (jaxlib +cuda11.cudnn86, a
        # jax cuda11 extra or plugin): their nvidia-* wheels are jax's, not a mistake about
        # torch's CUDA (Genentech/Islander's env.yml: jaxlib 0.4.20+cuda11.cudnn86 with
        # nvidia-*-cu11 next to torch 2.1.1 and its nvidia-*-cu12)
        jax_majors = {(b.cuda or "").split(".")[0] for b in builds if b.framework == "jax"}
        cuda = torch.cuda or ""
        for req in reqs:
            named = name_cuda_major(req.name)
            if named is not None:
                major = str(named)
                if not _agree(cuda, major) and major not in jax_majors:
                    yield finding(
                        self,
                        f"{req.raw.strip()} is a CUDA {major} package but "
                        f"{torch.req.raw.strip()} installs a build for CUDA {cuda} ({torch.how}; "
                        f"{torch.evidence}): two CUDA majors in one environment, and torch "
                        f"cannot use the CUDA {major} libraries.",
                        req.location,
                        package=req.name,
                        fix=f"Use the CUDA {(major_minor(cuda) or (0, 0))[0]} package of "
                        f"{req.name.rsplit('-cu', 1)[0] if '-cu' in req.name else req.name}, "
                        f"or a torch build for CUDA {major}.",
                        evidence=(
                            torch.how,
                            f"{torch.req.location.file}:{torch.req.location.line}: "
                            f"{torch.req.raw.strip()}",
                        ),
                        fingerprint=f"named:{req.name}",
                    )


RULES: tuple[Rule, ...] = (CudaVariantMismatch(),)
