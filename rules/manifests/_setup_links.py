"""Snapshot links for setuptools projects (setup.py, setup.cfg).

Two links, made once every file is parsed (`link_setup`):

- A requirements file that a setup.py or setup.cfg reads in place (metadata
  ``requirements-file``: ``<environment>\\n<path>``, ``setup.py#dev`` for an extra) gets
  that environment as a ``("root", env)`` metadata entry: its requirements are installed
  into it (`snapshot.environment_requirements`), while the file stays an environment of
  its own, as a file that two roots reach with ``-r`` does.
- ``pip install .`` / ``-e ".[dev]"`` in a Dockerfile or CI workflow names the folder's
  ``pyproject.toml`` (`_install_commands.installed_files`). When that pyproject.toml does not
  declare the project (no ``[project]`` name, or it is absent) and the folder's setup.cfg or
  setup.py does (a name, requirements, a Python range or a requirements file), the install
  names that file instead (setup.cfg first, as setuptools merges setup.cfg into setup.py's
  call): in workflow facts and ``installed-together`` metadata and in Dockerfile stages'
  installs and extras. The requirements files that file reads for the installed
  environments follow it there (a stage or job that installs ``.[dev]`` installs
  requirements.txt and dev-requirements.txt, judged together as ``-r`` lines are), as do
  those a pyproject.toml's ``[tool.setuptools.dynamic]`` names for ``pip install .``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import replace

from rules.manifests.model import RUNNER_KINDS, DockerStage, FileKind, ManifestFile
from rules.manifests.setupcfg import REQUIREMENTS_FILE
from rules.manifests.workflow import INSTALLED_TOGETHER

_SETUP_KINDS = (FileKind.SETUP_CFG, FileKind.SETUP_PY)


def _declares(manifest: ManifestFile) -> bool:
    return bool(
        manifest.requirements
        or manifest.facts
        or manifest.include_paths
        or any(key == "name" for key, _ in manifest.metadata)
    )


def project_file(folder: str, manifests: Mapping[str, ManifestFile]) -> str | None:
    """The setuptools file that declares the project of `folder`, when its pyproject.toml
    does not."""
    pyproject = manifests.get(posixpath.join(folder, "pyproject.toml"))
    if pyproject is not None and pyproject.kind == FileKind.PYPROJECT:
        meta = dict(pyproject.metadata)
        dynamic = {value for key, value in pyproject.metadata if key == "dynamic"}
        if "name" in meta and "dependencies" not in dynamic:
            return None
    for name in ("setup.cfg", "setup.py"):
        manifest = manifests.get(posixpath.join(folder, name))
        if manifest is not None and manifest.kind in _SETUP_KINDS and _declares(manifest):
            return manifest.path
    return None


def _mapper(manifests: Mapping[str, ManifestFile]) -> dict[str, str]:
    """``folder/pyproject.toml`` -> the setuptools file that declares that folder's project."""
    out: dict[str, str] = {}
    for manifest in manifests.values():
        if manifest.kind not in _SETUP_KINDS:
            continue
        folder = posixpath.dirname(manifest.path)
        found = project_file(folder, manifests)
        if found is not None:
            out[posixpath.join(folder, "pyproject.toml")] = found
    return out


def _mapped(target: str, mapping: Mapping[str, str]) -> str:
    path, sep, extra = target.partition("#")
    found = mapping.get(path.removeprefix("./"))
    return f"{found}{sep}{extra}" if found is not None else target


def _expanded(target: str, mapping: Mapping[str, str], reads: Mapping[str, list[str]]) -> list[str]:
    """The install target as mapped, then the requirements files it reads."""
    mapped = _mapped(target, mapping)
    return [mapped, *reads.get(mapped, [])]


def _workflow(
    manifest: ManifestFile, mapping: Mapping[str, str], reads: Mapping[str, list[str]]
) -> ManifestFile:
    facts = tuple(
        dict.fromkeys(
            replace(f, environment=env)
            for f in manifest.facts
            for env in _expanded(f.environment, mapping, reads)
        )
    )
    metadata: list[tuple[str, str]] = []
    for key, value in manifest.metadata:
        if key != INSTALLED_TOGETHER:
            metadata.append((key, value))
            continue
        env, _, file = value.partition("\n")
        metadata.extend((key, f"{env}\n{t}") for t in _expanded(file, mapping, reads))
    return replace(manifest, facts=facts, metadata=tuple(dict.fromkeys(metadata)))


