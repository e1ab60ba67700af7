"""scripts/nvidia_requires_from_index.py: which Requires-Dist lines it keeps.

The METADATA lines are excerpts of jax 0.6.0's and jax-cuda12-plugin 0.6.0's as the
package index serves them (jax-0.6.0-py3-none-any.whl,
jax_cuda12_plugin-0.6.0-cp310-cp310-manylinux2014_x86_64.whl, read 2026-12-04;
rules/kb/data/nvidia_requires.json holds the same lines).
"""

from __future__ import annotations

from scripts.nvidia_requires_from_index import kept, nvidia_lines, requires_txt_lines

JAX_060 = """Metadata-Version: 2.4
Name: jax
Version: 0.6.0
Requires-Dist: jaxlib<=0.6.0,>=0.6.0
Requires-Dist: numpy>=1.25
Requires-Dist: jaxlib<=0.6.0,>=0.6.0; extra == "cuda12"
Requires-Dist: jax-cuda12-plugin[with-cuda]<=0.6.0,>=0.6.0; extra == "cuda12"
Requires-Dist: jax-cuda12-plugin<=0.6.0,>=0.6.0; extra == "cuda12-local"
Requires-Dist: jax-rocm60-plugin<=0.6.0,>=0.6.0; extra == "rocm"

"""

PLUGIN_060 = """Metadata-Version: 2.4
Name: jax-cuda12-plugin
Version: 0.6.0
Requires-Dist: jax-cuda12-pjrt==0.6.0
Requires-Dist: nvidia-cudnn-cu12<10.0,>=9.8; extra == "with-cuda"

"""


def test_kept_names() -> None:
    assert kept("nvidia-cudnn-cu12") and kept("jax_cuda12_plugin") and kept("jax-cuda13-pjrt")
    assert not kept("jaxlib") and not kept("jax-rocm60-plugin")


def test_jax_keeps_its_plugin_links() -> None:
    assert nvidia_lines(JAX_060) == [
        'jax-cuda12-plugin[with-cuda]<=0.6.0,>=0.6.0; extra == "cuda12"',
        'jax-cuda12-plugin<=0.6.0,>=0.6.0; extra == "cuda12-local"',
    ]


def test_plugin_keeps_pjrt_and_nvidia() -> None:
    assert nvidia_lines(PLUGIN_060) == [
        "jax-cuda12-pjrt==0.6.0",
        'nvidia-cudnn-cu12<10.0,>=9.8; extra == "with-cuda"',
    ]


def test_requires_txt_sections() -> None:
    text = "numpy>=1.20\n\n[cuda11_pip]\njaxlib==0.4.14+cuda11.cudnn86\nnvidia-cudnn-cu11>=8.8\n"
    assert requires_txt_lines(text) == ['nvidia-cudnn-cu11>=8.8; extra == "cuda11_pip"']
