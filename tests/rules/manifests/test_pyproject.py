"""Tests for the pyproject.toml parser: PEP 621, PEP 735, Poetry, uv, build-system."""

from __future__ import annotations

import pytest

from rules.manifests.model import FactKind, Group, IndexKind, ManifestFile, Requirement
from rules.manifests.poetry_constraints import poetry_to_pep440
from rules.manifests.pyproject import PyprojectParser

PARSER = PyprojectParser()

PEP621 = """\
[build-system]
requires = ["hatchling>=1.25", "hatch-vcs"]
build-backend = "hatchling.build"

[project]
name = "trainer"
keywords = ["torch", "numpy"]
requires-python = ">=3.10,<3.13"
dependencies = [
    "torch==2.3.1+cu121",
    'numpy>=1.24,<2 ; python_version < "3.12"',
    "transformers[torch]>=4.40",
]

[project.optional-dependencies]
gpu = ["nvidia-ml-py>=12", "torch"]
docs = [
  "sphinx",
]

[dependency-groups]
test = ["pytest>=8", "hypothesis"]
dev = [{ include-group = "test" }, "ruff==0.5.0"]
"""


def by_name(manifest: ManifestFile, name: str) -> list[Requirement]:
    return [r for r in manifest.requirements if r.name == name]


def test_pep621_requirements_and_locations() -> None:
    manifest = PARSER.parse("pyproject.toml", PEP621)
    assert manifest.errors == ()
    rows = [
        (
            r.name,
            r.specifier,
            r.group,
            r.group_name,
            r.environment,
            r.location.line,
            r.location.column,
        )
        for r in manifest.requirements
    ]
    assert rows == [
        ("torch", "==2.3.1+cu121", Group.RUNTIME, None, "pyproject.toml", 10, 5),
        ("numpy", "<2,>=1.24", Group.RUNTIME, None, "pyproject.toml", 11, 5),
        ("transformers", ">=4.40", Group.RUNTIME, None, "pyproject.toml", 12, 5),
        ("nvidia-ml-py", ">=12", Group.OPTIONAL, "gpu", "pyproject.toml#gpu", 16, 8),
        ("torch", "", Group.OPTIONAL, "gpu", "pyproject.toml#gpu", 16, 28),
        ("sphinx", "", Group.OPTIONAL, "docs", "pyproject.toml#docs", 18, 3),
        ("pytest", ">=8", Group.DEV, "test", "pyproject.toml#test", 22, 9),
        ("hypothesis", "", Group.DEV, "test", "pyproject.toml#test", 22, 22),
        ("pytest", ">=8", Group.DEV, "dev", "pyproject.toml#dev", 22, 9),
        ("hypothesis", "", Group.DEV, "dev", "pyproject.toml#dev", 22, 22),
        ("ruff", "==0.5.0", Group.DEV, "dev", "pyproject.toml#dev", 23, 36),
        ("hatchling", ">=1.25", Group.BUILD, "build", "pyproject.toml#build", 2, 13),
        ("hatch-vcs", "", Group.BUILD, "build", "pyproject.toml#build", 2, 32),
    ]
    torch = manifest.requirements[0]
    assert (torch.pinned, torch.local) == ("2.3.1+cu121", "cu121")
    assert manifest.requirements[1].marker == 'python_version < "3.12"'
    assert manifest.requirements[2].extras == ("torch",)
    python = [f for f in manifest.facts if f.kind == FactKind.PYTHON]
    assert [(f.value, f.location.line, f.detail) for f in python] == [
        ("<3.13,>=3.10", 8, 'requires-python = ">=3.10,<3.13"')
    ]


def test_every_location_points_at_the_requirement_text() -> None:
    lines = PEP621.splitlines()
    manifest = PARSER.parse("pyproject.toml", PEP621)
    for req in manifest.requirements:
        line = lines[req.location.line - 1]
        assert line[req.location.column - 1] in "\"'"
        assert line[req.location.column :].startswith(req.raw)


