"""The Job record as stored in Firestore `jobs/{id}`, and its public view."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import ConfigDict, Field

from shared.deferred_model import DeferredModel
from shared.dialects import native
from shared.jobs.blobs import BlobRef

__all__ = ["CallbackState", "Job", "JobError", "JobState", "now"]

TERMINAL = frozenset({"done", "failed", "cancelled"})


def now() -> datetime:
    return datetime.now(UTC)


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def terminal(self) -> bool:
        return self.value in TERMINAL


class CallbackState(StrEnum):
    NONE = "none"  # no callback_url
    PENDING = "pending"  # the job finished; the callback is not delivered yet
    DELIVERED = "delivered"
    FAILED = "failed"  # gave up (refused URL, no signing secret, retries exhausted)


class JobError(DeferredModel):
    """Why a job failed: a stable code and a message that is safe to show the tenant."""

    model_config = ConfigDict(frozen=True)

    code: str
    message: str
    status: int | None = None


class Job(DeferredModel):
    """One async request. `request` is the Gemini body after the policy stage (redacted)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    tenant: str
    model: str
    state: JobState = JobState.QUEUED
    request: dict[str, Any] | None = None  # None when stored in chunks (request_ref)
    request_ref: BlobRef | None = None
    request_id: str = ""  # the submitting HTTP request, for log correlation
    idempotency_key: str | None = None
    callback_url: str | None = None
    callback_state: CallbackState = CallbackState.NONE
    callback_attempts: int = 0
    callback_error: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)
    finished_at: datetime | None = None
    published: bool = False
    attempts: int = 0  # claims so far (each claim is one run of the pipeline)
    not_before: datetime | None = (
        None  # deferred by a rate limit: not run before this (the sweeper republishes)
    )
    api_key_id: str | None = None  # the submitting key's hash, so per-key quotas apply when the job runs
    lease_owner: str | None = None
    lease_expires_at: datetime | None = None
    result: dict[str, Any] | None = None  # Gemini response; None when chunked (result_ref) or not done
    result_ref: BlobRef | None = None
    usage: native.Usage | None = None
    error: JobError | None = None

    def view(self, result: dict[str, Any] | None = None) -> dict[str, Any]:
        """The public JSON shape of `GET /v1/jobs/{id}` (result given when loaded from chunks)."""
        body = result if result is not None else self.result
        out: dict[str, Any] = {
            "id": self.id,
            "object": "job",
            "state": self.state.value,
            "model": self.model,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "attempts": self.attempts,
            "metadata": self.metadata,
            "usage": self.usage.model_dump() if self.usage is not None else None,
        }
        if self.state == JobState.DONE and body is not None:
            out["result"] = native.render_response(self.id, self.model, body)
        if self.error is not None:
            out["error"] = self.error.model_dump(exclude_none=True)
        if self.callback_url:
            out["callback"] = {
                "url": self.callback_url,
                "state": self.callback_state.value,
                "attempts": self.callback_attempts,
                "error": self.callback_error,
            }
        return out
