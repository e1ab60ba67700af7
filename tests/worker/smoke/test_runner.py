"""run_smoke end to end on CPU: fresh env from local wheels, base overlay, failures, cleanup."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

from tests.worker.smoke.conftest import python_for_envs
from worker.smoke.classify import classify_result, smoke_conclusion
from worker.smoke.runner import SmokeResult, find_uv, prune_cache, run_smoke, sandbox_env


def _smoke(tmp_path: Path, wheel_dir: Path, pins: dict[str, str], **kw: object) -> SmokeResult:
    options: dict[str, object] = {
        "index_options": ["--no-index", "--find-links", str(wheel_dir)],
        "base_environment": None,
        "workdir": tmp_path / "work",
        "cache_dir": tmp_path / "cache",
        "timeout_s": 60,
        "modules": (),
        "python": python_for_envs(),
    }
    options.update(kw)
    return run_smoke(pins, **options)  # type: ignore[arg-type]


def test_fresh_env_from_pins_is_probed_and_removed(tmp_path: Path, wheel_dir: Path) -> None:
    result = _smoke(tmp_path, wheel_dir, {"fakemod": "1.0", "fake-pandas-abi": "2.0.3"})
    assert result.status == "completed", result.message
    assert [s.name for s in result.steps] == ["venv", "install", "uv-pip-check", "probe"]
    assert result.probe is not None
    assert {r["module"]: r.get("classification") for r in result.probe["imports"]} == {
        "fakemod": None,
        "fakepandas": "numpy-abi",
    }
    assert list((tmp_path / "work").iterdir()) == []  # the env is gone
    assert any((tmp_path / "cache").iterdir())  # the wheel cache stays
    assert [f.category for f in classify_result(result)] == ["numpy-abi"]


def test_unavailable_pin_is_an_install_failure(tmp_path: Path, wheel_dir: Path) -> None:
    result = _smoke(tmp_path, wheel_dir, {"fakemod": "9.9"})
    assert result.status == "install-failed"
    assert "fakemod" in result.message
    findings = classify_result(result)
    assert [f.rule for f in findings] == ["smoke-install"]
    assert smoke_conclusion(result, findings) == "neutral"


def test_hard_timeout_kills_the_probe(tmp_path: Path, wheel_dir: Path) -> None:
    result = _smoke(tmp_path, wheel_dir, {"fake-slow": "1.0"}, timeout_s=3)
    assert result.status == "timeout"
    assert result.stage == "import.fakeslow"
    assert result.seconds < 10
    assert smoke_conclusion(result, classify_result(result)) == "timed_out"


def test_cancellation_stops_the_run(tmp_path: Path, wheel_dir: Path) -> None:
    flag = threading.Event()
    threading.Timer(1.0, flag.set).start()
    result = _smoke(tmp_path, wheel_dir, {"fake-slow": "1.0"}, should_cancel=flag.is_set)
    assert result.status == "cancelled"
    assert result.seconds < 10
    assert list((tmp_path / "work").iterdir()) == []


def test_pins_on_top_of_a_base_environment(tmp_path: Path, wheel_dir: Path) -> None:
    uv = find_uv()
    base = tmp_path / "base"
    subprocess.run(
        [uv, "venv", str(base), "--python", python_for_envs(), "--no-project", "-q"], check=True
    )
    subprocess.run(
        [
            uv,
            "pip",
            "install",
            "-q",
            "--python",
            str(base / "bin" / "python"),
            "--no-index",
            "--find-links",
            str(wheel_dir),
            "fakemod==1.0",
        ],
        check=True,
    )
    pins = {"fakemod": "1.0", "fake-githubkit": "0.16.1"}
    result = _smoke(tmp_path, wheel_dir, pins, base_environment=base)
    assert result.status == "completed", result.message
    assert result.installed == (("fake-githubkit", "0.16.1"),)  # fakemod came from the base
    assert result.probe is not None
    rows = {r["module"]: r for r in result.probe["imports"]}
    assert rows["fakemod"]["ok"] is True
    assert rows["fakegithubkit"]["classification"] == "import-error"


def test_sandbox_env_drops_secrets_and_proxies() -> None:
    source = {
        "HTTPS_PROXY": "http://proxy",
        "GITHUB_TOKEN": "x",
        "CUDA_VISIBLE_DEVICES": "1",
        "PATH": "/evil",
    }
    env = sandbox_env(env_dir=Path("/e"), home=Path("/h"), cache_dir=Path("/c"), source=source)
    assert "HTTPS_PROXY" not in env and "GITHUB_TOKEN" not in env
    assert env["CUDA_VISIBLE_DEVICES"] == "1"
    assert env["PATH"].startswith("/e/bin")
    assert env["PIP_NO_INPUT"] == "1"


def test_cache_is_pruned_beyond_its_limit(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "blob").write_bytes(b"x" * 10_000)
    assert prune_cache(cache, 1_000_000)["pruned"] == 0
    report = prune_cache(cache, 1_000)
    assert report["before"] >= 10_000
    assert report["after"] <= 1_000
