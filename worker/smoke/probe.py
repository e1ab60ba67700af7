"""Smoke probe: imports, GPU frameworks, numerics; prints one JSON document (stdlib only).

Runs as ``python probe.py --modules a,b --packages dist1,dist2 --timeout N`` under the
interpreter of the environment under test (any CPython 3.8+). It imports nothing from
depreview, so it can be copied into any environment. Progress goes to stderr as
``##probe-stage <name>`` lines, so a caller that has to kill it knows where it hung.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any

PROBE_VERSION = 1

#: Relative-error tolerances (max |gpu - ref| / max |ref|) against a float64 CPU reference of
#: the same (rounded) inputs. Measured on an H100: fp32 ≤ 3e-6, fp16 ≤ 4.7e-4, bf16 ≤ 3.7e-3.
TOLERANCES: dict[str, float] = {"fp32": 1e-4, "fp16": 5e-3, "bf16": 3e-2}

_TAIL_LINES = 12
_MAX_TEXT = 4000

# (classification, pattern) in priority order; matched against the whole captured text.
_CLASSES: list[tuple[str, re.Pattern[str]]] = [
    (
        "numpy-abi",
        re.compile(
            r"compiled using NumPy 1\.x cannot be run in\s+NumPy 2"
            r"|numpy\.(?:dtype|ndarray|ufunc) size changed, may indicate binary incompatibility"
            r"|_ARRAY_API not found"
            r"|numpy\.core\.(?:multiarray|umath) failed to import"
        ),
    ),
    ("missing-shared-library", re.compile(r"\S+\.so(?:\.[\w.]+)?: cannot open shared object file")),
    ("undefined-symbol", re.compile(r"undefined symbol: ?\S+")),
]


def classify_error(error_class: str, text: str) -> str:
    """Classify an import failure from its exception class and all captured text."""
    for name, pattern in _CLASSES:
        if pattern.search(text):
            return name
    if error_class in ("ImportError", "ModuleNotFoundError"):
        return "import-error"
    return "other"


def _tail(text: str, lines: int = _TAIL_LINES) -> str:
    kept = text.rstrip().splitlines()[-lines:]
    return "\n".join(kept)[-_MAX_TEXT:]


def _stage(name: str) -> None:
    sys.stderr.write("##probe-stage " + name + "\n")
    sys.stderr.flush()


@contextlib.contextmanager
def _timed(stage: str, timings: dict[str, float]) -> Iterator[None]:
    """Announce `stage` and record how long its block took as `timings["<stage>_s"]` (dots
    become underscores: `torch.import` → `torch_import_s`); a block that raises records none."""
    _stage(stage)
    started = time.perf_counter()
    yield
    timings[stage.replace(".", "_") + "_s"] = round(time.perf_counter() - started, 3)


class _CaptureFd2:
    """Captures everything written to file descriptor 2 (C and Python writes alike)."""

    def __enter__(self) -> _CaptureFd2:
        sys.stderr.flush()
        self._file = tempfile.TemporaryFile(mode="w+b")
        self._saved = os.dup(2)
        os.dup2(self._file.fileno(), 2)
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(Exception):  # a broken stderr must not hide the result
            sys.stderr.flush()
        os.dup2(self._saved, 2)
        os.close(self._saved)
        self._file.seek(0)
        self.text = self._file.read().decode("utf-8", "replace")
        self._file.close()


def import_one(module: str) -> dict[str, Any]:
    """Import `module` in this process and describe the outcome."""
    started = time.perf_counter()
    error: BaseException | None = None
    formatted = ""
    with _CaptureFd2() as capture:
        try:
            importlib.import_module(module)
        except BaseException as exc:
            error = exc
            formatted = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    seconds = round(time.perf_counter() - started, 3)
    if error is None:
        mod = sys.modules.get(module)
        version = getattr(mod, "__version__", None)
        return {
            "module": module,
            "ok": True,
            "import_s": seconds,
            "version": version if isinstance(version, str) else None,
        }
    text = capture.text + "\n" + formatted
    return _import_failure(
        module,
        seconds,
        type(error).__name__,
        str(error)[:_MAX_TEXT],
        classify_error(type(error).__name__, text),
        stderr=capture.text,
        traceback_text=formatted,
    )


def _import_failure(
    module: str,
    seconds: float,
    error_class: str,
    message: str,
    classification: str,
    stderr: str,
    traceback_text: str = "",
) -> dict[str, Any]:
    """The row of an import that failed (in this process, or a child that hung or crashed):
    its error, classification and the tails of its traceback and stderr."""
    return {
        "module": module,
        "ok": False,
        "import_s": seconds,
        "error_class": error_class,
        "message": message,
        "classification": classification,
        "traceback_tail": _tail(traceback_text),
        "stderr_tail": _tail(stderr),
    }


def import_isolated(module: str, timeout: float) -> dict[str, Any]:
    """Import `module` in a child interpreter, so a crash or hang is reported, not fatal."""
    started = time.perf_counter()
    cmd = [sys.executable, os.path.abspath(__file__), "--import-one", module]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=max(timeout, 1.0))
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr.decode("utf-8", "replace") if exc.stderr else ""
        return _import_failure(
            module,
            round(time.perf_counter() - started, 3),
            "Timeout",
            f"import did not finish within {timeout:.0f} s",
            "timeout",
            stderr=err,
        )
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    try:
        result = json.loads(out.strip().splitlines()[-1]) if out.strip() else None
    except ValueError:
        result = None
    if isinstance(result, dict) and done.returncode == 0:
        return result
    how = (
        f"killed by signal {-done.returncode}"
        if done.returncode < 0
        else f"exited with code {done.returncode}"
    )
    return _import_failure(
        module,
        round(time.perf_counter() - started, 3),
        "Crash",
        f"the interpreter importing {module} {how}",
        classify_error("Crash", err) if err else "crash",
        stderr=err,
    )


def _top_level_of(dist: Any) -> list[str]:
    text = dist.read_text("top_level.txt")
    if text:
        names = [n.strip() for n in text.splitlines() if n.strip()]
    else:
        found = []
        for path in dist.files or ():
            parts = getattr(path, "parts", ())
            if (
                not parts
                or parts[0] in ("..", "__pycache__")
                or parts[0].endswith((".dist-info", ".egg-info", ".data", ".pth"))
            ):
                continue
            if len(parts) > 1 and parts[-1] == "__init__.py" and len(parts) == 2:
                found.append(parts[0])
            elif len(parts) == 1 and (parts[0].endswith(".py") or ".so" in parts[0]):
                found.append(parts[0].split(".")[0])
        names = found
    unique: list[str] = []
    for raw in names:
        name = raw.replace("/", ".")
        if all(part.isidentifier() for part in name.split(".")) and name not in unique:
            unique.append(name)
    public = [n for n in unique if not n.startswith("_")]
    return public or unique


def modules_of_packages(packages: list[str]) -> dict[str, Any]:
    """Map distribution names to their importable top-level modules (installed metadata)."""
    try:
        from importlib import metadata
    except ImportError:  # Python < 3.8
        return {p: {"error": "importlib.metadata unavailable"} for p in packages}
    out: dict[str, Any] = {}
    for package in packages:
        try:
            dist = metadata.distribution(package)
        except Exception as exc:
            out[package] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        out[package] = {"version": dist.version, "modules": _top_level_of(dist)[:8]}
    return out


def _rel_err(got: Any, ref: Any) -> float:
    denom = float(ref.abs().max())
    return float((got.double() - ref).abs().max()) / (denom if denom > 0 else 1.0)


def _judged(err: float, label: str) -> dict[str, Any]:
    """A check's relative error against the tolerance of its dtype `label`."""
    return {
        "max_rel_err": err,
        "tolerance": TOLERANCES[label],
        "ok": bool(err <= TOLERANCES[label]),
    }


