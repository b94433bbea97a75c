"""The admin service behind the admin function: tenants, keys, secrets, cache, usage, erasure, audit."""

from shared.admin.service import AdminService

__all__ = ["AdminService"]
