"""The evidence of which Python and CUDA an environment is installed on (pure).

Python, in order of authority:

1. where the environment is installed: every Dockerfile stage that installs it (its
   ``pip install -r`` / ``-e .`` / ``conda env create -f``, mapped through COPY; a stage's
   own RUN installs are the environment ``Dockerfile#stage``; a venv or a second interpreter
   inside it is one of its own, ``Dockerfile#venv /p``, with that Python), and every CI job that
   installs it (``actions/setup-python`` versions). A conda environment's own ``python=``
   beats a stage's Python (conda installs its own interpreter);
2. when nothing installs it: what declares it: a conda file's ``python=`` (a pixi
   environment's ``python`` spec likewise beats everything else), ``# Python:``
   notes and pip-compile headers of its files, ``.python-version`` / ``runtime.txt`` in its
   folder or a parent, a workflow job that installs nothing nameable (top-level files
   only), a Dockerfile that installs nothing nameable (top-level files, when every such
   Dockerfile agrees);
3. ranges (``requires-python``, Poetry ``python``) always count: a lock is made for every
   Python they admit.

CUDA: the installing stage's CUDA (its base image or ``ENV CUDA_VERSION``), else the
environment's conda selectors (``pytorch-cuda=11.8``). `runtime_cuda` is the CUDA of a
stage that ``COPY --from``s the installing stage.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from rules.checks.support.cuda import conda_cuda
from rules.checks.support.environments import env_root
from rules.checks.support.memo import PerSnapshotEnv
from rules.config import RepoConfig
from rules.kb.cudaver import major_minor
from rules.kb.pyspec import minors_admitted
from rules.manifests._setup_links import local_project_envs, project_file
from rules.manifests.model import (
    RUNNER_KINDS,
    DockerStage,
    FactKind,
    FileKind,
    Group,
    ManifestFile,
    Snapshot,
)
from rules.manifests.snapshot import referenced_path
from rules.targets import DEFAULT_PYTHONS, Evidence, Target

_EXACT = re.compile(r"^(?:python-?)?(3)\.(\d+)(?:\.\d+)?t?$")
_DECLARING = {
    FileKind.CONDA: "conda",
    FileKind.PIXI: "pixi",
    FileKind.REQUIREMENTS: "note",
    FileKind.PYPROJECT: "requires-python",
    FileKind.SETUP_CFG: "requires-python",
    FileKind.SETUP_PY: "requires-python",
    FileKind.NBDEV: "requires-python",
    FileKind.PYTHON_VERSION: "python-version",
    FileKind.RUNTIME_TXT: "python-version",
}

#: How a pyproject's pixi environments are named (``pyproject.toml#pixi:tests``).
_PIXI = "#pixi:"

#: Root kinds whose unnamed-workflow Pythons count (a job installing nothing it names).
_PROJECT_KINDS = (FileKind.REQUIREMENTS, FileKind.PYPROJECT, FileKind.SETUP_CFG, FileKind.SETUP_PY)

#: Files whose ``#extra`` environments only a ``pip install '.[extra]'`` installs.
_PROJECT_FILES = frozenset({"pyproject.toml", "setup.cfg", "setup.py"})


@dataclass(frozen=True, slots=True)
class PythonDecl:
    """One piece of Python evidence for an environment: an exact minor or a range."""

    value: str
    how: str
    file: str | None
    line: int | None
    text: str
    #: The minors it admits (one for an exact version).
    minors: tuple[str, ...]

    @property
    def exact(self) -> bool:
        """Whether it names one Python (not a range)."""
        return _minor(self.value) is not None


def exact_minor(value: str) -> str | None:
    """`3.10` for an exact Python version (`3.10`, `3.10.4`, `python-3.10`), None otherwise."""
    return _minor(value)


def _minor(value: str) -> str | None:
    match = _EXACT.match(value.strip())
    return f"{match.group(1)}.{match.group(2)}" if match else None


def admitted(value: str) -> tuple[str, ...]:
    """The known minors a Python value admits (one for an exact version; () if unreadable)."""

    minor = _minor(value)
    if minor is None and value.strip().startswith("==") and "," not in value:
        minor = _minor(value.strip()[2:].strip())  # Poetry's python = "3.9.17": ==3.9.17
    if minor is not None:
        return (minor,)
    try:
        spec = SpecifierSet(value.strip())
    except InvalidSpecifier:
        return ()
    return minors_admitted(spec)


def _dockerfiles(snapshot: Snapshot) -> list[ManifestFile]:
    return [m for _, m in sorted(snapshot.files.items()) if m.kind == FileKind.DOCKERFILE]


def installing_stages(snapshot: Snapshot, env: str) -> list[tuple[ManifestFile, DockerStage]]:
    """The Dockerfile stages that install environment `env` (or are it)."""
    root = env_root(env)
    group = env != root and root.rsplit("/", 1)[-1] in _PROJECT_FILES
    found: list[tuple[ManifestFile, DockerStage]] = []
    for manifest in _dockerfiles(snapshot):
        for stage in manifest.stages:
            if stage.label == env:
                found.append((manifest, stage))
                continue
            if group and _group_key(env) not in {_group_key(e) for e in stage.extras}:
                continue  # `pip install .` installs no optional group (`.[gpu]` installs gpu)
            for target in stage.installs:
                if referenced_path(manifest, target, snapshot.files) == root or target == root:
                    found.append((manifest, stage))
                    break
    return found


def _group_key(env: str) -> str:
    """``pyproject.toml#Dev_Tools`` and ``pyproject.toml#dev-tools`` name one group (PEP 685)."""
    root, _, name = env.partition("#")
    return f"{root}#{re.sub(r'[-_.]+', '-', name).lower()}"


