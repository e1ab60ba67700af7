"""`make <target>` in a workflow or Dockerfile installs what the Makefile's target installs.

The shape is flyteorg/flytekit's (`.github/workflows/pythonbuild.yml` runs `make setup`; the
Makefile's `setup:` runs `pip install -r dev-requirements.in`): the job's setup-python matrix
must become Python evidence for dev-requirements.in, as a direct `pip install -r` would.
"""

from __future__ import annotations

import pytest

from rules.checks.support.evidence import python_decls
from rules.manifests.makefile import resolve_reference
from rules.manifests.model import FactKind, Snapshot
from rules.manifests.registry import is_dependency_file, kind_for
from rules.manifests.snapshot import build_snapshot

WORKFLOW = ".github/workflows/ci.yml"
REQS = "tensorflow==2.13.0\n"
SETUP = "setup: install-piptools\n\tpip install -r dev-requirements.in\n\ninstall-piptools:\n\tpython -m pip install -U pip-tools\n"  # noqa: E501


def _workflow(run: str, extra: str = "") -> str:
    return (
        "jobs:\n  build:\n    strategy:\n      matrix:\n"
        '        python-version: ["3.11", "3.12"]\n    steps:\n'
        "      - uses: actions/setup-python@v5\n        with:\n"
        "          python-version: ${{ matrix.python-version }}\n"
        f"      - run: {run}\n{extra}"
    )


def _pythons(snapshot: Snapshot, env: str) -> list[tuple[str, str, str | None]]:
    return sorted((d.value, d.how, d.file) for d in python_decls(snapshot, env))


def _facts(snapshot: Snapshot) -> list[tuple[str, str]]:
    return sorted((f.value, f.environment) for f in snapshot.facts(FactKind.PYTHON))


def _no_references(snapshot: Snapshot) -> bool:
    manifests = snapshot.files.values()
    return not any(
        resolve_reference(t) is not None
        for m in manifests
        for t in [*m.include_paths, *(p for s in m.stages for p in s.installs)]
    ) and not any(resolve_reference(f.environment) for f in snapshot.facts(FactKind.PYTHON))


@pytest.mark.parametrize(
    ("files", "env", "expected"),
    [
        # the flytekit shape: `make setup && pip freeze`
        (
            {WORKFLOW: _workflow("make setup && pip freeze"), "Makefile": SETUP},
            "dev-requirements.in",
            [("3.11", "dev-requirements.in"), ("3.12", "dev-requirements.in")],
        ),
        # `make` alone runs the default goal (the first target)
        (
            {WORKFLOW: _workflow("make"), "makefile": SETUP},
            "dev-requirements.in",
            [("3.11", "dev-requirements.in"), ("3.12", "dev-requirements.in")],
        ),
        # `make -C backend deps` reads backend/Makefile; its paths are backend's
        (
            {
                WORKFLOW: _workflow("make -C backend deps"),
                "backend/Makefile": "deps:\n\tpip install -r requirements.txt\n",
            },
            "backend/requirements.txt",
            [("3.11", "backend/requirements.txt"), ("3.12", "backend/requirements.txt")],
        ),
        # working-directory, and a Makefile whose recipe installs the project
        (
            {
                WORKFLOW: _workflow("make install", "        working-directory: svc\n"),
                "svc/GNUmakefile": "install:\n\tpip install -e .\n",
            },
            "svc/pyproject.toml",
            [("3.11", "svc/pyproject.toml"), ("3.12", "svc/pyproject.toml")],
        ),
        # the Makefile is absent: the job installs nothing nameable (as before)
        ({WORKFLOW: _workflow("make setup")}, "dev-requirements.in", [("3.11", ""), ("3.12", "")]),
        # the target installs nothing, the job installs a named file too: that file only
        (
            {
                WORKFLOW: _workflow("make lint && pip install -r requirements.txt"),
                "Makefile": "lint:\n\truff check .\n",
            },
            "requirements.txt",
            [("3.11", "requirements.txt"), ("3.12", "requirements.txt")],
        ),
    ],
)
def test_workflow_make_links_the_matrix(
    files: dict[str, str], env: str, expected: list[tuple[str, str]]
) -> None:
    snapshot = build_snapshot({**files, "dev-requirements.in": REQS})
    assert _facts(snapshot) == expected
    assert _no_references(snapshot)


