"""Index settings a Dockerfile makes inside a RUN (``export``) or by copying in a pip/uv
configuration file: the same `PIP_OPTION` facts as ``ENV PIP_EXTRA_INDEX_URL``.

Real shapes (the Dockerfile lines below are excerpts of these files):
- davideNasi/Wolves-Detection-Domain-Adaptation@27a00ddbf69dd33aa4c7632b119e28fba823f94a:Dockerfile
  line 5: ``RUN export PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cu117 && pip install
  torch==1.13.0+cu117 torchvision==0.14.0+cu117`` on ``nvidia/cuda:11.7.0-runtime-ubuntu20.04``
  (before: two false missing-pytorch-index errors).
- NVIDIA/JAX-Toolbox@000099784e7f0c9423bc7dd4ebdc388fa0cca4ee:
  jax-inference-offloading/dockerfile/oss.dockerfile, stage ``final``: a ``RUN <<"EOF" bash``
  heredoc that exports ``PIP_INDEX_URL=https://download.pytorch.org/whl/cu129`` and
  ``PIP_EXTRA_INDEX_URL="https://flashinfer.ai/whl/cu129 https://pypi.org/simple"``, then
  ``pip install --no-deps --src /opt -r requirements.txt``.
- alibaba/TorchEasyRec@00d86726e45e02e204eb30f7b86e570fcb633b13:docker/Dockerfile (built with
  docker/ as its context, scripts/build_docker.sh): ``ADD pip.conf /root/.config/pip/pip.conf``
  then ``pip install torchrec==1.2.0``; its docker/pip.conf
  (@7367bd825fc30d3312e4224d089362d0fc95219b) sets ``index-url =
  http://mirrors.aliyun.com/pypi/simple``.
- binary-husky/gpt_academic@0892f1ac8872283e330019007127ae355702c8a4:Dockerfile: ``RUN echo
  '[global]' > /etc/pip.conf && echo 'index-url = https://mirrors.aliyun.com/pypi/simple/' >>
  /etc/pip.conf && …`` then ``pip3 install -r requirements.txt``.
Other cases are written for the tests in those shapes (``COPY pip.conf /etc/pip.conf`` with
``ENV PIP_CONFIG_FILE`` and a uv.toml ``[[index]]`` are common in public Dockerfiles; code-index
search, files without a recorded repository).
"""

from __future__ import annotations

from datetime import date

import pytest

from rules.checks.support.indexes import indexes_for
from rules.manifests.model import IndexKind
from rules.manifests.snapshot import build_snapshot, missing_includes
from rules.review import review_trees

EXTRA, PRIMARY = IndexKind.EXTRA_INDEX_URL, IndexKind.INDEX_URL
PT = "https://download.pytorch.org/whl"
CU118 = f"{PT}/cu118"
IMAGE = "FROM nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04\n"

