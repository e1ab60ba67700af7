"""When a GPU smoke test runs, and where: trust, relevance, routing by runner facts (pure).

`decide` answers with a `SmokeDecision` whose `why` says which rule decided (the action
follows from it) and whose `reason` is the sentence the App posts. Which head is the newest
(Redis) is `worker.smoke.supersede`.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Literal

from packaging.utils import canonicalize_name

from rules.kb import KnowledgeBase, load_kb
from rules.kb.cudaver import to_version
from worker.github.buttons import CHECK_ACTION
from worker.smoke.facts import RunnerFacts
from worker.smoke.probe import arch_supported

if TYPE_CHECKING:
    from rules.config import RepoConfig

#: Packages whose change makes a smoke test worth running (globs on canonical names).
DEFAULT_GPU_PACKAGES: tuple[str, ...] = (
    "torch",
    "torchvision",
    "torchaudio",
    "triton",
    "pytorch-triton*",
    "tensorflow",
    "tensorflow-*",
    "tf-keras",
    "jax",
    "jaxlib",
    "jax-cuda*",
    "cupy",
    "cupy-*",
    "nvidia-*",
    "numpy",
)

#: The comment command that asks for a smoke test on a fork PR.
COMMENT_COMMAND = "@depreview smoke"

Action = Literal["run", "skip", "needs-approval", "no-runner"]

#: The sentence that tells a maintainer how to start a smoke test on a fork PR.
HOW_TO_ASK = (
    "Fork pull requests are not smoke-tested automatically: the runner would execute the "
    "PR's packages. A maintainer (write permission) can start it with the "
    f"\u201c{CHECK_ACTION['label']}\u201d button on this check or a comment "
    f"`{COMMENT_COMMAND}`."
)


class Why(Enum):
    """Why the policy decided as it did: the action that follows, and the posted wording.

    The wording is a `str.format` template; `{packages}`, `{runner}` and `{rejected}` are
    filled in by `decide`.
    """

    UNRESOLVED = ("skip", "the change did not resolve; nothing to install")
    NOT_ENABLED = ("skip", "GPU smoke tests are not enabled (smoke.enabled)")
    NOT_RELEVANT = ("skip", "no GPU-relevant change")
    FORK = ("needs-approval", HOW_TO_ASK)
    NO_RUNNER_ONLINE = ("no-runner", "no GPU runner is online; the smoke test did not run")
    NO_RUNNER_FITS = ("no-runner", "no online GPU runner fits this environment: {rejected}")
    RELEVANT = ("run", "GPU-relevant change ({packages}); runner {runner}")

    def __init__(self, action: Action, wording: str) -> None:
        self.action: Action = action
        self.wording = wording


@dataclass(frozen=True, slots=True)
class SmokeConfig:
    """The repository's smoke settings (from `.github/depreview.yml` `smoke:`)."""

    enabled: bool = False
    packages: tuple[str, ...] = DEFAULT_GPU_PACKAGES
    gpu_arch: tuple[str, ...] = ()
    runner_labels: tuple[str, ...] = ()
    timeout_s: int = 600
    base_environment: str | None = None

    @classmethod
    def from_repo_config(cls, config: RepoConfig) -> SmokeConfig:
        """Read the `smoke` section (an empty package list means the defaults)."""
        smoke = config.smoke
        return cls(
            enabled=smoke.enabled,
            packages=tuple(smoke.packages) or DEFAULT_GPU_PACKAGES,
            gpu_arch=tuple(normalize_arch(a) for a in smoke.gpu_arch),
            runner_labels=tuple(smoke.runner_labels),
            timeout_s=smoke.timeout_s,
            base_environment=smoke.base_environment,
        )


@dataclass(frozen=True, slots=True)
class SmokeRequest:
    """Everything the decision needs about one PR head (ids and facts, no clients)."""

    repo: str
    pr_number: int
    head_sha: str
    head_repo: str
    base_repo: str
    resolved: bool
    pins: Mapping[str, str]
    changed_packages: tuple[str, ...] = ()
    base_image_changed: bool = False
    cuda_facts_changed: bool = False
    maintainer_requested: bool = False


