"""Hygiene rules: parse errors, unpinned frameworks, dev tools, locks, conda, indexes."""

from __future__ import annotations

import pytest

from rules.checks.base import Rule, RuleContext
from rules.checks.conda_hygiene import CondaChannelMixingRule, PipInCondaForCudaPackageRule
from rules.checks.hygiene import (
    DevDependencyInProductionRule,
    NoLockfileRule,
    ParseErrorRule,
    UnboundedDependencyRule,
    UnpinnedFrameworkRule,
)
from rules.checks.untrusted_index import UntrustedIndexRule, redact
from rules.config import DEFAULT_CONFIG, RepoConfig, load_config
from rules.findings import Finding
from rules.kb import load_kb
from rules.manifests.errors import parse_error
from rules.manifests.model import FileKind, IndexKind, Snapshot
from tests.rules.model_builders import channel, index, manifest, pin, req, snapshot

LIBRARY_META = (("project", "demo"), ("build-system", "hatchling.build"))


KB = load_kb()


def run(rule: Rule, snap: Snapshot, config: RepoConfig = DEFAULT_CONFIG) -> list[Finding]:
    return list(rule.check(RuleContext(snap, config, KB)))


def packages(found: list[Finding]) -> list[str | None]:
    return [f.package for f in found]


# --- unpinned-framework ------------------------------------------------------------------

UNPINNED_CASES = [
    # (snapshot, expected packages) — the seed: frameworks not pinned exactly.
    (snapshot(manifest("requirements.txt", req("torch>=2.1", line=1))), ["torch"]),
    (
        snapshot(
            manifest(
                "requirements.txt",
                req("tensorflow", line=1),
                req("transformers~=4.35", line=2),
                req("torch==2.1.0", line=3),
            )
        ),
        ["tensorflow", "transformers"],
    ),
    # Pinned by a constraint file of the same environment.
    (
        snapshot(
            manifest(
                "requirements.txt",
                req("torch>=2", line=1),
                req("torch==2.1.0", "constraints.txt", 1, env="requirements.txt", constraint=True),
            )
        ),
        [],
    ),
    # Pinned by a lock beside it.
    (
        snapshot(
            manifest("pyproject.toml", req("torch>=2", "pyproject.toml")),
            manifest("uv.lock", pins=(pin("torch", "2.1.0"),), kind=FileKind.UV_LOCK),
        ),
        [],
    ),
    # A library (project + build-system, no lock) is exempt.
    (
        snapshot(
            manifest("pyproject.toml", req("torch>=2", "pyproject.toml"), metadata=LIBRARY_META)
        ),
        [],
    ),
    # Dev files are not production.
    (snapshot(manifest("requirements-dev.txt", req("torch", "requirements-dev.txt"))), []),
    # Conda pins (`pytorch=2.1.0`) count as exact.
    (
        snapshot(
            manifest(
                "environment.yml",
                req("pytorch==2.1.0.*", "environment.yml", 3, conda=True),
                req("jax", "environment.yml", 4, conda=True),
            )
        ),
        ["jax"],
    ),
]


@pytest.mark.parametrize(("snap", "expected"), UNPINNED_CASES)
def test_unpinned_framework(snap: Snapshot, expected: list[str]) -> None:
    found = run(UnpinnedFrameworkRule(), snap)
    assert packages(found) == expected
    for f in found:
        assert f.severity == "warning" and f.fix and f.fix.startswith(f"{f.package}=")


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("torch>=2.1.0", "torch==2.1.0"),  # the bound names a patch
        ("torch>=2.3,<2.4", "torch==2.3.1"),  # the KB's latest 2.3 patch, not 2.3
        ("torch~=2.2", "torch==2.2.2"),
        ("torch>=2.3,!=2.3.1,<2.4", "torch==2.3.0"),  # only admitted patches
        ("torch>=2.13", "torch==2.13.0"),  # the KB's only 2.13 release (from the index)
        ("torch>=2.16", "torch==2.16.<patch you tested>"),  # a minor the KB does not list
        ("tensorflow>=2.15,<2.16", "tensorflow==2.15.<patch you tested>"),
        ("torch>=2", "torch==<the version you tested>"),
        ("torch", "torch==<the version you tested>"),
    ],
)
def test_unpinned_framework_fix_is_an_exact_version(text: str, fix: str) -> None:
    (f,) = run(UnpinnedFrameworkRule(), snapshot(manifest("requirements.txt", req(text))))
    assert f.fix == fix