def _torch_op(torch: Any, op: str, lhs: Any, rhs: Any, device: str) -> Any:
    lhs, rhs = lhs.to(device), rhs.to(device)
    if op == "matmul":
        return lhs @ rhs
    return torch.nn.functional.conv2d(lhs, rhs, padding=1)


def _torch_checks(torch: Any, device: str, timings: dict[str, float]) -> list[dict[str, Any]]:
    dtypes = [("fp32", torch.float32), ("fp16", torch.float16)]
    if device == "cuda" and torch.cuda.is_bf16_supported():
        dtypes.append(("bf16", torch.bfloat16))
    gen = torch.Generator().manual_seed(0)
    inputs = {
        "matmul": (
            "256x512 @ 512x256",
            torch.randn(256, 512, generator=gen, dtype=torch.float64),
            torch.randn(512, 256, generator=gen, dtype=torch.float64),
        ),
        "conv2d": (
            "4x16x32x32 * 32x16x3x3",
            torch.randn(4, 16, 32, 32, generator=gen, dtype=torch.float64),
            torch.randn(32, 16, 3, 3, generator=gen, dtype=torch.float64),
        ),
    }
    checks: list[dict[str, Any]] = []
    for label, dtype in dtypes:
        for op, (shape, lhs64, rhs64) in inputs.items():
            _stage(f"torch.{op}.{label}")
            # Round the inputs to the dtype first: the reference measures only the arithmetic.
            lhs, rhs = lhs64.to(dtype), rhs64.to(dtype)
            started = time.perf_counter()
            row: dict[str, Any] = {"op": op, "shape": shape, "dtype": label, "device": device}
            try:
                got = _torch_op(torch, op, lhs, rhs, device)
                if device == "cuda":
                    torch.cuda.synchronize()
                row["ms"] = round((time.perf_counter() - started) * 1000, 3)
                err = _rel_err(got.cpu(), _torch_op(torch, op, lhs.double(), rhs.double(), "cpu"))
                row.update(_judged(err, label))
            except Exception as exc:
                row["ok"] = False
                row["error"] = f"{type(exc).__name__}: {str(exc)[:500]}"
            timings[f"torch_{op}_{label}_s"] = round(time.perf_counter() - started, 3)
            checks.append(row)
    return checks


