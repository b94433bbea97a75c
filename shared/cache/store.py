"""L2 and L3 in Firestore: one document per exact key, with a `Vector` for semantic lookups.

`cache_entries/{key}`: tenant, model, scope (hash of everything but the last user turn),
question (the redacted last user turn), response (the answer's JSON), tokens, created_at,
expire_at (the TTL policy's field; readers also check it, since TTL deletion is lazy) and,
for tenants with semantic caching, `embedding`. The key hash includes the tenant, and every
query filters on it, so tenants never share entries.

Writes are batched: entries stored within `write_delay_s` of each other (at most `write_max`
entries, `write_max_bytes` bytes) go to Firestore in one commit. One commit per entry cost about
four times the CPU of a batched one on the ingress (grpc + proto-plus per call); the price is that
another instance sees a new entry up to `write_delay_s` later (this instance's L1 has it at once).

Firestore trouble never fails a request: a read that errors or times out is a miss (logged),
and after `trip_after` failures in a row the store rests for `cooldown_s`, so an outage does not
add a timeout to every request. A corrupt entry is ignored and deleted.

The exact-key read (`get`, once per cacheable miss) goes through `reader` when one is given: the
REST read of shared/firestore_rest.py on the pooled aiohttp session, several times cheaper in CPU
than the client library's grpc.aio call. The batched entry writes go through `writer` when one is
given: one REST `documents:commit` per batch (the client library builds a proto-plus message per field
of every entry, then a grpc.aio call: `python -m bench.l2_read` measured 2,346 vs 1,319 us of CPU per
entry in batches of 1 and 519 vs 134 us in batches of 10). Vector queries, the disagreement mark,
deletes and purges use the client library.
"""

from __future__ import annotations

import asyncio
import struct
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

import orjson

from shared.deadline import reset_call_deadline, reset_deadline, set_call_deadline, set_deadline
from shared.firestore_rest import RestReadError
from shared.log import get_logger

if TYPE_CHECKING:
    from shared.firestore_rest import RestDocuments

__all__ = ["COLLECTION", "Entry", "FirestoreCache", "Neighbour"]

log = get_logger("gatehouse.cache")


def _failures() -> tuple[type[BaseException], ...]:
    """What a Firestore call raises when the service is down, slow or refuses: a miss, not a 500."""
    from google.api_core.exceptions import GoogleAPIError

    return (GoogleAPIError, TimeoutError, OSError, RestReadError)


COLLECTION = "cache_entries"
# What a reader needs: never the embedding (768+ floats, the costliest part to decode by far).
_READ_FIELDS = ("tenant", "model", "scope", "question", "response", "tokens", "expire_at", "disagree_at")


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    tenant: str
    model: str
    scope: str
    question: str | None
    response: bytes  # the answer's JSON, exactly as served
    expire_at: float  # unix seconds
    tokens: int = 0
    disagree_at: float | None = None  # calibration: never served at this distance or beyond


@dataclass(frozen=True, slots=True)
class Neighbour:
    entry: Entry
    distance: float


def encode_vector(values: Sequence[float]) -> Any:
    """A Firestore vector `Value` built with the raw protobuf classes. The client library builds one
    proto-plus message per float (~6 ms of CPU for 384 floats on this machine, the largest CPU cost
    of a semantic lookup); here the array of doubles is parsed from its wire bytes in one call (each
    element: field 1 of ArrayValue, a 9-byte Value whose field 3 is the double, interleaved with
    strided slices): ~0.05 ms."""
    from google.cloud.firestore_v1.types import document

    value, array, fields = document.Value.pb(), document.ArrayValue.pb(), document.MapValue.pb()
    count = len(values)
    packed = struct.pack(f"<{count}d", *values)
    wire = bytearray(11 * count)  # interleaved by strided slices: no Python loop per float
    wire[0::11], wire[1::11], wire[2::11] = b"\x0a" * count, b"\x09" * count, b"\x19" * count
    for k in range(8):
        wire[3 + k :: 11] = packed[k::8]
    floats = array.FromString(bytes(wire))
    vector = fields(fields={"__type__": value(string_value="__vector__"), "value": value(array_value=floats)})
    return document.Value.wrap(value(map_value=vector))


_TEMPLATES_MAX = 1024  # query messages kept per process (one per tenant, model, scope, reach, limit)


