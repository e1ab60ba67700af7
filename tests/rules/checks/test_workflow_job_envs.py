"""The rules see a CI job's by-name installs: one environment per matrix combination, with its
Python (`rules.manifests._workflow_jobs`)."""

from __future__ import annotations

import pytest

from rules.checks.registry import ALL_RULES
from rules.findings import Finding
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

PATH = ".github/workflows/ci.yml"


def _workflow(matrix: str, python: str, script: str, uses: str = "actions/setup-python@v5") -> str:
    return (
        "jobs:\n  t:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n"
        f"{matrix}"
        "    steps:\n"
        f"      - uses: {uses}\n        with:\n          python-version: {python}\n"
        f"      - run: {script}\n"
    )


def _findings(text: str) -> list[Finding]:
    snapshot = build_snapshot({PATH: text})
    return [f for rule in ALL_RULES for f in run(rule, snapshot)]


MAHOTAS = """\
jobs:
  build-linux:
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix:
        python-version: ['3.9', '3.10']
        numpy-version: ['1.26', '2.1']
{exclude}    steps:
    - uses: mamba-org/setup-micromamba@v1
      with:
        environment-name: mahotas_test_env
        create-args: python=${{{{ matrix.python-version }}}} numpy=${{{{ matrix.numpy-version }}}}
    - run: micromamba install --file tests-requirements.txt --name mahotas_test_env
"""

#: (case, workflow, expected (rule, severity, package) — a subset: other rules may add notes)
CASES: list[tuple[str, str, set[tuple[str, str, str | None]]]] = [
    (
        # jorenham/optype@0bcfa931f1b6a7779d291f7f3bc03f09fc437171:.github/workflows/ci.yml:
        # numpy 2.2.6 (newest 2.2.x) has cp310-cp313 wheels only, and an sdist
        "optype: numpy 2.2.* on Python 3.14 builds from its sdist",
        _workflow(
            '        py: ["3.12", "3.14"]\n        np: ["2.2"]\n',
            "${{ matrix.py }}",
            'uv pip install "numpy==${{ matrix.np }}.*"',
            uses="astral-sh/setup-uv@v8",
        ),
        {("python-version-incompatible", "warning", "numpy")},
    ),
    (
        "tensorflow 2.13 on a 3.12 matrix entry",
        _workflow(
            "        py: ['3.10', '3.12']\n", "${{ matrix.py }}", "pip install tensorflow==2.13.0"
        ),
        {("python-version-incompatible", "error", "tensorflow")},
    ),
    (
        "torch 2.3.1 on a 3.13 matrix entry",
        _workflow("        py: ['3.11', '3.13']\n", "${{ matrix.py }}", "pip install torch==2.3.1"),
        {("python-version-incompatible", "error", "torch")},
    ),
    (
        "a torch x torchvision include pair that does not fit",
        _workflow(
            "        include:\n"
            "          - {py: '3.10', torch: '2.1.0', tv: '0.16.0'}\n"
            "          - {py: '3.10', torch: '2.1.0', tv: '0.15.2'}\n",
            "${{ matrix.py }}",
            "pip install torch==${{ matrix.torch }} torchvision==${{ matrix.tv }}",
        ),
        {("torch-family-mismatch", "error", "torchvision")},
    ),
    (
        "torch 2.0.1 next to numpy 2 in one job",
        _workflow(
            "        py: ['3.10']\n", "${{ matrix.py }}", "pip install torch==2.0.1 numpy==2.1.0"
        ),
        {("numpy-abi", "error", "torch")},
    ),
    (
        "a CUDA build of torch with no PyTorch index",
        _workflow("        py: ['3.10']\n", "${{ matrix.py }}", "pip install torch==2.1.0+cu118"),
        {("missing-pytorch-index", "error", "torch")},
    ),
    (
        "jaxlib older than jax",
        _workflow(
            "        py: ['3.10']\n",
            "${{ matrix.py }}",
            "pip install 'jax[cuda12]==0.4.30' jaxlib==0.4.20",
        ),
        {("jax-cuda-mismatch", "warning", "jaxlib")},
    ),
    (
        # albermax/innvestigate@37ee56eb462d90d6b59089588d203f64bac67998:
        # .github/workflows/pythonapp.yml: tensorflow 1.12.0 has no cp37 wheel (fixed in ae36aae
        # by excluding the pair)
        "innvestigate: tensorflow 1.12.0 on a new 3.7 matrix entry",
        _workflow(
            "        python-version: [3.6, 3.7]\n        tensorflow-version: [1.12.0, 1.13.2]\n",
            "${{ matrix.python-version }}",
            "pip install tensorflow==${{matrix.tensorflow-version}} matplotlib",
        ),
        {("python-version-incompatible", "error", "tensorflow")},
    ),
    (
        # luispedro/mahotas@7871e5ce743478b1e62be4696fbfbc67de875d3e:
        # .github/workflows/test-python-package-with-conda.yml: numpy 2.1 requires Python >=3.10
        # (fixed in ce586220 by excluding 3.9 x 2.1+)
        "mahotas: setup-micromamba creates python=3.9 with numpy=2.1",
        MAHOTAS.format(exclude=""),
        {("python-version-incompatible", "error", "numpy")},
    ),
    (
        "two pins no numpy satisfies, in one command",
        _workflow(
            "        py: ['3.10']\n", "${{ matrix.py }}", "pip install 'numpy<2' numpy==2.1.0"
        ),
        {("conflict", "error", "numpy")},
    ),
]

