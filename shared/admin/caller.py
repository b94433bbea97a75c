"""Who is calling the admin function: an IAM principal in production, a static token locally.

Production: the function is IAM-only. Cloud Run's invoker check verifies the caller's Google ID
token before the request arrives and passes the token on with its signature removed, so the
caller is read from its payload (`email`, else `sub`) for the audit log; nothing is trusted
from it that IAM did not already check. Locally (`GATEHOUSE_ADMIN_AUTH=token`, dev only) the
bearer token must equal the Secret Manager secret `GATEHOUSE_ADMIN_TOKEN_SECRET`.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Mapping
from dataclasses import dataclass

import orjson

from shared.errors import ServiceUnavailable, Unauthenticated
from shared.secrets import SecretStore

__all__ = ["Caller", "CallerAuth", "identity_from_id_token"]


@dataclass(frozen=True, slots=True)
class Caller:
    identity: str  # an email, a subject id, or `admin-token` locally
    via: str  # "iam" | "token"


def _bearer(headers: Mapping[str, str]) -> str | None:
    for name in ("authorization", "x-serverless-authorization"):
        value = headers.get(name)
        if value:
            scheme, _, token = value.partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token.strip()
    return None


def identity_from_id_token(token: str) -> str | None:
    """`email` (or `sub`) of a JWT's payload; the signature (absent behind Cloud Run) is not checked."""
    parts = token.split(".")
    if len(parts) < 2:
        return None
    try:
        payload = orjson.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(payload, dict):
        return None
    identity = payload.get("email") or payload.get("sub")
    return str(identity) if identity else None


class CallerAuth:
    def __init__(self, *, use_token: bool, secrets: SecretStore, token_secret: str) -> None:
        self._use_token = use_token
        self._secrets = secrets
        self._token_secret = token_secret

    async def identify(self, headers: Mapping[str, str]) -> Caller:
        token = _bearer(headers)
        if not self._use_token:
            identity = identity_from_id_token(token) if token else None
            if identity is None:  # cannot happen behind IAM; a misdeployed public admin fails closed
                raise Unauthenticated("admin calls need a Google ID token (IAM)")
            return Caller(identity, "iam")
        expected = await self._secrets.get(self._token_secret)
        if not expected:
            raise ServiceUnavailable(f"the admin token secret `{self._token_secret}` is not provisioned")
        if token is None or not hmac.compare_digest(token.encode(), expected.strip()):
            raise Unauthenticated("admin token missing or wrong (Authorization: Bearer <token>)")
        return Caller("admin-token", "token")
