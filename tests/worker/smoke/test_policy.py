"""When and where a smoke test runs (the policy): trust, relevance, routing by facts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from worker.smoke.facts import GpuInfo, RunnerFacts
from worker.smoke.outcome import decision_outcome
from worker.smoke.policy import (
    COMMENT_COMMAND,
    HOW_TO_ASK,
    SmokeConfig,
    SmokeRequest,
    Why,
    decide,
    gpu_relevant_packages,
    normalize_arch,
    runner_queue,
    target_for_pins,
)

ENABLED = SmokeConfig(enabled=True)
PINS = {"torch": "2.11.0+cu130", "numpy": "2.5.2"}


def _runner(
    name: str, driver: str = "580.159.04", cc: str = "9.0", labels: tuple[str, ...] = ()
) -> RunnerFacts:
    return RunnerFacts(
        hostname=name,
        driver_version=driver,
        cuda_driver_version="13.0",
        gpus=(GpuInfo(0, f"GPU {cc}", cc, 81559),),
        labels=labels,
        name=name,
    )


def _request(**overrides: Any) -> SmokeRequest:
    values: dict[str, Any] = {
        "repo": "acme/ml",
        "pr_number": 7,
        "head_sha": "a" * 40,
        "head_repo": "acme/ml",
        "base_repo": "acme/ml",
        "resolved": True,
        "pins": PINS,
        "changed_packages": ("torch",),
    }
    values.update(overrides)
    return SmokeRequest(**values)


@pytest.mark.parametrize(
    ("overrides", "action"),
    [
        ({}, "run"),
        ({"resolved": False}, "skip"),
        ({"changed_packages": ("requests",)}, "skip"),
        ({"changed_packages": ("requests",), "base_image_changed": True}, "run"),
        ({"changed_packages": ("requests",), "cuda_facts_changed": True}, "run"),
        ({"changed_packages": ("nvidia-cudnn-cu12",)}, "run"),
        ({"changed_packages": ("NumPy",)}, "run"),
        ({"changed_packages": ("jax-cuda12-plugin",)}, "run"),
        ({"head_repo": "mallory/ml"}, "needs-approval"),
        ({"head_repo": "mallory/ml", "maintainer_requested": True}, "run"),
        ({"head_repo": "ACME/ML"}, "run"),
        ({"head_repo": "mallory/ml", "resolved": False, "maintainer_requested": True}, "skip"),
    ],
)
def test_when_a_smoke_test_runs(overrides: dict[str, Any], action: str) -> None:
    decision = decide(_request(**overrides), ENABLED, [_runner("r1")])
    assert decision.action == action, decision.reason


def test_disabled_config_skips_unless_a_maintainer_asks() -> None:
    off = SmokeConfig(enabled=False)
    assert decide(_request(), off, [_runner("r1")]).action == "skip"
    assert decide(_request(maintainer_requested=True), off, [_runner("r1")]).action == "run"


def test_fork_decision_says_how_to_ask() -> None:
    decision = decide(_request(head_repo="mallory/ml"), ENABLED, [_runner("r1")])
    assert COMMENT_COMMAND in decision.reason
    assert "Run GPU smoke test" in decision.reason
    assert decision.check_conclusion == "action_required"


def test_configurable_package_list() -> None:
    config = SmokeConfig(enabled=True, packages=("opencv-*",))
    assert (
        decide(
            _request(changed_packages=("opencv-python-headless",)), config, [_runner("r")]
        ).action
        == "run"
    )
    assert decide(_request(changed_packages=("torch",)), config, [_runner("r")]).action == "skip"


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        (["Torch", "requests"], ["torch"]),
        (["nvidia_cublas_cu12", "jaxlib"], ["jaxlib", "nvidia-cublas-cu12"]),
        (["pandas"], []),
    ],
)
def test_gpu_relevant_packages(changed: list[str], expected: list[str]) -> None:
    assert gpu_relevant_packages(changed, ENABLED.packages) == expected


@pytest.mark.parametrize(
    ("pins", "cuda", "driver"),
    [
        ({"torch": "2.11.0+cu130"}, "13.0", "580"),
        ({"torch": "2.8.0+cu128"}, "12.8", "525.60.13"),
        ({"torch": "2.11.0"}, "13.0", "580"),  # the PyPI default wheel of 2.11 is cu130
        ({"torch": "2.8.0"}, "12.8", "525.60.13"),
        ({"torch": "2.11.0+cpu"}, None, None),
        ({"numpy": "2.5.2"}, None, None),
    ],
)
def test_target_from_pins_uses_the_kb(
    pins: Mapping[str, str], cuda: str | None, driver: str | None
) -> None:
    target = target_for_pins(pins)
    assert (target.torch_cuda, target.min_driver) == (cuda, driver)


def test_routing_skips_runners_whose_driver_is_too_old() -> None:
    runners = [_runner("a-old", driver="570.86.10"), _runner("b-new", driver="580.159.04")]
    decision = decide(_request(), ENABLED, runners)
    assert (decision.action, decision.runner, decision.queue) == (
        "run",
        "b-new",
        runner_queue("b-new"),
    )
    assert decision.rejected == ("a-old: driver 570.86.10 < 580 (needed by CUDA 13.0)",)


def test_routing_by_wanted_gpu_arch_and_labels() -> None:
    runners = [
        _runner("a100", cc="8.0", labels=("big",)),
        _runner("h100", cc="9.0"),
        _runner("h100b", cc="9.0", labels=("big",)),
    ]
    config = SmokeConfig(enabled=True, gpu_arch=(normalize_arch("9.0"),), runner_labels=("big",))
    decision = decide(_request(), config, runners)
    assert decision.runner == "h100b"
    assert len(decision.rejected) == 2


def test_routing_refuses_a_gpu_the_torch_build_has_no_kernels_for() -> None:
    # cu130 wheels start at sm_75: a Volta (7.0) card cannot run them.
    decision = decide(_request(), ENABLED, [_runner("v100", cc="7.0")])
    assert decision.action == "no-runner"
    assert "no kernels for sm_70" in decision.reason
    assert decision.check_conclusion == "neutral"


def test_no_runner_alive_is_a_neutral_decision_not_a_hang() -> None:
    decision = decide(_request(), ENABLED, [])
    assert decision.action == "no-runner"
    assert "no GPU runner is online" in decision.reason
    outcome = decision_outcome(decision, "acme/ml", 7, "a" * 40)
    assert outcome is not None
    assert outcome.conclusion == "neutral"
    assert "no GPU runner is online" in outcome.markdown


def test_run_decision_has_no_outcome_to_publish() -> None:
    assert (
        decision_outcome(decide(_request(), ENABLED, [_runner("r")]), "acme/ml", 7, "a" * 40)
        is None
    )


@pytest.mark.parametrize(
    ("raw", "arch"), [("9.0", "sm_90"), ("sm_120", "sm_120"), ("86", "sm_86"), ("SM_89", "sm_89")]
)
def test_normalize_arch(raw: str, arch: str) -> None:
    assert normalize_arch(raw) == arch


#: The sentences posted before the reasons became `Why` members (worker/smoke/scheduler.py at
#: cbd5aa8): the enum must not change a word.
WORDING_BEFORE = {
    Why.UNRESOLVED: "the change did not resolve; nothing to install",
    Why.NOT_ENABLED: "GPU smoke tests are not enabled (smoke.enabled)",
    Why.NOT_RELEVANT: "no GPU-relevant change",
    Why.FORK: (
        "Fork pull requests are not smoke-tested automatically: the runner would execute the "
        "PR's packages. A maintainer (write permission) can start it with the "
        "\u201cRun GPU smoke test\u201d button on this check or a comment `@depreview smoke`."
    ),
    Why.NO_RUNNER_ONLINE: "no GPU runner is online; the smoke test did not run",
    Why.NO_RUNNER_FITS: (
        "no online GPU runner fits this environment: v100: torch 2.11.0+cu130 has no kernels "
        "for sm_70; w: lacks label(s) big"
    ),
    Why.RELEVANT: "GPU-relevant change (torch); runner r1",
}


@pytest.mark.parametrize(
    ("overrides", "config", "runners", "why", "action"),
    [
        ({"resolved": False}, ENABLED, ["r1"], Why.UNRESOLVED, "skip"),
        ({}, SmokeConfig(enabled=False), ["r1"], Why.NOT_ENABLED, "skip"),
        ({"changed_packages": ("requests",)}, ENABLED, ["r1"], Why.NOT_RELEVANT, "skip"),
        ({"head_repo": "mallory/ml"}, ENABLED, ["r1"], Why.FORK, "needs-approval"),
        ({}, ENABLED, [], Why.NO_RUNNER_ONLINE, "no-runner"),
        (
            {},
            SmokeConfig(enabled=True, runner_labels=("big",)),
            ["v100", "w"],
            Why.NO_RUNNER_FITS,
            "no-runner",
        ),
        ({}, ENABLED, ["r1"], Why.RELEVANT, "run"),
    ],
)
def test_every_reason_keeps_its_wording(
    overrides: dict[str, Any], config: SmokeConfig, runners: list[str], why: Why, action: str
) -> None:
    fleet = [
        _runner(name, cc="7.0", labels=("big",)) if name == "v100" else _runner(name)
        for name in runners
    ]
    decision = decide(_request(**overrides), config, fleet)
    assert (decision.why, decision.action) == (why, action)
    assert decision.reason == WORDING_BEFORE[why]


def test_every_reason_is_tested_and_the_fork_one_says_how_to_ask() -> None:
    assert set(WORDING_BEFORE) == set(Why)
    assert WORDING_BEFORE[Why.FORK] == HOW_TO_ASK


def test_a_maintainer_request_names_no_packages_when_none_is_relevant() -> None:
    request = _request(changed_packages=("requests",), maintainer_requested=True)
    decision = decide(request, SmokeConfig(enabled=False), [_runner("r1")])
    assert decision.reason == "GPU-relevant change (requested by a maintainer); runner r1"
