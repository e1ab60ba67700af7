"""The repository configuration `.github/depreview.yml`: schema, defaults and a tolerant loader."""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Annotated, Any, Literal

import yaml
from packaging.requirements import InvalidRequirement
from packaging.requirements import Requirement as PepRequirement
from packaging.utils import canonicalize_name
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)
from wcmatch import fnmatch as wcfnmatch
from wcmatch import glob as wcglob

from rules.catalogue import RULE_IDS
from rules.findings import CATEGORIES, Finding, Severity

#: Where the configuration lives in a repository.
CONFIG_PATH = ".github/depreview.yml"

#: Longest config text read (a config is a few hundred bytes; a PR controls this file).
MAX_CONFIG_CHARS = 256 * 1024

#: The schema versions this code reads.
SUPPORTED_VERSIONS = (1,)

#: Index hosts every repository may use; a config's `allowed_index_hosts` adds to these.
#: Besides the registries: the official wheel hosts of PyTorch (download.pytorch.org and the
#: download-r2.pytorch.org it serves its wheel files from, which uv.lock records as each
#: file's URL: microsoft/winml-cli and boschresearch/blackboxopt's uv.lock), NVIDIA
#: (pypi.nvidia.com, NGC's pypi.ngc.nvidia.com) and PyG (data.pyg.org); only their vendors
#: publish there. Conda channels: anaconda.org's and prefix.dev's (pixi's default host, whose
#: ``prefix.dev/conda-forge`` mirrors conda-forge), which host channels as anaconda.org does.
#: PyPI's hosts: its simple index and the host it serves files from.
PYPI_HOSTS: tuple[str, ...] = ("pypi.org", "files.pythonhosted.org")
DEFAULT_ALLOWED_INDEX_HOSTS: tuple[str, ...] = (
    *PYPI_HOSTS,
    "download.pytorch.org",
    "download-r2.pytorch.org",
    "pypi.nvidia.com",
    "pypi.ngc.nvidia.com",
    "data.pyg.org",
    "conda.anaconda.org",
    "repo.anaconda.com",
    "prefix.dev",
    "repo.prefix.dev",
)

#: Platform names a config may target (`<os>_<arch>`).
PLATFORMS = ("linux_x86_64", "linux_aarch64", "macos_arm64", "macos_x86_64", "windows_amd64")

#: Most resolver targets (Python x platform) a config may ask for per environment, and most
#: CUDA versions: each target is one resolver run per environment and side, so a config (which
#: a repository controls) must not fan a review out into thousands of runs (security review
#: finding 10: 600 Pythons x 5 platforms).
MAX_TARGETS = 6
MAX_TARGET_CUDA = 6

SeverityName = Literal["error", "warning", "notice", "off"]

_PYTHON_VERSION = re.compile(r"^3\.\d{1,2}(\.\d{1,3})?$")
_DOTTED = re.compile(r"^\d+(\.\d+)*$")


