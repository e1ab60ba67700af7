__version__ = "1.2.0.dev1"
from .compilers.diffusion_pipeline_compiler import (
    compile_pipe,
    save_pipe,
    load_pipe,
    quantize_pipe,
)
from onediff.infer_compiler import OneflowCompileOptions

__all__ = [
    "compile_pipe",
    "save_pipe",
    "load_pipe",
    "OneflowCompileOptions",
    "quantize_pipe",
]
