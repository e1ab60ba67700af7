"""pytorch-index-replaces-pypi: a PyTorch index as the only index, for packages it lacks."""

from __future__ import annotations

import pytest

from rules.checks.pytorch_primary_index import NOT_ON_PYTORCH_INDEX, PytorchIndexReplacesPypi
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = PytorchIndexReplacesPypi()
PT = "https://download.pytorch.org/whl"
UV_HEAD = '[project]\nname = "x"\nversion = "1"\ndependencies = ["torch==2.3.1", "DEP"]\n'
UV_DEFAULT = f'[[tool.uv.index]]\nname = "pytorch"\nurl = "{PT}/cu121"\ndefault = true\n'
UV_EXPLICIT = (
    f'[[tool.uv.index]]\nname = "pytorch"\nurl = "{PT}/cu121"\nexplicit = true\n'
    '[tool.uv.sources]\ntorch = { index = "pytorch" }\n'
)
POETRY_HEAD = (
    '[tool.poetry]\nname = "x"\nversion = "1"\ndescription = ""\nauthors = []\n'
    '[tool.poetry.dependencies]\npython = "^3.10"\ntorch = "2.3.1"\nscikit-learn = "1.5.0"\n'
)


def poetry_source(priority: str | None, pypi: bool = False) -> str:
    line = f'priority = "{priority}"\n' if priority else ""
    extra = '[[tool.poetry.source]]\nname = "PyPI"\npriority = "primary"\n' if pypi else ""
    return (
        f'{POETRY_HEAD}[[tool.poetry.source]]\nname = "pytorch"\nurl = "{PT}/cu121"\n{line}{extra}'
    )


