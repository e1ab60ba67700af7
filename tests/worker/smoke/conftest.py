"""Tiny local wheels for probe and runner tests: a fine module, real failures, a fake torch."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from core.contract import SmokeJobSpec
from tests.worker.smoke.wheels import build_wheel

ERRORS = Path(__file__).parents[2] / "fixtures" / "import-errors"


def _last_line(name: str) -> str:
    return (ERRORS / name).read_text().strip().splitlines()[-1].split(": ", 1)[1]


def _banner() -> str:
    return (
        (ERRORS / "numpy2-compiled-with-1x.opencv-4.9.0.80.txt").read_text().split("Traceback")[0]
    )


MISSING_LIB = "libcudart.so.13: cannot open shared object file: No such file or directory"

FAKE_TORCH = """
__version__ = "2.11.0+cpu"
class version:
    cuda = None
class _Cudnn:
    @staticmethod
    def version():
        return None
class backends:
    cudnn = _Cudnn
class cuda:
    @staticmethod
    def is_available():
        return False
"""


@pytest.fixture(scope="session")
def wheel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A find-links folder of tiny wheels whose imports succeed or fail with real texts."""
    where = tmp_path_factory.mktemp("wheels")
    build_wheel(where, "fakemod", "1.0", {"fakemod/__init__.py": "__version__ = '1.0'\n"})
    build_wheel(where, "fakemod", "2.0", {"fakemod/__init__.py": "__version__ = '2.0'\n"})
    dtype_error = _last_line("numpy2-dtype-size-changed.pandas-2.0.3.txt")
    build_wheel(
        where,
        "fake-pandas-abi",
        "2.0.3",
        {"fakepandas/__init__.py": f"raise ValueError({dtype_error!r})\n"},
        requires=["fakemod>=1"],
    )
    # Like cv2 under NumPy 2: the banner goes to stderr (fd 2), then an ImportError.
    build_wheel(
        where,
        "fake-opencv",
        "4.9.0.80",
        {
            "fakecv/__init__.py": (
                "import os\n"
                f"os.write(2, {_banner().encode()!r})\n"
                "raise ImportError('numpy.core.multiarray failed to import')\n"
            )
        },
    )
    hishel = _last_line("import-error.githubkit-0.16.1-hishel-2.0.0.txt")
    build_wheel(
        where,
        "fake-githubkit",
        "0.16.1",
        {"fakegithubkit/__init__.py": f"raise ImportError({hishel!r})\n"},
    )
    build_wheel(
        where,
        "fake-cuda-ext",
        "1.0",
        {"fakecudaext/__init__.py": f"raise ImportError({MISSING_LIB!r})\n"},
    )
    build_wheel(where, "fake-crash", "1.0", {"fakecrash/__init__.py": "import os\nos.abort()\n"})
    build_wheel(
        where, "fake-slow", "1.0", {"fakeslow/__init__.py": "import time\ntime.sleep(60)\n"}
    )
    build_wheel(where, "torch", "2.11.0+cpu", {"torch/__init__.py": FAKE_TORCH})
    return where


def smoke_job(
    head_sha: str,
    pins: Mapping[str, str],
    *,
    repo: str = "acme/ml",
    pr_number: int = 7,
    check_run_id: int = 9,
    changed_packages: Sequence[str] = (),
    index_options: Sequence[str] = (),
    base_environment: str | None = None,
    timeout_s: int = 600,
    job_id: str = "",
) -> SmokeJobSpec:
    """A `worker.gpu_smoke` job as the GPU task rebuilds it from its message."""
    return SmokeJobSpec(
        installation_id=1,
        repo_full_name=repo,
        pr_number=pr_number,
        head_sha=head_sha,
        check_run_id=check_run_id,
        pins=pins,
        queue="gpu.h100-a",
        changed_packages=tuple(changed_packages),
        index_options=tuple(index_options),
        base_environment=base_environment,
        timeout_s=timeout_s,
        job_id=job_id,
    )


def python_for_envs() -> str:
    """The interpreter fresh test environments are made from (this test run's)."""
    return sys.executable


OUTCOME_SECRET = "smoke-tests-webhook-secret-0123456789"
OUTCOME_RUNNER = "h100-a"


@pytest.fixture
def outcome_keys(monkeypatch: pytest.MonkeyPatch) -> bytes:
    """One process plays both sides: the review side's webhook secret, and runner `h100-a`'s
    outcome key derived from it (core/task_auth.py); returns that key."""
    from core.task_auth import runner_key

    key = runner_key(OUTCOME_SECRET, OUTCOME_RUNNER)
    assert key is not None
    monkeypatch.setenv("DEPREVIEW_WEBHOOK_SECRET", OUTCOME_SECRET)
    monkeypatch.setenv("DEPREVIEW_RUNNER_OUTCOME_KEY", key.hex())
    return key
