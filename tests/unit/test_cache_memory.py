"""L1: LRU bounded in bytes, TTL per entry, purge by tenant/model."""

from __future__ import annotations

import sys

from shared.cache.memory import MemoryCache


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_byte_budget_evicts_least_recently_used() -> None:
    entry = sys.getsizeof("a") + sys.getsizeof(b"x" * 30) + 288  # key + value objects + bookkeeping
    cache = MemoryCache(max_bytes=3 * entry, max_entry_bytes=entry)
    cache.put("a", b"x" * 30, 60)
    cache.put("b", b"x" * 30, 60)
    assert cache.get("a") is not None  # a is now the most recent
    cache.put("c", b"x" * 30, 60)  # three entries fit; a fourth does not
    cache.put("d", b"x" * 30, 60)
    assert cache.get("b") is None
    assert cache.get("a") is not None
    assert cache.get("d") is not None
    assert cache.bytes <= 3 * entry


def test_entry_over_the_per_entry_limit_is_not_kept() -> None:
    cache = MemoryCache(max_bytes=10_000, max_entry_bytes=250)
    assert cache.put("big", b"x" * 60, 60) is False
    assert cache.get("big") is None
    assert cache.bytes == 0


def test_ttl_expires_entries() -> None:
    clock = Clock()
    cache = MemoryCache(10_000, clock=clock)
    cache.put("k", b"v", ttl_s=10)
    clock.now += 9.9
    assert cache.get("k") == b"v"
    clock.now += 0.2
    assert cache.get("k") is None
    assert cache.bytes == 0


def test_replacing_a_key_keeps_the_byte_count_right() -> None:
    cache = MemoryCache(10_000)
    cache.put("k", b"12345", 10)
    cache.put("k", b"12", 10)
    assert cache.bytes == sys.getsizeof("k") + sys.getsizeof(b"12") + 288


def test_purge_by_tenant_and_model() -> None:
    cache = MemoryCache(10_000)
    cache.put("1", b"v", 10, "acme", "m1")
    cache.put("2", b"v", 10, "acme", "m2")
    cache.put("3", b"v", 10, "other", "m1")
    assert cache.purge("acme", "m1") == 1
    assert cache.purge("acme") == 1
    assert len(cache) == 1
    assert cache.get("3") == b"v"


def test_byte_budget_holds_for_what_the_entries_really_occupy() -> None:
    """orjson hands back bytes objects with up to ~8x spare capacity (a 30 KB answer holds a
    ~250 KB allocation): counting len(value) let a 64 MiB budget grow the process by ~420 MiB.
    The budget must bound the memory the kept entries actually hold."""
    import tracemalloc

    import orjson

    budget = 2**20
    for size in (150, 8_000, 30_000):  # 8,000: make bench's L1-fill answers
        answer = {"candidates": [{"content": {"role": "model", "parts": [{"text": "x" * size}]}}]}
        tracemalloc.start()
        start, _ = tracemalloc.get_traced_memory()
        cache = MemoryCache(max_bytes=budget)
        for n in range(budget // (size + 100) * 2):  # two budgets' worth, so eviction runs
            cache.put(f"{n:064x}", orjson.dumps(answer), 60, "tenant", "model")
        held, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        held -= start
        assert cache.bytes <= budget
        assert held <= budget * 1.1, f"{size}-char answers: {held / 2**20:.1f} MiB held for a 1 MiB budget"
        # the accounting is true to the footprint: it never counts less than the entries hold (+5% for
        # the allocator's rounding) and at most ~15% more (the bookkeeping constant includes the priced
        # savings an entry gets when first served: 0.92 of it measured for 150-char answers, 0.99 at 8 KB)
        assert 0.85 * cache.bytes <= held <= 1.05 * cache.bytes, (
            f"{size}: {held:,} held, {cache.bytes:,} counted"
        )