def _stage_decl(stage: DockerStage) -> PythonDecl | None:
    if stage.python is None:
        return None
    at = stage.python_at
    minor = _minor(stage.python)
    if minor is None:
        return None
    return PythonDecl(
        stage.python,
        stage.python_how,
        at.file if at else None,
        at.line if at else None,
        stage.python_text,
        (minor,),
    )


def _is_extra(snapshot: Snapshot, env: str) -> bool:
    """Whether `env` is a pyproject extra (``[project.optional-dependencies]``): only an
    install that names it (``pip install .[ml]``) installs it."""
    manifest = snapshot.files.get(env_root(env))
    return (
        "#" in env
        and manifest is not None
        and any(r.environment == env and r.group == Group.OPTIONAL for r in manifest.requirements)
    )


def _workflow_decls(
    snapshot: Snapshot, root: str, *, unnamed: bool, env: str = ""
) -> list[PythonDecl]:
    """Workflow Python facts for `root` (or, with `unnamed`, those of jobs naming nothing).
    A job's ``pip install .[ml]`` gives the extra's environment its Python; a plain
    ``pip install .`` does not reach an extra."""
    found: list[PythonDecl] = []
    extra = _is_extra(snapshot, env) if env else False
    for fact in snapshot.facts(FactKind.PYTHON):
        manifest = snapshot.files.get(fact.location.file)
        if manifest is None or manifest.kind not in RUNNER_KINDS:
            continue
        if env and fact.environment == env and env_root(env) == fact.location.file:
            pass  # a job's own environment (its by-name installs, `_workflow_jobs`)
        elif unnamed:
            if fact.environment:
                continue
        elif "#" in fact.environment:
            if not extra or _group_key(fact.environment) != _group_key(env):
                continue
        elif not fact.environment or posixpath.normpath(fact.environment) != root or extra:
            continue
        minors = admitted(fact.value)
        if minors:
            found.append(
                PythonDecl(
                    fact.value,
                    "workflow",
                    fact.location.file,
                    fact.location.line,
                    fact.detail,
                    minors,
                )
            )
    return found


