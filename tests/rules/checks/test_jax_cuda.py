"""jax-cuda-mismatch: positive and negative cases."""

from __future__ import annotations

import pytest

from rules.checks.jax_cuda import RULES
from rules.findings import Finding
from rules.manifests.model import FactKind, IndexKind, Snapshot
from tests.rules.checks.mlsnap import base_image, fact, index, req, run, snap

RULE = RULES[0]

CASES: list[tuple[str, Snapshot, list[tuple[str, str]]]] = [
    (
        "jaxlib newer than jax",
        snap(req("jax==0.4.30"), req("jaxlib==0.4.31")),
        [("jaxlib", "error")],
    ),
    (
        "plugin older than jax",
        snap(req("jax==0.4.31"), req("jax-cuda12-plugin==0.4.30")),
        [("jax-cuda12-plugin", "warning")],
    ),
    (
        "one version everywhere",
        snap(req("jax==0.4.31"), req("jaxlib==0.4.31"), req("jax-cuda12-plugin==0.4.31")),
        [],
    ),
    (
        "CUDA 11 extra after 0.4.26",
        snap(req("jax==0.4.30", extras=("cuda11_pip",))),
        [("jax", "error")],
    ),
    (
        "CUDA 11 extra before 0.4.26 (with jax's find-links page for its local jaxlib)",
        snap(
            req("jax==0.4.25", extras=("cuda11_pip",)),
            index(
                "https://storage.googleapis.com/jax-releases/jax_cuda_releases.html",
                kind=IndexKind.FIND_LINKS,
            ),
        ),
        [],
    ),
    (
        "cuda12_local spelled cuda12-local after 0.6.0",
        snap(req("jax==0.6.0", extras=("cuda12_local",))),
        [],
    ),
    ("cuda13 before 0.7.0", snap(req("jax==0.6.2", extras=("cuda13",))), [("jax", "error")]),
    (
        "cuDNN 8 note with jax[cuda12_local] 0.4.31 (needs >=9.1)",
        snap(
            req("jax==0.4.31", extras=("cuda12_local",)),
            fact(FactKind.CUDNN, "8.9", "requirements.txt"),
        ),
        [("jax", "error")],
    ),
    (
        "cuDNN 8 note with a jax-cuda12-plugin lacking [with-cuda]",
        snap(
            req("jax==0.4.31"),
            req("jax-cuda12-plugin==0.4.31"),
            fact(FactKind.CUDNN, "8.9", "requirements.txt"),
        ),
        [("jax", "error")],
    ),
    # found dogfooding: jax[cuda12] installs nvidia-cudnn-cu12 from pip, the image's is unused
    (
        "jax[cuda12] 0.4.31 with a cuDNN 8 note (a cudnn8 image)",
        snap(
            req("jax==0.4.31", extras=("cuda12",)), fact(FactKind.CUDNN, "8.9", "requirements.txt")
        ),
        [],
    ),
    (
        "jax-cuda12-plugin[with-cuda] with a cuDNN 8 note",
        snap(
            req("jax==0.4.31"),
            req("jax-cuda12-plugin==0.4.31", extras=("with_cuda",)),
            fact(FactKind.CUDNN, "8.9", "requirements.txt"),
        ),
        [],
    ),
    (
        "cuDNN 9.1 note with jax 0.4.31",
        snap(
            req("jax==0.4.31", extras=("cuda12",)), fact(FactKind.CUDNN, "9.1", "requirements.txt")
        ),
        [],
    ),
    (
        "cuda12-local on a CUDA 11.8 image",
        snap(
            req("jax==0.6.0", extras=("cuda12-local",)),
            base_image("nvidia/cuda:11.8.0-base-ubuntu22.04"),
        ),
        [("jax", "error")],
    ),
    (
        "cuda12 (pip CUDA) on a CUDA 13 image is not this rule's concern",
        snap(
            req("jax==0.8.0", extras=("cuda12",)), base_image("nvidia/cuda:13.0.1-base-ubuntu24.04")
        ),
        [],
    ),
    # a jax range installs the jax of the pinned jaxlib (0.4.31), which has no cuda11_pip
    # extra (CUDA 11 dropped in 0.4.26): CPU-only jax. Before ranges were read: no finding.
    (
        "jax range held to the pinned jaxlib's release",
        snap(req("jax>=0.4", extras=("cuda11_pip",)), req("jaxlib==0.4.31")),
        [("jax", "error")],
    ),
    (
        "jax range with a CUDA 11 extra its releases offered",
        snap(req("jax>=0.4.20,<0.4.26", extras=("cuda11_pip",))),
        [],
    ),
]


