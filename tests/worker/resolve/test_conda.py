"""environment.yml solved by rattler against a generated local channel, pip part by uv."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rules.findings import Severity
from tests.worker.resolve.conftest import config, snap
from tests.worker.resolve.wheels import Universe
from worker.resolve import resolve_snapshot
from worker.resolve.pypi import RunOptions


def _record(name: str, version: str, build: str, depends: list[str]) -> dict[str, object]:
    return {
        "name": name,
        "version": version,
        "build": build,
        "build_number": 0,
        "depends": depends,
        "subdir": "linux-64",
    }


@pytest.fixture(scope="module")
def channel(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("channel")
    records = {
        "python-3.10.14-h0_0.conda": _record("python", "3.10.14", "h0_0", []),
        "python-3.11.7-h0_0.conda": _record("python", "3.11.7", "h0_0", []),
        "pytorch-2.1.0-cuda118_0.conda": _record(
            "pytorch", "2.1.0", "cuda118_0", ["python >=3.11,<3.12", "__cuda >=11.8"]
        ),
        "numpy-1.26.4-py311_0.conda": _record(
            "numpy", "1.26.4", "py311_0", ["python >=3.11,<3.12"]
        ),
    }
    for subdir, packages in (("linux-64", records), ("noarch", {})):
        (root / subdir).mkdir()
        body = {"info": {"subdir": subdir}, "packages": {}, "packages.conda": packages}
        (root / subdir / "repodata.json").write_text(json.dumps(body))
    return root.as_uri()


def _env(channel: str, pip: str = "") -> str:
    text = (
        f"name: ml\nchannels:\n  - {channel}\n"
        "dependencies:\n  - python=3.11\n  - pytorch=2.1.0\n  - numpy\n"
    )
    return text + (f"  - pip:\n{pip}" if pip else "")


@pytest.mark.parametrize(("cuda", "ok"), [(["12.2"], True), (["11.7"], False), ([], False)])
def test_cuda_virtual_package_from_config(
    channel: str, options: RunOptions, cuda: list[str], ok: bool
) -> None:
    (resolution,), findings = resolve_snapshot(
        snap({"environment.yml": _env(channel)}), config(targets={"cuda": cuda}), options
    )
    assert resolution.ok is ok
    if ok:
        assert dict(resolution.pins) == {"python": "3.11.7", "pytorch": "2.1.0", "numpy": "1.26.4"}
        assert findings == []
    else:
        (finding,) = findings
        assert (finding.rule, finding.category, finding.severity) == (
            "resolution-conflict",
            "conflict",
            Severity.ERROR,
        )
        assert (finding.file, finding.line, finding.package) == ("environment.yml", 6, "pytorch")
        assert any("__cuda >=11.8" in line for line in finding.evidence)


def test_an_exported_environment_s_build_strings_are_solved(
    channel: str, options: RunOptions
) -> None:
    """`conda env export` writes name=version=build (olsson-group/RL-GraphINVENT's
    environment.yml: `_libgcc_mutex=0.1=main`, `pytorch=1.3.1=py3.6_cuda10.0.130_cudnn7.6.3_0`);
    given as strings, rattler's solver refused them ("the build string '=main' is not
    valid"), so the whole environment came back as an unreadable index."""
    text = (
        f"name: ml\nchannels:\n  - {channel}\n"
        "dependencies:\n  - python=3.11.7=h0_0\n  - pytorch=2.1.0=cuda118_0\n"
        "  - numpy=1.26.4=py311_0\n"
    )
    (resolution,), findings = resolve_snapshot(
        snap({"environment.yml": text}), config(targets={"cuda": ["12.2"]}), options
    )
    assert findings == [] and resolution.ok
    assert dict(resolution.pins) == {"python": "3.11.7", "pytorch": "2.1.0", "numpy": "1.26.4"}


def test_pip_section_resolves_on_the_conda_python(
    channel: str, universe: Universe, options: RunOptions
) -> None:
    pip = f"    - --index-url {universe.pypi}\n    - newpy\n    - six\n"
    (resolution,), findings = resolve_snapshot(
        snap({"environment.yml": _env(channel, pip)}), config(targets={"cuda": ["12.2"]}), options
    )
    assert findings == []
    assert resolution.source == "rattler+uv"
    assert resolution.pins["python"] == "3.11.7"
    assert resolution.pins["newpy"] == "1.0.0" and resolution.pins["pytorch"] == "2.1.0"


def test_untrusted_channel(channel: str, uv_cache: Path) -> None:
    from worker.resolve.pypi import RunOptions as Options

    (resolution,), findings = resolve_snapshot(
        snap({"environment.yml": _env(channel)}), config(), Options(cache_dir=uv_cache)
    )
    assert not resolution.ok
    assert [f.category for f in findings] == ["untrusted-index"]
