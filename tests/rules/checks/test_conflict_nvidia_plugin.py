"""`conflict`: torch's exact ``nvidia-*-cu12`` pins against jax's CUDA 12 plugin and declared pins.

From jax 0.4.30 on ``jax[cuda12]`` (and ``jax[cuda]``) requires
``jax-cuda12-plugin[with-cuda]==<same release>``, whose ``with-cuda`` extra holds the NVIDIA
ranges (jax-cuda12-plugin 0.6.0: ``nvidia-cudnn-cu12<10.0,>=9.8``); torch's PyPI wheels pin
them exactly (torch 2.4.0 – 2.6.0: ``nvidia-cudnn-cu12==9.1.0.70``). Lines from
rules/kb/data/nvidia_requires.json (package index METADATA, read 2026-12-04).

Real evidence (the expected findings were written before depreview ran on them):
- rdyro/torch2jax issue 29 (https://github.com/rdyro/torch2jax/issues/29):
  ``uv pip install -U "jax[cuda]==0.6.0" torch`` → "No solution found": torch 2.2.0 – 2.3.1 pin
  ``nvidia-cudnn-cu12==8.9.2.26``, 2.4.0 – 2.6.0 ``==9.1.0.70``, jax 0.6.0 needs cuDNN ≥ 9.8.
- apple/axlearn issue 858 (https://github.com/apple/axlearn/issues/858): torch 2.1.1 (through
  ``torchvision==0.16.1``) and ``jax[cuda12]==0.4.33`` (cudnn ``<10.0,>=9.1``): pip reports the
  conflict, then ``import torch`` fails on libcudnn.so.8 or jax on "DNN library initialization
  failed". apple/axlearn@d0edead3:pyproject.toml puts ``torch>=1.12.1`` and
  ``torchvision==0.16.1`` in the ``dev`` extra (lines 76-77) and ``jax[cuda12]==0.4.33`` in
  ``gpu`` (line 129): installed one after the other, so two environments here, and a torch
  range that a fresh install satisfies with a torch on other CUDA wheels.
- Physical-Intelligence/openpi@449fcaba:pyproject.toml pins ``jax[cuda12]==0.5.3`` (line 17)
  and ``torch==2.7.1`` (line 29): cuDNN 9.5.1.17 lies inside jax-cuda12-plugin 0.5.3's
  ``<10.0,>=9.1`` (it also takes torch from a PyTorch uv index, so nothing is judged there).
- AI-Hypercomputer/maxtext pull 557 (https://github.com/AI-Hypercomputer/maxtext/pull/557)
  pins ``nvidia-cudnn-cu12==8.9.7.29`` in a requirements file; next to ``torch==2.4.0``
  (``==9.1.0.70``) no version is left.
"""

from __future__ import annotations

import pytest
from packaging.version import Version

from rules.checks.base import RuleContext
from rules.checks.conflict import ConflictRule
from rules.config import DEFAULT_CONFIG
from rules.findings import Finding
from rules.kb import load_kb
from rules.kb.nvidia_requires import alternatives_of, releases, requirements_of
from rules.manifests.snapshot import build_snapshot

FILE = "requirements.txt"


def run(text: str) -> list[Finding]:
    snap = build_snapshot({FILE: text})
    found = ConflictRule().check(RuleContext(snap, DEFAULT_CONFIG, load_kb()))
    return [f for f in found if f.fingerprint.endswith(":nvidia")]


