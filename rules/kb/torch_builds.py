"""Projects PyPI serves only as sdists whose build imports torch without declaring it.

pip (since 25.3 for every sdist; before it for any with a pyproject.toml, and wherever
setuptools is not installed, as in Python 3.12+ venvs and images) and uv build an sdist in an
isolated environment holding only its declared build requirements. These sdists' setup.py
starts with ``import torch`` and declare no torch, so the build stops with
"ModuleNotFoundError: No module named 'torch'" unless the install passes
``--no-build-isolation`` over an environment that already has torch. pip before 25.3 built a
sdist without a pyproject.toml in the target environment itself, which works only when torch
was installed by an earlier command: a requirement next to torch in the same file or command
fails there too (pip prepares every requirement's metadata before installing any).

Rows were read on 2026-12-05 from every sdist of each project on the package index (its
``setup.py`` imports torch at the top; ``pyproject.toml`` absent, or without torch among its
``[build-system] requires``); PyPI has no wheel of any of them. PyG publishes wheels of its
four extensions per torch and CUDA build on its own pages (``-f
https://data.pyg.org/whl/torch-<version>+<cuda>.html``); flash-attn, mamba-ssm and
causal-conv1d document ``pip install <name> --no-build-isolation``. Pure: a table in code.
"""

from __future__ import annotations

from dataclasses import dataclass

from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

#: PyG's page of wheels for its extensions.
PYG_WHEELS = "https://data.pyg.org/whl/torch-<version>+<cpu|cu121|...>.html"


@dataclass(frozen=True, slots=True)
class TorchBuild:
    """Releases of `package` in `releases` (the newest then: `newest`) whose sdist imports torch
    to build; `fix` says where working builds come from."""

    package: str
    releases: SpecifierSet
    newest: Version
    fix: str
    sources: tuple[str, ...]


_PYG_FIX = f"install it from PyG's wheel page for your torch (-f {PYG_WHEELS})"
_NO_ISOLATION = "install torch first, then this package with --no-build-isolation"

ROWS: tuple[TorchBuild, ...] = (
    *(
        TorchBuild(
            package,
            SpecifierSet(releases),
            Version(newest),
            _PYG_FIX,
            (
                f"the index's {package} sdists {releases}: setup.py begins with import torch "
                "and there is no pyproject.toml; PyPI has no wheel",
                "IBM/materials #34 (a bare torch_scatter in requirements.txt; fixed by removing "
                "it, PR #44)",
            ),
        )
        for package, releases, newest in (
            ("torch-scatter", ">=1.0.4", "2.1.2"),
            ("torch-sparse", ">=0.1.0", "0.6.18"),
            ("torch-cluster", ">=1.1.4", "1.6.3"),
            ("torch-spline-conv", ">=1.0.4", "1.2.2"),
        )
    ),
    # 1.0.5 to 1.0.8 declared torch in [build-system] requires; every other release does not
    *(
        TorchBuild(
            "flash-attn",
            SpecifierSet(releases),
            Version("2.8.3"),
            _NO_ISOLATION,
            (
                "the index's flash-attn sdists: setup.py begins with import torch; 1.0.5-1.0.8 "
                "list torch among their build requirements, the others do not; PyPI has no wheel",
                "Dao-AILab/flash-attention README: pip install flash-attn --no-build-isolation",
            ),
        )
        for releases in ("<1.0.5", ">=1.0.9")
    ),
    # 2.2.3.post2 to 2.3.1 listed torch as a build requirement; 2.3.2.post1's pyproject says
    # "torch is intentionally excluded: pip's build isolation would install" another torch
    *(
        TorchBuild(
            "mamba-ssm",
            SpecifierSet(releases),
            Version("2.3.2.post1"),
            _NO_ISOLATION,
            (
                "the index's mamba-ssm sdists: setup.py begins with import torch; 2.2.3.post2-"
                "2.3.1 list torch among their build requirements, the others do not",
                "state-spaces/mamba README: pip install mamba-ssm --no-build-isolation",
            ),
        )
        for releases in ("<2.2.3.post2", ">=2.3.2.post1")
    ),
    TorchBuild(
        "causal-conv1d",
        SpecifierSet("<1.5.1"),
        Version("1.7.0"),
        _NO_ISOLATION,
        (
            "the index's causal-conv1d sdists: setup.py begins with import torch; 1.5.1 and "
            "later list torch among their build requirements",
        ),
    ),
)


def torch_build(package: str, version: Version) -> TorchBuild | None:
    """The row saying `package` `version`'s sdist imports torch to build, or None."""
    name = str(canonicalize_name(package))
    return next((r for r in ROWS if r.package == name and version in r.releases), None)


def newest(package: str) -> Version | None:
    """The newest release of `package` when the rows were read (None: not in the table)."""
    name = str(canonicalize_name(package))
    return max((r.newest for r in ROWS if r.package == name), default=None)
