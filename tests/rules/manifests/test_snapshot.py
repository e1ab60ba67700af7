"""Tests for build_snapshot: selection, includes, cycles, environments, limits."""

from __future__ import annotations

import pytest

from rules.checks.support.environments import environments
from rules.findings import Severity
from rules.manifests import snapshot as snapshot_module
from rules.manifests.model import FileKind, Group
from rules.manifests.snapshot import build_snapshot, environment_requirements, missing_includes

LAYERED = {
    "requirements/base.txt": "torch==2.1.0\nnumpy<2\n",
    "requirements/dev.txt": "-r base.txt\n-c ../constraints/pins.txt\npytest\n",
    "requirements/prod.txt": "-r base.txt\ngunicorn\n",
    "constraints/pins.txt": "numpy==1.26.4\n-r more.in\n",
    "constraints/more.in": "scipy<1.12\n",
    "README.md": "# project\n",
}


def test_includes_share_the_root_environment() -> None:
    snapshot = build_snapshot(LAYERED, ref="abc123")
    assert snapshot.ref == "abc123"
    assert sorted(snapshot.files) == [
        "constraints/more.in",
        "constraints/pins.txt",
        "requirements/base.txt",
        "requirements/dev.txt",
        "requirements/prod.txt",
    ]
    base = snapshot.files["requirements/base.txt"]
    assert {r.environment for r in base.requirements} == {"requirements/dev.txt"}
    assert [v for k, v in base.metadata if k == "root"] == [
        "requirements/dev.txt",
        "requirements/prod.txt",
    ]
    for path in ("constraints/pins.txt", "constraints/more.in"):
        reqs = snapshot.files[path].requirements
        assert all(r.is_constraint and r.group == Group.CONSTRAINT for r in reqs)
        assert {r.environment for r in reqs} == {"requirements/dev.txt"}
    assert list(snapshot.parse_errors()) == []


def test_environment_requirements() -> None:
    envs = environment_requirements(build_snapshot(LAYERED))
    assert {env: sorted(r.name for r in reqs) for env, reqs in envs.items()} == {
        "requirements/dev.txt": ["numpy", "numpy", "pytest", "scipy", "torch"],
        "requirements/prod.txt": ["gunicorn", "numpy", "torch"],
    }


def test_missing_include_is_a_warning_at_the_include_line() -> None:
    snapshot = build_snapshot({"requirements.txt": "numpy\n-r requirements/gpu.txt\n"})
    assert missing_includes(snapshot) == {"requirements/gpu.txt"}
    assert [(e.file, e.line, e.column, e.severity) for e in snapshot.errors] == [
        ("requirements.txt", 2, 1, Severity.WARNING)
    ]
    assert "requirements/gpu.txt" in snapshot.errors[0].message


def test_includes_outside_the_repository_are_not_fetchable() -> None:
    snapshot = build_snapshot({"requirements.txt": "-r ../../etc/passwd\n-r /abs.txt\n"})
    assert missing_includes(snapshot) == set()
    assert len(snapshot.errors) == 2


@pytest.mark.parametrize(
    ("files", "cycle_at"),
    [
        ({"requirements.txt": "numpy\n-r requirements.txt\n"}, [("requirements.txt", 2)]),
        (
            {
                "requirements-a.txt": "-r requirements-b.txt\n",
                "requirements-b.txt": "x\n-r requirements-a.txt\n",
            },
            [("requirements-b.txt", 2)],
        ),
        (
            {"requirements.txt": "-r a.in\n", "a.in": "-r b.in\n", "b.in": "y\n-r a.in\n"},
            [("b.in", 2)],
        ),
    ],
)
def test_include_cycles_are_reported_and_terminate(
    files: dict[str, str], cycle_at: list[tuple[str, int]]
) -> None:
    snapshot = build_snapshot(files)
    cycles = [(e.file, e.line) for e in snapshot.errors if "cycle" in e.message]
    assert cycles == cycle_at
    assert all(e.category == "parse-error" for e in snapshot.errors)


def test_included_files_are_read_whatever_their_name() -> None:
    snapshot = build_snapshot(
        {
            "requirements.txt": "-r deps/common.list\n",
            "deps/common.list": "torch==2.2.0\n",
        }
    )
    common = snapshot.files["deps/common.list"]
    assert common.kind == FileKind.REQUIREMENTS
    assert [(r.name, r.environment) for r in common.requirements] == [("torch", "requirements.txt")]


