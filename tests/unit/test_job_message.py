"""Pub/Sub envelopes (push JSON = Eventarc's CloudEvent data) to plain values."""

from __future__ import annotations

import base64
import json

import pytest

from shared.errors import InvalidRequest
from shared.jobs.message import from_body, from_push

JOB = "0123456789abcdef0123456789abcdef"


def envelope(data: bytes, **attributes: str) -> dict[str, object]:
    return {
        "message": {"data": base64.b64encode(data).decode(), "attributes": attributes, "messageId": "42"},
        "subscription": "projects/p/subscriptions/s",
        "deliveryAttempt": 3,
    }


def test_job_id_from_data_or_attribute() -> None:
    message = from_push(envelope(JOB.encode()))
    assert message.job_id() == JOB
    assert message.message_id == "42"
    assert message.delivery_attempt == 3
    assert message.kind == "job"
    assert from_push(envelope(b"", job_id=JOB)).job_id() == JOB


@pytest.mark.parametrize("data", [b"not-a-job", b"../../etc", JOB.upper().encode(), b""])
def test_malformed_job_ids_are_none(data: bytes) -> None:
    assert from_push(envelope(data)).job_id() is None


def test_sweep_kind() -> None:
    assert from_push(envelope(b"sweep", kind="sweep")).kind == "sweep"


@pytest.mark.parametrize("payload", [None, [], {"message": "x"}, {"message": {"data": "!!notbase64"}}])
def test_not_an_envelope(payload: object) -> None:
    with pytest.raises(InvalidRequest):
        from_push(payload)


def test_from_body_reads_a_raw_push_and_both_cloudevent_modes_alike() -> None:
    push = envelope(JOB.encode(), kind="job")
    raw = from_body(json.dumps(push).encode())  # push subscription (and binary-mode CloudEvent)
    structured = from_body(json.dumps({"specversion": "1.0", "data": push}).encode())
    assert raw == structured
    assert raw.job_id() == JOB
    assert raw.delivery_attempt == 3


def test_from_body_refuses_what_is_not_a_message() -> None:
    for body in (b"", b"not json", b"[]", b'{"data": "x"}'):
        with pytest.raises(InvalidRequest):
            from_body(body)
