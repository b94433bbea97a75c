"""A small stand-in for Secret Manager's REST API, enough for google-cloud-secret-manager's REST
transport: create, get and delete a secret, add a version, access a version (by number or `latest`).

Run: python -m dev.secretmanager --port 8091
"""

from __future__ import annotations

import argparse
import base64
import time
from dataclasses import dataclass, field

import google_crc32c
import orjson
from aiohttp import web


@dataclass
class Secret:
    name: str
    created: str
    versions: list[bytes] = field(default_factory=list)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _error(status: int, message: str, code: str) -> web.Response:
    body = {"error": {"code": status, "message": message, "status": code}}
    return web.Response(status=status, body=orjson.dumps(body), content_type="application/json")


def _json(payload: object) -> web.Response:
    return web.Response(body=orjson.dumps(payload), content_type="application/json")


class SecretManager:
    def __init__(self) -> None:
        self.secrets: dict[str, Secret] = {}

    def _secret_json(self, secret: Secret) -> dict[str, object]:
        return {"name": secret.name, "createTime": secret.created, "replication": {"automatic": {}}}

    async def create(self, request: web.Request) -> web.Response:
        secret_id = request.query.get("secretId")
        if not secret_id:
            return _error(400, "secretId is required", "INVALID_ARGUMENT")
        name = f"projects/{request.match_info['project']}/secrets/{secret_id}"
        if name in self.secrets:
            return _error(409, f"Secret [{name}] already exists.", "ALREADY_EXISTS")
        self.secrets[name] = Secret(name, _now())
        return _json(self._secret_json(self.secrets[name]))

    async def get(self, request: web.Request) -> web.Response:
        name = f"projects/{request.match_info['project']}/secrets/{request.match_info['secret']}"
        secret = self.secrets.get(name)
        if secret is None:
            return _error(404, f"Secret [{name}] not found.", "NOT_FOUND")
        return _json(self._secret_json(secret))

    async def delete(self, request: web.Request) -> web.Response:
        name = f"projects/{request.match_info['project']}/secrets/{request.match_info['secret']}"
        if self.secrets.pop(name, None) is None:
            return _error(404, f"Secret [{name}] not found.", "NOT_FOUND")
        return _json({})

    async def add_version(self, request: web.Request) -> web.Response:
        secret_part, _, verb = request.match_info["secret_verb"].partition(":")
        name = f"projects/{request.match_info['project']}/secrets/{secret_part}"
        if verb != "addVersion":
            return _error(404, f"unknown method {verb}", "NOT_FOUND")
        secret = self.secrets.get(name)
        if secret is None:
            return _error(404, f"Secret [{name}] not found.", "NOT_FOUND")
        payload = orjson.loads(await request.read() or b"{}").get("payload") or {}
        secret.versions.append(base64.b64decode(payload.get("data", "")))
        number = len(secret.versions)
        return _json({"name": f"{name}/versions/{number}", "createTime": _now(), "state": "ENABLED"})

    async def access(self, request: web.Request) -> web.Response:
        version, _, verb = request.match_info["version_verb"].partition(":")
        name = f"projects/{request.match_info['project']}/secrets/{request.match_info['secret']}"
        secret = self.secrets.get(name)
        if verb != "access":
            return _error(404, f"unknown method {verb}", "NOT_FOUND")
        if secret is None or not secret.versions:
            return _error(404, f"Secret Version [{name}/versions/{version}] not found.", "NOT_FOUND")
        number = len(secret.versions) if version == "latest" else int(version)
        if not 1 <= number <= len(secret.versions):
            return _error(404, f"Secret Version [{name}/versions/{version}] not found.", "NOT_FOUND")
        data = secret.versions[number - 1]
        return _json(
            {
                "name": f"{name}/versions/{number}",
                "payload": {
                    "data": base64.b64encode(data).decode(),
                    "dataCrc32c": str(google_crc32c.value(data)),
                },
            }
        )


async def _healthz(_request: web.Request) -> web.Response:
    return _json({"status": "ok"})


STORE_KEY = web.AppKey("store", SecretManager)


def build_app(store: SecretManager | None = None) -> web.Application:
    store = store or SecretManager()
    app = web.Application()
    app[STORE_KEY] = store
    app.router.add_get("/healthz", _healthz)
    app.router.add_post("/v1/projects/{project}/secrets", store.create)
    app.router.add_get("/v1/projects/{project}/secrets/{secret}", store.get)
    app.router.add_delete("/v1/projects/{project}/secrets/{secret}", store.delete)
    app.router.add_post("/v1/projects/{project}/secrets/{secret_verb}", store.add_version)
    app.router.add_get("/v1/projects/{project}/secrets/{secret}/versions/{version_verb}", store.access)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8091)
    args = parser.parse_args()
    web.run_app(build_app(), host=args.host, port=args.port, access_log=None, print=None)


if __name__ == "__main__":
    main()
