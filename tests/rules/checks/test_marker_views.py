"""Environment markers in the pairing and image rules, on real files from the corpus.

The Applio requirements pin torch / torchaudio / torchvision once for macOS
(``sys_platform == 'darwin'``) and once as ``+cu128`` builds for Linux and Windows; only the
lines whose markers hold together are installed together (tests/realworld/cases, files
byte-exact at the recorded commits).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.checks.base import Rule, RuleContext
from rules.checks.cpu_only import RULES as CPU_ONLY
from rules.checks.cuda_base_image import RULES as CUDA_BASE_IMAGE
from rules.checks.cuda_variant import RULES as CUDA_VARIANT
from rules.checks.numpy_abi import RULES as NUMPY_ABI
from rules.checks.support.markers import installed_on, on_linux, views
from rules.checks.torch_family import RULES as TORCH_FAMILY
from rules.config import RepoConfig
from rules.findings import Severity
from rules.kb import load_kb
from rules.manifests.model import Snapshot
from rules.manifests.snapshot import build_snapshot
from rules.targets import Target

CASES = Path(__file__).resolve().parents[2] / "realworld" / "cases"
DARWIN_BUMP = "iahispano__applio__dependabot-darwin-torch2120-torchaudio271"
MAC_MARKERS = "iahispano__applio__fix-mac-platform-markers"
PLAIN_BUMP = "iahispano__applio__dependabot-torch220-torchaudio211"


def _files(case: str, side: str) -> dict[str, str]:
    root = CASES / case / side
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".gitkeep"
    }


def _tree(case: str, side: str) -> Snapshot:
    return build_snapshot(_files(case, side))


def _lines(rules: tuple[Rule, ...], case: str, side: str) -> set[tuple[str | None, int | None]]:
    ctx = RuleContext(_tree(case, side), RepoConfig(), load_kb())
    return {(f.file, f.line) for rule in rules for f in rule.check(ctx)}


@pytest.mark.parametrize(
    ("case", "side", "expected"),
    [
        # head: torch==2.12.0 for darwin next to darwin torchaudio==2.7.1 (line 27) and
        # torchvision==0.22.1 (line 29); the +cu128 lines (28, 30) go with torch 2.7.1+cu128
        (DARWIN_BUMP, "head", {("requirements.txt", 27), ("requirements.txt", 29)}),
        (DARWIN_BUMP, "base", set()),  # torch==2.7.1 for darwin: every pair fits
        (MAC_MARKERS, "head", set()),
        # no marker on the family lines: every line is paired, as before
        (PLAIN_BUMP, "head", {("requirements.txt", 28), ("requirements.txt", 31)}),
    ],
)
def test_torch_family_pairs_only_lines_installed_together(
    case: str, side: str, expected: set[tuple[str, int]]
) -> None:
    assert _lines(TORCH_FAMILY, case, side) == expected


def test_torch_family_names_the_platforms_of_a_marked_install() -> None:
    ctx = RuleContext(_tree(DARWIN_BUMP, "head"), RepoConfig(), load_kb())
    messages = [f.message for f in TORCH_FAMILY[0].check(ctx)]
    assert messages
    assert all(m.endswith("on macos_arm64, macos_x86_64 (the lines' markers).") for m in messages)


# The markers as written in the Applio requirements (head of DARWIN_BUMP).
DARWIN = "torch==2.12.0; sys_platform == 'darwin'"
LINUX_WIN = "torch==2.7.1+cu128; sys_platform == 'linux' or sys_platform == 'win32'"


@pytest.mark.parametrize(
    ("line", "platforms", "expected"),
    [
        (DARWIN, ("linux_x86_64", "linux_aarch64"), False),
        (DARWIN, ("macos_arm64",), True),
        (LINUX_WIN, ("linux_x86_64",), True),
        (LINUX_WIN, ("windows_amd64",), True),
        (LINUX_WIN, ("macos_x86_64",), False),
        ("torch==2.7.1", ("macos_arm64",), True),
        # a Python marker never hides a line from a platform
        ("numpy==1.26.4; python_version < '3.9'", ("linux_x86_64",), True),
        # an extra holds for some choice of extras
        ("torch==2.1.0; extra == 'gpu' and sys_platform == 'linux'", ("linux_x86_64",), True),
        ("torch==2.1.0; extra == 'gpu' and sys_platform == 'linux'", ("macos_arm64",), False),
    ],
)
def test_installed_on(line: str, platforms: tuple[str, ...], expected: bool) -> None:
    (req,) = build_snapshot({"requirements.txt": line + "\n"}).requirements()
    assert installed_on(req, platforms) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [  # lines of the corpus's head trees
        (DARWIN, False),
        (LINUX_WIN, True),
        ("tensorflow~=2.18.1;sys_platform == 'darwin'", False),
        ("tensorflow-cpu~=2.18.1;sys_platform != 'darwin'", True),
        ('torch == 1.10.0 ; sys_platform == "darwin"', False),
        ('torch == 1.10.0+cpu ; sys_platform != "darwin"', True),
        ('tensorflow-aarch64==2.9.1; platform_machine=="aarch64"', True),
        (
            "tensorflow==2.8.1; python_version<'3.11' and "
            "(platform_machine!='arm64' or platform_system!='Darwin')",
            True,
        ),
        ("numba==0.61.0; sys_platform == 'darwin' or sys_platform == 'win32'", False),
    ],
)
def test_on_linux(line: str, expected: bool) -> None:
    (req,) = build_snapshot({"requirements.txt": line + "\n"}).requirements()
    assert on_linux(req) is expected


def test_views_split_the_applio_lines_by_platform() -> None:
    reqs = [
        r
        for r in _tree(DARWIN_BUMP, "head").requirements()
        if r.name in ("torch", "torchaudio", "torchvision")
        and r.location.file == "requirements.txt"
    ]
    targets = [Target("3.12", p) for p in ("linux_x86_64", "macos_arm64", "windows_amd64")]
    found = {
        tuple(t.platform for t in v.targets): sorted(r.location.line for r in v.reqs)
        for v in views(reqs, targets)
    }
    assert found == {
        ("linux_x86_64", "windows_amd64"): [26, 28, 30],
        ("macos_arm64",): [25, 27, 29],
    }


def _unmarked(files: dict[str, str], line: str) -> dict[str, str]:
    """The files with `line`'s marker dropped (the same pin, installed everywhere)."""
    text = files["requirements.txt"]
    assert line in text
    return {**files, "requirements.txt": text.replace(line, line.split(";")[0])}


