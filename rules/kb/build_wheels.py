"""Turn the package index's wheel listings (scripts/wheels_from_index.py) into KB data.

Pure: takes the parsed ``pypi_wheels.json`` source (and ``tensorflow.json`` for the one prose
fact it needs), returns JSON-able dicts for ``wheels.json`` (per-Python Linux x86_64 wheel
availability of the most used ML packages), ``tensorflow_wheels.json`` (TensorFlow releases:
Python, numpy and ``[and-cuda]`` requirements, and every install requirement, from their
METADATA) and ``nvidia_wheels.json``
(the CUDA major each ``nvidia-*`` runtime wheel name implies). Every row names what it rests on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from rules.kb.cudaver import name_cuda_major
from rules.kb.pyspec import collapse, lowest_open, tag_pythons

#: The optional source file with the listings (absent: these data files are not built).
WHEELS_SOURCE = "pypi_wheels.json"

#: The data files built from it.
WHEELS_DATA = "wheels.json"
#: The fields of a wheels.json release row, in order.
ROW_FIELDS = ("version", "cpython_minors", "open_floor", "requires_python", "sdist", "yanked")
TENSORFLOW_DATA = "tensorflow_wheels.json"
NVIDIA_DATA = "nvidia_wheels.json"

#: The most used ML packages whose per-Python wheel availability the KB records.
WHEEL_PACKAGES: tuple[str, ...] = (
    "numpy",
    "scipy",
    "pandas",
    "scikit-learn",
    "matplotlib",
    "torch",
    "torchvision",
    "torchaudio",
    "tensorflow",
    "tensorflow-cpu",
    "tensorflow-gpu",
    "tf-keras",
    "tensorflow-io-gcs-filesystem",
    "jax",
    "jaxlib",
    "opencv-python",
    "opencv-python-headless",
    "pillow",
    "h5py",
    "numba",
    "llvmlite",
    "pyarrow",
    "tokenizers",
    "safetensors",
    "xgboost",
    "lightgbm",
    "catboost",
    "onnx",
    "onnxruntime",
    "onnxruntime-gpu",
    "scikit-image",
    "shapely",
    "grpcio",
    "protobuf",
    "psutil",
    "pyyaml",
    "regex",
    "sentencepiece",
    "spacy",
    "thinc",
    "blis",
    "cupy-cuda12x",
    "faiss-cpu",
    "bitsandbytes",
    "triton",
    "xformers",
    "deepspeed",
    "apex",
    "flash-attn",
    "mpi4py",
    "pydantic-core",
    "orjson",
    "lxml",
    "statsmodels",
    "gensim",
    "transformers",
    "accelerate",
    "datasets",
    # more compiled packages ML / data projects commonly install: on a Python they have no
    # wheel for, pip builds their sdist (and needs a compiler)
    "psycopg2-binary",
    # pure-Python packages whose Requires-Python floors break old CI legs (networkx 3.0 needs
    # Python 3.8: mandiant/capa #1275, reverted in #1280)
    "networkx",
    "sympy",
    "ipython",
    # pure-Python ML libraries whose exact pins name releases never uploaded (timm==0.4.8:
    # facebookresearch/xcit #6; peft==0.3.0dev: ymcui/Chinese-LLaMA-Alpaca 074e93d)
    "timm",
    "peft",
    "huggingface-hub",
    "diffusers",
    "sentence-transformers",
    "einops",
    "pytorch-lightning",
    "lightning",
    "torchmetrics",
    "gradio",
    "albumentations",
    "ultralytics",
    "trl",
    "keras",
    "optuna",
    "open-clip-torch",
    "torch-geometric",
    "hdbscan",
    "tiktoken",
    "pymupdf",
    "numexpr",
    "bottleneck",
    "tables",
    "pycocotools",
    "pywavelets",
    "cymem",
    "preshed",
    "murmurhash",
    "srsly",
    "duckdb",
    "pyzmq",
    "cryptography",
    "ujson",
    "pyproj",
    "netcdf4",
    "kiwisolver",
    "contourpy",
    "soxr",
    "insightface",
    "ctranslate2",
    "editdistance",
    # compiled ML packages with per-Python wheels (ray==2.41.0 has cp39-cp312 only and no
    # sdist: py-why/econml 4463a54b; tflite-runtime==2.9.0 was never uploaded:
    # Seeed-Studio/ModelAssistant)
    "ray",
    "tflite-runtime",
    "ml-dtypes",
    "tensorstore",
    "dm-tree",
    "shap",
    "open3d",
    "rdkit",
    "mujoco",
    "tensorflow-text",
    "tensorflow-addons",
    "paddlepaddle",
    "mxnet",
    "opencv-contrib-python",
    "av",
    "decord",
    "polars",
    "numcodecs",
    "torchtext",
)

#: Packages whose METADATA is read per release (from this version on): TensorFlow.
METADATA_PACKAGES: dict[str, str] = {
    "tensorflow": "1.0.0",
    "tensorflow-gpu": "1.0.0",
    "tensorflow-cpu": "1.15.0",
}

#: NVIDIA's CUDA runtime wheels (every final version is recorded).
NVIDIA_PACKAGES: tuple[str, ...] = (
    "nvidia-cuda-runtime-cu11",
    "nvidia-cuda-runtime-cu12",
    "nvidia-cuda-runtime-cu13",
    "nvidia-cuda-runtime",
    "nvidia-cudnn-cu11",
    "nvidia-cudnn-cu12",
    "nvidia-cudnn-cu13",
    "nvidia-cublas-cu11",
    "nvidia-cublas-cu12",
    "nvidia-cublas-cu13",
    "nvidia-cublas",
    "nvidia-cuda-nvrtc-cu11",
    "nvidia-cuda-nvrtc-cu12",
    "nvidia-cuda-nvrtc",
    "nvidia-nccl-cu11",
    "nvidia-nccl-cu12",
    "nvidia-nccl-cu13",
    "nvidia-nvjitlink-cu12",
    "nvidia-nvjitlink",
    "cuda-toolkit",
)


class WheelSourceError(ValueError):
    """The wheel listing source does not have the shape this build knows."""


_PROVENANCE_KEYS = ("source", "snapshot_date", "notes", "cross_checks")

#: The prose fact tensorflow_wheels.json rests on: since when the plain `tensorflow` package
#: carries GPU support (TensorFlow 2.1.0 release notes, quoted in tensorflow.json notes).
_TF_GPU_SINCE = (
    "2.1.0",
    "The `tensorflow` pip package now includes GPU support by default (same as "
    "`tensorflow-gpu`) for both Linux and Windows.",
)


def build_wheels(
    source: Mapping[str, Any], tensorflow: Mapping[str, Any], tensorflow_text: str
) -> dict[str, dict[str, Any]]:
    """The three data files built from the listings (`tensorflow`: the tensorflow.json source,
    for its tested builds of the tensorflow-gpu-only releases; `tensorflow_text`: its text)."""
    if not isinstance(source, Mapping):
        raise WheelSourceError(f"{WHEELS_SOURCE}: expected an object")
    missing = [k for k in (*_PROVENANCE_KEYS, "packages") if k not in source]
    if missing:
        raise WheelSourceError(f"{WHEELS_SOURCE}: missing keys {missing}")
    packages: Mapping[str, Any] = source["packages"]
    provenance = {k: source[k] for k in _PROVENANCE_KEYS}
    return {
        WHEELS_DATA: _wheels(provenance, packages),
        TENSORFLOW_DATA: _tensorflow(provenance, packages, tensorflow, tensorflow_text),
        NVIDIA_DATA: _nvidia(provenance, packages),
    }


def release_pythons(tags: list[str]) -> tuple[str, str | None]:
    """(the exact minors in compact form, the open floor) of a release's Linux x86_64 tags."""
    exact: set[str] = set()
    floors: list[str] = []
    for tag in tags:
        minor, floor = tag_pythons(tag)
        if minor is not None:
            exact.add(minor)
        if floor is not None:
            floors.append(floor)
    return collapse(exact), lowest_open(floors)


