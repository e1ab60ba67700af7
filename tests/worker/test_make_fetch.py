"""The worker reads the Makefiles that `make <target>` steps name, and what their targets
install (in the fake GitHub: no network)."""

from __future__ import annotations

from tests.fakes.github import FakeGitHub
from worker.review.inputs import read_side

SHA = "a" * 40
WORKFLOW = """\
jobs:
  build:
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: make -C backend deps
"""


def test_a_named_makefile_and_its_installs_are_fetched() -> None:
    fake = FakeGitHub()
    fake.commit(
        SHA,
        {
            ".github/workflows/ci.yml": WORKFLOW,
            "backend/Makefile": "deps:\n\tpip install -r ci/deps.txt\n",
            "backend/ci/deps.txt": "numpy==2.0.0\n",  # no requirements name
            "backend/src/app.py": "print('not read')\n",
        },
    )
    files = read_side(fake, SHA, "head").tree.files
    assert set(files) == {".github/workflows/ci.yml", "backend/Makefile", "backend/ci/deps.txt"}


def test_the_root_makefile_is_read_by_name() -> None:
    fake = FakeGitHub()
    fake.commit(SHA, {"Makefile": "setup:\n\tpip install -r dev-requirements.in\n", "x.py": ""})
    assert set(read_side(fake, SHA, "head").tree.files) == {"Makefile"}
