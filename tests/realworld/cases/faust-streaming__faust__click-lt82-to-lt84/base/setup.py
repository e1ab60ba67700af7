#!/usr/bin/env python3
# -*- coding: utf-8 -*-
import os
import re
import sys

from setuptools import Extension, find_packages, setup

# setuptools, not distutils: distutils was removed from the standard library
# in Python 3.12 (PEP 632), and `import distutils` only keeps working because
# setuptools injects a replacement early via its `_distutils_hack`.  That is a
# compatibility shim, not an API to build on -- and it is not always in place,
# so on an interpreter without setuptools importable this failed with a bare
# `ModuleNotFoundError: No module named 'distutils'` before reaching the line
# above that actually needs setuptools.
#
# These are the public equivalents; `setuptools.errors` has exposed them since
# setuptools 59, well below the >=69 floor in pyproject.toml.
from setuptools.command.build_ext import build_ext
from setuptools.errors import (
    CCompilerError,
    ExecError,
    PlatformError,
)

try:
    from Cython.Build import cythonize
except ImportError:
    USE_CYTHON = False
else:
    USE_CYTHON = os.environ.get("USE_CYTHON", True)


if os.environ.get("NO_CYTHON"):
    USE_CYTHON = False

NAME = "faust"
BUNDLES = {
    "aiodns",
    "aiomonitor",
    "cchardet",
    "ciso8601",
    "ckafka",
    "cython",
    "datadog",
    "debug",
    "fast",
    "fickling",
    "opentelemetry",
    "opentracing",
    "orjson",
    "prometheus",
    "redis",
    "rocksdb",
    "rocksdict",
    "sentry",
    "setproctitle",
    "statsd",
    "uvloop",
    "eventlet",
    "yaml",
}
CFLAGS = ["-O2"]
LDFLAGS = []
LIBRARIES = []
E_UNSUPPORTED_PYTHON = NAME + " 1.0 requires Python %%s or later!"

if sys.version_info < (3, 10):
    raise Exception(E_UNSUPPORTED_PYTHON % ("3.10",))  # NOQA

from pathlib import Path  # noqa

README = Path("README.md")

# -*- Compiler Flags -*-

if sys.platform == "win32":
    LDFLAGS.append("ws2_32.lib")
else:
    CFLAGS.extend(["-Wall", "-Wsign-compare", "-Wconversion"])
    LIBRARIES.append("z")

# -*- C Extensions -*-
ext = ".pyx" if USE_CYTHON else ".c"

extensions = [
    Extension(
        "faust._cython.windows",
        ["faust/_cython/windows" + ext],
        libraries=LIBRARIES,
        extra_compile_args=CFLAGS,
        extra_link_args=LDFLAGS,
    ),
    Extension(
        "faust._cython.streams",
        ["faust/_cython/streams" + ext],
        libraries=LIBRARIES,
        extra_compile_args=CFLAGS,
        extra_link_args=LDFLAGS,
    ),
    Extension(
        "faust.models._cython.fields",
        ["faust/models/_cython/fields" + ext],
        libraries=LIBRARIES,
        extra_compile_args=CFLAGS,
        extra_link_args=LDFLAGS,
    ),
    Extension(
        "faust.transport._cython.conductor",
        ["faust/transport/_cython/conductor" + ext],
        libraries=LIBRARIES,
        extra_compile_args=CFLAGS,
        extra_link_args=LDFLAGS,
    ),
]


if USE_CYTHON:
    print("---*--- USING CYTHON ---*---")
    extensions = cythonize(extensions)


class BuildFailed(Exception):
    pass


class ve_build_ext(build_ext):
    # This class allows C extension building to fail.

    def run(self):
        try:
            build_ext.run(self)
        except (PlatformError, FileNotFoundError):
            raise BuildFailed()

    def build_extension(self, ext):
        try:
            build_ext.build_extension(self, ext)
        except (
            CCompilerError,
            ExecError,
            PlatformError,
            ValueError,
        ):
            raise BuildFailed()


# -*- Distribution Meta -*-

re_meta = re.compile(r"__(\w+?)__\s*=\s*(.*)")
re_doc = re.compile(r'^"""(.+?)"""')


def add_default(m):
    attr_name, attr_value = m.groups()
    return ((attr_name, attr_value.strip("\"'")),)


def add_doc(m):
    return (("doc", m.groups()[0]),)


pats = {re_meta: add_default, re_doc: add_doc}
here = Path(__file__).parent.absolute()
with open(here / NAME / "__init__.py") as meta_fh:
    meta = {}
    for line in meta_fh:
        if line.strip() == "# -eof meta-":
            break
        for pattern, handler in pats.items():
            m = pattern.match(line.strip())
            if m:
                meta.update(handler(m))

# -*- Installation Requires -*-


def strip_comments(comment):
    return comment.split("#", 1)[0].strip()


def _pip_requirement(req, *root):
    if req.startswith("-r "):
        _, path = req.split()
        return reqs(*root, *path.split("/"))
    return [req]


def _reqs(*f):
    path = (Path.cwd() / "requirements").joinpath(*f)
    with path.open() as fh:
        reqs = [strip_comments(line) for line in fh.readlines()]
        return [_pip_requirement(r, *f[:-1]) for r in reqs if r]


def reqs(*f):
    return [req for subreq in _reqs(*f) for req in subreq]


def extras(*p):
    """Parse requirement in the requirements/extras/ directory."""
    return reqs("extras", *p)


def extras_require():
    """Get map of all extra requirements."""
    return {x: extras(x + ".txt") for x in BUNDLES}


with open("README.md") as readme_file:
    long_description = readme_file.read()


def do_setup(**kwargs):
    setup(
        name="faust-streaming",
        # No `setup_requires=["setuptools_scm"]` alongside this.  That option
        # is resolved by `dist.fetch_build_eggs()`, the easy_install-era
        # installer setuptools now warns about on every invocation, and it is
        # redundant: setuptools_scm is declared in `[build-system].requires`,
        # so a PEP 517 build already has it, and requirements/build.txt
        # provides it for a direct `setup.py` call.
        use_scm_version=True,
        description=meta["doc"],
        long_description=long_description,
        long_description_content_type="text/markdown",
        packages=find_packages(exclude=["examples", "ez_setup", "tests", "tests.*"]),
        # PEP-561: https://www.python.org/dev/peps/pep-0561/
        package_data={"faust": ["py.typed"]},
        include_package_data=True,
        python_requires=">=3.10.0",
        zip_safe=False,
        install_requires=reqs("requirements.txt"),
        # No `tests_require=reqs("test.txt")` either.  It only ever fed
        # `setup.py test` -- the command setuptools 72.0.0 deleted, taking
        # `setuptools.command.test` with it -- so setuptools has been
        # reporting it as `Unknown distribution option` and dropping it on the
        # floor.  requirements/test.txt is what installs the test dependencies.
        extras_require=extras_require(),
        entry_points={
            "console_scripts": [
                "faust = faust.cli.faust:cli",
            ],
        },
        **kwargs,
    )


try:
    do_setup(cmdclass={"build_ext": ve_build_ext}, ext_modules=extensions)
except BuildFailed:
    print("************************************************************")
    print("Cannot compile C accelerated modules, using pure python")
    print("************************************************************")
    do_setup()
