"""What NVIDIA's NGC framework containers (nvcr.io/nvidia/pytorch, nvcr.io/nvidia/tensorflow) hold.

Each release lists the CUDA, framework and Python versions NVIDIA documents for it, with the page
each value was read from. Only releases whose text was read are listed; a field the text does not
give stays None, and any other release decodes to the release alone. Pages marked "(quoted)"
were read through a verbatim copy of NVIDIA's release notes kept in a public repository (the
URL given is NVIDIA's page the copy names); "(table)" values come from the "NVIDIA PyTorch
Container Versions" table of the 20.12 notes, whose merged cells give a row the CUDA of the
row above it.
"""

from __future__ import annotations

from dataclasses import dataclass

_PT = "https://docs.nvidia.com/deeplearning/frameworks/pytorch-release-notes/"
_TF = "https://docs.nvidia.com/deeplearning/frameworks/tensorflow-release-notes/"
#: Older TensorFlow notes are also kept under NVIDIA's DGX documentation path.
_TF_DGX = "https://docs.nvidia.com/deeplearning/dgx/tensorflow-release-notes/"
#: NVIDIA's GitHub releases of its TensorFlow 1.x fork: "NVIDIA TensorFlow release <yy.mm> is
#: based on TensorFlow 1.15.5" and "docker pull nvcr.io/nvidia/tensorflow:<yy.mm>-tf1-py3".
_NV_TF1 = "https://github.com/NVIDIA/tensorflow/releases"
_PT_2012_TABLE = _PT + "rel_20-12.html (table)"


@dataclass(frozen=True, slots=True)
class NgcPytorch:
    """One nvcr.io/nvidia/pytorch:<release>-py3 image: CUDA toolkit, torch build, Python."""

    cuda: str | None
    torch: str | None
    python: str | None
    source: str


@dataclass(frozen=True, slots=True)
class NgcTensorflow:
    """One nvcr.io/nvidia/tensorflow:<release>-tf{1,2}-py3 image; `tf1`/`tf2` per tag."""

    cuda: str | None
    python: str | None
    tf1: str | None
    tf2: str | None
    source: str


NGC_PYTORCH: dict[str, NgcPytorch] = {
    # "NVIDIA CUDA 10.1.105 including cuBLAS 10.1.105", "Ubuntu 16.04 including Python 3.6".
    "19.03": NgcPytorch("10.1.105", None, "3.6", _PT + "rel_19-03.html"),
    # "Release 19.05 is based on CUDA 10.1 Update 1": the minor release only.
    "19.05": NgcPytorch("10.1", None, "3.6", _PT + "rel_19-05.html"),
    "19.06": NgcPytorch("10.1.168", None, "3.6", _PT + "rel_19-06.html"),
    # "Ubuntu 18.04 including Python 3.6 environment", "NVIDIA CUDA 10.1.243".
    "19.10": NgcPytorch("10.1.243", None, "3.6", _PT + "rel_19-10.html"),
    "19.11": NgcPytorch("10.2.89", None, "3.6", _PT + "rel_19-11.html"),
    # "PyTorch container image version 20.02 is based on PyTorch 1.4.0a0+a5b4d78" (the 20.12
    # notes' table gives 1.5.0a0+3bbb36e for 20.02; the release's own page is kept).
    "20.02": NgcPytorch("10.2.89", "1.4.0a0+a5b4d78", "3.6", _PT + "rel_20-02.html"),
    "20.03": NgcPytorch("10.2.89", "1.5.0a0+8f84ded", "3.6", _PT + "rel_20-03.html (quoted)"),
    # "Release 20.06 is based on NVIDIA CUDA 11.0.167", python3.6 in the conda path; torch from
    # the 20.12 table (the 20.07 cell spans 20.06).
    "20.06": NgcPytorch(
        "11.0.167", "1.6.0a0+9907a3e", "3.6", _PT + "rel_20-06.html; " + _PT_2012_TABLE
    ),
    "20.07": NgcPytorch("11.0.194", "1.6.0a0+9907a3e", None, _PT_2012_TABLE),
    "20.08": NgcPytorch("11.0.3", "1.7.0a0+6392713", None, _PT_2012_TABLE),
    "20.09": NgcPytorch("11.0.3", "1.7.0a0+8deb4fe", None, _PT_2012_TABLE),
    "20.10": NgcPytorch("11.1.0", "1.7.0a0+7036e91", None, _PT_2012_TABLE),
    "20.11": NgcPytorch("11.1.0", "1.8.0a0+17f8c32", None, _PT_2012_TABLE),
    # "Ubuntu 20.04 including Python 3.8 environment", "NVIDIA CUDA 11.1.1", "based on
    # 1.8.0a0+1606899" (the same page's conda path still reads python3.6).
    "20.12": NgcPytorch("11.1.1", "1.8.0a0+1606899", "3.8", _PT + "rel_20-12.html (quoted)"),
    # "/opt/conda/lib/python3.8/site-packages/torch/", "NVIDIA CUDA 11.4.2",
    # "PyTorch container image version 21.09 is based on 1.10.0a0+3fd9dcf".
    "21.09": NgcPytorch("11.4.2", "1.10.0a0+3fd9dcf", "3.8", _PT + "rel_21-09.html (quoted)"),
    "22.01": NgcPytorch("11.6.0", None, "3.8", _PT + "rel_22-01.html (quoted)"),
    # "NVIDIA CUDA 11.8.0", "PyTorch container image version 22.11 is based on 1.13.0a0+936e930."
    "22.11": NgcPytorch("11.8.0", "1.13.0a0+936e930", None, _PT + "rel-22-11.html (quoted)"),
    # NVIDIA's Megatron-LM: "The docker image is based on nvcr.io/nvidia/pytorch:23.09-py3" and,
    # without docker, "Python 3.10 / NVIDIA CUDA 12.2.1 / ... / PyTorch 2.1.0a0+32f93b1".
    "23.09": NgcPytorch(
        "12.2.1",
        "2.1.0a0+32f93b1",
        "3.10",
        "https://github.com/NVIDIA/Megatron-LM/blob/main/tools/retro/README.md",
    ),
    # "Release 25.12 is based on CUDA 13.1.0", "based on 2.10.0a0+b4e4ee81d3",
    # /usr/local/lib/python3.12/dist-packages/torch.
    "25.12": NgcPytorch("13.1.0", "2.10.0a0+b4e4ee81d3", "3.12", _PT + "rel-25-12.html"),
}

