"""Package installs inside shell commands: pip, uv pip, conda/mamba/micromamba, poetry."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from packaging.requirements import InvalidRequirement
from packaging.requirements import Requirement as Pep508
from packaging.specifiers import InvalidSpecifier, SpecifierSet

from rules.manifests._shellwords import Word, strip_prefix
from rules.manifests.model import Ecosystem, Index, IndexKind, Requirement, Span
from rules.manifests.requirements import ParsedRequirement

#: pip/uv options that take a value (as the next word or after `=`).
_PIP_VALUE_OPTIONS = frozenset(
    [
        "-r",
        "--requirement",
        "-c",
        "--constraint",
        "-e",
        "--editable",
        "-i",
        "--index-url",
        "--extra-index-url",
        "-f",
        "--find-links",
        "--trusted-host",
        "-t",
        "--target",
        "--prefix",
        "--root",
        "--platform",
        "--python-version",
        "--implementation",
        "--abi",
        "--only-binary",
        "--no-binary",
        "--progress-bar",
        "--cache-dir",
        "--src",
        "--upgrade-strategy",
        "--global-option",
        "--install-option",
        "-C",
        "--config-settings",
        "--config-setting",
        "--log",
        "--timeout",
        "--retries",
        "--proxy",
        "--cert",
        "--client-cert",
        "--exists-action",
        "--python",
        "-p",
        "--index-strategy",
        "--index",
        "--default-index",
        "--torch-backend",
        "--keyring-provider",
        "--resolution",
        "--prerelease",
        "--extra",
        "--group",
        "--override",
        "--overrides",
        "--build-constraint",
        "--build-constraints",
        "-b",
        "--reinstall-package",
        "--upgrade-package",
        "-P",
        "--no-build-package",
        "--no-binary-package",
        "--only-binary-package",
        "--exclude-newer",
        "--link-mode",
        "--refresh-package",
        "--report",
        "--root-user-action",
        "--use-feature",
        "--use-deprecated",
        "--python-platform",
        "--directory",
        "--project",
        "--color",
        "--config-file",
    ]
)
_CONDA_VALUE_OPTIONS = frozenset(
    [
        "-c",
        "--channel",
        "-n",
        "--name",
        "-p",
        "--prefix",
        "--file",
        "--solver",
        "--repodata-fn",
        "--experimental",
        "--subdir",
        "--platform",
        "-r",
        "--root-prefix",
        "--rc-file",
        "--category",
        "--env",
    ]
)
_ARCHIVE_SUFFIXES = (".whl", ".tar.gz", ".zip", ".tgz", ".tar.bz2", ".conda")
_CONDA_SPEC = re.compile(
    r"^(?:(?P<channel>[^\s:]+)::)?(?P<name>[A-Za-z0-9_][A-Za-z0-9_.\-]*)"
    r"(?P<rest>.*)$"
)
_PYTHON = re.compile(r"^python(\d+(\.\d+)?)?$")
#: A `==`/`!=` prefix match (``==2.2.*``): the only `*` a requirement word may hold.
_WILDCARD_VERSION = re.compile(r"(?<=[=!]=)\s*[0-9][0-9A-Za-z.!+]*\.\*")
_PIP = re.compile(r"^pip(\d+(\.\d+)?)?$")
_CONDA_TOOLS = {"conda", "mamba", "micromamba"}


@dataclass
class InstallFindings:
    """What the install commands of one script declared."""

    requirements: list[Requirement] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)
    includes: list[Span] = field(default_factory=list)
    include_paths: list[str] = field(default_factory=list)
    bad: list[tuple[Span, str]] = field(default_factory=list)
    #: Most requirements recorded; the place of the first one left out is kept in `overflow`.
    limit: int = 5_000
    overflow: Span | None = None
    #: How many pip / conda install commands were read (the `command` of their requirements).
    commands: int = 0

    def full(self, span: Span) -> bool:
        """True (and remembers where) once `limit` requirements are recorded."""
        if len(self.requirements) < self.limit:
            return False
        if self.overflow is None:
            self.overflow = span
        return True


Locate = Callable[[int], Span]
#: Expands `$VAR`s in a word's text (not when single-quoted); None when one is unknown.
Expand = Callable[[str, bool], str | None]


def _basename(value: str) -> str:
    return value.rsplit("/", 1)[-1]


def classify(words: list[Word]) -> tuple[str, list[Word]] | None:
    """("pip"|"conda"|"conda-env"|"poetry", arguments after `install`) for install commands."""
    words = strip_prefix(words)
    if not words:
        return None
    head = _basename(words[0].value)
    rest = words[1:]
    if _PYTHON.match(head) and len(rest) >= 2 and rest[0].value == "-m":
        head, rest = rest[1].value, rest[2:]
    if head == "uv" and rest and rest[0].value == "pip":
        head, rest = "pip", rest[1:]
    if head == "mim" and rest and rest[0].value == "install":
        return "pip", rest[1:]  # OpenMMLab's `mim install`: pip install (plus its wheel pages)
    if _PIP.match(head):
        rest = _skip_options(rest)
        if rest and rest[0].value == "install":
            return "pip", rest[1:]
        return None
    if head in _CONDA_TOOLS:
        rest = _skip_options(rest)
        if rest and rest[0].value in {"install", "create"}:
            return "conda", rest[1:]
        if len(rest) >= 2 and rest[0].value == "env" and rest[1].value in {"create", "update"}:
            return "conda-env", rest[2:]
        return None
    if head == "poetry" and rest and rest[0].value == "install":
        return "poetry", rest[1:]
    return None


def _skip_options(words: list[Word]) -> list[Word]:
    """Drop general options that come before the subcommand (`pip -q install`)."""
    index = 0
    while index < len(words) and words[index].value.startswith("-"):
        index += 1
    return words[index:]


def _options(
    words: list[Word], value_options: frozenset[str]
) -> list[tuple[str | None, Word, str]]:
    """(option or None, word holding the value, value) for each option value / positional."""
    out: list[tuple[str | None, Word, str]] = []
    index = 0
    while index < len(words):
        word = words[index]
        value = word.value
        index += 1
        if value == "--":
            out.extend((None, w, w.value) for w in words[index:])
            break
        if not value.startswith("-") or value == "-":
            out.append((None, word, value))
            continue
        if value.startswith("--"):
            option, eq, attached = value.partition("=")
            if eq:
                out.append((option, word, attached))
            elif option in value_options and index < len(words):
                out.append((option, words[index], words[index].value))
                index += 1
            continue
        option, attached = value[:2], value[2:]
        if option in value_options:
            if attached:
                out.append((option, word, attached.removeprefix("=")))
            elif index < len(words):
                out.append((option, words[index], words[index].value))
                index += 1
    return out


def pip_options(words: list[Word]) -> list[tuple[str | None, Word, str]]:
    """(option or None, word, value) of the arguments of a `pip install`."""
    return _options(words, _PIP_VALUE_OPTIONS)


def pip_install_arguments(args: list[Word], expand: Expand) -> Iterator[str]:
    """The plain and `-e` arguments of a `pip install` (requirements, paths), expanded; one
    that cannot be expanded is passed over."""
    for option, word, text in pip_options(args):
        if option in {None, "-e", "--editable"}:
            value = expand(text, word.single_quoted)
            if value is not None:
                yield value


def interpret(
    words: list[Word], locate: Locate, expand: Expand, environment: str, into: InstallFindings
) -> None:
    """Record the requirements, indexes and includes of one simple command, if it installs."""
    found = classify(words)
    if found is None:
        return
    tool, args = found
    if tool == "pip":
        _pip(args, locate, expand, environment, into)
    elif tool in {"conda", "conda-env"}:
        _conda(args, locate, expand, environment, into, tool == "conda-env")


#: pip / uv pip options that name an index or a find-links page, with the kind of each.
INDEX_OPTIONS: dict[str, IndexKind] = {
    "-i": IndexKind.INDEX_URL,
    "--index-url": IndexKind.INDEX_URL,
    "--default-index": IndexKind.INDEX_URL,
    "--extra-index-url": IndexKind.EXTRA_INDEX_URL,
    "--index": IndexKind.EXTRA_INDEX_URL,
    "-f": IndexKind.FIND_LINKS,
    "--find-links": IndexKind.FIND_LINKS,
}
#: Environment variables that set the index of pip (``pip``) or of ``uv pip`` (``uv``), with
#: the kind of index each sets.
INDEX_VARIABLES: dict[str, tuple[tuple[str, IndexKind], ...]] = {
    "pip": (
        ("PIP_INDEX_URL", IndexKind.INDEX_URL),
        ("PIP_EXTRA_INDEX_URL", IndexKind.EXTRA_INDEX_URL),
        ("PIP_FIND_LINKS", IndexKind.FIND_LINKS),
    ),
    "uv": (
        ("UV_DEFAULT_INDEX", IndexKind.INDEX_URL),
        ("UV_INDEX_URL", IndexKind.INDEX_URL),
        ("UV_INDEX", IndexKind.EXTRA_INDEX_URL),
        ("UV_EXTRA_INDEX_URL", IndexKind.EXTRA_INDEX_URL),
        ("UV_FIND_LINKS", IndexKind.FIND_LINKS),
    ),
}


def _pip(
    args: list[Word], locate: Locate, expand: Expand, environment: str, into: InstallFindings
) -> None:
    primary: str | None = None
    positional: list[tuple[Word, str]] = []
    into.commands += 1
    for option, word, text in _options(args, _PIP_VALUE_OPTIONS):
        value = expand(text, word.single_quoted)
        if value is None:
            continue
        if option is None:
            positional.append((word, value))
        elif option in {"-r", "--requirement", "-c", "--constraint"}:
            into.includes.append(locate(word.start))
            into.include_paths.append(value)
        elif option in INDEX_OPTIONS:
            kind = INDEX_OPTIONS[option]
            into.indexes.append(Index(value, kind, locate(word.start), environment=environment))
            if kind is IndexKind.INDEX_URL:
                primary = value
    for word, value in positional:
        if into.full(locate(word.start)):
            return
        requirement = _pypi_requirement(word, value, locate, environment, primary, into)
        if requirement is not None:
            into.requirements.append(replace(requirement, command=into.commands))


def _is_local(value: str) -> bool:
    if value.startswith((".", "/", "~")) or value.endswith(_ARCHIVE_SUFFIXES):
        return " @ " not in value and "@" not in value.split("/", 1)[0]
    if "://" in value or value.startswith("git+"):
        return "@" not in value.split("://", 1)[0] and " @ " not in value
    return "/" in value and "@" not in value


#: A brace expansion the shell makes (``{a,b}``, ``{1..3}``); a lone ``}`` is a literal character
#: pip receives (open-mmlab/mmrotate's ``torchserv==${TORCHSERVE}}`` is ``torchserv==0.2.0}``).
_BRACES = re.compile(r"\{[^{}]*\}")


def _brace_expansion(value: str) -> bool:
    """Whether `value` holds a ``{a,b}`` or ``{1..3}`` group (one linear scan per group: a
    pattern with the comma inside it backtracks quadratically on a long unclosed group)."""
    return any("," in m.group() or ".." in m.group() for m in _BRACES.finditer(value))


def _pypi_requirement(
    word: Word,
    value: str,
    locate: Locate,
    environment: str,
    primary: str | None,
    into: InstallFindings,
) -> Requirement | None:
    if not value or _is_local(value) or any(ch in value for ch in "`?") or _brace_expansion(value):
        return None
    if "*" in _WILDCARD_VERSION.sub("", value):
        return None  # a shell glob; `numpy==2.2.*` is a PEP 440 prefix match (pip reads it)
    span = locate(word.start)
    try:
        parsed = Pep508(value)
    except InvalidRequirement as exc:
        into.bad.append((span, f"expected a requirement (PEP 508): {exc}"))
        return None
    fields = ParsedRequirement.of(parsed)
    return fields.requirement(word.value, span, environment=environment, index=primary)


def _conda(
    args: list[Word],
    locate: Locate,
    expand: Expand,
    environment: str,
    into: InstallFindings,
    env_command: bool,
) -> None:
    into.commands += 1
    for option, word, text in _options(args, _CONDA_VALUE_OPTIONS | {"-f"}):
        value = expand(text, word.single_quoted)
        if value is None:
            continue
        if option in {"-c", "--channel"}:
            into.indexes.append(
                Index(
                    value,
                    IndexKind.CONDA_CHANNEL,
                    locate(word.start),
                    name=value,
                    environment=environment,
                )
            )
        elif option in {"--file", "-f"} and (env_command or option == "--file"):
            into.includes.append(locate(word.start))
            into.include_paths.append(value)
        elif option is None and not env_command:
            if into.full(locate(word.start)):
                return
            if "/" in value or value.endswith(_ARCHIVE_SUFFIXES) or "`" in value:
                continue  # a package file or URL, not a match spec
            requirement = conda_requirement(value, word.value, locate(word.start), environment)
            if requirement is None:
                into.bad.append((locate(word.start), "expected a conda match spec"))
            else:
                into.requirements.append(replace(requirement, command=into.commands))


def conda_version_to_pep440(version: str) -> tuple[str, str | None]:
    """(PEP 440 specifier, pinned version) for simple conda version constraints; ("", None)."""
    text = version.strip()
    if not text:
        return "", None
    if text.startswith("==") and "*" not in text:
        return _valid(text, text[2:])
    if text[0] in "<>!~":
        return _valid(text.replace(" ", ""), None)
    if text.startswith("="):
        text = text[1:]
    text = text.rstrip("*").rstrip(".")
    if not text or any(ch in text for ch in "|,<>=!* "):
        return "", None
    return _valid(f"=={text}.*", None)


def _valid(specifier: str, pinned: str | None) -> tuple[str, str | None]:
    try:
        return str(SpecifierSet(specifier)), pinned
    except InvalidSpecifier:
        return "", None


def conda_requirement(value: str, raw: str, span: Span, environment: str) -> Requirement | None:
    """A conda match spec (`pytorch=2.1.0=py3.10*`, `conda-forge::numpy>=1.24`) as a requirement."""
    match = _CONDA_SPEC.match(value.strip())
    if match is None:
        return None
    rest = match["rest"].strip()
    build_pinned = False
    if rest.startswith("=") and not rest.startswith("==") and rest.count("=") >= 2:
        version, _, _build = rest[1:].partition("=")
        rest, build_pinned = f"={version}", "*" not in version
    elif " " in rest:  # "numpy 1.26.*" or "numpy 1.26 py311*"
        rest = rest.split()[0]
    if rest.startswith("["):
        specifier, pinned = "", None
    else:
        specifier, pinned = conda_version_to_pep440(rest)
    if build_pinned and specifier.startswith("=="):
        pinned = rest.lstrip("=")
        specifier = f"=={pinned}"
    return Requirement(
        name=match["name"].lower(),
        raw=raw,
        location=span,
        specifier=specifier,
        pinned=pinned,
        index=match["channel"],
        ecosystem=Ecosystem.CONDA,
        environment=environment,
    )


def _identity(text: str, single_quoted: bool) -> str | None:
    del single_quoted
    return text


def installed_files(words: list[Word], folder: str = "", expand: Expand = _identity) -> list[str]:
    """Repository paths one shell command run in `folder` installs: the ``-r``/``-c`` files
    of a pip / uv pip install, the ``pyproject.toml`` of a ``pip install .`` / ``-e ./pkg`` /
    ``".[test]"``, and of ``poetry``/``uv``/``pdm``/``hatch`` ``install``/``sync``."""

    def here(path: str) -> str:
        joined = posixpath.normpath(posixpath.join(folder, path))
        return "" if joined == "." else joined.removeprefix("./")

    stripped = strip_prefix(words)
    project_tool = stripped and stripped[0].value in {"poetry", "uv", "pdm", "hatch"}
    if project_tool and not (len(stripped) > 1 and stripped[1].value == "pip"):
        verbs = {w.value for w in stripped[1:3]}
        if verbs & {"install", "sync"}:
            return [here("pyproject.toml")]
    found = classify(words)
    if found is None or found[0] != "pip":
        return []
    into = InstallFindings()
    interpret(words, lambda at: Span("", 1, at + 1), expand, "", into)
    out = [here(p) for p in into.include_paths]
    if not _no_deps(found[1]):  # `pip install . --no-deps`: none of the project's requirements
        out += [_project_file(here(local)) for local, _ in _local_projects(found[1], expand)]
    return out


_NO_DEPS = frozenset({"--no-deps", "--no-dependencies"})


def _no_deps(args: list[Word]) -> bool:
    """Whether a pip install's arguments say ``--no-deps`` (a local project it names is
    installed without any of its requirements; pyiron_atomistics' CI installs the conda
    environment first, then ``pip install . --no-deps``)."""
    return any(w.value in _NO_DEPS for w in args)


def installed_extras(words: list[Word], folder: str = "", expand: Expand = _identity) -> list[str]:
    """The extras environments (``pyproject.toml#ml``) of the local projects a ``pip install``
    run in `folder` names with extras (``.[ml]``, ``"./pkg[docs,ml]"``): it installs those
    extras, and no other."""
    found = classify(words)
    if found is None or found[0] != "pip" or _no_deps(found[1]):
        return []
    return [
        f"{_project_file(posixpath.normpath(posixpath.join(folder, local)))}#{extra}"
        for local, extras in _local_projects(found[1], expand)
        for extra in extras
    ]


def _project_file(project: str) -> str:
    """The pyproject.toml of a project folder (repository-relative, "" or "." the root)."""
    project = "" if project == "." else project.removeprefix("./")
    return posixpath.join(project, "pyproject.toml") if project else "pyproject.toml"


def _local_projects(args: list[Word], expand: Expand) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The local project folders a ``pip install`` names (``.``, ``./pkg``, ``-e .``), each
    with the extras it asks for (``.[docs,ml]``)."""
    for value in pip_install_arguments(args, expand):
        head, _, rest = value.partition("[")
        local = head.rstrip("/") or "."
        if local == "." or (local.startswith("./") and "." not in local.rsplit("/", 1)[-1]):
            wanted = rest.split("]", 1)[0] if rest else ""
            yield local, tuple(e.strip() for e in wanted.split(",") if e.strip())
