"""Per-Python wheel availability, TensorFlow wheels and NVIDIA wheel CUDA majors (accessors).

The facts asserted here are read from the package index listing recorded in
tests/fixtures/compat/pypi_wheels.json (file names and Requires-Python of each release).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from packaging.version import Version

from rules.kb import load_kb
from rules.kb.build_wheels import NVIDIA_DATA, TENSORFLOW_DATA, WHEELS_DATA, compact_entry
from rules.kb.nvidia_wheels import cuda_major, nvidia_wheel
from rules.kb.requires_dist import TopArchive
from rules.kb.schema import SOURCE_FILES
from rules.kb.tensorflow_wheels import tensorflow_wheel
from rules.kb.wheels import (
    TOP_FILE,
    WheelRelease,
    from_raw,
    has_wheel,
    load_wheels,
    pythons_with_wheels,
)
from scripts.kb_build import INDEX_SOURCE, OPTIONAL_SOURCES, build_data
from scripts.requires_top_from_index import write_archive

FIXTURES = Path(__file__).parent.parent.parent / "fixtures" / "compat"


def _sources() -> dict[str, Any]:
    names = (*SOURCE_FILES, *OPTIONAL_SOURCES)
    return {name: json.loads((FIXTURES / name).read_text("utf-8")) for name in names}


@pytest.mark.parametrize("name", [WHEELS_DATA, TENSORFLOW_DATA, NVIDIA_DATA])
def test_packaged_data_is_what_the_listing_builds(name: str) -> None:
    packaged = json.loads((resources.files("rules.kb") / "data" / name).read_text("utf-8"))
    assert packaged == build_data(_sources())[name]
    assert (
        packaged["provenance"]["snapshot_date"] == _sources()["pypi_wheels.json"]["snapshot_date"]
    )


def test_the_wheel_sources_do_not_change_the_other_tables() -> None:
    sources = _sources()
    without = {k: v for k, v in sources.items() if k != "pypi_wheels.json"}
    assert INDEX_SOURCE in without
    built, built_without = build_data(sources), build_data(without)
    assert {k: built[k] for k in built_without} == built_without


def _row(exact: frozenset[str], floor: str | None, requires: str | None) -> WheelRelease:
    return WheelRelease("x", Version("1.0"), exact, floor, requires, True, "test")


COVERS = [
    ("cp minor", _row(frozenset({"3.11"}), None, None), "3.11", True),
    ("other minor", _row(frozenset({"3.11"}), None, None), "3.12", False),
    ("abi3 above its floor", _row(frozenset(), "abi3:3.9", None), "3.14", True),
    ("abi3 below its floor", _row(frozenset(), "abi3:3.9", None), "3.8", False),
    ("abi3 not on free-threaded", _row(frozenset(), "abi3:3.9", None), "3.13t", False),
    ("py3-none on free-threaded", _row(frozenset(), "py:3.0", None), "3.13t", True),
    ("Requires-Python excludes", _row(frozenset(), "py:3.0", ">=3.9"), "3.8", False),
    ("Requires-Python patch floor", _row(frozenset(), "py:3.0", ">=3.8.1"), "3.8", True),
    ("Requires-Python cap", _row(frozenset({"3.12"}), None, "<3.12"), "3.12", False),
]


@pytest.mark.parametrize(("name", "row", "python", "expected"), COVERS, ids=[c[0] for c in COVERS])
def test_release_covers(name: str, row: WheelRelease, python: str, expected: bool) -> None:
    assert row.covers(python) is expected


# (package, version, python, has a wheel): from the recorded listing's file names
HAS_WHEEL = [
    ("numpy", "1.26.4", "3.12", True),
    ("numpy", "1.26.4", "3.13", False),
    ("numpy", "2.3.0", "3.13t", True),
    ("numpy", "2.3.0", "3.10", False),
    ("tensorflow", "2.15.0", "3.12", False),
    ("tensorflow", "2.16.1", "3.12.3", True),
    ("tensorflow-gpu", "1.15.5", "3.8", False),
    ("tokenizers", "0.21.0", "3.14", True),
    ("transformers", "4.46.3", "3.13", True),
    ("deepspeed", "0.15.0", "3.11", False),
    ("torch", "2.5.1+cu121", "3.13", True),
    ("scipy", "1.11.4", "3.13", False),
]


@pytest.mark.parametrize(("package", "version", "python", "expected"), HAS_WHEEL)
def test_has_wheel(package: str, version: str, python: str, expected: bool) -> None:
    assert has_wheel(package, version, python) is expected
    assert load_kb().has_wheel(package, version, python) is expected


@pytest.mark.parametrize(
    ("package", "version", "python"),
    [("numpy", "0.1", "3.11"), ("not-a-package", "1.0", "3.11"), ("numpy", "1.26.4", "pypy")],
)
def test_unknown_gives_none(package: str, version: str, python: str) -> None:
    assert has_wheel(package, version, python) is None


def test_pythons_with_wheels_expands_open_floors_to_known_minors() -> None:
    table = load_wheels()
    assert pythons_with_wheels("numpy", "1.26.4") == frozenset({"3.9", "3.10", "3.11", "3.12"})
    tokenizers = pythons_with_wheels("tokenizers", "0.21.0")
    assert tokenizers is not None
    assert tokenizers == {
        p for p in table.pythons_seen if not p.endswith("t") and int(p.split(".")[1]) >= 9
    }
    assert pythons_with_wheels("deepspeed", "0.15.0") == frozenset()
    assert pythons_with_wheels("numpy", "0.1") is None


def test_every_listed_package_has_rows_or_a_note() -> None:
    table = load_wheels()
    for name, rows in table.packages.items():
        assert rows or table.note(name), name
        assert list(rows) == sorted(rows, key=lambda r: r.version)
    assert "sdist only" in (table.note("flash-attn") or "")


def test_tensorflow_wheel_numpy_and_cuda_and_gpu() -> None:
    tf = tensorflow_wheel("tensorflow", "2.16.1")
    assert tf is not None
    assert tf.numpy_requirement("3.11") == "<2.0.0,>=1.23.5"
    assert tf.numpy_requirement("3.12") == "<2.0.0,>=1.26.0"
    assert tf.numpy_requirement() is None  # differs by Python
    assert tf.and_cuda_cuda_major == 12
    assert tf.and_cuda_pins()["nvidia-cudnn-cu12"] == "==8.9.7.29"
    assert tf.source.startswith("tensorflow-2.16.1-")
    old = tensorflow_wheel("tensorflow", "2.0.0")
    gpu = tensorflow_wheel("tensorflow-gpu", "1.15.5")
    assert old is not None and gpu is not None
    assert (old.gpu, old.has_and_cuda, gpu.gpu, gpu.tested_cuda) == (False, False, True, "10.0")
    # from 1.0.0 on (albermax/innvestigate: 1.12.0 has no cp37 wheel, 1.13.1 is the first)
    early, cp37 = tensorflow_wheel("tensorflow", "1.12.0"), tensorflow_wheel("tensorflow", "1.13.1")
    assert early is not None and cp37 is not None
    assert ("3.7" in early.pythons, "3.7" in cp37.pythons) == (False, True)
    assert tensorflow_wheel("tensorflow", "0.12.1") is None


def test_and_cuda_first_appears_in_2_14_with_cuda_11_wheels() -> None:
    kb = load_kb()
    rows = [kb.tensorflow_wheel("tensorflow", f"2.{m}.0") for m in range(4, 22)]
    with_extra = [r for r in rows if r is not None and r.has_and_cuda]
    # tensorflow-2.14.0 METADATA: nvidia-cuda-runtime-cu11 (==11.8.89) ; extra == 'and-cuda'
    assert (str(with_extra[0].version), with_extra[0].and_cuda_cuda_major) == ("2.14.0", 11)
    assert with_extra[1].version == Version("2.15.0") and with_extra[1].and_cuda_cuda_major == 12


NVIDIA = [
    ("nvidia-cuda-runtime-cu11", "11.8.89", 11),
    ("nvidia-cudnn-cu12", "9.1.0.70", 12),
    ("nvidia-cudnn-cu12", None, 12),
    ("nvidia-cuda-runtime-cu13", "0.0.1", None),  # placeholder pointing to nvidia-cuda-runtime
    ("nvidia-cuda-runtime", "13.0.96", 13),
    ("nvidia-cuda-runtime", None, None),
    ("cuda-toolkit", "12.8.1", 12),
    ("torch", "2.5.1", None),
]


@pytest.mark.parametrize(("package", "version", "major"), NVIDIA)
def test_nvidia_cuda_major(package: str, version: str | None, major: int | None) -> None:
    found = cuda_major(package, version)
    assert (found.major if found else None) == major
    assert load_kb().nvidia_cuda_major(package, version) == major


def test_nvidia_rows_come_from_the_listing() -> None:
    row = nvidia_wheel("nvidia-cuda-runtime-cu12")
    assert row is not None and row.cuda_major == 12
    assert all(Version(v).major == 12 for v in row.versions)
    assert "listing" in row.source


@pytest.mark.parametrize(
    ("version", "python", "present", "absent"),
    [
        # tensorflow-2.4.0-cp38-cp38-manylinux2010_x86_64.whl METADATA
        ("2.4.0", None, {"tensorboard~=2.4", "tensorflow-estimator<2.5.0,>=2.4.0rc0"}, set()),
        # tensorflow 2.16.1: numpy lines carry python_version markers
        ("2.16.1", None, {"keras>=3.0.0", "tensorboard<2.17,>=2.16"}, {"numpy"}),
        ("2.16.1", "3.12", {'numpy<2.0.0,>=1.26.0; python_version >= "3.12"'}, set()),
    ],
)
def test_tensorflow_install_requirements_from_metadata(
    version: str, python: str | None, present: set[str], absent: set[str]
) -> None:
    wheel = tensorflow_wheel("tensorflow", version)
    assert wheel is not None
    got = {str(r) for r in wheel.install_requirements(python)}
    assert present <= got
    assert not {str(r.name) for r in wheel.install_requirements(python)} & absent
    assert not any("extra" in line for line in got)


def test_a_project_wheels_json_lacks_comes_from_the_archive(tmp_path: Path) -> None:
    """scripts/wheels_top_from_index.py's archive (the rows `compact_entry` builds from a
    listing record), read one member when first asked for; wheels.json's entry wins where
    both hold a project."""
    listing = {  # lingua-language-detector 2.0.2: cp38-cp312 wheels, no sdist
        "read_on": "2026-12-06",
        "whole": True,
        "prereleases": ["2.0.0rc1"],
        "releases": {
            "2.0.2": {
                "requires_python": ">=3.8",
                "sdist": False,
                "linux_x86_64": [f"cp3{m}-cp3{m}" for m in range(8, 13)],
            },
        },
    }
    entry, minors = compact_entry("lingua-language-detector", listing)
    assert minors == {"3.8", "3.9", "3.10", "3.11", "3.12"}
    archive = tmp_path / "top.zip"
    write_archive(archive, {"snapshot_date": "2026-12-06"}, {"lingua-language-detector": entry})
    main = {
        "provenance": {"source": [{"read_by": "test"}], "snapshot_date": "2026-12-06"},
        "pythons_seen": "3.8-3.14",
        "packages": {"lingua-language-detector": {**entry, "releases": [], "read_on": "x"}},
    }
    top = TopArchive(archive.read_bytes())
    table = from_raw({**main, "packages": {}}, top.member)
    assert table.release("Lingua_Language_Detector", "2.0.2") is not None
    row = table.release("lingua-language-detector", "2.0.2")
    assert row is not None and not row.sdist
    assert row.covers("3.12") and not row.covers("3.13")
    assert table.whole("lingua-language-detector")
    assert table.prereleases("lingua-language-detector") == frozenset({Version("2.0.0rc1")})
    assert table.releases("not-recorded") is None and not table.whole("not-recorded")
    assert from_raw(main, top.member).releases("lingua-language-detector") == ()


def test_the_packaged_wheel_archive_leaves_out_what_the_other_tables_hold() -> None:
    top = TopArchive((resources.files("rules.kb") / "data" / TOP_FILE).read_bytes())
    assert len(top.names) >= 1000
    assert top.provenance()["script"] == "scripts/wheels_top_from_index.py"
    for name in (WHEELS_DATA, TENSORFLOW_DATA, NVIDIA_DATA):
        held = json.loads((resources.files("rules.kb") / "data" / name).read_text("utf-8"))
        assert not top.names & set(held["packages"]), name
    assert not {"torch", "jax", "jaxlib", "tensorflow"} & top.names
    # requests: a pure-Python wheel; every release of the listing is a row (since 1990)
    assert has_wheel("requests", "2.32.3", "3.14") is True
    assert load_wheels().whole("requests")
    # dataclasses 0.6 (2018) has a py3-none wheel and no Requires-Python: it installs on 3.10
    assert has_wheel("dataclasses", "0.6", "3.10") is True