NGC_TENSORFLOW: dict[str, NgcTensorflow] = {
    # Up to 19.xx the tags are <yy.mm>-py2 / -py3 (TensorFlow 1.x): "18.05-py2 contains Python
    # 2.7; 18.05-py3 contains Python 3.5" (the Python kept here is the -py3 one), "NVIDIA CUDA
    # 9.0.176", "TensorFlow container image version 18.05 is based on TensorFlow 1.7.0".
    "18.05": NgcTensorflow("9.0.176", "3.5", "1.7.0", None, _TF + "rel_18.05.html"),
    "18.08": NgcTensorflow("9.0.176", "3.5", "1.9.0", None, _TF + "rel_18.08.html"),
    "18.10": NgcTensorflow("10.0.130", "3.5", "1.10.0", None, _TF_DGX + "rel_18.10.html"),
    "18.11": NgcTensorflow("10.0.130", "3.5", "1.12.0-rc2", None, _TF_DGX + "rel_18.11.html"),
    "18.12": NgcTensorflow("10.0.130", "3.5", None, None, _TF_DGX + "rel_18.12.html"),
    "19.01": NgcTensorflow("10.0.130", "3.5", None, None, _TF_DGX + "rel_19.01.html"),
    "19.02": NgcTensorflow("10.0.130", "3.5", None, None, _TF_DGX + "rel_19.02.html"),
    "19.09": NgcTensorflow("10.1.243", "3.6", None, None, _TF + "rel_19.09.html"),
    "19.10": NgcTensorflow("10.1.243", "3.6", None, None, _TF_DGX + "rel_19.10.html"),
    # From 20.xx: "Container image 20.03-tf1-py3 and 20.03-tf2-py3 contains Python 3.6 -
    # NVIDIA CUDA 10.2.89".
    "20.03": NgcTensorflow("10.2.89", "3.6", None, None, _TF + "rel_20-03.html"),
    "20.06": NgcTensorflow("11.0.167", "3.6", None, None, _TF_DGX + "rel_20-06.html"),
    "20.10": NgcTensorflow("11.1.0", "3.6", None, None, _TF + "rel_20-10.html"),
    "21.04": NgcTensorflow("11.3.0", "3.8", None, None, _TF + "rel_21-04.html"),
    "21.05": NgcTensorflow("11.3.0", "3.8", None, None, _TF + "rel_21-05.html"),
    "21.06": NgcTensorflow("11.3.1", "3.8", None, None, _TF_DGX + "rel_21-06.html"),
    "21.10": NgcTensorflow("11.4.2", "3.8", None, None, _TF + "rel_21-10.html"),
    # "Release 22.06 is based on CUDA 11.7 Update 1 Preview": the minor release only.
    "22.06": NgcTensorflow("11.7", None, None, None, _TF + "rel_22-06.html"),
    "22.09": NgcTensorflow(None, None, "1.15.5", None, _NV_TF1),
    # "Release 22.10 is based on CUDA 11.8.0".
    "22.10": NgcTensorflow("11.8.0", None, None, None, _TF + "rel-22-10.html"),
    "22.11": NgcTensorflow(None, None, "1.15.5", None, _NV_TF1),
    "22.12": NgcTensorflow(None, None, "1.15.5", None, _NV_TF1),
    # "Release 23.01 is based on CUDA 12.0.1"; TF1 1.15.5 from NVIDIA's TF1 release list.
    "23.01": NgcTensorflow("12.0.1", None, "1.15.5", None, _TF + "rel-23-01.html; " + _NV_TF1),
    "23.02": NgcTensorflow(None, None, "1.15.5", None, _NV_TF1),
    "23.03": NgcTensorflow(None, None, "1.15.5", None, _NV_TF1),
}
