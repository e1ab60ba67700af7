"""Releases whose sdist cannot build on some Pythons, for a reason the wheel table cannot show.

numpy releases before 1.26.0 build with ``numpy.distutils``, which needs the standard library's
``distutils`` module; Python 3.12 removed it (PEP 632), so pip (or uv) building such an sdist on
3.12 or newer stops with "ModuleNotFoundError: No module named 'distutils'" — uv says
"distutils was removed from the standard library in Python 3.12. Consider adding a constraint
(like `numpy >1.24.4`) to avoid building a version of numpy that depends on distutils"
(mit-ll/MaDDG#1); pip: ggml-org/llama.cpp#4740 (numpy 1.24.4 on 3.12), numpy/numpy#24318
(1.25.2 on 3.13). numpy 1.26.0 is the first release built with meson (its release notes:
Python 3.12 support). PyYAML 5.4 to 6.0 need Cython<3 to build (yaml/pyyaml#601). pyarrow's
sdist needs the Arrow C++ libraries installed (apache/arrow#44443). gym 0.21.0 (an sdist only)
declares an extra requirement setuptools 67 and later reject (openai/gym#3176), and pypesq 1.2.4
(an sdist only) imports numpy in its setup.py without declaring it (Stability-AI/
stable-audio-tools#170): such `sdist_only` rows fail on every Python they name. Pure: a table
in code, each row with its sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version


@dataclass(frozen=True, slots=True)
class SdistBreak:
    """Releases of `package` in `releases` whose sdist fails to build on `pythons`."""

    package: str
    releases: SpecifierSet
    pythons: SpecifierSet
    why: str
    sources: tuple[str, ...]
    #: The releases are published as an sdist only: no wheel spares any Python the build.
    sdist_only: bool = False


BREAKS: tuple[SdistBreak, ...] = (
    SdistBreak(
        "numpy",
        SpecifierSet("<1.26.0"),
        SpecifierSet(">=3.12"),
        "numpy releases before 1.26.0 build with numpy.distutils, which needs the distutils "
        'module Python 3.12 removed: the build stops with "ModuleNotFoundError: No module '
        "named 'distutils'\"",
        (
            "https://github.com/mit-ll/MaDDG/issues/1 (uv: 'distutils was removed from the "
            "standard library in Python 3.12. Consider adding a constraint (like `numpy "
            ">1.24.4`)')",
            "https://github.com/ggml-org/llama.cpp/issues/4740 (pip, numpy 1.24.4 on 3.12)",
            "https://github.com/numpy/numpy/issues/24318 (numpy 1.25.2 on 3.13)",
        ),
    ),
    SdistBreak(
        "pyyaml",
        SpecifierSet(">=5.4,<6.0.1"),
        SpecifierSet(">=3"),
        "PyYAML 5.4 to 6.0 build with an unpinned Cython (their pyproject's build requirements), "
        "and a build environment made today gets Cython 3, under which setup.py stops with "
        '"AttributeError: cython_sources" (6.0.1 pins Cython<3)',
        (
            "https://github.com/yaml/pyyaml/issues/601 ('AttributeError: cython_sources' with "
            "Cython 3)",
            "https://github.com/hubmapconsortium/portal-ui/pull/3403 (pyyaml==5.4 on "
            "python3.9: 'Getting requirements to build wheel ... error')",
            "https://github.com/etesync/server/pull/172 (pyyaml 6.0 on Python 3.10.13; 6.0.1 "
            "builds)",
        ),
    ),
    SdistBreak(
        "pyarrow",
        SpecifierSet(">=0"),
        SpecifierSet(">=3"),
        "pyarrow's sdist builds against the Arrow C++ libraries, which pip does not install: "
        'without them CMake stops with "Could not find a package configuration file provided '
        'by "Arrow"" (where it has cmake at all)',
        (
            "https://github.com/apache/arrow/issues/44443 (pyarrow 17.0.0 on Python 3.13: no "
            "cp313 wheel, 'Failed building wheel for pyarrow'; 18.0.0 is the first with them)",
            "https://github.com/apache/arrow/issues/46331 ('Could not find a package "
            'configuration file provided by "Arrow"\')',
            "https://github.com/astral-sh/uv/issues/7516 (uv: pyarrow==17.0.0 on 3.13)",
        ),
    ),
    SdistBreak(
        "gym",
        SpecifierSet("==0.21.0"),
        SpecifierSet(">=3"),
        "gym 0.21.0's setup.py declares the extra requirement 'opencv-python>=3.', which "
        "setuptools 67 and later reject (packaging 22's stricter specifiers), and pip's build "
        'environment gets the newest setuptools: building its metadata stops with "error in '
        "gym setup command: 'extras_require' must be a dictionary whose values are strings or "
        'lists of strings containing valid project/version requirement specifiers"',
        (
            "https://github.com/openai/gym/issues/3176 (gym 0.21.0: 'extras_require' must be a "
            "dictionary ...; workaround pip install setuptools==65.5.0)",
            "https://github.com/DLR-RM/stable-baselines3/issues/1522 ('Collecting gym==0.21 "
            "... Downloading gym-0.21.0.tar.gz ... Preparing metadata (setup.py) ... error')",
        ),
        sdist_only=True,
    ),
    SdistBreak(
        "pypesq",
        SpecifierSet("==1.2.4"),
        SpecifierSet(">=3"),
        "pypesq 1.2.4's setup.py imports numpy, which it does not declare as a build "
        "requirement, so in pip's isolated build environment (setuptools and wheel only) it "
        "stops with \"ModuleNotFoundError: No module named 'numpy'\"",
        (
            "https://github.com/Stability-AI/stable-audio-tools/issues/170 ('failed to build "
            "pypesq ... Building wheel for pypesq (setup.py) ... error')",
            "https://github.com/lks-ai/ComfyUI-StableAudioSampler/issues/30 (the isolated "
            "metadata build: 'file numpy.py (for module numpy) not found')",
        ),
        sdist_only=True,
    ),
)


def sdist_break(package: str, version: Version, python: str) -> SdistBreak | None:
    """The reason `package` `version`'s sdist cannot build on Python `python`, or None."""
    name = str(canonicalize_name(package))
    for row in BREAKS:
        if row.package == name and version in row.releases and f"{python}.0" in row.pythons:
            return row
    return None
