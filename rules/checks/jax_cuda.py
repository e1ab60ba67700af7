"""jax-cuda-mismatch: jax / jaxlib / CUDA plugin pairing, CUDA extras a release lacks, cuDNN.

From the KB (jax.json): jaxlib and jax-cudaNN-plugin must not be newer than jax and should
share its version; each release offers a fixed set of CUDA extras (CUDA 11 was dropped in
0.4.26, so ``jax[cuda11_pip]`` there installs CPU-only jax with a pip warning); when jax uses
the system's CUDA libraries (a ``cudaNN-local`` extra, a plugin without ``[with-cuda]``), the
declared cuDNN must be inside the release's compatible range (``jax[cuda12]`` brings its own
cuDNN from pip) and the system CUDA must be that major.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.builds import JAX_CUDA_LABEL, decide
from rules.checks.support.cuda import (
    CONDA_CUDA_SELECTORS,
    CudaDecl,
    config_cuda,
    declared_cuda,
    image_cuda_for,
)
from rules.checks.support.environments import (
    each_env,
    project,
    spec_contains,
    spec_version,
    version_of,
)
from rules.checks.support.fixes import finding
from rules.checks.support.indexes import pip_indexes_for
from rules.checks.support.markers import on_linux
from rules.checks.tensorflow_cuda import cudnn_facts
from rules.findings import Finding, Severity
from rules.kb.conda_jaxlib import CondaJaxlibBuild, jaxlib_build
from rules.kb.cudaver import has_minor, major_minor
from rules.kb.jax_local import FIND_LINKS, local_jaxlib
from rules.kb.pyspec import py_key
from rules.kb.schema import JaxRelease
from rules.kb.wheels import load_wheels
from rules.manifests.model import Ecosystem, FileKind, Requirement, Span

_PAIRED = re.compile(r"^(jaxlib|jax-cuda\d+-(?:plugin|pjrt))$")
#: The first jax whose metadata requires jaxlib (``jaxlib <=0.4.30,>=0.4.27``:
#: requires_dist.json); earlier releases leave it to the user (their wheels' METADATA from
#: 0.4.16, their setup.py's extras before).
_JAX_REQUIRES_JAXLIB = Version("0.4.30")
_PLUGIN = re.compile(r"^jax-cuda\d+-plugin$")
_JAXLIB_BUILD = re.compile(r"^cuda(\d+)\.cudnn(\d+)$")
#: conda packages whose pin a conda-forge CUDA build's run requirement must admit.
_CONDA_PINS = frozenset({"cuda-version", "cudatoolkit"})
_KB_CONDA = "KB jax.json conda_forge (conda-forge/jaxlib-feedstock, cuda-version-feedstock)"


def _release(
    ctx: RuleContext, req: Requirement, reqs: Sequence[Requirement] = ()
) -> JaxRelease | None:
    """The jax release an install of `req` gets: its pin or lock; for a range, the version of
    an exactly pinned jaxlib / CUDA plugin it admits (they are released together and jax
    requires jaxlib at most at its own version), else the newest admitted release."""
    decided = decide(ctx.kb, ctx.snapshot, req)
    picked = decided.picked
    if not decided.exact:
        for other in reqs:
            pinned = version_of(other) if _PAIRED.match(project(other)) else None
            if pinned is not None and spec_contains(req.specifier, pinned):
                picked = pinned
                break
    return ctx.kb.jax_release(picked) if picked is not None else None


def _config_decls(ctx: RuleContext) -> list[CudaDecl]:
    return [
        CudaDecl(c, "config", None, "repo config targets.cuda") for c in config_cuda(ctx.config)
    ]


def _solved_with(decl: CudaDecl) -> bool:
    """Whether a declared CUDA is a conda package solved together with jaxlib (a selector
    such as cuda-version=12.0, or another package's CUDA build string)."""
    return decl.how in CONDA_CUDA_SELECTORS or decl.how == "conda build string"


def _norm(extra: str) -> str:
    return extra.replace("_", "-").lower()


def _other_major(
    ctx: RuleContext, env: str, reqs: list[Requirement], major: int
) -> CudaDecl | None:
    """The first CUDA the environment declares whose major is not `major` (None: none)."""
    for decl in declared_cuda(ctx.snapshot, env, reqs):
        have = major_minor(decl.cuda)
        if have is not None and have[0] != major:
            return decl
    return None


def _system_cuda(jax: Requirement, reqs: list[Requirement]) -> bool:
    """Whether jax loads the system's CUDA/cuDNN: a ``cudaNN-local`` extra, or a CUDA plugin
    without ``[with-cuda]``. ``jax[cuda12]`` installs cuDNN from pip (nvidia-cudnn-cu12), so
    a base image's cuDNN does not matter to it, and CPU-only jax loads no cuDNN at all."""
    if any(JAX_CUDA_LABEL.match(e) and "local" in e for e in jax.extras):
        return True
    return any(
        _PLUGIN.match(project(r)) and "with-cuda" not in {_norm(e) for e in r.extras} for r in reqs
    )


class JaxCudaMismatch(StaticRule, id="jax-cuda-mismatch", severity=Severity.ERROR):
    """jax versions, extras and cuDNN that do not fit together."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every environment with a pinned jax (its Linux install: the jax CUDA
        builds are Linux wheels, and a ``sys_platform == 'darwin'`` line meets no CUDA)."""
        yield from self._conda_locked(ctx)
        for env, every in each_env(ctx.snapshot):
            reqs = [r for r in every if on_linux(r)]
            yield from self._fresh_jaxlib(reqs)
            yield from self._jaxlib_builds(ctx, env, reqs)
            yield from self._conda_builds(ctx, env, reqs)
            for pinned in (r for r in reqs if project(r) == "jax"):
                yield from self._find_links(ctx, env, pinned, reqs)
            jax = next((r for r in reqs if project(r) == "jax" and _release(ctx, r, reqs)), None)
            if jax is None:
                continue
            if version_of(jax) is not None:
                yield from self._pairing(jax, reqs)
            yield from self._extras(ctx, jax, reqs)
            if _system_cuda(jax, reqs):
                yield from self._cudnn(ctx, env, jax, reqs)
            yield from self._local(ctx, env, jax, reqs)

    def _jaxlib_builds(
        self, ctx: RuleContext, env: str, reqs: list[Requirement]
    ) -> Iterator[Finding]:
        """``jaxlib==0.4.23+cuda12.cudnn89`` (the jax find-links wheels): built for one CUDA
        major and one cuDNN, loaded from the system unless nvidia-* wheels provide them."""
        pip_cudnn = any(r.name.startswith("nvidia-cudnn-cu") for r in reqs)
        for req in reqs:
            version = version_of(req)
            local = version.local if version is not None else None
            build = _JAXLIB_BUILD.match(local or "") if project(req) == "jaxlib" else None
            if build is None:
                continue
            major, cudnn = int(build.group(1)[:2]), build.group(2)
            cudnn_text = ".".join(cudnn)  # cudnn86 is 8.6, cudnn805 is 8.0.5
            yield from self._unserved_build(ctx, env, req)
            decl = _other_major(ctx, env, reqs, major)
            if decl is not None:
                yield finding(
                    self,
                    f"{req.raw.strip()} is built for CUDA {major} but this environment "
                    f"provides {decl.describe()}: jaxlib cannot load its CUDA {major} "
                    f"libraries and finds no GPU.",
                    req.location,
                    package=req.name,
                    fix=f"jax[cuda{major}]=={version.public if version else ''}  "
                    f"# pip-installed CUDA {major} libraries, or a CUDA {major} image",
                    evidence=(f"+{local}", decl.describe()),
                    fingerprint=f"jaxlib-cuda:{req.name}",
                )
            if pip_cudnn:
                continue
            for value, span, text in cudnn_facts(ctx.snapshot, env):
                have = major_minor(value)
                built = (int(cudnn[0]), int(cudnn[1:2] or 0))
                older = has_minor(value) and have is not None and have < built
                if have is None or (have[0] == built[0] and not older):
                    continue  # cuDNN needs the same major and an equal or newer minor
                yield finding(
                    self,
                    f"{req.raw.strip()} is built with cuDNN {cudnn_text} but "
                    f"{span.file}:{span.line} declares cuDNN {value} ({text}): jaxlib needs "
                    f"cuDNN {cudnn[0]}.x at {cudnn_text} or newer ('CuDNN library needs to have "
                    f"matching major version and equal or higher minor version').",
                    req.location,
                    package=req.name,
                    fix=f"Use a cuDNN {cudnn[0]} image, or a jaxlib built for cuDNN {have[0]}.",
                    evidence=(f"+{local}", f"{span.file}:{span.line}: {text}"),
                    fingerprint=f"jaxlib-cudnn:{req.name}",
                )
                break

    def _conda_builds(
        self, ctx: RuleContext, env: str, reqs: list[Requirement]
    ) -> Iterator[Finding]:
        """conda-forge jaxlib builds a match spec names (``jaxlib=0.4.23=cuda112*``): a CUDA
        build against the conda CUDA selectors of the same file and the config's targets (a
        base image is cuda-base-image-mismatch's, the driver driver-too-old's: the build is
        one of `rules.checks.support.builds`' candidates); a CPU build against any declared CUDA."""
        for req in reqs:
            if req.ecosystem != Ecosystem.CONDA or req.name != "jaxlib":
                continue
            build = jaxlib_build(req.build)
            if build is None:
                continue
            decls = [
                d
                for d in declared_cuda(ctx.snapshot, env, reqs)
                if (build.cpu or _solved_with(d)) and d.location != req.location
            ]
            decls += _config_decls(ctx)
            pinned = req.pinned or spec_version(req.specifier)
            yield from self._conda_build(ctx, req.raw.strip(), req.location, build, decls, pinned)

    def _conda_locked(self, ctx: RuleContext) -> Iterator[Finding]:
        """conda-forge jaxlib builds a conda-lock file or explicit list pins, against the base
        image and the config's targets (the lock's own CUDA packages were solved with it)."""
        for manifest, pin in ctx.snapshot.pins():
            if pin.ecosystem != Ecosystem.CONDA or pin.name != "jaxlib":
                continue
            if manifest.kind not in (FileKind.CONDA_LOCK, FileKind.CONDA_EXPLICIT):
                continue
            if pin.platform is not None and not pin.platform.startswith("linux"):
                continue  # conda-forge builds jaxlib with CUDA for Linux only
            build = jaxlib_build(pin.build)
            if build is None:
                continue
            image = image_cuda_for(ctx.snapshot, manifest.path)
            decls = ([image] if image is not None else []) + _config_decls(ctx)
            what = f"jaxlib {pin.version} {pin.build}" + (
                f" ({pin.platform})" if pin.platform else ""
            )
            yield from self._conda_build(ctx, what, pin.location, build, decls, None)

    def _conda_build(
        self,
        ctx: RuleContext,
        what: str,
        at: Span,
        build: CondaJaxlibBuild,
        decls: list[CudaDecl],
        version: str | None,
    ) -> Iterator[Finding]:
        if build.cpu:
            if decls:
                decl = decls[0]
                yield finding(
                    self,
                    f"{what} is conda-forge's CPU-only jaxlib build but this environment "
                    f"declares {decl.describe()}: jax finds no GPU and runs on the CPU.",
                    at,
                    package="jaxlib",
                    fix=f"jaxlib=*=cuda{decl.cuda.split('.')[0]}*  "
                    "# a conda-forge CUDA build of jaxlib",
                    evidence=(f"build {build.text}", decl.describe()),
                    fingerprint="conda-jaxlib-cpu",
                )
            return
        if build.major is None:
            return
        package = "cuda-version" if build.major >= 12 else "cudatoolkit"
        runtime = (
            f"{package} >={build.cuda},<{build.major + 1}"
            if build.cuda
            else f"a CUDA {build.major} {package}, <{build.major + 1}"
        )
        for decl in decls:
            if (found := self._against(what, at, build, runtime, decl)) is not None:
                yield found
                return
        release = ctx.kb.conda_jaxlib(version) if version else None
        built = release.cuda_linux_64 if release is not None else ()
        if release is None or not built:
            return
        if build.cuda is not None:
            offered = any(major_minor(c) == major_minor(build.cuda) for c in built)
        else:
            offered = any((major_minor(c) or (0, 0))[0] == build.major for c in built)
        if not offered:
            yield finding(
                self,
                f"{what}: conda-forge's jaxlib feedstock built jaxlib {release.jaxlib} for "
                f"CUDA {', '.join(built)} only (its CI matrix), not {build.label}: the "
                f"environment does not solve.",
                at,
                package="jaxlib",
                fix=f"jaxlib={release.jaxlib}=cuda{built[-1].replace('.', '')}*",
                evidence=(
                    f"KB jax.json conda_forge {release.jaxlib}: CUDA {list(built)} "
                    f"(jaxlib-feedstock {release.last_commit[:8]})",
                ),
                severity=Severity.WARNING,
                fingerprint=f"conda-jaxlib-missing:{build.text}",
            )

    def _against(
        self, what: str, at: Span, build: CondaJaxlibBuild, runtime: str, decl: CudaDecl
    ) -> Finding | None:
        """A conda CUDA build against one declared CUDA: another major in the same solve
        cannot resolve; an image or target of an older major promises a driver too old for
        the build (a newer major only is fine: drivers run older CUDA); a conda pin of an
        older minor of the same major cannot resolve either."""
        have = major_minor(decl.cuda)
        major = build.major or 0
        if have is None:
            return None
        solved = _solved_with(decl)

        def mismatch(message: str, fix: str, fingerprint: str) -> Finding:
            evidence = (f"build {build.text}", decl.describe(), _KB_CONDA)
            return finding(
                self,
                message,
                at,
                package="jaxlib",
                fix=fix,
                evidence=evidence,
                fingerprint=fingerprint,
            )

        if have[0] != major and (solved or have[0] < major):
            consequence = (
                "the environment does not solve"
                if solved
                else f"a host set up for CUDA {have[0]} (driver, __cuda) cannot run it"
            )
            return mismatch(
                f"{what} is conda-forge's jaxlib built for {build.label} (it requires "
                f"{runtime}) but this environment declares {decl.describe()}: {consequence}.",
                f"jaxlib=*=cuda{have[0]}*  # a conda-forge jaxlib built for CUDA {have[0]}",
                f"conda-jaxlib-cuda:{major}",
            )
        wanted = major_minor(build.cuda) if build.cuda else None
        if solved and decl.how in _CONDA_PINS and has_minor(decl.cuda) and wanted and have < wanted:
            return mismatch(
                f"{what} is conda-forge's jaxlib built for CUDA {build.cuda} (it requires "
                f"{runtime}) but {decl.describe()} pins an older CUDA {major} minor: the "
                f"environment does not solve.",
                f"{decl.how}={build.cuda}",
                f"conda-jaxlib-minor:{build.cuda}",
            )
        return None

    def _fresh_jaxlib(self, reqs: list[Requirement]) -> Iterator[Finding]:
        """A jax range whose newest release does not require jaxlib (every jax before 0.4.30:
        its metadata leaves jaxlib to the user) next to a jaxlib line that admits newer
        releases: pip installs today's newest jaxlib for the Python, which that jax refuses at
        import ("jaxlib version 0.3.20 is newer than and incompatible with jax version
        0.3.15": instadeepai/Mava PR #771, ``jax<=0.3.15`` beside ``jaxlib``). Certain when
        even the oldest Python's newest jaxlib is newer than that jax."""
        jax = next((r for r in reqs if project(r) == "jax" and r.ecosystem == Ecosystem.PYPI), None)
        jaxlib = next((r for r in reqs if project(r) == "jaxlib"), None)
        if jax is None or jaxlib is None or version_of(jax) is not None or jax.url:
            return
        if jaxlib.url or version_of(jaxlib) is not None or jaxlib.ecosystem != Ecosystem.PYPI:
            return  # an exact jaxlib is `_pairing`'s (for an exact jax) or says what it installs
        table = load_wheels()
        listed = [r.version for r in table.releases("jax") or () if not r.yanked]
        admitted_jax = [v for v in listed if spec_contains(jax.specifier, v)]
        if not admitted_jax or not jax.specifier:
            return
        newest = max(admitted_jax)
        if newest >= _JAX_REQUIRES_JAXLIB:
            return
        jaxlibs = [r for r in table.releases("jaxlib") or () if not r.yanked]
        admitted = [r for r in jaxlibs if spec_contains(jaxlib.specifier, r.version)]
        pythons = sorted(
            {p for r in admitted for p in r.pythons(table.pythons_seen) if not p.endswith("t")},
            key=py_key,
        )
        if not pythons:
            return
        picks = {p: max(r.version for r in admitted if r.covers(p)) for p in pythons}
        oldest, pick = pythons[0], picks[pythons[0]]
        if min(picks.values()) <= newest:
            return
        yield finding(
            self,
            f"{jax.raw.strip()} installs jax {newest}, whose metadata does not require jaxlib, "
            f"next to {jaxlib.raw.strip()}: pip installs the newest jaxlib for the Python "
            f"({pick} on Python {oldest}, newer on later ones), and jax {newest} refuses it "
            f"at import ('jaxlib version {pick} is newer than and incompatible with jax "
            f"version {newest}').",
            jaxlib.location,
            package=jaxlib.name,
            fix=f"jaxlib=={newest}  # or a jax range whose releases require their jaxlib",
            evidence=(
                f"{jax.location.file}:{jax.location.line}: {jax.raw.strip()}",
                "KB wheels.json: the jax and jaxlib releases per Python; requires_dist.json: "
                "jax requires jaxlib from 0.4.30 on",
            ),
            fingerprint=f"fresh-jaxlib:{jaxlib.name}",
        )

    def _pairing(self, jax: Requirement, reqs: list[Requirement]) -> Iterator[Finding]:
        version = version_of(jax)
        if version is None:
            return
        for req in reqs:
            other = version_of(req)
            if not _PAIRED.match(project(req)) or other is None:
                continue
            if Version(other.public) == Version(version.public):
                continue
            newer = Version(other.public) > Version(version.public)
            yield finding(
                self,
                f"{req.raw.strip()} does not match {jax.raw.strip()}: jax requires jaxlib and "
                f"its CUDA plugin at most at its own version and they are released together"
                + (" — this one is newer, the install cannot resolve." if newer else "."),
                req.location,
                package=req.name,
                fix=f"{req.name}=={version.public}",
                evidence=(f"{jax.location.file}:{jax.location.line}: {jax.raw.strip()}",),
                severity=Severity.ERROR if newer else Severity.WARNING,
                fingerprint=f"pair:{req.name}",
            )

    def _extras(
        self, ctx: RuleContext, jax: Requirement, reqs: list[Requirement]
    ) -> Iterator[Finding]:
        release = _release(ctx, jax, reqs)
        if release is None:
            return
        offered = {_norm(e) for e in release.cuda_extras}
        for extra in jax.extras:
            if not JAX_CUDA_LABEL.match(extra) or _norm(extra) in offered:
                continue
            yield finding(
                self,
                f"jax {release.jax} has no extra [{extra}] (it offers "
                f"{', '.join(release.cuda_extras)}): pip warns and installs jax without any "
                f"CUDA plugin, so it runs on the CPU.",
                jax.location,
                package=jax.name,
                fix=f"jax[{release.cuda_extras[0]}]=={release.jax}",
                evidence=(f"KB jax.json {release.jax}: cuda_extras {list(release.cuda_extras)}",),
                fingerprint=f"extra:{extra}",
            )

    def _cudnn(
        self, ctx: RuleContext, env: str, jax: Requirement, reqs: list[Requirement]
    ) -> Iterator[Finding]:
        release = _release(ctx, jax, reqs)
        if release is None or not release.builds:
            return
        for value, span, text in cudnn_facts(ctx.snapshot, env):
            ranges = []
            for build in release.builds:
                try:
                    ranges.append(SpecifierSet(build.cudnn_compatible))
                except InvalidSpecifier:
                    continue
            if not ranges or any(r.contains(value) for r in ranges):
                continue
            wanted = release.builds[0].cudnn_compatible
            yield finding(
                self,
                f"{jax.raw.strip()} needs cuDNN {wanted} but {span.file}:{span.line} declares "
                f"cuDNN {value} ({text}).",
                jax.location,
                package=jax.name,
                fix=f"Use cuDNN {wanted}.",
                evidence=(f"KB jax.json {release.jax}: cudnn {wanted}", f"{span.file}: {text}"),
                fingerprint="cudnn",
            )
            return

    def _local(
        self, ctx: RuleContext, env: str, jax: Requirement, reqs: list[Requirement]
    ) -> Iterator[Finding]:
        for extra in jax.extras:
            match = JAX_CUDA_LABEL.match(extra)
            if match is None or "local" not in extra:
                continue
            major = int(match.group(1))
            decl = _other_major(ctx, env, reqs, major)
            if decl is None:
                continue
            yield finding(
                self,
                f"jax[{extra}] uses the system's CUDA {major} libraries but this environment "
                f"provides {decl.describe()}.",
                jax.location,
                package=jax.name,
                fix=f"jax[cuda{major}]  # pip-installed CUDA libraries",
                evidence=(decl.describe(),),
                fingerprint=f"local:{extra}",
            )
            return

    def _unserved_build(self, ctx: RuleContext, env: str, req: Requirement) -> Iterator[Finding]:
        """``jaxlib==0.4.20+cuda11.cudnn86`` in an environment with no index or find-links page
        but PyPI: PyPI holds no local versions (it refuses them on upload), so pip stops with
        'No matching distribution found' (Genentech/Islander#1, optimal_transport_reward#4).
        Nothing for a URL requirement or when any other index or page is configured."""
        if req.ecosystem != Ecosystem.PYPI or req.url or pip_indexes_for(ctx.snapshot, env):
            return
        yield finding(
            self,
            f"{req.raw.strip()} is a jaxlib build only jax's find-links page serves "
            f"({FIND_LINKS}); PyPI holds no local versions and this environment names no other "
            f"index or page, so pip stops with 'No matching distribution found for "
            f"{req.raw.strip()}'.",
            req.location,
            package=req.name,
            fix=f"-f {FIND_LINKS}  # on a line of its own, before the pin",
            evidence=(f"{req.location.file}:{req.location.line}: {req.raw.strip()}",),
            fingerprint=f"find-links:{req.name}:build",
        )

    def _find_links(
        self, ctx: RuleContext, env: str, jax: Requirement, reqs: list[Requirement]
    ) -> Iterator[Finding]:
        """A pinned jax whose CUDA extra requires a local-version jaxlib (``jax[cuda12_pip]==
        0.4.25``: ``jaxlib==0.4.25+cuda12.cudnn89``) in an environment with no jax find-links
        page: PyPI has no such jaxlib and the install stops (xai-org/grok-1#106). Nothing when
        any index other than PyPI is configured (it might mirror the page) or the environment
        names its jaxlib itself."""
        version = version_of(jax)
        if version is None or jax.ecosystem != Ecosystem.PYPI:
            return
        needed = local_jaxlib(Version(version.public), jax.extras)
        if needed is None or any(project(r) == "jaxlib" for r in reqs):
            return
        if pip_indexes_for(ctx.snapshot, env):
            return
        yield finding(
            self,
            f"{jax.raw.strip()}: its {needed.extra} extra requires {needed.requirement}, a "
            f"jaxlib build only jax's find-links page serves ({FIND_LINKS}); this environment "
            f"uses no such page (a -f after a requirement is ignored by pip), so pip stops with "
            f"'Could not find a version that satisfies the requirement {needed.requirement}'.",
            jax.location,
            package=jax.name,
            fix=f"-f {FIND_LINKS}  # on a line of its own",
            evidence=(f"KB jax_local_jaxlib.json: {needed.source}",),
            fingerprint=f"find-links:{jax.name}:{needed.extra}",
        )


RULES: tuple[Rule, ...] = (JaxCudaMismatch(),)