def test_make_setup_is_as_good_as_a_direct_install() -> None:
    via_make = build_snapshot(
        {WORKFLOW: _workflow("make setup"), "Makefile": SETUP, "dev-requirements.in": REQS}
    )
    direct = build_snapshot(
        {WORKFLOW: _workflow("pip install -r dev-requirements.in"), "dev-requirements.in": REQS}
    )
    expected = [("3.11", "workflow", WORKFLOW), ("3.12", "workflow", WORKFLOW)]
    assert _pythons(via_make, "dev-requirements.in") == expected
    assert _pythons(direct, "dev-requirements.in") == expected
    assert via_make.files[WORKFLOW].include_paths == direct.files[WORKFLOW].include_paths


def test_a_file_only_the_makefile_names_is_read() -> None:
    snapshot = build_snapshot(
        {
            WORKFLOW: _workflow("make deps"),
            "Makefile": "deps:\n\tpip install -r ci/deps.txt\n",
            "ci/deps.txt": "numpy==2.0.0\n",
        }
    )
    assert "ci/deps.txt" in snapshot.files  # no requirements name: followed from the Makefile
    assert [r.name for r in snapshot.files["ci/deps.txt"].requirements] == ["numpy"]
    assert _pythons(snapshot, "ci/deps.txt")[0][:2] == ("3.11", "workflow")


def test_an_absent_makefile_is_asked_for() -> None:
    snapshot = build_snapshot({WORKFLOW: _workflow("make -C tools setup")})
    assert set(snapshot.files[WORKFLOW].include_paths) == {
        "tools/GNUmakefile",
        "tools/makefile",
        "tools/Makefile",
    }
    assert "tools/Makefile" not in snapshot.files  # no manifest of its own
    # a root Makefile is selected by name: when absent there is nothing more to fetch
    assert build_snapshot({WORKFLOW: _workflow("make setup")}).files[WORKFLOW].include_paths == ()


DOCKERFILE = """\
FROM python:3.12-slim
WORKDIR /app
{copy}
RUN make setup
"""


@pytest.mark.parametrize(
    ("copy", "installs", "pythons"),
    [
        ("COPY . /app", ("dev-requirements.in",), [("3.12", "image", "Dockerfile")]),
        (
            "COPY Makefile dev-requirements.in ./",
            ("dev-requirements.in",),
            [("3.12", "image", "Dockerfile")],
        ),
        # the Makefile is not in the image: the stage installs nothing nameable (its Python
        # still goes to top-level files, as before)
        ("COPY dev-requirements.in ./", (), [("3.12", "image", "Dockerfile")]),
    ],
)
def test_dockerfile_make_links_the_stage(
    copy: str, installs: tuple[str, ...], pythons: list[tuple[str, str, str]]
) -> None:
    snapshot = build_snapshot(
        {
            "Dockerfile": DOCKERFILE.format(copy=copy),
            "Makefile": SETUP,
            "dev-requirements.in": REQS,
        }
    )
    (stage,) = snapshot.files["Dockerfile"].stages
    assert stage.installs == installs
    assert _pythons(snapshot, "dev-requirements.in") == pythons
    assert _no_references(snapshot)


@pytest.mark.parametrize(
    ("path", "selected"),
    [
        ("Makefile", True),
        ("makefile", True),
        ("GNUmakefile", True),
        ("docs/Makefile", False),  # fetched only when a `make -C docs` names it
        ("Makefile.am", False),
    ],
)
def test_root_makefile_is_fetched_but_not_parsed(path: str, selected: bool) -> None:
    assert is_dependency_file(path) is selected
    assert kind_for(path) is None


@pytest.mark.parametrize(
    ("run", "environment"),
    [
        ("uv pip install -r requirements.txt", "requirements.txt"),  # not read as `uv sync`
        ("uv sync --frozen", "pyproject.toml"),
        ("uv pip install -e .", "pyproject.toml"),
    ],
)
def test_uv_pip_installs_are_read_as_pip(run: str, environment: str) -> None:
    snapshot = build_snapshot({WORKFLOW: _workflow(run), "requirements.txt": REQS})
    assert {e for _, e in _facts(snapshot)} == {environment}
