"""pixi workspaces: pixi.toml and [tool.pixi] in pyproject.toml (rules/manifests/pixi.py).

The workspace below is data-apis/array-api-extra's (MIT), cut down from pyproject.toml at
d83e7ccb (Renovate PR #635, reverted by #639: "Avoid unsolvability in the numpy1 env").
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rules.manifests.model import Ecosystem, FactKind, FileKind, Group, ManifestFile
from rules.manifests.pixi_file import PixiParser
from rules.manifests.pyproject import PyprojectParser
from rules.manifests.registry import kind_for

PYPROJECT = """\
[project]
name = "array-api-extra"
requires-python = ">=3.11"
dependencies = ["array-api-compat>=1.13.0,<2"]

[tool.pixi.workspace]
channels = ["https://prefix.dev/conda-forge"]
platforms = ["linux-64", "osx-64", "osx-arm64", "win-64"]

[tool.pixi.environments]
default = { features = ["py314"], solve-group = "py314" }
tests = { features = ["py314", "tests"], solve-group = "py314" }
tests-cuda = { features = ["py314", "tests", "cuda-backends"], solve-group = "cuda" }
tests-numpy1 = ["py311", "tests", "numpy1"]
tests-nogil = ["nogil", "tests"]

[tool.pixi.dependencies]
array-api-extra.path = "."

[tool.pixi.feature.tests.dependencies]
pytest = ">=9.0.2"
numpy = ">=1.22.0"
scipy = ">=1.17.0,<2"

[tool.pixi.feature.py311.dependencies]
python = "~=3.11.0"

[tool.pixi.feature.py314.dependencies]
python = "~=3.14.0"

[tool.pixi.feature.numpy1.dependencies]
numpy = "=1.24.1"

[tool.pixi.feature.nogil.dependencies]
python-freethreading = "~=3.13.0"

[tool.pixi.feature.cuda-backends]
system-requirements = { cuda = "12" }

[tool.pixi.feature.cuda-backends.target.linux-64.dependencies]
cupy = ">=13.6.0"

[tool.pixi.feature.cuda-backends.target.win-64.dependencies]
cupy = ">=13.6.0"
"""

PIXI_TOML = """\
[workspace]
name = "demo"
channels = ["conda-forge", "pytorch"]
platforms = ["linux-64"]

[dependencies]
python = "3.10.*"
pytorch = { version = "2.1.0", channel = "pytorch", build = "*cuda11.8*" }

[pypi-dependencies]
torchvision = "==0.16.0"
lib = { git = "https://github.com/org/lib.git" }
me = { path = ".", editable = true }

[feature.dev.pypi-dependencies]
pytest = "*"

[feature.gpu]
no-default-feature = true

