"""The GPU runners' Redis users (deploy/redis/users.acl) against a real redis-server.

The ACL file is the deployed one, rendered by the deployed `render-acl.sh` for three
runners. Each runner's user `depreview-gpu-<name>` must reach what its GPU worker uses and
nothing else: not the review queue, not kombu's `unacked` hash where review workers keep
the messages they hold (installations, repositories, PRs), not the routing table of the
review exchange, no pub/sub channel, and nothing of another runner (its queue, held jobs,
outcomes, registry entry) nor the shared `gpu` queue. A real
`celery -A worker.celery_app worker` started with the compose file's GPU command and
environment then runs a smoke job under its runner's user (docs/gpu-runners.md, "Redis ACL").
"""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from kombu.connection import Connection
from redis import Redis
from redis.exceptions import AuthenticationError, NoPermissionError, ResponseError

from tests.redis_proc import free_port, redis_binary

pytestmark = pytest.mark.skipif(redis_binary() is None, reason="redis-server is not installed")

ROOT = Path(__file__).parents[3]
DEPLOY = ROOT / "deploy"
FIXTURES = ROOT / "tests" / "fixtures" / "gpu-runner"
ADMIN_PW = "adminpw0123456789"
#: The runners of the rendered file: A and B for the ACL checks, the real worker's own.
RUNNER_A, RUNNER_B, RUNNER = "h100-a", "h100-b", "h100-acl"
GPU_PW = {RUNNER_A: "gpupwA0123456789", RUNNER_B: "gpupwB0123456789", RUNNER: "gpupw0123456789"}


def _cmd(client: Redis, *args: Any) -> Any:
    return client.execute_command(*args)  # type: ignore[no-untyped-call]


class AclRedis:
    """redis-server with the rendered deploy/redis/users.acl."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        acl = workdir / "users.acl"
        env = {**os.environ, "DEPREVIEW_REDIS_PASSWORD": ADMIN_PW}
        variables = {name: f"GPU_PW_{i}" for i, name in enumerate(GPU_PW)}
        env |= {variables[name]: password for name, password in GPU_PW.items()}
        env["DEPREVIEW_GPU_RUNNERS"] = ",".join(f"{n}:{v}" for n, v in variables.items())
        subprocess.run(
            ["sh", str(DEPLOY / "redis" / "render-acl.sh"), str(DEPLOY / "redis" / "users.acl"),
             str(acl)],
            env=env, check=True,
        )  # fmt: skip
        self.proc = subprocess.Popen(
            [str(redis_binary()), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(workdir), "--aclfile", str(acl)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while True:
            try:
                self.admin().ping()
                break
            except Exception:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def url(self, user: str, password: str) -> str:
        return f"redis://{user}:{password}@127.0.0.1:{self.port}/0"

    def admin(self) -> Redis:
        return Redis(port=self.port, username="depreview", password=ADMIN_PW)

    def gpu(self, runner: str = RUNNER_A) -> Redis:
        """A connection as runner `runner`'s user."""
        return Redis(port=self.port, username=f"depreview-gpu-{runner}", password=GPU_PW[runner])

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AclRedis]:
    srv = AclRedis(tmp_path_factory.mktemp("redis-acl"))
    yield srv
    srv.stop()


@pytest.fixture
def admin(server: AclRedis) -> Iterator[Redis]:
    client = server.admin()
    client.flushall()
    _cmd(client, "ACL", "LOG", "RESET")
    yield client
    client.close()


@pytest.fixture
def gpu_user(server: AclRedis, admin: Redis) -> Iterator[Redis]:
    client = server.gpu()
    yield client
    client.close()


def test_the_default_user_is_off(server: AclRedis) -> None:
    with pytest.raises((AuthenticationError, ResponseError), match=r"(?i)auth|noperm"):
        Redis(port=server.port).get("depreview:installation:1")


