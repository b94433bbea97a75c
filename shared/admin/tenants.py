"""Tenant administration: create, get, list, update (merge patch + etag), disable/enable, soft delete.

Every write is one Firestore transaction that reads the tenant, checks the etag (`revision`),
writes the new profile and its audit record; a soft delete revokes the tenant's keys in the
same transaction, so no failure leaves a deleted tenant with live keys. Saved URLs (OpenAI-
compatible endpoints in route plans, the callback URL) pass the egress (SSRF) checks first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from shared.admin.audit import AuditLog
from shared.admin.caller import Caller
from shared.admin.validation import invalid_from, merge_patch, reject_fields, unknown_fields, validate_strict
from shared.errors import Conflict, InvalidRequest, NotFound, PreconditionFailed, ServiceUnavailable
from shared.jobs.egress import EgressPolicy, EgressRefused
from shared.tenants import API_KEYS, SERVER_FIELDS, TENANTS, Tenant, tenant_document

__all__ = ["TenantAdmin", "run_transaction", "tenant_view"]

MAX_PAGE = 200


def _utcnow() -> datetime:
    return datetime.now(UTC)


def tenant_view(tenant: Tenant) -> dict[str, Any]:
    data = tenant.model_dump(mode="json")
    data["etag"] = tenant.etag
    return data


def _input_form(tenant: Tenant) -> dict[str, Any]:
    """The profile as an admin would send it: no server-owned fields."""
    data = tenant.model_dump(
        mode="json", exclude={"id", "revision", "created_at", "updated_at", "deleted_at"}
    )
    data["cache"].pop("generation", None)
    data["cache"].pop("model_generations", None)
    return data


async def run_transaction(db: Any, body: Callable[[Any], Any]) -> Any:
    """Run `body(txn)` in a Firestore transaction; Firestore failures become 503."""
    from google.api_core import exceptions
    from google.cloud import firestore

    @firestore.async_transactional
    async def run(transaction: Any) -> Any:
        return await body(transaction)

    try:
        return await run(db.transaction(max_attempts=5))
    except exceptions.GoogleAPIError as error:
        raise ServiceUnavailable(f"tenant store unavailable ({type(error).__name__})") from error


class TenantAdmin:
    def __init__(
        self,
        db: Callable[[], Any],
        egress: EgressPolicy,
        audit: AuditLog,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._db = db
        self._egress = egress
        self._audit = audit
        self._clock = clock

    def _ref(self, tenant_id: str) -> Any:
        return self._db().collection(TENANTS).document(tenant_id)

    async def _read(self, tenant_id: str, txn: Any = None) -> Tenant:
        snap = (
            await self._ref(tenant_id).get(transaction=txn)
            if txn is not None
            else await self._ref(tenant_id).get()
        )
        if not snap.exists:
            raise NotFound(f"tenant `{tenant_id}` not found")
        return Tenant.model_validate({**snap.to_dict(), "id": tenant_id})

    async def get(self, tenant_id: str) -> Tenant:
        return await self._read(tenant_id)

    async def list(self, page_size: int, after: str | None, include_deleted: bool) -> dict[str, Any]:
        query = self._db().collection(TENANTS).order_by("__name__")
        if after:  # ids are the sort key: the cursor need not exist any more
            query = query.start_after({"__name__": self._ref(after)})
        out: list[dict[str, Any]] = []
        last: str | None = None
        async for snap in query.limit(page_size + 1).stream(timeout=30):
            if len(out) == page_size:
                break
            last = snap.id
            tenant = Tenant.model_validate({**snap.to_dict(), "id": snap.id})
            if include_deleted or tenant.deleted_at is None:
                out.append(tenant_view(tenant))
        more = last is not None and len(out) == page_size
        return {"tenants": out, "next_page_token": last if more else None}

    # -- writes --------------------------------------------------------------------------------------
    async def create(self, data: Any, caller: Caller) -> Tenant:
        tenant = validate_strict(Tenant, data, server_fields=SERVER_FIELDS - {"id"})
        await self.check_urls(tenant)
        now = self._clock()
        tenant = tenant.model_copy(update={"revision": 1, "created_at": now, "updated_at": now})
        ref = self._ref(tenant.id)
        record = self._audit.record(
            caller, "tenant.create", tenant.id, f"tenants/{tenant.id}", None, _input_form(tenant)
        )

        async def body(txn: Any) -> None:
            if (await ref.get(transaction=txn)).exists:
                raise Conflict(f"tenant `{tenant.id}` already exists")
            txn.set(ref, tenant_document(tenant))
            txn.set(record.ref, record.data)

        await run_transaction(self._db(), body)
        record.emit()
        return tenant

    async def update(self, tenant_id: str, patch: Any, if_match: str | None, caller: Caller) -> Tenant:
        if not isinstance(patch, dict):
            raise InvalidRequest("the body must be a JSON object (a merge patch)")
        unknown = unknown_fields(Tenant, patch)
        if unknown:
            raise InvalidRequest("unknown field (check the spelling)", field=unknown[0])
        reject_fields(patch, SERVER_FIELDS, "is set by the server, not by an admin")
        return await self._change(
            tenant_id, if_match, caller, "tenant.update", lambda t: merge_patch(t, patch)
        )

    async def set_disabled(
        self, tenant_id: str, disabled: bool, if_match: str | None, caller: Caller
    ) -> Tenant:
        action = "tenant.disable" if disabled else "tenant.enable"
        return await self._change(tenant_id, if_match, caller, action, lambda t: {**t, "disabled": disabled})

    async def _change(
        self,
        tenant_id: str,
        if_match: str | None,
        caller: Caller,
        action: str,
        change: Callable[[dict[str, Any]], dict[str, Any]],
    ) -> Tenant:
        ref = self._ref(tenant_id)
        box: dict[str, Any] = {}

        async def body(txn: Any) -> Tenant:
            current = await self._read(tenant_id, txn)
            _check_etag(current, if_match)
            if current.deleted_at is not None:
                raise Conflict(f"tenant `{tenant_id}` is deleted")
            before = _input_form(current)
            try:
                updated = Tenant.model_validate({**change(before), "id": tenant_id})
            except ValidationError as error:
                raise invalid_from(error) from None
            if box.get("checked") != updated:  # a retried transaction re-checks only what changed
                await self.check_urls(updated)
                box["checked"] = updated
            updated = updated.model_copy(
                update={
                    "cache": updated.cache.model_copy(
                        update={
                            "generation": current.cache.generation,
                            "model_generations": current.cache.model_generations,
                        }
                    ),
                    "revision": current.revision + 1,
                    "created_at": current.created_at,
                    "updated_at": self._clock(),
                }
            )
            record = self._audit.record(
                caller, action, tenant_id, f"tenants/{tenant_id}", before, _input_form(updated)
            )
            txn.set(ref, tenant_document(updated))
            txn.set(record.ref, record.data)
            box["record"] = record
            return updated

        result: Tenant = await run_transaction(self._db(), body)
        box["record"].emit()
        return result

    async def delete(self, tenant_id: str, if_match: str | None, caller: Caller) -> dict[str, Any]:
        """Soft delete: disabled, marked deleted, and every key revoked, in one transaction."""
        from google.cloud.firestore_v1.base_query import FieldFilter

        ref = self._ref(tenant_id)
        keys = self._db().collection(API_KEYS).where(filter=FieldFilter("tenant_id", "==", tenant_id))
        out: dict[str, Any] = {}

        async def body(txn: Any) -> None:
            current = await self._read(tenant_id, txn)
            _check_etag(current, if_match)
            now = self._clock()
            snaps = [s for s in await keys.get(transaction=txn) if not s.get("disabled")]
            if len(snaps) > 450:
                raise Conflict("too many live keys for one transaction; revoke some first")
            for snap in snaps:
                txn.update(snap.reference, {"disabled": True, "revoked_at": now})
            deleted = current.model_copy(
                update={"disabled": True, "deleted_at": current.deleted_at or now, "updated_at": now,
                        "revision": current.revision + 1}
            )  # fmt: skip
            txn.set(ref, tenant_document(deleted))
            record = self._audit.record(
                caller, "tenant.delete", tenant_id, f"tenants/{tenant_id}", None, {"keys_revoked": len(snaps)}
            )
            txn.set(record.ref, record.data)
            out.update(record=record, keys_revoked=len(snaps), tenant=deleted)

        await run_transaction(self._db(), body)
        out.pop("record").emit()
        return {"tenant": tenant_view(out["tenant"]), "keys_revoked": out["keys_revoked"]}

    # -- SSRF on saved configuration -----------------------------------------------------------------
    async def check_urls(self, tenant: Tenant) -> None:
        for name, plan in tenant.routing.plans.items():
            for index, target in enumerate(plan.targets):
                if target.provider == "openai" and target.endpoint:
                    await self._check(target.endpoint, f"routing.plans.{name}.targets[{index}].endpoint")
        if tenant.callbacks.url:
            await self._check(tenant.callbacks.url, "callbacks.url")
            if not tenant.callbacks.allows(tenant.callbacks.url):
                raise InvalidRequest("host is not in callbacks.allowed_hosts", field="callbacks.url")

    async def _check(self, raw: str, field: str) -> None:
        """The callback sender's own checks (shared/jobs/egress.py): scheme, credentials, metadata and
        localhost names, and every address the name resolves to now (delivery re-checks and pins)."""
        try:
            await self._egress.check_url_resolved(raw, subject=field)
        except EgressRefused as error:
            raise InvalidRequest(error.message.removeprefix(f"{field} "), field=field) from None


def _check_etag(current: Tenant, if_match: str | None) -> None:
    if if_match is None:
        raise PreconditionFailed(
            f"send If-Match with the tenant's etag ({current.etag}), or `*` to overwrite whatever is stored"
        )
    if if_match.strip() != "*" and if_match.strip() not in (current.etag, str(current.revision)):
        raise PreconditionFailed(f"the tenant changed since it was read (etag is now {current.etag})")
