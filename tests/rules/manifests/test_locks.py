"""Lock file parsers: exact pins, sources, markers, locations and metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.manifests.locks import (
    CondaExplicitParser,
    CondaLockParser,
    PoetryLockParser,
    PylockParser,
    UvLockParser,
    conda_channel,
    conda_filename,
)
from rules.manifests.model import Ecosystem, FactKind, FileKind, LockedPin, ManifestFile

DATA = Path(__file__).parent / "data"


def _read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line containing `needle` (independent of parsers)."""
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(f"{needle!r} not in text")


def _pin(manifest: ManifestFile, name: str, platform: str | None = None) -> LockedPin:
    matches = [
        p for p in manifest.pins if p.name == name and (platform is None or p.platform == platform)
    ]
    assert len(matches) == 1, (name, manifest.pins)
    return matches[0]


# ---------------------------------------------------------------- poetry.lock

POETRY = _read("poetry.lock")


def test_poetry_kind_and_no_errors() -> None:
    manifest = PoetryLockParser().parse("poetry.lock", POETRY)
    assert manifest.kind is FileKind.POETRY_LOCK
    assert manifest.errors == ()
    assert [p.name for p in manifest.pins] == [
        "filelock",
        "numpy",
        "torch",
        "typing-extensions",
        "mylib",
    ]


@pytest.mark.parametrize(
    ("name", "version", "source", "marker", "needle"),
    [
        ("filelock", "3.13.1", None, None, 'name = "filelock"'),
        ("numpy", "1.26.4", None, None, 'name = "numpy"'),
        ("torch", "2.1.2+cu118", "https://download.pytorch.org/whl/cu118", None, 'name = "torch"'),
        (
            "typing-extensions",
            "4.9.0",
            None,
            'python_version < "3.12"',
            'name = "Typing_Extensions"',
        ),
        (
            "mylib",
            "0.3.0",
            "git+https://github.com/example/mylib.git@0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c",
            None,
            'name = "mylib"',
        ),
    ],
)
def test_poetry_pins(
    name: str, version: str, source: str | None, marker: str | None, needle: str
) -> None:
    pin = _pin(PoetryLockParser().parse("poetry.lock", POETRY), name)
    assert (pin.version, pin.source, pin.marker) == (version, source, marker)
    assert pin.location.file == "poetry.lock"
    assert (pin.location.line, pin.location.column) == (_line_of(POETRY, needle), 1)
    assert pin.ecosystem is Ecosystem.PYPI


def test_poetry_dependencies_are_normalized_names() -> None:
    pin = _pin(PoetryLockParser().parse("poetry.lock", POETRY), "torch")
    assert pin.dependencies == (
        "filelock",
        "fsspec",
        "jinja2",
        "networkx",
        "sympy",
        "triton",
        "typing-extensions",
    )


def test_poetry_metadata() -> None:
    metadata = dict(PoetryLockParser().parse("poetry.lock", POETRY).metadata)
    assert metadata == {
        "lock-version": "2.0",
        "python-versions": ">=3.10,<3.12",
        "content-hash": "8f4b3c1e0d2a9b7c6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d",
    }


def test_poetry2_group_markers_are_combined() -> None:
    text = (
        '[[package]]\nname = "colorama"\nversion = "0.4.6"\ngroups = ["main", "dev"]\n'
        'markers = {main = "sys_platform == \\"win32\\"", '
        'dev = "platform_system == \\"Windows\\""}\n'
    )
    pin = _pin(PoetryLockParser().parse("poetry.lock", text), "colorama")
    assert pin.marker == '(sys_platform == "win32") or (platform_system == "Windows")'


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"),
    [
        ('[[package]]\nname = "numpy"\nversion = \n', 3, 11, "invalid TOML"),
        ('[[package]]\nname = "numpy"\n', 2, 1, "expected a `version`"),
        ('[[package]]\nversion = "1.0"\n', 1, 1, "expected a `name`"),
        ('package = "oops"\n', 1, 1, "expected `[[package]]` tables"),
    ],
)
def test_poetry_errors_are_located(text: str, line: int, column: int, expected: str) -> None:
    manifest = PoetryLockParser().parse("poetry.lock", text)
    assert len(manifest.errors) == 1
    error = manifest.errors[0]
    assert (error.line, error.column, error.category) == (line, column, "parse-error")
    assert expected in error.message


