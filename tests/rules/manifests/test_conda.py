"""Tests for conda environment files: match specs, channels, facts, the pip list, hostile YAML."""

from __future__ import annotations

import time

import pytest

from rules.manifests.conda import CondaEnvironmentParser, parse_match_spec
from rules.manifests.model import Ecosystem, FactKind, IndexKind

PARSER = CondaEnvironmentParser()

ENV = """\
name: llm-train
channels:
  - pytorch
  - nvidia
  - conda-forge
  - nodefaults
dependencies:
  - python=3.10
  - pytorch=2.1.0=py3.10_cuda11.8_cudnn8.7.0_0
  - pytorch-cuda=11.8
  - numpy>=1.24,<2
  - conda-forge::cudatoolkit=11.8
  - cuda-version 12.1
  - cudnn=8.9.2.26
  - scipy==1.11.4
  - pandas 2.0
  - pip
  - pip:
    - --extra-index-url https://download.pytorch.org/whl/cu118
    - torch==2.1.0+cu118
    - "flash-attn==2.5.8"
    - -r requirements-extra.txt
"""


def test_environment_file() -> None:
    manifest = PARSER.parse("envs/environment.yml", ENV)
    assert manifest.errors == ()
    rows = [
        (r.name, r.specifier, r.pinned, r.index, r.ecosystem, r.location.line, r.location.column)
        for r in manifest.requirements
    ]
    assert rows == [
        ("python", "==3.10.*", None, None, Ecosystem.CONDA, 8, 5),
        # `=version=build` is an exact version: conda appends `*` to `=1.2.3` only without a
        # build (conda/models/match_spec.py `_parse_spec_str`, "translate version '=1.2.3'
        # to '1.2.3*'"); rattler reads it the same.
        ("pytorch", "==2.1.0", "2.1.0", None, Ecosystem.CONDA, 9, 5),
        ("pytorch-cuda", "==11.8.*", None, None, Ecosystem.CONDA, 10, 5),
        ("numpy", "<2,>=1.24", None, None, Ecosystem.CONDA, 11, 5),
        ("cudatoolkit", "==11.8.*", None, "conda-forge", Ecosystem.CONDA, 12, 5),
        ("cuda-version", "==12.1", "12.1", None, Ecosystem.CONDA, 13, 5),
        ("cudnn", "==8.9.2.26.*", None, None, Ecosystem.CONDA, 14, 5),
        ("scipy", "==1.11.4", "1.11.4", None, Ecosystem.CONDA, 15, 5),
        ("pandas", "==2.0", "2.0", None, Ecosystem.CONDA, 16, 5),
        ("pip", "", None, None, Ecosystem.CONDA, 17, 5),
        ("torch", "==2.1.0+cu118", "2.1.0+cu118", None, Ecosystem.PYPI, 20, 7),
        ("flash-attn", "==2.5.8", "2.5.8", None, Ecosystem.PYPI, 21, 8),
    ]
    assert {r.environment for r in manifest.requirements} == {"envs/environment.yml"}
    assert [(i.kind, i.url, i.priority, i.location.line) for i in manifest.indexes] == [
        (IndexKind.CONDA_CHANNEL, "pytorch", "0", 3),
        (IndexKind.CONDA_CHANNEL, "nvidia", "1", 4),
        (IndexKind.CONDA_CHANNEL, "conda-forge", "2", 5),
        (IndexKind.CONDA_CHANNEL, "nodefaults", "3", 6),
        (IndexKind.EXTRA_INDEX_URL, "https://download.pytorch.org/whl/cu118", None, 19),
    ]
    assert [(f.kind, f.value, f.location.line) for f in manifest.facts] == [
        (FactKind.CONDA_ENV_NAME, "llm-train", 1),
        (FactKind.PYTHON, "3.10", 8),
        (FactKind.CUDA, "11.8", 9),
        (FactKind.CUDA, "11.8", 10),
        (FactKind.CUDA, "11.8", 12),
        (FactKind.CUDA, "12.1", 13),
        (FactKind.CUDNN, "8.9.2.26", 14),
    ]
    assert manifest.include_paths == ("envs/requirements-extra.txt",)
    assert [s.line for s in manifest.includes] == [22]


