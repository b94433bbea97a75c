"""The repeat fast path: an exact repeat of a request skips the policy input stage and the cache key.

On an L1 hit, redaction and injection screening before the lookup were ~25% of the request's
instructions and the cache key (normalize, canonical JSON, SHA-256) a few percent more, although an
exact repeat gets the same result from both: the policy stage's decision depends only on the body and
the tenant's policy settings (no clock, no randomness: placeholders are numbered in order of
appearance), the cache key only on the redacted body, the model, the tenant's cache settings (purge
generations included) and the `X-Gatehouse-Cache` mode.

`RepeatStage` sits right outside the policy stage. For a cacheable generate call it takes a
fingerprint: keyed BLAKE2b (a MAC, as HMAC is; a quarter of HMAC-SHA256's instructions here) of the
body as the pipeline received it (its JSON bytes), the model and the cache mode, under a key derived
per tenant and per settings from a random per-process secret (so the
raw text is never a key, a fingerprint means nothing outside the process, and a change of the
tenant's policy or cache settings can never reuse an earlier decision). If the memo knows the
fingerprint and L1 holds its key, the answer is served at once: the remembered findings are counted
in the request log's `policy` field as the policy stage counted them, and the remembered mapping
restores the answer's placeholders. Anything else (unknown fingerprint, L1 entry gone) goes the full
way, after which the stage remembers what the policy stage (`call.prepared`) and the cache stage
(`call.cache_key`) decided. A blocked request is never remembered (it raises before a decision is
published), and neither is a call whose policy used a remote recognizer (not reproducible).

Memory only: never written to L2, Firestore or a log. Bounded by entries and bytes (least recently
used first); an entry lives as long as the tenant's L1 TTL and goes with a purge of the tenant.
Retention trade-off: an entry holds its request's pseudonym mapping, i.e. the raw values that were
redacted (only those: not the prompt), in the instance's memory for up to the TTL. They were in that
memory during the request already; the memo makes them stay longer. Turned off with
`GATEHOUSE_CACHE_REPEAT_MAX_ENTRIES=0`.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import orjson

from shared.cache.config import effective_mode
from shared.cache.rules import eligibility
from shared.cache.stage import ResponseCache
from shared.identity_memo import IdentityMemo
from shared.pipeline import Call, Handler, Outcome, PreparedInput
from shared.policy.body import map_response, map_stream
from shared.tenants import Tenant

__all__ = ["RepeatMemo", "RepeatStage"]

_VERSION = b"repeat-1"
_OVERHEAD = 300  # the entry object, its OrderedDict node and dict slot, the counts dict's shell
_TENANTS_MAX = 1024


@dataclass(slots=True)
class _Entry:
    exact: str
    prepared: PreparedInput
    expires: float
    tenant: str
    size: int


def _footprint(exact: str, prepared: PreparedInput) -> int:
    size = _OVERHEAD + 65 + sys.getsizeof(exact)  # 65: the 32-byte fingerprint as a bytes object
    size += sum(sys.getsizeof(k) + 32 for k in prepared.counts)
    if prepared.restorer is not None:
        size += prepared.restorer.footprint()
    return size


class RepeatMemo:
    """fingerprint -> (exact cache key, the policy decision), in memory, bounded, with a TTL.

    Not thread-safe: it lives on one event loop, like L1."""

    def __init__(
        self,
        max_entries: int,
        max_bytes: int,
        clock: Callable[[], float] = time.monotonic,
        secret: bytes | None = None,
    ) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._clock = clock
        self._secret = secret or os.urandom(32)
        self._data: OrderedDict[bytes, _Entry] = OrderedDict()
        self._keys: IdentityMemo[Tenant, bytes] = IdentityMemo(_TENANTS_MAX)  # tenant -> its MAC key
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._data)

    def _tenant_key(self, tenant: Tenant) -> bytes:
        """The MAC key for this tenant and these settings. A Tenant is frozen and the auth cache hands
        out the same object until it re-reads the tenant, so this is derived once per read, not per
        request (IdentityMemo)."""
        return self._keys.get(tenant, self._derive_key)

    def _derive_key(self, tenant: Tenant) -> bytes:
        identity = orjson.dumps(
            [tenant.id, tenant.policy.model_dump(mode="json"), tenant.cache.model_dump(mode="json")],
            option=orjson.OPT_SORT_KEYS,
        )
        return hashlib.blake2b(_VERSION + b"\x00" + identity, key=self._secret).digest()

    def fingerprint(self, call: Call) -> bytes | None:
        """The call's fingerprint, or None when its body cannot be encoded (then no fast path)."""
        try:
            body = orjson.dumps(call.body)
        except orjson.JSONEncodeError:
            return None
        mode = call.attrs.get("cache_mode") or ""
        message = b"%s\x00%s\x00%s" % (call.model.encode(), mode.encode(), body)
        return hashlib.blake2b(message, key=self._tenant_key(call.tenant), digest_size=32).digest()

    def get(self, fingerprint: bytes) -> _Entry | None:
        entry = self._data.get(fingerprint)
        if entry is None:
            return None
        if entry.expires <= self._clock():
            self._drop(fingerprint)
            return None
        self._data.move_to_end(fingerprint)
        return entry

    def put(self, fingerprint: bytes, tenant: str, exact: str, prepared: PreparedInput, ttl_s: float) -> bool:
        if self.max_entries <= 0 or ttl_s <= 0:
            return False
        restorer = prepared.restorer.compact() if prepared.restorer is not None else None
        kept = PreparedInput(restorer, dict(prepared.counts))
        size = _footprint(exact, kept)
        if size > self.max_bytes:
            return False
        if fingerprint in self._data:
            self._drop(fingerprint)
        self._data[fingerprint] = _Entry(exact, kept, self._clock() + ttl_s, sys.intern(tenant), size)
        self.bytes += size
        while self._data and (self.bytes > self.max_bytes or len(self._data) > self.max_entries):
            self._drop(next(iter(self._data)))
        return True

    def purge(self, tenant: str) -> int:
        doomed = [k for k, e in self._data.items() if e.tenant == tenant]
        for key in doomed:
            self._drop(key)
        return len(doomed)

    def _drop(self, fingerprint: bytes) -> None:
        self.bytes -= self._data.pop(fingerprint).size


