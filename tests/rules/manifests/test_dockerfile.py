"""Dockerfile parser and base image decoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.manifests._dockerlines import substitute
from rules.manifests.dockerfile import MAX_INSTALLED, DockerfileParser, decode_image
from rules.manifests.images import ImageInfo, parse_image_ref
from rules.manifests.model import Ecosystem, FactKind, FileKind, IndexKind, ManifestFile

MULTISTAGE = (Path(__file__).parent / "data" / "Dockerfile.multistage").read_text(encoding="utf-8")


def _parse(text: str, path: str = "Dockerfile") -> ManifestFile:
    return DockerfileParser().parse(path, text)


def _where(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """(line, column) of `needle` in `text`, found independently of the parser."""
    seen = 0
    for number, line in enumerate(text.split("\n"), start=1):
        column = line.find(needle)
        if column >= 0:
            seen += 1
            if seen == occurrence:
                return number, column + 1
    raise AssertionError(needle)


# ---------------------------------------------------------------- decode_image


@pytest.mark.parametrize(
    ("ref", "family", "cuda", "cudnn", "has_cudnn", "flavour", "os", "torch", "python"),
    [
        (
            "nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04",
            "nvidia-cuda",
            "12.1.1",
            "8",
            True,
            "devel",
            "ubuntu22.04",
            None,
            None,
        ),
        (
            "nvidia/cuda:11.8.0-runtime-ubuntu22.04",
            "nvidia-cuda",
            "11.8.0",
            None,
            False,
            "runtime",
            "ubuntu22.04",
            None,
            None,
        ),
        (
            "nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04",
            "nvidia-cuda",
            "12.4.1",
            None,
            True,
            "runtime",
            "ubuntu22.04",
            None,
            None,
        ),
        (
            "docker.io/nvidia/cuda:12.2.0-base-ubi8",
            "nvidia-cuda",
            "12.2.0",
            None,
            False,
            "base",
            "ubi8",
            None,
            None,
        ),
        (
            "nvcr.io/nvidia/cuda:12.6.3-cudnn-devel-ubuntu24.04@sha256:" + "a" * 64,
            "nvidia-cuda",
            "12.6.3",
            None,
            True,
            "devel",
            "ubuntu24.04",
            None,
            None,
        ),
        ("nvidia/cuda:latest", "nvidia-cuda", None, None, False, None, None, None, None),
        (
            "pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime",
            "pytorch",
            "12.1",
            "8",
            True,
            "runtime",
            None,
            "2.1.0",
            "3.10",  # gemma_pytorch#79: the 2.1 images' Python
        ),
        (
            "pytorch/pytorch:2.5.1-cuda12.4-cudnn9-devel",
            "pytorch",
            "12.4",
            "9",
            True,
            "devel",
            None,
            "2.5.1",
            "3.11",  # rlan/notebooks#144: the 2.5.1 image's Python 3.11.10
        ),
        (
            "nvcr.io/nvidia/pytorch:25.12-py3",
            "ngc-pytorch",
            "13.1.0",
            None,
            False,
            None,
            None,
            "2.10.0a0+b4e4ee81d3",
            "3.12",
        ),
        (
            "nvcr.io/nvidia/pytorch:24.01-py3",
            "ngc-pytorch",
            None,
            None,
            False,
            None,
            None,
            None,
            None,
        ),
        ("python:3.11-slim", "python", None, None, False, None, None, None, "3.11"),
        (
            "library/python:3.11.7-slim-bookworm",
            "python",
            None,
            None,
            False,
            None,
            "bookworm",
            None,
            "3.11.7",
        ),
        ("python:3.12-alpine3.19", "python", None, None, False, None, "alpine3.19", None, "3.12"),
    ],
)
def test_decode_image(
    ref: str,
    family: str,
    cuda: str | None,
    cudnn: str | None,
    has_cudnn: bool,
    flavour: str | None,
    os: str | None,
    torch: str | None,
    python: str | None,
) -> None:
    info = decode_image(ref)
    assert info is not None
    assert (info.family, info.cuda, info.cudnn, info.has_cudnn, info.flavour, info.os) == (
        family,
        cuda,
        cudnn,
        has_cudnn,
        flavour,
        os,
    )
    assert (info.torch, info.python) == (torch, python)


def test_ngc_release_is_kept_even_when_not_in_the_table() -> None:
    info = decode_image("nvcr.io/nvidia/pytorch:24.01-py3")
    assert isinstance(info, ImageInfo)
    assert info.ngc_release == "24.01"


@pytest.mark.parametrize(
    "ref",
    [
        "alpine:3.19",
        "ghcr.io/ubuntu:22.04",  # not Docker Hub's ubuntu
        "ghcr.io/nvidia/cuda:12.1.1-devel-ubuntu22.04",  # not NVIDIA's registry
        "nvidia/pytorch:24.01-py3",  # NGC images live on nvcr.io only
        "",
        "has space:1",
        "${BASE}",
        "python:",
    ],
)
def test_decode_image_unknown(ref: str) -> None:
    assert decode_image(ref) is None


@pytest.mark.parametrize(
    ("ref", "registry", "repository", "tag", "digest"),
    [
        ("ubuntu", None, "ubuntu", None, None),
        ("localhost:5000/team/img:1.0", "localhost:5000", "team/img", "1.0", None),
        ("registry-1.docker.io/library/python:3.11", None, "python", "3.11", None),
        ("img@sha256:abc", None, "img", None, "sha256:abc"),
    ],
)
def test_parse_image_ref(
    ref: str, registry: str | None, repository: str, tag: str | None, digest: str | None
) -> None:
    parsed = parse_image_ref(ref)
    assert parsed is not None
    assert (parsed.registry, parsed.repository, parsed.tag, parsed.digest) == (
        registry,
        repository,
        tag,
        digest,
    )


# ---------------------------------------------------------------- the multi-stage example


def test_multistage_requirements() -> None:
    manifest = _parse(MULTISTAGE)
    assert manifest.kind is FileKind.DOCKERFILE
    assert manifest.errors == ()
    got = [
        (
            r.name,
            r.specifier,
            r.pinned,
            r.ecosystem,
            r.environment,
            r.location.line,
            r.location.column,
        )
        for r in manifest.requirements
    ]
    expected = [
        (
            "torch",
            "==2.3.1+cu121",
            "2.3.1+cu121",
            Ecosystem.PYPI,
            "Dockerfile#builder",
            *_where(MULTISTAGE, "torch==${TORCH_VERSION}"),
        ),
        (
            "numpy",
            "<2",
            None,
            Ecosystem.PYPI,
            "Dockerfile#builder",
            *_where(MULTISTAGE, "'numpy<2'"),
        ),
        (
            "transformers",
            ">=4.40",
            None,
            Ecosystem.PYPI,
            "Dockerfile#builder",
            *_where(MULTISTAGE, '"transformers[torch]'),
        ),
        (
            "accelerate",
            "",
            None,
            Ecosystem.PYPI,
            "Dockerfile#builder",
            *_where(MULTISTAGE, "accelerate"),
        ),
        (
            "pytorch",
            "==2.1.0.*",
            None,
            Ecosystem.CONDA,
            "Dockerfile#final",
            *_where(MULTISTAGE, "pytorch=2.1.0"),
        ),
        (
            "pytorch-cuda",
            "==11.8.*",
            None,
            Ecosystem.CONDA,
            "Dockerfile#final",
            *_where(MULTISTAGE, "pytorch-cuda=11.8"),
        ),
        (
            "numpy",
            "<2,>=1.24",
            None,
            Ecosystem.CONDA,
            "Dockerfile#final",
            *_where(MULTISTAGE, '"numpy>=1.24'),
        ),
        (
            "torch",
            "==2.3.1+cpu",
            "2.3.1+cpu",
            Ecosystem.PYPI,
            "Dockerfile#2",
            *_where(MULTISTAGE, '"torch==2.3.1+cpu"'),
        ),
    ]
    assert got == expected
    transformers = manifest.requirements[2]
    assert transformers.extras == ("torch",)
    assert manifest.requirements[0].local == "cu121"
    assert manifest.requirements[-1].index == "https://download.pytorch.org/whl/cpu"


def test_multistage_indexes_and_includes() -> None:
    manifest = _parse(MULTISTAGE)
    assert [(i.url, i.kind, i.environment, i.location.line) for i in manifest.indexes] == [
        (
            "https://download.pytorch.org/whl/cu121",
            IndexKind.EXTRA_INDEX_URL,
            "Dockerfile#builder",
            _where(MULTISTAGE, "--extra-index-url")[0],
        ),
        ("pytorch", IndexKind.CONDA_CHANNEL, "Dockerfile#final", 21),
        ("nvidia", IndexKind.CONDA_CHANNEL, "Dockerfile#final", 21),
        ("https://download.pytorch.org/whl/cpu", IndexKind.INDEX_URL, "Dockerfile#2", 24),
    ]
    assert manifest.include_paths == ("requirements/gpu.txt",)
    line, column = _where(MULTISTAGE, "requirements/gpu.txt")
    assert [(s.line, s.column) for s in manifest.includes] == [(line, column)]


def test_multistage_facts() -> None:
    manifest = _parse(MULTISTAGE)
    facts = {(f.environment, f.kind): f for f in manifest.facts}
    base = facts[("Dockerfile#builder", FactKind.BASE_IMAGE)]
    assert base.detail == "nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04"
    assert (base.location.line, base.location.column) == _where(MULTISTAGE, "${BASE}")
    for environment in ("Dockerfile#builder", "Dockerfile#final"):  # final inherits builder
        assert facts[(environment, FactKind.CUDNN)].value == "8"
        assert facts[(environment, FactKind.IMAGE_FLAVOUR)].value == "devel"
        assert facts[(environment, FactKind.OS)].value == "ubuntu22.04"
        assert facts[(environment, FactKind.PLATFORM)].value == "linux/amd64"
        assert facts[(environment, FactKind.TORCH_CUDA_ARCH_LIST)].value == "8.0 8.6 9.0+PTX"
        assert facts[(environment, FactKind.PYTHON)].value == "3.11"
    cuda_final = [
        f.location.line
        for f in manifest.facts
        if f.environment == "Dockerfile#final" and f.kind is FactKind.CUDA
    ]
    assert cuda_final == [4, _where(MULTISTAGE, "ENV CUDA_VERSION")[0]]
    assert facts[("Dockerfile#2", FactKind.PYTHON)].value == "3.11"
    assert facts[("Dockerfile#2", FactKind.BASE_IMAGE)].value == "python:3.11-slim-bookworm"
    assert ("Dockerfile#2", FactKind.CUDA) not in facts


# ---------------------------------------------------------------- smaller shapes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FROM ubuntu:22.04\nRUN pip install torch\n", [("torch", "Dockerfile")]),
        (
            "FROM a\nRUN pip3 install -U pip setuptools\n",
            [("pip", "Dockerfile"), ("setuptools", "Dockerfile")],
        ),
        ("FROM a\nRUN sudo -H python3.11 -m pip install x==1\n", [("x", "Dockerfile")]),
        ("FROM a\nRUN /opt/conda/bin/pip install 'y>1'\n", [("y", "Dockerfile")]),
        ("FROM a\nRUN PIP_NO_CACHE_DIR=1 pip install z\n", [("z", "Dockerfile")]),
        ("FROM a\nRUN pip --no-cache-dir install w\n", [("w", "Dockerfile")]),
        (
            "FROM a\nRUN mamba install -y numpy && micromamba create -n x scipy\n",
            [("numpy", "Dockerfile"), ("scipy", "Dockerfile")],
        ),
        ("FROM a\nRUN pip install . -e ./src ../pkg.whl dist/*.whl\n", []),
        ('FROM a\nRUN pip install $PKGS "${TORCH}"\n', []),  # unknown variables
        (
            "FROM a\nRUN pip install torch | tee log; echo pip install no\n",
            [("torch", "Dockerfile")],
        ),
        ("FROM a\nRUN pip download torch && pip uninstall -y x\n", []),
        ("FROM a\nRUN poetry install --no-root\n", []),
        # a project sync with no option at all (zip over an empty option list raised)
        ("FROM a\nRUN poetry install\n", []),
        ("FROM a\nWORKDIR /app\nRUN uv sync\n", []),
        ("FROM a\nRUN pdm install\n", []),
        ("FROM a\nRUN echo 'pip install nope'\n", []),
        ("FROM a AS one\nFROM b\n RUN pip install q\n", [("q", "Dockerfile#1")]),
        ("# escape=`\nFROM a\nRUN pip install `\n    r\n", [("r", "Dockerfile")]),
        ("FROM a\nARG V=1.2\nRUN pip install \"s==$V\" 't==$V'\n", [("s", "Dockerfile")]),
        # a brace expansion the shell makes is not one requirement
        ("FROM a\nRUN pip install torch{,vision} u\n", [("u", "Dockerfile")]),
    ],
)
def test_run_installs(text: str, expected: list[tuple[str, str]]) -> None:
    manifest = _parse(text)
    assert manifest.errors == ()
    assert [(r.name, r.environment) for r in manifest.requirements] == expected


@pytest.mark.parametrize(
    ("spec", "name", "specifier", "pinned", "index"),
    [
        ("pytorch", "pytorch", "", None, None),
        ("python=3.10", "python", "==3.10.*", None, None),
        ("pytorch==2.1.0", "pytorch", "==2.1.0", "2.1.0", None),
        ("pytorch=2.1.0=py3.10_cuda11.8*", "pytorch", "==2.1.0", "2.1.0", None),
        ("'conda-forge::NumPy>=1.24,<2'", "numpy", "<2,>=1.24", None, "conda-forge"),
        ("'cudatoolkit 11.8.*'", "cudatoolkit", "==11.8.*", None, None),
        ("\"numpy[version='>=1.24']\"", "numpy", "", None, None),
        ("cuda-version=12.1*", "cuda-version", "==12.1.*", None, None),
    ],
)
def test_conda_specs(
    spec: str, name: str, specifier: str, pinned: str | None, index: str | None
) -> None:
    manifest = _parse(f"FROM a\nRUN conda install -y {spec}\n")
    assert manifest.errors == ()
    [requirement] = manifest.requirements
    assert (requirement.name, requirement.specifier, requirement.pinned, requirement.index) == (
        name,
        specifier,
        pinned,
        index,
    )
    assert requirement.ecosystem is Ecosystem.CONDA
    assert (requirement.location.line, requirement.location.column) == (2, 22)


def test_pip_index_options_and_find_links() -> None:
    text = (
        "FROM a\n"
        "RUN pip install -i https://pypi.internal/simple -f https://data.pyg.org/whl/x.html \\\n"
        "    --extra-index-url=https://download.pytorch.org/whl/cu118 -rreq.txt -c c.txt torch\n"
    )
    manifest = _parse(text)
    assert [(i.kind, i.url) for i in manifest.indexes] == [
        (IndexKind.INDEX_URL, "https://pypi.internal/simple"),
        (IndexKind.FIND_LINKS, "https://data.pyg.org/whl/x.html"),
        (IndexKind.EXTRA_INDEX_URL, "https://download.pytorch.org/whl/cu118"),
    ]
    assert manifest.include_paths == ("req.txt", "c.txt")
    [torch] = manifest.requirements
    assert torch.index == "https://pypi.internal/simple"
    line, column = _where(text, "c.txt torch")
    assert (torch.location.line, torch.location.column) == (line, column + len("c.txt "))


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"),
    [
        ("FROM\n", 1, 5, "expected `FROM"),
        ("FROM a b c\n", 1, 6, "expected `FROM"),
        ("FROM ${NOPE}\n", 1, 6, "expected an image reference"),
        ("RUN pip install x\nFROM a\n", 1, 1, "expected FROM"),
        ("# only a comment\n", 1, 1, "expected a FROM instruction"),
        ("FROM a\nRUN pip install 'torch>=='\n", 2, 17, "expected a requirement"),
        ("FROM a\nRUN conda install -y '==1'\n", 2, 22, "expected a conda match spec"),
        # open-mmlab/mmrotate e555fa22: a stray brace after the variable reaches pip
        (
            'FROM a\nARG TORCHSERVE="0.2.0"\nRUN pip install torchserv==${TORCHSERVE}} x\n',
            3,
            17,
            "expected a requirement",
        ),
    ],
)
def test_errors(text: str, line: int, column: int, expected: str) -> None:
    manifest = _parse(text)
    assert [(e.line, e.column) for e in manifest.errors] == [(line, column)]
    assert expected in manifest.errors[0].message


def test_from_uses_global_args_with_defaults() -> None:
    text = "ARG TAG\nFROM nvidia/cuda:${TAG:-11.8.0-runtime-ubuntu22.04}\nENV PYTHON_VERSION=3.10\n"
    manifest = _parse(text)
    kinds = {f.kind: f.value for f in manifest.facts}
    assert kinds[FactKind.BASE_IMAGE] == "nvidia/cuda:11.8.0-runtime-ubuntu22.04"
    assert kinds[FactKind.CUDA] == "11.8.0"
    assert kinds[FactKind.PYTHON] == "3.10"
    assert all(f.environment == "Dockerfile" for f in manifest.facts)


def test_heredoc_body_is_not_read_as_instructions() -> None:
    text = "FROM a\nCOPY <<EOF /app/x\nFROM not-a-stage\nEOF\nRUN pip install y\n"
    manifest = _parse(text)
    assert [f.value for f in manifest.facts if f.kind is FactKind.BASE_IMAGE] == ["a"]
    assert [(r.name, r.location.line) for r in manifest.requirements] == [("y", 5)]


@pytest.mark.parametrize(
    ("run", "read"),
    [
        # traceroot-ai/traceroot docker/public/Dockerfile (bc8aeae6): BuildKit's lexer keeps the
        # blank after << in the word, so this is a heredoc and its body is not instructions.
        ("RUN cat > /app/start.sh << 'EOF'", False),
        ('RUN cat > /x <<  "EOF"', False),
        ("RUN cat > /x <<-EOF", False),
        ("COPY <<EOF /app/x", False),
        ("ONBUILD RUN cat <<EOF > /x", False),
        # not heredocs: quoted, JSON form, an instruction BuildKit reads none for
        ('RUN echo "<<EOF"', True),
        ('RUN ["sh", "-c", "cat <<EOF"]', True),
        ("ENV X=<<EOF", True),
    ],
)
def test_heredoc_markers_as_buildkit_reads_them(run: str, read: bool) -> None:
    text = f"FROM a\n{run}\nRUN pip install inside\nEOF\nRUN pip install after\n"
    manifest = _parse(text)
    names = [r.name for r in manifest.requirements]
    assert names == (["inside", "after"] if read else ["after"])


def test_installed_packages_are_capped() -> None:
    text = "FROM a\n" + "RUN pip install p\n" * (MAX_INSTALLED + 10)
    manifest = _parse(text)
    assert len(manifest.requirements) == MAX_INSTALLED
    [error] = manifest.errors
    assert (error.line, error.column) == (MAX_INSTALLED + 2, len("RUN pip install ") + 1)


@pytest.mark.parametrize(
    ("run", "cudnn"),
    [
        # ageron/handson-ml2 docker/Dockerfile.gpu (TensorFlow's own GPU Dockerfile, copied)
        ("apt-get install -y libcudnn8=${CUDNN}+cuda${CUDA}", "8.0.4"),
        ("apt-get install -y --no-install-recommends libcudnn8-dev=8.1.0.77-1+cuda11.2", "8.1.0"),
        ("apt-get install -y libcudnn9-cuda-12=9.1.0.70-1", "9.1.0"),
        ("apt-get install -y libcudnn8", None),  # unpinned: the repository's newest, unknown
        ("apt-get install -y libcudnn8=${UNSET}+cuda11.0", None),
        ("apt-get install -y libcudnn7=8.0.4.30-1+cuda11.0", None),  # name and major disagree
        ("pip install libcudnn8=8.0.4.30-1", None),
    ],
)
def test_an_apt_installed_cudnn_is_a_fact_of_the_stage(run: str, cudnn: str | None) -> None:
    text = (
        f"FROM nvidia/cuda:11.0-base-ubuntu18.04\nARG CUDA=11.0\nARG CUDNN=8.0.4.30-1\nRUN {run}\n"
    )
    manifest = _parse(text)
    found = [(f.value, f.location.line) for f in manifest.facts if f.kind is FactKind.CUDNN]
    assert found == ([(cudnn, 4)] if cudnn else [])


@pytest.mark.parametrize(
    ("text", "expanded"),
    [
        # horovod/horovod docker/horovod/Dockerfile: -f .../whl/${PYTORCH_VERSION/*+/}/...
        ("${P/*+/}", "cu113"),
        ("${P#*+}", "cu113"),
        ("${P%+*}", "1.12.1"),
        ("${P%%.*}", "1"),
        ("${P##*.}", "1+cu113"),
        ("${P//1/X}", "X.X2.X+cuXX3"),
        ("${C#*ubuntu}", "20.04"),  # horovod's DIST=$(echo ${CUDA_DOCKER_VERSION#*ubuntu} ...)
        ("${P:-x}", "1.12.1+cu113"),
        # SwissDataScienceCenter/renkulab-docker docker/cuda-tf/Dockerfile: one nested expansion
        ("tf${P:+==${P}}", "tf==1.12.1+cu113"),
        ("tf${Q:+==${Q}}", "tf"),
        ("${Q:-${C}}", "11.3.1-devel-ubuntu20.04"),
    ],
)
def test_shell_pattern_expansions(text: str, expanded: str) -> None:
    variables = {"P": "1.12.1+cu113", "C": "11.3.1-devel-ubuntu20.04"}
    assert substitute(text, variables) == (expanded, False)


def test_a_pattern_over_a_huge_value_is_not_worked_out() -> None:
    assert substitute("${P%%*x}", {"P": "a" * 10_000}) == ("", True)
    assert substitute("${Q:-${R}}", {}) == ("", True)  # the default is unset too


def test_apt_python_named_by_an_arg() -> None:
    """horovod/horovod docker/horovod/Dockerfile: ``apt-get install python${PYTHON_VERSION}``
    with ``ARG PYTHON_VERSION=3.8`` installs Python 3.8."""
    text = (
        "FROM nvidia/cuda:11.3.1-devel-ubuntu20.04\nARG PYTHON_VERSION=3.8\n"
        "RUN apt-get update && apt-get install -y python${PYTHON_VERSION} "
        "python${PYTHON_VERSION}-dev\n"
        "RUN pip install tensorflow==2.9.2\n"
    )
    (stage,) = DockerfileParser().parse("Dockerfile", text).stages
    assert (stage.python, stage.python_how) == ("3.8", "apt")


@pytest.mark.parametrize(
    ("text", "errors"),
    [
        # iot-salzburg/gpu-jupyter src/Dockerfile.gpulibs: a fragment its generate-Dockerfile.sh
        # appends after src/Dockerfile.header's FROM
        ("LABEL x=y\nRUN pip install torch\nRUN pip install numpy\n", [(1, "warning", "no FROM")]),
        (  # a FROM after instructions: one error, at the first of them
            "ARG V=1\nRUN echo\nRUN echo\nFROM python:3.12\n",
            [(2, "error", "expected FROM")],
        ),
    ],
)
def test_instructions_before_any_from(text: str, errors: list[tuple[int, str, str]]) -> None:
    found = DockerfileParser().parse("Dockerfile", text).errors
    assert [(e.line, e.severity.value) for e in found] == [(line, sev) for line, sev, _ in errors]
    for error, (_, _, words) in zip(found, errors, strict=True):
        assert words in error.message


@pytest.mark.parametrize(
    ("install", "python"),
    [
        ("yum install -y python36 python3-devel", "3.6"),  # NVIDIA/TensorRT centos-7.Dockerfile
        ("dnf install -y python39", "3.9"),
        ("dnf -y install python3.11 python3.11-pip", "3.11"),
        # the OS's own python3: unknown on CentOS 7 (no release table)
        ("yum install -y python3-devel", None),
    ],
)
def test_yum_python(install: str, python: str | None) -> None:
    text = f"FROM nvidia/cuda:11.6.2-cudnn8-devel-centos7\nRUN {install}\nRUN pip3 install numpy\n"
    (stage,) = DockerfileParser().parse("Dockerfile", text).stages
    assert stage.python == python


@pytest.mark.parametrize(
    ("image", "python"),
    [
        # kubeflow/pipelines components/aws/sagemaker/v2.Dockerfile: Amazon Linux 2's python3
        ("public.ecr.aws/amazonlinux/amazonlinux:2", "3.7"),
        ("amazonlinux:2.0.20230119.1", "3.7"),
        ("amazonlinux:2023", "3.9"),  # AL2023's default Python 3.9
        ("amazonlinux:latest", None),  # a moving tag
        ("example.invalid/amazonlinux/amazonlinux:2", None),  # another registry's image
    ],
)
def test_amazon_linux_python3(image: str, python: str | None) -> None:
    text = f"FROM {image}\nRUN yum update -y && yum install -y -q python3\nRUN pip3 install x\n"
    (stage,) = DockerfileParser().parse("Dockerfile", text).stages
    assert stage.python == python


@pytest.mark.parametrize(
    ("image", "install", "python"),
    [
        # erikbern/ann-benchmarks install/Dockerfile.vespa: CentOS Stream 8's python3 is 3.6
        ("quay.io/centos/centos:stream8", "dnf -y install gcc python3-devel", "3.6"),
        ("centos:7", "yum install -y python3", "3.6"),
        ("rockylinux:8.9", "dnf install -y python3", "3.6"),
        ("rockylinux:8.9", "dnf install -y python39", "3.9"),  # a versioned module
        ("almalinux:9", "dnf install -y python3-pip", "3.9"),
        ("registry.access.redhat.com/ubi9/ubi:9.4", "dnf install -y python3", "3.9"),
        ("redhat/ubi8:latest", "dnf install -y python3", "3.6"),
        ("quay.io/centos/centos:latest", "dnf install -y python3", None),  # a moving tag
        ("example.invalid/centos:8", "dnf install -y python3", None),  # another registry
    ],
)
def test_enterprise_linux_python3(image: str, install: str, python: str | None) -> None:
    text = f"FROM {image}\nRUN {install}\nRUN python3 -m pip install x\n"
    (stage,) = DockerfileParser().parse("Dockerfile", text).stages
    assert stage.python == python
