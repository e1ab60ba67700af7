"""Which transitive moves are worth a warning: rows taken from the corpus's `--resolve` runs.

Each pin and `via` below is what uv resolved for the base and head of a clean corpus case
(tests/realworld/cases/<id>), read from the resolutions `bench/accuracy.py --resolve` made on
2026-12-04; only the rows named are kept. Where a row is changed to show the other side of a
rule, the test says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest

from rules.findings import Severity
from worker.resolve.model import Resolution, ResolveTarget
from worker.resolve.transitive import changes, cuda_major, transitive_findings

Pins = Mapping[str, tuple[str, Sequence[str]]]  # name -> (version, via)

PY39 = ResolveTarget("3.9.25")
PY311 = ResolveTarget("3.11.14")


def res(pins: Pins, target: ResolveTarget = PY311, env: str = "requirements.txt") -> Resolution:
    return Resolution(
        target,
        env,
        pins={name: version for name, (version, _) in pins.items()},
        via={name: tuple(via) for name, (_, via) in pins.items()},
    )


NUMPY_VIA = ("h5py", "keras", "ml-dtypes", "tensorboard", "tensorflow")

#: gurobi__gurobi-machinelearning__tf2190-bump, requirements.keras.txt, Python 3.11:
#: Dependabot tensorflow 2.18.1 -> 2.19.0; its new release requires the newer tensorboard and numpy.
TF2190 = (
    {"tensorboard": ("2.18.0", ["tensorflow"]), "numpy": ("2.0.2", NUMPY_VIA)},
    {"tensorboard": ("2.19.0", ["tensorflow"]), "numpy": ("2.1.3", NUMPY_VIA)},
)
#: gurobi__gurobi-machinelearning__tf2200-bump, requirements.keras.txt, Python 3.11: tensorflow
#: 2.20.0 admits protobuf 7, a major move of the package whose generated code TF imports.
TF2200 = (
    {"protobuf": ("5.29.6", ["tensorboard", "tensorflow"]), "numpy": ("2.1.3", NUMPY_VIA)},
    {"protobuf": ("7.36.2", ["tensorboard", "tensorflow"]), "numpy": ("2.4.6", NUMPY_VIA)},
)
#: gurobi__gurobi-machinelearning__torch280-bump, requirements.pytorch.txt, Python 3.11: torch
#: 2.7.1 -> 2.8.0 brings its CUDA 12.8 wheels (12.6 before): same CUDA major, the bump's own pins.
TORCH280 = (
    {
        "nvidia-cuda-runtime-cu12": ("12.6.77", ["torch"]),
        "nvidia-cudnn-cu12": ("9.5.1.17", ["torch"]),
        "triton": ("3.3.1", ["torch"]),
    },
    {
        "nvidia-cuda-runtime-cu12": ("12.8.90", ["torch"]),
        "nvidia-cudnn-cu12": ("9.10.2.21", ["torch"]),
        "triton": ("3.4.0", ["torch"]),
    },
)
#: deezer__spleeter__tf2121-py311, pyproject.toml#evaluation, Python 3.10: tensorflow 2.9 ->
#: 2.12 brings jax/jaxlib (TF 2.12 requires jax>=0.3.15) and caps wrapt below 1.15.
SPLEETER_EVAL = (
    {"wrapt": ("2.5.2", ["tensorflow"])},
    {
        "wrapt": ("1.14.2", ["tensorflow"]),
        "jax": ("0.4.38", ["tensorflow"]),
        "jaxlib": ("0.4.38", ["jax"]),
    },
)
#: deezer__spleeter__tf2121-py311, pyproject.toml (poetry.lock, relocked): pytz comes through
#: pandas, which the change did not edit; a calendar "major" of a pure-Python package.
SPLEETER_LOCK = (
    {"pytz": ("2022.7.1", ["pandas"])},
    {"pytz": ("2024.2", ["pandas"])},
)
#: microsoft__onnxruntime-inference-examples__dependabot-torch220-qa-prepare-model, Python 3.10:
#: Dependabot torch 1.13.1 -> 2.2.0; the PyPI builds move from CUDA 11.7 wheels to CUDA 12.1 ones.
ONNX_TORCH220 = (
    {
        "nvidia-cublas-cu11": ("11.10.3.66", ["torch"]),
        "nvidia-cudnn-cu11": ("8.5.0.96", ["torch"]),
    },
    {
        "nvidia-cublas-cu12": ("12.1.3.1", ["torch"]),
        "nvidia-cudnn-cu12": ("8.9.2.26", ["torch"]),
        "triton": ("2.2.0", ["torch"]),
        "networkx": ("3.4.2", ["torch"]),
    },
)
#: A CUDA major switch: the torch the lightning corpus cases resolve for
#: requirements/fabric/examples.txt (torch 2.10.0 with CUDA 12 wheels) as the base and for
#: requirements/data/data.txt (torch 2.15.0 with CUDA 13 wheels) as the head; a composed pair
#: (no clean case of the corpus switches CUDA major), torchvision being the edited requirement.
CUDA13 = (
    {
        "torch": ("2.10.0", ["torchvision"]),
        "nvidia-cuda-runtime-cu12": ("12.8.90", ["torch"]),
    },
    {
        "torch": ("2.15.0", ["torchvision"]),
        "cuda-toolkit": ("13.2.2", ["torch"]),
        "nvidia-cuda-runtime": ("13.2.86", ["cuda-toolkit"]),
        "nvidia-cudnn-cu13": ("9.26.0.51", ["torch"]),
    },
)


def _without_via(pins: Pins) -> Pins:
    return {name: (version, []) for name, (version, _) in pins.items()}


@pytest.mark.parametrize(
    ("case", "base", "head", "touched", "severity", "risky"),
    [
        ("tf2190: tensorboard, numpy minor via tensorflow", *TF2190, {"tensorflow"},
         Severity.NOTICE, set()),
        ("tf2200: protobuf 5 -> 7 via tensorflow", *TF2200, {"tensorflow"},
         Severity.WARNING, {"protobuf"}),
        ("torch280: CUDA 12.6 -> 12.8 wheels via torch", *TORCH280, {"torch"},
         Severity.NOTICE, set()),
        ("spleeter: jax/jaxlib arrive, wrapt down a major, via tensorflow", *SPLEETER_EVAL,
         {"tensorflow"}, Severity.NOTICE, set()),
        ("spleeter lock: pytz through untouched pandas", *SPLEETER_LOCK, {"tensorflow"},
         Severity.NOTICE, set()),
        ("tf2190 with the via annotations dropped: numpy moves, nothing edited pulls it",
         _without_via(TF2190[0]), _without_via(TF2190[1]), {"tensorflow"},
         Severity.WARNING, {"numpy"}),
        ("onnxruntime: torch 2.2 brings CUDA 12 wheels where 1.13 had CUDA 11", *ONNX_TORCH220,
         {"torch"}, Severity.WARNING, {"nvidia-cublas-cu12", "nvidia-cudnn-cu12"}),
        ("CUDA 12 -> 13 under torchvision", *CUDA13, {"torchvision"},
         Severity.WARNING, {"cuda-toolkit", "nvidia-cuda-runtime", "nvidia-cudnn-cu13"}),
    ],
)  # fmt: skip
def test_which_transitive_moves_warn(
    case: str, base: Pins, head: Pins, touched: set[str], severity: Severity, risky: set[str]
) -> None:
    (finding,) = transitive_findings([(res(base), res(head))], touched)
    assert finding.severity is severity, case
    rows = changes(res(base), res(head), touched)
    assert {c.name for c in rows if c.serious} == risky, case
    assert len(finding.evidence) == 2 + len(rows)  # header, separator, every row listed
    if risky:
        assert "worth a look: " in finding.message
        assert all(name in finding.message for name in risky)
    else:
        assert "none worth a look" in finding.message


def test_rows_say_which_edit_pulls_them_in() -> None:
    (finding,) = transitive_findings([(res(TF2200[0]), res(TF2200[1]))], {"tensorflow"})
    assert (
        "| protobuf | 5.29.6 | 7.36.2 | major, NumPy/CUDA-relevant; via tensorboard, "
        "tensorflow; **major move of a NumPy/CUDA-relevant package** |"
    ) not in finding.evidence  # tensorboard is not edited: only tensorflow is named
    assert (
        "| protobuf | 5.29.6 | 7.36.2 | major, NumPy/CUDA-relevant; via tensorflow; "
        "**major move of a NumPy/CUDA-relevant package** |"
    ) in finding.evidence
    assert "| numpy | 2.1.3 | 2.4.6 | changed, NumPy/CUDA-relevant; via tensorflow |" in (
        finding.evidence
    )
    assert finding.package == "protobuf"


def test_a_cuda_switch_is_one_phrase() -> None:
    (finding,) = transitive_findings([(res(CUDA13[0]), res(CUDA13[1]))], {"torchvision"})
    assert "worth a look: the CUDA 13 runtime replaces CUDA 12: 3 wheel(s) (" in finding.message
    assert "need a GPU driver for CUDA 13" in finding.message
    (none,) = transitive_findings([(res(TORCH280[0]), res(TORCH280[1]))], {"torch"})
    assert "CUDA" not in none.message  # 12.6 -> 12.8: the same major


def test_targets_merge_into_one_finding_per_environment() -> None:
    """tf2200 on Python 3.9 resolves protobuf 6.33.6 and numpy 2.0.2 (unchanged); on 3.11,
    protobuf 7.36.2: one finding, both protobuf rows."""
    py39 = (
        {"protobuf": ("5.29.6", ["tensorboard", "tensorflow"]), "numpy": ("2.0.2", NUMPY_VIA)},
        {"protobuf": ("6.33.6", ["tensorboard", "tensorflow"]), "numpy": ("2.0.2", NUMPY_VIA)},
    )
    pairs = [
        (res(py39[0], PY39), res(py39[1], PY39)),
        (res(TF2200[0], PY311), res(TF2200[1], PY311)),
    ]
    (finding,) = transitive_findings(pairs, {"tensorflow"})
    assert finding.severity is Severity.WARNING
    protobuf = [row for row in finding.evidence if row.startswith("| protobuf |")]
    assert len(protobuf) == 2
    assert "protobuf 5.29.6 → 6.33.6" in finding.message
    assert "protobuf 5.29.6 → 7.36.2" in finding.message


def test_failed_resolutions_have_no_table() -> None:
    failed = Resolution(PY311, "requirements.txt", ok=False)
    assert transitive_findings([(res(TF2200[0]), failed)], {"tensorflow"}) == []


@pytest.mark.parametrize(
    ("name", "version", "major"),
    [
        ("nvidia-cublas-cu12", "12.8.4.1", 12),
        ("nvidia-nccl-cu12", "2.27.3", 12),  # NCCL's own version; the name says CUDA 12
        ("nvidia-cudnn-cu13", "9.26.0.51", 13),
        ("nvidia-cuda-runtime", "13.2.86", 13),
        ("cuda-toolkit", "13.2.2", 13),
        ("nvidia-cufft", "12.2.0.57", None),  # cuFFT 12.2 ships with CUDA 13: not the CUDA major
        ("cupy-cuda12x", "13.3.0", 12),
        ("cupy-cuda102", "9.6.0", 10),
        ("torch", "2.1.0+cu118", 11),
        ("torch", "1.7.1+cu92", 9),
        ("torch", "2.1.0+cpu", None),
        ("torch", "2.8.0", None),
        ("some-lib-cu12", "1.0", None),  # not a CUDA package
    ],
)
def test_cuda_major(name: str, version: str, major: int | None) -> None:
    assert cuda_major(name, version) == major


def test_a_group_that_repeats_its_files_warning_is_a_notice() -> None:
    """deezer/spleeter's pyproject.toml runtime (its poetry.lock) and its `evaluation` extra
    (resolved by uv) both move protobuf 3.19.6 -> 4.x under tensorflow: one warning, on the
    runtime; the extra's table stays, as a notice pointing to it."""
    runtime = ({"protobuf": ("3.19.6", ["tensorboard"])}, {"protobuf": ("4.25.5", ["tensorboard"])})
    extra = ({"protobuf": ("3.19.6", ["tensorboard"])}, {"protobuf": ("4.25.9", ["tensorboard"])})
    pairs = [
        (res(runtime[0], env="pyproject.toml"), res(runtime[1], env="pyproject.toml")),
        (
            res(extra[0], env="pyproject.toml#evaluation"),
            res(extra[1], env="pyproject.toml#evaluation"),
        ),
    ]
    first, second = transitive_findings(pairs, {"tensorflow", "tensorboard"})
    assert (first.severity, second.severity) == (Severity.WARNING, Severity.NOTICE)
    assert second.message.endswith("; the warning on pyproject.toml says the same.")
    other: tuple[Pins, Pins] = (
        {"numpy": ("1.21.6", [])},
        {"numpy": ("1.24.3", [])},
    )  # a risk of its own
    pairs[1] = (
        res({**extra[0], **other[0]}, env="pyproject.toml#evaluation"),
        res({**extra[1], **other[1]}, env="pyproject.toml#evaluation"),
    )
    assert [f.severity for f in transitive_findings(pairs, {"tensorflow", "tensorboard"})] == [
        Severity.WARNING,
        Severity.WARNING,
    ]
