"""Tests for the requirements-file parser: PEP 508 lines, options, includes, annotations."""

from __future__ import annotations

import time

import pytest

from rules.manifests import requirements as requirements_module
from rules.manifests.model import FactKind, Group, IndexKind, Requirement
from rules.manifests.requirements import RequirementsParser

PARSER = RequirementsParser()


def only(text: str, path: str = "requirements.txt") -> Requirement:
    manifest = PARSER.parse(path, text)
    assert manifest.errors == ()
    assert len(manifest.requirements) == 1
    return manifest.requirements[0]


@pytest.mark.parametrize(
    ("line", "name", "specifier", "pinned", "local", "extras", "marker", "url"),
    [
        ("numpy", "numpy", "", None, None, (), None, None),
        ("NumPy==1.26.4", "numpy", "==1.26.4", "1.26.4", None, (), None, None),
        ("torch==2.1.0+cu118", "torch", "==2.1.0+cu118", "2.1.0+cu118", "cu118", (), None, None),
        ("torch===2.1.0+cu121", "torch", "===2.1.0+cu121", "2.1.0+cu121", "cu121", (), None, None),
        ("scipy>=1.10,<2", "scipy", "<2,>=1.10", None, None, (), None, None),
        ("pandas ~= 2.1", "pandas", "~=2.1", None, None, (), None, None),
        ("jax==0.4.*", "jax", "==0.4.*", None, None, (), None, None),
        (
            "transformers[torch,sentencepiece]>=4.40",
            "transformers",
            ">=4.40",
            None,
            None,
            ("sentencepiece", "torch"),
            None,
            None,
        ),
        (
            'triton==2.1.0 ; platform_system == "Linux" and platform_machine == "x86_64"',
            "triton",
            "==2.1.0",
            "2.1.0",
            None,
            (),
            'platform_system == "Linux" and platform_machine == "x86_64"',
            None,
        ),
        (
            "Flash_Attn @ https://github.com/x/flash_attn-2.5.8+cu122torch2.3-cp310-cp310-linux_x86_64.whl",
            "flash-attn",
            "",
            "2.5.8+cu122torch2.3",
            "cu122torch2.3",
            (),
            None,
            "https://github.com/x/flash_attn-2.5.8+cu122torch2.3-cp310-cp310-linux_x86_64.whl",
        ),
        (
            "mylib @ file:///home/runner/work/mylib/dist/mylib-0.3.1.tar.gz",
            "mylib",
            "",
            "0.3.1",
            None,
            (),
            None,
            "file:///home/runner/work/mylib/dist/mylib-0.3.1.tar.gz",
        ),
        (
            "peft @ git+https://github.com/huggingface/peft.git@v0.10.0",
            "peft",
            "",
            None,
            None,
            (),
            None,
            "git+https://github.com/huggingface/peft.git@v0.10.0",
        ),
        (
            "git+https://github.com/openai/CLIP.git@a1d0717#egg=clip",
            "clip",
            "",
            None,
            None,
            (),
            None,
            "git+https://github.com/openai/CLIP.git@a1d0717#egg=clip",
        ),
        (
            "https://download.pytorch.org/whl/cu118/torch-2.1.0%2Bcu118-cp310-cp310-linux_x86_64.whl",
            "torch",
            "==2.1.0+cu118",
            "2.1.0+cu118",
            "cu118",
            (),
            None,
            "https://download.pytorch.org/whl/cu118/torch-2.1.0%2Bcu118-cp310-cp310-linux_x86_64.whl",
        ),
        ("./vendor/detectron2", "detectron2", "", None, None, (), None, "./vendor/detectron2"),
        ("-e ./packages/my-tool", "my-tool", "", None, None, (), None, "./packages/my-tool"),
        (
            "-e git+https://github.com/facebookresearch/detectron2.git@v0.6#egg=detectron2",
            "detectron2",
            "",
            None,
            None,
            (),
            None,
            "git+https://github.com/facebookresearch/detectron2.git@v0.6#egg=detectron2",
        ),
        # flyteorg/flytekit requirements.in: pip takes a `file:` URL without slashes
        ("-e file:.#egg=flytekit", "flytekit", "", None, None, (), None, "file:.#egg=flytekit"),
        (
            "--editable=git+https://github.com/org/repo@main#egg=repo_pkg",
            "repo-pkg",
            "",
            None,
            None,
            (),
            None,
            "git+https://github.com/org/repo@main#egg=repo_pkg",
        ),
    ],
)
def test_requirement_lines(
    line: str,
    name: str,
    specifier: str,
    pinned: str | None,
    local: str | None,
    extras: tuple[str, ...],
    marker: str | None,
    url: str | None,
) -> None:
    req = only(f"{line}\n")
    assert (req.name, req.specifier, req.pinned, req.local, req.extras, req.marker, req.url) == (
        name,
        specifier,
        pinned,
        local,
        extras,
        marker,
        url,
    )
    assert (req.location.line, req.location.column) == (1, 1)


