"""nbdev's settings.ini: the requirements and Python its generated setup.py reads.

Real file: MMIV-ML/fastMONAI's settings.ini at 4d9e5e8 (abridged): ``opencv-python==4.8.0``, a
version PyPI never had (4.8.0.74 and 4.8.0.76 were), fixed four minutes later in d4c61e66.
"""

from __future__ import annotations

import pytest

from rules.checks.unpublished import RULES
from rules.manifests.model import FactKind, FileKind, Group, Span
from rules.manifests.nbdev import NbdevSettingsParser
from rules.manifests.registry import kind_for
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

FASTMONAI = """\
[DEFAULT]
# All sections below are required unless otherwise specified
lib_name = fastMONAI
min_python = 3.7
version = 0.3.7
requirements = fastai==2.7.12 monai==1.2.0 opencv-python==4.8.0 huggingface-hub
dev_requirements = ipywidgets nbdev
"""


def test_fastmonai_requirements_go_to_setup_py() -> None:
    manifest = NbdevSettingsParser().parse("settings.ini", FASTMONAI)
    assert manifest.errors == ()
    found = [(r.name, r.specifier, r.environment, r.group) for r in manifest.requirements]
    assert found == [
        ("fastai", "==2.7.12", "setup.py", Group.RUNTIME),
        ("monai", "==1.2.0", "setup.py", Group.RUNTIME),
        ("opencv-python", "==4.8.0", "setup.py", Group.RUNTIME),
        ("huggingface-hub", "", "setup.py", Group.RUNTIME),
        ("ipywidgets", "", "setup.py#dev", Group.OPTIONAL),
        ("nbdev", "", "setup.py#dev", Group.OPTIONAL),
    ]
    assert manifest.requirements[2].location == Span("settings.ini", 6, 44)
    (python,) = [f for f in manifest.facts if f.kind == FactKind.PYTHON]
    assert (python.value, python.environment, python.location.line) == (">=3.7", "setup.py", 4)


@pytest.mark.parametrize(
    ("text", "errors", "names"),
    [
        # `.split()` makes ">=1.20" a word of its own: setuptools stops on it
        ("[DEFAULT]\nlib_name = x\nrequirements = numpy >=1.20\n", [(3, 22)], ["numpy"]),
        # not nbdev's settings.ini (no lib_name): nothing read
        ("[DEFAULT]\nrequirements = numpy\n", [], []),
        ("[app]\nlib_name = x\n", [], []),
        # an inline comment ends the value's words
        ("[DEFAULT]\nlib_name = x\nrequirements = torch # the model\n", [], ["torch"]),
        ("", [], []),
    ],
)
def test_words_and_files_that_are_not_nbdevs(
    text: str, errors: list[tuple[int, int]], names: list[str]
) -> None:
    manifest = NbdevSettingsParser().parse("settings.ini", text)
    assert [(e.line, e.column) for e in manifest.errors] == errors
    assert [r.name for r in manifest.requirements] == names


def test_a_project_in_a_folder_and_the_registry() -> None:
    manifest = NbdevSettingsParser().parse("lib/settings.ini", FASTMONAI)
    assert {r.environment for r in manifest.requirements} == {"lib/setup.py", "lib/setup.py#dev"}
    assert kind_for("settings.ini") == FileKind.NBDEV
    assert kind_for("lib/settings.ini") == FileKind.NBDEV


def test_the_unpublished_pin_is_found() -> None:
    findings = run(RULES[0], build_snapshot({"settings.ini": FASTMONAI, "setup.py": ""}))
    assert [(f.file, f.line, f.package, f.severity.value) for f in findings] == [
        ("settings.ini", 6, "opencv-python", "error")
    ]
