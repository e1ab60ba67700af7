"""Dependabot commit messages and branch names: which update Dependabot meant, and its type.

The `updated-dependencies` YAML block of the commit message is the source of truth (the PR
body does not carry it); dependabot/fetch-metadata's regular expressions are the de-facto
reference for the rest. Versions stay strings. Nothing here raises on bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from packaging.version import InvalidVersion, Version

from rules.manifests._yaml_nodes import BudgetExceeded, Walker

#: Longest commit message read (bytes of text); longer ones are cut.
MAX_MESSAGE = 200_000

#: Longest subject line matched against the subject patterns (Dependabot's are well under
#: 200 characters); a longer one is read for its metadata block only.
MAX_SUBJECT = 1024

_PREFIX = r"(?:\[security\]\s*)?(?:[\w\-]+(?:\([^)]*\))?!?:\s*)?"
_SQUASH = r"(?:\s+\(#\d+\))?"
_SINGLE = re.compile(
    rf"^{_PREFIX}(?:bump|update)\s+(?P<name>\S+)\s+(?:requirement\s+)?from\s+(?P<from>\S+)"
    rf"\s+to\s+(?P<to>\S+?)(?:\s+in\s+(?P<dir>\S+))?{_SQUASH}\s*$",
    re.IGNORECASE,
)
_GROUP = re.compile(
    rf"^{_PREFIX}bump\s+the\s+(?P<group>\S+)\s+group"
    r"(?:\s+in\s+(?P<dir>\S+))?"
    r"(?:\s+across\s+(?P<dirs>\d+)\s+director(?:y|ies))?"
    rf"\s+with\s+(?P<count>\d+)\s+updates?{_SQUASH}\s*$",
    re.IGNORECASE,
)
# Names before "and" cannot contain a comma, so `a,a,a` splits one way only (the former
# `\S+(?:,\s*\S+)*` backtracked exponentially on `bump a,a,...,a!`: security finding 7b).
_MULTI = re.compile(
    rf"^{_PREFIX}bump\s+(?P<names>[^,\s]+(?:,\s*[^,\s]+)*\s+and\s+\S+)"
    rf"(?:\s+in\s+(?P<dir>\S+))?{_SQUASH}\s*$",
    re.IGNORECASE,
)
_BUMPS = re.compile(
    r"^Bumps \[?(?P<name>[^\]\s]+)\]?(?:\([^)]*\))?"
    r" from (?P<from>v?\d[^ ]*) to (?P<to>v?\d[^ ]*)\.$",
    re.MULTILINE,
)
_UPDATES = re.compile(
    r"^Updates `(?P<name>\S+)` (?:from (?P<from>\S+) )?to (?P<to>\S+)$", re.MULTILINE
)
_HEX_HASH = re.compile(r"^[0-9a-f]{10}$")


@dataclass(frozen=True, slots=True)
class DependabotDependency:
    """One dependency a Dependabot update changes.

    `dependency_type` is as written (``direct:production``, ``direct:development``,
    ``indirect``); `update_type` is ``semver-major``/``semver-minor``/``semver-patch``,
    from the metadata block or, when it has none (security updates), computed from the
    versions (`update_type_computed` says which).
    """

    name: str
    from_version: str | None = None
    to_version: str | None = None
    dependency_type: str | None = None
    update_type: str | None = None
    update_type_computed: bool = False
    group: str | None = None

    @property
    def is_direct(self) -> bool:
        """True for direct dependencies (production or development)."""
        return (self.dependency_type or "").startswith("direct")

    @property
    def is_development(self) -> bool:
        """True for `direct:development` dependencies."""
        return self.dependency_type == "direct:development"


@dataclass(frozen=True, slots=True)
class DependabotUpdate:
    """What a Dependabot commit message says it changes."""

    title: str
    dependencies: tuple[DependabotDependency, ...]
    directory: str | None = None
    group: str | None = None
    update_count: int | None = None
    directory_count: int | None = None
    has_metadata: bool = False

    def dependency(self, name: str) -> DependabotDependency | None:
        """The entry for `name` (compared case- and separator-insensitively), or None."""
        wanted = _normalize(name)
        return next((d for d in self.dependencies if _normalize(d.name) == wanted), None)


@dataclass(frozen=True, slots=True)
class DependabotBranch:
    """A Dependabot branch name taken apart.

    `dependabot/<ecosystem>/<directory...>/<name>-<version>` for single updates and
    `dependabot/<ecosystem>/<directory...>/<group>-<hash>` for grouped ones. A tail whose
    last part is 10 lowercase hex characters with at least one letter is read as a group
    hash; a 10-digit tail stays a version. Directory segments and names cannot be told
    apart when a name itself holds a `/` (docker images): the last segment is the name.
    """

    raw: str
    ecosystem: str
    directory: str
    name: str | None = None
    version: str | None = None
    group: str | None = None
    group_hash: str | None = None


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def update_type_between(old: str | None, new: str | None) -> str | None:
    """``semver-major``/``-minor``/``-patch`` between two versions, or None if unknowable."""
    if not old or not new:
        return None
    try:
        before, after = Version(old.lstrip("v")), Version(new.lstrip("v"))
    except InvalidVersion:
        return None
    first = (*before.release, 0, 0, 0)[:3]
    second = (*after.release, 0, 0, 0)[:3]
    if first[0] != second[0]:
        return "semver-major"
    if first[1] != second[1]:
        return "semver-minor"
    return "semver-patch"


def _metadata_entries(body: str) -> list[dict[str, str]]:
    """The `updated-dependencies` entries as string maps (scalars exactly as written)."""
    try:
        root = yaml.compose(body, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return _metadata_by_lines(body)
    walker = Walker(budget=50_000)
    try:
        entries = walker.get(root, "updated-dependencies")
        if not isinstance(entries, yaml.SequenceNode):
            return _metadata_by_lines(body)
        out: list[dict[str, str]] = []
        for entry in walker.sequence(entries):
            fields: dict[str, str] = {}
            for key, value in walker.mapping(entry):
                k, v = walker.scalar(key), walker.scalar(value)
                if k is not None and v is not None:
                    fields[k] = v
            out.append(fields)
        return out
    except BudgetExceeded:
        return []


def _metadata_by_lines(body: str) -> list[dict[str, str]]:
    """Fallback for a block YAML refuses: `- key: value` / `  key: value` lines."""
    entries: list[dict[str, str]] = []
    for line in body.split("\n"):
        match = re.match(r"^(?P<dash>-\s+|\s+)(?P<key>[\w-]+):\s*(?P<value>\S.*?)\s*$", line)
        if match is None:
            continue
        if match["dash"].startswith("-") or not entries:
            entries.append({})
        entries[-1][match["key"]] = match["value"].strip("'\"")
    return entries


def _update_type(raw: str | None) -> str | None:
    if raw and raw.startswith("version-update:"):
        return raw.split(":", 1)[1] or None
    return raw or None


def _metadata_block(text: str) -> str | None:
    """The lines between the first `---` line and the next `...` line after it (not the next).

    A line scan, linear in the text (the former lazy regex was quadratic in `---` lines).
    """
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line == "---"), None)
    if start is None:
        return None
    end = next((i for i in range(start + 2, len(lines)) if lines[i] == "..."), None)
    return "\n".join(lines[start + 1 : end]) if end is not None else None


def parse_commit_message(text: str) -> DependabotUpdate | None:
    """Read a Dependabot commit message; None when it is not one (never raises)."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = text[:MAX_MESSAGE].replace("\r\n", "\n")
    title = text.split("\n", 1)[0].strip()
    subject = title if len(title) <= MAX_SUBJECT else ""
    body = _metadata_block(text)
    entries = _metadata_entries(body) if body is not None else []
    versions: dict[str, tuple[str | None, str]] = {}
    for match in _UPDATES.finditer(text):
        versions[_normalize(match["name"])] = (match["from"], match["to"])
    for match in _BUMPS.finditer(text):
        versions.setdefault(_normalize(match["name"]), (match["from"], match["to"]))

    directory = group = None
    update_count = directory_count = None
    subject_names: list[str] = []
    single = _SINGLE.match(subject)
    grouped = _GROUP.match(subject)
    multi = _MULTI.match(subject)
    if single:
        directory = single["dir"]
        subject_names = [single["name"]]
        versions.setdefault(_normalize(single["name"]), (single["from"], single["to"]))
    elif grouped:
        group, directory = grouped["group"], grouped["dir"]
        update_count = int(grouped["count"])
        directory_count = int(grouped["dirs"]) if grouped["dirs"] else None
    elif multi:
        directory = multi["dir"]
        subject_names = re.split(r",\s*|\s+and\s+", multi["names"])

    dependencies = [
        _from_entry(entry, versions) for entry in entries if entry.get("dependency-name")
    ]
    if not dependencies:
        dependencies = [
            _dependency(name, versions.get(_normalize(name)), None, None, None)
            for name in subject_names
        ]
    if not dependencies and not (single or grouped or multi):
        return None
    if group is None:
        group = next((d.group for d in dependencies if d.group), None)
    return DependabotUpdate(
        title=title,
        dependencies=tuple(dependencies),
        directory=directory,
        group=group,
        update_count=update_count,
        directory_count=directory_count,
        has_metadata=bool(entries),
    )


