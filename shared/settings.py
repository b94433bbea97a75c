"""One frozen, typed Settings object, read from the environment and validated at cold start."""

from __future__ import annotations

import sys
from typing import Literal

from pydantic import AliasChoices, AnyHttpUrl, Field, ValidationError, field_validator
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
    policy_offload_bytes: int = Field(
        65536,
        ge=0,
        description="Prompts with at least this many characters of text are redacted in a worker thread.",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field("INFO", description="Log level.")

    @field_validator("vertex_base_url", "secret_manager_endpoint")
    @classmethod
    def _no_trailing_path(cls, value: AnyHttpUrl | None) -> AnyHttpUrl | None:
        if value is not None and value.path not in (None, "", "/"):
            raise ValueError("must be a scheme://host[:port] URL without a path")
        return value

    @property
    def dev(self) -> bool:
        return self.environment == "dev"


def _one_line(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        name = "GATEHOUSE_" + "_".join(str(p) for p in item["loc"]).upper()
        parts.append(f"{name}: {item['msg']}")
    return "invalid settings: " + "; ".join(parts)


def load_settings() -> Settings:
    """Read and validate settings; on error print one clear line and stop the process."""
    try:
        return Settings()
    except ValidationError as error:
        print(_one_line(error), file=sys.stderr)
        raise SystemExit(2) from None