@dataclass(frozen=True, slots=True)
class SmokeTarget:
    """What the environment needs from a runner: a driver floor and the torch build's arches."""

    torch_version: str | None = None
    torch_cuda: str | None = None
    min_driver: str | None = None
    torch_arches: frozenset[str] = frozenset()
    torch_ptx: str | None = None


@dataclass(frozen=True, slots=True)
class SmokeDecision:
    """The policy's answer: run on `runner`, skip, wait for approval, or no runner."""

    why: Why
    reason: str
    runner: str | None = None
    target: SmokeTarget = field(default_factory=SmokeTarget)
    rejected: tuple[str, ...] = ()

    @property
    def action(self) -> Action:
        """run, skip, needs-approval or no-runner (what `why` implies)."""
        return self.why.action

    @property
    def queue(self) -> str | None:
        """The runner's own queue (`gpu.<name>`), where the job is sent."""
        return runner_queue(self.runner) if self.runner else None

    @property
    def check_conclusion(self) -> str | None:
        """The check conclusion to report without running (None when the job runs)."""
        return {"run": None, "skip": "skipped", "needs-approval": "action_required"}.get(
            self.action, "neutral"
        )


def runner_queue(name: str) -> str:
    """The per-runner Celery queue the bootstep makes a GPU worker consume."""
    return f"gpu.{name}"


def normalize_arch(value: str) -> str:
    """`9.0`, `90`, `sm_90` → `sm_90`."""
    text = value.strip().lower()
    if text.startswith("sm_"):
        return text
    if "." in text:
        major, _, minor = text.partition(".")
        return f"sm_{major}{minor}"
    return f"sm_{text}"


def is_trusted(request: SmokeRequest) -> bool:
    """Head branch in the base repository, or a maintainer explicitly asked."""
    same = request.head_repo.lower() == request.base_repo.lower()
    return same or request.maintainer_requested


def gpu_relevant_packages(changed: Iterable[str], patterns: Sequence[str]) -> list[str]:
    """The changed packages that match the GPU-relevant globs."""
    globs = [str(canonicalize_name(p)) if "*" not in p else p.lower() for p in patterns]
    out = []
    for name in changed:
        canonical = str(canonicalize_name(name))
        if any(fnmatch.fnmatchcase(canonical, g) for g in globs):
            out.append(canonical)
    return sorted(set(out))


def target_for_pins(pins: Mapping[str, str], kb: KnowledgeBase | None = None) -> SmokeTarget:
    """The driver floor and arch list the resolved torch build needs (from the KB)."""
    by_name = {str(canonicalize_name(k)): v for k, v in pins.items()}
    torch_pin = by_name.get("torch")
    version = to_version(torch_pin)
    if torch_pin is None or version is None:
        return SmokeTarget()
    kb = kb or load_kb()
    local = version.local or ""
    variant = local.split(".")[0] if local else None
    if variant is None:
        release = kb.torch_release(version)
        default = release.pypi_default_cuda if release else None
        variant = f"cu{default.replace('.', '')}" if default else None
    if variant is None or not variant.startswith("cu"):
        return SmokeTarget(torch_version=torch_pin)
    cuda = f"{variant[2:-1]}.{variant[-1]}"
    floor = kb.min_driver_for_cuda(cuda)
    arches = kb.torch_arches(variant, version.public)
    # pip wheels bundle the CUDA runtime: the family floor is what the driver must meet.
    return SmokeTarget(
        torch_version=torch_pin,
        torch_cuda=cuda,
        min_driver=floor.family_floor if floor else None,
        torch_arches=arches.sm if arches else frozenset(),
        torch_ptx=_ptx_arch(arches.ptx) if arches else None,
    )


def _ptx_arch(ptx: str | None) -> str | None:
    """The KB's PTX note (`sm_120`, `compute_120`, `sm_120 (Linux only)`) → `compute_120`."""
    match = re.search(r"(\d+)", ptx or "")
    return f"compute_{match.group(1)}" if match else None


