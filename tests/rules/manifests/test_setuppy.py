"""setup.py, read statically: the literal arguments of setup() and the files it reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.manifests.model import FactKind, FileKind, Group, ManifestFile, Span
from rules.manifests.setuppy import MAX_BYTES, SetupPyParser

CASES = Path(__file__).parents[2] / "realworld" / "cases"


def _parse(text: str, path: str = "setup.py") -> ManifestFile:
    return SetupPyParser().parse(path, text)


def _files(manifest: ManifestFile) -> list[str]:
    return [value for key, value in manifest.metadata if key == "requirements-file"]


def test_tnt_helper_reads_requirements_files() -> None:
    # pytorch/tnt@123453efc5344884dfeb417cf708c269a3432cbe:setup.py (realworld case
    # meta-pytorch__tnt__torch-ge-230-vs-tv0152-dev): read_requirements("requirements.txt")
    # inside `if __name__ == "__main__":`, the 'dev' extra from dev-requirements.txt
    text = (CASES / "meta-pytorch__tnt__torch-ge-230-vs-tv0152-dev/head/setup.py").read_text()
    manifest = _parse(text)
    assert manifest.kind == FileKind.SETUP_PY
    assert manifest.errors == ()
    assert manifest.requirements == ()
    assert _files(manifest) == ["setup.py\nrequirements.txt", "setup.py#dev\ndev-requirements.txt"]
    assert manifest.include_paths == ("requirements.txt", "dev-requirements.txt")
    (python,) = manifest.facts
    assert (python.kind, python.value, python.environment) == (FactKind.PYTHON, ">=3.7", "setup.py")
    assert python.location.line == text.splitlines().index('        python_requires=">=3.7",') + 1


# speedcell4/torchdevice@282df5286ea28575306fef4070f82052ad1bea92:setup.py
TORCHDEVICE = """\
from pathlib import Path

from setuptools import setup, find_packages

name = 'torchdevice'

root_dir = Path(__file__).parent.resolve()
with (root_dir / 'requirements.txt').open(mode='r', encoding='utf-8') as fp:
    install_requires = [install_require.strip() for install_require in fp]

setup(
    name=name,
    version='0.1.1',
    packages=[package for package in find_packages() if package.startswith(name)],
    url=f'https://github.com/speedcell4/{name}',
    python_requires='>=3.8',
    install_requires=install_requires,
)
"""

# xingcw/Transformer-Explainability@7f0d07e71890af5739efa574a1ae83c3a1af8051:setup.py
# (abridged: the package-directory loop left out)
TRANSFORMER_EXPLAINABILITY = """\
import setuptools
from pip._internal.req import parse_requirements


install_reqs = parse_requirements("requirements.txt", session="test")
reqs = [str(ir.requirement) for ir in install_reqs]

setuptools.setup(
    name='trans_exp',
    # Only put dependencies that's not depends on cuda directly.
    install_requires=reqs
)
"""

# pablovegan/Python-tips-tools@76751226a5ea543cd409b9c659499080181cce7b:setup.py (abridged)
PYTHON_TIPS = """\
from setuptools import setup


def main() -> None:
    with open("requirements.txt") as f:
        install_requires = f.read().strip().split("\\n")

    metadata = dict(install_requires=install_requires)
    setup(**metadata)