def probe_torch(timings: dict[str, float]) -> dict[str, Any]:
    """torch build, CUDA visibility, device capability vs arch list, numerics."""
    with _timed("torch.import", timings):
        torch = importlib.import_module("torch")
    out: dict[str, Any] = {
        "present": True,
        "torch": getattr(torch, "__version__", None),
        "torch_cuda": getattr(getattr(torch, "version", None), "cuda", None),
    }
    try:
        out["cudnn"] = torch.backends.cudnn.version()
    except Exception as exc:
        out["cudnn"] = None
        out["cudnn_error"] = str(exc)[:500]
    with _timed("torch.cuda_init", timings):
        try:
            available = bool(torch.cuda.is_available())
        except Exception as exc:
            available = False
            out["cuda_error"] = f"{type(exc).__name__}: {str(exc)[:500]}"
    out["cuda_available"] = available
    if not available:
        out["device_count"] = 0
        out["checks"] = []
        return out
    out["device_count"] = torch.cuda.device_count()
    props = torch.cuda.get_device_properties(0)
    out["device_name"] = torch.cuda.get_device_name(0)
    major, minor = torch.cuda.get_device_capability(0)
    out["capability"] = [major, minor]
    arch_list = list(torch.cuda.get_arch_list())
    out["arch_list"] = arch_list
    out["arch_supported"] = arch_supported(major, minor, arch_list)
    out["total_memory"] = getattr(props, "total_memory", None)
    out["multi_processor_count"] = getattr(props, "multi_processor_count", None)
    # Full fp32 for the fp32 check: TF32 would need a looser tolerance.
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    out["checks"] = _torch_checks(torch, "cuda", timings)
    return out


