"""foreign-build-path: ``name @ file:///...`` lines a pip freeze in conda writes.

Real files: huenao/Debate-Augmented-RAG's requirements.txt (44 such lines; its issue #2, "Some
libraries do not exist"), eckertzhang/Text2NeRF and KU-VGI/AP's (Anaconda's ``/croot/``).
"""

from __future__ import annotations

import pytest

from rules.checks.build_paths import ForeignBuildPath, _path
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

_CROOT = "boltons @ file:///croot/boltons_1677628692245/work\n"
_FORGE = "comm @ file:///home/conda/feedstock_root/build_artifacts/comm_1733502965406/work\n"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"requirements.txt": "numpy==1.26.4\n" + _CROOT + _FORGE}, [("requirements.txt", 2)]),
        (
            {"requirements.txt": "Brotli @ file:///tmp/abs_ecyw11_7ze/croots/recipe/b/work\n"},
            [("requirements.txt", 1)],
        ),
        (
            {"requirements.txt": "x @ file:///C:/b/abs_123/croot/x_1/work\n"},
            [("requirements.txt", 1)],
        ),
        ({"requirements.txt": "x @ file:///home/alice/src/x\n"}, [("requirements.txt", 1)]),
        (
            {"environment.yml": "dependencies:\n  - pip\n  - pip:\n    - " + _FORGE},
            [("environment.yml", 4)],
        ),
        ({"requirements.txt": "x @ file:///wheels/x-1.0-py3-none-any.whl\n"}, []),  # an image's
        ({"requirements.txt": "x @ https://example.org/x-1.0-py3-none-any.whl\n"}, []),
        ({"requirements.txt": "-e ./vendor/x\nnumpy\n"}, []),
        # a Dockerfile installs the file: a home folder may be the image's
        (
            {
                "requirements.txt": "x @ file:///home/app/x\n",
                "Dockerfile": "FROM python:3.11\nCOPY requirements.txt .\n"
                "RUN pip install -r requirements.txt\n",
            },
            [],
        ),
    ],
)
def test_foreign_build_paths(files: dict[str, str], expected: list[tuple[str, int]]) -> None:
    findings = run(ForeignBuildPath(), build_snapshot(files))
    assert [(f.file, f.line) for f in findings] == expected
    for found in findings:
        assert (found.rule, found.severity.value, found.category) == (
            "foreign-build-path",
            "error",
            "conflict",
        )
        assert "No such file or directory" in found.message and found.fix


def test_one_finding_names_the_count() -> None:
    (found,) = run(ForeignBuildPath(), build_snapshot({"requirements.txt": _CROOT + _FORGE}))
    assert "installs 2 requirements (boltons, comm)" in found.message


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("file:///croot/x", "/croot/x"),
        ("file://localhost/croot/x", "/croot/x"),
        ("file:/croot/x", "/croot/x"),
        ("FILE:///C:/b/x", "/C:/b/x"),
        ("file:///home/a%20b/x", "/home/a b/x"),
        ("https://example.org/x", None),
        ("file:relative/x", None),
    ],
)
def test_path(url: str, path: str | None) -> None:
    assert _path(url) == path