def _yaml_scalar_to_str(value: object) -> object:
    """Numbers YAML read from unquoted versions (`12.1`, `550`) back to text; others as they are."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return str(value)
    return value


def _severity_name(value: object) -> object:
    """YAML 1.1 reads `off` as false: take it back to the word."""
    if value is False:
        return "off"
    if isinstance(value, str):
        return value.strip().lower()
    return value


VersionText = Annotated[str, BeforeValidator(_yaml_scalar_to_str)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSetting(_Model):
    """A severity override for one rule id or one category; `off` disables it."""

    severity: Annotated[SeverityName, BeforeValidator(_severity_name)]


def _rule_setting(value: object) -> object:
    """Accept the short form `conflict: off` as well as `conflict: {severity: off}`."""
    if value is False or isinstance(value, str):
        return {"severity": value}
    return value


class IgnoreRule(_Model):
    """An accepted finding: by rule or category, optionally for one package (and version range)."""

    rule: str | None = None
    category: str | None = None
    package: str | None = None
    reason: str = Field(min_length=1)
    owner: str | None = None
    expires: date | None = None
    _line: int | None = PrivateAttr(default=None)

    @field_validator("package")
    @classmethod
    def _valid_package(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            parsed = PepRequirement(value)
        except InvalidRequirement as exc:
            raise ValueError(f"not a package name with an optional version range: {exc}") from exc
        if parsed.url or parsed.marker or parsed.extras:
            raise ValueError("write a package name and an optional version range, e.g. 'numpy<2'")
        return value

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str | None) -> str | None:
        if value is not None and value not in CATEGORIES:
            raise ValueError(f"unknown category {value!r}; known: {', '.join(sorted(CATEGORIES))}")
        return value

    @model_validator(mode="after")
    def _rule_or_category(self) -> IgnoreRule:
        if self.rule is None and self.category is None:
            raise ValueError("an ignore needs `rule` or `category`")
        return self

    @property
    def line(self) -> int | None:
        """The line of this entry in the config file, when loaded from text."""
        return self._line

    @property
    def package_name(self) -> str | None:
        """The normalized package name, without the version range."""
        if self.package is None:
            return None
        return canonicalize_name(PepRequirement(self.package).name)

    @property
    def version_range(self) -> str:
        """The PEP 440 range of the package entry ("" when none)."""
        if self.package is None:
            return ""
        return str(PepRequirement(self.package).specifier)

    def expired(self, today: date) -> bool:
        """True once `expires` is in the past (an ignore is valid through its expiry date)."""
        return self.expires is not None and self.expires < today


def _each_matches(items: list[str], pattern: re.Pattern[str], what: str) -> None:
    """Raise a ValueError naming the first item that `pattern` does not match."""
    for item in items:
        if not pattern.match(item):
            raise ValueError(f"{item!r} is not {what}")


class Targets(_Model):
    """The environments the project supports: Pythons, platforms, CUDA versions."""

    python: list[VersionText] = Field(default_factory=list)
    platforms: list[Literal[PLATFORMS]] = Field(default_factory=list)  # type: ignore[valid-type]
    cuda: list[VersionText] = Field(default_factory=list)

    @field_validator("python", mode="before")
    @classmethod
    def _no_float_pythons(cls, value: object) -> object:
        if isinstance(value, list):
            for item in value:
                if isinstance(item, float):
                    raise ValueError(
                        f"quote Python versions: YAML reads {item!r} as a number "
                        "(3.10 becomes 3.1); write '3.10'"
                    )
        return value

    @field_validator("python")
    @classmethod
    def _python_versions(cls, value: list[str]) -> list[str]:
        _each_matches(value, _PYTHON_VERSION, "a Python version like '3.11' or '3.11.7'")
        return value

    @field_validator("cuda")
    @classmethod
    def _cuda_versions(cls, value: list[str]) -> list[str]:
        _each_matches(value, _DOTTED, "a CUDA version like '12.1'")
        if len(set(value)) > MAX_TARGET_CUDA:
            raise ValueError(
                f"{len(set(value))} CUDA versions; depreview checks at most {MAX_TARGET_CUDA}"
            )
        return value

    @model_validator(mode="after")
    def _bounded(self) -> Targets:
        pythons = len(set(self.python))
        platforms = len(set(self.platforms)) or 1
        if pythons * platforms > MAX_TARGETS:
            raise ValueError(
                f"{pythons} Python versions x {platforms} platforms = {pythons * platforms} "
                f"targets; depreview resolves at most {MAX_TARGETS} per environment: list the "
                "Pythons and platforms you ship for"
            )
        return self


class Gpu(_Model):
    """One GPU model of a runner: its name and compute capability (`9.0` for H100)."""

    name: str
    compute_capability: VersionText | None = None

    @field_validator("compute_capability")
    @classmethod
    def _capability(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^\d+\.\d+$", value):
            raise ValueError(f"{value!r} is not a compute capability like '8.6'")
        return value


class Runner(_Model):
    """A self-hosted GPU runner of the fleet: driver version, GPUs, labels."""

    name: str
    driver: VersionText | None = None
    gpus: list[Gpu] = Field(default_factory=list)
    labels: list[str] = Field(default_factory=list)

    @field_validator("driver")
    @classmethod
    def _driver(cls, value: str | None) -> str | None:
        if value is not None and not _DOTTED.match(value):
            raise ValueError(f"{value!r} is not a driver version like '535.104.05'")
        return value


class Smoke(_Model):
    """GPU smoke-test settings."""

    enabled: bool = False
    packages: list[str] = Field(default_factory=list)
    timeout_s: int = Field(default=600, gt=0, le=3600)
    base_environment: str | None = None
    #: GPU architectures a runner must have (`sm_90`, `9.0`); empty: any.
    gpu_arch: list[str] = Field(default_factory=list)
    #: Labels a runner must carry (`DEPREVIEW_RUNNER_LABELS`); empty: any.
    runner_labels: list[str] = Field(default_factory=list)


#: Paths never reviewed: test data, vendored environments and installed packages. A repo's
#: `paths.exclude` extends this list (it cannot re-include these folders).
DEFAULT_EXCLUDE: tuple[str, ...] = (
    "**/fixtures/**",
    "**/testdata/**",
    "**/test_data/**",
    "tests/**/data/**",
    "test/**/data/**",
    "**/node_modules/**",
    "**/.venv/**",
    "**/venv/**",
    "**/.tox/**",
    "**/site-packages/**",
)


class Paths(_Model):
    """Which dependency files to review (globs on repository paths; `**` spans folders).

    `exclude` always holds `DEFAULT_EXCLUDE` (test fixtures, vendored environments); the
    globs a repo lists are added to it, never replace it.
    """

    include: list[str] = Field(default_factory=lambda: ["**"])
    exclude: list[str] = Field(default_factory=lambda: list(DEFAULT_EXCLUDE))

    @field_validator("exclude")
    @classmethod
    def _with_default_excludes(cls, value: list[str]) -> list[str]:
        return [*DEFAULT_EXCLUDE, *(g for g in value if g not in DEFAULT_EXCLUDE)]

    def selects(self, path: str) -> bool:
        """True when `path` is included and not excluded."""
        return any(glob_match(g, path) for g in self.include) and not any(
            glob_match(g, path) for g in self.exclude
        )


def default_excluded(path: str) -> bool:
    """Whether `path` is under a folder no repository's config can select (`DEFAULT_EXCLUDE`)."""
    return any(glob_match(g, path) for g in DEFAULT_EXCLUDE)


