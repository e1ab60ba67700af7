"""Build args from outside a Dockerfile: compose files, workflows, scripts, KEY=VALUE files.

The shapes come from real repositories (cited per case); the texts are trimmed to the lines
that matter.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.config import RepoConfig
from rules.manifests.build_args import (
    MAX_BUILDS,
    Build,
    builds_by_dockerfile,
    compose_builds,
    is_compose_file,
    key_values,
    script_builds,
    workflow_builds,
)
from rules.manifests.dockerfile import DockerfileParser, build_arg_places
from rules.manifests.model import FactKind, Span
from rules.manifests.snapshot import build_snapshot, missing_includes
from rules.review import review


def _values(build: Build) -> dict[str, tuple[str, int]]:
    return {name: (value, span.line) for name, (value, span) in build.args}


# cresset-template/cresset@00384adfd6bd65e6a32f2dd534880bf3d267a93d:docker-compose.yaml
# (services train / deploy / devel / ngc; `${VAR:-default}` values, `${CCA}` unknown).
CRESSET_COMPOSE = """\
services:
  train:
    build:
      target: train
      context: .
      dockerfile: Dockerfile
      args:
        TORCH_CUDA_ARCH_LIST: ${CCA}
        PYTORCH_VERSION_TAG: ${PYTORCH_VERSION_TAG:-v1.12.1}
  deploy:
    build:
      target: deploy
      context: .
      dockerfile: Dockerfile
      args:
        BUILD_TEST: 1
        CUDA_VERSION: ${CUDA_VERSION:-11.6.1}
        PYTHON_VERSION: ${PYTHON_VERSION:-3.9}
  devel:
    build:
      context: .
      dockerfile: Dockerfile
  ngc:
    build:
      context: .
      dockerfile: misc/ngc.Dockerfile
      args:
        YEAR: ${YEAR:-22}
"""

# A compose `args:` list and a folder-relative context (the shape of a `docker/` compose
# file: `build: {context: .., dockerfile: docker/torch/Dockerfile, args: [K=V]}`).
LIST_COMPOSE = """\
services:
  torch:
    build:
      context: ..
      dockerfile: ./docker/torch/Dockerfile
      args:
        - PYTORCH_VERSION=1.10.0
        - PYTORCH_CUDA_VERSION=11.3
        - UID=${UID}
        - USERNAME
  web:
    build: ./web
"""


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            "docker-compose.yaml",
            CRESSET_COMPOSE,
            [
                (
                    "Dockerfile",
                    "docker-compose.yaml:train",
                    {"PYTORCH_VERSION_TAG": ("v1.12.1", 9)},
                ),
                (
                    "Dockerfile",
                    "docker-compose.yaml:deploy",
                    {
                        "BUILD_TEST": ("1", 16),
                        "CUDA_VERSION": ("11.6.1", 17),
                        "PYTHON_VERSION": ("3.9", 18),
                    },
                ),
                ("Dockerfile", "docker-compose.yaml:devel", {}),
                ("misc/ngc.Dockerfile", "docker-compose.yaml:ngc", {"YEAR": ("22", 28)}),
            ],
        ),
        (
            "docker/docker-compose.yml",
            LIST_COMPOSE,
            [
                (
                    "docker/torch/Dockerfile",
                    "docker/docker-compose.yml:torch",
                    {"PYTORCH_VERSION": ("1.10.0", 7), "PYTORCH_CUDA_VERSION": ("11.3", 8)},
                ),
                ("docker/web/Dockerfile", "docker/docker-compose.yml:web", {}),
            ],
        ),
        ("compose.yaml", "services: [1, 2]\n", []),
        (
            "compose.yaml",
            "services:\n  x:\n    build:\n      context: https://github.com/a/b.git\n",
            [],
        ),
        ("compose.yaml", "services:\n  x:\n    build: ../../outside\n", []),
        ("compose.yaml", "{{{ not yaml", []),
    ],
)
def test_compose_builds(
    path: str, text: str, expected: list[tuple[str, str, dict[str, tuple[str, int]]]]
) -> None:
    found = [(b.dockerfile, b.source, _values(b)) for b in compose_builds(path, text)]
    assert found == expected


# matifali/dockerdl@8ed4c6c9458d93797ef938a67e720ad335c13618:
# .github/workflows/docker-publish-base.yml (matrix CUDA_VER, `build-args: CUDA_VER=${{
# matrix.CUDA_VER }}`, file: base.Dockerfile).
MATRIX_WORKFLOW = """\
jobs:
  build:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        CUDA_VER: [12.2.2, 11.8.0]
    steps:
      - uses: actions/checkout@v4
      - name: Build and push Docker image
        uses: docker/build-push-action@v5
        with:
          context: .
          file: base.Dockerfile
          build-args: CUDA_VER=${{ matrix.CUDA_VER }}