@pytest.mark.parametrize(
    ("rules", "unmark", "expected"),
    [
        # head of the darwin bump: torch==2.12.0 (PyPI: CUDA 13.0 on Linux) is macOS-only, so
        # Dockerfile_cuda's CUDA 12.8.1 image never meets it, and it needs no CUDA variant
        (CUDA_BASE_IMAGE, False, set()),
        (CPU_ONLY, False, set()),
        # the same pin without its marker is installed in the image: both report it again
        (CUDA_BASE_IMAGE, True, {("Dockerfile_cuda", 1)}),
        (CPU_ONLY, True, {("requirements.txt", 25)}),
    ],
)
def test_image_rules_skip_lines_the_image_never_installs(
    rules: tuple[Rule, ...], unmark: bool, expected: set[tuple[str, int]]
) -> None:
    files = _files(DARWIN_BUMP, "head")
    if unmark:
        files = _unmarked(files, DARWIN)
    ctx = RuleContext(build_snapshot(files), RepoConfig(), load_kb())
    assert {(f.file, f.line) for rule in rules for f in rule.check(ctx)} == expected


# vllm-project/vllm requirements/cpu.txt at 4b442d6a8bb51d14ff296a144c817abb61b90d7b (read
# from the repository at that commit): one torch for x86_64 / s390x, another for macOS,
# ppc64le and aarch64, unpinned torchaudio / torchvision for every machine but s390x.
VLLM_CPU = """\
# Common dependencies
-r common.txt

numba == 0.61.2; platform_machine != "s390x" # Required for N-gram speculative decoding

# Dependencies for CPUs
--extra-index-url https://download.pytorch.org/whl/cpu
torch==2.9.1+cpu; platform_machine == "x86_64" or platform_machine == "s390x"
torch==2.9.1; platform_system == "Darwin" or platform_machine == "ppc64le" or \
platform_machine == "aarch64"

# required for the image processor of minicpm-o-2_6, this must be updated alongside torch
torchaudio; platform_machine != "s390x"

# required for the image processor of phi3v, this must be updated alongside torch
torchvision; platform_machine != "s390x"

# Intel Extension for PyTorch, only for x86_64 CPUs
intel-openmp==2024.2.1; platform_machine == "x86_64"

# Use this to gather CPU info and optimize based on ARM Neoverse cores
py-cpuinfo; platform_machine == "aarch64"
"""

