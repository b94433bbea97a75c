"""FirestoreCache against the Firestore emulator: batched writes land, masked reads and vector
queries return entries (and distances) without the embedding."""

from __future__ import annotations

import uuid

import orjson
import pytest

from shared.cache.store import Entry, FirestoreCache

pytestmark = pytest.mark.integration


def entry(key: str, tenant: str, question: str) -> Entry:
    answer = orjson.dumps({"candidates": [{"content": {"parts": [{"text": f"answer to {question}"}]}}]})
    return Entry(key, tenant, "gemini-2.5-flash", "scope", question, answer, 4_000_000_000.0, 12)


async def test_batched_entries_land_and_read_back_without_their_embedding(stack) -> None:  # type: ignore[no-untyped-def]
    db = stack.firestore()
    tenant = f"t-{uuid.uuid4().hex[:8]}"
    store = FirestoreCache(lambda: db, timeout_s=5, write_delay_s=0.05)
    vectors = {"a": [1.0, 0.0, 0.0, 0.0], "b": [0.0, 1.0, 0.0, 0.0], "c": [0.9, 0.1, 0.0, 0.0]}
    entries = {name: entry(f"{tenant}-{name}", tenant, f"question {name}") for name in vectors}
    for name, e in entries.items():
        store.spawn(store.put(e, vectors[name]))
    await store.drain()

    for e in entries.values():  # an L2 hit on another instance: the whole entry, as stored
        got = await store.get(e.key)
        assert got == e
    raw = (await db.collection("cache_entries").document(entries["a"].key).get()).to_dict()
    assert len(raw["embedding"]) == 4  # stored with its vector, which readers never fetch

    near = await store.nearest(tenant, "gemini-2.5-flash", "scope", [1.0, 0.0, 0.0, 0.0], threshold=0.1)
    assert [n.entry.key for n in near] == [entries["a"].key, entries["c"].key]
    assert near[0].distance == pytest.approx(0.0, abs=1e-6)
    assert 0 < near[1].distance < 0.1  # the computed distance survives the projection
    assert store.errors == 0


async def test_the_rest_read_returns_what_the_client_library_reads(stack) -> None:  # type: ignore[no-untyped-def]
    import os

    import aiohttp

    from shared.firestore_rest import RestDocuments
    from shared.providers.credentials import StaticToken

    db = stack.firestore()
    tenant = f"t-{uuid.uuid4().hex[:8]}"
    stored = entry(f"{tenant}-rest", tenant, 'question über rest \u2028 "quoted"')
    grpc = FirestoreCache(lambda: db, timeout_s=5, write_delay_s=0)
    assert await grpc.put(stored, [1.0, 0.0, 0.0, 0.0])
    async with aiohttp.ClientSession() as session:
        documents = RestDocuments(
            lambda: session,
            StaticToken("owner"),
            "demo-gatehouse",
            emulator_host=os.environ["FIRESTORE_EMULATOR_HOST"],
        )
        rest = FirestoreCache(lambda: db, timeout_s=5, reader=documents)
        assert await rest.get(stored.key) == await grpc.get(stored.key) == stored
        assert await rest.get(f"{tenant}-absent") is None
        assert rest.errors == 0
        assert rest.reads == 2


async def test_rest_commits_write_what_the_client_library_reads_and_searches(stack) -> None:  # type: ignore[no-untyped-def]
    """The batched writes over REST (`writer`): one commit, read back by the client library as the
    entry stored, the vector found by `find_nearest` with its distance."""
    import os

    import aiohttp

    from shared.firestore_rest import RestDocuments
    from shared.providers.credentials import StaticToken

    db = stack.firestore()
    tenant = f"t-{uuid.uuid4().hex[:8]}"
    vectors = {"a": [1.0, 0.0, 0.0, 0.0], "c": [0.9, 0.1, 0.0, 0.0]}
    entries = {name: entry(f"{tenant}-{name}", tenant, f'question {name} über "rest"') for name in vectors}
    async with aiohttp.ClientSession() as session:
        documents = RestDocuments(
            lambda: session,
            StaticToken("owner"),
            "demo-gatehouse",
            emulator_host=os.environ["FIRESTORE_EMULATOR_HOST"],
        )
        store = FirestoreCache(lambda: db, timeout_s=5, write_delay_s=0.05, writer=documents)
        for name, e in entries.items():
            store.spawn(store.put(e, vectors[name]))
        await store.drain()
        assert store.errors == 0
    grpc = FirestoreCache(lambda: db, timeout_s=5)
    for e in entries.values():
        assert await grpc.get(e.key) == e
    raw = (await db.collection("cache_entries").document(entries["a"].key).get()).to_dict()
    assert list(raw["embedding"]) == vectors["a"]
    assert raw["created_at"].timestamp() > 1_700_000_000
    near = await grpc.nearest(tenant, "gemini-2.5-flash", "scope", [1.0, 0.0, 0.0, 0.0], threshold=0.1)
    assert [n.entry.key for n in near] == [entries["a"].key, entries["c"].key]
