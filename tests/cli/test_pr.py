"""`depreview review --pr OWNER/REPO#N` against a respx-served GitHub, SARIF fit for upload."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from cli.main import EXIT_FAIL, EXIT_PASS, EXIT_USAGE, main
from cli.pr import review_pr
from tests.worker.github.conftest import API, REPO, fixture

EXAMPLE = Path(__file__).parents[2] / "examples" / "torch-bump"
BASE, HEAD = "b" * 40, "c" * 40


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_test_token_not_real")
    monkeypatch.setenv("DEPREVIEW_GITHUB_API_URL", API)
    monkeypatch.delenv("DEPREVIEW_GITHUB_APP_ID", raising=False)
    sides = {BASE: _tree(EXAMPLE / "base"), HEAD: _tree(EXAMPLE / "head")}
    blobs = {_sha(d): d for files in sides.values() for d in files.values()}
    with respx.mock(base_url=API, assert_all_called=False) as router:
        pull = fixture("pulls/get-pull-request.200.json")
        pull["head"]["sha"], pull["base"]["sha"] = HEAD, BASE
        router.get(f"{REPO}/pulls/1347").mock(return_value=httpx.Response(200, json=pull))
        for sha, files in sides.items():
            tree = [
                {"path": p, "type": "blob", "sha": _sha(d), "size": len(d)}
                for p, d in files.items()
            ]
            router.get(f"{REPO}/git/trees/{sha}").mock(
                return_value=httpx.Response(
                    200, json={"sha": sha, "tree": tree, "truncated": False}
                )
            )
        for sha, data in blobs.items():
            body = {"encoding": "base64", "content": base64.b64encode(data).decode()}
            router.get(f"{REPO}/git/blobs/{sha}").mock(return_value=httpx.Response(200, json=body))
        changed = sorted(
            p
            for p in set(sides[BASE]) | set(sides[HEAD])
            if sides[BASE].get(p) != sides[HEAD].get(p)
        )
        router.get(f"{REPO}/pulls/1347/files").mock(
            return_value=httpx.Response(
                200, json=[{"filename": p, "status": "modified"} for p in changed]
            )
        )
        router.get(f"{REPO}/issues/1347/comments").mock(return_value=httpx.Response(200, json=[]))
        yield router


def test_json_report_of_a_pr(github: Any, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["review", "--pr", "octocat/Hello-World#1347", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == (EXIT_FAIL if report["conclusion"] == "failure" else EXIT_PASS)
    assert report["findings"], "the torch bump example has findings"
    auth = github.calls[0].request.headers["authorization"]
    assert auth.endswith("ghp_test_token_not_real")
    assert not any("/app/" in str(c.request.url) for c in github.calls)  # no App involved


def test_markdown_is_the_comment_the_app_would_post(
    github: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["review", "--pr", "octocat/Hello-World#1347", "--format", "markdown", "--exit-zero"])
    assert capsys.readouterr().out.startswith("<!-- depreview -->")


def test_sarif_has_what_code_scanning_needs(
    github: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["review", "--pr", "octocat/Hello-World#1347", "--format", "sarif", "--exit-zero"])
    sarif = json.loads(capsys.readouterr().out)
    assert sarif["version"] == "2.1.0" and "sarif" in sarif["$schema"]
    [run] = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] and {r["id"] for r in driver["rules"]}
    rule_ids = {r["id"] for r in driver["rules"]}
    assert run["results"]
    for result in run["results"]:
        assert result["ruleId"] in rule_ids and result["message"]["text"]
        for location in result.get("locations", []):
            physical = location["physicalLocation"]
            assert not physical["artifactLocation"]["uri"].startswith("/")  # repo-relative
            assert physical.get("region", {}).get("startLine", 1) >= 1


def test_a_cut_file_list_falls_back_to_the_trees_as_the_app_does(
    github: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """GitHub lists at most 3,000 files: here it lists none of the pull's 5,000; the changed
    dependency files are then found by comparing the trees (`pull_changes`, the App's path)."""
    pull = fixture("pulls/get-pull-request.200.json")
    pull["head"]["sha"], pull["base"]["sha"], pull["changed_files"] = HEAD, BASE, 5000
    github.get(f"{REPO}/pulls/1347").mock(return_value=httpx.Response(200, json=pull))
    github.get(f"{REPO}/pulls/1347/files").mock(return_value=httpx.Response(200, json=[]))
    main(["review", "--pr", "octocat/Hello-World#1347", "--format", "json", "--exit-zero"])
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["changed_files"] == ["requirements.txt"]  # found from the trees
    assert "comparing the trees" in captured.err


def test_an_ignore_bound_to_the_reviewed_head_applies_after_a_push(github: Any) -> None:
    """As in the App (`ignore_source(api, head_sha)`): `at <sha>` is checked against the head
    under review, not the PR's head when the comments are read (here moved by a push)."""
    pulls = []
    for head in (HEAD, "d" * 40):
        pull = fixture("pulls/get-pull-request.200.json")
        pull["head"]["sha"], pull["base"]["sha"] = head, BASE
        pulls.append(pull)
    github.get(f"{REPO}/pulls/1347").mock(
        side_effect=[httpx.Response(200, json=p) for p in (pulls[0], *[pulls[1]] * 5)]
    )
    [comment] = fixture("issues/list-issue-comments.200.json")
    comment["user"]["login"] = "hubot"  # not the PR's author
    comment["created_at"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    comment["body"] = f"@depreview ignore cuda-base-image-mismatch at {HEAD[:12]} -- rebuilt"
    github.get(f"{REPO}/issues/1347/comments").mock(
        return_value=httpx.Response(200, json=[comment])
    )
    github.get(f"{REPO}/collaborators/hubot/permission").mock(
        return_value=httpx.Response(
            200, json=fixture("collaborators/get-collaborator-permission.200.json")
        )
    )
    result = review_pr("octocat/Hello-World#1347", "ghp_test_token_not_real")
    assert [(i.rule.rule or i.rule.category, i.sha) for i in result.ignores.active] == [
        ("cuda-base-image-mismatch", HEAD[:12])
    ]
    assert not result.ignores.stale


@pytest.mark.parametrize(
    ("argv", "env", "says"),
    [
        (["--pr", "octocat/Hello-World"], {"GITHUB_TOKEN": "t"}, "OWNER/REPO#N"),
        (["--pr", "octocat/Hello-World#1347"], {"GITHUB_TOKEN": ""}, "GITHUB_TOKEN"),
    ],
)
def test_usage_errors(
    argv: list[str],
    env: dict[str, str],
    says: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert main(["review", *argv]) == EXIT_USAGE
    assert says in capsys.readouterr().err
