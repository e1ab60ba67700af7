"""Build arguments a Dockerfile gets from outside: the ``--build-arg`` values of its builds.

A Dockerfile ``ARG`` without a default (or whose default a build overrides) takes its value
from the build. Read here (pure: texts in, `Build` values out; never raises):

- docker-compose files: ``services.<x>.build`` as a context string or as ``{context,
  dockerfile, args}`` (``args`` a mapping or a ``K=V`` list);
- GitHub workflows: ``docker/build-push-action`` steps (``with: file, context, build-args``)
  and ``docker build`` / ``docker buildx build`` / ``podman build`` in ``run:`` steps;
- shell scripts and Makefile recipes: ``docker build --build-arg K=V -f path ctx``, with
  plain ``NAME=value`` variables, ``$(dirname "$0")`` as the script's folder, and a
  ``for l in `cat FILE`; do ARGS+=" --build-arg $l"; done`` loop that reads a KEY=VALUE file
  (`KEY_VALUE_FILE`: read by the caller, then `key_values`).

Each `Build` names the Dockerfile (a repository path), its values, each with the place that
sets it (the compose/workflow/script/KEY=VALUE line), and where it comes from. A value that
holds a variable this reader cannot know (``${{ ... }}``, ``$(git rev-parse HEAD)``) is left
out: the Dockerfile's own default (or nothing) stays in force.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import yaml

from rules.manifests._shellwords import Word, split_commands, strip_prefix
from rules.manifests._yaml_nodes import BudgetExceeded, Walker, compose, position
from rules.manifests.model import Span
from rules.manifests.workflow import MATRIX_REF, matrix_values

__all__ = [
    "MAX_BUILDS",
    "Build",
    "builds_by_dockerfile",
    "compose_builds",
    "is_compose_file",
    "key_values",
    "script_builds",
    "workflow_builds",
]

#: Most distinct builds judged for one Dockerfile (each is a parse of the whole file).
MAX_BUILDS = 8
#: Most builds read from one file (bounds a hostile compose file with thousands of services).
MAX_BUILDS_PER_FILE = 64
#: Most bytes of one file read for builds.
MAX_TEXT = 1_000_000
_COMPOSE = re.compile(r"^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$", re.IGNORECASE)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_VAR = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))")
_ASSIGN = re.compile(
    r"^[ \t]*(?:(?:export|readonly|local|declare)[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)(\+?)="
    r"""("(?:[^"\\]|\\.)*"|'[^']*'|\$\([^()\n]*\)|[^\s;&|]*)[ \t]*(?:#.*)?$""",
    re.MULTILINE,
)
_SCRIPT_DIR = re.compile(
    r"""^\$\(\s*dirname\s+"?(?:\$\{BASH_SOURCE(?:\[0\])?\}|\$BASH_SOURCE|\$0|\$\{0\})"?\s*\)$"""
)
_CAT_LOOP = re.compile(
    r"for\s+([A-Za-z_]\w*)\s+in\s+(?:`\s*cat\s+([^`\n]+?)\s*`|\$\(\s*cat\s+([^)\n]+?)\s*\))"
    r"\s*;?\s*do\b(.*?)\bdone\b",
    re.DOTALL,
)
_BUILD_TOOLS = {"docker", "podman", "buildah"}


def is_compose_file(path: str) -> bool:
    """Whether `path` is named as a docker-compose file (``docker-compose.yml``,
    ``compose.yaml``, ``docker-compose.gpu.yml``)."""
    return bool(_COMPOSE.match(posixpath.basename(path)))


@dataclass(frozen=True, slots=True)
class Build:
    """One build of a Dockerfile: its repository path, the build args it passes (name ->
    (value, where the value is set)), where the build is described (``docker-compose.yml:web``)
    and the KEY=VALUE files whose lines are passed as build args too (read by the caller)."""

    dockerfile: str
    args: tuple[tuple[str, tuple[str, Span]], ...]
    source: str
    arg_files: tuple[str, ...] = ()


def _norm(path: str) -> str | None:
    """A clean repository path; None when it leaves the repository or is not a path."""
    if not path or "://" in path or path.startswith(("/", "git@")) or "$" in path:
        return None
    clean = posixpath.normpath(path)
    if clean == ".." or clean.startswith("../"):
        return None
    return "" if clean == "." else clean


