"""Seed scenarios resolved for real by uv against generated local indexes."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

import pytest

from rules.findings import Finding, Severity
from tests.worker.resolve.conftest import config, snap
from tests.worker.resolve.servers import loopback, serving
from tests.worker.resolve.wheels import Universe
from worker.resolve import resolve_change, resolve_snapshot, standins
from worker.resolve.explain import failure_findings
from worker.resolve.indexes import IndexPolicy
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


def test_an_sdist_only_package_is_resolved_past_with_a_stand_in(
    universe: Universe, options: RunOptions
) -> None:
    """omegaconf 2.3.0 needs antlr4-python3-runtime 4.9.*, an sdist only: uv --no-build
    stopped there and nothing in the environment was checked. With a stand-in wheel the
    rest resolves, and a notice says what went unchecked, at the line that brings it in."""
    files = {"requirements.txt": "--index-url PYPI\nuses-legacy\n"}
    resolutions, findings = _head(universe, files, options)
    assert resolutions[0].ok
    assert resolutions[0].pins["legacy-only"] == "0.1.0"
    (finding,) = findings
    assert (finding.rule, finding.severity, finding.package) == (
        "resolution-sdist-only",
        Severity.NOTICE,
        "legacy-only",
    )
    assert (finding.file, finding.line) == ("requirements.txt", 2)
    assert "legacy-only 0.1.0 publishes only an sdist" in finding.message
    assert "legacy-only itself requires was not checked" in finding.message


def test_an_sdist_that_states_its_requirements_gives_them_to_its_stand_in(
    universe: Universe, options: RunOptions
) -> None:
    """static-sdist 1.0.0 publishes an sdist only, whose PKG-INFO (metadata 2.2) states
    numpy<1.24: its stand-in carries that, so the conflict with numpy>=1.26 is found, and a
    resolution that holds needs no notice (nothing went unchecked)."""
    files = {"requirements.txt": "--index-url PYPI\nstatic-sdist==1.0.0\nnumpy>=1.26\n"}
    resolutions, findings = _head(universe, files, options)
    assert not resolutions[0].ok
    (conflict,) = findings
    assert (conflict.rule, conflict.severity) == ("resolution-conflict", Severity.ERROR)
    assert "publish only an sdist" not in conflict.message
    files = {"requirements.txt": "--index-url PYPI\nstatic-sdist\n"}
    resolutions, findings = _head(universe, files, options)
    assert resolutions[0].ok and resolutions[0].pins["numpy"] == "1.23.5"
    assert findings == []


def test_a_real_wheel_wins_over_the_stand_in_of_its_release(
    universe: Universe, options: RunOptions
) -> None:
    """dual 1.0.0 has a wheel (six>=1.17) and an sdist; 0.9.0 only an sdist. Both get
    stand-ins once uv names dual, but 1.0.0's real wheel is still the one read: with six
    held at 1.16.0 the resolution falls back to 0.9.0 instead of taking 1.0.0's stand-in."""
    files = {"requirements.txt": "--index-url PYPI\ndual\nsix==1.16.0\n"}
    resolutions, findings = _head(universe, files, options)
    assert resolutions[0].ok
    assert resolutions[0].pins["dual"] == "0.9.0"
    assert [(f.rule, f.package) for f in findings] == [("resolution-sdist-only", "dual")]


def test_a_conflict_past_an_sdist_only_requirement_is_found(
    universe: Universe, options: RunOptions
) -> None:
    """apple/axlearn 43b33994: importlab (sdist only) stopped uv before it reached
    numpy==1.26.4 against apache-beam 2.52.0's numpy<1.25. With a stand-in for the sdist the
    conflict is found as any other."""
    files = {"requirements.txt": "--index-url PYPI\nlegacy-only==0.1.0\nlib-a\nlib-b\n"}
    resolutions, findings = _head(universe, files, options)
    assert not resolutions[0].ok
    (conflict,) = findings
    assert (conflict.rule, conflict.severity, conflict.file) == (
        "resolution-conflict",
        Severity.ERROR,
        "requirements.txt",
    )
    assert conflict.line in (3, 4)


