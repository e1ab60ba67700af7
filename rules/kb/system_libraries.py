"""PyPI projects whose Linux install always builds an sdist against a system library (pure).

These projects publish no Linux wheel (or none for the releases given), so pip (or uv) builds
their sdist, and the build stops unless the library's development files are installed: the
GDAL bindings run ``gdal-config`` ("It will be necessary to have libgdal and its development
headers installed if pip is expected to do a source build because no wheel is available",
GDAL's PyPI description; OSGeo/gdal#6416: ``pip install gdal`` fails on the official
``python:3.10.7-bullseye`` image), PyAudio includes ``portaudio.h`` (linto-ai/whisper-
timestamped#234: a Docker build fails with "fatal error: portaudio.h: No such file or
directory"). Which releases have a Linux x86_64 (or pure) wheel was read from the package
index's file lists on 2026-12-06: none for GDAL, PyAudio, mysqlclient, pycairo and
python-ldap; psycopg2 2.7 to 2.7.7 only; pygraphviz 2.0 and later only.

`providers` matches the names of OS packages (apt, apk, yum/dnf) and conda packages that
install the library (or may: ``gdal-bin`` pulls in libgdal, ``python3-gdal`` the bindings),
so a stage that installs any of them is not judged. `full_python_lacks`: the official
``python:3.x`` image (not slim or alpine) is built on buildpack-deps, which carries many
``-dev`` packages (libpq-dev, default-libmysqlclient-dev among them); only libraries known to
be absent there (GDAL: OSGeo/gdal#6416) count as missing on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version


@dataclass(frozen=True, slots=True)
class SystemLibrary:
    """`package` releases in `sdist_only` build against `library` on Linux."""

    package: str
    library: str
    sdist_only: SpecifierSet
    providers: re.Pattern[str]
    install: str
    full_python_lacks: bool
    sources: tuple[str, ...]

    def builds(self, version: Version | None) -> bool:
        """Whether `version` (None: any release the requirement admits, all of them sdist-only
        when `sdist_only` is empty) is built from its sdist on Linux."""
        if version is None:
            return not str(self.sdist_only)
        return self.sdist_only.contains(version, prereleases=True)


LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary(
        "gdal",
        "libgdal and its headers (gdal-config)",
        SpecifierSet(),
        re.compile(r"gdal", re.IGNORECASE),
        "apt-get install -y libgdal-dev (and pin GDAL to the system's version: "
        'pip install GDAL=="$(gdal-config --version).*")',
        True,
        (
            "https://pypi.org/project/GDAL/ (dependencies: 'libgdal (X.Y.Z or greater) and "
            "header files (gdal-devel)')",
            "https://github.com/OSGeo/gdal/issues/6416 (pip install gdal fails on "
            "python:3.10.7-bullseye)",
        ),
    ),
    SystemLibrary(
        "pyaudio",
        "PortAudio's headers (portaudio.h)",
        SpecifierSet(),
        re.compile(r"portaudio|pyaudio", re.IGNORECASE),
        "apt-get install -y portaudio19-dev",
        False,
        (
            "https://github.com/linto-ai/whisper-timestamped/issues/234 (Docker build: "
            "'fatal error: portaudio.h: No such file or directory')",
            "https://github.com/googleapis/testing-infra-docker/pull/55 ('Some samples need "
            "PyAudio, which requires portaudio19-dev')",
        ),
    ),
    SystemLibrary(
        "psycopg2",
        "libpq's headers (pg_config)",
        SpecifierSet(
            "!=2.7,!=2.7.1,!=2.7.2,!=2.7.3,!=2.7.3.1,!=2.7.3.2,!=2.7.4,!=2.7.5,"
            "!=2.7.6,!=2.7.6.1,!=2.7.7"
        ),
        re.compile(r"libpq|postgres|psycopg", re.IGNORECASE),
        "apt-get install -y libpq-dev (or depend on psycopg2-binary)",
        False,
        (
            "https://www.psycopg.org/docs/install.html#build-prerequisites ('the libpq header "
            "files ... pg_config')",
        ),
    ),
    SystemLibrary(
        "mysqlclient",
        "the MySQL or MariaDB client headers (pkg-config mysqlclient)",
        SpecifierSet(),
        re.compile(r"mysql|mariadb", re.IGNORECASE),
        "apt-get install -y default-libmysqlclient-dev pkg-config",
        False,
        (
            "https://github.com/PyMySQL/mysqlclient#linux ('You may need to install the Python "
            "3 and MySQL development headers and libraries')",
        ),
    ),
    SystemLibrary(
        "pycairo",
        "cairo's headers (pkg-config cairo)",
        SpecifierSet(),
        re.compile(r"cairo", re.IGNORECASE),
        "apt-get install -y libcairo2-dev pkg-config",
        False,
        ("https://pycairo.readthedocs.io/en/latest/getting_started.html (libcairo2-dev)",),
    ),
    SystemLibrary(
        "pygraphviz",
        "Graphviz's headers (libgraphviz-dev)",
        SpecifierSet("<2.0"),
        re.compile(r"graphviz", re.IGNORECASE),
        "apt-get install -y graphviz libgraphviz-dev",
        False,
        ("https://pygraphviz.github.io/documentation/stable/install.html (graphviz-dev)",),
    ),
    SystemLibrary(
        "python-ldap",
        "OpenLDAP's and Cyrus SASL's headers",
        SpecifierSet(),
        re.compile(r"ldap|sasl", re.IGNORECASE),
        "apt-get install -y libldap2-dev libsasl2-dev",
        False,
        ("https://www.python-ldap.org/en/latest/installing.html#debian",),
    ),
)

_BY_NAME = {row.package: row for row in LIBRARIES}


def system_library(package: str) -> SystemLibrary | None:
    """The row of a project (any spelling of its name), if any."""
    return _BY_NAME.get(str(canonicalize_name(package)))