def test_pip_freeze_output() -> None:
    text = (
        "absl-py==2.1.0\n"
        "# Editable install with no version control (mypkg==0.1.0)\n"
        "-e /home/user/src/mypkg\n"
        "nvidia-cudnn-cu12==8.9.2.26\n"
        "torch @ file:///tmp/wheels/torch-2.3.0%2Bcu121-cp311-cp311-linux_x86_64.whl\n"
        "triton==2.3.0\n"
    )
    manifest = PARSER.parse("requirements.txt", text)
    assert manifest.errors == ()
    assert [(r.name, r.pinned, r.location.line) for r in manifest.requirements] == [
        ("absl-py", "2.1.0", 1),
        ("mypkg", None, 3),
        ("nvidia-cudnn-cu12", "8.9.2.26", 4),
        ("torch", "2.3.0+cu121", 5),
        ("triton", "2.3.0", 6),
    ]


def test_unnamed_local_paths_are_listed_in_metadata() -> None:
    manifest = PARSER.parse("requirements-dev.txt", "-e .\n.\n")
    assert manifest.requirements == ()
    assert ("local-path", ".") in manifest.metadata


@pytest.mark.parametrize(
    "line",
    ["./pkg", "../libs/tool", "./dist/x-1.0-py3-none-any.whl", "./x-1.0.tar.gz", "./requirements"],
)
def test_installable_local_paths_are_no_errors(line: str) -> None:
    assert PARSER.parse("requirements.txt", f"{line}\n").errors == ()


def test_locations_columns_and_comments() -> None:
    text = "# header\n\n   numpy==1.26  # pinned for ABI\nscipy#not-a-comment==1\n"
    manifest = PARSER.parse("requirements.txt", text)
    numpy = manifest.requirements[0]
    assert (numpy.name, numpy.location.line, numpy.location.column) == ("numpy", 3, 4)
    assert numpy.raw == "numpy==1.26"
    # `#` not preceded by whitespace is not a comment: the line is a (bad) requirement
    assert [(e.line, e.column) for e in manifest.errors] == [(4, 6)]


def test_continuations_and_hashes() -> None:
    text = (
        "torch==2.1.0 \\\n"
        "    --hash=sha256:aaa \\\n"
        "    --hash=sha256:bbb\n"
        "numpy==1.26.4 --hash sha256:ccc\n"
        "pyyaml\\\n"
        "==6.0.1\n"
    )
    manifest = PARSER.parse("requirements.txt", text)
    assert manifest.errors == ()
    assert [(r.name, r.pinned, r.hashes, r.location.line) for r in manifest.requirements] == [
        ("torch", "2.1.0", ("sha256:aaa", "sha256:bbb"), 1),
        ("numpy", "1.26.4", ("sha256:ccc",), 4),
        ("pyyaml", "6.0.1", (), 5),
    ]


UNHASHABLE = [
    # bytewax/bytewax d058b5f2: a uv-compiled, hashed lock with a git requirement
    (
        "vcs in a hashed file",
        "numpy==1.26.4 --hash=sha256:aaa\n"
        "sphinx-autodoc2 @ git+https://github.com/x/sphinx-autodoc2@a9db746 \\\n"
        "    --hash=sha256:bbb\n",
        [(2, 1)],
    ),
    ("editable in a hashed file", "numpy==1.26.4 --hash=sha256:aaa\n-e ./pkg\n", [(2, 1)]),
    ("vcs without any hash", "sphinx-autodoc2 @ git+https://github.com/x/y@a9db746\n", []),
    ("hashed named lines only", "numpy==1.26.4 --hash=sha256:aaa\nscipy==1.11.4\n", []),
]


