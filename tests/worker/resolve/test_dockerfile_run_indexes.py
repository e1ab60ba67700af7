"""--resolve gets the indexes a Dockerfile sets by ``export`` inside a RUN or in a copied
pip.conf, as it gets ``ENV PIP_EXTRA_INDEX_URL`` (the shapes of
davideNasi/Wolves-Detection-Domain-Adaptation@27a00ddbf69dd33aa4c7632b119e28fba823f94a:Dockerfile
and alibaba/TorchEasyRec@00d86726e45e02e204eb30f7b86e570fcb633b13:docker/Dockerfile)."""

from __future__ import annotations

from rules.manifests.snapshot import build_snapshot
from worker.resolve.inputs import inputs_for

CU117 = "https://download.pytorch.org/whl/cu117"


def test_an_exported_index_is_an_index_of_the_install() -> None:
    dockerfile = (
        "FROM nvidia/cuda:11.7.0-runtime-ubuntu20.04\n"
        f"RUN export PIP_EXTRA_INDEX_URL={CU117} && pip install torch==1.13.0+cu117\n"
    )
    (found,) = inputs_for(build_snapshot({"Dockerfile": dockerfile}))
    assert [(i.url, i.location.line) for i in found.indexes] == [(CU117, 2)]


def test_a_copied_pip_conf_is_an_index_of_the_install() -> None:
    dockerfile = (
        "FROM ubuntu:22.04\nADD pip.conf /root/.config/pip/pip.conf\n"
        "RUN pip install torchrec==1.2.0\n"
    )
    conf = "[global]\nindex-url = http://mirrors.aliyun.com/pypi/simple\n"
    snapshot = build_snapshot({"docker/Dockerfile": dockerfile, "docker/pip.conf": conf})
    (found,) = inputs_for(snapshot)
    assert [(i.url, i.location.line) for i in found.indexes] == [
        ("http://mirrors.aliyun.com/pypi/simple", 2)
    ]