@pytest.mark.parametrize(
    "command",
    [
        ("LPUSH", "gpu.h100-a", "job"),  # its queue (kombu's priority lists too)
        ("BRPOP", "gpu.h100-a", *(f"gpu.h100-a\x06\x16{p}" for p in (3, 6, 9)), "1"),
        ("SADD", "_kombu.binding.gpu.h100-a", "x"),  # its own exchange's routing table
        ("SMEMBERS", "_kombu.binding.review"),  # to address its notices to `review`
        ("HSET", "gpu-unacked.h100-a", "tag", "x"),  # its own unacked keys (broker.py)
        ("ZADD", "gpu-unacked_index.h100-a", "1", "tag"),
        ("SET", "gpu-unacked_mutex.h100-a", "x", "NX", "PX", "1000"),
        ("SET", "depreview:runner:h100-a", "{}", "EX", "60"),  # its registry entry
        ("EXISTS", "depreview:runner:h100-a"),
        ("GET", "depreview:smoke:acme/ml#7"),  # "superseded?" (read only)
        ("SET", "depreview:smoke:outcome:h100-a:acme/ml:9", "{}"),  # its outcomes
        ("GET", "depreview:smoke:outcome:h100-a:acme/ml:9"),
        ("LPUSH", "review", "{}"),  # worker.smoke_started / publish_smoke
        ("LLEN", "review"),  # a length, no content (LPUSH returns it anyway)
    ],
)
def test_the_gpu_user_reaches_what_the_gpu_worker_uses(
    gpu_user: Redis, command: tuple[str, ...]
) -> None:
    _cmd(gpu_user, *command)


@pytest.mark.parametrize(
    "command",
    [
        ("LRANGE", "review", "0", "-1"),  # read the review queue (index URLs, other repos)
        ("RPOP", "review"),
        ("HGETALL", "unacked"),  # review messages held by review workers
        ("HGET", "unacked", "tag"),
        ("ZRANGE", "unacked_index", "0", "-1"),
        ("SET", "unacked_mutex", "x"),  # stall the review side's redelivery
        ("SADD", "_kombu.binding.review", "review\x06\x16\x06\x16gpu.evil"),  # re-route reviews
        ("SREM", "_kombu.binding.review", "review\x06\x16\x06\x16review"),
        ("GET", "depreview:smoke:job:acme/ml:9"),  # the dispatch records (job ids)
        ("SET", "depreview:smoke:job:acme/ml:9", "{}"),
        ("SET", "depreview:smoke:acme/ml#7", "x"),  # "superseded" is the review side's
        ("SET", "depreview:lock:acme/ml#7", "x"),  # review locks, caches, installations
        ("GET", "depreview:installation:1"),
        ("HGETALL", "depreview:leases"),  # running reviews' kwargs
        ("KEYS", "*"),
        ("SCAN", "0"),  # key names without KEYS
        ("RANDOMKEY",),
        ("PUBLISH", "/0.celery.pidbox", "{}"),  # Celery remote control
        ("PUBLISH", "/0.celeryev/worker.heartbeat", "{}"),
        ("SPUBLISH", "x", "{}"),
        ("FUNCTION", "LIST"),
        ("SORT", "gpu.h100-a", "BY", "nosort", "GET", "depreview:installation:*"),
        ("CLIENT", "LIST"),
        ("MONITOR",),
        ("FLUSHALL",),
        ("CONFIG", "GET", "*"),
        ("ACL", "LIST"),
    ],
)
def test_the_gpu_user_cannot_reach_anything_else(gpu_user: Redis, command: tuple[str, ...]) -> None:
    with pytest.raises((NoPermissionError, ResponseError), match=r"(?i)noperm|no permissions"):
        _cmd(gpu_user, *command)


