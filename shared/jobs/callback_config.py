"""A tenant's callback settings (`Tenant.callbacks`): the default URL and the host allow-list."""

from __future__ import annotations

import fnmatch

from pydantic import BaseModel, ConfigDict, Field
from yarl import URL

__all__ = ["CallbackSettings"]


class CallbackSettings(BaseModel):
    """Where job callbacks may go. Addresses are also checked by the egress policy on save and send."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    url: str | None = Field(
        None, max_length=2048, description="Callback URL for jobs submitted without `callback_url`."
    )
    allowed_hosts: tuple[str, ...] = Field(
        (),
        max_length=50,
        description="Host patterns (fnmatch, e.g. `*.example.com`) a callback may target; empty: any "
        "public host.",
    )

    def allows(self, url: str) -> bool:
        if not self.allowed_hosts:
            return True
        host = (URL(url).host or "").rstrip(".").lower()
        return any(fnmatch.fnmatchcase(host, pattern.lower()) for pattern in self.allowed_hosts)
