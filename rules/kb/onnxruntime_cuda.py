"""The CUDA each onnxruntime-gpu release on PyPI is built for (pure).

From ONNX Runtime's CUDA Execution Provider requirements table
(https://onnxruntime.ai/docs/execution-providers/CUDA-ExecutionProvider.html#requirements):
1.0-1.1 CUDA 10.0, 1.2-1.4 10.1, 1.5-1.6 10.2, 1.7-1.8 11.0, 1.9-1.12 11.4, 1.13-1.14 11.6,
1.15-1.18 11.8; "starting with version 1.19, CUDA 12.x becomes the default version when
distributing ONNX Runtime GPU packages in PyPI" (the CUDA 12 builds of 1.17-1.18 came from
another feed). Releases after 1.22 are not judged.

onnxruntime-gpu bundles no CUDA: it loads the environment's libcudart, cuBLAS and cuDNN. Up to
1.7 the CUDA provider is linked into the module, so ``import onnxruntime`` fails when those
libraries are missing (microsoft/onnxruntime#2367: onnxruntime-gpu 1.0.0 on CUDA 10.1,
"OSError: libcublas.so.10.0: cannot open shared object file"). From 1.8 the provider is a
shared library loaded when a session asks for it; when it cannot load, ONNX Runtime logs
"Failed to create CUDAExecutionProvider" and runs the model on the CPU
(microsoft/onnxruntime#8177).
"""

from __future__ import annotations

from packaging.version import Version

#: (first release, CUDA it is built for): each row holds up to the next row's first release.
_BUILT_FOR: tuple[tuple[Version, str], ...] = (
    (Version("1.0"), "10.0"),
    (Version("1.2"), "10.1"),
    (Version("1.5"), "10.2"),
    (Version("1.7"), "11.0"),
    (Version("1.9"), "11.4"),
    (Version("1.13"), "11.6"),
    (Version("1.15"), "11.8"),
    (Version("1.19"), "12"),
    (Version("1.23"), ""),  # not judged
)

#: The first release whose CUDA provider is a shared library loaded at session creation.
SHARED_PROVIDER = Version("1.8")

SOURCE = "https://onnxruntime.ai/docs/execution-providers/CUDA-ExecutionProvider.html#requirements"


def onnxruntime_gpu_cuda(version: Version) -> str | None:
    """The CUDA ("10.1", or "12": a major only) PyPI's onnxruntime-gpu `version` is built
    for; None before 1.0 and after the table."""
    built: str | None = None
    for first, cuda in _BUILT_FOR:
        if version.release[:2] >= first.release[:2]:
            built = cuda or None
    return built
