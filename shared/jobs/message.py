"""A Pub/Sub message as plain values, whatever delivered it (Eventarc CloudEvent, push JSON)."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from typing import Any

from shared.errors import InvalidRequest

__all__ = ["JOB_ID", "PubSubMessage", "from_body", "from_push"]

JOB_ID = re.compile(r"^[a-f0-9]{32}$")


@dataclass(frozen=True, slots=True)
class PubSubMessage:
    message_id: str
    data: bytes
    attributes: dict[str, str] = field(default_factory=dict)
    delivery_attempt: int | None = None
    subscription: str | None = None

    @property
    def kind(self) -> str:
        return self.attributes.get("kind", "job")

    def job_id(self) -> str | None:
        """The job this message is about, or None when it is not a well-formed job message."""
        candidate = self.attributes.get("job_id") or self.data.decode("utf-8", "replace").strip()
        return candidate if JOB_ID.match(candidate) else None


def from_push(payload: Any) -> PubSubMessage:
    """`{"message": {data, attributes, messageId, ...}, "subscription", "deliveryAttempt"}`.

    This is both the push body and the `data` of Eventarc's messagePublished CloudEvent.
    """
    if not isinstance(payload, dict) or not isinstance(payload.get("message"), dict):
        raise InvalidRequest("not a Pub/Sub message envelope (no `message` object)")
    message = payload["message"]
    try:
        data = base64.b64decode(message.get("data") or "", validate=True)
    except (binascii.Error, ValueError):
        raise InvalidRequest("message.data is not base64") from None
    attributes = message.get("attributes") or {}
    attempt = payload.get("deliveryAttempt")
    return PubSubMessage(
        message_id=str(message.get("messageId") or message.get("message_id") or ""),
        data=data,
        attributes={str(k): str(v) for k, v in attributes.items()},
        delivery_attempt=int(attempt) if isinstance(attempt, int | str) and str(attempt).isdigit() else None,
        subscription=payload.get("subscription"),
    )


def from_body(body: bytes) -> PubSubMessage:
    """An HTTP delivery's body, whoever sent it: a push subscription's JSON, a binary-mode Eventarc
    CloudEvent (its body is that same JSON), or a structured CloudEvent (the JSON under `data`)."""
    try:
        payload = json.loads(body or b"null")
    except ValueError:
        raise InvalidRequest("delivery body is not JSON") from None
    if isinstance(payload, dict) and "message" not in payload and isinstance(payload.get("data"), dict):
        payload = payload["data"]
    return from_push(payload)
