"""jax-cuda-mismatch on conda-forge jaxlib builds (the CUDA is in the build string).

Build strings follow conda-forge/jaxlib-feedstock (recipe/meta.yaml ``cuda{XY}py{PY}h…``, from
2025-10-30 recipe/recipe.yaml ``cuda{XY}_py{PY}h…``, and ``cpu_py{PY}h…``). The lock record
``jaxlib 0.4.23 cuda120py311h5a49573_202`` (linux-64, depends ``cuda-version >=12.0,<13``) is
copied from a public pixi.lock; ``jaxlib=*=*cuda*`` is how many public READMEs and scripts
install it (``conda install jaxlib=*=*cuda* jax cuda-nvcc -c conda-forge -c nvidia``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rules.checks.base import Rule
from rules.checks.cuda_base_image import RULES as BASE_IMAGE_RULES
from rules.checks.driver import RULES as DRIVER_RULES
from rules.checks.jax_cuda import RULES
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.kb.conda_jaxlib import jaxlib_build
from rules.kb.schema import SOURCE_FILES
from rules.manifests.model import FactKind
from rules.manifests.snapshot import build_snapshot
from scripts.kb_build import SourceShapeError, build_data
from tests.rules.checks.mlsnap import config, run

FIXTURES = Path(__file__).parent.parent.parent / "fixtures" / "compat"
RULE = RULES[0]
BASE_IMAGE = BASE_IMAGE_RULES[0]
DRIVER, ARCH = DRIVER_RULES

LOCK_CUDA120 = """\
version: 1
metadata:
  channels:
  - url: conda-forge
    used_env_vars: []
  platforms:
  - linux-64
  - osx-arm64
package:
- name: jaxlib
  version: 0.4.23
  manager: conda
  platform: linux-64
  dependencies:
    __cuda: ''
    cuda-version: '>=12.0,<13'
  url: https://conda.anaconda.org/conda-forge/linux-64/jaxlib-0.4.23-cuda120py311h5a49573_202.conda
  hash:
    md5: 0306f40f0820ca3e4fd4ccc4509da6f3
    sha256: 81acde99bc62efbb9e128c52434bd5e59f6d23eb6529c352b5db7e3a0a239cb1
  category: main
  optional: false
- name: jaxlib
  version: 0.4.23
  manager: conda
  platform: osx-arm64
  dependencies: {}
  url: https://conda.anaconda.org/conda-forge/osx-arm64/jaxlib-0.4.23-cpu_py311hb0e3a3a_2.conda
  hash:
    md5: 00000000000000000000000000000000
  category: main
  optional: false
