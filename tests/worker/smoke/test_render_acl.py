"""deploy/redis/render-acl.sh: one Redis user per GPU runner, from DEPREVIEW_GPU_RUNNERS.

The real redis-server loads what it writes in test_redis_acl.py; here: which lists it
renders, which it refuses (leaving no file), and that the compose file's variables give the
GPU worker's URL a user that exists.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.worker.smoke.test_redis_acl import _interpolate

DEPLOY = Path(__file__).parents[3] / "deploy"
ADMIN_PW = "admin0123456789"


def _render(tmp_path: Path, runners: str | None, **variables: str) -> tuple[int, str, str]:
    out = tmp_path / "users.acl"
    env = {"PATH": "/usr/bin:/bin", "DEPREVIEW_REDIS_PASSWORD": ADMIN_PW, **variables}
    if runners is not None:
        env["DEPREVIEW_GPU_RUNNERS"] = runners
    done = subprocess.run(
        ["sh", str(DEPLOY / "redis" / "render-acl.sh"), str(DEPLOY / "redis" / "users.acl"),
         str(out)],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.returncode, out.read_text() if out.exists() else "", done.stderr


def _users(text: str) -> dict[str, list[str]]:
    return {line.split()[1]: line.split()[2:] for line in text.splitlines()}


@pytest.mark.parametrize(
    ("runners", "users"),
    [
        (None, ["default", "depreview"]),
        ("", ["default", "depreview"]),
        ("h100-a:PW_A", ["default", "depreview", "depreview-gpu-h100-a"]),
        (
            "h100-a:PW_A, b.c_9:PW_B",
            ["default", "depreview", "depreview-gpu-h100-a", "depreview-gpu-b.c_9"],
        ),
        (
            "h100-a:PW_A h100-b:PW_A",
            ["default", "depreview", "depreview-gpu-h100-a", "depreview-gpu-h100-b"],
        ),
    ],
)
def test_one_user_per_listed_runner(tmp_path: Path, runners: str | None, users: list[str]) -> None:
    rc, text, err = _render(tmp_path, runners, PW_A="pwa0123", PW_B="pwb0123")
    assert rc == 0, err
    rendered = _users(text)
    assert list(rendered) == users
    assert rendered["depreview"][:2] == ["on", f">{ADMIN_PW}"]
    for user, rules in rendered.items():
        if not user.startswith("depreview-gpu-"):
            continue
        name = user.removeprefix("depreview-gpu-")
        password = ">pwb0123" if name == "b.c_9" else ">pwa0123"
        assert rules[:2] == ["on", password]
        keys = [r for r in rules if r.startswith(("~", "%"))]
        assert f"~gpu.{name}" in keys and f"~depreview:smoke:outcome:{name}:*" in keys
        own = [k for k in keys if not k.startswith("%")]
        assert all(name in k for k in own), own  # every read-write pattern names the runner
        assert "$" not in " ".join(rules)


@pytest.mark.parametrize(
    "runners",
    [
        "h100-a",  # no variable
        "h100-a:UNSET",  # a variable that is not set
        "h100-a:EMPTY",
        "h100-a:BAD",  # a password with other characters than letters and digits
        "a:b:PW_A",
        "h*:PW_A",  # a glob in a name would match other runners' keys
        "h?:PW_A",
        "a\\b:PW_A",
        "-a:PW_A",
        ".a:PW_A",
        "a:PW_A,a:PW_A",  # twice
        "a:1X",  # not a variable name
        "a:PW-A",
    ],
)
def test_a_bad_list_is_refused_and_leaves_no_file(tmp_path: Path, runners: str) -> None:
    rc, text, err = _render(tmp_path, runners, PW_A="pwa0123", EMPTY="", BAD="pw a!")
    assert (rc, text) == (2, "")
    assert err.startswith("render-acl.sh: ")


def test_without_the_admin_password_nothing_is_rendered(tmp_path: Path) -> None:
    rc, text, _ = _render(tmp_path, "a:PW_A", PW_A="pwa0123", DEPREVIEW_REDIS_PASSWORD="")
    assert (rc, text) == (2, "")


def test_the_compose_variables_give_the_gpu_worker_a_user(tmp_path: Path) -> None:
    """As the compose file's header says: the runner's name, its password, and the list."""
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())["services"]
    shell = {"DEPREVIEW_REDIS_PASSWORD": ADMIN_PW, "DEPREVIEW_RUNNER_NAME": "gpu-1",
             "DEPREVIEW_GPU_REDIS_PASSWORD": "gpu0123456789",
             "DEPREVIEW_GPU_RUNNERS": "gpu-1:DEPREVIEW_GPU_REDIS_PASSWORD"}  # fmt: skip
    redis_env = {k: _interpolate(str(v), shell) for k, v in compose["redis"]["environment"].items()}
    runners = redis_env.pop("DEPREVIEW_GPU_RUNNERS")
    rc, text, err = _render(tmp_path, runners, **redis_env)
    assert rc == 0, err
    worker_env = compose["gpu-worker"]["environment"]
    url = urlsplit(_interpolate(worker_env["DEPREVIEW_REDIS_URL"], shell))
    assert _interpolate(worker_env["DEPREVIEW_RUNNER_NAME"], shell) == "gpu-1"
    assert url.username == "depreview-gpu-gpu-1"
    assert _users(text)[url.username][:2] == ["on", f">{url.password}"]
