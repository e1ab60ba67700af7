"""cuda-variant-mismatch: positive and negative cases."""

from __future__ import annotations

import pytest

from rules.checks.cuda_variant import RULES
from rules.manifests.model import IndexKind, Snapshot
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import index, req, run, snap

RULE = RULES[0]
PT = "https://download.pytorch.org/whl"
ENV = "environment.yml"

CASES: list[tuple[str, Snapshot, list[tuple[str, str]]]] = [
    (
        "torch cu118 with torchvision cu121",
        snap(
            req("torch==2.1.0+cu118"),
            req("torchvision==0.16.0+cu121"),
            index(f"{PT}/cu118", kind=IndexKind.EXTRA_INDEX_URL),
            index(f"{PT}/cu121"),
        ),
        [("torchvision", "torchvision==0.16.0+cu118")],
    ),
    (
        "torch cpu with torchvision cu118 via -r include (one environment)",
        snap(
            req("torch==2.1.0+cpu"),
            req("torchvision==0.16.0+cu118", "requirements/gpu.txt", env="requirements.txt"),
            index(f"{PT}/torch_stable.html"),
        ),
        [("torchvision", "torchvision==0.16.0+cpu")],
    ),
    (
        "same variants agree",
        snap(req("torch==2.1.0+cu118"), req("torchvision==0.16.0+cu118"), index(f"{PT}/cu118")),
        [],
    ),
    (
        "different variants in different environments are fine",
        snap(
            req("torch==2.1.0+cu118", "a/requirements.txt"),
            req("torch==2.1.0+cu121", "b/requirements.txt"),
            index(f"{PT}/cu118", "a/requirements.txt"),
            index(f"{PT}/cu121", "b/requirements.txt"),
        ),
        [],
    ),
    (
        "+cu121 pin with a /whl/cu118 index",
        snap(req("torch==2.1.0+cu121"), index(f"{PT}/cu118")),
        [("torch", f"--extra-index-url {PT}/cu121")],
    ),
    (
        "+cu121 pin with a matching index among others",
        snap(req("torch==2.1.0+cu121"), index(f"{PT}/cu118"), index(f"{PT}/cu121")),
        [],
    ),
    (
        "pin with no PyTorch index is left to missing-pytorch-index",
        snap(req("torch==2.1.0+cu121"), index("https://pypi.org/simple")),
        [],
    ),
    (
        "pytorch-cuda 11.8 with cudatoolkit 12",
        snap(
            req("pytorch==2.1.0", ENV, conda=True),
            req("pytorch-cuda==11.8", ENV, conda=True),
            req("cudatoolkit==12.*", ENV, conda=True),
        ),
        [  # and conda's cudatoolkit has no CUDA 12 at all
            ("cudatoolkit", "cuda-version=12  # or pytorch-cuda=12 (-c nvidia)"),
            ("cudatoolkit", "cudatoolkit=11.8"),
        ],
    ),
    # found dogfooding: the pytorch channel has no pytorch 2.3 build for pytorch-cuda 12.4
    (
        "conda pytorch 2.3.1 with pytorch-cuda 12.4",
        snap(
            req("pytorch==2.3.1.*", ENV, conda=True),
            req("pytorch-cuda==12.4.*", ENV, conda=True),
        ),
        [("pytorch-cuda", "pytorch-cuda=12.1")],
    ),
    (
        "conda pytorch 2.4 (minor pin) with pytorch-cuda 12.4",
        snap(req("pytorch==2.4", ENV, conda=True), req("pytorch-cuda==12.4.*", ENV, conda=True)),
        [],
    ),
    (
        "conda pytorch 2.3.1 with pytorch-cuda 12.1",
        snap(
            req("pytorch==2.3.1.*", ENV, conda=True),
            req("pytorch-cuda==12.1.*", ENV, conda=True),
        ),
        [],
    ),
    (
        "pytorch-cuda 12.1 with cuda-version 12",
        snap(req("pytorch-cuda==12.1", ENV, conda=True), req("cuda-version==12", ENV, conda=True)),
        [],
    ),
    (
        "a pip wheel against the conda selector is left to cuda-base-image-mismatch",
        snap(
            req("pytorch-cuda==11.8", ENV, conda=True),
            req("torch==2.1.0+cu121", ENV),
            index(f"{PT}/cu121", ENV),
        ),
        [],
    ),
    (
        "a variant torch never shipped",
        snap(req("torch==2.1.0+cu124"), index(f"{PT}/cu124")),
        [("torch", "torch==2.1.0+cu121")],
    ),
    (
        "torchvision variant that its torch never shipped",
        snap(req("torchvision==0.16.0+cu117"), index(f"{PT}/cu117")),
        [("torchvision", "torchvision==0.16.0+cu121")],
    ),
    (
        "unlabelled torch 2.9 from a cu118-only index (2.9 has no cu118 build)",
        snap(req("torch==2.9.0"), index(f"{PT}/cu118")),
        [("torch", f"--index-url {PT}/cu130")],
    ),
    (
        # ludwig-ai/ludwig 19bf7729 -> dca6b172: torch==2.12.0 with the cu124 index; as an
        # extra index (the base) PyPI still serves it (a warning), as the only one it fails
        "unlabelled torch 2.12 with cu124 as an extra index: PyPI's build instead",
        snap(req("torch==2.12.0"), index(f"{PT}/cu124", kind=IndexKind.EXTRA_INDEX_URL)),
        [("torch", f"--extra-index-url {PT}/cu132")],
    ),
    (
        "unlabelled torch 2.1 from the cu118 index",
        snap(req("torch==2.1.0"), index(f"{PT}/cu118")),
        [],
    ),
    (
        "cu12 NVIDIA libraries beside a cu118 torch",
        snap(req("torch==2.1.0+cu118"), req("nvidia-cudnn-cu12==8.9.2.26"), index(f"{PT}/cu118")),
        [("nvidia-cudnn-cu12", "")],
    ),
    (
        "cupy for CUDA 11 beside a cu118 torch",
        snap(req("torch==2.1.0+cu118"), req("cupy-cuda11x==12.2.0"), index(f"{PT}/cu118")),
        [],
    ),
    (
        # Genentech/Islander env.yml (7a1c6c80): torch 2.1.1 from PyPI (cu121) with its cu12
        # wheels, and jaxlib's CUDA 11 build with the cu11 wheels it loads: not torch's
        "cu11 NVIDIA libraries a jaxlib CUDA 11 build uses, beside a cu121 torch",
        snap(
            req("torch==2.1.1"),
            req("nvidia-cudnn-cu12==8.9.2.26"),
            req("nvidia-cudnn-cu11==8.9.6.50"),
            req("jaxlib==0.4.20+cuda11.cudnn86"),
        ),
        [],
    ),
    (
        "cu11 NVIDIA libraries jax[cuda11_pip] uses, beside a cu121 torch",
        snap(
            req("torch==2.1.1"),
            req("nvidia-cudnn-cu11==8.9.6.50"),
            req("jax", extras=("cuda11_pip",)),
        ),
        [],
    ),
    (
        "cu11 NVIDIA libraries with a jax CUDA 12 plugin only, beside a cu121 torch",
        snap(
            req("torch==2.1.1"),
            req("nvidia-cudnn-cu11==8.9.6.50"),
            req("jax-cuda12-plugin==0.4.30"),
        ),
        [("nvidia-cudnn-cu11", "")],
    ),
]