def arch_supported(major: int, minor: int, arch_list: list[str]) -> bool:
    """Whether a device of capability major.minor runs a build with `arch_list`.

    Exact `sm_XY`, or a cubin of the same major and lower minor (binary compatible), or PTX
    (`compute_XY`) of a lower or equal capability that the driver can JIT.
    """
    wanted = major * 10 + minor
    for arch in arch_list:
        match = re.fullmatch(r"(sm|compute)_(\d+)([a-z]?)", arch)
        if not match:
            continue
        kind, number, suffix = match.group(1), int(match.group(2)), match.group(3)
        if number == wanted:
            return True
        if suffix:  # sm_90a / sm_100f: arch-specific, no forward compatibility
            continue
        if kind == "sm" and number // 10 == major and number < wanted:
            return True
        if kind == "compute" and number <= wanted:
            return True
    return False


def _np_rel_err(got: Any, ref: Any) -> float:
    numpy = importlib.import_module("numpy")

    denom = float(numpy.abs(ref).max())
    diff = float(numpy.abs(numpy.asarray(got, dtype=numpy.float64) - ref).max())
    return diff / (denom if denom > 0 else 1.0)


def _fp32_operands(numpy: Any) -> tuple[Any, Any]:
    """The seeded 256x512 and 512x256 fp32 operands of the TensorFlow and JAX matmul checks."""
    rng = numpy.random.default_rng(0)
    a = rng.standard_normal((256, 512)).astype(numpy.float32)
    b = rng.standard_normal((512, 256)).astype(numpy.float32)
    return a, b


def _fp32_matmul_check(numpy: Any, a: Any, b: Any, got: Any, device: str) -> dict[str, Any]:
    """The check row of `got` = `a @ b` against the float64 product."""
    err = _np_rel_err(got, a.astype(numpy.float64) @ b.astype(numpy.float64))
    return {"op": "matmul", "dtype": "fp32", "device": device, **_judged(err, "fp32")}


def probe_tensorflow(timings: dict[str, float]) -> dict[str, Any]:
    """TensorFlow build, visible GPUs, one fp32 matmul checked against float64."""
    with _timed("tensorflow.import", timings):
        numpy = importlib.import_module("numpy")
        tf = importlib.import_module("tensorflow")
    out: dict[str, Any] = {"present": True, "tensorflow": getattr(tf, "__version__", None)}
    try:
        info = tf.sysconfig.get_build_info()
        out["cuda_build"] = info.get("cuda_version")
        out["cudnn_build"] = info.get("cudnn_version")
    except Exception:
        out["cuda_build"] = None
    _stage("tensorflow.devices")
    gpus = tf.config.list_physical_devices("GPU")
    out["gpus"] = [getattr(g, "name", str(g)) for g in gpus]
    a, b = _fp32_operands(numpy)
    with _timed("tensorflow.matmul", timings):
        tf.config.experimental.enable_tensor_float_32_execution(False)
        with tf.device("/GPU:0" if gpus else "/CPU:0"):
            got = tf.linalg.matmul(a, b).numpy()
        check = _fp32_matmul_check(numpy, a, b, got, "gpu" if gpus else "cpu")
    out["checks"] = [check]
    return out


def probe_jax(timings: dict[str, float]) -> dict[str, Any]:
    """JAX devices and backend, one fp32 matmul checked against float64."""
    with _timed("jax.import", timings):
        jax = importlib.import_module("jax")
        numpy = importlib.import_module("numpy")
    out: dict[str, Any] = {"present": True, "jax": getattr(jax, "__version__", None)}
    _stage("jax.devices")
    devices = jax.devices()
    out["devices"] = [str(d) for d in devices]
    out["backend"] = jax.default_backend()
    a, b = _fp32_operands(numpy)
    with _timed("jax.matmul", timings):
        jnp = importlib.import_module("jax.numpy")
        got = numpy.asarray(jnp.matmul(a, b, precision="highest"))
        check = _fp32_matmul_check(numpy, a, b, got, out["backend"])
    out["checks"] = [check]
    return out


