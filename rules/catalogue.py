"""The catalogue: every rule id depreview can emit, with its category and where it comes from.

Users filter, ignore and configure findings by these ids (`@depreview ignore RULE`, the
config's `rules:`), so the list is part of the product's interface: a rule id that is not
here is a test failure (tests/rules/test_catalogue.py scans the code for emitted ids, and
checks that the catalogue lists nothing else). The config's `rules:` keys and
``@depreview ignore`` targets are checked against `RULE_IDS` and the categories, which
`CATEGORY_HELP` describes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Source = Literal["rule", "review", "config", "resolver", "smoke"]


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """One rule id: its category (rules.findings.CATEGORIES), its source and what it reports.

    `also` lists further categories the id is emitted under (a resolved build is a
    `transitive-change`, or a `cpu-only-risk` when the resolver chose a CPU build).
    """

    id: str
    category: str
    source: Source
    summary: str
    also: frozenset[str] = frozenset()

    @property
    def categories(self) -> frozenset[str]:
        """Every category findings of this id may carry."""
        return self.also | {self.category}


CATALOGUE: tuple[RuleInfo, ...] = (
    # Static rules (rules/checks).
    RuleInfo("parse-error", "parse-error", "rule", "a dependency file that cannot be read"),
    RuleInfo(
        "file-not-read",
        "parse-error",
        "review",
        "a dependency file over a size or count limit: not read (an error when the PR changes it)",
    ),
    RuleInfo("conflict", "conflict", "rule", "constraints no version satisfies in one env"),
    RuleInfo(
        "conda-release-not-on-channels",
        "conflict",
        "rule",
        "a conda pytorch release its channels never published (pytorch channel: up to 2.5)",
    ),
    RuleInfo(
        "conda-package-not-on-channels",
        "conflict",
        "rule",
        "a pytorch-channel package (cpuonly, pytorch-cuda) in a conda env without that channel",
    ),
    RuleInfo(
        "openmmlab-mmcv-range",
        "conflict",
        "rule",
        "an OpenMMLab package (mmdet, mmseg, ...) next to an mmcv/mmengine its import refuses",
    ),
    RuleInfo(
        "placeholder-package",
        "conflict",
        "rule",
        "a PyPI placeholder project that refuses to install (pytorch, sklearn, tensorflow-gpu)",
    ),
    RuleInfo(
        "project-not-on-pypi",
        "conflict",
        "rule",
        "a requirement on a name PyPI has no project for (an import name such as yaml, a typo)",
    ),
    RuleInfo(
        "system-library-missing",
        "config-error",
        "rule",
        "a source-only package (GDAL, PyAudio) pip builds in a Docker image without its library",
    ),
    RuleInfo(
        "release-not-published",
        "conflict",
        "rule",
        "an exact pin on a release PyPI never had, or on an sdist-only one no Python builds",
    ),
    RuleInfo(
        "foreign-build-path",
        "conflict",
        "rule",
        "requirements installed from another machine's folders (a pip freeze in conda)",
    ),
    RuleInfo(
        "build-needs-torch",
        "missing-pytorch-index",
        "rule",
        "a package PyPI has only as an sdist whose build imports torch (torch-scatter, flash-attn)",
    ),
    RuleInfo(
        "build-isolation-lacks-torch",
        "config-error",
        "rule",
        "the project's setup.py imports torch, its pyproject's [build-system] requires has none",
    ),
    RuleInfo(
        "setuptools-file-line",
        "parse-error",
        "rule",
        "a pip option or bare URL in a requirements file setuptools reads as the requirements",
    ),
    RuleInfo("cuda-variant-mismatch", "cuda-variant-mismatch", "rule", "CUDA builds that differ"),
    RuleInfo("torch-family-mismatch", "torch-family-mismatch", "rule", "vision/audio vs torch"),
    RuleInfo("cuda-base-image-mismatch", "cuda-base-image-mismatch", "rule", "CUDA vs image"),
    RuleInfo(
        "missing-pytorch-index", "missing-pytorch-index", "rule", "+cuXXX or +local without index"
    ),
    RuleInfo(
        "uv-pytorch-index-not-explicit",
        "missing-pytorch-index",
        "rule",
        "a uv PyTorch index that is not explicit",
    ),
    RuleInfo(
        "pytorch-index-replaces-pypi",
        "missing-pytorch-index",
        "rule",
        "a PyTorch --index-url that replaces PyPI for every package",
    ),
    RuleInfo(
        "poetry-pytorch-source-priority",
        "missing-pytorch-index",
        "rule",
        "a Poetry PyTorch source whose priority pulls every package",
    ),
    RuleInfo("cpu-only-risk", "cpu-only-risk", "rule", "torch that installs as a CPU build"),
    RuleInfo("tensorflow-cuda-mismatch", "tensorflow-cuda-mismatch", "rule", "TF vs CUDA/cuDNN"),
    RuleInfo("jax-cuda-mismatch", "jax-cuda-mismatch", "rule", "jax/jaxlib vs CUDA/cuDNN"),
    RuleInfo("driver-too-old", "driver-too-old", "rule", "runner driver older than the CUDA"),
    RuleInfo("gpu-arch-unsupported", "gpu-arch-unsupported", "rule", "runner GPU arch not built"),
    RuleInfo(
        "numpy-abi",
        "numpy-abi",
        "rule",
        "NumPy 2 next to builds for NumPy 1 (a numpy its metadata refuses: a conflict)",
        also=frozenset({"conflict"}),
    ),
    RuleInfo(
        "python-version-incompatible",
        "python-version-incompatible",
        "rule",
        "a Python the pinned packages ship no wheel for",
    ),
    RuleInfo(
        "apt-python-unavailable",
        "python-version-incompatible",
        "rule",
        "apt-get install of a python3.X the OS release's archive does not carry",
    ),
    RuleInfo(
        "venv-python-mismatch",
        "python-version-incompatible",
        "rule",
        "a virtualenv or site-packages copied between stages of different Pythons",
    ),
    RuleInfo(
        "platform-no-wheel",
        "python-version-incompatible",
        "rule",
        "a torch, jaxlib or TensorFlow release without a wheel for a macOS platform it installs on",
    ),
    RuleInfo(
        "musl-no-distribution",
        "python-version-incompatible",
        "rule",
        "a project with no musllinux wheel and no sdist (torch, onnxruntime) in an Alpine image",
    ),
    RuleInfo(
        "linux-no-distribution",
        "python-version-incompatible",
        "rule",
        "a macOS-only project (tensorflow-macos, tensorflow-metal) in a Linux image or CI job",
    ),
    RuleInfo(
        "externally-managed-python",
        "python-version-incompatible",
        "rule",
        "pip into a distribution's Python that PEP 668 marks externally managed",
    ),
    RuleInfo("unpinned-framework", "unpinned-framework", "rule", "an ML framework not pinned"),
    RuleInfo("unbounded-dependency", "unpinned-framework", "rule", "no upper bound at all"),
    RuleInfo(
        "dev-dependency-in-production",
        "dev-dependency-in-production",
        "rule",
        "test/lint tools in a production file",
    ),
    RuleInfo("no-lockfile", "no-lockfile", "rule", "an application without a lock file"),
    RuleInfo("conda-channel-mixing", "conda-channel-mixing", "rule", "channels that mix builds"),
    RuleInfo(
        "pip-in-conda-for-cuda-package",
        "pip-in-conda-for-cuda-package",
        "rule",
        "CUDA packages pip-installed inside a conda env",
    ),
    RuleInfo("untrusted-index", "untrusted-index", "rule", "an index host not allowed"),
    # The review itself (rules/review.py) and the config.
    RuleInfo(
        "several-frameworks-bumped",
        "unpinned-framework",
        "review",
        "one PR bumps several ML frameworks at once",
    ),
    RuleInfo("config-error", "config-error", "config", "a .github/depreview.yml problem"),
    RuleInfo(
        "config-change",
        "config-error",
        "config",
        "the PR changes depreview's config (applies after merge; the base config judges)",
    ),
    RuleInfo("rule-error", "parse-error", "review", "a rule crashed on the head's files"),
    RuleInfo(
        "findings-capped",
        "parse-error",
        "review",
        "more findings than one review lists (rules.review.MAX_FINDINGS): the rest counted",
    ),
    # The resolver (worker/resolve).
    RuleInfo(
        "resolution-conflict",
        "conflict",
        "resolver",
        "the resolver found no solution",
        also=frozenset({"python-version-incompatible"}),  # the Python decided it
    ),
    RuleInfo("resolution-error", "parse-error", "resolver", "the resolver crashed"),
    RuleInfo(
        "resolution-incomplete",
        "conflict",
        "resolver",
        "an index or channel could not be reached: resolution incomplete (a notice)",
    ),
    RuleInfo(
        "resolution-python-assumed",
        "conflict",
        "resolver",
        "a failure only on an assumed Python (no evidence): a notice, never an error",
    ),
    RuleInfo(
        "resolution-sdist-only",
        "conflict",
        "resolver",
        "only an sdist: its own requirements unread (or not resolved past it)",
    ),
    RuleInfo("resolution-skipped", "conflict", "resolver", "an environment not resolved"),
    RuleInfo("resolution-timeout", "conflict", "resolver", "the resolver ran out of time"),
    RuleInfo("resolution-approximated", "conflict", "resolver", "resolved with an approximation"),
    RuleInfo(
        "resolution-environments-capped", "conflict", "resolver", "more environments than cap"
    ),
    RuleInfo("broken-pin-set", "conflict", "resolver", "pins whose metadata disagree"),
    RuleInfo("lock-out-of-sync", "lock-out-of-sync", "rule", "a lock behind its manifest"),
    RuleInfo("transitive-change", "transitive-change", "resolver", "transitive versions moved"),
    RuleInfo(
        "resolved-build",
        "transitive-change",
        "resolver",
        "the build (CUDA/CPU) the resolver chose",
        also=frozenset({"cpu-only-risk"}),
    ),
    # The GPU smoke test (worker/smoke).
    RuleInfo("smoke-import", "smoke-failure", "smoke", "an import failed on the GPU runner"),
    RuleInfo("smoke-numerics", "smoke-failure", "smoke", "a numerics check failed"),
    RuleInfo("smoke-framework", "smoke-failure", "smoke", "a framework check failed"),
    RuleInfo("smoke-gpu-visible", "smoke-failure", "smoke", "the framework saw no GPU"),
    RuleInfo("smoke-pip-check", "smoke-failure", "smoke", "pip check failed after install"),
    RuleInfo("smoke-install", "smoke-failure", "smoke", "the install failed on the runner"),
    RuleInfo("smoke-timeout", "smoke-failure", "smoke", "the smoke test ran out of time"),
    RuleInfo("smoke-probe-crash", "smoke-failure", "smoke", "the probe crashed"),
    RuleInfo("smoke-driver", "driver-too-old", "smoke", "the runner's driver is too old"),
    RuleInfo("smoke-gpu-arch", "gpu-arch-unsupported", "smoke", "no kernels for the runner GPU"),
    RuleInfo("smoke-cpu-only", "cpu-only-risk", "smoke", "a CPU build installed on the runner"),
    RuleInfo("smoke-numpy-abi", "numpy-abi", "smoke", "a NumPy ABI error at import"),
)

BY_ID: dict[str, RuleInfo] = {info.id: info for info in CATALOGUE}

#: Every rule id a finding can carry (config validation, ``@depreview ignore``).
RULE_IDS: frozenset[str] = frozenset(BY_ID)

#: One sentence per category: the help text of SARIF rules and the renderers' section intros.
CATEGORY_HELP: dict[str, str] = {
    "parse-error": "A dependency file could not be read; the rest was still reviewed.",
    "conflict": "No version satisfies every constraint declared on a package in one environment.",
    "cuda-variant-mismatch": "Packages built for different CUDA versions in one environment.",
    "torch-family-mismatch": "torchvision/torchaudio versions that do not belong to the torch.",
    "cuda-base-image-mismatch": "A framework built for a newer CUDA than the base image has.",
    "missing-pytorch-index": (
        "A +cuXXX/+cpu pin (or any local version, which PyPI never hosts), or a torch "
        "extension PyPI has only as source, with no index that serves its build: the install "
        "fails."
    ),
    "cpu-only-risk": "torch will install as a CPU-only build where the repo expects a GPU.",
    "tensorflow-cuda-mismatch": "TensorFlow and the declared CUDA/cuDNN do not match.",
    "jax-cuda-mismatch": "jax/jaxlib and the CUDA plugin or declared CUDA do not match.",
    "driver-too-old": "A runner's NVIDIA driver is older than the CUDA build needs.",
    "gpu-arch-unsupported": "A runner's GPU architecture is not compiled into the build.",
    "numpy-abi": "NumPy 2 together with compiled packages built for NumPy 1 (or the reverse).",
    "python-version-incompatible": "The declared Python is outside what the frameworks support.",
    "unpinned-framework": "Versions that are not pinned or bounded in production.",
    "dev-dependency-in-production": "Development tools installed in production.",
    "no-lockfile": "Nothing records the full resolved set: transitive versions drift.",
    "lock-out-of-sync": "The lock file does not match the declared requirements.",
    "conda-channel-mixing": "Binary-incompatible conda channels mixed in one environment.",
    "pip-in-conda-for-cuda-package": "pip installs a second CUDA stack into a conda environment.",
    "untrusted-index": "A package index on a host the repository config does not allow.",
    "transitive-change": "The change moves dependencies nobody declared.",
    "smoke-failure": "The environment failed to import or run on a GPU runner.",
    "config-error": "The depreview configuration has a problem; defaults apply where it does.",
}
