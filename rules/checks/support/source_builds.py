"""Source builds: the release pip picks on a Python has no wheel for it, but an sdist (pure).

pip installs, for each Python, the newest admitted release whose Requires-Python admits it,
and takes its sdist when no wheel of that release fits: it does not fall back to an older
release with a wheel. A compiled package (its wheels are per-CPython or abi3) then needs a
compiler: where the installing Dockerfile stage certainly has none
(`rules.checks.support.compilers`) the install fails (an error); elsewhere it builds from
source (a warning). A release that has no wheel for any Python (an sdist-only package) is
not a matter of the Python: nothing is said.
Releases with no sdist are left to the caller (pip skips them: older releases or nothing), and
so are requirements files that pass ``--only-binary`` (no sdist is built) or ``--prefer-binary``
with an older admitted release that has a wheel (pip installs that one). A pip command line
in a Dockerfile with those options (or ``PIP_PREFER_BINARY``) is not seen (a known limit).
A conda requirement (``conda install`` in a Dockerfile, environment.yml dependencies) is never
built from a PyPI sdist: the same finding (same severity) says instead that the KB's PyPI
wheel data shows no wheel for that Python and that conda channels may differ.

Data: the KB wheel table's release rows (`rules.kb.wheels.WheelRelease`) through the rule's
`WheelIndex` (``release_row``); an index without rows (a test fake) gives no source builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from rules.checks.base import Rule
from rules.checks.support.compilers import NoCompiler, no_compiler
from rules.checks.support.fixes import finding
from rules.checks.support.versions import Admitted
from rules.checks.support.wheels import WheelIndex
from rules.findings import Finding, Severity
from rules.kb.pyspec import py_key
from rules.kb.sdist_builds import SdistBreak, sdist_break
from rules.manifests.model import Ecosystem, FactKind, Requirement, Snapshot, Span
from rules.targets import Evidence


@dataclass(frozen=True, slots=True)
class _Build:
    """One Python on which pip builds `version` from its sdist."""

    python: str
    version: Version
    row: Any  # rules.kb.wheels.WheelRelease


def release_row(wheels: WheelIndex, package: str, version: Version) -> Any:
    """The KB wheel table's row of one release (None: not recorded, or an index without rows,
    such as a test fake)."""
    lookup = getattr(wheels, "release_row", None)
    return lookup(package, str(version)) if lookup is not None else None


def _candidate(
    wheels: WheelIndex, package: str, decided: Admitted, python: str
) -> tuple[Version, Any] | None:
    """The release pip installs on `python`: the exact pin, else the newest admitted stable,
    non-yanked release whose Requires-Python admits it (with its KB row)."""
    if decided.picked is None:
        return None
    if decided.exact:
        row = release_row(wheels, package, decided.picked)
        return (decided.picked, row) if row is not None else None
    stable = [v for v in decided.releases if not v.is_prerelease and not v.is_devrelease]
    for version in reversed(stable or list(decided.releases)):
        row = release_row(wheels, package, version)
        if row is None:
            return None  # unknown release: pip's choice is not knowable
        if not row.yanked and row.admits(python):
            return version, row
    return None


def wheel_pythons(row: Any) -> str:
    """`3.9–3.13`, `3.8, 3.10`, `3.8+ (abi3)`: the CPythons a release has Linux wheels for."""
    minors = sorted((m for m in row.exact if not m.endswith("t")), key=py_key)
    parts: list[str] = []
    if minors:
        keys = [py_key(m)[:2] for m in minors]
        contiguous = all(b[1] == a[1] + 1 and b[0] == a[0] for a, b in pairwise(keys))
        parts.append(
            f"{minors[0]}–{minors[-1]}" if contiguous and len(minors) > 2 else ", ".join(minors)
        )
    if row.open_floor:
        kind, _, floor = str(row.open_floor).partition(":")
        parts.append(f"{floor}+ ({kind})")
    return "; ".join(parts) or "none"


def _best_python(row: Any, python: str) -> str | None:
    """The newest Python below `python` the release has a Linux wheel for."""
    below = [m for m in row.exact if not m.endswith("t") and py_key(m) < py_key(python)]
    return max(below, key=py_key) if below else None


def _older_with_wheel(wheels: WheelIndex, package: str, decided: Admitted, python: str) -> str:
    """The newest admitted release with a wheel for `python`, when there is one."""
    for version in reversed(decided.releases):
        if wheels.has_wheel(package, str(version), python):
            return str(version)
    return ""


def _binary_option(snapshot: Snapshot, req: Requirement) -> str | None:
    """``--only-binary`` or ``--prefer-binary`` when the requirement's file passes it: pip
    then never builds an sdist, or installs an older release's wheel before it builds one."""
    manifest = snapshot.files.get(req.location.file)
    values = (
        {f.value for f in manifest.facts if f.kind == FactKind.PIP_OPTION} if manifest else set()
    )
    for option in ("--only-binary", "--prefer-binary"):
        if option in values:
            return option
    return None