@pytest.mark.parametrize(
    ("constraint", "expected"),
    [
        ("^2.1", "<3.0,>=2.1"),
        ("^2.1.3", "<3.0.0,>=2.1.3"),
        ("^0.2.3", "<0.3.0,>=0.2.3"),
        ("^0.0.3", "<0.0.4,>=0.0.3"),
        ("^0.0", "<0.1,>=0.0"),
        ("^0", "<1,>=0"),
        ("^1", "<2,>=1"),
        ("~1.2.3", "<1.3.0,>=1.2.3"),
        ("~1.2", "<1.3,>=1.2"),
        ("~1", "<2,>=1"),
        ("~=1.2", "~=1.2"),
        ("*", ""),
        ("", ""),
        ("1.2.*", "==1.2.*"),
        ("2.*", "==2.*"),
        ("2.1.0", "==2.1.0"),
        ("=2.1.0", "==2.1.0"),
        ("==2.1.0+cu118", "==2.1.0+cu118"),
        (">=1.24,<2", "<2,>=1.24"),
        (">= 1.24, < 2", "<2,>=1.24"),
        (">=1.24 <2", "<2,>=1.24"),
        ("!=1.5.0", "!=1.5.0"),
        ("^1.0 || ^2.0", None),
        ("^banana", None),
        (">>1", None),
    ],
)
def test_poetry_constraints(constraint: str, expected: str | None) -> None:
    assert poetry_to_pep440(constraint) == expected


POETRY = """\
[tool.poetry]
name = "app"

[tool.poetry.dependencies]
python = "^3.10"
torch = { version = "2.1.0+cu118", source = "pytorch-cu118" }
numpy = "^1.24"
"jax" = [
    { version = "~0.4.20", markers = "sys_platform == 'linux'", extras = ["cuda12"] },
    { version = "0.4.*", python = "<3.11" },
]
detectron2 = { git = "https://github.com/facebookresearch/detectron2.git", rev = "v0.6" }
local-lib = { path = "../local-lib", develop = true }
wandb = { version = "*", optional = true }
bad = "^^1"

[tool.poetry.extras]
tracking = ["wandb"]

[tool.poetry.group.dev.dependencies]
pytest = "^8.0"

[tool.poetry.dev-dependencies]
black = "23.*"

[[tool.poetry.source]]
name = "pytorch-cu118"
url = "https://download.pytorch.org/whl/cu118"
priority = "explicit"

[[tool.poetry.source]]
name = "PyPI"
priority = "primary"

[[tool.poetry.source]]
name = "legacy"
url = "https://legacy.example.org/simple"
secondary = true
"""


def test_poetry() -> None:
    manifest = PARSER.parse("pyproject.toml", POETRY)
    rows = [
        (r.name, r.specifier, r.pinned, r.index, r.group, r.group_name, r.location.line)
        for r in manifest.requirements
    ]
    assert rows == [
        ("torch", "==2.1.0+cu118", "2.1.0+cu118", "pytorch-cu118", Group.RUNTIME, None, 6),
        ("numpy", "<2.0,>=1.24", None, None, Group.RUNTIME, None, 7),
        ("jax", "<0.5.0,>=0.4.20", None, None, Group.RUNTIME, None, 8),
        ("jax", "==0.4.*", None, None, Group.RUNTIME, None, 8),
        ("detectron2", "", None, None, Group.RUNTIME, None, 12),
        ("local-lib", "", None, None, Group.RUNTIME, None, 13),
        ("wandb", "", None, None, Group.OPTIONAL, "tracking", 14),
        ("bad", "", None, None, Group.RUNTIME, None, 15),
        ("black", "==23.*", None, None, Group.DEV, "dev", 24),
        ("pytest", "<9.0,>=8.0", None, None, Group.DEV, "dev", 21),
    ]
    jax = by_name(manifest, "jax")
    assert [j.marker for j in jax] == ['sys_platform == "linux"', 'python_version < "3.11"']
    assert jax[0].extras == ("cuda12",)
    assert by_name(manifest, "detectron2")[0].url == (
        "git+https://github.com/facebookresearch/detectron2.git@v0.6"
    )
    assert by_name(manifest, "local-lib")[0].url == "../local-lib"
    assert [(e.line, e.column) for e in manifest.errors] == [(15, 1)]
    assert [(f.kind, f.value, f.location.line) for f in manifest.facts] == [
        (FactKind.PYTHON, "<4.0,>=3.10", 5)
    ]
    assert [
        (i.kind, i.name, i.url, i.priority, i.explicit, i.location.line) for i in manifest.indexes
    ] == [
        (
            IndexKind.POETRY_SOURCE,
            "pytorch-cu118",
            "https://download.pytorch.org/whl/cu118",
            "explicit",
            True,
            27,
        ),
        (IndexKind.POETRY_SOURCE, "PyPI", "https://pypi.org/simple", "primary", False, 32),
        (
            IndexKind.POETRY_SOURCE,
            "legacy",
            "https://legacy.example.org/simple",
            "secondary",
            False,
            36,
        ),
    ]


