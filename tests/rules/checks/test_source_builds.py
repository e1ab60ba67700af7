"""python-version-incompatible on source builds: the release pip picks has no wheel for the
Python but an sdist. Error where the installing Dockerfile stage certainly has no compiler;
warning where it may have one; nothing when a wheel fits or the package is pure Python.

Facts the cases rest on (the packaged KB wheel table, package index listings of 2026-12-04):
gensim 4.4.0 has Linux x86_64 wheels for CPython 3.9-3.13 and an sdist, 4.3.3 for 3.8-3.12;
numpy 2.3.4 has cp314 wheels; transformers 4.57.0 is a py3-none-any wheel; PyYAML 6.0.1 has
wheels up to cp312 and an sdist whose libyaml extension is optional; flash-attn 2.5.8 is an
sdist only (no wheel on the index).
"""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.checks.python_version import RULES, PythonVersionIncompatible
from rules.checks.support.compilers import image_without_compiler
from rules.kb.wheels import WheelRelease
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]
COPY = "COPY requirements.txt .\nRUN pip install -r requirements.txt\n"

#: (case, Dockerfile text (None: a .python-version of 3.14 instead), requirements.txt,
#: expected [(package, severity)])
CASES: list[tuple[str, str | None, str, list[tuple[str, str]]]] = [
    (
        "slim image without a compiler: the gensim sdist cannot build",
        "FROM python:3.14-slim\n" + COPY,
        "gensim==4.4.0\n",
        [("gensim", "error")],
    ),
    (
        "slim image, a range: the newest admitted release has no cp314 wheel",
        "FROM python:3.14-slim\n" + COPY,
        "gensim>=4.3.0\n",
        [("gensim", "error")],
    ),
    (
        "alpine image without a compiler",
        "FROM python:3.14-alpine\n" + COPY,
        "gensim==4.4.0\n",
        [("gensim", "error")],
    ),
    (
        "slim image with build-essential installed first: it builds from source",
        "FROM python:3.14-slim\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends build-essential\n" + COPY,
        "gensim==4.4.0\n",
        [("gensim", "warning")],
    ),
    (
        "slim image, gcc from apk on alpine",
        "FROM python:3.14-alpine\nRUN apk add --no-cache gcc g++ musl-dev\n" + COPY,
        "gensim==4.4.0\n",
        [("gensim", "warning")],
    ),
    (
        "slim image, an apt install with Recommends may bring a compiler",
        "FROM python:3.14-slim\nRUN apt-get update && apt-get install -y cmake\n" + COPY,
        "gensim==4.4.0\n",
        [("gensim", "warning")],
    ),
    (
        "a slim stage built FROM a stage that installs build-essential",
        "FROM python:3.14-slim AS base\n"
        "RUN apt-get install -y --no-install-recommends build-essential\n"
        "FROM base\n" + COPY,
        "gensim==4.4.0\n",
        [("gensim", "warning")],
    ),
    (
        "the full python image has gcc: it builds from source",
        "FROM python:3.14\n" + COPY,
        "gensim==4.4.0\n",
        [("gensim", "warning")],
    ),
    (
        "no Dockerfile, .python-version 3.14: builds from source",
        None,
        "gensim==4.4.0\n",
        [("gensim", "warning")],
    ),
    (
        "a release with a cp314 wheel is clean",
        "FROM python:3.14-slim\n" + COPY,
        "numpy==2.3.4\n",
        [],
    ),
    (
        "a pure-Python wheel is clean",
        "FROM python:3.14-slim\n" + COPY,
        "transformers==4.57.0\n",
        [],
    ),
    (
        "a wheel for the image's Python is clean",
        "FROM python:3.13-slim\n" + COPY,
        "gensim==4.4.0\n",
        [],
    ),
    (
        "an optional C extension (PyYAML) installs without a compiler: a warning",
        "FROM python:3.14-slim\n" + COPY,
        "pyyaml==6.0.1\n",
        [("pyyaml", "warning")],
    ),
    (
        "--prefer-binary: no older admitted release has a cp314 wheel, so pip still builds",
        "FROM python:3.14-slim\n" + COPY,
        "--prefer-binary\ngensim>=4.3.0\n",
        [("gensim", "error")],
    ),
    (
        "an sdist-only package is not a matter of the Python",
        "FROM python:3.14-slim\n" + COPY,
        "flash-attn==2.5.8\n",
        [],
    ),
]


