"""The REST document read (the cache's L2 read): typed values decoded as the client library returns
them, a missing document is None, and every failure is a RestReadError the cache turns into a miss."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

import aiohttp
import orjson
import pytest

from shared.cache.store import FirestoreCache
from shared.firestore_rest import RestDocuments, RestReadError, decode_fields
from shared.providers.credentials import StaticToken


class Response:
    def __init__(self, status: int, payload: bytes) -> None:
        self.status, self._payload = status, payload

    async def read(self) -> bytes:
        return self._payload

    async def __aenter__(self) -> Response:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


class Session:
    def __init__(self, status: int = 200, payload: Any = None, error: Exception | None = None) -> None:
        self.status, self.payload, self.error = status, payload, error
        self.calls: list[tuple[str, dict[str, str]]] = []

    def get(self, url: str, *, headers: dict[str, str], timeout: Any) -> Response:
        self.calls.append((url, headers))
        if self.error is not None:
            raise self.error
        raw = self.payload if isinstance(self.payload, bytes) else orjson.dumps(self.payload)
        return Response(self.status, raw)


class PostSession(Session):
    """Records POSTs (the commits) as `(url, headers, body)`."""

    def __init__(self, status: int = 200, payload: Any = None) -> None:
        super().__init__(status, payload if payload is not None else {"writeResults": [{}]})
        self.posts: list[tuple[str, dict[str, str], Any]] = []

    def post(self, url: str, *, data: bytes, headers: dict[str, str], timeout: Any) -> Response:
        self.posts.append((url, headers, orjson.loads(data)))
        raw = self.payload if isinstance(self.payload, bytes) else orjson.dumps(self.payload)
        return Response(self.status, raw)


def documents(session: Session, emulator: str | None = "127.0.0.1:8085") -> RestDocuments:
    return RestDocuments(lambda: session, StaticToken("owner"), "demo", emulator_host=emulator)  # type: ignore[arg-type]


def test_typed_values_decode_as_the_client_library_returns_them() -> None:
    fields = {
        "s": {"stringValue": "x"},
        "i": {"integerValue": "12"},
        "d": {"doubleValue": 0.25},
        "b": {"booleanValue": True},
        "n": {"nullValue": None},
        "t": {"timestampValue": "2026-11-30T01:02:03.123456789Z"},
        "t0": {"timestampValue": "2026-11-30T01:02:03Z"},
        "m": {"mapValue": {"fields": {"k": {"integerValue": "1"}}}},
        "a": {"arrayValue": {"values": [{"stringValue": "y"}, {"doubleValue": 1.5}]}},
        "raw": {"bytesValue": "aGk="},
    }
    assert decode_fields(fields) == {
        "s": "x",
        "i": 12,
        "d": 0.25,
        "b": True,
        "n": None,
        "t": datetime(2026, 11, 30, 1, 2, 3, 123456, tzinfo=UTC),
        "t0": datetime(2026, 11, 30, 1, 2, 3, tzinfo=UTC),
        "m": {"k": 1},
        "a": ["y", 1.5],
        "raw": b"hi",
    }


async def test_a_masked_read_of_one_document() -> None:
    session = Session(payload={"name": "x", "fields": {"tenant": {"stringValue": "t"}}})
    got = await documents(session).get("cache_entries", "k/1", ("tenant", "expire_at"), 1.0)
    assert got == {"tenant": "t"}
    url, headers = session.calls[0]
    assert url == (
        "http://127.0.0.1:8085/v1/projects/demo/databases/(default)/documents/cache_entries/k%2F1"
        "?mask.fieldPaths=tenant&mask.fieldPaths=expire_at"
    )
    assert headers["Authorization"] == "Bearer owner"
    missing = {
        "error": {
            "code": 404,
            "message": 'Document "projects/demo/databases/(default)/documents/c/k" not found.',
        }
    }
    production = Session(status=404, payload=missing)
    assert await documents(production, emulator=None).get("c", "k", ("a",), 1.0) is None  # absent
    assert production.calls[0][0].startswith("https://firestore.googleapis.com/v1/projects/demo/")


@pytest.mark.parametrize(
    "session",
    [
        Session(status=503, payload={"error": {"code": 503}}),
        Session(status=403, payload={"error": {"code": 403}}),
        Session(payload=b"not json"),
        Session(error=aiohttp.ClientConnectionError("refused")),
    ],
)
async def test_failures_raise_and_the_cache_serves_a_miss(session: Session) -> None:
    with pytest.raises(RestReadError):
        await documents(session).get("cache_entries", "k", ("tenant",), 1.0)
    store = FirestoreCache(lambda: None, reader=documents(session), trip_after=1)
    assert await store.get("k") is None
    assert store.errors == 1
    assert not store.available


async def test_the_cache_reads_an_entry_through_rest() -> None:
    answer = orjson.dumps({"candidates": [{"content": {"parts": [{"text": "hi"}]}}]}).decode()
    fields = {
        "tenant": {"stringValue": "t"},
        "model": {"stringValue": "m"},
        "scope": {"stringValue": "s"},
        "question": {"nullValue": None},
        "response": {"stringValue": answer},
        "tokens": {"integerValue": "7"},
        "expire_at": {"timestampValue": "2999-01-01T00:00:00Z"},
    }
    store = FirestoreCache(lambda: None, reader=documents(Session(payload={"fields": fields})))
    entry = await store.get("k")
    assert entry is not None
    assert (entry.tenant, entry.response, entry.tokens, entry.question) == ("t", answer.encode(), 7, None)
    assert entry.expire_at == datetime(2999, 1, 1, tzinfo=UTC).timestamp()
    gone = {**fields, "expire_at": {"timestampValue": "2000-01-01T00:00:00Z"}}
    assert (
        await FirestoreCache(lambda: None, reader=documents(Session(payload={"fields": gone}))).get("k")
        is None
    )


class Scripted(Session):
    """Answers (status, payload) or raises, one script item per call."""

    def __init__(self, *script: tuple[int, Any] | Exception) -> None:
        super().__init__()
        self.script = list(script)

    def get(self, url: str, *, headers: dict[str, str], timeout: Any) -> Response:
        self.calls.append((url, headers))
        step = self.script.pop(0)
        if isinstance(step, Exception):
            raise step
        status, payload = step
        return Response(status, orjson.dumps(payload))


EMULATOR_MISSING = {
    "error": {"code": 404, "message": "Document (projects/demo/databases/(default)/documents/c/k) not found."}
}
NO_DATABASE = {
    "error": {
        "code": 404,
        "message": "The database (default) does not exist for project demo Please visit https://x.",
        "status": "NOT_FOUND",
    }
}


async def test_only_a_missing_document_is_none_a_missing_database_is_a_failure() -> None:
    assert await documents(Scripted((404, EMULATOR_MISSING))).get("c", "k", (), 1.0) is None
    for payload in (NO_DATABASE, {"error": {"code": 404}}, "Not Found"):
        with pytest.raises(RestReadError) as caught:
            await documents(Scripted((404, payload))).get("c", "k", (), 1.0)
        assert caught.value.status == 404
    with pytest.raises(RestReadError, match=r"HTTP 404, NOT_FOUND$") as caught:
        await documents(Scripted((404, NO_DATABASE))).get("c", "k", (), 1.0)
    assert "demo" not in str(caught.value)  # the Google status only: no message, no resource names


async def test_one_retry_on_a_transient_error() -> None:
    ok = (200, {"fields": {"a": {"stringValue": "x"}}})
    for first in ((503, {"error": {"code": 503}}), (500, {}), aiohttp.ServerDisconnectedError()):
        session = Scripted(first, ok)
        assert await documents(session).get("c", "k", (), 1.0) == {"a": "x"}
        assert len(session.calls) == 2
    twice = Scripted((503, {"error": {"status": "UNAVAILABLE"}}), (503, {"error": {"status": "UNAVAILABLE"}}))
    with pytest.raises(RestReadError, match="HTTP 503, UNAVAILABLE"):
        await documents(twice).get("c", "k", (), 1.0)
    assert len(twice.calls) == 2
    denied = Scripted((403, {"error": {"status": "PERMISSION_DENIED"}}))
    with pytest.raises(RestReadError, match="PERMISSION_DENIED"):
        await documents(denied).get("c", "k", (), 1.0)
    assert len(denied.calls) == 1  # not transient: no retry
    no_time = Scripted((503, {}), ok)
    with pytest.raises(RestReadError):
        await documents(no_time).get("c", "k", (), 0.02)  # no time left for a retry
    assert len(no_time.calls) == 1


class FailingToken:
    async def token(self) -> str:
        from google.auth.exceptions import RefreshError

        raise RefreshError("metadata server unreachable")


async def test_a_token_failure_is_a_typed_read_error_and_the_cache_serves_a_miss() -> None:
    from shared.errors import ServiceUnavailable
    from shared.secrets import RestSecretReader

    session = Scripted()
    reader = RestDocuments(lambda: session, FailingToken(), "demo")  # type: ignore[arg-type]
    with pytest.raises(RestReadError, match=r"token unavailable \(RefreshError\)"):
        await reader.get("c", "k", (), 1.0)
    store = FirestoreCache(lambda: None, reader=reader, trip_after=1)
    assert await store.get("k") is None
    secrets = RestSecretReader(lambda: session, FailingToken())  # type: ignore[arg-type]
    with pytest.raises(ServiceUnavailable, match="RefreshError"):
        await secrets.access("projects/p/secrets/s/versions/latest")
    assert session.calls == []


async def test_a_batch_of_entries_is_one_rest_commit_of_typed_fields_that_decode_back() -> None:
    from shared.cache.store import Entry

    session = PostSession()
    store = FirestoreCache(lambda: None, writer=documents(session), write_delay_s=0.01, clock=lambda: 1e9)
    answer = orjson.dumps({"candidates": [{"content": {"parts": [{"text": "hi"}]}}]})
    one = Entry("k1", "t", "m", "s", "q über", answer, 2e9, 7)
    two = Entry("k2", "t", "m", "s", None, answer, 2e9, 0)
    store.spawn(store.put(one, [0.5, 0.25]))
    store.spawn(store.put(two))
    await store.drain()
    assert store.errors == 0
    [(url, headers, body)] = session.posts  # one commit for the batch
    assert url == "http://127.0.0.1:8085/v1/projects/demo/databases/(default)/documents:commit"
    assert headers["x-goog-request-params"] == "database=projects%2Fdemo%2Fdatabases%2F%28default%29"
    names = [write["update"]["name"] for write in body["writes"]]
    assert names == [f"projects/demo/databases/(default)/documents/cache_entries/{k}" for k in ("k1", "k2")]
    first = decode_fields(body["writes"][0]["update"]["fields"])
    assert first["embedding"] == {"__type__": "__vector__", "value": [0.5, 0.25]}  # the client's vector map
    assert (first["question"], first["response"], first["tokens"]) == ("q über", answer.decode(), 7)
    assert first["expire_at"] == datetime.fromtimestamp(2e9, UTC)
    assert decode_fields(body["writes"][1]["update"]["fields"])["question"] is None
    assert "embedding" not in body["writes"][1]["update"]["fields"]


async def test_a_failed_rest_commit_is_a_lost_write_not_an_error() -> None:
    from shared.cache.store import Entry

    store = FirestoreCache(
        lambda: None, writer=documents(PostSession(status=403, payload=b"{}")), write_delay_s=0
    )
    assert not await store.put(Entry("k", "t", "m", "s", None, b"{}", 2e9))
    assert store.errors == 1


async def test_a_rest_batch_is_bounded_by_its_json_size() -> None:
    """Over REST an answer is escaped JSON inside JSON and a float ~30 bytes: a batch is flushed by
    that size, so a commit stays under Firestore's request limit."""
    from shared.cache.store import Entry

    session = PostSession()
    store = FirestoreCache(lambda: None, writer=documents(session), write_delay_s=60, write_max_bytes=5_000)
    answer = orjson.dumps({"text": '"' * 1_000})  # escaped: ~2 KB of JSON
    vector = [-0.012345679104328156, 1.2345678e-05, 0.3333333432674408, -0.9876543283462524] * 4  # float32s
    for key in ("a", "b", "c"):
        store.spawn(store.put(Entry(key, "t", "m", "s", "q\x01\x02", answer, 2e9), vector))
        await asyncio.sleep(0)
    await store.drain()
    assert [len(body["writes"]) for _, _, body in session.posts] == [2, 1]
    for _, _, body in session.posts:  # the estimate covers the real JSON of the answer, question and vector
        fields = [orjson.dumps(write["update"]["fields"]) for write in body["writes"]]
        assert all(len(f) <= 2 * len(answer) + 6 * 3 + 40 * len(vector) + 400 for f in fields)
        [vector_json] = {len(orjson.dumps(w["update"]["fields"]["embedding"])) for w in body["writes"]}
        assert vector_json > 32 * len(vector)  # what the old estimate assumed: it undercounted


