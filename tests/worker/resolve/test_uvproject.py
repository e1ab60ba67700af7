"""uv projects resolved with `uv lock` semantics; group environments; pip check from metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.findings import Severity
from tests.worker.resolve.conftest import config, snap
from tests.worker.resolve.wheels import Dist, Universe, write_flat, write_simple
from worker.resolve import MAX_ENVIRONMENTS, resolve_snapshot
from worker.resolve.metadata import requires_of
from worker.resolve.model import Resolution, ResolveTarget
from worker.resolve.pipcheck import resolution_findings
from worker.resolve.pypi import RunOptions

#: The default index has a newer plain torch; the CUDA index has the +cu121 build and an old
#: filelock (as PyTorch's index carries copies of common packages).
DEFAULT = (
    Dist("torch", "2.2.0", ("filelock",)),
    Dist("filelock", "3.13.1"),
    Dist("triton", "2.1.0", ("filelock",)),
    Dist("numpy", "1.23.5"),
    Dist("numpy", "1.26.4"),
)
CUDA = (
    Dist("torch", "2.1.0+cu121", ("filelock", "triton==2.1.0 ; platform_system == 'Linux'")),
    Dist("filelock", "3.0.0"),
)

PROJECT = """\
[project]
name = "demo"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = ["torch", "numpy>=1.24"]

[dependency-groups]
dev = ["numpy<1.24"]
docs = ["filelock"]

[[tool.uv.index]]
name = "local"
url = "DEFAULT"
default = true

[[tool.uv.index]]
name = "pytorch-cu121"
url = "CUDA"
explicit = true

[tool.uv.sources]
torch = { index = "pytorch-cu121" }

