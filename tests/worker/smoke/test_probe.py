"""The probe itself, run on CPU in fresh venvs built with uv from tiny local wheels."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.worker.smoke.conftest import python_for_envs
from worker.smoke import probe
from worker.smoke.runner import find_uv

PROBE = Path(probe.__file__)


def _venv(where: Path, wheel_dir: Path, packages: list[str]) -> Path:
    uv = find_uv()
    env = where / "env"
    subprocess.run(
        [uv, "venv", str(env), "--python", python_for_envs(), "--no-project", "-q"], check=True
    )
    subprocess.run(
        [
            uv,
            "pip",
            "install",
            "-q",
            "--python",
            str(env / "bin" / "python"),
            "--no-index",
            "--find-links",
            str(wheel_dir),
            *packages,
        ],
        check=True,
    )
    return env / "bin" / "python"


def _run_probe(python: Path, *args: str, timeout: float = 60) -> dict[str, Any]:
    done = subprocess.run(
        [str(python), str(PROBE), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def env_python(tmp_path_factory: pytest.TempPathFactory, wheel_dir: Path) -> Path:
    packages = [
        "fakemod==1.0",
        "fake-pandas-abi",
        "fake-opencv",
        "fake-githubkit",
        "fake-cuda-ext",
        "fake-crash",
        "torch",
    ]
    return _venv(tmp_path_factory.mktemp("probe"), wheel_dir, packages)


def test_probe_classifies_imports_in_a_fresh_env(env_python: Path) -> None:
    doc = _run_probe(
        env_python,
        "--packages",
        "fakemod,fake-pandas-abi,fake-opencv,fake-githubkit,fake-cuda-ext,fake-crash",
        "--timeout",
        "60",
    )
    by_module = {row["module"]: row for row in doc["imports"]}
    assert by_module["fakemod"]["ok"] is True
    assert by_module["fakemod"]["version"] == "1.0"
    got = {m: r.get("classification") for m, r in by_module.items() if not r["ok"]}
    assert got == {
        "fakepandas": "numpy-abi",
        "fakecv": "numpy-abi",
        "fakegithubkit": "import-error",
        "fakecudaext": "missing-shared-library",
        "fakecrash": "crash",
    }
    assert "numpy.dtype size changed" in by_module["fakepandas"]["message"]
    assert "compiled using NumPy 1.x cannot be run in" in by_module["fakecv"]["stderr_tail"]
    assert "killed by signal 6" in by_module["fakecrash"]["message"]
    assert doc["packages"]["fake-opencv"] == {"version": "4.9.0.80", "modules": ["fakecv"]}


def test_torch_on_a_cpu_machine_reports_cuda_unavailable(env_python: Path) -> None:
    doc = _run_probe(env_python, "--modules", "torch", "--timeout", "30")
    torch = doc["torch"]
    assert torch["present"] is True
    assert (torch["torch"], torch["torch_cuda"], torch["cuda_available"]) == (
        "2.11.0+cpu",
        None,
        False,
    )
    assert torch["checks"] == []
    assert doc["tensorflow"] == {"present": False}
    assert doc["jax"] == {"present": False}
    assert doc["pip_check"] == {"available": False}  # uv venvs carry no pip
    assert doc["timings"]["total_s"] > 0


def test_a_hanging_import_is_reported_as_timeout(tmp_path: Path, wheel_dir: Path) -> None:
    python = _venv(tmp_path, wheel_dir, ["fake-slow"])
    doc = _run_probe(python, "--modules", "fakeslow", "--timeout", "1.5", timeout=30)
    (row,) = doc["imports"]
    assert (row["ok"], row["classification"]) == (False, "timeout")


def test_in_process_mode_classifies_too(env_python: Path) -> None:
    doc = _run_probe(
        env_python, "--modules", "fakepandas,fakemod", "--in-process", "--timeout", "30"
    )
    assert [(r["module"], r["ok"], r.get("classification")) for r in doc["imports"]] == [
        ("fakepandas", False, "numpy-abi"),
        ("fakemod", True, None),
    ]


def test_probe_is_stdlib_only_and_python38_syntax() -> None:
    source = PROBE.read_text()
    tree = ast.parse(source, feature_version=(3, 8))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported.add(node.module.split(".")[0])
    assert imported - set(sys.stdlib_module_names) == set()
