"""The policy function's logic: `POST /v1/policy:check` evaluates a text without calling the model."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from shared.dialects import gemini
from shared.dialects.validation import load_json_object, validate
from shared.errors import GatehouseError, InvalidRequest, NotFound, PayloadTooLarge
from shared.http import HttpRequest, HttpResponse, json_response
from shared.log import get_logger
from shared.policy.engine import PolicyEngine
from shared.policy.profiles import CustomProfile, resolve_profile

__all__ = ["CheckRequest", "PolicyService"]

log = get_logger("gatehouse.policy")


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    text: str = Field(max_length=1_000_000)
    profile: str | CustomProfile = "standard"
    name_recognizer: bool = False  # as a tenant's `policy.name_recognizer`


class PolicyService:
    def __init__(self, engine: PolicyEngine, max_body_bytes: int) -> None:
        self._engine = engine
        self._max = max_body_bytes

    async def handle(self, request: HttpRequest) -> HttpResponse:
        try:
            if request.path == "/healthz" and request.method in ("GET", "HEAD"):
                return json_response(200, {"status": "ok"})
            if request.path != "/v1/policy:check" or request.method != "POST":
                raise NotFound(f"no route for {request.method} {request.path}")
            return json_response(200, self.check(request.body))
        except GatehouseError as error:
            return gemini.render_error(error)
        except Exception:
            log.exception("unhandled error", extra={"path": request.path})
            return gemini.render_error(GatehouseError())

    def check(self, body: bytes) -> dict[str, Any]:
        if len(body) > self._max:
            raise PayloadTooLarge(f"request body is {len(body)} bytes; the limit is {self._max}")
        request = validate(CheckRequest, load_json_object(body))
        try:
            profile = resolve_profile(request.profile)
        except ValueError as error:
            raise InvalidRequest(str(error), field="profile") from None
        result = self._engine.evaluate(request.text, profile, request.name_recognizer)
        return {
            "decision": result.decision,
            "redacted_text": result.text,
            "findings": [
                {"type": f.type, "start": f.start, "end": f.end, "action": f.action, "score": f.score}
                for f in result.findings
            ],
            "injection_score": self._engine.screen(request.text).score,
        }