class Conclusion(_Model):
    """What a new warning (and no new error) makes the check conclude."""

    warning: Literal["neutral", "success", "failure"] = "neutral"


class Commands(_Model):
    """`@depreview` comment commands: whether a PR's author may ignore findings on it."""

    allow_self_ignore: bool = False


class RepoConfig(_Model):
    """The whole repository configuration (schema version 1)."""

    version: int = 1
    rules: dict[str, Annotated[RuleSetting, BeforeValidator(_rule_setting)]] = Field(
        default_factory=dict
    )
    ignore: list[IgnoreRule] = Field(default_factory=list)
    targets: Targets = Field(default_factory=Targets)
    runners: list[Runner] = Field(default_factory=list)
    allowed_index_hosts: list[str] = Field(
        default_factory=lambda: list(DEFAULT_ALLOWED_INDEX_HOSTS)
    )
    smoke: Smoke = Field(default_factory=Smoke)
    paths: Paths = Field(default_factory=Paths)
    conclusion: Conclusion = Field(default_factory=Conclusion)
    commands: Commands = Field(default_factory=Commands)

    @field_validator("version")
    @classmethod
    def _supported(cls, value: int) -> int:
        if value not in SUPPORTED_VERSIONS:
            raise ValueError(f"unsupported config version {value}; this depreview reads version 1")
        return value

    @field_validator("allowed_index_hosts")
    @classmethod
    def _with_defaults(cls, value: list[str]) -> list[str]:
        hosts = list(DEFAULT_ALLOWED_INDEX_HOSTS)
        for host in value:
            host = host.strip().lower()
            if host and host not in hosts:
                hosts.append(host)
        return hosts

    def severity_for(self, rule: str, category: str) -> SeverityName | None:
        """The configured severity for a rule (its id wins over its category); None: default."""
        for key in (rule, category):
            setting = self.rules.get(key)
            if setting is not None:
                return setting.severity
        return None

    def disabled(self, rule: str, category: str) -> bool:
        """True when the config turns this rule (or its category) off."""
        return self.severity_for(rule, category) == "off"


#: The configuration of a repository without `.github/depreview.yml`.
DEFAULT_CONFIG = RepoConfig()


#: Globs longer than this never match (a config is read from a repository: bound the work).
MAX_GLOB_CHARS = 512


#: How a config glob reads: wcmatch's `glob` syntax with GLOBSTAR and DOTGLOB: `**` as a
#: whole path segment spans folders (none included), `*`, `?` and `[...]` stay within one
#: folder name; dot-files match like any other; `/` is the only separator and case counts,
#: whatever the host OS. No braces, no extglob, no `!` negation.
GLOB_FLAGS = wcglob.GLOBSTAR | wcglob.DOTGLOB | wcglob.FORCEUNIX | wcglob.CASE
#: One folder name's pattern (wcmatch `fnmatch`, the same per-name syntax as `GLOB_FLAGS`).
_NAME_FLAGS = wcfnmatch.DOTMATCH | wcfnmatch.FORCEUNIX | wcfnmatch.CASE


