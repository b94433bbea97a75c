"""A tiny local stand-in for Eventarc's Pub/Sub trigger (and Cloud Scheduler's sweep tick).

The Pub/Sub emulator pushes plain push JSON; Cloud Run functions receive Pub/Sub messages from
Eventarc as binary-mode CloudEvents. This shim sits between them:

    emulator push  POST /push/{function}?topic={topic}   {"message": {...}, "subscription": ...}
    -> function    POST /  with ce-id (messageId), ce-type google.cloud.pubsub.topic.v1.messagePublished,
                   ce-source //pubsub.googleapis.com/projects/{p}/topics/{topic}, ce-time (publishTime),
                   body {"message": {...}, "subscription": ..., "deliveryAttempt": n}
    <- the function's status is passed back, so a 500 (or a function that dies mid-request) is
       a nack and the emulator redelivers; its dead-letter policy moves the message after N
       attempts. While nothing listens on the function's port (a restart), the shim waits up to
       30 s, as Cloud Run holds requests while an instance starts.

The emulator does not put `deliveryAttempt` in push bodies; the shim counts deliveries per
message id and adds it, as Pub/Sub does when a dead-letter policy is set.
With --sweep-every S it publishes `{kind: sweep}` to --sweep-topic every S seconds.

Delivery as production has it (`--ack-deadline-s`, `--retry-min-s`, `--retry-max-s`): the emulator
redelivers a nacked message at once and, with a retry policy set, loses some (dev/topics.py), so
the shim plays Pub/Sub's part. A function that has not answered within the ack deadline is a
failed delivery while it keeps running (Pub/Sub stops waiting; the function does not stop), and a
failed delivery is answered to the emulator only after the retry policy's backoff,
min(max, min * 2^(attempt-1)), so its redelivery comes that much later. Keep the backoff below
the emulator subscription's ack deadline (60 s).

Run: python -m dev.eventarc --port 8092 --project P --pubsub 127.0.0.1:8086 \
        --route generate=http://127.0.0.1:8081 --route generate_deadletter=http://127.0.0.1:8082
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
from collections import OrderedDict
from collections.abc import AsyncIterator

import aiohttp
import orjson
from aiohttp import web

MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished"


class Shim:
    def __init__(
        self,
        project: str,
        routes: dict[str, str],
        pubsub: str | None,
        *,
        ack_deadline_s: float = 0.0,
        retry_min_s: float = 0.0,
        retry_max_s: float = 0.0,
    ) -> None:
        self.project = project
        self.routes = routes
        self.pubsub = pubsub
        self.ack_deadline_s = ack_deadline_s  # 0: wait for the function however long it takes
        self.retry_min_s = retry_min_s  # 0: no backoff (the emulator redelivers at once)
        self.retry_max_s = max(retry_max_s, retry_min_s)
        self.running: set[asyncio.Task[int]] = set()  # deliveries past their ack deadline
        self.attempts: OrderedDict[str, int] = OrderedDict()
        self.session: aiohttp.ClientSession | None = None
        self.startup_wait_s = 30.0

    def _attempt(self, key: str) -> int:
        count = self.attempts.pop(key, 0) + 1
        self.attempts[key] = count
        while len(self.attempts) > 100_000:
            self.attempts.popitem(last=False)
        return count

    async def push(self, request: web.Request) -> web.Response:
        target = self.routes.get(request.match_info["function"])
        if target is None:
            return web.Response(status=404, text="unknown function")
        topic = request.query.get("topic", "unknown")
        envelope = orjson.loads(await request.read())
        message = envelope.get("message") or {}
        message_id = str(message.get("messageId") or message.get("message_id") or "")
        subscription = str(envelope.get("subscription") or "")
        data = {
            "message": {
                "data": message.get("data", ""),
                "attributes": message.get("attributes") or {},
                "messageId": message_id,
                "publishTime": message.get("publishTime") or message.get("publish_time"),
            },
            "subscription": subscription,
            "deliveryAttempt": self._attempt(f"{subscription}/{message_id}"),
        }
        headers = {
            "ce-specversion": "1.0",
            "ce-id": message_id,
            "ce-type": MESSAGE_PUBLISHED,
            "ce-source": f"//pubsub.googleapis.com/projects/{self.project}/topics/{topic}",
            "ce-time": str(data["message"]["publishTime"] or ""),
            "content-type": "application/json",
        }
        delivery = asyncio.ensure_future(self._deliver(target, orjson.dumps(data), headers))
        if self.ack_deadline_s > 0:
            try:  # shielded: past the deadline the function keeps running, as it does on Cloud Run
                status = await asyncio.wait_for(asyncio.shield(delivery), self.ack_deadline_s)
            except TimeoutError:
                self.running.add(delivery)
                delivery.add_done_callback(self.running.discard)
                status = 504
        else:
            status = await delivery
        if not 200 <= status < 300 and self.retry_min_s > 0:
            attempt = int(data["deliveryAttempt"])
            await asyncio.sleep(min(self.retry_max_s, self.retry_min_s * 2 ** (attempt - 1)))
        return web.Response(status=status)

    async def _deliver(self, target: str, body: bytes, headers: dict[str, str]) -> int:
        """The function's status; 503 when it could not be reached or died mid-request."""
        assert self.session is not None
        deadline = asyncio.get_running_loop().time() + self.startup_wait_s
        while True:
            try:
                async with self.session.post(target, data=body, headers=headers) as response:
                    await response.read()
                    return response.status
            except aiohttp.ClientConnectorError:
                # Nothing listening (an instance starting): Cloud Run holds requests while an
                # instance starts, so wait for it rather than fail the delivery.
                if asyncio.get_running_loop().time() > deadline:
                    return 503
                await asyncio.sleep(0.1)
            except (aiohttp.ClientError, TimeoutError):  # died mid-request: a failed delivery
                return 503

    async def sweep_forever(self, topic: str, every: float) -> None:
        url = f"http://{self.pubsub}/v1/projects/{self.project}/topics/{topic}:publish"
        body = {"messages": [{"data": base64.b64encode(b"sweep").decode(), "attributes": {"kind": "sweep"}}]}
        while True:
            await asyncio.sleep(every)
            assert self.session is not None
            with contextlib.suppress(aiohttp.ClientError, TimeoutError):  # the next tick tries again
                async with self.session.post(url, json=body) as response:
                    await response.read()


