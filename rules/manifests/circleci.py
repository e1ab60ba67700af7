"""CircleCI configuration: the Python each job of ``.circleci/config.yml`` runs, what it installs.

A CircleCI job (version 2 / 2.1, ``jobs:``) runs its steps in its primary container, the first
``docker:`` entry's ``image:``. A Python image (``cimg/python:3.8``, ``cimg/python:3.9.13``,
``cimg/python:3.8-node``, the legacy ``circleci/python:3.7-stretch``, Docker Hub's
``python:3.10`` / ``python:3.8-slim``) gives the job's CPython minor; so does the python orb's
executor (``executor: {name: python/default, tag: "3.9"}``) and a top-level ``executors:``
entry the job names (``executor: baal``). Other images (``ubuntu``, an in-house image), a
``machine:`` executor or an orb executor without a ``tag`` give no Python, and such a job
records nothing. ``<< parameters.x >>`` in an image is resolved from the values the
workflows' invocations of the job pass (a literal, or each value of ``matrix: parameters:``),
else the job's (or the executor's) ``parameters:`` ``default:``; ``<< pipeline.parameters.x >>``
from the top-level ``parameters:`` defaults; an image left unresolved gives no Python. When
``workflows:`` list jobs, a job none of them invokes does not run and records nothing.
YAML merge keys (``<<: *defaults``) are followed.

Each job's ``run:`` steps (``- run: pip install -r requirements.txt`` or ``- run: {command:
...}``) are split into commands read like a workflow's (`_step_installs.command_installs`),
in the step's ``working_directory`` (``~/project``, the job's own ``working_directory`` or the
checkout ``path:`` are the repository's root; another folder under it is that folder; one
outside it is read as the root) and after a plain ``cd sub`` earlier in the script (a ``cd``
out of the repository, or to a variable, ends what the script is read for). The python orb's
``install-packages`` step installs its ``pip-dependency-file`` (``requirements.txt`` by
default) with ``pkg-manager: pip``, and the project (as ``poetry install``) with
``pkg-manager: poetry``. So a CircleCI file is read like a CI workflow (`FileKind.CIRCLECI` is
one of `RUNNER_KINDS`): each file a job installs gets a `FactKind.PYTHON` fact at each Python
the job runs, for that file's environment (icometrix/dicom2nifti's ``build`` job on
``cimg/python:3.8`` installed requirements.txt, whose ``pydicom >= 3.0.0`` needs 3.10), and
each job's files go to metadata as `workflow.INSTALLED_TOGETHER` (``<path>#<job>``).

Not read: steps of reusable ``commands:`` (top-level) and of orb commands other than the
python orb's ``install-packages``, ``pre-steps``/``post-steps``, ``pkg-manager: pipenv`` /
``pip-dist`` / ``uv``, matrix ``exclude``, ``<< parameters.x >>`` inside ``run:`` commands,
``environment:`` variables. Invalid YAML gives nothing; the work is bounded by the `Walker`
budget; the parser never raises.
"""

from __future__ import annotations

import itertools
import posixpath
import re
import shlex
from dataclasses import replace

import yaml

from rules.manifests._shellwords import split_commands
from rules.manifests._step_installs import command_installs
from rules.manifests._workflow_jobs import span_of
from rules.manifests._yaml_nodes import BudgetExceeded, Walker, compose
from rules.manifests.model import Fact, FactKind, FileKind, ManifestFile, Span
from rules.manifests.workflow import INSTALLED_TOGETHER, runner_manifest

#: ``<< parameters.x >>`` / ``<< pipeline.parameters.x >>``: group 1 is the reference.
_REFERENCE = re.compile(r"<<\s*((?:pipeline\.)?parameters\.[A-Za-z_][\w-]*)\s*>>")
#: A Python image: CircleCI's ``cimg/python``, the legacy ``circleci/python``, Docker Hub's.
_PYTHON_IMAGE = re.compile(
    r"^(?:(?:docker\.io|index\.docker\.io)/)?(?:library/|cimg/|circleci/)?python:"
    r"(3)\.(\d+)(?:\.\d+)?(?:-[\w.-]+)?$"
)
#: The python orb's name in ``orbs:`` (``python: circleci/python@2.1.1``).
_PYTHON_ORB = "circleci/python@"
#: Most values one image (or invocation) is expanded to.
_MAX_EXPANSIONS = 64
#: Where CircleCI checks a job out when nothing says otherwise.
_DEFAULT_DIRECTORY = "~/project"
#: Keys of a workflow's job entry that are no parameter values.
_RESERVED = frozenset(
    {"requires", "filters", "context", "name", "matrix", "type", "pre-steps", "post-steps"}
)