# The requirements input of https://github.com/astral-sh/uv/issues/5078 (a +cpu torch on
# x86_64, a +cu118 torch elsewhere).
UV_5078 = """\
--find-links https://download.pytorch.org/whl/torch_stable.html

torch==2.3.1+cpu ; platform_machine == 'x86_64'
torch==2.3.1+cu118 ; platform_machine != 'x86_64'
"""


def test_one_problem_on_several_installs_is_reported_once() -> None:
    """torchaudio meets torch 2.9.1+cpu on x86_64 and torch 2.9.1 elsewhere: the same problem
    (same line, same fingerprint) once, worded for the first install, the others named."""
    ctx = RuleContext(build_snapshot({"requirements/cpu.txt": VLLM_CPU}), RepoConfig(), load_kb())
    (found,) = [f for f in TORCH_FAMILY[0].check(ctx) if f.line == 12]
    assert found.message.endswith(
        "This holds on linux_x86_64, macos_x86_64; likewise on linux_aarch64, macos_arm64 "
        "(the lines' markers)."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (UV_5078, set()),  # the two torch lines are never installed together
        # a torchvision for every machine meets the +cpu torch on x86_64 (line 5)
        (UV_5078 + "torchvision==0.18.1+cu118\n", {("requirements.txt", 5)}),
    ],
)
def test_cuda_variant_labels_pair_within_one_install(
    text: str, expected: set[tuple[str, int]]
) -> None:
    ctx = RuleContext(build_snapshot({"requirements.txt": text}), RepoConfig(), load_kb())
    found = [f for f in CUDA_VARIANT[0].check(ctx) if ":labels:" in f.fingerprint]
    assert {(f.file, f.line) for f in found} == expected


FLYTEKIT = "flyteorg__flytekit__ci-py312-tf213-torch200"


def test_numpy_abi_judges_each_install_with_its_pythons() -> None:
    """flytekit's dev-requirements.in: tensorflow==2.8.1 only below Python 3.11 (whose NumPy
    is 1.x: no error), tensorflow==2.13.0 (numpy capped below 2) from 3.11 on, neither on an
    arm64 Mac, where torch<=2.0.0 (NumPy 1 build) then meets NumPy 2: a warning there."""
    ctx = RuleContext(_tree(FLYTEKIT, "head"), RepoConfig(), load_kb())
    found = [(f.line, f.severity) for f in NUMPY_ABI[0].check(ctx)]
    assert found == [(30, Severity.WARNING)]
    (message,) = [f.message for f in NUMPY_ABI[0].check(ctx)]
    assert message.endswith(
        "This holds on macos_arm64 with Python 3.11, 3.12 (the lines' markers)."
    )
