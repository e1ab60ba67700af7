"""CircleCI configurations: each job's Python for the files its steps install."""

from __future__ import annotations

import pytest

from rules.manifests.circleci import CircleciParser
from rules.manifests.model import FileKind
from rules.manifests.registry import is_dependency_file, kind_for, parser_for
from rules.manifests.workflow import INSTALLED_TOGETHER
from rules.review import review_trees

# icometrix/dicom2nifti's .circleci/config.yml at 5af1a0fe (the commit of #154 that raised
# requirements.txt to pydicom >= 3.0.0 while the job still ran cimg/python:3.8); its trailing
# blank lines left out
DICOM2NIFTI = """\
# Python CircleCI 2.0 configuration file
#
# Check https://circleci.com/docs/2.0/language-python/ for more details
#
version: 2
jobs:
  build:
    docker:
      # specify the version you desire here
      # use `-browsers` prefix for selenium tests, e.g. `3.6.1-browsers`
      - image: cimg/python:3.8

      # Specify service dependencies here if necessary
      # CircleCI maintains a library of pre-built images
      # documented at https://circleci.com/docs/2.0/circleci-images/
      # - image: circleci/postgres:9.4

    working_directory: ~/repo

    steps:
      - checkout

      # Download and cache dependencies
      - restore_cache:
          keys:
          - v2-dependencies-{{ checksum "requirements.txt" }}
          # fallback to using the latest cache if no exact match is found
          - v2-dependencies-

      - run:
          name: install dependencies
          command: |
            python3 -m venv venv
            . venv/bin/activate
            pip install -r requirements.txt
            pip install pytest
            sudo apt update
            sudo apt install -y libgdcm-tools

      - save_cache:
          paths:
            - ./venv
          key: v2-dependencies-{{ checksum "requirements.txt" }}

      # run tests!
      # this example uses Django's built-in test-runner
      # other common Python testing frameworks include pytest and nose
      # https://pytest.org
      # https://nose.readthedocs.io
      - run:
          name: Run tests
          command: |
            . venv/bin/activate
            export PYTHONPATH=$PWD/dicom2nifti
            mkdir -p ./test-results/junit
            pytest --verbose --junitxml ./test_reports/junit/dicom2nifti_junit.xml ./tests

      - store_test_results:
          path: test_reports

      - store_artifacts:
          path: test_reports
"""
PATH = ".circleci/config.yml"


def _job(image: str, steps: str = "      - run: pip install -r requirements.txt\n") -> str:
    return f"version: 2.1\njobs:\n  test:\n    docker:\n      - image: {image}\n    steps:\n{steps}"


MATRIX = """\
version: 2.1
parameters:
  default-python:
    type: string
    default: "3.12"
jobs:
  test:
    parameters:
      python-version:
        type: string
        default: "3.7"
    docker:
      - image: cimg/python:<< parameters.python-version >>
    steps:
      - checkout
      - run:
          name: install
          command: pip install -r requirements-test.txt
  newest:
    docker:
      - image: cimg/python:<< pipeline.parameters.default-python >>
    steps:
      - run: pip install -e .
  unused:
    docker:
      - image: cimg/python:3.6
    steps:
      - run: pip install -r requirements-old.txt
workflows:
  ci:
    jobs:
      - test:
          name: test-<< matrix.python-version >>
          matrix:
            parameters:
              python-version: ["3.8", "3.9"]
      - test:
          python-version: "3.10"
      - newest
"""

