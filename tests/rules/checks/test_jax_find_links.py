"""jax-cuda-mismatch (``find-links:``): a jax CUDA extra whose local-version jaxlib only jax's
find-links page serves, in an environment without that page.

xai-org/grok-1 commit e50578b moved ``-f https://storage.googleapis.com/jax-releases/
jax_cuda_releases.html`` onto the ``jax[cuda12_pip]==0.4.25`` line, where pip ignores it; issue
#106: "Could not find a version that satisfies the requirement jaxlib==0.4.25+cuda12.cudnn89".
jax 0.4.25's METADATA: ``jaxlib ==0.4.25+cuda12.cudnn89 ; extra == 'cuda12_pip'``
(rules/kb/data/jax_local_jaxlib.json).
"""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.checks.jax_cuda import RULES
from rules.kb.jax_local import local_jaxlib
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]
PAGE = "https://storage.googleapis.com/jax-releases/jax_cuda_releases.html"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (f"dm_haiku==0.0.12\njax[cuda12_pip]==0.4.25 -f {PAGE}\nnumpy==1.26.4\n", True),  # grok
        (f"-f {PAGE}\njax[cuda12_pip]==0.4.25\n", False),  # grok's base: the page on its own line
        ("jax[cuda11_pip]==0.4.14\n", True),
        ("jax[cuda12]==0.4.25\n", False),  # cuda12: plain jaxlib from PyPI plus plugins
        ("jax[cuda12_pip]==0.4.30\n", False),  # 0.4.30: no extra needs a local jaxlib
        ("jax[cuda12_pip]>=0.4.20\n", False),  # a range: not judged
        # named itself: not the extra's finding, but the jaxlib build still needs the page
        ("jax[cuda12_pip]==0.4.25\njaxlib==0.4.25+cuda12.cudnn89\n", True),
        ("--index-url https://mirror.example.invalid/simple\njax[cuda12_pip]==0.4.25\n", False),
    ],
)
def test_local_jaxlib_needs_the_find_links_page(text: str, found: bool) -> None:
    findings = [
        f
        for f in run(RULE, build_snapshot({"requirements.txt": text}))
        if ":find-links:" in f.fingerprint
    ]
    assert len(findings) == (1 if found else 0)
    for finding in findings:
        assert "jaxlib==" in finding.message and PAGE in (finding.fix or "")


def test_local_jaxlib_reading() -> None:
    found = local_jaxlib(Version("0.4.25"), ("cuda12_pip",))
    assert found is not None and found.requirement == "jaxlib==0.4.25+cuda12.cudnn89"
    assert local_jaxlib(Version("0.4.25"), ("cuda12",)) is None
    assert local_jaxlib(Version("0.4.31"), ("cuda12_pip",)) is None
    assert local_jaxlib(Version("99.0"), ("cuda12_pip",)) is None


def test_script_reads_requirement_lines() -> None:
    from scripts.jax_local_jaxlib_from_index import local_jaxlib as read_line
    from scripts.jax_local_jaxlib_from_index import requires_txt

    assert read_line("jaxlib ==0.4.25+cuda12.cudnn89 ; extra == 'cuda12_pip'") == (
        "cuda12-pip",
        "jaxlib==0.4.25+cuda12.cudnn89",
    )
    assert read_line("jaxlib ==0.4.25 ; extra == 'cuda12'") is None
    assert read_line("numpy>=1.22") is None
    assert requires_txt("numpy\n\n[cuda11_pip]\njaxlib==0.4.7+cuda11.cudnn86\n") == [
        "numpy",
        "jaxlib==0.4.7+cuda11.cudnn86; extra == 'cuda11_pip'",
    ]


ISLANDER = (
    "name: scIntegrater\nchannels:\n  - defaults\ndependencies:\n  - python=3.9.18\n  - pip:\n"
)


@pytest.mark.parametrize(
    ("files", "found"),
    [
        # Genentech/Islander env.yml (7a1c6c80): a conda env whose pip: block pins the
        # jaxlib CUDA build with no page: issue #1, "Pip failed"
        ({"env.yml": ISLANDER + "      - jax==0.4.20\n      - jaxlib==0.4.20+cuda11.cudnn86\n"}, 1),
        ({"requirements.txt": "jaxlib==0.4.19+cuda11.cudnn86\n"}, 1),
        ({"requirements.txt": f"-f {PAGE}\njaxlib==0.4.19+cuda11.cudnn86\n"}, 0),
        (
            {
                "requirements.txt": "--extra-index-url https://mirror.example.invalid/simple\n"
                "jaxlib==0.4.19+cuda11.cudnn86\n"
            },
            0,
        ),  # another index might mirror the page
        ({"requirements.txt": "jaxlib==0.4.19\n"}, 0),  # PyPI's own build
        (
            {
                "requirements.txt": "jaxlib @ https://storage.googleapis.com/jax-releases/cuda11/"
                "jaxlib-0.4.19+cuda11.cudnn86-cp39-cp39-manylinux2014_x86_64.whl\n"
            },
            0,
        ),
        ({"env.yml": ISLANDER + f"      - -f {PAGE}\n      - jaxlib==0.4.20+cuda11.cudnn86\n"}, 0),
    ],
)
def test_a_jaxlib_build_needs_the_find_links_page(files: dict[str, str], found: int) -> None:
    findings = [f for f in run(RULE, build_snapshot(files)) if f.fingerprint.endswith(":build")]
    assert len(findings) == found
    for finding in findings:
        assert "No matching distribution" in finding.message and PAGE in (finding.fix or "")