@pytest.mark.parametrize(
    ("text", "where"), [c[1:] for c in UNHASHABLE], ids=[c[0] for c in UNHASHABLE]
)
def test_hash_checking_mode_rejects_what_pip_cannot_hash(
    text: str, where: list[tuple[int, int]]
) -> None:
    manifest = PARSER.parse("requirements/doc.txt", text)
    assert [(e.line, e.column) for e in manifest.errors] == where
    for error in manifest.errors:
        assert "hash-checking mode" in error.message


def test_error_on_a_continuation_line_points_at_that_line() -> None:
    manifest = PARSER.parse("requirements.txt", "torch==2.1.0 \\\n  ;; bad\nnumpy\n")
    # packaging points at the second `;`, on the second physical line
    assert [(e.line, e.column) for e in manifest.errors] == [(2, 4)]
    assert [r.name for r in manifest.requirements] == ["numpy"]


@pytest.mark.parametrize(
    ("line", "kind", "url"),
    [
        (
            "--index-url https://download.pytorch.org/whl/cu121",
            IndexKind.INDEX_URL,
            "https://download.pytorch.org/whl/cu121",
        ),
        ("-i https://pypi.org/simple", IndexKind.INDEX_URL, "https://pypi.org/simple"),
        ("--index-url=https://pypi.org/simple", IndexKind.INDEX_URL, "https://pypi.org/simple"),
        (
            "--extra-index-url https://download.pytorch.org/whl/cu118",
            IndexKind.EXTRA_INDEX_URL,
            "https://download.pytorch.org/whl/cu118",
        ),
        (
            "-f https://data.pyg.org/whl/torch-2.1.0+cu118.html",
            IndexKind.FIND_LINKS,
            "https://data.pyg.org/whl/torch-2.1.0+cu118.html",
        ),
        ("--find-links=./wheels", IndexKind.FIND_LINKS, "./wheels"),
        (
            "--extra-index-url https://${PIP_USER}:${PIP_TOKEN}@pkgs.example.org/simple",
            IndexKind.EXTRA_INDEX_URL,
            "https://${PIP_USER}:${PIP_TOKEN}@pkgs.example.org/simple",
        ),
    ],
)
def test_index_options(line: str, kind: IndexKind, url: str) -> None:
    manifest = PARSER.parse("requirements.txt", f"numpy\n{line}\n")
    assert manifest.errors == ()
    assert [(i.kind, i.url, i.location.line, i.location.column) for i in manifest.indexes] == [
        (kind, url, 2, 1)
    ]


def test_env_vars_are_kept_and_listed() -> None:
    manifest = PARSER.parse(
        "requirements.txt",
        "--extra-index-url https://${TOKEN}@example.org/simple\n"
        "private @ https://${TOKEN}@example.org/private-1.0.tar.gz\n",
    )
    assert manifest.errors == ()
    assert ("env-var", "TOKEN") in manifest.metadata
    assert manifest.requirements[0].url == "https://${TOKEN}@example.org/private-1.0.tar.gz"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("--pre", "--pre"),
        ("--only-binary :all:", "--only-binary=:all:"),
        ("--only-binary=torch,numpy", "--only-binary=torch,numpy"),
        ("--no-binary=:none:", "--no-binary=:none:"),
        ("--trusted-host download.pytorch.org", "--trusted-host=download.pytorch.org"),
        ("--prefer-binary", "--prefer-binary"),
        ("--no-index", "--no-index"),
        ("--require-hashes", "--require-hashes"),
    ],
)
def test_pip_options_become_facts(line: str, value: str) -> None:
    manifest = PARSER.parse("requirements.txt", f"{line}\n")
    assert manifest.errors == ()
    assert [(f.kind, f.value) for f in manifest.facts] == [(FactKind.PIP_OPTION, value)]


