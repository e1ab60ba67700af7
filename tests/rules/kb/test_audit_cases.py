"""The CLI cases of the KB audit (shared reviews/kb-audit.md, table "CLI checks"), reviewed
through `review_trees`: each wrong KB fact (W1-W12) or gap the audit found gave a wrong verdict
on one of these inputs. Expected findings are the audit's "correct verdict" column."""

from __future__ import annotations

from datetime import date

import pytest

from rules.review import review_trees

TODAY = date(2026, 12, 3)
PT = "https://download.pytorch.org/whl"
V100_FLEET = (
    "runners:\n  - name: gpu-1\n    driver: 580.65.06\n"
    "    gpus:\n      - name: V100\n        compute_capability: '7.0'\n"
)

# case, head files, (rule, severity) that must be reported, rules that must not be
CASES: list[tuple[str, dict[str, str], set[tuple[str, str]], set[str]]] = [
    (
        "C04 torch 1.13.1 on python:3.11 (cp311 manylinux1_x86_64 wheels exist; W2)",
        {"Dockerfile": "FROM python:3.11-slim\nRUN pip install torch==1.13.1\n"},
        set(),
        {"python-version-incompatible"},
    ),
    (
        "C05 control: torch 1.13.1 on python:3.12 has no wheel",
        {"Dockerfile": "FROM python:3.12-slim\nRUN pip install torch==1.13.1\n"},
        {("python-version-incompatible", "error")},
        set(),
    ),
    (
        "C06 torch 2.14.0 on python:3.15 (2.14 ships cp310-cp314 only; W4)",
        {"Dockerfile": "FROM python:3.15-slim\nRUN pip install torch==2.14.0\n"},
        {("python-version-incompatible", "error")},
        set(),
    ),
    (
        "C07 PyPI torch 2.14.0 on a CUDA 13.0 image (the wheel pins cuda-toolkit 13.0.3; W1)",
        {
            "Dockerfile": "FROM nvidia/cuda:13.0.2-cudnn-runtime-ubuntu24.04\n"
            "RUN pip install torch==2.14.0\n"
        },
        set(),
        {"cuda-base-image-mismatch"},
    ),
    (
        "C08 torch 2.9.0+cu129 from the cu129 index (W3)",
        {"requirements.txt": f"--index-url {PT}/cu129\ntorch==2.9.0+cu129\n"},
        set(),
        {"cuda-variant-mismatch"},
    ),
    (
        "C09 jax[cuda12-local] 0.6.2 with a declared cuDNN 9.5 (needs >=9.8; W6)",
        {"requirements.txt": "# CUDA: 12.6\n# cuDNN: 9.5\njax[cuda12-local]==0.6.2\n"},
        {("jax-cuda-mismatch", "error")},
        set(),
    ),
    (
        "C10 jax[cuda13]==0.7.0 (no jax-cuda13-plugin 0.7.0 was published; W8)",
        {"requirements.txt": "jax[cuda13]==0.7.0\n"},
        {("jax-cuda-mismatch", "error")},
        set(),
    ),
    (
        "C18 torch 2.11.0+cu128 on a V100 (2.11 dropped sm_70 from cu128; W5)",
        {
            "requirements.txt": f"--extra-index-url {PT}/cu128\ntorch==2.11.0+cu128\n",
            ".github/depreview.yml": V100_FLEET,
        },
        {("gpu-arch-unsupported", "error")},
        set(),
    ),
    (
        "C18c control: torch 2.10.0+cu128 keeps sm_70",
        {
            "requirements.txt": f"--extra-index-url {PT}/cu128\ntorch==2.10.0+cu128\n",
            ".github/depreview.yml": V100_FLEET,
        },
        set(),
        {"gpu-arch-unsupported"},
    ),
    (
        "C19 jax[cuda12_local] 0.4.29 with cuDNN 9.1 (0.4.29 installs the cudnn91 build; W7)",
        {
            "requirements.txt": "# CUDA: 12.4\n# cuDNN: 9.1\n"
            "-f https://storage.googleapis.com/jax-releases/jax_cuda_releases.html\n"
            "jax[cuda12_local]==0.4.29\n"
        },
        set(),
        {"jax-cuda-mismatch"},
    ),
    (
        "C19b the same jax with cuDNN 8.9",
        {
            "requirements.txt": "# CUDA: 12.4\n# cuDNN: 8.9\n"
            "-f https://storage.googleapis.com/jax-releases/jax_cuda_releases.html\n"
            "jax[cuda12_local]==0.4.29\n"
        },
        {("jax-cuda-mismatch", "error")},
        set(),
    ),
    (
        "C02b PyPI torch 2.5.1 (CUDA 12.4 wheel) on a 12.1 image: a warning (gap filled)",
        {
            "Dockerfile": "FROM nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04\n"
            "RUN pip install torch==2.5.1\n"
        },
        {("cuda-base-image-mismatch", "warning")},
        set(),
    ),
    (
        "C15 torch 2.15.0 on Python 3.10 (Requires-Python >=3.11; gap filled)",
        {"Dockerfile": "FROM python:3.10-slim\nRUN pip install torch==2.15.0\n"},
        {("python-version-incompatible", "error")},
        set(),
    ),
    (
        "C17 torch 2.11.0 with torchaudio 2.11.1 (py3-none, torch>=2.11; R2)",
        {"requirements.txt": "torch==2.11.0\ntorchaudio==2.11.1\n"},
        set(),
        {"torch-family-mismatch"},
    ),
]


@pytest.mark.parametrize(("name", "head", "wanted", "absent"), CASES, ids=[c[0] for c in CASES])
def test_audit_case(
    name: str, head: dict[str, str], wanted: set[tuple[str, str]], absent: set[str]
) -> None:
    config = {k: v for k, v in head.items() if k.startswith(".github/")}  # the base's config
    review = review_trees(config, head, today=TODAY)
    found = {(f.rule, str(f.severity)) for f in review.findings}
    assert wanted <= found, review.findings
    assert not {rule for rule, _ in found} & absent, review.findings
