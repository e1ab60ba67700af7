"""A new finding is reported on a line the change touched when its own file is unchanged.

bucketeer-io/bucketeer Renovate PR #222 bumped numpy to 1.22.0 in python/requirements.txt
(Requires-Python >=3.8); python/Dockerfile, unchanged, installs it on python:3.7.6-slim-buster.
The problem is the Dockerfile's Python meeting the bumped pin: the annotation belongs on the
bumped line (in the diff), and on the Dockerfile's FROM line when an image bump is the change.
"""

from __future__ import annotations

from rules.review import review_trees

DOCKERFILE = (
    "FROM python:3.7.6-slim-buster\nCOPY requirements.txt /app/\n"
    "RUN pip install -r /app/requirements.txt\n"
)


def _found(base: dict[str, str], head: dict[str, str]) -> list[tuple[str | None, int | None]]:
    review = review_trees(base, head)
    return [
        (f.file, f.line)
        for f in review.findings
        if f.new and f.rule == "python-version-incompatible"
    ]


def test_a_requirement_bump_is_reported_at_the_bumped_line() -> None:
    base = {"Dockerfile": DOCKERFILE, "requirements.txt": "pandas==1.3.5\nnumpy==1.21.5\n"}
    head = {"Dockerfile": DOCKERFILE, "requirements.txt": "pandas==1.3.5\nnumpy==1.22.0\n"}
    assert _found(base, head) == [("requirements.txt", 2)]
    (finding,) = [f for f in review_trees(base, head).findings if f.new and f.package == "numpy"]
    assert "(Dockerfile, where it was found, is unchanged)" in finding.evidence[-1]
    assert finding.also_at == (("Dockerfile", 1),)  # the other end of the same problem


def test_an_image_change_stays_at_the_image() -> None:
    base = {
        "Dockerfile": DOCKERFILE.replace("3.7.6", "3.9.18"),
        "requirements.txt": "numpy==1.22.0\n",
    }
    head = {"Dockerfile": DOCKERFILE, "requirements.txt": "numpy==1.22.0\n"}
    assert _found(base, head) == [("Dockerfile", 1)]


def test_a_pre_existing_finding_is_not_moved() -> None:
    files = {"Dockerfile": DOCKERFILE, "requirements.txt": "numpy==1.22.0\n"}
    head = {**files, "requirements.txt": "numpy==1.22.0\nrequests==2.31.0\n"}
    review = review_trees(files, head)
    old = [f for f in review.findings if f.rule == "python-version-incompatible"]
    assert [(f.new, f.file) for f in old] == [(False, "Dockerfile")]
