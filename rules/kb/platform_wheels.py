"""Releases of torch, torchvision, torchaudio, jaxlib and TensorFlow that publish no wheel for
a macOS platform (pure).

None of these projects publishes an sdist pip could build (torchvision's one sdist is 0.1.6,
of 2016), so a release without a wheel for the platform has no distribution there and pip
stops with "No matching distribution found". Read from the index's JSON file lists on
2026-12-06:

- torch: no macOS x86_64 wheel from 2.3.0 (2.2.2 is the last); no macOS arm64 wheel before
  1.8.0, nor for 1.8.1 and 1.9.1. torchvision: none for x86_64 from 0.18.0, none for arm64
  before 0.10.0 and for 0.10.1, 0.11.0 and 0.11.1. torchaudio: none for x86_64 from 2.3.0,
  none for arm64 before 0.9.0 and for 0.10.0.
- jaxlib: no macOS x86_64 wheel from 0.5.0 (0.4.38 is the last).
- tensorflow: no macOS arm64 wheel before 2.13.0 (Apple Silicon used tensorflow-macos); no
  macOS x86_64 wheel from 2.17.0.

Real cases: MannLabs/alphapeptdeep's Dependabot PR #261 moved the Intel-Mac line
``torch==2.2.2; sys_platform == 'darwin' and platform_machine == 'x86_64'`` to 2.8.0;
PennyLaneAI/pennylane-lightning #1160 (jax 0.5.3 in the macOS x86_64 wheel tests, fixed by
#1163); determined-ai/determined #7599 (an unmarked ``tensorflow==2.12.0``, fixed by #7679).
"""

from __future__ import annotations

from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

#: package -> platform -> the specifier sets of releases with no wheel there (any matches).
_NO_WHEEL: dict[str, dict[str, tuple[SpecifierSet, ...]]] = {
    "torch": {
        "macos_x86_64": (SpecifierSet(">=2.3.0"),),
        "macos_arm64": (SpecifierSet("<1.8.0"), SpecifierSet("==1.8.1"), SpecifierSet("==1.9.1")),
    },
    "torchvision": {
        "macos_x86_64": (SpecifierSet(">=0.18.0"),),
        "macos_arm64": (
            SpecifierSet("<0.10.0"),
            SpecifierSet("==0.10.1"),
            SpecifierSet(">=0.11.0,<0.11.2"),
        ),
    },
    "torchaudio": {
        "macos_x86_64": (SpecifierSet(">=2.3.0"),),
        "macos_arm64": (SpecifierSet("<0.9.0"), SpecifierSet("==0.10.0")),
    },
    "jaxlib": {"macos_x86_64": (SpecifierSet(">=0.5.0"),)},
    "tensorflow": {
        "macos_arm64": (SpecifierSet("<2.13.0"),),
        "macos_x86_64": (SpecifierSet(">=2.17.0"),),
    },
}

READ_ON = "2026-12-06"


def judged_platforms(package: str) -> tuple[str, ...]:
    """The platforms the table judges for `package` (() for other packages)."""
    return tuple(_NO_WHEEL.get(str(canonicalize_name(package)), {}))


def has_no_wheel(package: str, platform: str, version: Version) -> bool:
    """Whether PyPI's `package` `version` has no wheel (and no sdist) for `platform`."""
    sets = _NO_WHEEL.get(str(canonicalize_name(package)), {}).get(platform, ())
    public = Version(version.public)
    return any(spec.contains(public, prereleases=True) for spec in sets)
