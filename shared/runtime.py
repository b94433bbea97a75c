"""Per-instance wiring: builds clients lazily, once, and hands them to the services that use them.

Nothing here touches the network at import time or construction; clients are created on first
use, inside the running event loop where they need one.
"""

from __future__ import annotations

import asyncio
import gc
import os
import time
from collections.abc import Awaitable, Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shared.settings import Settings

if TYPE_CHECKING:  # service modules are imported where they are built: an instance loads what it serves
    import aiohttp

    from shared.admin.audit import AuditLog
    from shared.admin.cache import CacheAdmin
    from shared.admin.erasure import Eraser
    from shared.admin.jobs import JobAdmin
    from shared.admin.keys import KeyAdmin
    from shared.admin.secrets import CallbackSecretAdmin
    from shared.admin.service import AdminService
    from shared.admin.tenants import TenantAdmin
    from shared.admin.usage import UsageReports
    from shared.auth import Authenticator
    from shared.cache.embeddings import Embedder
    from shared.cache.stage import ResponseCache
    from shared.catalog.catalog import ModelCatalog
    from shared.cost.prices import PriceTable
    from shared.firestore_rest import RestDocuments
    from shared.gateway import Gateway
    from shared.jobs.callbacks import CallbackSender
    from shared.jobs.deadletter import DeadLetterHandler
    from shared.jobs.egress import EgressPolicy
    from shared.jobs.publisher import JobPublisher
    from shared.jobs.service import JobService
    from shared.jobs.store import FirestoreJobStore
    from shared.jobs.sweeper import Sweeper
    from shared.jobs.worker import JobWorker
    from shared.keyuse import KeyUseWriter
    from shared.limits.idempotency import Idempotency
    from shared.limits.limiter import Limiter
    from shared.pipeline import Pipeline, Stage
    from shared.policy.engine import PolicyEngine
    from shared.policy.service import PolicyService
    from shared.providers.base import Provider
    from shared.providers.credentials import TokenSource
    from shared.providers.families import ProviderFamilies
    from shared.resilience.breaker import Breakers
    from shared.resilience.guard import DependencyGuard
    from shared.resilience.terminal import ResilientUpstream
    from shared.secrets import SecretManagerStore
    from shared.tenants import Tenant
    from shared.usage.aggregator import UsageAggregator
    from shared.usage.ledger import FirestoreLedger

__all__ = ["Runtime"]


def _import_client_libraries() -> None:
    import google.api_core.exceptions
    import google.cloud.firestore  # noqa: F401


def _log_warm_failure(future: asyncio.Future[None]) -> None:
    """The background import's outcome: a failure is logged (the first write will then import it
    itself, and fail there visibly), never left as an unretrieved exception."""
    if future.cancelled():
        return
    if future.exception() is None:
        from shared.longlived import settle

        settle()  # the imported modules live as long as the instance: out of the GC's traversals
        return
    from shared.log import get_logger

    error = future.exception()
    get_logger("gatehouse.runtime").warning(
        "client library warm-up failed", extra={"error": type(error).__name__}
    )


def _url(value: Any) -> str | None:
    return str(value).rstrip("/") if value is not None else None