@pytest.mark.parametrize(
    ("path", "line", "target", "constraint"),
    [
        ("requirements.txt", "-r base.txt", "base.txt", False),
        ("requirements/dev.txt", "-r base.txt", "requirements/base.txt", False),
        (
            "requirements/dev.txt",
            "--requirement=./common/base.in",
            "requirements/common/base.in",
            False,
        ),
        ("requirements/dev.txt", "-r ../requirements.txt", "requirements.txt", False),
        ("requirements/dev.txt", "-rbase.txt", "requirements/base.txt", False),
        ("requirements/dev.txt", "-c ../constraints.txt", "constraints.txt", True),
        ("a/b/requirements.txt", "--constraint ../../c.txt", "c.txt", True),
        ("requirements.txt", "-r ../outside.txt", "../outside.txt", False),
    ],
)
def test_includes_are_relative_to_the_including_file(
    path: str, line: str, target: str, constraint: bool
) -> None:
    manifest = PARSER.parse(path, f"numpy\n{line}\n")
    assert manifest.errors == ()
    assert manifest.include_paths == (target,)
    assert [(s.line, s.column) for s in manifest.includes] == [(2, 1)]
    assert (("constraint-include", target) in manifest.metadata) is constraint


def test_include_by_url_is_a_warning_not_followed() -> None:
    manifest = PARSER.parse("requirements.txt", "-r https://example.org/reqs.txt\n")
    assert manifest.include_paths == ()
    assert [(e.line, e.severity.value) for e in manifest.errors] == [(1, "warning")]


@pytest.mark.parametrize(
    ("comment", "kind", "value"),
    [
        ("# CUDA: 11.8", FactKind.CUDA, "11.8"),
        ("# cuda 12.1", FactKind.CUDA, "12.1"),
        ("# CUDA version: 12.4", FactKind.CUDA, "12.4"),
        ("# cuda=cu118", FactKind.CUDA, "11.8"),
        ("# cuDNN: 8.9", FactKind.CUDNN, "8.9"),
        ("# Python 3.10", FactKind.PYTHON, "3.10"),
        ("# python: 3.11.7", FactKind.PYTHON, "3.11.7"),
        ("# Platform: linux_x86_64", FactKind.PLATFORM, "linux_x86_64"),
        ("# This file is autogenerated by pip-compile with Python 3.11", FactKind.PYTHON, "3.11"),
        (
            "#    uv pip compile requirements.in --python-version 3.10 -o requirements.txt",
            FactKind.PYTHON,
            "3.10",
        ),
        (
            "#    uv pip compile --python-platform x86_64-manylinux_2_28 requirements.in",
            FactKind.PLATFORM,
            "x86_64-manylinux_2_28",
        ),
    ],
)
def test_header_annotations(comment: str, kind: FactKind, value: str) -> None:
    manifest = PARSER.parse("requirements.txt", f"{comment}\ntorch\n")
    assert [(f.kind, f.value, f.location.line, f.detail) for f in manifest.facts] == [
        (kind, value, 1, comment)
    ]


@pytest.mark.parametrize(
    "comment", ["# requires python for sure", "# cuda kernels are fast", "# see CUDA docs: x"]
)
def test_ordinary_comments_are_not_facts(comment: str) -> None:
    assert PARSER.parse("requirements.txt", f"{comment}\n").facts == ()


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("numpy\nfoo bar\nscipy\n", 2, 5, "Expected semicolon"),
        ("torch>=2.1 ; python_version<'3\n", 1, 29, "Expected"),
        ("  foo==1.0,,\n", 1, 12, "Expected comma"),
        ("--unknown-thing\n", 1, 1, "unknown pip option"),
        ("--hash=sha256:abc\n", 1, 1, "must follow a requirement"),
        ("torch==2.1 --hash=md5\n", 1, 12, "--hash=<algorithm>"),
        ("torch==2.1 --index-url x\n", 1, 12, "pip ignores --index-url after a requirement"),
        ("torch==2.1 --bogus x\n", 1, 12, "not allowed after a requirement"),
        ("-r\n", 1, 3, "needs a value"),
        ("torch==${TORCH_VERSION}\n", 1, 6, "not expanded"),
        # jbusecke/xmip 3d0af10 (fixed by 8b6fae2): a git URL without git+
        ("x\nhttps://github.com/mathause/regionmask.git\n", 2, 1, "write git+https://"),
        ("foo @ https://github.com/o/foo\n", 1, 7, "not an archive"),
        ("https://gitlab.com/o/r.git@v1.0\n", 1, 1, "not an archive"),
        ("https://example.org/scm/r.git#egg=r\n", 1, 1, "not an archive"),
        # jupyter-book/jupyter-book 8c232dd (issue #603): a requirements file without -r
        ("../docs/requirements.txt\n", 1, 1, "-r ../docs/requirements.txt"),
        ("numpy\n./envs/base.yml\n", 2, 1, "a path to a .yml file"),
    ],
)
def test_malformed_lines_are_located_errors(text: str, line: int, column: int, words: str) -> None:
    manifest = PARSER.parse("requirements.txt", text)
    assert len(manifest.errors) == 1
    error = manifest.errors[0]
    assert error.category == "parse-error"
    assert (error.line, error.column) == (line, column)
    assert words in error.message
    assert error.message.splitlines()[-1].index("^") == 4 + column - 1