@pytest.mark.parametrize(
    "command",
    [
        # runner B's queue and its priority lists: read, pop, push, length
        ("LRANGE", "gpu.h100-b", "0", "-1"),
        ("BRPOP", "gpu.h100-b", "1"),
        ("BRPOP", "gpu.h100-a", "gpu.h100-b", "1"),  # one foreign key refuses the whole BRPOP
        ("BRPOP", "gpu.h100-b\x06\x163", "1"),
        ("RPOP", "gpu.h100-b"),
        ("LPUSH", "gpu.h100-b", "job"),
        ("LLEN", "gpu.h100-b"),
        # the queues of runners whose names start with A's (the priority pattern's classes)
        ("LRANGE", "gpu.h100-ab", "0", "-1"),
        ("LRANGE", "gpu.h100-a-x3", "0", "-1"),
        ("LRANGE", "gpu.h100-a.b3", "0", "-1"),
        # the shared queue (no job is sent there) and the old shared unacked keys
        ("LRANGE", "gpu", "0", "-1"),
        ("BRPOP", "gpu", "1"),
        ("LPUSH", "gpu", "job"),
        ("HGETALL", "gpu-unacked"),
        ("ZRANGE", "gpu-unacked_index", "0", "-1"),
        # B's held jobs (kombu's unacked keys of B's worker)
        ("HGETALL", "gpu-unacked.h100-b"),
        ("HSET", "gpu-unacked.h100-b", "tag", "x"),
        ("ZRANGE", "gpu-unacked_index.h100-b", "0", "-1"),
        ("ZRANGEBYSCORE", "gpu-unacked_index.h100-b", "0", "+inf"),
        ("SET", "gpu-unacked_mutex.h100-b", "x", "NX", "PX", "1000"),
        # B's routing tables (re-route B's jobs)
        ("SADD", "_kombu.binding.gpu.h100-b", "x"),
        ("SMEMBERS", "_kombu.binding.gpu.h100-b"),
        # B's outcomes, and the old unkeyed outcome names
        ("GET", "depreview:smoke:outcome:h100-b:acme/ml:9"),
        ("SET", "depreview:smoke:outcome:h100-b:acme/ml:9", "{}"),
        ("DEL", "depreview:smoke:outcome:h100-b:acme/ml:9"),
        ("SET", "depreview:smoke:outcome:h100-ab:acme/ml:9", "{}"),
        ("GET", "depreview:smoke:outcome:acme/ml:9"),
        ("SET", "depreview:smoke:outcome:acme/ml:9", "{}"),
        # B's registry entry
        ("GET", "depreview:runner:h100-b"),
        ("EXISTS", "depreview:runner:h100-b"),
        ("SET", "depreview:runner:h100-b", "{}", "EX", "60"),
        ("DEL", "depreview:runner:h100-b"),
    ],
)
def test_runner_a_s_user_cannot_reach_runner_b_s_keys(
    gpu_user: Redis, command: tuple[str, ...]
) -> None:
    with pytest.raises((NoPermissionError, ResponseError), match=r"(?i)noperm|no permissions"):
        _cmd(gpu_user, *command)


def test_runner_b_s_own_keys_are_b_s(server: AclRedis, admin: Redis) -> None:
    """The control of the test above: B's user reaches the keys A's user may not."""
    runner_b = server.gpu(RUNNER_B)
    for command in [
        ("LPUSH", "gpu.h100-b", "job"),
        ("BRPOP", "gpu.h100-b", "gpu.h100-b\x06\x163", "1"),
        ("HSET", "gpu-unacked.h100-b", "tag", "x"),
        ("ZRANGE", "gpu-unacked_index.h100-b", "0", "-1"),
        ("SET", "depreview:smoke:outcome:h100-b:acme/ml:9", "{}"),
        ("GET", "depreview:runner:h100-b"),
    ]:
        _cmd(runner_b, *command)
    with pytest.raises(NoPermissionError):
        runner_b.get("depreview:smoke:outcome:h100-a:acme/ml:9")
    runner_b.close()


@pytest.mark.parametrize("subscribe", ["SUBSCRIBE", "PSUBSCRIBE"])
def test_the_gpu_user_has_no_channel(gpu_user: Redis, subscribe: str) -> None:
    pubsub = gpu_user.pubsub()  # type: ignore[no-untyped-call]
    with pytest.raises((NoPermissionError, ResponseError), match=r"(?i)noperm|no permissions"):
        getattr(pubsub, subscribe.lower())("*" if subscribe == "PSUBSCRIBE" else "/0.celery.pidbox")
        pubsub.get_message(timeout=1)
    pubsub.close()


def test_a_review_message_held_by_a_review_worker_is_out_of_the_gpu_user_s_reach(
    server: AclRedis, admin: Redis, gpu_user: Redis
) -> None:
    """kombu keeps a held (acks_late) message in `unacked`: the GPU user cannot read it."""
    with Connection(server.url("depreview", ADMIN_PW)) as conn:  # type: ignore[no-untyped-call]
        queue = conn.SimpleQueue("review")
        queue.put({"installation_id": 4242, "repo": "victim-org/private-repo"})
        held = queue.get(timeout=5)  # received, not acknowledged: in kombu's `unacked`
        (raw,) = admin.hgetall("unacked").values()  # what a reader of `unacked` gets
        body = base64.b64decode(json.loads(raw)[0]["body"])
        assert b"victim-org/private-repo" in body
        with pytest.raises(NoPermissionError):
            gpu_user.hgetall("unacked")
        with pytest.raises(NoPermissionError):
            gpu_user.zrange("unacked_index", 0, -1)
        held.ack()
        queue.close()


# -- a real GPU worker under this user ----------------------------------------------------------

