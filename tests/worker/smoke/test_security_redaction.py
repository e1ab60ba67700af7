"""What a GPU smoke job posts back names no index and no path of the runner (security review
finding 19: "no environment-derived text in anything posted back").

The outcome (`SmokeJobOutcome`: its Markdown section, findings and their evidence, the dict
stored for the publisher) is what reaches the PR comment and the check run. uv prints the
index it failed to read and the environment it worked in; a traceback prints the runner's
paths; a base environment is a directory of the runner.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.worker.smoke.conftest import python_for_envs, smoke_job
from worker.smoke.config import RunnerConfig
from worker.smoke.facts import GpuInfo, RunnerFacts
from worker.smoke.gpu_job import run_gpu_smoke_job
from worker.smoke.outcome import SmokeJobOutcome
from worker.smoke.redact import INDEX, Redactor
from worker.smoke.runner import SmokeResult, StepResult

FACTS = RunnerFacts(
    "vm", "580.159.04", "13.0", (GpuInfo(0, "NVIDIA H100 80GB HBM3", "9.0", 81559),), name="h100-1"
)
MIRROR = "https://ci-reader:hunter2token@mirror.corp.example/pypi/simple"
SECRETS = ("hunter2token", "ci-reader", "mirror.corp.example")


def _posted(outcome: SmokeJobOutcome) -> str:
    """Everything of an outcome that is published or stored for publishing."""
    evidence = [line for f in outcome.findings for line in f.evidence]
    return "\n".join([outcome.markdown, outcome.title, json.dumps(outcome.to_dict()), *evidence])


def _config(tmp_path: Path, **kw: Any) -> RunnerConfig:
    return RunnerConfig(
        workdir=tmp_path / "work", cache_dir=tmp_path / "cache", python=python_for_envs(), **kw
    )


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        # uv names the index (it drops the password itself, not always the user)
        (f"error: Failed to fetch: {MIRROR}/torch/", [INDEX, "Failed to fetch"], SECRETS),
        ("Because torch was not found in https://mirror.corp.example/pypi/simple/torch/",
         [INDEX], SECRETS),  # another path on the mirror's host
        ("Downloading https://ci-reader:hunter2token@files.example/a.whl",
         ["https://files.example/a.whl"], ("hunter2token", "ci-reader")),  # no index: no creds
        ("  File \"{work}/smoke-ab12/env/lib/python3.11/site-packages/x/__init__.py\", line 3",
         ["<workdir>/smoke-ab12/env/lib/python3.11/site-packages/x/__init__.py"], ("{work}",)),
        ("Using Python 3.11 environment at: {work}/smoke-ab12/env", ["<workdir>"], ("{work}",)),
        ("cache: {cache}/wheels-v5/pypi", ["<uv-cache>/wheels-v5/pypi"], ("{cache}",)),
        ("nothing to hide here", ["nothing to hide here"], ()),
    ],
)  # fmt: skip
def test_the_redactor_removes_indexes_credentials_and_runner_paths(
    tmp_path: Path, text: str, kept: list[str], gone: tuple[str, ...]
) -> None:
    work, cache = tmp_path / "work", tmp_path / "cache"
    redactor = Redactor.for_job(
        ["--index-url", MIRROR, "--find-links", str(tmp_path / "wheels")],
        {"<workdir>": work, "<uv-cache>": cache},
        environ={},
    )
    out = redactor.text(text.format(work=work, cache=cache))
    for piece in kept:
        assert piece in out
    for piece in gone:
        assert piece.format(work=work, cache=cache) not in out


def _failed_install(config: RunnerConfig) -> SmokeResult:
    """An install failure as `run_smoke` reports it: uv's stderr, the job's own paths."""
    env = config.workdir / "smoke-x1y2" / "env"
    stderr = (
        f"Using Python 3.11.7 environment at: {env}\n"
        f"error: Failed to fetch: {MIRROR}/torch/\n"
        f"  cause: could not write {config.cache_dir}/simple-v16/torch.rkyv\n"
    )
    step = StepResult("install", ("uv", "pip", "sync", "--index-url", MIRROR), 2, 1.0, "", stderr)
    return SmokeResult("install-failed", stderr, None, (step,), (("torch", "2.1.0"),), 2.0)


def _completed_on_base(config: RunnerConfig) -> SmokeResult:
    """A run on a base environment whose probe report quotes the runner's paths."""
    base = config.base_environments["torch"]
    probe = {
        "python": "3.11.7",
        "platform": "linux",
        "imports": [
            {"module": "x", "ok": False, "classification": "import-error",
             "error_class": "ImportError", "message": f"cannot open {base}/lib/libx.so",
             "traceback_tail": f'File "{config.workdir}/smoke-x1y2/env/lib/x.py", line 1'},
        ],
        "torch": {"present": False},
    }  # fmt: skip
    return SmokeResult(
        "completed", "probe completed", probe, (), (("x", "1"),), 3.0, base_environment=str(base)
    )


@pytest.mark.parametrize("make", [_failed_install, _completed_on_base])
def test_a_smoke_outcome_posts_no_index_or_runner_path(tmp_path: Path, make: Any) -> None:
    config = _config(tmp_path, base_environments={"torch": tmp_path / "opt" / "torch-env"})
    result = make(config)
    outcome = run_gpu_smoke_job(
        smoke_job(
            "a" * 40,
            {"torch": "2.1.0"},
            index_options=["--index-url", MIRROR],
            base_environment="torch" if result.base_environment else None,
        ),
        redis=None,
        facts=FACTS,
        config=config,
        run=lambda pins, **kw: result,
    )
    posted = _posted(outcome)
    assert str(tmp_path) not in posted
    for secret in SECRETS:
        assert secret not in posted
    assert outcome.findings  # the failure is still reported, only without those strings
    if result.base_environment:
        assert "torch" in outcome.markdown  # the base environment's configured name


def test_a_real_install_failure_posts_no_index_or_runner_path(
    tmp_path: Path, wheel_dir: Path
) -> None:
    # run_smoke for real: uv cannot reach the index (a closed port; the host and the user
    # name stand in for an operator's mirror) and prints its URL and the environment path.
    index = "http://ci-reader:hunter2token@127.0.0.1:9/mirror-simple"
    outcome = run_gpu_smoke_job(
        smoke_job(
            "a" * 40,
            {"fakemod": "9.9"},
            index_options=["--index-url", index, "--find-links", str(wheel_dir)],
        ),
        redis=None,
        facts=FACTS,
        config=_config(tmp_path, allow_unsandboxed=True, max_timeout_s=60),
    )
    assert outcome.result is not None and outcome.result.status == "install-failed"
    raw = outcome.result.message
    posted = _posted(outcome)
    for secret in ("hunter2token", "ci-reader", "127.0.0.1:9", "mirror-simple", str(tmp_path)):
        assert secret not in posted, secret
    assert str(wheel_dir) not in posted
    assert "fakemod" in raw or INDEX in raw  # what uv said is still there, redacted