class RepeatStage:
    """Pipeline stage right outside the policy stage (see the module docstring)."""

    def __init__(self, cache: ResponseCache, memo: RepeatMemo) -> None:
        self._cache = cache
        self._memo = memo

    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        if call.operation != "generate" or call.stored:
            return await next_handler(call)
        settings = call.tenant.cache
        # cheap, and the same verdict the cache stage would reach after redaction (it reads the config
        # and tools, which policy never rewrites), so the cache stage takes it from the call: an
        # uncacheable call pays no fingerprint, and no call computes it twice
        verdict = call.cache_verdict = eligibility(
            call.body, settings, effective_mode(settings, call.attrs.get("cache_mode"))
        )
        if verdict.mode == "bypass":
            return await next_handler(call)
        with call.timings.span("policy"):
            fingerprint = self._memo.fingerprint(call)
            found = self._memo.get(fingerprint) if fingerprint is not None else None
            held = self._cache.memory.entry(found.exact) if found is not None else None
            if found is not None and held is not None and found.prepared.counts:
                merged = call.attrs.setdefault("policy", {})
                for name, value in found.prepared.counts.items():
                    merged[name] = merged.get(name, 0) + value
        if found is not None and held is not None:
            outcome = self._cache.serve_l1(call, held)
            restorer = found.prepared.restorer
            if restorer is not None:
                if outcome.response is not None:
                    outcome.response = map_response(outcome.response, restorer.restore)
                if outcome.chunks is not None:
                    outcome.chunks = map_stream(outcome.chunks, restorer.stream, restorer.restore)
            return outcome
        outcome = await next_handler(call)
        if fingerprint is not None and call.prepared is not None and call.cache_key is not None:
            ttl = settings.ttl_s or self._cache.config.default_ttl_s
            self._memo.put(fingerprint, call.tenant.id, call.cache_key, call.prepared, ttl)
        return outcome
