"""Run a smoke test: isolated env from resolved pins (uv), the probe in a subprocess, cleanup."""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from worker.smoke import probe as probe_module
from worker.smoke.facts import RunnerFacts
from worker.smoke.sandbox import SandboxPolicy, SandboxSettings, bwrap_argv, check_bwrap

logger = logging.getLogger(__name__)

Status = Literal[
    "completed", "install-failed", "timeout", "cancelled", "error", "sandbox-unavailable"
]

#: Host variables a GPU process needs; everything else (tokens, proxies, config) stays out.
PASSTHROUGH_ENV: tuple[str, ...] = (
    "CUDA_VISIBLE_DEVICES",
    "NVIDIA_VISIBLE_DEVICES",
    "NVIDIA_DRIVER_CAPABILITIES",
    "LD_LIBRARY_PATH",
    "CUDA_HOME",
    "LANG",
    "TZ",
)
DEFAULT_CACHE_MAX_BYTES = 40 * 1024**3
_TAIL = 4000
_KILL_GRACE_S = 3.0


@dataclass(frozen=True, slots=True)
class StepResult:
    """One subprocess of a smoke test: what ran, how it ended, how long it took."""

    name: str
    argv: tuple[str, ...]
    rc: int | None
    seconds: float
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        """Exit code 0, not killed."""
        return self.rc == 0 and not self.timed_out and not self.cancelled


@dataclass(frozen=True, slots=True)
class SmokeResult:
    """The outcome of `run_smoke`: a status, the probe's JSON when it ran, the steps."""

    status: Status
    message: str
    probe: dict[str, Any] | None
    steps: tuple[StepResult, ...]
    pins: tuple[tuple[str, str], ...]
    seconds: float
    installed: tuple[tuple[str, str], ...] = ()
    base_environment: str | None = None
    stage: str | None = None
    runner_facts: RunnerFacts | None = None

    def step(self, name: str) -> StepResult | None:
        """The step called `name`, if it ran."""
        return next((s for s in self.steps if s.name == name), None)


def _tail(text: str, limit: int = _TAIL) -> str:
    return text[-limit:]


def find_uv() -> str:
    """The uv binary: the one shipped with the `uv` package, else the PATH's."""
    try:
        from uv import find_uv_bin

        return str(find_uv_bin())
    except (ImportError, FileNotFoundError):
        found = shutil.which("uv")
        if found is None:
            raise FileNotFoundError("uv is not installed") from None
        return found