def _from_entry(
    entry: dict[str, str], versions: dict[str, tuple[str | None, str]]
) -> DependabotDependency:
    name = entry["dependency-name"]
    found = versions.get(_normalize(name))
    old = found[0] if found else None
    new = entry.get("dependency-version") or (found[1] if found else None)
    return _dependency(
        name,
        (old, new),
        entry.get("dependency-type"),
        _update_type(entry.get("update-type")),
        entry.get("dependency-group"),
    )


def _dependency(
    name: str,
    versions: tuple[str | None, str | None] | None,
    dependency_type: str | None,
    update_type: str | None,
    group: str | None,
) -> DependabotDependency:
    old, new = versions if versions else (None, None)
    computed = False
    if update_type is None:
        update_type = update_type_between(old, new)
        computed = update_type is not None
    return DependabotDependency(
        name=name,
        from_version=old,
        to_version=new,
        dependency_type=dependency_type,
        update_type=update_type,
        update_type_computed=computed,
        group=group,
    )


def parse_branch_name(name: str) -> DependabotBranch | None:
    """Take a `dependabot/<ecosystem>/...` branch name apart; None for other branches."""
    if not isinstance(name, str):
        return None
    ref = name.strip().removeprefix("refs/heads/")
    parts = ref.split("/")
    if len(parts) < 3 or parts[0] != "dependabot" or not parts[1] or not all(parts[2:]):
        return None
    ecosystem, directory_parts, tail = parts[1], parts[2:-1], parts[-1]
    directory = "/" + "/".join(directory_parts)
    head, dash, last = tail.rpartition("-")
    if dash and head and _HEX_HASH.match(last) and not last.isdigit():
        return DependabotBranch(ref, ecosystem, directory, group=head, group_hash=last)
    for index in range(len(tail) - 1, 0, -1):
        if tail[index] != "-":
            continue
        version = tail[index + 1 :]
        if re.match(r"^v?\d", version):
            return DependabotBranch(ref, ecosystem, directory, name=tail[:index], version=version)
    return DependabotBranch(ref, ecosystem, directory, name=tail)