WOLVES = (
    "FROM nvidia/cuda:11.7.0-runtime-ubuntu20.04\n\n"
    "ENV DEBIAN_FRONTEND noninteractive\n"
    "RUN apt-get update && apt-get install -y pip libgl1-mesa-glx libglib2.0-0 libsm6 "
    "libxrender1 libxext6 git\n"
    f"RUN export PIP_EXTRA_INDEX_URL={PT}/cu117 && pip install torch==1.13.0+cu117 "
    "torchvision==0.14.0+cu117\n"
    "RUN pip install opencv-python terminaltables Pillow yacs pycocotools tensorboard\n"
)
JAX_TOOLBOX = (
    "ARG BASE_IMAGE=nvcr.io/nvidia/cuda-dl-base:25.06-cuda12.9-devel-ubuntu24.04\n"
    "FROM ${BASE_IMAGE} AS base\n"
    "ENV PIP_BREAK_SYSTEM_PACKAGES=1\n"
    "FROM base AS mealkit\n"
    "RUN mkdir -p /opt/pip-tools.d\n"
    "FROM mealkit AS final\n"
    '# Finalize installation\nRUN <<"EOF" bash -ex -o pipefail\n'
    f"export PIP_INDEX_URL={PT}/cu129\n"
    'export PIP_EXTRA_INDEX_URL="https://flashinfer.ai/whl/cu129 https://pypi.org/simple"\n'
    "pushd /opt/pip-tools.d\n"
    "pip-compile -o requirements.txt $(ls requirements*.in) --constraint overrides.in\n"
    "pip install --no-deps --src /opt -r requirements.txt\n"
    "popd\nEOF\n"
)
EASYREC = (
    "ARG BASE_IMAGE=ubuntu:22.04\nFROM ${BASE_IMAGE}\n"
    "ADD pip.conf /root/.config/pip/pip.conf\n"
    "ENV PATH /opt/conda/bin:$PATH\n"
    f"RUN pip install torch==2.7.0 fbgemm-gpu==1.2.0 --index-url {PT}/cu126 && \\\n"
    f"    pip install torchmetrics==1.0.3 --extra-index-url {PT}/cu126 && \\\n"
    "    pip install torchrec==1.2.0\n"
)
EASYREC_CONF = (
    "[global]\nindex-url = http://mirrors.aliyun.com/pypi/simple\n"
    "trusted-host = mirrors.aliyun.com\ntimeout = 120\n"
)
ALIYUN = "http://mirrors.aliyun.com/pypi/simple"
GPT_ACADEMIC = (
    "FROM python:3.11\n\n"
    "RUN echo '[global]' > /etc/pip.conf && \\\n"
    "    echo 'index-url = https://mirrors.aliyun.com/pypi/simple/' >> /etc/pip.conf && \\\n"
    "    echo 'trusted-host = mirrors.aliyun.com' >> /etc/pip.conf\n\n\n"
    "WORKDIR /gpt\nCOPY requirements.txt .\nRUN pip3 install -r requirements.txt\n"
)
NV = "https://pypi.nvidia.com"
CONF_CU118 = f"[global]\nextra-index-url =\n    {CU118}\n    {NV}\n"