def _dockerfile(folder: str, context: str | None, dockerfile: str | None) -> str | None:
    """The repository path of a build's Dockerfile: `dockerfile` inside `context`, both
    relative to `folder` (the compose file's folder; "" for the repository root)."""
    ctx = _norm(posixpath.join(folder, context or "."))
    if ctx is None:
        return None
    name = dockerfile or "Dockerfile"
    if "$" in name or "://" in name or name.startswith("/"):
        return None
    return _norm(posixpath.join(ctx, name))


def _pair(text: str) -> tuple[str, str] | None:
    """``K=V`` -> (K, V); None without ``=``, with an invalid name or an unknown value."""
    name, eq, value = text.strip().partition("=")
    if not eq or not _NAME.match(name) or "$" in value or "\0" in value:
        return None
    return name, value


# --- docker-compose ---------------------------------------------------------------------


def _root(path: str, text: str) -> yaml.Node | None:
    """The composed YAML of a compose file or workflow (None: too long or not YAML)."""
    if len(text) > MAX_TEXT:
        return None
    root, error = compose(path, text)
    return root if error is None else None


def compose_builds(path: str, text: str) -> list[Build]:
    """The builds of a docker-compose file's services (never raises)."""
    root = _root(path, text)
    if root is None:
        return []
    walker = Walker()
    try:
        return _compose_builds(walker, path, root)
    except (BudgetExceeded, RecursionError):
        return []


def _compose_builds(walker: Walker, path: str, root: yaml.Node) -> list[Build]:
    folder = posixpath.dirname(path)
    found: list[Build] = []
    for key, service in walker.mapping(walker.get(root, "services")):
        name = walker.scalar(key)
        build = walker.get(service, "build")
        if name is None or build is None:
            continue
        context = walker.scalar(build)
        dockerfile: str | None = None
        args: dict[str, tuple[str, Span]] = {}
        if context is None:
            context = walker.scalar(walker.get(build, "context"))
            dockerfile = walker.scalar(walker.get(build, "dockerfile"))
            args = _compose_args(walker, path, walker.get(build, "args"))
        target = _dockerfile(folder, context, dockerfile)
        if target is None:
            continue
        found.append(Build(target, tuple(args.items()), f"{path}:{name}"))
        if len(found) >= MAX_BUILDS_PER_FILE:
            break
    return found


_COMPOSE_DEFAULT = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}$]*)\}")


def _compose_value(value: str) -> str:
    """A compose value with each ``${VAR:-default}`` read as its default (what a checkout
    without a ``.env`` file builds with); another ``$VAR`` stays (unknown)."""
    return _COMPOSE_DEFAULT.sub(lambda m: m.group(1), value)


def _compose_args(walker: Walker, path: str, node: yaml.Node | None) -> dict[str, tuple[str, Span]]:
    """``args:`` as a mapping (``K: V``; a null value comes from the environment: unknown)
    or as a list of ``K=V`` (``K`` alone: unknown); ``${VAR:-default}`` reads as the
    default."""
    out: dict[str, tuple[str, Span]] = {}
    for knode, vnode in walker.mapping(node):
        name = walker.scalar(knode)
        value = walker.scalar(vnode)
        if name is None or value is None or vnode.tag.endswith(":null"):
            continue
        pair = _pair(f"{name}={_compose_value(value)}")
        if pair is not None:
            out[pair[0]] = (pair[1], Span(path, *position(knode)))
    for item in walker.sequence(node):
        pair = _pair(_compose_value(walker.scalar(item) or ""))
        if pair is not None:
            out[pair[0]] = (pair[1], Span(path, *position(item)))
    return out


# --- GitHub workflows -------------------------------------------------------------------


def workflow_builds(path: str, text: str) -> list[Build]:
    """The builds of a GitHub workflow: ``docker/build-push-action`` steps and ``docker
    build`` commands in ``run:`` steps (never raises)."""
    root = _root(path, text)
    if root is None:
        return []
    walker = Walker()
    found: list[Build] = []
    try:
        for job_key, job in walker.mapping(walker.get(root, "jobs")):
            job_name = walker.scalar(job_key) or "job"
            matrix = walker.get(walker.get(job, "strategy"), "matrix")
            for step in walker.sequence(walker.get(job, "steps")):
                found.extend(_step_builds(walker, path, job_name, step, matrix))
                if len(found) >= MAX_BUILDS_PER_FILE:
                    return found[:MAX_BUILDS_PER_FILE]
    except (BudgetExceeded, RecursionError):
        return found
    return found


