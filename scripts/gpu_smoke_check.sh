#!/usr/bin/env bash
# Check a GPU runner end to end on a machine with an NVIDIA GPU and a preinstalled PyTorch:
#   (a) the facts nvidia-smi and NVML report, read by worker/smoke/facts.py
#   (b) the probe (worker/smoke/probe.py) under the preinstalled interpreter: torch, numpy
#   (c) a full run_smoke job on top of that stack (overlay; its own pins: nothing installed)
#   (d) pytest -m gpu tests/worker/smoke/test_gpu.py
# Nothing is downloaded. Outputs go to $OUT (else ./gpu-check-out): log.txt, nvidia-smi.txt,
# facts.json, probe.json, smoke-job.json, smoke-section.md, pytest.txt.
# Settings: DEPREVIEW_GPU_PYTHON (the stack's interpreter; default python3),
# DEPREVIEW_CHECK_WHEELS (a folder of wheels installed offline first; default ./.whl),
# DEPREVIEW_CHECK_TIMEOUT_S (per step; default 300).
# Exit codes: 0 all passed, 1 a step failed, 2 a prerequisite is missing, 3 no NVIDIA GPU.
set -uo pipefail
cd "$(dirname "$0")/.."

OUT_DIR="${OUT:-./gpu-check-out}"
mkdir -p "$OUT_DIR"
OUT_DIR="$(cd "$OUT_DIR" && pwd)"
LOG="$OUT_DIR/log.txt"
: >"$LOG"
PY="${DEPREVIEW_GPU_PYTHON:-python3}"
WHEELS="${DEPREVIEW_CHECK_WHEELS:-./.whl}"
STEP_TIMEOUT="${DEPREVIEW_CHECK_TIMEOUT_S:-300}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/depreview-gpu-check.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
failed=0

say() { echo "[gpu-check] $*" | tee -a "$LOG"; }
fail() { say "FAILED: $*"; failed=1; }

say "repo $(git rev-parse --short HEAD 2>/dev/null || echo '?'), host $(hostname), $(date -u +%FT%TZ)"

# -- prerequisites ---------------------------------------------------------------------------
if ! command -v nvidia-smi >/dev/null 2>&1; then
    say "no NVIDIA GPU: nvidia-smi is not on PATH; nothing to check on this machine."
    exit 3
fi
if ! timeout 60 nvidia-smi -L >>"$LOG" 2>&1; then
    say "no usable NVIDIA GPU: 'nvidia-smi -L' failed (see log.txt); nothing to check."
    exit 3
fi
if ! command -v "$PY" >/dev/null 2>&1; then
    say "the stack's interpreter '$PY' was not found (set DEPREVIEW_GPU_PYTHON)."
    exit 2
fi
PY="$(command -v "$PY")"
say "interpreter $PY ($("$PY" --version 2>&1))"