def glob_match(pattern: str, path: str) -> bool:
    """Match a repository path against a glob: `*` within a folder, `**` across folders.

    Means what `wcmatch.glob.globmatch(path, pattern, flags=GLOB_FLAGS)` means on repository
    paths, without its cost: wcmatch matches a name (`*a*a*X`) with atomic groups, but its
    regex for several `**` backtracks (9 of them against a 40-folder path: 35 s). So wcmatch
    compiles each folder name of the glob and the `**` are walked here, as a set of states:
    at most (folder names in the glob) x (folders in the path) name matches. A leading `/`
    anchors nothing more (a glob always matches the whole path); globs over
    `MAX_GLOB_CHARS` never match.
    """
    if len(pattern) > MAX_GLOB_CHARS:
        return False
    folder_only, names = _compiled(pattern)
    if folder_only and not path.endswith("/"):
        return False
    states = _past_globstars({0}, names)
    for folder in filter(None, path.split("/")):
        reached: set[int] = set()
        for i in states:
            if i == len(names):
                continue
            name = names[i]
            if name is None:  # `**` takes this folder, and maybe more
                reached.update((i, i + 1))
            elif name.match(folder):
                reached.add(i + 1)
        states = _past_globstars(reached, names)
        if not states:
            return False
    if path.endswith("/") and names and names[-1] is None:
        states = states | ({len(names)} if len(names) - 1 in states else set())
    return len(names) in states


def _unescaped_slashes(pattern: str) -> str:
    """`\\/` is a `/` (wcmatch reads it so), and a last `\\` that escapes nothing goes."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            following = pattern[i + 1 : i + 2]
            out.append(following if following in ("/", "") else pattern[i : i + 2])
            i += 2
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


def _past_globstars(
    states: set[int], names: tuple[wcfnmatch.WcMatcher[str] | None, ...]
) -> set[int]:
    """Add the states a `**` matching no folder leads to (a last `**` takes one at least)."""
    out = set(states)
    for i in sorted(states):
        while i < len(names) - 1 and names[i] is None:
            i += 1
            out.add(i)
    return out


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str) -> tuple[bool, tuple[wcfnmatch.WcMatcher[str] | None, ...]]:
    """(whether the glob names only folders, its folder names compiled by wcmatch; None for
    a `**`). As in wcmatch: `//` is one `/`, `**/**` one `**`, and a glob ending in `/`
    matches only a folder (a path ending in `/`); a path's own ending `/` is not matched."""
    pattern = _unescaped_slashes(pattern)
    out: list[wcfnmatch.WcMatcher[str] | None] = []
    for name in filter(None, pattern.split("/")):
        if name == "**":
            if not out or out[-1] is not None:
                out.append(None)
            continue
        with warnings.catch_warnings():
            # `[[` in a glob: Python's `re` warns of a future nested-set syntax; not ours.
            warnings.simplefilter("ignore", FutureWarning)
            out.append(wcfnmatch.compile(name, flags=_NAME_FLAGS))
    return pattern.endswith("/"), tuple(out)


def _config_finding(
    path: str,
    message: str,
    line: int | None,
    column: int | None,
    key: str,
    *,
    fix: str | None,
    severity: Severity = Severity.WARNING,
    fingerprint: str | None = None,
) -> Finding:
    """A `config-error` finding on `path` (fingerprinted by key and message unless given)."""
    return Finding(
        rule="config-error",
        category="config-error",
        severity=severity,
        message=f"{path}: {message}",
        file=path,
        line=line,
        column=column,
        fix=fix,
        fingerprint=fingerprint or f"{path}:{key}:{message}",
    )


def _node_at(root: yaml.Node | None, loc: Sequence[int | str]) -> yaml.Node | None:
    """The deepest YAML node on the pydantic error path `loc`."""
    node = root
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = None
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                    found = value_node
                    break
            if found is None:
                return node
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                return node
            node = node.value[part]
        else:
            return node
    return node


def _mark(node: yaml.Node | None) -> tuple[int | None, int | None]:
    if node is None:
        return None, None
    return node.start_mark.line + 1, node.start_mark.column + 1