def _declared(snapshot: Snapshot, root: str, env: str) -> tuple[list[PythonDecl], list[PythonDecl]]:
    """(exact declarations, ranges) that files declare for the environment rooted at `root`
    (a fact of one named environment, a pixi one's, counts for that environment only)."""
    folder = PurePosixPath(root).parent
    exact: list[PythonDecl] = []
    ranges: list[PythonDecl] = []
    for fact in snapshot.facts(FactKind.PYTHON):
        manifest = snapshot.files.get(fact.location.file)
        kind = manifest.kind if manifest is not None else None
        if kind not in _DECLARING:
            continue
        if kind in (FileKind.PYTHON_VERSION, FileKind.RUNTIME_TXT):
            here = PurePosixPath(fact.location.file).parent
            if here != folder and here not in folder.parents:
                continue
        elif env_root(fact.environment or fact.location.file) != root or (
            "#" in fact.environment and fact.environment != env
        ):
            continue
        minors = admitted(fact.value)
        if not minors:
            continue
        assert kind is not None
        how = "pixi" if _PIXI in fact.environment else _DECLARING[kind]
        decl = PythonDecl(
            fact.value,
            how,
            fact.location.file,
            fact.location.line,
            fact.detail or fact.value,
            minors,
        )
        (exact if decl.exact else ranges).append(decl)
    return exact, ranges


def project_declaration(snapshot: Snapshot, root: str) -> PythonDecl | None:
    """The Python range (or exact version) the project file `root` declares for itself
    (requires-python, Poetry's ``python``, python_requires), whether or not other files name
    the Python that runs it (`python_decls` gives way to them)."""
    exact, ranges = _declared(snapshot, root, root)
    return next((d for d in ranges + exact if d.how == "requires-python" and d.file == root), None)


def _unnamed_dockerfile_decls(snapshot: Snapshot, root: str) -> list[PythonDecl]:
    """The final-stage Python of Dockerfiles that install no file depreview can name, for a
    top-level environment, when they all agree (stage-less test snapshots: the last fact)."""
    if "/" in root:
        return []
    finals: list[PythonDecl] = []
    for manifest in _dockerfiles(snapshot):
        if any(stage.installs for stage in manifest.stages):
            continue
        stages = [s for s in manifest.stages if s.within is None]
        if stages:
            decl = _stage_decl(stages[-1])
        else:
            facts = [f for f in manifest.facts if f.kind == FactKind.PYTHON]
            last = max(facts, key=lambda f: f.location.line) if facts else None
            minor = _minor(last.value) if last else None
            decl = (
                PythonDecl(
                    last.value,
                    "dockerfile",
                    last.location.file,
                    last.location.line,
                    last.detail or last.value,
                    (minor,),
                )
                if last and minor
                else None
            )
        if decl is not None:
            finals.append(decl)
    if len({d.minors for d in finals}) != 1:
        return []
    return finals


def _built_project(snapshot: Snapshot, env: str) -> str | None:
    """For a pyproject's ``[build-system] requires`` (``pyproject.toml#build``): the
    environment of the project it builds (the pyproject itself, or the setup.cfg / setup.py
    that declares the project: `_setup_links`). pip, uv and tox 4 build a local project in an
    isolated environment that holds these requirements, on the Python of the job or stage
    that installs the project (astropy/reproject #421: ``numpy>=1.25`` to build, tox's py38
    environments). None for any other environment. A job that passes
    ``--no-build-isolation`` builds in its own environment instead; that option is not read
    (a known limit, as for build-needs-torch)."""
    root = env_root(env)
    manifest = snapshot.files.get(root)
    if (
        manifest is None
        or manifest.kind != FileKind.PYPROJECT
        or env != f"{root}#build"
        or not any(r.environment == env and r.group == Group.BUILD for r in manifest.requirements)
    ):
        return None
    declaring = project_file(posixpath.dirname(root), snapshot.files)
    return declaring if declaring is not None else root


_INSTALLERS: PerSnapshotEnv[dict[str, tuple[str, ...]]] = PerSnapshotEnv()


def _local_installers(snapshot: Snapshot) -> dict[str, tuple[str, ...]]:
    """For each project environment (``setup.py``, ``setup.py#all``): the requirements and
    conda files whose ``-e .`` / ``.[all]`` lines install it (`local_project_envs`)."""

    def compute() -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for path in sorted(snapshot.files):
            for project in local_project_envs(snapshot.files[path], snapshot.files):
                found.setdefault(project, []).append(path)
        return {k: tuple(v) for k, v in found.items()}

    return _INSTALLERS.get(snapshot, "", compute)