if [ -d "$WHEELS" ] && ls "$WHEELS"/*.whl >/dev/null 2>&1; then
    say "installing the carried wheels of $WHEELS offline into $WORK/site"
    if ! timeout "$STEP_TIMEOUT" "$PY" -m pip install -q --no-index --no-deps --no-compile \
        --no-cache-dir --target "$WORK/site" "$WHEELS"/*.whl >>"$LOG" 2>&1; then
        say "installing the carried wheels failed (see log.txt)"
        exit 2
    fi
    export PYTHONPATH="$WORK/site${PYTHONPATH:+:$PYTHONPATH}"
    export PATH="$WORK/site/bin:$PATH"
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"

have() { "$PY" -c "import $1" >/dev/null 2>&1; }
missing=""
for mod in torch numpy packaging; do have "$mod" || missing="$missing $mod"; done
if [ -n "$missing" ]; then
    say "the interpreter lacks:$missing (the stack must have torch and numpy; carry packaging)."
    exit 2
fi

# -- (a) facts -------------------------------------------------------------------------------
say "(a) facts"
{
    echo "## nvidia-smi -q -x"; timeout 60 nvidia-smi -q -x
    echo "## nvidia-smi --query-gpu"
    timeout 60 nvidia-smi --query-gpu=index,name,driver_version,compute_cap,memory.total,uuid \
        --format=csv
    echo "## nvidia-smi"; timeout 60 nvidia-smi
} >"$OUT_DIR/nvidia-smi.txt" 2>&1
if timeout 120 "$PY" -m worker.smoke.selfcheck facts >"$OUT_DIR/facts.json" 2>>"$LOG"; then
    say "facts: $("$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); f=d.get("nvml") if "gpus" in d.get("nvml",{}) else d["nvidia_smi"]; print("driver", f["driver_version"], "cuda", f["cuda_driver_version"], [(g["name"], g["compute_capability"]) for g in f["gpus"]])' "$OUT_DIR/facts.json" 2>&1)"
else
    fail "(a) no GPU facts (facts.json)"
fi

# -- (b) the probe ---------------------------------------------------------------------------
say "(b) probe: torch, numpy"
if timeout $((STEP_TIMEOUT + 30)) "$PY" worker/smoke/probe.py --modules torch,numpy \
    --packages torch,numpy --timeout "$STEP_TIMEOUT" >"$OUT_DIR/probe.json" 2>>"$LOG"; then
    say "probe: $("$PY" -c 'import json,sys; t=json.load(open(sys.argv[1])).get("torch") or {}; print({k: t.get(k) for k in ("torch","torch_cuda","cudnn","cuda_available","device_name","capability","arch_supported")}, [(c.get("op"), c.get("dtype"), c.get("ok"), c.get("max_rel_err"), c.get("ms")) for c in t.get("checks") or []])' "$OUT_DIR/probe.json" 2>&1)"
else
    fail "(b) the probe exited with $? (probe.json, log.txt)"
fi

# -- (c) a full smoke job on top of the stack ------------------------------------------------
say "(c) run_smoke on top of $PY (its own torch/numpy pins; nothing installed)"
if ! command -v uv >/dev/null 2>&1 && ! have uv; then
    fail "(c) skipped: no uv binary (carry the uv wheel in $WHEELS; run_smoke needs 'uv venv')"
elif timeout $((STEP_TIMEOUT + 60)) "$PY" -m worker.smoke.selfcheck job --base "$PY" \
    --workdir "$WORK/job" --timeout "$STEP_TIMEOUT" >"$OUT_DIR/smoke-job.json" 2>>"$LOG"; then
    "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["markdown"])' \
        "$OUT_DIR/smoke-job.json" >"$OUT_DIR/smoke-section.md" 2>>"$LOG"
    say "smoke job: $("$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["status"], d["conclusion"], "gpu slot", d["gpu_slot"], d["seconds"], "s", [(s["name"], s["seconds"]) for s in d["steps"]], "findings", len(d["findings"]))' "$OUT_DIR/smoke-job.json" 2>&1)"
else
    rc=$?
    "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["markdown"])' \
        "$OUT_DIR/smoke-job.json" >"$OUT_DIR/smoke-section.md" 2>/dev/null
    fail "(c) the smoke job exited with $rc (smoke-job.json, smoke-section.md)"
fi

# -- (d) the GPU tests -----------------------------------------------------------------------
say "(d) pytest -m gpu tests/worker/smoke/test_gpu.py"
if ! have pytest || ! have pydantic_settings; then
    fail "(d) skipped: the interpreter lacks pytest or pydantic-settings (carry their wheels)"
elif DEPREVIEW_TEST_TORCH_PYTHON="$PY" timeout $((STEP_TIMEOUT * 2)) "$PY" -m pytest -m gpu \
    -p no:cacheprovider -rs -v tests/worker/smoke/test_gpu.py >"$OUT_DIR/pytest.txt" 2>&1; then
    say "gpu tests: $(tail -n 1 "$OUT_DIR/pytest.txt")"
else
    fail "(d) gpu tests: $(tail -n 1 "$OUT_DIR/pytest.txt")"
fi

if [ "$failed" -ne 0 ]; then
    say "done: some steps failed (outputs in $OUT_DIR)"
    exit 1
fi
say "done: all steps passed (outputs in $OUT_DIR)"