USERNS_DENIED = "bwrap: setting up uid map: Permission denied"


def _interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's `${NAME}`, `${NAME:-default}` and `${NAME:?message}` against `env`."""

    def one(match: re.Match[str]) -> str:
        name, op, rest = match.group(1), match.group(2), match.group(3) or ""
        if env.get(name):
            return env[name]
        if op == ":?":
            raise AssertionError(f"compose needs {name}: {rest}")
        return rest if op == ":-" else ""

    return re.sub(r"\$\{(\w+)(:-|:\?)?([^}]*)\}", one, value)


def _gpu_service() -> dict[str, Any]:
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())
    service: dict[str, Any] = compose["services"]["gpu-worker"]
    return service


def _gpu_worker_env(server: AclRedis, tmp_path: Path) -> dict[str, str]:
    """The compose file's environment for the GPU worker, on this Redis and a fake GPU."""
    shell = {"DEPREVIEW_GPU_REDIS_PASSWORD": GPU_PW[RUNNER], "DEPREVIEW_RUNNER_NAME": RUNNER,
             "DEPREVIEW_GPU_REDIS_ADDRESS": f"127.0.0.1:{server.port}"}  # fmt: skip
    compose_env = {
        name: _interpolate(str(value), shell)
        for name, value in _gpu_service()["environment"].items()
        if value is not None
    }
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    row = (FIXTURES / "derived-query-noheader-nounits.csv").read_text().strip()
    smi = bin_dir / "nvidia-smi"  # the H100 runner's recorded output (tests/fixtures)
    smi.write_text(
        f"#!/bin/sh\ncase \"$1\" in\n  -q) cat '{FIXTURES / 'nvidia-smi-q.xml'}' ;;\n"
        f"  --query-gpu=*) echo '0, {row}' ;;\n  *) echo 'fake nvidia-smi' ;;\nesac\n"
    )
    bwrap = bin_dir / "bwrap"  # an Ubuntu 24.04 host without the AppArmor profile, slowly
    bwrap.write_text(f"#!/bin/sh\nsleep 3\necho '{USERNS_DENIED}' >&2\nexit 1\n")
    for script in (smi, bwrap):
        script.chmod(0o755)
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("DEPREVIEW_")}
    return {
        **inherited,
        **compose_env,
        "DEPREVIEW_ENVIRONMENT": "development",
        "DEPREVIEW_RUNNER_OUTCOME_KEY": _runner_key().hex(),  # signs its outcomes
        "DEPREVIEW_RUNNER_WORKDIR": str(tmp_path / "work"),
        "DEPREVIEW_RUNNER_CACHE_DIR": str(tmp_path / "uv-cache"),
        "DEPREVIEW_RUNNER_BWRAP": str(bwrap),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(ROOT),
    }


UNACKED = f"gpu-unacked.{RUNNER}"  # the real worker's held jobs (worker/smoke/broker.py)
OUTCOME_SECRET = "acl-test-webhook-secret-0123456789"  # the review side's, never the runner's


def _runner_key() -> bytes:
    from core.task_auth import runner_key

    key = runner_key(OUTCOME_SECRET, RUNNER)
    assert key is not None
    return key


def _wait(what: str, ok: Callable[[], bool], proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while not ok():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"waiting for {what}; worker log:\n{log.read_text()[-4000:]}")
        time.sleep(0.1)


def _acl_denials(admin: Redis) -> list[str]:
    entries = _cmd(admin, "ACL", "LOG")
    return [str(entry) for entry in entries]