def _step_builds(
    walker: Walker, path: str, job: str, step: yaml.Node, matrix: yaml.Node | None
) -> list[Build]:
    uses = walker.scalar(walker.get(step, "uses")) or ""
    if uses.lower().startswith("docker/build-push-action@"):
        options = walker.get(step, "with")
        context = walker.scalar(walker.get(options, "context")) or "."
        dockerfile = walker.scalar(walker.get(options, "file"))
        if dockerfile is not None:
            target = _norm(dockerfile)
        else:
            target = _dockerfile("", context, None)
        if target is None:
            return []
        node = walker.get(options, "build-args")
        value = walker.scalar(node)
        if node is None or value is None:
            return [Build(target, (), f"{path}:{job}")]
        args = _block_args(path, node, value)
        return [
            Build(target, tuple({**args, **extra}.items()), f"{path}:{job}{label}")
            for label, extra in _matrix_args(walker, path, node, value, matrix)
        ]
    node = walker.get(step, "run")
    script = walker.scalar(node)
    if node is None or not script or "build" not in script:
        return []
    line, _ = position(node)
    # A block scalar (``run: |``) starts on the line after the key.
    first = line + 1 if isinstance(node, yaml.ScalarNode) and node.style in {"|", ">"} else line
    return script_builds(path, script, first_line=first, source=f"{path}:{job}")


def _block_args(path: str, node: yaml.Node, value: str) -> dict[str, tuple[str, Span]]:
    """``build-args:`` lines (``K=V`` each), each at its own line of the workflow."""
    line, _ = position(node)
    block = isinstance(node, yaml.ScalarNode) and node.style in {"|", ">"}
    out: dict[str, tuple[str, Span]] = {}
    for number, text in enumerate(value.split("\n")):
        pair = _pair(text)
        if pair is not None and "${{" not in text:
            out[pair[0]] = (pair[1], Span(path, line + number + (1 if block else 0)))
    return out


def _matrix_args(
    walker: Walker, path: str, node: yaml.Node, value: str, matrix: yaml.Node | None
) -> list[tuple[str, dict[str, tuple[str, Span]]]]:
    """The builds of ``build-args:`` lines ``K=${{ matrix.X }}`` (one matrix key): one per
    value of ``matrix.X`` (at most `MAX_BUILDS`), each value at its line of the matrix;
    [("", {})] when no line names the matrix (or more than one key)."""
    refs: dict[str, str] = {}
    for text in value.split("\n"):
        name, eq, rest = text.strip().partition("=")
        ref = MATRIX_REF.match(rest.strip())
        if eq and _NAME.match(name) and ref is not None:
            refs[name] = ref.group(1)
    if len(set(refs.values())) != 1 or matrix is None:
        return [("", {})]
    key = next(iter(refs.values()))
    out: list[tuple[str, dict[str, tuple[str, Span]]]] = []
    seen: set[str] = set()
    for item in matrix_values(walker, matrix, key):
        found = walker.scalar(item)
        if found is None or "$" in found or found in seen:
            continue
        seen.add(found)
        span = Span(path, *position(item))
        out.append((f" ({key}={found})", {name: (found, span) for name in refs}))
        if len(out) >= MAX_BUILDS:
            break
    return out or [("", {})]


# --- shell scripts and Makefiles --------------------------------------------------------


@dataclass
class _Shell:
    path: str
    text: str
    first_line: int
    variables: dict[str, str]
    arg_files: dict[str, list[str]]
    #: The text as written (`text` with continuations joined has the same offsets).
    original: str = ""

    def line_of(self, offset: int) -> int:
        return self.first_line + self.original.count("\n", 0, offset)

    def expand(self, value: str) -> str:
        """`value` with known variables substituted; an unknown one becomes NUL."""

        def one(match: re.Match[str]) -> str:
            name = match.group(1) or match.group(2)
            return self.variables.get(name, "\0")

        value = re.sub(r"\$\([^()]*\)|`[^`]*`", "\0", _VAR.sub(one, value))
        return value


