"""conflict: torch's own versioned requirements (other than its nvidia-* wheels) against the
file's pins.

torch 2.5.0–2.6.0's Linux x86_64 wheels pin ``sympy==1.13.1; python_version >= "3.9"``
(pytorch/pytorch#145225; torch-2.6.0-cp310-cp310-manylinux1_x86_64.whl METADATA in
tests/fixtures/compat/pypi_index.json) and every release from 2.1 pins its triton
(``triton==3.2.0`` for 2.6.0). vespa-engine/sample-apps PR #1705 (Renovate) set ``torch==2.6.0``
in a uv-compiled file that pins ``sympy==1.13.3``; PR #1726 moved it to 2.7.1 (``sympy>=1.13.3``).
neuralmagic/sparseml PR #2369 (Dependabot) moved torch 1.8.0 -> 2.7.0 in
research/information_retrieval/doc2query/requirements.txt, which pins
``typing-extensions==3.10.0.0``; torch 2.7.0 requires ``typing-extensions>=4.10.0``.
"""

from __future__ import annotations

import pytest

from rules.checks.conflict import RULES
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]


@pytest.mark.parametrize(
    ("lines", "clash"),
    [
        ("torch==2.6.0\nsympy==1.13.3\n", "sympy"),  # vespa #1705
        ("torch==2.7.1\nsympy==1.13.3\n", None),  # vespa #1726
        ("torch==2.6.0\nsympy==1.13.1\n", None),
        ("torch==2.1.0\ntriton==2.0.0\n", "triton"),
        ("torch==2.1.0\ntriton==2.1.0\n", None),
        ("torch==2.6.0\nsympy>=1.13\n", None),  # a range: the resolver takes 1.13.1
        ("torch==1.13.1\nsympy==1.10\n", None),  # torch 1.13 pins no sympy
        ("torch==2.7.0\ntyping-extensions==3.10.0.0\n", "typing-extensions"),  # sparseml #2369
        ("torch==1.8.0\ntyping-extensions==3.10.0.0\n", None),  # 1.8.0: no floor
        ("torch==2.7.0\ntyping-extensions==4.12.2\n", None),
        ("torch==2.7.0\nsetuptools==69.0.0\n", None),  # setuptools: only on Python >= 3.12
    ],
)
def test_torch_requires_against_the_files_pins(lines: str, clash: str | None) -> None:
    findings = [
        f for f in run(RULE, build_snapshot({"requirements.txt": lines})) if f.severity == "error"
    ]
    assert len(findings) == (1 if clash else 0)
    for found in findings:
        assert found.package == "torch"
        assert f"its metadata requires `{clash}" in found.message
        assert any("KB torch.json" in e for e in found.evidence)


def test_torch_requires_of_a_release() -> None:
    kb = load_kb()
    assert [str(r) for r, _ in kb.torch_requires("2.6.0")] == [
        "typing-extensions>=4.10.0",
        'triton==3.2.0; platform_system == "Linux" and platform_machine == "x86_64"',
        'sympy==1.13.1; python_version >= "3.9"',
    ]
    assert [str(r) for r, _ in kb.torch_requires("2.7.0")] == [
        "typing-extensions>=4.10.0",
        "sympy>=1.13.3",
        'triton==3.3.0; platform_system == "Linux" and platform_machine == "x86_64"',
    ]
    assert kb.torch_requires("1.13.1") == ()
    assert kb.torch_requires("9.9.9") == ()
