"""`depreview review`: exit statuses, formats, directories and git refs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from cli.localrepo import default_base, read_dir, read_ref
from cli.main import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "torch-bump"
BASE, HEAD = str(EXAMPLE / "base"), str(EXAMPLE / "head")


def test_bundled_example_fails_with_torch_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--base-dir", BASE, "--head-dir", HEAD]) == 1
    out = capsys.readouterr().out
    assert "missing-pytorch-index" in out
    assert "torch-family-mismatch" in out


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["review", "--base-dir", BASE, "--head-dir", BASE], 0),
        (["review", "--base-dir", HEAD, "--head-dir", HEAD], 0),
        (["review", "--base-dir", BASE, "--head-dir", HEAD], 1),
        (["review", "--base-dir", BASE], 2),
        (["review", "--base-dir", BASE, "--head-dir", HEAD, "--base", "main"], 2),
        (["review", "--base-dir", BASE, "--head-dir", "/nonexistent-depreview-dir"], 2),
        (["review", "--pr", "octocat/Hello-World#1"], 2),
        (["review", "--format", "yaml"], 2),
        (["frobnicate"], 2),
    ],
)
def test_exit_status(argv: list[str], status: int) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse errors
        code = int(exc.code or 0)
    assert code == status


def test_json_report_follows_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    main(["review", "--base-dir", BASE, "--head-dir", HEAD, "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["conclusion"] == "failure"
    keys = {"rule", "category", "severity", "file", "line", "package", "message", "new"}
    assert all(keys <= set(f) for f in report["findings"])
    assert {"missing-pytorch-index", "torch-family-mismatch"} <= {
        f["category"] for f in report["findings"] if f["new"]
    }


@pytest.mark.parametrize("fmt", ["markdown", "sarif", "text"])
def test_every_format_renders(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--base-dir", BASE, "--head-dir", HEAD, "--format", fmt]) == 1
    out = capsys.readouterr().out
    assert "torch" in out
    if fmt == "sarif":
        assert json.loads(out)["version"] == "2.1.0"
    if fmt == "markdown":
        assert out.startswith("<!-- depreview -->")


def test_config_file_can_turn_a_rule_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "depreview.yml"
    config.write_text(
        "version: 1\nrules:\n  missing-pytorch-index: off\n  torch-family-mismatch: off\n"
    )
    main(["review", "--base-dir", BASE, "--head-dir", HEAD, "--config", str(config)])
    out = capsys.readouterr().out
    assert "missing-pytorch-index" not in out


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid",
         *args], check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository: main holds the example's base, branch `bump` its head."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    shutil.copytree(EXAMPLE / "base", root)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "base")
    _git(root, "checkout", "-q", "-b", "bump")
    shutil.copytree(EXAMPLE / "head", root, dirs_exist_ok=True)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "bump torch")
    return root


def test_git_refs_default_to_merge_base_with_main(repo: Path) -> None:
    assert default_base(repo) == _git(repo, "rev-parse", "main")
    assert main(["review", "--repo", str(repo)]) == 1
    assert main(["review", "--repo", str(repo), "--base", "main", "--head", "main"]) == 0
    assert main(["review", "--repo", str(repo), "--base", "no-such-ref"]) == 2


def test_ref_and_directory_readers_agree(repo: Path) -> None:
    at_head = read_ref(repo, "HEAD")
    assert at_head == read_dir(repo)
    assert "requirements.txt" in at_head and "Dockerfile" in at_head
    assert not any(p.startswith("src/") for p in at_head)


def test_symlink_poc_a_link_out_of_the_tree_is_never_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Security review finding 15: `requirements.txt -> ~/.env` was read and its lines printed.
    secret = tmp_path / "victim.env"
    secret.write_text("GITHUB_TOKEN=ghp_FAKEFAKEFAKE0123456789\n")
    base, head = tmp_path / "base", tmp_path / "head"
    base.mkdir()
    head.mkdir()
    (base / "requirements.txt").write_text("numpy==1.26.4\n")
    (head / "requirements.txt").symlink_to(secret)
    (head / "deps").symlink_to(tmp_path, target_is_directory=True)
    assert "requirements.txt" not in read_dir(head)
    argv = ["review", "--base-dir", str(base), "--head-dir", str(head), "--format", "markdown"]
    main([*argv, "--exit-zero"])
    assert "ghp_" not in capsys.readouterr().out


def test_local_review_uses_the_base_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Security review finding 4 (§3): the head's config turned its own findings off.
    base, head = tmp_path / "base", tmp_path / "head"
    for side in (base, head):
        (side / ".github").mkdir(parents=True)
    (base / "requirements.txt").write_text("numpy==1.26.4\n")
    (head / "requirements.txt").write_text("numpy>=2.0\nnumpy<1.24\n")
    (base / ".github" / "depreview.yml").write_text("version: 1\n")
    (head / ".github" / "depreview.yml").write_text("version: 1\nrules: {conflict: off}\n")
    argv = ["review", "--base-dir", str(base), "--head-dir", str(head)]
    assert main(argv) == 1
    assert "config-change" in capsys.readouterr().out
    config = tmp_path / "local.yml"
    config.write_text("version: 1\nrules: {conflict: off}\n")
    assert main([*argv, "--config", str(config)]) == 0  # the local override still works


def test_readers_follow_what_the_files_name(tmp_path: Path) -> None:
    """A script a workflow runs (neptune-ai/examples' run_examples.sh, which pip installs its
    folder's requirements.txt) is read by both readers, as the App fetches it; a script named
    through a link out of the tree, or with `..`, is not."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    (root / ".github/workflows").mkdir(parents=True)
    (root / "ex").mkdir()
    (root / ".github/workflows/ci.yml").write_text(
        "jobs:\n  t:\n    steps:\n      - uses: actions/setup-python@v5\n"
        "        with:\n          python-version: '3.6'\n"
        "      - run: bash ./run_examples.sh\n        working-directory: ex\n"
        "      - run: bash ../outside.sh\n"
    )
    (root / "ex/run_examples.sh").write_text("pip install -r requirements.txt\n")
    (root / "ex/requirements.txt").write_text("tensorflow==2.7.2\n")
    (tmp_path / "outside.sh").write_text("pip install -r secret.txt\n")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "x")
    for files in (read_dir(root), read_ref(root, "HEAD")):
        assert "ex/run_examples.sh" in files
        assert not any("outside" in p for p in files)