_Python = tuple[str, Span, str]
_Targets = list[tuple[str, Span]]
#: A parameter reference (``parameters.x``) -> its possible values (text, where written).
_Scope = dict[str, list[tuple[str, yaml.Node]]]


class CircleciParser:
    """`.circleci/config.yml`: each job's Python and the files its steps install."""

    kind = FileKind.CIRCLECI

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse a CircleCI configuration; never raises."""
        root, _ = compose(path, text)
        if root is None:
            return ManifestFile(path=path, kind=self.kind)
        walker = Walker()
        try:
            jobs = _jobs(walker, path, root)
        except BudgetExceeded:
            return ManifestFile(path=path, kind=self.kind)
        facts: list[Fact] = []
        installs: _Targets = []
        together: list[tuple[str, str]] = []
        for name, pythons, targets in jobs:
            installs += targets
            for target, _ in targets:
                facts += [Fact(FactKind.PYTHON, m, at, d, target) for m, at, d in pythons]
                together.append((INSTALLED_TOGETHER, f"{path}#{name}\n{target}"))
        manifest = runner_manifest(path, self.kind, facts, installs, f"{path}#circleci")
        return replace(manifest, metadata=tuple(dict.fromkeys(together)))


def _get(walker: Walker, node: yaml.Node | None, key: str) -> yaml.Node | None:
    """`Walker.get`, following YAML merge keys (``<<: *defaults``, ``<<: [*a, *b]``)."""
    found = walker.get(node, key)
    if found is not None:
        return found
    for merged in walker.items(walker.get(node, "<<")):
        if merged is not node:
            found = walker.get(merged, key)
            if found is not None:
                return found
    return None


def _pairs(walker: Walker, node: yaml.Node | None) -> list[tuple[str, yaml.Node]]:
    """The (key, value) pairs of a mapping, merged ones (``<<:``) after its own."""
    own = _pairs_once(walker, node)
    merged = [
        pair
        for source in walker.items(dict(own).get("<<"))
        if source is not node
        for pair in _pairs_once(walker, source)
    ]
    keys = {k for k, _ in own}
    return [p for p in own if p[0] != "<<"] + [p for p in merged if p[0] not in keys]


def _pairs_once(walker: Walker, node: yaml.Node | None) -> list[tuple[str, yaml.Node]]:
    """The (key, value) pairs of a mapping as written (merge keys not followed)."""
    return [(k.value, v) for k, v in walker.mapping(node) if isinstance(k, yaml.ScalarNode)]


def _jobs(walker: Walker, path: str, root: yaml.Node) -> list[tuple[str, list[_Python], _Targets]]:
    """(job name, its Pythons, the files it installs) for each job that runs a Python."""
    pipeline = _defaults(walker, root, "pipeline.parameters", {})
    invocations = _invocations(walker, root)
    orbs = {
        name
        for name, value in _pairs(walker, _get(walker, root, "orbs"))
        if (walker.scalar(value) or "").startswith(_PYTHON_ORB)
    }
    found: list[tuple[str, list[_Python], _Targets]] = []
    for name, job in _pairs(walker, _get(walker, root, "jobs")):
        if invocations and name not in invocations:
            continue  # no workflow runs it
        scopes = [
            _job_scope(walker, job, pipeline, args, matrix)
            for args, matrix in invocations.get(name) or [(None, None)]
        ]
        pythons: dict[tuple[str, Span], str] = {}
        for scope in scopes:
            for minor, node, image in _images(walker, root, job, scope, pipeline, orbs):
                pythons.setdefault(
                    (minor, span_of(path, node)), f"image {image} (CircleCI job {name})"
                )
        if not pythons:
            continue
        targets = _targets(walker, path, job, orbs)
        found.append((name, [(m, at, d) for (m, at), d in pythons.items()], targets))
    return found


_Invocation = tuple[yaml.Node | None, yaml.Node | None]


def _invocations(walker: Walker, root: yaml.Node) -> dict[str, list[_Invocation]]:
    """Job name -> (the arguments mapping, its ``matrix: parameters:`` mapping) of each
    workflow entry that invokes it (``- test`` or ``- test: {python: "3.9"}``)."""
    found: dict[str, list[_Invocation]] = {}
    for _, workflow in _pairs(walker, _get(walker, root, "workflows")):
        for entry in walker.sequence(_get(walker, workflow, "jobs")):
            name = walker.scalar(entry)
            if name is not None:
                found.setdefault(name, []).append((None, None))
                continue
            for job_name, args in _pairs(walker, entry):
                matrix = _get(walker, _get(walker, args, "matrix"), "parameters")
                found.setdefault(job_name, []).append((args, matrix))
    return found


def _job_scope(
    walker: Walker,
    job: yaml.Node,
    pipeline: _Scope,
    args: yaml.Node | None,
    matrix: yaml.Node | None,
) -> _Scope:
    """The values each ``parameters.x`` of a job takes in one invocation: the matrix's, else the
    invocation's argument, else the job's default (pipeline parameters put in)."""
    scope = {**pipeline, **_defaults(walker, job, "parameters", pipeline)}
    for name, value in _pairs(walker, args):
        if name not in _RESERVED:
            scope[f"parameters.{name}"] = _values(walker, value, pipeline)
    for name, values in _pairs(walker, matrix):
        scope[f"parameters.{name}"] = [
            v for item in walker.items(values) for v in _values(walker, item, pipeline)
        ]
    return scope


def _defaults(walker: Walker, owner: yaml.Node | None, prefix: str, scope: _Scope) -> _Scope:
    """``<prefix>.<name>`` -> the values of the ``default:`` of each of `owner`'s
    ``parameters:`` (the pipeline's, a job's, an executor's), references put in from `scope`."""
    return {
        f"{prefix}.{name}": _values(walker, _get(walker, spec, "default"), scope)
        for name, spec in _pairs(walker, _get(walker, owner, "parameters"))
    }


def _values(walker: Walker, node: yaml.Node | None, scope: _Scope) -> list[tuple[str, yaml.Node]]:
    """The texts a scalar value stands for, its references put in from `scope`."""
    text = walker.scalar(node)
    if text is None or node is None:
        return []
    return _expand(text, node, scope)


def _expand(text: str, node: yaml.Node, scope: _Scope) -> list[tuple[str, yaml.Node]]:
    """`text` with each reference put in, once per combination of the values `scope` gives
    (at most `_MAX_EXPANSIONS`), each with where its last value was written (`node` when it
    has none); [] when a reference has no value."""
    results = [(text, node)]
    for reference in dict.fromkeys(m.group(1) for m in _REFERENCE.finditer(text)):
        pattern = re.compile(r"<<\s*" + re.escape(reference) + r"\s*>>")
        results = [
            (value.join(pattern.split(done)), where)
            for (done, _), (value, where) in itertools.product(results, scope.get(reference, []))
        ][:_MAX_EXPANSIONS]
    return results


def _images(
    walker: Walker,
    root: yaml.Node,
    job: yaml.Node,
    scope: _Scope,
    pipeline: _Scope,
    orbs: set[str],
) -> list[tuple[str, yaml.Node, str]]:
    """(CPython minor, where it is decided, the image) for the job's primary container."""
    container = walker.sequence(_get(walker, job, "docker"))
    if container:
        return _python_images(walker, container[0], scope)
    executor = _get(walker, job, "executor")
    name = walker.scalar(executor)
    args: yaml.Node | None = None
    if name is None:
        args = executor
        name = walker.scalar(_get(walker, executor, "name"))
    if name is None:
        return []
    own = _get(walker, _get(walker, root, "executors"), name)
    if own is None:
        orb, _, executor_name = name.partition("/")
        tag = _get(walker, args, "tag")
        if orb not in orbs or executor_name != "default" or tag is None:
            return []
        return [
            (minor, where, image)
            for value, where in _values(walker, tag, scope)
            if (minor := _image_python(image := f"cimg/python:{value}")) is not None
        ]
    executor_scope = {**pipeline, **_defaults(walker, own, "parameters", pipeline)}
    for param, value in _pairs(walker, args):
        if param != "name":
            executor_scope[f"parameters.{param}"] = _values(walker, value, scope)
    container = walker.sequence(_get(walker, own, "docker"))
    return _python_images(walker, container[0], executor_scope) if container else []


def _python_images(
    walker: Walker, entry: yaml.Node, scope: _Scope
) -> list[tuple[str, yaml.Node, str]]:
    return [
        (minor, where, image)
        for image, where in _values(walker, _get(walker, entry, "image"), scope)
        if (minor := _image_python(image)) is not None
    ]


def _image_python(image: str) -> str | None:
    """`3.8` for ``cimg/python:3.8``, ``circleci/python:3.8-node``, ``python:3.8-slim``."""
    match = _PYTHON_IMAGE.match(image.strip())
    return f"{match.group(1)}.{match.group(2)}" if match else None


def _targets(walker: Walker, path: str, job: yaml.Node, orbs: set[str]) -> _Targets:
    """(repository path, the step's place) for each file the job's steps install."""
    job_directory = _absolute(walker.scalar(_get(walker, job, "working_directory")), "")
    checkout = job_directory
    steps = walker.sequence(_get(walker, job, "steps"))
    for step in steps:
        where = walker.scalar(_get(walker, _get(walker, step, "checkout"), "path"))
        if where:
            checkout = _absolute(where, job_directory)
            break
    found: dict[str, Span] = {}
    for step in steps:
        run = _get(walker, step, "run")
        if run is not None:
            command = _get(walker, run, "command") if walker.scalar(run) is None else run
            script = walker.scalar(command)
            if not script or command is None:
                continue
            here = _absolute(walker.scalar(_get(walker, run, "working_directory")), job_directory)
            for target in _script_installs(script, here, checkout):
                found.setdefault(target, span_of(path, command))
            continue
        for key, args in _pairs(walker, step):
            orb, _, name = key.partition("/")
            if orb not in orbs or name != "install-packages":
                continue
            here = _absolute(walker.scalar(_get(walker, args, "app-dir")), job_directory)
            for target in _orb_installs(walker, args, _inside(here, checkout) or ""):
                found.setdefault(target, span_of(path, args))
    return list(found.items())


def _absolute(directory: str | None, base: str) -> str:
    """A folder as an absolute path (``~/x`` kept as written), relative ones from `base`
    (the job's folder, ``~/project`` by default); ``.`` is `base`."""
    base = base or _DEFAULT_DIRECTORY
    if not directory:
        return base
    directory = directory.strip()
    if directory.startswith("/home/circleci/"):
        directory = "~/" + directory.removeprefix("/home/circleci/")
    if directory.startswith(("/", "~")):
        return posixpath.normpath(directory)
    return posixpath.normpath(posixpath.join(base, directory))


def _inside(directory: str, checkout: str) -> str | None:
    """`directory` relative to the checkout (``""`` for the checkout itself), or None."""
    if directory == checkout:
        return ""
    if directory.startswith(checkout.rstrip("/") + "/"):
        return directory[len(checkout.rstrip("/")) + 1 :]
    return None


def _script_installs(script: str, directory: str, checkout: str) -> list[str]:
    """What a ``run:`` script installs, from `directory` (the root when outside the checkout),
    following a plain ``cd`` until one leaves the repository or names a variable."""
    folder = _inside(directory, checkout)
    here = directory if folder is not None else checkout
    found: list[str] = []
    for words in split_commands(script):
        if words and words[0].value == "cd":
            target = words[1].value if len(words) == 2 else ""
            if not target or "$" in target or target == "-":
                break
            here = _absolute(target, here)
            if _inside(here, checkout) is None:
                break
            continue
        found += command_installs(words, _inside(here, checkout) or "")
    return found


def _orb_installs(walker: Walker, args: yaml.Node, folder: str) -> list[str]:
    """What the python orb's ``install-packages`` step installs from `folder`."""
    manager = walker.scalar(_get(walker, args, "pkg-manager"))
    if manager == "pip":
        file = walker.scalar(_get(walker, args, "pip-dependency-file")) or "requirements.txt"
        command = f"pip install -r {shlex.quote(file)}"
    elif manager == "poetry":
        command = "poetry install"
    else:
        return []  # pipenv (the orb's default), pip-dist, uv: not read
    return [t for words in split_commands(command) for t in command_installs(words, folder)]