def driver_at_least(driver: str, floor: str) -> bool:
    """Whether driver version `driver` ≥ `floor` (580.159.04 ≥ 580)."""
    have, need = to_version(driver), to_version(floor)
    return have is None or need is None or have >= need


def runner_fit(runner: RunnerFacts, target: SmokeTarget, config: SmokeConfig) -> str | None:
    """None when `runner` fits; else why not (one line)."""
    name = runner.runner_name
    missing = [label for label in config.runner_labels if label not in runner.labels]
    if missing:
        return f"{name}: lacks label(s) {', '.join(missing)}"
    if not runner.gpus:
        return f"{name}: no GPU"
    if target.min_driver and not driver_at_least(runner.driver_version, target.min_driver):
        return (
            f"{name}: driver {runner.driver_version} < {target.min_driver} "
            f"(needed by CUDA {target.torch_cuda})"
        )
    if config.gpu_arch and not set(config.gpu_arch) & set(runner.arches):
        have = ", ".join(runner.arches) or "?"
        return f"{name}: GPU arch {have} not in {', '.join(config.gpu_arch)}"
    if target.torch_arches:
        arch_list = sorted(target.torch_arches) + ([target.torch_ptx] if target.torch_ptx else [])
        ok = [gpu for gpu in runner.gpus if _gpu_runs(gpu.compute_capability, arch_list)]
        if not ok:
            have = ", ".join(runner.arches)
            return f"{name}: torch {target.torch_version} has no kernels for {have}"
    return None


def _gpu_runs(capability: str | None, arch_list: list[str]) -> bool:
    if capability is None:
        return True
    major, _, minor = capability.partition(".")
    try:
        return arch_supported(int(major), int(minor or 0), arch_list)
    except ValueError:
        return True


def choose_runner(
    runners: Sequence[RunnerFacts], target: SmokeTarget, config: SmokeConfig
) -> tuple[RunnerFacts | None, list[str]]:
    """The first fitting runner (by name, deterministic) and the reasons others did not fit."""
    rejected: list[str] = []
    for runner in sorted(runners, key=lambda r: r.runner_name):
        why = runner_fit(runner, target, config)
        if why is None:
            return runner, rejected
        rejected.append(why)
    return None, rejected


def _because(
    why: Why,
    *,
    packages: str = "",
    runner: str | None = None,
    target: SmokeTarget | None = None,
    rejected: tuple[str, ...] = (),
) -> SmokeDecision:
    """The decision `why` implies, its wording filled in."""
    reason = why.wording.format(packages=packages, runner=runner, rejected="; ".join(rejected))
    return SmokeDecision(why, reason, runner, target or SmokeTarget(), rejected)


def decide(
    request: SmokeRequest,
    config: SmokeConfig,
    runners: Sequence[RunnerFacts],
    *,
    kb: KnowledgeBase | None = None,
) -> SmokeDecision:
    """Whether and where to run the smoke test for `request` (pure)."""
    if not request.resolved:
        return _because(Why.UNRESOLVED)
    relevant = gpu_relevant_packages(request.changed_packages, config.packages)
    if not request.maintainer_requested:
        if not config.enabled:
            return _because(Why.NOT_ENABLED)
        if not (relevant or request.base_image_changed or request.cuda_facts_changed):
            return _because(Why.NOT_RELEVANT)
    if not is_trusted(request):
        return _because(Why.FORK)
    target = target_for_pins(request.pins, kb)
    runner, rejected = choose_runner(runners, target, config)
    if runner is None:
        why = Why.NO_RUNNER_FITS if runners else Why.NO_RUNNER_ONLINE
        return _because(why, target=target, rejected=tuple(rejected))
    return _because(
        Why.RELEVANT,
        packages=", ".join(relevant) or "requested by a maintainer",
        runner=runner.runner_name,
        target=target,
        rejected=tuple(rejected),
    )
