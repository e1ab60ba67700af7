"""The probe's bwrap sandbox: its argv (pure), fail-closed, and the two attacks of the review.

Security review findings 5 and 6 (reviews/security.md §4.1, §4.2): code imported by the
probe (1) rewrote the shared uv cache through uv's hard links, so a later job for another
repository installed the poisoned file, and (2) read the worker's `DEPREVIEW_*` variables
from `/proc/<ancestor>/environ`. Each attack runs here as a real package in a real smoke
job (uv, bwrap); the same job without the sandbox is the control that shows the test can
see the attack succeed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.worker.smoke.conftest import python_for_envs
from tests.worker.smoke.wheels import build_wheel
from worker.smoke.runner import SmokeResult, run_smoke
from worker.smoke.sandbox import SandboxPolicy, SandboxSettings, bwrap_argv, check_bwrap

BWRAP_PROBLEM = check_bwrap() if shutil.which("bwrap") else "bwrap is not installed"
needs_bwrap = pytest.mark.skipif(
    BWRAP_PROBLEM is not None,
    reason=f"bubblewrap cannot build the sandbox on this machine: {BWRAP_PROBLEM}",
)
UNSANDBOXED = SandboxSettings(enabled=False)
SECRET = "redis://:S3cretRedisPass@redis.internal:6379/0"


# -- the argv ---------------------------------------------------------------------------------


def _pairs(argv: list[str], flag: str) -> list[str]:
    return [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == flag]


@pytest.mark.parametrize(
    ("policy", "tmpfs", "ro_binds", "net_unshared"),
    [
        (SandboxPolicy(env={}), ["/dev/shm", "/tmp"], ["/"], True),
        (
            SandboxPolicy(
                env={},
                hidden=(Path("/var/cache/uv"), Path("/var/lib/smoke"), Path("/var/lib/smoke/x")),
                readonly=(Path("/var/lib/smoke/job/env"),),
            ),
            ["/dev/shm", "/tmp", "/var/cache/uv", "/var/lib/smoke"],
            ["/", "/var/lib/smoke/job/env"],
            True,
        ),
        (SandboxPolicy(env={}, network=True), ["/dev/shm", "/tmp"], ["/"], False),
    ],
)
def test_bwrap_argv_hides_then_rebinds(
    policy: SandboxPolicy, tmpfs: list[str], ro_binds: list[str], net_unshared: bool
) -> None:
    argv = bwrap_argv(policy, ["python", "probe.py"])
    assert _pairs(argv, "--tmpfs") == tmpfs
    assert _pairs(argv, "--ro-bind") == ro_binds
    assert ("--unshare-net" in argv) is net_unshared
    for flag in ("--clearenv", "--unshare-pid", "--die-with-parent", "--new-session"):
        assert flag in argv
    assert argv[argv.index("--") + 1 :] == ["python", "probe.py"]
    # every rebind comes after every hiding tmpfs, or the tmpfs would cover it again
    last_tmpfs = max(i for i, a in enumerate(argv) if a == "--tmpfs")
    rebinds = [i for i, a in enumerate(argv) if a == "--ro-bind" and argv[i + 1] != "/"]
    assert all(i > last_tmpfs for i in rebinds)


def test_bwrap_argv_sets_only_the_given_environment() -> None:
    argv = bwrap_argv(SandboxPolicy(env={"PATH": "/usr/bin", "CUDA_VISIBLE_DEVICES": "1"}), ["x"])
    names = [argv[i + 1] for i, a in enumerate(argv) if a == "--setenv"]
    assert sorted(names) == ["CUDA_VISIBLE_DEVICES", "HOME", "PATH", "TMPDIR"]
    assert argv.index("--clearenv") < argv.index("--setenv")


def test_a_missing_bwrap_is_reported() -> None:
    problem = check_bwrap("depreview-no-such-bwrap")
    assert problem is not None and "not installed" in problem


# -- fail closed ------------------------------------------------------------------------------


def test_without_a_working_sandbox_nothing_is_installed_or_probed(
    tmp_path: Path, wheel_dir: Path
) -> None:
    result = run_smoke(
        {"fakemod": "1.0"},
        index_options=["--no-index", "--find-links", str(wheel_dir)],
        workdir=tmp_path / "work",
        cache_dir=tmp_path / "cache",
        timeout_s=60,
        python=python_for_envs(),
        cache_max_bytes=None,
        sandbox=SandboxSettings(bwrap="depreview-no-such-bwrap"),
    )
    assert result.status == "sandbox-unavailable"
    assert "not installed" in result.message
    assert result.steps == () and result.probe is None


# -- the attacks --------------------------------------------------------------------------------

# Imported by the probe: rewrites every copy of `sharedlib/__init__.py` it can reach (its
# own venv's, which uv used to hard-link to the cache, and the cache's own copy), then
# reports what it managed in the import error the probe records.
POISON = """
import os, pathlib
done = []
targets = []
try:
    import sharedlib
    targets.append(pathlib.Path(sharedlib.__file__))