def test_a_changed_file_over_the_size_limit_fails_the_local_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Padding a requirements file past the reader's limit must not turn the review green."""
    from worker.github.fetch import MAX_FILE_BYTES

    base, head = tmp_path / "base", tmp_path / "head"
    base.mkdir()
    head.mkdir()
    (base / "requirements.txt").write_text("numpy==1.26.4\n")
    padded = b"torch==2.1.0+cu118\n" + b"#" * (MAX_FILE_BYTES + 1) + b"\n"
    (head / "requirements.txt").write_bytes(padded)
    argv = ["review", "--base-dir", str(base), "--head-dir", str(head), "--format", "json"]
    assert main(argv) == 1
    report = json.loads(capsys.readouterr().out)
    rules = [f["rule"] for f in report["findings"] if f["new"]]
    assert rules == ["file-not-read"]
    (base / "requirements.txt").write_bytes(padded)  # the same oversized file on both sides
    assert main(argv) == 0


def test_a_ref_read_lists_what_it_left_out_with_blob_ids(repo: Path) -> None:
    from cli.localrepo import Listing

    (repo / "environment.yml").write_bytes(b"name: x\n" + b"#" * 2_000 + b"\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "a large environment file")
    seen = Listing()
    files = read_ref(repo, "HEAD", max_bytes=1_000, listing=seen)
    assert "environment.yml" not in files and "requirements.txt" in files
    assert seen.skipped == {"environment.yml": "2009 bytes, over the 1000-byte limit"}
    blob = _git(repo, "rev-parse", "HEAD:environment.yml")
    assert seen.identities["environment.yml"] == blob
    assert set(seen.identities) == {*files, "environment.yml"}