JAXLIB_CASES: list[tuple[str, Snapshot, list[tuple[str, str]]]] = [
    (
        "jaxlib +cuda12.cudnn89 on a cuDNN 9 system",
        snap(
            req("jax==0.4.23"),
            req("jaxlib==0.4.23+cuda12.cudnn89"),
            fact(FactKind.CUDNN, "9.1", "requirements.txt"),
        ),
        [("jaxlib", "error")],
    ),
    (
        "jaxlib +cuda12.cudnn89 with cuDNN from pip (cuda12_pip)",
        snap(
            req("jax==0.4.23"),
            req("jaxlib==0.4.23+cuda12.cudnn89"),
            req("nvidia-cudnn-cu12==8.9.7.29"),
            fact(FactKind.CUDNN, "9.1", "requirements.txt"),
        ),
        [],
    ),
    (
        # jax-ml/jax#15742: 'Loaded runtime CuDNN library: 8.4.1 but source was compiled
        # with: 8.6.0 ... equal or higher minor version'
        "jaxlib +cuda11.cudnn86 with cuDNN 8.4 declared (older minor)",
        snap(
            req("jax==0.4.14"),
            req("jaxlib==0.4.14+cuda11.cudnn86"),
            fact(FactKind.CUDNN, "8.4", "requirements.txt"),
        ),
        [("jaxlib", "error")],
    ),
    (
        "jaxlib +cuda11.cudnn86 with cuDNN 8.9 declared (newer minor)",
        snap(
            req("jax==0.4.14"),
            req("jaxlib==0.4.14+cuda11.cudnn86"),
            fact(FactKind.CUDNN, "8.9", "requirements.txt"),
        ),
        [],
    ),
    (
        "jaxlib +cuda11.cudnn86 on a CUDA 12.1 image",
        snap(
            req("jax==0.4.20"),
            req("jaxlib==0.4.20+cuda11.cudnn86"),
            base_image("nvidia/cuda:12.1.1-runtime-ubuntu22.04"),
        ),
        [("jaxlib", "error")],
    ),
    (
        "jaxlib +cuda12.cudnn89 on a CUDA 12.1 / cuDNN 8.9 system",
        snap(
            req("jax==0.4.23"),
            req("jaxlib==0.4.23+cuda12.cudnn89"),
            base_image("nvidia/cuda:12.1.1-runtime-ubuntu22.04"),
            fact(FactKind.CUDNN, "8.9", "requirements.txt"),
        ),
        [],
    ),
    (
        # a range is judged by the release it installs: 0.6.2 needs cuDNN >= 9.8 (jax
        # CHANGELOG 0.6.0, jax-cuda12-plugin METADATA; KB audit W6)
        "jax[cuda12_local] range picking 0.6.2 with a cuDNN 9.5 note",
        snap(
            req("jax>=0.6,<0.7", extras=("cuda12_local",)),
            fact(FactKind.CUDNN, "9.5", "requirements.txt"),
        ),
        [("jax", "error")],
    ),
]


def _not_page(findings: list[Finding]) -> list[Finding]:
    """Without the build's own finding that no index names jax's find-links page (these
    snapshots name none: test_jax_find_links.py judges that)."""
    return [f for f in findings if not f.fingerprint.endswith(":build")]


@pytest.mark.parametrize(
    ("name", "snapshot", "expected"), JAXLIB_CASES, ids=[c[0] for c in JAXLIB_CASES]
)
def test_jaxlib_builds_and_ranges(
    name: str, snapshot: Snapshot, expected: list[tuple[str, str]]
) -> None:
    findings = _not_page(run(RULE, snapshot))
    assert [(f.package, f.severity.value) for f in findings] == expected


