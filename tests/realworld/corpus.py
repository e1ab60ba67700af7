"""The real-world corpus: cases from public repositories and how a review of each is scored.

Each case is a folder under `cases/` with `case.toml` (where the files come from, why they
break or why the change was fine, and the findings expected, written before depreview ran)
and the byte-exact dependency files of the base and head commits under `base/` and `head/`.
The format is described in `README.md` beside this module.

A case is reviewed the way `depreview review --base-dir base --head-dir head` reviews it
(`worker.review.analysis.analyze` over `cli.localrepo.read_dir`), statically or with `--resolve`.
`bench/accuracy.py` prints the corpus figures; `test_corpus.py` runs every case in pytest.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rules.findings import CATEGORIES, Finding, Severity

CASES_DIR = Path(__file__).parent / "cases"

KINDS = frozenset({"breaking", "clean"})
LICENSES = frozenset({"MIT", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "0BSD", "ISC"})
SHAPES = frozenset(
    {
        "range-on-image",
        "pypi-default-cuda",
        "family-mismatch",
        "old-release",
        "python-version",
        "file-name",
        "numpy-abi",
        "conflict",
        "index",
        "conda",
        "jax",
        "tensorflow",
        "clean-bump",
        "clean-other",
    }
)
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_SHA = re.compile(r"^[0-9a-f]{40}$")


class CaseError(ValueError):
    """A case folder that does not follow the format (the message names the file)."""


@dataclass(frozen=True, slots=True)
class Expected:
    """One certain break the head introduces: a finding of one of `categories` at `file`."""

    categories: frozenset[str]
    file: str
    why: str
    #: Other files the case's author names as the same break's other end (the Dockerfile
    #: that installs the environment file, the workflow whose Python the pyproject excludes):
    #: a finding at one of them counts too. Written with the expectation, before any run.
    also_at: tuple[str, ...] = ()

    @property
    def files(self) -> tuple[str, ...]:
        """Where a finding of this break may stand."""
        return (self.file, *self.also_at)


@dataclass(frozen=True, slots=True)
class Case:
    """One real change: where it comes from and what a correct review says."""

    id: str
    kind: str
    repo: str
    license: str
    base_commit: str
    head_commit: str
    shape: str
    evidence: tuple[str, ...]
    expected: tuple[Expected, ...]
    known_gap: str | None
    path: Path

    @property
    def base_dir(self) -> Path:
        """The base tree."""
        return self.path / "base"

    @property
    def head_dir(self) -> Path:
        """The head tree."""
        return self.path / "head"


def _str(data: dict[str, object], key: str, where: Path) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CaseError(f"{where}: `{key}` must be a non-empty string")
    return value


def load_case(folder: Path) -> Case:
    """Read and validate one case folder."""
    toml_path = folder / "case.toml"
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CaseError(f"{toml_path}: {exc}") from exc
    case_id = _str(data, "id", toml_path)
    if case_id != folder.name or not _ID.match(case_id):
        raise CaseError(f"{toml_path}: id {case_id!r} must equal the folder name {folder.name!r}")
    kind = _str(data, "kind", toml_path)
    if kind not in KINDS:
        raise CaseError(f"{toml_path}: kind must be one of {sorted(KINDS)}, not {kind!r}")
    license_id = _str(data, "license", toml_path)
    if license_id not in LICENSES:
        raise CaseError(f"{toml_path}: license {license_id!r} is not a permissive SPDX id")
    shape = _str(data, "shape", toml_path)
    if shape not in SHAPES:
        raise CaseError(f"{toml_path}: shape {shape!r} is not one of {sorted(SHAPES)}")
    base_commit = _str(data, "base_commit", toml_path)
    head_commit = _str(data, "head_commit", toml_path)
    if base_commit != "empty" and not _SHA.match(base_commit):
        raise CaseError(f"{toml_path}: base_commit must be 40 hex digits or 'empty'")
    if not _SHA.match(head_commit):
        raise CaseError(f"{toml_path}: head_commit must be 40 hex digits")
    evidence = data.get("evidence")
    if (
        not isinstance(evidence, list)
        or not evidence
        or not all(isinstance(e, str) for e in evidence)
    ):
        raise CaseError(f"{toml_path}: evidence must be a non-empty list of strings")
    raw_expected = data.get("expected", [])
    if not isinstance(raw_expected, list):
        raise CaseError(f"{toml_path}: expected must be an array of tables")
    expected = tuple(_expected(item, toml_path) for item in raw_expected)
    if kind == "breaking" and not expected:
        raise CaseError(f"{toml_path}: a breaking case needs at least one [[expected]]")
    if kind == "clean" and expected:
        raise CaseError(f"{toml_path}: a clean case has no [[expected]]")
    gap = data.get("known_gap")
    if gap is not None and (not isinstance(gap, str) or not gap.strip()):
        raise CaseError(f"{toml_path}: known_gap must be a non-empty string when present")
    for side in ("base", "head"):
        if not (folder / side).is_dir():
            raise CaseError(f"{folder}: missing {side}/")
    return Case(
        id=case_id,
        kind=kind,
        repo=_str(data, "repo", toml_path),
        license=license_id,
        base_commit=base_commit,
        head_commit=head_commit,
        shape=shape,
        evidence=tuple(evidence),
        expected=expected,
        known_gap=gap,
        path=folder,
    )


def _expected(item: object, where: Path) -> Expected:
    if not isinstance(item, dict):
        raise CaseError(f"{where}: each [[expected]] must be a table")
    cats = item.get("categories")
    if not isinstance(cats, list) or not cats or not all(isinstance(c, str) for c in cats):
        raise CaseError(f"{where}: expected.categories must be a non-empty list of strings")
    unknown = sorted(set(cats) - CATEGORIES)
    if unknown:
        raise CaseError(f"{where}: unknown categories {unknown}")
    also = item.get("also_at", [])
    if not isinstance(also, list) or not all(isinstance(a, str) and a for a in also):
        raise CaseError(f"{where}: expected.also_at must be a list of file paths")
    return Expected(
        frozenset(cats), _str(item, "file", where), str(item.get("why", "")), tuple(also)
    )


def load_cases(ids: Iterable[str] | None = None) -> list[Case]:
    """Every case (or the named ones), sorted by id."""
    wanted = set(ids) if ids is not None else None
    folders = sorted(p for p in CASES_DIR.iterdir() if p.is_dir()) if CASES_DIR.is_dir() else []
    return [load_case(f) for f in folders if wanted is None or f.name in wanted]


@dataclass(slots=True)
class Score:
    """How one review of one case compares with the case's expectations."""

    case: Case
    found: list[tuple[Expected, Finding | None]] = field(default_factory=list)
    new_errors: list[Finding] = field(default_factory=list)
    new_warnings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def recalled(self) -> int:
        """Expected breaks reported at any severity."""
        return sum(1 for _, f in self.found if f is not None)

    @property
    def at_error(self) -> int:
        """Expected breaks reported at error severity."""
        return sum(1 for _, f in self.found if f is not None and f.severity is Severity.ERROR)

    @property
    def passes(self) -> bool:
        """Breaking: every break reported as an error. Clean: no new error."""
        if self.case.kind == "breaking":
            return self.at_error == len(self.case.expected)
        return not self.new_errors


