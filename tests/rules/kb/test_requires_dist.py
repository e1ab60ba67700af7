"""rules/kb/requires_dist.py and scripts/requires_from_index.py.

The Requires-Dist lines are transformers 4.35.2's as the package index serves them
(transformers-4.35.2-py3-none-any.whl METADATA, read 2026-12-05; rules/kb/data/requires_dist.json
holds the same lines).
"""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

from packaging.version import Version

from rules.kb.datafile import data_json
from rules.kb.requires_dist import TopArchive, from_raw, load_requires_dist, top_archive
from scripts._sdist_requires import requires_txt_lines, sdist_requires
from scripts.requires_from_index import install_lines
from scripts.requires_top_from_index import read_archive, write_archive

TRANSFORMERS_4352 = [
    "filelock",
    "huggingface-hub<1.0,>=0.16.4",
    "numpy>=1.17",
    "tokenizers<0.19,>=0.14",
    "safetensors>=0.3.1",
    'accelerate>=0.20.3; extra == "accelerate"',
    'torch!=1.12.0,>=1.10; extra == "torch"',
    "not a requirement ((",
]


def test_script_keeps_what_a_plain_install_installs() -> None:
    assert install_lines(TRANSFORMERS_4352) == [
        "filelock",
        "huggingface-hub<1.0,>=0.16.4",
        "numpy>=1.17",
        "tokenizers<0.19,>=0.14",
        "safetensors>=0.3.1",
    ]


def test_packaged_rows() -> None:
    data = load_requires_dist()
    row = data.release("transformers", Version("4.35.2"))
    assert row is not None
    assert "tokenizers<0.19,>=0.14" in [str(r) for r in row.requires]
    assert row.source(row.requires[0]).endswith(f"METADATA: Requires-Dist: {row.requires[0]}")
    assert Version("4.35.2") in data.releases("transformers")
    assert data.release("transformers", Version("0.0.1")) is None
    assert data.release("no-such-package", Version("1.0")) is None


def test_rows_share_releases_and_yanked_ones_are_not_listed() -> None:
    data = from_raw(
        {
            "provenance": {"snapshot_date": "2026-12-05"},
            "packages": {
                "Demo_Pkg": [
                    {
                        "versions": ["1.0", "1.1"],
                        "file": "demo_pkg-1.0-py3-none-any.whl",
                        "requires_python": ">=3.8",
                        "requires": ["numpy>=1.20", "(("],
                        "yanked": False,
                    },
                    {
                        "versions": ["1.2"],
                        "file": "demo_pkg-1.2-py3-none-any.whl",
                        "requires_python": None,
                        "requires": [],
                        "yanked": True,
                    },
                ]
            },
        }
    )
    assert data.releases("demo-pkg") == (Version("1.0"), Version("1.1"))
    row = data.release("demo-pkg", Version("1.1+local"))
    assert row is not None and [str(r) for r in row.requires] == ["numpy>=1.20"]


def test_release_lists_keep_the_requires_python_changes_only() -> None:
    """scripts/release_lists_from_index.py: each release's Requires-Python (the value most of
    its files state), written where it changes (dnspython's listing: 2.5.0 moves to >=3.8)."""
    from collections import Counter

    from packaging.version import Version

    from scripts.release_lists_from_index import _requires_changes

    finals = [Version(v) for v in ("2.4.0", "2.4.1", "2.5.0", "2.6.1", "2.7.0")]
    requires = {
        Version("2.4.0"): Counter({">=3.8,<4.0": 2}),
        Version("2.4.1"): Counter({">=3.8,<4.0": 1, "": 1}),
        Version("2.5.0"): Counter({">=3.8": 2}),
        Version("2.6.1"): Counter({">=3.8": 2}),
        Version("2.7.0"): Counter({">=3.9": 1, "": 2}),
    }
    assert _requires_changes(finals, requires) == [
        ["2.4.0", ">=3.8,<4.0"],
        ["2.5.0", ">=3.8"],
        ["2.7.0", ""],
    ]
    assert _requires_changes(finals[:1], {Version("2.4.0"): Counter({"": 1})}) == []


