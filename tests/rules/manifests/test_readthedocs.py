"""Read the Docs configurations: the docs build's Python for the files it installs.

dataverselabs/pyinterpolate: readthedocs.yml (version 1: ``python: version: 3.7``,
``requirements_file: docs/requirements.txt``) installed the docs/requirements.txt where
Dependabot put ``numpy==1.22.0`` (Requires-Python >=3.8; PR #223).
"""

from __future__ import annotations

import pytest

from rules.manifests.model import FileKind
from rules.manifests.readthedocs import ReadTheDocsParser
from rules.manifests.registry import kind_for
from rules.review import review_trees

_V1 = "python:\n  version: 3.7\nrequirements_file: docs/requirements.txt\n"
_V2 = """version: 2
build:
  os: ubuntu-22.04
  tools:
    python: "3.11"
python:
  install:
    - requirements: docs/requirements.txt
    - method: pip
      path: .
      extra_requirements:
        - docs
"""


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (_V1, [("3.7", "docs/requirements.txt", 2)]),
        (
            _V2,
            [
                ("3.11", "docs/requirements.txt", 5),
                ("3.11", "pyproject.toml", 5),
                ("3.11", "pyproject.toml#docs", 5),
            ],
        ),
        # the older v2 key
        (
            "version: 2\npython:\n  version: 3.8\n  install:\n    - requirements: r.txt\n",
            [("3.8", "r.txt", 3)],
        ),
        # a conda installer is no Python: nothing to pair
        (
            "version: 2\nbuild:\n  tools:\n    python: miniconda3-4.7\nconda:\n"
            "  environment: docs/environment.yml\n",
            [],
        ),
        # v1's pip_install of the project with its extras
        (
            "python:\n  version: 3.9\n  pip_install: true\n  extra_requirements: [docs]\n",
            [
                ("3.9", "pyproject.toml", 2),
                ("3.9", "pyproject.toml#docs", 2),
            ],
        ),
        ("python: [unclosed\n", []),  # invalid YAML: nothing, no exception
        ("", []),
    ],
)
def test_readthedocs(text: str, facts: list[tuple[str, str, int]]) -> None:
    manifest = ReadTheDocsParser().parse(".readthedocs.yaml", text)
    assert manifest.kind == FileKind.READTHEDOCS
    assert [(f.value, f.environment, f.location.line) for f in manifest.facts] == facts


def test_paths() -> None:
    for path in (".readthedocs.yaml", ".readthedocs.yml", "readthedocs.yml", "readthedocs.yaml"):
        assert kind_for(path) == FileKind.READTHEDOCS
    assert kind_for("docs/.readthedocs.yaml") is None


def test_the_docs_python_judges_the_file_it_installs() -> None:
    """pyinterpolate's bump, end to end: an error at the docs requirements line."""
    base = {"readthedocs.yml": _V1, "docs/requirements.txt": "numpy==1.21.5\n"}
    head = {"readthedocs.yml": _V1, "docs/requirements.txt": "numpy==1.22.0\n"}
    new = [f for f in review_trees(base, head).findings if f.new]
    assert [(f.rule, f.severity.value, f.file, f.line) for f in new] == [
        ("python-version-incompatible", "error", "docs/requirements.txt", 1)
    ]
    assert "readthedocs.yml:2 runs Python 3.7" in new[0].message
