"""Dependabot commit messages (real ones from tests/fixtures/dependabot) and branch names."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.manifests.dependabot import (
    DependabotDependency,
    parse_branch_name,
    parse_commit_message,
    update_type_between,
)

FIXTURES = Path(__file__).parents[2] / "fixtures" / "dependabot"


def _message(name: str) -> str:
    return (FIXTURES / f"{name}.commit-message.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fixture", "title", "directory", "group", "count", "expected"),
    [
        (
            "pip-single-direct-production-semver-minor",
            "Bump typing-extensions from 4.6.3 to 4.7.0",
            None,
            None,
            None,
            [("typing-extensions", "4.6.3", "4.7.0", "direct:production", "semver-minor", False)],
        ),
        (
            "pip-single-direct-development-semver-patch",
            "Bump pytest-cases from 3.8.0 to 3.8.1",
            None,
            None,
            None,
            [("pytest-cases", "3.8.0", "3.8.1", "direct:development", "semver-patch", False)],
        ),
        (
            "pip-group-2-updates-semver-major",
            "Bump the dependencies group with 2 updates",
            None,
            "dependencies",
            2,
            [
                ("mypy", "1.20.2", "2.1.0", "direct:development", "semver-major", False),
                ("hypothesis", "6.152.4", "6.152.7", "direct:development", "semver-patch", False),
            ],
        ),
        (
            "pip-group-3-updates-production-and-development",
            "Bump the dependencies group with 3 updates",
            None,
            "dependencies",
            3,
            [
                ("pyvista", "0.47.0", "0.48.2", "direct:production", "semver-minor", False),
                (
                    "ansys-mechanical-core",
                    "0.12.6",
                    "0.12.7",
                    "direct:production",
                    "semver-patch",
                    False,
                ),
                (
                    "types-protobuf",
                    "7.34.1.20260408",
                    "7.34.1.20260508",
                    "direct:development",
                    "semver-patch",
                    False,
                ),
            ],
        ),
        (
            "pip-security-update-requirements-subdirectory",
            "Bump requests from 2.28.1 to 2.31.0 in /requirements",
            "/requirements",
            None,
            None,
            # no update-type in the block: computed from the versions, and marked so
            [("requests", "2.28.1", "2.31.0", "direct:production", "semver-minor", True)],
        ),
    ],
)
def test_real_commit_messages(
    fixture: str,
    title: str,
    directory: str | None,
    group: str | None,
    count: int | None,
    expected: list[tuple[str, str, str, str, str, bool]],
) -> None:
    update = parse_commit_message(_message(fixture))
    assert update is not None
    assert (update.title, update.directory, update.group, update.update_count) == (
        title,
        directory,
        group,
        count,
    )
    assert update.has_metadata
    got = [
        (
            d.name,
            d.from_version,
            d.to_version,
            d.dependency_type,
            d.update_type,
            d.update_type_computed,
        )
        for d in update.dependencies
    ]
    assert got == expected
    assert all(d.group == group for d in update.dependencies)


def test_grouped_dependency_lookup_and_flags() -> None:
    update = parse_commit_message(_message("pip-group-3-updates-production-and-development"))
    assert update is not None
    protobuf = update.dependency("Types_Protobuf")
    assert isinstance(protobuf, DependabotDependency)
    assert protobuf.is_direct and protobuf.is_development
    pyvista = update.dependency("pyvista")
    assert pyvista is not None and pyvista.is_direct and not pyvista.is_development
    assert update.dependency("numpy") is None


def test_versions_stay_strings() -> None:
    message = (
        "Bump numpy from 1.9 to 2.0\n\n---\nupdated-dependencies:\n- dependency-name: numpy\n"
        "  dependency-version: 2.0\n  dependency-type: indirect\n...\n"
    )
    update = parse_commit_message(message)
    assert update is not None
    [numpy] = update.dependencies
    assert (numpy.from_version, numpy.to_version) == ("1.9", "2.0")
    assert numpy.dependency_type == "indirect" and not numpy.is_direct
    assert (numpy.update_type, numpy.update_type_computed) == ("semver-major", True)


@pytest.mark.parametrize(
    ("title", "names", "directory", "group", "count", "directories"),
    [
        ("Bump torch from 2.1.0 to 2.2.0", ["torch"], None, None, None, None),
        ("Bump torch from 2.1.0 to 2.2.0 in /docker", ["torch"], "/docker", None, None, None),
        ("build(deps): bump torch from 2.1.0 to 2.2.0 (#42)", ["torch"], None, None, None, None),
        ("chore(deps-dev): Bump ruff from 0.4.0 to 0.5.0", ["ruff"], None, None, None, None),
        ("[Security] Bump jinja2 from 3.1.2 to 3.1.3", ["jinja2"], None, None, None, None),
        (
            "Update numpy requirement from <2,>=1.24 to >=1.24,<3",
            ["numpy"],
            None,
            None,
            None,
            None,
        ),
        ("Bump the ml group with 4 updates", [], None, "ml", 4, None),
        ("Bump the ml group in /services/api with 2 updates", [], "/services/api", "ml", 2, None),
        ("Bump the pip group across 3 directories with 5 updates", [], None, "pip", 5, 3),
        ("Bump torch and torchvision", ["torch", "torchvision"], None, None, None, None),
        (
            "Bump torch, torchvision and torchaudio in /gpu",
            ["torch", "torchvision", "torchaudio"],
            "/gpu",
            None,
            None,
            None,
        ),
    ],
)
def test_subjects_without_metadata(
    title: str,
    names: list[str],
    directory: str | None,
    group: str | None,
    count: int | None,
    directories: int | None,
) -> None:
    update = parse_commit_message(title)
    assert update is not None
    assert [d.name for d in update.dependencies] == names
    assert (update.directory, update.group, update.update_count, update.directory_count) == (
        directory,
        group,
        count,
        directories,
    )
    assert not update.has_metadata


def test_subject_versions_and_updates_paragraphs() -> None:
    message = (
        "Bump torch and torchvision\n\nBumps [torch] and [torchvision]. These dependencies "
        "needed to be updated together.\nUpdates `torch` from 2.1.0 to 2.2.0\n"
        "Updates `torchvision` from 0.16.0 to 0.17.0\n"
    )
    update = parse_commit_message(message)
    assert update is not None
    assert [(d.name, d.from_version, d.to_version, d.update_type) for d in update.dependencies] == [
        ("torch", "2.1.0", "2.2.0", "semver-minor"),
        ("torchvision", "0.16.0", "0.17.0", "semver-minor"),
    ]


def test_broken_yaml_block_falls_back_to_lines() -> None:
    message = (
        "Bump a from 1 to 2\n\n---\nupdated-dependencies:\n- dependency-name: a\n"
        "  dependency-type: direct:production\n  update-type: [oops\n...\n"
    )
    update = parse_commit_message(message)
    assert update is not None
    [a] = update.dependencies
    assert (a.name, a.dependency_type, a.update_type) == ("a", "direct:production", "[oops")


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Fix typo in README", "Merge pull request #157 from pypa/main", "\x00\xff" * 10],
)
def test_not_dependabot(text: str) -> None:
    assert parse_commit_message(text) is None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("1.20.2", "2.1.0", "semver-major"),
        ("4.6.3", "4.7.0", "semver-minor"),
        ("3.8.0", "3.8.1", "semver-patch"),
        ("v1.2", "v1.2.1", "semver-patch"),
        ("2.0", "2.0.0", "semver-patch"),
        ("abc", "1.0", None),
        (None, "1.0", None),
    ],
)
def test_update_type_between(old: str | None, new: str | None, expected: str | None) -> None:
    assert update_type_between(old, new) == expected


@pytest.mark.parametrize(
    ("branch", "ecosystem", "directory", "name", "version", "group", "group_hash"),
    [
        (
            "dependabot/pip/requirements/requests-2.31.0",
            "pip",
            "/requirements",
            "requests",
            "2.31.0",
            None,
            None,
        ),
        ("dependabot/pip/torch-2.2.0", "pip", "/", "torch", "2.2.0", None, None),
        (
            "dependabot/pip/dependencies-dd2e2b7c94",
            "pip",
            "/",
            None,
            None,
            "dependencies",
            "dd2e2b7c94",
        ),
        (
            "dependabot/pip/docker/ml-deps-0a1b2c3d4e",
            "pip",
            "/docker",
            None,
            None,
            "ml-deps",
            "0a1b2c3d4e",
        ),
        (
            "refs/heads/dependabot/pip/pytorch-3dunet-1.3.9",
            "pip",
            "/",
            "pytorch-3dunet",
            "1.3.9",
            None,
            None,
        ),
        ("dependabot/pip/a/b/pkg-1.0.0-rc1", "pip", "/a/b", "pkg", "1.0.0-rc1", None, None),
        # ten digits read as a version (could be a hash of digits only: ambiguous)
        ("dependabot/pip/types-x-2023101010", "pip", "/", "types-x", "2023101010", None, None),
        ("dependabot/pip/no-version-here", "pip", "/", "no-version-here", None, None, None),
    ],
)
def test_branch_names(
    branch: str,
    ecosystem: str,
    directory: str,
    name: str | None,
    version: str | None,
    group: str | None,
    group_hash: str | None,
) -> None:
    parsed = parse_branch_name(branch)
    assert parsed is not None
    assert (
        parsed.ecosystem,
        parsed.directory,
        parsed.name,
        parsed.version,
        parsed.group,
        parsed.group_hash,
    ) == (ecosystem, directory, name, version, group, group_hash)


@pytest.mark.parametrize(
    "branch", ["main", "feature/x", "dependabot", "dependabot/pip", "dependabot//x", "renovate/x-1"]
)
def test_not_dependabot_branches(branch: str) -> None:
    assert parse_branch_name(branch) is None