class Runtime:
    """Everything one function instance shares between requests."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._session: aiohttp.ClientSession | None = None
        self._callback_session: aiohttp.ClientSession | None = None
        self._pools: dict[str, aiohttp.ClientSession] = {}

    # -- clients -----------------------------------------------------------------------------
    @cached_property
    def firestore(self) -> Any:
        from google.cloud import firestore

        return firestore.AsyncClient(project=self.settings.project, database=self.settings.firestore_database)

    def _documents(self, session: Callable[[], aiohttp.ClientSession]) -> RestDocuments:
        """Document reads over REST on `session`: the emulator when FIRESTORE_EMULATOR_HOST is set (as
        the client library does), else Firestore with the instance's identity."""
        from shared.firestore_rest import RestDocuments
        from shared.providers.credentials import StaticToken

        emulator = os.environ.get("FIRESTORE_EMULATOR_HOST")
        # the emulator's admin bearer, as the client sends; else the instance's identity
        tokens: TokenSource = StaticToken("owner") if emulator else self._identity
        return RestDocuments(
            session,
            tokens,
            self.settings.project,
            self.settings.firestore_database,
            emulator_host=emulator,
        )

    @cached_property
    def firestore_rest(self) -> RestDocuments:
        """The cache's L2 read, on its own pool (`cache_read_session`)."""
        return self._documents(self.cache_read_session)

    @cached_property
    def auth_documents(self) -> RestDocuments:
        """API keys, tenants and the pepper state, on the auth reads' own pool (`auth_session`)."""
        return self._documents(self.auth_session)

    @cached_property
    def _identity(self) -> TokenSource:
        """The instance's own identity for Google APIs: the upstream's token source, unless that is a
        static token (a local upstream's)."""
        from shared.providers.credentials import AdcToken

        return AdcToken() if self.settings.upstream_token else self.tokens

    def http_session(self) -> aiohttp.ClientSession:
        """One pooled session per instance for the upstream calls, created inside the running loop on
        first use. Called once per upstream call: the import runs only when a session is built."""
        session = self._session
        if session is None or session.closed:
            import aiohttp

            session = self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self.settings.upstream_pool_size, ttl_dns_cache=300),
                auto_decompress=True,
            )
        return session

    def _pool(self, name: str, limit: int) -> aiohttp.ClientSession:
        """A session with its own bounded connector: its connections are never lent to other calls."""
        session = self._pools.get(name)
        if session is None or session.closed:
            import aiohttp

            session = self._pools[name] = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=limit, ttl_dns_cache=300)
            )
        return session

    def auth_session(self) -> aiohttp.ClientSession:
        """The auth reads' pool (keys, tenants, pepper state, secrets over REST). Not the upstream's:
        there, long generations can hold every connection (concurrency 250, pool 256) and a key read
        would queue behind them past its 0.5-s guard; here only reads of a few ms wait for each other."""
        return self._pool("auth", self.settings.auth_read_pool_size)

    def cache_read_session(self) -> aiohttp.ClientSession:
        """The cache's L2 reads' pool: neither queued behind upstream calls nor in the way of auth reads."""
        return self._pool("cache", self.settings.cache_read_pool_size)

    def callback_session(self) -> aiohttp.ClientSession:
        """Callbacks get their own session: every connection goes through the egress policy."""
        import aiohttp

        from shared.jobs.egress import egress_connector

        if self._callback_session is None or self._callback_session.closed:
            self._callback_session = aiohttp.ClientSession(connector=egress_connector(self.egress))
        return self._callback_session

    def _firestore_guard(self, name: str, prepare: Callable[[], object] | None = None) -> DependencyGuard:
        """A Firestore guard with the store's timeouts and breaker settings."""
        from shared.resilience.guard import DependencyGuard

        s = self.settings
        return DependencyGuard(
            name,
            timeout_s=s.store_call_timeout_s,
            first_timeout_s=s.store_first_call_timeout_s,
            failures_to_open=s.dependency_failures_to_open,
            open_s=s.dependency_open_s,
            prepare=prepare,
        )

    @cached_property
    def store_guard(self) -> DependencyGuard:
        """Firestore reads on the request path: short timeout under the deadline, and a breaker."""
        return self._firestore_guard("tenant and job store")

    @cached_property
    def client_store_guard(self) -> DependencyGuard:
        """Firestore calls through the client library (jobs, Idempotency-Key). With REST auth reads
        this is its own guard: a REST answer must not spend the gRPC channel's first-call allowance
        (import, client, channel, token), nor its failures open the breaker of the auth reads."""
        if self.settings.auth_read_transport != "rest":
            return self.store_guard
        # `prepare` builds the client outside the timed first call
        return self._firestore_guard("job and idempotency store", prepare=lambda: self.firestore)

    @cached_property
    def secrets(self) -> SecretManagerStore:
        from shared.resilience.guard import DependencyGuard
        from shared.secrets import RestSecretReader, SecretManagerStore, secret_manager_client

        endpoint = _url(self.settings.secret_manager_endpoint)
        reader = None
        if self.settings.auth_read_transport == "rest":  # anonymous against a stand-in, as the client is
            reader = RestSecretReader(self.auth_session, None if endpoint else self._identity, endpoint)
        return SecretManagerStore(
            self.settings.project,
            lambda: secret_manager_client(endpoint),
            ttl=self.settings.secret_ttl_s,
            guard=DependencyGuard(
                "secret manager",
                timeout_s=self.settings.secret_call_timeout_s,
                failures_to_open=self.settings.dependency_failures_to_open,
                open_s=self.settings.dependency_open_s,
            ),
            stale_s=self.settings.secret_stale_s,
            reader=reader,
        )

    @cached_property
    def tokens(self) -> TokenSource:
        from shared.providers.credentials import AdcToken, StaticToken

        if self.settings.upstream_token:
            return StaticToken(self.settings.upstream_token)
        return AdcToken()

    # -- services ----------------------------------------------------------------------------
    @cached_property
    def policy(self) -> PolicyEngine:
        """Detectors and the injection screen: compiled once per instance, shared by every request."""
        from shared.policy.engine import PolicyEngine

        return PolicyEngine()

    @cached_property
    def policy_service(self) -> PolicyService:
        from shared.policy.service import PolicyService

        return PolicyService(self.policy, self.settings.max_body_bytes)

    @cached_property
    def authenticator(self) -> Authenticator:
        from shared.auth import Authenticator
        from shared.peppers import FirestorePepperState, PepperState
        from shared.tenant_reads import LastGoodRead, ResilientTenantStore
        from shared.tenants import FirestoreTenantStore, TenantStore

        fallback = self.settings.dev_api_key_pepper if self.settings.dev else None
        writes = FirestoreTenantStore(lambda: self.firestore)
        if self.settings.auth_read_transport == "rest":  # no client library on the first request's path
            from shared.auth_reads import RestPepperState, RestTenantStore

            tenants: TenantStore = RestTenantStore(self.auth_documents, writes)
            pepper_state: Callable[[], Awaitable[PepperState | None]] = RestPepperState(self.auth_documents)
            prepare: Callable[[], object] | None = None
        else:
            tenants, pepper_state = writes, FirestorePepperState(lambda: self.firestore)
            prepare = lambda: self.firestore  # noqa: E731 - builds the client outside the timed read
        store = ResilientTenantStore(
            tenants, self.store_guard, stale_s=self.settings.auth_stale_s, prepare=prepare
        )
        return Authenticator(
            store,
            self.secrets,
            self.settings.api_key_pepper_secret,
            fallback_pepper=fallback.encode() if fallback else None,
            ttl=self.settings.auth_cache_ttl_s,
            pepper_state=LastGoodRead(
                pepper_state,
                self.store_guard,
                stale_s=self.settings.auth_stale_s,
            ),
            on_use=self.key_use.touch,
            on_legacy=self.key_use.rekey,
        )

    @cached_property
    def key_use(self) -> KeyUseWriter:
        """API keys' last-used times and post-rotation re-hashes: buffered, one batch per interval."""
        from shared.keyuse import KeyUseWriter

        return KeyUseWriter(
            lambda: self.firestore,
            resolution_s=self.settings.key_last_used_resolution_s,
            interval_s=self.settings.key_use_flush_s,
        )

    @cached_property
    def providers(self) -> ProviderFamilies:
        """One instance per provider family; a target names its family (shared/providers/). Each is
        built (its module imported) on the first call to a target of that family."""
        from shared.providers.families import ProviderFamilies

        return ProviderFamilies(
            {"vertex": self._vertex, "vertex-endpoint": self._vertex_endpoint, "openai": self._openai}
        )

    def _vertex(self) -> Provider:
        from shared.providers.vertex import VertexGemini

        s = self.settings
        return VertexGemini(
            self.http_session,
            self.tokens,
            s.project,
            base_url=_url(s.vertex_base_url),
            api_version=s.vertex_api_version,
        )

    def _vertex_endpoint(self) -> Provider:
        from shared.providers.vertex_endpoint import VertexEndpoint

        s = self.settings
        return VertexEndpoint(self.http_session, self.tokens, s.project, base_url=_url(s.vertex_base_url))

    def _openai(self) -> Provider:
        from shared.providers.openai_compat import OpenAICompatible

        return OpenAICompatible(self.http_session, self.secrets)

    @cached_property
    def prices(self) -> PriceTable:
        from shared.cost.prices import PriceTable

        path = self.settings.price_table
        return PriceTable.load(Path(path)) if path else PriceTable.load()

    @cached_property
    def catalog(self) -> ModelCatalog:
        """Model facts for validation, routing and models.list; prices come from `prices`."""
        from shared.catalog.catalog import ModelCatalog

        path = self.settings.model_catalog
        return ModelCatalog.load(self.prices, Path(path)) if path else ModelCatalog.load(self.prices)

    @cached_property
    def ledger(self) -> FirestoreLedger:
        from shared.usage.ledger import FirestoreLedger

        return FirestoreLedger(lambda: self.firestore, shards=self.settings.usage_shards)

    @cached_property
    def usage(self) -> UsageAggregator:
        from shared.usage.aggregator import UsageAggregator

        return UsageAggregator(self.ledger, interval_s=self.settings.usage_flush_interval_s)

    @cached_property
    def embedder(self) -> Embedder:
        from shared.cache.embeddings import make_embedder

        s = self.settings
        return make_embedder(
            s.cache_embeddings_provider,
            project=s.project,
            location=s.cache_embeddings_location or s.default_region,
            model=s.cache_embeddings_model,
        )

    @cached_property
    def cache(self) -> ResponseCache:
        from shared.cache.calibration import Calibration, FirestoreCalibrationStore
        from shared.cache.embeddings import embedding_model
        from shared.cache.judge import Judge
        from shared.cache.memory import MemoryCache
        from shared.cache.repeat import RepeatMemo
        from shared.cache.stage import CacheConfig, ResponseCache
        from shared.cache.stats import CacheStats
        from shared.cache.store import FirestoreCache
        from shared.providers.base import Target

        s = self.settings
        model = embedding_model(s.cache_embeddings_provider, s.cache_embeddings_model)
        config = CacheConfig(
            default_ttl_s=s.cache_default_ttl_s,
            threshold=s.cache_semantic_threshold or model.threshold,
            shadow_threshold=max(s.cache_shadow_threshold, s.cache_semantic_threshold or model.threshold),
            embed_timeout_s=s.cache_embed_timeout_s,
            l2_read=s.cache_l2_read,
            require_calibration=s.cache_calibration_required,
            answer_agree_distance=s.cache_answer_agree_distance,
        )
        store = FirestoreCache(
            lambda: self.firestore,
            timeout_s=s.cache_store_timeout_s,
            cooldown_s=s.cache_store_cooldown_s,
            write_delay_s=s.cache_write_batch_s,
            reader=self.firestore_rest if s.cache_l2_read_transport == "rest" else None,
            writer=self.firestore_rest if s.cache_l2_write_transport == "rest" else None,
        )
        calibration = Calibration(
            FirestoreCalibrationStore(lambda: self.firestore, timeout_s=s.cache_store_timeout_s),
            min_observations=s.cache_calibration_min_observations,
            refresh_s=s.cache_calibration_refresh_s,
        )

        async def judge_call(judge_model: str, body: dict[str, Any]) -> dict[str, Any]:
            target = Target("vertex", judge_model, s.default_region)
            return await self.providers["vertex"].generate(target, body, timeout=s.cache_judge_timeout_s)

        return ResponseCache(
            config,
            MemoryCache(s.cache_l1_max_bytes),
            store,
            lambda: self.embedder,
            CacheStats(self._price),
            calibration=calibration,
            judge=Judge(judge_call, s.cache_judge_model, s.cache_judge_timeout_s, self._price),
            repeats=RepeatMemo(s.cache_repeat_max_entries, s.cache_repeat_max_bytes)
            if s.cache_repeat_max_entries and s.cache_repeat_max_bytes
            else None,
        )

    def _price(self, model: str, usage: dict[str, Any]) -> float | None:
        from shared.cost.prices import usage_from_metadata

        cost = self.prices.cost(model, usage_from_metadata(usage))
        return None if cost is None else cost.total_usd

    @cached_property
    def breakers(self) -> Breakers:
        from shared.resilience.breaker import BreakerConfig, Breakers

        s = self.settings
        return Breakers(
            BreakerConfig(
                window_s=s.breaker_window_s,
                min_calls=s.breaker_min_calls,
                error_rate=s.breaker_error_rate,
                open_s=s.breaker_open_s,
                half_open_calls=s.breaker_half_open_calls,
            )
        )

    def breakers_for(self, tenant: Tenant) -> list[dict[str, Any]]:
        """The breakers of the targets this tenant's calls can reach (never other tenants')."""
        from shared.routing.router import PlanRouter

        visible = PlanRouter(self.settings.default_region).visible_targets(tenant)
        return [b for b in self.breakers.snapshot() if visible(b["target"])]

    @cached_property
    def upstream(self) -> ResilientUpstream:
        """The terminal: route plan, retries, breakers, failover, hedging."""
        from shared.resilience.retry import RetryConfig
        from shared.resilience.terminal import ResilientUpstream
        from shared.routing.router import PlanRouter

        s = self.settings
        config = RetryConfig(
            max_attempts=s.retry_max_attempts,
            base_delay_s=s.retry_base_delay_s,
            max_delay_s=s.retry_max_delay_s,
            min_attempt_s=s.retry_min_attempt_s,
            hedge_default_delay_s=s.hedge_default_delay_s,
            hedge_min_delay_s=s.hedge_min_delay_s,
            hedge_max_delay_s=s.hedge_max_delay_s,
            attempt_timeout_factor=s.attempt_timeout_factor,
            attempt_timeout_min_s=s.attempt_timeout_min_s,
            attempt_timeout_max_s=s.attempt_timeout_max_s,
            attempt_timeout_default_s=s.attempt_timeout_default_s,
        )
        router = PlanRouter(s.default_region, catalog=self.catalog)
        return ResilientUpstream(router, self.providers, self.breakers, config)

    @cached_property
    def limiter(self) -> Limiter:
        """Quotas and budgets: in-instance pools of blocks leased from Firestore counters."""
        from shared.limits.counter import BlockPolicy
        from shared.limits.limiter import Limiter
        from shared.limits.store import FirestoreLimitStore
        from shared.limits.windows import Windows
        from shared.resilience.guard import DependencyGuard

        s = self.settings
        return Limiter(
            FirestoreLimitStore(
                lambda: self.firestore,
                DependencyGuard(
                    "limits store",
                    timeout_s=s.limits_store_timeout_s,
                    failures_to_open=s.dependency_failures_to_open,
                    open_s=s.dependency_open_s,
                ),
            ),
            self.prices,
            windows=Windows(s.limits_window_s, s.limits_day_s),
            policy=BlockPolicy(
                target_s=s.limits_block_target_s,
                max_share=s.limits_block_max_share,
                outage_share=s.limits_outage_share,
                cooldown_s=s.limits_store_cooldown_s,
            ),
            lease_s=s.limits_lease_s,
            default_output_tokens=s.limits_default_output_tokens,
            vertex_tpm_quota=s.vertex_tpm_quota,
        )

    @cached_property
    def idempotency(self) -> Idempotency:
        """Idempotency-Key on sync generate calls: outcomes stored encrypted in Firestore."""
        from shared.limits.idempotency import Idempotency

        s = self.settings
        return Idempotency(
            lambda: self.firestore,
            self.secrets,
            self.client_store_guard,
            key_secret=s.idempotency_key_secret,
            dev_fallback_secret=s.api_key_pepper_secret if s.dev else None,
            ttl_s=s.idempotency_ttl_s,
            lease_s=s.upstream_timeout_s + 30,
        )

    @cached_property
    def stages(self) -> list[Stage]:
        """Pipeline stages, outermost first. Planned order (each wraps the ones after it):

        limits          quotas and budgets: admits (or refuses) the call, settles it to its usage
        accounting      observes the final outcome: usage, cost, request-log fields
        repeat          an exact repeat whose answer is in L1: served with the remembered policy decision
        policy          redacts/pseudonymizes the request, screens injection; restores answers
        cache           L1/L2/L3 lookup on the redacted request; stores accepted answers
        output check    checks the model's own answer for secrets/PII before it is cached
        -> terminal     route + generate (retries, breakers, failover, fallback)
        """
        from shared.limits.stage import LimitsStage
        from shared.policy.stages import OutputCheckStage, PolicyStage
        from shared.usage.accounting import Accounting

        stages: list[Stage] = [
            LimitsStage(lambda: self.limiter),  # built by the first call of a tenant with limits
            Accounting(self.prices, self.usage),
            PolicyStage(self.policy, offload_bytes=self.settings.policy_offload_bytes),
            self.cache,
            OutputCheckStage(self.policy),  # keep last: right before the terminal
        ]
        if self.cache.repeats is not None:
            from shared.cache.repeat import RepeatStage

            stages.insert(2, RepeatStage(self.cache, self.cache.repeats))  # right outside policy
        if self.settings.otel_enabled:
            from shared.tracing import GenAiSpans, otlp_tracer_provider

            stages.insert(0, GenAiSpans(otlp_tracer_provider(self.settings.otel_endpoint)))
        return stages

    @cached_property
    def pipeline(self) -> Pipeline:
        from shared.pipeline import Pipeline

        return Pipeline(self.stages, self.upstream)

    @cached_property
    def gateway(self) -> Gateway:
        from shared.gateway import Gateway, GatewayConfig

        config = GatewayConfig(
            project=self.settings.project,
            max_body_bytes=self.settings.max_body_bytes,
            upstream_timeout_s=self.settings.upstream_timeout_s,
            max_header_bytes=self.settings.max_header_bytes,
        )
        gateway = Gateway(
            config,
            self.authenticator,
            self.pipeline,
            breakers=self.breakers_for,
            jobs=lambda: self.jobs,  # built (and imported) on the first jobs route
            catalog=self.catalog,
            idempotency=self.idempotency,
        )
        # Everything imported and built so far lives as long as the instance: move it out of the
        # cyclic GC's generations, so full collections under load do not traverse it every time.
        gc.freeze()
        self._warm_client_libraries()
        return gateway

    def _warm_client_libraries(self) -> None:
        """The first request imported no Firestore client library (its reads go over REST), but the
        first write (key use, usage, cache, limits) will need it: import it on a worker thread shortly
        after the gateway is built, not on the event loop inside some later request."""
        if self.settings.auth_read_transport != "rest":
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # built outside a server (a script, a test): nothing to serve meanwhile
            return
        loop.call_later(
            self.settings.client_warmup_delay_s,  # the first request has normally been answered by then
            lambda: loop.run_in_executor(None, _import_client_libraries).add_done_callback(_log_warm_failure),
        )

    @cached_property
    def admin(self) -> AdminService:
        from shared.admin.caller import CallerAuth
        from shared.admin.service import AdminService, Resources

        s = self.settings
        callers = CallerAuth(
            use_token=s.admin_uses_token, secrets=self.secrets, token_secret=s.admin_token_secret
        )
        resources = Resources(
            tenants=lambda: self.admin_tenants,
            keys=self._admin_keys,
            secrets=self._admin_secrets,
            cache=self._admin_cache,
            usage=self._admin_usage,
            erasure=self._admin_erasure,
            jobs=self._admin_jobs,
            audit=lambda: self.audit,
        )
        from shared.limits.report import vertex_quota_report

        return AdminService(
            callers,
            resources,
            overlap_s=s.key_rotate_overlap_s,
            pepper_window_s=s.pepper_rotate_window_s,
            vertex_quota=lambda: vertex_quota_report(lambda: self.firestore, s.vertex_tpm_quota),
        )

    # -- admin resources (built on first use, in the admin function only) ----------------------------
    @cached_property
    def secret_client(self) -> Any:
        """The Secret Manager client for writes (the SecretStore reads through its own)."""
        from shared.secrets import secret_manager_client

        return secret_manager_client(_url(self.settings.secret_manager_endpoint))

    @cached_property
    def audit(self) -> AuditLog:
        from shared.admin.audit import AuditLog

        return AuditLog(lambda: self.firestore)

    @cached_property
    def admin_tenants(self) -> TenantAdmin:
        from shared.admin.tenants import TenantAdmin

        return TenantAdmin(lambda: self.firestore, self.egress, self.audit)

    def _admin_keys(self) -> KeyAdmin:
        from shared.admin.keys import KeyAdmin

        s = self.settings
        return KeyAdmin(
            lambda: self.firestore,
            self.secrets,
            lambda: self.secret_client,
            s.project,
            s.api_key_pepper_secret,
            self.audit,
        )

    def _admin_secrets(self) -> CallbackSecretAdmin:
        from shared.admin.secrets import CallbackSecretAdmin

        s = self.settings
        return CallbackSecretAdmin(
            lambda: self.secret_client,
            self.secrets,
            s.project,
            s.callback_secret_prefix,
            s.secret_ttl_s,
            self.audit,
        )

    def _admin_cache(self) -> CacheAdmin:
        from shared.admin.cache import CacheAdmin
        from shared.cache.calibration import FirestoreCalibrationStore
        from shared.cache.store import FirestoreCache

        store = FirestoreCache(lambda: self.firestore, timeout_s=30.0, write_delay_s=0.0)
        calibration = FirestoreCalibrationStore(lambda: self.firestore, timeout_s=10.0)
        return CacheAdmin(
            lambda: self.firestore, self.ledger, lambda: store, self.audit,
            lambda: calibration, self.settings.cache_calibration_min_observations,
        )  # fmt: skip

    def _admin_usage(self) -> UsageReports:
        from shared.admin.usage import UsageReports

        return UsageReports(self.ledger)

    def _admin_erasure(self) -> Eraser:
        from shared.admin.erasure import Eraser

        s = self.settings
        return Eraser(
            lambda: self.firestore,
            lambda: self.secret_client,
            s.project,
            s.callback_secret_prefix,
            self.audit,
            batch=s.erasure_batch,
            keep_usage_days=s.erasure_keep_usage_days,
        )

    def _admin_jobs(self) -> JobAdmin:
        from shared.admin.jobs import JobAdmin

        return JobAdmin(self.job_store)

    # -- async lane ----------------------------------------------------------------------------------
    @cached_property
    def egress(self) -> EgressPolicy:
        from shared.jobs.egress import EgressPolicy

        loopback = self.settings.callbacks_allow_loopback
        return EgressPolicy(allow_loopback=loopback, require_https=not self.settings.dev)

    @cached_property
    def job_store(self) -> FirestoreJobStore:
        from shared.jobs.store import FirestoreJobStore

        return FirestoreJobStore(lambda: self.firestore)  # built on first use: not at cold start

    @cached_property
    def job_publisher(self) -> JobPublisher:
        from shared.jobs.publisher import JobPublisher

        return JobPublisher(
            self.settings.project, self.settings.jobs_topic, timeout=self.settings.publish_timeout_s
        )

    @cached_property
    def jobs(self) -> JobService:
        from shared.jobs.service import JobService
        from shared.resilience.guard import DependencyGuard

        s = self.settings
        queue = DependencyGuard(
            "job queue",
            timeout_s=s.publish_timeout_s,
            failures_to_open=s.dependency_failures_to_open,
            open_s=s.dependency_open_s,
        )
        return JobService(
            self.job_store,
            self.job_publisher,
            self.pipeline,
            self.egress,
            store_guard=self.client_store_guard,
            queue_guard=queue,
            write_timeout_s=s.publish_timeout_s,
        )

    @cached_property
    def callbacks(self) -> CallbackSender:
        from shared.jobs.callbacks import CallbackSender

        s = self.settings
        return CallbackSender(
            self.callback_session,
            self.secrets,
            self.egress,
            secret_prefix=s.callback_secret_prefix,
            timeout_s=s.callback_timeout_s,
            max_attempts=s.callback_max_attempts,
            budget_s=s.callback_budget_s,
        )

    @cached_property
    def sweeper(self) -> Sweeper:
        from shared.jobs.sweeper import Sweeper

        return Sweeper(self.job_store, self.job_publisher, grace_s=self.settings.job_sweep_after_s)

    @cached_property
    def job_worker(self) -> JobWorker:
        from shared.jobs.worker import JobWorker
        from shared.tenants import FirestoreTenantStore

        s = self.settings
        return JobWorker(
            self.job_store,
            FirestoreTenantStore(lambda: self.firestore),
            self.pipeline,
            self.callbacks,
            self.sweeper,
            lease_s=s.job_lease_s,
            max_attempts=s.job_max_attempts,
            run_timeout_s=s.upstream_timeout_s,
            tenant_ttl_s=s.auth_cache_ttl_s,
            busy_wait_s=s.job_busy_wait_s,
            heartbeat_s=s.job_heartbeat_s,
            usage=self.usage,
        )

    @cached_property
    def dead_letters(self) -> DeadLetterHandler:
        from shared.jobs.deadletter import DeadLetterHandler

        return DeadLetterHandler(self.job_store, self.callbacks)

    # -- shutdown ------------------------------------------------------------------------------------
    async def shutdown(self) -> None:
        """At most `shutdown_flush_s` (Cloud Run kills an instance 10 s after SIGTERM) writing what the
        instance buffered: usage, key use, cache entries. The server calls it once, after the last
        request (functions/_shutdown.py). Usage it could not write is in the request logs."""
        from shared.log import get_logger

        log = get_logger("gatehouse.runtime")
        started = time.monotonic()
        try:
            await asyncio.wait_for(self.aclose(), self.settings.shutdown_flush_s)
        except Exception as error:  # logged below with what is left; the request logs still hold it
            log.error("shutdown flush failed", extra={"error": type(error).__name__})
        left = self.usage.pending() if "usage" in self.__dict__ else {}
        extra = {
            "ms": round((time.monotonic() - started) * 1000, 1),
            "unflushed_requests": sum(delta.requests for delta in left.values()),
        }
        if left:
            log.error("usage left unflushed at shutdown; reconcile it from the request logs", extra=extra)
        else:
            log.info("shutdown flush", extra=extra)

    async def aclose(self) -> None:
        if "usage" in self.__dict__:
            await self.usage.drain()
        if "key_use" in self.__dict__:
            await self.key_use.flush()
        if "cache" in self.__dict__:
            await self.cache.store.drain()
        for session in (self._session, self._callback_session, *self._pools.values()):
            if session is not None:
                await session.close()
