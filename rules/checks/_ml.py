"""What an environment installs for ML: environments, their indexes, framework versions, CUDA.

Shared by the ML rules (cuda_variant, cpu_only, cuda_base_image, driver, ...).

Scoping decisions (documented here once):
- An environment is `Requirement.environment` (the root requirements file, the conda file
  with its pip section, a pyproject path or ``path#group``); its *root* is the file part.
- Indexes apply to every requirement whose environment root is the index's environment
  root. Index URLs given to pip in a Dockerfile (``--index-url`` / ``--extra-index-url`` /
  ``PIP_INDEX_URL`` as `PIP_OPTION` facts) apply repo-wide: the Dockerfile installs the
  repository's requirements.
- A Dockerfile's CUDA is its final stage's CUDA (the CUDA fact on the highest line).
  When every Dockerfile of the repository agrees, that CUDA applies to every environment
  (a repository with one image deploys its requirements in it). When Dockerfiles disagree,
  an environment takes the CUDA of the Dockerfiles in its own folder or the nearest parent
  folder, and none when those disagree too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from rules.checks._dockerfix import dockerfile_fix, in_dockerfile
from rules.checks.base import Rule
from rules.findings import Finding, Severity
from rules.kb.cudaver import (
    is_pytorch_index,
    is_variant,
    major_minor,
    serves_all_variants,
    url_variant,
)
from rules.manifests.model import (
    Ecosystem,
    Fact,
    FactKind,
    FileKind,
    Index,
    IndexKind,
    Requirement,
    Snapshot,
    Span,
)

#: conda packages whose version names the CUDA line of an environment.
CONDA_CUDA_SELECTORS: tuple[str, ...] = (
    "pytorch-cuda",
    "cuda-version",
    "cudatoolkit",
    "cuda-toolkit",
    "cuda-runtime",
    "cuda-cudart",
    "cuda",
)

#: conda names of PyPI projects the ML rules look at.
CONDA_TO_PYPI: Mapping[str, str] = {"pytorch": "torch", "pytorch-gpu": "torch"}

_URL = re.compile(r"https?://[^\s'\"]+")
_NVIDIA_CUDA_IMAGE = re.compile(r"(?:^|/)nvidia/cuda:(\d+\.\d+(?:\.\d+)?)")
_PYTORCH_IMAGE = re.compile(r"(?:^|/)pytorch/pytorch:[\w.]*?-cuda(\d+\.\d+)")
_FIRST_VERSION = re.compile(r"\d+(?:\.\d+)*")


def project(req: Requirement) -> str:
    """The PyPI-style project name of a requirement (conda ``pytorch`` → ``torch``)."""
    if req.ecosystem == Ecosystem.CONDA:
        return CONDA_TO_PYPI.get(req.name, req.name)
    return req.name


def env_of(req: Requirement) -> str:
    """The environment a requirement is installed into."""
    return req.environment or req.location.file


def env_root(env: str) -> str:
    """The file part of an environment name (``pyproject.toml#dev`` → ``pyproject.toml``)."""
    return env.split("#", 1)[0]


def environments(snapshot: Snapshot) -> dict[str, list[Requirement]]:
    """Requirements grouped by environment, in path order (constraints included)."""
    grouped: dict[str, list[Requirement]] = {}
    for req in snapshot.requirements():
        grouped.setdefault(env_of(req), []).append(req)
    return grouped


def version_of(req: Requirement) -> Version | None:
    """The exact version a requirement pins (local label kept), or None.

    ``==2.1.0``, ``===2.1.0`` and conda's ``==2.1.0.*`` (``pytorch=2.1.0``) count as pins.
    """
    text = req.pinned
    if text is None:
        clauses = _clauses(req.specifier)
        if len(clauses) == 1 and clauses[0][0] in ("==", "==="):
            text = clauses[0][1]
            if text.endswith(".*"):
                text = text[:-2]
                if text.count(".") < 2:
                    return None
    if text is None:
        return None
    try:
        return Version(text)
    except InvalidVersion:
        return None


def local_label(req: Requirement) -> str | None:
    """The wheel variant label of a requirement (``cu118``, ``cpu``), when it carries one."""
    label = req.local
    if label is None:
        version = version_of(req)
        label = version.local if version is not None else None
    if label and is_variant(label):
        return label.lower()
    return None


def spec_contains(specifier: str, version: str | Version) -> bool | None:
    """Whether a PEP 440 specifier admits `version` (local labels ignored); None if unreadable."""
    try:
        spec = SpecifierSet(_strip_locals(specifier))
    except InvalidSpecifier:
        return None
    public = Version(str(version)).public
    return spec.contains(public, prereleases=True)


def _strip_locals(specifier: str) -> str:
    return re.sub(r"\+[A-Za-z0-9.]+", "", specifier)


def _clauses(specifier: str) -> list[tuple[str, str]]:
    try:
        spec = SpecifierSet(specifier)
    except InvalidSpecifier:
        return []
    return [(s.operator, s.version) for s in spec]


def spec_version(specifier: str) -> str | None:
    """The first version named in a specifier (``==11.8.*`` → ``11.8``)."""
    match = _FIRST_VERSION.search(specifier)
    return match.group(0) if match else None


# -- indexes -------------------------------------------------------------------------------


def indexes_for(snapshot: Snapshot, env: str) -> list[Index]:
    """Indexes that apply to environment `env` (its own, then repo-wide Dockerfile ones)."""
    root = env_root(env)
    own = [i for i in snapshot.indexes() if env_root(i.environment or i.location.file) == root]
    return own + dockerfile_indexes(snapshot)


def dockerfile_indexes(snapshot: Snapshot) -> list[Index]:
    """Index URLs that Dockerfiles pass to pip (as `PIP_OPTION` facts), as `Index` objects."""
    found: list[Index] = []
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind != FileKind.DOCKERFILE:
            continue
        found.extend(i for i in manifest.indexes if i.kind != IndexKind.CONDA_CHANNEL)
        for fact in manifest.facts:
            if fact.kind != FactKind.PIP_OPTION:
                continue
            for url in _URL.findall(f"{fact.value} {fact.detail}"):
                found.append(Index(url.rstrip(",;"), IndexKind.EXTRA_INDEX_URL, fact.location))
    return found


def pytorch_indexes(indexes: Iterable[Index]) -> list[Index]:
    """The PyTorch wheel indexes among `indexes`."""
    return [i for i in indexes if i.url and is_pytorch_index(i.url)]


def serving_indexes(req: Requirement, indexes: Iterable[Index]) -> list[Index]:
    """The indexes pip/uv/Poetry would consult for `req`.

    A requirement tied to a named source (Poetry ``source =``, uv ``index =``) uses that
    source only; otherwise every index except Poetry/uv ones marked explicit. A Dockerfile's
    ``pip install … --index-url URL`` ties its requirements to the URL itself, not to a
    source name: that command's indexes are in the pool, so such a requirement takes the pool.
    """
    pool = list(indexes)
    if req.index and "://" not in req.index:
        return [i for i in pool if i.name == req.index]
    return [i for i in pool if not i.explicit and i.priority != "explicit"]


def serves_variant(index: Index, label: str) -> bool:
    """Whether a PyTorch index carries wheels with local label `label`."""
    if serves_all_variants(index.url):
        return True
    return url_variant(index.url) == label


# -- CUDA the repository declares -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CudaDecl:
    """A CUDA version an environment declares: by base image, note, conda selector or config."""

    cuda: str
    how: str
    location: Span | None
    text: str

    def describe(self) -> str:
        """`CUDA 11.8 (nvidia/cuda:11.8.0-runtime-ubuntu22.04, Dockerfile:1)`."""
        where = f", {self.location.file}:{self.location.line}" if self.location else ""
        return f"CUDA {self.cuda} ({self.text}{where})"


def image_cuda(fact: Fact) -> str | None:
    """The CUDA of a base-image fact (nvidia/cuda:12.1.1-…, pytorch/pytorch:…-cuda12.1-…)."""
    for pattern in (_NVIDIA_CUDA_IMAGE, _PYTORCH_IMAGE):
        match = pattern.search(fact.value) or pattern.search(fact.detail)
        if match:
            return match.group(1)
    return None


def dockerfile_cuda(snapshot: Snapshot) -> dict[str, CudaDecl]:
    """Each Dockerfile's final-stage CUDA (the CUDA or decodable base image on its last line)."""
    finals: dict[str, CudaDecl] = {}
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind != FileKind.DOCKERFILE:
            continue
        candidates: list[tuple[int, CudaDecl]] = []
        for fact in manifest.facts:
            cuda = None
            if fact.kind == FactKind.CUDA:
                cuda = fact.value
            elif fact.kind == FactKind.BASE_IMAGE:
                cuda = image_cuda(fact)
            if cuda and major_minor(cuda):
                text = fact.detail or fact.value
                candidates.append(
                    (fact.location.line, CudaDecl(cuda, "base image", fact.location, text))
                )
        if candidates:
            finals[path] = max(candidates, key=lambda c: c[0])[1]
    return finals


def image_cuda_for(snapshot: Snapshot, env: str) -> CudaDecl | None:
    """The Dockerfile CUDA that applies to environment `env` (see the module docstring)."""
    finals = dockerfile_cuda(snapshot)
    if not finals:
        return None
    folder = PurePosixPath(env_root(env)).parent
    for parent in (folder, *folder.parents):
        here = [d for path, d in finals.items() if PurePosixPath(path).parent == parent]
        if here:
            if len({major_minor(d.cuda) for d in here}) == 1:
                return here[0]  # the nearest Dockerfile, cited even when all of them agree
            return None
    if len({major_minor(d.cuda) for d in finals.values()}) == 1:
        return next(iter(finals.values()))
    return None


def declared_cuda(snapshot: Snapshot, env: str, reqs: Iterable[Requirement]) -> list[CudaDecl]:
    """CUDA versions `env` declares: `# CUDA:` notes, conda selectors, then the base image."""
    found: list[CudaDecl] = []
    root = env_root(env)
    selectors = conda_cuda(reqs)
    taken = {(d.location.file, d.location.line) for d in selectors if d.location}
    for fact in snapshot.facts(FactKind.CUDA):
        manifest = snapshot.files.get(fact.location.file)
        kind = manifest.kind if manifest is not None else None
        if kind == FileKind.DOCKERFILE or (fact.location.file, fact.location.line) in taken:
            continue
        if env_root(fact.environment or fact.location.file) == root and major_minor(fact.value):
            how = "conda build string" if kind == FileKind.CONDA else "note"
            found.append(CudaDecl(fact.value, how, fact.location, fact.detail or fact.value))
    found.extend(selectors)
    image = image_cuda_for(snapshot, env)
    if image is not None:
        found.append(image)
    return found


def conda_cuda(reqs: Iterable[Requirement]) -> list[CudaDecl]:
    """CUDA versions chosen by conda selector packages (pytorch-cuda=11.8, cuda-version=12)."""
    found = []
    for req in reqs:
        if req.ecosystem != Ecosystem.CONDA or req.name not in CONDA_CUDA_SELECTORS:
            continue
        cuda = spec_version(req.specifier) or (req.pinned or "")
        if major_minor(cuda):
            found.append(CudaDecl(cuda, req.name, req.location, req.raw.strip() or req.name))
    return found


def config_cuda(targets: object) -> list[str]:
    """The CUDA versions a repo config targets (``targets.cuda``), read defensively."""
    cuda = getattr(targets, "cuda", None) or []
    return [str(c) for c in cuda]


# -- findings --------------------------------------------------------------------------------


def finding(
    rule: Rule,
    message: str,
    at: Span | None,
    *,
    package: str | None,
    fix: str | None,
    evidence: Iterable[str] = (),
    severity: Severity | None = None,
    fingerprint: str = "",
) -> Finding:
    """A finding of `rule` (its id, category, default severity) located at `at`.

    The fingerprint (what makes base and head findings "the same problem") is prefixed with
    the file, never the line: lines move between base and head. A fix for a requirement of a
    Dockerfile is written as the ``RUN pip install …`` line to change.
    """
    if fix and at is not None and in_dockerfile(at.file):
        fix = dockerfile_fix(fix)
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=severity or rule.default_severity,
        message=message,
        file=at.file if at else None,
        line=at.line if at else None,
        column=at.column if at else None,
        package=package,
        fix=fix,
        evidence=tuple(evidence),
        fingerprint=f"{at.file}:{fingerprint}" if fingerprint and at else fingerprint,
    )


