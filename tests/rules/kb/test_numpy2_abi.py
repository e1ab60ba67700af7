"""numpy2_abi.json: first releases built against NumPy 2, read from the releases' own wheels.

The wheel reader (scripts/numpy2_abi_from_index.py) is tried on tiny zips built here (no
network). The data checks compare rules/kb/data/numpy2_abi.json with the readings it is built
from (tests/fixtures/compat/pypi_numpy2.json, written by that script from the package index).
"""

from __future__ import annotations

import copy
import io
import json
import os
import tarfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

from rules.kb import load_kb
from rules.kb.schema import SOURCE_FILES
from scripts.kb_build import INDEX_SOURCE, NUMPY2_SOURCE, build_data
from scripts.numpy2_abi_from_index import (
    NEW,
    OLD,
    READ_AS,
    central_directory,
    compiled_members,
    read_sdist,
    read_wheel,
)
from scripts.numpy_caps_from_index import PACKAGES

FIXTURES = Path(__file__).parent.parent.parent / "fixtures" / "compat"
READINGS: dict[str, Any] = json.loads((FIXTURES / NUMPY2_SOURCE).read_text("utf-8"))

EXT = "pkg/_mod.cpython-312-x86_64-linux-gnu.so"

# The strings as NumPy's headers compile them in: NumPy 2's import_array tries numpy._core and
# falls back to numpy.core; NumPy 1.x's names numpy.core only.
NUMPY2_BODY = b"\x7fELF" + os.urandom(3000) + NEW + b"\0" + OLD + b"\0" + os.urandom(3000)
NUMPY1_BODY = b"\x7fELF" + os.urandom(3000) + OLD + b"\0" + os.urandom(3000)
# pybind11 >= 2.12 picks numpy._core or numpy.core at run time (numpy.lib.NumpyVersion).
PYBIND_BODY = b"\x7fELF" + b"numpy.lib\0NumpyVersion\0numpy._core\0numpy.core\0"