def _best(candidates: Sequence[Finding]) -> Finding | None:
    return min(candidates, key=lambda f: f.severity.rank, default=None)


def _at(found: Finding, file: str) -> bool:
    """Whether a finding stands at `file`: its own place, or one of its `also_at` places (the
    other end of the same problem: the requirement an image's Python meets, or the Dockerfile
    a finding was moved from to the line the change touched)."""
    return found.file == file or any(place == file for place, _ in found.also_at)


def score(case: Case, findings: Sequence[Finding], seconds: float = 0.0) -> Score:
    """Compare a review's findings with the case's expectations (new findings only).

    Each finding counts for one expectation at most (two breaks in one file need two
    findings): a matching of expectations to findings, each expectation trying the findings at
    its own file first, then those standing only at an `also_at` file, errors before warnings.
    """
    new = [f for f in findings if f.new]
    result = Score(case=case, seconds=seconds)
    candidates = [
        sorted(
            (f for f in new if f.category in exp.categories and _at(f, exp.file)),
            key=lambda f: f.severity.rank,
        )
        + sorted(
            (
                f
                for f in new
                if f.category in exp.categories
                and not _at(f, exp.file)
                and any(_at(f, file) for file in exp.also_at)
            ),
            key=lambda f: f.severity.rank,
        )
        for exp in case.expected
    ]
    holder: dict[int, int] = {}  # id(finding) -> the expectation it counts for
    chosen: dict[int, Finding] = {}

    def place(index: int, tried: set[int]) -> bool:
        for found in candidates[index]:
            if id(found) in tried:
                continue
            tried.add(id(found))
            other = holder.get(id(found))
            if other is None or place(other, tried):
                holder[id(found)] = index
                chosen[index] = found
                return True
        return False

    for index in range(len(candidates)):
        place(index, set())
    for index, exp in enumerate(case.expected):
        result.found.append((exp, chosen.get(index)))
    result.new_errors = [f for f in new if f.severity is Severity.ERROR]
    result.new_warnings = [f for f in new if f.severity is Severity.WARNING]
    return result