@pytest.mark.parametrize(
    "line",
    [
        "git+https://github.com/o/r.git",
        "https://github.com/o/r/archive/refs/heads/main.zip",
        "https://github.com/o/r/releases/download/v1/r-1.0-py3-none-any.whl",
        "r @ https://github.com/o/r-1.0.tar.gz",
        "https://example.org/download/r",
    ],
)
def test_archive_and_vcs_urls_are_no_repository_errors(line: str) -> None:
    assert PARSER.parse("requirements.txt", f"{line}\n").errors == ()


def test_rest_of_file_is_read_after_an_error() -> None:
    manifest = PARSER.parse("requirements.txt", "numpy\n!!bad!!\nscipy==1.11\n")
    assert [r.name for r in manifest.requirements] == ["numpy", "scipy"]
    assert len(manifest.errors) == 1


@pytest.mark.parametrize(
    ("path", "group", "group_name", "constraint"),
    [
        ("requirements.txt", Group.RUNTIME, None, False),
        ("requirements-dev.txt", Group.DEV, "dev", False),
        ("requirements/test.txt", Group.DEV, "test", False),
        ("dev-requirements.in", Group.DEV, "dev", False),
        ("constraints.txt", Group.CONSTRAINT, None, True),
        ("constraints-cu118.txt", Group.CONSTRAINT, None, True),
    ],
)
def test_group_from_path(path: str, group: Group, group_name: str | None, constraint: bool) -> None:
    req = only("numpy<2\n", path)
    assert (req.group, req.group_name, req.is_constraint, req.environment) == (
        group,
        group_name,
        constraint,
        path,
    )


def test_huge_requirements_file_is_bounded() -> None:
    lines = "".join(f"package-{i}=={i % 7}.{i % 11}.0\n" for i in range(300_000))
    started = time.perf_counter()
    manifest = PARSER.parse("requirements.txt", lines)
    elapsed = time.perf_counter() - started
    assert len(manifest.requirements) == requirements_module.MAX_REQUIREMENTS
    assert [e.line for e in manifest.errors] == [requirements_module.MAX_REQUIREMENTS + 1]
    assert elapsed < 4  # about 0.5 s on an idle core; generous for a loaded CI box


@pytest.mark.parametrize(
    ("text", "option"),
    [
        # thetacursed/clean-ui requirements.txt line 3 (corpus case thetacursed__clean-ui__
        # torch241-cu121-inline-index-url): pip ignored the option and
        # failed "No matching distribution found for torch==2.4.1+cu121" (clean-ui issue #1)
        ("torch==2.4.1+cu121 --index-url https://download.pytorch.org/whl/cu121\n", "--index-url"),
        ("click==7.0 -i https://example.invalid/simple\n", "--index-url"),  # pipenv#3181
        ("x==1 --extra-index-url=https://example.invalid/simple\n", "--extra-index-url"),
        ("x==1 --pre\n", "--pre"),
    ],
)
def test_global_option_after_a_requirement_is_ignored(text: str, option: str) -> None:
    """pip accepts a global option after a requirement and ignores it (pypa/pip#7050): the
    requirement is kept, the option's index is not, and a located warning says so."""
    manifest = PARSER.parse("requirements.txt", text)
    assert [r.name for r in manifest.requirements] == [text.split("==")[0]]
    assert manifest.indexes == ()
    assert [(e.severity, e.line) for e in manifest.errors] == [("warning", 1)]
    assert f"pip ignores {option} after a requirement" in manifest.errors[0].message