def _local_installer_decls(snapshot: Snapshot, env: str) -> list[PythonDecl]:
    """The Pythons of the jobs and stages that install a requirements (or conda) file whose
    ``-e .`` / ``.[all]`` line installs `env`'s project: pip resolves the project's
    requirements with the file's, on that Python (nasaharvest/openmapflow 3a66adf: the 3.8
    legs install requirements.txt, whose ``-e .[all]`` brings setup.py's ``numpy==1.26.4``)."""
    found: list[PythonDecl] = []
    for path in _local_installers(snapshot).get(env, ()):
        found += [d for _, s in installing_stages(snapshot, path) if (d := _stage_decl(s))]
        found += _workflow_decls(snapshot, path, unnamed=False, env=path)
    return found


def _reader_ranges(snapshot: Snapshot, root: str) -> list[PythonDecl]:
    """The Requires-Python ranges of the projects (setup.py, setup.cfg, pyproject.toml) that
    read the requirements file `root` as their own requirements: pip installs the project,
    hence the file's lines, on every Python the range admits (opengeos/segment-geospatial
    PR #310: setup.py's python_requires >=3.8 while requirements.txt gained sam2, which needs
    3.10). A range's Pythons are judged as a range is (`_Claim.ranged`)."""
    manifest = snapshot.files.get(root)
    if manifest is None or manifest.kind != FileKind.REQUIREMENTS:
        return []
    found: list[PythonDecl] = []
    for key, value in manifest.metadata:
        reader = snapshot.files.get(env_root(value)) if key == "root" else None
        if reader is not None and reader.kind in _PROJECT_KINDS[1:]:  # not a -r includer
            found += _declared(snapshot, env_root(value), value)[1]
    return found


def python_decls(snapshot: Snapshot, env: str) -> list[PythonDecl]:
    """Every piece of Python evidence for `env` that decides (see the module docstring)."""
    root = env_root(env)
    root_kind = snapshot.files[root].kind if root in snapshot.files else None
    project = _built_project(snapshot, env)
    if project is not None:
        built = [d for _, s in installing_stages(snapshot, project) if (d := _stage_decl(s))]
        built += _workflow_decls(snapshot, project, unnamed=False, env=project)
        if built:
            return built
    decls = _python_decls(snapshot, env, root, root_kind)
    named = {m for d in decls if d.exact for m in d.minors}
    # a reading project's range adds the Pythons no other evidence names (its start, where CI
    # runs later ones): a Python that a job or image also names is judged there once
    return decls + [d for d in _reader_ranges(snapshot, root) if d.minors[0] not in named]


def _python_decls(
    snapshot: Snapshot, env: str, root: str, root_kind: FileKind | None
) -> list[PythonDecl]:
    """`python_decls` from the environment's own files and the installs that name it."""
    exact, ranges = _declared(snapshot, root, env)
    if root_kind == FileKind.CONDA and any(d.how == "conda" for d in exact):
        return [d for d in exact if d.how == "conda"]
    if any(d.how == "pixi" for d in exact + ranges):  # pixi installs its own Python
        return [d for d in exact + ranges if d.how == "pixi"]
    sites = [d for _, s in installing_stages(snapshot, env) if (d := _stage_decl(s))]
    sites += _workflow_decls(snapshot, root, unnamed=False, env=env)
    sites += _local_installer_decls(snapshot, env)
    if sites:
        return sites + ranges
    if not exact and "/" not in root and root_kind in _PROJECT_KINDS:
        exact = _workflow_decls(snapshot, root, unnamed=True)
    if not exact:
        exact = _unnamed_dockerfile_decls(snapshot, root)
    return exact + ranges


def stage_cuda(manifest: ManifestFile, stage: DockerStage) -> tuple[str, int] | None:
    """(CUDA, line) of a stage: its last CUDA fact (base image or ENV CUDA_VERSION); a venv
    inside a stage has the stage's."""
    label = stage.within or stage.label
    facts = [
        f
        for f in manifest.facts
        if f.kind == FactKind.CUDA and f.environment == label and major_minor(f.value)
    ]
    if not facts:
        return None
    last = max(facts, key=lambda f: f.location.line)
    return last.value, last.location.line


