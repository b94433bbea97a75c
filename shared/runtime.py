"""Per-instance wiring: builds clients lazily, once, and hands them to the services that use them.

Nothing here touches the network at import time or construction; clients are created on first
use, inside the running event loop where they need one.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import aiohttp

from shared.auth import Authenticator
from shared.gateway import Gateway, GatewayConfig
from shared.pipeline import Pipeline, SingleTargetRouter, Stage, Upstream
from shared.policy.engine import PolicyEngine
from shared.policy.service import PolicyService
from shared.policy.stages import OutputCheckStage, PolicyStage
from shared.providers.base import Provider
from shared.providers.credentials import AdcToken, StaticToken, TokenSource
from shared.providers.vertex import VertexGemini
from shared.secrets import SecretManagerStore, secret_manager_client
from shared.settings import Settings
from shared.tenants import FirestoreTenantStore

__all__ = ["Runtime"]


def _url(value: Any) -> str | None:
    return str(value).rstrip("/") if value is not None else None


class Runtime:
    """Everything one function instance shares between requests."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._session: aiohttp.ClientSession | None = None

    # -- clients -----------------------------------------------------------------------------
    @cached_property
    def firestore(self) -> Any:
        from google.cloud import firestore

        return firestore.AsyncClient(project=self.settings.project, database=self.settings.firestore_database)

    def http_session(self) -> aiohttp.ClientSession:
        """One pooled session per instance, created inside the running loop on first use."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self.settings.upstream_pool_size, ttl_dns_cache=300),
                auto_decompress=True,
            )
        return self._session

    @cached_property
    def secrets(self) -> SecretManagerStore:
        endpoint = _url(self.settings.secret_manager_endpoint)
        return SecretManagerStore(
            self.settings.project,
            lambda: secret_manager_client(endpoint),
            ttl=self.settings.secret_ttl_s,
        )

    @cached_property
    def tokens(self) -> TokenSource:
        if self.settings.upstream_token:
            return StaticToken(self.settings.upstream_token)
        return AdcToken()

    # -- services ----------------------------------------------------------------------------
    @cached_property
    def policy(self) -> PolicyEngine:
        """Detectors and the injection screen: compiled once per instance, shared by every request."""
        return PolicyEngine()

    @cached_property
    def policy_service(self) -> PolicyService:
        return PolicyService(self.policy, self.settings.max_body_bytes)

    @cached_property
    def authenticator(self) -> Authenticator:
        fallback = self.settings.dev_api_key_pepper if self.settings.dev else None
        return Authenticator(
            FirestoreTenantStore(self.firestore),
            self.secrets,
            self.settings.api_key_pepper_secret,
            fallback_pepper=fallback.encode() if fallback else None,
            ttl=self.settings.auth_cache_ttl_s,
        )

    @cached_property
    def providers(self) -> dict[str, Provider]:
        return {
            "vertex": VertexGemini(
                self.http_session,
                self.tokens,
                self.settings.project,
                base_url=_url(self.settings.vertex_base_url),
                api_version=self.settings.vertex_api_version,
            )
        }

    @cached_property
    def stages(self) -> list[Stage]:
        """Pipeline stages, outermost first. Planned order (each wraps the ones after it):

        accounting      observes the final outcome: usage, cost, request-log fields
        policy          redacts/pseudonymizes the request, screens injection; restores answers
        cache           L1/L2/L3 lookup on the redacted request; stores accepted answers
        output check    checks the model's own answer for secrets/PII before it is cached
        -> terminal     route + generate (retries, breakers, failover, fallback)
        """
        stages: list[Stage] = []
        stages.append(PolicyStage(self.policy, offload_bytes=self.settings.policy_offload_bytes))
        stages.append(OutputCheckStage(self.policy))  # keep last: right before the terminal
        return stages

    @cached_property
    def pipeline(self) -> Pipeline:
        router = SingleTargetRouter(self.settings.default_region)
        return Pipeline(self.stages, Upstream(router, self.providers))

    @cached_property
    def gateway(self) -> Gateway:
        config = GatewayConfig(
            project=self.settings.project,
            max_body_bytes=self.settings.max_body_bytes,
            upstream_timeout_s=self.settings.upstream_timeout_s,
        )
        return Gateway(config, self.authenticator, self.pipeline)

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