def _assignments(shell: _Shell) -> None:
    """Plain ``NAME=value`` / ``NAME+=value`` lines, in order (the last one wins)."""
    folder = posixpath.dirname(shell.path)
    for match in _ASSIGN.finditer(shell.text):
        name, append, raw = match.group(1), match.group(2), match.group(3)
        if raw[:1] == "'":
            value = raw[1:-1]
        else:
            value = raw[1:-1] if raw[:1] == '"' else raw
            if _SCRIPT_DIR.match(value.strip()):
                value = folder or "."
            else:
                value = shell.expand(re.sub(r'\\(["\\$`])', r"\1", value))
        if append:
            shell.variables[name] = shell.variables.get(name, "") + value
        else:
            shell.variables[name] = value


def _cat_loops(shell: _Shell) -> None:
    """``for l in `cat FILE`; do ARGS+=" --build-arg $l"; done``: FILE's lines go into ARGS."""
    for match in _CAT_LOOP.finditer(shell.text):
        var, body = match.group(1), match.group(4)
        file = shell.expand((match.group(2) or match.group(3) or "").strip().strip("\"'"))
        adds = re.search(
            r"([A-Za-z_]\w*)\+=\s*[\"']?\s*--build-arg[ =]\"?\$\{?" + re.escape(var) + r"\b", body
        )
        target = _norm(file)
        if adds is None or target is None:
            continue
        shell.arg_files.setdefault(adds.group(1), []).append(target)


def script_builds(
    path: str, text: str, *, first_line: int = 1, source: str | None = None
) -> list[Build]:
    """The ``docker build`` commands of a shell script or Makefile recipe text (never
    raises). `first_line` is the line of `path` where `text` starts (a workflow's ``run:``)."""
    if len(text) > MAX_TEXT or "build" not in text:
        return []
    # Same length as `text`, so that an offset in `joined` is one in `text` (`line_of`).
    joined = text.replace("\\\r\n", "   ").replace("\\\n", "  ")
    if posixpath.basename(path) in _MAKEFILES:
        joined = joined.replace("$$", " $")
    shell = _Shell(path, joined, first_line, {}, {}, text)
    _assignments(shell)
    _cat_loops(shell)
    found: list[Build] = []
    for words in split_commands(joined):
        build = _docker_build(shell, strip_prefix(words), source or path)
        if build is not None:
            found.append(build)
            if len(found) >= MAX_BUILDS_PER_FILE:
                break
    return found


def _expanded_words(shell: _Shell, words: Iterable[Word]) -> list[tuple[str, int, str]]:
    """(value, offset, variable the words came from) after expansion: an unquoted
    ``$ARGS`` splits into its words."""
    out: list[tuple[str, int, str]] = []
    for word in words:
        if word.single_quoted:
            out.append((word.value, word.start, ""))
            continue
        bare = _VAR.fullmatch(word.value)
        value = shell.expand(word.value)
        if bare is not None:
            name = bare.group(1) or bare.group(2)
            out.extend((part, word.start, name) for part in value.split())
            if not value.split():
                out.append(("", word.start, name))
        else:
            out.append((value, word.start, ""))
    return out


