"""pip requirements files: PEP 508 lines, pip options, includes, hashes and header annotations.

What is read (pip's own rules where they exist): ``\\`` line continuations; comments
(``#`` at the start or after whitespace, so ``#egg=`` in URLs stays); PEP 508 lines through
`packaging` (extras, markers, ``name @ url``); bare URL / VCS / path requirements and ``-e``
(named by ``#egg=``, a wheel or sdist file name, else the last path segment); ``-r``/``-c``
includes (recorded relative to the including file; the snapshot follows them);
``-i``/``--extra-index-url``/``-f`` indexes; ``--pre``, ``--only-binary``, ``--no-binary``,
``--prefer-binary``, ``--no-index``, ``--require-hashes``, ``--trusted-host``,
``--use-feature`` as `FactKind.PIP_OPTION` facts; per-requirement ``--hash``,
``--config-settings``, ``--global-option``; ``${VAR}`` references (kept as written, listed
in the file's metadata as ``env-var``); comment annotations (``# CUDA: 11.8``,
``# Python 3.10``, ``# Platform: linux_x86_64``, pip-compile and uv headers) as facts.

Not supported: ``-e .`` and other unnamed local paths are listed in metadata as
``local-path`` (no name to give them); ``--global-option`` values are ignored.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import unquote

from packaging.requirements import InvalidRequirement
from packaging.requirements import Requirement as Pep508
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

from rules.findings import Severity
from rules.kb.cudaver import variant_cuda
from rules.manifests.errors import parse_error
from rules.manifests.model import (
    Ecosystem,
    Fact,
    FactKind,
    FileKind,
    Group,
    Index,
    IndexKind,
    ManifestFile,
    ManifestParts,
    Requirement,
    Span,
)
from rules.manifests.text import split_lines

#: Most requirements read from one file; the rest is reported once and skipped.
MAX_REQUIREMENTS = 10_000
#: Distinct PEP 508 strings whose parse is kept (0.2-0.5 KB each: under 64 MB when full),
#: large enough that a whole base snapshot of ~300k lines stays cached for its head, since an
#: LRU cache smaller than one snapshot's distinct lines stops hitting altogether.
PEP508_CACHE_SIZE = 131_072

_COMMENT_LINE = re.compile(r"^\s*#")
_COMMENT = re.compile(r"(^|\s)#")
_ENV_VAR = re.compile(r"\$\{([A-Z0-9_]+)\}")
_OPTION_START = re.compile(r"(?:^|\s)(--?[A-Za-z])")
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_VCS = re.compile(r"^(git|hg|svn|bzr)\+", re.IGNORECASE)
_EGG = re.compile(r"[#&]egg=([A-Za-z0-9_.\-\[\],]+)")
_ARCHIVE = (".whl", ".tar.gz", ".tgz", ".zip", ".tar.bz2", ".tar.xz")
#: An http(s) URL of a git repository itself (``https://github.com/o/r.git``, or a GitHub /
#: GitLab / Bitbucket project page): without ``git+`` pip downloads it as a file, gets HTML
#: and stops ("Cannot unpack file … cannot detect archive format"): jbusecke/xmip 3d0af10
#: (``- https://github.com/mathause/regionmask.git`` in a conda ``pip:`` list, fixed by
#: 8b6fae2 with ``git+``).
_REPOSITORY_URL = re.compile(
    r"^https?://(?:[^/?#]+/[^?#]*\.git/?"
    r"|(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)/[^/?#]+/[^/?#]+/?)(?:[?#]|$)",
    re.IGNORECASE,
)
#: Words in a requirements file's path that make its requirements DEV ones
#: (``requirements-dev.txt``, ``ci/test.txt``); `rules.checks.support.packages` adds the words
#: of paths that are not production for the hygiene rules (examples, notebooks, benchmarks).
DEV_WORDS = frozenset(
    {"dev", "develop", "devel", "test", "tests", "testing", "lint", "docs", "doc", "ci", "typing"}
)

_ANNOTATION = re.compile(
    r"^#+\s*(?P<key>cuda|cudnn|python|platform)(?:[\s_-]*version)?\s*[:=]?\s*"
    r"(?P<value>[A-Za-z0-9_.+*-]+)\s*$",
    re.IGNORECASE,
)
#: A version-control URL (pip's VCS schemes).
_VCS_URL = re.compile(r"^(git|hg|svn|bzr)\+", re.IGNORECASE)
_PIP_COMPILE_PYTHON = re.compile(r"pip-compile with python (\d+\.\d+(?:\.\d+)?)", re.IGNORECASE)
_UV_PYTHON = re.compile(r"--python-version[= ](\d+\.\d+(?:\.\d+)?)")
_UV_PLATFORM = re.compile(r"--python-platform[= ]([A-Za-z0-9_.-]+)")
_VERSION_VALUE = re.compile(r"^\d+(?:\.\d+){0,2}$")
_PLATFORM_VALUE = re.compile(r"^[A-Za-z0-9_.-]+$")
_TOKEN = re.compile(r"\S+")
_NAMED_URL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*@")

_VALUE_OPTIONS = {
    "-r": "--requirement",
    "--requirement": "--requirement",
    "-c": "--constraint",
    "--constraint": "--constraint",
    "-e": "--editable",
    "--editable": "--editable",
    "-i": "--index-url",
    "--index-url": "--index-url",
    "--extra-index-url": "--extra-index-url",
    "-f": "--find-links",
    "--find-links": "--find-links",
    "--trusted-host": "--trusted-host",
    "--only-binary": "--only-binary",
    "--no-binary": "--no-binary",
    "--use-feature": "--use-feature",
}
_FLAG_OPTIONS = frozenset({"--pre", "--no-index", "--prefer-binary", "--require-hashes"})
_PER_REQUIREMENT = frozenset({"--hash", "--config-settings", "--global-option"})
_INDEX_KINDS = {
    "--index-url": IndexKind.INDEX_URL,
    "--extra-index-url": IndexKind.EXTRA_INDEX_URL,
    "--find-links": IndexKind.FIND_LINKS,
}


@dataclass(frozen=True, slots=True)
class _Logical:
    """One logical line (continuations joined) and where each piece of it came from."""

    text: str
    #: (offset in `text`, 1-based physical line, 1-based column of that offset)
    segments: tuple[tuple[int, int, int], ...]
    physical: tuple[str, ...]

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of character `offset` of `text`."""
        chosen = self.segments[0]
        for segment in self.segments:
            if segment[0] <= offset:
                chosen = segment
            else:
                break
        return chosen[1], chosen[2] + max(0, offset - chosen[0])

    def line_text(self, line: int) -> str:
        """The physical text of `line` (one of this logical line's lines)."""
        first = self.segments[0][1]
        index = line - first
        return self.physical[index] if 0 <= index < len(self.physical) else self.text