[environments]
dev = ["dev"]
gpu = { features = ["gpu"], no-default-feature = true }
"""


def _by_env(manifest: ManifestFile) -> dict[str, list[tuple[str, str, str, int]]]:
    found: dict[str, list[tuple[str, str, str, int]]] = {}
    for r in manifest.requirements:
        row = (r.name, r.specifier, r.ecosystem.value, r.location.line)
        found.setdefault(r.environment, []).append(row)
    return found


def test_pyproject_environments_compose_features() -> None:
    manifest = PyprojectParser().parse("pyproject.toml", PYPROJECT)
    assert manifest.errors == ()
    envs = _by_env(manifest)
    assert envs["pyproject.toml"] == [("array-api-compat", "<2,>=1.13.0", "pypi", 4)]
    # the default environment holds the default feature and what `default` lists
    assert envs["pyproject.toml#pixi:default"] == [("python", "~=3.14.0", "conda", 29)]
    assert envs["pyproject.toml#pixi:tests-numpy1"] == [
        ("python", "~=3.11.0", "conda", 26),
        ("pytest", ">=9.0.2", "conda", 21),
        ("numpy", ">=1.22.0", "conda", 22),
        ("scipy", "<2,>=1.17.0", "conda", 23),
        ("numpy", "==1.24.1.*", "conda", 32),
    ]
    # Linux targets only: the win-64 cupy line is not installed on Linux
    assert [n for n, *_ in envs["pyproject.toml#pixi:tests-cuda"]] == [
        "python",
        "pytest",
        "numpy",
        "scipy",
        "cupy",
    ]
    assert ("cupy", ">=13.6.0", "conda", 41) in envs["pyproject.toml#pixi:tests-cuda"]


def test_python_and_cuda_facts_per_environment() -> None:
    manifest = PyprojectParser().parse("pyproject.toml", PYPROJECT)
    pythons = {(f.environment, f.value) for f in manifest.facts if f.kind == FactKind.PYTHON}
    assert ("pyproject.toml#pixi:tests-numpy1", "3.11") in pythons
    assert ("pyproject.toml#pixi:tests", "3.14") in pythons
    assert ("pyproject.toml", ">=3.11") in pythons  # requires-python stays the project's
    assert not any(env == "pyproject.toml#pixi:tests-numpy1" and v == "3.14" for env, v in pythons)
    cuda = {(f.environment, f.value) for f in manifest.facts if f.kind == FactKind.CUDA}
    assert cuda == {("pyproject.toml#pixi:tests-cuda", "12")}


def test_a_feature_line_has_one_location_in_every_environment() -> None:
    manifest = PyprojectParser().parse("pyproject.toml", PYPROJECT)
    scipy = {
        (r.location.line, r.location.column) for r in manifest.requirements if r.name == "scipy"
    }
    assert scipy == {(23, 9)}


def test_channels_are_indexes_of_each_environment() -> None:
    manifest = PyprojectParser().parse("pyproject.toml", PYPROJECT)
    channels = {(i.url, i.environment) for i in manifest.indexes}
    assert ("https://prefix.dev/conda-forge", "pyproject.toml#pixi:tests-numpy1") in channels


def test_pixi_toml() -> None:
    assert kind_for("pixi.toml") == FileKind.PIXI
    assert kind_for("sub/pixi.toml") == FileKind.PIXI
    manifest = PixiParser().parse("pixi.toml", PIXI_TOML)
    assert manifest.errors == ()
    envs = _by_env(manifest)
    default = envs["pixi.toml#default"]
    assert ("python", "==3.10.*", "conda", 7) in default
    assert ("torchvision", "==0.16.0", "pypi", 11) in default
    assert "me" not in [n for n, *_ in default]  # the workspace's own project
    torch = next(r for r in manifest.requirements if r.name == "pytorch")
    assert (torch.index, torch.build, torch.pinned) == ("pytorch", "*cuda11.8*", "2.1.0")
    lib = next(r for r in manifest.requirements if r.name == "lib")
    assert lib.url == "git+https://github.com/org/lib.git"
    assert [n for n, *_ in envs["pixi.toml#dev"]] == [
        "python",
        "pytorch",
        "torchvision",
        "lib",
        "pytest",
    ]
    dev = [r for r in manifest.requirements if r.environment == "pixi.toml#dev"]
    assert [r.group for r in dev][-1] == Group.DEV and dev[-1].group_name == "dev"
    assert "pixi.toml#gpu" not in envs  # no default feature, and gpu declares nothing
    assert {f.value for f in manifest.facts if f.kind == FactKind.PYTHON} == {"3.10"}
    assert all(
        eco == Ecosystem.CONDA.value for n, _, eco, _ in default if n in ("python", "pytorch")
    )


def test_bad_entries_are_located_errors_and_the_rest_is_kept() -> None:
    text = PIXI_TOML.replace('torchvision = "==0.16.0"', 'torchvision = "=>0.16.0"').replace(
        'python = "3.10.*"', "python = 3"
    )
    manifest = PixiParser().parse("pixi.toml", text)
    errors = sorted((e.line, e.column, e.message) for e in manifest.errors)
    assert [(line, column) for line, column, _ in errors] == [(7, 1), (11, 15)]
    assert "expected a version string" in errors[0][2]
    assert "torchvision" in errors[1][2]
    assert any(r.name == "pytorch" for r in manifest.requirements)


def test_unknown_feature_in_an_environment() -> None:
    text = PIXI_TOML.replace('dev = ["dev"]', 'dev = ["dev", "docs"]')
    manifest = PixiParser().parse("pixi.toml", text)
    (error,) = manifest.errors
    assert "no feature 'docs'" in error.message and error.line == 22


def test_toml_error_is_located() -> None:
    manifest = PixiParser().parse("pixi.toml", "[workspace]\nchannels = [\n")
    (error,) = manifest.errors
    assert error.category == "parse-error" and error.line is not None and error.line >= 2


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_mutated_workspaces_never_break_the_parser(data: st.DataObject) -> None:
    """Cut, repeat or insert text anywhere: errors stay located inside the file, and the
    parser's own failure ("internal parser error") never shows."""
    text = PYPROJECT
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            text = (
                text[:at]
                + data.draw(st.sampled_from(['"', "{", "]", "=", "\n", "x", "1", ".", "*"]))
                + text[at:]
            )
        elif action == "delete":
            text = text[:at] + text[at + data.draw(st.integers(1, 20)) :]
        else:
            text = text[:at] + text[at : at + 30] + text[at:]
    for manifest in (
        PyprojectParser().parse("pyproject.toml", text),
        PixiParser().parse("pixi.toml", text.replace("tool.pixi.", "")),
    ):
        lines = max(1, len(text.splitlines()))
        for error in manifest.errors:
            assert "internal parser error" not in error.message
            assert error.line is not None and 1 <= error.line <= lines + 1
        for r in manifest.requirements:
            assert 1 <= r.location.line <= lines + 1


def test_pypi_options_are_indexes_of_each_environment() -> None:
    """snap-stanford/relbench's pixi.toml: pyg-lib comes from the find-links page of
    ``[pypi-options]`` (a feature's own options count for its environments)."""
    manifest = PixiParser().parse(
        "pixi.toml",
        '[workspace]\nchannels = ["conda-forge"]\nplatforms = ["linux-64"]\n'
        '[pypi-options]\nindex-url = "https://pypi.org/simple"\n'
        'find-links = [{ url = "https://data.pyg.org/whl/torch-2.4.0+cu121.html" }]\n'
        '[pypi-dependencies]\npyg-lib = "*"\n'
        '[feature.cu.pypi-options]\nextra-index-urls = ["https://download.pytorch.org/whl/cu121"]\n'
        '[environments]\ncuda = ["cu"]\n',
    )
    pip = {
        (i.environment, i.kind.value, i.url)
        for i in manifest.indexes
        if i.kind.value != "conda-channel"
    }
    assert pip == {
        ("pixi.toml#default", "index-url", "https://pypi.org/simple"),
        ("pixi.toml#default", "find-links", "https://data.pyg.org/whl/torch-2.4.0+cu121.html"),
        ("pixi.toml#cuda", "index-url", "https://pypi.org/simple"),
        ("pixi.toml#cuda", "find-links", "https://data.pyg.org/whl/torch-2.4.0+cu121.html"),
        ("pixi.toml#cuda", "extra-index-url", "https://download.pytorch.org/whl/cu121"),
    }
    assert all(i.location.line > 0 for i in manifest.indexes)
