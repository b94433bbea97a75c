"""API keys: create (shown once), list, rotate with an overlap window, revoke; pepper rotation.

Keys are `api_keys/{HMAC(pepper, key)}`; admins name them by `key_id`. A rotation creates the new
key and sets the old one's `expires_at` (both work until then) in one transaction with its audit
record. A pepper rotation adds a Secret Manager version and opens a window in which both peppers
verify (`gatehouse_config/pepper`); keys used in the window are re-hashed with the new pepper.
"""

from __future__ import annotations

import secrets as pysecrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from shared.admin.audit import AuditLog
from shared.admin.caller import Caller
from shared.admin.tenants import run_transaction
from shared.errors import Conflict, InvalidRequest, NotFound, ServiceUnavailable
from shared.peppers import CONFIG, PEPPER_DOC, PepperState
from shared.secrets import SecretStore
from shared.tenants import API_KEYS, TENANTS, ApiKeyRecord, hash_api_key, key_document, new_api_key

__all__ = ["KeyAdmin"]

MAX_OVERLAP_S = 30 * 86400


def _utcnow() -> datetime:
    return datetime.now(UTC)


class KeyAdmin:
    def __init__(
        self,
        db: Callable[[], Any],
        secrets: SecretStore,
        secret_client: Callable[[], Any],
        project: str,
        pepper_secret: str,
        audit: AuditLog,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._db = db
        self._secrets = secrets
        self._client = secret_client
        self._project = project
        self._pepper_secret = pepper_secret
        self._audit = audit
        self._clock = clock

    def _keys(self) -> Any:
        return self._db().collection(API_KEYS)

    async def _state(self) -> PepperState | None:
        snap = await self._db().collection(CONFIG).document(PEPPER_DOC).get(timeout=10)
        return PepperState.model_validate(snap.to_dict()) if snap.exists else None

    async def _current_pepper(self) -> tuple[str | None, bytes]:
        state = await self._state()
        version = state.current if state else "latest"
        pepper = await self._secrets.get(self._pepper_secret, version)
        if not pepper:
            raise ServiceUnavailable(f"the API-key pepper `{self._pepper_secret}` is not provisioned")
        return (state.current if state else None), pepper

    async def _find(self, tenant_id: str, key_id: str, txn: Any = None) -> Any:
        from google.cloud.firestore_v1.base_query import FieldFilter

        query = self._keys().where(filter=FieldFilter("key_id", "==", key_id)).limit(1)
        snaps = await (query.get(transaction=txn) if txn is not None else query.get(timeout=10))
        if not snaps or snaps[0].get("tenant_id") != tenant_id:
            raise NotFound(f"key `{key_id}` of tenant `{tenant_id}` not found")
        return snaps[0]

    def _new_record(
        self, tenant_id: str, name: str, version: str | None, pepper: bytes
    ) -> tuple[str, ApiKeyRecord]:
        key = new_api_key()
        record = ApiKeyRecord(
            key_hash=hash_api_key(key, pepper),
            tenant_id=tenant_id,
            display_prefix=key[:8],
            key_id="key_" + pysecrets.token_hex(6),
            name=name,
            last_four=key[-4:],
            created_at=self._clock(),
            pepper_version=version,
        )
        return key, record

    async def _live_tenant(self, txn: Any, tenant_id: str) -> None:
        snap = await self._db().collection(TENANTS).document(tenant_id).get(transaction=txn)
        if not snap.exists:
            raise NotFound(f"tenant `{tenant_id}` not found")
        if (snap.to_dict() or {}).get("deleted_at"):
            raise Conflict(f"tenant `{tenant_id}` is deleted")

    async def create(self, tenant_id: str, name: str, caller: Caller) -> dict[str, Any]:
        if len(name) > 100:
            raise InvalidRequest("at most 100 characters", field="name")
        version, pepper = await self._current_pepper()
        key, record = self._new_record(tenant_id, name, version, pepper)
        ref = self._keys().document(record.key_hash)
        audit = self._audit.record(
            caller, "key.create", tenant_id, f"keys/{record.key_id}", None, record.view()
        )

        async def body(txn: Any) -> None:
            await self._live_tenant(txn, tenant_id)
            txn.create(ref, key_document(record))
            txn.set(audit.ref, audit.data)

        await run_transaction(self._db(), body)
        audit.emit()
        return {**record.view(), "key": key}

    async def list(self, tenant_id: str) -> list[dict[str, Any]]:
        from google.cloud.firestore_v1.base_query import FieldFilter

        await self._tenant_exists(tenant_id)
        query = self._keys().where(filter=FieldFilter("tenant_id", "==", tenant_id))
        records = [
            ApiKeyRecord.model_validate({**s.to_dict(), "key_hash": s.id})
            async for s in query.stream(timeout=30)
        ]
        return [r.view() for r in sorted(records, key=lambda r: r.created_at)]

    async def _tenant_exists(self, tenant_id: str) -> None:
        if not (await self._db().collection(TENANTS).document(tenant_id).get(timeout=10)).exists:
            raise NotFound(f"tenant `{tenant_id}` not found")

    async def rotate(self, tenant_id: str, key_id: str, overlap_s: float, caller: Caller) -> dict[str, Any]:
        if not 0 <= overlap_s <= MAX_OVERLAP_S:
            raise InvalidRequest(f"must be between 0 and {MAX_OVERLAP_S} seconds", field="overlap_s")
        version, pepper = await self._current_pepper()
        out: dict[str, Any] = {}

        async def body(txn: Any) -> None:
            await self._live_tenant(txn, tenant_id)
            snap = await self._find(tenant_id, key_id, txn)
            old = ApiKeyRecord.model_validate({**snap.to_dict(), "key_hash": snap.id})
            now = self._clock()
            if not old.active(now):
                raise Conflict(f"key `{key_id}` is revoked or expired; create a new key instead")
            key, new = self._new_record(tenant_id, old.name, version, pepper)
            until = now + timedelta(seconds=overlap_s)
            if old.expires_at is None or until < old.expires_at:
                txn.update(snap.reference, {"expires_at": until})
            txn.create(self._keys().document(new.key_hash), key_document(new))
            audit = self._audit.record(
                caller, "key.rotate", tenant_id, f"keys/{key_id}", old.view(),
                {"new_key": new.view(), "old_expires_at": until.isoformat()},
            )  # fmt: skip
            txn.set(audit.ref, audit.data)
            out.update(audit=audit, key=key, new=new, until=until)

        await run_transaction(self._db(), body)
        out["audit"].emit()
        return {
            **out["new"].view(),
            "key": out["key"],
            "old_key": {"id": key_id, "expires_at": out["until"].isoformat()},
        }

    async def revoke(self, tenant_id: str, key_id: str, caller: Caller) -> dict[str, Any]:
        out: dict[str, Any] = {}

        async def body(txn: Any) -> None:
            snap = await self._find(tenant_id, key_id, txn)
            old = ApiKeyRecord.model_validate({**snap.to_dict(), "key_hash": snap.id})
            now = self._clock()
            revoked = old.model_copy(update={"disabled": True, "revoked_at": old.revoked_at or now})
            txn.update(snap.reference, {"disabled": True, "revoked_at": revoked.revoked_at})
            audit = self._audit.record(
                caller, "key.revoke", tenant_id, f"keys/{key_id}", old.view(), revoked.view()
            )
            txn.set(audit.ref, audit.data)
            out.update(audit=audit, view=revoked.view())

        await run_transaction(self._db(), body)
        out["audit"].emit()
        view: dict[str, Any] = out["view"]
        return view

    # -- pepper rotation -------------------------------------------------------------------------------
    async def rotate_pepper(self, window_s: float, force: bool, caller: Caller) -> dict[str, Any]:
        """Add a new pepper version; the previous one keeps verifying for `window_s`."""
        import asyncio

        if not 0 <= window_s <= 90 * 86400:
            raise InvalidRequest("must be between 0 and 7776000 seconds", field="window_s")
        state = await self._state()
        now = self._clock()
        if state and state.previous and state.previous_until and now < state.previous_until and not force:
            raise Conflict(
                f"a pepper rotation window is open until {state.previous_until.isoformat()}; "
                "wait for it to close (keys not yet re-hashed would stop working) or force"
            )
        current = state.current if state else await asyncio.to_thread(self._version_of, "latest")
        new_version = await asyncio.to_thread(self._add_version, pysecrets.token_bytes(32))
        until = now + timedelta(seconds=window_s)
        new_state = PepperState(current=new_version, previous=current, previous_until=until)
        audit = self._audit.record(
            caller, "pepper.rotate", None, f"secrets/{self._pepper_secret}",
            state.model_dump(mode="json") if state else {"current": current},
            new_state.model_dump(mode="json"),
        )  # fmt: skip
        ref = self._db().collection(CONFIG).document(PEPPER_DOC)

        async def body(txn: Any) -> None:
            txn.set(ref, new_state.model_dump())
            txn.set(audit.ref, audit.data)

        await run_transaction(self._db(), body)
        audit.emit()
        return {"current": new_version, "previous": current, "previous_until": until.isoformat()}

    def _name(self) -> str:
        return f"projects/{self._project}/secrets/{self._pepper_secret}"

    def _version_of(self, version: str) -> str:
        response = self._client().access_secret_version(name=f"{self._name()}/versions/{version}", timeout=10)
        return str(response.name).rsplit("/", 1)[-1]

    def _add_version(self, data: bytes) -> str:
        response = self._client().add_secret_version(parent=self._name(), payload={"data": data}, timeout=10)
        return str(response.name).rsplit("/", 1)[-1]
