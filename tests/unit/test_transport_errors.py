"""Every way an upstream hop fails maps to one retryable Gatehouse error naming the target
(shared/providers/transport.py), the original kept as the cause."""

from __future__ import annotations

import aiohttp
import orjson
import pytest
from aiohttp.http_exceptions import LineTooLong

from shared.errors import DeadlineExceeded, UpstreamError
from shared.providers.base import Target
from shared.providers.transport import transport_errors

TARGET = Target("vertex", "gemini-2.5-flash", "us-central1")


@pytest.mark.parametrize(
    ("raised", "kind", "status", "words"),
    [
        (TimeoutError(), DeadlineExceeded, 504, "timed out"),
        (aiohttp.ServerTimeoutError(), DeadlineExceeded, 504, "timed out"),  # also a ClientError
        (aiohttp.ClientPayloadError("cut"), UpstreamError, 502, "stream ended early"),
        (LineTooLong(b"x", 10), UpstreamError, 502, "unreadable answer (LineTooLong)"),
        (orjson.JSONDecodeError("bad", "x", 0), UpstreamError, 502, "unreadable answer (JSONDecodeError)"),
        (aiohttp.ClientConnectionError(), UpstreamError, 503, "unreachable (ClientConnectionError)"),
        (ConnectionResetError(), UpstreamError, 503, "unreachable (ConnectionResetError)"),
    ],
)
def test_transport_failures_map_to_one_error_naming_the_target(
    raised: Exception, kind: type[Exception], status: int, words: str
) -> None:
    with pytest.raises(kind) as caught, transport_errors(TARGET):
        raise raised
    assert caught.value.status == status  # type: ignore[attr-defined]
    assert words in str(caught.value)
    assert TARGET.name in str(caught.value)
    assert caught.value.__cause__ is raised


def test_other_errors_and_success_pass_through() -> None:
    with transport_errors(TARGET):
        pass
    with pytest.raises(ValueError, match="mine"), transport_errors(TARGET):
        raise ValueError("mine")