def logical_lines(lines: list[str], first_line: int = 1) -> Iterator[_Logical]:
    """Join `\\` continuations like pip: a comment line always ends the logical line."""
    pieces: list[tuple[str, int]] = []
    for number, line in enumerate(lines, start=first_line):
        is_comment = _COMMENT_LINE.match(line) is not None
        if line.endswith("\\") and not is_comment:
            pieces.append((line[:-1], number))
            continue
        if not pieces:
            yield _Logical(line, ((0, number, 1),), (line,))
            continue
        pieces.append((line, number))
        yield _join(pieces)
        pieces = []
    if pieces:
        yield _join(pieces)


def _join(pieces: list[tuple[str, int]]) -> _Logical:
    segments: list[tuple[int, int, int]] = []
    offset = 0
    for text, number in pieces:
        segments.append((offset, number, 1))
        offset += len(text)
    return _Logical(
        "".join(text for text, _ in pieces),
        tuple(segments),
        tuple(text for text, _ in pieces),
    )


@dataclass(frozen=True, slots=True)
class ParsedRequirement:
    """The fields of one PEP 508 requirement, as packaging reads them."""

    name: str
    specifier: str
    extras: tuple[str, ...]
    marker: str | None
    url: str | None
    pinned: str | None
    local: str | None

    @classmethod
    def of(cls, req: Pep508) -> ParsedRequirement:
        """The fields of a requirement packaging has parsed."""
        pinned, local = _pin([(spec.operator, spec.version) for spec in req.specifier])
        return cls(
            name=canonicalize_name(req.name),
            specifier=str(req.specifier),
            extras=tuple(sorted(req.extras)),
            marker=str(req.marker) if req.marker is not None else None,
            url=req.url,
            pinned=pinned,
            local=local,
        )

    def requirement(
        self,
        raw: str,
        location: Span,
        *,
        environment: str,
        group: Group = Group.RUNTIME,
        group_name: str | None = None,
        is_constraint: bool = False,
        hashes: tuple[str, ...] = (),
        index: str | None = None,
    ) -> Requirement:
        """The PyPI requirement these fields declare, written as `raw` at `location`."""
        return Requirement(
            name=self.name,
            raw=raw,
            location=location,
            specifier=self.specifier,
            extras=self.extras,
            marker=self.marker,
            url=self.url,
            pinned=self.pinned,
            local=self.local,
            group=group,
            group_name=group_name,
            ecosystem=Ecosystem.PYPI,
            environment=environment,
            is_constraint=is_constraint,
            hashes=hashes,
            index=index,
        )


