"""The shape of the knowledge-base data files (rules/kb/data/*.json), validated with pydantic."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

#: The source files the KB is built from (scripts/kb_build.py); the data files carry the same
#: names.
SOURCE_FILES: tuple[str, ...] = (
    "torch.json",
    "torch_arch.json",
    "cuda_driver.json",
    "tensorflow.json",
    "jax.json",
    "numpy2_abi.json",
    "conda_pytorch_cuda.json",
)


class _Model(BaseModel):
    """Frozen, strict about unknown keys: a data file that drifts from this shape fails to load."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Provenance(_Model):
    """Where a table's facts come from: sources, snapshot date, notes and cross-checks."""

    source: tuple[dict[str, Any], ...]
    snapshot_date: str
    notes: tuple[str, ...] = ()
    cross_checks: tuple[dict[str, Any], ...] = ()


class TorchPatch(_Model):
    """One torch release and the torchvision / torchaudio released with it."""

    torch: str
    torchvision: str | None
    torchaudio: str | None
    note: str | None = None
    pypi_cuda: str | None = None
    pypi_cuda_source: str | None = None
    requires_python: str | None = None
    #: Requires-Dist lines of its Linux x86_64 PyPI wheel that bound a project's version,
    #: other than the nvidia-* wheels (nvidia_requires.json): ``sympy==1.13.1; python_version
    #: >= "3.9"``, ``triton==3.2.0; …``, ``typing-extensions>=4.10.0`` (markers evaluated at
    #: the wheel's lowest CPython; lines an extra guards and unversioned ones left out); the
    #: METADATA file they were read from.
    requires: tuple[str, ...] = ()
    requires_source: str | None = None


class TorchMinor(_Model):
    """One torch minor line (e.g. 2.1): Python range, CUDA builds, wheel variants, patches."""

    minor: str
    python_min: str
    python_max: str
    python_experimental: tuple[str, ...] = ()
    python_max_shipped: str | None = None
    python_max_shipped_source: str | None = None
    cxx_standard: str | None
    cuda_stable: tuple[str, ...]
    cuda_experimental: tuple[str, ...]
    cudnn_by_cuda: dict[str, str]
    rocm_stable: str | None
    matrix_row_source: str
    variants: tuple[str, ...]
    variants_known: bool = True
    variants_source: str | None = None
    python_wheels_linux_x86_64: tuple[str, ...] = ()
    other_observed_variants: tuple[str, ...] = ()
    test_infra_release_cuda: tuple[str, ...] | None = None
    pypi_default_cuda: str | None = None
    pypi_default_cuda_source: str | None = None
    patches: tuple[TorchPatch, ...] = ()


class FamilyRequirement(_Model):
    """What one torchvision / torchaudio / torchtext / ... release requires of torch.

    `requires_torch` is the specifier of its wheel's ``Requires-Dist: torch`` line on Linux
    x86_64 ("==1.6.0", ">=2.11"), or None when the wheel does not require torch at all.
    `linux_wheel` is False for a release the index serves no Linux wheel of (sdist only, or
    other platforms): what it requires is unknown, and `requires_torch` is None; `files` then
    lists the file names the index serves for it (empty when it lists none).
    """

    package: str
    version: str
    requires_torch: str | None
    requires_python: str | None = None
    pure_python: bool = False
    linux_wheel: bool = True
    files: tuple[str, ...] = ()
    source: str


class TorchTable(_Model):
    """torch.json: every torch minor the sources cover (matrix rows and index releases)."""

    provenance: Provenance
    minors: tuple[TorchMinor, ...]
    family_requirements: tuple[FamilyRequirement, ...] = ()
    index_provenance: Provenance | None = None


class WheelArchList(_Model):
    """The sm_XX targets of one CUDA variant of torch wheels, for a range of torch versions."""

    key: str
    variant: str
    torch_min: str | None
    torch_max: str | None
    applies_to: str
    x86_64: tuple[str, ...]
    aarch64: tuple[str, ...] = ()
    ptx: str | None = None
    ptx_raw: str | None = None
    source: str


class MeasuredBuild(_Model):
    """sm_XX targets measured (cuobjdump) on one torch build."""

    torch: str
    cuda: str
    sm: tuple[str, ...]
    measured_on: str
    other_builds_differ: tuple[tuple[str, ...], ...] = ()


class GpuFloor(_Model):
    """The first torch / CUDA that carries kernels for one GPU architecture."""

    arch: str
    label: str
    min_torch: str
    min_cuda: str
    correction: str | None = None