except Exception as exc:
    done.append("import sharedlib: " + type(exc).__name__)
targets += pathlib.Path({cache!r}).rglob("sharedlib/__init__.py")
for path in targets:
    try:
        path.write_text("VALUE = 'POISONED'\\n")
        done.append("wrote " + str(path))
    except OSError as exc:
        done.append("refused " + str(path) + ": " + type(exc).__name__)
raise ImportError("ATTACK " + repr(done))
"""

# Imported by the probe: reads the environment of every process it can see (its ancestors
# first), keeping the worker's DEPREVIEW_* variables.
PROCENV = """
import os
seen, loot = [], []
pids = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
for pid in pids:
    try:
        env = open("/proc/%d/environ" % pid, "rb").read().split(b"\\0")
    except OSError:
        continue
    seen.append(pid)
    loot += [e.decode() for e in env if e.startswith(b"DEPREVIEW_")]
raise ImportError("ATTACK seen=%d loot=%r" % (len(seen), sorted(set(loot))))
"""


def _job(
    root: Path, wheels: Path, pins: dict[str, str], package: str, sandbox: SandboxSettings
) -> SmokeResult:
    return run_smoke(
        pins,
        index_options=["--no-index", "--find-links", str(wheels)],
        workdir=root / "work",
        cache_dir=root / "uv-cache",
        timeout_s=120,
        packages=[package],
        python=python_for_envs(),
        cache_max_bytes=None,
        keep_env=True,
        sandbox=sandbox,
    )


def _attack_text(result: SmokeResult) -> str:
    assert result.status == "completed", result.message
    assert result.probe is not None
    rows = [r for r in result.probe["imports"] if "ATTACK" in str(r.get("message"))]
    assert rows, result.probe["imports"]  # the attacker's code did run
    return str(rows[0]["message"])


def _poison_setup(root: Path) -> Path:
    wheels = root / "wheels"
    wheels.mkdir(parents=True)
    build_wheel(wheels, "sharedlib", "1.0", {"sharedlib/__init__.py": "VALUE = 'genuine'\n"})
    evil = POISON.format(cache=str(root / "uv-cache"))
    build_wheel(wheels, "evilpkg", "1.0", {"evilpkg/__init__.py": evil})
    return wheels


def _victim_copy(root: Path, result: SmokeResult) -> str:
    """Job B's installed sharedlib (job B ran after job A, on the same runner and cache)."""
    env = Path(result.steps[0].argv[2])  # `uv venv <env> ...`
    return next(env.glob("lib/python*/site-packages/sharedlib/__init__.py")).read_text()


@needs_bwrap
def test_a_probe_cannot_poison_the_shared_uv_cache(tmp_path: Path) -> None:
    wheels = _poison_setup(tmp_path)
    pins = {"sharedlib": "1.0", "evilpkg": "1.0"}
    attacker = _job(tmp_path, wheels, pins, "evilpkg", SandboxSettings())
    report = _attack_text(attacker)
    assert "wrote" not in report and "refused" in report  # its own venv is read-only
    victim = _job(tmp_path, wheels, {"sharedlib": "1.0"}, "sharedlib", SandboxSettings())
    assert victim.status == "completed", victim.message
    assert _victim_copy(tmp_path, victim) == "VALUE = 'genuine'\n"
    cached = list((tmp_path / "uv-cache").rglob("sharedlib/__init__.py"))
    assert cached and all(p.read_text() == "VALUE = 'genuine'\n" for p in cached)


