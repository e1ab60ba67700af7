"""numpy-abi: positive and negative cases, on snapshots and on real-looking files.

Facts the expectations rest on (wheel METADATA, recorded in rules/kb/data/numpy_caps.json
with the file each line was read from; the audit is ../shared/reviews/kb-audit.md):
- tensorflow 2.14.0 ``numpy>=1.23.5`` (no cap); 2.14.1, 2.15.x, 2.16.x, 2.17.x
  ``numpy<2.0.0``; 2.18.x ``<2.1.0``; 2.19.x ``<2.2.0``; 2.20.0/2.21.0 no cap.
- scipy 1.11.4 ``numpy<1.28.0``; 1.12.0 ``numpy<1.29.0``; 1.13.0 ``numpy<2.3``.
- pandas 2.1.4 and 2.2.1 ``numpy<2``; 2.0.3, 2.2.2 and 2.2.3 no cap.
- scikit-learn 1.3.2 ``numpy<2.0``; matplotlib 3.7.5 ``numpy<2``; torch names no numpy.
- First releases built for NumPy 2 (numpy2_abi.json): tensorflow 2.18.0, pandas 2.2.2,
  torch 2.3.0, scipy 1.13.0; scikit-image 0.23.0 from its ``build`` extra
  (``numpy>=2.0.0rc1``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from rules.checks.numpy_abi import RULES
from rules.kb.numpy_caps import load_numpy_caps
from rules.manifests.model import Snapshot
from rules.review import review_trees
from tests.rules.checks.mlsnap import req, run, snap

RULE = RULES[0]
ENV = "environment.yml"
TODAY = date(2026, 12, 3)

CASES: list[tuple[str, Snapshot, list[tuple[str, str]]]] = [
    (
        "numpy 2 pinned with scipy 1.11 (metadata numpy<1.28.0)",
        snap(req("numpy==2.0.2"), req("scipy==1.11.4")),
        [("scipy", "error")],
    ),
    # pandas 2.1.x caps numpy<2, so the resolver falls back to 2.0.3 (no cap, built for 1.x)
    ("numpy>=2 with pandas<2.2", snap(req("numpy>=2"), req("pandas<2.2")), [("pandas", "error")]),
    # torch names no numpy: numpy may not be installed at all
    ("numpy undeclared with torch 2.2", snap(req("torch==2.2.2")), [("torch", "warning")]),
    (
        "numpy declared with torch 2.2",
        snap(req("numpy"), req("torch==2.2.2")),
        [("torch", "error")],
    ),
    ("scikit-learn 1.3.2 caps numpy<2.0", snap(req("numpy>=1.24"), req("scikit-learn==1.3.2")), []),
    ("numpy<2 holds it", snap(req("numpy<2"), req("scipy==1.11.4")), []),
    ("tensorflow 2.15 caps numpy itself", snap(req("tensorflow==2.15.0")), []),
    ("tensorflow 2.15 with numpy>=1.26", snap(req("numpy>=1.26"), req("tensorflow==2.15.1")), []),
    (
        "tensorflow 2.15 with numpy 2 pinned",
        snap(req("numpy==2.0.2"), req("tensorflow==2.15.0")),
        [("tensorflow", "error")],
    ),
    # below the floor of tensorflow 2.4.0's metadata (numpy~=1.19.2), both exact pins: the
    # conflict rule reports it (q-optimize/c3's Dependabot bump); a range still is judged here
    (
        "tensorflow 2.4.0 with numpy 1.18.5 pinned below its floor",
        snap(req("numpy==1.18.5"), req("tensorflow==2.4.0")),
        [],
    ),
    (
        "tensorflow 2.4.0 with numpy held below its floor by a range",
        snap(req("numpy<1.19"), req("tensorflow==2.4.0")),
        [("tensorflow", "error")],
    ),
    ("tensorflow 2.16 caps numpy<2.0.0", snap(req("tensorflow==2.16.1")), []),
    ("tensorflow 2.14.0 has no cap", snap(req("tensorflow==2.14.0")), [("tensorflow", "error")]),
    ("tensorflow 2.14.1 has a cap", snap(req("tensorflow==2.14.1")), []),
    ("tensorflow 2.14.0 with numpy<2", snap(req("numpy<2"), req("tensorflow==2.14.0")), []),
    # another package's cap keeps NumPy 1.x in the environment
    (
        "tensorflow 2.15 holds numpy for torch",
        snap(req("tensorflow==2.15.0"), req("torch==2.2.2")),
        [],
    ),
    ("ready versions", snap(req("numpy==2.1.3"), req("scipy==1.13.1"), req("torch==2.3.0")), []),
    ("lower bound past the first release", snap(req("numpy==2.1.3"), req("pandas>=2.2.2")), []),
    (
        "pandas range above the first release",
        snap(req("numpy>=2"), req("pandas>=2.2.3,<2.3.0")),
        [],
    ),
    ("unknown packages are not judged", snap(req("numpy==2.1.3"), req("mypkg==3.10.0")), []),
    # ranges: the resolver skips releases that cannot install, then picks the newest
    ("tensorflow>=2.15 with numpy 2.0.0", snap(req("numpy==2.0.0"), req("tensorflow>=2.15")), []),
    (
        "tensorflow range whose only installable release is 2.14.0",
        snap(req("numpy==2.0.0"), req("tensorflow>=2.12,<2.18")),
        [("tensorflow", "error")],
    ),
    (
        "every admitted tensorflow caps numpy below 2",
        snap(req("numpy>=2"), req("tensorflow>=2.15,<2.18")),
        [("tensorflow", "error")],
    ),
    (
        "some admitted torch releases break next to a NumPy 2 pin",
        snap(req("numpy==2.0.0"), req("torch>=2.1")),
        [("torch", "warning")],
    ),
    ("torch range with NumPy merely admitted", snap(req("numpy>=1.22"), req("torch>=2.0")), []),
    (
        "scikit-image before 0.23 (first built for NumPy 2 per its build extra)",
        snap(req("numpy==2.0.0"), req("scikit-image==0.22.0")),
        [("scikit-image", "error")],
    ),
    (
        "conda names: pytorch 2.1 with numpy 2",
        snap(req("numpy==2.0.*", ENV, conda=True), req("pytorch==2.1.0", ENV, conda=True)),
        [("pytorch", "error")],
    ),
    (
        "reverse: numpy<2 with jax 0.7.2",
        snap(req("numpy<2"), req("jax==0.7.2")),
        [("numpy", "error")],
    ),
    (
        "reverse: numpy<2 with opencv 4.13",
        snap(req("numpy<2"), req("opencv-python-headless==4.13.0.90")),
        [("numpy", "error")],
    ),
    ("numpy 2 with jax 0.7.2", snap(req("numpy>=2"), req("jax==0.7.2")), []),
    ("numpy<2 with jax 0.4.30", snap(req("numpy<2"), req("jax==0.4.30")), []),
    (
        "different environments",
        snap(req("numpy==2.0.2", "a.txt"), req("scipy==1.11.4", "b.txt"), req("numpy<2", "b.txt")),
        [],
    ),
]


@pytest.mark.parametrize(("name", "snapshot", "expected"), CASES, ids=[c[0] for c in CASES])
def test_numpy_abi(name: str, snapshot: Snapshot, expected: list[tuple[str, str]]) -> None:
    findings = run(RULE, snapshot)
    assert [(f.package, f.severity.value) for f in findings] == expected
    for found in findings:
        # a numpy the release's metadata refuses is a conflict (the resolver stops), an
        # admitted numpy the build does not load with a numpy-abi break
        refused = "the resolver refuses the install" in found.message
        assert found.category == ("conflict" if refused else "numpy-abi")
        assert found.fix and found.line and found.evidence


MESSAGES: list[tuple[str, Snapshot, tuple[str, ...], tuple[str, ...]]] = [
    (
        "NumPy 2 pinned under a cap: a resolution failure, not an import error",
        snap(req("numpy==2.0.2"), req("tensorflow==2.15.0")),
        ("its metadata requires numpy<2.0.0", "exact pin", "the resolver refuses the install"),
        ("compiled using NumPy 1.x", "does not record"),
    ),
    (
        "no cap, NumPy 2 picked: an import error, with the evidence that decided",
        snap(req("numpy>=1.24"), req("tensorflow==2.14.0")),
        ("does not cap numpy", "numpy>=1.24 lets the resolver pick NumPy", "compiled using"),
        ("refuses",),
    ),
    (
        "conda: no metadata reading, both outcomes",
        snap(req("numpy==2.0.*", ENV, conda=True), req("pytorch==2.1.0", ENV, conda=True)),
        ("fails to resolve if that release declares numpy<2", "compiled using NumPy 1.x"),
        (),
    ),
    (
        "numpy undeclared next to torch: holds only when something installs numpy",
        snap(req("torch==2.2.2")),
        ("nothing holds numpy below 2", "does not require numpy itself"),
        ("refuses",),
    ),
]


@pytest.mark.parametrize(
    ("name", "snapshot", "present", "absent"), MESSAGES, ids=[m[0] for m in MESSAGES]
)
def test_numpy_abi_messages_say_what_is_known(
    name: str, snapshot: Snapshot, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    (found,) = run(RULE, snapshot)
    for text in present:
        assert text in found.message
    for text in absent:
        assert text not in found.message


# -- real-looking repositories through review_trees ------------------------------------------

PYPROJECT = """[project]
name = "svc"
version = "0.1.0"
requires-python = ">=3.10"
dependencies = [
    "DEP",
    "NUMPY",
]
"""

UV_LOCK = """version = 1
requires-python = ">=3.10"

