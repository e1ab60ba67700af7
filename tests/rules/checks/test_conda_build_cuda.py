"""cuda-variant-mismatch: the CUDA a conda pytorch / cudnn build string is built for against the
environment's other CUDA selectors.

The pytorch channel's builds name their CUDA with a dot (``py35_cuda9.0.176_cudnn7.1.2_1``,
``py3.9_cuda11.6_cudnn8.3.2_0``) and depend on that CUDA's toolkit minor: araffin/robotics-rl-srl
issue #26, "UnsatisfiableError: ... cudatoolkit==8.0=3 -
  pytorch==0.4.0=py35_cuda9.0.176_cudnn7.1.2_1
-> cudatoolkit=9". conda-forge's builds (``cuda112py39h…``) of CUDA 11.2 or newer take any 11.x
toolkit from 11.2 on, so only their major counts.
"""

from __future__ import annotations

import pytest

from rules.checks.cuda_variant import RULES
from rules.checks.support.cuda import conda_build_cuda
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]

#: araffin/robotics-rl-srl@e10358baa710aa7aa47e2df0db4ecca96982062b:environment.yml, the CUDA lines
ARAFFIN = """\
name: py35
dependencies:
  - cudnn=7.0.5=cuda8.0_0
  - cudatoolkit=8.0=3
  - python=3.5.4=h417fded_24
  - pytorch=0.4.0=py35_cuda9.0.176_cudnn7.1.2_1
"""


def _env(*lines: str) -> str:
    return "name: e\ndependencies:\n" + "".join(f"  - {line}\n" for line in lines)


CASES: list[tuple[str, str, list[tuple[str | None, int]]]] = [
    ("araffin: pytorch cuda9.0 build next to cudatoolkit 8.0", ARAFFIN, [("pytorch", 6)]),
    (
        "the base of that change: the cuda8.0.61 build agrees",
        ARAFFIN.replace("py35_cuda9.0.176", "py35_cuda8.0.61"),
        [],
    ),
    (
        "pytorch channel 1.13.1 cuda11.6 build next to pytorch-cuda 11.7",
        _env("pytorch=1.13.1=py3.9_cuda11.6_cudnn8.3.2_0", "pytorch-cuda=11.7"),
        [("pytorch", 3)],
    ),
    (
        "conda-forge cuda112 build next to cudatoolkit 11.3: any 11.x from 11.2",
        _env("pytorch=1.10.2=cuda112py39h4de5995_1", "cudatoolkit=11.3"),
        [],
    ),
    (
        "conda-forge cuda102 build next to cudatoolkit 11.3",
        _env("pytorch=1.8.0=cuda102py38h0d3b6c8_1", "cudatoolkit=11.3"),
        [("pytorch", 3)],
    ),
    ("a cpu build names no CUDA", _env("pytorch=1.13.1=py3.9_cpu_0", "cudatoolkit=11.3"), []),
    ("no selector: one build alone", _env("pytorch=1.13.1=py3.9_cuda11.6_cudnn8.3.2_0"), []),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_build_string_cuda(name: str, text: str, expected: list[tuple[str | None, int]]) -> None:
    findings = [
        f for f in run(RULE, build_snapshot({"environment.yml": text})) if "conda:" in f.fingerprint
    ]
    assert [(f.package, f.line) for f in findings] == expected
    for found in findings:
        assert "selects CUDA" in found.message
        assert found.fix is None  # a build string is no selector to rewrite


@pytest.mark.parametrize(
    ("line", "cuda"),
    [
        ("pytorch=0.4.0=py35_cuda9.0.176_cudnn7.1.2_1", "9.0"),
        ("pytorch=1.13.1=py3.9_cuda11.6_cudnn8.3.2_0", "11.6"),
        ("cudnn=7.0.5=cuda8.0_0", "8.0"),
        ("pytorch=1.10.2=cuda112py39h4de5995_1", "11"),
        ("pytorch=1.8.0=cuda102py38h0d3b6c8_1", "10.2"),
        ("pytorch=2.1.0=cuda120_py310h327d3bc_300", "12"),
        ("torchvision=0.8.2=cpu_py39ha229d99_0", None),
    ],
)
def test_build_cuda_reading(line: str, cuda: str | None) -> None:
    snapshot = build_snapshot({"environment.yml": _env(line)})
    reqs = [r for f in snapshot.files.values() for r in f.requirements]
    assert [d.cuda for d in conda_build_cuda(reqs)] == ([cuda] if cuda else [])