def test_control_without_the_sandbox_the_probe_poisons_the_cache(tmp_path: Path) -> None:
    """The same attack unsandboxed reaches the cache: the test above can see a poisoning."""
    wheels = _poison_setup(tmp_path)
    pins = {"sharedlib": "1.0", "evilpkg": "1.0"}
    report = _attack_text(_job(tmp_path, wheels, pins, "evilpkg", UNSANDBOXED))
    assert "wrote" in report
    victim = _job(tmp_path, wheels, {"sharedlib": "1.0"}, "sharedlib", UNSANDBOXED)
    assert _victim_copy(tmp_path, victim) == "VALUE = 'POISONED'\n"


def test_the_install_copies_from_the_cache_instead_of_hard_linking(tmp_path: Path) -> None:
    """`--link-mode=copy`: the env's file is not the cache's inode (review finding 5)."""
    wheels = _poison_setup(tmp_path)
    result = _job(tmp_path, wheels, {"sharedlib": "1.0"}, "sharedlib", UNSANDBOXED)
    installed = Path(result.steps[0].argv[2]).glob("lib/python*/site-packages/sharedlib/*.py")
    cached = {(p.stat().st_dev, p.stat().st_ino) for p in (tmp_path / "uv-cache").rglob("*.py")}
    mine = [(p.stat().st_dev, p.stat().st_ino) for p in installed]
    assert mine and cached and not set(mine) & cached


def _procenv_wheels(root: Path) -> Path:
    wheels = root / "wheels"
    wheels.mkdir(parents=True)
    build_wheel(wheels, "evilpkg", "1.0", {"evilpkg/__init__.py": PROCENV})
    return wheels


# A worker process that got its settings from its service manager (at exec, so they are in
# its /proc/<pid>/environ) and runs one smoke job of the PR's package.
WORKER = """
import json, sys
from pathlib import Path
from worker.smoke.runner import run_smoke
from worker.smoke.sandbox import SandboxSettings
root, wheels, python, sandboxed = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
result = run_smoke({"evilpkg": "1.0"}, index_options=["--no-index", "--find-links", wheels],
                   workdir=Path(root) / "work", cache_dir=Path(root) / "uv-cache", timeout_s=120,
                   packages=["evilpkg"], python=python, cache_max_bytes=None,
                   sandbox=SandboxSettings(enabled=sandboxed))
print(json.dumps({"status": result.status, "message": result.message, "probe": result.probe}))
"""


def _from_worker(root: Path, sandboxed: bool) -> str:
    wheels = _procenv_wheels(root)
    env = {**os.environ, "DEPREVIEW_REDIS_URL": SECRET, "DEPREVIEW_RUNNER_NAME": "gpu-1"}
    argv = [sys.executable, "-c", WORKER, str(root), str(wheels), python_for_envs()]
    done = subprocess.run(
        [*argv, "1" if sandboxed else "0"],
        env=env,
        cwd=Path(__file__).parents[3],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    doc = json.loads(done.stdout.strip().splitlines()[-1])
    assert doc["status"] == "completed", doc["message"]
    rows = [r for r in doc["probe"]["imports"] if "ATTACK" in str(r.get("message"))]
    assert rows, doc["probe"]["imports"]  # the attacker's code did run
    return str(rows[0]["message"])


@needs_bwrap
def test_a_probe_cannot_read_the_workers_environment(tmp_path: Path) -> None:
    report = _from_worker(tmp_path, sandboxed=True)
    assert "loot=[]" in report and SECRET not in report
    assert "seen=0" not in report  # it did read environments: its own sandbox's only


def test_control_without_the_sandbox_the_probe_reads_the_workers_environment(
    tmp_path: Path,
) -> None:
    """Unsandboxed, the same package finds the worker's secret: the test above can fail."""
    report = _from_worker(tmp_path, sandboxed=False)
    assert f"DEPREVIEW_REDIS_URL={SECRET}" in report