@pytest.mark.parametrize(
    ("spec", "name", "channel", "version", "build", "specifier", "exact"),
    [
        ("pytorch", "pytorch", None, "", None, "", False),
        ("PyTorch=2.1.0", "pytorch", None, "2.1.0.*", None, "==2.1.0.*", False),
        ("pytorch==2.1.0", "pytorch", None, "2.1.0", None, "==2.1.0", True),
        (
            "pytorch=2.1.0=py3.10_cuda11.8*",
            "pytorch",
            None,
            "2.1.0",
            "py3.10_cuda11.8*",
            "==2.1.0",
            True,
        ),
        (
            "pytorch 2.1.0 py3.10_cuda11.8_cudnn8.7.0_0",
            "pytorch",
            None,
            "2.1.0",
            "py3.10_cuda11.8_cudnn8.7.0_0",
            "==2.1.0",
            True,
        ),
        ("numpy>=1.24,<2", "numpy", None, ">=1.24,<2", None, "<2,>=1.24", False),
        ("numpy >=1.24", "numpy", None, ">=1.24", None, ">=1.24", False),
        ("conda-forge::numpy", "numpy", "conda-forge", "", None, "", False),
        ("pytorch::pytorch>=2", "pytorch", "pytorch", ">=2", None, ">=2", False),
        (
            "conda-forge/label/dev::pkg==1.0=abc",
            "pkg",
            "conda-forge/label/dev",
            "1.0",
            "abc",
            "==1.0",
            True,
        ),
        ("python=3.10.*", "python", None, "3.10.*", None, "==3.10.*", False),
        ("python 3.10*", "python", None, "3.10.*", None, "==3.10.*", False),
        ("cuda-version=12", "cuda-version", None, "12.*", None, "==12.*", False),
        ("numpy 1.2|1.3", "numpy", None, "==1.2|==1.3", None, "", False),
        ("openssl=1.1.1w", "openssl", None, "1.1.1w.*", None, "", False),
        ("pkg[version='>=1.0',build=py*]", "pkg", None, ">=1.0", "py*", ">=1.0", False),
        ("pkg[channel=conda-forge]", "pkg", "conda-forge", "", None, "", False),
    ],
)
def test_match_specs(
    spec: str,
    name: str,
    channel: str | None,
    version: str,
    build: str | None,
    specifier: str,
    exact: bool,
) -> None:
    parsed = parse_match_spec(spec)
    assert parsed is not None
    assert (
        parsed.name,
        parsed.channel,
        parsed.version,
        parsed.build,
        parsed.specifier,
        parsed.exact,
    ) == (name, channel, version, build, specifier, exact)


# Specs as environment files write them, read as conda reads them (rattler's `MatchSpec`;
# conda/models/match_spec.py for `=` fuzzy vs `==`/space exact): the Requirement and the
# facts the rules see.
@pytest.mark.parametrize(
    ("line", "specifier", "pinned", "channel", "facts"),
    [
        ("pytorch=2.6", "==2.6.*", None, None, []),
        (
            "pytorch==2.1.0=py3.10_cuda11.8*",
            "==2.1.0",
            "2.1.0",
            None,
            [(FactKind.CUDA, "11.8")],
        ),
        ("cudatoolkit>=11.3,<11.4", "<11.4,>=11.3", None, None, [(FactKind.CUDA, "<11.4,>=11.3")]),
        ("conda-forge::numpy", "", None, "conda-forge", []),
        ("python[version='>=3.9']", ">=3.9", None, None, [(FactKind.PYTHON, ">=3.9")]),
        ("pytorch-cuda=12.1", "==12.1.*", None, None, [(FactKind.CUDA, "12.1")]),
        ("python 3.10.* *_cpython", "==3.10.*", None, None, [(FactKind.PYTHON, "3.10")]),
        ("numpy=1.26,<2", "<2,==1.26.*", None, None, []),
        ("numpy >=1.24 , <2", "<2,>=1.24", None, None, []),
        ("numpy !=1.25.*", "!=1.25.*", None, None, []),
        ("nvidia::cuda-version 12.4.*", "==12.4.*", None, "nvidia", [(FactKind.CUDA, "12.4")]),
        (
            "pytorch 2.1.0 cuda118_py310h1234567_300",
            "==2.1.0",
            "2.1.0",
            None,
            [(FactKind.CUDA, "11.8")],
        ),
        ("python=3.11|3.12", "", None, None, [(FactKind.PYTHON, "3.11.*|==3.12")]),
        ("ffmpeg *", "", None, None, []),
    ],
)
def test_tricky_specs(
    line: str,
    specifier: str,
    pinned: str | None,
    channel: str | None,
    facts: list[tuple[FactKind, str]],
) -> None:
    manifest = PARSER.parse("environment.yml", f"dependencies:\n  - {line}\n")
    assert manifest.errors == ()
    [req] = manifest.requirements
    assert (req.specifier, req.pinned, req.index, req.raw) == (specifier, pinned, channel, line)
    assert (req.location.line, req.location.column) == (2, 5)
    assert [(f.kind, f.value) for f in manifest.facts] == facts


