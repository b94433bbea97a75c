"""A Gemini body's shape is validated once per distinct body: repeats skip pydantic, failures never do."""

from __future__ import annotations

import orjson
import pytest
from pytest_mock import MockerFixture

from shared.dialects import gemini, validation
from shared.dialects.validation import AcceptedBodies
from shared.errors import InvalidRequest


def body(text: str) -> bytes:
    return orjson.dumps({"contents": [{"role": "user", "parts": [{"text": text}]}]})


def test_a_repeated_body_is_validated_once_and_parses_the_same(mocker: MockerFixture) -> None:
    spy = mocker.spy(validation, "validate")
    accepted = AcceptedBodies(gemini.GenerateContentRequest)
    for text in ("one", "two", "one", "two", "one"):
        data = orjson.loads(body(text))
        accepted.check(body(text), data)
    assert spy.call_count == 2  # one per distinct body
    first, again = gemini.parse_generate(body("three")), gemini.parse_generate(body("three"))
    assert first == again == orjson.loads(body("three"))


def test_an_invalid_body_fails_every_time(mocker: MockerFixture) -> None:
    spy = mocker.spy(validation, "validate")
    bad = orjson.dumps({"contents": [{"role": "user", "parts": "not a list"}]})
    for _ in range(3):
        with pytest.raises(InvalidRequest):
            gemini.parse_generate(bad)
    assert spy.call_count == 3


def test_large_bodies_are_always_validated_and_the_memo_is_bounded(mocker: MockerFixture) -> None:
    spy = mocker.spy(validation, "validate")
    accepted = AcceptedBodies(gemini.GenerateContentRequest, max_entries=2, max_body_bytes=100)
    large = body("x" * 200)
    for _ in range(2):
        accepted.check(large, orjson.loads(large))
    assert spy.call_count == 2
    for text in ("a", "b", "c", "a"):  # "c" fills the memo past 2: cleared, so "a" is checked again
        accepted.check(body(text), orjson.loads(body(text)))
    assert spy.call_count == 2 + 4