def _image_fix(image: str, python: str, best: str) -> str | None:
    """`FROM python:3.13-slim` for `python:3.14-slim` when the image names the Python."""
    if not image.startswith("python:") or python not in image:
        return None
    return "FROM " + image.replace(python, best, 1)


_NO_BREAK = SdistBreak("", SpecifierSet(), SpecifierSet(), "", ())

_CONDA_PY_BUILD = re.compile(r"^py(3)(\d{1,2})(?![0-9])")


def _conda_build_for(req: Requirement) -> str | None:
    """The Python a conda match spec's build string names (``psutil=5.9.0=py312h5eee18b_0``:
    3.12; a conda export lists the builds the channel had), or None."""
    if req.ecosystem != Ecosystem.CONDA or not req.build:
        return None
    match = _CONDA_PY_BUILD.match(req.build)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def _sdist_break(package: str, builds: Sequence[_Build]) -> SdistBreak | None:
    """The recorded reason every one of these sdist builds fails (`rules.kb.sdist_builds`)."""
    found = [sdist_break(package, b.version, b.python) for b in builds]
    return found[0] if found and all(found) else None


def source_builds(
    rule: Rule,
    snapshot: Snapshot,
    env: str,
    evidence: Evidence,
    minors: Sequence[str],
    req: Requirement,
    decided: Admitted,
    wheels: WheelIndex,
    evidence_at: Callable[[list[str]], Evidence] | None = None,
) -> tuple[list[str], list[Finding]]:
    """(the minors of `minors` this module decided, its findings) for one requirement and one
    exact piece of Python evidence (`evidence_at`: each minor's own, for a grouped matrix).
    Undecided minors are left to the caller."""
    package = req.name
    binary = _binary_option(snapshot, req)
    if binary == "--only-binary":
        return [], []  # no sdist is ever built: the caller's no-wheel judgement
    handled: list[str] = []
    builds: list[_Build] = []
    for minor in minors:
        if _conda_build_for(req) == minor:
            handled.append(minor)
            continue  # the match spec names the channel's build for this Python
        found = _candidate(wheels, package, decided, minor)
        if found is None:
            continue
        version, row = found
        refused = not row.admits(minor) and req.ecosystem != Ecosystem.CONDA
        if row.covers(minor) or not row.sdist or refused:
            continue  # a wheel fits; or no sdist, or pip's Requires-Python check refuses it
        if binary and not decided.exact and _older_with_wheel(wheels, package, decided, minor):
            continue  # --prefer-binary: pip installs that older wheel (the caller warns)
        handled.append(minor)
        if row.exact or row.open_floor:  # wheels for other Pythons: this one builds
            builds.append(_Build(minor, version, row))
    if not builds:
        return handled, []
    first = builds[0]
    if evidence_at is not None:
        evidence = evidence_at([b.python for b in builds])
    pythons = ", ".join(b.python for b in builds)
    tags = ", ".join(f"cp{b.python.replace('.', '')}" for b in builds)
    where = f"{evidence.file}:{evidence.line}" if evidence.file and evidence.line else "the config"
    declared = evidence.text or evidence.value
    needs = first.row.needs_compiler
    absent: NoCompiler | None = None
    if needs and evidence.file and evidence.line:
        absent = no_compiler(snapshot, env, evidence.file, evidence.line)
    pick = f"{package} {first.version}" + (
        "" if decided.exact else f" (the newest release {req.specifier or '(any)'} admits)"
    )
    conda = req.ecosystem == Ecosystem.CONDA
    head = (
        f"{where} runs Python {pythons} ({declared}) and installs {req.raw.strip()}: "
        f"{pick} has no {tags} wheel (Linux x86_64 wheels for Python "
        f"{wheel_pythons(first.row)} only), so pip builds it from its sdist"
    )
    best = _best_python(first.row, first.python)
    older = _older_with_wheel(wheels, package, decided, first.python)
    if conda:
        # conda installs channel builds, never a PyPI sdist: the KB's PyPI wheel table is
        # the only evidence here, and a channel may build for Pythons PyPI has no wheel for.
        text = (
            f"{where} runs Python {pythons} ({declared}) and installs {req.raw.strip()} "
            f"with conda: the KB's PyPI wheel data shows no {tags} wheel of {pick} (Linux "
            f"x86_64 wheels for Python {wheel_pythons(first.row)} only), so there is likely "
            f"no {package} {first.version} build for Python {first.python} on the conda "
            "channels either and the solve fails (conda channels publish their own builds and "
            "may differ)."
        )
        fixes = [
            f"Python {best}  # {package} {first.version} has PyPI wheels for it" if best else "",
            f"{package}={older}  # has a cp{first.python.replace('.', '')} PyPI wheel"
            if older
            else "",
        ]
        excluded = first.row.requires_python and not first.row.admits(first.python)
        if excluded:
            # the release's own Requires-Python refuses this Python: a channel's build runs
            # `pip install .` of that source, which refuses it too (conda-forge builds only
            # the Pythons upstream admits: pyiron_atomistics#1504, scipy 1.14.0 on 3.9)
            text += (
                f" Its Requires-Python is {first.row.requires_python}: no channel builds it "
                f"for Python {first.python}."
            )
        severity = Severity.ERROR if absent is not None or excluded else Severity.WARNING
    elif (broken := _sdist_break(package, builds)) is not None:
        severity = Severity.ERROR
        text = f"{head}, and {broken.why}. The install fails."
        fixes = [
            f"{package}=={older}  # has a cp{first.python.replace('.', '')} wheel" if older else "",
            f"Python {best}  # {package} {first.version} has wheels for it" if best else "",
        ]
    elif absent is not None:
        severity = Severity.ERROR
        text = (
            f"{head}, which needs a C compiler: {absent.describe()}. The build fails, and "
            "the install with it."
        )
        image_fix = _image_fix(absent.image, first.python, best) if best else None
        fixes = [
            f"{image_fix}  # {package} {first.version} has wheels for Python {best}"
            if image_fix
            else f"Python {best}  # {package} {first.version} has wheels for it"
            if best
            else "",
            f"{package}=={older}  # has a cp{first.python.replace('.', '')} wheel" if older else "",
            "or install build tools before the pip install: "
            "RUN apt-get update && apt-get install -y --no-install-recommends build-essential",
        ]
    else:
        severity = Severity.WARNING
        kind = "a compiler and its build dependencies" if needs else "its build dependencies"
        text = f"{head}: the install needs {kind} and takes longer" + (
            "." if not needs else ", and fails where no compiler is installed."
        )
        fixes = [
            f"Python {best}  # {package} {first.version} has wheels for it" if best else "",
            f"{package}=={older}  # has a cp{first.python.replace('.', '')} wheel" if older else "",
        ]
    fix = "\n".join(f for f in fixes if f) or None
    at = Span(evidence.file, evidence.line) if evidence.file and evidence.line else req.location
    at = at or req.location
    proof = [
        f"{req.location.file}:{req.location.line}: {req.raw.strip()}" if req.location else "",
        f"newest release without a {tags} wheel: {package} {first.version} "
        f"(sdist: yes; wheels for Python {wheel_pythons(first.row)})",
        first.row.source,
        absent.describe() if absent is not None and not conda else "",
        *((_sdist_break(package, builds) or _NO_BREAK).sources if not conda else ()),
    ]
    made = finding(
        rule,
        text,
        at,
        package=package,
        fix=fix,
        evidence=[p for p in proof if p],
        severity=severity,
        fingerprint=f"{package}:{at.file if at else ''}",
        also_at=(req.location,) if req.location else (),
    )
    return handled, [made]
