"""Cache stats per tenant and model (from the usage ledger, so every instance counts), the semantic
cache's calibration report, and purge.

The calibration report is per model of a tenant, from the shadow-observation counters every instance
feeds (`shared/cache/calibration.py`): observed precision of would-be semantic hits, its 95% lower
bound, and the distance up to which hits are served under the tenant's target error rate (none yet:
the tenant's semantic hits are shadow only).

A purge bumps the tenant's purge generation (all models, or one model's) in the tenant profile
with its audit record, in one transaction. The generation is part of every cache key, so each
instance stops serving the old entries, L1 included, as soon as it re-reads the tenant (within
`GATEHOUSE_AUTH_CACHE_TTL_S`). The orphaned L2/L3 documents are then deleted in batches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shared.admin.audit import AuditLog
from shared.admin.caller import Caller
from shared.admin.tenants import run_transaction
from shared.cache.calibration import CalibrationStore, summarize
from shared.cache.store import FirestoreCache
from shared.errors import InvalidRequest, NotFound
from shared.tenants import TENANTS, Tenant, tenant_document
from shared.usage.ledger import Ledger, UsageDelta

__all__ = ["CacheAdmin"]


class CacheAdmin:
    def __init__(
        self,
        db: Callable[[], Any],
        ledger: Ledger,
        store: Callable[[], FirestoreCache],
        audit: AuditLog,
        calibration: Callable[[], CalibrationStore] | None = None,
        min_observations: int = 30,
    ) -> None:
        self._db = db
        self._ledger = ledger
        self._store = store
        self._audit = audit
        self._calibration = calibration
        self._min_observations = min_observations

    async def stats(self, tenant: str, start: str, end: str, model: str | None) -> dict[str, Any]:
        per_model: dict[str, UsageDelta] = {}
        for row in await self._ledger.report(tenant, start, end):
            if model is None or row.key.model == model:
                per_model.setdefault(row.key.model, UsageDelta()).add(row.totals)
        models = []
        total = UsageDelta()
        for name, delta in sorted(per_model.items()):
            total.add(delta)
            models.append({"model": name, **_stats(delta)})
        return {"tenant": tenant, "from": start, "to": end, "models": models, "totals": _stats(total)}

    async def calibration(self, tenant_id: str, model: str | None, target: float | None) -> dict[str, Any]:
        """Per model: the shadow calibration's precision estimate and served threshold at `target`
        (default: the tenant's `cache.target_error_rate`)."""
        if self._calibration is None:
            raise NotFound("the calibration report is not enabled on this admin service")
        snap = await self._db().collection(TENANTS).document(tenant_id).get()
        if not snap.exists:
            raise NotFound(f"tenant `{tenant_id}` not found")
        settings = Tenant.model_validate({**snap.to_dict(), "id": tenant_id}).cache
        target = settings.target_error_rate if target is None else target
        counts = await self._calibration().models(tenant_id)
        models = [
            {"model": name, **summarize(c, target, self._min_observations)}
            for name, c in sorted(counts.items())
            if model is None or name == model
        ]
        mode = "off" if not settings.enabled else "shadow" if settings.shadow else settings.mode()
        return {"tenant": tenant_id, "mode": mode, "target_error_rate": target, "models": models}

    async def purge(self, tenant_id: str, model: str | None, caller: Caller) -> dict[str, Any]:
        if model is not None and not model.strip():
            raise InvalidRequest("must not be empty", field="model")
        ref = self._db().collection(TENANTS).document(tenant_id)
        out: dict[str, Any] = {}

        async def body(txn: Any) -> None:
            snap = await ref.get(transaction=txn)
            if not snap.exists:
                raise NotFound(f"tenant `{tenant_id}` not found")
            tenant = Tenant.model_validate({**snap.to_dict(), "id": tenant_id})
            cache = tenant.cache
            if model is None:
                cache = cache.model_copy(update={"generation": cache.generation + 1})
            else:
                gens = {**cache.model_generations, model: cache.model_generations.get(model, 0) + 1}
                cache = cache.model_copy(update={"model_generations": gens})
            updated = tenant.model_copy(update={"cache": cache, "revision": tenant.revision + 1})
            txn.set(ref, tenant_document(updated))
            audit = self._audit.record(
                caller, "cache.purge", tenant_id, f"tenants/{tenant_id}/cache",
                {"generation": tenant.cache.generation_for(model or "")},
                {"model": model, "generation": cache.generation_for(model or "")},
            )  # fmt: skip
            txn.set(audit.ref, audit.data)
            out.update(audit=audit, generation=cache.generation_for(model or ""))

        await run_transaction(self._db(), body)
        out["audit"].emit()
        deleted = await self._store().purge(tenant_id, model)
        return {
            "tenant": tenant_id,
            "model": model,
            "generation": out["generation"],
            "deleted_entries": deleted,
        }


def _stats(delta: UsageDelta) -> dict[str, Any]:
    lookups = delta.requests
    return {
        "requests": delta.requests,
        "hits": delta.cache_hits,
        "hit_rate": round(delta.cache_hits / lookups, 4) if lookups else 0.0,
        "hits_by_layer": {
            "l1": delta.hits_l1,
            "l2": delta.hits_l2,
            "semantic": delta.hits_semantic,
            "coalesced": delta.hits_flight,
        },
        "tokens_saved": delta.saved_tokens,
        "usd_saved": round(delta.saved_usd, 6),
        "usd_spent": round(delta.cost_usd, 6),
    }