def _pin(specifier_ops: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    if len(specifier_ops) != 1:
        return None, None
    operator, version = specifier_ops[0]
    if operator not in ("==", "===") or "*" in version:
        return None, None
    if "+" not in version:
        return version, None  # no local label, valid or not: skip parsing the version
    try:
        return version, Version(version).local
    except InvalidVersion:
        return version, None


@lru_cache(maxsize=PEP508_CACHE_SIZE)
def parse_pep508(text: str) -> ParsedRequirement | tuple[str, int]:
    """A PEP 508 line parsed by packaging, or (message, 0-based offset) when invalid."""
    try:
        req = Pep508(text)
    except InvalidRequirement as exc:
        return _invalid(str(exc))
    return ParsedRequirement.of(req)


def _invalid(message: str) -> tuple[str, int]:
    """packaging's first message line, and the caret's offset in the input."""
    lines = message.split("\n")
    offset = 0
    if len(lines) >= 3 and "^" in lines[-1]:
        offset = max(0, lines[-1].index("^") - 4)
    return lines[0], offset


def path_words(path: str) -> list[str]:
    """The words of a path, split at ``/ - _ .`` and lowercased."""
    return re.split(r"[-_./]+", path.lower())


def group_for_path(path: str) -> tuple[Group, str | None]:
    """DEV (with the word that says so) for files like ``requirements-dev.txt``, else RUNTIME."""
    for word in path_words(path):
        if word in DEV_WORDS:
            return Group.DEV, word
    return Group.RUNTIME, None


def _cuda_value(value: str) -> str | None:
    """A `# cuda:` annotation's version: `cu121` read as a wheel label, or a plain `12.1`."""
    cuda = variant_cuda(value)
    if cuda is not None:
        return cuda
    return value if _VERSION_VALUE.match(value) else None


@dataclass
class RequirementsReader(ManifestParts):
    """Accumulates what requirements lines declare; shared by requirements and conda files."""

    path: str
    environment: str = ""
    constraint: bool = False
    group: Group = Group.RUNTIME
    group_name: str | None = None
    _limit_reported: bool = False

    def __post_init__(self) -> None:
        if not self.environment:
            self.environment = self.path

    # -- entry points ------------------------------------------------------------------
    def read_text(self, text: str) -> None:
        """Read a whole requirements file."""
        lines = split_lines(text)
        for logical in logical_lines(lines):
            self.read_logical(logical)
            if self._limit_reported:
                return
        self._unhashable(lines)

    def _unhashable(self, lines: list[str]) -> None:
        """In hash-checking mode (any line's ``--hash`` turns it on for the whole install) pip
        stops at a version-control requirement ("Can't verify hashes for these requirements
        because we don't have a way to hash version control repositories") and at an
        editable one ("cannot be installed when requiring hashes, because there is no single
        file to hash"): bytewax/bytewax d058b5f2's ``sphinx-autodoc2 @ git+https://...`` with
        ``--hash`` values in a uv-compiled lock, fixed in dba22b8f by dropping them."""
        if not any(r.hashes for r in self.requirements):
            return
        for req in self.requirements:
            vcs = req.url is not None and _VCS_URL.match(req.url) is not None
            editable = req.raw.startswith("-e ")
            if not vcs and not editable:
                continue
            line, column = req.location.line, req.location.column
            what = "a version-control requirement" if vcs else "an editable requirement"
            self.errors.append(
                parse_error(
                    self.path,
                    line,
                    column,
                    f"{what} in hash-checking mode (this file's --hash options turn it on): "
                    "pip cannot hash it and stops; drop the file's hashes"
                    + (f" or pin a released {req.name}" if vcs else ""),
                    lines[line - 1] if 0 < line <= len(lines) else None,
                )
            )

    def read_entry(self, text: str, line: int, column: int) -> None:
        """Read one requirements line found elsewhere (a conda ``pip:`` item) at line/column."""
        self.read_logical(_Logical(text, ((0, line, column),), (text,)))

    def read_logical(self, logical: _Logical) -> None:
        """Read one logical line."""
        text = logical.text
        stripped = text.strip()
        if not stripped:
            return
        if stripped.startswith("#"):
            self._annotation(stripped, logical)
            return
        comment = _COMMENT.search(text)
        if comment is not None:
            text = text[: comment.start()]
        start = len(text) - len(text.lstrip())
        body = text.strip()
        if not body:
            return
        self._env_vars(body)
        if body.startswith("-"):
            self._options(body, start, logical)
        else:
            self._requirement(body, start, logical, editable=False)

    # -- pieces -----------------------------------------------------------------------
    def _span(self, logical: _Logical, offset: int) -> Span:
        line, column = logical.locate(offset)
        return Span(self.path, line, column)

    def _error(self, logical: _Logical, offset: int, message: str, *, warn: bool = False) -> None:
        line, column = logical.locate(offset)
        finding = parse_error(self.path, line, column, message, logical.line_text(line))
        if warn:
            finding = replace(finding, severity=Severity.WARNING)
        self.errors.append(finding)

    def _env_vars(self, body: str) -> None:
        for match in _ENV_VAR.finditer(body):
            entry = ("env-var", match.group(1))
            if entry not in self.metadata:
                self.metadata.append(entry)

    def _annotation(self, comment: str, logical: _Logical) -> None:
        span = self._span(logical, len(logical.text) - len(logical.text.lstrip()))
        found: list[tuple[FactKind, str]] = []
        match = _ANNOTATION.match(comment)
        if match:
            key, value = match.group("key").lower(), match.group("value")
            if key == "cuda" and (cuda := _cuda_value(value)):
                found.append((FactKind.CUDA, cuda))
            elif key == "cudnn" and _VERSION_VALUE.match(value):
                found.append((FactKind.CUDNN, value))
            elif key == "python" and _VERSION_VALUE.match(value):
                found.append((FactKind.PYTHON, value))
            elif key == "platform" and _PLATFORM_VALUE.match(value):
                found.append((FactKind.PLATFORM, value))
        for pattern, kind in (
            (_PIP_COMPILE_PYTHON, FactKind.PYTHON),
            (_UV_PYTHON, FactKind.PYTHON),
            (_UV_PLATFORM, FactKind.PLATFORM),
        ):
            hit = pattern.search(comment)
            if hit:
                found.append((kind, hit.group(1)))
        for kind, value in found:
            self.facts.append(Fact(kind, value, span, comment, self.environment))

    def _tokens(self, body: str, start: int) -> list[tuple[str, int]]:
        return [(m.group(), start + m.start()) for m in _TOKEN.finditer(body)]

    def _options(self, body: str, start: int, logical: _Logical) -> None:
        tokens = self._tokens(body, start)
        i = 0
        while i < len(tokens):
            token, offset = tokens[i]
            name, value = _split_option(token)
            canonical = _VALUE_OPTIONS.get(name) or (name if name in _FLAG_OPTIONS else None)
            if canonical is None:
                if name in _PER_REQUIREMENT:
                    self._error(logical, offset, f"{name} must follow a requirement on its line")
                else:
                    self._error(logical, offset, f"unknown pip option {name!r}")
                return
            if canonical in _FLAG_OPTIONS:
                self.facts.append(
                    Fact(
                        FactKind.PIP_OPTION,
                        canonical,
                        self._span(logical, offset),
                        body,
                        self.environment,
                    )
                )
                i += 1
                continue
            value_offset = offset + len(token) - len(value) if value else offset
            if not value:
                if i + 1 >= len(tokens):
                    self._error(logical, offset + len(token), f"{name} needs a value")
                    return
                i += 1
                value, value_offset = tokens[i]
            if canonical == "--editable":
                rest = body[value_offset - start :]
                self._requirement(rest, value_offset, logical, editable=True, span_at=offset)
                return
            self._value_option(canonical, value, logical, offset, value_offset)
            i += 1

    def _value_option(
        self, option: str, value: str, logical: _Logical, offset: int, value_offset: int
    ) -> None:
        span = self._span(logical, offset)
        if option in ("--requirement", "--constraint"):
            if _URL_SCHEME.match(value):
                self._error(logical, value_offset, "include by URL is not followed", warn=True)
                return
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(self.path), value.removeprefix("file:"))
            )
            self.includes.append(span)
            self.include_paths.append(target)
            if option == "--constraint":
                self.metadata.append(("constraint-include", target))
            return
        if option in _INDEX_KINDS:
            self.indexes.append(
                Index(value, _INDEX_KINDS[option], span, environment=self.environment)
            )
            return
        self.facts.append(
            Fact(
                FactKind.PIP_OPTION,
                f"{option}={value}",
                span,
                logical.text.strip(),
                self.environment,
            )
        )

    def _requirement(
        self,
        text: str,
        start: int,
        logical: _Logical,
        *,
        editable: bool,
        span_at: int | None = None,
    ) -> None:
        if len(self.requirements) >= MAX_REQUIREMENTS:
            if not self._limit_reported:
                self._limit_reported = True
                self._error(
                    logical, start, f"more than {MAX_REQUIREMENTS} requirements; the rest ignored"
                )
            return
        option = _OPTION_START.search(text)
        req_text = text[: option.start()].rstrip() if option else text.rstrip()
        hashes: list[str] = []
        if option:
            options_offset = start + option.start(1)
            if not self._requirement_options(
                text[option.start(1) :], options_offset, logical, hashes
            ):
                return
        if not req_text:
            self._error(logical, start, "expected a requirement")
            return
        span = self._span(logical, start if span_at is None else span_at)
        listed = _listed_file(req_text)
        if listed is not None:
            # jupyter-book/jupyter-book 8c232dd: `.binder/requirements.txt` held the one line
            # `../docs/requirements.txt` (issue #603: Binder's pip stopped; fixed with `-r`)
            self._error(
                logical,
                start,
                f"`{req_text}` is a path to a {listed} file, which pip cannot install (a project "
                "is a folder, a wheel or an sdist archive): pip stops with 'Invalid requirement' "
                f"('It looks like a path'); a requirements file is included with `-r {req_text}`",
            )
            return
        if _is_url_or_path(req_text):
            parsed: ParsedRequirement | tuple[str, int] | None = _url_requirement(req_text)
            if parsed is None:
                self.metadata.append(("local-path", req_text))
                return
        else:
            parsed = parse_pep508(req_text)
            named_url = parsed.url if isinstance(parsed, ParsedRequirement) else None
            wrong = repository_url_error(named_url) if named_url else None
            if wrong and named_url:
                parsed = wrong, max(req_text.find(named_url), 0)
            elif isinstance(parsed, ParsedRequirement) and parsed.url and not parsed.specifier:
                named = _url_requirement(parsed.url)
                if isinstance(named, ParsedRequirement) and named.name == parsed.name:
                    parsed = replace(parsed, pinned=named.pinned, local=named.local)
        if isinstance(parsed, tuple):
            message, offset = parsed
            if "${" in req_text:
                message = f"{message} (environment variables are not expanded)"
            self._error(logical, start + min(offset, len(req_text)), message)
            return
        group, group_name = (
            (Group.CONSTRAINT, None) if self.constraint else (self.group, self.group_name)
        )
        self.requirements.append(
            parsed.requirement(
                req_text if not editable else f"-e {req_text}",
                span,
                group=group,
                group_name=group_name,
                environment=self.environment,
                is_constraint=self.constraint,
                hashes=tuple(hashes),
            )
        )

    def _requirement_options(
        self, text: str, start: int, logical: _Logical, hashes: list[str]
    ) -> bool:
        tokens = self._tokens(text, start)
        i = 0
        while i < len(tokens):
            token, offset = tokens[i]
            name, value = _split_option(token)
            if name in _VALUE_OPTIONS or name in _FLAG_OPTIONS:
                # pip parses the line's options with its full parser and keeps only the
                # per-requirement ones: a global option here is accepted and ignored
                # (pypa/pip#7050; pip's req_file.handle_requirement_line).
                shown = _VALUE_OPTIONS.get(name, name)
                self._error(
                    logical,
                    offset,
                    f"pip ignores {shown} after a requirement (only --hash, --config-settings "
                    f"and --global-option apply to one requirement): put it on a line of its own",
                    warn=True,
                )
                if name in _VALUE_OPTIONS and not value:
                    i += 1  # its value
                i += 1
                continue
            if name not in _PER_REQUIREMENT:
                self._error(logical, offset, f"option {name!r} is not allowed after a requirement")
                return False
            if not value:
                if i + 1 >= len(tokens):
                    self._error(logical, offset + len(token), f"{name} needs a value")
                    return False
                i += 1
                value = tokens[i][0]
            if name == "--hash":
                if ":" not in value:
                    self._error(logical, offset, "expected --hash=<algorithm>:<digest>")
                    return False
                hashes.append(value)
            i += 1
        return True