@pytest.mark.parametrize(
    ("text", "severity", "says"),
    [
        # rdyro/torch2jax#29: the torch releases uv names, against jax[cuda]==0.6.0
        (
            "jax[cuda]==0.6.0\ntorch==2.6.0\n",
            "error",
            (
                "jax-cuda12-plugin 0.6.0 requires `nvidia-cudnn-cu12<10.0,>=9.8`, "
                "torch 2.6.0 `nvidia-cudnn-cu12==9.1.0.70`"
            ),
        ),
        ("jax[cuda12]==0.6.0\ntorch==2.3.1\n", "error", "torch 2.3.1 `nvidia-cudnn-cu12==8.9.2.26"),
        ("jax[cuda12]==0.6.0\ntorch==2.7.0\n", "error", "`nvidia-cudnn-cu12==9.5.1.17`"),
        # torch 2.8.0 pins cuDNN 9.10.2.21: inside >=9.8,<10
        ("jax[cuda12]==0.6.0\ntorch==2.8.0\n", None, ""),
        # apple/axlearn#858, both in one environment
        (
            "torch==2.1.1\njax[cuda12]==0.4.33\n",
            "error",
            "jax-cuda12-plugin 0.4.33 `nvidia-cudnn-cu12<10.0,>=9.1`",
        ),
        # jax 0.4.35 admits plugin 0.4.34 or 0.4.35: both need cuDNN >= 9.1
        ("torch==2.1.1\njax[cuda12]==0.4.35\n", "error", "`nvidia-cudnn-cu12<10.0,>=9.1`"),
        # axlearn's own dev line: a torch range, a fresh install takes a torch that fits
        ("torch>=1.12.1\njax[cuda12]==0.4.33\n", None, ""),
        # openpi: torch 2.7.1's cuDNN 9.5.1.17 fits jax-cuda12-plugin 0.5.3's >=9.1,<10
        ("jax[cuda12]==0.5.3\ntorch==2.7.1\n", None, ""),
        # no CUDA extra: jax brings no plugin
        ("jax==0.6.0\ntorch==2.6.0\n", None, ""),
        # cuda12-local: the plugin without its with-cuda extra, no NVIDIA wheels
        ("jax[cuda12-local]==0.6.0\ntorch==2.6.0\n", None, ""),
        # the plugin pinned by itself, with its extra
        (
            "jax-cuda12-plugin[with-cuda]==0.6.0\ntorch==2.6.0\n",
            "error",
            "`nvidia-cudnn-cu12<10.0,>=9.8`",
        ),
        # maxtext#557's pin next to torch 2.4.0
        (
            "nvidia-cudnn-cu12==8.9.7.29\ntorch==2.4.0\n",
            "error",
            "`nvidia-cudnn-cu12==8.9.7.29` is declared, torch 2.4.0 `nvidia-cudnn-cu12==9.1.0.70`",
        ),
        # the pin torch itself makes: nothing to report
        ("nvidia-cudnn-cu12==9.1.0.70\ntorch==2.4.0\n", None, ""),
        # a declared range only some torch pins break: its own versions decide (certain)
        ("nvidia-cudnn-cu12<9\ntorch==2.4.0\n", "error", "`nvidia-cudnn-cu12<9` is declared"),
        # every jax release the range admits (0.6.0 - 0.6.2) needs cuDNN >= 9.8
        (
            "jax[cuda12]>=0.6,<0.7\ntorch==2.6.0\n",
            "error",
            "every release of jax `<0.7,>=0.6` admits (0.6.0 – 0.6.2)",
        ),
        # every torch the range admits (2.4.0 - 2.6.0) pins 9.1.0.70
        ("torch>=2.4,<2.7\njax[cuda12]==0.6.0\n", "error", "every release of torch"),
        # an open jax range: the fresh pick clashes, an older release fits: warning at most
        ("torch==2.4.0\njax[cuda12]\n", "warning", "the resolver falls back to jax 0.5.3"),
        # jax 0.4.26 - 0.4.28's own cuda12 lines (cuDNN <9.0,>=8.9.2.26) fit torch 2.1.2
        ("torch==2.1.2\njax[cuda12]>=0.4.20,<0.4.30\n", "warning", "falls back to jax 0.4.28"),
        # below them only releases without a `cuda12` extra fit: a jax on CPU
        (
            "torch==2.1.2\njax[cuda12]>=0.4.20,<0.4.26\n",
            "warning",
            "falls back to jax 0.4.21 (which brings no NVIDIA wheels)",
        ),
        # a marker that holds on Linux x86_64 on every Python counts
        ('jax[cuda12]==0.6.0\ntorch==2.6.0; sys_platform == "linux"\n', "error", "9.1.0.70"),
        # one that holds on some Pythons only does not
        ('jax[cuda12]==0.6.0\ntorch==2.6.0; python_version < "3.11"\n', None, ""),
        # a PyTorch extra index: its cu124 builds pin the same cuDNN 9.1.0.70 as PyPI's
        # (https://github.com/pytorch/pytorch/issues/193491), and pip still stops
        (
            "--extra-index-url https://download.pytorch.org/whl/cu124\n"
            "jax[cuda12]==0.6.0\ntorch==2.6.0\n",
            "error",
            "9.1.0.70",
        ),
        # keras-team/keras requirements-jax-cuda.txt (corpus case
        # keras-team__keras__nightly-py313-tf218, lines 6-11): the CPU index's torch 2.6.0+cpu
        # needs no NVIDIA wheel
        (
            "tensorflow-cpu~=2.18.1\ntf2onnx\n\n# Torch cpu-only version (needed for testing).\n"
            "--extra-index-url https://download.pytorch.org/whl/cpu\ntorch==2.6.0\n\n"
            "# Jax with cuda support.\n"
            "--find-links https://storage.googleapis.com/jax-releases/jax_cuda_releases.html\n"
            "jax[cuda12]==0.6.2\nflax\n",
            None,
            "",
        ),
        # an index that replaces PyPI: its torch need not be PyPI's
        (
            "--index-url https://example.invalid/simple\njax[cuda12]==0.6.0\ntorch==2.6.0\n",
            None,
            "",
        ),
    ],
)
def test_table(text: str, severity: str | None, says: str) -> None:
    found = run(text)
    if severity is None:
        assert found == []
        return
    (finding,) = found
    assert finding.severity == severity
    assert says in finding.message


def run_pyproject(text: str) -> list[Finding]:
    snap = build_snapshot({"pyproject.toml": text})
    found = ConflictRule().check(RuleContext(snap, DEFAULT_CONFIG, load_kb()))
    return [f for f in found if f.fingerprint.endswith(":nvidia")]


