"""Property tests: no parser raises, and every location stays inside the file."""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.findings import Finding
from rules.manifests.conda import CondaEnvironmentParser
from rules.manifests.diff import diff
from rules.manifests.model import ManifestFile, Span
from rules.manifests.pixi_file import PixiParser
from rules.manifests.pyproject import PyprojectParser
from rules.manifests.requirements import RequirementsParser
from rules.manifests.snapshot import build_snapshot
from rules.manifests.text import decode, split_lines

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

REQUIREMENTS = """\
# CUDA: 11.8
--extra-index-url https://download.pytorch.org/whl/cu118
torch==2.1.0+cu118 ; sys_platform == "linux"
numpy>=1.24,<2 \\
    --hash=sha256:abc
-r base.txt
-e git+https://github.com/org/repo.git@v1#egg=lib
./local/pkg
"""

PYPROJECT = """\
[project]
name = "x"
requires-python = ">=3.10"
dependencies = ["torch>=2.1", 'numpy<2 ; python_version < "3.12"']

[project.optional-dependencies]
gpu = ["nvidia-ml-py"]

[dependency-groups]
dev = ["pytest", {include-group = "lint"}]
lint = ["ruff"]

[tool.poetry.dependencies]
python = "^3.10"
torch = { version = "^2.1", source = "pytorch" }

[[tool.poetry.source]]
name = "pytorch"
url = "https://download.pytorch.org/whl/cu118"
priority = "explicit"

[tool.uv.sources]
torch = { index = "pytorch" }
"""

CONDA = """\
name: env
channels:
  - pytorch
  - conda-forge
dependencies:
  - python=3.10
  - pytorch=2.1.0=py3.10_cuda11.8*
  - numpy>=1.24,<2
  - pip:
    - --extra-index-url https://download.pytorch.org/whl/cu118
    - torch==2.1.0+cu118
"""

# data-apis/array-api-extra's pixi workspace, cut down (pyproject.toml at d83e7ccb)
PIXI = """\
[workspace]
channels = ["https://prefix.dev/conda-forge"]
platforms = ["linux-64", "osx-arm64"]

[environments]
tests-numpy1 = ["py311", "tests", "numpy1"]
tests-cuda = { features = ["tests", "cuda"], solve-group = "cuda" }

[dependencies]
array-api-extra.path = "."

[pypi-dependencies]
torch = { version = ">=2.1", extras = ["opt"] }

[feature.tests.dependencies]
numpy = ">=1.22.0"
scipy = ">=1.17.0,<2"

[feature.py311.dependencies]
python = "~=3.11.0"

[feature.numpy1.dependencies]
numpy = "=1.24.1"

[feature.cuda.system-requirements]
cuda = "12"

[feature.cuda.target.linux-64.dependencies]
cupy = { version = ">=13.6.0", channel = "conda-forge" }
"""

PARSERS: list[tuple[str, object, str]] = [
    ("requirements.txt", RequirementsParser(), REQUIREMENTS),
    ("pyproject.toml", PyprojectParser(), PYPROJECT),
    ("environment.yml", CondaEnvironmentParser(), CONDA),
    ("pixi.toml", PixiParser(), PIXI),
]


def _spans(manifest: ManifestFile) -> Iterable[Span]:
    yield from (r.location for r in manifest.requirements)
    yield from (i.location for i in manifest.indexes)
    yield from (f.location for f in manifest.facts)
    yield from (p.location for p in manifest.pins)
    yield from manifest.includes


def _check(manifest: ManifestFile, text: str) -> None:
    lines = max(1, len(split_lines(text)))
    for span in _spans(manifest):
        assert 1 <= span.line <= lines, span
        assert span.column >= 1, span
    for error in manifest.errors:
        _check_finding(error, lines)


def _check_finding(error: Finding, lines: int) -> None:
    assert error.category == "parse-error"
    assert error.line is not None and 1 <= error.line <= lines, error
    assert error.column is not None and error.column >= 1, error


def _parse_all(text: str) -> None:
    for path, parser, _ in PARSERS:
        manifest = parser.parse(path, text)  # type: ignore[attr-defined]
        _check(manifest, text)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    decoded, _ = decode("x", text)
    if decoded is not None:
        _parse_all(decoded)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("[]{}=\"'#\\:-,;@ .*^~<>\n\tab1")), max_size=300))
def test_syntax_heavy_text(text: str) -> None:
    decoded, _ = decode("x", text)
    if decoded is not None:
        _parse_all(decoded)


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    text, findings = decode("x", data)
    if text is None:
        assert findings
        return
    _parse_all(text)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, object, str]:
    path, parser, text = draw(st.sampled_from(PARSERS))
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            piece = draw(st.text(alphabet="[]{}=\"'#\\:-,;@ .*^~<>\nx9", min_size=1, max_size=5))
            text = text[:position] + piece + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 10)) :]
        else:
            end = min(len(text), position + draw(st.integers(1, 40)))
            text = text[:end] + text[position:end] + text[end:]
    return path, parser, text


@SETTINGS
@given(mutated())
def test_mutated_valid_files(case: tuple[str, object, str]) -> None:
    path, parser, text = case
    manifest = parser.parse(path, text)  # type: ignore[attr-defined]
    _check(manifest, text)


@SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "requirements.txt",
                "requirements/dev.txt",
                "base.txt",
                "environment.yml",
                "pyproject.toml",
                "constraints.txt",
            ]
        ),
        st.text(alphabet=st.sampled_from(list("-rc ./\nbasetxqiremn=1")), max_size=60),
        max_size=5,
    ),
    st.dictionaries(
        st.sampled_from(["requirements.txt", "requirements/dev.txt", "base.txt"]),
        st.text(alphabet=st.sampled_from(list("-rc ./\nbasetxqiremn=1")), max_size=60),
        max_size=3,
    ),
)
def test_snapshots_and_diffs_never_raise(
    base_files: dict[str, str], head_files: dict[str, str]
) -> None:
    base = build_snapshot(base_files)
    head = build_snapshot(head_files)
    diff(base, head)
    for snapshot, files in ((base, base_files), (head, head_files)):
        for finding in snapshot.errors:
            assert finding.file in files
            text, _ = decode(finding.file or "", files[finding.file or ""])
            _check_finding(finding, max(1, len(split_lines(text or ""))))