def _split_option(token: str) -> tuple[str, str]:
    """``--opt=value`` → (``--opt``, ``value``); ``-rfile`` → (``-r``, ``file``)."""
    if token.startswith("--"):
        name, _, value = token.partition("=")
        return name, value
    return token[:2], token[2:].removeprefix("=")


def _is_url_or_path(text: str) -> bool:
    if " @ " in text or _NAMED_URL.match(text):
        return False
    if _URL_SCHEME.match(text) or _VCS.match(text):
        return True
    if text[:5].lower() == "file:":  # pip takes `file:.` / `file:../pkg` without slashes
        return True
    if text.startswith((".", "/", "~")):
        return True
    return "/" in text.split(";")[0] or text.lower().endswith(_ARCHIVE)


#: File suffixes of a local path that name no installable project (pip installs a folder, a
#: wheel or an sdist archive).
_NOT_PROJECTS = (".txt", ".in", ".cfg", ".toml", ".py", ".yml", ".yaml", ".json", ".md", ".lock")


def _listed_file(text: str) -> str | None:
    """The suffix of a local path requirement that names a file pip cannot install
    (``../docs/requirements.txt`` written without ``-r``), or None."""
    path = text.split(";")[0].strip()
    if _URL_SCHEME.match(path) or _VCS.match(path) or "@" in path or "#" in path:
        return None
    if not (path.startswith((".", "/", "~")) or "/" in path):
        return None
    name = path.removeprefix("file:").rstrip("/").rsplit("/", 1)[-1].lower()
    return next((s for s in _NOT_PROJECTS if name.endswith(s) and name != s), None)


