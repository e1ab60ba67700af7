"""Travis CI configurations: each job's Python for the files its install phases install."""

from __future__ import annotations

import pytest

from rules.manifests.model import FileKind
from rules.manifests.registry import kind_for
from rules.manifests.travis import TravisParser

# jantic/DeOldify's .travis.yml (the shape; Pythons and commands as in the repository at ae32676)
DEOLDIFY = """\
language: python
python:
  - "3.6"
install:
  - pip install -r requirements.txt
script:
  - pytest
"""
MATRIX = """\
language: python
python: [3.7, "3.10", pypy3]
before_install:
  - python -m pip install --upgrade pip
install: pip install -e .[test] && pip install -r requirements-ci.txt
jobs:
  include:
    - python: 3.6
      install: pip install -r requirements-old.txt
    - python: 3.11
  allow_failures:
    - python: 3.11
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (DEOLDIFY, {("3.6", "requirements.txt")}),
        (
            MATRIX,
            {
                ("3.7", "pyproject.toml"),
                ("3.10", "pyproject.toml"),
                ("3.7", "pyproject.toml#test"),
                ("3.10", "pyproject.toml#test"),
                ("3.7", "requirements-ci.txt"),
                ("3.10", "requirements-ci.txt"),
                ("3.6", "requirements-old.txt"),
            },
        ),
        # another language: its python key means nothing
        (DEOLDIFY.replace("language: python", "language: generic"), set()),
        ("language: python\ninstall: [", set()),
        ("- not a mapping\n", set()),
    ],
)
def test_each_job_s_python_goes_to_the_files_it_installs(
    text: str, expected: set[tuple[str, str]]
) -> None:
    manifest = TravisParser().parse(".travis.yml", text)
    assert manifest.kind == FileKind.TRAVIS
    assert {(f.value, f.environment) for f in manifest.facts} == expected


def test_the_python_is_located_at_its_value() -> None:
    (fact,) = TravisParser().parse(".travis.yml", DEOLDIFY).facts
    assert (fact.location.line, fact.location.column, fact.detail) == (
        3,
        5,
        "python 3.6 (Travis CI)",
    )
    assert TravisParser().parse(".travis.yml", DEOLDIFY).include_paths == ("requirements.txt",)


@pytest.mark.parametrize(
    ("path", "kind"),
    [(".travis.yml", FileKind.TRAVIS), (".travis.yaml", FileKind.TRAVIS), ("ci/.travis.yml", None)],
)
def test_only_the_root_file_is_travis(path: str, kind: FileKind | None) -> None:
    assert kind_for(path) == kind
