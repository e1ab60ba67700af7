"""Several Pythons in one Dockerfile stage: each venv / interpreter is an environment of its own."""

from __future__ import annotations

import pytest

from rules.checks.support.compilers import may_install_compiler
from rules.checks.support.evidence import targets_for_environment
from rules.manifests.dockerfile import DockerfileParser
from rules.manifests.snapshot import build_snapshot
from rules.review import review_trees

#: The lines of uber/petastorm's docker/Dockerfile at 7214853c9d3b0d7123e2818c8b3e03416a9f5aff
#: (https://github.com/uber/petastorm/pull/715) that set up its two venvs, byte-exact but for
#: the lines in between (apt-get, ADD) left out; its deadsnakes PPA (focal's archive carries no
#: python3.7), a RUN of its own there, is folded into the apt line here.
PETASTORM = (
    "FROM ubuntu:20.04\n"
    "RUN add-apt-repository -y ppa:deadsnakes/ppa && "
    """apt-get -qq install -y python3.7 python3.7-venv python3.9 python3.9-venv
RUN python3.7 -m pip install pip --upgrade
RUN python3.7 -m pip install wheel
RUN python3.7 -m venv /petastorm_venv3.7
RUN /petastorm_venv3.7/bin/pip3.7 install --no-cache scikit-build
RUN /petastorm_venv3.7/bin/pip3.7 install -U pyarrow==3.0.0 numpy==1.19.1 tensorflow==2.1.0 \
pyspark==3.0.0
RUN python3.9 -m pip install pip --upgrade
RUN python3.9 -m pip install wheel
RUN python3.9 -m venv /petastorm_venv3.9
RUN /petastorm_venv3.9/bin/pip3.9 install --no-cache scikit-build
RUN /petastorm_venv3.9/bin/pip3.9 install -U pyarrow==3.0.0 numpy==1.19.3 tensorflow==2.5.0 \
pyspark==3.0.0
"""
)

V37 = "Dockerfile#venv /petastorm_venv3.7"
V39 = "Dockerfile#venv /petastorm_venv3.9"

