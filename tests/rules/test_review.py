"""The review: new vs pre-existing, conclusion, overrides, ignores, determinism."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

import pytest

from rules.checks.base import RuleContext
from rules.config import RepoConfig, load_config
from rules.findings import Finding, Severity
from rules.kb import load_kb
from rules.manifests.dependabot import DependabotUpdate
from rules.manifests.model import Snapshot
from rules.review import Review, review, several_frameworks_bumped
from tests.rules.model_builders import finding, manifest, pin, req, snapshot

KB = load_kb()
TODAY = date(2026, 11, 26)


class FakeRule:
    """Yields the findings it was given for the snapshot whose ref matches."""

    def __init__(self, by_ref: dict[str, list[Finding]], rule_id: str = "conflict") -> None:
        self.by_ref = by_ref
        self.id = rule_id
        self.category = "conflict"
        self.default_severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        return list(self.by_ref.get(ctx.snapshot.ref, []))


class BrokenRule:
    id = "broken"
    category = "conflict"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        raise ValueError("boom")


BASE = Snapshot(ref="base")
HEAD = Snapshot(ref="head")


def run(
    base: list[Finding],
    head: list[Finding],
    config_text: str | None = None,
    **kwargs: object,
) -> Review:
    config, config_findings = load_config(config_text)
    return review(
        BASE,
        HEAD,
        config,
        config_findings=config_findings,
        today=TODAY,
        kb=KB,
        rules=[FakeRule({"base": base, "head": head})],
        **kwargs,  # type: ignore[arg-type]
    )


ERR = finding(package="numpy", fingerprint="conflict:r.txt:numpy")


def _scoped(found: Finding, *pythons: str) -> Finding:
    return replace(found, scope=frozenset(pythons))


WARN = finding("untrusted-index", "untrusted-index", Severity.WARNING, fingerprint="i")
NOTE = finding("no-lockfile", "no-lockfile", Severity.NOTICE, fingerprint="n")


@pytest.mark.parametrize(
    ("base", "head", "conclusion", "new"),
    [
        ([], [], "success", []),
        ([], [ERR], "failure", [True]),
        ([ERR], [ERR], "success", [False]),
        ([], [WARN], "neutral", [True]),
        ([WARN], [WARN, NOTE], "success", [True, False]),
        ([], [NOTE], "success", [True]),
        ([ERR], [ERR, WARN], "neutral", [True, False]),
        ([], [WARN, ERR, NOTE], "failure", [True, True, True]),
        # the same problem escalated (base warning -> head error) is new: hzwer/ECCV2022-RIFE
        # 6793f58 pinned torch==1.3.0 where the base's torch>=1.3.0 only warned on python:3.8
        ([ERR.with_severity(Severity.WARNING)], [ERR], "failure", [True]),
        # and one that calms down (error -> warning) is not
        ([ERR], [ERR.with_severity(Severity.WARNING)], "success", [False]),
        # the same problem on more Pythons is new: cabouman/svmbir 399dcee's numpy==1.22.*
        # fails Travis's 3.6 and 3.7 legs, where the base's numpy==1.21.* failed only 3.6
        ([_scoped(ERR, "3.6")], [_scoped(ERR, "3.6", "3.7")], "failure", [True]),
        # on fewer, or the same, it is not; nor when one side has no scope
        ([_scoped(ERR, "3.6", "3.7")], [_scoped(ERR, "3.7")], "success", [False]),
        (
            [_scoped(ERR, "3.6"), _scoped(ERR, "3.7")],
            [_scoped(ERR, "3.6", "3.7")],
            "success",
            [False],
        ),
        ([ERR], [_scoped(ERR, "3.6", "3.7")], "success", [False]),
    ],
)
def test_new_and_conclusion(
    base: list[Finding], head: list[Finding], conclusion: str, new: list[bool]
) -> None:
    result = run(base, head)
    assert result.conclusion == conclusion
    assert [f.new for f in result.findings] == new


def test_same_problem_on_another_line_is_not_new() -> None:
    moved = finding(package="numpy", fingerprint="conflict:r.txt:numpy", line=9)
    result = run([ERR], [moved])
    assert [f.new for f in result.findings] == [False]
    assert result.findings[0].line == 9


def test_warning_conclusion_is_configurable() -> None:
    assert run([], [WARN], "conclusion: {warning: failure}\n").conclusion == "failure"
    assert run([], [WARN], "conclusion: {warning: success}\n").conclusion == "success"


@pytest.mark.parametrize(
    ("config_text", "severity", "conclusion"),
    [
        ("rules: {conflict: warning}\n", "warning", "neutral"),
        ("rules: {conflict: {severity: notice}}\n", "notice", "success"),
        ("rules: {conflict: off}\n", None, "success"),
        # The rule id wins over the category.
        ("rules: {conflict: off, untrusted-index: error}\n", None, "success"),
    ],
)
def test_severity_overrides_and_disable(
    config_text: str, severity: str | None, conclusion: str
) -> None:
    result = run([], [ERR], config_text)
    assert result.conclusion == conclusion
    assert [str(f.severity) for f in result.findings] == ([severity] if severity else [])


def test_override_by_category_applies_to_every_rule_of_it() -> None:
    odd = finding("some-resolver-rule", "conflict", Severity.ERROR, fingerprint="x")
    result = run([], [odd], "rules: {conflict: notice}\n")
    assert [f.severity for f in result.findings] == [Severity.NOTICE]


@pytest.mark.parametrize(
    ("ignore", "ignored"),
    [
        ("{rule: conflict, reason: r}", True),
        ("{category: conflict, reason: r}", True),
        ("{rule: conflict, package: numpy, reason: r}", True),
        ("{rule: conflict, package: NumPy, reason: r}", True),
        ("{rule: conflict, package: scipy, reason: r}", False),
        ("{rule: no-lockfile, reason: r}", False),
        ("{rule: conflict, package: 'numpy<2', reason: r}", True),  # head pins 1.26.4
        ("{rule: conflict, package: 'numpy>=2', reason: r}", False),
        ("{rule: conflict, reason: r, expires: 2026-11-26}", True),
        ("{rule: conflict, reason: r, expires: 2026-11-25}", False),
    ],
)
def test_ignores(ignore: str, ignored: bool) -> None:
    head = snapshot(manifest("requirements.txt", req("numpy==1.26.4")))
    config, cfg_findings = load_config(f"ignore:\n  - {ignore}\n")
    assert cfg_findings == []
    result = review(
        BASE,
        Snapshot(files=head.files, ref="head"),
        config,
        today=TODAY,
        kb=KB,
        rules=[FakeRule({"head": [ERR]})],
    )
    conflicts = [f for f in result.findings if f.rule == "conflict"]
    assert (conflicts == []) is ignored
    assert result.summary.ignored == (1 if ignored else 0)


def test_expired_ignore_is_reported_at_its_line() -> None:
    text = "version: 1\nignore:\n  - rule: conflict\n    reason: later\n    expires: 2026-01-01\n"
    result = run([], [ERR], text)
    expired = [f for f in result.findings if f.category == "config-error"]
    assert len(expired) == 1
    assert expired[0].line == 3 and expired[0].severity == Severity.WARNING
    assert "expired" in expired[0].message
    assert any(f.rule == "conflict" for f in result.findings)  # no longer ignored
    assert result.config_findings == tuple(expired)


def test_config_errors_are_findings_of_the_review() -> None:
    result = run([], [], "rules: {conflict: {severity: fatal}}\n")
    assert [f.category for f in result.findings] == ["config-error"]
    assert result.conclusion == "neutral"


def test_extra_findings_are_compared_with_base_extra_findings() -> None:
    smoke = finding("smoke-import", "smoke-failure", fingerprint="s")
    assert run([], [], extra_findings=[smoke]).findings[0].new is True
    again = run([], [], extra_findings=[smoke], base_extra_findings=[smoke])
    assert again.findings[0].new is False and again.conclusion == "success"


def test_paths_exclude_drops_findings_and_files() -> None:
    vendored = finding(file="third_party/requirements.txt", fingerprint="v")
    result = run([], [vendored, ERR], "paths: {exclude: ['third_party/**']}\n")
    assert [f.file for f in result.findings] == ["requirements.txt"]


def test_a_broken_rule_is_recorded_and_others_still_run() -> None:
    result = review(
        BASE,
        HEAD,
        RepoConfig(),
        today=TODAY,
        kb=KB,
        rules=[BrokenRule(), FakeRule({"head": [ERR]})],
    )
    assert result.rule_errors == ("broken: ValueError: boom",)
    # It crashed on base and head alike: a pre-existing finding, not a new error.
    assert [(f.rule, f.new) for f in result.findings] == [("conflict", True), ("rule-error", False)]


class HeadOnlyBrokenRule(BrokenRule):
    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        if ctx.snapshot.ref == "head":
            raise ValueError("crafted input")
        return []


def test_a_rule_that_crashes_only_on_the_head_fails_closed() -> None:
    result = review(BASE, HEAD, RepoConfig(), today=TODAY, kb=KB, rules=[HeadOnlyBrokenRule()])
    (crash,) = result.findings
    assert (crash.rule, crash.new, crash.severity) == ("rule-error", True, Severity.ERROR)
    assert result.conclusion == "failure"


def test_deterministic_whatever_the_rule_output_order() -> None:
    head = [
        finding(package=f"p{i}", fingerprint=f"f{i}", line=i % 5, message=f"m{i}")
        for i in range(40)
    ] + [WARN, NOTE]
    base = head[:10]
    first = run(base, head)
    for seed in range(5):
        shuffled = head[:]
        random.Random(seed).shuffle(shuffled)
        assert run(base, shuffled) == first
    keys = [f.sort_key() for f in first.findings]
    assert keys == sorted(keys)


def test_summary_counts() -> None:
    result = run([ERR], [ERR, WARN, NOTE])
    s = result.summary
    assert (s.new_errors, s.new_warnings, s.new_notices) == (0, 1, 1)
    assert (s.existing_errors, s.existing, s.total) == (1, 1, 3)


def test_changed_files_from_paths_or_from_the_parse() -> None:
    base = snapshot(manifest("requirements.txt", req("numpy==1.26.4")), manifest("a.txt"))
    head = snapshot(manifest("requirements.txt", req("numpy==2.0.0")), manifest("a.txt"))
    computed = review(base, head, RepoConfig(), today=TODAY, kb=KB, rules=[])
    assert computed.changed_files == ("requirements.txt",)
    given = review(
        base, head, RepoConfig(), changed_paths=["a.txt", "README.md"], today=TODAY, kb=KB, rules=[]
    )
    assert given.changed_files == ("a.txt",)


# --- the real rules through review() -------------------------------------------------


def test_seed_conflict_introduced_by_the_change_fails_the_check() -> None:
    base = snapshot(
        manifest("requirements.txt", req("numpy>=1.24", line=1), req("torch==2.1.0", line=2))
    )
    head = snapshot(
        manifest(
            "requirements.txt",
            req("numpy>=1.24", line=1),
            req("torch==2.1.0", line=2),
            req("scipy==1.10.1", line=3),
            req("numpy<1.24", "constraints.txt", 1, env="requirements.txt", constraint=True),
        )
    )
    result = review(base, head, RepoConfig(), today=TODAY)
    conflicts = [f for f in result.findings if f.rule == "conflict"]
    assert len(conflicts) == 1 and conflicts[0].new
    assert result.conclusion == "failure"
    unbounded = [f for f in result.findings if f.rule == "unbounded-dependency"]
    assert unbounded and not unbounded[0].new  # the same file-level notice as at base


# --- several frameworks at once ------------------------------------------------------


@pytest.mark.parametrize(
    ("base_reqs", "head_reqs", "expected"),
    [
        (["torch==2.1.0", "tensorflow==2.14.0"], ["torch==2.2.0", "tensorflow==2.15.0"], True),
        (["torch==2.1.0", "torchvision==0.16.0"], ["torch==2.2.0", "torchvision==0.17.0"], False),
        (["torch==2.1.0", "transformers==4.35.2"], ["torch==2.1.0", "transformers==4.36.0"], False),
        (["torch==2.1.0"], ["torch==2.2.0", "jax==0.4.30"], False),  # jax added, not bumped
        (["jax==0.4.20", "transformers==4.35.2"], ["jax==0.4.30", "transformers==4.36.0"], True),
    ],
)
def test_several_frameworks_bumped(
    base_reqs: list[str], head_reqs: list[str], expected: bool
) -> None:
    base = snapshot(
        manifest("requirements.txt", *(req(t, line=i + 1) for i, t in enumerate(base_reqs)))
    )
    head = snapshot(
        manifest("requirements.txt", *(req(t, line=i + 1) for i, t in enumerate(head_reqs)))
    )
    found = several_frameworks_bumped(base, head)
    assert bool(found) is expected
    if expected:
        assert found[0].severity == Severity.NOTICE and found[0].fix


def test_several_frameworks_bumped_not_for_dependabot_and_counts_locks() -> None:
    base = snapshot(manifest("uv.lock", pins=(pin("torch", "2.1.0"), pin("jax", "0.4.20"))))
    head = snapshot(manifest("uv.lock", pins=(pin("torch", "2.2.0"), pin("jax", "0.4.30"))))
    manual = review(base, head, RepoConfig(), today=TODAY, kb=KB, rules=[])
    assert [f.rule for f in manual.findings] == ["several-frameworks-bumped"]

    update = DependabotUpdate(title="Bump the ml group with 2 updates", dependencies=())
    bot = review(base, head, RepoConfig(), today=TODAY, kb=KB, rules=[], dependabot=update)
    assert bot.findings == () and bot.dependabot is not None


def test_the_same_problem_on_several_lines_is_one_finding() -> None:
    """rsxdalv/TTS-WebUI e8096d2's Dockerfile pins torch==$TORCH_VERSION on ten RUN lines:
    one numpy-abi warning (listing the other lines), not ten."""
    lines = [
        finding(
            "numpy-abi", "numpy-abi", Severity.WARNING, fingerprint="Dockerfile:old:torch", line=n
        )
        for n in (31, 43, 44)
    ]
    result = run([], lines)
    assert len(result.findings) == 1
    kept = result.findings[0]
    assert kept.line == 31
    assert kept.evidence[-1] == "also at requirements.txt:43, requirements.txt:44"
    other = finding("numpy-abi", "numpy-abi", Severity.WARNING, fingerprint="other", line=50)
    assert len(run([], [*lines, other]).findings) == 2


def test_the_same_words_at_the_same_place_are_said_once() -> None:
    """pyro-ppl/pyro#3272 under --resolve: setup.py's five extras, resolved one by one, each
    failed with one message at setup.py:105 (five fingerprints, one problem)."""
    said = [
        finding("resolution-conflict", "conflict", fingerprint=f"r:setup.py#{extra}", line=105)
        for extra in ("dev", "test", "extras", "funsor", "horovod")
    ]
    assert len(run([], [], extra_findings=said).findings) == 1
    other = finding("resolution-conflict", "conflict", fingerprint="r:setup.py", line=106)
    assert len(run([], [], extra_findings=[*said, other]).findings) == 2


WORKFLOW = ".github/workflows/ci.yml"


def _leg(package: str, *pythons: str, at: str = ".travis.yml", project: bool = False) -> Finding:
    """A python-version error at `at`:4 (the leg's Python) for `package` (a project file:
    the project's own Requires-Python refuses the Python, as `project_python` says)."""
    own = project or package == "pyproject.toml"
    found = finding(
        "python-version-incompatible",
        "python-version-incompatible",
        file=at,
        line=4,
        package=package,
        fingerprint=(
            f"{at}:project-python:{package}:{at}:{','.join(pythons)}" if own else f"{package}:{at}"
        ),
    )
    return replace(found, scope=frozenset(pythons))


def _python_rule_run(base: list[Finding], head: list[Finding]) -> Review:
    config, _ = load_config(None)
    rule = FakeRule({"base": base, "head": head}, rule_id="python-version-incompatible")
    return review(BASE, HEAD, config, today=TODAY, kb=KB, rules=[rule])


# bes-dev/stable_diffusion-openvino #113: openvino 2022.3.0 has no cp36 wheel, but the
# Travis 3.6 leg already failed at the base on scipy 1.9.0 (and four more pins).
@pytest.mark.parametrize(
    ("base", "added", "severity", "conclusion"),
    [
        ([_leg("scipy", "3.6")], _leg("openvino", "3.6"), "warning", "neutral"),
        # a leg that worked at the base: the change breaks it
        ([_leg("scipy", "3.6")], _leg("openvino", "3.6", "3.7"), "error", "failure"),
        ([], _leg("openvino", "3.6"), "error", "failure"),
        # the base's failure was a warning only: not certain
        (
            [_leg("scipy", "3.6").with_severity(Severity.WARNING)],
            _leg("openvino", "3.6"),
            "error",
            "failure",
        ),
        # another leg (another place) failed at the base
        ([replace(_leg("scipy", "3.6"), line=9)], _leg("openvino", "3.6"), "error", "failure"),
        # each Python failed at the base, for one package or another
        (
            [_leg("scipy", "3.6"), _leg("numpy", "3.7")],
            _leg("openvino", "3.6", "3.7"),
            "warning",
            "neutral",
        ),
        # stanfordmlgroup/ngboost: tox.ini's py36/py37 could not install the project itself at
        # the base (Requires-Python >=3.8): the list is stale, a new failure on 3.8 a warning
        (
            [_leg("pyproject.toml", "3.6"), _leg("pyproject.toml", "3.7")],
            _leg("pyproject.toml", "3.8", project=True),
            "warning",
            "neutral",
        ),
        # ... but not in a GitHub workflow, whose red legs every pull request shows
        (
            [_leg("pyproject.toml", "3.6", at=WORKFLOW)],
            _leg("torch", "3.8", at=WORKFLOW),
            "error",
            "failure",
        ),
    ],
)
def test_a_leg_that_already_failed_at_the_base_gets_a_warning(
    base: list[Finding], added: Finding, severity: str, conclusion: str
) -> None:
    result = _python_rule_run(base, [*base, added])
    [new] = [f for f in result.findings if f.new]
    assert new.package == added.package and new.severity == severity
    assert result.conclusion == conclusion
    if severity == "warning" and new.package == "openvino" and len(base) == 1:
        assert "already failed on Python 3.6 at the base (scipy)" in new.message
    if severity == "warning" and new.package == "pyproject.toml":
        assert "could not install the project itself on Python 3.6, 3.7" in new.message
