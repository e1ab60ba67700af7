"""A Dockerfile line that is no instruction: docker build stops ('unknown instruction').

Real case: InternLM/lmdeploy docker/Dockerfile_aarch64_ascend (PR #2664's parent) ended a RUN
line with `&&` and no backslash, leaving `rm -f $TOOLKIT_PKG …` as a line of its own; commit
538f6187 added the backslash 1.5 hours later.
"""

from __future__ import annotations

import pytest

from rules.manifests.dockerfile import DockerfileParser

CASES = [
    (
        "a RUN that lost its backslash",
        "FROM python:3.11\nRUN ./install.sh &&\n    rm -f pkg.run\n",
        [(3, "'rm'")],
    ),
    ("instructions in any case, indented", "from python:3.11\n  run echo hi\nWorkDir /app\n", []),
    ("a heredoc body is not an instruction", "FROM python:3.11\nRUN <<EOF\nset -e\nEOF\n", []),
    ("continuations with a blank line", "FROM python:3.11\nRUN echo \\\n\n  hi\n", []),
    ("comments and parser directives", "# syntax=docker/dockerfile:1\nFROM python:3.11\n", []),
    (
        "every instruction of the reference",
        "FROM python:3.11\nLABEL a=b\nMAINTAINER x\nEXPOSE 80\nENV A=1\nADD a /a\nCOPY b /b\n"
        'ENTRYPOINT ["x"]\nCMD ["y"]\nVOLUME /v\nUSER u\nWORKDIR /w\nARG B\nONBUILD RUN x\n'
        'STOPSIGNAL SIGTERM\nHEALTHCHECK NONE\nSHELL ["/bin/sh", "-c"]\n',
        [],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_unknown_instructions(name: str, text: str, expected: list[tuple[int, str]]) -> None:
    errors = DockerfileParser().parse("Dockerfile", text).errors
    assert [(e.line, e.message.split("got ")[1].split(" ")[0]) for e in errors] == expected
    assert all(e.rule == "parse-error" and e.severity == "error" for e in errors)
