"""Resolution for the Python the environment runs on: evidence decides, an assumption never errs.

The index holds `cp38only`, a wheel tagged `cp38-cp38-manylinux_2_17_x86_64` (installable on
CPython 3.8 only), so its resolution depends on the Python alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.findings import Severity
from tests.worker.resolve.conftest import config, snap
from tests.worker.resolve.wheels import Dist, write_simple
from worker.resolve import resolve_change, resolve_snapshot
from worker.resolve.pypi import RunOptions

CP38 = "cp38-cp38-manylinux_2_17_x86_64"
DOCKERFILE = "FROM {image}\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("py38-index")
    dists = [
        Dist("cp38only", "1.0.0", tag=CP38),
        Dist("needs-cp38", "1.0.0", ("cp38only>=1",)),
        Dist("six", "1.16.0"),
        Dist("newpy", "1.0.0", requires_python=">=3.10"),
    ]
    return write_simple(root, dists).as_uri()


def _files(index: str, requirements: str, image: str | None) -> dict[str, str]:
    files = {"requirements.txt": f"--index-url {index}\n{requirements}"}
    if image is not None:
        files["Dockerfile"] = DOCKERFILE.format(image=image)
    return files


def test_the_dockerfile_python_decides(index: str, options: RunOptions) -> None:
    files = _files(index, "needs-cp38\nsix\n", "python:3.8-slim")
    (resolution,), findings = resolve_snapshot(snap(files), config(), options)
    assert resolution.ok
    assert (resolution.target.minor, resolution.target.assumed) == ("3.8", False)
    assert resolution.target.evidence == "python:3.8-slim, Dockerfile:1"
    assert dict(resolution.pins) == {"cp38only": "1.0.0", "needs-cp38": "1.0.0", "six": "1.16.0"}
    assert findings == []


def test_an_evidenced_python_that_cannot_install_is_an_error(
    index: str, options: RunOptions
) -> None:
    files = _files(index, "needs-cp38\n", "python:3.12-slim")
    (resolution,), findings = resolve_snapshot(snap(files), config(), options)
    assert not resolution.ok and not resolution.target.assumed
    (finding,) = findings
    assert (finding.rule, finding.severity) == ("resolution-conflict", Severity.ERROR)


def test_no_evidence_gives_notices_never_an_error(index: str, options: RunOptions) -> None:
    files = _files(index, "needs-cp38\nsix\n", None)
    resolutions, findings = resolve_snapshot(snap(files), config(), options)
    assert resolutions and all(r.target.assumed for r in resolutions)
    assert all(f.severity is Severity.NOTICE for f in findings)
    tried = [r.target.minor for r in resolutions]
    assert len(tried) == len(set(tried)) > 1  # several assumed Pythons were tried
    notice = findings[0]
    assert notice.rule == "resolution-python-assumed"
    assert notice.message.startswith(f"On Python {tried[0]} (assumed: no evidence")
    assert "cp38only==1.0.0 has no wheels with a matching Python ABI tag" in notice.message


def _project(requires_python: str, dependency: str, index: str, options: RunOptions) -> tuple:
    files = {
        "pyproject.toml": (
            f'[project]\nname = "p"\nversion = "0"\nrequires-python = "{requires_python}"\n'
            f'dependencies = ["{dependency}"]\n'
        ),
        "requirements.txt": "",
    }
    opts = RunOptions(
        policy=options.policy,
        cache_dir=options.cache_dir,
        timeout_s=options.timeout_s,
        default_index_url=index,
    )
    return resolve_snapshot(snap(files), config(), opts)


def test_a_range_is_resolved_at_its_start_and_its_newest(index: str, options: RunOptions) -> None:
    # a range admitting 3.8: its start (declared) resolves, the newest admitted Python
    # (assumed) fails: a notice, never an error
    resolutions, findings = _project(">=3.8", "needs-cp38", index, options)
    assert [(r.target.minor, r.ok, r.target.assumed) for r in resolutions] == [
        ("3.8", True, False),
        (resolutions[-1].target.minor, False, True),
    ]
    assert resolutions[-1].target.minor != "3.8"
    assert (
        resolutions[0].target.evidence == 'requires-python = ">=3.8", pyproject.toml:4 starts at it'
    )
    assert [(f.rule, f.severity) for f in findings] == [
        ("resolution-python-assumed", Severity.NOTICE)
    ]


def test_a_dependency_that_excludes_the_range_start_is_an_error(
    index: str, options: RunOptions
) -> None:
    # traceroot-ai/traceroot#55, gt-lit-lab/litcoder_core#10: requires-python >=3.8 (3.9)
    # next to a dependency whose every release needs a newer Python: pip cannot install the
    # project on the Python it declares, uv cannot lock it
    resolutions, findings = _project(">=3.8", "newpy", index, options)
    start = resolutions[0]
    assert (start.target.minor, start.ok, start.target.assumed) == ("3.8", False, False)
    assert any(f.severity is Severity.ERROR for f in findings)
    _, fine = _project(">=3.10", "newpy", index, options)
    assert not [f for f in fine if f.severity is Severity.ERROR]


def test_a_conflict_that_does_not_involve_the_python_stays_an_error(
    index: str, options: RunOptions
) -> None:
    files = _files(index, "six<1\n", None)
    resolutions, findings = resolve_snapshot(snap(files), config(), options)
    assert len(resolutions) == 1  # no point trying other Pythons
    (finding,) = findings
    assert (finding.rule, finding.severity) == ("resolution-conflict", Severity.ERROR)


def test_a_pr_adding_a_38_only_package_without_evidence_is_not_blocked(
    index: str, uv_cache: Path
) -> None:
    base = snap(_files(index, "six\n", None))
    head = snap(_files(index, "six\nneeds-cp38\n", None))
    report = resolve_change(base, head, config(), cache_dir=uv_cache, allow_file_urls=True)
    assert report.findings
    assert all(f.severity is Severity.NOTICE for f in report.findings)


@pytest.mark.parametrize(("python", "ok"), [(["3.9"], False), (["3.10"], True), ([], True)])
def test_the_config_python_is_evidence(
    index: str, options: RunOptions, python: list[str], ok: bool
) -> None:
    files = _files(index, "newpy\n", None)
    resolutions, findings = resolve_snapshot(
        snap(files), config(targets={"python": python}), options
    )
    assert resolutions[-1].ok is ok
    errors = [f for f in findings if f.severity is Severity.ERROR]
    assert len(errors) == (0 if ok else 1)
