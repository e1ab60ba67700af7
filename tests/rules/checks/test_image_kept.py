"""A torch range the base image's own torch satisfies: pip keeps that torch.

allenai/OLMo-core PR #120: ``FROM pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime`` then ``pip
install '.[all]'`` of a pyproject asking ``torch>=2.5.1``. pip installs a range's newest
release only when nothing installed satisfies it, so the image's torch 2.5.1 (CUDA 12.4)
stays; the image CUDA check must not judge torch 2.15 (CUDA 13.2). Where a CI job installs
the same pyproject without the image (sbu-bmi/wsinfer), the newest release is still what
that job gets.
"""

from __future__ import annotations

import pytest

from rules.checks.cuda_base_image import RULES as CUDA_RULES
from rules.checks.support.builds import decide, image_kept
from rules.kb import load_kb
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

PYPROJECT = '[project]\nname = "x"\nversion = "1"\ndependencies = ["torch>=2.5.1"]\n'
DOCKERFILE = (
    "FROM pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime AS stable\n"
    "COPY pyproject.toml .\nRUN pip install --no-cache-dir '.[all]'\n"
)
WORKFLOW = (
    "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
    "      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n"
    "      - run: pip install .\n"
)


NO_TORCH_IMAGE = DOCKERFILE.replace(
    "pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime", "nvidia/cuda:12.4.1-runtime-ubuntu22.04"
)


@pytest.mark.parametrize(
    ("files", "image_torch", "picked"),
    [
        ({"pyproject.toml": PYPROJECT, "Dockerfile": DOCKERFILE}, "2.5.1", "2.5.1"),
        (  # the range excludes the image's torch: pip replaces it with the newest admitted
            {"pyproject.toml": PYPROJECT.replace(">=2.5.1", ">=2.6"), "Dockerfile": DOCKERFILE},
            "2.5.1",
            None,
        ),
        (  # a CI job installs the pyproject too, without the image
            {
                "pyproject.toml": PYPROJECT,
                "Dockerfile": DOCKERFILE,
                ".github/workflows/ci.yml": WORKFLOW,
            },
            None,
            None,
        ),
        ({"pyproject.toml": PYPROJECT, "Dockerfile": NO_TORCH_IMAGE}, None, None),
    ],
)
def test_image_kept(files: dict[str, str], image_torch: str | None, picked: str | None) -> None:
    snapshot = build_snapshot(files)
    (torch,) = [r for r in snapshot.files["pyproject.toml"].requirements if r.name == "torch"]
    found = image_kept(snapshot, torch)
    assert (str(found) if found else None) == image_torch
    decided = decide(load_kb(), snapshot, torch)
    if picked is not None:
        assert str(decided.picked) == picked and "pip keeps it" in decided.describe()
    else:
        assert "pip keeps it" not in decided.describe()


def test_no_cuda_error_for_the_kept_torch() -> None:
    snapshot = build_snapshot({"pyproject.toml": PYPROJECT, "Dockerfile": DOCKERFILE})
    assert [f for f in run(CUDA_RULES[0], snapshot) if f.severity == "error"] == []
