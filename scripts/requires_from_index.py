"""Record the install requirements (Requires-Dist) of packages whose pins clash with each other's.

Usage: python scripts/requires_from_index.py --index-url URL [--package NAME ...]
       [--since 2020-01-01] [--merge] [--out rules/kb/data/requires_dist.json]

The index URL comes from --index-url, else UV_INDEX_URL, else PIP_INDEX_URL (a PEP 691 JSON
simple API, ``https://<host>/simple``). For every final release of each package (first uploaded
on or after --since) one representative wheel's METADATA is read (manylinux x86_64 first, then
any Linux wheel, then a pure-Python wheel; the PEP 658 ``.metadata`` file, else HTTP Range reads
of the wheel): its Requires-Python and every Requires-Dist line that no extra guards (``extra ==
"torch"`` lines are not installed by a plain requirement). A release with no wheel is read from
its sdist's setuptools egg-info (``requires.txt`` and PKG-INFO; the row says ``"read":
"egg-info/requires.txt"``), and left out when the sdist has none (another build backend).
Consecutive releases with the same lines share one row; with --merge the packages read are
replaced in the existing file and the others kept (each keeps the `since` it was read with).
The packages are those whose exact pins real repositories write next to each other's and that
pip then refuses (transformers 4.35.2 requires ``tokenizers<0.19,>=0.14``: llmware-ai/llmware
113d00d0, kwai-kolors/kolors #47, eugeneyan/obsidian-copilot #9).

Review the diff of the output before committing it: rules/kb/requires_dist.py reads it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from email.parser import HeaderParser
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.version import Version

from scripts._sdist_requires import requires_txt_lines, sdist_requires
from scripts.kb_from_index import _get, _metadata, _representative, files_by_version

#: The packages read by default (since 2020), those read since 2022 (many releases each), and
#: those read since 2019 (`OLDER_PACKAGES`); each is read with --merge and its own --since.
PACKAGES = (
    "transformers",
    "tokenizers",
    "sentence-transformers",
    "peft",
    "accelerate",
    "diffusers",
    "huggingface-hub",
    "safetensors",
    "datasets",
)
RECENT_PACKAGES = (
    "ultralytics",  # opencv-python>=4.6.0 against an opencv 3 pin: 81Newark/AntiCAP #2
    "langchain",
    "langchain-core",
    "langchain-community",
    "langchain-openai",
    "openai",
    "vllm",
    "gradio",
    "apache-beam",
    "spacy",
)

#: Those read since 2019 (--since 2019-01-01): FastAPI's exact starlette pins of 2019-2021
#: (shibuiwilliam/ml-system-in-actions #5: ``fastapi>=0.65.2`` against ``starlette==0.13.6``),
#: kubernetes' pyyaml cap against tfx (googleforgames/clean-chat #6).
OLDER_PACKAGES = ("fastapi", "starlette", "pydantic", "kubernetes", "tfx")
#: Read with the lines their extras guard, for installs that name an extra: gym since 2019
#: (rlworkgroup/garage: ``gym[atari]==0.15.4`` requires ``atari_py~=0.2.0`` against
#: ``atari-py<0.2.0``), stable-baselines since 2018 (2.10.2 requires
#: ``gym[atari,classic_control]>=0.11``, so gym 0.21.0 brings ``ale-py~=0.7.1``:
#: karolynw/gpt-4-snake-ai), ray, stable-baselines3 and gymnasium since 2021 (``ray[rllib]``
#: 2.2.0 requires ``gym<0.24,>=0.21``: decisionforce/CoPO).
EXTRAS_PACKAGES = {
    "gym": "2019-01-01",
    "stable-baselines": "2018-01-01",
    "ray": "2021-01-01",
    "stable-baselines3": "2021-01-01",
    "gymnasium": "2021-01-01",
}
#: Those read since 2021 (--since 2021-01-01): the demo frameworks whose pins clash with
#: Pillow and click (Shubhamsaboo/awesome-llm-apps #58: streamlit 1.30.0 requires pillow<11;
#: thisis-developer/Llama-2-GGML-Medical-Chatbot #8: streamlit 0.89.0's click<8 against chainlit).
DEMO_PACKAGES = ("streamlit", "chainlit")
#: Those read since 2021 (--since 2021-01-01): the libraries ML repositories pin next to torch,
#: TensorFlow, JAX and each other, by field (training, TF/JAX add-ons, reinforcement learning,
#: audio, LLM applications, tabular and probabilistic, vision, serving). Their own metadata
#: caps or floors what the repository pins beside them: lerobot 0.5.1 requires torch<2.11.0,
#: dm-control 1.0.31 mujoco>=3.3.3, coqui-tts 0.24.2 transformers<4.43, fairscale 0.4.12
#: numpy>=1.22.0, librosa 0.9.1 scipy>=1.2.0 (real pins that pip refused: the corpus cases
#: microsoft/physical-ai-toolchain, myohub/myosuite, neonbjb/tortoise-tts...). Chosen by what
#: ML repositories install, not only by those cases. Releases that ship no wheel are read from
#: their sdist's egg-info (fairscale, deepspeed, gym, openai-whisper).
ML_PACKAGES = (
    # training
    "pytorch-lightning", "lightning", "torchmetrics", "timm", "deepspeed", "fairscale",
    "bitsandbytes", "trl", "evaluate", "optimum", "open-clip-torch", "kornia",
    "albumentations", "xformers", "facenet-pytorch",
    # TensorFlow and JAX add-ons
    "tensorflow-probability", "tensorflow-datasets", "tensorflow-hub", "tensorflow-text",
    "tensorflow-addons", "tf-keras", "keras", "flax", "optax", "orbax-checkpoint", "chex",
    "tensorflow-federated",
    # reinforcement learning and robotics
    "gym", "gymnasium", "stable-baselines3", "dm-control", "mujoco", "ale-py", "shimmy",
    "pettingzoo", "lerobot",
    # audio and speech
    "librosa", "openai-whisper", "faster-whisper", "ctranslate2", "pyannote-audio",
    "speechbrain", "coqui-tts", "tts", "whisperx", "nemo-toolkit",
    # LLM applications
    "crewai", "embedchain", "llama-index", "chromadb", "instructor", "langgraph",
    "haystack-ai", "farm-haystack", "autoawq", "auto-gptq", "browser-use",
    # tabular, forecasting, probabilistic
    "xgboost", "lightgbm", "catboost", "shap", "pycaret", "sktime", "darts", "prophet",
    "cmdstanpy", "statsmodels", "pymc", "arviz", "pytensor", "numpyro", "imbalanced-learn",
    "category-encoders", "optuna", "numba", "scikit-image",
    # experiment tracking and orchestration
    "mlflow", "ray", "wandb", "hydra-core",
    # vision
    "mmengine", "supervision", "easyocr", "paddleocr",
    # serving and exchange formats
    "bentoml", "onnxruntime", "onnx", "tritonclient",
)  # fmt: skip

OUT = Path(__file__).resolve().parent.parent / "rules" / "kb" / "data" / "requires_dist.json"


def split_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the lines a plain install installs, the lines an extra guards), each as written:
    ``pip install gym[atari]`` installs ``ale-py~=0.7.1; extra == "atari"`` too. Unreadable
    lines are kept out of both."""
    plain: list[str] = []
    extra: list[str] = []
    for line in lines:
        try:
            req = Requirement(line)
        except InvalidRequirement:
            continue
        guarded = req.marker is not None and _names_extra(req.marker)
        (extra if guarded else plain).append(line.strip())
    return plain, extra