# name, files, expected (file, line, packages named in the message) per finding
CASES: list[tuple[str, dict[str, str], list[tuple[str, int, tuple[str, ...]]]]] = [
    (
        "requirements: --index-url PyTorch with scikit-learn and timm",
        {
            "requirements.txt": f"--index-url {PT}/cu121\ntorch==2.3.1\nscikit-learn==1.5.0\n"
            "pandas==2.2.2\ntimm==1.0.7\n"
        },
        [("requirements.txt", 1, ("scikit-learn", "timm"))],
    ),
    (
        "requirements: -i given in an included file",
        {
            "requirements.txt": "-r base.txt\nscikit-learn==1.5.0\n",
            "base.txt": f"-i {PT}/cu121\ntorch==2.3.1\n",
        },
        [("base.txt", 1, ("scikit-learn",))],
    ),
    (
        "requirements: PyPI added back as an extra index",
        {
            "requirements.txt": f"-i {PT}/cu121\n--extra-index-url https://pypi.org/simple\n"
            "torch==2.3.1\nscikit-learn==1.5.0\n"
        },
        [],
    ),
    (
        "requirements: PyTorch as the extra index (the documented setup)",
        {"requirements.txt": f"--extra-index-url {PT}/cu121\ntorch==2.3.1\nscikit-learn==1.5.0\n"},
        [],
    ),
    (
        "requirements: only the torch family and its mirrored dependencies",
        {
            "requirements.txt": f"--index-url {PT}/cu121\ntorch==2.3.1\ntorchvision==0.18.1\n"
            "numpy==1.26.4\npillow==10.3.0\nfilelock\n"
        },
        [],
    ),
    (
        "requirements: packages PyTorch's index mirrors are not flagged",
        {
            "requirements.txt": f"--index-url {PT}/cu121\ntorch==2.3.1\ntransformers==4.41.2\n"
            "pandas==2.2.2\ndatasets==2.19.0\n"
        },
        [],
    ),
    (
        "requirements: a constraint is not installed",
        {
            "requirements.txt": f"--index-url {PT}/cu121\n-c constraints.txt\ntorch==2.3.1\n",
            "constraints.txt": "scikit-learn==1.5.0\n",
        },
        [],
    ),
    (
        "requirements: the index of another environment",
        {
            "gpu.txt": f"--index-url {PT}/cu121\ntorch==2.3.1\n",
            "app.txt": "scikit-learn==1.5.0\n",
        },
        [],
    ),
    (
        "Dockerfile: one pip install with --index-url PyTorch",
        {
            "Dockerfile": f"FROM python:3.11\nRUN pip install torch==2.3.1 scikit-learn==1.5.0 "
            f"--index-url {PT}/cu121\n"
        },
        [("Dockerfile", 2, ("scikit-learn",))],
    ),
    (
        "Dockerfile: PyTorch's install line, then a PyPI install",
        {
            "Dockerfile": f"FROM python:3.11\nRUN pip install torch==2.3.1 --index-url {PT}/cu121"
            " && pip install scikit-learn==1.5.0\n"
        },
        [],
    ),
    (
        "Dockerfile: PyTorch's install line, then requirements from PyPI",
        {
            "Dockerfile": f"FROM python:3.11\nRUN pip install torch==2.3.1 --index-url {PT}/cu121"
            "\nRUN pip install -r requirements.txt\n",
            "requirements.txt": "scikit-learn==1.5.0\n",
        },
        [],
    ),
    (
        "Dockerfile: an extra index in the same stage",
        {
            "Dockerfile": f"FROM python:3.11\nRUN pip install torch==2.3.1 scikit-learn==1.5.0 "
            f"--index-url {PT}/cu121 --extra-index-url https://pypi.org/simple\n"
        },
        [],
    ),
    (
        "uv: PyTorch index is the default index",
        {"pyproject.toml": UV_HEAD.replace("DEP", "scikit-learn==1.5.0") + UV_DEFAULT},
        [("pyproject.toml", 7, ("scikit-learn",))],
    ),
    (
        "uv: explicit PyTorch index (the documented setup)",
        {"pyproject.toml": UV_HEAD.replace("DEP", "scikit-learn==1.5.0") + UV_EXPLICIT},
        [],
    ),
    (
        "Poetry: primary PyTorch source",
        {"pyproject.toml": poetry_source("primary")},
        [("pyproject.toml", 11, ("scikit-learn",))],
    ),
    (
        "Poetry: unset priority is primary",
        {"pyproject.toml": poetry_source(None)},
        [("pyproject.toml", 11, ("scikit-learn",))],
    ),
    ("Poetry: explicit PyTorch source", {"pyproject.toml": poetry_source("explicit")}, []),
    ("Poetry: supplemental PyTorch source", {"pyproject.toml": poetry_source("supplemental")}, []),
    (
        "Poetry: PyPI declared as a second primary source",
        {"pyproject.toml": poetry_source("primary", pypi=True)},
        [],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_pytorch_index_replaces_pypi(
    name: str, files: dict[str, str], expected: list[tuple[str, int, tuple[str, ...]]]
) -> None:
    findings = run(RULE, build_snapshot(files))
    assert [(f.file, f.line) for f in findings] == [(p, line) for p, line, _ in expected]
    for found, (_, _, names) in zip(findings, expected, strict=True):
        assert found.severity == "error" and found.category == "missing-pytorch-index"
        assert "No matching distribution found" in found.message
        for package in names:
            assert package in found.message
        assert "pandas" not in found.message and "torch," not in found.message


@pytest.mark.parametrize(
    ("files", "fix"),
    [
        (
            {"requirements.txt": f"--index-url {PT}/cu121\ntorch==2.3.1\nscikit-learn==1.5.0\n"},
            f"--extra-index-url {PT}/cu121\n",
        ),
        (
            {
                "Dockerfile": f"FROM python:3.11\nRUN pip install torch==2.3.1 torchvision==0.18.1 "
                f"scikit-learn==1.5.0 pandas==2.2.2 --index-url {PT}/cu121\n"
            },
            f"RUN pip install torch==2.3.1 torchvision==0.18.1 --index-url {PT}/cu121\n"
            "RUN pip install scikit-learn==1.5.0 pandas==2.2.2",
        ),
        (
            {"pyproject.toml": UV_HEAD.replace("DEP", "scikit-learn==1.5.0") + UV_DEFAULT},
            "explicit = true",
        ),
        ({"pyproject.toml": poetry_source("primary")}, 'priority = "explicit"'),
    ],
)
def test_fix_in_the_file_format(files: dict[str, str], fix: str) -> None:
    (found,) = run(RULE, build_snapshot(files))
    assert found.fix is not None and fix in found.fix


def test_the_list_leaves_out_the_torch_family_and_mirrored_projects() -> None:
    mirrored = {"torch", "torchvision", "numpy", "pandas", "transformers", "scipy", "datasets"}
    assert not NOT_ON_PYTORCH_INDEX & mirrored