class TorchArchTable(_Model):
    """torch_arch.json: GPU architectures compiled into torch builds."""

    provenance: Provenance
    wheel_lists: tuple[WheelArchList, ...]
    measured: tuple[MeasuredBuild, ...]
    gpu_floors: tuple[GpuFloor, ...]
    gpu_floors_note: str = ""


class DriverFamily(_Model):
    """Minor-version compatibility of one CUDA major family: the lowest Linux driver."""

    major: int
    min_driver_linux: str
    exact_floor_linux: str | None = None
    upper: str | None = None


class ToolkitDriver(_Model):
    """The Linux / Windows driver one CUDA toolkit release needs for full support."""

    cuda: str
    release: str
    patch: str
    linux: str
    windows: str | None


class CudaDriverTable(_Model):
    """cuda_driver.json: CUDA toolkit to minimum driver."""

    provenance: Provenance
    families: tuple[DriverFamily, ...]
    toolkits: tuple[ToolkitDriver, ...]
    image_tags: dict[str, Any]


class TensorflowRelease(_Model):
    """One TensorFlow release's tested Linux GPU build."""

    tensorflow: str
    python_min: str
    python_max: str
    compiler: str
    build_tool: str
    cudnn: str
    cuda: str
    cog_agrees: bool


class TensorflowTable(_Model):
    """tensorflow.json: TF 2.4 onward."""

    provenance: Provenance
    releases: tuple[TensorflowRelease, ...]


class JaxCudaBuild(_Model):
    """One CUDA build of a jax release's plugin wheels (docs' built-with / compatible table)."""

    cuda_built_with: str
    cuda_compatible: str
    cudnn_built_with: str
    cudnn_compatible: str


class JaxRelease(_Model):
    """One jax release: Python, NumPy floor, CUDA extras, CUDA builds, driver floors."""

    jax: str
    tag_date: str
    python_requires: str
    numpy_min: str
    cuda_extras: tuple[str, ...]
    #: extras setup.py declares whose CUDA plugin wheel was never published (with the evidence)
    extras_without_plugin: dict[str, str] = {}
    builds: tuple[JaxCudaBuild, ...] = ()
    min_driver_linux: dict[str, str] = {}
    corrections: tuple[str, ...] = ()


class CondaJaxlibRelease(_Model):
    """One jaxlib version on conda-forge: the CUDA versions its feedstock built it for."""

    jaxlib: str
    cuda_linux_64: tuple[str, ...]
    cuda_linux_aarch64: tuple[str, ...] = ()
    #: first and last date the feedstock recipe carried this version (first-parent history)
    recipe_dates: str
    last_commit: str


class CondaJaxlibTable(_Model):
    """conda-forge's jaxlib CUDA builds (jaxlib-feedstock recipe and CI matrix history)."""

    provenance: Provenance
    releases: tuple[CondaJaxlibRelease, ...]


class JaxTable(_Model):
    """jax.json: every jax release 0.4.20 onward, and conda-forge's jaxlib builds."""

    provenance: Provenance
    releases: tuple[JaxRelease, ...]
    gpu_floors: dict[str, str]
    gpu_floors_source: str
    conda_forge: CondaJaxlibTable | None = None


class Numpy2Package(_Model):
    """The first release of a compiled package whose wheels import under NumPy 2."""

    key: str
    names: tuple[str, ...]
    first_numpy2_version: str | None
    claimed: str | None = None
    evidence_kind: str | None
    evidence: str | None
    notes: str
    confidence: str


class NumpyRequirement(_Model):
    """From `from_version` on, a package itself requires NumPy `numpy` (e.g. >=2)."""

    package: str
    from_version: str
    numpy: str
    source: str


class Numpy2Table(_Model):
    """numpy2_abi.json: NumPy 2 readiness of compiled packages."""

    provenance: Provenance
    packages: tuple[Numpy2Package, ...]
    numpy_requirements: tuple[NumpyRequirement, ...]


class CondaPytorchLine(_Model):
    """One torch minor on the pytorch conda channel: the CUDA selector and its versions."""

    minor: str
    selector: str
    cuda: tuple[str, ...]
    note: str | None = None


class CondaPytorchTable(_Model):
    """conda_pytorch_cuda.json: pytorch-cuda pairings on the pytorch channel."""

    provenance: Provenance
    pytorch_channel: tuple[CondaPytorchLine, ...]
    metapackage_versions: tuple[str, ...]
