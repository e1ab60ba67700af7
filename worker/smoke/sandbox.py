"""The bubblewrap (`bwrap`) sandbox the smoke probe runs in: a policy, and its argv.

The probe imports packages a pull request chose, so it runs PR code. Inside the sandbox it
gets: its own PID namespace and `/proc` (the worker's `/proc/<pid>/environ` is out of
reach), an environment built from scratch (`--clearenv`, then only the given variables),
the host's file system read-only with the shared uv cache, the runner's work directory,
the worker's configuration and the GPU slot locks hidden under empty tmpfs mounts, the
job's environment re-exposed read-only, a fresh tmpfs `HOME` and `/tmp`, the host's
device nodes (the GPUs) and no network. `bwrap_argv` is pure; `check_bwrap` runs it.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: Where the probe's fresh home lives inside the sandbox (on the tmpfs `/tmp`).
SANDBOX_HOME = "/tmp/home"  # noqa: S108 (inside the sandbox: its own fresh tmpfs)
SANDBOX_TMP = "/tmp"  # noqa: S108 (inside the sandbox: its own fresh tmpfs)
#: The namespaces every sandboxed step gets (the network one only when `network` is off).
UNSHARE = ("--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try")


@dataclass(frozen=True, slots=True)
class SandboxPolicy:
    """What one sandboxed command may see and touch.

    `hidden` paths are covered by empty tmpfs mounts (applied first), then `readonly` and
    `writable` paths are bound back at the same place. `env` is the whole environment.
    """

    env: Mapping[str, str]
    hidden: tuple[Path, ...] = ()
    readonly: tuple[Path, ...] = ()
    writable: tuple[Path, ...] = ()
    network: bool = False
    cwd: str = SANDBOX_HOME


@dataclass(frozen=True, slots=True)
class SandboxSettings:
    """The runner's sandbox settings: the `bwrap` binary, extra hidden paths, the opt-out.

    `enabled=False` runs the probe with no sandbox at all (the operator's explicit choice,
    for development hosts only); otherwise a runner whose `bwrap` does not work runs no
    probe and reports `sandbox-unavailable`.
    """

    enabled: bool = True
    bwrap: str = "bwrap"
    hidden: tuple[Path, ...] = field(default=(Path("/etc/depreview"),))


def bwrap_argv(policy: SandboxPolicy, command: Sequence[str], *, bwrap: str = "bwrap") -> list[str]:
    """The `bwrap` command line that runs `command` under `policy`."""
    argv = [bwrap, "--die-with-parent", "--new-session", "--clearenv", *UNSHARE]
    if not policy.network:
        argv.append("--unshare-net")
    argv += ["--ro-bind", "/", "/", "--dev-bind", "/dev", "/dev", "--proc", "/proc"]
    argv += ["--tmpfs", "/dev/shm"]  # noqa: S108 (a fresh one: no shared memory between jobs)
    argv += ["--tmpfs", SANDBOX_TMP, "--dir", SANDBOX_HOME]
    for path in _outermost(policy.hidden):
        argv += ["--tmpfs", str(path)]
    for path in policy.readonly:
        argv += ["--ro-bind", str(path), str(path)]
    for path in policy.writable:
        argv += ["--bind", str(path), str(path)]
    env = {**policy.env, "HOME": SANDBOX_HOME, "TMPDIR": SANDBOX_TMP}
    for key, value in sorted(env.items()):
        argv += ["--setenv", key, value]
    argv += ["--chdir", policy.cwd, "--", *command]
    return argv


def _outermost(paths: Sequence[Path]) -> list[Path]:
    """`paths` without those inside another one (a tmpfs over the parent hides them)."""
    unique = sorted({Path(p) for p in paths}, key=lambda p: (len(p.parts), str(p)))
    kept: list[Path] = []
    for path in unique:
        if not any(path == k or k in path.parents for k in kept):
            kept.append(path)
    return kept


def check_bwrap(bwrap: str = "bwrap", timeout_s: float = 20.0) -> str | None:
    """None when `bwrap` can build the probe's sandbox on this host, else why not.

    Runs `true` under the same namespaces and mounts the probe gets (new PID, network,
    IPC and UTS namespaces, a fresh `/proc`, read-only root), so a host where any of
    them is refused (no user namespaces, an AppArmor restriction, a container without
    the privileges) is found before a job runs.
    """
    argv = bwrap_argv(SandboxPolicy(env={"PATH": "/usr/bin:/bin"}, cwd="/"), ["true"], bwrap=bwrap)
    try:
        done = subprocess.run(
            argv, capture_output=True, timeout=timeout_s, check=False, stdin=subprocess.DEVNULL
        )
    except FileNotFoundError:
        return f"{bwrap} is not installed (Debian/Ubuntu package `bubblewrap`)"
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{bwrap} could not run: {type(exc).__name__}: {exc}"
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        last = why[-1] if why else "no message"
        return f"{bwrap} failed (exit {done.returncode}): {last}{userns_hint(last)}"
    return None


#: What bwrap prints when the kernel or an LSM refuses it a user namespace (bubblewrap's
#: own messages; Ubuntu 23.10+ with `kernel.apparmor_restrict_unprivileged_userns=1`
#: gives the first, or the last when only the loopback set-up inside `--unshare-net` fails).
USERNS_REFUSED = (
    "setting up uid map: Permission denied",
    "No permissions to creating new namespace",
    "Creating new namespace failed",
    "loopback: Failed RTM_NEWADDR",
)
RESTRICT_SYSCTL = Path("/proc/sys/kernel/apparmor_restrict_unprivileged_userns")


def userns_hint(message: str, sysctl: Path = RESTRICT_SYSCTL) -> str:
    """What to do when `message` says bwrap was refused a user namespace, else ''."""
    if not any(sign in message for sign in USERNS_REFUSED):
        return ""
    try:
        restricted = sysctl.read_text().strip() == "1"
    except OSError:
        restricted = False
    here = " (it is 1 on this host)" if restricted else ""
    return (
        f" — user namespaces are refused to bwrap: on Ubuntu 23.10+ the AppArmor sysctl"
        f" kernel.apparmor_restrict_unprivileged_userns=1{here} needs an AppArmor profile"
        f" that allows `userns` for the bwrap binary (docs/gpu-runners.md, 'What the host"
        f" needs'); elsewhere enable unprivileged user namespaces"
    )
