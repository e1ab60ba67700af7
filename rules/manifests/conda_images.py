"""The base-environment Python of Docker Hub's conda images, read from the files that build them.

``continuumio/miniconda3:<tag>``: ContinuumIO/docker-images builds the image from
``miniconda3/debian/Dockerfile`` and tags it with the Miniconda version of a git tag
``miniconda3-v<tag>`` (.github/workflows/miniconda_debian_ci.yml, docker/metadata-action
``type=match,pattern=miniconda3-v(.*)``). The Dockerfile at each such git tag installs
``Miniconda3-pyXY_<version>``; its pyXY is the Python (repository snapshot
ContinuumIO/docker-images@dc64b234e2f39d387b160f1e2d8accda6d8bb821, 2024-07-02):

    4.10.3, 4.10.3p0, 4.10.3p1, 4.11.0, 4.12.0  py39
    22.11.1, 23.3.1-0                           py310
    23.5.2-0, 23.9.0-0, 23.10.0-1, 24.1.2-0      py311
    24.3.0-0, 24.4.0-0, 24.5.0-0                 py312

Older tags (4.9.2 and before: the Dockerfile named no pyXY or had no ``miniconda3-v`` tag),
``-alpine`` tags and the moving ``latest`` (the snapshot ends in 2024; the image has moved
since) are left unknown.

``condaforge/miniforge3:<tag>`` (Docker Hub and ``quay.io/``): conda-forge/miniforge-images
builds ``:<MINIFORGE_VERSION>`` and ``:latest`` from the Miniforge3 installer of that release
(.github/workflows/docker-build.yml and ubuntu/Dockerfile,
conda-forge/miniforge-images@841e405aefbff6a3379d52e2ada1945314e2fbc2, 2026-07-01); the
release's Python is `rules.manifests.conda_installers`' Miniforge table. ``latest`` is a
moving tag: read as the newest release there (26.3.2-3, Python 3.13), with a note.
"""

from __future__ import annotations

from rules.manifests.conda_installers import MINIFORGE_LATEST_PYTHON, miniforge_release_python

#: continuumio/miniconda3 image tag -> the Python of its base environment (module docstring).
MINICONDA_IMAGE_PYTHON: dict[str, str] = {
    "4.10.3": "3.9",
    "4.10.3p0": "3.9",
    "4.10.3p1": "3.9",
    "4.11.0": "3.9",
    "4.12.0": "3.9",
    "22.11.1": "3.10",
    "23.3.1-0": "3.10",
    "23.5.2-0": "3.11",
    "23.9.0-0": "3.11",
    "23.10.0-1": "3.11",
    "24.1.2-0": "3.11",
    "24.3.0-0": "3.12",
    "24.4.0-0": "3.12",
    "24.5.0-0": "3.12",
}
#: Why `condaforge/miniforge3:latest` reads as Python 3.13.
MOVING_MINIFORGE_IMAGE_NOTE = (
    "a moving tag: a fresh build pulls the newest image, built from the newest Miniforge "
    f"release (Python {MINIFORGE_LATEST_PYTHON} in the newest one read, conda-forge/miniforge "
    "and miniforge-images 2026-07; a later one may be newer)"
)


def miniconda_image_python(tag: str | None) -> str | None:
    """The Python of `continuumio/miniconda3:<tag>`; None when no source says it."""
    return MINICONDA_IMAGE_PYTHON.get(tag or "")


def miniforge_image_python(tag: str | None) -> tuple[str, str | None] | None:
    """(Python, moving-tag note) of `condaforge/miniforge3:<tag>`; None when not known."""
    if tag is None or tag == "latest":
        return MINIFORGE_LATEST_PYTHON, MOVING_MINIFORGE_IMAGE_NOTE
    python = miniforge_release_python(tag)
    return (python, None) if python else None