#: Real shapes that must stay clean (no error, no warning).
CLEAN: list[tuple[str, str]] = [
    (
        # rusty1s/pytorch_scatter@628ada7688fdb0dd7531af2ed88a800a53d9c856:
        # .github/workflows/testing.yml: torch 2.0.0 / 2.1.0 from the CPU index on Python 3.8
        "pytorch_scatter: torch 2.0/2.1 on 3.8 from the CPU index",
        _workflow(
            "        os: [ubuntu-latest, windows-latest]\n        python-version: [3.8]\n"
            "        torch-version: [2.0.0, 2.1.0]\n",
            "${{ matrix.python-version }}",
            "pip install torch==${{ matrix.torch-version }}"
            " --extra-index-url https://download.pytorch.org/whl/cpu",
        ),
    ),
    (
        # rusty1s/pytorch_sparse@5452dc05d56d171b628a374a6058f9d6b28ad89f:
        # .github/workflows/testing.yml: scipy 1.10.1 pinned for Python 3.8 (it has cp38 wheels)
        "pytorch_sparse: scipy 1.10.1 on 3.8",
        _workflow(
            "        python-version: [3.8]\n",
            "${{ matrix.python-version }}",
            "pip install scipy==1.10.1  # Python 3.8 support",
        ),
    ),
    (
        "mahotas after ce586220: the 3.9 x numpy 2.1 pair is excluded",
        MAHOTAS.format(
            exclude="        exclude:\n          - {python-version: '3.9', numpy-version: '2.1'}\n"
        ),
    ),
    (
        "the incompatible pair is excluded",
        _workflow(
            "        py: ['3.11', '3.13']\n        torch: ['2.3.1', '2.5.1']\n"
            "        exclude:\n          - {py: '3.13', torch: '2.3.1'}\n",
            "${{ matrix.py }}",
            "pip install torch==${{ matrix.torch }}",
        ),
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rules_see_job_environments(
    case: str, text: str, expected: set[tuple[str, str, str | None]]
) -> None:
    found = {(f.rule, f.severity.value, f.package) for f in _findings(text)}
    assert expected <= found, (case, found)


@pytest.mark.parametrize(("case", "text"), CLEAN, ids=[c[0] for c in CLEAN])
def test_real_clean_matrices_stay_clean(case: str, text: str) -> None:
    bad = [
        (f.rule, f.severity.value, f.message)
        for f in _findings(text)
        if f.severity.value in {"error", "warning"}
    ]
    assert bad == [], case


def test_a_finding_is_at_the_matrix_value_and_names_the_install_line() -> None:
    text = _workflow(
        "        py: ['3.11', '3.13']\n", "${{ matrix.py }}", "pip install torch==2.3.1"
    )
    (found,) = [f for f in _findings(text) if f.rule == "python-version-incompatible"]
    assert (found.file, found.line) == (PATH, 6)  # the matrix value 3.13
    assert f"{PATH}:11: torch==2.3.1" in found.evidence  # the install line


def test_each_python_of_a_job_is_its_own_problem() -> None:
    """A base that already builds numpy from source on 3.15 does not hide a head's new
    source build on 3.14 (the optype case's shape)."""
    entries = "        include:\n          - {py: '3.15', np: '2.4'}\n"
    script = 'pip install "numpy==${{ matrix.np }}.*"'
    base = _workflow(entries, "${{ matrix.py }}", script)
    head = _workflow(
        f"{entries}          - {{py: '3.14', np: '2.2'}}\n", "${{ matrix.py }}", script
    )
    before = {f.identity for f in _findings(base) if f.rule == "python-version-incompatible"}
    after = {f.identity for f in _findings(head) if f.rule == "python-version-incompatible"}
    assert before and after - before