@pytest.mark.parametrize(
    ("reqs", "expected_names"),
    [
        ((req("pandas>=2.1.0", line=1), req("requests", line=2)), "pandas, requests"),
        ((req("pandas>=2.1.0,<3.0.0", line=1), req("numpy~=1.24", line=2)), None),
        ((req("pandas==2.1.1", line=1),), None),
        ((req("pytest", line=1), req("torch", line=2)), None),  # other rules cover these
    ],
)
def test_unbounded_utilities_are_one_notice_per_file(
    reqs: tuple, expected_names: str | None
) -> None:
    found = run(UnboundedDependencyRule(), snapshot(manifest("requirements.txt", *reqs)))
    if expected_names is None:
        assert found == []
    else:
        (f,) = found
        assert f.severity == "notice" and f.category == "unpinned-framework"
        assert expected_names in f.message
        assert f.fix is not None and "pandas>=2.1.0,<3" in f.fix


# --- dev-dependency-in-production --------------------------------------------------------

DEV_CASES = [
    (
        snapshot(manifest("requirements.txt", req("pytest==7.4.0", line=2), req("torch==2.1.0"))),
        ["pytest"],
        "warning",
    ),
    (
        snapshot(
            manifest(
                "requirements.txt",
                req("black", line=1),
                req("jupyter", line=2),
                req("ipykernel", line=3),
            )
        ),
        ["black", "jupyter", "ipykernel"],
        "warning",
    ),
    (snapshot(manifest("requirements-dev.txt", req("pytest", "requirements-dev.txt"))), [], None),
    (
        snapshot(manifest("tests/requirements.txt", req("pytest", "tests/requirements.txt"))),
        [],
        None,
    ),
    (
        snapshot(
            manifest("pyproject.toml", req("pytest", "pyproject.toml", env="pyproject.toml#dev"))
        ),
        [],
        None,
    ),
    (snapshot(manifest("pyproject.toml", req("ruff", "pyproject.toml"))), ["ruff"], "warning"),
    (
        snapshot(manifest("environment.yml", req("jupyter", "environment.yml", conda=True))),
        ["jupyter"],
        "notice",
    ),
    (snapshot(manifest("requirements.txt", req("pytest-cov"))), ["pytest-cov"], "warning"),
    (snapshot(manifest("requirements.txt", req("pytesseract"))), [], None),
]


@pytest.mark.parametrize(("snap", "expected", "severity"), DEV_CASES)
def test_dev_dependency_in_production(
    snap: Snapshot, expected: list[str], severity: str | None
) -> None:
    found = run(DevDependencyInProductionRule(), snap)
    assert packages(found) == expected
    assert all(f.severity == severity for f in found)
    assert all(f.fix for f in found)


# --- no-lockfile ----------------------------------------------------------------------

LOCK_CASES = [
    (
        snapshot(manifest("requirements.txt", req("torch==2.1.0"), req("pandas>=2"))),
        ["requirements.txt"],
    ),
    # A fully pinned requirements file is a freeze.
    (snapshot(manifest("requirements.txt", req("torch==2.1.0"), req("pandas==2.1.1"))), []),
    # requirements.in beside its compiled requirements.txt.
    (
        snapshot(
            manifest("requirements.in", req("torch", "requirements.in")),
            manifest("requirements.txt", req("torch==2.1.0"), req("numpy==1.26.4", line=2)),
        ),
        [],
    ),
    (
        snapshot(
            manifest("pyproject.toml", req("torch>=2", "pyproject.toml")),
            manifest("uv.lock", kind=FileKind.UV_LOCK),
        ),
        [],
    ),
    (
        snapshot(
            manifest("pyproject.toml", req("torch>=2", "pyproject.toml"), metadata=LIBRARY_META)
        ),
        [],
    ),
    (snapshot(manifest("requirements-dev.txt", req("pytest", "requirements-dev.txt"))), []),
    # A lock in another folder does not cover this one.
    (
        snapshot(
            manifest("svc/requirements.txt", req("torch>=2", "svc/requirements.txt")),
            manifest("uv.lock", kind=FileKind.UV_LOCK),
        ),
        ["svc/requirements.txt"],
    ),
]


@pytest.mark.parametrize(("snap", "expected"), LOCK_CASES)
def test_no_lockfile(snap: Snapshot, expected: list[str]) -> None:
    found = run(NoLockfileRule(), snap)
    assert [f.file for f in found] == expected
    assert all(f.severity == "notice" and f.line is not None for f in found)


# --- conda ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("channels", "meta", "expected"),
    [
        (["conda-forge", "defaults"], (), "defaults"),
        (["https://repo.anaconda.com/pkgs/main", "conda-forge"], (), "defaults"),
        (["pytorch", "nvidia", "conda-forge"], (), "pytorch"),
        (["pytorch", "nvidia", "conda-forge"], (("channel_priority", "strict"),), None),
        (["conda-forge", "nodefaults"], (), None),
        (["pytorch", "nvidia", "defaults"], (), None),
        (["https://conda.anaconda.org/conda-forge/", "main"], (), "defaults"),
    ],
)
def test_conda_channel_mixing(channels: list[str], meta: tuple, expected: str | None) -> None:
    indexes = tuple(channel(c, line=i + 2) for i, c in enumerate(channels))
    snap = snapshot(
        manifest("environment.yml", kind=FileKind.CONDA, indexes=indexes, metadata=meta)
    )
    found = run(CondaChannelMixingRule(), snap)
    if expected is None:
        assert found == []
    else:
        (f,) = found
        assert f"`{expected}`" in f.message
        assert f.line == max(
            i + 2
            for i, c in enumerate(channels)
            if c == "conda-forge" or expected in c or c == "main"
        )