@pytest.mark.integration
def test_a_real_gpu_worker_runs_a_job_under_the_gpu_user(
    server: AclRedis, admin: Redis, tmp_path: Path
) -> None:
    from core.settings import Settings
    from worker.celery_app import make_celery

    service = _gpu_service()
    assert service["environment"]["DEPREVIEW_GPU_WORKER"] == "true"
    env = _gpu_worker_env(server, tmp_path)
    assert env["DEPREVIEW_REDIS_URL"] == server.url(f"depreview-gpu-{RUNNER}", GPU_PW[RUNNER])
    assert env["DEPREVIEW_RUNNER_NAME"] == RUNNER
    command = [_interpolate(arg, {}) for arg in service["command"]]
    assert command[0] == "celery"
    log = tmp_path / "gpu-worker.log"
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", *command, "--loglevel", "INFO"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        _wait("the runner's registration", lambda: bool(admin.exists(f"depreview:runner:{RUNNER}")),
              worker, log)  # fmt: skip
        # The review side sends the job as worker.tasks.smoke.send_smoke does (its own user).
        review_side = make_celery(Settings(redis_url=server.url("depreview", ADMIN_PW)))
        review_side.send_task(
            "worker.gpu_smoke",
            kwargs={"installation_id": 7, "repo_full_name": "acme/ml", "pr_number": 7,
                    "head_sha": "h" * 40, "check_run_id": 9, "pins": {"torch": "2.4.1"},
                    "job_id": "J" * 32},
            queue=f"gpu.{RUNNER}", soft_time_limit=900, time_limit=1200, expires=3600,
        )  # fmt: skip
        review_side.close()
        # While the job runs, the held message is in the runner's own unacked hash.
        _wait("the held job", lambda: admin.hlen(UNACKED) == 1, worker, log)
        assert not admin.exists("unacked", "unacked_index", "gpu-unacked")
        _wait("the two notices", lambda: admin.llen("review") == 2, worker, log)
        _wait("the ack", lambda: admin.hlen(UNACKED) == 0, worker, log)
        notices = sorted(json.loads(m)["headers"]["task"] for m in admin.lrange("review", 0, -1))
        assert notices == ["worker.publish_smoke", "worker.smoke_started"]
        outcome = json.loads(admin.get(f"depreview:smoke:outcome:{RUNNER}:acme/ml:9") or "{}")
        assert outcome["status"] == "sandbox-unavailable" and outcome["job_id"] == "J" * 32
        from core.task_auth import outcome_signed_by

        assert outcome_signed_by(_runner_key(), "acme/ml", 9, outcome)  # signed by this runner
        assert "kernel.apparmor_restrict_unprivileged_userns" in outcome["markdown"]
        # The compose health check passes under the same user.
        health = subprocess.run(service["healthcheck"]["test"][1:], cwd=ROOT, env=env, check=False,
                                capture_output=True, timeout=60)  # fmt: skip
        assert health.returncode == 0, health.stderr.decode()[-2000:]
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    assert not admin.exists(f"depreview:runner:{RUNNER}")  # deregistered at shutdown
    text = log.read_text()
    assert _acl_denials(admin) == [], text[-4000:]
    assert "NOPERM" not in text and "No permissions" not in text, text[-4000:]


@pytest.mark.integration
def test_control_a_gpu_worker_without_its_settings_is_refused(
    server: AclRedis, admin: Redis, tmp_path: Path
) -> None:
    """The same worker with the shared settings (kombu's `unacked`, declarations, remote
    control) is stopped by the ACL at start: the narrow user needs DEPREVIEW_GPU_WORKER."""
    env = {**_gpu_worker_env(server, tmp_path), "DEPREVIEW_GPU_WORKER": "false"}
    command = [_interpolate(arg, {}) for arg in _gpu_service()["command"]]
    log = tmp_path / "gpu-worker.log"
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", *command], cwd=ROOT, env=env, stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        worker.wait(timeout=60)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert worker.returncode != 0
    assert "NoPermissionError" in log.read_text()
    assert _acl_denials(admin) != []


@pytest.mark.parametrize(
    ("gpu_worker", "unacked", "remote_control", "declares"),
    [(False, None, True, True), (True, "gpu-unacked.h100-x", False, False)],
)
def test_only_a_gpu_worker_gets_its_own_unacked_keys_and_no_declarations(
    monkeypatch: pytest.MonkeyPatch,
    gpu_worker: bool,
    unacked: str | None,
    remote_control: bool,
    declares: bool,
) -> None:
    from core.settings import Settings
    from worker.celery_app import celery_config

    monkeypatch.setenv("DEPREVIEW_RUNNER_NAME", "h100-x")  # the runner's unacked keys
    config = celery_config(Settings(gpu_worker=gpu_worker, visibility_timeout_s=3600))
    if unacked is not None:
        options = config["broker_transport_options"]
        assert (options["unacked_index_key"], options["unacked_mutex_key"]) == (
            "gpu-unacked_index.h100-x",
            "gpu-unacked_mutex.h100-x",
        )
    assert config["broker_transport_options"].get("unacked_key") == unacked
    assert config.get("worker_enable_remote_control", True) is remote_control
    assert {q.name: not q.no_declare for q in config["task_queues"]} == {
        "review": declares,
        "gpu": declares,
    }
    assert config["broker_transport_options"]["visibility_timeout"] == 3600