async def test_a_batch_commits_after_the_deadline_of_the_request_that_opened_it() -> None:
    """The batch's commit runs in a task that copied the first request's context: it must not inherit
    that request's deadline (spent by the time the batch flushes), or every entry of the batch is lost."""
    from shared.cache.store import Entry
    from shared.deadline import reset_deadline, set_deadline

    session = PostSession()
    store = FirestoreCache(lambda: None, writer=documents(session), write_delay_s=0.01)
    token = set_deadline(time.monotonic() - 1)  # the request's deadline has passed
    try:
        store.spawn(store.put(Entry("k", "t", "m", "s", None, b"{}", 2e9)))
    finally:
        reset_deadline(token)
    await asyncio.sleep(0.1)  # the batch's timer fires in that context (drain would flush from this one)
    assert (len(session.posts), store.errors) == (1, 0)
    await store.drain()


@pytest.mark.parametrize("offset_h", [0.0, 5.5, -8.0, None])
def test_a_written_timestamp_is_rfc3339_utc_and_the_same_instant(offset_h: float | None) -> None:
    """`timestampValue`s are written by orjson (not `isoformat`, ~5x the CPU; two per cache entry):
    Zulu, microseconds kept (dropped only when zero), the same instant as the isoformat spelling for
    aware datetimes in any zone and for naive ones (local time, as `astimezone` reads them)."""
    from datetime import timedelta, timezone

    from shared.firestore_rest import _encoded, _timestamp

    zone = None if offset_h is None else timezone(timedelta(hours=offset_h))
    for stamp in (1e9, 1e9 + 0.123456, 1.7e9 + 0.000001, -2e9 + 0.5, 2.5e11):
        value = datetime.fromtimestamp(stamp, zone)
        written = _encoded(value)["timestampValue"]
        spelled = value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"
        assert written.endswith("Z")
        assert "+" not in written
        assert _timestamp(written) == _timestamp(spelled) == value.astimezone(UTC)
    written = _encoded(datetime(2026, 12, 1, 1, 2, 3, 400, tzinfo=UTC))
    assert written == {"timestampValue": "2026-12-01T01:02:03.000400Z"}
    assert _encoded(datetime(1, 1, 1, tzinfo=UTC)) == {"timestampValue": "0001-01-01T00:00:00Z"}


async def test_a_read_whose_token_hangs_is_a_miss_after_the_stores_timeout() -> None:
    """The store's own timeout bounds the whole REST read, the token's fetch included (which
    `google_send`'s budget does not cover): a hanging token is a miss after `timeout_s`."""

    class Hanging:
        async def token(self) -> str:
            await asyncio.sleep(5)
            return "late"

    session = Session(status=404, payload={"error": {"code": 404}})
    reader = RestDocuments(lambda: session, Hanging(), "demo", emulator_host="127.0.0.1:8085")  # type: ignore[arg-type]
    store = FirestoreCache(lambda: None, reader=reader, timeout_s=0.05)
    assert await store.get("k") is None
    assert (store.errors, session.calls) == (1, [])  # timed out before the token came: no GET sent
