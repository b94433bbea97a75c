"""One frozen, typed Settings object, read from the environment and validated at cold start."""

from __future__ import annotations

import sys
from typing import Literal

from pydantic import AliasChoices, AnyHttpUrl, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "load_settings"]


class Settings(BaseSettings):
    """Every setting, with its default. The README's settings table mirrors this class."""

    model_config = SettingsConfigDict(env_prefix="GATEHOUSE_", frozen=True, extra="ignore")

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
    cache_semantic_threshold: float = Field(
        0.1,
        gt=0,
        lt=1,
        description="Default cosine-distance cut-off for semantic hits (tenants may override).",
    )
    cache_shadow_threshold: float = Field(
        0.3, gt=0, lt=1, description="How far shadow mode looks for neighbours to log (cosine distance)."
    )
    cache_embeddings_provider: Literal["vertex", "local"] = Field(
        "vertex", description="`vertex`: Vertex AI embeddings; `local`: the dev-only bundled MiniLM model."
    )
    cache_embeddings_model: str = Field(
        "text-embedding-005", description="Embedding model (Vertex AI model id, or a local model path)."
    )
    cache_embeddings_dimension: int = Field(
        768, ge=1, le=2048, description="Embedding size for Vertex AI (Firestore vectors hold at most 2048)."
    )
    cache_embeddings_location: str | None = Field(
        None, description="Vertex AI region for embeddings; None: `default_region`."
    )
    cache_embed_timeout_s: float = Field(
        2.0, gt=0, description="Deadline for one embedding; past it the request is a miss."
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
    job_lease_s: float = Field(
        300.0,
        ge=5,
        description="How long a claimed job is reserved for its worker; a crashed worker's job is "
        "retried after it expires. One run is limited to 80% of it.",
    )
    job_busy_wait_s: float = Field(
        30.0,
        ge=0,
        description="How long a delivery for a job running under another live lease waits for it "
        "(a duplicate acks when the original ends; a crashed worker's job runs when its lease "
        "expires) before it is nacked. Keep below the subscription's ack deadline.",
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
        return self

    @property
    def callbacks_allow_loopback(self) -> bool:
        return self.callback_egress == "public+loopback" or (self.callback_egress == "auto" and self.dev)

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


def load_settings() -> Settings:
    """Read and validate settings; on error print one clear line and stop the process."""
    try:
        return Settings()
    except ValidationError as error:
        print(_one_line(error), file=sys.stderr)
        raise SystemExit(2) from None