"""


@pytest.mark.parametrize(
    ("text", "path", "name", "files"),
    [
        (TORCHDEVICE, "setup.py", "torchdevice", ["setup.py\nrequirements.txt"]),
        (TRANSFORMER_EXPLAINABILITY, "setup.py", "trans_exp", ["setup.py\nrequirements.txt"]),
        (PYTHON_TIPS, "tools/setup.py", None, ["tools/setup.py\ntools/requirements.txt"]),
        (
            "from setuptools import setup\n"
            "with open('requirements.txt') as f:\n    requirements = f.read().splitlines()\n"
            "setup(name='x', install_requires=requirements)\n",
            "setup.py",
            "x",
            ["setup.py\nrequirements.txt"],
        ),
        (
            "import os\nfrom setuptools import setup\nhere = os.path.dirname(__file__)\n"
            "setup(install_requires=open(os.path.join(here, 'reqs/base.txt'))"
            ".read().splitlines(),\n"
            "      extras_require={'gpu': [l for l in open('reqs/gpu.txt')]})\n",
            "setup.py",
            None,
            ["setup.py\nreqs/base.txt", "setup.py#gpu\nreqs/gpu.txt"],
        ),
        (  # opengeos/leafmap b8ddcf9: one handle name, two files in turn
            "import io\nfrom setuptools import setup\n"
            "with io.open('requirements.txt', encoding='utf-8') as f:\n"
            "    all_reqs = f.read().split('\\n')\n"
            "with io.open('requirements_dev.txt', encoding='utf-8') as f:\n"
            "    dev_reqs = [x.strip() for x in f.read().split('\\n')]\n"
            "install_requires = [x.strip() for x in all_reqs if 'git+' not in x]\n"
            "setup(name='leafmap', install_requires=install_requires,\n"
            "      extras_require={'all': dev_reqs})\n",
            "setup.py",
            "leafmap",
            ["setup.py\nrequirements.txt", "setup.py#all\nrequirements_dev.txt"],
        ),
        (
            "from setuptools import setup\n"
            "def get_install_requires():\n"
            "    with open('requirements.txt') as f:\n        return f.readlines()\n"
            "setup(install_requires=get_install_requires())\n",
            "setup.py",
            None,
            ["setup.py\nrequirements.txt"],
        ),
    ],
)
def test_requirements_files_read_in_place(
    text: str, path: str, name: str | None, files: list[str]
) -> None:
    manifest = _parse(text, path)
    assert manifest.errors == ()
    assert _files(manifest) == files
    assert manifest.include_paths == tuple(f.split("\n")[1] for f in files)
    assert dict(manifest.metadata).get("name") == name


def test_literals_names_and_extras() -> None:
    text = """\
from setuptools import setup

REQUIRED = [
    "torch>=2.1",  # the model
    'numpy<2 ; python_version < "3.12"',
]
EXTRAS = {"dev": ["pytest"], "gpu": ["nvidia-ml-py"] + ["pynvml"], "tf:python_version<'3'": ["tf"]}

setup(
    name="pkg",
    install_requires=REQUIRED + ["tqdm"],
    extras_require=EXTRAS,
    python_requires=">=3.9",
)
"""
    manifest = _parse(text)
    assert manifest.errors == ()
    found = [(r.name, r.environment, r.group, r.location) for r in manifest.requirements]
    assert found == [
        ("torch", "setup.py", Group.RUNTIME, Span("setup.py", 4, 6)),
        ("numpy", "setup.py", Group.RUNTIME, Span("setup.py", 5, 6)),
        ("tqdm", "setup.py", Group.RUNTIME, Span("setup.py", 11, 35)),
        ("pytest", "setup.py#dev", Group.OPTIONAL, Span("setup.py", 7, 20)),
        ("nvidia-ml-py", "setup.py#gpu", Group.OPTIONAL, Span("setup.py", 7, 39)),
        ("pynvml", "setup.py#gpu", Group.OPTIONAL, Span("setup.py", 7, 58)),
    ]
    numpy = manifest.requirements[1]
    assert numpy.marker == 'python_version < "3.12"'
    (python,) = manifest.facts
    assert (python.value, python.location, python.detail) == (
        ">=3.9",
        Span("setup.py", 13, 21),
        'python_requires=">=3.9"',
    )


def test_an_extra_computed_at_run_time_is_skipped_alone() -> None:
    """MouseLand/cellpose e62ae25 (abridged): gui_deps changes under conditions, so its extra
    (and `all`, which adds it) is skipped; `distributed` (bound once) is read, with the `yaml`
    that PyPI has no project for (fixed in 767b752, "yaml --> pyyaml")."""
    text = """\
import setuptools, sys
install_deps = ['numpy>=1.20.0', 'torch>=1.6']
gui_deps = ['pyqtgraph>=0.12.4', 'pyqt6']
distributed_deps = ['dask', 'yaml', 'zarr']
if sys.platform.startswith('darwin'):
    gui_deps.remove('pyqt6')
setuptools.setup(
    name='cellpose',
    install_requires=install_deps,
    extras_require={
        'gui': gui_deps,
        'distributed': distributed_deps,
        'all': gui_deps + distributed_deps,
    },
)
"""
    manifest = _parse(text)
    found = [(r.name, r.environment) for r in manifest.requirements]
    assert found == [
        ("numpy", "setup.py"),
        ("torch", "setup.py"),
        ("dask", "setup.py#distributed"),
        ("yaml", "setup.py#distributed"),
        ("zarr", "setup.py#distributed"),
    ]


def test_an_element_chosen_by_a_condition_is_left_out_alone() -> None:
    """Healthcare-Robotics/assistive-gym a085dc48 (abridged): the list's literal elements are
    read (gym==0.21.0, whose sdist no longer builds), the conditional one is not."""
    text = """\