"""

# Block `build-args: |` lines next to an unknown `${{ }}` one (the shape of
# InseeFrLab/images-datascience@05e40a6876c76b3f008f5b2304f5eabb529f3efb:
# .github/workflows/main-workflow-template.yml, values made literal here), and a `docker
# build --build-arg K=V -f file .` run step.
BLOCK_WORKFLOW = """\
jobs:
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v6
        with:
          context: ./python-gpu
          build-args: |
            BASE_IMAGE=nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04
            PYTHON_VERSION=3.11
            TAG=${{ github.sha }}
      - name: cuda python
        run: |
          docker build -t x:py3.10 --build-arg PYTHON_VERSION=3.10 -f CudaPythonDockerfile .
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            MATRIX_WORKFLOW,
            [
                (
                    "base.Dockerfile",
                    "w.yml:build (CUDA_VER=12.2.2)",
                    {"CUDA_VER": ("12.2.2", 6)},
                ),
                (
                    "base.Dockerfile",
                    "w.yml:build (CUDA_VER=11.8.0)",
                    {"CUDA_VER": ("11.8.0", 6)},
                ),
            ],
        ),
        (
            BLOCK_WORKFLOW,
            [
                (
                    "python-gpu/Dockerfile",
                    "w.yml:image",
                    {
                        "BASE_IMAGE": ("nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04", 9),
                        "PYTHON_VERSION": ("3.11", 10),
                    },
                ),
                ("CudaPythonDockerfile", "w.yml:image", {"PYTHON_VERSION": ("3.10", 14)}),
            ],
        ),
        ("jobs: 3\n", []),
    ],
)
def test_workflow_builds(
    text: str, expected: list[tuple[str, str, dict[str, tuple[str, int]]]]
) -> None:
    found = [(b.dockerfile, b.source, _values(b)) for b in workflow_builds("w.yml", text)]
    assert found == expected


# Kaggle/docker-python@15e057c79e45016bdb4200a773b3dbf9f3e1dbef:tpu/build (trimmed).
KAGGLE_BUILD = """\
#!/bin/bash
DOCKERFILE='Dockerfile'
BUILD_ARGS=''
BUILD_ARGS+=" --build-arg GIT_COMMIT=$(git rev-parse HEAD)"
SRCDIR=$(dirname "${BASH_SOURCE[0]}")
for l in `cat ${SRCDIR}/config.txt`; do
    BUILD_ARGS+=" --build-arg $l"
done
readonly BUILD_ARGS
DOCKERFILE_PATH="$SRCDIR/$DOCKERFILE"
docker build --rm --pull $CACHE_FLAG -t "$IMAGE_TAG" -f "$DOCKERFILE_PATH" $BUILD_ARGS .
"""

# yantonov/dl-docker@ba9c108243c4d7319606768b03819dde6066d4d6:docker/hooks/build.sh: values
# from plain variables (`-f` made literal here); cnstark/
# pytorch-docker@68d08e4ed45bf5f2a51c2fa267d4c8a97f60a8d3:docker/ubuntu-cuda/build.sh: values
# from the caller's environment (unknown), `-f docker/ubuntu-cuda/Dockerfile .`.
PLAIN_SCRIPT = """\
#!/bin/sh
PYTHON_VERSION="3.6"
CUDA_VERSION=9.0
docker build \\
       -t dl \\
       --build-arg python_version=${PYTHON_VERSION} \\
       --build-arg cuda_version=${CUDA_VERSION} \\
       -f docker/Dockerfile .
"""
CNSTARK_SCRIPT = """\
docker build \\
    --build-arg UBUNTU_VERSION=${UBUNTU_VERSION} \\
    --build-arg PYTHON_VERSION=${PYTHON_VERSION} \\
    -f docker/ubuntu-cuda/Dockerfile \\
    .
"""
MAKEFILE = """\
build:
\tdocker buildx build --build-arg=TORCH=2.3.1 --file gpu.Dockerfile .
"""


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("tpu/build", KAGGLE_BUILD, [("tpu/Dockerfile", {}, ("tpu/config.txt",))]),
        (
            "docker/hooks/build.sh",
            PLAIN_SCRIPT,
            [
                (
                    "docker/Dockerfile",
                    {"python_version": ("3.6", 6), "cuda_version": ("9.0", 7)},
                    (),
                )
            ],
        ),
        (
            "docker/ubuntu-cuda/build.sh",
            CNSTARK_SCRIPT,
            [("docker/ubuntu-cuda/Dockerfile", {}, ())],
        ),
        ("Makefile", MAKEFILE, [("gpu.Dockerfile", {"TORCH": ("2.3.1", 2)}, ())]),
        ("x.sh", "docker run --rm image build\n", []),
        ("x.sh", "docker build -f $UNKNOWN .\n", []),
    ],
)
def test_script_builds(
    path: str, text: str, expected: list[tuple[str, dict[str, tuple[str, int]], tuple[str, ...]]]
) -> None:
    found = [(b.dockerfile, _values(b), b.arg_files) for b in script_builds(path, text)]
    assert found == expected