ORB = """\
version: 2.1
orbs:
  python: circleci/python@2.1.1
executors:
  py:
    parameters:
      version:
        type: string
        default: "3.9"
    docker:
      - image: cimg/python:<< parameters.version >>
defaults: &defaults
  executor: py
  working_directory: ~/repo
jobs:
  pip:
    executor:
      name: python/default
      tag: "3.11"
    steps:
      - checkout
      - python/install-packages:
          pkg-manager: pip
          pip-dependency-file: requirements/test.txt
      - python/install-packages:
          pkg-manager: pipenv
  poetry:
    <<: *defaults
    steps:
      - checkout
      - python/install-packages:
          pkg-manager: poetry
      - run:
          working_directory: ~/repo/docs
          command: pip install -r requirements.txt
      - run: |
          cd tools
          pip install -r dev.txt
          cd $HOME
          pip install -r elsewhere.txt
  no-tag:
    executor: python/default
    steps:
      - run: pip install -r requirements-notag.txt
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (DICOM2NIFTI, {("3.8", "requirements.txt")}),
        (_job("cimg/python:3.9.13"), {("3.9", "requirements.txt")}),
        (_job("cimg/python:3.8-node"), {("3.8", "requirements.txt")}),
        (_job("circleci/python:3.7-stretch"), {("3.7", "requirements.txt")}),
        (_job("circleci/python:3.8"), {("3.8", "requirements.txt")}),
        (_job("python:3.10"), {("3.10", "requirements.txt")}),
        (_job("python:3.8-slim"), {("3.8", "requirements.txt")}),
        # a non-Python primary image: the job runs no Python the parser knows, records nothing
        (_job("cimg/base:stable-20.04"), set()),
        (_job("ubuntu:22.04"), set()),
        (_job("cimg/python:3"), set()),
        # an unresolvable parameter
        (_job("cimg/python:<< parameters.nope >>"), set()),
        # `run:` as a mapping with `command:` and `working_directory:`
        (
            _job(
                "cimg/python:3.11",
                "      - run:\n          name: deps\n          command: |\n"
                "            pip install -r requirements.txt -r dev-requirements.txt\n"
                "          working_directory: python\n",
            ),
            {("3.11", "python/requirements.txt"), ("3.11", "python/dev-requirements.txt")},
        ),
        (
            MATRIX,
            {
                ("3.8", "requirements-test.txt"),
                ("3.9", "requirements-test.txt"),
                ("3.10", "requirements-test.txt"),
                ("3.12", "pyproject.toml"),
            },
        ),
        (
            ORB,
            {
                ("3.11", "requirements/test.txt"),
                ("3.9", "pyproject.toml"),
                ("3.9", "docs/requirements.txt"),
                ("3.9", "tools/dev.txt"),
            },
        ),
        # the job's default (no workflow invokes it with another value)
        (
            MATRIX.split("  newest:")[0].replace("cimg/python:", "python:"),
            {("3.7", "requirements-test.txt")},
        ),
        ("version: 2.1\njobs: [", set()),
        ("- not a mapping\n", set()),
        ("", set()),
    ],
)
def test_each_job_s_python_goes_to_the_files_it_installs(
    text: str, expected: set[tuple[str, str]]
) -> None:
    manifest = CircleciParser().parse(PATH, text)
    assert manifest.kind == FileKind.CIRCLECI
    assert {(f.value, f.environment) for f in manifest.facts} == expected


def test_the_python_is_located_at_the_image_or_the_value_that_decides_it() -> None:
    manifest = CircleciParser().parse(PATH, DICOM2NIFTI)
    (fact,) = manifest.facts
    assert (fact.location.line, fact.location.column, fact.detail) == (
        11,
        16,
        "image cimg/python:3.8 (CircleCI job build)",
    )
    assert manifest.include_paths == ("requirements.txt",)
    assert manifest.metadata == ((INSTALLED_TOGETHER, f"{PATH}#build\nrequirements.txt"),)
    lines = {f.value: f.location.line for f in CircleciParser().parse(PATH, MATRIX).facts}
    assert lines == {"3.8": 36, "3.9": 36, "3.10": 38, "3.12": 5}


def test_merge_keys_and_a_job_no_workflow_runs() -> None:
    text = (
        "defaults: &defaults\n  docker:\n    - image: cimg/python:3.9\n"
        "jobs:\n  a:\n    <<: *defaults\n    steps:\n      - run: pip install -r a.txt\n"
        "  b:\n    <<: *defaults\n    steps:\n      - run: pip install -r b.txt\n"
        "workflows:\n  w:\n    jobs: [a]\n"
    )
    manifest = CircleciParser().parse(PATH, text)
    assert {(f.value, f.environment) for f in manifest.facts} == {("3.9", "a.txt")}


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (".circleci/config.yml", FileKind.CIRCLECI),
        (".circleci/config.yaml", FileKind.CIRCLECI),
        ("sub/.circleci/config.yml", None),
        (".circleci/other.yml", None),
    ],
)
def test_only_the_root_file_is_circleci(path: str, kind: FileKind | None) -> None:
    assert kind_for(path) == kind
    assert is_dependency_file(path) == (kind is not None)
    if kind is not None:
        assert isinstance(parser_for(kind), CircleciParser)


def test_a_requirement_the_job_s_python_cannot_install_is_an_error() -> None:
    # icometrix/dicom2nifti #154: pydicom >= 3.0.0 (Requires-Python >=3.10) in requirements.txt,
    # which the CircleCI job installs on cimg/python:3.8
    base = {PATH: DICOM2NIFTI, "requirements.txt": "pydicom >= 2.2.0\n"}
    head = {PATH: DICOM2NIFTI, "requirements.txt": "pydicom >= 3.0.0\n"}
    found = [
        (f.file, f.package, f.severity.value, f.new)
        for f in review_trees(base, head).findings
        if f.rule == "python-version-incompatible"
    ]
    assert found == [("requirements.txt", "pydicom", "error", True)], found
    newer = {**head, PATH: DICOM2NIFTI.replace("cimg/python:3.8", "cimg/python:3.11")}
    assert not [
        f for f in review_trees(base, newer).findings if f.rule == "python-version-incompatible"
    ]