import sys
from setuptools import setup
setup(
    name='assistive-gym',
    install_requires=[
        'gym==0.21.0',
        'h5py==3.7.0',
        ] + ['screeninfo==0.6.1' if sys.version_info >= (3, 6) else 'screeninfo==0.2'],
)
"""
    manifest = _parse(text)
    assert [(r.name, r.specifier) for r in manifest.requirements] == [
        ("gym", "==0.21.0"),
        ("h5py", "==3.7.0"),
    ]
    assert manifest.errors == ()


@pytest.mark.parametrize(
    "text",
    [
        # computed: no guess
        "from setuptools import setup\nreqs = []\nreqs = ['torch']\nsetup(install_requires=reqs)\n",
        "from setuptools import setup\nreqs = ['torch']\nreqs.append('numpy')\n"
        "setup(install_requires=reqs)\n",
        "from setuptools import setup\nimport sys\n"
        "setup(install_requires=['torch'] if sys.platform == 'linux' else [])\n",
        "from setuptools import setup\nsetup(install_requires=get_deps())\n",
        "from setuptools import setup\n"
        "setup(install_requires=open('README.md').read().splitlines())\n",
        # too big, no setup() call (a file that is not Python: the located error below)
        "import torch\nprint(torch.__version__)\n",
        "from setuptools import setup\nsetup()\n" + "# padding\n" * (MAX_BYTES // 10),
        "from setuptools import setup\nsetup(install_requires=[\0])\n",
        # f-strings with a call, a conversion, a format spec or an unbound name: computed
        "from setuptools import setup\nsetup(install_requires=[f'torch=={get()}'])\n",
        "from setuptools import setup\nv = '2.1'\nsetup(install_requires=[f'torch=={v!r}'])\n",
        "from setuptools import setup\nv = 2\nsetup(install_requires=[f'torch=={v:>3}'])\n",
        "from setuptools import setup\nsetup(install_requires=[f'torch=={VERSION}'])\n",
    ],
)
def test_skipped_silently(text: str) -> None:
    manifest = _parse(text)
    assert manifest.requirements == ()
    assert manifest.include_paths == ()
    assert manifest.errors == ()


def test_bad_literal_requirement_is_a_located_error() -> None:
    manifest = _parse("from setuptools import setup\nsetup(install_requires=['torch>=>2'])\n")
    (error,) = manifest.errors
    assert (error.line, error.column) == (2, 31)
    assert error.rule == "parse-error"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # macs3-project/MACS f73cbb59 (fixed in 70f776b7, issues #541/#544)
        (
            "from setuptools import setup\nnumpy_requires = '>=1.17'\n"
            'install_requires = [f"numpy>={numpy_requires}",]\n'
            "setup(install_requires=install_requires)\n",
            ("error", 3, 21, "'numpy>=>=1.17'"),
        ),
        (
            "from setuptools import setup\nv = '2.1.0'\ncu = 'cu121'\n"
            "setup(install_requires=[f'torch=={v}+{cu}'])\n",
            ("torch", "==2.1.0+cu121", 4, 25),
        ),
    ],
)
def test_an_f_string_of_bound_names_is_read(text: str, expected: tuple[object, ...]) -> None:
    manifest = _parse(text)
    if expected[0] == "error":
        (error,) = manifest.errors
        assert (error.line, error.column) == expected[1:3]
        assert str(expected[3]) in error.message
    else:
        (req,) = manifest.requirements
        assert (req.name, str(req.specifier), req.location.line, req.location.column) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rlworkgroup/garage b2b701a2: a name and a version joined by +
        (
            "from setuptools import setup\nGYM_VERSION = '==0.15.4'\n"
            "REQUIRED = ['akro==0.0.6', 'gym[atari]' + GYM_VERSION]\n"
            "setup(install_requires=REQUIRED)\n",
            [("akro", "==0.0.6"), ("gym", "==0.15.4")],
        ),
        # two lists joined by + stay two lists of requirements
        (
            "from setuptools import setup\nA = ['numpy>=1.20']\n"
            "setup(install_requires=A + ['scipy'])\n",
            [("numpy", ">=1.20"), ("scipy", "")],
        ),
    ],
)
def test_strings_joined_by_plus_are_one_requirement(
    text: str, expected: list[tuple[str, str]]
) -> None:
    manifest = _parse(text)
    assert manifest.errors == ()
    assert [(r.name, str(r.specifier)) for r in manifest.requirements] == expected


def test_columns_count_characters_not_bytes() -> None:
    manifest = _parse(
        "from setuptools import setup\nsetup(description='é', install_requires=['torch'])\n"
    )
    (torch,) = manifest.requirements
    assert torch.location == Span("setup.py", 2, 43)


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SYNTAX = st.sampled_from(
    [*"()[]{}=:,'\"\n +/", "setup(", "install_requires=", "extras_require=", "python_requires=",
     "open('requirements.txt')", ".read().splitlines()", "'torch>=2'", "x = ", "def f():\n    ",
     "with open('r.txt') as f:\n    ", "**kw"]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=6), SYNTAX), max_size=40).map("".join)


@SETTINGS
@given(text=TEXT)
def test_never_raises_and_locations_stay_in_the_file(text: str) -> None:
    manifest = _parse(text)
    lines = max(1, len(text.splitlines()))
    spans = [r.location for r in manifest.requirements] + [f.location for f in manifest.facts]
    spans += list(manifest.includes)
    for span in spans:
        assert 1 <= span.line <= lines
        assert span.column >= 1
    for error in manifest.errors:
        assert error.line is not None
        assert 1 <= error.line <= lines


def test_work_is_bounded() -> None:
    # names that double at each step: skipped once the step budget is spent, not 2**60 reads
    text = "from setuptools import setup\nx0 = ['a']\n"
    text += "".join(f"x{i + 1} = x{i} + x{i}\n" for i in range(60))
    assert _parse(text + "setup(install_requires=x60)\n").requirements == ()
    # one helper called thousands of times is walked once; its file is linked once
    helper = "def r(x):\n" + "    y = 1\n" * 2000 + "    return open(x).read().splitlines()\n"
    calls = ",".join("r('a.txt')" for _ in range(3000))
    manifest = _parse(f"from setuptools import setup\n{helper}setup(install_requires=[{calls}])\n")
    assert manifest.include_paths == ("a.txt",)
    # f-strings of f-strings multiply a literal (100 copies of 100 copies of 200 KB: 2 GB):
    # past MAX_COMPOSED characters (here 10 x 10 x 10 KB, a 1 MB name) the value is skipped
    text = "from setuptools import setup\na = '" + "x" * 10_000 + "'\n"
    text += "b = f'" + "{a}" * 10 + "'\nc = f'" + "{b}" * 10 + "'\n"
    assert _parse(text + "setup(install_requires=[b])\n").requirements[0].name == "x" * 100_000
    assert _parse(text + "setup(install_requires=[c])\n").requirements == ()
    small = "from setuptools import setup\nv = '1.26.4'\nw = f'{v}'\n"
    (req,) = _parse(small + "setup(install_requires=[f'numpy=={w}'])\n").requirements
    assert str(req.specifier) == "==1.26.4"


def test_hugging_face_dependency_table() -> None:
    # uclaml/SPIN 585bf2b setup.py (realworld case uclaml__spin__vllm030-pin-vs-transformers435),
    # the pattern of huggingface/transformers' setup.py: `deps["vllm"]` and `deps_list(...)`
    text = (CASES / "uclaml__spin__vllm030-pin-vs-transformers435/head/setup.py").read_text()
    manifest = _parse(text)
    runtime = {r.name: r.raw for r in manifest.requirements if r.environment == "setup.py"}
    assert runtime["vllm"] == "vllm==0.3.0"
    assert runtime["transformers"] == "transformers==4.35.0"
    assert len(runtime) == 20
    vllm = next(r for r in manifest.requirements if r.name == "vllm")
    assert vllm.location.line == text.splitlines().index('    "vllm==0.3.0",') + 1
    assert manifest.errors == ()


@pytest.mark.parametrize(
    "table",
    [
        # not a comprehension over a list: nothing is guessed
        'deps = {"torch": "torch==2.0"}\ndeps = {}\n',
        "deps = {b: a for a, b in pairs()}\n",
    ],
)
def test_dependency_tables_that_are_not_read(table: str) -> None:
    text = table + 'from setuptools import setup\nsetup(install_requires=[deps["torch"]])\n'
    assert _parse(text).requirements == ()


def test_deps_list_calls() -> None:
    text = (
        '_deps = ["torch==2.1.0", "numpy>=1.24", "black"]\n'
        "deps = {b: a for a, b in (re.findall(r'^(([^!=<>~ ]+)(?:[!=<>~ ].*)?$)', x)[0]"
        " for x in _deps)}\n"
        "def deps_list(*pkgs):\n    return [deps[pkg] for pkg in pkgs]\n"
        'setup(install_requires=deps_list("torch", "numpy"),'
        ' extras_require={"dev": deps_list("black")})\n'
    )
    manifest = _parse(text)
    assert [(r.raw, r.environment) for r in manifest.requirements] == [
        ("torch==2.1.0", "setup.py"),
        ("numpy>=1.24", "setup.py"),
        ("black", "setup.py#dev"),
    ]


def test_extras_filled_in_key_by_key_are_read() -> None:
    """rlworkgroup/garage b2b701a2: ``EXTRAS = {}`` then ``EXTRAS['mujoco'] = [...]``; a key
    whose value is computed (``list(set(sum(EXTRAS.values(), [])))``) is left out, and a key
    assigned twice keeps its last value."""
    manifest = _parse(
        "from setuptools import setup\nGYM = '==0.15.4'\nEXTRAS = {'old': ['six']}\n"
        "EXTRAS['mujoco'] = ['mujoco-py<2.1,>=2.0', 'gym[all]' + GYM]\n"
        "EXTRAS['all'] = list(set(sum(EXTRAS.values(), [])))\n"
        "EXTRAS['old'] = ['attrs']\n"
        "setup(install_requires=['numpy'], extras_require=EXTRAS)\n"
    )
    assert manifest.errors == ()
    assert [(r.name, str(r.specifier), r.environment) for r in manifest.requirements] == [
        ("numpy", "", "setup.py"),
        ("mujoco-py", "<2.1,>=2.0", "setup.py#mujoco"),
        ("gym", "==0.15.4", "setup.py#mujoco"),
        ("attrs", "", "setup.py#old"),
    ]


def test_an_extra_made_of_other_extras_is_read() -> None:
    """aws/sagemaker-huggingface-inference-toolkit (CI installs ``.[test,dev]``):
    ``extras["dev"] = extras["transformers"] + ... + extras["diffusers"]``, and zfit/zfit's
    ``list(set(extras["a"] + extras["b"]))``; a key set twice, or a dict the file mutates,
    is not followed (the extra is left out, the others stay)."""
    manifest = _parse(
        "from setuptools import setup\nextras = {'base': ['six']}\n"
        "extras['torch'] = ['torch>=1.8.0']\nextras['diffusers'] = ['diffusers==0.23.1']\n"
        "extras['dev'] = extras['torch'] + extras['diffusers'] + ['pytest']\n"
        "extras['all'] = list(set(extras['base'] + extras['torch']))\n"
        "extras['twice'] = ['a']\nextras['twice'] = ['b']\n"
        "extras['bad'] = extras['twice']\n"
        "setup(extras_require=extras)\n"
    )
    assert manifest.errors == ()
    by_extra: dict[str, list[str]] = {}
    for r in manifest.requirements:
        by_extra.setdefault(r.environment, []).append(r.name)
    assert by_extra == {
        "setup.py#base": ["six"],
        "setup.py#torch": ["torch"],
        "setup.py#diffusers": ["diffusers"],
        "setup.py#dev": ["torch", "diffusers", "pytest"],
        "setup.py#all": ["six", "torch"],
        "setup.py#twice": ["b"],
    }
    mutated = _parse(
        "from setuptools import setup\nextras = {'a': ['six']}\nextras.update(b=['x'])\n"
        "extras['c'] = extras['a'] + ['y']\nsetup(extras_require=extras)\n"
    )
    assert [r.environment for r in mutated.requirements] == []


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        (  # Farama-Foundation/Miniworld 8494d58f: the comma after description= dropped
            "from setuptools import setup\nsetup(\n    name='miniworld',\n"
            "    description='x'\n    url='https://example.org',\n)\n",
            (4, 17),
            "Perhaps you forgot a comma?",
        ),
        (  # Farama-Foundation/SuperSuit 3130cd45: two merged keyword lists (the compiler's)
            "from setuptools import setup\nsetup(\n    name='a',\n    name='b',\n)\n",
            (4, 5),
            "keyword argument repeated: name",
        ),
        ("def broken(:\n    setup(install_requires=['torch'])\n", (1, 12), "invalid syntax"),
    ],
)
def test_a_setup_py_that_is_not_python_is_a_located_error(
    text: str, where: tuple[int, int], says: str
) -> None:
    manifest = _parse(text)
    (error,) = manifest.errors
    assert (error.rule, error.line, error.column) == ("parse-error", *where)
    assert says in error.message and "pip runs setup.py" in error.message


@pytest.mark.parametrize(
    "text",
    [
        "from setuptools import setup\nprint 'building'\nsetup(name='old')\n",
        "from distutils.core import setup\ntry:\n    import x\nexcept ImportError, e:\n"
        "    pass\nsetup(name='old')\n",
        "import os\nos.chmod('f', 0755)\nfrom setuptools import setup\nsetup(name='old')\n",
    ],
)
def test_a_python_2_setup_py_is_no_error(text: str) -> None:
    """A Python 2 project's setup.py is not broken: it runs on the Python it was written for."""
    assert _parse(text).errors == ()