UV = """\
[project]
name = "svc"
dependencies = ["torch>=2.4", "torchvision", "numpy"]

[tool.uv]
dev-dependencies = ["pytest"]
constraint-dependencies = ["grpcio<1.65"]
extra-index-url = ["https://extra.example.org/simple"]

[tool.uv.sources]
torch = [
  { index = "pytorch-cu124", marker = "sys_platform == 'linux'" },
  { index = "pytorch-cpu", marker = "sys_platform != 'linux'" },
]
torchvision = { index = "pytorch-cu124" }
numpy = { git = "https://github.com/numpy/numpy", tag = "v2.0.0" }

[[tool.uv.index]]
name = "pytorch-cu124"
url = "https://download.pytorch.org/whl/cu124"
explicit = true

[[tool.uv.index]]
name = "internal"
url = "https://pkgs.example.org/simple"
default = true
"""


def test_uv_sources_and_indexes() -> None:
    manifest = PARSER.parse("pyproject.toml", UV)
    assert manifest.errors == ()
    rows = [(r.name, r.index, r.url, r.group, r.is_constraint) for r in manifest.requirements]
    assert rows == [
        ("torch", "pytorch-cu124", None, Group.RUNTIME, False),
        ("torchvision", "pytorch-cu124", None, Group.RUNTIME, False),
        ("numpy", None, "git+https://github.com/numpy/numpy@v2.0.0", Group.RUNTIME, False),
        ("pytest", None, None, Group.DEV, False),
        ("grpcio", None, None, Group.CONSTRAINT, True),
    ]
    assert [(i.kind, i.name, i.explicit, i.default, i.location.line) for i in manifest.indexes] == [
        (IndexKind.EXTRA_INDEX_URL, None, False, False, 8),
        (IndexKind.UV_INDEX, "pytorch-cu124", True, False, 20),
        (IndexKind.UV_INDEX, "internal", False, True, 25),
    ]


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('[project]\ndependencies = ["a",,]\n', 2, 21),
        ("[project\n", 1, 9),
        ('[project]\nname = "x"\nname = "y"\n', 3, 11),
        # tomllib says "at end of document": the last line
        ('a = 1\nx = """never closed\n', 2, 1),
    ],
)
def test_toml_errors_are_located(text: str, line: int, column: int) -> None:
    manifest = PARSER.parse("pyproject.toml", text)
    assert manifest.requirements == ()
    assert [(e.line, e.column) for e in manifest.errors] == [(line, column)]
    assert manifest.errors[0].category == "parse-error"


def test_bad_pep508_string_is_located_inside_the_string() -> None:
    text = '[project]\ndependencies = [\n  "numpy",\n  "torch >= = 2",\n]\n'
    manifest = PARSER.parse("pyproject.toml", text)
    assert [r.name for r in manifest.requirements] == ["numpy"]
    error = manifest.errors[0]
    # packaging's caret is on the start of the bad specifier
    assert (error.line, error.column) == (4, 10)
    assert text.splitlines()[3][error.column - 1] == ">"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[project]\ndependencies = "torch"\n', "must be a list"),
        ("[project]\ndependencies = [1]\n", "expected a string"),
        (
            '[dependency-groups]\na = [{include-group = "b"}]\nb = [{include-group = "a"}]\n',
            "cycle",
        ),
        ('[dependency-groups]\na = [{include-group = "zzz"}]\n', "no such dependency group"),
        ("[tool.poetry.dependencies]\ntorch = 2\n", "version string or a table"),
        ('[project]\nrequires-python = "3.10+"\n', "requires-python"),
        ("[[tool.uv.index]]\nname = 'x'\n", "needs a url"),
    ],
)
def test_wrong_shapes_are_errors_not_crashes(text: str, message: str) -> None:
    manifest = PARSER.parse("pyproject.toml", text)
    assert any(message in e.message for e in manifest.errors)
    lines = text.count("\n")
    assert all(1 <= (e.line or 0) <= lines for e in manifest.errors)