[[package]]
name = "numpy"
version = "NPV"
source = { registry = "https://example.invalid/simple" }

[[package]]
name = "torch"
version = "2.2.2"
source = { registry = "https://example.invalid/simple" }
"""


def requirements(*lines: str) -> dict[str, str]:
    return {"requirements.txt": "".join(f"{line}\n" for line in lines)}


def pyproject(dep: str, numpy: str, lock_numpy: str | None = None) -> dict[str, str]:
    files = {"pyproject.toml": PYPROJECT.replace("DEP", dep).replace("NUMPY", numpy)}
    if lock_numpy:
        files["uv.lock"] = UV_LOCK.replace("NPV", lock_numpy)
    return files


def dockerfile(install: str) -> dict[str, str]:
    return {"Dockerfile": f"FROM python:3.11-slim\nWORKDIR /app\nRUN pip install {install}\n"}


Found = tuple[str, str, int]  # severity, file, line of a new numpy-abi finding
REAL: list[Any] = [
    # audit C03 / V03b / V03c / V03d: TF 2.15.0 METADATA numpy<2.0.0,>=1.23.5
    (
        "C03 tensorflow 2.15.0 + numpy==2.0.0",
        {},
        requirements("tensorflow==2.15.0", "numpy==2.0.0"),
        [("error", "requirements.txt", 1)],
        ("its metadata requires numpy<2.0.0", "numpy==2.0.0"),
    ),
    (
        "V03b tensorflow 2.15.0 + numpy==2.0.2",
        {},
        requirements("tensorflow==2.15.0", "numpy==2.0.2"),
        [("error", "requirements.txt", 1)],
        ("its metadata requires numpy<2.0.0",),
    ),
    (
        "V03c tensorflow 2.15.0 + numpy>=2",
        {},
        requirements("tensorflow==2.15.0", "numpy>=2"),
        [("error", "requirements.txt", 1)],
        ("its metadata requires numpy<2.0.0", "numpy>=2"),
    ),
    (
        "V03d tensorflow 2.15.0 + numpy==2.1.0",
        {},
        requirements("tensorflow==2.15.0", "numpy==2.1.0"),
        [("error", "requirements.txt", 1)],
        ("its metadata requires numpy<2.0.0",),
    ),
    # audit C12 / V12b: TF 2.18.0 METADATA numpy<2.1.0,>=1.26.0
    (
        "C12 tensorflow 2.18.0 + numpy==2.1.0",
        {},
        requirements("tensorflow==2.18.0", "numpy==2.1.0"),
        [("error", "requirements.txt", 1)],
        ("its metadata requires numpy<2.1.0",),
    ),
    (
        "V12b tensorflow 2.18.0 + numpy==2.2.6",
        {},
        requirements("tensorflow==2.18.0", "numpy==2.2.6"),
        [("error", "requirements.txt", 1)],
        ("its metadata requires numpy<2.1.0",),
    ),
    # audit V12c / V12d: scipy 1.12.0 METADATA numpy<1.29.0,>=1.22.4
    (
        "V12c scipy 1.12.0 + numpy==2.0.0",
        {},
        requirements("scipy==1.12.0", "numpy==2.0.0"),
        [("error", "requirements.txt", 1)],
        ("its metadata requires numpy<1.29.0",),
    ),
    (
        "V12d scipy 1.12.0 + numpy==2.0.2 (no hedging: the cap is recorded)",
        {},
        requirements("scipy==1.12.0", "numpy==2.0.2"),
        [("error", "requirements.txt", 1)],
        ("its metadata requires numpy<1.29.0",),
    ),
    (
        "TF 2.18 + numpy 2.2.6 in a Dockerfile RUN pip install",
        {},
        dockerfile("tensorflow==2.18.0 numpy==2.2.6"),
        [("error", "Dockerfile", 3)],
        ("its metadata requires numpy<2.1.0",),
    ),
    (
        "pyproject: tensorflow 2.16.1 with numpy>=2",
        {},
        pyproject("tensorflow==2.16.1", "numpy>=2"),
        [("error", "pyproject.toml", 6)],
        ("its metadata requires numpy<2.0.0",),
    ),
    # the noise the issue names
    (
        "clean TensorFlow patch bump, numpy unpinned",
        requirements("tensorflow==2.15.0", "pandas>=2.0"),
        requirements("tensorflow==2.15.1", "pandas>=2.0"),
        [],
        (),
    ),
    (
        "clean TensorFlow patch bump in a Dockerfile",
        dockerfile("tensorflow==2.16.1"),
        dockerfile("tensorflow==2.16.2"),
        [],
        (),
    ),
    ("pandas range above 2.2.2", {}, requirements("pandas>=2.2.3,<2.3.0", "numpy>=1.26"), [], ()),
    (
        "capped release with numpy>=1.20",
        {},
        requirements("tensorflow==2.17.1", "numpy>=1.20"),
        [],
        (),
    ),
    (
        "capped scikit-learn with numpy>=1.20",
        {},
        requirements("scikit-learn==1.3.2", "numpy>=1.20"),
        [],
        (),
    ),
    (
        "a lock file pins numpy 1.x next to torch 2.2.2",
        {},
        pyproject("torch==2.2.2", "numpy>=1.24", lock_numpy="1.26.4"),
        [],
        (),
    ),
    (
        "the same without a lock file: a fresh install picks NumPy 2",
        {},
        pyproject("torch==2.2.2", "numpy>=1.24"),
        [("error", "pyproject.toml", 6)],
        ("numpy>=1.24 lets the resolver pick NumPy 2",),
    ),
    (
        "the lock file pins NumPy 2 next to torch 2.2.2: reported at the lock's numpy entry",
        {},
        pyproject("torch==2.2.2", "numpy>=1.24", lock_numpy="2.0.1"),
        [("error", "uv.lock", 5)],
        ("uv.lock locks numpy 2.0.1", "torch is declared at pyproject.toml:6"),
    ),
    (
        "a lock out of sync with numpy>=2 does not decide",
        {},
        pyproject("torch==2.2.2", "numpy>=2", lock_numpy="1.26.4"),
        [("error", "pyproject.toml", 6)],
        ("numpy>=2 lets the resolver pick NumPy 2",),
    ),
    # found on alphafold's Dockerfile: the stage installs requirements.txt (numpy pinned 1.x)
    (
        "a Dockerfile stage that pip installs a requirements file pinning numpy 1.x",
        {},
        {
            "requirements.txt": "numpy==1.24.3\nscipy==1.11.1\n",
            "Dockerfile": (
                "FROM python:3.10-slim\nCOPY requirements.txt .\n"
                "RUN pip install -r requirements.txt && pip install jaxlib==0.4.25\n"
            ),
        },
        [],
        (),
    ),
    (
        "the same stage without the requirements file",
        {},
        {"Dockerfile": "FROM python:3.10-slim\nRUN pip install jaxlib==0.4.25\n"},
        [("error", "Dockerfile", 2)],
        ("does not cap numpy",),
    ),
    # numpy 2.0.0 Requires-Python >=3.9: on Python 3.8 the newest NumPy is 1.24.4
    (
        "torch 2.2.2 with numpy on a python:3.8 image",
        {},
        {"Dockerfile": "FROM python:3.8-slim\nRUN pip install torch==2.2.2 numpy\n"},
        [],
        (),
    ),
    (
        "torch 2.2.2 with numpy on a python:3.11 image",
        {},
        {"Dockerfile": "FROM python:3.11-slim\nRUN pip install torch==2.2.2 numpy\n"},
        [("error", "Dockerfile", 2)],
        ("numpy lets the resolver pick NumPy 2",),
    ),
    (
        "pyg-team/pytorch_geometric #9696: torch 1.13.0 in a Read the Docs environment",
        {},
        {
            "readthedocs.yml": "version: 2\nbuild:\n  os: ubuntu-22.04\n  tools:\n"
            '    python: "3.9"\npython:\n  install:\n    - requirements: docs/requirements.txt\n',
            "docs/requirements.txt": "https://download.pytorch.org/whl/cpu/"
            "torch-1.13.0%2Bcpu-cp39-cp39-linux_x86_64.whl\nnumpy>=1.19.5\n",
        },
        [("warning", "docs/requirements.txt", 1)],
        ("Read the Docs build, which imports rather than runs",),
    ),
    (
        "the same torch in a file a Dockerfile installs stays an error",
        {},
        {
            "Dockerfile": "FROM python:3.9-slim\nCOPY docs/requirements.txt .\n"
            "RUN pip install -r requirements.txt\n",
            "docs/requirements.txt": "torch==1.13.0\nnumpy>=1.19.5\n",
        },
        [("error", "docs/requirements.txt", 1)],
        (),
    ),
    (
        "TensorFlow 2.14.0 (no cap in its metadata): a fresh install gets NumPy 2",
        {},
        requirements("tensorflow==2.14.0"),
        [("error", "requirements.txt", 1)],
        ("does not cap numpy", "tensorflow==2.14.1"),
    ),
    # read from the index (pypi_numpy2.json, numpy_caps.json; 2026-12-07): tflite-runtime ends at
    # 2.14.0, whose METADATA says 'numpy >=1.23.2' (no cap) and whose
    # tflite_runtime-2.14.0-cp311-cp311-manylinux2014_x86_64.whl
    # _pywrap_tensorflow_interpreter_wrapper.so holds only 'numpy.core._multiarray_umath':
    # never rebuilt for NumPy 2 (autorope/donkeycar's [pi] extra): every release is built
    # against NumPy 1, and the fix holds numpy below 2
    (
        "tflite-runtime 2.14.0 (built against NumPy 1, never rebuilt) + numpy>=2",
        {},
        requirements("tflite-runtime==2.14.0", "numpy>=2"),
        [("error", "requirements.txt", 1)],
        ("tflite-runtime 2.14.0 is built against NumPy 1", "no tflite-runtime release is built"),
    ),
    (
        "an unpinned tflite-runtime next to an uncapped numpy",
        {},
        requirements("tflite-runtime", "numpy"),
        [("error", "requirements.txt", 1)],
        ("a fresh install picks 2.14.0",),
    ),
    (
        "tflite-runtime with numpy held below 2",
        {},
        requirements("tflite-runtime", "numpy<2"),
        [],
        (),
    ),
    # onnxruntime 1.19.0's onnxruntime_pybind11_state.cpython-312-x86_64-linux-gnu.so holds
    # 'numpy._core._multiarray_umath' (1.18.1's only 'numpy.core._multiarray_umath', and its
    # METADATA caps numpy <2.0); 1.19.0's METADATA says 'numpy >=1.21.6'
    (
        "onnxruntime 1.19.0 (built for NumPy 2) + numpy>=2",
        {},
        requirements("onnxruntime==1.19.0", "numpy>=2"),
        [],
        (),
    ),
    (
        "onnxruntime 1.18.0 (built against NumPy 1, no cap) + numpy>=2",
        {},
        requirements("onnxruntime==1.18.0", "numpy>=2"),
        [("error", "requirements.txt", 1)],
        ("onnxruntime 1.18.0 is built against NumPy 1", "1.19.0"),
    ),
]


@pytest.mark.parametrize(
    ("name", "base", "head", "expected", "present"),
    REAL,
    ids=[getattr(c, "id", None) or c[0] for c in REAL],
)
def test_numpy_abi_on_real_files(
    name: str,
    base: dict[str, str],
    head: dict[str, str],
    expected: list[Found],
    present: tuple[str, ...],
) -> None:
    findings = [f for f in review_trees(base, head, today=TODAY).findings if f.rule == "numpy-abi"]
    assert [(f.severity.value, f.file, f.line) for f in findings if f.new] == expected
    for found in findings:
        for text in present:
            assert text in found.message or text in (found.fix or "")
        assert "does not record" not in found.message


def test_every_recorded_numpy_line_names_its_wheel() -> None:
    caps = load_numpy_caps()
    rows = [r for rows in caps.packages.values() for r in rows]
    assert len(rows) > 500
    for row in rows:
        assert row.file.endswith(".whl") and row.file.lower().startswith(
            row.package.replace("-", "_")[:5]
        )
        assert all(line.line.startswith("Requires-Dist: numpy") for line in row.lines)


@pytest.mark.parametrize(
    ("package", "version", "cap"),
    [
        ("tensorflow", "2.12.0", "numpy<1.24"),
        ("tensorflow", "2.13.0", "numpy<=1.24.3"),
        ("tensorflow", "2.14.0", "no numpy cap"),
        ("tensorflow", "2.14.1", "numpy<2.0.0"),
        ("tensorflow", "2.17.1", "numpy<2.0.0"),
        ("tensorflow", "2.18.0", "numpy<2.1.0"),
        ("tensorflow", "2.19.0", "numpy<2.2.0"),
        ("tensorflow", "2.20.0", "no numpy cap"),
        ("tensorflow", "2.21.0", "no numpy cap"),
        ("scipy", "1.12.0", "numpy<1.29.0"),
        ("scipy", "1.13.0", "numpy<2.3"),
    ],
)
def test_caps_the_audit_read_are_in_the_data(package: str, version: str, cap: str) -> None:
    from packaging.version import Version

    row = load_numpy_caps().release(package, Version(version))
    assert row is not None and row.cap_text() == cap