@pytest.mark.parametrize(
    ("value", "errors"),
    [
        (">=3.6.*", [(1, 64)]),  # jinseokbae/pmp 705ad29: a wildcard after >=
        (">=3.6", []),
        ("", []),  # nothing said: nothing judged
    ],
)
def test_an_invalid_python_requires_is_a_located_error(
    value: str, errors: list[tuple[int, int]]
) -> None:
    manifest = _parse(f'from setuptools import setup; setup(name="x", python_requires="{value}")\n')
    assert [(e.line, e.column) for e in manifest.errors] == errors


@pytest.mark.parametrize("mutated", [False, True])
def test_an_extras_table_spread_into_extras_require_is_read(mutated: bool) -> None:
    """PufferAI/PufferLib 367c7b1: ``extras_require={'docs': docs, **compatible, **other}``;
    setuptools checks every extra when setup.py runs, so the bare git URL that 367c7b1
    uncommented in ``other`` stops any install, also when ``compatible`` is changed by a
    loop (the entries are then read one by one)."""
    loop = "for k, v in compatible.items():\n    compatible[k] = v + ['six']\n" if mutated else ""
    manifest = _parse(
        "from setuptools import setup\ndocs = ['sphinx']\ncompatible = {'atari': ['ale-py']}\n"
        f"{loop}"
        "other = {'stable-retro': ['git+https://github.com/Farama-Foundation/stable-retro.git']}\n"
        "setup(install_requires=['numpy'], extras_require={'docs': docs, **compatible, **other})\n"
    )
    [error] = manifest.errors
    assert (error.line, error.column) == (4 + mutated * 2, 31)
    got = [(r.name, r.environment) for r in manifest.requirements]
    assert ("sphinx", "setup.py#docs") in got
    if not mutated:
        assert ("ale-py", "setup.py#atari") in got


