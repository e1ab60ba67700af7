"""The pure transform of the wheel listings (rules/kb/build_wheels.py), on recorded snippets.

Each record below is copied from tests/fixtures/compat/pypi_wheels.json (the package index's
JSON listing, and for TensorFlow the METADATA of the named wheel).
"""

from __future__ import annotations

from typing import Any

import pytest

from rules.kb.build_wheels import WheelSourceError, build_wheels, release_pythons

PYTHON_CASES: list[tuple[str, list[str], tuple[str, str | None]]] = [
    (
        "numpy 2.3.0: cp tags, free-threaded, PyPy left out",
        ["cp311-cp311", "cp312-cp312", "cp313-cp313", "cp313-cp313t", "pp311-pypy311_pp73"],
        ("3.11-3.13,3.13t", None),
    ),
    ("tokenizers 0.21.0: abi3 from 3.9", ["cp39-abi3"], ("", "abi3:3.9")),
    ("transformers 4.46.3: pure Python", ["py3-none"], ("", "py:3.0")),
    ("deepspeed 0.15.0: sdist only", [], ("", None)),
    (
        "tensorflow 2.0.0: Python 2 left out",
        ["cp27-cp27mu", "cp35-cp35m", "cp36-cp36m", "cp37-cp37m"],
        ("3.5-3.7", None),
    ),
]


@pytest.mark.parametrize(
    ("name", "tags", "expected"), PYTHON_CASES, ids=[c[0] for c in PYTHON_CASES]
)
def test_release_pythons(name: str, tags: list[str], expected: tuple[str, str | None]) -> None:
    assert release_pythons(tags) == expected


TF_2161: dict[str, Any] = {
    "uploaded": "2024-03-09",
    "requires_python": ">=3.9",
    "linux_x86_64": ["cp310-cp310", "cp311-cp311", "cp312-cp312", "cp39-cp39"],
    "sdist": False,
    "metadata_file": "tensorflow-2.16.1-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "metadata_read": "wheel METADATA (range read)",
    "metadata_requires_python": ">=3.9",
    "requires_dist_all": True,
    "requires_dist": [
        "keras >=3.0.0",
        'numpy <2.0.0,>=1.23.5 ; python_version <= "3.11"',
        'numpy <2.0.0,>=1.26.0 ; python_version >= "3.12"',
        "nvidia-cudnn-cu12 ==8.9.7.29 ; extra == 'and-cuda'",
        "nvidia-cuda-runtime-cu12 ==12.3.101 ; extra == 'and-cuda'",
    ],
}
TF_GPU_1155 = {
    "uploaded": "2021-01-06",
    "requires_python": None,
    "linux_x86_64": ["cp36-cp36m", "cp37-cp37m"],
    "sdist": False,
    "metadata_file": "tensorflow_gpu-1.15.5-cp37-cp37m-manylinux2010_x86_64.whl",
    "metadata_read": "wheel METADATA (range read)",
    "metadata_requires_python": None,
    "requires_dist": ["numpy (<1.19.0,>=1.16.0)", "protobuf (>=3.6.1)"],
}
TF_200 = {
    "uploaded": "2019-09-30",
    "requires_python": None,
    "linux_x86_64": ["cp27-cp27mu", "cp35-cp35m", "cp36-cp36m", "cp37-cp37m"],
    "sdist": False,
    "metadata_file": "tensorflow-2.0.0-cp37-cp37m-manylinux2010_x86_64.whl",
    "metadata_read": "metadata file",
    "metadata_requires_python": None,
    "requires_dist": ["numpy (<2.0,>=1.16.0)", "protobuf (>=3.6.1)"],
}


def _rec(tags: list[str], sdist: bool = True, **extra: Any) -> dict[str, Any]:
    return {
        "uploaded": "2024-01-01",
        "requires_python": ">=3.8",
        "linux_x86_64": tags,
        "sdist": sdist,
        **extra,
    }


def _source() -> dict[str, Any]:
    return {
        "source": [{"kind": "listing", "read_by": "scripts/wheels_from_index.py"}],
        "snapshot_date": "2026-12-03",
        "notes": [],
        "cross_checks": [],
        "packages": {
            "numpy": {
                "read_on": "2026-12-03",
                "releases": {
                    "2.3.0": _rec(["cp311-cp311", "cp313-cp313t"]),
                    "2.2.9": _rec(["cp310-cp310"], yanked=True),
                },
            },
            "deepspeed": {"read_on": "2026-12-03", "releases": {"0.15.0": _rec([])}},
            "transformers": {"read_on": "2026-12-03", "releases": {"4.46.3": _rec(["py3-none"])}},
            "apex": {"read_on": "2026-12-03", "releases": {}},
            "tensorflow": {
                "read_on": "2026-12-03",
                "releases": {"2.0.0": TF_200, "2.16.1": TF_2161},
            },
            "tensorflow-gpu": {"read_on": "2026-12-03", "releases": {"1.15.5": TF_GPU_1155}},
            "nvidia-cuda-runtime-cu13": {"read_on": "2026-12-03", "releases": {"0.0.1": _rec([])}},
            "nvidia-cuda-runtime": {"read_on": "2026-12-03", "releases": {"13.0.96": _rec([])}},
            "nvidia-cudnn-cu12": {"read_on": "2026-12-03", "releases": {"9.1.0.70": _rec([])}},
            "nvidia-cublas-cu13": {"read_on": "2026-12-03", "absent": True, "releases": {}},
        },
    }