# fairscale 0.4.12 ships an sdist only; its egg-info as the package index serves it
# (fairscale-0.4.12.tar.gz, read 2026-12-05), with a made-up extra section to show it is dropped
FAIRSCALE_REQUIRES_TXT = (
    "torch>=1.8.0\nnumpy>=1.22.0\n\n[test]\npytest\n\n[:python_version < '3.8']\nfoo\n"
)


def _sdist(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, text in members.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def test_a_release_without_wheels_is_read_from_its_sdist_egg_info() -> None:
    blob = _sdist(
        {
            "fairscale-0.4.12/PKG-INFO": "Metadata-Version: 2.1\nName: fairscale\n",
            "fairscale-0.4.12/fairscale.egg-info/PKG-INFO": (
                "Metadata-Version: 2.1\nName: fairscale\nRequires-Python: >=3.8\n"
            ),
            "fairscale-0.4.12/fairscale.egg-info/requires.txt": FAIRSCALE_REQUIRES_TXT,
        }
    )
    file = {"url": "https://index.invalid/fairscale-0.4.12.tar.gz", "size": len(blob)}
    found = sdist_requires(file, lambda url: blob)
    assert found is not None
    text, requires_python = found
    assert requires_python == ">=3.8"
    assert install_lines(requires_txt_lines(text)) == [
        "torch>=1.8.0",
        "numpy>=1.22.0",
        "foo; (python_version < '3.8')",
    ]
    # another build backend states no egg-info: nothing is read
    other = _sdist({"pkg-1.0/PKG-INFO": "Metadata-Version: 2.1\nName: pkg\n"})
    assert sdist_requires(file, lambda url: other) is None


def test_packaged_sdist_row_names_where_it_was_read() -> None:
    row = load_requires_dist().release("fairscale", Version("0.4.12"))
    assert row is not None and row.read == "egg-info/requires.txt"
    numpy = next(r for r in row.requires if r.name == "numpy")
    assert (
        row.source(numpy)
        == "fairscale-0.4.9.tar.gz egg-info/requires.txt: Requires-Dist: numpy>=1.22.0"
    )


def test_a_project_the_main_file_lacks_comes_from_the_archive(tmp_path: Path) -> None:
    """scripts/requires_top_from_index.py's archive, read one member at a time; the main
    file's rows win where both hold a project."""
    row = {
        "versions": ["1.0.7"],
        "file": "httpcore-1.0.7-py3-none-any.whl",
        "requires_python": ">=3.8",
        "requires": ["certifi", "h11<0.15,>=0.13"],
        "yanked": False,
    }
    archive = tmp_path / "top.zip"
    write_archive(
        archive,
        {"snapshot_date": "2026-12-05"},
        {"httpcore": [row], "demo-pkg": [{**row, "versions": ["9.0"]}]},
    )
    assert read_archive(archive)[1]["httpcore"] == [row]
    data = from_raw(
        {
            "provenance": {"snapshot_date": "2026-12-05"},
            "packages": {"demo-pkg": [{**row, "versions": ["1.0"]}]},
        },
        TopArchive(archive.read_bytes()),
    )
    found = data.release("HTTPCore", Version("1.0.7"))
    assert found is not None
    assert [str(r) for r in found.requires] == ["certifi", "h11<0.15,>=0.13"]
    assert data.releases("demo-pkg") == (Version("1.0"),)  # the main file's, not the archive's
    assert data.release("httpcore", Version("1.0.6")) is None
    assert data.release("not-recorded", Version("1.0")) is None


def test_the_packaged_archive_holds_its_provenance_and_projects() -> None:
    top = top_archive()
    assert len(top.names) >= 100
    provenance = top.provenance()
    assert provenance["script"] == "scripts/requires_top_from_index.py"
    assert not top.names & set(data_json("requires_dist.json")["packages"])
    # builds that differ by index are left to the KB's own tables
    assert not {"torch", "torchvision", "nvidia-cudnn-cu12", "jaxlib", "tensorflow"} & top.names
    # Azure-Samples/openai-chat-vision-quickstart's Dependabot h11 0.16.0 next to httpcore 1.0.7
    row = load_requires_dist().release("httpcore", Version("1.0.7"))
    assert row is not None
    assert "h11<0.15,>=0.13" in [str(r) for r in row.requires]