#: (case, Dockerfile, [(label, python, how, installs)], {requirement: environment})
CASES: list[tuple[str, str, list[tuple[str, str | None, str, tuple[str, ...]]], dict[str, str]]] = [
    (
        "petastorm: two venvs and two system interpreters",
        PETASTORM,
        [
            # apt installs 3.7 then 3.9: the stage's own pip is python3.9's
            ("Dockerfile", "3.9", "interpreter", ()),
            ("Dockerfile#python3.7", "3.7", "interpreter", ()),
            (V37, "3.7", "interpreter", ()),
            (V39, "3.9", "interpreter", ()),
        ],
        {
            "wheel": "Dockerfile",  # the last: python3.9 -m pip
            "numpy==1.19.1": V37,
            "tensorflow==2.1.0": V37,
            "numpy==1.19.3": V39,
            "tensorflow==2.5.0": V39,
        },
    ),
    (
        "pip3.9 and pip3.8 without venvs: one environment each",
        "FROM ubuntu:22.04\nRUN apt-get install -y python3.8 python3.9\n"
        "RUN pip3.8 install numpy==1.24.4\nRUN pip3.9 install numpy==2.0.2\n",
        [
            ("Dockerfile", "3.9", "interpreter", ()),
            ("Dockerfile#python3.8", "3.8", "interpreter", ()),
        ],
        {"numpy==1.24.4": "Dockerfile#python3.8", "numpy==2.0.2": "Dockerfile"},
    ),
    (
        "one interpreter besides plain pip stays the stage's own (and decides its Python)",
        "FROM python:3.11\nRUN apt-get install -y python3.8\n"
        "RUN python3.8 -m pip install -r req/x.txt\nRUN pip install numpy==1.24.4\n",
        [("Dockerfile", "3.8", "interpreter", ("req/x.txt",))],
        {"numpy==1.24.4": "Dockerfile"},
    ),
    (
        "python3.8 -m pip next to the image's python3.10: the image's is the stage's own",
        "FROM python:3.10-slim\nRUN python3.8 -m pip install torch==1.13.1\n"
        "RUN python3.10 -m pip install torch==2.4.0\nRUN pip install numpy==2.0.2\n",
        [
            ("Dockerfile", "3.10", "interpreter", ()),
            ("Dockerfile#python3.8", "3.8", "interpreter", ()),
        ],
        {"torch==1.13.1": "Dockerfile#python3.8", "torch==2.4.0": "Dockerfile"},
    ),
    (
        "venv, then ENV PATH puts it first: plain pip installs into it",
        "FROM python:3.12-slim\nRUN pip install uv==0.4.0\nRUN python3.11 -m venv /opt/venv\n"
        'ENV PATH="/opt/venv/bin:$PATH"\nCOPY requirements.txt .\n'
        "RUN pip install -r requirements.txt && python -m pip install numpy==1.26.4\n",
        [
            ("Dockerfile", "3.12", "image", ()),
            ("Dockerfile#venv /opt/venv", "3.11", "interpreter", ("requirements.txt",)),
        ],
        {"uv==0.4.0": "Dockerfile", "numpy==1.26.4": "Dockerfile#venv /opt/venv"},
    ),
    (
        "activate inside one RUN: the rest of that RUN only",
        "FROM python:3.10\n"
        "RUN python3 -m venv /v && . /v/bin/activate && pip install torch==2.1.0\n"
        "RUN pip install numpy==1.26.4\n",
        [
            ("Dockerfile", "3.10", "image", ()),
            # python3 -m venv names no minor: the venv runs the stage's Python
            ("Dockerfile#venv /v", "3.10", "image", ()),
        ],
        {"torch==2.1.0": "Dockerfile#venv /v", "numpy==1.26.4": "Dockerfile"},
    ),
    (
        "export PATH inside a RUN: the rest of that RUN only",
        "FROM python:3.10\nRUN python3.11 -m venv /v\n"
        "RUN export PATH=/v/bin:$PATH && pip install torch==2.1.0\n"
        "RUN pip install numpy==1.26.4\n",
        [
            ("Dockerfile", "3.10", "image", ()),
            ("Dockerfile#venv /v", "3.11", "interpreter", ()),
        ],
        {"torch==2.1.0": "Dockerfile#venv /v", "numpy==1.26.4": "Dockerfile"},
    ),
    (
        "python3.8 -m virtualenv; a pip3.8 outside it is the system's",
        "FROM ubuntu:20.04\nRUN apt-get install -y python3.8 python3.10\n"
        "RUN python3.8 -m virtualenv /v && /v/bin/pip install scipy==1.10.1\n"
        "RUN pip3.8 install scipy==1.9.3 && pip3.10 install scipy==1.13.0\n",
        [
            ("Dockerfile", "3.10", "interpreter", ()),
            ("Dockerfile#venv /v", "3.8", "interpreter", ()),
            ("Dockerfile#python3.8", "3.8", "interpreter", ()),
        ],
        {
            "scipy==1.10.1": "Dockerfile#venv /v",
            "scipy==1.9.3": "Dockerfile#python3.8",
            "scipy==1.13.0": "Dockerfile",
        },
    ),
    (
        "virtualenv -p python3.8, then the venv's python -m pip",
        "FROM ubuntu:20.04\nRUN apt-get install -y python3-pip python3.8 virtualenv\n"
        "RUN virtualenv -p python3.8 /env && /env/bin/python -m pip install scipy==1.10.1\n",
        [
            ("Dockerfile", "3.8", "apt", ()),
            ("Dockerfile#venv /env", "3.8", "interpreter", ()),
        ],
        {"scipy==1.10.1": "Dockerfile#venv /env"},
    ),
    (
        "ENV VIRTUAL_ENV and uv pip install: that venv",
        "FROM python:3.11\nENV VIRTUAL_ENV=/opt/venv\nRUN uv venv --python 3.12 $VIRTUAL_ENV\n"
        "RUN uv pip install numpy==2.1.0\nRUN uv pip install --system numpy==1.26.4\n",
        [
            ("Dockerfile", "3.11", "image", ()),
            ("Dockerfile#venv /opt/venv", "3.12", "interpreter", ()),
        ],
        {"numpy==2.1.0": "Dockerfile#venv /opt/venv", "numpy==1.26.4": "Dockerfile"},
    ),
    (
        "a named stage; a venv relative to WORKDIR (uv venv makes .venv)",
        "FROM python:3.10 AS builder\nWORKDIR /app\nRUN uv venv\n"
        "RUN .venv/bin/pip install numpy==1.26.4\n",
        [
            ("Dockerfile#builder", "3.10", "image", ()),
            ("Dockerfile#builder, venv /app/.venv", "3.10", "image", ()),
        ],
        {"numpy==1.26.4": "Dockerfile#builder, venv /app/.venv"},
    ),
    (
        "a stage built FROM another knows its venvs",
        "FROM python:3.10 AS base\nRUN python3.10 -m venv /v\n"
        "FROM base AS app\nRUN /v/bin/pip install numpy==1.26.4\n",
        [
            ("Dockerfile#base", "3.10", "image", ()),
            ("Dockerfile#app", "3.10", "image", ()),
            ("Dockerfile#app, venv /v", "3.10", "interpreter", ()),
        ],
        {"numpy==1.26.4": "Dockerfile#app, venv /v"},
    ),
    (
        "a pip of some other installation (not made here) is the stage's own",
        "FROM continuumio/miniconda3\nRUN /opt/conda/bin/pip install numpy==1.26.4\n"
        "RUN /opt/other/bin/pip install scipy==1.13.0\n",
        [("Dockerfile", None, "", ())],
        {"numpy==1.26.4": "Dockerfile", "scipy==1.13.0": "Dockerfile"},
    ),
]


