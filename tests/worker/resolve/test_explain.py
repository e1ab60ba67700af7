"""The conflict message names the requirement uv could not find, markers left out.

uv 0.13.9 text recorded with `uv pip compile` of `torch==1.8.0+cu101; sys_platform == 'linux'`
against the default index (seen on the real-world case pytorch__serve__find-links-commented
with `--resolve`, where the message read "`torch{sys_platform` cannot be installed").
"""

from __future__ import annotations

import pytest

from rules.manifests.model import Requirement, Span
from worker.resolve.explain import failure_findings
from worker.resolve.model import ResolveTarget

MARKER = (
    "error: No solution found when resolving dependencies\n"
    "  cause: Because there is no version of torch{sys_platform == 'linux'}==1.8.0+cu101 and "
    "you require torch{sys_platform == 'linux'}==1.8.0+cu101, we can conclude that your "
    "requirements are unsatisfiable."
)
PLAIN = MARKER.replace("{sys_platform == 'linux'}", "")


@pytest.mark.parametrize("stderr", [MARKER, PLAIN])
def test_the_missing_version_is_named_without_its_marker(stderr: str) -> None:
    req = Requirement(
        name="torch",
        specifier="==1.8.0+cu101",
        raw="torch==1.8.0+cu101; sys_platform == 'linux'",
        location=Span("requirements.txt", 1),
    )
    (finding,) = failure_findings(
        stderr,
        [req],
        environment="requirements.txt",
        target=ResolveTarget("3.8.20", "x86_64-unknown-linux-gnu"),
    )
    assert "`torch==1.8.0+cu101` (requirements.txt:1)" in finding.message
    assert "No declared index serves `+cu101` builds" in finding.message
    assert "{" not in finding.message


#: uv 0.13.9's words for `uv pip compile` of `pycaret[analysis]==3.3.1` for Python 3.11 with
#: --no-build (crate-workbench/mlflow-cratedb 96d06ed, a Dependabot bump of pycaret).
PYCARET = (
    "error: No solution found when resolving dependencies\n"
    "  cause: Because pyyaml==5.4.1 has no usable wheels and pycaret[analysis]==3.3.1 depends "
    "on pyyaml==5.4.1, we can conclude that pycaret[analysis]==3.3.1 cannot be used.\n"
    "         And because you require pycaret[analysis]==3.3.1, we can conclude that your "
    "requirements are unsatisfiable.\n\n"
    "hint: Wheels are required for `pyyaml` because building from source is disabled for all "
    "packages (i.e., with `--no-build`)\n"
)


@pytest.mark.parametrize(
    ("stderr", "python", "assumed", "expected"),
    [
        # PyYAML 5.4.1's sdist needs Cython<3 (rules.kb.sdist_builds): on an evidenced Python
        # with no wheel the install fails
        (PYCARET, "3.11.9", False, ("resolution-conflict", "error", "pyproject.toml", 12)),
        # an assumed Python never makes an error
        (PYCARET, "3.11.9", True, ("resolution-sdist-only", "notice", "pyproject.toml", 12)),
        # a release the KB records no build failure for stays a notice
        (
            PYCARET.replace("5.4.1", "5.3.1"),
            "3.11.9",
            False,
            ("resolution-sdist-only", "notice", "pyproject.toml", 12),
        ),
    ],
)
def test_an_sdist_recorded_not_to_build_is_an_error_on_an_evidenced_python(
    stderr: str, python: str, assumed: bool, expected: tuple[str, str, str, int]
) -> None:
    req = Requirement(
        name="pycaret",
        specifier="==3.3.1",
        raw='"pycaret[analysis]==3.3.1"',
        location=Span("pyproject.toml", 12),
    )
    target = ResolveTarget(
        python, "x86_64-unknown-linux-gnu", assumed=assumed, evidence="matrix.python-version"
    )
    (finding,) = failure_findings(stderr, [req], environment="pyproject.toml", target=target)
    assert (finding.rule, finding.severity.value, finding.file, finding.line) == expected
    if finding.severity.value == "error":
        assert finding.category == "python-version-incompatible"
        assert "cython_sources" in finding.message and "pycaret==3.3.1" in finding.message
        assert finding.fix == "pyyaml>=6.0.1"  # the first release that builds


#: `uv lock` of fieldsoftheworld/ftw-baselines 2f993ef (requires-python >=3.12) on a worker
#: whose PATH holds a pyenv shim for a python3.12 it does not have (the path made neutral)
NO_INTERPRETER = (
    "error: Failed to inspect Python interpreter from search path at `/opt/shims/python3.12`\n"
    "  Caused by: Querying Python at `/opt/shims/python3.12` failed with exit status "
    "exit status: 127\n\n[stderr]\npyenv: python3.12: command not found\n"
)


@pytest.mark.parametrize(
    "stderr",
    [
        NO_INTERPRETER,
        "error: No interpreter found for Python >=3.12 in managed installations or search path",
    ],
)
def test_no_python_interpreter_leaves_the_resolution_incomplete(stderr: str) -> None:
    (finding,) = failure_findings(
        stderr,
        [],
        environment="pyproject.toml#dev",
        target=ResolveTarget("3.12.12", "x86_64-unknown-linux-gnu"),
    )
    assert (finding.rule, finding.severity) == ("resolution-incomplete", "notice")
    assert "could not use a Python interpreter" in finding.message
    assert "Nothing is known to be wrong" in finding.message