async def _healthz(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def build_app(shim: Shim, sweep_topic: str | None = None, sweep_every: float = 0) -> web.Application:
    app = web.Application()

    async def lifecycle(_app: web.Application) -> AsyncIterator[None]:
        shim.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=600))
        task = None
        if sweep_topic and sweep_every > 0 and shim.pubsub:
            task = asyncio.create_task(shim.sweep_forever(sweep_topic, sweep_every))
        yield
        if task is not None:
            task.cancel()
        await shim.session.close()

    app.cleanup_ctx.append(lifecycle)
    app.router.add_get("/healthz", _healthz)
    app.router.add_post("/push/{function}", shim.push)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8092)
    parser.add_argument("--project", required=True)
    parser.add_argument("--pubsub", help="emulator host:port (for the sweep tick)")
    parser.add_argument("--route", action="append", default=[], help="function=url")
    parser.add_argument("--sweep-topic")
    parser.add_argument("--sweep-every", type=float, default=0.0)
    parser.add_argument("--ack-deadline-s", type=float, default=0.0, help="0: wait for the function")
    parser.add_argument("--retry-min-s", type=float, default=0.0, help="backoff of a failed delivery")
    parser.add_argument("--retry-max-s", type=float, default=0.0)
    args = parser.parse_args()
    routes = dict(item.split("=", 1) for item in args.route)
    shim = Shim(
        args.project,
        routes,
        args.pubsub,
        ack_deadline_s=args.ack_deadline_s,
        retry_min_s=args.retry_min_s,
        retry_max_s=args.retry_max_s,
    )
    app = build_app(shim, args.sweep_topic, args.sweep_every)
    web.run_app(app, host=args.host, port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
