"""Callback signing secrets: create or rotate `{prefix}{tenant}` in Secret Manager, returned once.

Rotation adds a version and invalidates this instance's secret cache; other instances pick the
new version up within `GATEHOUSE_SECRET_TTL_S`, so receivers accept both versions for that long
(docs/callbacks.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets as pysecrets
from collections.abc import Callable
from typing import Any

from shared.admin.audit import AuditLog
from shared.admin.caller import Caller
from shared.errors import ServiceUnavailable
from shared.secrets import SecretManagerStore

__all__ = ["CallbackSecretAdmin", "ensure_secret_version"]


def ensure_secret_version(client: Any, project: str, secret_id: str, data: bytes) -> str:
    """Create the secret when missing, add `data` as a new version; return the version number."""
    from google.api_core import exceptions

    with contextlib.suppress(exceptions.Conflict):  # AlreadyExists; the REST transport raises its base class
        client.create_secret(
            parent=f"projects/{project}",
            secret_id=secret_id,
            secret={"replication": {"automatic": {}}},
            timeout=10,
        )
    response = client.add_secret_version(
        parent=f"projects/{project}/secrets/{secret_id}", payload={"data": data}, timeout=10
    )
    return str(response.name).rsplit("/", 1)[-1]


class CallbackSecretAdmin:
    def __init__(
        self,
        client: Callable[[], Any],
        store: SecretManagerStore,
        project: str,
        prefix: str,
        ttl_s: float,
        audit: AuditLog,
    ) -> None:
        self._client = client
        self._store = store
        self._project = project
        self._prefix = prefix
        self._ttl = ttl_s
        self._audit = audit

    async def rotate(self, tenant_id: str, caller: Caller) -> dict[str, Any]:
        from google.api_core import exceptions

        name = self._prefix + tenant_id
        value = pysecrets.token_urlsafe(32)
        try:
            version = await asyncio.to_thread(
                ensure_secret_version, self._client(), self._project, name, value.encode()
            )
        except exceptions.GoogleAPIError as error:
            raise ServiceUnavailable(f"secret manager unavailable ({type(error).__name__})") from error
        self._store.invalidate(name)
        record = self._audit.record(
            caller, "callback_secret.rotate", tenant_id, f"secrets/{name}", None, {"version": version}
        )
        await self._audit.write(record)
        return {
            "tenant": tenant_id,
            "secret_name": name,
            "version": version,
            "secret": value,  # shown once: Gatehouse never returns it again
            "overlap_s": self._ttl,
            "note": f"other instances sign with the new secret within {self._ttl:.0f} s; accept both "
            "the previous and this secret until then",
        }