def test_poetry_bad_entry_does_not_hide_good_ones() -> None:
    text = '[[package]]\nname = "a"\n\n[[package]]\nname = "b"\nversion = "2.0"\n'
    manifest = PoetryLockParser().parse("poetry.lock", text)
    assert [(p.name, p.version, p.location.line) for p in manifest.pins] == [("b", "2.0", 5)]
    assert [e.line for e in manifest.errors] == [2]


# ---------------------------------------------------------------- uv.lock

UV = _read("uv.lock")


def test_uv_pins_skip_project_code() -> None:
    manifest = UvLockParser().parse("uv.lock", UV)
    assert manifest.kind is FileKind.UV_LOCK
    assert manifest.errors == ()
    assert [p.name for p in manifest.pins] == ["numpy", "torch", "flash-attn"]


@pytest.mark.parametrize(
    ("name", "version", "source", "needle"),
    [
        ("numpy", "1.26.4", "https://pypi.org/simple", 'name = "numpy"\nversion'),
        ("torch", "2.3.1+cu121", "https://download.pytorch.org/whl/cu121", 'name = "torch"\nver'),
        (
            "flash-attn",
            "2.5.9.post1",
            "git+https://github.com/Dao-AILab/flash-attention?rev=v2.5.9.post1"
            "#0123456789abcdef0123456789abcdef01234567",
            'name = "flash-attn"',
        ),
    ],
)
def test_uv_pins(name: str, version: str, source: str, needle: str) -> None:
    pin = _pin(UvLockParser().parse("uv.lock", UV), name)
    assert (pin.version, pin.source) == (version, source)
    first = needle.split("\n")[0]
    # the `name =` line that sits right under a `[[package]]` header
    lines = UV.split("\n")
    expected = next(
        i + 1 for i, line in enumerate(lines) if line == first and lines[i - 1] == "[[package]]"
    )
    assert (pin.location.line, pin.location.column) == (expected, 1)


def test_uv_dependencies_and_metadata() -> None:
    manifest = UvLockParser().parse("uv.lock", UV)
    assert _pin(manifest, "torch").dependencies == (
        "filelock",
        "nvidia-cudnn-cu12",
        "typing-extensions",
    )
    assert manifest.metadata == (
        ("version", "1"),
        ("revision", "2"),
        ("requires-python", ">=3.11"),
        ("root", "demo-trainer"),
        ("workspace-member", "demo-utils"),
    )


def test_uv_registry_package_without_version_is_an_error() -> None:
    text = '[[package]]\nname = "numpy"\nsource = { registry = "https://pypi.org/simple" }\n'
    manifest = UvLockParser().parse("uv.lock", text)
    assert manifest.pins == ()
    assert [(e.line, e.column) for e in manifest.errors] == [(2, 1)]


# ---------------------------------------------------------------- pylock.toml

PYLOCK = _read("pylock.toml")


@pytest.mark.parametrize(
    ("name", "version", "source", "marker", "needle"),
    [
        ("attrs", "25.1.0", "https://pypi.org/simple", None, "name = 'attrs'"),
        (
            "torch",
            "2.4.0+cu124",
            "https://download.pytorch.org/whl/cu124",
            "sys_platform == 'linux'",
            "name = 'torch'",
        ),
        (
            "flash-attn",
            "",
            "git+https://github.com/Dao-AILab/flash-attention@0123456789abcdef0123456789abcdef01234567",
            None,
            "name = 'flash-attn'",
        ),
        ("local-pkg", "", "directory+./local-pkg", None, "name = 'local-pkg'"),
    ],
)
def test_pylock_pins(name: str, version: str, source: str, marker: str | None, needle: str) -> None:
    manifest = PylockParser().parse("pylock.toml", PYLOCK)
    assert manifest.errors == ()
    pin = _pin(manifest, name)
    assert (pin.version, pin.source, pin.marker) == (version, source, marker)
    assert (pin.location.line, pin.location.column) == (_line_of(PYLOCK, needle), 1)


def test_pylock_metadata_and_dependencies() -> None:
    manifest = PylockParser().parse("pylock.toml", PYLOCK)
    assert manifest.kind is FileKind.PYLOCK
    assert manifest.metadata == (
        ("lock-version", "1.0"),
        ("requires-python", ">=3.10"),
        ("created-by", "pdm"),
        ("environment", "sys_platform == 'linux'"),
    )
    assert _pin(manifest, "torch").dependencies == ("filelock", "jinja2")