def _stage(
    stage: DockerStage, mapping: Mapping[str, str], reads: Mapping[str, list[str]]
) -> DockerStage:
    installs = [t for i in stage.installs for t in _expanded(i, mapping, reads)]
    extras: list[str] = []
    for target in stage.extras:
        mapped, *files = _expanded(target, mapping, reads)
        extras.append(mapped)
        installs.extend(files)  # an extra's requirements file: installed like `-r`
    return replace(
        stage, installs=tuple(dict.fromkeys(installs)), extras=tuple(dict.fromkeys(extras))
    )


def link_setup(manifests: Mapping[str, ManifestFile]) -> dict[str, ManifestFile]:
    """The manifests these links change, by path (see the module docstring)."""
    changed: dict[str, ManifestFile] = {}
    roots: dict[str, list[str]] = {}
    reads: dict[str, list[str]] = {}
    for manifest in manifests.values():
        if manifest.kind not in (*_SETUP_KINDS, FileKind.PYPROJECT):
            continue
        for key, value in manifest.metadata:
            if key == REQUIREMENTS_FILE:
                env, _, path = value.partition("\n")
                if path in manifests and path != manifest.path:
                    roots.setdefault(path, []).append(env)
                    reads.setdefault(env, []).append(path)
    for path, envs in roots.items():
        manifest = manifests[path]
        known = {value for key, value in manifest.metadata if key == "root"}
        added = [("root", env) for env in dict.fromkeys(envs) if env not in known]
        if added:
            changed[path] = replace(manifest, metadata=(*manifest.metadata, *added))
    mapping = _mapper(manifests)
    if not mapping and not reads:
        return changed
    for path, manifest in manifests.items():
        if manifest.kind in RUNNER_KINDS:
            changed[path] = _workflow(manifest, mapping, reads)
        elif manifest.kind == FileKind.DOCKERFILE and manifest.stages:
            stages = tuple(_stage(s, mapping, reads) for s in manifest.stages)
            changed[path] = replace(manifest, stages=stages)
    return changed


#: File kinds whose ``-e .`` / ``.[dev]`` lines (metadata ``local-path``) pip installs in the
#: same resolution as their named requirements: requirements files and a conda file's pip list.
_LOCAL_PATH_KINDS = (FileKind.REQUIREMENTS, FileKind.CONDA)


def local_project_envs(manifest: ManifestFile, manifests: Mapping[str, ManifestFile]) -> list[str]:
    """The project environments that `manifest`'s local-path lines install: ``-e .`` in
    requirements.txt (or in environment.yml's ``pip:`` list, which conda hands to pip from the
    file's folder) names the folder's project, whose runtime requirements pip resolves
    together with the file's lines (``setup.py``), and ``.[dev]`` that extra's as well
    (``setup.py#dev``). The project file is the folder's pyproject.toml when it declares the
    project, else its setup.cfg or setup.py (`project_file`); a folder outside the
    repository or with no project file gives nothing."""
    if manifest.kind not in _LOCAL_PATH_KINDS:
        return []
    found: list[str] = []
    for key, value in manifest.metadata:
        if key != "local-path":
            continue
        head, _, rest = value.strip().partition("[")
        extras = [e.strip() for e in rest.split("]", 1)[0].split(",") if e.strip()]
        head = head.removeprefix("file:").rstrip("/") or "."
        if "://" in head or head.startswith(("/", "~", "$")):
            continue
        folder = posixpath.normpath(posixpath.join(posixpath.dirname(manifest.path), head))
        if folder == ".." or folder.startswith("../"):
            continue
        folder = "" if folder == "." else folder
        project = project_file(folder, manifests)
        if project is None:
            pyproject = manifests.get(posixpath.join(folder, "pyproject.toml"))
            if pyproject is None or pyproject.kind != FileKind.PYPROJECT:
                continue
            project = pyproject.path
        found += [project, *(f"{project}#{extra}" for extra in extras)]
    return list(dict.fromkeys(found))