def test_key_values_reads_kaggle_config() -> None:
    # Kaggle/docker-python@15e057c79e45016bdb4200a773b3dbf9f3e1dbef:tpu/config.txt (trimmed).
    text = (
        "BASE_IMAGE=python:3.10\n# Supports nightly\nTORCH_VERSION=2.2.0\nexport X='1'\nbad line\n"
    )
    assert {k: (v, s.line) for k, (v, s) in key_values("tpu/config.txt", text).items()} == {
        "BASE_IMAGE": ("python:3.10", 1),
        "TORCH_VERSION": ("2.2.0", 3),
        "X": ("1", 4),
    }


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("docker-compose.yml", True),
        ("deploy/compose.yaml", True),
        ("docker-compose.gpu.yml", True),
        ("docker-compose-dev.yaml", True),
        ("environment.yml", False),
        ("composer.json", False),
    ],
)
def test_is_compose_file(path: str, expected: bool) -> None:
    assert is_compose_file(path) is expected


DOCKERFILE = """\
ARG BASE_IMAGE
FROM $BASE_IMAGE
ARG TORCH_VERSION
ARG TORCHVISION_VERSION=0.16.0
ENV TV=${TORCHVISION_VERSION}
RUN pip install torch==${TORCH_VERSION} \\
    torchvision==${TV}
"""


def test_dockerfile_takes_build_args_at_their_place() -> None:
    args = {
        "BASE_IMAGE": ("python:3.10", Span("c.txt", 1)),
        "TORCH_VERSION": ("2.2.0", Span("c.txt", 2)),
    }
    manifest = DockerfileParser().parse("Dockerfile", DOCKERFILE, build_args=args)
    pins = {r.name: r.specifier for r in manifest.requirements}
    assert pins == {"torch": "==2.2.0", "torchvision": "==0.16.0"}  # the ARG default stays
    assert [f.value for f in manifest.facts if f.kind == FactKind.PYTHON] == ["3.10"]
    places = build_arg_places(manifest)
    assert places[2] == [("c.txt", 1)]
    assert places[6] == [("c.txt", 2)]
    # TV comes from the Dockerfile's own default: line 7 has only its RUN's torch place.
    assert places[7] == [("c.txt", 2)]


def test_dockerfile_without_build_args_is_unchanged() -> None:
    plain = DockerfileParser().parse("Dockerfile", DOCKERFILE)
    # torch==${TORCH_VERSION} with no value known is not read (as before build args).
    assert {r.name: r.specifier for r in plain.requirements} == {"torchvision": "==0.16.0"}
    assert ("external-arg", "BASE_IMAGE") in plain.metadata
    assert ("external-arg", "TORCHVISION_VERSION") not in plain.metadata


TWO_BUILDS = """\
services:
  old:
    build:
      context: .
      args:
        TORCH_VERSION: 2.1.0
        TORCHVISION_VERSION: 0.16.0
  new:
    build:
      context: .
      args:
        TORCH_VERSION: 2.2.0
        TORCHVISION_VERSION: 0.17.1
  same:
    build:
      context: .
      args:
        TORCH_VERSION: 2.2.0
        TORCHVISION_VERSION: 0.17.1
"""