def test_pylock_without_lock_version_is_an_error() -> None:
    manifest = PylockParser().parse("pylock.toml", "[[packages]]\nname = 'a'\nversion = '1'\n")
    assert [p.name for p in manifest.pins] == ["a"]
    assert len(manifest.errors) == 1
    assert "lock-version" in manifest.errors[0].message


# ---------------------------------------------------------------- conda-lock.yml

CONDA_LOCK = _read("conda-lock.yml")


@pytest.mark.parametrize(
    ("name", "platform", "version", "ecosystem", "source", "build", "occurrence"),
    [
        ("_libgcc_mutex", "linux-64", "0.1", Ecosystem.CONDA, "conda-forge", "conda_forge", 1),
        ("python", "linux-64", "3.10.14", Ecosystem.CONDA, "conda-forge", "hd12c33a_0_cpython", 1),
        (
            "pytorch",
            "linux-64",
            "2.1.0",
            Ecosystem.CONDA,
            "pytorch",
            "py3.10_cuda11.8_cudnn8.7.0_0",
            1,
        ),
        ("pytorch-cuda", "linux-64", "11.8", Ecosystem.CONDA, "nvidia", "h7e8668a_5", 1),
        (
            "requests",
            "linux-64",
            "2.31.0",
            Ecosystem.PYPI,
            "https://files.pythonhosted.org/packages/70/8e/0e2d847013cb52cd35b38c009bb167a1a26b2ce"
            "6cd6965bf26b47bc0bf44/requests-2.31.0-py3-none-any.whl",
            None,
            1,
        ),
        # `version: '3.10'` stays the string "3.10", never the float 3.1
        ("python", "osx-arm64", "3.10", Ecosystem.CONDA, "conda-forge", "h2469fbe_0_cpython", 2),
    ],
)
def test_conda_lock_pins(
    name: str,
    platform: str,
    version: str,
    ecosystem: Ecosystem,
    source: str,
    build: str | None,
    occurrence: int,
) -> None:
    manifest = CondaLockParser().parse("conda-lock.yml", CONDA_LOCK)
    assert manifest.errors == ()
    pin = _pin(manifest, name, platform)
    assert (pin.version, pin.ecosystem, pin.source, pin.build) == (
        version,
        ecosystem,
        source,
        build,
    )
    expected_line = _line_of(CONDA_LOCK, f"- name: {name}", occurrence)
    assert (pin.location.line, pin.location.column) == (expected_line, 3)


def test_conda_lock_facts_channels_metadata() -> None:
    manifest = CondaLockParser().parse("conda-lock.yml", CONDA_LOCK)
    assert [(f.kind, f.value, f.location.line) for f in manifest.facts] == [
        (FactKind.PLATFORM, "linux-64", _line_of(CONDA_LOCK, "  - linux-64")),
        (FactKind.PLATFORM, "osx-arm64", _line_of(CONDA_LOCK, "  - osx-arm64")),
    ]
    assert [i.url for i in manifest.indexes] == ["pytorch", "nvidia", "conda-forge"]
    metadata = dict(manifest.metadata)
    assert metadata["version"] == "1"
    assert metadata["source"] == "environment.yml"
    assert metadata["content-hash:linux-64"].startswith("0b5b5c2d")
    assert _pin(manifest, "pytorch").dependencies == ("pytorch-cuda", "pytorch-mutex")
    assert _pin(manifest, "requests").dependencies == ("certifi", "charset-normalizer")


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("version: 1\npackage:\n- name: a\n  version: [1\n", 5, "invalid YAML"),
        ("version: 2\npackage: []\n", 1, "expected `version: 1`"),
        ("version: 1\npackage:\n- name: a\n  manager: npm\n  version: '1'\n", 4, "manager"),
        ("version: 1\npackage:\n- name: a\n", 3, "expected a package with"),
        ("- just\n- a list\n", 1, "expected a conda-lock mapping"),
        ("version: 1\nmetadata: {}\n", 1, "expected a `package` list"),
        ("---", 1, "expected a conda-lock mapping"),
    ],
)
def test_conda_lock_errors(text: str, line: int, expected: str) -> None:
    manifest = CondaLockParser().parse("conda-lock.yml", text)
    assert [e.line for e in manifest.errors] == [line]
    assert expected in manifest.errors[0].message


def test_conda_lock_alias_bomb_is_bounded() -> None:
    deps = ", ".join(f"d{i}: '1'" for i in range(2000))
    head = (
        f"version: 1\nx: &p {{name: p, version: '1', manager: conda, dependencies: {{{deps}}}}}\n"
    )
    text = head + "package: [" + ", ".join(["*p"] * 2000) + "]\n"
    manifest = CondaLockParser().parse("conda-lock.yml", text)
    assert any("too large" in e.message for e in manifest.errors)
    assert len(manifest.pins) < 2000


