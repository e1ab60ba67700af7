"""The corpus loader rejects malformed cases with a message naming the file and the key."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.findings import Finding, Severity
from tests.realworld.corpus import CaseError, Expected, load_case, score

SHA = "a" * 40
GOOD = f"""
id = "{{id}}"
kind = "breaking"
repo = "o/r"
license = "MIT"
base_commit = "empty"
head_commit = "{SHA}"
shape = "range-on-image"
evidence = ["https://example.invalid/issue/1"]
expected_written = "2026-12-03"
[[expected]]
categories = ["tensorflow-cuda-mismatch"]
file = "Dockerfile"
why = "every admitted tensorflow needs CUDA 11"
"""


def _write(tmp: Path, text: str, name: str = "o__r__x") -> Path:
    folder = tmp / name
    (folder / "base").mkdir(parents=True)
    (folder / "head").mkdir()
    (folder / "case.toml").write_text(text.replace("{id}", name), encoding="utf-8")
    return folder


def test_a_good_case_loads(tmp_path: Path) -> None:
    case = load_case(_write(tmp_path, GOOD))
    assert case.kind == "breaking"
    assert case.expected == (
        Expected(frozenset({"tensorflow-cuda-mismatch"}), "Dockerfile", case.expected[0].why),
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('license = "MIT"', 'license = "GPL-3.0"', "license"),
        ('kind = "breaking"', 'kind = "maybe"', "kind"),
        ('shape = "range-on-image"', 'shape = "other"', "shape"),
        (f'head_commit = "{SHA}"', 'head_commit = "abc"', "head_commit"),
        ('["tensorflow-cuda-mismatch"]', '["no-such-category"]', "unknown categories"),
        ('evidence = ["https://example.invalid/issue/1"]', "evidence = []", "evidence"),
        ('id = "{id}"', 'id = "other"', "folder name"),
    ],
)
def test_malformed_cases_name_the_problem(tmp_path: Path, old: str, new: str, message: str) -> None:
    folder = _write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(CaseError, match=message) as info:
        load_case(folder)
    assert "case.toml" in str(info.value)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_a_located_case_error_or_a_case(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    folder = _write(tmp_path_factory.mktemp("c"), text)
    try:
        load_case(folder)
    except CaseError as exc:
        assert str(folder / "case.toml") in str(exc) or str(folder) in str(exc)


def _finding(category: str, file: str, severity: Severity, *, new: bool = True) -> Finding:
    return Finding(
        rule=category, category=category, severity=severity, message="m", file=file, new=new
    )


def test_score_counts_only_new_findings_at_the_expected_file(tmp_path: Path) -> None:
    case = load_case(_write(tmp_path, GOOD))
    findings = [
        _finding("tensorflow-cuda-mismatch", "Dockerfile", Severity.ERROR, new=False),
        _finding("tensorflow-cuda-mismatch", "other/Dockerfile", Severity.ERROR),
        _finding("tensorflow-cuda-mismatch", "Dockerfile", Severity.WARNING),
    ]
    result = score(case, findings)
    assert (result.recalled, result.at_error, result.passes) == (1, 0, False)
    result = score(
        case, [*findings, _finding("tensorflow-cuda-mismatch", "Dockerfile", Severity.ERROR)]
    )
    assert (result.recalled, result.at_error, result.passes) == (1, 1, True)


def test_score_credits_the_other_end_of_a_finding(tmp_path: Path) -> None:
    """A finding moved to the line the change touched still stands at the file it was found
    in (its `also_at`); a finding elsewhere with no such place does not."""
    case = load_case(_write(tmp_path, GOOD))
    moved = replace(
        _finding("tensorflow-cuda-mismatch", "requirements.txt", Severity.ERROR),
        also_at=(("Dockerfile", 1),),
    )
    assert score(case, [moved]).at_error == 1
    elsewhere = replace(moved, also_at=(("other/Dockerfile", 1),))
    assert score(case, [elsewhere]).recalled == 0


def test_score_credits_the_places_the_expectation_names(tmp_path: Path) -> None:
    """An expectation's `also_at` names the other files the same break may be reported at
    (ageron/handson-ml2: the environment file, or the Dockerfile.gpu that installs it)."""
    text = GOOD.replace('file = "Dockerfile"', 'file = "environment.yml"\nalso_at = ["Dockerfile"]')
    case = load_case(_write(tmp_path, text))
    assert case.expected[0].files == ("environment.yml", "Dockerfile")
    at_dockerfile = _finding("tensorflow-cuda-mismatch", "Dockerfile", Severity.ERROR)
    assert score(case, [at_dockerfile]).at_error == 1
    elsewhere = _finding("tensorflow-cuda-mismatch", "requirements.txt", Severity.ERROR)
    assert score(case, [elsewhere]).recalled == 0


@pytest.mark.parametrize("also", ['"Dockerfile"', "[1]", '[""]'])
def test_also_at_must_be_a_list_of_paths(tmp_path: Path, also: str) -> None:
    text = GOOD.replace('file = "Dockerfile"', f'file = "Dockerfile"\nalso_at = {also}')
    with pytest.raises(CaseError, match="also_at"):
        load_case(_write(tmp_path, text))


def test_a_finding_at_a_shared_also_at_file_counts_once(tmp_path: Path) -> None:
    """Two breaks whose expectations both name pyproject.toml as the other end (two images
    that install the project on a Python it excludes) need two findings."""
    two = GOOD.replace('file = "Dockerfile"', 'file = "a/Dockerfile"\nalso_at = ["pyproject.toml"]')
    two += (
        '[[expected]]\ncategories = ["tensorflow-cuda-mismatch"]\nfile = "b/Dockerfile"\n'
        'also_at = ["pyproject.toml"]\nwhy = "x"\n'
    )
    case = load_case(_write(tmp_path, two))
    at_a = replace(
        _finding("tensorflow-cuda-mismatch", "a/Dockerfile", Severity.ERROR),
        also_at=(("pyproject.toml", 1),),
    )
    assert score(case, [at_a]).recalled == 1
    at_b = replace(at_a, file="b/Dockerfile")
    assert score(case, [at_a, at_b]).recalled == 2