@pytest.mark.parametrize(
    ("conda", "pip", "expected"),
    [
        (["pytorch-cuda==12.1.*", "pytorch==2.1.0.*"], ["torch==2.1.0", "pandas"], ["torch"]),
        (
            ["cudatoolkit==11.8.*"],
            ["tensorflow==2.14.0", "nvidia-cudnn-cu11", "cupy-cuda11x"],
            # found dogfooding: plain tensorflow and cupy load conda's CUDA (TF's documented
            # conda setup); only the nvidia-* wheel is a second CUDA stack
            ["nvidia-cudnn-cu11"],
        ),
        (["pytorch==2.1.0.*", "numpy"], ["torch==2.1.0"], []),
        (["cuda-version==12.1.*"], ["requests"], []),
        # dlyuangod/TinyGPT-V environment.yml: twelve nvidia-* wheels and torch next to conda's
        # cudatoolkit are one problem of the file: one warning, at the first, naming them all
        (
            ["cudatoolkit==11.8.0"],
            ["nvidia-cublas-cu11==11.10.3.66", "nvidia-cudnn-cu11==8.5.0.96", "torch==2.0.0"],
            ["nvidia-cublas-cu11"],
        ),
    ],
)
def test_pip_in_conda_for_cuda_package(
    conda: list[str], pip: list[str], expected: list[str]
) -> None:
    reqs = [req(t, "environment.yml", i + 1, conda=True) for i, t in enumerate(conda)]
    reqs += [req(t, "environment.yml", 20 + i) for i, t in enumerate(pip)]
    snap = snapshot(manifest("environment.yml", *reqs, kind=FileKind.CONDA))
    found = run(PipInCondaForCudaPackageRule(), snap)
    assert packages(found) == expected
    for finding in found:
        named = [t.split("==")[0] for t in pip if t.split("==")[0] in finding.message]
        assert len(named) == sum(1 for e in finding.evidence if e.startswith("environment.yml:"))


# --- untrusted-index --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind", "config_text", "expected"),
    [
        ("https://download.pytorch.org/whl/cu121", IndexKind.EXTRA_INDEX_URL, "", None),
        ("https://pypi.org/simple", IndexKind.INDEX_URL, "", None),
        ("https://pypi.corp.example/simple", IndexKind.EXTRA_INDEX_URL, "", "dependency confusion"),
        ("https://pypi.corp.example/simple", IndexKind.INDEX_URL, "", "not allowed"),
        (
            "https://pypi.corp.example/simple",
            IndexKind.EXTRA_INDEX_URL,
            "allowed_index_hosts: [pypi.corp.example]\n",
            None,
        ),
        (
            "https://a.corp.example/simple",
            IndexKind.UV_INDEX,
            "allowed_index_hosts: ['*.corp.example']\n",
            None,
        ),
        ("http://mirror.example/simple", IndexKind.INDEX_URL, "", "plain HTTP"),
        ("./wheels", IndexKind.FIND_LINKS, "", None),
        ("${PIP_EXTRA_INDEX_URL}", IndexKind.EXTRA_INDEX_URL, "", None),
    ],
)
def test_untrusted_index(url: str, kind: IndexKind, config_text: str, expected: str | None) -> None:
    config, findings = load_config(config_text or None)
    assert findings == []
    snap = snapshot(manifest("requirements.txt", indexes=(index(url, kind=kind, line=4),)))
    found = run(UntrustedIndexRule(), snap, config)
    if expected is None:
        assert found == []
    else:
        (f,) = found
        assert expected in f.message and f.line == 4 and f.severity == "warning"


def test_untrusted_index_never_shows_credentials() -> None:
    url = "https://user:s3cret-token@pypi.corp.example/simple"
    snap = snapshot(
        manifest("requirements.txt", indexes=(index(url, kind=IndexKind.EXTRA_INDEX_URL),))
    )
    (f,) = run(UntrustedIndexRule(), snap)
    assert "s3cret" not in f.message + (f.fix or "") + "".join(f.evidence)
    assert redact(url) == "https://***@pypi.corp.example/simple"


# --- parse-error -------------------------------------------------------------------------


def test_parse_errors_pass_through_unchanged() -> None:
    bad = parse_error("requirements.txt", 3, 7, "expected a version", "numpy>=>1")
    top = parse_error("requirements.txt", 1, 1, "include not found: base.txt")
    snap = snapshot(manifest("requirements.txt", errors=(bad,)), errors=(top,))
    assert run(ParseErrorRule(), snap) == [top, bad]