[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"
"""


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    root = tmp_path_factory.mktemp("uvproject")
    return (
        write_simple(root / "default", DEFAULT).as_uri(),
        write_simple(root / "cu121", CUDA).as_uri(),
    )


def _project(indexes: tuple[str, str], text: str = PROJECT) -> dict[str, str]:
    return {"pyproject.toml": text.replace("DEFAULT", indexes[0]).replace("CUDA", indexes[1])}


def _by_env(resolutions: list[Resolution]) -> dict[str, Resolution]:
    return {r.environment: r for r in resolutions}


def test_an_index_source_pins_torch_to_its_explicit_index(
    indexes: tuple[str, str], options: RunOptions
) -> None:
    files = _project(indexes)
    resolutions, _ = resolve_snapshot(snap(files), config(), options, texts=files)
    runtime = _by_env(resolutions)["pyproject.toml"]
    assert runtime.ok and runtime.source == "uv lock"
    assert dict(runtime.pins) == {
        "torch": "2.1.0+cu121",
        "filelock": "3.13.1",  # the explicit index serves torch only
        "triton": "2.1.0",
        "numpy": "1.26.4",
    }
    assert runtime.via["triton"] == ("torch",)


def test_the_same_indexes_as_plain_extra_indexes_pick_other_builds(
    indexes: tuple[str, str], options: RunOptions
) -> None:
    """The universe tells the semantics apart: pip's index semantics pick the newer torch."""
    files = {
        "requirements.txt": f"--index-url {indexes[0]}\n--extra-index-url {indexes[1]}\n"
        "torch\nnumpy>=1.24\n"
    }
    (resolution,), _ = resolve_snapshot(snap(files), config(), options, texts=files)
    assert resolution.source == "uv" and resolution.pins["torch"] == "2.2.0"


def test_without_texts_the_project_falls_back_to_pip_compile(
    indexes: tuple[str, str], options: RunOptions
) -> None:
    files = _project(indexes)
    resolutions, _ = resolve_snapshot(snap(files), config(), options)
    assert {r.source for r in resolutions} == {"uv"}


def test_a_group_conflicting_with_the_runtime_names_the_group(
    indexes: tuple[str, str], options: RunOptions
) -> None:
    files = _project(indexes)
    resolutions, findings = resolve_snapshot(snap(files), config(), options, texts=files)
    by_env = _by_env(resolutions)
    assert set(by_env) == {"pyproject.toml", "pyproject.toml#dev", "pyproject.toml#docs"}
    assert by_env["pyproject.toml"].ok and by_env["pyproject.toml#docs"].ok
    assert not by_env["pyproject.toml#dev"].ok
    (conflict,) = [f for f in findings if f.rule == "resolution-conflict"]
    assert (conflict.category, conflict.severity) == ("conflict", Severity.ERROR)
    assert "pyproject.toml#dev" in conflict.fingerprint and conflict.package == "numpy"
    assert conflict.file == "pyproject.toml"
    assert any("demo:dev" in line for line in conflict.evidence)
    declared = {value for key, value in conflict.extra if key == "declared"}
    assert {"pyproject.toml:5", "pyproject.toml:8"} <= declared


def test_group_environment_installs_runtime_and_group(
    indexes: tuple[str, str], options: RunOptions
) -> None:
    text = PROJECT.replace('dev = ["numpy<1.24"]', 'dev = ["triton"]')
    files = _project(indexes, text)
    resolutions, findings = resolve_snapshot(snap(files), config(), options, texts=files)
    dev = _by_env(resolutions)["pyproject.toml#dev"]
    assert dev.ok and {"torch", "numpy", "triton"} <= set(dev.pins)
    assert set(dev.via["triton"]) == {"torch", "demo:dev"}
    assert not [f for f in findings if f.severity is Severity.ERROR]


def test_poetry_groups_are_resolved_with_their_runtime(
    indexes: tuple[str, str], options: RunOptions
) -> None:
    text = f"""\
[tool.poetry]
name = "p"
version = "0"

[tool.poetry.dependencies]
python = "^3.11"
numpy = ">=1.24"

[tool.poetry.group.test.dependencies]
numpy = "<1.24"

[[tool.poetry.source]]
name = "local"
url = "{indexes[0]}"
priority = "primary"
"""
    files = {"pyproject.toml": text}
    resolutions, findings = resolve_snapshot(snap(files), config(), options, texts=files)
    by_env = _by_env(resolutions)
    assert by_env["pyproject.toml"].ok and not by_env["pyproject.toml#test"].ok
    (conflict,) = [f for f in findings if f.rule == "resolution-conflict"]
    assert "pyproject.toml#test" in conflict.fingerprint


def test_environments_beyond_the_cap_are_named_in_a_notice(
    indexes: tuple[str, str], options: RunOptions
) -> None:
    count = MAX_ENVIRONMENTS + 2
    files = {
        f"requirements/env{i:02}.txt": f"--index-url {indexes[0]}\nfilelock\n" for i in range(count)
    }
    resolutions, findings = resolve_snapshot(snap(files), config(), options, texts=files)
    assert len(resolutions) == MAX_ENVIRONMENTS
    (notice,) = [f for f in findings if f.rule == "resolution-environments-capped"]
    assert notice.severity is Severity.NOTICE
    assert notice.evidence == tuple(
        f"requirements/env{i:02}.txt" for i in range(MAX_ENVIRONMENTS, count)
    )


@pytest.mark.parametrize("source", ["wheel-path", "index-folder", "cache-archive"])
def test_pip_check_reads_requires_dist_from_wheels_on_disk(tmp_path: Path, source: str) -> None:
    """A pin set the resolver would never produce, caught from the wheels' own metadata."""
    dists = (Dist("lib-a", "1.0.0", ("lib-b>=2",)), Dist("lib-b", "1.0.0"))
    flat = write_flat(tmp_path / "flat", dists)
    pins = {"lib-a": "1.0.0", "lib-b": "1.0.0"}
    wheels: dict[str, tuple[str, ...]] = {}
    index_urls: list[str] = []
    cache = tmp_path / "cache"
    if source == "wheel-path":
        wheels = {"lib-a": (str(flat / "lib_a-1.0.0-py3-none-any.whl"),)}
    elif source == "index-folder":
        index_urls = [write_simple(tmp_path / "simple", dists).as_uri()]
    else:
        dist_info = cache / "archive-v0" / "abc" / "lib_a-1.0.0.dist-info"
        dist_info.mkdir(parents=True)
        (dist_info / "METADATA").write_text(
            "Name: lib-a\nVersion: 1.0.0\nRequires-Dist: lib-b>=2\n"
        )
    requires = requires_of(pins, wheels=wheels, index_urls=index_urls, cache_dir=cache)
    assert requires["lib-a"] == ("lib-b>=2",)
    resolution = Resolution(ResolveTarget(), "requirements.txt", pins, requires=requires)
    (finding,) = resolution_findings(resolution)
    assert (finding.rule, finding.package, finding.file) == (
        "broken-pin-set",
        "lib-a",
        "requirements.txt",
    )
    assert "lib-b 1.0.0 is in the set" in finding.message


def test_uv_resolutions_carry_requires_dist_for_pip_check(
    indexes: tuple[str, str], options: RunOptions
) -> None:
    files = _project(indexes)
    resolutions, findings = resolve_snapshot(snap(files), config(), options, texts=files)
    runtime = _by_env(resolutions)["pyproject.toml"]
    assert runtime.requires["torch"] == (
        "filelock",
        "triton==2.1.0 ; platform_system == 'Linux'",
    )
    assert not [f for f in findings if f.rule == "broken-pin-set"]


#: A uv.lock written before numpy joined the project's dependencies (its root lists torch only).
STALE_LOCK = """\
version = 1
requires-python = ">=3.11"

[[package]]
name = "demo"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "torch" },
]

[package.metadata]
requires-dist = [{ name = "torch", index = "CUDA" }]

[[package]]
name = "torch"
version = "2.1.0+cu121"
source = { registry = "CUDA" }
"""


def test_a_lock_out_of_sync_is_not_the_installed_set(
    indexes: tuple[str, str], options: RunOptions
) -> None:
    """A lock out of sync says nothing of what installs: the environment is resolved from the
    declarations (jamjet-labs/jamjet 3613e37: uv.lock without the newly declared
    jamjet-engram). A lock in sync is read as the installed set
    (test_locks.py::test_locked_versions_are_the_head_resolution_and_are_pip_checked)."""
    files = _project(indexes)
    files["uv.lock"] = STALE_LOCK.replace("CUDA", indexes[1])
    resolutions, findings = resolve_snapshot(snap(files), config(), options, texts=files)
    runtime = [r for r in resolutions if r.environment == "pyproject.toml"]
    assert [f.rule for f in findings if "numpy" in f.message][:1] == ["lock-out-of-sync"]
    # the range's start and its newest Python: both read from the one `uv lock`
    assert {(r.source, r.ok) for r in runtime} == {("uv lock", True)} and runtime
    assert runtime[0].pins["numpy"] == "1.26.4"  # resolved: the stale lock has no numpy


def test_a_uv_project_locks_past_an_sdist_only_release_with_a_stand_in(
    universe: Universe, options: RunOptions
) -> None:
    """`uv lock --no-build` stopped at the first sdist-only release (omegaconf's
    antlr4-python3-runtime 4.9.3) as `uv pip compile` did: the lock now goes past it with a
    stand-in, and says that release's own requirements were not read."""
    text = (
        '[project]\nname = "demo"\nversion = "0.1.0"\nrequires-python = ">=3.11"\n'
        'dependencies = ["uses-legacy", "six"]\n\n'
        f'[[tool.uv.index]]\nname = "local"\nurl = "{universe.pypi}"\ndefault = true\n'
    )
    files = {"pyproject.toml": text}
    resolutions, findings = resolve_snapshot(snap(files), config(), options, texts=files)
    assert resolutions and all(r.source == "uv lock" and r.ok for r in resolutions)
    assert {r.pins["legacy-only"] for r in resolutions} == {"0.1.0"}
    assert {(f.rule, f.package, f.file, f.line) for f in findings} == {
        ("resolution-sdist-only", "legacy-only", "pyproject.toml", 5)
    }
