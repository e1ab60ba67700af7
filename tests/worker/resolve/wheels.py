"""Generate tiny wheels and sdists with chosen metadata, laid out as local package indexes."""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from packaging.utils import canonicalize_name


@dataclass(frozen=True)
class Dist:
    """One distribution to generate: a wheel (default) or an sdist."""

    name: str
    version: str
    requires: tuple[str, ...] = ()
    requires_python: str | None = None
    sdist: bool = False
    tag: str = "py3-none-any"
    #: 2.2 and later: an sdist's PKG-INFO states its Requires-Dist statically (PEP 643)
    metadata_version: str = "2.1"


def _escape(name: str) -> str:
    return canonicalize_name(name).replace("-", "_")


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def metadata_text(dist: Dist) -> str:
    """The METADATA / PKG-INFO text of a distribution."""
    lines = [
        f"Metadata-Version: {dist.metadata_version}",
        f"Name: {dist.name}",
        f"Version: {dist.version}",
    ]
    if dist.requires_python:
        lines.append(f"Requires-Python: {dist.requires_python}")
    lines.extend(f"Requires-Dist: {req}" for req in dist.requires)
    return "\n".join(lines) + "\n"


def wheel_bytes(dist: Dist) -> bytes:
    """A valid, installable wheel holding one empty module and the metadata."""
    stem = f"{_escape(dist.name)}-{dist.version}"
    files: dict[str, bytes] = {
        f"{_escape(dist.name)}/__init__.py": b"",
        f"{stem}.dist-info/METADATA": metadata_text(dist).encode(),
        f"{stem}.dist-info/WHEEL": (
            f"Wheel-Version: 1.0\nGenerator: depreview-tests\nRoot-Is-Purelib: true\n"
            f"Tag: {dist.tag}\n"
        ).encode(),
    }
    record = [_record_line(path, data) for path, data in files.items()]
    record.append(f"{stem}.dist-info/RECORD,,")
    files[f"{stem}.dist-info/RECORD"] = ("\n".join(record) + "\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            info = zipfile.ZipInfo(path, date_time=(2024, 1, 1, 0, 0, 0))
            archive.writestr(info, data)
    return buffer.getvalue()


def sdist_bytes(dist: Dist) -> bytes:
    """A source archive whose build would fail loudly (it must never be built)."""
    stem = f"{_escape(dist.name)}-{dist.version}"
    files = {
        f"{stem}/PKG-INFO": metadata_text(dist).encode(),
        f"{stem}/setup.py": b"raise SystemExit('depreview must never build an sdist')\n",
    }
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path, data in files.items():
            info = tarfile.TarInfo(path)
            info.size = len(data)
            info.mtime = 1704067200
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def filename(dist: Dist) -> str:
    """The file name of the generated distribution."""
    if dist.sdist:
        return f"{_escape(dist.name)}-{dist.version}.tar.gz"
    return f"{_escape(dist.name)}-{dist.version}-{dist.tag}.whl"


def write_flat(directory: Path, dists: Iterable[Dist]) -> Path:
    """Write distributions into one flat directory (for `--find-links`)."""
    directory.mkdir(parents=True, exist_ok=True)
    for dist in dists:
        data = sdist_bytes(dist) if dist.sdist else wheel_bytes(dist)
        (directory / filename(dist)).write_bytes(data)
    return directory


def write_simple(directory: Path, dists: Sequence[Dist]) -> Path:
    """Write a PEP 503 simple index (`<dir>/<project>/index.html` plus the files)."""
    directory.mkdir(parents=True, exist_ok=True)
    projects: dict[str, list[Dist]] = {}
    for dist in dists:
        projects.setdefault(canonicalize_name(dist.name), []).append(dist)
    root_links = []
    for project, members in sorted(projects.items()):
        project_dir = directory / project
        write_flat(project_dir, members)
        links = []
        for dist in members:
            data = (project_dir / filename(dist)).read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            links.append(f'<a href="{filename(dist)}#sha256={digest}">{filename(dist)}</a><br/>')
        (project_dir / "index.html").write_text(
            "<!DOCTYPE html><html><body>\n" + "\n".join(links) + "\n</body></html>\n"
        )
        root_links.append(f'<a href="{project}/">{project}</a><br/>')
    (directory / "index.html").write_text(
        "<!DOCTYPE html><html><body>\n" + "\n".join(root_links) + "\n</body></html>\n"
    )
    return directory


#: A small ML-shaped universe on the default index.
BASE_DISTS: tuple[Dist, ...] = (
    Dist("numpy", "1.23.5"),
    Dist("numpy", "1.26.4"),
    Dist("numpy", "2.1.0"),
    Dist("scipy", "1.10.1", ("numpy<1.24,>=1.19.5",)),
    Dist("pandas", "2.2.3", ("numpy>=1.23.2", "python-dateutil>=2.8.2")),
    Dist("python-dateutil", "2.9.0", ("six>=1.5",)),
    Dist("six", "1.16.0"),
    Dist("six", "1.17.0"),
    Dist("filelock", "3.13.1"),
    Dist("typing-extensions", "4.12.2"),
    Dist("sympy", "1.13.1"),
    Dist("torch", "2.1.0", ("filelock", "typing-extensions", "sympy")),
    Dist("legacy-only", "0.1.0", sdist=True),
    # an sdist-only release below one with both a wheel and an sdist (stand-in priority)
    Dist("dual", "0.9.0", sdist=True),
    Dist("dual", "1.0.0", ("six>=1.17",)),
    Dist("dual", "1.0.0", ("six>=1.17",), sdist=True),
    # an sdist-only release whose PKG-INFO states its requirements (metadata 2.2)
    Dist("static-sdist", "1.0.0", ("numpy<1.24",), sdist=True, metadata_version="2.2"),
    Dist("uses-legacy", "1.0.0", ("legacy-only>=0.1",)),
    Dist("lib-a", "1.0.0", ("shared<2",)),
    Dist("lib-b", "1.0.0", ("shared>=2",)),
    Dist("shared", "1.5.0"),
    Dist("shared", "2.0.0"),
    Dist("lib-x", "1.0.0", ("numpy<2",)),
    Dist("newpy", "1.0.0", requires_python=">=3.10"),
    Dist("lib-x", "2.0.0", ("numpy>=2", "six>=1.16")),
)

#: The CPU-only torch build (like the PyTorch CPU index).
CPU_DISTS: tuple[Dist, ...] = (
    Dist("torch", "2.1.0+cpu", ("filelock", "typing-extensions", "sympy")),
)


@dataclass(frozen=True)
class Universe:
    """Local indexes as `file://` URLs: the default index, per-CUDA torch indexes, flat dir."""

    root: Path
    pypi: str
    cu118: str
    cu121: str
    cpu: str
    flat: Path


def build_universe(root: Path) -> Universe:
    """Write every local index of the tests under `root`."""
    return Universe(
        root=root,
        pypi=write_simple(root / "pypi", BASE_DISTS).as_uri(),
        cu118=write_simple(root / "cu118", torch_cuda_dists("cu118")).as_uri(),
        cu121=write_simple(root / "cu121", torch_cuda_dists("cu121")).as_uri(),
        cpu=write_simple(root / "cpu", CPU_DISTS).as_uri(),
        flat=write_flat(root / "flat", (*BASE_DISTS, *CPU_DISTS)),
    )


def torch_cuda_dists(local: str) -> tuple[Dist, ...]:
    """A torch build for one CUDA variant (an extra index of its own)."""
    return (
        Dist(
            "torch", f"2.1.0+{local}", ("filelock", "typing-extensions", "sympy", "triton==2.1.0")
        ),
        Dist("triton", "2.1.0", ("filelock",)),
    )