def _docker_build(shell: _Shell, words: list[Word], source: str) -> Build | None:
    values = [w.value for w in words[:3]]
    if not values or posixpath.basename(values[0]) not in _BUILD_TOOLS:
        return None
    rest = 1
    if len(values) > 1 and values[1] in {"buildx", "image"}:
        rest = 2
    if len(values) <= rest or values[rest] not in {"build", "bud"}:
        return None
    items = _expanded_words(shell, words[rest + 1 :])
    dockerfile: str | None = None
    context: str | None = None
    args: dict[str, tuple[str, Span]] = {}
    files: list[str] = []
    index = 0
    while index < len(items):
        value, offset, var = items[index]
        index += 1
        if var and var in shell.arg_files:
            files.extend(f for f in shell.arg_files[var] if f not in files)
        if value in {"--build-arg", "-f", "--file", "-t", "--tag", "--target", "--platform"}:
            if index < len(items):
                nxt, at, _ = items[index]
                index += 1
                if value == "--build-arg":
                    _add_arg(shell, args, nxt, at)
                elif value in {"-f", "--file"}:
                    dockerfile = nxt
            continue
        if value.startswith("--build-arg="):
            _add_arg(shell, args, value.split("=", 1)[1], offset)
        elif value.startswith(("--file=", "-f=")):
            dockerfile = value.split("=", 1)[1]
        elif not value.startswith("-") and value:
            context = value
    if context is None or "\0" in context or (dockerfile is not None and "\0" in dockerfile):
        return None
    if dockerfile is not None:
        target = _norm(dockerfile)
    else:
        target = _dockerfile("", context, None)
    if target is None:
        return None
    return Build(target, tuple(args.items()), source, tuple(files))


def _add_arg(shell: _Shell, args: dict[str, tuple[str, Span]], text: str, offset: int) -> None:
    pair = _pair(text)
    if pair is not None:
        args[pair[0]] = (pair[1], Span(shell.path, shell.line_of(offset)))


# --- KEY=VALUE files ---------------------------------------------------------------------


def key_values(path: str, text: str) -> dict[str, tuple[str, Span]]:
    """A KEY=VALUE file's values (``#`` comments and blank lines skipped; ``export``
    allowed; quotes around a value removed), each at its line."""
    out: dict[str, tuple[str, Span]] = {}
    for number, line in enumerate(text[:MAX_TEXT].split("\n"), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        stripped = stripped.removeprefix("export ").strip()
        name, eq, value = stripped.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if eq and _NAME.match(name) and "$" not in value:
            out[name] = (value, Span(path, number))
    return out


# --- all sources together ----------------------------------------------------------------

#: Script names read for builds when present (beside the Dockerfile they build).
SCRIPT_NAMES = ("build", "build.sh", "docker-build.sh", "build_docker.sh")
_MAKEFILES = {"Makefile", "makefile", "GNUmakefile"}


def _is_script(path: str) -> bool:
    name = posixpath.basename(path)
    return name.endswith(".sh") or name in SCRIPT_NAMES or name in _MAKEFILES


def _is_workflow(path: str) -> bool:
    return path.startswith(".github/workflows/") and path.endswith((".yml", ".yaml"))


def builds_by_dockerfile(
    paths: Iterable[str], read: Callable[[str], str | None]
) -> dict[str, list[Build]]:
    """Every build the compose files, workflows, scripts and Makefiles among `paths`
    describe, by Dockerfile path (as written from the repository root, else from the
    describing file's folder), each with the values of its KEY=VALUE files merged in (the
    command's own ``--build-arg`` values win on a clash); at most `MAX_BUILDS` distinct
    value sets per Dockerfile, in path order."""
    present = set(paths)
    found: dict[str, list[Build]] = {}
    for path in sorted(present):
        if is_compose_file(path):
            reader: Callable[[str, str], list[Build]] = compose_builds
        elif _is_workflow(path):
            reader = workflow_builds
        elif _is_script(path):
            reader = script_builds
        else:
            continue
        text = read(path)
        if not text or "build" not in text:
            continue
        for build in reader(path, text):
            merged = _with_arg_files(build, read)
            beside = _norm(posixpath.join(posixpath.dirname(path), merged.dockerfile))
            if merged.dockerfile not in present and beside in present and beside is not None:
                merged = Build(beside, merged.args, merged.source, merged.arg_files)
            builds = found.setdefault(merged.dockerfile, [])
            values = {k: v for k, (v, _) in merged.args}
            if len(builds) >= MAX_BUILDS or any(
                {k: v for k, (v, _) in b.args} == values for b in builds
            ):
                continue
            builds.append(merged)
    return found


def _with_arg_files(build: Build, read: Callable[[str], str | None]) -> Build:
    if not build.arg_files:
        return build
    merged: dict[str, tuple[str, Span]] = {}
    for file in build.arg_files:
        text = read(file)
        if text is not None:
            merged.update(key_values(file, text))
    merged.update(dict(build.args))
    return Build(build.dockerfile, tuple(merged.items()), build.source, build.arg_files)