"""

EXPLICIT_CPU = """\
# platform: linux-64
@EXPLICIT
https://conda.anaconda.org/conda-forge/linux-64/jaxlib-0.4.23-cpu_py311h4ce5f56_2.conda
"""


def _env(*deps: str) -> str:
    lines = "\n".join(f"  - {d}" for d in deps)
    return f"name: gpu\nchannels:\n  - conda-forge\ndependencies:\n{lines}\n"


def _docker(image: str) -> str:
    return f"FROM {image}\nCOPY environment.yml .\nRUN conda env create -f environment.yml\n"


@pytest.mark.parametrize(
    ("build", "cpu", "major", "cuda"),
    [
        ("cuda120py311h5a49573_202", False, 12, "12.0"),  # meta.yaml era
        ("cuda129_py311h0123456_200", False, 12, "12.9"),  # recipe.yaml era
        ("cuda112py310h1234567_201", False, 11, "11.2"),
        ("cuda112*", False, 11, "11.2"),
        ("cuda12*", False, 12, None),
        ("*cuda*", False, None, None),
        ("cpu_py311h4ce5f56_2", True, None, None),
        ("cpu*", True, None, None),
    ],
)
def test_build_strings(build: str, cpu: bool, major: int | None, cuda: str | None) -> None:
    found = jaxlib_build(build)
    assert found is not None
    assert (found.cpu, found.major, found.cuda) == (cpu, major, cuda)


@pytest.mark.parametrize("build", ["py311h1234567_0", "", None, "h1234567_0"])
def test_builds_naming_neither(build: str | None) -> None:
    assert jaxlib_build(build) is None


def test_kb_records_the_feedstock_matrix() -> None:
    kb = load_kb()
    assert kb.jax.conda_forge is not None
    assert kb.jax.conda_forge.provenance.source[0]["repo"] == "conda-forge/jaxlib-feedstock"
    rows = {"0.4.23": ("11.2", "11.8", "12.0"), "0.4.30": ("12.0",), "0.7.0": ("12.9",)}
    for version, cuda in rows.items():
        release = kb.conda_jaxlib(version)
        assert release is not None and release.cuda_linux_64 == cuda
    assert kb.conda_jaxlib("0.4.22") is None  # never a feedstock recipe version


CASES: list[tuple[str, dict[str, str], RepoConfig | None, list[tuple[str, str]]]] = [
    (
        "CUDA 11.2 build next to cuda-version 12",
        {"environment.yml": _env("jax", "jaxlib=0.4.23=cuda112*", "cuda-version=12.0")},
        None,
        [("error", "conda-jaxlib-cuda:11")],
    ),
    (
        "CUDA 11.2 build with cudatoolkit 11.8: same major, solves",
        {"environment.yml": _env("jaxlib=0.4.23=cuda112*", "cudatoolkit=11.8")},
        None,
        [],
    ),
    (
        "CUDA 12.6 build with cuda-version pinned to 12.0: does not solve",
        {"environment.yml": _env("jaxlib=0.4.35=cuda126*", "cuda-version=12.0")},
        None,
        [("error", "conda-jaxlib-minor:12.6")],
    ),
    (
        "CUDA 12 build in a CUDA 11.8 image: cuda-base-image-mismatch's (see below)",
        {
            "environment.yml": _env("jax", "jaxlib=*=cuda120*"),
            "Dockerfile": _docker("nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04"),
        },
        None,
        [],
    ),
    (
        "cuda12* glob next to another package's CUDA 11.8 build string",
        {"environment.yml": _env("jaxlib=*=cuda12*", "pytorch=2.1=*cuda118*")},
        None,
        [("error", "conda-jaxlib-cuda:12")],
    ),
    (
        "CPU build in a CUDA image",
        {
            "environment.yml": _env("jax", "jaxlib=0.4.23=cpu*"),
            "Dockerfile": _docker("nvidia/cuda:12.2.2-runtime-ubuntu22.04"),
        },
        None,
        [("error", "conda-jaxlib-cpu")],
    ),
    (
        "any CUDA build with cuda-version 12: nothing to judge",
        {"environment.yml": _env("jax", "jaxlib=*=*cuda*", "cuda-version=12")},
        None,
        [],
    ),
    (
        "cuda12* glob against config targets CUDA 11.8",
        {"environment.yml": _env("jaxlib=*=cuda12*")},
        config(targets={"cuda": ["11.8"]}),
        [("error", "conda-jaxlib-cuda:12")],
    ),
    (
        "CPU build in an environment that selects CUDA",
        {"environment.yml": _env("jax", "jaxlib=*=cpu*", "cuda-version=12.6")},
        None,
        [("error", "conda-jaxlib-cpu")],
    ),
    (
        "CPU build with no CUDA anywhere",
        {"environment.yml": _env("jax", "jaxlib=*=cpu*")},
        None,
        [],
    ),
    (
        "a CUDA version the feedstock never built for that jaxlib",
        {"environment.yml": _env("jaxlib=0.4.30=cuda118*")},
        None,
        [("warning", "conda-jaxlib-missing:cuda118*")],
    ),
    (
        "a CUDA version the feedstock built",
        {"environment.yml": _env("jaxlib=0.4.26=cuda118*")},
        None,
        [],
    ),
    (
        "conda-lock CUDA 12.0 build in a CUDA 11.8 image (osx-arm64 CPU pin ignored)",
        {
            "conda-lock.yml": LOCK_CUDA120,
            "Dockerfile": _docker("nvidia/cuda:11.8.0-runtime-ubuntu22.04"),
        },
        None,
        [("error", "conda-jaxlib-cuda:12")],
    ),
    (
        "conda-lock CUDA 12.0 build, config targets CUDA 13: a newer driver runs it",
        {"conda-lock.yml": LOCK_CUDA120},
        config(targets={"cuda": ["13.0"]}),
        [],
    ),
    (
        "conda-lock CUDA 12.0 build in a CUDA 12.2 image",
        {
            "conda-lock.yml": LOCK_CUDA120,
            "Dockerfile": _docker("nvidia/cuda:12.2.2-runtime-ubuntu22.04"),
        },
        None,
        [],
    ),
    (
        "explicit list with the CPU build in a CUDA image",
        {
            "conda-linux-64.lock": EXPLICIT_CPU,
            "Dockerfile": _docker("nvidia/cuda:12.2.2-runtime-ubuntu22.04"),
        },
        None,
        [("error", "conda-jaxlib-cpu")],
    ),
]


@pytest.mark.parametrize(("name", "files", "cfg", "expected"), CASES, ids=[c[0] for c in CASES])
def test_conda_jaxlib_builds(
    name: str,
    files: dict[str, str],
    cfg: RepoConfig | None,
    expected: list[tuple[str, str]],
) -> None:
    findings = run(RULE, build_snapshot(files), cfg)
    got = sorted(
        (str(f.severity), f.fingerprint.split(":", 1)[1])
        for f in findings
        if "conda-" in f.fingerprint
    )
    assert got == sorted(expected), [f.message for f in findings]
    assert all(f.rule == "jax-cuda-mismatch" for f in findings)


def test_a_build_glob_names_no_false_cuda_fact() -> None:
    """``cuda12*`` is the CUDA 12 line, not CUDA 1.2 (conda.py reads build-string CUDA facts)."""
    snapshot = build_snapshot({"environment.yml": _env("jaxlib=*=cuda12*", "jax")})
    facts = [f.value for f in snapshot.facts(FactKind.CUDA)]
    assert facts == ["12"]
    jaxlib = next(r for r in snapshot.requirements() if r.name == "jaxlib")
    assert jaxlib.build == "cuda12*"


IMAGE_118 = _docker("nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04")


@pytest.mark.parametrize(
    ("rule", "files", "cfg", "expected"),
    [
        (  # the build is a framework build of the environment, judged like pip's
            BASE_IMAGE,
            {"environment.yml": _env("jax", "jaxlib=*=cuda120*"), "Dockerfile": IMAGE_118},
            None,
            ["error"],
        ),
        (  # a CUDA 11 build on a CUDA 12 host runs (drivers run older CUDA)
            BASE_IMAGE,
            {
                "environment.yml": _env("jaxlib=0.4.23=cuda118*"),
                "Dockerfile": _docker("nvidia/cuda:12.2.2-runtime-ubuntu22.04"),
            },
            None,
            [],
        ),
        (  # __cuda >= 12: the CUDA 12 family floor (KB cuda_driver.json)
            DRIVER,
            {"environment.yml": _env("jaxlib=0.4.23=cuda120*")},
            config(runners=[{"name": "old", "driver": "470.82.01"}]),
            ["error"],
        ),
        (
            DRIVER,
            {"environment.yml": _env("jaxlib=0.4.23=cuda120*")},
            config(runners=[{"name": "new", "driver": "535.104.05"}]),
            [],
        ),
        (  # the pip plugin wheels' SM floors are not the conda build's
            ARCH,
            {"environment.yml": _env("jaxlib=0.4.23=cuda120*")},
            config(
                runners=[
                    {
                        "name": "k80",
                        "driver": "535.104.05",
                        "gpus": [{"name": "K80", "compute_capability": "3.7"}],
                    }
                ]
            ),
            [],
        ),
    ],
    ids=["base-image-newer-major", "base-image-older-major", "driver-old", "driver-ok", "arch"],
)
def test_other_rules_judge_the_conda_build(
    rule: Rule, files: dict[str, str], cfg: RepoConfig | None, expected: list[str]
) -> None:
    found = [f for f in run(rule, build_snapshot(files), cfg) if f.package == "jaxlib"]
    assert sorted(str(f.severity) for f in found) == expected, [f.message for f in found]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda block: block.update(cuda_builds=[]), "unknown keys"),
        (lambda block: block.pop("snapshot_date"), "missing keys"),
        (lambda block: block["releases"][0].update(cudnn="8"), "unknown keys"),
    ],
    ids=["unknown-key", "no-provenance", "unknown-row-key"],
)
def test_the_kb_build_refuses_a_changed_source_shape(
    change: Callable[[dict[str, Any]], object], message: str
) -> None:
    sources = {n: json.loads((FIXTURES / n).read_text("utf-8")) for n in SOURCE_FILES}
    change(sources["jax.json"]["conda_forge_jaxlib"])
    with pytest.raises(SourceShapeError, match=message):
        build_data(sources)