_POETRY_LINE = re.compile(r"^([A-Za-z0-9_.-]+)\s*=\s*([{\"'].*)$")
_POETRY_VERSION = re.compile(r"version\s*=\s*\"[^\"]*\"")


def pinned_line(req: Requirement, version: str) -> str:
    """How `req` reads pinned to `version` in its own file format (pip, conda, or a Poetry
    ``name = "…"`` / ``name = {version = "…", …}`` line)."""
    if req.ecosystem == Ecosystem.CONDA:
        return f"{req.name}={version}"
    poetry = _POETRY_LINE.match(req.raw.strip())
    if poetry is not None:
        key, value = poetry.group(1), poetry.group(2)
        quoted = f'"{version}"'
        if value.startswith("{") and _POETRY_VERSION.search(value):
            table = _POETRY_VERSION.sub(lambda _: f"version = {quoted}", value, count=1)
            return f"{key} = {table}"
        return f"{key} = {quoted}"
    extras = f"[{','.join(req.extras)}]" if req.extras else ""
    return f"{req.name}{extras}=={version}"


def each_env(snapshot: Snapshot) -> Iterator[tuple[str, list[Requirement]]]:
    """(environment, requirements) pairs in a stable order."""
    grouped = environments(snapshot)
    for env in sorted(grouped):
        yield env, grouped[env]