@cache
def _vector_query() -> Any:
    """The client's vector query, with the query vector encoded by `encode_vector`. A query given a
    `template_key` (everything but the vector: tenant, model, scope, reach, limit) reuses the message
    the client built the first time for that key and only sets the vector into a copy of it: building
    the message (filters, projection, proto-plus) cost ~1.4 ms of CPU per lookup, a copy ~0.05 ms."""
    from google.cloud.firestore_v1.async_vector_query import AsyncVectorQuery
    from google.cloud.firestore_v1.vector import Vector

    templates: dict[Hashable, Any] = {}

    class FastVectorQuery(AsyncVectorQuery):
        template_key: Hashable | None = None

        def _to_protobuf(self) -> Any:
            vector = self._query_vector
            if vector is None:
                return super()._to_protobuf()
            template = templates.get(self.template_key) if self.template_key is not None else None
            if template is None:
                self._query_vector = Vector([0.0])  # the rest of the query, as the client builds it
                try:
                    template = super()._to_protobuf()
                finally:
                    self._query_vector = vector
                if self.template_key is not None:
                    if len(templates) >= _TEMPLATES_MAX:
                        templates.clear()
                    templates[self.template_key] = template
            message = type(template)
            copied = type(message.pb(template))()
            copied.CopyFrom(message.pb(template))
            copied.find_nearest.query_vector.CopyFrom(encode_vector(vector)._pb)
            return message.wrap(copied)

    return FastVectorQuery


def _set(batch: Any, ref: Any, doc: dict[str, Any]) -> None:
    """`batch.set(ref, doc)`, with the `embedding` Vector encoded by `encode_vector` when the batch is
    the client library's (whose own encoding builds one proto-plus message per float: ~6 ms of CPU
    per stored 384-float entry); any other batch (a test's fake) gets the Vector as is."""
    from google.cloud.firestore_v1.base_batch import BaseBatch

    vector = doc.get("embedding")
    if vector is None or not isinstance(batch, BaseBatch):
        batch.set(ref, doc)
        return
    batch.set(ref, {name: value for name, value in doc.items() if name != "embedding"})
    write = batch._write_pbs[-1]  # the one Write that set() just added (no transforms in `doc`)
    write._pb.update.fields["embedding"].CopyFrom(encode_vector(vector)._pb)


def _entry(key: str, data: dict[str, Any] | None) -> Entry:
    """Parse a stored document; raises ValueError/KeyError/TypeError when it is corrupt."""
    if not isinstance(data, dict):
        raise TypeError("not a map")
    raw = data["response"]
    response = raw.encode() if isinstance(raw, str) else bytes(raw)
    if not isinstance(orjson.loads(response), dict):
        raise ValueError("response is not an object")
    expire = data["expire_at"]
    return Entry(
        key=key,
        tenant=str(data["tenant"]),
        model=str(data["model"]),
        scope=str(data["scope"]),
        question=data.get("question"),
        response=response,
        expire_at=expire.timestamp() if isinstance(expire, datetime) else float(expire),
        tokens=int(data.get("tokens") or 0),
        disagree_at=float(data["disagree_at"]) if data.get("disagree_at") is not None else None,
    )


