"""CUDA version strings and PyTorch wheel variant labels (cu118, cpu, rocm6.2)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from packaging.version import InvalidVersion, Version

_CU = re.compile(r"^cu(\d)(\d{1,2})$")
_CU_LONG = re.compile(r"^cu(\d{2})(\d)$")
_MAJOR_MINOR = re.compile(r"^\s*v?(\d+)(?:\.(\d+))?")
#: A package built for one CUDA major, by its name: ``nvidia-cublas-cu12``, ``cupy-cuda12x``,
#: ``cupy-cuda102``, ``nvidia-dali-cuda110``.
_NAME_CUDA = re.compile(r"^(?:nvidia|cuda|cupy)-(?:[a-z0-9-]*-)?cu(?:da)?(\d{2,3})x?$")
_VARIANT = re.compile(r"^(cpu|cu\d{2,3}|rocm\d+(?:\.\d+)*|xpu)$")
_URL_VARIANT = re.compile(
    r"/whl/(?:nightly/|test/)?(cpu|cu\d{2,3}|rocm\d+(?:\.\d+)*|xpu)/(?:torch_stable\.html/)?$"
)
_PYTORCH_URL = re.compile(
    r"/whl(?:/(?:nightly|test))?(?:/(?:cpu|cu\d{2,3}|rocm[\d.]+|xpu))?/(?:torch_stable\.html/)?$"
)


def variant_cuda(variant: str | None) -> str | None:
    """The CUDA version ("11.8") of a wheel variant label ("cu118"); None for cpu/rocm/other."""
    if not variant:
        return None
    label = variant.lower()
    match = _CU_LONG.match(label) if len(label) == 5 else _CU.match(label)
    if match is None:
        return None
    return f"{int(match.group(1))}.{int(match.group(2))}"


def digits_major(digits: str) -> int:
    """The CUDA major of a name's or label's digits: 12 of ``12``/``121``, 9 of ``92``, 10 of
    ``102``."""
    return int(digits[:2]) if len(digits) == 3 or digits.startswith("1") else int(digits[0])


def name_cuda_major(name: str) -> int | None:
    """The CUDA major a package is built for by its (canonical) name: 12 of
    ``nvidia-cublas-cu12`` and ``cupy-cuda12x``, 10 of ``cupy-cuda102``; None for other names."""
    match = _NAME_CUDA.match(name)
    return digits_major(match.group(1)) if match else None


#: Packages that load the CUDA runtime of the system (the image's ``libcudart.so.X.Y``, cuBLAS,
#: cuDNN) and carry the CUDA they were built for in their name: ``mxnet-cu101mkl``,
#: ``cupy-cuda102``, ``cupy-cuda12x``, ``dgl-cu111`` (pip) and ``dgl-cuda11.1`` (conda). Unlike
#: torch's wheels they bundle no runtime (apache/mxnet#14514: mxnet-cu100mkl on CUDA 10.1,
#: "libcudart.so.10.0: cannot open shared object file"; cupy/cupy#7772: cupy-cuda12x without
#: libcudart.so.12; dmlc/dgl#5547).
_SYSTEM_CUDA_NAME = re.compile(
    r"^(?:mxnet-cu(\d{2,3})(?:mkl)?|cupy-cuda(\d{2,3}|\d{2}x)|dgl-cu(\d{2,3})|dgl-cuda(\d+\.\d+))$"
)


def system_cuda_of_name(name: str) -> str | None:
    """The CUDA a package that loads the system's CUDA runtime is built for, by its canonical
    name: "10.1" of ``mxnet-cu101mkl``, "12" of ``cupy-cuda12x`` (a major only), "9.2" of
    ``cupy-cuda92``, "11.1" of ``dgl-cuda11.1``; None for other names (``nvidia-*-cu12`` and
    torch bundle their runtime)."""
    match = _SYSTEM_CUDA_NAME.match(name)
    if match is None:
        return None
    digits = next(g for g in match.groups() if g)
    if "." in digits:
        return digits
    if digits.endswith("x"):
        return str(int(digits[:-1]))
    major = digits_major(digits)
    return f"{major}.{int(digits[len(str(major)) :])}"


def cuda_variant(cuda: str) -> str | None:
    """The wheel variant label ("cu121") of a CUDA version ("12.1" or "12.1.1")."""
    mm = major_minor(cuda)
    if mm is None:
        return None
    major, minor = mm
    return f"cu{major}{minor}"


def major_minor(cuda: str | None) -> tuple[int, int] | None:
    """(major, minor) of a CUDA version string ("12.1.1" → (12, 1), "12" → (12, 0))."""
    if not cuda:
        return None
    match = _MAJOR_MINOR.match(cuda)
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2) or 0)


def has_minor(cuda: str) -> bool:
    """Whether a CUDA version string names a minor ("12.1") and not only a major ("12")."""
    match = _MAJOR_MINOR.match(cuda)
    return bool(match and match.group(2) is not None)


def short(cuda: str) -> str:
    """ "12.1.1" → "12.1"; strings that are not versions come back unchanged."""
    mm = major_minor(cuda)
    if mm is None:
        return cuda
    return f"{mm[0]}.{mm[1]}" if has_minor(cuda) else str(mm[0])


def is_variant(label: str | None) -> bool:
    """Whether a local version label is a PyTorch wheel variant (cpu, cuXYZ, rocmX.Y, xpu)."""
    return bool(label) and _VARIANT.match(label.lower()) is not None  # type: ignore[union-attr]


def url_variant(url: str) -> str | None:
    """The variant a PyTorch-style index URL serves (…/whl/cu118 → "cu118"), else None."""
    path = urlsplit(url).path if "://" in url else url
    match = _URL_VARIANT.search(path.rstrip("/") + "/")
    return match.group(1).lower() if match else None


def is_pytorch_index(url: str) -> bool:
    """Whether a URL looks like a PyTorch wheel index (a /whl, /whl/<variant> path).

    Matches the public index and mirrors of it that keep its path layout.
    """
    parts = urlsplit(url)
    if parts.hostname == "download.pytorch.org":
        return True
    return _PYTORCH_URL.search(parts.path.rstrip("/") + "/") is not None


_PROJECT_PAGE = re.compile(r"/whl/(?:(?:nightly|test)/)?([A-Za-z0-9][A-Za-z0-9_.-]*)/$")
_NOT_PROJECTS = frozenset({"nightly", "test", "lts", "cpu", "xpu"})


def project_page(url: str) -> str | None:
    """The project whose page a PyTorch-index URL is (``…/whl/torch/`` → ``torch``): a page
    listing every build of that one project, not an index root; None for anything else."""
    parts = urlsplit(url)
    if not is_pytorch_host(parts.hostname) and "/whl/" not in parts.path:
        return None
    match = _PROJECT_PAGE.search(parts.path.rstrip("/") + "/")
    if match is None or url_variant(url) is not None:
        return None
    name = match.group(1).lower()
    if name in _NOT_PROJECTS or name.endswith(".html") or name.startswith(("rocm", "cu")):
        return None
    return name


def is_pytorch_host(host: str | None) -> bool:
    """Whether a host name is the PyTorch wheel host."""
    return host == "download.pytorch.org"


def serves_all_variants(url: str) -> bool:
    """Whether a PyTorch index URL lists every variant (…/whl, …/whl/torch_stable.html)."""
    path = urlsplit(url).path.rstrip("/")
    return path.endswith(("/whl", "/whl/nightly", "/torch_stable.html")) or (
        path.endswith(".html") and "/whl/" in path and url_variant(url) is None
    )


def to_version(text: str | None) -> Version | None:
    """A PEP 440 Version, or None when `text` is not one."""
    if not text:
        return None
    try:
        return Version(text)
    except InvalidVersion:
        return None