def sandbox_env(
    *,
    env_dir: Path | None,
    home: Path,
    cache_dir: Path,
    extra: Mapping[str, str] | None = None,
    source: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """A minimal environment for uv and the probe: no proxies, tokens or user config."""
    source = os.environ if source is None else source
    env = {k: source[k] for k in PASSTHROUGH_ENV if k in source}
    path = ["/usr/local/bin", "/usr/bin", "/bin"]
    if env_dir is not None:
        path.insert(0, str(env_dir / "bin"))
        env["VIRTUAL_ENV"] = str(env_dir)
    env.update(
        {
            "PATH": os.pathsep.join(path),
            "HOME": str(home),
            "TMPDIR": str(home),
            "LC_ALL": "C.UTF-8",
            "PYTHONNOUSERSITE": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONUNBUFFERED": "1",
            "PIP_NO_INPUT": "1",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "UV_CACHE_DIR": str(cache_dir),
            "UV_NO_CONFIG": "1",
            "UV_PYTHON_DOWNLOADS": "never",
            "UV_NO_PROGRESS": "1",
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
        }
    )
    env.update(extra or {})
    return env


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    for sig, wait in ((signal.SIGTERM, _KILL_GRACE_S), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def run_step(
    name: str,
    argv: Sequence[str],
    *,
    env: Mapping[str, str],
    cwd: Path,
    deadline: float,
    should_cancel: Callable[[], bool] | None = None,
    cancel_poll_s: float = 0.5,
) -> StepResult:
    """Run `argv` in its own process group until it exits, the deadline, or cancellation."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            list(argv),
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=dict(env),
            cwd=cwd,
            start_new_session=True,
        )
        timed_out = cancelled = False
        next_cancel_check = started
        while True:
            try:
                proc.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                pass
            now = time.monotonic()
            if now >= deadline:
                timed_out = True
            elif should_cancel is not None and now >= next_cancel_check:
                next_cancel_check = now + cancel_poll_s
                cancelled = should_cancel()
            if timed_out or cancelled:
                _kill_group(proc)
                break
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return StepResult(
        name=name,
        argv=tuple(argv),
        rc=proc.returncode,
        seconds=round(time.monotonic() - started, 3),
        stdout=stdout,
        stderr=stderr,
        timed_out=timed_out,
        cancelled=cancelled,
    )


def _env_python(env_dir: Path) -> Path:
    return env_dir / "bin" / "python"


def base_python(base_environment: Path) -> Path:
    """The interpreter of a base environment given as a venv/prefix directory or a file."""
    if base_environment.is_dir():
        return base_environment / "bin" / "python"
    return base_environment


def _requirements(pins: Mapping[str, str]) -> str:
    return "".join(f"{name}=={version}\n" for name, version in sorted(pins.items()))


def _differs(installed: str | None, wanted: str) -> bool:
    if installed is None:
        return True
    try:
        return Version(installed) != Version(wanted)
    except InvalidVersion:
        return installed != wanted


_LIST_SCRIPT = (
    "import json, importlib.metadata as m\n"
    "print(json.dumps({d.metadata['Name']: d.version for d in m.distributions() "
    "if d.metadata['Name']}))\n"
)
_SITE_SCRIPT = (
    "import json, site, sys, sysconfig\n"
    "print(json.dumps({'purelib': sysconfig.get_paths()['purelib'], "
    "'site': [p for p in sys.path if p.endswith(('site-packages', 'dist-packages'))]}))\n"
)


@dataclass
class _Job:
    """Mutable state of one `run_smoke` call."""

    uv: str
    env_dir: Path
    home: Path
    cache_dir: Path
    deadline: float
    should_cancel: Callable[[], bool] | None
    extra_env: Mapping[str, str]
    root: Path
    sandbox: SandboxSettings
    hidden: tuple[Path, ...] = ()
    #: Paths outside the job the probe must read (a base environment's), even when hidden.
    visible: list[Path] = field(default_factory=list)
    steps: list[StepResult] = field(default_factory=list)

    def env(self, with_venv: bool = True) -> dict[str, str]:
        return sandbox_env(
            env_dir=self.env_dir if with_venv else None,
            home=self.home,
            cache_dir=self.cache_dir,
            extra=self.extra_env,
        )

    def run(
        self,
        name: str,
        argv: Sequence[str],
        *,
        deadline: float | None = None,
        readonly: Sequence[Path] = (),
    ) -> StepResult:
        """Run one step; `readonly` given: inside the sandbox (unless the operator opted out)."""
        env, cwd = self.env(), self.home
        if readonly and self.sandbox.enabled:
            env = {k: v for k, v in env.items() if not k.startswith("UV_")}
            policy = SandboxPolicy(env=env, hidden=self.hidden, readonly=tuple(readonly))
            argv = bwrap_argv(policy, argv, bwrap=self.sandbox.bwrap)
            env = {k: env[k] for k in ("PATH", "LANG", "LC_ALL") if k in env}  # bwrap's own
            cwd = self.root
        step = run_step(
            name,
            argv,
            env=env,
            cwd=cwd,
            deadline=min(deadline or self.deadline, self.deadline),
            should_cancel=self.should_cancel,
        )
        self.steps.append(step)
        return step


def _overlay_base(job: _Job, pins: Mapping[str, str], base: Path) -> tuple[dict[str, str], str]:
    """Link the base env's site-packages into the new venv; the pins it lacks (or differs on)."""
    python = str(_env_python(job.env_dir))
    where = job.run("base-site", [str(base), "-c", _SITE_SCRIPT])
    if not where.ok:
        return {}, f"cannot read the base environment's paths: {_tail(where.stderr, 500)}"
    base_paths = json.loads(where.stdout)["site"]
    job.visible += [Path(p) for p in base_paths if Path(p).is_dir()]
    if (base.parent.parent / "pyvenv.cfg").is_file():  # a venv's interpreter: the venv too
        job.visible.append(base.parent.parent.absolute())
    mine = job.run("env-site", [python, "-c", _SITE_SCRIPT])
    if not mine.ok:
        return {}, f"cannot read the new environment's paths: {_tail(mine.stderr, 500)}"
    purelib = Path(json.loads(mine.stdout)["purelib"])
    # A venv made from a venv's interpreter does not see that venv's packages: a .pth does.
    (purelib / "_depreview_base.pth").write_text("".join(f"{p}\n" for p in base_paths))
    listed = job.run("base-list", [python, "-c", _LIST_SCRIPT])
    if not listed.ok:
        return {}, f"cannot list the base environment: {_tail(listed.stderr, 500)}"
    have = {str(canonicalize_name(k)): v for k, v in json.loads(listed.stdout).items()}
    todo = {
        name: version
        for name, version in pins.items()
        if _differs(have.get(str(canonicalize_name(name))), version)
    }
    return todo, ""


def _result(
    job: _Job,
    status: Status,
    message: str,
    *,
    pins: Mapping[str, str],
    started: float,
    probe: dict[str, Any] | None = None,
    installed: Mapping[str, str] | None = None,
    base: Path | None = None,
    stage: str | None = None,
) -> SmokeResult:
    return SmokeResult(
        status=status,
        message=message,
        probe=probe,
        steps=tuple(job.steps),
        pins=tuple(sorted(pins.items())),
        seconds=round(time.monotonic() - started, 3),
        installed=tuple(sorted((installed or {}).items())),
        base_environment=str(base) if base else None,
        stage=stage,
    )


def _stopped(job: _Job, step: StepResult, pins: Mapping[str, str], started: float) -> SmokeResult:
    if step.cancelled:
        return _result(
            job, "cancelled", f"cancelled during {step.name}", pins=pins, started=started
        )
    return _result(job, "timeout", f"timed out during {step.name}", pins=pins, started=started)


def last_stage(stderr: str) -> str | None:
    """The last `##probe-stage` the probe announced (where it was when killed)."""
    stages = [
        line.split(" ", 1)[1].strip()
        for line in stderr.splitlines()
        if line.startswith("##probe-stage ")
    ]
    return stages[-1] if stages else None


def run_smoke(
    pins: Mapping[str, str],
    *,
    index_options: Sequence[str] = (),
    base_environment: Path | None = None,
    workdir: Path,
    cache_dir: Path,
    timeout_s: float,
    modules: Sequence[str] = (),
    packages: Sequence[str] | None = None,
    python: str | None = None,
    should_cancel: Callable[[], bool] | None = None,
    extra_env: Mapping[str, str] | None = None,
    cache_max_bytes: int | None = DEFAULT_CACHE_MAX_BYTES,
    keep_env: bool = False,
    sandbox: SandboxSettings | None = None,
) -> SmokeResult:
    """Install `pins` into a fresh env (or on top of `base_environment`) and run the probe.

    `index_options` are uv arguments (`--index-url URL`, `--find-links DIR`, `--no-index`).
    `packages` are the distributions whose modules the probe imports (default: all pins),
    `modules` extra module names. Every outcome is a `SmokeResult`; nothing raises for a
    failing environment, a timeout or a cancellation.

    The install runs uv with wheels only (`--no-build`: no PR code runs) and
    `--link-mode=copy` (the environment shares no inode with the cache); the probe, which
    imports the PR's packages, runs in the `bwrap` sandbox of `sandbox` (default: enabled)
    with `cache_dir`, `workdir` and `sandbox.hidden` hidden. When the sandbox does not
    work on this host, nothing is installed or probed: `sandbox-unavailable`.
    """
    started = time.monotonic()
    sandbox = sandbox or SandboxSettings()
    workdir.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="smoke-", dir=workdir))
    home = root / "home"
    home.mkdir()
    hidden = [cache_dir, workdir, *sandbox.hidden]
    job = _Job(
        uv=find_uv(),
        env_dir=root / "env",
        home=home,
        cache_dir=cache_dir,
        deadline=started + timeout_s,
        should_cancel=should_cancel,
        extra_env=extra_env or {},
        root=root,
        sandbox=sandbox,
        hidden=tuple(p.absolute() for p in hidden if p.exists()),
    )
    try:
        if should_cancel is not None and should_cancel():
            return _result(job, "cancelled", "superseded before start", pins=pins, started=started)
        if sandbox.enabled:
            problem = check_bwrap(sandbox.bwrap)
            if problem is not None:
                logger.error("smoke sandbox unavailable", extra={"error": problem})
                message = f"the probe's sandbox does not work on this runner: {problem}"
                return _result(job, "sandbox-unavailable", message, pins=pins, started=started)
        return _run(job, pins, index_options, base_environment, modules, packages, python, started)
    except Exception as exc:  # an infrastructure failure still gives a result
        logger.exception("smoke run failed")
        return _result(job, "error", f"{type(exc).__name__}: {exc}", pins=pins, started=started)
    finally:
        if not keep_env:
            shutil.rmtree(root, ignore_errors=True)
        if cache_max_bytes is not None:
            try:
                prune_cache(cache_dir, cache_max_bytes, uv=job.uv)
            except Exception as exc:  # pruning must never turn a result into an error
                logger.warning("cache prune failed", extra={"error": str(exc)})