TF_SOURCE = {
    "linux_gpu_tested_tensorflow_gpu_only": [
        {"tensorflow": "1.15.0", "cuda": "10.0", "cudnn": "7.4"},
    ]
}
TF_TEXT = (
    "TensorFlow 2.1.0 release notes: The `tensorflow` pip package now includes GPU support by "
    "default (same as `tensorflow-gpu`) for both Linux and Windows."
)


def _build(source: dict[str, Any] | None = None) -> dict[str, Any]:
    return build_wheels(source or _source(), TF_SOURCE, TF_TEXT)


def test_wheel_rows_keep_tags_yanked_and_whole_package_notes() -> None:
    data = _build()["wheels.json"]
    numpy = data["packages"]["numpy"]
    assert numpy["releases"] == [
        ["2.2.9", "3.10", None, ">=3.8", True, True],
        ["2.3.0", "3.11,3.13t", None, ">=3.8", True, False],
    ]
    notes = {name: entry["note"] for name, entry in data["packages"].items()}
    assert notes["deepspeed"].endswith("(sdist only: installs build from source)")
    assert notes["transformers"].startswith("py3-none wheels")
    assert notes["apex"] == "no final release in the recorded window"
    assert notes["numpy"] is None
    # numpy 3.10, 3.11, 3.13t; tensorflow 2.0.0 3.5-3.7, 2.16.1 3.9-3.12 (Python 2 left out)
    assert data["pythons_seen"] == "3.5-3.7,3.9-3.12,3.13t"


def test_tensorflow_rows_read_numpy_and_cuda_gpu_and_tested_builds() -> None:
    rows = _build()["tensorflow_wheels.json"]["packages"]
    tf = {r["version"]: r for r in rows["tensorflow"]}
    assert tf["2.16.1"]["numpy"] == TF_2161["requires_dist"][1:3]
    assert [line.split()[0] for line in tf["2.16.1"]["and_cuda"]] == [
        "nvidia-cudnn-cu12",
        "nvidia-cuda-runtime-cu12",
    ]
    assert tf["2.16.1"]["and_cuda_cuda_major"] == 12
    assert tf["2.16.1"]["source"].startswith(TF_2161["metadata_file"])
    assert (tf["2.0.0"]["gpu"], tf["2.16.1"]["gpu"]) == (False, True)
    assert tf["2.0.0"]["and_cuda"] == [] and tf["2.0.0"]["cpython_minors"] == "3.5-3.7"
    gpu = rows["tensorflow-gpu"][0]
    assert (gpu["gpu"], gpu["tested_cuda"], gpu["tested_cudnn"]) == (True, "10.0", "7.4")


def test_nvidia_rows_tell_the_cuda_major_by_suffix_or_version() -> None:
    rows = _build()["nvidia_wheels.json"]["packages"]
    assert rows["nvidia-cudnn-cu12"]["cuda_major"] == 12
    assert rows["nvidia-cuda-runtime"]["cuda_major"] is None
    assert rows["nvidia-cuda-runtime"]["version_majors"] == [13]
    assert rows["nvidia-cuda-runtime-cu13"]["placeholder_versions"] == ["0.0.1"]
    assert rows["nvidia-cuda-runtime-cu13"]["versions"] == []
    assert rows["nvidia-cublas-cu13"]["absent"] is True


def test_a_source_without_provenance_or_the_tensorflow_note_is_refused() -> None:
    broken = _source()
    del broken["snapshot_date"]
    with pytest.raises(WheelSourceError, match="snapshot_date"):
        _build(broken)
    with pytest.raises(WheelSourceError, match="no longer says"):
        build_wheels(_source(), TF_SOURCE, "something else")
    bad = _source()
    bad["packages"]["numpy"]["releases"]["not a version"] = _rec([])
    with pytest.raises(WheelSourceError, match="bad version"):
        _build(bad)


def test_tensorflow_rows_keep_every_install_requirement_of_a_complete_reading() -> None:
    rows = _build()["tensorflow_wheels.json"]["packages"]
    tf = {r["version"]: r for r in rows["tensorflow"]}
    # a reading that kept every line: all of them but the [and-cuda] extra's
    assert tf["2.16.1"]["requires"] == TF_2161["requires_dist"][:3]
    # a reading that kept only the numpy / nvidia / keras / protobuf lines: not complete
    assert tf["2.0.0"]["requires"] is None