@pytest.mark.parametrize(
    "line",
    [
        "bad spec !!",
        "name 1 2 3",
        "https://conda.anaconda.org/conda-forge/linux-64/numpy-1.26.4-py311h64a7726_0.conda",
        "https://example.invalid/channel::numpy",
        "'*'",
        "pkg==",
    ],
)
def test_not_specs_are_located_errors(line: str) -> None:
    manifest = PARSER.parse("environment.yml", f"dependencies:\n  - numpy\n  - {line}\n")
    assert [r.name for r in manifest.requirements] == ["numpy"]
    assert [(e.line, e.column) for e in manifest.errors] == [(3, 5)]
    assert "not a conda match spec" in manifest.errors[0].message


@pytest.mark.parametrize("spec", ["bad spec !!", "::", "=1.0", "name 1 2 3", "pkg=="])
def test_not_match_specs(spec: str) -> None:
    parsed = parse_match_spec(spec)
    assert parsed is None or parsed.version == ""


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("python>=3.9,<3.12", FactKind.PYTHON, "<3.12,>=3.9"),
        ("python==3.11.7", FactKind.PYTHON, "3.11.7"),
        ("cudatoolkit=11.7", FactKind.CUDA, "11.7"),
        ("cuda-toolkit 12.4.*", FactKind.CUDA, "12.4"),
        ("conda-forge::pytorch=2.3=cuda120_py311h1234_300", FactKind.CUDA, "12.0"),
    ],
)
def test_facts_from_specs(line: str, kind: FactKind, value: str) -> None:
    manifest = PARSER.parse("environment.yml", f"dependencies:\n  - {line}\n")
    assert [(f.kind, f.value, f.location.line, f.detail) for f in manifest.facts] == [
        (kind, value, 2, line)
    ]


def test_versions_stay_strings() -> None:
    manifest = PARSER.parse("environment.yml", "name: 2.0\ndependencies:\n  - 3.10\n")
    assert manifest.facts[0].value == "2.0"
    # a bare number is not a match spec (no name): an error, not a float
    assert [(e.line, e.column) for e in manifest.errors] == [(3, 5)]


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("dependencies:\n  - numpy\n  -: [\n", 3, 3, "YAML"),
        ('dependencies:\n  - numpy\n  - "unclosed\n', 3, 1, "end of stream"),
        ("name: x\n\tdependencies: []\n", 2, 1, "YAML"),
        ("- a\n- b\n", 1, 1, "expected a mapping"),
        ("dependencies: numpy\n", 1, 15, "expected a list"),
        ("channels: conda-forge\n", 1, 11, "expected a list"),
        ("dependencies:\n  - {a: 1, b: 2}\n", 2, 5, "expected a match spec"),
        ("dependencies:\n  - conda: [x]\n", 2, 5, "only a `pip:` list"),
        ("dependencies:\n  - pip: torch\n", 2, 10, "pip: expected a list"),
        ("dependencies:\n  - pip:\n    - foo bar\n", 3, 11, "Expected"),
        ("a: 1\n---\nb: 2\n", 2, 1, "YAML"),
    ],
)
def test_errors_are_located(text: str, line: int, column: int, words: str) -> None:
    manifest = PARSER.parse("environment.yml", text)
    assert [(e.line, e.column) for e in manifest.errors][:1] == [(line, column)]
    assert words in manifest.errors[0].message


def test_alias_bomb_is_bounded() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for letter in "bcdefghijk":
        lines.append(f"{letter}: &{letter} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = letter
    lines.append(f"dependencies: *{previous}")
    lines.append(f"channels: *{previous}")
    started = time.perf_counter()
    manifest = PARSER.parse("environment.yml", "\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1
    assert manifest.requirements == ()
    assert len(manifest.errors) <= 20


def test_pip_list_alias_bomb_is_bounded() -> None:
    text = (
        'x: &x ["a","a","a","a","a","a","a","a"]\n'
        "y: &y [*x,*x,*x,*x,*x,*x,*x,*x]\n"
        "z: &z [*y,*y,*y,*y,*y,*y,*y,*y]\n"
        "dependencies:\n  - pip: *z\n"
    )
    started = time.perf_counter()
    manifest = PARSER.parse("environment.yml", text)
    assert time.perf_counter() - started < 1
    assert manifest.requirements == ()
    assert len(manifest.errors) == 8


def test_many_entries_are_bounded() -> None:
    body = "".join(f"  - pkg{i}=1.{i}\n" for i in range(25_000))
    started = time.perf_counter()
    manifest = PARSER.parse("environment.yml", "dependencies:\n" + body)
    assert time.perf_counter() - started < 5
    assert len(manifest.requirements) == 20_000
    assert len(manifest.errors) == 1
