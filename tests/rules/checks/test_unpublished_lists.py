"""release-not-published on packages wheels.json does not list: rules/kb/data/release_lists.json.

The pins are judged against the real listings that file holds (read from the package index):
icevision's releases go 0.5.2, then 0.7.0 (0.6.0 only as 0.6.0b1); PyPI's ``whisper`` (graphite's
project, not openai-whisper) has 0.9.5 to 1.1.10 and no pre-release; langchain-ollama starts at
0.1.0 and uploaded 0.2.0.dev1. A pin newer than a listing's newest release says nothing (it may
have been uploaded since the read), nor do rc/a/b pins; one older than the first release was
never uploaded (the listing holds every release since the project's first upload). Names the
index has no project for (import names such as ``yaml``) are project-not-on-pypi errors.
"""

from __future__ import annotations

import re
from importlib import resources

import pytest
from packaging.version import Version

from rules.checks.not_on_pypi import ProjectNotOnPypi
from rules.checks.support.wheels import NoWheels
from rules.checks.unpublished import RULES, ReleaseNotPublished
from rules.kb import release_lists
from rules.kb.datafile import data_json
from rules.manifests.snapshot import build_snapshot
from tests.rules.checks.mlsnap import run

RULE = RULES[0]


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ("icevision==0.6.0", "icevision==0.5.2"),  # between 0.5.2 and 0.7.0
        ("icevision==0.5.2", None),  # a release it has
        ("icevision==0.12.0rc1", None),  # airctic/icevision: an rc, never judged
        ("icevision==0.99.0", None),  # newer than the listing: unknown
        ("whisper==1.0.3", "whisper==1.0.2"),  # between 1.0.2 and 1.1.0
        ("whisper==1.1.10", None),  # its newest release
        # ai-austin/gpt4all-voice-assistant: never published, but newer than the newest
        # listed release (1.1.10), so the listing cannot tell it from a later upload
        ("whisper==1.9.2", None),
        ("whisper==0.9.0", "whisper==0.9.5"),  # older than its first upload, 0.9.5
        ("whisper==1.0.2+local", None),  # another index's build
        ("langchain-ollama==0.1.4", "langchain-ollama==0.1.3"),  # 0.1.3, then 0.2.0
        ("langchain_ollama==0.1.4", "langchain-ollama==0.1.3"),  # a non-canonical name
        ("langchain-ollama==0.2.0.dev1", None),  # a dev release it uploaded
        ("langchain-ollama==0.2.0.dev2", "langchain-ollama==0.2.0"),  # one it did not
        # saiakhil066/deepseek-rag-chatbot: older than its first release, 0.1.0
        ("langchain-ollama==0.0.2", "langchain-ollama==0.1.0"),
        ("depreview-not-a-listed-project==1.0.3", None),  # not in the data: nothing
    ],
)
def test_release_lists_pins(line: str, fix: str | None) -> None:
    findings = run(RULE, build_snapshot({"requirements.txt": line + "\n"}))
    assert [f.fix for f in findings] == ([fix] if fix else [])
    for found in findings:
        assert found.severity == "error" and "No matching distribution" in found.message
        (evidence,) = found.evidence
        assert evidence.startswith(f"KB release_lists.json (read on {release_lists.read_on()})")


def test_wheels_listing_comes_first() -> None:
    """A package wheels.json lists is judged (and cited) from that file, as before."""
    (found,) = run(RULE, build_snapshot({"requirements.txt": "torch==2.1.5\n"}))
    assert found.evidence[0].startswith("KB wheels.json: ")


def test_another_index_skips_the_fallback() -> None:
    files = {
        "requirements.txt": "--index-url https://mirror.example.invalid/simple\nwhisper==1.0.3\n"
    }
    assert run(RULE, build_snapshot(files)) == []


class _Lists:
    """A fake release list: one package, read on a fixed date."""

    def releases(self, package: str) -> tuple[Version, ...]:
        return (Version("1.0"), Version("2.0")) if package == "pkg" else ()

    def prereleases(self, package: str) -> frozenset[Version] | None:
        return frozenset() if package == "pkg" else None

    def read_on(self) -> str:
        return "2000-01-01"


def test_injected_lists() -> None:
    rule = ReleaseNotPublished(wheels=NoWheels(), lists=_Lists())
    (found,) = run(rule, build_snapshot({"requirements.txt": "pkg==1.5\nwhisper==1.0.3\n"}))
    assert found.fix == "pkg==1.0"
    assert found.evidence[0].startswith("KB release_lists.json (read on 2000-01-01): 2 releases")


