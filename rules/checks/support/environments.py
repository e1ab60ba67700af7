"""Environments and what their requirements say: project names, pins, variant labels.

An environment is `Requirement.environment` (the root requirements file, the conda file with
its pip section, a pyproject path or ``path#group``, a Dockerfile stage ``Dockerfile#stage``,
a CI workflow job ``ci.yml#job (key=value, …)``); its *root* is the file part.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from rules.kb.cudaver import is_variant, to_version
from rules.manifests.model import RUNNER_KINDS, Ecosystem, FileKind, Requirement, Snapshot
from rules.manifests.snapshot import with_installed

#: conda names of PyPI projects the ML rules look at (conda-forge's ``pytables`` is PyPI's
#: ``tables``: pyiron/pyiron_base's Dependabot pin ``pytables =3.10.1`` on a Python 3.9 job).
CONDA_TO_PYPI: Mapping[str, str] = {
    "pytorch": "torch",
    "pytorch-gpu": "torch",
    "pytables": "tables",
}

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


def is_job_environment(snapshot: Snapshot, env: str) -> bool:
    """Whether `env` is a CI workflow job's own environment (``ci.yml#test (py=3.12)``: the
    packages its steps install by name, one per matrix combination)."""
    root = env_root(env)
    manifest = snapshot.files.get(root)
    return env != root and manifest is not None and manifest.kind in RUNNER_KINDS


def environments(snapshot: Snapshot, *, together: bool = True) -> dict[str, list[Requirement]]:
    """Requirements grouped by environment, in path order (constraints included); with
    `together`, a Dockerfile stage or CI job also holds the requirements of the files it
    installs (`with_installed`)."""
    grouped: dict[str, list[Requirement]] = {}
    for req in snapshot.requirements():
        grouped.setdefault(env_of(req), []).append(req)
    return with_installed(snapshot, grouped) if together else grouped


def version_of(req: Requirement) -> Version | None:
    """The exact version a requirement pins (local label kept), or None.

    ``==2.1.0``, ``===2.1.0`` and conda's ``==2.1.0.*`` (``pytorch=2.1.0``) count as pins.
    """
    if req.pinned is not None:
        return to_version(req.pinned)
    clauses = _clauses(req.specifier)
    if len(clauses) == 1 and clauses[0][0] in ("==", "==="):
        return clause_version(clauses[0][1])
    return None


def clause_version(text: str) -> Version | None:
    """The version an ``==`` / ``===`` clause pins: ``2.1.0``, and conda's ``2.1.0.*`` as
    2.1.0; a shorter wildcard (``2.1.*``) is a range (None), as is what is not a version."""
    if text.endswith(".*"):
        text = text[:-2]
        if text.count(".") < 2:
            return None
    return to_version(text)


def unconditional_pin(req: Requirement) -> Version | None:
    """The version (public part) an exact PyPI pin without a marker, URL or constraint role
    installs in every install of its environment, or None."""
    if req.ecosystem != Ecosystem.PYPI or req.url or req.marker or req.is_constraint:
        return None
    version = version_of(req)
    return Version(version.public) if version is not None else None


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


def each_env(
    snapshot: Snapshot, *, together: bool = True
) -> Iterator[tuple[str, list[Requirement]]]:
    """(environment, requirements) pairs in a stable order (`together`: as `environments`)."""
    grouped = environments(snapshot, together=together)
    for env in sorted(grouped):
        yield env, grouped[env]


#: Files whose commands install other files, and may pass options the review does not read
#: (`--no-build-isolation`, an index from a variable): CI workflows, tox, Dockerfiles.
SCRIPT_KINDS = RUNNER_KINDS | {FileKind.DOCKERFILE}


def installed_by(snapshot: Snapshot, root: str, kinds: Collection[FileKind] = SCRIPT_KINDS) -> bool:
    """Whether a file of one of `kinds` installs the file `root`."""
    return any(m.kind in kinds and root in m.include_paths for m in snapshot.files.values())


def docs_only(snapshot: Snapshot, env: str) -> bool:
    """Whether a Read the Docs configuration, and nothing else, installs `env`'s file (its
    environment is a docs build: it imports the project, it does not run it on a GPU)."""
    root = env_root(env)
    kinds = {m.kind for m in snapshot.files.values() if root in m.include_paths}
    return kinds == {FileKind.READTHEDOCS}
