"""Parse only the payload fields the routes read: the rest of the JSON is checked, not built.

A `pull_request` delivery is ~28 kB of JSON of which routing reads six values; building every
dict and string of it took more CPU than anything else the endpoint does. pydantic-core's JSON
parser still reads and validates the whole body (syntax, escapes, UTF-8, trailing data) but
skips building what no route declared (bench/webhook_bench.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeAlias

from pydantic_core import SchemaValidator, ValidationError, core_schema

Fields: TypeAlias = Mapping[str, "Fields | None"]
"""Object keys to keep; a key's value is the fields kept below it, or None for all of it."""

Decoder: TypeAlias = Callable[[bytes | str], Any]
"""JSON text → the document (a dict keeps only the declared fields); ValueError when malformed."""


def merge(*specs: Fields | None) -> Fields | None:
    """The fields any of `specs` reads (None, everything, when any of them is None)."""
    merged: dict[str, Fields | None] = {}
    for spec in specs:
        if spec is None:
            return None
        for key, sub in spec.items():
            merged[key] = merge(merged[key], sub) if key in merged else sub
    return merged


def _schema(spec: Fields) -> core_schema.CoreSchema:
    """A dict of the declared keys (all optional); a value that is not an object is kept whole."""
    fields = {
        key: core_schema.typed_dict_field(
            core_schema.any_schema() if sub is None else _schema(sub), required=False
        )
        for key, sub in spec.items()
    }
    return core_schema.union_schema(
        [core_schema.typed_dict_schema(fields, extra_behavior="ignore"), core_schema.any_schema()],
        mode="left_to_right",
    )


def decoder(spec: Fields) -> Decoder:
    """A JSON decoder that builds only `spec`'s fields of objects and keeps other values whole."""
    validator = SchemaValidator(_schema(spec))

    def decode(text: bytes | str) -> Any:
        try:
            return validator.validate_json(text)
        except ValidationError as error:  # only malformed JSON: every shape is accepted
            first = error.errors(include_url=False)[0]
            raise ValueError(str(first["msg"]).removeprefix("Invalid JSON: ")) from None

    return decode
