"""placeholder-package: PyPI placeholder projects (pytorch, skimage, sklearn, tensorflow-gpu) whose
releases refuse to install.

Real cases:
- FlagOpen/FlagData@7f3bc17:requirements.txt: torch==2.1.1 (line 111) and pytorch==2.0.1
  (line 132) -> https://github.com/FlagOpen/FlagData/issues/12 'No matching distribution
  found for pytorch==2.0.1' (tests/realworld/cases/flagopen__flagdata__pytorch-2-0-1-name).
- PaddlePaddle/PaddleDetection@633e778be08faa7feb540ebbd0d8d3a60b7c3a24:requirements.txt:
  an unpinned `sklearn` line (its newest release, 0.0.post12, raises since 2023-12-01:
  https://github.com/scikit-learn/sklearn-pypi-package).
Facts: rules/kb/data/pypi_placeholders.json (PyPI release lists read 2026-12-04; `pip install
sklearn` then failed in "Getting requirements to build wheel", and the sklearn 0.0 sdist
built and installed).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.checks.base import RuleContext
from rules.checks.placeholder import PlaceholderPackage
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.kb.placeholders import names, placeholder, provenance
from rules.manifests.snapshot import build_snapshot

RULE = PlaceholderPackage()
FLAGDATA = (
    Path(__file__).parent.parent.parent
    / "realworld"
    / "cases"
    / "flagopen__flagdata__pytorch-2-0-1-name"
    / "head"
    / "requirements.txt"
)

#: PaddlePaddle/PaddleDetection@633e778be08faa7feb540ebbd0d8d3a60b7c3a24:requirements.txt
PADDLEDETECTION = """tqdm
typeguard ; python_version >= '3.4'
visualdl>=2.1.0 ; python_version <= '3.7'
opencv-python
PyYAML
shapely
scipy
terminaltables
Cython
pycocotools
#xtcocotools==1.6 #only for crowdpose
setuptools>=42.0.0
lap
sklearn
motmetrics
openpyxl
"""


def _run(files: dict[str, str]) -> list[tuple[str, int | None, str | None]]:
    snapshot = build_snapshot(files)
    found = RULE.check(RuleContext(snapshot, RepoConfig(), load_kb()))
    return [(f.severity.value, f.line, f.fix) for f in found]


CASES: list[tuple[str, dict[str, str], list[tuple[str, int | None, str | None]]]] = [
    # (name, files, expected (severity, line, fix))
    (
        "FlagData: pytorch==2.0.1 beside torch==2.1.1 (no such release)",
        {"requirements.txt": FLAGDATA.read_text(encoding="utf-8")},
        [
            (
                "error",
                132,
                "remove `pytorch==2.0.1`: use `torch` (already pinned at line 111: `torch==2.1.1`)",
            )
        ],
    ),
    (
        "PaddleDetection: unpinned sklearn takes 0.0.post12, which refuses",
        {"requirements.txt": PADDLEDETECTION},
        [("error", 14, "scikit-learn")],
    ),
    (
        # Project-MONAI/MONAILabel 20608cc (#1092) added sklearn to setup.cfg too (fixed in #1103)
        "MONAILabel: setup.cfg install_requires sklearn",
        {"setup.cfg": "[options]\ninstall_requires =\n    numpy>=1.21.2\n    sklearn\n"},
        [("error", 4, "scikit-learn")],
    ),
    (
        "setup.py install_requires sklearn",
        {"setup.py": "from setuptools import setup\nsetup(install_requires=['sklearn'])\n"},
        [("error", 2, "scikit-learn")],
    ),
    (
        "pytorch>=1: the only admitted release (1.0.2) refuses",
        {"requirements.txt": "pytorch>=1\n"},
        [("error", 1, "torch>=1")],
    ),
    (
        "sklearn==0.0 still installs (a shim that pulls in scikit-learn): a warning",
        {"requirements.txt": "scikit-learn==0.21.2\nsklearn==0.0\n"},
        [
            (
                "warning",
                2,
                "remove `sklearn==0.0`: use `scikit-learn` (already pinned at line 1: "
                "`scikit-learn==0.21.2`)",
            )
        ],
    ),
    (
        "sklearn==0.0.post12 refuses",
        {"requirements.txt": "sklearn==0.0.post12\n"},
        [("error", 1, "scikit-learn")],
    ),
    (  # dengzeshuai/SRTTA 8c7f6bde (issue #5)
        "skimage==0.0: the placeholder sdist exits ('Please install the scikit-image package')",
        {"requirements.txt": "numpy\nskimage==0.0\n"},
        [("error", 2, "scikit-image")],
    ),
    (
        "tensorflow-gpu==2.12.0: the placeholder sdist",
        {"requirements.txt": "tensorflow-gpu==2.12.0\n"},
        [("error", 1, "tensorflow==2.12.0")],
    ),
    (
        "tensorflow-gpu>=2.12: only the placeholder is admitted",
        {"requirements.txt": "tensorflow-gpu>=2.12\n"},
        [("error", 1, "tensorflow>=2.12")],
    ),
    (
        "unpinned tensorflow-gpu: pip takes 2.12.0, which refuses",
        {"requirements.txt": "numpy\ntensorflow-gpu\n"},
        [("error", 2, "tensorflow")],
    ),
    (
        "unpinned tensorflow-gpu with --prefer-binary: an older wheel may win (warning)",
        {"requirements.txt": "--prefer-binary\ntensorflow-gpu\n"},
        [("warning", 2, "tensorflow")],
    ),
    (
        "tensorflow-gpu==2.10.0 is a real release",
        {"requirements.txt": "tensorflow-gpu==2.10.0\n"},
        [],
    ),
    ("tensorflow-gpu<2.12 admits real releases only", {"r.txt": "tensorflow-gpu<2.12\n"}, []),
    (
        # open-mmlab/mmpretrain@12d8c782:docker/Dockerfile (fixed by bf9f3bbd: mmcv>=2.0rc0)
        "mim install mmcv-full>=2.0rc0: MMCV 2 is published as mmcv",
        {
            "Dockerfile": "FROM pytorch/pytorch:1.8.1-cuda10.2-cudnn7-devel\n"
            'RUN pip install openmim && mim install mmengine "mmcv-full>=2.0rc0"\n'
        },
        [("error", 2, "RUN pip install 'mmcv>=2.0rc0'")],
    ),
    ("mmcv-full 1.7.2 is a real release", {"requirements.txt": "mmcv-full==1.7.2\n"}, []),
    ("torch itself", {"requirements.txt": "torch==2.0.1\n"}, []),
    (
        "pyproject dependency on pytorch",
        {
            "pyproject.toml": '[project]\nname = "x"\nversion = "0"\n'
            'dependencies = ["torch>=2", "pytorch"]\n'
        },
        [("error", 4, "remove `pytorch`: use `torch` (already pinned at line 4: `torch>=2`)")],
    ),
    (
        "conda pytorch is the real package: no finding",
        {
            "environment.yml": "name: x\nchannels:\n  - pytorch\n  - nvidia\ndependencies:\n"
            "  - python=3.10\n  - pytorch=2.0.1\n  - pytorch-cuda=11.8\n"
        },
        [],
    ),
    (
        "a conda pip: block is PyPI",
        {
            "environment.yml": "name: x\nchannels:\n  - conda-forge\ndependencies:\n"
            "  - python=3.10\n  - pip\n  - pip:\n    - sklearn\n"
        },
        [("error", 8, "scikit-learn")],
    ),
    (
        "a Dockerfile pip install of pytorch",
        {"Dockerfile": "FROM python:3.10\nRUN pip install pytorch==2.0.1\n"},
        [("error", 2, "RUN pip install torch==2.0.1")],
    ),
    (
        # benedekrozemberczki/pytorch_geometric_temporal 2bd4e5d (fixed six minutes later)
        "a CI workflow's pip install of pytorch",
        {
            ".github/workflows/main.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
            "    steps:\n      - uses: actions/setup-python@v5\n        with:\n"
            "          python-version: '3.10'\n"
            "      - run: python -m pip install pytorch==1.11.0 torchvision==0.12.0\n"
        },
        [("error", 9, "torch==1.11.0")],
    ),
    (
        "a constraint is not an install",
        {"requirements.txt": "-c constraints.txt\nnumpy\n", "constraints.txt": "sklearn\n"},
        [],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), CASES, ids=[c[0] for c in CASES])
def test_placeholder_package(
    name: str, files: dict[str, str], expected: list[tuple[str, int | None, str | None]]
) -> None:
    assert _run(files) == expected


def test_messages_say_what_fails_and_where_the_facts_come_from() -> None:
    snapshot = build_snapshot({"requirements.txt": "torch==2.1.1\npytorch==2.0.1\n"})
    (found,) = RULE.check(RuleContext(snapshot, RepoConfig(), load_kb()))
    assert found.rule == "placeholder-package" and found.category == "conflict"
    assert "no release matching `==2.0.1`" in found.message
    assert "0.1.2, 1.0.2" in found.message
    assert any("release list read 2026-12-04" in e for e in found.evidence)
    assert "requirements.txt:1: torch==2.1.1" in found.evidence


def test_kb_records_each_project_with_provenance() -> None:
    assert names() == ("mmcv-full", "pytorch", "skimage", "sklearn", "tensorflow-gpu")
    assert "2026-12-04" in provenance()
    pytorch = placeholder("PyTorch")
    assert pytorch is not None and pytorch.use == "torch" and not pytorch.installing
    sklearn = placeholder("sklearn")
    assert sklearn is not None and [str(v) for v in sklearn.shims] == ["0.0"]
    assert len(sklearn.refusing) == 9
    tf = placeholder("tensorflow_gpu")
    assert tf is not None and [str(v) for v in tf.refusing] == ["2.12.0"]
    assert max(tf.installing) == max(v for v in tf.installing if v.release[:2] == (2, 11))
    assert placeholder("torch") is None