class FirestoreCache:
    def __init__(
        self,
        db: Callable[[], Any],
        *,
        timeout_s: float = 0.25,
        cooldown_s: float = 5.0,
        trip_after: int = 3,
        collection: str = COLLECTION,
        clock: Callable[[], float] = time.time,
        write_delay_s: float = 0.05,
        write_max: int = 100,
        write_max_bytes: int = 4_000_000,
        reader: RestDocuments | None = None,
        writer: RestDocuments | None = None,
    ) -> None:
        self._db = db
        self._reader = reader
        self._writer = writer
        self._timeout = timeout_s
        self._cooldown = cooldown_s
        self._collection = collection
        self._clock = clock
        self._down_until = 0.0
        self._trip_after = trip_after
        self._failures = 0
        self.reads = 0  # documents read (Firestore bills per document), for the benchmark
        self.queries = 0
        self.errors = 0
        self._tasks: set[asyncio.Task[Any]] = set()
        self._write_delay = write_delay_s
        self._write_max = write_max
        self._write_max_bytes = write_max_bytes
        self._pending: dict[str, dict[str, Any]] = {}  # document id -> fields, for the next commit
        self._pending_bytes = 0
        self._committed: asyncio.Future[bool] | None = None  # resolves when the pending batch lands
        self._timer: asyncio.TimerHandle | None = None

    def _col(self) -> Any:
        return self._db().collection(self._collection)

    @property
    def available(self) -> bool:
        return self._clock() >= self._down_until

    def _failed(self, what: str, error: BaseException) -> None:
        self.errors += 1
        self._failures += 1
        resting = self._failures >= self._trip_after
        if resting:
            self._down_until = self._clock() + self._cooldown
        log.warning(
            "cache store unavailable; serving as a miss",
            extra={
                "cache_op": what,
                "error": type(error).__name__,
                "resting_s": self._cooldown if resting else 0,
            },
        )

    def _ok(self) -> None:
        self._failures = 0

    async def get(self, key: str) -> Entry | None:
        if not self.available:
            return None
        self.queries += 1
        try:
            # a timeout scope, not `wait_for`, which in 3.11 runs the read in a task of its own (a task,
            # two more event-loop turns: ~4 us more per read, once per cacheable miss)
            async with asyncio.timeout(self._timeout):
                if self._reader is not None:
                    data = await self._reader.get(self._collection, key, _READ_FIELDS, self._timeout)
                else:
                    document = self._col().document(key)
                    snap = await document.get(field_paths=_READ_FIELDS, timeout=self._timeout)
                    data = snap.to_dict() if snap.exists else None
        except _failures() as error:  # degrade to a miss
            self._failed("get", error)
            return None
        self._ok()
        self.reads += 1  # billed as one read whether or not the document exists
        if data is None:
            return None
        return self._valid(key, data)

    def _valid(self, key: str, data: dict[str, Any] | None) -> Entry | None:
        try:
            entry = _entry(key, data)
        except (KeyError, TypeError, ValueError, orjson.JSONDecodeError) as error:
            log.warning(
                "corrupt cache entry deleted", extra={"cache_key": key, "error": type(error).__name__}
            )
            self.spawn(self.delete(key))
            return None
        return entry if entry.expire_at > self._clock() else None

    async def nearest(
        self, tenant: str, model: str, scope: str, vector: list[float], threshold: float, limit: int = 4
    ) -> list[Neighbour]:
        """Entries of this tenant+model+scope within `threshold` cosine distance, nearest first."""
        if not self.available:
            return []
        from google.cloud.firestore_v1.base_query import FieldFilter
        from google.cloud.firestore_v1.base_vector_query import DistanceMeasure
        from google.cloud.firestore_v1.vector import Vector

        query = _vector_query()(
            self._col()
            .select([*_READ_FIELDS, "distance"])  # the computed distance must be selected too
            .where(filter=FieldFilter("tenant", "==", tenant))
            .where(filter=FieldFilter("model", "==", model))
            .where(filter=FieldFilter("scope", "==", scope))
        ).find_nearest(
            vector_field="embedding",
            query_vector=Vector(vector),
            distance_measure=DistanceMeasure.COSINE,
            limit=limit,
            distance_result_field="distance",
            distance_threshold=threshold,
        )
        query.template_key = (self._collection, tenant, model, scope, threshold, limit)
        self.queries += 1
        try:
            snaps = await asyncio.wait_for(query.get(timeout=self._timeout), self._timeout)
        except _failures() as error:  # degrade to a miss
            self._failed("nearest", error)
            return []
        self._ok()
        self.reads += max(1, len(snaps))  # a query with no result is billed as one read
        found = []
        for snap in snaps:
            data = snap.to_dict() or {}
            entry = self._valid(snap.id, data)
            if entry is not None and entry.tenant == tenant:
                found.append(Neighbour(entry, float(data.get("distance", 1.0))))
        return sorted(found, key=lambda n: n.distance)

    async def put(self, entry: Entry, vector: list[float] | None = None) -> bool:
        """Store an entry (in the next batch); True once Firestore has it, False if the write failed."""
        doc: dict[str, Any] = {
            "tenant": entry.tenant,
            "model": entry.model,
            "scope": entry.scope,
            "question": entry.question,
            "response": entry.response.decode(),
            "tokens": entry.tokens,
            "created_at": datetime.fromtimestamp(self._clock(), UTC),
            "expire_at": datetime.fromtimestamp(entry.expire_at, UTC),
        }
        if vector is not None and self._writer is not None:
            from shared.firestore_rest import Vector as RestVector

            doc["embedding"] = RestVector(vector)
        elif vector is not None:
            from google.cloud.firestore_v1.vector import Vector

            doc["embedding"] = Vector(vector)
        if self._write_delay <= 0:
            return await self._commit([(entry.key, doc)])
        if self._committed is None:
            loop = asyncio.get_running_loop()
            self._committed = loop.create_future()
            self._timer = loop.call_later(self._write_delay, self._flush)
        committed = self._committed
        self._pending[entry.key] = doc  # a key stored twice in one batch is written once, last wins
        self._pending_bytes += self._size(entry, vector)
        if len(self._pending) >= self._write_max or self._pending_bytes >= self._write_max_bytes:
            self._flush()
        return await asyncio.shield(committed)

    def _size(self, entry: Entry, vector: list[float] | None) -> int:
        """What an entry adds to a commit request (Firestore refuses one over 10 MiB). Over REST the
        answer is a JSON string inside JSON (each quote or backslash escaped: at most twice its bytes),
        the question a JSON string (a control character escaped as `\\u00XX`: at most six times its
        bytes) and each float of the vector a `{"doubleValue": ...}` object (~37 bytes for a float32's
        value, not 8)."""
        question = len(entry.question.encode()) if entry.question else 0
        if self._writer is not None:
            return 2 * len(entry.response) + 6 * question + 40 * len(vector or ())
        return len(entry.response) + question + 8 * len(vector or ())

    def _flush(self) -> None:
        """Send the pending entries as one batch; whoever waits on them learns the outcome."""
        if self._timer is not None:
            self._timer.cancel()
        items, committed = list(self._pending.items()), self._committed
        self._pending, self._pending_bytes, self._committed, self._timer = {}, 0, None, None
        if committed is not None and items:
            self.spawn(self._land(items, committed))

    async def _land(self, items: list[tuple[str, dict[str, Any]]], committed: asyncio.Future[bool]) -> None:
        landed = False
        try:
            landed = await self._commit(items)
        finally:  # waiters always learn the outcome, even if the commit raised something unexpected
            committed.set_result(landed)

    async def _commit(self, items: list[tuple[str, dict[str, Any]]]) -> bool:
        # A commit runs after its answers went out, in a task that copied the context of the request that
        # opened the batch: it has its own 5-s budget, never that request's (possibly spent) deadline,
        # which would fail every entry of the batch, other tenants' too.
        outer, call = set_deadline(None), set_call_deadline(None)
        try:
            return await self._send(items)
        finally:
            reset_call_deadline(call)
            reset_deadline(outer)

    async def _send(self, items: list[tuple[str, dict[str, Any]]]) -> bool:
        try:
            if self._writer is not None:  # one REST commit: no proto-plus message per field
                await asyncio.wait_for(self._writer.commit(self._collection, items, 5.0), 5.0)
                return True
            batch = self._db().batch()  # one entry or many: one commit either way
            for key, doc in items:
                _set(batch, self._col().document(key), doc)
            await asyncio.wait_for(batch.commit(timeout=5.0), 5.0)
        except _failures() as error:  # a lost write only costs future misses
            self._failed("put", error)
            return False
        return True

    async def mark_disagreement(self, key: str, distance: float) -> None:
        """Calibration saw a wrong answer from this entry at `distance`: never serve it that far again."""
        try:
            await self._col().document(key).update({"disagree_at": distance}, timeout=self._timeout)
        except _failures() as error:  # the tenant-wide calibration still counts the disagreement
            self._failed("mark", error)

    async def delete(self, key: str) -> None:
        try:
            await self._col().document(key).delete(timeout=5.0)
        except _failures() as error:  # the TTL policy removes it later anyway
            self._failed("delete", error)

    async def purge(self, tenant: str, model: str | None = None, batch: int = 300) -> int:
        """Delete every entry of a tenant (optionally one model). Raises if Firestore fails."""
        from google.cloud.firestore_v1.base_query import FieldFilter

        query = self._col().where(filter=FieldFilter("tenant", "==", tenant))
        if model is not None:
            query = query.where(filter=FieldFilter("model", "==", model))
        deleted = 0
        while True:
            snaps = await query.limit(batch).get()
            if not snaps:
                return deleted
            writes = self._db().batch()
            for snap in snaps:
                writes.delete(snap.reference)
            await writes.commit()
            deleted += len(snaps)

    def spawn(self, work: Any) -> None:
        """Run a write in the background, keeping a reference until it finishes."""
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        """Send what is pending and wait for background writes (tests, benchmark, shutdown)."""
        self._flush()
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