def test_snapshot_judges_each_distinct_build() -> None:
    snapshot = build_snapshot({"Dockerfile": DOCKERFILE, "docker-compose.yml": TWO_BUILDS})
    manifest = snapshot.files["Dockerfile"]
    assert [s.label for s in manifest.stages] == [
        "Dockerfile#build docker-compose.yml:old",
        "Dockerfile#build docker-compose.yml:new",
    ]
    torch = sorted((r.environment, r.specifier) for r in manifest.requirements if r.name == "torch")
    assert torch == [
        ("Dockerfile#build docker-compose.yml:new", "==2.2.0"),
        ("Dockerfile#build docker-compose.yml:old", "==2.1.0"),
    ]


def test_snapshot_asks_for_the_build_script_and_its_key_value_file() -> None:
    dockerfile = (
        "ARG BASE_IMAGE\nFROM $BASE_IMAGE\nARG TORCH_VERSION\n"
        "RUN pip install torch==${TORCH_VERSION}\n"
    )
    files: dict[str, str] = {"tpu/Dockerfile": dockerfile}
    assert "tpu/build" in missing_includes(build_snapshot(files), files)
    files["tpu/build"] = KAGGLE_BUILD
    assert "tpu/config.txt" in missing_includes(build_snapshot(files), files)
    files["tpu/config.txt"] = "BASE_IMAGE=python:3.10\nTORCH_VERSION=2.2.0\n"
    snapshot = build_snapshot(files)
    assert not {"tpu/build", "tpu/config.txt"} & missing_includes(snapshot, files)
    pins = [(r.name, r.specifier) for r in snapshot.files["tpu/Dockerfile"].requirements]
    assert pins == [("torch", "==2.2.0")]


def test_builds_per_dockerfile_are_bounded() -> None:
    services = "".join(
        f"  s{i}:\n    build:\n      context: .\n      args:\n        V: '{i}'\n" for i in range(40)
    )
    text = "services:\n" + services
    found = builds_by_dockerfile(["docker-compose.yml"], {"docker-compose.yml": text}.get)
    assert len(found["Dockerfile"]) == MAX_BUILDS


def test_compose_file_with_10000_services_stays_fast() -> None:
    services = "".join(
        f"  s{i}:\n    build:\n      context: d{i}\n      args:\n        V: '{i}'\n"
        for i in range(10_000)
    )
    text = "services:\n" + services
    started = time.perf_counter()
    found = builds_by_dockerfile(["docker-compose.yml"], {"docker-compose.yml": text}.get)
    snapshot = build_snapshot({"docker-compose.yml": text, "Dockerfile": DOCKERFILE})
    assert time.perf_counter() - started < 10.0
    assert sum(len(b) for b in found.values()) <= 64
    assert "Dockerfile" in snapshot.files


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_compose_builds_never_raise_on_any_text(text: str) -> None:
    compose_builds("docker-compose.yml", text)
    workflow_builds(".github/workflows/w.yml", text)
    script_builds("build.sh", text)
    key_values("config.txt", text)


_scalars = st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none())
_yaml_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["build", "args", "context", "dockerfile", "x"]), inner, max_size=4
        )
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=8), _yaml_values, max_size=4))
def test_compose_builds_never_raise_on_any_compose_yaml(services: dict[str, object]) -> None:
    import yaml

    text = yaml.safe_dump({"services": services})
    for build in compose_builds("docker-compose.yml", text):
        assert not build.dockerfile.startswith(("/", "../"))
    build_snapshot({"docker-compose.yml": text, "Dockerfile": DOCKERFILE})


def test_review_reports_a_build_arg_break_at_the_compose_line() -> None:
    base_compose = TWO_BUILDS.split("  new:")[0]
    head_compose = base_compose.replace("0.16.0", "0.17.1")
    base = build_snapshot({"Dockerfile": DOCKERFILE, "docker-compose.yml": base_compose})
    head = build_snapshot({"Dockerfile": DOCKERFILE, "docker-compose.yml": head_compose})
    result = review(base, head, RepoConfig(), changed_paths=["docker-compose.yml"])
    new = [f for f in result.findings if f.new and f.rule == "torch-family-mismatch"]
    assert new, [f.rule for f in result.findings]
    assert {(f.file, f.line) for f in new} <= {("docker-compose.yml", 6), ("docker-compose.yml", 7)}
    assert all(("Dockerfile", 6) in f.also_at or ("Dockerfile", 7) in f.also_at for f in new)