def test_accessor() -> None:
    whisper = release_lists.releases("whisper")
    assert whisper == tuple(sorted(whisper)) and whisper[0] == Version("0.9.5")
    assert Version("1.1.10") in whisper and Version("1.9.2") not in whisper
    assert release_lists.prereleases("whisper") == frozenset()
    assert release_lists.releases("Langchain_Ollama")[0] == Version("0.1.0")
    assert Version("0.2.0.dev1") in (release_lists.prereleases("langchain-ollama") or ())
    assert release_lists.releases("depreview-not-a-listed-project") == ()
    assert release_lists.prereleases("depreview-not-a-listed-project") is None
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", release_lists.read_on())
    assert "release_lists_from_index.py" in release_lists.provenance()


def test_data_file() -> None:
    """Compact, no package wheels.json covers, no host name or local path in it."""
    text = (resources.files("rules.kb") / "data" / "release_lists.json").read_text("utf-8")
    # 14,944 projects (the 15,000 most downloaded, less those wheels.json records, and a few
    # named ones): 16.5 MB; a review builds only a line index
    assert len(text.encode()) < 20_000_000
    assert "pypi.org" not in text and "/work/" not in text and "/tmp/" not in text
    projects = data_json("release_lists.json")["projects"]
    assert len(projects) > 14000
    assert not set(projects) & set(data_json("wheels.json")["packages"])
    absent = [name for name, entry in projects.items() if entry.get("absent")]
    for name in absent:
        assert release_lists.releases(name) == ()
        assert release_lists.prereleases(name) == frozenset()


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        # MouseLand/cellpose e62ae25 / Replicable-MARL/MARLlib 19137e1 (fixed: "yaml --> pyyaml")
        ("yaml\n", "pyyaml"),
        ("yaml>=5.1\n", "pyyaml"),
        ("cv2\n", "opencv-python"),
        ("absl==0.0\n", "absl-py"),  # newbeeer/Poisson_Flow 87116b9b (pipreqs)
        ("sqlite3\n", "remove `sqlite3`"),
        # kyegomez/zeta b881bb5 (`pickle = "*"`) and dalejn/cleanbib's environment.yml: modules
        # of the standard library, which the index does not have
        ("pickle\n", "remove `pickle`"),
        ("os\n", "remove `os`"),
        ("email\n", None),  # an old project of that name is published: it installs
        ("pyyaml\n", None),
        ("--extra-index-url https://example.org/simple\nyaml\n", None),  # another index
        ("yaml @ https://example.org/yaml-1.0-py3-none-any.whl\n", None),  # a URL
    ],
)
def test_project_not_on_pypi(text: str, fix: str | None) -> None:
    findings = run(ProjectNotOnPypi(), build_snapshot({"requirements.txt": text}))
    assert [f.fix for f in findings] == ([fix] if fix else [])
    for found in findings:
        assert (found.rule, found.severity, found.category) == (
            "project-not-on-pypi",
            "error",
            "conflict",
        )
        assert "No matching distribution found" in found.message


def test_absent_accessor() -> None:
    assert release_lists.absent("yaml") == "pyyaml"
    assert release_lists.absent("PIL") == "pillow"
    assert release_lists.absent("tkinter") == ""
    assert release_lists.absent("pyyaml") is None
    assert release_lists.absent("depreview-not-a-listed-project") is None


def test_the_line_index_reads_every_project() -> None:
    """The accessor indexes the file's lines (one project a line, as the script writes it)
    instead of parsing 220,000 versions: it must see every project the JSON holds."""
    projects = data_json(release_lists.RELEASE_LISTS_DATA)["projects"]
    assert set(release_lists._lines()) == set(projects)
    for name in ("whisper", "yaml", "langchain-ollama"):
        assert release_lists._entry(name) == projects[name]


def test_a_name_published_outside_pypi_says_where() -> None:
    """vsuthichai/paraphraser #11: ``en-core-web-sm==2.0.0`` (a spaCy model, published as
    release wheels on GitHub) stops pip with 'No matching distribution found'."""
    snapshot = build_snapshot({"requirements.txt": "spacy==2.0.5\nen-core-web-sm==2.0.0\n"})
    (found,) = run(ProjectNotOnPypi(), snapshot)
    assert (found.rule, found.severity.value, found.line) == ("project-not-on-pypi", "error", 2)
    assert "published outside PyPI: spaCy's model releases" in found.message
    assert found.fix is not None and found.fix.startswith("install en-core-web-sm from spaCy's")
