"""The Google API GET shared by the Firestore and Secret Manager REST reads (shared/google_rest.py):
the same "missing" semantics (a 404 is missing only in the API's own words), the same one retry, the
same typed failures, and a retry that starts only when it can finish inside the calling guard's
per-call budget."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import aiohttp
import orjson
import pytest

from shared.deadline import call_remaining, reset_deadline, set_deadline
from shared.errors import ServiceUnavailable
from shared.firestore_rest import RestDocuments, RestReadError
from shared.resilience.guard import DependencyGuard
from shared.secrets import RestSecretReader, SecretManagerStore
from tests.unit.test_firestore_rest import FailingToken, Response, documents

SECRET = "projects/p/secrets/pepper/versions/latest"
OK_SECRET = (200, {"name": "projects/123/secrets/pepper/versions/3", "payload": {"data": "aGk="}})
OK_DOC = (200, {"fields": {"a": {"stringValue": "x"}}})
# Secret Manager's NOT_FOUND bodies (Google's error model, https://google.aip.dev/193; the message
# names the project by number): no secret / no versions, and no such version
NO_SECRET = {
    "error": {
        "code": 404,
        "message": "Secret [projects/123/secrets/pepper] not found or has no versions.",
        "status": "NOT_FOUND",
    }
}
NO_VERSION = {
    "error": {
        "code": 404,
        "message": "Secret Version [projects/123/secrets/pepper/versions/9] not found.",
        "status": "NOT_FOUND",
    }
}
HTML_404 = b"<!DOCTYPE html><html lang=en><title>Error 404 (Not Found)!!1</title>"


class Slow:
    """A session answering one script item per call, after its delay: (seconds, status, payload), or
    (seconds, exception) raised then, or an exception raised at once."""

    def __init__(self, *script: tuple[Any, ...] | Exception) -> None:
        self.script = list(script)
        self.calls: list[float] = []

    def get(self, url: str, *, headers: dict[str, str], timeout: Any) -> Any:
        self.calls.append(time.monotonic())
        step = self.script.pop(0)
        if isinstance(step, Exception):
            raise step
        if isinstance(step[1], Exception):
            return _Delayed(step[0], step[1])
        delay, status, payload = step
        raw = payload if isinstance(payload, bytes) else orjson.dumps(payload)
        return _Delayed(delay, Response(status, raw))


class _Delayed:
    def __init__(self, delay: float, answer: Response | Exception) -> None:
        self.delay, self.answer = delay, answer

    async def __aenter__(self) -> Response:
        await asyncio.sleep(self.delay)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    async def __aexit__(self, *exc: object) -> None:
        return None


def reader(session: Slow, tokens: Any = None, timeout_s: float = 10.0) -> RestSecretReader:
    return RestSecretReader(lambda: session, tokens, "http://127.0.0.1:9", timeout_s)  # type: ignore[arg-type]


async def test_a_404_is_a_missing_secret_only_in_secret_managers_words() -> None:
    for body in (NO_SECRET, NO_VERSION):
        assert await reader(Slow((0, 404, body))).access(SECRET) is None
    not_missing = [
        HTML_404,  # the front end's page for a wrong path or endpoint
        {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}},
        {"error": {"code": 404, "message": "Secret [projects/123/secrets/pepper] not found.", "status": "X"}},
        {"error": {"code": 404}},
    ]
    for body in not_missing:
        with pytest.raises(ServiceUnavailable, match="HTTP 404"):
            await reader(Slow((0, 404, body))).access(SECRET)
    disabled = {"error": {"code": 400, "message": "is in DISABLED state", "status": "FAILED_PRECONDITION"}}
    with pytest.raises(ServiceUnavailable, match=r"HTTP 400, FAILED_PRECONDITION\)$") as caught:
        await reader(Slow((0, 400, disabled))).access(SECRET)
    assert "DISABLED state" not in str(caught.value)  # the canonical status only, never the message


async def test_secret_reads_retry_once_like_the_firestore_reads() -> None:
    for first in (
        (0, 503, {"error": {"status": "UNAVAILABLE"}}),
        (0, 500, {}),
        aiohttp.ServerDisconnectedError(),
    ):
        session = Slow(first, (0, *OK_SECRET))
        assert await reader(session).access(SECRET) == b"hi"
        assert len(session.calls) == 2
        assert session.calls[1] - session.calls[0] >= 0.01  # jittered pause
    twice = Slow(
        (0, 503, {"error": {"status": "UNAVAILABLE"}}), (0, 503, {"error": {"status": "UNAVAILABLE"}})
    )
    with pytest.raises(ServiceUnavailable, match="HTTP 503, UNAVAILABLE"):
        await reader(twice).access(SECRET)
    assert len(twice.calls) == 2
    denied = Slow((0, 403, {"error": {"status": "PERMISSION_DENIED"}}))
    with pytest.raises(ServiceUnavailable, match="PERMISSION_DENIED"):
        await reader(denied).access(SECRET)
    assert len(denied.calls) == 1  # not transient: no retry
    refused = Slow(aiohttp.ClientConnectionError("refused"))
    with pytest.raises(ServiceUnavailable, match="ClientConnectionError"):
        await reader(refused).access(SECRET)
    assert len(refused.calls) == 1
    no_time = Slow((0, 503, {}), (0, *OK_SECRET))
    with pytest.raises(ServiceUnavailable):
        await reader(no_time, timeout_s=0.02).access(SECRET)  # no time left for a retry
    assert len(no_time.calls) == 1


async def test_a_token_failure_is_typed_for_both_reads() -> None:
    session = Slow()
    with pytest.raises(ServiceUnavailable, match=r"token unavailable \(RefreshError\)"):
        await reader(session, FailingToken()).access(SECRET)
    firestore = RestDocuments(lambda: session, FailingToken(), "demo")  # type: ignore[arg-type]
    with pytest.raises(RestReadError, match=r"token unavailable \(RefreshError\)"):
        await firestore.get("c", "k", (), 1.0)
    assert session.calls == []


async def test_the_guard_tells_the_call_its_budget() -> None:
    guard = DependencyGuard("dep", timeout_s=0.4)
    seen: list[float | None] = []

    async def look() -> None:
        seen.append(call_remaining())

    await guard.call(look)
    assert seen[0] is not None
    assert 0.3 < seen[0] <= 0.4
    assert call_remaining() is None  # reset after the call
    token = set_deadline(time.monotonic() + 0.2)  # a nearer request deadline wins
    try:
        await guard.call(look)
    finally:
        reset_deadline(token)
    assert seen[1] is not None
    assert seen[1] <= 0.2


@pytest.mark.parametrize("kind", ["firestore", "secret manager"])
async def test_a_retry_starts_only_if_it_can_finish_inside_the_guards_budget(kind: str) -> None:
    """The guard gives a call 0.3 s. A first attempt that took 0.2 s and got a 503 leaves ~0.1 s: a
    retry as slow would be cut off by the guard, so none starts and the 503 is the answer (well before
    the guard's timeout). A first 503 that came back at once leaves time, so the retry runs."""
    ok = OK_DOC if kind == "firestore" else OK_SECRET

    def read(session: Slow) -> Any:
        if kind == "firestore":
            return documents(session).get("c", "k", (), 10.0)  # type: ignore[arg-type]
        return reader(session).access(SECRET)

    guard = DependencyGuard(kind, timeout_s=0.3)
    slow = Slow((0.2, 503, {"error": {"status": "UNAVAILABLE"}}), (0.2, *ok))
    started = time.monotonic()
    with pytest.raises(ServiceUnavailable) as caught:
        await guard.call(lambda: read(slow))
    said = f"{caught.value} {caught.value.__cause__}"
    assert "HTTP 503" in said  # the read's own answer, not the guard's timeout
    assert "no answer within" not in said
    assert len(slow.calls) == 1
    assert time.monotonic() - started < 0.29

    fast = Slow((0.0, 503, {"error": {"status": "UNAVAILABLE"}}), (0.05, *ok))
    assert await DependencyGuard(kind, timeout_s=0.3).call(lambda: read(fast)) in ({"a": "x"}, b"hi")
    assert len(fast.calls) == 2

    dropped = Slow((0.2, aiohttp.ServerDisconnectedError()), (0.2, *ok))  # dropped after 0.2 s: same rule
    with pytest.raises(ServiceUnavailable) as caught:
        await DependencyGuard(kind, timeout_s=0.3).call(lambda: read(dropped))
    assert "ServerDisconnectedError" in f"{caught.value} {caught.value.__cause__}"
    assert len(dropped.calls) == 1
    dropped_at_once = Slow(aiohttp.ServerDisconnectedError(), (0.05, *ok))
    assert await DependencyGuard(kind, timeout_s=0.3).call(lambda: read(dropped_at_once)) in (
        {"a": "x"},
        b"hi",
    )


async def test_a_missing_secret_is_cached_as_missing_and_an_html_404_is_not() -> None:
    store = SecretManagerStore(
        "p", lambda: pytest.fail("no client library"), reader=reader(Slow((0, 404, NO_SECRET)))
    )
    assert await store.get("pepper") is None
    broken = SecretManagerStore(
        "p",
        lambda: pytest.fail("no client library"),
        reader=reader(Slow((0, 404, HTML_404), (0, *OK_SECRET))),
    )
    with pytest.raises(ServiceUnavailable):
        await broken.get("pepper")
    assert await broken.get("pepper") == b"hi"  # the failure was not cached as "missing"
