"""The worker reads the pip.conf a Dockerfile copies in (not a dependency file by name), so
that its index settings count (in the fake GitHub: no network). The shape of
alibaba/TorchEasyRec@00d86726e45e02e204eb30f7b86e570fcb633b13:docker/Dockerfile."""

from __future__ import annotations

from rules.checks.support.indexes import indexes_for
from tests.fakes.github import FakeGitHub
from worker.review.inputs import read_side

SHA = "a" * 40
DOCKERFILE = (
    "FROM ubuntu:22.04\nADD pip.conf /root/.config/pip/pip.conf\nRUN pip install torchrec==1.2.0\n"
)
ALIYUN = "http://mirrors.aliyun.com/pypi/simple"
CONF = f"[global]\nindex-url = {ALIYUN}\n"


def test_a_copied_pip_conf_is_fetched_and_read() -> None:
    fake = FakeGitHub()
    fake.commit(
        SHA,
        {"docker/Dockerfile": DOCKERFILE, "docker/pip.conf": CONF, "docker/x.py": "print()\n"},
    )
    side = read_side(fake, SHA, "head")
    assert set(side.tree.files) == {"docker/Dockerfile", "docker/pip.conf"}
    found = indexes_for(side.snapshot, "docker/Dockerfile")
    assert [(i.url, i.location.line) for i in found] == [(ALIYUN, 2)]


def test_an_absent_pip_conf_asks_for_nothing_more() -> None:
    fake = FakeGitHub()
    fake.commit(SHA, {"docker/Dockerfile": DOCKERFILE})
    side = read_side(fake, SHA, "head")
    assert set(side.tree.files) == {"docker/Dockerfile"}
    assert indexes_for(side.snapshot, "docker/Dockerfile") == []
