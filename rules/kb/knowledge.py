"""The knowledge base: typed queries over the compatibility tables in rules/kb/data."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from rules.kb import wheels
from rules.kb.cudaver import major_minor, to_version, variant_cuda
from rules.kb.nvidia_wheels import cuda_major
from rules.kb.pyspec import linux_x86_64_env
from rules.kb.schema import (
    SOURCE_FILES,
    CondaJaxlibRelease,
    CondaPytorchLine,
    CondaPytorchTable,
    CudaDriverTable,
    FamilyRequirement,
    JaxRelease,
    JaxTable,
    Numpy2Package,
    Numpy2Table,
    Provenance,
    TensorflowRelease,
    TensorflowTable,
    TorchArchTable,
    TorchMinor,
    TorchPatch,
    TorchTable,
)
from rules.kb.tensorflow_wheels import TensorflowWheel, tensorflow_wheel

VersionLike = str | Version

#: Names under which the same compiled project appears (conda names, headless builds).
_ALIASES = {
    "pytorch": "torch",
    "opencv-python-headless": "opencv-python",
    "opencv-contrib-python": "opencv-python",
    "opencv-contrib-python-headless": "opencv-python",
    "tensorflow-cpu": "tensorflow",
    "tensorflow-gpu": "tensorflow",
}


@dataclass(frozen=True, slots=True)
class TorchRelease:
    """A torch version as the KB knows it: its minor line and, when listed, its patch row."""

    version: Version
    line: TorchMinor
    patch: TorchPatch | None

    @property
    def variants(self) -> tuple[str, ...]:
        """Every wheel variant label the index is known to carry for this minor."""
        return self.line.variants + self.line.other_observed_variants

    @property
    def cuda_versions(self) -> tuple[str, ...]:
        """CUDA versions of the CUDA wheel variants ("11.8", "12.1")."""
        found = (variant_cuda(v) for v in self.variants)
        return tuple(sorted({c for c in found if c}, key=lambda c: major_minor(c) or (0, 0)))

    @property
    def pypi_default_cuda(self) -> str | None:
        """The CUDA of the plain PyPI wheel on Linux x86_64, when the KB records it.

        The release's own wheel METADATA when the KB read it, else its minor line's value.
        """
        value = self.patch.pypi_cuda if self.patch and self.patch.pypi_cuda else None
        value = value or self.line.pypi_default_cuda
        return None if value == "cpu" else value

    @property
    def pypi_default_cuda_source(self) -> str | None:
        """Where `pypi_default_cuda` comes from (wheel file and metadata line, or table)."""
        if self.patch is not None and self.patch.pypi_cuda:
            return self.patch.pypi_cuda_source
        return self.line.pypi_default_cuda_source


@dataclass(frozen=True, slots=True)
class TorchFamily:
    """The torchvision / torchaudio versions released with one torch version."""

    torch: str
    torchvision: str | None
    torchaudio: str | None


@dataclass(frozen=True, slots=True)
class ArchList:
    """GPU architectures compiled into a torch build: cubins, optional PTX, where it is from."""

    sm: frozenset[str]
    ptx: str | None
    source: str


@dataclass(frozen=True, slots=True)
class DriverFloor:
    """The drivers a CUDA version needs on Linux.

    `toolkit_driver` is what that toolkit release needs for full support (what nvidia/cuda
    images demand); `family_floor` is the minor-version-compatibility floor of its major
    family (enough for pip wheels that bundle their CUDA runtime).
    """

    cuda: str
    toolkit_driver: str | None
    toolkit_release: str | None
    family_floor: str | None


class KnowledgeBase:
    """Typed queries over the validated KB tables; build it with `load_kb()`."""

    def __init__(
        self,
        torch: TorchTable,
        torch_arch: TorchArchTable,
        cuda_driver: CudaDriverTable,
        tensorflow: TensorflowTable,
        jax: JaxTable,
        numpy2: Numpy2Table,
        conda: CondaPytorchTable,
    ) -> None:
        self.torch = torch
        self.torch_arch = torch_arch
        self.cuda_driver = cuda_driver
        self.tensorflow = tensorflow
        self.jax = jax
        self.numpy2 = numpy2
        self.conda = conda
        self._torch_minors = {row.minor: row for row in torch.minors}
        self._numpy2: dict[str, Numpy2Package] = {
            str(canonicalize_name(n)): p for p in numpy2.packages for n in p.names
        }

    @classmethod
    def from_raw(cls, data: Mapping[str, Any]) -> KnowledgeBase:
        """Validate parsed data files (keyed by file name) into a knowledge base."""
        return cls(
            torch=TorchTable.model_validate(data["torch.json"]),
            torch_arch=TorchArchTable.model_validate(data["torch_arch.json"]),
            cuda_driver=CudaDriverTable.model_validate(data["cuda_driver.json"]),
            tensorflow=TensorflowTable.model_validate(data["tensorflow.json"]),
            jax=JaxTable.model_validate(data["jax.json"]),
            numpy2=Numpy2Table.model_validate(data["numpy2_abi.json"]),
            conda=CondaPytorchTable.model_validate(data["conda_pytorch_cuda.json"]),
        )

    def provenance(self, table: str) -> Provenance:
        """Sources, snapshot date, notes and cross-checks of one table ("torch.json", ...)."""
        tables: dict[str, Any] = {
            "torch.json": self.torch,
            "torch_arch.json": self.torch_arch,
            "cuda_driver.json": self.cuda_driver,
            "tensorflow.json": self.tensorflow,
            "jax.json": self.jax,
            "numpy2_abi.json": self.numpy2,
            "conda_pytorch_cuda.json": self.conda,
        }
        provenance: Provenance = tables[table].provenance
        return provenance

    # torch -----------------------------------------------------------------------------

    def torch_minor(self, version: VersionLike) -> TorchMinor | None:
        """The minor line (e.g. 2.1) of a torch version, when the KB covers it."""
        parsed = _version(version)
        if parsed is None:
            return None
        return self._torch_minors.get(f"{parsed.major}.{parsed.minor}")

    def torch_release(self, version: VersionLike) -> TorchRelease | None:
        """What the KB knows about one torch version (local labels such as +cu118 ignored)."""
        parsed = _version(version)
        line = self.torch_minor(version) if parsed else None
        if parsed is None or line is None:
            return None
        public = Version(parsed.public)
        patch = next((p for p in line.patches if Version(p.torch) == public), None)
        return TorchRelease(version=parsed, line=line, patch=patch)

    def torch_requires(self, torch_version: VersionLike) -> tuple[tuple[Requirement, str], ...]:
        """The versioned Requires-Dist lines of a torch release's Linux x86_64 PyPI wheel other
        than its nvidia-* wheels (``sympy==1.13.1``, ``triton==3.2.0``,
        ``typing-extensions>=4.10.0``) whose marker holds on Linux x86_64 for every Python the
        release has wheels for, each with its source; () when not recorded."""
        release = self.torch_release(torch_version)
        if release is None or release.patch is None or not release.patch.requires:
            return ()
        pythons = release.line.python_wheels_linux_x86_64 or (release.line.python_min,)
        source = f"KB torch.json: {release.patch.requires_source}"
        out = []
        for line in release.patch.requires:
            try:
                req = Requirement(line)
            except InvalidRequirement:
                continue
            marker = req.marker
            if marker is None or all(
                marker.evaluate(linux_x86_64_env(python.rstrip("t"), "")) for python in pythons
            ):
                out.append((req, f"{source}: Requires-Dist: {line}"))
        return tuple(out)

    def torch_family(self, torch_version: VersionLike) -> TorchFamily | None:
        """The torchvision / torchaudio released with `torch_version`, when listed."""
        release = self.torch_release(torch_version)
        if release is None or release.patch is None:
            return None
        patch = release.patch
        return TorchFamily(patch.torch, patch.torchvision, patch.torchaudio)

    def torch_for(self, package: str, version: VersionLike) -> str | None:
        """The torch version a torchvision / torchaudio version was released with."""
        name = canonicalize_name(package)
        parsed = _version(version)
        if parsed is None or name not in ("torchvision", "torchaudio"):
            return None
        public = Version(parsed.public)
        for member, torch, _minor in self.family_pairs(name):
            if member == public:
                return torch
        pinned = self.torch_requirement(name, parsed)
        if pinned is not None and pinned.requires_torch and pinned.requires_torch[:2] == "==":
            return pinned.requires_torch[2:]
        return None

    def family_pairs(self, package: str) -> tuple[tuple[Version, str, str], ...]:
        """(torchvision / torchaudio release, the torch it was released with, that torch's
        minor line) for every pair the release tables list, in table order; () for any other
        package."""
        name = canonicalize_name(package)
        if name not in ("torchvision", "torchaudio"):
            return ()
        return tuple(
            (Version(value), patch.torch, line.minor)
            for line in self.torch.minors
            for patch in line.patches
            if (value := patch.torchvision if name == "torchvision" else patch.torchaudio)
        )

    def torch_versions(self) -> tuple[Version, ...]:
        """Every torch release the KB lists, oldest first."""
        return tuple(sorted(Version(p.torch) for line in self.torch.minors for p in line.patches))

    def torch_requirement(self, package: str, version: VersionLike) -> FamilyRequirement | None:
        """What a torchvision / torchaudio / torchtext / torchdata / torchcodec release requires
        of torch (its wheel's Requires-Dist, exact pin or range, or none), when the KB read it."""
        row = self.torch_requirement_row(package, version)
        return row if row is not None and row.linux_wheel else None

    def torch_requirement_row(self, package: str, version: VersionLike) -> FamilyRequirement | None:
        """The KB's index row of a torch-family release, also when it has no Linux wheel (its
        source then lists the files the index serves)."""
        name = str(canonicalize_name(package))
        parsed = _version(version)
        if parsed is None:
            return None
        public = Version(parsed.public)
        return next(
            (
                row
                for row in self.torch.family_requirements
                if row.package == name and Version(row.version) == public
            ),
            None,
        )

    def torch_arches(
        self, variant: str, torch_version: VersionLike | None = None, machine: str = "x86_64"
    ) -> ArchList | None:
        """The sm_XX list of a torch CUDA build (variant "cu126"; torch version when known).

        Wheel build lists come first (by the torch range they apply to), then cuobjdump
        measurements of conda builds of the same torch version (or minor) and CUDA.
        """
        label = variant.lower()
        parsed = _version(torch_version) if torch_version is not None else None
        candidates = [w for w in self.torch_arch.wheel_lists if w.variant == label]
        for wheel in sorted(candidates, key=lambda w: w.key != f"{label}_torch_{parsed}"):
            arches = wheel.x86_64 if machine == "x86_64" else wheel.aarch64
            if not arches:
                continue
            if parsed is None:
                if wheel.key == label:
                    return ArchList(frozenset(arches), wheel.ptx, f"wheel build list {wheel.key}")
                continue
            low = Version(wheel.torch_min) if wheel.torch_min else None
            high = Version(wheel.torch_max) if wheel.torch_max else None
            public = Version(parsed.public)
            if low is not None and _cut(public, low) < low:
                continue
            if high is not None and _cut(public, high) > high:
                continue
            return ArchList(frozenset(arches), wheel.ptx, f"wheel build list {wheel.key}")
        cuda = variant_cuda(label)
        if parsed is None or cuda is None or machine != "x86_64":
            return None
        same_cuda = [m for m in self.torch_arch.measured if m.cuda == cuda]
        exact = [m for m in same_cuda if Version(m.torch) == Version(parsed.public)]
        minor = [
            m
            for m in same_cuda
            if (Version(m.torch).major, Version(m.torch).minor) == (parsed.major, parsed.minor)
        ]
        for rows in (exact, sorted(minor, key=lambda m: Version(m.torch), reverse=True)):
            if rows:
                row = rows[0]
                return ArchList(
                    frozenset(row.sm),
                    None,
                    f"measured {row.torch}+cuda{row.cuda} ({row.measured_on})",
                )
        return None

    def conda_pytorch_line(self, torch_version: VersionLike) -> CondaPytorchLine | None:
        """The pytorch conda channel's CUDA selector and versions for a torch minor."""
        parsed = _version(torch_version)
        if parsed is None:
            return None
        minor = f"{parsed.major}.{parsed.minor}"
        return next((line for line in self.conda.pytorch_channel if line.minor == minor), None)

    def conda_pytorch_cuda(self, torch_version: VersionLike) -> tuple[str, ...]:
        """CUDA versions the pytorch conda channel built a torch minor for (empty: none)."""
        line = self.conda_pytorch_line(torch_version)
        return line.cuda if line else ()

    def conda_pytorch_last_minor(self) -> Version:
        """The last torch minor published on the pytorch conda channel."""
        return max(Version(line.minor) for line in self.conda.pytorch_channel)

    # tensorflow / jax ------------------------------------------------------------------

    def tensorflow_release(self, version: VersionLike) -> TensorflowRelease | None:
        """The tested Linux GPU build of a TensorFlow minor (2.4 onward)."""
        parsed = _version(version)
        if parsed is None:
            return None
        for row in self.tensorflow.releases:
            known = Version(row.tensorflow)
            if (known.major, known.minor) == (parsed.major, parsed.minor):
                return row
        return None

    def jax_release(self, version: VersionLike) -> JaxRelease | None:
        """One jax release (0.4.20 onward), exact version match."""
        parsed = _version(version)
        if parsed is None:
            return None
        return next(
            (r for r in self.jax.releases if Version(r.jax) == Version(parsed.public)), None
        )

    def conda_jaxlib(self, version: VersionLike) -> CondaJaxlibRelease | None:
        """The CUDA versions conda-forge's feedstock built jaxlib `version` for, when known."""
        parsed = _version(version)
        table = self.jax.conda_forge
        if parsed is None or table is None:
            return None
        public = Version(parsed.public)
        return next((r for r in table.releases if Version(r.jaxlib) == public), None)

    def jax_extra_without_plugin(self, version: VersionLike, extra: str) -> str | None:
        """Why `jax[extra]==version` cannot resolve (its CUDA plugin was never published)."""
        release = self.jax_release(version)
        if release is None:
            return None
        wanted = extra.lower().replace("_", "-")
        for name, why in release.extras_without_plugin.items():
            if name.lower().replace("_", "-") == wanted:
                return why
        return None

    def jax_gpu_floor(self, extra: str) -> str | None:
        """The lowest compute capability the jax plugin wheels of a CUDA extra support."""
        return self.jax.gpu_floors.get(extra.split("-")[0].split("_")[0])

    # wheels (package index listings; rules/kb/wheels.py and neighbours) -----------------

    def pythons_with_wheels(self, package: str, version: VersionLike) -> frozenset[str] | None:
        """CPython minors with a Linux x86_64 wheel of `package==version` (None: unknown)."""
        return wheels.pythons_with_wheels(package, version)

    def has_wheel(self, package: str, version: VersionLike, python: str) -> bool | None:
        """Whether `package==version` has a Linux x86_64 wheel for `python` (None: unknown)."""
        return wheels.has_wheel(package, version, python)

    def tensorflow_wheel(self, package: str, version: VersionLike) -> TensorflowWheel | None:
        """A tensorflow / -gpu / -cpu release as its wheel states it (numpy, [and-cuda], GPU)."""
        return tensorflow_wheel(package, version)

    def nvidia_cuda_major(self, package: str, version: VersionLike | None = None) -> int | None:
        """The CUDA major an nvidia-* runtime wheel (or cuda-toolkit) is built for."""
        found = cuda_major(package, version)
        return found.major if found else None

    # drivers ---------------------------------------------------------------------------

    def min_driver_for_cuda(self, cuda: str) -> DriverFloor | None:
        """The Linux drivers CUDA `cuda` ("12.1", "12.1.1", "12") needs; None if unknown."""
        mm = major_minor(cuda)
        if mm is None:
            return None
        family = next((f for f in self.cuda_driver.families if f.major == mm[0]), None)
        floor = None
        if family is not None:
            floor = family.exact_floor_linux or family.min_driver_linux
        same = [
            t
            for t in self.cuda_driver.toolkits
            if major_minor(t.cuda) == mm and t.cuda.count(".") == 1
        ]
        toolkit = None
        wanted = _version(cuda)
        if same:
            by_patch = sorted(same, key=lambda t: Version(t.patch))
            toolkit = by_patch[0]
            if wanted is not None and cuda.count(".") >= 2:
                for row in by_patch:
                    if Version(row.patch) <= wanted:
                        toolkit = row
        if family is None and toolkit is None:
            return None
        return DriverFloor(
            cuda=cuda,
            toolkit_driver=toolkit.linux if toolkit else None,
            toolkit_release=f"CUDA {toolkit.cuda} {toolkit.release}" if toolkit else None,
            family_floor=floor,
        )

    # numpy -----------------------------------------------------------------------------

    def numpy2_package(self, package: str) -> Numpy2Package | None:
        """The NumPy 2 readiness row of a compiled package, when the KB has one."""
        return self._numpy2.get(_canonical(package))

    def numpy2_first_release(self, package: str) -> Version | None:
        """The first release of `package` whose wheels import under NumPy 2, when known."""
        row = self.numpy2_package(package)
        if row is None or row.first_numpy2_version is None:
            return None
        return Version(row.first_numpy2_version)

    def numpy_requirement(self, package: str, version: VersionLike) -> str | None:
        """The NumPy specifier a package version itself requires, when the KB records it."""
        name = _canonical(package)
        parsed = _version(version)
        if parsed is None:
            return None
        if name in ("jax", "jaxlib"):
            release = self.jax_release(parsed)
            return f">={release.numpy_min}" if release else None
        found = None
        for row in self.numpy2.numpy_requirements:
            applies = row.package == name and Version(row.from_version) <= Version(parsed.public)
            if applies and (
                found is None or Version(row.from_version) > Version(found.from_version)
            ):
                found = row
        return found.numpy if found else None


def _canonical(package: str) -> str:
    name = str(canonicalize_name(package))
    return _ALIASES.get(name, name)


def _version(value: VersionLike | None) -> Version | None:
    if value is None:
        return None
    if isinstance(value, Version):
        return value
    return to_version(value.strip())


def _cut(version: Version, like: Version) -> Version:
    """`version` truncated to as many release parts as `like` (2.8.1 vs 2.8 → 2.8)."""
    return Version(".".join(str(p) for p in version.release[: len(like.release)]))


def _read_data() -> dict[str, Any]:
    folder = resources.files("rules.kb") / "data"
    return {name: json.loads((folder / name).read_text(encoding="utf-8")) for name in SOURCE_FILES}


@cache
def load_kb() -> KnowledgeBase:
    """The packaged knowledge base, read and validated once per process."""
    return KnowledgeBase.from_raw(_read_data())
