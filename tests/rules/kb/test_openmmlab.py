"""The mmcv / mmengine ranges OpenMMLab releases assert on import (rules/kb/openmmlab.py over
rules/kb/data/openmmlab_mmcv.json, read by scripts/openmmlab_from_index.py)."""

from __future__ import annotations

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from rules.kb import openmmlab
from rules.kb.datafile import data_json
from rules.kb.openmmlab import MmcvRange, covered, import_ranges, provenance, releases


def _range(package: str, release: str, dep: str) -> MmcvRange:
    found = [r for r in import_ranges(package, release) if r.dep == dep]
    assert len(found) == 1, (package, release, dep)
    return found[0]


# (package, release, dep, installed version, whether the import-time assert admits it)
ADMITS = [
    # mmdet 3.3.0: mmcv>=2.0.0rc4,<2.2.0 — mmcv 2.2.0 (pip's pick) fails `import mmdet`.
    ("mmdet", "3.3.0", "mmcv", "2.2.0", False),
    ("mmdet", "3.3.0", "mmcv", "2.1.0", True),
    ("mmdet", "3.3.0", "mmcv", "2.0.0rc4", True),
    ("mmdet", "3.3.0", "mmcv", "2.0.0rc3", False),
    ("mmdet", "3.3.0", "mmcv", "2.0.0", True),
    ("mmdet", "3.3.0", "mmengine", "0.10.4", True),
    ("mmdet", "3.3.0", "mmengine", "0.7.0", False),
    ("mmdet", "3.3.0", "mmengine", "1.0.0", False),
    # mmdet 2.28.2: mmcv>=1.3.17,<=1.8.0 — the 1.x line only.
    ("mmdet", "2.28.2", "mmcv", "1.7.0", True),
    ("mmdet", "2.28.2", "mmcv", "1.7.2", True),
    ("mmdet", "2.28.2", "mmcv", "1.3.16", False),
    ("mmdet", "2.28.2", "mmcv", "2.0.0", False),
    ("mmdet", "2.28.2", "mmcv", "2.0.0rc4", False),
    # mmdet 2.4.0 compares through its own unpadded digit_version: '<= 1.2' refuses 1.2.0.
    ("mmdet", "2.4.0", "mmcv", "1.1.6", True),
    ("mmdet", "2.4.0", "mmcv", "1.2.0", False),
    # mmsegmentation 1.2.2 refuses mmcv 2.2.0 like mmdet 3.3.0.
    ("mmsegmentation", "1.2.2", "mmcv", "2.2.0", False),
    ("mmsegmentation", "1.2.2", "mmcv", "2.1.0", True),
    # mmsegmentation 1.0.0rc4 asserts exactly mmcv 2.0.0rc3 (MMCV_MIN == MMCV_MAX, <=).
    ("mmsegmentation", "1.0.0rc4", "mmcv", "2.0.0rc3", True),
    ("mmsegmentation", "1.0.0rc4", "mmcv", "2.0.0rc4", False),
    ("mmsegmentation", "0.30.0", "mmcv", "1.7.1", True),
    ("mmsegmentation", "0.30.0", "mmcv", "1.8.0", False),
    # mmpose 1.2.0 asserts `<= 2.2.0`: mmcv 2.2.0 imports; 1.3.2 goes up to 3.0.0.
    ("mmpose", "1.2.0", "mmcv", "2.2.0", True),
    ("mmpose", "1.2.0", "mmcv", "2.2.1", False),
    ("mmpose", "1.3.2", "mmcv", "2.2.0", True),
    ("mmpose", "0.29.0", "mmcv", "1.7.0", True),
    ("mmpose", "0.29.0", "mmcv", "2.0.0", False),
]


@pytest.mark.parametrize(("package", "release", "dep", "installed", "admits"), ADMITS)
def test_the_range_admits_what_the_assert_admits(
    package: str, release: str, dep: str, installed: str, admits: bool
) -> None:
    assert _range(package, release, dep).specifier.contains(installed) is admits


TEXTS = [
    ("mmdet", "3.3.0", "mmcv", "mmcv>=2.0.0rc4,<2.2.0"),
    ("mmdet", "3.3.0", "mmengine", "mmengine>=0.7.1,<1.0.0"),
    ("mmdet", "2.28.2", "mmcv", "mmcv>=1.3.17,<=1.8.0"),
    ("mmdet", "2.4.0", "mmcv", "mmcv>=1.1.1,<1.2"),
    ("mmsegmentation", "1.2.2", "mmcv", "mmcv>=2.0.0rc4,<2.2.0"),
    ("mmsegmentation", "1.0.0rc0", "mmengine", "mmengine>=0.1.0"),
    ("mmpose", "1.2.0", "mmcv", "mmcv>=2.0.0rc4,<=2.2.0"),
    # mmpose 0.7.0 imports mmcv's digit_version: a '< 1.2' bound reads the same either way.
    ("mmpose", "0.7.0", "mmcv", "mmcv>=1.1.1,<1.2"),
]


@pytest.mark.parametrize(("package", "release", "dep", "text"), TEXTS)
def test_the_text_is_the_asserted_range(package: str, release: str, dep: str, text: str) -> None:
    found = _range(package, release, dep)
    assert found.text == text
    assert found.specifier == SpecifierSet(text.removeprefix(dep))


def test_a_range_names_the_init_and_the_file_read() -> None:
    found = _range("mmdet", "3.3.0", "mmcv")
    assert (found.package, found.release, found.file) == ("mmdet", "3.3.0", "mmdet/__init__.py")
    assert found.read == "mmdet-3.3.0-py3-none-any.whl"
    assert _range("mmsegmentation", "1.2.2", "mmcv").file == "mmseg/__init__.py"


@pytest.mark.parametrize(
    ("package", "version"),
    [
        ("not-an-openmmlab-package", "1.0.0"),
        ("mmdet", "99.0.0"),
        ("mmdet", "0.6.0"),  # no assert in its init
        ("mmdet", "not a version"),
        ("mmdeploy", "1.3.1"),  # checks no mmcv version on import
    ],
)
def test_an_unrecorded_release_gives_nothing(package: str, version: str) -> None:
    assert import_ranges(package, version) == ()


def test_names_are_canonicalized_and_versions_may_be_parsed() -> None:
    assert import_ranges("MMDet", Version("3.3.0")) == import_ranges("mmdet", "3.3.0")
    assert import_ranges("mmdet", "3.3") == import_ranges("mmdet", "3.3.0")
    assert [r.dep for r in import_ranges("mmdet", "3.3.0")] == ["mmcv", "mmengine"]
    assert [r.dep for r in import_ranges("mmdet", "2.28.2")] == ["mmcv"]


def test_covered_and_releases() -> None:
    assert covered("mmdet") and covered("MMSegmentation") and covered("mmpose")
    assert not covered("mmdeploy") and not covered("torch")
    listed = releases("mmdet")
    assert listed == tuple(sorted(listed))
    assert Version("3.3.0") in listed and Version("2.28.2") in listed
    assert Version("3.0.0rc0") in listed
    assert releases("torch") == ()


def test_every_recorded_release_has_a_range() -> None:
    for name, package in data_json(openmmlab.DATA)["packages"].items():
        for release in package["releases"]:
            found = import_ranges(name, release)
            assert found, (name, release)
            assert all(r.specifier.prereleases for r in found)


def test_provenance_names_the_script_and_no_host() -> None:
    text = provenance()
    assert "scripts/openmmlab_from_index.py" in text
    assert "http" not in text and "/work" not in text
