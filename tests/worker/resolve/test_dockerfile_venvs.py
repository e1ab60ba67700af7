"""Resolution inputs of a Dockerfile stage with several venvs: one input each, nothing merged."""

from __future__ import annotations

from rules.manifests.snapshot import build_snapshot
from worker.resolve.inputs import inputs_for
from worker.resolve.targets import environment_targets

#: The shape of uber/petastorm's docker/Dockerfile (PR #715): plain pip next to two venvs.
DOCKERFILE = """\
FROM python:3.9
RUN pip install --index-url https://mirror.example/simple numpy==1.26.4
RUN python3.7 -m venv /v37
RUN /v37/bin/pip3.7 install numpy==1.19.1 tensorflow==2.1.0
RUN python3.9 -m venv /v39
RUN /v39/bin/pip3.9 install --extra-index-url https://other.example/simple numpy==1.19.3
"""


def test_each_venv_is_an_input_of_its_own_without_the_stage_s_installs() -> None:
    snapshot = build_snapshot({"Dockerfile": DOCKERFILE})
    inputs = {i.environment: i for i in inputs_for(snapshot)}
    got = {
        env: (sorted(r.raw for r in i.requirements), [x.url for x in i.indexes])
        for env, i in inputs.items()
    }
    assert got == {
        "Dockerfile": (["numpy==1.26.4"], ["https://mirror.example/simple"]),
        "Dockerfile#venv /v37": (["numpy==1.19.1", "tensorflow==2.1.0"], []),
        "Dockerfile#venv /v39": (["numpy==1.19.3"], ["https://other.example/simple"]),
    }


def test_each_venv_resolves_for_the_python_that_made_it() -> None:
    snapshot = build_snapshot({"Dockerfile": DOCKERFILE})
    minors = {
        env: [t.minor for t in environment_targets(snapshot, None, env)]
        for env in ("Dockerfile", "Dockerfile#venv /v37", "Dockerfile#venv /v39")
    }
    assert minors == {
        "Dockerfile": ["3.9"],
        "Dockerfile#venv /v37": ["3.7"],
        "Dockerfile#venv /v39": ["3.9"],
    }


def test_an_index_the_stage_sets_is_an_index_of_its_installs() -> None:
    """ENV PIP_EXTRA_INDEX_URL (and pip config set) serve the stage's later pip installs, so the
    resolver gets them as it gets a `--extra-index-url` of the command (the allow-list and the
    egress proxy judge them like any other index)."""
    dockerfile = (
        "FROM python:3.11\n"
        "ENV PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cu118\n"
        "RUN pip install torch==2.1.0+cu118\n"
    )
    (found,) = inputs_for(build_snapshot({"Dockerfile": dockerfile}))
    assert [(i.url, i.location.line) for i in found.indexes] == [
        ("https://download.pytorch.org/whl/cu118", 2)
    ]
