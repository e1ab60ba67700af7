"""The packaged KB data agrees with its sources (tests/fixtures/compat) in shape and content."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from packaging.version import Version

from rules.kb import KnowledgeBase, load_kb
from rules.kb.schema import SOURCE_FILES
from scripts.kb_build import INDEX_SOURCE, NUMPY2_SOURCE, SourceShapeError, build_data

FIXTURES = Path(__file__).parent.parent.parent / "fixtures" / "compat"


def _sources() -> dict[str, Any]:
    names = (*SOURCE_FILES, INDEX_SOURCE, NUMPY2_SOURCE)
    return {name: json.loads((FIXTURES / name).read_text("utf-8")) for name in names}


def _packaged() -> dict[str, Any]:
    folder = resources.files("rules.kb") / "data"
    return {name: json.loads((folder / name).read_text("utf-8")) for name in SOURCE_FILES}


@pytest.mark.parametrize("name", SOURCE_FILES)
def test_packaged_data_is_what_the_sources_build(name: str) -> None:
    assert _packaged()[name] == build_data(_sources())[name]


@pytest.mark.parametrize("name", SOURCE_FILES)
def test_every_table_keeps_its_provenance(name: str) -> None:
    source = _sources()[name]
    provenance = load_kb().provenance(name)
    # numpy2_abi.json adds the wheel readings' source, note and cross-checks after its own
    # (scripts/numpy2_abi_from_index.py, pypi_numpy2.json).
    added = name == "numpy2_abi.json"
    assert provenance.snapshot_date >= source["snapshot_date"]
    assert provenance.snapshot_date == source["snapshot_date"] or added
    for key in ("source", "cross_checks", "notes"):
        kept = list(getattr(provenance, key))
        assert kept[: len(source[key])] == source[key]
        assert len(kept) == len(source[key]) or added


def test_load_kb_is_cached() -> None:
    assert load_kb() is load_kb()


def test_every_torch_minor_and_patch_of_the_source_is_in_the_kb() -> None:
    source = _sources()["torch.json"]["releases_by_minor"]
    kb = load_kb()
    for minor, row in source.items():
        line = kb.torch_minor(minor + ".0")
        assert line is not None and line.minor == minor
        assert line.python_min == row["python"]["min"]
        listed = [p.torch for p in line.patches]
        assert set(listed) >= {r["torch"] for r in row["releases"]}
        assert listed == sorted(listed, key=Version)


def test_every_torch_release_on_the_index_is_in_the_kb_with_its_pypi_cuda() -> None:
    index = _sources()[INDEX_SOURCE]["packages"]["torch"]
    kb = load_kb()
    for version, record in index.items():
        release = kb.torch_release(version)
        assert release is not None and release.patch is not None, version
        assert release.pypi_default_cuda is not None, version
        source = release.pypi_default_cuda_source or ""
        assert source.startswith(record["metadata_file"]), version


def test_every_jax_and_tensorflow_release_of_the_source_is_in_the_kb() -> None:
    kb = load_kb()
    for row in _sources()["jax.json"]["releases"]:
        release = kb.jax_release(row["jax"])
        assert release is not None
        broken = row.get("extras_without_plugin", {})
        assert list(release.cuda_extras) == [e for e in row["cuda_extras"] if e not in broken]
        assert dict(release.extras_without_plugin) == broken
    for row in _sources()["tensorflow.json"]["linux_gpu_tested"]:
        tf = kb.tensorflow_release(row["tensorflow"])
        assert tf is not None and tf.cuda == row["cuda"] and tf.cudnn == row["cudnn"]


def _drop_key(data: dict[str, Any]) -> None:
    del data["torch.json"]["releases_by_minor"]["2.1"]["releases"]


def _unknown_top_key(data: dict[str, Any]) -> None:
    data["jax.json"]["new_table"] = []


def _unknown_row_key(data: dict[str, Any]) -> None:
    data["torch.json"]["releases_by_minor"]["2.4"]["cuda_default"] = "12.1"


def _derived_text_gone(data: dict[str, Any]) -> None:
    data["jax.json"]["notes"] = ["nothing about GPU floors"]


def _missing_file(data: dict[str, Any]) -> None:
    del data["tensorflow.json"]


def _bad_python_range(data: dict[str, Any]) -> None:
    data["tensorflow.json"]["linux_gpu_tested"][0]["python"] = "3.10+"


def _bad_family(data: dict[str, Any]) -> None:
    data["cuda_driver.json"]["minor_version_compatibility"][0]["family"] = "thirteen"


@pytest.mark.parametrize(
    "mutate",
    [
        _drop_key,
        _unknown_top_key,
        _unknown_row_key,
        _derived_text_gone,
        _missing_file,
        _bad_python_range,
        _bad_family,
    ],
)
def test_a_source_of_another_shape_is_refused(mutate: Any) -> None:
    sources = copy.deepcopy(_sources())
    mutate(sources)
    with pytest.raises((SourceShapeError, KeyError)):
        build_data(sources)


def test_a_data_file_of_another_shape_fails_validation() -> None:
    data = copy.deepcopy(_packaged())
    data["torch.json"]["minors"][0]["surprise"] = True
    with pytest.raises(ValueError, match="surprise"):
        KnowledgeBase.from_raw(data)
