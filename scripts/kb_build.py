"""Turn the sourced compatibility facts (reference/compat/*.json) into the KB's data files.

Pure: takes parsed JSON, returns JSON-able dicts. `scripts/regen_kb.py` does the file I/O.
Build-time only (not shipped): the reviewer reads the data through `rules.kb`.
Every fact keeps its provenance (sources, snapshot date, notes, cross-checks). A source whose
shape differs from what this module knows raises `SourceShapeError` instead of guessing.
The few facts taken from a source's prose (notes / cross-checks) are listed in `_DERIVED`
with the exact text they come from; the build fails if that text is gone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import InvalidWheelFilename, canonicalize_name, parse_wheel_filename
from packaging.version import Version

from rules.kb.build_wheels import WHEELS_SOURCE, build_wheels
from rules.kb.pyspec import linux_x86_64_env
from rules.kb.schema import SOURCE_FILES

#: Packages whose index records (scripts/kb_from_index.py) feed the KB, with the first release read.
INDEX_PACKAGES: dict[str, str] = {
    "torch": "1.0",
    "torchvision": "0",
    "torchaudio": "0",
    "torchtext": "0",
    "torchdata": "0",
    "torchcodec": "0",
    "xformers": "0",
    "vllm": "0",
    "torch-tensorrt": "0",
}

#: The optional source file with those index records (absent: the KB uses the tables alone).
INDEX_SOURCE = "pypi_index.json"

#: The optional source file with the wheel readings of scripts/numpy2_abi_from_index.py (absent:
#: numpy2_abi.json is the hand table alone).
NUMPY2_SOURCE = "pypi_numpy2.json"

#: Every optional source file (the index records, the wheel listings, the NumPy-2 readings).
OPTIONAL_SOURCES: tuple[str, ...] = (INDEX_SOURCE, WHEELS_SOURCE, NUMPY2_SOURCE)

_PROVENANCE_KEYS = ("source", "snapshot_date", "notes", "cross_checks")

_TOP_KEYS: dict[str, frozenset[str]] = {
    "torch.json": frozenset(
        {*_PROVENANCE_KEYS, "releases_by_minor", "pip_variants_previous_versions"}
    ),
    "torch_arch.json": frozenset(
        {*_PROVENANCE_KEYS, "wheel_build_arch_lists", "measured_builds", "gpu_floors_cog"}
    ),
    "cuda_driver.json": frozenset(
        {
            *_PROVENANCE_KEYS,
            "minor_version_compatibility",
            "toolkit_driver_versions",
            "nvidia_cuda_image_tags_cog",
        }
    ),
    "tensorflow.json": frozenset(
        {*_PROVENANCE_KEYS, "linux_gpu_tested", "linux_gpu_tested_tensorflow_gpu_only"}
    ),
    "jax.json": frozenset({*_PROVENANCE_KEYS, "releases", "conda_forge_jaxlib"}),
    "numpy2_abi.json": frozenset({*_PROVENANCE_KEYS, "packages"}),
    "conda_pytorch_cuda.json": frozenset(
        {*_PROVENANCE_KEYS, "pytorch_channel", "pytorch_cuda_metapackage_versions"}
    ),
}

_TORCH_MINOR_KEYS = frozenset(
    {
        "python",
        "cxx_standard",
        "cuda_stable",
        "cuda_experimental",
        "cudnn_by_cuda",
        "rocm_stable",
        "matrix_row_source",
        "wheel_local_suffixes_expected",
        "test_infra_release_cuda",
        "test_infra_stable_cuda",
        "cog_observed_variants",
        "variants_seen_elsewhere",
        "releases",
    }
)

#: Facts read from a source's prose, each with the text it rests on (checked at build time).
_DERIVED: dict[str, Any] = {
    # torch.json cross_checks "default CUDA of the PyPI (no-suffix) wheel".
    "torch_pypi_default": {
        "2.0": ("11.7", "cu117 (no local suffix; default wheel)"),
        "2.14": ("13.2", "2.14 plan: CUDA 13.2 default on PyPI"),
    },
    # torch.json cross_checks "Python 3.15 for 2.13/2.14".
    "torch_python_max_shipped": {
        "2.13": ("3.14", "treat 3.14 as the highest Python with published release wheels for 2.13"),
    },
    # jax.json notes: GPU floors of the plugin wheels.
    "jax_gpu_floors": (
        {"cuda12": "5.2", "cuda13": "7.5"},
        "CUDA 12 wheels support SM >= 5.2; CUDA 13 wheels SM >= 7.5",
    ),
    # numpy2_abi.json opencv-python notes.
    "numpy_requirements": (
        ("opencv-python", "4.12.0.88", ">=2,<2.3", "4.12.0.88 requires numpy>=2,<2.3"),
        ("opencv-python", "4.13.0.90", ">=2", "4.13.0.90 requires numpy>=2"),
    ),
}


class SourceShapeError(ValueError):
    """A source file does not have the shape this build knows."""


def build_data(sources: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Build every KB data file from the parsed source files (keyed by file name)."""
    missing = [name for name in SOURCE_FILES if name not in sources]
    if missing:
        raise SourceShapeError(f"missing source files: {', '.join(missing)}")
    for name in SOURCE_FILES:
        _expect_keys(name, sources[name], _TOP_KEYS[name])
    text = {name: _all_text(sources[name]) for name in SOURCE_FILES}
    index = sources.get(INDEX_SOURCE)
    if index is not None:
        _expect_keys(INDEX_SOURCE, index, frozenset({*_PROVENANCE_KEYS, "packages"}))
    data = {
        "torch.json": _torch(sources["torch.json"], text["torch.json"], index),
        "torch_arch.json": _torch_arch(sources["torch_arch.json"]),
        "cuda_driver.json": _cuda_driver(sources["cuda_driver.json"]),
        "tensorflow.json": _tensorflow(sources["tensorflow.json"]),
        "jax.json": _jax(sources["jax.json"], text["jax.json"]),
        "numpy2_abi.json": _numpy2(
            sources["numpy2_abi.json"], text["numpy2_abi.json"], sources.get(NUMPY2_SOURCE)
        ),
        "conda_pytorch_cuda.json": _conda(sources["conda_pytorch_cuda.json"]),
    }
    wheels = sources.get(WHEELS_SOURCE)
    if wheels is not None:  # written by scripts/wheels_from_index.py
        data.update(build_wheels(wheels, sources["tensorflow.json"], text["tensorflow.json"]))
    return data