def _listed(
    packages: Mapping[str, Any], names: Iterable[str]
) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Each of `names` with its record in `packages`, skipping those the source does not list."""
    for name in names:
        entry = packages.get(name)
        if entry is not None:
            yield name, entry


def _releases(name: str, entry: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    releases = entry.get("releases")
    if not isinstance(releases, Mapping):
        raise WheelSourceError(f"{WHEELS_SOURCE} {name}: no releases object")
    out = []
    for version, record in releases.items():
        try:
            Version(version)
        except InvalidVersion as exc:
            raise WheelSourceError(f"{WHEELS_SOURCE} {name}: bad version {version!r}") from exc
        if not isinstance(record.get("linux_x86_64"), list):
            raise WheelSourceError(f"{WHEELS_SOURCE} {name} {version}: no linux_x86_64 list")
        out.append((version, record))
    return sorted(out, key=lambda item: Version(item[0]))


def compact_entry(name: str, entry: Mapping[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """One package's wheels.json entry (its rows: `ROW_FIELDS`) from its listing record, and
    the CPython minors its wheels name."""
    seen: set[str] = set()
    rows = []
    for version, record in _releases(name, entry):
        exact, floor = release_pythons(record["linux_x86_64"])
        seen |= {t for t in (tag_pythons(x)[0] for x in record["linux_x86_64"]) if t}
        requires = record.get("requires_python")
        yanked = bool(record.get("yanked"))
        rows.append([version, exact, floor, requires, record["sdist"], yanked])
    compact = {
        "read_on": entry.get("read_on"),
        "last_serial": entry.get("last_serial"),
        "absent": bool(entry.get("absent")),
        "note": _note(rows, bool(entry.get("absent"))),
        # the listing's every final release is a row (none was older than the date kept)
        **({"whole": True} if entry.get("whole") is True else {}),
        # every pre-release / dev release of the listing (absent: not read, unknown)
        **(
            {"prereleases": list(entry["prereleases"])}
            if isinstance(entry.get("prereleases"), list)
            else {}
        ),
        "releases": rows,
    }
    return compact, seen


def _wheels(provenance: Mapping[str, Any], packages: Mapping[str, Any]) -> dict[str, Any]:
    seen: set[str] = set()
    table: dict[str, Any] = {}
    for name, entry in _listed(packages, WHEEL_PACKAGES):
        table[name], minors = compact_entry(name, entry)
        seen |= minors
    return {
        "provenance": dict(provenance),
        "row_fields": list(ROW_FIELDS),
        "pythons_seen": collapse(seen),
        "packages": table,
    }


def _note(rows: list[list[Any]], absent: bool) -> str | None:
    """What the rows say as a whole (sdist only, pure Python, nothing recorded)."""
    if absent:
        return "not on the index"
    if not rows:
        return "no final release in the recorded window"
    if all(not r[1] and r[2] is None for r in rows):
        return "no Linux x86_64 wheel in any recorded release" + (
            " (sdist only: installs build from source)" if any(r[4] for r in rows) else ""
        )
    if all(not r[1] and str(r[2]).startswith("py:") for r in rows):
        return (
            "py3-none wheels (any CPython 3; pure Python or version-independent) in every "
            "recorded release"
        )
    return None


def _tensorflow(
    provenance: Mapping[str, Any],
    packages: Mapping[str, Any],
    tested_source: Mapping[str, Any],
    text: str,
) -> dict[str, Any]:
    since, needle = _TF_GPU_SINCE
    if needle not in text:
        raise WheelSourceError(f"tensorflow.json no longer says: {needle!r}")
    tested = {
        _minor(str(row["tensorflow"])): row
        for row in tested_source.get("linux_gpu_tested_tensorflow_gpu_only", [])
    }
    table: dict[str, list[dict[str, Any]]] = {}
    for name, entry in _listed(packages, METADATA_PACKAGES):
        rows = []
        for version, record in _releases(name, entry):
            exact, floor = release_pythons(record["linux_x86_64"])
            lines = list(record.get("requires_dist", []))
            numpy = [line for line in lines if _name(line) == "numpy" and not _extra(line)]
            requires = [line for line in lines if not _extra(line)]
            and_cuda = [line for line in lines if _extra(line) == "and-cuda"]
            majors = sorted({m for m in (name_cuda_major(_name(line)) for line in and_cuda) if m})
            if name == "tensorflow-gpu":
                gpu: bool | None = bool(exact or floor)
            elif name == "tensorflow-cpu":
                gpu = False
            else:
                gpu = Version(version) >= Version(since)
            file = record.get("metadata_file")
            build = tested.get(_minor(version)) if name == "tensorflow-gpu" else None
            rows.append(
                {
                    "version": version,
                    "uploaded": record.get("uploaded"),
                    "yanked": bool(record.get("yanked")),
                    "cpython_minors": exact,
                    "open_floor": floor,
                    "requires_python": record.get("metadata_requires_python")
                    or record.get("requires_python"),
                    "numpy": numpy,
                    "requires": requires if record.get("requires_dist_all") else None,
                    "and_cuda": and_cuda,
                    "and_cuda_cuda_major": majors[0] if len(majors) == 1 else None,
                    "gpu": gpu,
                    "tested_cuda": build["cuda"] if build else None,
                    "tested_cudnn": build["cudnn"] if build else None,
                    "tested_source": "tensorflow.json linux_gpu_tested_tensorflow_gpu_only "
                    f"{build['tensorflow']}"
                    if build
                    else None,
                    "metadata_file": file,
                    "source": f"{file} METADATA ({record.get('metadata_read')})"
                    if file
                    else "package index listing (no Linux x86_64 wheel to read)",
                }
            )
        table[name] = rows
    return {
        "provenance": dict(provenance),
        "gpu_in_tensorflow_since": since,
        "gpu_in_tensorflow_source": f"tensorflow.json notes: {needle}",
        "packages": table,
    }


def _nvidia(provenance: Mapping[str, Any], packages: Mapping[str, Any]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for name, entry in _listed(packages, NVIDIA_PACKAGES):
        versions = [v for v, r in _releases(name, entry) if not r.get("yanked")]
        stubs = [v for v in versions if Version(v).major == 0]
        real = [v for v in versions if Version(v).major > 0]
        suffix = name_cuda_major(name)
        majors = sorted({Version(v).major for v in real})
        table[name] = {
            "read_on": entry.get("read_on"),
            "absent": bool(entry.get("absent")),
            "cuda_major": suffix,
            "cuda_major_from": "name suffix" if suffix else "version major",
            "version_majors": majors,
            "versions": real,
            "placeholder_versions": stubs,
        }
    return {"provenance": dict(provenance), "packages": table}


def _minor(version: str) -> str:
    parsed = Version(version)
    return f"{parsed.major}.{parsed.minor}"


def _name(line: str) -> str:
    try:
        return str(canonicalize_name(Requirement(line).name))
    except InvalidRequirement as exc:
        raise WheelSourceError(f"cannot read Requires-Dist {line!r}") from exc


def _extra(line: str) -> str | None:
    match = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", line)
    return str(canonicalize_name(match.group(1))) if match else None