@pytest.mark.parametrize(("name", "snapshot", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cuda_variant(name: str, snapshot: Snapshot, expected: list[tuple[str, str]]) -> None:
    findings = run(RULE, snapshot)
    assert [f.package for f in findings] == [p for p, _ in expected]
    for found, (_, fix) in zip(findings, expected, strict=True):
        assert found.category == "cuda-variant-mismatch"
        assert found.file and found.line and found.message and found.evidence
        if fix:
            assert found.fix == fix


def test_fingerprints_distinguish_findings() -> None:
    findings = run(
        RULE,
        snap(
            req("torch==2.1.0+cu118"),
            req("torchvision==0.16.0+cu121"),
            req("torchaudio==2.1.0+cpu"),
            index(f"{PT}/torch_stable.html"),
        ),
    )
    assert len({f.identity for f in findings}) == len(findings) == 2


STABLE = f"{PT}/torch_stable.html"

# torch 1.x +label pins against the builds the PyTorch index published per release
# (rules/kb/data/torch_legacy_variants.json): (pin, flagged, suggested fix).
LEGACY: list[tuple[str, bool, str]] = [
    ("torch==1.8.0+cu110", True, "torch==1.8.0+cu111"),  # cu110 builds stop at 1.7.1
    ("torch==1.8.0+cu101", False, ""),  # on the index though the guide omits it
    ("torch==1.8.0+cu111", False, ""),
    ("torch==1.8.0+cu102", False, ""),  # the plain PyPI wheel's CUDA: never flagged
    ("torch==1.7.1+cu110", False, ""),
    ("torch==1.7.1+cu92", False, ""),
    ("torch==1.7.1+cu111", True, "torch==1.7.1+cu110"),
    ("torch==1.9.0+cu113", True, "torch==1.9.0+cu111"),
    ("torch==1.10.2+cu113", False, ""),
    ("torch==1.11.0+cu115", False, ""),
    ("torch==1.12.1+cu102", False, ""),  # torch.json's 1.12 list lacks cu102; the index has it
    ("torch==1.12.1+cu117", True, "torch==1.12.1+cu116"),
    ("torchvision==0.9.0+cu110", True, "torchvision==0.9.0+cu111"),  # torchvision of 1.8.0
    ("torch==1.1.0+cu100", False, ""),  # before labelled builds: unknown, not flagged
]


@pytest.mark.parametrize(("pin", "flagged", "fix"), LEGACY, ids=[c[0] for c in LEGACY])
def test_torch_1x_builds_per_release(pin: str, flagged: bool, fix: str) -> None:
    findings = run(RULE, snap(req(pin), index(STABLE, kind=IndexKind.FIND_LINKS)))
    assert [f.fix for f in findings] == ([fix] if flagged else [])
    for found in findings:
        assert "torch_legacy_variants.json" in " ".join(found.evidence)


# A torch range served only by one single-build PyTorch index (--index-url): nothing installs
# when no admitted release was built for that index. (spec, index kind, flagged)
RANGE_ON_INDEX: list[tuple[str, IndexKind, list[str]]] = [
    ("torch>=2.8,<2.15", IndexKind.INDEX_URL, ["error"]),  # cu118 builds stop at 2.7
    ("torch>=2.8", IndexKind.INDEX_URL, ["warning"]),  # 2.15's builds are not in the KB yet
    ("torch>=2.6", IndexKind.INDEX_URL, []),  # 2.6 / 2.7 have cu118 builds
    ("torch>=2.8,<2.15", IndexKind.EXTRA_INDEX_URL, []),  # PyPI still serves it
]


@pytest.mark.parametrize(("line", "kind", "expected"), RANGE_ON_INDEX)
def test_a_range_no_build_of_the_only_index_admits(
    line: str, kind: IndexKind, expected: list[str]
) -> None:
    findings = run(RULE, snap(req(line), index(f"{PT}/cu118", kind=kind)))
    assert [f.severity.value for f in findings] == expected


@pytest.mark.parametrize(
    ("kind", "severity"), [(IndexKind.INDEX_URL, "error"), (IndexKind.EXTRA_INDEX_URL, "warning")]
)
def test_not_on_index_fails_only_when_the_index_replaces_pypi(
    kind: IndexKind, severity: str
) -> None:
    """ludwig-ai/ludwig 19bf7729 turned `--extra-index-url .../cu124` into `--index-url`: with
    PyPI gone, torch==2.12.0 (no cu124 build) has nothing to install; before, PyPI's did."""
    findings = run(RULE, snap(req("torch==2.12.0"), index(f"{PT}/cu124", kind=kind)))
    assert [f.severity for f in findings] == [severity]


def _poetry_lock(torch: str, member: str, member_source: bool = False) -> str:
    """A poetry.lock with torch from the PyTorch CPU/CUDA source and torchaudio `member`."""
    source = (
        '\n[package.source]\ntype = "legacy"\nurl = "https://download.pytorch.org/whl/cpu"\n'
        'reference = "pytorch"\n'
    )
    return (
        f'[[package]]\nname = "torch"\nversion = "{torch}"\ndescription = ""\n'
        'optional = false\npython-versions = ">=3.9.0"\nfiles = [\n'
        f'    {{file = "torch-{torch}-cp310-cp310-linux_x86_64.whl", hash = "sha256:00"}},\n]\n'
        + source
        + f'\n[[package]]\nname = "torchaudio"\nversion = "{member}"\ndescription = ""\n'
        'optional = false\npython-versions = "*"\nfiles = [\n'
        f'    {{file = "torchaudio-{member}-cp310-cp310-manylinux1_x86_64.whl", '
        'hash = "sha256:11"},\n]\n'
        + (source if member_source else "")
        + '\n[metadata]\nlock-version = "2.0"\npython-versions = "^3.10"\ncontent-hash = "x"\n'
    )


@pytest.mark.parametrize(
    ("torch", "member", "member_source", "found"),
    [
        # ahmetoner/whisper-asr-webservice #284: torchaudio 2.6.0 from PyPI (CUDA 12.4)
        ("2.6.0+cpu", "2.6.0", False, True),
        ("2.6.0+cpu", "2.6.0+cpu", True, False),  # both from the CPU source
        ("2.6.0+cu124", "2.6.0", False, False),  # PyPI's build is CUDA 12.4 too
        ("2.6.0+cu118", "2.6.0", False, True),  # another CUDA major
    ],
)
def test_a_locked_pypi_torchaudio_beside_a_labelled_torch(
    torch: str, member: str, member_source: bool, found: bool
) -> None:
    lock = _poetry_lock(torch, member, member_source)
    snapshot = build_snapshot({"poetry.lock": lock, "pyproject.toml": ""})
    findings = [f for f in run(RULE, snapshot) if "lock-pypi-member" in f.fingerprint]
    assert len(findings) == (1 if found else 0)
    for finding in findings:
        assert (finding.severity.value, finding.package) == ("error", "torchaudio")
        assert "libtorch_cuda.so" in finding.message


def _uv_entry(name: str, version: str, registry: str, wheel: str) -> str:
    return (
        f'[[package]]\nname = "{name}"\nversion = "{version}"\n'
        f'source = {{ registry = "{registry}" }}\n'
        f'wheels = [\n    {{ url = "{wheel}", hash = "sha256:00" }},\n]\n\n'
    )


def test_a_uv_lock_split_by_platform_is_no_mismatch() -> None:
    """microsoft/winml-cli: torch and torchvision from the CPU index on Linux x86_64 (their
    +cpu entries), from PyPI on Windows only; the PyPI entries are for another platform."""
    pypi, cpu = "https://pypi.org/simple", "https://download.pytorch.org/whl/cpu"
    lock = (
        'version = 1\nrequires-python = ">=3.11"\n\n'
        + _uv_entry(
            "torch",
            "2.13.0+cpu",
            cpu,
            f"{cpu}/torch-2.13.0%2Bcpu-cp311-cp311-manylinux_2_28_x86_64.whl",
        )
        + _uv_entry(
            "torch",
            "2.13.0",
            pypi,
            "https://files.pythonhosted.org/p/torch-2.13.0-cp311-cp311-win_amd64.whl",
        )
        + _uv_entry(
            "torchvision",
            "0.28.0",
            pypi,
            "https://files.pythonhosted.org/p/torchvision-0.28.0-cp311-cp311-win_amd64.whl",
        )
        + _uv_entry(
            "torchvision",
            "0.28.0+cpu",
            cpu,
            f"{cpu}/torchvision-0.28.0%2Bcpu-cp311-cp311-manylinux_2_28_x86_64.whl",
        )
    )
    snapshot = build_snapshot({"uv.lock": lock, "pyproject.toml": ""})
    assert snapshot.files["uv.lock"].errors == ()
    assert [f for f in run(RULE, snapshot) if "lock-pypi-member" in f.fingerprint] == []


@pytest.mark.parametrize(
    ("pin", "found"),
    [
        ("cudatoolkit=12.1", True),  # renezurbruegg/icg_net #3, NVIDIA/cuml-spark #414
        ("cudatoolkit=13.3", True),
        ("cudatoolkit=11.8", False),
        ("cuda-version=12.1", False),
    ],
)
def test_conda_cudatoolkit_ends_at_cuda_11(pin: str, found: bool) -> None:
    env = f"name: e\nchannels:\n  - conda-forge\n  - nvidia\ndependencies:\n  - {pin}\n"
    snapshot = build_snapshot({"environment.yml": env})
    findings = [f for f in run(RULE, snapshot) if "conda-cudatoolkit-12" in f.fingerprint]
    assert [(f.line, f.severity.value) for f in findings] == ([(6, "error")] if found else [])