PYPROJECT = """[project]
name = "demo"
version = "0"
dependencies = ["torch==2.9.1", "nvidia-cudnn-cu12>=9.15.0"]
"""


def test_uv_override_replaces_torchs_pin() -> None:
    # nvidia-cosmos/cosmos-predict2.5 pull 147
    # (https://github.com/nvidia-cosmos/cosmos-predict2.5/pull/147) overrides torch 2.9.1's
    # cuDNN pin with ``override-dependencies = [..., "nvidia-cudnn-cu13>=9.15.0"]``: uv then
    # ignores torch's ``==`` pin. (torch 2.9.1 from PyPI pins the cu12 wheel 9.10.2.21.)
    (plain,) = run_pyproject(PYPROJECT)
    assert plain.severity == "error" and "9.10.2.21" in plain.message
    overridden = PYPROJECT + '[tool.uv]\noverride-dependencies = ["nvidia-cudnn-cu12>=9.15.0"]\n'
    assert run_pyproject(overridden) == []


#: younggyoseo/FastTD3@229ed59:requirements/requirements_playground.txt, lines 12-34 (the file
#: the README installs for MuJoCo Playground): torch 2.6.0 with jax[cuda12]==0.4.35 and every
#: nvidia-* wheel pinned to torch 2.6.0's own versions (cuDNN 9.1.0.70 fits the plugin's
#: >=9.1,<10; nvcc 12.8.93 is the plugin's alone).
FASTTD3 = """torchrl==0.7.2
tensordict==0.7.2
tyro
loguru
torch==2.6.0 --index-url https://download.pytorch.org/whl/cu124
torchvision==0.21.0 --index-url https://download.pytorch.org/whl/cu124
torchaudio==2.6.0 --index-url https://download.pytorch.org/whl/cu124
jax[cuda12]==0.4.35
nvidia-cublas-cu12==12.4.5.8
nvidia-cuda-cupti-cu12==12.4.127
nvidia-cuda-nvcc-cu12==12.8.93
nvidia-cuda-nvrtc-cu12==12.4.127
nvidia-cuda-runtime-cu12==12.4.127
nvidia-cudnn-cu12==9.1.0.70
nvidia-cufft-cu12==11.2.1.3
nvidia-curand-cu12==10.3.5.147
nvidia-cusolver-cu12==11.6.1.9
nvidia-cusparse-cu12==12.3.1.170
nvidia-cusparselt-cu12==0.6.2
nvidia-nccl-cu12==2.21.5
nvidia-nvjitlink-cu12==12.4.127
nvidia-nvtx-cu12==12.4.127
"""


def test_fasttd3_pins_agree() -> None:
    assert run(FASTTD3) == []
    # the same pins without the per-line index options (torch from PyPI): still no clash
    plain = FASTTD3.replace(" --index-url https://download.pytorch.org/whl/cu124", "")
    assert run(plain) == []
    # a copy whose cuDNN pin was changed is judged on the same lines: torch's pin and the
    # plugin's range both refuse it
    changed = plain.replace("nvidia-cudnn-cu12==9.1.0.70", "nvidia-cudnn-cu12==8.9.7.29")
    assert sorted(f.message.split(" (")[0] for f in run(changed)) == ["jax", "torch"]


def test_evidence_names_the_plugin_link() -> None:
    (finding,) = run("jax[cuda]==0.6.0\ntorch==2.6.0\n")
    evidence = "\n".join(finding.evidence)
    assert (
        'required by jax 0.6.0: jax-cuda12-plugin[with-cuda]<=0.6.0,>=0.6.0; extra == "cuda"'
    ) in evidence
    assert 'nvidia-cudnn-cu12<10.0,>=9.8; extra == "with-cuda"' in evidence
    assert (finding.file, finding.line) == (FILE, 2)


def test_reader_follows_the_plugin() -> None:
    needs = requirements_of("jax", Version("0.6.0"), ("cuda12",))
    assert needs is not None
    cudnn = {n.dep: n for n in needs}["nvidia-cudnn-cu12"]
    assert (cudnn.package, str(cudnn.version)) == ("jax-cuda12-plugin", "0.6.0")
    assert str(cudnn.requirement.specifier) == "<10.0,>=9.8"
    # the legacy extras stay jax's own lines
    legacy = requirements_of("jax", Version("0.4.26"), ("cuda12",))
    assert legacy is not None and {n.package for n in legacy} == {"jax"}
    # a release the data has not read
    assert requirements_of("jax", Version("0.4.15"), ("cuda12",)) is None
    # jax 0.4.35 admits two plugin releases (``<=0.4.35,>=0.4.34``): two alternatives
    two = alternatives_of("jax", Version("0.4.35"), ("cuda12",))
    assert two is not None
    assert [str(a[0].version) for a in two] == ["0.4.34", "0.4.35"]


def test_plugin_releases_are_recorded() -> None:
    plugin = releases("jax-cuda12-plugin")
    assert Version("0.4.30") in plugin and Version("0.6.0") in plugin
    assert releases("torch")[0] == Version("1.13.0")
