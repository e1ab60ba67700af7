"""The Python of a Miniconda installer a Dockerfile runs, and what python-version-incompatible
says of the conda installs after it.

The Dockerfiles are alibaba/FederatedScope's: head
https://github.com/alibaba/FederatedScope@0692ebcb46e5f48d40dac73efad0323662b33bd5:docker_files/federatedscope-torch1.10.Dockerfile
(and federatedscope-torch1.8.Dockerfile) run ``Miniconda3-latest``; issue
https://github.com/alibaba/FederatedScope/issues/535 (numpy=1.21.2 needs Python <= 3.9 on the
newest conda), fixed by https://github.com/alibaba/FederatedScope/pull/536 (b4c12d01), which
pins ``Miniconda3-py39_23.1.0-1-Linux-x86_64.sh``.
"""

from __future__ import annotations

import pytest

from rules.checks.python_version import RULES
from rules.manifests._shellwords import split_commands
from rules.manifests.conda_installers import (
    MINICONDA_LATEST_PYTHON,
    MINIFORGE_LATEST_PYTHON,
    downloaded,
    run_installer,
)
from rules.manifests.dockerfile import DockerfileParser
from rules.manifests.model import FactKind
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

#: (command, the Python of the base environment it installs, or None: not an installer run)
COMMANDS: list[tuple[str, str | None]] = [
    ("bash Miniconda3-py39_23.1.0-1-Linux-x86_64.sh -b", "3.9"),
    ("bash Miniconda3-py310_23.1.0-1-Linux-x86_64.sh -b -p /opt/conda", "3.10"),
    ("sh ./Miniconda3-py38_4.12.0-Linux-x86_64.sh -b", "3.8"),  # no -N build suffix
    ("bash -b Miniconda3-py311_24.1.2-0-Linux-aarch64.sh", "3.11"),
    ("/bin/bash /tmp/Miniconda3-latest-Linux-x86_64.sh -b", MINICONDA_LATEST_PYTHON),
    ("./Miniconda3-latest-Linux-x86_64.sh -b", MINICONDA_LATEST_PYTHON),
    ("wget https://repo.example/miniconda/Miniconda3-latest-Linux-x86_64.sh", None),
    ("rm Miniconda3-latest-Linux-x86_64.sh", None),
    ("bash Miniforge3-Linux-x86_64.sh -b", None),  # unversioned, download not seen
    ("bash Miniforge3-24.3.0-0-Linux-x86_64.sh -b -p /opt/conda", "3.10"),
    ("bash Miniforge3-4.10.3-7-Linux-x86_64.sh -b", "3.9"),
    ("bash Miniforge3-24.5.0-0-Linux-aarch64.sh -b", "3.12"),
    ("bash Miniforge3-26.1.0-0-Linux-x86_64.sh -b", "3.13"),
    ("bash Miniforge3-99.1.0-0-Linux-x86_64.sh -b", None),  # newer than the table
    ("bash Miniforge3-pypy3-24.3.0-0-Linux-x86_64.sh -b", None),  # PyPy: not read
    ("bash install.sh", None),
]