def _run(
    job: _Job,
    pins: Mapping[str, str],
    index_options: Sequence[str],
    base_environment: Path | None,
    modules: Sequence[str],
    packages: Sequence[str] | None,
    python: str | None,
    started: float,
) -> SmokeResult:
    base = base_python(base_environment) if base_environment is not None else None
    interpreter = str(base) if base is not None else (python or sys.executable)
    venv_argv = [job.uv, "venv", str(job.env_dir), "--python", interpreter, "--no-project"]
    if base is not None:
        venv_argv.append("--system-site-packages")
    step = job.run("venv", venv_argv)
    if not step.ok:
        if step.timed_out or step.cancelled:
            return _stopped(job, step, pins, started)
        return _result(job, "error", "uv venv failed", pins=pins, started=started)
    to_install: dict[str, str] = dict(pins)
    if base is not None:
        to_install, problem = _overlay_base(job, pins, base)
        if problem:
            return _result(job, "error", problem, pins=pins, started=started, base=base)
    reqs = job.home / "requirements.txt"
    reqs.write_text(_requirements(to_install))
    if to_install:
        python_path = str(_env_python(job.env_dir))
        common = ["--python", python_path, "--no-build", "--link-mode=copy"]
        common += ["--cache-dir", str(job.cache_dir)]
        if base is None:
            argv = [job.uv, "pip", "sync", str(reqs), *common, *index_options]
        else:
            argv = [job.uv, "pip", "install", "--no-deps", "-r", str(reqs), *common]
            argv += list(index_options)
        step = job.run("install", argv)
        if not step.ok:
            if step.timed_out or step.cancelled:
                return _stopped(job, step, pins, started)
            return _result(
                job,
                "install-failed",
                _tail(step.stderr.strip() or step.stdout.strip(), 2000),
                pins=pins,
                started=started,
                installed=to_install,
                base=base,
            )
    if base is None:  # uv sees only the venv's own packages, not those of a base env
        python_path = str(_env_python(job.env_dir))
        check = job.run("uv-pip-check", [job.uv, "pip", "check", "--python", python_path])
        if check.timed_out or check.cancelled:
            return _stopped(job, check, pins, started)
    return _probe(job, pins, modules, packages, started, to_install, base)


