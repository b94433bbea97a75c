"""Which API-key peppers verify: the current Secret Manager version, and the previous one during a
rotation window. The state lives in Firestore (`gatehouse_config/pepper`), written by the admin
service's pepper rotation; without it, the secret's `latest` version is the only pepper.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from shared.errors import ServiceUnavailable

__all__ = ["CONFIG", "PEPPER_DOC", "FirestorePepperState", "PepperState"]

CONFIG = "gatehouse_config"
PEPPER_DOC = "pepper"


class PepperState(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    current: str  # a Secret Manager version number
    previous: str | None = None
    previous_until: datetime | None = None  # the old pepper verifies until then

    def versions(self, now: datetime) -> list[str]:
        out = [self.current]
        if self.previous and self.previous_until is not None and now < self.previous_until:
            out.append(self.previous)
        return out


class FirestorePepperState:
    def __init__(self, db: Callable[[], Any]) -> None:
        self._db = db

    async def __call__(self) -> PepperState | None:
        from google.api_core import exceptions

        try:
            snap = await self._db().collection(CONFIG).document(PEPPER_DOC).get(timeout=10)
        except exceptions.GoogleAPIError as error:
            raise ServiceUnavailable(f"pepper state unavailable ({type(error).__name__})") from error
        return PepperState.model_validate(snap.to_dict()) if snap.exists else None