def cuda_decls(
    snapshot: Snapshot, env: str
) -> tuple[list[tuple[str, str, str, int | None, str]], str | None]:
    """([(cuda, how, file, line, text)], runtime CUDA) for `env` (see the module docstring)."""
    found: list[tuple[str, str, str, int | None, str]] = []
    runtime: str | None = None
    for manifest, stage in installing_stages(snapshot, env):
        cuda = stage_cuda(manifest, stage)
        if cuda is None:
            continue
        found.append((cuda[0], "image", manifest.path, cuda[1], stage.base))
        owner = next((s for s in manifest.stages if s.label == stage.within), stage)
        for other in manifest.stages:
            if owner.name and owner.name in other.copies_from:
                other_cuda = stage_cuda(manifest, other)
                if other_cuda and major_minor(other_cuda[0]) != major_minor(cuda[0]):
                    runtime = other_cuda[0]
    if not found:
        reqs = [r for r in snapshot.requirements() if env_root(r.environment) == env_root(env)]
        for decl in conda_cuda(reqs):
            at = decl.location
            found.append(
                (decl.cuda, "selector", at.file if at else "", at.line if at else None, decl.text)
            )
    return found, runtime


def _python_evidence(decl: PythonDecl) -> Evidence:
    return Evidence("python", decl.value, decl.how, decl.file, decl.line, decl.text)


def targets_for_environment(
    snapshot: Snapshot, env: str, config: RepoConfig | None = None
) -> tuple[Target, ...]:
    """The targets environment `env` will be installed on, each with its evidence.

    Pythons: the config's ``targets.python`` when set; else every Python the repository's
    evidence names for `env` (`rules.checks.support.evidence.python_decls`; a range such as
    ``requires-python = ">=3.9"`` gives one target per known minor it admits); else
    `DEFAULT_PYTHONS` with ``assumed=True``. Platforms: the config's, else linux x86_64.
    CUDA: the config's first ``targets.cuda``, else the installing Dockerfile stage's image,
    else the environment's conda selector. Targets are unique per (python, platform), in
    the evidence's order; a target's `sources` list every piece of evidence naming it.

    The resolver (worker/resolve) should call this per environment instead of its own
    `targets_for`, turning `python` into a full version (its LATEST_PATCH) and `platform`
    into a uv triple, and must not report a conflict as an error for an ``assumed`` target.
    """
    targets_config = config.targets if config is not None else None
    platforms = tuple(targets_config.platforms) if targets_config else ()
    platforms = platforms or ("linux_x86_64",)
    configured_cuda = list(targets_config.cuda) if targets_config else []
    cudas, runtime = cuda_decls(snapshot, env)
    cuda_sources: tuple[Evidence, ...] = ()
    cuda: str | None = None
    if configured_cuda:
        cuda = str(configured_cuda[0])
        cuda_sources = (Evidence("cuda", cuda, "config", ".github/depreview.yml", None),)
    elif cudas:
        cuda = cudas[0][0]
        cuda_sources = tuple(Evidence("cuda", c, how, f, ln, t) for c, how, f, ln, t in cudas)
    configured = tuple(targets_config.python) if targets_config else ()
    pythons: dict[str, list[Evidence]] = {}
    assumed = False
    if configured:
        for python in configured:
            pythons[python] = [Evidence("python", python, "config", ".github/depreview.yml")]
    else:
        for decl in python_decls(snapshot, env):
            for minor in decl.minors:
                pythons.setdefault(minor, []).append(_python_evidence(decl))
    if not pythons:
        assumed = True
        for python in DEFAULT_PYTHONS:
            pythons[python] = [Evidence("python", python, "assumed")]
    return tuple(
        Target(
            python,
            platform,
            cuda,
            (*sources, *cuda_sources),
            assumed,
            runtime,
        )
        for python, sources in pythons.items()
        for platform in platforms
    )


#: sole_python's answers: rules ask it for every framework requirement, and each answer scans
#: the whole snapshot.
_SOLE: PerSnapshotEnv[str | None] = PerSnapshotEnv()


def sole_python(snapshot: Snapshot, env: str) -> str | None:
    """The one Python minor the repository's evidence says runs `env` (an image, a conda
    ``python=``, a ``.python-version``...), or None when it names none (assumed) or several
    (a workflow matrix: each Python picks its own release). Computed once per snapshot and
    environment."""

    def compute() -> str | None:
        pythons = {t.python for t in targets_for_environment(snapshot, env) if not t.assumed}
        return next(iter(pythons)) if len(pythons) == 1 else None

    return _SOLE.get(snapshot, env, compute)
