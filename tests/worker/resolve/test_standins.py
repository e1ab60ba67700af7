"""Stand-in wheels for sdist-only releases: release lists read the way uv reads them, wheels
written the way uv takes them (the resolutions through them: test_scenarios)."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from packaging.requirements import Requirement
from packaging.utils import parse_wheel_filename

from rules.findings import Severity
from tests.worker.resolve.wheels import Dist, write_flat, write_simple
from worker.resolve.explain import standin_findings
from worker.resolve.model import ResolveTarget
from worker.resolve.pypi import StoodIn
from worker.resolve.standins import (
    STANDIN_TAG,
    ListedFile,
    Release,
    Source,
    egg_info_requires,
    parse_page,
    releases,
    releases_of,
    sdist_requirements,
    write_standins,
)

#: PyPI's JSON page for antlr4-python3-runtime, cut to three files (4.9.3 and 4.13.2, read on
#: 2026-12-06): 4.9.3 publishes an sdist alone, 4.13.2 a wheel and an sdist.
ANTLR_JSON = {
    "meta": {"api-version": "1.1"},
    "name": "antlr4-python3-runtime",
    "files": [
        {"filename": "antlr4-python3-runtime-4.9.3.tar.gz", "yanked": False},
        {
            "filename": "antlr4_python3_runtime-4.13.2-py3-none-any.whl",
            "requires-python": None,
            "yanked": False,
        },
        {"filename": "antlr4_python3_runtime-4.13.2.tar.gz", "yanked": False},
    ],
}


def test_a_json_page_gives_each_release_its_files() -> None:
    files = parse_page(json.dumps(ANTLR_JSON).encode(), "application/vnd.pypi.simple.v1+json")
    found = releases_of(files, "antlr4-python3-runtime")
    assert {v: (r.sdist, r.wheels) for v, r in found.items()} == {
        "4.9.3": (True, False),
        "4.13.2": (True, True),
    }


def test_an_html_page_keeps_requires_python_and_drops_yanked_files() -> None:
    page = (
        b'<a href="../../f/langdetect-1.0.8.tar.gz#sha256=ab" data-yanked="">'
        b"langdetect-1.0.8.tar.gz</a>\n"
        b'<a href="langdetect-1.0.9.tar.gz" data-requires-python="&gt;=3.6">x</a>\n'
        b'<a href="other-1.0.tar.gz">not this project</a>\n'
        b'<a href="langdetect-broken.zip">no version</a>\n'
    )
    page_url = "https://index.example/simple/langdetect/"
    files = [
        ListedFile(f.filename, f.yanked, f.requires_python, f.url)
        for f in parse_page(page, "text/html")
    ]
    found = releases_of(files, "langdetect")
    assert list(found) == ["1.0.9"]
    assert (found["1.0.9"].sdist, found["1.0.9"].wheels) == (True, False)
    assert found["1.0.9"].requires_python == ">=3.6"
    assert found["1.0.9"].sdist_url == "langdetect-1.0.9.tar.gz"
    del page_url


def test_the_first_index_that_lists_the_project_is_the_only_one_read(tmp_path: Path) -> None:
    """uv's first-index strategy: a later index's releases of the project are never used,
    so no stand-in may bring them in; find-links are always read."""
    first = write_simple(tmp_path / "first", [Dist("pkg", "1.0", sdist=True)]).as_uri()
    later = write_simple(tmp_path / "later", [Dist("pkg", "2.0", sdist=True)]).as_uri()
    flat = write_flat(tmp_path / "flat", [Dist("pkg", "3.0", sdist=True)])
    sources = [Source(str(flat), flat=True), Source(first), Source(later)]
    only_first = releases("pkg", sources, first_index=True, proxy_url=None)
    assert list(only_first) == ["1.0", "3.0"]
    every = releases("pkg", sources, first_index=False, proxy_url=None)
    assert list(every) == ["1.0", "2.0", "3.0"]
    missing = releases("absent", sources, first_index=True, proxy_url=None)
    assert missing == {}


def test_an_unreachable_index_lists_nothing() -> None:
    source = Source("http://127.0.0.1:9/simple")  # the discard port: nothing answers
    assert releases("pkg", [source], first_index=True, proxy_url=None, timeout_s=2) == {}
    ftp = Source("ftp://example.invalid/")
    assert releases("pkg", [ftp], first_index=True, proxy_url=None) == {}


def test_stand_ins_are_valid_wheels_of_the_lowest_tag(tmp_path: Path) -> None:
    found = {
        "4.9.3": Release("4.9.3", sdist=True, wheels=False, requires_python=">=3.6"),
        "4.13.2": Release("4.13.2", sdist=True, wheels=True),
        "5.0": Release("5.0", sdist=False, wheels=True),
    }
    assert write_standins(tmp_path, "antlr4-python3-runtime", found) == ["4.9.3", "4.13.2"]
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        f"antlr4_python3_runtime-4.13.2-{STANDIN_TAG}.whl",
        f"antlr4_python3_runtime-4.9.3-{STANDIN_TAG}.whl",
    ]
    for name in names:
        project, _, _, tags = parse_wheel_filename(name)
        assert project == "antlr4-python3-runtime"
        assert {str(t) for t in tags} == {STANDIN_TAG}
    with zipfile.ZipFile(tmp_path / names[1]) as archive:
        metadata = archive.read("antlr4_python3_runtime-4.9.3.dist-info/METADATA").decode()
    assert "Requires-Python: >=3.6" in metadata
    assert "Requires-Dist" not in metadata


@given(body=st.binary(max_size=400), kind=st.sampled_from(["application/json", "text/html"]))
def test_any_page_parses_to_a_list_without_raising(body: bytes, kind: str) -> None:
    files = parse_page(body, kind)
    assert all(isinstance(f, ListedFile) for f in files)
    releases_of(files, "pkg")


@given(
    files=st.lists(
        st.fixed_dictionaries(
            {
                "filename": st.one_of(st.text(max_size=30), st.integers(), st.none()),
                "yanked": st.one_of(st.booleans(), st.text(max_size=5)),
                "requires-python": st.one_of(st.none(), st.text(max_size=10), st.integers()),
            }
        ),
        max_size=8,
    )
)
def test_any_json_files_list_parses_without_raising(files: list[dict[str, object]]) -> None:
    body = json.dumps({"files": files}).encode()
    releases_of(parse_page(body, "application/vnd.pypi.simple.v1+json"), "pkg")


TARGET_311 = ResolveTarget(python="3.11.9", platform="x86_64-unknown-linux-gnu")


def test_a_stood_in_release_the_kb_knows_cannot_build_is_an_error() -> None:
    """crate-workbench/mlflow-cratedb 96d06ed: pycaret 3.3.1 requires pyyaml==5.4.1, whose
    sdist needs Cython<3 and has no cp311 wheel: the install fails, found with a stand-in
    as before without one."""
    (found,) = standin_findings(
        {"pyyaml": "5.4.1", "pycaret": "3.3.1"},
        {"pyyaml": ("pycaret",), "pycaret": ("-r requirements.txt",)},
        {"pyyaml": frozenset({"5.4.1"})},
        {"pyyaml": frozenset({"5.4.1"})},  # read or not, the build fails
        (),
        environment="requirements.txt",
        target=TARGET_311,
    )
    assert (found.rule, found.severity) == ("resolution-conflict", Severity.ERROR)
    assert found.fingerprint == "sdist-break:requirements.txt:pyyaml"


def test_a_release_with_a_real_wheel_is_no_stand_in() -> None:
    """A stood-in package pinned at a release that has wheels was read from a real wheel."""
    assert (
        standin_findings(
            {"antlr4-python3-runtime": "4.13.2"},
            {},
            {"antlr4-python3-runtime": frozenset({"4.9.3"})},
            {},
            (),
            environment="requirements.txt",
            target=TARGET_311,
        )
        == []
    )


def _sdist(path: Path, files: dict[str, str]) -> str:
    with tarfile.open(path, "w:gz") as archive:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path.as_uri()


def test_an_sdist_states_its_requirements_in_static_metadata_or_egg_info(tmp_path: Path) -> None:
    """nnunet 1.7.1 (MIC-DKFZ/nnDetection) publishes sdists only; its egg-info requires.txt
    says batchgenerators>=0.23. PKG-INFO 2.2+ without Dynamic: Requires-Dist is read first."""
    egg = _sdist(
        tmp_path / "nnunet-1.7.1.tar.gz",
        {
            "nnunet-1.7.1/PKG-INFO": "Metadata-Version: 2.1\nName: nnunet\nVersion: 1.7.1\n",
            "nnunet-1.7.1/nnunet.egg-info/requires.txt": (
                'torch>1.10.0\nbatchgenerators>=0.23\n\n[:python_version < "3.8"]\n'
                'typing-extensions\n\n[dev]\npytest\n\n[gpu:sys_platform == "linux"]\ncupy\n'
            ),
            "nnunet-1.7.1/setup.py": "raise SystemExit('never run')\n",
        },
    )
    assert sdist_requirements(egg, None, 5) == (
        "torch>1.10.0",
        "batchgenerators>=0.23",
        'typing-extensions ; python_version < "3.8"',
    )
    static = _sdist(
        tmp_path / "pkg-2.0.tar.gz",
        {
            "pkg-2.0/PKG-INFO": "Metadata-Version: 2.2\nName: pkg\nVersion: 2.0\n"
            "Requires-Dist: numpy<2\nRequires-Dist: six; extra == 'x'\n"
        },
    )
    assert sdist_requirements(static, None, 5) == ("numpy<2", "six; extra == 'x'")
    dynamic = _sdist(
        tmp_path / "dyn-1.0.tar.gz",
        {
            "dyn-1.0/PKG-INFO": "Metadata-Version: 2.2\nName: dyn\nVersion: 1.0\n"
            "Dynamic: Requires-Dist\nRequires-Dist: numpy<2\n"
        },
    )
    assert sdist_requirements(dynamic, None, 5) is None
    (tmp_path / "junk-1.0.tar.gz").write_bytes(b"not an archive")
    assert sdist_requirements((tmp_path / "junk-1.0.tar.gz").as_uri(), None, 5) is None
    assert sdist_requirements("ftp://example.invalid/x-1.0.tar.gz", None, 5) is None


@given(st.text(max_size=300))
def test_any_requires_txt_gives_requirements(text: str) -> None:
    for line in egg_info_requires(text):
        Requirement(line)


def test_a_conflict_is_qualified_only_by_stand_ins_it_may_involve_unread() -> None:
    """MIC-DKFZ/nnDetection: nnunet==1.7.1's requirements were read from its sdist, so a
    conflict naming that release needs no qualifier; one naming 1.7.0 (not read), or naming
    no release at all while some are unread, does."""
    stood = StoodIn({"nnunet": frozenset({"1.7.0", "1.7.1"})}, {"nnunet": frozenset({"1.7.1"})})
    named = ["Because nnunet==1.7.1 depends on batchgenerators>=0.23 and you require it"]
    assert stood.unread_in(named) == frozenset()
    assert stood.unread_in(["nnunet==1.7.0 depends on x"]) == {"nnunet"}
    assert stood.unread_in(["you require nnunet>=1.7"]) == {"nnunet"}