@pytest.mark.parametrize(
    ("case", "dockerfile", "reqs", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_source_builds(
    case: str, dockerfile: str | None, reqs: str, expected: list[tuple[str, str]]
) -> None:
    files = {"requirements.txt": reqs}
    if dockerfile is None:
        files[".python-version"] = "3.14\n"
    else:
        files["Dockerfile"] = dockerfile
    findings = run(RULE, build_snapshot(files))
    assert [(f.package, f.severity.value) for f in findings] == expected, case


def test_the_error_names_its_evidence_and_the_fix() -> None:
    files = {"Dockerfile": "FROM python:3.14-slim\n" + COPY, "requirements.txt": "gensim>=4.3\n"}
    [found] = run(RULE, build_snapshot(files))
    assert (found.file, found.line) == ("Dockerfile", 1)
    for part in ("python:3.14-slim", "Python 3.14", "gensim 4.4.0", "cp314", "sdist", "compiler"):
        assert part in found.message
    assert found.fix is not None
    assert "FROM python:3.13-slim" in found.fix and "build-essential" in found.fix
    assert any("newest release without a cp314 wheel: gensim 4.4.0" in e for e in found.evidence)


def test_the_fix_names_the_newest_python_with_a_wheel() -> None:
    # gensim 4.3.0 has wheels for CPython 3.8-3.11 only
    files = {"Dockerfile": "FROM python:3.12-slim\n" + COPY, "requirements.txt": "gensim==4.3.0\n"}
    [found] = run(RULE, build_snapshot(files))
    assert found.severity.value == "error"
    assert found.fix is not None and "FROM python:3.11-slim" in found.fix


@pytest.mark.parametrize(
    ("image", "lacks"),
    [
        ("python:3.14-slim", True),
        ("python:3.12-slim-bookworm", True),
        ("docker.io/library/python:3.11-alpine3.20", True),
        ("python:slim", True),
        ("python:3.14", False),
        ("python:3.14-bookworm", False),
        ("nvidia/cuda:12.4.1-runtime-ubuntu22.04", True),
        ("nvidia/cuda:12.4.1-devel-ubuntu22.04", False),
        ("pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime", True),
        ("pytorch/pytorch:2.5.1-cuda12.4-cudnn9-devel", False),
        ("ghcr.io/someone/python:3.14-slim", False),
        ("ubuntu:24.04", False),
        # nationalarchives/ds-caselaw-data-enrichment-service #645: no compiler on Lambda's
        ("public.ecr.aws/lambda/python:3.13", True),
        ("amazon/aws-lambda-python:3.12", True),
        ("public.ecr.aws/someone/python:3.13", False),
    ],
)
def test_images_without_a_compiler(image: str, lacks: bool) -> None:
    assert (image_without_compiler(image) is not None) == lacks


class Rows:
    """A wheel index over hand-made release rows (what `rules.kb.wheels` would record)."""

    def __init__(self, *rows: WheelRelease) -> None:
        self._rows = {(r.package, r.version): r for r in rows}

    def releases(self, package: str) -> tuple[Version, ...]:
        return tuple(sorted(v for p, v in self._rows if p == package))

    def release_row(self, package: str, version: str) -> WheelRelease | None:
        return self._rows.get((package, Version(version)))

    def has_wheel(self, package: str, version: str, python: str) -> bool | None:
        row = self.release_row(package, version)
        return None if row is None else row.covers(python)

    def pip_candidate(self, package: str, version: str, python: str) -> bool | None:
        row = self.release_row(package, version)
        return None if row is None else row.covers(python) or (row.sdist and row.admits(python))


def toy(version: str, exact: set[str]) -> WheelRelease:
    """A release of a made-up compiled package `toy` with an sdist."""
    return WheelRelease("toy", Version(version), frozenset(exact), None, None, True, "test rows")


#: toy 1.0 has a cp314 wheel; toy 2.0 (the newest) only cp312/cp313 wheels and an sdist.
TOY = Rows(toy("1.0", {"3.13", "3.14"}), toy("2.0", {"3.12", "3.13"}))


@pytest.mark.parametrize(
    ("reqs", "expected"),
    [
        # pip takes the newest release and builds its sdist (it never falls back on a failure)
        ("toy>=1.0\n", [("toy", "error")]),
        # --prefer-binary: pip installs toy 1.0's cp314 wheel; the rule's older-release warning
        ("--prefer-binary\ntoy>=1.0\n", [("toy", "warning")]),
        ("toy==1.0\n", []),
    ],
)
def test_the_newest_release_is_built_unless_binaries_are_preferred(
    reqs: str, expected: list[tuple[str, str]]
) -> None:
    rule = PythonVersionIncompatible(wheels=TOY)
    files = {"Dockerfile": "FROM python:3.14-slim\n" + COPY, "requirements.txt": reqs}
    findings = run(rule, build_snapshot(files))
    assert [(f.package, f.severity.value) for f in findings] == expected
    if expected and expected[0][1] == "error":
        assert findings[0].fix is not None and "toy==1.0" in findings[0].fix


@pytest.mark.parametrize(
    ("installer", "pin", "severity", "requires_python"),
    [
        # numpy 1.24.4: Linux x86_64 wheels for CPython 3.8-3.11 only, Requires-Python >=3.8.
        # A conda install never builds the PyPI sdist: the finding says the KB's PyPI data
        # shows no cp312 wheel and that conda channels may differ (a warning).
        ("Miniconda3-py312_24.1.2-0", "numpy=1.24.4", "warning", False),
        # numpy 1.21.2: Requires-Python >=3.7,<3.11: a channel's build of that source refuses
        # Python 3.11 as pip does (conda-forge builds only what upstream admits): an error
        ("Miniconda3-py311_23.5.2-0", "numpy=1.21.2", "error", True),
    ],
)
def test_conda_requirements_are_not_built_from_an_sdist(
    installer: str, pin: str, severity: str, requires_python: bool
) -> None:
    files = {
        "Dockerfile": "FROM ubuntu:22.04\n"
        f"RUN bash {installer}-Linux-x86_64.sh -b -p /opt/conda\n"
        f"RUN conda install -y {pin}\n",
    }
    found = run(RULE, build_snapshot(files))
    assert [(f.package, f.severity.value) for f in found] == [("numpy", severity)]
    message = found[0].message
    assert "sdist" not in message and "pip builds" not in message
    assert "PyPI wheel data" in message and "conda channels" in message
    assert ("Requires-Python is" in message) == requires_python
    assert found[0].fix is not None and pin not in found[0].fix


def test_a_conda_framework_pin_says_no_conda_build_installs() -> None:
    # pytorch 1.10.1 supports Python 3.6-3.9 (KB support table): the error (unchanged) says
    # no conda build installs, not that no wheel does.
    files = {
        "Dockerfile": "FROM ubuntu:22.04\n"
        "RUN bash Miniconda3-py311_23.5.2-0-Linux-x86_64.sh -b -p /opt/conda\n"
        "RUN conda install -y pytorch=1.10.1 -c pytorch\n",
    }
    [found] = run(RULE, build_snapshot(files))
    assert (found.package, found.severity.value) == ("pytorch", "error")
    assert "no conda build installs" in found.message and "wheel installs" not in found.message


# wrh14/deep_unlearning@ffb471c3cbf28a3d3f585d3d77876fb16256a658:environment.yml is a conda
# export: `python=3.12.4=h5148396_1` with `psutil=5.9.0=py312h5eee18b_0` (PyPI has no cp312
# wheel of psutil 5.9.0, but the build string names the channel's Python 3.12 build).
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("  - psutil=5.9.0=py312h5eee18b_0\n", []),
        ("  - psutil=5.9.0\n", [("psutil", "warning")]),
    ],
)
def test_a_conda_build_string_names_its_python(line: str, expected: list[tuple[str, str]]) -> None:
    env = "name: x\nchannels:\n  - defaults\ndependencies:\n  - python=3.12.4=h5148396_1\n" + line
    findings = run(RULE, build_snapshot({"environment.yml": env}))
    assert [(f.package, f.severity.value) for f in findings] == expected
