"""Which files a request may make Vertex AI read: `fileData` URIs limited per tenant.

Vertex AI fetches a `fileData.fileUri` with the project's service agent, so without a limit any
tenant could have it read any bucket the project can reach. A tenant lists the `gs://` buckets
and the https URL prefixes its requests may name (`Tenant.inputs`); every other URI is refused
with 403 before anything is stored or sent. The default is to allow none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator
from yarl import URL

from shared.errors import PermissionDenied

__all__ = ["InputSettings", "check_file_uris", "file_uris"]

_BUCKET = re.compile(r"^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$")


class InputSettings(BaseModel):
    """A tenant's allow-list of files its requests may point Vertex AI at."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    file_buckets: tuple[str, ...] = Field(
        (),
        max_length=100,
        description="Cloud Storage buckets (names, without `gs://`) that `fileData` URIs may name.",
    )
    file_url_prefixes: tuple[str, ...] = Field(
        (),
        max_length=100,
        description="https URL prefixes (scheme, host and a path ending in `/`) that `fileData` URIs "
        "may start with.",
    )

    @field_validator("file_buckets")
    @classmethod
    def _bucket_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for name in value:
            if not _BUCKET.match(name):
                raise ValueError(f"`{name}` is not a Cloud Storage bucket name")
        return value

    @field_validator("file_url_prefixes")
    @classmethod
    def _prefixes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for prefix in value:
            url = URL(prefix)
            if (
                url.scheme != "https"
                or not url.host
                or not prefix.endswith("/")
                or url.user
                or url.query_string
            ):
                raise ValueError(
                    f"`{prefix}` must be an https URL with a host and a path ending in `/` "
                    "(so `https://example.com` cannot match `https://example.com.evil.test/`)"
                )
        return value

    def allows(self, uri: str) -> bool:
        if uri.startswith("gs://"):
            bucket = uri[5:].split("/", 1)[0]
            return bucket in self.file_buckets and "/" in uri[5:] and ".." not in uri
        return (
            uri.startswith("https://")
            and ".." not in uri
            and any(uri.startswith(p) for p in self.file_url_prefixes)
        )


def file_uris(body: Any) -> Iterator[str]:
    """Every `fileData.fileUri` (either spelling) in a Gemini body's contents and system instruction."""
    system = body.get("systemInstruction") or body.get("system_instruction")
    for content in [system, *(body.get("contents") or ())]:
        if not isinstance(content, dict):
            continue
        for part in content.get("parts") or ():
            if not isinstance(part, dict):
                continue
            data = part.get("fileData") or part.get("file_data")
            if isinstance(data, dict):
                uri = data.get("fileUri") or data.get("file_uri")
                if isinstance(uri, str):
                    yield uri


def check_file_uris(body: Any, settings: InputSettings) -> None:
    """Refuse (403) a request naming a file outside the tenant's allow-list."""
    for uri in file_uris(body):
        if not settings.allows(uri):
            shown = uri if len(uri) <= 200 else uri[:200] + "..."
            raise PermissionDenied(
                f"fileData URI `{shown}` is not in this tenant's allowed buckets or URL prefixes (inputs)"
            )
