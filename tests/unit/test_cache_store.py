"""FirestoreCache against a fake client: outages degrade to a miss; corrupt entries are deleted."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from google.api_core.exceptions import ServiceUnavailable

from shared.cache.store import Entry, FirestoreCache


class Snap:
    def __init__(self, doc_id: str, data: dict[str, Any] | None) -> None:
        self.id = doc_id
        self._data = data
        self.exists = data is not None

    def to_dict(self) -> dict[str, Any] | None:
        return self._data


class Doc:
    def __init__(self, db: FakeDb, doc_id: str) -> None:
        self.db, self.id = db, doc_id

    async def get(self, field_paths: Any = None, timeout: float | None = None) -> Snap:
        self.db.gets += 1
        if self.db.fail:
            raise ServiceUnavailable("connection refused")
        return Snap(self.id, self.db.docs.get(self.id))

    async def set(self, data: dict[str, Any], timeout: float | None = None) -> None:
        if self.db.fail:
            raise ServiceUnavailable("connection refused")
        self.db.docs[self.id] = data

    async def delete(self, timeout: float | None = None) -> None:
        self.db.docs.pop(self.id, None)


class Batch:
    def __init__(self, db: FakeDb) -> None:
        self.db = db
        self.writes: list[tuple[str, dict[str, Any]]] = []

    def set(self, doc: Doc, data: dict[str, Any]) -> None:
        self.writes.append((doc.id, data))

    async def commit(self, timeout: float | None = None) -> None:
        self.db.commits.append([doc_id for doc_id, _ in self.writes])
        if self.db.fail:
            raise ServiceUnavailable("connection refused")
        self.db.docs.update(self.writes)


class FakeDb:
    def __init__(self) -> None:
        self.docs: dict[str, dict[str, Any]] = {}
        self.fail = False
        self.gets = 0
        self.commits: list[list[str]] = []  # document ids per batch commit

    def batch(self) -> Batch:
        return Batch(self)

    def collection(self, name: str) -> FakeDb:
        return self

    def document(self, doc_id: str) -> Doc:
        return Doc(self, doc_id)


class Clock:
    now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def entry(key: str = "k", expire_at: float = 2_000_000.0) -> Entry:
    return Entry(key, "acme", "m", "scope", "q?", orjson.dumps(answer_body()), expire_at, 3)


def answer_body() -> dict[str, Any]:
    return {"candidates": [{"content": {"parts": [{"text": "a"}]}, "finishReason": "STOP"}]}


async def test_round_trip_and_expiry() -> None:
    db, clock = FakeDb(), Clock()
    store = FirestoreCache(lambda: db, clock=clock)
    assert await store.put(entry())
    got = await store.get("k")
    assert got is not None
    assert orjson.loads(got.response) == answer_body()
    clock.now = 2_000_001.0  # past expire_at: TTL deletion is lazy, readers check it
    assert await store.get("k") is None


async def test_outage_is_a_miss_then_a_cooldown_without_calls() -> None:
    db, clock = FakeDb(), Clock()
    store = FirestoreCache(lambda: db, cooldown_s=5, trip_after=2, clock=clock)
    db.fail = True
    assert await store.get("k") is None
    assert store.available  # one failure is not an outage
    assert await store.put(entry()) is False
    assert not store.available
    calls = db.gets
    assert await store.get("k") is None
    assert db.gets == calls  # resting: no call, no timeout added to the request
    clock.now += 6
    db.fail = False
    await store.put(entry())
    assert await store.get("k") is not None


async def test_corrupt_entry_is_ignored_and_deleted() -> None:
    db = FakeDb()
    store = FirestoreCache(lambda: db, clock=Clock())
    db.docs["bad"] = {"tenant": "acme", "response": "{not json", "expire_at": 2_000_000.0}
    db.docs["worse"] = {"response": 42}
    assert await store.get("bad") is None
    assert await store.get("worse") is None
    await store.drain()
    assert "bad" not in db.docs
    assert "worse" not in db.docs


async def test_slow_store_times_out_as_a_miss() -> None:
    db = FakeDb()

    async def slow_get(field_paths: Any = None, timeout: float | None = None) -> Snap:
        await asyncio.sleep(1)
        return Snap("k", None)

    doc = Doc(db, "k")
    doc.get = slow_get  # type: ignore[method-assign]
    db.document = lambda doc_id: doc  # type: ignore[method-assign]
    store = FirestoreCache(lambda: db, timeout_s=0.05, clock=Clock())
    assert await store.get("k") is None
    assert store.errors == 1


def keyed(key: str) -> Entry:
    return Entry(key, "acme", "m", "s", "q", orjson.dumps({"candidates": []}), 2_000_000.0)


async def test_writes_close_together_land_in_one_commit() -> None:
    db = FakeDb()
    store = FirestoreCache(lambda: db, clock=Clock(), write_delay_s=0.02)
    landed = await asyncio.gather(*(store.put(keyed(f"k{i}")) for i in range(3)))
    assert landed == [True, True, True]
    assert db.commits == [["k0", "k1", "k2"]]
    assert await store.get("k1") is not None


async def test_a_full_batch_is_sent_without_waiting_for_the_delay() -> None:
    db = FakeDb()
    store = FirestoreCache(lambda: db, clock=Clock(), write_delay_s=60, write_max=2)
    landed = await asyncio.wait_for(asyncio.gather(store.put(keyed("a")), store.put(keyed("b"))), 1)
    assert landed == [True, True]
    assert db.commits == [["a", "b"]]


async def test_a_failed_batch_tells_every_writer_and_counts_once() -> None:
    db = FakeDb()
    db.fail = True
    store = FirestoreCache(lambda: db, clock=Clock(), write_delay_s=0.02)
    landed = await asyncio.gather(*(store.put(keyed(f"k{i}")) for i in range(3)))
    assert landed == [False, False, False]
    assert store.errors == 1
    assert db.docs == {}


async def test_drain_sends_what_is_pending() -> None:
    db = FakeDb()
    store = FirestoreCache(lambda: db, clock=Clock(), write_delay_s=60)
    store.spawn(store.put(keyed("a")))
    await asyncio.sleep(0)  # the write is queued, its timer a minute away
    assert db.docs == {}
    await asyncio.wait_for(store.drain(), 1)
    assert "a" in db.docs


def test_vector_query_is_encoded_fast_and_byte_for_byte_as_the_client_does(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", "127.0.0.1:9")  # no credentials; nothing is sent
    from google.cloud import firestore
    from google.cloud.firestore_v1.async_vector_query import AsyncVectorQuery
    from google.cloud.firestore_v1.base_query import FieldFilter
    from google.cloud.firestore_v1.base_vector_query import DistanceMeasure
    from google.cloud.firestore_v1.vector import Vector

    from shared.cache.store import _vector_query

    base = firestore.AsyncClient(project="p").collection("c").where(filter=FieldFilter("tenant", "==", "t"))
    vector = Vector([0.25, -1.0, 3.0e-7, 0.5])

    def query(cls: Any) -> Any:
        return (
            cls(base)
            .find_nearest(
                "embedding",
                vector,
                4,
                DistanceMeasure.COSINE,
                distance_result_field="d",
                distance_threshold=0.4,
            )
            ._to_protobuf()
        )

    client, fast = query(AsyncVectorQuery), query(_vector_query())
    # the same message (map fields compare unordered: their serialized order is not guaranteed)
    assert type(fast).pb(fast) == type(client).pb(client)


def test_a_reused_query_message_carries_each_lookups_own_vector(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", "127.0.0.1:9")  # no credentials; nothing is sent
    from google.cloud import firestore
    from google.cloud.firestore_v1.async_vector_query import AsyncVectorQuery
    from google.cloud.firestore_v1.base_query import FieldFilter
    from google.cloud.firestore_v1.base_vector_query import DistanceMeasure
    from google.cloud.firestore_v1.vector import Vector

    from shared.cache.store import _vector_query

    base = firestore.AsyncClient(project="p").collection("c")

    def query(cls: Any, tenant: str, values: list[float], key: Any = None) -> Any:
        built = cls(base.where(filter=FieldFilter("tenant", "==", tenant))).find_nearest(
            "embedding", Vector(values), 4, DistanceMeasure.COSINE, distance_threshold=0.4
        )
        built.template_key = key
        pb = built._to_protobuf()
        return type(pb).pb(pb)

    for tenant, values in (("t", [0.5, -1.0]), ("t", [2.0, 0.125]), ("u", [0.25, 3.0])):
        fast = query(_vector_query(), tenant, values, ("c", tenant, 0.4, 4))
        assert fast == query(AsyncVectorQuery, tenant, values)  # this lookup's vector and tenant


def test_stored_vector_is_encoded_fast_and_as_the_client_does(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", "127.0.0.1:9")  # no credentials; nothing is sent
    from google.cloud import firestore
    from google.cloud.firestore_v1.vector import Vector

    from shared.cache.store import _set

    db = firestore.AsyncClient(project="p")
    doc = {"tenant": "t", "question": "q?", "embedding": Vector([0.25, -1.0, 3.0e-7, 0.5])}
    client, fast = db.batch(), db.batch()
    client.set(db.collection("c").document("k"), doc)
    _set(fast, db.collection("c").document("k"), doc)
    assert len(fast._write_pbs) == 1
    assert fast._write_pbs[0]._pb == client._write_pbs[0]._pb  # the same Write (maps compare unordered)
    assert doc["embedding"] == Vector([0.25, -1.0, 3.0e-7, 0.5])  # the caller's document is untouched
