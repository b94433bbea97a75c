"""One frozen, typed Settings object, read from the environment and validated at cold start.

`Settings()` reads `GATEHOUSE_<FIELD>` (any case) from the environment, or a field's own variable
names (`validation_alias`); arguments win over the environment. This is what pydantic-settings'
`BaseSettings` did with only its init and environment sources (every field is a scalar, so no JSON
decoding), without importing pydantic-settings: its import and field walk were 69 M of the ~2.2 G
instructions to an ingress's first 200 (docs/decisions/2026-11-29-performance.md, round 5).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import (
    AliasChoices,
    AnyHttpUrl,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

__all__ = ["ENV_PREFIX", "Settings", "environment_values", "load_settings"]

ENV_PREFIX = "GATEHOUSE_"


class Settings(BaseModel):
    """Every setting, with its default. The README's settings table mirrors this class."""

    # as BaseSettings: defaults validated too, fields settable by name or by their variable's name
    model_config = ConfigDict(
        frozen=True, extra="ignore", validate_default=True, validate_by_name=True, validate_by_alias=True
    )

    def __init__(self, **values: Any) -> None:
        super().__init__(**{**environment_values(type(self), os.environ), **values})

    project: str = Field(
        min_length=1,
        validation_alias=AliasChoices("GATEHOUSE_PROJECT", "GOOGLE_CLOUD_PROJECT"),
        description="Google Cloud project that owns Firestore, Pub/Sub and Vertex AI "
        "(falls back to GOOGLE_CLOUD_PROJECT).",
    )
    environment: Literal["dev", "prod"] = Field(
        "prod", description="`dev` allows env-var secret fallbacks and loopback callbacks."
    )
    default_region: str = Field("us-central1", description="Vertex AI region when a tenant names none.")
    vertex_base_url: AnyHttpUrl | None = Field(
        None,
        description="Override for the Vertex AI endpoint (the simulator locally). Unset: "
        "`https://{region}-aiplatform.googleapis.com`.",
    )
    vertex_api_version: str = Field("v1", description="Vertex AI REST version used upstream.")
    upstream_token: str | None = Field(
        None, description="Static bearer token for the upstream (dev only). Unset: Google ADC."
    )
    upstream_timeout_s: float = Field(120.0, gt=0, description="Deadline for one upstream call.")
    upstream_pool_size: int = Field(256, ge=1, description="Max pooled upstream connections.")
    firestore_database: str = Field("(default)", description="Firestore database id.")
    secret_manager_endpoint: AnyHttpUrl | None = Field(
        None, description="Secret Manager REST endpoint override (the dev stand-in locally)."
    )
    api_key_pepper_secret: str = Field(
        "gatehouse-api-key-pepper", description="Secret Manager secret holding the API-key pepper."
    )
    dev_api_key_pepper: str | None = Field(
        None, description="Dev-only fallback pepper when Secret Manager has none (never in prod)."
    )
    secret_ttl_s: float = Field(300.0, ge=0, description="How long a secret read is cached.")
    auth_cache_ttl_s: float = Field(
        30.0, ge=0, description="How long a key -> tenant lookup is cached in the instance."
    )
    max_body_bytes: int = Field(
        10 * 1024 * 1024, ge=1024, description="Largest request body accepted (413 above it)."
    )
    cache_l1_max_bytes: int = Field(
        64 * 1024 * 1024,
        ge=0,
        description="Byte budget of the per-instance (L1) answer cache; 0 turns L1 off.",
    )
    cache_default_ttl_s: int = Field(
        86400, ge=1, description="Lifetime of a cached answer when the tenant sets no `cache.ttl_s`."
    )
    # the repeat fast path (performance, issue 18: shared/cache/repeat.py)
    cache_repeat_max_entries: int = Field(
        10_000,
        ge=0,
        le=1_000_000,
        description="Exact repeats remembered per instance (their policy decision and cache key), so a "
        "repeat served from L1 skips redaction and screening; 0 turns the fast path off.",
    )
    cache_repeat_max_bytes: int = Field(
        16 * 1024 * 1024,
        ge=0,
        le=1024 * 1024 * 1024,
        description="Byte budget of those remembered decisions (each holds its request's pseudonym mapping).",
    )
    cache_l2_read: bool = Field(
        True, description="Read Firestore (L2) on an L1 miss of a cacheable request; false: L1 only."
    )
    cache_store_timeout_s: float = Field(
        0.25, gt=0, description="Deadline of one cache read in Firestore (L2/L3); past it, a miss."
    )
    cache_write_batch_s: float = Field(
        0.05,
        ge=0,
        le=5,
        description="Cache entries stored within this window go to Firestore in one commit "
        "(less CPU per miss; other instances see them that much later); 0: one write per entry.",
    )
    cache_store_cooldown_s: float = Field(
        5.0, ge=0, description="After a Firestore cache failure, skip cache reads for this long."
    )
    cache_semantic_threshold: float | None = Field(
        None,
        gt=0,
        lt=1,
        description="Default cosine-distance cap for semantic candidates; None: the embedding model's "
        "(shared/cache/embeddings.py). Tenants may lower it.",
    )
    cache_shadow_threshold: float = Field(
        0.4, gt=0, lt=1, description="How far shadow mode looks for neighbours to log (cosine distance)."
    )
    cache_embeddings_provider: Literal["vertex", "local"] = Field(
        "vertex", description="`vertex`: Vertex AI embeddings; `local`: the dev-only bundled MiniLM model."
    )
    cache_embeddings_model: str = Field(
        "text-embedding-005", description="Embedding model (Vertex AI model id, or a local model path)."
    )
    cache_embeddings_location: str | None = Field(
        None, description="Vertex AI region for embeddings; None: `default_region`."
    )
    cache_embed_timeout_s: float = Field(
        2.0, gt=0, description="Deadline for one embedding; past it the request is a miss."
    )
    # semantic cache calibration and judge (issue 17)
    cache_calibration_required: bool = Field(
        True,
        description="Serve semantic hits only once the tenant's shadow calibration bounds their error rate; "
        "until then semantic tenants run in shadow mode.",
    )
    cache_calibration_min_observations: int = Field(
        30, ge=1, le=100_000, description="Fewest shadow observations before a tenant's calibration counts."
    )
    cache_calibration_refresh_s: float = Field(
        30.0, ge=0, le=3600, description="How long an instance reuses a tenant's calibration counts."
    )
    cache_answer_agree_distance: float = Field(
        0.05,
        ge=0,
        lt=1,
        description="Answer-embedding distance under which a fresh and a cached answer count as agreeing "
        "(when they are not equal after normalization).",
    )
    cache_judge_model: str = Field(
        "gemini-2.5-flash-lite", description="Model of the optional judge tier (tenant `cache.judge`)."
    )
    cache_judge_timeout_s: float = Field(
        1.0, gt=0, le=10, description="Latency budget of one judge call; past it the hit is not served."
    )
    retry_max_attempts: int = Field(
        5, ge=1, le=20, description="Most upstream calls per request, across targets (hedges included)."
    )
    retry_base_delay_s: float = Field(0.05, gt=0, description="Full-jitter exponential backoff: first step.")
    retry_max_delay_s: float = Field(
        2.0,
        gt=0,
        description="Longest backoff; a Retry-After beyond it rules that target out for the request.",
    )
    retry_min_attempt_s: float = Field(
        0.05, ge=0, description="No attempt starts with less time left (nor less than the target's p50)."
    )
    breaker_window_s: float = Field(
        30.0, gt=0, description="Rolling window of a circuit breaker's error rate."
    )
    breaker_min_calls: int = Field(10, ge=1, description="Calls in the window before a breaker may open.")
    breaker_error_rate: float = Field(0.5, gt=0, le=1, description="Error rate that opens a breaker.")
    breaker_open_s: float = Field(15.0, gt=0, description="How long a breaker stays open before a probe.")
    breaker_half_open_calls: int = Field(1, ge=1, description="Probe calls admitted while half-open.")
    hedge_default_delay_s: float = Field(
        0.3, gt=0, description="Hedge delay before a target has enough samples for its p95."
    )
    hedge_min_delay_s: float = Field(0.02, ge=0, description="Lower bound of the hedge delay (p95).")
    hedge_max_delay_s: float = Field(1.0, gt=0, description="Upper bound of the hedge delay (p95).")
    policy_offload_bytes: int = Field(
        8192,
        ge=0,
        description="Prompts with at least this many characters of text are redacted in a worker thread.",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field("INFO", description="Log level.")
    price_table: str | None = Field(
        None, description="Path to a price table JSON; unset: the bundled shared/cost/prices.json."
    )
    usage_flush_interval_s: float = Field(
        2.0, ge=0, description="How often an instance writes its buffered usage to the ledger."
    )
    usage_shards: int = Field(8, ge=1, le=100, description="Counter shards per tenant/day/model.")
    # -- usage durability (hardening #11): flush on shutdown inside Cloud Run's 10 s grace ----------
    shutdown_flush_s: float = Field(
        8.0,
        gt=0,
        le=9.5,
        description="On SIGTERM, how long an instance may spend writing its buffered usage (and key "
        "use, cache writes) before it exits; Cloud Run kills it 10 s after SIGTERM.",
    )
    otel_enabled: bool = Field(
        False, description="Emit OpenTelemetry GenAI spans (off: OpenTelemetry is never imported)."
    )
    otel_endpoint: str | None = Field(
        None, description="OTLP/HTTP traces endpoint; unset: the exporter's default/env settings."
    )
    jobs_topic: str = Field("gatehouse-jobs", min_length=3, description="Pub/Sub topic of async job ids.")
    jobs_dead_letter_topic: str = Field(
        "gatehouse-jobs-dead-letter",
        min_length=3,
        description="Dead-letter topic of the jobs subscription (its handler marks jobs failed).",
    )
    # hardening (#11): short leases renewed by a heartbeat, so a dead worker's job moves on in ~one lease
    job_lease_s: float = Field(
        30.0,
        ge=1,
        le=600,
        description="How long a claimed job is reserved for its worker without a heartbeat; the "
        "worker renews it while the job runs, so a crashed worker's job is taken over about one "
        "lease after its last heartbeat.",
    )
    job_heartbeat_s: float | None = Field(
        None,
        gt=0,
        le=300,
        description="How often a running job's lease is renewed; unset: a third of the lease.",
    )
    job_busy_wait_s: float = Field(
        45.0,
        ge=0,
        description="How long a delivery for a job running under another live lease waits for it "
        "(a duplicate acks when the original ends, or when its lease is renewed meanwhile; a crashed "
        "worker's job runs when its lease expires) before it is nacked. Keep above the lease and "
        "below the subscription's ack deadline.",
    )
    job_max_attempts: int = Field(5, ge=1, le=100, description="Runs of one job before it is marked failed.")
    job_sweep_after_s: float = Field(
        60.0,
        ge=1,
        description="The sweeper republishes jobs stranded this long (unpublished, expired lease, "
        "callback pending).",
    )
    callback_timeout_s: float = Field(10.0, gt=0, description="Deadline of one callback POST.")
    callback_max_attempts: int = Field(4, ge=1, le=20, description="Callback POSTs before giving up.")
    callback_budget_s: float = Field(60.0, gt=0, description="Total time spent retrying one callback.")
    callback_secret_prefix: str = Field(
        "gatehouse-callback-",
        description="Secret Manager name prefix of per-tenant callback signing secrets ({prefix}{tenant}).",
    )
    callback_egress: Literal["auto", "public", "public+loopback"] = Field(
        "auto",
        description="Addresses callbacks may reach. `auto`: public only (https) in prod; public and "
        "loopback (http allowed) in dev. `public+loopback` is refused in prod.",
    )

    # -- API surface (#15): request edges and the model catalog -------------------------------------
    max_header_bytes: int = Field(
        16 * 1024,
        ge=1024,
        le=1024 * 1024,
        description="Largest total size of a request's headers (names and values); 431 above it.",
    )
    model_catalog: str | None = Field(
        None, description="Path to a model catalog JSON; unset: the bundled shared/catalog/models.json."
    )
    asgi_direct: bool = Field(
        True,
        description="The ingress serves requests straight from the ASGI server, past functions-framework's "
        "and Starlette's per-request layers, with the same responses (functions/_direct.py); false: "
        "through them.",
    )

    # -- dependency faults on the request path (hardening, #11) --------------------------------
    store_call_timeout_s: float = Field(
        0.5,
        gt=0,
        le=30,
        description="Per-call timeout of a Firestore read on the request path (API key, tenant, job "
        "submission and status); never longer than the request's remaining deadline.",
    )
    store_first_call_timeout_s: float = Field(
        5.0,
        gt=0,
        le=60,
        description="Per-call timeout of those reads until Firestore has answered this instance once "
        "(client set-up, TLS and credentials on a new instance), within the request's deadline.",
    )
    dependency_failures_to_open: int = Field(
        3,
        ge=1,
        le=100,
        description="Consecutive failures of a dependency (Firestore, Secret Manager, "
        "Pub/Sub) after which calls to it are skipped (503 at once) for `dependency_open_s`.",
    )
    dependency_open_s: float = Field(
        5.0, gt=0, le=300, description="How long a failing dependency is skipped before one probe call."
    )
    auth_stale_s: float = Field(
        3600.0,
        ge=0,
        le=86400,
        description="While the tenant store fails, the last good key/tenant record an instance read "
        "keeps serving for at most this long after that read; 0: fail closed (503).",
    )
    secret_call_timeout_s: float = Field(
        2.0, gt=0, le=60, description="Per-call timeout of a Secret Manager read (a first fetch fails fast)."
    )
    secret_stale_s: float = Field(
        86400.0,
        ge=0,
        le=7 * 86400,
        description="While Secret Manager fails, a cached secret keeps serving this long past its TTL.",
    )
    publish_timeout_s: float = Field(
        2.0, gt=0, le=60, description="Deadline of one job publish to Pub/Sub; past it, 503 and no job."
    )
    attempt_timeout_factor: float = Field(
        4.0,
        ge=1,
        le=100,
        description="When another target could still be tried, an attempt waits for response headers (a "
        "stream: its first chunk) at most this multiple of the target's observed p95 for that kind of call.",
    )
    attempt_timeout_min_s: float = Field(
        5.0, gt=0, le=600, description="Lower bound of that per-attempt time-to-first-byte timeout."
    )
    attempt_timeout_max_s: float = Field(
        60.0, gt=0, le=3600, description="Upper bound of that per-attempt time-to-first-byte timeout."
    )
    attempt_timeout_default_s: float = Field(
        30.0,
        gt=0,
        le=3600,
        description="The per-attempt time-to-first-byte timeout before a target has 20 latency samples.",
    )

    # -- spend control: quotas, budgets, idempotency (shared/limits/) ----------------------------
    limits_window_s: float = Field(
        60.0,
        ge=1,
        le=3600,
        description="Length of the fixed windows of rate quotas; per-minute limits scale to it "
        "(60 RPM in a 6 s window: 6 per window).",
    )
    limits_day_s: int = Field(
        86400,
        ge=1,
        le=86400,
        description="Length of a budget day; 86400: UTC days and calendar months (shorter: tests, "
        "where a month is 30 such days).",
    )
    limits_block_target_s: float = Field(
        10.0,
        gt=0,
        le=60,
        description="An instance takes quota from Firestore in blocks sized to this many seconds of its "
        "recent rate (one write per counter per interval under steady load; a block is never more than "
        "GATEHOUSE_LIMITS_BLOCK_MAX_SHARE of the limit).",
    )
    limits_block_max_share: float = Field(
        0.05,
        gt=0,
        le=0.5,
        description="A block is at most this share of a window's limit (the bound on quota stranded in "
        "idle instances: one block per instance per window).",
    )
    limits_outage_share: float = Field(
        0.1,
        ge=0,
        le=1,
        description="While Firestore is unreachable, each instance admits at most this share of a limit "
        "per window (and no more than the last known counter left), unless the tenant fails closed.",
    )
    limits_store_timeout_s: float = Field(
        0.5, gt=0, le=10, description="Deadline of one limits-store call; past it, the local allowance."
    )
    limits_store_cooldown_s: float = Field(
        5.0,
        ge=0,
        description="After a limits-store failure, serve local allowances this long before retrying.",
    )
    limits_lease_s: float = Field(
        300.0,
        ge=5,
        le=3600,
        description="Lease of the concurrency slots an instance holds; a crashed instance's slots free "
        "after it. Keep above the upstream timeout.",
    )
    limits_default_output_tokens: int = Field(
        4096,
        ge=1,
        le=1_000_000,
        description="Output tokens reserved when a request sets no maxOutputTokens (and the cap of what "
        "one request reserves); settlement corrects to the real usage.",
    )
    vertex_tpm_quota: int | None = Field(
        None,
        ge=1,
        description="The project's Vertex AI tokens-per-minute quota; tenants' `limits.vertex_tpm_share` "
        "is a share of it.",
    )
    idempotency_ttl_s: float = Field(
        86400.0,
        ge=60,
        le=7 * 86400,
        description="How long the outcome of a generate call with an `Idempotency-Key` is kept for replays.",
    )
    idempotency_key_secret: str = Field(
        "gatehouse-idempotency-key",
        description="Secret Manager secret whose value keys the encryption of stored outcomes (in dev, "
        "when missing, a key derived from the API-key pepper).",
    )

    # -- operate (#13): admin API, API keys, erasure ------------------------------------------------
    admin_auth: Literal["auto", "iam", "token"] = Field(
        "auto",
        description="How the admin function knows its caller. `iam`: Cloud Run's invoker check verified "
        "the ID token, the caller is read from it; `token`: a static bearer token from Secret Manager "
        "(dev only); `auto`: iam in prod, token in dev.",
    )
    admin_token_secret: str = Field(
        "gatehouse-admin-token", description="Secret Manager secret holding the dev admin token."
    )
    key_last_used_resolution_s: float = Field(
        3600.0, ge=1, description="An API key's `last_used_at` is written at most this often."
    )
    key_use_flush_s: float = Field(
        10.0, gt=0, le=300, description="How long key last-used updates are buffered before one batch write."
    )
    key_rotate_overlap_s: float = Field(
        86400.0,
        ge=0,
        le=30 * 86400,
        description="Default overlap of a rotated key: both keys work meanwhile.",
    )
    pepper_rotate_window_s: float = Field(
        7 * 86400.0,
        ge=0,
        le=90 * 86400,
        description="Default window of a pepper rotation in which the old pepper still verifies (keys used "
        "meanwhile are re-hashed).",
    )
    erasure_keep_usage_days: int = Field(
        400,
        ge=0,
        le=3650,
        description="Erasing a tenant keeps its usage ledger rows of the last N days (billing records); "
        "0 deletes them all.",
    )
    erasure_batch: int = Field(
        200, ge=1, le=500, description="Documents deleted per batch commit when a tenant is erased."
    )

    # -- performance round 2 (#18): the cacheable miss's L2 read -----------------------------------
    cache_l2_read_transport: Literal["rest", "grpc"] = Field(
        "rest",
        description="How the exact-key L2 read reaches Firestore: `rest` (one keep-alive GET on a "
        "pooled HTTP session, the cheap path) or `grpc` (the client library).",
    )
    cache_l2_write_transport: Literal["rest", "grpc"] = Field(
        "rest",
        description="How the batched L2/L3 entry writes reach Firestore: `rest` (one `documents:commit` "
        "per batch on the L2 read's HTTP pool: a quarter to a half of the CPU per entry) or `grpc` (the "
        "client library's batch commit).",
    )
    # -- performance round 2 (#18): the cold start's reads ------------------------------------------
    auth_read_transport: Literal["rest", "client"] = Field(
        "rest",
        description="How the request path reads API keys, tenants and the pepper rotation state (Firestore) "
        "and secret versions (Secret Manager): `rest` (keep-alive GETs on a pooled HTTP session: an "
        "instance's first request imports no Google client library) or `client` (the client libraries).",
    )
    client_warmup_delay_s: float = Field(
        1.0,
        ge=0,
        le=3600,
        description="With `rest` auth reads: seconds after the gateway is built (on the first request) "
        "before a worker thread imports the Firestore client library for the first write.",
    )
    # -- performance round 2 (#18): Google API reads get their own connection pools ----------------
    auth_read_pool_size: int = Field(
        32,
        ge=1,
        le=1024,
        description="Max pooled connections of the REST auth reads (API keys, tenants, pepper state, "
        "secrets): their own pool, so upstream calls holding every upstream connection never queue them.",
    )
    cache_read_pool_size: int = Field(
        64,
        ge=1,
        le=1024,
        description="Max pooled connections of the cache's L2 reads over REST (their own pool, apart "
        "from the upstream calls' and the auth reads').",
    )

    @field_validator("vertex_base_url", "secret_manager_endpoint")
    @classmethod
    def _no_trailing_path(cls, value: AnyHttpUrl | None) -> AnyHttpUrl | None:
        if value is not None and value.path not in (None, "", "/"):
            raise ValueError("must be a scheme://host[:port] URL without a path")
        return value

    @model_validator(mode="after")
    def _egress_fits_environment(self) -> Settings:
        if self.callback_egress == "public+loopback" and not self.dev:
            raise ValueError("callback_egress=public+loopback is only allowed with environment=dev")
        if self.admin_auth == "token" and not self.dev:
            raise ValueError("admin_auth=token is only allowed with environment=dev (use IAM)")
        return self

    @model_validator(mode="after")
    def _heartbeat_inside_lease(self) -> Settings:
        if self.job_heartbeat_s is not None and self.job_heartbeat_s > self.job_lease_s / 2:
            raise ValueError("job_heartbeat_s must be at most half of job_lease_s (a renewal may be late)")
        return self

    @property
    def callbacks_allow_loopback(self) -> bool:
        return self.callback_egress == "public+loopback" or (self.callback_egress == "auto" and self.dev)

    @property
    def admin_uses_token(self) -> bool:
        return self.admin_auth == "token" or (self.admin_auth == "auto" and self.dev)

    @property
    def dev(self) -> bool:
        return self.environment == "dev"


def _one_line(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        raw = "_".join(str(p) for p in item["loc"]).upper()
        # a field with a validation alias reports the alias (already an environment variable name)
        name = (raw if raw.startswith("GATEHOUSE_") else "GATEHOUSE_" + raw) if raw else "settings"
        parts.append(f"{name}: {item['msg']}")
    return "invalid settings: " + "; ".join(parts)


def environment_values(model: type[BaseModel], environ: Mapping[str, str]) -> dict[str, str]:
    """The fields of `model` set in `environ`, by field name: `GATEHOUSE_<NAME>`, or the first of a
    field's `validation_alias` names that is set; names match in any case."""
    lowered = {name.lower(): value for name, value in environ.items()}
    values = {}
    for name, field in model.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names = [str(choice) for choice in alias.choices]
        else:
            names = [alias if isinstance(alias, str) else ENV_PREFIX + name]
        for candidate in names:
            value = lowered.get(candidate.lower())
            if value is not None:
                values[name] = value
                break
    return values


def load_settings() -> Settings:
    """Read and validate settings; on error print one clear line and stop the process."""
    try:
        return Settings()
    except ValidationError as error:
        print(_one_line(error), file=sys.stderr)
        raise SystemExit(2) from None