@pytest.mark.parametrize(("name", "snapshot", "expected"), CASES, ids=[c[0] for c in CASES])
def test_jax_cuda(name: str, snapshot: Snapshot, expected: list[tuple[str, str]]) -> None:
    findings = run(RULE, snapshot)
    assert [(f.package, f.severity.value) for f in findings] == expected
    for found in findings:
        assert found.category == "jax-cuda-mismatch" and found.fix and found.line and found.evidence


def _cudnn_image(image: str) -> list:  # type: ignore[type-arg]
    """`FROM image` with the cuDNN major its tag names (what the Dockerfile parser records)."""
    major = image.split("-cudnn", 1)[1].split("-", 1)[0]
    return [*base_image(image), fact(FactKind.CUDNN, major, "Dockerfile", detail=image)]


# jaxlib +cudnnNN builds against the cuDNN release NVIDIA's image of that tag installs
# (cuda_image_cudnn.json): (jaxlib pin, image, severities).
IMAGE_CUDNN: list[tuple[str, str, list[str]]] = [
    # alphafold: 0.4.25+cuda11.cudnn86 on 11.1.1-cudnn8 (cuDNN 8.0.5): older minor
    ("jaxlib==0.4.25+cuda11.cudnn86", "nvidia/cuda:11.1.1-cudnn8-runtime-ubuntu18.04", ["error"]),
    ("jaxlib==0.4.25+cuda11.cudnn86", "nvidia/cuda:11.4.2-cudnn8-devel-ubuntu20.04", ["error"]),
    ("jaxlib==0.3.25+cuda11.cudnn805", "nvidia/cuda:11.1.1-cudnn8-runtime-ubuntu18.04", []),
    ("jaxlib==0.3.25+cuda11.cudnn82", "nvidia/cuda:11.4.2-cudnn8-runtime-ubuntu20.04", []),
    # a tag the data does not hold: only the major is known, and it matches
    ("jaxlib==0.4.25+cuda12.cudnn89", "nvidia/cuda:12.2.2-cudnn8-runtime-ubuntu22.04", []),
]


@pytest.mark.parametrize(("pin", "image", "expected"), IMAGE_CUDNN)
def test_jaxlib_cudnn_against_the_image_release(pin: str, image: str, expected: list[str]) -> None:
    findings = _not_page(run(RULE, snap(req(pin), _cudnn_image(image))))
    assert [f.severity.value for f in findings] == expected
    for found in findings:
        assert "cuda_image_cudnn.json" in " ".join(found.evidence)


@pytest.mark.parametrize(
    ("jax", "jaxlib", "found"),
    [
        # instadeepai/Mava PR #771: jax<=0.3.15 beside an unpinned jaxlib
        ("jax<=0.3.15", "jaxlib", True),
        ("jax<=0.4.20", "jaxlib>=0.4.13", False),  # Python 3.8 gets jaxlib 0.4.13
        ("jax<=0.4.20", "jaxlib>=0.4.21", True),  # 3.9 on: 0.4.30 or newer
        ("jax<=0.4.20", "jaxlib<=0.4.20", False),  # a jaxlib the jax accepts exists
        ("jax>=0.4.30", "jaxlib", False),  # those require their own jaxlib
        ("jax", "jaxlib", False),  # the newest jax requires its jaxlib
        ("jax<=0.3.15", "jaxlib==0.4.13", False),  # an exact jaxlib: _pairing's (with a pin)
    ],
)
def test_a_jax_range_that_leaves_jaxlib_to_the_newest(jax: str, jaxlib: str, found: bool) -> None:
    snapshot = snap(req(jax, "setup.py", line=1), req(jaxlib, "setup.py", line=2))
    findings = [f for f in run(RULE, snapshot) if "fresh-jaxlib" in f.fingerprint]
    assert len(findings) == (1 if found else 0)
    for finding in findings:
        assert (finding.severity.value, finding.package, finding.line) == ("error", "jaxlib", 2)
        assert "is newer than and incompatible with jax version" in finding.message