def test_dependency_group_cycle_terminates_and_keeps_own_requirements() -> None:
    text = (
        '[dependency-groups]\na = ["x", {include-group = "b"}]\nb = ["y", {include-group = "a"}]\n'
    )
    manifest = PARSER.parse("pyproject.toml", text)
    assert sorted((r.group_name, r.name) for r in manifest.requirements) == [
        ("a", "x"),
        ("a", "y"),
        ("b", "x"),
        ("b", "y"),
    ]


def test_dynamic_dependencies_are_noted() -> None:
    manifest = PARSER.parse("pyproject.toml", '[project]\ndynamic = ["dependencies"]\n')
    assert ("dynamic", "dependencies") in manifest.metadata


def test_poetry_or_constraint_is_a_warning() -> None:
    manifest = PARSER.parse(
        "pyproject.toml", '[tool.poetry.dependencies]\nnumpy = "^1.24 || ^2.0"\n'
    )
    assert [(r.name, r.specifier) for r in manifest.requirements] == [("numpy", "")]
    assert [(e.line, e.severity.value) for e in manifest.errors] == [(2, "warning")]


UV_EXTRA_SOURCES = """[project]
name = "x"
version = "1"
dependencies = ["torch>=2.3"]
[project.optional-dependencies]
cpu = ["torch>=2.3"]
cu121 = ["torch>=2.3"]
[dependency-groups]
gpu = ["torch>=2.3"]
[tool.uv.sources]
torch = [
  { index = "pytorch-cpu", extra = "cpu" },
  { index = "pytorch-cu121", extra = "cu121" },
  { index = "pytorch-cu121", group = "gpu" },
]
"""


# found dogfooding: every torch took the first source entry, so uv's documented CPU/CUDA
# extras looked like a +cu121 pin on the CPU index
@pytest.mark.parametrize(
    ("group_name", "index"),
    [(None, None), ("cpu", "pytorch-cpu"), ("cu121", "pytorch-cu121"), ("gpu", "pytorch-cu121")],
)
def test_uv_sources_follow_extra_and_group(group_name: str | None, index: str | None) -> None:
    parsed = PARSER.parse("pyproject.toml", UV_EXTRA_SOURCES)
    (req,) = [r for r in parsed.requirements if r.group_name == group_name]
    assert req.index == index


_SETUPTOOLS_PROJECT = """\
[build-system]
requires = ["setuptools>=61.0"]
build-backend = "{backend}"

[project]
name = "nerfacc"
{extra}requires-python = ">=3.7"
"""


# nerfstudio-project/nerfacc 03c0c74 put `repository = ...` in [project]; d91fbc5 moved it
@pytest.mark.parametrize(
    ("backend", "extra", "error_line"),
    [
        ("setuptools.build_meta", 'repository = "https://github.com/KAIR-BAIR/nerfacc"\n', 7),
        ("setuptools.build_meta", 'license-files = ["LICENSE"]\n', None),  # PEP 639
        ("setuptools.build_meta", "", None),
        ("hatchling.build", 'repository = "https://github.com/KAIR-BAIR/nerfacc"\n', None),
        # agilexrobotics/piper_sdk #25: setuptools required, no backend named (pip uses
        # setuptools.build_meta:__legacy__, which validates [project] the same way)
        (None, 'long_description = "file: DESCRIPTION.MD"\n', 6),
    ],
)
def test_a_project_key_pep621_lacks_where_setuptools_builds(
    backend: str | None, extra: str, error_line: int | None
) -> None:
    text = _SETUPTOOLS_PROJECT.format(backend=backend, extra=extra)
    if backend is None:
        text = text.replace('build-backend = "None"\n', "")
    errors = PyprojectParser().parse("pyproject.toml", text).errors
    assert [e.line for e in errors] == ([error_line] if error_line else [])
    for error in errors:
        key = extra.split(" ")[0]
        assert f"must not contain {{'{key}'}} properties" in error.message


def test_no_backend_and_no_setuptools_requirement_is_left_alone() -> None:
    """A [build-system] without setuptools in requires (or none at all: uv's virtual
    projects) names no setuptools build."""
    text = _SETUPTOOLS_PROJECT.format(backend="None", extra='repository = "x"\n')
    text = text.replace('build-backend = "None"\n', "")
    for requires in ('requires = ["flit_core"]\n', ""):
        changed = text.replace('requires = ["setuptools>=61.0"]\n', requires)
        assert not PyprojectParser().parse("pyproject.toml", changed).errors
