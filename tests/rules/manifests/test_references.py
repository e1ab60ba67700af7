"""The one reference format `make:[…]` and `script:[…]` install targets share
(rules.manifests._references), read back by `makefile.resolve_reference` and
`shell_scripts.resolve_script_reference`."""

from __future__ import annotations

import pytest

from rules.manifests._references import decode, encode
from rules.manifests.makefile import make_reference, resolve_reference
from rules.manifests.shell_scripts import resolve_script_reference, script_reference


def test_encode_is_prefix_and_json_list() -> None:
    assert encode("make:", ("", None, "setup")) == 'make:["", null, "setup"]'
    assert decode("make:", 'make:["", null, "setup"]', 3) == ("", None, "setup")


@pytest.mark.parametrize(
    "text",
    [
        "requirements.txt",
        "make:",
        'make:"a"',
        "make:[oops",
        'make:["a", "b"]',  # another length
        'make:["a", 1, "b"]',  # not a string
        'script:["a", "b", "c"]',  # another prefix
        'make:["a", "b", "c"] x',  # trailing text
    ],
)
def test_decode_rejects(text: str) -> None:
    assert decode("make:", text, 3) is None


def test_make_reference_allows_no_makefile_only() -> None:
    assert resolve_reference(make_reference("d", None, "")) == ("d", None, "")
    assert resolve_reference('make:[null, "Makefile", "setup"]') is None
    assert resolve_reference('make:["d", "Makefile", null]') is None


def test_script_reference_joins_the_folder_and_wants_both_parts() -> None:
    assert resolve_script_reference(script_reference("ci", "../x.sh")) == ("ci", "x.sh")
    assert resolve_script_reference(script_reference(".", "./x.sh")) == (".", "x.sh")
    assert resolve_script_reference(script_reference("", "x.sh")) == ("", "x.sh")
    assert resolve_script_reference('script:["ci", null]') is None
    assert resolve_script_reference('script:[null, "x.sh"]') is None
    assert resolve_script_reference(make_reference("ci", None, "x.sh")) is None
