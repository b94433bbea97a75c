"""The cache's L2 read and write by part, per operation: main-thread instructions (callgrind) or thread
CPU time, against the Firestore emulator (docs/decisions/2026-11-29-performance.md, twelfth session).

Variants: `none` (the loop itself), `aiohttp` (a bare GET of a missing document), `rest`
(`RestDocuments.get`), `store` (`FirestoreCache.get`, as the cache stage calls it), `commit1`/`commit10`
(`FirestoreCache._commit` of 1 or 10 entries), `raw`/`rawfull` (a measurement stand-in, NOT a client: one
kept-alive `asyncio.Protocol` connection per request in flight with httptools' parser, without and with
Gatehouse's checks; what a hand-written transport could cost at best).

Run: python -m bench.l2_instr [--variant store --variant aiohttp ...] [--n 400] [--tree DIR] [--cpu]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

VARIANTS = ("none", "aiohttp", "rest", "store", "commit1", "commit10", "raw", "rawfull")
_FIELDS = ("tenant", "model", "scope", "question", "response", "tokens", "expire_at", "disagree_at")


class _Conn(asyncio.Protocol):
    """The stand-in's connection: one request at a time, the answer to a future."""

    def __init__(self) -> None:
        import httptools

        self.parser = httptools.HttpResponseParser(self)
        self.waiter: asyncio.Future[tuple[int, bytes]] | None = None
        self.body: list[bytes] = []
        self.transport: Any = None

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.parser.feed_data(data)

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result((self.parser.get_status_code(), b"".join(self.body)))
        self.body = []

    def connection_lost(self, exc: Exception | None) -> None:
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(ConnectionError("lost"))


class _RawPool:
    def __init__(self, host: str) -> None:
        self.host, _, port = host.partition(":")
        self.port, self.idle = int(port), list[_Conn]()
        self.head = f"Host: {host}\r\nAuthorization: Bearer owner\r\n\r\n".encode()

    async def get(self, target: str) -> tuple[int, bytes]:
        loop = asyncio.get_running_loop()
        conn = (
            self.idle.pop() if self.idle else (await loop.create_connection(_Conn, self.host, self.port))[1]
        )
        conn.waiter = loop.create_future()
        conn.transport.write(b"GET " + target.encode() + b" HTTP/1.1\r\n" + self.head)
        answer = await conn.waiter
        self.idle.append(conn)
        return answer


async def _operation(variant: str) -> tuple[Callable[[int], Awaitable[None]], Callable[[], Awaitable[None]]]:
    """(one operation, close)."""
    from datetime import UTC, datetime
    from urllib.parse import quote

    import aiohttp
    import orjson

    from dev.stack import PROJECT
    from shared.cache.store import FirestoreCache
    from shared.firestore_rest import RestDocuments
    from shared.providers.credentials import StaticToken

    host = os.environ["FIRESTORE_EMULATOR_HOST"]
    session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=16, ttl_dns_cache=300))
    rest = RestDocuments(lambda: session, StaticToken("owner"), PROJECT, emulator_host=host)
    store = FirestoreCache(lambda: None, timeout_s=30, write_delay_s=0, reader=rest, writer=rest)
    path, pool = rest._root.split(host, 1)[1], _RawPool(host)
    answer = orjson.dumps({"candidates": [{"content": {"parts": [{"text": "an answer " * 50}]}}]}).decode()

    def fields() -> dict[str, Any]:
        expire = datetime.fromtimestamp(time.time() + 3600, UTC)
        return {"tenant": "t", "model": "m", "scope": "s", "question": "q", "response": answer, "tokens": 10,
                "created_at": datetime.now(UTC), "expire_at": expire}  # fmt: skip

    async def one(i: int) -> None:
        key = f"absent-{i}-{uuid.uuid4().hex}"
        if variant == "aiohttp":
            async with session.get(
                f"{rest._root}cache_entries/{key}", headers={"Authorization": "Bearer x"}
            ) as r:
                await r.read()
                assert r.status == 404
        elif variant == "rest":
            assert await rest.get("cache_entries", key, _FIELDS, 30) is None
        elif variant == "store":
            assert await store.get(key) is None
        elif variant.startswith("commit"):
            assert await store._commit([(f"w-{uuid.uuid4().hex}", fields()) for _ in range(int(variant[6:]))])
        elif variant == "raw":
            assert (await pool.get(f"{path}cache_entries/{key}"))[0] == 404
        elif variant == "rawfull":
            from shared.firestore_rest import _DOCUMENT_NOT_FOUND
            from shared.google_rest import missing

            async with asyncio.timeout(30):
                status, body = await pool.get(
                    f"{path}cache_entries/{quote(key, safe='')}{rest._query(_FIELDS)}"
                )
            assert status == 404
            assert missing(body, _DOCUMENT_NOT_FOUND)

    return one, session.close


