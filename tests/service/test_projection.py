"""Decoding only the fields the routes read: same routing, same errors as a full parse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic_core import from_json

from core.contract import TaskSpec
from service.webhooks.endpoint import LOG_FIELDS, payload_decoders
from service.webhooks.event import Event, PayloadError
from service.webhooks.projection import Fields, decoder, merge
from service.webhooks.routes import build_router
from service.webhooks.routing import Router
from tests.service.deliveries import FIXTURES, dumps, payload

ROUTER = build_router()
DECODERS = payload_decoders(ROUTER)
PROJECTED_FIXTURES = sorted(
    path.relative_to(FIXTURES).as_posix()
    for event in DECODERS
    for path in (FIXTURES / event).glob("*.json")
)


def test_the_pull_request_event_is_decoded_by_projection() -> None:
    assert "pull_request" in DECODERS
    assert any(name.startswith("pull_request/") for name in PROJECTED_FIXTURES)


def _outcome(event: Event) -> tuple[list[TaskSpec] | str, list[Any]]:
    try:
        tasks: list[TaskSpec] | str = ROUTER.dispatch(event)
    except PayloadError as error:
        tasks = error.diagnostics()
    logged = [event.action, event.get("installation", "id"), event.get("repository", "full_name")]
    return tasks, logged


@pytest.mark.parametrize("name", PROJECTED_FIXTURES)
def test_projected_payload_routes_and_logs_like_the_full_one(name: str) -> None:
    body = (FIXTURES / name).read_bytes()
    event_name = Path(name).parent.name
    projected = Event(event_name, "d-1", DECODERS[event_name](body))
    full = Event(event_name, "d-1", from_json(body))
    assert _outcome(projected) == _outcome(full)
    assert len(repr(projected.payload)) < len(repr(full.payload)) / 10


def _variant(name: str, **changes: Any) -> bytes:
    data = payload(name)
    data.update(changes)
    return dumps(data)


VARIANTS = {
    "edited-base": _variant("pull_request/edited.json", changes={"base": {"ref": {"from": "x"}}}),
    "head-not-object": _variant(
        "pull_request/opened.json",
        pull_request={
            **payload("pull_request/opened.json")["pull_request"],
            "head": "sha",
        },
    ),
    "no-installation": _variant("pull_request/synchronize.json", installation=None),
    "repository-list": _variant("pull_request/reopened.json", repository=[1]),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_projected_variants_route_like_the_full_payload(variant: str) -> None:
    body = VARIANTS[variant]
    projected = Event("pull_request", "d-1", DECODERS["pull_request"](body))
    full = Event("pull_request", "d-1", from_json(body))
    assert _outcome(projected) == _outcome(full)


SPEC: Fields = {"a": None, "b": {"c": None, "d": {"e": None}}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b'{"a": [1, {"x": 2}], "z": {"big": [1, 2, 3]}}', {"a": [1, {"x": 2}]}),
        (b'{"b": {"c": 1, "d": {"e": "s", "f": 0}, "g": 2}}', {"b": {"c": 1, "d": {"e": "s"}}}),
        (b'{"b": 5}', {"b": 5}),  # not an object: kept whole, the route reports the type
        (b'{"b": {"d": [1, 2]}}', {"b": {"d": [1, 2]}}),
        (b'{"b": null}', {"b": None}),
        (b"[1, 2]", [1, 2]),
        (b'"text"', "text"),
        (b'{"a": 1, "a": 2}', {"a": 2}),
        (b"{}", {}),
    ],
)
def test_decoder_keeps_declared_fields_and_non_objects_whole(text: bytes, expected: Any) -> None:
    assert decoder(SPEC)(text) == expected
    assert decoder(SPEC)(text.decode()) == expected


@pytest.mark.parametrize(
    "text",
    [
        b"{not json",
        b"",
        b"\xff\xfe{}",
        b'{"a": 1} trailing',
        b'{"z": [1, 2,]}',
        b'{"z": {"k" 1}}',
        b'{"z": tru}',
        b'{"z": "\\q"}',
        b'{"z": 01}',
        b'{"z": "\xff"}',
        b'{"b": {"z": [}}',
    ],
)
def test_malformed_json_anywhere_is_refused_with_the_full_parsers_message(text: bytes) -> None:
    with pytest.raises(ValueError) as full:
        from_json(text)
    with pytest.raises(ValueError) as projected:
        decoder(SPEC)(text)
    assert str(projected.value) == str(full.value)


@pytest.mark.parametrize(
    ("specs", "expected"),
    [
        (({"a": None}, {"b": {"c": None}}), {"a": None, "b": {"c": None}}),
        (({"b": {"c": None}}, {"b": {"d": None}}), {"b": {"c": None, "d": None}}),
        (({"b": {"c": None}}, {"b": None}), {"b": None}),
        (({"a": None}, None), None),
        ((), {}),
    ],
)
def test_merge(specs: tuple[Fields | None, ...], expected: Fields | None) -> None:
    assert merge(*specs) == expected


def _router(event: str, fields: Fields | None) -> Router:
    router = Router()
    router.register(event, "opened")(lambda event: None)
    if fields is not None:
        router.reads(event, fields)
    return router


@pytest.mark.parametrize(
    ("routers", "expected"),
    [
        ((_router("e", {"a": None}), _router("e", {"b": None})), {"a": None, "b": None}),
        ((_router("e", {"a": None}), _router("e", None)), None),
        ((_router("e", None), _router("other", {"a": None})), None),
        ((_router("other", {"a": None}),), {}),
    ],
)
def test_an_event_is_projected_only_when_every_router_handling_it_declares_reads(
    routers: tuple[Router, ...], expected: Fields | None
) -> None:
    assert Router(*routers).fields("e") == expected
    assert Router(Router(*routers)).fields("e") == expected


def test_decoders_cover_only_events_whose_fields_are_known() -> None:
    router = Router(_router("declared", {"a": None}), _router("undeclared", None))
    decoders = payload_decoders(router)
    assert sorted(decoders) == ["declared"]
    body = b'{"a": 1, "action": "x", "installation": {"id": 3, "z": 1}, "repository": {}, "q": 2}'
    assert decoders["declared"](body) == {
        "a": 1,
        "action": "x",
        "installation": {"id": 3},
        "repository": {},
    }
    assert set(LOG_FIELDS) <= {"action", "installation", "repository"}