def test_helpers_reading_module_constants_and_a_dict_call_of_extras() -> None:
    """arviz-devs/arviz (abridged): helpers without arguments read files named by module
    constants, and extras_require is a dict(...) call of them."""
    text = """\
import codecs
import os
from setuptools import setup

PROJECT_ROOT = os.path.dirname(os.path.realpath(__file__))
REQUIREMENTS_FILE = os.path.join(PROJECT_ROOT, "requirements.txt")
REQUIREMENTS_DEV_FILE = os.path.join(PROJECT_ROOT, "requirements-dev.txt")


def get_requirements():
    with codecs.open(REQUIREMENTS_FILE) as buff:
        return buff.read().splitlines()


def get_requirements_dev():
    with codecs.open(REQUIREMENTS_DEV_FILE) as buff:
        return buff.read().splitlines()


setup(
    name="arviz",
    install_requires=get_requirements(),
    extras_require=dict(test=get_requirements_dev()),
)
"""
    manifest = _parse(text)
    files = [v for k, v in manifest.metadata if k == "requirements-file"]
    assert files == ["setup.py\nrequirements.txt", "setup.py#test\nrequirements-dev.txt"]
    raw = [v for k, v in manifest.metadata if k == "raw-lines-file"]
    assert raw == files  # each helper hands its lines on as they are