def _probe(
    job: _Job,
    pins: Mapping[str, str],
    modules: Sequence[str],
    packages: Sequence[str] | None,
    started: float,
    installed: Mapping[str, str],
    base: Path | None,
) -> SmokeResult:
    probe_dir = job.root / "probe"
    probe_dir.mkdir()
    script = probe_dir / "depreview_probe.py"
    shutil.copyfile(probe_module.__file__, script)
    left = job.deadline - time.monotonic()
    wanted = list(pins) if packages is None else list(packages)
    argv = [
        str(_env_python(job.env_dir)),
        str(script),
        "--modules",
        ",".join(modules),
        "--packages",
        ",".join(wanted),
        "--timeout",
        f"{max(left - 10.0, 5.0):.0f}",
    ]
    step = job.run("probe", argv, readonly=[job.env_dir, probe_dir, *job.visible])
    stage = last_stage(step.stderr)
    common: dict[str, Any] = {
        "pins": pins,
        "started": started,
        "installed": installed,
        "base": base,
    }
    if step.cancelled:
        return _result(job, "cancelled", "cancelled during the probe", stage=stage, **common)
    if step.timed_out:
        return _result(job, "timeout", f"the probe timed out at {stage}", stage=stage, **common)
    try:
        doc = json.loads(step.stdout[step.stdout.index("{") :])
    except ValueError:
        how = f"exit code {step.rc}" if (step.rc or 0) >= 0 else f"signal {-(step.rc or 0)}"
        return _result(
            job,
            "error",
            f"the probe printed no JSON ({how}) at {stage}: {_tail(step.stderr, 1500)}",
            stage=stage,
            **common,
        )
    return _result(job, "completed", "probe completed", probe=doc, stage=stage, **common)


def dir_size(path: Path) -> int:
    """Bytes under `path` (files only, symlinks not followed)."""
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += (Path(root) / name).lstat().st_size
            except OSError:
                continue
    return total


def prune_cache(cache_dir: Path, max_bytes: int, *, uv: str | None = None) -> dict[str, int]:
    """Keep the wheel cache under `max_bytes`: `uv cache prune`, then `uv cache clean`."""
    before = dir_size(cache_dir)
    report = {"before": before, "after": before, "pruned": 0, "cleaned": 0}
    if before <= max_bytes:
        return report
    uv = uv or find_uv()
    env = sandbox_env(env_dir=None, home=cache_dir.parent, cache_dir=cache_dir)

    def uv_cache(command: str) -> None:
        subprocess.run(
            [uv, "cache", command, "--cache-dir", str(cache_dir)],
            env=env,
            capture_output=True,
            timeout=600,
            check=False,
        )

    uv_cache("prune")
    report["pruned"] = 1
    after = dir_size(cache_dir)
    if after > max_bytes:
        uv_cache("clean")
        report["cleaned"] = 1
        after = dir_size(cache_dir)
    report["after"] = after
    logger.info("smoke cache pruned", extra=report)
    return report