@pytest.mark.parametrize(("command", "python"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_installer_python(command: str, python: str | None) -> None:
    [words] = split_commands(command)
    found = run_installer(words)
    assert (found.version if found else None) == python


#: (commands of one RUN, the Python of the installer the last one runs, or None)
RENAMED: list[tuple[str, str | None]] = [
    (
        "wget -q https://repo.example/miniconda/Miniconda3-py310_23.5.2-0-Linux-x86_64.sh "
        "-O /tmp/miniconda.sh && bash /tmp/miniconda.sh -b -p /opt/conda",
        "3.10",
    ),
    (
        "curl -sSL https://repo.example/miniconda/Miniconda3-latest-Linux-x86_64.sh "
        "-o miniconda.sh && sh ./miniconda.sh -b",
        MINICONDA_LATEST_PYTHON,
    ),
    (
        "wget --output-document=m.sh https://repo.example/Miniconda3-py38_4.12.0-Linux-x86_64.sh"
        " && bash m.sh -b",
        "3.8",
    ),
    (
        "curl -sSL https://repo.example/miniconda/Miniconda3-4.7.10-Linux-x86_64.sh "
        "-o /tmp/miniconda.sh && bash /tmp/miniconda.sh -bfp /usr/local",
        None,  # no pyXY in the name: the Python is not known
    ),
    ("bash /tmp/miniconda.sh -b", None),
    # Miniforge (conda-forge/miniforge construct.yaml per release tag; module docstring).
    # jonaden94/DaNuMa2024_setup@6cb7ce5b216546a599e79c6919e52e23ef61ecc5:files/install_miniforge.sh
    (
        'wget -O Miniforge3.sh "https://github.com/conda-forge/miniforge/releases/latest/'
        'download/Miniforge3-$(uname)-$(uname -m).sh" && bash Miniforge3.sh -b -p "conda"',
        MINIFORGE_LATEST_PYTHON,
    ),
    (
        "wget https://github.com/conda-forge/miniforge/releases/latest/download/"
        "Miniforge3-Linux-x86_64.sh && bash Miniforge3-Linux-x86_64.sh -b -p /opt/conda",
        MINIFORGE_LATEST_PYTHON,
    ),
    (
        "curl -L -O https://github.com/conda-forge/miniforge/releases/download/24.3.0-0/"
        "Miniforge3-Linux-x86_64.sh && bash ./Miniforge3-Linux-x86_64.sh -b",
        "3.10",
    ),
    (
        "curl -sSL https://github.com/conda-forge/miniforge/releases/download/4.14.0-0/"
        "Miniforge3-4.14.0-0-Linux-x86_64.sh -o /tmp/miniforge3.sh "
        "&& bash /tmp/miniforge3.sh -bfp /usr/local",
        "3.10",
    ),
    (  # broadinstitute/CellBender docker/Dockerfile: curl's -o in a cluster of short flags
        "curl -so $HOME/miniconda.sh https://repo.example/miniconda/"
        "Miniconda3-py37_23.1.0-1-Linux-x86_64.sh && chmod +x $HOME/miniconda.sh "
        "&& $HOME/miniconda.sh -b -p $CONDA_DIR",
        "3.7",
    ),
    (
        "wget -qO /tmp/m.sh https://repo.example/miniconda/Miniconda3-py38_4.12.0-Linux-x86_64.sh"
        " && bash /tmp/m.sh -b",
        "3.8",
    ),
    (
        "curl -sSLO https://repo.example/miniconda/Miniconda3-py38_4.12.0-Linux-x86_64.sh"
        " https://repo.example/other.sh && bash other.sh -b",
        None,  # -O is not curl's -o: the installer keeps its own name
    ),
    (
        "curl -L https://github.com/conda-forge/miniforge/releases/latest/download/"
        "Miniforge3-Linux-x86_64.sh | tee m.log && bash Miniforge3-Linux-x86_64.sh -b",
        None,  # curl without -O writes to stdout: the file run is not the download
    ),
]


@pytest.mark.parametrize(("commands", "python"), RENAMED, ids=[c[1] or "-" for c in RENAMED])
def test_a_renamed_download_is_followed(commands: str, python: str | None) -> None:
    saved: dict[str, str] = {}
    found = None
    for words in split_commands(commands):
        path = downloaded(words)
        if path is not None:
            saved[path[0].removeprefix("./")] = path[1]
        found = run_installer(words, saved) or found
    assert (found.version if found else None) == python


HEAD_INSTALL = (
    "RUN wget https://repo.example/miniconda/Miniconda3-latest-Linux-x86_64.sh \\\n"
    "    && bash Miniconda3-latest-Linux-x86_64.sh -b \\\n"
    "    && rm Miniconda3-latest-Linux-x86_64.sh\n"
)
FIXED_INSTALL = (
    "RUN wget https://repo.example/miniconda/Miniconda3-py39_23.1.0-1-Linux-x86_64.sh \\\n"
    "    && bash Miniconda3-py39_23.1.0-1-Linux-x86_64.sh -b \\\n"
    "    && rm Miniconda3-py39_23.1.0-1-Linux-x86_64.sh\n"
)


def federatedscope(base: str, install: str, torch: str) -> str:
    """The FederatedScope Dockerfile (trimmed to its conda steps) with one installer."""
    return (
        f"FROM {base}\n"
        'SHELL ["/bin/bash", "-c"]\n'
        "RUN apt-get update -y \\\n    && apt-get install -y wget\n"
        f"{install}"
        "ENV PATH=/root/miniconda3/bin:${PATH}\n"
        "RUN source activate\n"
        "RUN conda update -y conda \\\n    && conda config --add channels conda-forge\n"
        "RUN conda install -y numpy=1.21.2 scikit-learn=1.0.2 scipy=1.7.3 pandas=1.4.1 "
        "-c scikit-learn \\\n    && conda clean -a -y\n"
        f"RUN conda install -y {torch} -c pytorch \\\n    && conda clean -a -y\n"
    )


TORCH110 = "pytorch=1.10.1 torchvision=0.11.2 torchaudio=0.10.1 cudatoolkit=11.3"
TORCH18 = "pytorch==1.8.0 torchvision==0.9.0 torchaudio==0.8.0 cudatoolkit=10.2"
#: (case, Dockerfile, the stage's Python and how, python-version errors by package)
DOCKERFILES: list[tuple[str, str, tuple[str, str], list[str]]] = [
    (
        "head torch1.10: Miniconda3-latest",
        federatedscope("nvidia/cuda:11.3.1-runtime-ubuntu20.04", HEAD_INSTALL, TORCH110),
        (MINICONDA_LATEST_PYTHON, "installer"),
        # numpy 1.21.2 and scipy 1.7.3: Requires-Python <3.11, so no channel build for 3.13
        ["numpy", "pytorch", "scipy", "torchaudio", "torchvision"],
    ),
    (
        "head torch1.8: Miniconda3-latest",
        federatedscope("nvidia/cuda:10.2-runtime-ubuntu18.04", HEAD_INSTALL, TORCH18),
        (MINICONDA_LATEST_PYTHON, "installer"),
        # numpy 1.21.2 and scipy 1.7.3: Requires-Python <3.11, so no channel build for 3.13
        ["numpy", "pytorch", "scipy", "torchaudio", "torchvision"],
    ),
    (
        "PR 536 torch1.10: Miniconda3-py39_23.1.0-1",
        federatedscope("nvidia/cuda:11.3.1-runtime-ubuntu20.04", FIXED_INSTALL, TORCH110),
        ("3.9", "installer"),
        [],
    ),
    (
        "PR 536 torch1.8: Miniconda3-py39_23.1.0-1",
        federatedscope("nvidia/cuda:10.2-runtime-ubuntu18.04", FIXED_INSTALL, TORCH18),
        ("3.9", "installer"),
        [],
    ),
    (
        "Miniconda3-latest saved as /tmp/miniconda.sh in one RUN, run in the next",
        federatedscope(
            "nvidia/cuda:11.3.1-runtime-ubuntu20.04",
            "RUN curl -sSL https://repo.example/miniconda/Miniconda3-latest-Linux-x86_64.sh "
            "-o /tmp/miniconda.sh\nRUN bash /tmp/miniconda.sh -bfp /usr/local\n",
            TORCH110,
        ),
        (MINICONDA_LATEST_PYTHON, "installer"),
        # numpy 1.21.2 and scipy 1.7.3: Requires-Python <3.11, so no channel build for 3.13
        ["numpy", "pytorch", "scipy", "torchaudio", "torchvision"],
    ),
    (
        "conda python=3.8 after the installer decides the base environment's Python",
        federatedscope(
            "nvidia/cuda:11.3.1-runtime-ubuntu20.04",
            HEAD_INSTALL + "RUN conda install -y python=3.8\n",
            TORCH110,
        ),
        ("3.8", "conda"),
        [],
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "python", "errors"), DOCKERFILES, ids=[c[0] for c in DOCKERFILES]
)
def test_federatedscope_dockerfiles(
    name: str, text: str, python: tuple[str, str], errors: list[str]
) -> None:
    path = "docker_files/federatedscope.Dockerfile"
    parsed = DockerfileParser().parse(path, text)
    [stage] = parsed.stages
    assert (stage.python, stage.python_how) == python, name
    if python[1] == "installer":
        assert [f.value for f in parsed.facts if f.kind == FactKind.PYTHON] == [python[0]]
    findings = run(RULES[0], build_snapshot({path: text}))
    found = sorted({f.package or "" for f in findings if f.severity.value == "error"})
    assert found == errors, name
