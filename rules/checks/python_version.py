"""python-version-incompatible: declared Pythons outside what pinned framework releases support.

Python declarations: ``requires-python`` / Poetry ``python`` (pyproject environments), conda
``python=`` (its environment), ``# Python:`` notes (their environment), ``.python-version``
and ``runtime.txt`` (environments in their folder and below), a Dockerfile's base-image
Python (scoped like its CUDA: repo-wide when all Dockerfiles agree). Frameworks: pinned torch
(KB python range; 3.15 not yet shipped for 2.13), TensorFlow (tested range), jax
(python_requires). An exact Python outside the range is an error; a range none of whose
Pythons is supported is an error; a range starting below the framework's minimum is a
warning (uv and Poetry lock for every Python the range allows, and fail).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from rules.checks._ml import each_env, env_root, finding, project, version_of
from rules.checks.base import Rule, RuleContext
from rules.findings import Finding, Severity
from rules.kb import KnowledgeBase
from rules.manifests.model import Fact, FactKind, FileKind, Requirement, Snapshot

_EXACT = re.compile(r"^(?:python-?)?(3)\.(\d+)(?:\.\d+)?$")
_MINORS = [f"3.{m}" for m in range(6, 16)]
_FOLDER_KINDS = (FileKind.PYTHON_VERSION, FileKind.RUNTIME_TXT)


@dataclass(frozen=True, slots=True)
class _Support:
    framework: str
    low: tuple[int, int]
    high: tuple[int, int] | None
    spec: SpecifierSet | None
    source: str

    def admits(self, minor: str) -> bool:
        mm = tuple(int(p) for p in minor.split("."))
        if self.spec is not None:
            return self.spec.contains(f"{minor}.0") or self.spec.contains(f"{minor}.99")
        return self.low <= mm and (self.high is None or mm <= self.high)

    def describe(self) -> str:
        if self.spec is not None:
            return f"Python {self.spec}"
        high = f"{self.high[0]}.{self.high[1]}" if self.high else "…"
        return f"Python {self.low[0]}.{self.low[1]}–{high}"


def _mm(text: str) -> tuple[int, int]:
    major, minor = text.split(".")[:2]
    return int(major), int(minor.rstrip("t"))


def _support(kb: KnowledgeBase, req: Requirement) -> _Support | None:
    version = version_of(req)
    name = project(req)
    if version is None:
        return None
    if name == "torch":
        release = kb.torch_release(version)
        if release is None:
            return None
        line = release.line
        highs = [line.python_max_shipped or line.python_max]
        highs += [e for e in line.python_experimental if not e.endswith("t")]
        high = max(_mm(h) for h in highs)
        if line.python_max_shipped:
            high = _mm(line.python_max_shipped)
        return _Support("torch", _mm(line.python_min), high, None, f"KB torch.json {line.minor}")
    if name in ("tensorflow", "tensorflow-gpu", "tensorflow-cpu"):
        tf = kb.tensorflow_release(version)
        if tf is None:
            return None
        return _Support(
            "tensorflow",
            _mm(tf.python_min),
            _mm(tf.python_max),
            None,
            f"KB tensorflow.json {tf.tensorflow}",
        )
    if name == "jax":
        jax = kb.jax_release(version)
        if jax is None:
            return None
        try:
            spec = SpecifierSet(jax.python_requires)
        except InvalidSpecifier:
            return None
        return _Support("jax", (3, 0), None, spec, f"KB jax.json {jax.jax}")
    return None


def _declarations(snapshot: Snapshot, env: str) -> list[Fact]:
    """The Python facts that apply to environment `env`."""
    root = env_root(env)
    folder = PurePosixPath(root).parent
    found: list[Fact] = []
    finals: dict[str, Fact] = {}
    for fact in snapshot.facts(FactKind.PYTHON):
        manifest = snapshot.files.get(fact.location.file)
        kind = manifest.kind if manifest is not None else None
        if kind == FileKind.DOCKERFILE:
            best = finals.get(fact.location.file)
            if best is None or fact.location.line >= best.location.line:
                finals[fact.location.file] = fact
        elif kind in _FOLDER_KINDS:
            here = PurePosixPath(fact.location.file).parent
            if here == folder or here in folder.parents:
                found.append(fact)
        elif env_root(fact.environment or fact.location.file) == root:
            found.append(fact)
    values = {_minor_of(f.value) for f in finals.values()}
    if len(values) == 1:
        found.extend(finals.values())
    else:
        found.extend(f for p, f in finals.items() if PurePosixPath(p).parent == folder)
    return found


def _minor_of(value: str) -> str | None:
    match = _EXACT.match(value.strip())
    return f"{match.group(1)}.{match.group(2)}" if match else None


def _admitted(value: str) -> list[str] | None:
    """Python minors a declaration allows (one for an exact version), None if unreadable."""
    minor = _minor_of(value)
    if minor is not None:
        return [minor]
    try:
        spec = SpecifierSet(value.strip())
    except InvalidSpecifier:
        return None
    return [m for m in _MINORS if spec.contains(f"{m}.0") or spec.contains(f"{m}.99")]


class PythonVersionIncompatible:
    """Declared Pythons that the pinned torch / TensorFlow / jax release does not support."""

    id = "python-version-incompatible"
    category = "python-version-incompatible"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """Findings for every (Python declaration, pinned framework) pair that disagree."""
        seen: set[tuple[str, ...]] = set()
        for env, reqs in each_env(ctx.snapshot):
            supports = [(r, s) for r in reqs if (s := _support(ctx.kb, r)) is not None]
            if not supports:
                continue
            for fact in _declarations(ctx.snapshot, env):
                for req, support in supports:
                    for found in self._judge(fact, req, support):
                        if found.identity not in seen:
                            seen.add(found.identity)
                            yield found

    def _judge(self, fact: Fact, req: Requirement, support: _Support) -> Iterator[Finding]:
        minors = _admitted(fact.value)
        if not minors:
            return
        ok = [m for m in minors if support.admits(m)]
        where = f"{fact.location.file}:{fact.location.line}"
        declared = fact.detail or fact.value
        if not ok:
            severity = Severity.ERROR
            text = (
                f"{where} declares Python {fact.value} ({declared}) but {req.raw.strip()} "
                f"supports {support.describe()}: no wheel installs."
            )
        elif not support.admits(minors[0]) and len(minors) > 1:
            severity = Severity.WARNING
            text = (
                f"{where} allows Python {fact.value} ({declared}) but {req.raw.strip()} "
                f"supports {support.describe()}: Python {minors[0]} cannot install it, and uv / "
                f"Poetry refuse to lock a range that includes it."
            )
        else:
            return
        yield finding(
            self,
            text,
            fact.location,
            package=req.name,
            fix=f"Python {ok[0]}"
            if ok
            else f"a {req.name} release that supports Python {minors[0]}",
            evidence=(
                f"{req.location.file}:{req.location.line}: {req.raw.strip()}",
                support.source,
            ),
            severity=severity,
            fingerprint=f"{req.name}:{fact.location.file}",
        )


RULES: tuple[Rule, ...] = (PythonVersionIncompatible(),)