# ---------------------------------------------------------------- conda --explicit

EXPLICIT = _read("explicit-linux-64.txt")


@pytest.mark.parametrize(
    ("name", "version", "build", "channel", "platform"),
    [
        ("_libgcc_mutex", "0.1", "conda_forge", "conda-forge", "linux-64"),
        ("numpy", "1.26.4", "py311h64a7726_0", "conda-forge", "linux-64"),
        ("pytorch", "2.1.0", "py3.11_cuda12.1_cudnn8.9.2_0", "pytorch", "linux-64"),
        ("pytorch-cuda", "12.1", "ha16c6d3_5", "nvidia", "linux-64"),
        ("ca-certificates", "2024.3.11", "h06a4308_0", "pkgs/main", "linux-64"),
        ("typing_extensions", "4.11.0", "pyha770c72_0", "conda-forge", "linux-64"),
    ],
)
def test_explicit_pins(name: str, version: str, build: str, channel: str, platform: str) -> None:
    manifest = CondaExplicitParser().parse("explicit.txt", EXPLICIT)
    assert manifest.errors == ()
    pin = _pin(manifest, name)
    assert (pin.version, pin.build, pin.source, pin.platform) == (version, build, channel, platform)
    assert pin.ecosystem is Ecosystem.CONDA
    assert (pin.location.line, pin.location.column) == (_line_of(EXPLICIT, f"/{name}-"), 1)


def test_explicit_platform_fact_and_channels() -> None:
    manifest = CondaExplicitParser().parse("explicit.txt", EXPLICIT)
    assert [(f.kind, f.value, f.location.line) for f in manifest.facts] == [
        (FactKind.PLATFORM, "linux-64", 3)
    ]
    assert [i.url for i in manifest.indexes] == ["conda-forge", "pytorch", "nvidia", "pkgs/main"]


@pytest.mark.parametrize(
    ("text", "lines", "pins"),
    [
        ("https://conda.anaconda.org/c/linux-64/a-1-0.conda\n", [1], 1),
        ("@EXPLICIT\nnot a url\n", [2], 0),
        ("@EXPLICIT\nhttps://conda.anaconda.org/c/linux-64/a-1.whl\n", [2], 0),
        ("@EXPLICIT\n  https://conda.anaconda.org/c/linux-64/noversion.conda\n", [2], 0),
        ("@EXPLICIT\nhttps://[conda.anaconda.org/c/linux-64/a-1-0.conda\n", [2], 0),
    ],
)
def test_explicit_errors(text: str, lines: list[int], pins: int) -> None:
    manifest = CondaExplicitParser().parse("explicit.txt", text)
    assert [e.line for e in manifest.errors] == lines
    assert len(manifest.pins) == pins


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://conda.anaconda.org/conda-forge/linux-64/numpy-1.26.4-py311h64a7726_0.conda",
            ("numpy", "1.26.4", "py311h64a7726_0"),
        ),
        (
            "https://conda.anaconda.org/nvidia/linux-64/cuda-nvcc-12.1.105-0.tar.bz2",
            ("cuda-nvcc", "12.1.105", "0"),
        ),
        (
            "file:///opt/channel/noarch/my-pkg-name-0.1.0-py_0.conda",
            ("my-pkg-name", "0.1.0", "py_0"),
        ),
        ("https://example.org/x/linux-64/broken.conda", None),
        ("https://example.org/x/linux-64/pkg-1.0-0.zip", None),
        ("https://[conda.anaconda.org/c/linux-64/a-1-0.conda", None),  # urlsplit refuses it
    ],
)
def test_conda_filename(url: str, expected: tuple[str, str, str] | None) -> None:
    assert conda_filename(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://conda.anaconda.org/conda-forge/linux-64/a-1-0.conda",
            ("conda-forge", "linux-64"),
        ),
        ("https://repo.anaconda.com/pkgs/main/noarch/a-1-0.conda", ("pkgs/main", "noarch")),
        (
            "https://mirror.example.org/channels/ml/linux-64/a-1-0.conda",
            ("https://mirror.example.org/channels/ml", "linux-64"),
        ),
    ],
)
def test_conda_channel(url: str, expected: tuple[str, str]) -> None:
    assert conda_channel(url) == expected