def wheel(members: dict[str, bytes], *, zip64: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pkg/__init__.py", b"")
        for name, body in members.items():
            with archive.open(name, "w", force_zip64=zip64) as handle:
                handle.write(body)
        archive.writestr("pkg-1.0.dist-info/METADATA", b"Name: pkg\n")
    return out.getvalue()


def read(data: bytes, cap: int = 1 << 20, chunk: int = 7) -> Any:
    """`read_wheel` over an in-memory zip; the stream cuts the bytes into `chunk`-byte pieces
    (a needle split across two pieces must still be found)."""

    def fetch(start: int, end: int) -> bytes:
        return data[start:end]

    def stream(start: int, end: int) -> Iterator[bytes]:
        for at in range(start, end, chunk):
            yield data[at : min(end, at + chunk)]

    return read_wheel(
        "pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", len(data), fetch, stream, cap
    )


def test_central_directory_lists_every_member_with_offsets() -> None:
    data = wheel({EXT: NUMPY1_BODY})
    members = central_directory(lambda s, e: data[s:e], len(data))
    assert [m.name for m in members] == ["pkg/__init__.py", EXT, "pkg-1.0.dist-info/METADATA"]
    ext = members[1]
    assert ext.size == len(NUMPY1_BODY) and ext.method == zipfile.ZIP_DEFLATED
    assert data[ext.offset : ext.offset + 4] == b"PK\x03\x04"


@pytest.mark.parametrize("zip64", [False, True])
def test_numpy2_headers_are_read_from_the_compressed_member(zip64: bool) -> None:
    got = read(wheel({EXT: NUMPY2_BODY}, zip64=zip64))
    assert got.verdict == "numpy2"
    evidence = got.evidence()
    assert evidence["member"] == EXT
    assert evidence["string"] == "numpy._core._multiarray_umath"
    assert "capped" not in evidence


def test_numpy1_headers_only_name_numpy_core() -> None:
    got = read(wheel({EXT: NUMPY1_BODY}))
    assert got.verdict == "numpy1"
    assert got.evidence()["string"] == "numpy.core._multiarray_umath"


def test_one_numpy1_member_makes_the_release_numpy1() -> None:
    members = {EXT: NUMPY2_BODY, "pkg/_other.cpython-312-x86_64-linux-gnu.so": NUMPY1_BODY * 2}
    assert read(wheel(members)).verdict == "numpy1"


def test_pybind11_runtime_choice_counts_as_numpy2() -> None:
    assert read(wheel({EXT: PYBIND_BODY})).verdict == "numpy2"


def test_headers_decide_over_an_older_pybind11_member() -> None:
    # jaxlib 0.4.26-0.4.31: a small MLIR module built with pybind11 < 2.12 names only
    # numpy.core.multiarray; the modules using NumPy's headers are built against NumPy 2.
    old_pybind = b"\x7fELF" + b"numpy.core.multiarray\0"
    members = {"pkg/_a.so": old_pybind, EXT: NUMPY2_BODY}
    got = read(wheel(members))
    assert got.verdict == "numpy2"
    assert got.evidence()["numpy_core_only_members"] == ["pkg/_a.so"]
    assert got.evidence()["member"] == EXT
    assert read(wheel({"pkg/_a.so": old_pybind})).verdict == "numpy1"


def test_no_numpy_string_in_any_compiled_member() -> None:
    members = {EXT: os.urandom(5000), "pkg/lib/libpkg.so": os.urandom(5000)}
    got = read(wheel(members))
    assert got.verdict == "no-numpy-abi"
    assert got.evidence()["members_read"] == 2 == got.compiled


def test_the_cap_stops_the_read_and_is_recorded() -> None:
    later = os.urandom(60_000) + NUMPY2_BODY  # read second (larger): past the cap
    members = {EXT: os.urandom(50_000), "pkg/_z.cpython-312-x86_64-linux-gnu.so": later}
    got = read(wheel(members), cap=10_000, chunk=4096)
    assert got.verdict == "undecided"
    assert got.evidence()["capped"] is True
    assert got.read <= 10_000 + 4096


def test_extension_modules_first_and_vendored_libraries_skipped() -> None:
    data = wheel(
        {
            "pkg.libs/libopenblas-abc.so.0.3": b"x" * 10,
            "pkg/lib/libsmall.so": b"x",
            "pkg/_big.cpython-312-x86_64-linux-gnu.so": os.urandom(4000),
            "pkg/_small.abi3.so": b"y",
        }
    )
    order = [m.name for m in compiled_members(central_directory(lambda s, e: data[s:e], len(data)))]
    assert order == [
        "pkg/_small.abi3.so",
        "pkg/_big.cpython-312-x86_64-linux-gnu.so",
        "pkg/lib/libsmall.so",
    ]


# The data ---------------------------------------------------------------------------------


def _sources() -> dict[str, Any]:
    names = (*SOURCE_FILES, INDEX_SOURCE, NUMPY2_SOURCE)
    return {name: json.loads((FIXTURES / name).read_text("utf-8")) for name in names}


def test_the_packaged_table_is_what_the_readings_build() -> None:
    packaged = json.loads(
        (Path(__file__).parents[3] / "rules/kb/data/numpy2_abi.json").read_text("utf-8")
    )
    assert packaged == build_data(_sources())["numpy2_abi.json"]


def test_every_package_the_rule_judges_was_read_or_is_read_through_another() -> None:
    read = READINGS["packages"]
    assert set(PACKAGES) <= set(read)
    for alias, target in READ_AS.items():
        assert read[alias] == {"result": "read-as", "read_as": target, "readings": []}
    for name in PACKAGES:
        assert load_kb().numpy2_package(name) is not None, name


def test_every_reading_names_its_wheel_member_and_string() -> None:
    for package, data in READINGS["packages"].items():
        if data["result"] == "read-as":
            continue
        assert data["readings"], package
        for reading in data["readings"]:
            assert reading["file"].endswith(".whl") and "x86_64" in reading["file"]
            assert canonicalize_name(parse_wheel_filename(reading["file"])[0]) == package
            assert f"-{reading['version']}-" in reading["file"]
            if reading["verdict"] in ("numpy1", "numpy2"):
                assert reading["member"].endswith(".so")
                assert reading["string"] in (
                    "numpy._core._multiarray_umath",
                    "numpy.core._multiarray_umath",
                    "NumpyVersion",
                    "numpy.core.multiarray",
                )


def test_a_first_numpy2_release_is_read_as_numpy2_and_the_release_before_as_numpy1() -> None:
    for package, data in READINGS["packages"].items():
        if data["result"] != "numpy2":
            continue
        first = Version(data["first_numpy2_version"])
        at = [r for r in data["readings"] if Version(r["version"]) == first]
        before = [r for r in data["readings"] if Version(r["version"]) < first]
        # numpy2, or no NumPy string at all after a NumPy-1 build (thinc 8.3.0 after 8.2.5)
        verdicts = [r["verdict"] for r in at]
        assert verdicts == ["no-numpy-abi"] or (verdicts and set(verdicts) == {"numpy2"}), package
        assert before and before[-1]["verdict"] == "numpy1", package


def test_wheel_rows_carry_their_evidence() -> None:
    kb = load_kb()
    for row in kb.numpy2.packages:
        if row.evidence_kind != "wheel":
            continue
        assert row.evidence is not None and ".whl" in row.evidence, row.key
        if row.first_numpy2_version is not None:
            assert f"-{row.first_numpy2_version}-" in row.evidence
            assert (
                "'numpy._core._multiarray_umath'" in row.evidence
                or "NumpyVersion" in row.evidence
                or row.evidence.endswith(": no NumPy string in its compiled members")
            )
        else:
            assert "no compiled numpy use" in row.notes or "No release built" in row.notes


def test_the_provenance_names_the_script_and_the_hand_sources() -> None:
    provenance = load_kb().provenance("numpy2_abi.json")
    assert {"script": "scripts/numpy2_abi_from_index.py"}.items() <= provenance.source[-1].items()
    hand = json.loads((FIXTURES / "numpy2_abi.json").read_text("utf-8"))
    assert list(provenance.source[: len(hand["source"])]) == hand["source"]
    assert READINGS["provenance"]["script"] == "scripts/numpy2_abi_from_index.py"


@pytest.mark.parametrize(
    ("package", "first"),
    [
        # Verified pairs: scipy 1.12.0 is built on NumPy 1, 1.13.0 on NumPy 2; pandas 2.2.1 / 2.2.2.
        ("scipy", "1.13.0"),
        ("pandas", "2.2.2"),
    ],
)
def test_known_pairs(package: str, first: str) -> None:
    assert READINGS["packages"][package]["first_numpy2_version"] == first
    assert load_kb().numpy2_first_release(package) == Version(first)


def sdist(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, body in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    return out.getvalue()


def test_the_sdist_build_requirements_on_numpy() -> None:
    # pandas-2.2.2.tar.gz's pyproject.toml names numpy>=2.0.0rc1 (read from the index).
    pyproject = b'[build-system]\nrequires = ["meson-python==0.13.1", "numpy>=2.0.0rc1"]\n'
    data = sdist({"pkg-1.0/src/a.c": b"int a;", "pkg-1.0/pyproject.toml": pyproject})
    got = read_sdist("pkg-1.0.tar.gz", io.BytesIO(data), 1 << 20)
    assert got == {
        "file": "pkg-1.0.tar.gz",
        "member": "pkg-1.0/pyproject.toml",
        "build_requires_numpy": ["numpy>=2.0.0rc1"],
    }
    nested = sdist({"pkg-1.0/sub/pyproject.toml": pyproject})
    assert read_sdist("pkg-1.0.tar.gz", io.BytesIO(nested), 1 << 20) is None


def test_the_sdist_read_is_capped() -> None:
    data = sdist({"pkg-1.0/big.bin": os.urandom(200_000), "pkg-1.0/pyproject.toml": b""})
    assert read_sdist("pkg-1.0.tar.gz", io.BytesIO(data), 10_000) == {
        "file": "pkg-1.0.tar.gz",
        "capped": True,
    }


def _merged(package: str, reading: dict[str, Any]) -> dict[str, Any]:
    sources = _sources()
    sources[NUMPY2_SOURCE] = copy.deepcopy(sources[NUMPY2_SOURCE])
    sources[NUMPY2_SOURCE]["packages"][package] = reading
    table = build_data(sources)["numpy2_abi.json"]
    row: dict[str, Any] = next(r for r in table["packages"] if package in r["names"])
    return row


def test_an_undecided_reading_keeps_the_hand_row_and_says_why() -> None:
    capped = {
        "version": "2.3.0",
        "file": "torch-2.3.0-cp312-cp312-manylinux1_x86_64.whl",
        "verdict": "undecided",
        "compiled_members": 14,
        "members_read": 9,
        "compressed_bytes_read": 512 << 20,
        "capped": True,
    }
    row = _merged("torch", {"result": "undecided", "readings": [capped]})
    hand = json.loads((FIXTURES / "numpy2_abi.json").read_text("utf-8"))
    torch = next(r for r in hand["packages"] if r["package"] == "torch")
    assert row["first_numpy2_version"] == torch["first_numpy2_version"] == "2.3.0"
    assert row["evidence"] == torch["evidence"]
    assert row["notes"].startswith(torch["notes"])
    assert "9 of 14 compiled members read, 512 MiB (capped)" in row["notes"]


def test_a_package_never_rebuilt_has_no_first_release() -> None:
    newest = {
        "version": "4.3.3",
        "file": "gensim-4.3.3-cp312-cp312-manylinux_2_17_x86_64.whl",
        "verdict": "numpy1",
        "member": "gensim/_matutils.cpython-312-x86_64-linux-gnu.so",
        "string": "numpy.core._multiarray_umath",
        "reading": "numpy1-headers",
        "compiled_members": 10,
        "members_read": 1,
        "compressed_bytes_read": 1000,
    }
    row = _merged("gensim", {"result": "numpy1", "readings": [newest]})
    assert row["first_numpy2_version"] is None
    assert row["evidence_kind"] == "wheel"
    assert "contains only 'numpy.core._multiarray_umath'" in row["evidence"]
    assert row["notes"].startswith("No release built against NumPy 2")