def test_conda_pip_includes_are_followed() -> None:
    snapshot = build_snapshot(
        {
            "environment.yml": "dependencies:\n  - pip:\n    - -r requirements-pip.txt\n",
            "requirements-pip.txt": "transformers==4.40.0\n",
        }
    )
    reqs = snapshot.files["requirements-pip.txt"].requirements
    assert [(r.name, r.environment) for r in reqs] == [("transformers", "environment.yml")]


def test_decoding_problems_become_file_errors() -> None:
    snapshot = build_snapshot(
        {
            "requirements.txt": b"\xef\xbb\xbfnumpy\r\ntorch==2.1.0\r\n",
            "requirements-bin.txt": b"\x00\x01\x02",
            "requirements-latin1.txt": b"caf\xe9\n",
        }
    )
    assert [r.name for r in snapshot.files["requirements.txt"].requirements] == [
        "numpy",
        "torch",
    ]
    assert snapshot.files["requirements.txt"].errors == ()
    assert "binary" in snapshot.files["requirements-bin.txt"].errors[0].message
    latin = snapshot.files["requirements-latin1.txt"].errors
    assert latin[0].severity == Severity.WARNING


def test_config_text_is_kept() -> None:
    snapshot = build_snapshot({".github/depreview.yml": "version: 1\n"})
    config = snapshot.files[".github/depreview.yml"]
    assert config.kind == FileKind.CONFIG
    assert dict(config.metadata)["text"] == "version: 1\n"


def test_file_count_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot_module, "MAX_FILES", 3)
    files = {f"requirements-{i}.txt": "numpy\n" for i in range(5)}
    snapshot = build_snapshot(files)
    assert len(snapshot.files) == 3
    assert len(snapshot.errors) == 1
    assert "2 files not read" in snapshot.errors[0].message


def test_byte_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(snapshot_module, "MAX_TOTAL_BYTES", 10)
    snapshot = build_snapshot({"requirements.txt": "numpy\n", "requirements-2.txt": "scipy\n"})
    assert list(snapshot.files) == ["requirements-2.txt"]  # paths are read in sorted order
    assert "1 files not read" in snapshot.errors[0].message


def test_empty_snapshot() -> None:
    snapshot = build_snapshot({})
    assert dict(snapshot.files) == {}
    assert snapshot.errors == ()


def test_a_failing_second_dockerfile_read_is_a_located_error_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """link_config_files parses a Dockerfile again with its build args; a bug there must not
    stop the review (as the first parse's may not)."""
    import rules.manifests.snapshot as snapshot_module

    def broken(*_args: object) -> object:
        raise ValueError("boom")

    monkeypatch.setattr(snapshot_module, "link_config_files", broken)
    snapshot = build_snapshot({"Dockerfile": "FROM python:3.12\nRUN pip install torch\n"})
    errors = snapshot.files["Dockerfile"].errors
    assert [(e.line, e.column) for e in errors] == [(1, 1)]
    assert "internal parser error" in errors[0].message


_JOB_36 = (
    "jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
    "      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.6'\n"
    "      - run: pip install -r requirements.txt\n"
)


@pytest.mark.parametrize("runner", [".github/workflows/ci.yml", "Dockerfile"])
def test_a_file_a_runner_installs_as_is_stays_its_own_environment_when_included(
    runner: str,
) -> None:
    """blue-yonder/tsfresh 00ed316: the Python 3.6 job installs requirements.txt, which
    rdocs-requirements.txt includes; the job's Python is requirements.txt's, and the includer
    still holds its lines (installed together)."""
    text = (
        _JOB_36
        if runner.endswith(".yml")
        else ("FROM python:3.6\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n")
    )
    snap = build_snapshot(
        {
            "requirements.txt": "statsmodels>=0.13\n",
            "rdocs-requirements.txt": "Sphinx==1.6.4\n-r requirements.txt\n",
            runner: text,
        }
    )
    (req,) = snap.files["requirements.txt"].requirements
    assert req.environment == "requirements.txt"
    grouped = environments(snap)
    assert [r.name for r in grouped["requirements.txt"]] == ["statsmodels"]
    assert sorted(r.name for r in grouped["rdocs-requirements.txt"]) == ["sphinx", "statsmodels"]
    assert sorted(r.name for r in environment_requirements(snap)["rdocs-requirements.txt"]) == [
        "sphinx",
        "statsmodels",
    ]


def test_an_included_file_no_runner_installs_takes_its_includer_s_environment() -> None:
    snap = build_snapshot(
        {"requirements.txt": "numpy\n", "requirements-dev.txt": "-r requirements.txt\npytest\n"}
    )
    (req,) = snap.files["requirements.txt"].requirements
    assert req.environment == "requirements-dev.txt"