@pytest.fixture
def no_release_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every release list unreadable (an index that cannot be reached from the worker)."""
    monkeypatch.setattr(standins, "releases", lambda *args, **kwargs: {})


@pytest.mark.usefixtures("no_release_lists")
def test_without_a_release_list_the_sdist_stops_the_resolution(
    universe: Universe, options: RunOptions
) -> None:
    """No stand-in is made up without the index's release list: the notice says the rest
    was not checked."""
    files = {"requirements.txt": "--index-url PYPI\nuses-legacy\n"}
    resolutions, findings = _head(universe, files, options)
    assert not resolutions[0].ok
    (finding,) = findings
    assert (finding.rule, finding.package) == ("resolution-sdist-only", "legacy-only")
    assert "Not resolved past legacy-only" in finding.message


@pytest.mark.usefixtures("no_release_lists")
def test_without_a_release_list_a_conflict_beyond_a_direct_sdist_is_still_found(
    universe: Universe, options: RunOptions
) -> None:
    """The fallback: the sdist-only line is left out (its requirements could only add to the
    conflict)."""
    files = {"requirements.txt": "--index-url PYPI\nlegacy-only==0.1.0\nlib-a\nlib-b\n"}
    resolutions, findings = _head(universe, files, options)
    assert not resolutions[0].ok
    assert [f.rule for f in findings] == ["resolution-sdist-only", "resolution-conflict"]
    assert "holds without legacy-only" in findings[1].message


def test_release_lists_are_read_over_http_through_the_egress_proxy(
    universe: Universe, tmp_path: Path
) -> None:
    """The index served over HTTP: the release list comes through the same proxy as uv's
    requests (and is refused with them when the policy refuses the host)."""
    with serving(universe.root / "pypi") as server:
        files = {"requirements.txt": f"--index-url {server.url}\nuses-legacy\n"}
        allowed = RunOptions(
            policy=IndexPolicy(
                allowed_hosts=("127.0.0.1",), endpoint_allowed=loopback(server.port)
            ),
            cache_dir=tmp_path / "cache",
            timeout_s=60,
        )
        resolutions, findings = resolve_snapshot(snap(files), config(), allowed)
        assert resolutions[0].ok
        assert [f.rule for f in findings] == ["resolution-sdist-only"]
        requests_before = server.flaky.requests
        refused = replace(allowed, policy=IndexPolicy(allowed_hosts=("127.0.0.1",)))
        resolutions, findings = resolve_snapshot(snap(files), config(), refused)
        assert not resolutions[0].ok
        assert server.flaky.requests == requests_before


STUCK = (
    "error: No solution found when resolving dependencies:\n"
    "  cause: Because legacy-only==0.1.0 has no usable wheels and uses-legacy==1.0.0 depends "
    "on legacy-only==0.1.0, we can conclude that uses-legacy==1.0.0 cannot be used.\n"
    "hint: Wheels are required for `legacy-only` because building from source is disabled "
    "for all packages (i.e., with `--no-build`)\n"
)


def test_a_wheel_less_release_of_a_stood_in_package_is_a_conflict_not_a_stop() -> None:
    """Once a package has stand-ins, uv naming a release of it without a usable wheel (a
    yanked one, one with wheels for other platforms only) is part of the conflict: pip cannot
    install that release either."""
    target = ResolveTarget(python="3.11.9", platform="x86_64-unknown-linux-gnu")
    stopped = failure_findings(STUCK, (), environment="requirements.txt", target=target)
    assert [f.rule for f in stopped] == ["resolution-sdist-only"]
    names = {"legacy-only"}
    (conflict,) = failure_findings(
        STUCK, (), environment="requirements.txt", target=target, standins=names, opaque=names
    )
    assert (conflict.rule, conflict.severity) == ("resolution-conflict", Severity.ERROR)
    assert "releases of legacy-only that publish only an sdist" in conflict.message
    # its requirements read from the sdist: nothing to qualify
    (read,) = failure_findings(
        STUCK, (), environment="requirements.txt", target=target, standins=names
    )
    assert "publish only an sdist" not in read.message


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