def _loc_text(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def _error_message(error: Mapping[str, Any]) -> str:
    message = str(error.get("msg", "invalid value"))
    if error.get("type") == "extra_forbidden":
        return "unknown field"
    return message.removeprefix("Value error, ")


def config_text(files: Mapping[str, str | bytes]) -> str | None:
    """The text of a file tree's `.github/depreview.yml` (undecodable bytes replaced), or None."""
    raw = files.get(CONFIG_PATH)
    return raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw


def load_config(text: str | None, path: str = CONFIG_PATH) -> tuple[RepoConfig, list[Finding]]:
    """Parse the config text; problems become located `config-error` findings and defaults apply.

    A section with errors falls back to its default while the valid sections still apply.
    Never raises. `None` or empty text means "no config file": the defaults.
    """
    if text is None or not text.strip():
        return DEFAULT_CONFIG, []
    findings: list[Finding] = []
    refusal = _refuse(text)
    if refusal is not None:
        findings.append(
            _config_finding(
                path,
                f"{refusal}; the default configuration applies",
                None,
                None,
                "refused",
                fix=None,
            )
        )
        return DEFAULT_CONFIG, findings
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        findings.append(
            _config_finding(
                path,
                f"not valid YAML ({problem}); the default configuration applies",
                line,
                column,
                "yaml",
                fix="Fix the YAML syntax at the marked place (indentation, quotes, colons).",
            )
        )
        return DEFAULT_CONFIG, findings
    except (ValueError, RecursionError) as exc:  # pragma: no cover - defensive
        findings.append(_config_finding(path, f"unreadable: {exc}", None, None, "yaml", fix=None))
        return DEFAULT_CONFIG, findings
    if data is None:
        return DEFAULT_CONFIG, []
    if not isinstance(data, dict):
        line, column = _mark(root)
        findings.append(
            _config_finding(
                path,
                "the configuration must be a mapping (`version: 1`, `rules:`, ...); "
                "the default configuration applies",
                line,
                column,
                "root",
                fix="version: 1",
            )
        )
        return DEFAULT_CONFIG, findings
    config, errors = _validate_by_section(data, root, path)
    findings.extend(errors)
    findings.extend(_unknown_rule_keys(config, root, path))
    _attach_ignore_lines(config, root)
    return config, findings


def _refuse(text: str) -> str | None:
    """Why a config text is not even parsed (too large, or YAML aliases: an expansion bomb)."""
    if len(text) > MAX_CONFIG_CHARS:
        return f"the file is larger than {MAX_CONFIG_CHARS} characters"
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                return "YAML aliases (`*name`) are not supported in this file"
    except yaml.YAMLError:
        return None  # reported with its position by the full parse
    return None


def _validate_by_section(
    data: dict[Any, Any], root: yaml.Node | None, path: str
) -> tuple[RepoConfig, list[Finding]]:
    """Validate; drop each top-level section with errors (it takes its default) and retry."""
    findings: list[Finding] = []
    current = {str(k): v for k, v in data.items()}
    for _ in range(len(current) + 1):
        try:
            return RepoConfig.model_validate(current), findings
        except ValidationError as exc:
            dropped: set[str] = set()
            for error in exc.errors():
                loc = tuple(error.get("loc", ()))
                line, column = _mark(_node_at(root, loc))
                section = str(loc[0]) if loc else ""
                findings.append(
                    _config_finding(
                        path,
                        f"`{_loc_text(loc)}`: {_error_message(error)}; "
                        + (
                            f"the default `{section}` applies"
                            if section
                            else "the default configuration applies"
                        ),
                        line,
                        column,
                        _loc_text(loc),
                        fix=_fix_for(error, loc),
                    )
                )
                dropped.add(section)
            if "" in dropped or not dropped & set(current):
                break
            current = {k: v for k, v in current.items() if k not in dropped}
    return DEFAULT_CONFIG, findings


def _fix_for(error: Mapping[str, Any], loc: Sequence[int | str]) -> str | None:
    if error.get("type") == "extra_forbidden":
        return f"Remove or rename `{_loc_text(loc)}`; known top-level keys: " + ", ".join(
            RepoConfig.model_fields
        )
    if loc and loc[-1] == "severity":
        return "severity: error | warning | notice | off"
    return None


def _unknown_rule_keys(config: RepoConfig, root: yaml.Node | None, path: str) -> list[Finding]:
    """Notices for `rules:` keys that name no known rule id or category (likely typos)."""
    known = CATEGORIES | RULE_IDS
    findings = []
    for key in sorted(config.rules):
        if key in known:
            continue
        line, column = _mark(_node_at(root, ("rules", key)))
        findings.append(
            _config_finding(
                path,
                f"`rules.{key}` names no known rule or category; it has no effect",
                line,
                column,
                key,
                fix=f"Use a category such as `conflict` or a rule id; known: "
                f"{', '.join(sorted(CATEGORIES))}",
                severity=Severity.NOTICE,
                fingerprint=f"{path}:unknown-rule:{key}",
            )
        )
    return findings


def _attach_ignore_lines(config: RepoConfig, root: yaml.Node | None) -> None:
    for index, entry in enumerate(config.ignore):
        line, _ = _mark(_node_at(root, ("ignore", index)))
        entry._line = line
