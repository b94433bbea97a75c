"""The project's Vertex AI TPM quota against what the tenants may use: for the admin API."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from shared.tenants import Tenant

__all__ = ["quota_report", "vertex_quota_report"]


def quota_report(tenants: Iterable[Tenant], vertex_tpm_quota: int | None) -> dict[str, Any]:
    """Each tenant's effective TPM limit (after its `vertex_tpm_share`) and the sum against the quota.

    `unlimited` lists tenants with no TPM limit at all: they can take the whole quota, so an
    operator sees that the sum understates the commitment.
    """
    rows: list[dict[str, Any]] = []
    unlimited: list[str] = []
    total = 0
    for tenant in tenants:
        if tenant.disabled:
            continue
        limits = tenant.limits
        tpm = limits.effective_tpm(vertex_tpm_quota)
        if tpm is None:
            unlimited.append(tenant.id)
            continue
        total += tpm
        rows.append(
            {
                "tenant": tenant.id,
                "tokens_per_minute": tpm,
                "vertex_tpm_share": limits.vertex_tpm_share,
                "share_of_quota": round(tpm / vertex_tpm_quota, 6) if vertex_tpm_quota else None,
            }
        )
    return {
        "vertex_tpm_quota": vertex_tpm_quota,
        "allocated_tpm": total,
        "allocated_share": round(total / vertex_tpm_quota, 6) if vertex_tpm_quota else None,
        "overcommitted": bool(vertex_tpm_quota) and total > (vertex_tpm_quota or 0),
        "unlimited_tenants": sorted(unlimited),
        "tenants": sorted(rows, key=lambda r: (-r["tokens_per_minute"], r["tenant"])),
    }


async def vertex_quota_report(db: Callable[[], Any], vertex_tpm_quota: int | None) -> dict[str, Any]:
    """`quota_report` over every stored tenant (soft-deleted ones excluded), read from Firestore."""
    from shared.tenants import TENANTS

    tenants = []
    async for snap in db().collection(TENANTS).stream(timeout=30):
        tenant = Tenant.model_validate({**snap.to_dict(), "id": snap.id})
        if tenant.deleted_at is None:
            tenants.append(tenant)
    return quota_report(tenants, vertex_tpm_quota)