async def _run(one: Callable[[int], Awaitable[None]], count: int, offset: int, concurrency: int = 8) -> None:
    indexes = iter(range(offset, offset + count))

    async def worker() -> None:
        for i in indexes:
            await one(i)

    await asyncio.gather(*(worker() for _ in range(concurrency)))


async def _toggle(*args: str) -> None:
    """callgrind_control on this process, waited for without blocking the loop (valgrind reads its
    commands while the process runs)."""
    control = await asyncio.create_subprocess_exec(
        "callgrind_control", *args, str(os.getpid()), stdout=subprocess.DEVNULL
    )
    await control.wait()


async def _child(variant: str, n: int) -> None:
    one, close = await _operation(variant)
    await _run(one, 200, 0)
    await _toggle("-i", "on")
    await _run(one, n, 1000)
    await _toggle("-d")
    await close()


async def _cpu(variants: list[str], blocks: int, per: int) -> None:
    """Thread CPU per operation, blocks interleaved (ABBA) so the machine's phases fall on all alike."""
    ops = {v: await _operation(v) for v in variants}
    for v in variants:
        await _run(ops[v][0], 100, 0)
    got: dict[str, list[float]] = {v: [] for v in variants}
    offset = 10_000
    for b in range(blocks):
        for v in variants if b % 2 == 0 else variants[::-1]:
            started = time.thread_time()
            await _run(ops[v][0], per, offset)
            got[v].append((time.thread_time() - started) / per * 1e6)
            offset += per
    for v in variants:
        print(f"{v:9s} thread CPU per operation: median {statistics.median(got[v]):6.1f} us", flush=True)
    for _, close in ops.values():
        await close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", action="append", choices=VARIANTS)
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--tree", action="append", default=[], help="also measure this checkout")
    parser.add_argument("--cpu", action="store_true", help="thread CPU time, no valgrind")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    import uvloop  # the worker's loop (bench/worker.py)

    if args.child:
        uvloop.run(_child(args.child[0], int(args.child[1])))
        return 0
    from bench.backends import firestore_emulator
    from bench.instr import _total

    variants = args.variant or ["none", "aiohttp", "rest", "store"]
    with firestore_emulator("gatehouse-l2i-"):
        if args.cpu:
            uvloop.run(_cpu(variants, 10, 200))
            return 0
        out = tempfile.mkdtemp(prefix="gatehouse-l2i-cg-")
        for tree in [*args.tree, os.getcwd()]:
            for variant in variants:
                prefix = f"{out}/cg.{variant}.{Path(tree).name}"
                # this file, with `tree`'s shared/ and dev/ (a copy of main has no bench/l2_instr.py)
                boot = f"import sys, runpy; sys.path.insert(0, {tree!r}); "
                boot += f"runpy.run_path({__file__!r}, run_name='__main__')"
                child = ["--child", variant, str(args.n)]
                subprocess.run(
                    ["valgrind", "--tool=callgrind", "--instr-atstart=no", "--separate-threads=yes",
                     f"--callgrind-out-file={prefix}", sys.executable, "-c", boot, *child],
                    cwd=tree, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )  # fmt: skip
                _, main_thread = _total(prefix)
                print(
                    f"{variant:9s} [{tree}]: {main_thread / args.n:,.0f} instructions/operation (main thread)"
                )
        return 0


if __name__ == "__main__":
    sys.exit(main())