def pip_check(timeout: float) -> dict[str, Any]:
    """`python -m pip check` when pip is installed in this environment."""
    if importlib.util.find_spec("pip") is None:
        return {"available": False}
    _stage("pip_check")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pip", "check", "--disable-pip-version-check"],
            capture_output=True,
            timeout=max(timeout, 1.0),
        )
    except subprocess.TimeoutExpired:
        return {"available": True, "rc": None, "output": "pip check timed out"}
    text = (done.stdout + done.stderr).decode("utf-8", "replace")
    return {"available": True, "rc": done.returncode, "output": _tail(text, 40)}


def _framework_section(
    name: str, run: Callable[[dict[str, float]], dict[str, Any]], timings: dict[str, float]
) -> dict[str, Any]:
    try:
        return run(timings)
    except Exception as exc:
        return {
            "present": True,
            "error_class": type(exc).__name__,
            "message": str(exc)[:_MAX_TEXT],
            "traceback_tail": _tail(traceback.format_exc()),
        }


def run_probe(
    modules: list[str], packages: list[str], timeout: float, isolate: bool
) -> dict[str, Any]:
    """Everything the probe reports, as one JSON-ready dictionary."""
    started = time.perf_counter()
    deadline = started + timeout
    timings: dict[str, float] = {}
    doc: dict[str, Any] = {
        "probe_version": PROBE_VERSION,
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
    }
    _stage("packages")
    pkg_info = modules_of_packages(packages)
    doc["packages"] = pkg_info
    wanted: list[str] = []
    for name in modules:
        if name and name not in wanted:
            wanted.append(name)
    for info in pkg_info.values():
        for name in info.get("modules", ()):
            if name not in wanted:
                wanted.append(name)
    results = []
    for module in wanted:
        _stage("import." + module)
        left = deadline - time.perf_counter()
        if left <= 0:
            results.append(
                {
                    "module": module,
                    "ok": False,
                    "error_class": "Timeout",
                    "message": "probe time budget used up before this import",
                    "classification": "timeout",
                    "import_s": 0.0,
                    "traceback_tail": "",
                    "stderr_tail": "",
                }
            )
            continue
        results.append(import_isolated(module, left) if isolate else import_one(module))
    doc["imports"] = results
    ok = {r["module"] for r in results if r.get("ok")}
    failed = {r["module"] for r in results if not r.get("ok")}
    frameworks = (
        ("torch", "torch", probe_torch),
        ("tensorflow", "tensorflow", probe_tensorflow),
        ("jax", "jax", probe_jax),
    )
    for key, module, run in frameworks:
        if module in failed:
            doc[key] = {"present": True, "skipped": "import failed"}
        elif module in ok or importlib.util.find_spec(module) is not None:
            doc[key] = _framework_section(key, run, timings)
        else:
            doc[key] = {"present": False}
        if time.perf_counter() > deadline:
            doc["timed_out"] = True
            break
    left = deadline - time.perf_counter()
    doc["pip_check"] = pip_check(left) if left > 1 else {"available": None, "skipped": "time"}
    doc.setdefault("timed_out", False)
    timings["total_s"] = round(time.perf_counter() - started, 3)
    doc["timings"] = timings
    return doc


def _split(text: str) -> list[str]:
    return [x.strip() for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the probe, print the JSON document to stdout."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", default="", help="comma-separated modules to import")
    parser.add_argument("--packages", default="", help="comma-separated distribution names")
    parser.add_argument("--timeout", type=float, default=600.0, help="time budget in seconds")
    parser.add_argument("--in-process", action="store_true", help="import in this process")
    parser.add_argument("--import-one", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.import_one:
        print(json.dumps(import_one(args.import_one)))
        sys.stdout.flush()
        os._exit(0)  # a module's atexit hooks or threads must not hang the child
    doc = run_probe(_split(args.modules), _split(args.packages), args.timeout, not args.in_process)
    print(json.dumps(doc, indent=1, sort_keys=True, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
