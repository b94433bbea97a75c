"""Firestore document reads over REST on a pooled aiohttp session (the cache's and the auth reads' own
pools, shared/runtime.py; never the upstream calls').

The cache's L2 lookup is one document read per cacheable miss. Through the Firestore client it costs
a grpc.aio call (~1.5 ms of CPU, more than the rest of a miss); the same read as a keep-alive
`GET .../documents/{collection}/{id}?mask.fieldPaths=...` costs about what an upstream call's
client side costs (docs/decisions/2026-11-29-performance.md). The cache's batched entry writes are one
`documents:commit` of whole-document sets on the same pool (`RestDocuments.commit`, off the request path,
with its own budget: never the deadline of the request whose answer it stores);
`GATEHOUSE_CACHE_L2_WRITE_TRANSPORT=grpc` puts them back on the client library.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import orjson

from shared.google_rest import RestReadError, bearer, google_get, google_send, google_status, missing

if TYPE_CHECKING:
    import aiohttp

    from shared.providers.credentials import TokenSource

__all__ = ["RestDocuments", "RestReadError", "Vector", "decode_fields", "encode_fields"]

_PRODUCTION = "https://firestore.googleapis.com"


def _timestamp(value: str) -> datetime:
    """RFC 3339 with up to nanoseconds and `Z` (Python's parser takes at most microseconds)."""
    head, dot, rest = value.partition(".")
    if dot:
        digits = rest.rstrip("Z").split("+")[0].split("-")[0]
        zone = rest[len(digits) :]
        value = f"{head}.{digits[:6].ljust(6, '0')}{zone}"
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _value(typed: dict[str, Any]) -> Any:
    """One Firestore REST `Value` as the client library would return it (the kinds a reader meets)."""
    for kind, raw in typed.items():
        if kind == "stringValue":
            return raw
        if kind == "integerValue":
            return int(raw)
        if kind == "doubleValue":
            return float(raw)
        if kind == "booleanValue":
            return bool(raw)
        if kind == "nullValue":
            return None
        if kind == "timestampValue":
            return _timestamp(raw)
        if kind == "bytesValue":
            return base64.b64decode(raw)
        if kind == "mapValue":
            return decode_fields(raw.get("fields") or {})
        if kind == "arrayValue":
            return [_value(item) for item in raw.get("values") or ()]
        raise ValueError(f"unsupported Firestore value kind {kind}")
    return None


def decode_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: _value(typed) for name, typed in fields.items()}


class Vector(tuple[float, ...]):
    """A Firestore vector field to write (`encode_fields`): the map the client library writes for its
    own `Vector`, `{"__type__": "__vector__", "value": [doubles]}`, which `find_nearest` searches."""

    __slots__ = ()


def _encoded(value: Any) -> dict[str, Any]:
    """One value as a Firestore REST `Value` (the inverse of `_value`, for the kinds a writer sends)."""
    kind = type(value)
    if kind is str:
        return {"stringValue": value}
    if kind is bool:
        return {"booleanValue": value}
    if kind is int:
        return {"integerValue": str(value)}
    if kind is float:
        return {"doubleValue": value}
    if value is None:
        return {"nullValue": None}
    if kind is datetime:  # RFC 3339 in UTC, written by orjson: ~5x cheaper than isoformat (two per entry)
        return {"timestampValue": orjson.dumps(value.astimezone(UTC), option=orjson.OPT_UTC_Z)[1:-1].decode()}
    if kind is bytes:
        return {"bytesValue": base64.b64encode(value).decode()}
    if kind is Vector:
        values = [{"doubleValue": float(x)} for x in value]
        vector = {"__type__": {"stringValue": "__vector__"}, "value": {"arrayValue": {"values": values}}}
        return {"mapValue": {"fields": vector}}
    if kind is dict:
        return {"mapValue": {"fields": encode_fields(value)}}
    if kind is list or kind is tuple:
        return {"arrayValue": {"values": [_encoded(item) for item in value]}}
    raise TypeError(f"cannot write a {kind.__name__} to Firestore over REST")


def encode_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: _encoded(value) for name, value in fields.items()}


