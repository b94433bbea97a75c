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
    def __init__(self, project: str, routes: dict[str, str], pubsub: str | None) -> None:
        self.project = project
        self.routes = routes
        self.pubsub = pubsub
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
        assert self.session is not None
        deadline = asyncio.get_running_loop().time() + self.startup_wait_s
        while True:
            try:
                async with self.session.post(target, data=orjson.dumps(data), headers=headers) as response:
                    await response.read()
                    return web.Response(status=response.status)
            except aiohttp.ClientConnectorError as error:
                # Nothing listening (an instance starting): Cloud Run holds requests while an
                # instance starts, so wait for it rather than fail the delivery.
                if asyncio.get_running_loop().time() > deadline:
                    return web.Response(status=503, text=f"function unreachable ({error})")
                await asyncio.sleep(0.1)
            except (aiohttp.ClientError, TimeoutError) as error:  # died mid-request: a failed delivery
                return web.Response(status=503, text=f"function failed ({type(error).__name__})")

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
    args = parser.parse_args()
    routes = dict(item.split("=", 1) for item in args.route)
    shim = Shim(args.project, routes, args.pubsub)
    app = build_app(shim, args.sweep_topic, args.sweep_every)
    web.run_app(app, host=args.host, port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
