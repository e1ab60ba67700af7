"""release-not-published: an exact PyPI pin on a release the package's index listing lacks.

pip's answer to such a pin is "ERROR: No matching distribution found for torch==2.1.5" (the
listing read into rules/kb/data/wheels.json has torch 2.1.2, then 2.2.0). Pins outside the
listing's span, release candidates, local-label builds, URLs and environments with another index are
not judged.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules.checks.base import RuleContext
from rules.checks.unpublished import FRESH_DAYS, RULES
from rules.config import RepoConfig
from rules.kb import load_kb
from rules.kb.wheels import load_wheels
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]


@pytest.mark.parametrize(
    ("files", "fix"),
    [
        ({"requirements.txt": "torch==2.1.5\n"}, "torch==2.1.2"),
        ({"requirements.txt": "numpy==1.99.0\n"}, "numpy==1.26.4"),
        ({"requirements.txt": "numpy==1.26.4\n"}, None),
        # Seeed-Studio/ModelAssistant requirements/inference.txt: 2.8.0, then 2.9.1
        ({"requirements.txt": "tflite-runtime==2.9.0\n"}, "tflite-runtime==2.8.0"),
        # breizhn/DTLN tflite_env.yml: older than the first upload (2.5.0) of a listing read
        # whole (no release older than the table's date was left out)
        ({"requirements.txt": "tflite-runtime==2.1.0.post1\n"}, "tflite-runtime==2.5.0"),
        ({"requirements.txt": "scikit-learn==1.4.1.post1\n"}, None),  # a post release exists
        ({"requirements.txt": "numpy==2.0.0rc1\n"}, None),  # release candidates: not judged
        # jesse-ai/jesse ae5a296c: a range between two releases (6.2.5, then 7.0.0)
        ({"requirements.txt": "pytest~=6.2.6\n"}, "pytest==6.2.5"),
        ({"requirements.txt": "pytest>=6.2.6,<7\n"}, "pytest==6.2.5"),
        ({"requirements.txt": "pytest~=6.2.5\n"}, None),
        ({"requirements.txt": "pytest>=6.2.6\n"}, None),
        # ... except PyTorch's, which never reach PyPI: NVIDIA/waveglow's source-build version
        ({"requirements.txt": "torch==1.0.0a0\n"}, "torch==1.0.0"),
        ({"requirements.txt": "torchvision==0.20.0rc3\n"}, "torchvision==0.20.0"),
        # the image's torch 1.7.0a0+6392713 meets ==1.7.0a0; a tag the KB does not decode too
        (
            {
                "Dockerfile": "FROM nvcr.io/nvidia/pytorch:20.08-py3\n"
                "RUN pip install torch==1.7.0a0\n"
            },
            None,
        ),
        # NGC's torch 2.1.0a0+29c30b1 meets ==2.1.0a0: pip keeps the image's own
        (
            {
                "Dockerfile": "FROM nvcr.io/nvidia/pytorch:23.10-py3\n"
                "RUN pip install torch==2.1.0a0\n"
            },
            None,
        ),
        (
            {
                "requirements.txt": "--extra-index-url https://download.pytorch.org/whl/test/cu121\n"
                "torch==2.4.0rc1\n"
            },
            None,
        ),  # the test index serves it
        # stanford-crfm/mistral a99cd5c: a pip freeze of transformers installed from git
        ({"requirements.txt": "transformers==4.4.0.dev0\n"}, "transformers==4.4.0"),
        ({"requirements.txt": "transformers==4.37.0.dev0\n"}, "transformers==4.37.0"),
        ({"requirements.txt": "transformers==99.0.0.dev0\n"}, None),  # newer than the listing
        ({"requirements.txt": "safetensors==0.6.0.dev0\n"}, None),  # a dev release it uploaded
        ({"requirements.txt": "numpy==2.99.0\n"}, None),  # newer than the listing: unknown
        ({"requirements.txt": "tensorflow==0.14\n"}, None),  # older than the listing: unknown
        ({"requirements.txt": "torch==2.1.0+cu118\n"}, None),  # another index's build
        ({"requirements.txt": "-i https://mirror.example.invalid/simple\ntorch==2.1.5\n"}, None),
        ({"environment.yml": "name: e\ndependencies:\n  - numpy=1.99\n"}, None),  # conda
        (  # a conda env's pip: block: its channels serve conda, not pip
            {
                "environment.yml": "name: e\nchannels:\n  - defaults\ndependencies:\n"
                "  - python=3.9\n  - pip:\n      - numpy==1.99.0\n"
            },
            "numpy==1.26.4",
        ),
        (
            {
                "environment.yml": "name: e\ndependencies:\n  - pip:\n"
                "      - --extra-index-url https://mirror.example.invalid/simple\n"
                "      - numpy==1.99.0\n"
            },
            None,
        ),
        (  # a constraint: pip uses it only if something requires numpy
            {"requirements.txt": "-c constraints.txt\nsix\n", "constraints.txt": "numpy==1.99.0\n"},
            None,
        ),
        (
            {
                "Dockerfile": "FROM python:3.11\nRUN pip install numpy==1.99.0\n",
            },
            "RUN pip install numpy==1.26.4",  # the fix rewrites the Dockerfile line
        ),
    ],
)
def test_unpublished(files: dict[str, str], fix: str | None) -> None:
    findings = run(RULE, build_snapshot(files))
    assert [f.fix for f in findings] == ([fix] if fix else [])
    for found in findings:
        assert found.severity == "error" and found.category == "conflict"
        assert "No matching distribution" in found.message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # fszatkowski/cl-teacher-adaptation: torchvision==1.12.0, a typo of 0.12.0
        ("torchvision==1.12.0", ("warning", "torchvision==0.12.0")),
        # transformify-plugins/segmentify f4269e07 ("Change torchvision version to one that
        # exists"): a range no release reaches
        ("torchvision>=1.2.0", ("warning", None)),
        # dougdouggithub/babagaboosh #36: 12.19.0 after 1.4x (1.19.0 meant)
        # two majors or more past the newest: no next release does that, an error
        ("numpy==12.26.4", ("error", "numpy==1.26.4")),
        # Alibaba-NLP/ACE bafa07c3 (#52, #57): nltk==7.1.2, releases end at 3.10.4
        ("numpy==4.1.2", ("error", "numpy==2.1.2")),
        ("numpy>=4.0", ("error", None)),
        # the next major's first releases may have come out since the listing: nothing said
        ("torchvision==1.0.0", None),
        ("torchvision==1.1.0", None),
        ("numpy==3.0.0", None),
        ("numpy>=2.99", None),
        # a date version: any later date may be a release
        ("openai-whisper==30000101", None),
        # a listed release satisfies the range
        ("torchvision>=0.2.0", None),
    ],
)
def test_a_jump_past_the_listing_no_release_series_makes_is_reported(
    line: str, expected: tuple[str, str | None] | None
) -> None:
    findings = run(RULE, build_snapshot({"requirements.txt": line + "\n"}))
    assert [(f.severity.value, f.fix) for f in findings] == ([expected] if expected else [])
    for found in findings:
        assert "no release series jumps" in found.message and found.category == "conflict"
        assert ("skips" in found.message) == (found.severity == "error")


@pytest.mark.parametrize(
    ("days", "severity"),
    [
        (0, "error"),  # lmd0311/PointMamba: open3d==1.10.0 after 0.19/0.20
        (FRESH_DAYS, "error"),
        (FRESH_DAYS + 1, "warning"),  # the project may have jumped to it since
        (None, "warning"),  # the review's date unknown
    ],
)
def test_a_next_major_jump_is_an_error_against_a_fresh_listing(
    days: int | None, severity: str
) -> None:
    read_on = date.fromisoformat(load_wheels().snapshot_date)  # torchvision's listing
    today = None if days is None else read_on + timedelta(days=days)
    snapshot = build_snapshot({"requirements.txt": "torchvision==1.12.0\n"})
    ctx = RuleContext(snapshot=snapshot, config=RepoConfig(), kb=load_kb(), today=today)
    [found] = RULE.check(ctx)
    assert found.severity.value == severity
    assert ("day(s) before this review" in found.message) == (severity == "error")


@pytest.mark.parametrize(
    ("line", "words"),
    [
        # Healthcare-Robotics/assistive-gym a085dc48 (openai/gym#3176)
        ("gym==0.21.0", "'extras_require' must be a dictionary"),
        # Stability-AI/stable-audio-tools 8d60207 (issue #170)
        ("pypesq==1.2.4", "No module named 'numpy'"),
        ("gym==0.26.2", None),  # an sdist only too, which builds
        ("gym>=0.21.0", None),  # a range: other releases
    ],
)
def test_an_sdist_only_release_that_builds_on_no_python(line: str, words: str | None) -> None:
    findings = run(RULE, build_snapshot({"requirements.txt": line + "\n"}))
    if words is None:
        assert findings == []
        return
    [found] = findings
    assert found.severity.value == "error" and words in found.message
    assert "installs on no Python" in found.message and found.evidence