def repository_url_error(url: str) -> str | None:
    """Why pip cannot install an http(s) URL of a git repository (`_REPOSITORY_URL`), or None."""
    path = url.strip().split("#")[0].split("?")[0].lower()
    if not _REPOSITORY_URL.match(url.strip()) or path.endswith(_ARCHIVE):
        return None
    return (
        f"{url.strip()} is a git repository, not an archive: pip downloads the page and stops "
        f"('cannot detect archive format'); write git+{url.strip()}"
    )


def _url_requirement(text: str) -> ParsedRequirement | tuple[str, int] | None:
    """Name a bare URL / VCS / path requirement: ``#egg=``, a wheel/sdist name, or its path;
    (message, offset) for a URL pip cannot install (`repository_url_error`)."""
    url = text.split(";")[0].strip()
    wrong = repository_url_error(url)
    if wrong is not None:
        return wrong, 0
    marker = text.split(";", 1)[1].strip() if ";" in text else None
    egg = _EGG.search(url)
    pinned: str | None = None
    local: str | None = None
    name: str | None = None
    if egg:
        name = egg.group(1).split("[")[0]
    else:
        base = url.split("#")[0].split("?")[0].rstrip("/")
        filename = unquote(base.rsplit("/", 1)[-1])
        try:
            wheel_name, version, _, _ = parse_wheel_filename(filename)
            name, pinned, local = wheel_name, str(version), version.local
        except InvalidWheelFilename:
            try:
                sdist_name, version = parse_sdist_filename(filename)
                name, pinned, local = sdist_name, str(version), version.local
            except InvalidSdistFilename:
                candidate = re.sub(r"@.*$", "", filename).removesuffix(".git")
                if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", candidate):
                    name = candidate
    if not name:
        return None
    specifier = f"=={pinned}" if pinned else ""
    return ParsedRequirement(
        name=canonicalize_name(name),
        specifier=specifier,
        extras=(),
        marker=marker,
        url=url,
        pinned=pinned,
        local=local,
    )


class RequirementsParser:
    """pip requirements files (``requirements*.txt``, ``*.in``, ``constraints*.txt``, freeze)."""

    kind = FileKind.REQUIREMENTS

    def parse(self, path: str, text: str, *, constraint: bool | None = None) -> ManifestFile:
        """Parse one requirements file; constraint files mark their requirements as such."""
        if constraint is None:
            constraint = posixpath.basename(path).lower().startswith("constraint")
        group, group_name = group_for_path(path)
        reader = RequirementsReader(
            path=path, constraint=constraint, group=group, group_name=group_name
        )
        try:
            reader.read_text(text)
        except Exception as exc:  # a parser never raises; this is a bug, reported as one
            reader.errors.append(parse_error(path, 1, 1, f"internal parser error: {exc!r}"))
        return reader.manifest_file(path, self.kind)