def _expect_keys(where: str, obj: Any, allowed: frozenset[str], required: bool = True) -> None:
    if not isinstance(obj, dict):
        raise SourceShapeError(f"{where}: expected an object, got {type(obj).__name__}")
    unknown = set(obj) - allowed
    if unknown:
        raise SourceShapeError(f"{where}: unknown keys {sorted(unknown)}")
    if required:
        absent = {k for k in allowed if k in _PROVENANCE_KEYS} - set(obj)
        if absent:
            raise SourceShapeError(f"{where}: missing keys {sorted(absent)}")


def _all_text(obj: Any) -> str:
    if isinstance(obj, dict):
        return "\n".join(f"{k}\n{_all_text(v)}" for k, v in obj.items())
    if isinstance(obj, list):
        return "\n".join(_all_text(v) for v in obj)
    return "" if obj is None else str(obj)


def _needs_text(haystack: str, needle: str) -> None:
    if needle not in haystack:
        raise SourceShapeError(f"derived fact rests on text no longer in its source: {needle!r}")


def _provenance(src: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "source": list(src["source"]),
        "snapshot_date": src["snapshot_date"],
        "notes": list(src.get("notes", [])),
        "cross_checks": list(src.get("cross_checks", [])),
    }


_VARIANT_NOTE = re.compile(r"^(\S+)\s*\((.*)\)$")


def _torch(src: Mapping[str, Any], text: str, index: Mapping[str, Any] | None) -> dict[str, Any]:
    packages: Mapping[str, Any] = index["packages"] if index is not None else {}
    by_release = {v: _torch_index(r) for v, r in packages.get("torch", {}).items()}
    members = _member_requirements(packages)
    exact = {
        (m["package"], m["requires_torch"][2:]): m["version"]
        for m in members
        if m["requires_torch"] and re.fullmatch(r"==[0-9.]+", m["requires_torch"])
    }
    index_minors: dict[str, list[str]] = {}
    for version in sorted(by_release, key=Version):
        parsed = Version(version)
        index_minors.setdefault(f"{parsed.major}.{parsed.minor}", []).append(version)
    rows = dict(src["releases_by_minor"])
    for minor in index_minors:
        rows.setdefault(minor, None)
    previous = src.get("pip_variants_previous_versions", {})
    minors = [
        _torch_minor(
            src,
            text,
            minor,
            rows[minor],
            index_minors.get(minor, []),
            by_release,
            exact,
            previous.get(minor),
        )
        for minor in sorted(rows, key=Version)
    ]
    return {
        "provenance": _provenance(src),
        "minors": minors,
        "family_requirements": members,
        "index_provenance": _provenance(index) if index is not None else None,
    }