def install_lines(lines: list[str]) -> list[str]:
    """The Requires-Dist lines a plain install of the package installs (no extra guards them),
    as written; unreadable lines are kept out."""
    return split_lines(lines)[0]


def _names_extra(marker: Marker) -> bool:
    return "extra" in str(marker)


def read(
    index_url: str,
    package: str,
    since: dt.date,
    newest: int | None = None,
    sdists: bool = True,
) -> list[dict[str, Any]]:
    """Rows of consecutive final releases with the same requirements, oldest first (only the
    `newest` most recent releases uploaded since `since`, when given; releases with no wheel
    left out unless `sdists`)."""
    by_version = files_by_version(index_url, package, Version("0"))
    rows: list[dict[str, Any]] = []
    recent = [
        version
        for version in sorted(by_version, key=Version)
        if min((f.get("upload-time") or "9999" for f in by_version[version]), default="9999")[:10]
        >= since.isoformat()
    ]
    for version in recent[-newest:] if newest else recent:
        files = by_version[version]
        chosen = _representative(files)
        read_from = "METADATA"
        if chosen is not None:
            text, _ = _metadata(chosen)
            headers = HeaderParser().parsestr(text)
            lines = list(headers.get_all("Requires-Dist") or [])
            requires, extras = split_lines(lines)
            requires_python = headers.get("Requires-Python")
        else:  # no wheel: the sdist's egg-info, when setuptools built it
            tars = [f for f in files if f["filename"].endswith(".tar.gz") and not f.get("yanked")]
            found = sdist_requires(tars[0], _get) if tars and sdists else None
            if found is None:
                continue
            chosen, read_from = tars[0], "egg-info/requires.txt"
            lines = requires_txt_lines(found[0])
            requires, extras = split_lines(lines)
            requires_python = found[1]
        yanked = all(f.get("yanked") for f in files)
        print(f"{package} {version}", file=sys.stderr)
        last = rows[-1] if rows else None
        if (
            last is not None
            and last["requires"] == requires
            and last.get("extra_requires", []) == extras
            and last["requires_python"] == requires_python
            and last.get("read", "METADATA") == read_from
            and not yanked
            and not last["yanked"]
        ):
            last["versions"].append(version)
            continue
        rows.append(
            {
                "versions": [version],
                "file": chosen["filename"],
                "requires_python": requires_python,
                "requires": requires,
                "yanked": yanked,
                **({} if read_from == "METADATA" else {"read": read_from}),
                **({"extra_requires": extras} if extras else {}),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--index-url", default=os.environ.get("UV_INDEX_URL") or os.environ.get("PIP_INDEX_URL")
    )
    parser.add_argument("--package", action="append")
    parser.add_argument("--since", default="2020-01-01", type=dt.date.fromisoformat)
    parser.add_argument("--out", default=str(OUT), type=Path)
    parser.add_argument("--merge", action="store_true")
    args = parser.parse_args(argv)
    if not args.index_url:
        parser.error("--index-url (or UV_INDEX_URL / PIP_INDEX_URL) is required")
    previous: dict[str, Any] = {"packages": {}, "provenance": {"since": {}}}
    if args.merge and args.out.exists():
        previous = json.loads(args.out.read_text(encoding="utf-8"))
    read_now = {name: read(args.index_url, name, args.since) for name in args.package or PACKAGES}
    packages = {**previous["packages"], **read_now}
    since = {**previous["provenance"]["since"], **dict.fromkeys(read_now, args.since.isoformat())}
    data = {
        "provenance": {
            "script": "scripts/requires_from_index.py",
            "snapshot_date": dt.date.today().isoformat(),
            "since": dict(sorted(since.items())),
            "method": (
                "For each final release first uploaded on or after `since`: one wheel's METADATA "
                "(manylinux x86_64, else any Linux, else pure Python; the PEP 658 metadata file, "
                "else the wheel read by HTTP Range); a release with no wheel: its sdist's "
                "egg-info/requires.txt and PKG-INFO (rows with `read`). Kept: Requires-Python "
                "and the Requires-Dist lines no extra guards, as written; rows read since "
                "2026-12-06 also keep the lines an extra guards (`extra_requires`). A row holds "
                "consecutive releases whose lines are the same; `file` is the first release's "
                "wheel (or sdist)."
            ),
        },
        "packages": packages,
    }
    args.out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
