"""Seed scenarios resolved for real by uv against generated local indexes."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pytest

from rules.findings import Finding, Severity
from tests.worker.resolve.conftest import config, snap
from tests.worker.resolve.wheels import Universe
from worker.resolve import resolve_change, resolve_snapshot
from worker.resolve.inputs import Mode, ResolutionInput
from worker.resolve.model import Resolution, ResolveTarget
from worker.resolve.pypi import RunOptions, beyond_sdists
from worker.resolve.uv import UvRun


def _head(
    universe: Universe, files: dict[str, str], options: RunOptions, **cfg: object
) -> tuple[list[Resolution], list[Finding]]:
    text = {path: body.replace("PYPI", universe.pypi) for path, body in files.items()}
    text = {
        path: body.replace("CU118", universe.cu118)
        .replace("CU121", universe.cu121)
        .replace("CPU", universe.cpu)
        for path, body in text.items()
    }
    return resolve_snapshot(snap(text), config(**cfg), options)


def test_numpy_ceiling_conflict_maps_to_declaring_lines(
    universe: Universe, options: RunOptions
) -> None:
    files = {
        "requirements.txt": "--index-url PYPI\n-r ml.txt\nscipy==1.10.1\n",
        "ml.txt": "pandas\nnumpy>=1.24\n",
    }
    resolutions, findings = _head(universe, files, options)
    assert [r.ok for r in resolutions] == [False]
    conflicts = [f for f in findings if f.rule == "resolution-conflict"]
    assert len(conflicts) == 1
    finding = conflicts[0]
    assert (finding.category, finding.severity) == ("conflict", Severity.ERROR)
    assert (finding.file, finding.line, finding.package) == ("ml.txt", 2, "numpy")
    assert "requirements.txt:3" in finding.message
    assert any("numpy>=1.19.5,<1.24" in line for line in finding.evidence)
    assert not any(line.startswith("error:") for line in finding.evidence)


def test_wrong_cuda_index_fails_with_the_missing_build(
    universe: Universe, options: RunOptions
) -> None:
    files = {"requirements.txt": "--index-url PYPI\n--extra-index-url CU118\ntorch==2.1.0+cu121\n"}
    resolutions, findings = _head(universe, files, options)
    assert not resolutions[0].ok
    (finding,) = [f for f in findings if f.rule == "resolution-conflict"]
    assert (finding.file, finding.line, finding.package) == ("requirements.txt", 3, "torch")
    assert "+cu121" in finding.message and universe.cu118 in finding.message


@pytest.mark.parametrize(
    ("extra_index", "cuda", "version", "category", "severity"),
    [
        ("CPU", ["12.1"], "2.1.0+cpu", "cpu-only-risk", Severity.WARNING),
        ("CPU", [], "2.1.0+cpu", "cpu-only-risk", Severity.NOTICE),
        ("CU118", ["11.8"], "2.1.0+cu118", "transitive-change", Severity.NOTICE),
        ("", [], "2.1.0", "transitive-change", Severity.NOTICE),
    ],
)
def test_which_torch_build_is_installed(
    universe: Universe,
    options: RunOptions,
    extra_index: str,
    cuda: list[str],
    version: str,
    category: str,
    severity: Severity,
) -> None:
    extra = f"--extra-index-url {extra_index}\n" if extra_index else ""
    files = {"requirements.txt": f"--index-url PYPI\n{extra}torch\n"}
    resolutions, findings = _head(universe, files, options, targets={"cuda": cuda})
    assert resolutions[0].pins["torch"] == version
    (build,) = [f for f in findings if f.rule == "resolved-build"]
    assert (build.category, build.severity) == (category, severity)
    assert f"torch=={version}" in build.message


def test_sdist_only_package_is_a_notice_not_a_pass(universe: Universe, options: RunOptions) -> None:
    files = {"requirements.txt": "--index-url PYPI\nuses-legacy\n"}
    resolutions, findings = _head(universe, files, options)
    assert not resolutions[0].ok
    (finding,) = findings
    assert (finding.rule, finding.severity, finding.package) == (
        "resolution-sdist-only",
        Severity.NOTICE,
        "legacy-only",
    )
    assert "Not resolved past legacy-only" in finding.message


def test_a_conflict_beyond_an_sdist_only_requirement_is_found(
    universe: Universe, options: RunOptions
) -> None:
    """apple/axlearn 43b33994: importlab (sdist only) stopped uv before it reached
    numpy==1.26.4 against apache-beam 2.52.0's numpy<1.25. Without the sdist-only line the
    conflict stands (its own requirements could only add to it)."""
    files = {"requirements.txt": "--index-url PYPI\nlegacy-only==0.1.0\nlib-a\nlib-b\n"}
    resolutions, findings = _head(universe, files, options)
    assert not resolutions[0].ok
    assert [f.rule for f in findings] == ["resolution-sdist-only", "resolution-conflict"]
    conflict = findings[1]
    assert (conflict.severity, conflict.file) == (Severity.ERROR, "requirements.txt")
    assert conflict.line in (3, 4)
    assert "holds without legacy-only" in conflict.message


def test_an_sdist_only_requirement_left_out_that_resolves_stays_a_notice(
    universe: Universe, options: RunOptions
) -> None:
    files = {"requirements.txt": "--index-url PYPI\nlegacy-only\nscipy==1.10.1\n"}
    resolutions, findings = _head(universe, files, options)
    assert not resolutions[0].ok
    assert [f.rule for f in findings] == ["resolution-sdist-only"]


STUCK = (
    "error: No solution found when resolving dependencies:\n"
    "  cause: Because legacy-only==0.1.0 has no usable wheels and uses-legacy==1.0.0 depends "
    "on legacy-only==0.1.0, we can conclude that uses-legacy==1.0.0 cannot be used.\n"
    "hint: Wheels are required for `legacy-only` because building from source is disabled "
    "for all packages (i.e., with `--no-build`)\n"
)


def test_a_transitive_sdist_only_package_is_not_left_out(options: RunOptions) -> None:
    """uses-legacy needs legacy-only: a line cannot take it out, so uv is not run again and
    nothing past it is judged."""
    calls: list[Collection[str]] = []

    def compile_lines(left_out: Collection[str]) -> UvRun:
        calls.append(left_out)
        return UvRun(1, "", STUCK)

    inp = ResolutionInput(environment="requirements.txt", mode=Mode.PIP)
    target = ResolveTarget(python="3.11.9", platform="x86_64-unknown-linux-gnu")
    first = UvRun(1, "", STUCK)
    assert beyond_sdists(first, compile_lines, {"uses-legacy"}, inp, target, (), options) == []
    assert calls == []
    # a direct sdist-only line is left out, once per round, never more than the bound
    assert beyond_sdists(first, compile_lines, {"legacy-only"}, inp, target, (), options) == []
    assert calls == [{"legacy-only"}]


def test_the_index_a_dockerfile_installs_the_file_with_is_used(
    universe: Universe, options: RunOptions
) -> None:
    """`RUN pip install -r requirements.txt --extra-index-url <cu118>`: the file's +cu118 pin
    resolves from that index (it was resolved without it: a false error)."""
    files = {
        "Dockerfile": "FROM python:3.11-slim\nCOPY requirements.txt .\n"
        "RUN pip install -r requirements.txt --extra-index-url CU118\n",
        "requirements.txt": "--index-url PYPI\ntorch==2.1.0+cu118\n",
    }
    resolutions, findings = _head(universe, files, options)
    reqs = [r for r in resolutions if r.environment == "requirements.txt"]
    assert [r.ok for r in reqs] == [True] and reqs[0].pins["torch"] == "2.1.0+cu118"
    assert [f for f in findings if f.severity is Severity.ERROR] == []


def test_pins_and_via(universe: Universe, options: RunOptions) -> None:
    files = {"requirements.txt": "--index-url PYPI\npandas\n", "constraints.txt": ""}
    files["requirements.txt"] += "-c constraints.txt\n"
    files["constraints.txt"] = "numpy<2\nsix==1.16.0\n"
    (resolution,), findings = _head(universe, files, options)
    assert resolution.ok and findings == []
    assert dict(resolution.pins) == {
        "numpy": "1.26.4",
        "pandas": "2.2.3",
        "python-dateutil": "2.9.0",
        "six": "1.16.0",
    }
    assert resolution.via["six"] == ("python-dateutil", "-c constraints")
    assert resolution.via["pandas"] == ("-r requirements.txt",)


@pytest.mark.parametrize(
    ("index", "allow_file_urls", "resolved"),
    [("file", False, False), ("https://evil.example/simple", True, False), ("file", True, True)],
)
def test_untrusted_indexes_are_refused(
    universe: Universe, uv_cache: Path, index: str, allow_file_urls: bool, resolved: bool
) -> None:
    url = universe.pypi if index == "file" else index
    head = snap({"requirements.txt": f"--index-url {url}\nsix\n"})
    report = resolve_change(
        snap({}), head, config(), cache_dir=uv_cache, allow_file_urls=allow_file_urls
    )
    assert [r.ok for r in report.head] == [resolved]
    untrusted = [f for f in report.findings if f.category == "untrusted-index"]
    assert len(untrusted) == (0 if resolved else 1)
    if untrusted:
        assert (untrusted[0].file, untrusted[0].line) == ("requirements.txt", 1)


def test_transitive_changes_between_base_and_head(universe: Universe, uv_cache: Path) -> None:
    base = snap({"requirements.txt": f"--index-url {universe.pypi}\nlib-x==1.0.0\npandas\n"})
    head = snap({"requirements.txt": f"--index-url {universe.pypi}\nlib-x==2.0.0\npandas\n"})
    report = resolve_change(base, head, config(), cache_dir=uv_cache, allow_file_urls=True)
    (finding,) = [f for f in report.findings if f.rule == "transitive-change"]
    assert finding.severity is Severity.WARNING
    assert (
        "| numpy | 1.26.4 | 2.1.0 | major, NumPy/CUDA-relevant; via lib-x; "
        "**major move of a NumPy/CUDA-relevant package** |"
    ) in finding.evidence
    assert "| six | — | 1.17.0 | added |" not in finding.evidence  # six came via pandas already
    assert not any(row.startswith("| lib-x") for row in finding.evidence)
    assert report.base_findings == []


@pytest.mark.parametrize(("python", "ok"), [("3.9", False), ("3.11", True), ("3.10.2", True)])
def test_python_target_decides_the_resolution(
    universe: Universe, options: RunOptions, python: str, ok: bool
) -> None:
    files = {"requirements.txt": "--index-url PYPI\nnewpy\n"}
    (resolution,), findings = _head(universe, files, options, targets={"python": [python]})
    assert resolution.ok is ok
    assert resolution.target.python.startswith(python)
    assert [f.rule for f in findings] == ([] if ok else ["resolution-conflict"])