#: (name, files, environment, expected [(url, kind, file, line)])
CASES: list[tuple[str, dict[str, str], str, list[tuple[str, IndexKind, str, int]]]] = [
    (
        "Wolves-Detection: export … && pip install",
        {"Dockerfile": WOLVES},
        "Dockerfile",
        [(f"{PT}/cu117", EXTRA, "Dockerfile", 5)],
    ),
    (
        "JAX-Toolbox: exports in a RUN heredoc",
        {"Dockerfile": JAX_TOOLBOX},
        "Dockerfile#final",
        [
            (f"{PT}/cu129", PRIMARY, "Dockerfile", 9),
            ("https://flashinfer.ai/whl/cu129", EXTRA, "Dockerfile", 10),
            ("https://pypi.org/simple", EXTRA, "Dockerfile", 10),
        ],
    ),
    (
        "an export after the install of its RUN is unused",
        {"Dockerfile": f"{IMAGE}RUN pip install torch && export PIP_EXTRA_INDEX_URL={CU118}\n"},
        "Dockerfile",
        [],
    ),
    (
        "an export ends with its RUN",
        {"Dockerfile": f"{IMAGE}RUN export PIP_EXTRA_INDEX_URL={CU118}\nRUN pip install torch\n"},
        "Dockerfile",
        [],
    ),
    (
        "an export with an ARG in its value",
        {
            "Dockerfile": f"{IMAGE}ARG CU=cu121\n"
            f"RUN export PIP_EXTRA_INDEX_URL={PT}/${{CU}}; pip install torch\n"
        },
        "Dockerfile",
        [(f"{PT}/cu121", EXTRA, "Dockerfile", 3)],
    ),
    (
        "an export of a build-time value hides the ENV one",
        {
            "Dockerfile": f"{IMAGE}ENV PIP_EXTRA_INDEX_URL={CU118}\nARG IDX\n"
            "RUN export PIP_EXTRA_INDEX_URL=$IDX && pip install torch\n"
        },
        "Dockerfile",
        [],
    ),
    (
        "unset hides the ENV one",
        {
            "Dockerfile": f"{IMAGE}ENV PIP_EXTRA_INDEX_URL={CU118}\n"
            "RUN unset PIP_EXTRA_INDEX_URL && pip install torch\n"
        },
        "Dockerfile",
        [],
    ),
    (
        "uv pip reads an exported UV_EXTRA_INDEX_URL, pip does not",
        {
            "Dockerfile": f"{IMAGE}RUN export UV_EXTRA_INDEX_URL={PT}/cpu && "
            "uv pip install --system torch && pip install numpy\n"
        },
        "Dockerfile",
        [(f"{PT}/cpu", EXTRA, "Dockerfile", 2)],
    ),
    (
        "TorchEasyRec: ADD pip.conf beside the Dockerfile (docker/ is the context)",
        {"docker/Dockerfile": EASYREC, "docker/pip.conf": EASYREC_CONF},
        "docker/Dockerfile",
        [
            (f"{PT}/cu126", PRIMARY, "docker/Dockerfile", 5),
            (f"{PT}/cu126", EXTRA, "docker/Dockerfile", 6),
            (ALIYUN, PRIMARY, "docker/Dockerfile", 3),
        ],
    ),
    (
        "COPY pip.conf /etc/pip.conf: extra-index-url over continuation lines",
        {
            "Dockerfile": f"{IMAGE}COPY pip.conf /etc/pip.conf\nRUN pip install torch\n",
            "pip.conf": CONF_CU118,
        },
        "Dockerfile",
        [(CU118, EXTRA, "Dockerfile", 2), (NV, EXTRA, "Dockerfile", 2)],
    ),
    (
        "the command's own --extra-index-url replaces the file's",
        {
            "Dockerfile": f"{IMAGE}COPY pip.conf /etc/pip.conf\n"
            f"RUN pip install torch --extra-index-url {PT}/cu121\n",
            "pip.conf": CONF_CU118,
        },
        "Dockerfile",
        [(f"{PT}/cu121", EXTRA, "Dockerfile", 3)],
    ),
    (
        "an environment variable replaces the file's setting of its kind",
        {
            "Dockerfile": f"{IMAGE}COPY pip.conf /etc/pip.conf\n"
            f"ENV PIP_EXTRA_INDEX_URL={PT}/cu121\nRUN pip install torch\n",
            "pip.conf": CONF_CU118,
        },
        "Dockerfile",
        [(f"{PT}/cu121", EXTRA, "Dockerfile", 3)],
    ),
    (
        "ENV PIP_CONFIG_FILE names a copied file",
        {
            "Dockerfile": f"{IMAGE}WORKDIR /app\nCOPY pip.conf .\n"
            "ENV PIP_CONFIG_FILE=/app/pip.conf\nRUN pip install torch\n",
            "pip.conf": f"[install]\nindex_url = {CU118}\n",
        },
        "Dockerfile",
        [(CU118, PRIMARY, "Dockerfile", 4)],
    ),
    (
        "a pip.conf copied where pip does not look is not read",
        {
            "Dockerfile": f"{IMAGE}COPY pip.conf /app/\nRUN pip install torch\n",
            "pip.conf": CONF_CU118,
        },
        "Dockerfile",
        [],
    ),
    (
        "gpt_academic: echo lines append a pip.conf",
        {"Dockerfile": GPT_ACADEMIC, "requirements.txt": "numpy\n"},
        "requirements.txt",
        [("https://mirrors.aliyun.com/pypi/simple/", PRIMARY, "Dockerfile", 4)],
    ),
    (
        "one echo with \\n escapes (as /bin/sh reads them), then pip in the same RUN",
        {
            "Dockerfile": f"{IMAGE}RUN echo '[global]\\nextra-index-url = {CU118}' > "
            "/etc/pip.conf && pip install torch\n"
        },
        "Dockerfile",
        [(CU118, EXTRA, "Dockerfile", 2)],
    ),
    (
        "a pip install before the echo in its RUN does not see it, a later RUN does",
        {
            "Dockerfile": f"{IMAGE}RUN pip install torch && "
            f'printf "[global]\\nindex-url = {CU118}\\n" > ~/.config/pip/pip.conf\n'
            "RUN pip install torchvision\n"
        },
        "Dockerfile",
        [(CU118, PRIMARY, "Dockerfile", 2)],
    ),
    (
        "printf with %s arguments: not knowable",
        {
            "Dockerfile": f"{IMAGE}ARG IDX={CU118}\n"
            "RUN printf '[global]\\nindex-url = %s\\n' \"$IDX\" > /etc/pip.conf\n"
            "RUN pip install torch\n"
        },
        "Dockerfile",
        [],
    ),
    (
        "uv.toml: [[index]] for uv pip, not for pip",
        {
            "Dockerfile": f"{IMAGE}COPY uv.toml /etc/uv/uv.toml\n"
            "RUN uv pip install --system torch\nRUN pip install numpy\n",
            "uv.toml": f'[[index]]\nname = "pytorch"\nurl = "{CU118}"\n\n'
            '[[index]]\nname = "pinned"\nurl = "https://example.org/simple"\nexplicit = true\n',
        },
        "Dockerfile",
        [(CU118, EXTRA, "Dockerfile", 2)],
    ),
    (
        "a stage built FROM another keeps its copied pip.conf",
        {
            "Dockerfile": f"{IMAGE.strip()} AS base\nCOPY pip.conf /etc/pip.conf\n"
            "FROM base AS final\nRUN pip install torch\n",
            "pip.conf": f"[global]\nindex-url = {CU118}\n",
        },
        "Dockerfile#final",
        [(CU118, PRIMARY, "Dockerfile", 2)],
    ),
]