@pytest.mark.parametrize(("case", "text", "stages", "envs"), CASES, ids=[c[0] for c in CASES])
def test_environments_of_a_stage(
    case: str,
    text: str,
    stages: list[tuple[str, str | None, str, tuple[str, ...]]],
    envs: dict[str, str],
) -> None:
    manifest = DockerfileParser().parse("Dockerfile", text)
    assert not manifest.errors, case
    got = [(s.label, s.python, s.python_how, s.installs) for s in manifest.stages]
    assert got == stages
    placed = {r.raw: r.environment for r in manifest.requirements}
    assert {raw: placed.get(raw) for raw in envs} == envs


def test_an_environment_within_a_stage_points_at_it() -> None:
    stages = DockerfileParser().parse("Dockerfile", PETASTORM).stages
    assert [s.within for s in stages] == [None, "Dockerfile", "Dockerfile", "Dockerfile"]
    venv = stages[2]
    assert venv.python_at is not None and venv.python_at.line == 5
    assert venv.python_text == "python3.7 -m venv /petastorm_venv3.7"


def test_each_venv_has_its_own_python_target() -> None:
    snapshot = build_snapshot({"Dockerfile": PETASTORM})
    assert [t.python for t in targets_for_environment(snapshot, V37)] == ["3.7"]
    assert [t.python for t in targets_for_environment(snapshot, V39)] == ["3.9"]


def test_a_requirements_file_takes_the_python_of_the_venv_that_installs_it() -> None:
    dockerfile = (
        "FROM python:3.12\nRUN python3.9 -m venv /v\nCOPY requirements.txt .\n"
        "RUN /v/bin/pip install -r requirements.txt\n"
    )
    snapshot = build_snapshot({"Dockerfile": dockerfile, "requirements.txt": "numpy\n"})
    assert [t.python for t in targets_for_environment(snapshot, "requirements.txt")] == ["3.9"]


def test_pins_in_two_venvs_do_not_conflict_and_each_venv_is_checked_on_its_python() -> None:
    # petastorm #715 made exactly this change: each venv's pins resolve on its own Python
    head = PETASTORM
    base = PETASTORM.replace("numpy==1.19.1", "numpy==1.20.1").replace(
        "numpy==1.19.3", "numpy==1.20.1"
    )
    review = review_trees({"Dockerfile": base}, {"Dockerfile": head})
    assert [(f.category, f.message) for f in review.findings if f.severity == "error"] == []
    # the other way round: numpy 1.20.1 next to tensorflow 2.5.0 in the 3.9 venv still breaks
    review = review_trees({"Dockerfile": head}, {"Dockerfile": base})
    errors = [f for f in review.findings if f.severity == "error"]
    assert [(f.category, f.line) for f in errors] == [("conflict", 12)]


@pytest.mark.parametrize(("compiler", "expected"), [("gcc", True), ("curl", False)])
def test_a_compiler_the_stage_installs_serves_its_venvs(compiler: str, expected: bool) -> None:
    text = (
        f"FROM python:3.12-slim\nRUN micromamba install -y {compiler}\n"
        "RUN python3.12 -m venv /v && /v/bin/pip install numpy==1.19.1\n"
    )
    snapshot = build_snapshot({"Dockerfile": text})
    venv = snapshot.files["Dockerfile"].stages[-1]
    assert venv.label == "Dockerfile#venv /v"
    assert may_install_compiler(snapshot, venv) is expected