class RestDocuments:
    """`await documents.get(collection, doc_id, fields)`: the fields as a dict (all of them when `fields`
    is empty), or None when the document does not exist. Raises RestReadError (or TimeoutError) when
    the read fails. `await documents.commit(collection, [(doc_id, fields), ...], timeout)`: whole-document
    sets in one commit, all or none."""

    def __init__(
        self,
        session: Callable[[], aiohttp.ClientSession],
        tokens: TokenSource,
        project: str,
        database: str = "(default)",
        *,
        emulator_host: str | None = None,
    ) -> None:
        base = f"http://{emulator_host}" if emulator_host else _PRODUCTION
        self._root = f"{base}/v1/projects/{project}/databases/{database}/documents/"
        self._name = f"projects/{project}/databases/{database}/documents/"  # a document's `name` prefix
        self._commit = f"{self._root[:-1]}:commit"
        self._database = f"database={quote(f'projects/{project}/databases/{database}', safe='')}"
        self._session = session
        self._tokens = tokens
        self._params = f"project_id={quote(project, safe='')}&database_id={quote(database, safe='')}"
        self._masks: dict[tuple[str, ...], str] = {}

    def _query(self, fields: Sequence[str]) -> str:
        """`?mask.fieldPaths=...` for `fields`; no mask (the whole document) when `fields` is empty."""
        key = tuple(fields)
        query = self._masks.get(key)
        if query is None:
            mask = "&".join(f"mask.fieldPaths={quote(f, safe='')}" for f in fields)
            query = self._masks[key] = f"?{mask}" if mask else ""
        return query

    async def get(
        self, collection: str, doc_id: str, fields: Sequence[str], timeout: float
    ) -> dict[str, Any] | None:
        """One GET (shared/google_rest.py: one jittered retry on 500/502/503/504 or a dropped
        connection, only when it can finish within `timeout`, the request's deadline and the calling
        guard's timeout, as the client library retried Unavailable/Internal: the read is idempotent)."""
        name = doc_id if doc_id.isascii() and doc_id.isalnum() else quote(doc_id, safe="")  # a key: hex
        url = f"{self._root}{collection}/{name}{self._query(fields)}"
        headers = {"Authorization": await bearer(self._tokens), "x-goog-request-params": self._params}
        status, payload = await google_get(self._session, url, headers, timeout, "firestore read")
        if status == 404 and missing(payload, _DOCUMENT_NOT_FOUND):
            return None
        if status >= 400:
            raise RestReadError(f"firestore answered HTTP {status}{google_status(payload)}", status)
        try:
            document = orjson.loads(payload)
            return decode_fields(document.get("fields") or {})
        except (orjson.JSONDecodeError, AttributeError, TypeError, ValueError) as error:
            raise RestReadError(f"firestore sent an unreadable document ({type(error).__name__})") from error

    async def commit(
        self, collection: str, documents: Sequence[tuple[str, dict[str, Any]]], timeout: float
    ) -> None:
        """Set whole documents (`{doc_id: fields}`, each replacing what was there, as the client
        library's `batch.set`) in one commit: all or none. Retried once as a read is (shared/google_rest.py):
        a set is idempotent. Raises RestReadError (or TimeoutError) when the commit fails."""
        name = f"{self._name}{collection}/"
        writes = [
            {"update": {"name": f"{name}{doc_id}", "fields": encode_fields(fields)}}
            for doc_id, fields in documents
        ]
        headers = {
            "Authorization": await bearer(self._tokens),
            "x-goog-request-params": self._database,
            "Content-Type": "application/json",
        }
        body = orjson.dumps({"writes": writes})
        status, payload = await google_send(
            self._session, self._commit, headers, timeout, "firestore commit", body
        )
        if status >= 400:
            raise RestReadError(f"firestore commit answered HTTP {status}{google_status(payload)}", status)


# A 404 is "no such document" only when Firestore says so: production writes
# `Document "projects/p/databases/(default)/documents/c/k" not found.` (status NOT_FOUND), the emulator
# `Document (projects/...) not found.`. A missing database or project is also a 404 ("The database
# (default) does not exist for project p ..."), and a wrong path gets the front end's HTML 404 page:
# failures, or a wrong database would make every read "missing" (every API key a 401).
_DOCUMENT_NOT_FOUND = re.compile(r'Document ["(]projects/.* not found', re.DOTALL)