@pytest.mark.parametrize(("name", "files", "env", "expected"), CASES, ids=[c[0] for c in CASES])
def test_run_and_config_file_index_settings(
    name: str, files: dict[str, str], env: str, expected: list[tuple[str, IndexKind, str, int]]
) -> None:
    snapshot = build_snapshot(files)
    found = [(i.url, i.kind, i.location.file, i.location.line) for i in indexes_for(snapshot, env)]
    assert sorted(found) == sorted(expected)


def test_an_absent_config_file_is_asked_for() -> None:
    """Like an absent Makefile: the worker fetches the paths the COPY may name (the context
    root, else the Dockerfile's folder) and builds the snapshot again."""
    snapshot = build_snapshot({"docker/Dockerfile": EASYREC})
    assert missing_includes(snapshot) == {"pip.conf", "docker/pip.conf"}
    assert indexes_for(snapshot, "docker/Dockerfile") == indexes_for(
        build_snapshot({"docker/Dockerfile": EASYREC.replace("ADD pip.conf", "#")}),
        "docker/Dockerfile",
    )
    full = build_snapshot({"docker/Dockerfile": EASYREC, "docker/pip.conf": EASYREC_CONF})
    assert missing_includes(full) == set()


def findings(head: dict[str, str]) -> list[tuple[str, str, str, int]]:
    review = review_trees({}, head, today=date(2026, 12, 1))
    return [(f.severity.value, f.rule, f.file or "", f.line or 0) for f in review.findings]


def test_wolves_cu117_pins_are_served_by_the_exported_index() -> None:
    found = findings({"Dockerfile": WOLVES})
    assert not [f for f in found if f[1] == "missing-pytorch-index"]
    bare = WOLVES.replace(f"export PIP_EXTRA_INDEX_URL={PT}/cu117 && ", "")
    assert [f[0] for f in findings({"Dockerfile": bare}) if f[1] == "missing-pytorch-index"] == [
        "error",
        "error",
    ]


def test_a_cu118_pin_under_a_copied_pip_conf() -> None:
    text = f"{IMAGE}COPY pip.conf /etc/pip.conf\nRUN pip install torch==2.1.0+cu118\n"
    served = findings({"Dockerfile": text, "pip.conf": CONF_CU118})
    assert not [f for f in served if f[1] == "missing-pytorch-index"]
    alone = findings({"Dockerfile": text})
    assert ("error", "missing-pytorch-index", "Dockerfile", 3) in alone


def test_cpu_index_in_a_copied_pip_conf_on_a_cuda_image() -> None:
    """``index-url = …/whl/cpu`` in the image's pip.conf: torch is the CPU build there (an
    error), where PyPI alone gives the CUDA 12.1 build (a base-image mismatch instead)."""
    text = f"{IMAGE}COPY pip.conf /etc/pip.conf\nRUN pip install torch==2.1.0\n"
    conf = f"[global]\nindex-url = {PT}/cpu\n"
    served = findings({"Dockerfile": text, "pip.conf": conf})
    assert ("error", "cpu-only-risk", "Dockerfile", 3) in served
    assert "cuda-base-image-mismatch" not in [f[1] for f in served]
    alone = findings({"Dockerfile": text})
    assert ("error", "cuda-base-image-mismatch", "Dockerfile", 3) in alone
    assert ("notice", "cpu-only-risk", "Dockerfile", 3) in alone


def test_easyrec_mirror_in_pip_conf_is_judged_by_untrusted_index() -> None:
    found = findings({"docker/Dockerfile": EASYREC, "docker/pip.conf": EASYREC_CONF})
    assert ("warning", "untrusted-index", "docker/Dockerfile", 3) in found
    alone = findings({"docker/Dockerfile": EASYREC})
    assert ("warning", "untrusted-index", "docker/Dockerfile", 3) not in alone