@pytest.mark.parametrize(
    ("url", "runner", "mismatch"),
    [
        ("redis://depreview-gpu-h100-a:pw@redis:6379/0", "h100-a", False),
        ("redis://depreview-gpu-h100-a:pw@redis:6379/0", "gpu-host-7", True),  # host name
        ("redis://depreview-gpu-:pw@redis:6379/0", "h100-a", True),  # name unset in compose
        ("redis://depreview-gpu:pw@redis:6379/0", "h100-a", True),  # the old shared user
        ("redis://localhost:6379/0", "h100-a", False),  # no ACL (development)
        ("redis://depreview:pw@redis:6379/0", "h100-a", False),
    ],
)
def test_a_runner_name_that_is_not_its_redis_user_s_is_logged(
    caplog: pytest.LogCaptureFixture, url: str, runner: str, mismatch: bool
) -> None:
    from worker.smoke.broker import gpu_worker_config

    config = {"broker_url": url, "task_queues": (), "broker_transport_options": {}}
    gpu_worker_config(config, runner)
    assert ("gpu worker misconfigured" in caplog.text) is mismatch


def test_the_systemd_unit_runs_the_gpu_worker_as_the_compose_file_does() -> None:
    """Both deployments start the GPU worker without events and with its settings."""
    unit = (DEPLOY / "systemd" / "depreview-gpu-worker.service").read_text()
    exec_start = next(
        line for line in unit.replace("\\\n", " ").splitlines() if line.startswith("ExecStart=")
    )
    quiet = {"--without-gossip", "--without-mingle", "--without-heartbeat"}
    assert quiet <= set(exec_start.split()) and quiet <= set(_gpu_service()["command"])
    assert "#   DEPREVIEW_GPU_WORKER=true" in unit and "redis://depreview-gpu-h100-a:" in unit
    assert "#   DEPREVIEW_RUNNER_NAME=h100-a" in unit  # the user's name is the runner's


def _start_gpu_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    command = [_interpolate(arg, {}) for arg in _gpu_service()["command"]]
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", *command, "--loglevel", "INFO"], cwd=ROOT, env=env,
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip


@pytest.mark.integration
def test_a_job_of_a_killed_gpu_worker_is_redelivered_under_the_gpu_user(
    server: AclRedis, admin: Redis, tmp_path: Path
) -> None:
    """kombu's redelivery (visibility timeout) works on the GPU worker's own unacked keys:
    a worker killed while it holds a job leaves it in `gpu-unacked.<name>`; the next one
    puts it back on `gpu.<name>` (reading the queue's routing table) and runs it."""
    from core.settings import Settings
    from worker.celery_app import make_celery

    env = {**_gpu_worker_env(server, tmp_path), "DEPREVIEW_VISIBILITY_TIMEOUT_S": "1"}
    log = tmp_path / "gpu-worker.log"
    first = _start_gpu_worker(env, log)
    try:
        _wait("the registration", lambda: bool(admin.exists(f"depreview:runner:{RUNNER}")),
              first, log)  # fmt: skip
        review_side = make_celery(Settings(redis_url=server.url("depreview", ADMIN_PW)))
        review_side.send_task(
            "worker.gpu_smoke",
            kwargs={"installation_id": 7, "repo_full_name": "acme/ml", "pr_number": 8,
                    "head_sha": "k" * 40, "check_run_id": 10, "pins": {"torch": "2.4.1"},
                    "job_id": "K" * 32},
            queue=f"gpu.{RUNNER}",
        )  # fmt: skip
        review_side.close()
        _wait("the held job", lambda: admin.hlen(UNACKED) == 1, first, log)
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # the worker and its pool process, mid-job
        first.wait(timeout=30)
    outcome_key = f"depreview:smoke:outcome:{RUNNER}:acme/ml:10"
    assert admin.hlen(UNACKED) == 1 and not admin.exists(outcome_key)
    second = _start_gpu_worker(env, log)
    try:
        _wait("the redelivered job", lambda: bool(admin.exists(outcome_key)), second, log)
        _wait("the ack", lambda: admin.hlen(UNACKED) == 0, second, log)
    finally:
        second.terminate()
        second.wait(timeout=60)
    outcome = json.loads(admin.get(outcome_key) or "{}")
    assert outcome["job_id"] == "K" * 32
    assert _acl_denials(admin) == [], log.read_text()[-4000:]
