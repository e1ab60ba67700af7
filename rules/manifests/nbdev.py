"""nbdev's ``settings.ini``: the requirements and Python its generated setup.py reads.

An nbdev project's setup.py (written by nbdev, the same in every project) reads ``[DEFAULT]``
of settings.ini with configparser and passes ``requirements`` (and ``pip_requirements``) split
at whitespace as ``install_requires``, ``dev_requirements`` as the ``dev`` extra, and ``'>=' +
min_python`` as ``python_requires``. setup.py computes them, so its own reader sees none; this
reader gives them, located in settings.ini, to the setup.py's environments (``setup.py``,
``setup.py#dev`` next to it): MMIV-ML/fastMONAI's ``opencv-python==4.8.0`` (never published:
4.8.0.74 and 4.8.0.76 were), fixed four minutes later in d4c61e66. Each word is one
requirement, as ``.split()`` makes it: a word that is no PEP 508 requirement (``numpy
>=1.20`` written with a space leaves ``>=1.20``) is a located error, as setuptools stops on it.

A settings.ini without ``lib_name`` in ``[DEFAULT]`` is not nbdev's and gives nothing;
``conda_requirements`` (nbdev's conda recipe) is not read. Never raises.
"""

from __future__ import annotations

import posixpath
import re

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from rules.manifests._ini import IniEntry, IniParts, read_ini
from rules.manifests.model import Fact, FactKind, FileKind, Group, ManifestFile, Span
from rules.manifests.requirements import parse_pep508
from rules.manifests.text import split_lines

#: The keys setup.py passes as install_requires, and the one it passes as the dev extra.
_RUNTIME_KEYS = ("requirements", "pip_requirements")
_DEV_KEY = "dev_requirements"
_WORD = re.compile(r"\S+")


class NbdevSettingsParser:
    """nbdev's settings.ini: [DEFAULT] requirements, dev_requirements and min_python."""

    kind = FileKind.NBDEV

    def parse(self, path: str, text: str) -> ManifestFile:
        """Parse a settings.ini; never raises."""
        b = IniParts(path=path, lines=split_lines(text))
        entries = read_ini(b.lines, "settings.ini", b.error)
        default = {e.key: e for e in entries if e.section == "DEFAULT"}
        if "lib_name" not in default:
            return ManifestFile(path=path, kind=self.kind)  # not an nbdev project's
        setup_py = posixpath.join(posixpath.dirname(path), "setup.py")
        name = default["lib_name"].pieces
        if name:
            b.metadata.append(("name", name[0][0].strip()))
        for key in _RUNTIME_KEYS:
            if key in default:
                _words(b, default[key], setup_py, None)
        if _DEV_KEY in default:
            _words(b, default[_DEV_KEY], f"{setup_py}#dev", "dev")
        if "min_python" in default:
            _python(b, default["min_python"], setup_py)
        return b.manifest_file(path, self.kind)


def _words(b: IniParts, entry: IniEntry, environment: str, extra: str | None) -> None:
    """Each whitespace-separated word of the value, as one requirement of `environment`."""
    for text, line, column in entry.pieces:
        for match in _WORD.finditer(text):
            word, at = match.group(0), column + match.start()
            if word.startswith("#"):
                break  # an inline comment: configparser keeps it, but no project is named so
            parsed = parse_pep508(word)
            if isinstance(parsed, tuple):
                message, offset = parsed
                b.error(line, at + offset, f"{message} (setup.py passes each word as one)")
                continue
            b.requirements.append(
                parsed.requirement(
                    word,
                    Span(b.path, line, at),
                    group=Group.RUNTIME if extra is None else Group.OPTIONAL,
                    group_name=extra,
                    environment=environment,
                )
            )


def _python(b: IniParts, entry: IniEntry, environment: str) -> None:
    """``min_python = 3.7``: setup.py's ``python_requires='>=3.7'``."""
    if not entry.pieces:
        return
    value, line, column = entry.pieces[0]
    value = value.strip()
    try:
        declared = str(SpecifierSet(f">={value}"))
    except InvalidSpecifier:
        b.error(line, column, f"min_python is not a version: {value!r}")
        return
    detail = f"min_python = {value} (setup.py: python_requires='>=' + min_python)"
    b.facts.append(Fact(FactKind.PYTHON, declared, Span(b.path, line, column), detail, environment))