def _torch_minor(
    src: Mapping[str, Any],
    text: str,
    minor: str,
    row: Mapping[str, Any] | None,
    released: list[str],
    by_release: Mapping[str, dict[str, Any]],
    exact: Mapping[tuple[str, str], str],
    previous: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """One torch minor: the sourced matrix row (when there is one) with the index's facts."""
    defaults = _DERIVED["torch_pypi_default"]
    shipped = _DERIVED["torch_python_max_shipped"]
    where = f"torch.json releases_by_minor[{minor}]"
    facts = [by_release[v] for v in released]
    latest = facts[-1] if facts else None
    python = sorted({p for f in facts for p in f["python"]}, key=_py_key)
    plain = [p for p in python if not p.endswith("t")]
    if row is None:
        if previous is not None:
            _expect_keys(
                f"{where} (previous versions)", previous, frozenset({"variants", "source"}), False
            )
        base: dict[str, Any] = {
            "minor": minor,
            "python_min": plain[0],
            "python_max": plain[-1],
            "python_experimental": [],
            "python_max_shipped": None,
            "python_max_shipped_source": None,
            "cxx_standard": None,
            "cuda_stable": [],
            "cuda_experimental": [],
            "cudnn_by_cuda": {},
            "rocm_stable": None,
            "matrix_row_source": "pypi_index",
            "variants": list(previous["variants"]) if previous else [],
            "variants_known": previous is not None,
            "variants_source": previous["source"] if previous else None,
            "other_observed_variants": [],
            "test_infra_release_cuda": None,
            "pypi_default_cuda": None,
            "pypi_default_cuda_source": None,
        }
        patches_src: list[Mapping[str, Any]] = []
    else:
        _expect_keys(where, row, _TORCH_MINOR_KEYS, required=False)
        _expect_keys(
            f"{where}.python", row["python"], frozenset({"min", "max", "experimental"}), False
        )
        variants = list(row["wheel_local_suffixes_expected"])
        observed: list[str] = []
        for item in row.get("cog_observed_variants", []):
            match = _VARIANT_NOTE.match(item)
            label = match.group(1) if match else item
            if label not in variants and label not in observed:
                observed.append(label)
        elsewhere = []
        for item in row.get("variants_seen_elsewhere", []):
            _expect_keys(
                f"{where}.variants_seen_elsewhere", item, frozenset({"variant", "source"}), False
            )
            if item["variant"] not in variants and item["variant"] not in observed:
                observed.append(item["variant"])
            elsewhere.append(f"{item['variant']}: {item['source']}")
        default_cuda: str | None = row.get("test_infra_stable_cuda")
        default_source: str | None = (
            "pytorch/test-infra generate_binary_build_matrix.py STABLE_CUDA_VERSIONS['release']"
            if default_cuda
            else None
        )
        if default_cuda is None and minor in defaults:
            default_cuda, needle = defaults[minor]
            _needs_text(text, needle)
            default_source = f"torch.json: {needle}"
        max_shipped: str | None = None
        max_shipped_source: str | None = None
        if minor in shipped:
            max_shipped, needle = shipped[minor]
            _needs_text(text, needle)
            max_shipped_source = f"torch.json cross_checks: {needle}"
        base = {
            "minor": minor,
            "python_min": row["python"]["min"],
            "python_max": row["python"]["max"],
            "python_experimental": list(row["python"].get("experimental", [])),
            "python_max_shipped": max_shipped,
            "python_max_shipped_source": max_shipped_source,
            "cxx_standard": row["cxx_standard"],
            "cuda_stable": list(row["cuda_stable"]),
            "cuda_experimental": list(row["cuda_experimental"]),
            "cudnn_by_cuda": dict(row["cudnn_by_cuda"]),
            "rocm_stable": row["rocm_stable"],
            "matrix_row_source": row["matrix_row_source"],
            "variants": variants,
            "variants_known": True,
            "variants_source": "; ".join(elsewhere) or None,
            "other_observed_variants": observed,
            "test_infra_release_cuda": row.get("test_infra_release_cuda"),
            "pypi_default_cuda": default_cuda,
            "pypi_default_cuda_source": default_source,
        }
        patches_src = row["releases"]
    if latest is not None:
        files = ", ".join(released)
        if plain:
            base["python_max_shipped"] = plain[-1]
            base["python_max_shipped_source"] = (
                f"package index: Linux x86_64 CPython wheels of torch {files}: " + ", ".join(python)
            )
            if _py_key(plain[-1]) > _py_key(base["python_max"]):
                base["python_max"] = plain[-1]
        if latest["cuda"] is not None:
            base["pypi_default_cuda"] = latest["cuda"]
            base["pypi_default_cuda_source"] = latest["cuda_source"]
        if latest["cudnn"] is not None and latest["cuda"] not in (None, "cpu"):
            base["cudnn_by_cuda"][latest["cuda"]] = latest["cudnn"]
    base["python_wheels_linux_x86_64"] = python
    patches = []
    listed = set()
    for rel in patches_src:
        _expect_keys(
            f"{where}.releases",
            rel,
            frozenset({"torch", "torchvision", "torchaudio", "note"}),
            False,
        )
        listed.add(rel["torch"])
        patches.append(
            _patch(
                rel["torch"],
                rel.get("torchvision"),
                rel.get("torchaudio"),
                rel.get("note"),
                by_release,
            )
        )
    for version in released:
        if version in listed:
            continue
        vision = exact.get(("torchvision", version))
        audio = exact.get(("torchaudio", version))
        note = (
            "from the package index: "
            + ", ".join(
                f"{name} {v} pins torch=={version}"
                for name, v in (("torchvision", vision), ("torchaudio", audio))
                if v
            )
            if vision or audio
            else "from the package index (no torchvision/torchaudio pins it)"
        )
        patches.append(_patch(version, vision, audio, note, by_release))
    base["patches"] = sorted(patches, key=lambda p: Version(p["torch"]))
    return base


def _patch(
    torch: str,
    vision: str | None,
    audio: str | None,
    note: str | None,
    by_release: Mapping[str, dict[str, Any]],
) -> dict[str, Any]:
    facts = by_release.get(torch)
    return {
        "torch": torch,
        "torchvision": vision,
        "torchaudio": audio,
        "note": note,
        "pypi_cuda": facts["cuda"] if facts else None,
        "pypi_cuda_source": facts["cuda_source"] if facts else None,
        "requires_python": facts["requires_python"] if facts else None,
        "requires": facts["requires"] if facts else [],
        "requires_source": facts["requires_source"] if facts else None,
    }


_APPLIES = re.compile(r"torch (\d+\.\d+(?:\.\d+)?)(?:-(\d+\.\d+)|(\+))?")
_ARCH = re.compile(r"(?:sm|compute)_(\d+[a-z]?)")


def _torch_arch(src: Mapping[str, Any]) -> dict[str, Any]:
    lists = []
    for key, row in src["wheel_build_arch_lists"].items():
        _expect_keys(
            f"torch_arch.json wheel_build_arch_lists[{key}]",
            row,
            frozenset({"x86_64", "aarch64", "ptx", "applies_to", "source"}),
            False,
        )
        match = _APPLIES.search(row["applies_to"])
        if match is None:
            raise SourceShapeError(f"torch_arch.json {key}: cannot read {row['applies_to']!r}")
        low, high, plus = match.groups()
        if high is None and plus is None:
            high = low  # a single version ("torch 2.8 cu129", "torch 2.7.0+cu128")
        ptx_raw = row.get("ptx")
        ptx_match = _ARCH.search(ptx_raw) if ptx_raw else None
        lists.append(
            {
                "key": key,
                "variant": key.split("_", 1)[0],
                "torch_min": low,
                "torch_max": None if plus else high,
                "applies_to": row["applies_to"],
                "x86_64": list(row["x86_64"]),
                "aarch64": list(row.get("aarch64", [])),
                "ptx": f"sm_{ptx_match.group(1)}" if ptx_match else None,
                "ptx_raw": ptx_raw,
                "source": row["source"],
            }
        )
    measured = []
    for key, row in src["measured_builds"].items():
        _expect_keys(
            f"torch_arch.json measured_builds[{key}]",
            row,
            frozenset({"torch", "cuda", "sm", "measured_on", "other_builds_differ"}),
            False,
        )
        measured.append(
            {
                "torch": row["torch"],
                "cuda": row["cuda"],
                "sm": list(row["sm"]),
                "measured_on": row["measured_on"],
                "other_builds_differ": [list(x) for x in row.get("other_builds_differ", [])],
            }
        )
    floors = []
    note = ""
    for label, row in src["gpu_floors_cog"].items():
        if label == "note":
            note = str(row)
            continue
        arch = _ARCH.search(label)
        if arch is None or not isinstance(row, dict):
            raise SourceShapeError(f"torch_arch.json gpu_floors_cog: cannot read {label!r}")
        floors.append(
            {
                "arch": f"sm_{arch.group(1)}",
                "label": label,
                "min_torch": row["min_torch"],
                "min_cuda": row["min_cuda"],
                "correction": row.get("correction"),
            }
        )
    return {
        "provenance": _provenance(src),
        "wheel_lists": lists,
        "measured": measured,
        "gpu_floors": floors,
        "gpu_floors_note": note,
    }


def _cuda_driver(src: Mapping[str, Any]) -> dict[str, Any]:
    families = []
    for row in src["minor_version_compatibility"]:
        family = str(row["family"])
        if not re.fullmatch(r"\d+\.x", family):
            raise SourceShapeError(f"cuda_driver.json: cannot read family {family!r}")
        families.append(
            {
                "major": int(family.split(".")[0]),
                "min_driver_linux": row["min_driver_linux"],
                "exact_floor_linux": row.get("exact_floor_linux"),
                "upper": row.get("upper"),
            }
        )
    toolkits = [
        {
            "cuda": row["cuda"],
            "release": row["release"],
            "patch": row["toolkit_patch_hint"],
            "linux": row["linux_x86_64_min_driver"],
            "windows": row["windows_x86_64_min_driver"],
        }
        for row in src["toolkit_driver_versions"]
    ]
    return {
        "provenance": _provenance(src),
        "families": families,
        "toolkits": toolkits,
        "image_tags": dict(src["nvidia_cuda_image_tags_cog"]),
    }


def _tensorflow(src: Mapping[str, Any]) -> dict[str, Any]:
    releases = []
    for row in src["linux_gpu_tested"]:
        low, high = _python_span(str(row["python"]))
        releases.append(
            {
                "tensorflow": row["tensorflow"],
                "python_min": low,
                "python_max": high,
                "compiler": row["compiler"],
                "build_tool": row["build_tool"],
                "cudnn": row["cudnn"],
                "cuda": row["cuda"],
                "cog_agrees": row["cog_agrees"],
            }
        )
    return {"provenance": _provenance(src), "releases": releases}


def _python_span(text: str) -> tuple[str, str]:
    """The lowest and highest Python of a tested-build cell ("3.9-3.12", "2.7, 3.3-3.7")."""
    found = []
    for part in text.split(","):
        low, _, high = part.strip().partition("-")
        if not re.fullmatch(r"\d+\.\d+", low) or (high and not re.fullmatch(r"\d+\.\d+", high)):
            raise SourceShapeError(f"tensorflow.json: cannot read python {text!r}")
        found += [low, high or low]
    if "-" not in text:
        raise SourceShapeError(f"tensorflow.json: cannot read python {text!r}")
    ordered = sorted(found, key=lambda v: tuple(int(x) for x in v.split(".")))
    return ordered[0], ordered[-1]


def _jax(src: Mapping[str, Any], text: str) -> dict[str, Any]:
    releases = []
    for row in src["releases"]:
        _expect_keys(
            f"jax.json releases[{row.get('jax')}]",
            row,
            frozenset(
                {
                    "jax",
                    "tag_date",
                    "python_requires",
                    "numpy_min",
                    "cuda_extras",
                    "wheel_cuda_builds_from_docs",
                    "min_driver_linux_from_docs",
                    "corrections",
                    "extras_without_plugin",
                }
            ),
            False,
        )
        broken = dict(row.get("extras_without_plugin", {}))
        releases.append(
            {
                "jax": row["jax"],
                "tag_date": row["tag_date"],
                "python_requires": row["python_requires"],
                "numpy_min": row["numpy_min"],
                "cuda_extras": [e for e in row["cuda_extras"] if e not in broken],
                "extras_without_plugin": broken,
                "builds": [dict(b) for b in row.get("wheel_cuda_builds_from_docs", [])],
                "min_driver_linux": dict(row.get("min_driver_linux_from_docs", {})),
                "corrections": list(row.get("corrections", [])),
            }
        )
    floors, needle = _DERIVED["jax_gpu_floors"]
    _needs_text(text, needle)
    return {
        "provenance": _provenance(src),
        "releases": releases,
        "gpu_floors": dict(floors),
        "gpu_floors_source": f"jax.json notes: {needle}",
        "conda_forge": _conda_jaxlib(src.get("conda_forge_jaxlib")),
    }


def _conda_jaxlib(src: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """conda-forge's jaxlib builds: the CUDA versions each jaxlib version was built for."""
    if src is None:
        return None
    _expect_keys("jax.json conda_forge_jaxlib", src, frozenset({*_PROVENANCE_KEYS, "releases"}))
    releases = []
    for row in src["releases"]:
        _expect_keys(
            f"jax.json conda_forge_jaxlib releases[{row.get('jaxlib')}]",
            row,
            frozenset(
                {"jaxlib", "cuda_linux_64", "cuda_linux_aarch64", "recipe_dates", "last_commit"}
            ),
            False,
        )
        releases.append(
            {
                "jaxlib": row["jaxlib"],
                "cuda_linux_64": list(row["cuda_linux_64"]),
                "cuda_linux_aarch64": list(row.get("cuda_linux_aarch64", [])),
                "recipe_dates": row["recipe_dates"],
                "last_commit": row["last_commit"],
            }
        )
    return {"provenance": _provenance(src), "releases": releases}


_VERSION = re.compile(r"^\d+(\.\d+)*$")


def _numpy2(
    src: Mapping[str, Any], text: str, readings: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    packages = []
    for row in src["packages"]:
        raw = row["first_numpy2_version"]
        exact = raw if raw is None or _VERSION.match(raw) else None
        packages.append(
            {
                "key": row["package"],
                "names": [n.strip() for n in str(row["package"]).split("/")],
                "first_numpy2_version": exact,
                "claimed": raw if raw is not None and exact is None else None,
                "evidence_kind": row["evidence_kind"],
                "evidence": row["evidence"],
                "notes": row["notes"],
                "confidence": row["confidence"],
            }
        )
    requirements = []
    for package, since, numpy, needle in _DERIVED["numpy_requirements"]:
        _needs_text(text, needle)
        requirements.append(
            {
                "package": package,
                "from_version": since,
                "numpy": numpy,
                "source": f"numpy2_abi.json notes: {needle}",
            }
        )
    provenance = _provenance(src)
    if readings is not None:  # written by scripts/numpy2_abi_from_index.py
        packages, provenance = _numpy2_read(packages, provenance, readings)
    return {
        "provenance": provenance,
        "packages": packages,
        "numpy_requirements": requirements,
    }


_NUMPY2_WHEEL_NOTE = (
    "Rows with evidence_kind 'wheel' are read from the release's own Linux x86_64 wheels by "
    "scripts/numpy2_abi_from_index.py (source file pypi_numpy2.json): compiled members built "
    "with NumPy 2's C headers contain 'numpy._core._multiarray_umath'; NumPy 1.x headers only "
    "'numpy.core._multiarray_umath'. Those readings replace the hand-collected values; "
    "disagreements are listed in cross_checks."
)

_NO_ABI_NOTE = "no compiled numpy use: NumPy-2 readiness is not an ABI question"


def _numpy2_read(
    hand: list[dict[str, Any]], provenance: dict[str, Any], readings: Mapping[str, Any]
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The hand rows with every value the wheel readings decide replaced (the hand value is kept
    where a reading is undecided), one row per package read that the table lacks, and a
    cross-check per disagreement."""
    _expect_keys(NUMPY2_SOURCE, readings, frozenset({"provenance", "packages"}), required=False)
    read: Mapping[str, Any] = readings["packages"]
    meta: Mapping[str, Any] = readings["provenance"]
    checks = list(provenance["cross_checks"])
    rows = []
    covered: set[str] = set()
    for row in hand:
        names = [str(canonicalize_name(n)) for n in row["names"]]
        package = next((n for n in names if n in read and "read_as" not in read[n]), None)
        package = package or next((read[n]["read_as"] for n in names if n in read), None)
        covered.update(n for n in names if n in read)
        if package is None or package not in read:
            rows.append(row)
            continue
        covered.add(package)
        new = _numpy2_row(row, package, read[package], meta)
        unsure = row["confidence"] in ("low", "none") and new["evidence_kind"] == "wheel"
        if new["first_numpy2_version"] != row["first_numpy2_version"] or unsure:
            checks.append(_numpy2_check(row, new))
        rows.append(new)
    for package in sorted(set(read) - covered):
        if "read_as" in read[package]:
            continue
        blank = {
            "key": package,
            "names": [package],
            "first_numpy2_version": None,
            "claimed": None,
            "evidence_kind": None,
            "evidence": None,
            "notes": "",
            "confidence": "none",
        }
        rows.append(_numpy2_row(blank, package, read[package], meta))
    source = [
        *provenance["source"],
        {
            "script": str(meta["script"]),
            "file": NUMPY2_SOURCE,
            "used_for": "first_numpy2_version from each release's own wheels (rows with "
            "evidence_kind 'wheel')",
        },
    ]
    notes = [*provenance["notes"], _NUMPY2_WHEEL_NOTE]
    snapshot = max(str(provenance["snapshot_date"]), str(meta["snapshot_date"]))
    out = dict(provenance, source=source, notes=notes, cross_checks=checks, snapshot_date=snapshot)
    return rows, out


def _numpy2_row(
    row: Mapping[str, Any], package: str, read: Mapping[str, Any], meta: Mapping[str, Any]
) -> dict[str, Any]:
    """One table row from the reading of `package` (the hand row where it is undecided)."""
    result = read["result"]
    wheels = list(read["readings"])
    via = (
        ""
        if package in row["names"] and len(row["names"]) == 1
        else f" (read from {package}'s wheels: the row's other names are pure Python and run "
        f"on the {package} installed with them)"
    )
    if result == "numpy2":
        first = read["first_numpy2_version"]
        at = [w for w in wheels if w["version"] == first]
        before = [w for w in wheels if Version(w["version"]) < Version(first)]
        evidence = _wheel_text(at[0])
        notes = [f"First release whose Linux x86_64 wheels are built against NumPy 2{via}."]
        if before:
            notes.append(f"The release before: {_wheel_text(before[-1])}.")
        notes += [f"Its other wheel read agrees: {_wheel_text(w)}." for w in at[1:]]
        older = sorted({m for w in at for m in w.get("numpy_core_only_members", [])})
        if older:
            notes.append(
                f"{', '.join(older)} names only numpy.core.multiarray (as pybind11 before 2.12 "
                "does), which NumPy 2 still serves through its numpy.core shim."
            )
        for sdist in read.get("sdist", []):
            lines = sdist.get("build_requires_numpy")
            if lines is not None:
                notes.append(
                    f"{sdist['file']} {sdist['member']} [build-system] requires: "
                    + ("; ".join(lines) or "no numpy")
                    + "."
                )
        if row["notes"] and row["first_numpy2_version"] == first:
            notes.append(row["notes"])
        return dict(
            row,
            first_numpy2_version=first,
            claimed=None,
            evidence_kind="wheel",
            evidence=evidence,
            notes=" ".join(notes),
            confidence="high",
        )
    if result == "no-numpy-abi":
        evidence = "; ".join(
            f"{w['file']}: {w['members_read']} of its {w['compiled_members']} compiled members "
            + (
                f"read before the cap ({w['compressed_bytes_read'] >> 20} MiB), none naming NumPy"
                if w.get("capped")
                else "read, none naming NumPy"
            )
            for w in wheels
        )
        return dict(
            row,
            first_numpy2_version=None,
            claimed=None,
            evidence_kind="wheel",
            evidence=evidence,
            notes=f"{_NO_ABI_NOTE}{via}.",
            confidence="high",
        )
    if result == "numpy1":
        return dict(
            row,
            first_numpy2_version=None,
            claimed=None,
            evidence_kind="wheel",
            evidence=f"newest release: {_wheel_text(wheels[-1])}",
            notes=f"No release built against NumPy 2 by {meta['snapshot_date']}{via}.",
            confidence="high",
        )
    why = "; ".join(
        f"{w['file']}: {w['members_read']} of {w['compiled_members']} compiled members read, "
        f"{w['compressed_bytes_read'] >> 20} MiB{' (capped)' if w.get('capped') else ''}"
        for w in wheels
    )
    kept = (row["notes"] + " " if row["notes"] else "") + (
        f"The wheel reading did not decide ({why}); the documented source is kept."
    )
    return dict(row, notes=kept)


def _wheel_text(reading: Mapping[str, Any]) -> str:
    """``file: member contains 'string'`` (what one wheel reading rests on)."""
    string = reading.get("string")
    if string is None:
        return f"{reading['file']}: no NumPy string in its compiled members"
    only = "" if reading["verdict"] == "numpy2" else "only "
    yanked = " (release yanked)" if reading.get("yanked") else ""
    return f"{reading['file']}{yanked}: {reading['member']} contains {only}'{string}'"


def _numpy2_check(hand: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    said = hand["first_numpy2_version"] or hand["claimed"]
    return {
        "topic": f"{hand['key']}: first release built for NumPy 2",
        "sources": {
            "hand table (release notes / issues)": (
                f"{said} ({hand['confidence']}: {hand['evidence'] or hand['notes']})"
                if said
                else f"none ({hand['notes']})"
            ),
            "wheel reading": new["first_numpy2_version"] or new["notes"],
        },
        "decision": "Use the wheel reading (the release's own compiled members).",
    }


def _conda(src: Mapping[str, Any]) -> dict[str, Any]:
    lines = [
        {
            "minor": minor,
            "selector": row["selector"],
            "cuda": list(row["cuda"]),
            "note": row.get("note"),
        }
        for minor, row in src["pytorch_channel"].items()
    ]
    return {
        "provenance": _provenance(src),
        "pytorch_channel": lines,
        "metapackage_versions": list(src["pytorch_cuda_metapackage_versions"]),
    }


# The package index (scripts/kb_from_index.py records) ---------------------------------

_CUDA_RUNTIME = re.compile(r"^nvidia-cuda-runtime-cu(\d+)$")
_CUDNN = re.compile(r"^nvidia-cudnn-cu(\d+)$")
_VERSION_PY_CUDA = re.compile(r"^cuda\s*[:=][^'\"]*(?:['\"]([0-9.]+)['\"]|None)")


def _linux_python(filename: str) -> set[str]:
    """CPython versions ("3.11", "3.13t") a Linux x86_64 wheel file installs on."""
    if not filename.endswith(".whl"):
        return set()
    try:
        _, _, _, tags = parse_wheel_filename(filename)
    except InvalidWheelFilename:
        return set()
    found = set()
    for tag in tags:
        if not tag.platform.endswith("x86_64") or "linux" not in tag.platform:
            continue
        match = re.fullmatch(r"cp(\d)(\d+)", tag.interpreter)
        if match:
            free = "t" if tag.abi.endswith("t") else ""
            found.add(f"{match.group(1)}.{match.group(2)}{free}")
    return found


def _py_key(version: str) -> tuple[int, int, int]:
    major, minor = version.rstrip("t").split(".")
    return int(major), int(minor), int(version.endswith("t"))


def _wheel_python(filename: str) -> str | None:
    """The python_version a wheel's markers are evaluated with (its lowest CPython tag)."""
    found = sorted(_linux_python(filename), key=_py_key)
    return found[0].rstrip("t") if found else None


def _requirements(record: Mapping[str, Any]) -> list[tuple[Requirement, str]]:
    """The Requires-Dist lines that apply on Linux x86_64, parsed, with their text."""
    env = linux_x86_64_env(_wheel_python(str(record.get("metadata_file", ""))))
    out = []
    for line in record.get("requires_dist", []):
        try:
            req = Requirement(line)
        except InvalidRequirement as exc:
            raise SourceShapeError(f"pypi_index.json: cannot read {line!r}") from exc
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        out.append((req, line))
    return out


def _pinned(req: Requirement) -> str | None:
    specs = list(req.specifier)
    if len(specs) == 1 and specs[0].operator == "==" and "*" not in specs[0].version:
        return specs[0].version
    return None


def _mm(version: str) -> str:
    return ".".join(version.split(".")[:2])


def _torch_index(record: Mapping[str, Any]) -> dict[str, Any]:
    """The facts one torch release's index record gives (CUDA, cuDNN, Python)."""
    file = str(record.get("metadata_file"))
    cuda = cuda_source = cudnn = cudnn_source = None
    for req, line in _requirements(record):
        name = str(canonicalize_name(req.name))
        pin = _pinned(req)
        if pin is None:
            continue
        if _CUDA_RUNTIME.match(name) or (name == "cuda-toolkit" and cuda is None):
            cuda, cuda_source = _mm(pin), f"{file} METADATA: Requires-Dist: {line}"
        elif _CUDNN.match(name):
            cudnn, cudnn_source = pin, f"{file} METADATA: Requires-Dist: {line}"
    if cuda is None:
        for line in record.get("version_py", []):
            match = _VERSION_PY_CUDA.match(line)
            if match:
                cuda = _mm(match.group(1)) if match.group(1) else "cpu"
                cuda_source = f"{record.get('version_py_file')} torch/version.py: {line}"
    python: set[str] = set()
    for name in record.get("files", []):
        python |= _linux_python(str(name))
    requires = [
        line
        for req, line in _requirements(record)
        if req.specifier and not str(canonicalize_name(req.name)).startswith("nvidia-")
    ]
    return {
        "requires": requires,
        "requires_source": f"{file} METADATA" if requires else None,
        "cuda": cuda,
        "cuda_source": cuda_source,
        "cudnn": cudnn,
        "cudnn_source": cudnn_source,
        "python": sorted(python, key=_py_key),
        "requires_python": record.get("requires_python"),
    }


def _without_wheel(package: str, version: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """The row of a release the index serves no Linux wheel of (its requirement unknown)."""
    names = [str(f) for f in record.get("files", [])]
    files = ", ".join(names) or "none"
    return {
        "package": package,
        "version": version,
        "requires_torch": None,
        "requires_python": None,
        "pure_python": False,
        "linux_wheel": False,
        "files": names,
        "source": f"package index: no Linux wheel of {package} {version} (files: {files})",
    }


def _member_requirements(packages: Mapping[str, Any]) -> list[dict[str, Any]]:
    """What each torch-family release requires of torch (exact pin, range or nothing)."""
    rows = []
    for package in INDEX_PACKAGES:
        if package == "torch":
            continue
        for version, record in packages.get(package, {}).items():
            if "metadata_file" not in record:
                rows.append(_without_wheel(package, version, record))
                continue
            file = str(record["metadata_file"])
            torch = next(
                ((req, line) for req, line in _requirements(record) if req.name == "torch"),
                None,
            )
            rows.append(
                {
                    "package": package,
                    "version": version,
                    "requires_torch": str(torch[0].specifier) if torch else None,
                    "requires_python": record.get("requires_python"),
                    "pure_python": file.endswith("-none-any.whl"),
                    "source": f"{file} METADATA: "
                    + (f"Requires-Dist: {torch[1]}" if torch else "no Requires-Dist on torch"),
                }
            )
    return rows
