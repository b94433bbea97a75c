"""The dead-letter handler: a message Pub/Sub gave up on marks its job failed, with the reason."""

from __future__ import annotations

from shared.jobs.callbacks import CallbackSender
from shared.jobs.message import PubSubMessage
from shared.jobs.model import JobError, JobState, now
from shared.jobs.store import FirestoreJobStore
from shared.jobs.worker import deliver_callback
from shared.log import get_logger

__all__ = ["DeadLetterHandler"]

log = get_logger("gatehouse.jobs.deadletter")
_COUNT = "CloudPubSubDeadLetterSourceDeliveryCount"


class DeadLetterHandler:
    def __init__(self, store: FirestoreJobStore, callbacks: CallbackSender | None) -> None:
        self._store = store
        self._callbacks = callbacks

    async def handle(self, message: PubSubMessage) -> None:
        job_id = message.job_id()
        extra = {
            "job_id": job_id,
            "message_id": message.message_id,
            "deliveries": message.attributes.get(_COUNT),
        }
        if job_id is None:
            log.error("malformed dead-lettered message dropped", extra=extra)
            return
        job = await self._store.get(job_id)
        if job is None:
            log.warning("dead-lettered message for a missing job dropped", extra=extra)
            return
        if job.state.terminal:
            return
        if job.state == JobState.RUNNING and job.lease_expires_at and job.lease_expires_at > now():
            # A worker holds it: it finishes, or its lease expires and the sweeper republishes it.
            log.warning("dead-lettered message for a job that is running; left to its lease", extra=extra)
            return
        count = message.attributes.get(_COUNT, "several")
        last = f"; last error: {job.error.message}" if job.error else ""
        reason = JobError(code="dead_lettered", message=f"message delivery failed {count} times{last}")
        failed = await self._store.fail(job_id, reason)
        log.error("job dead-lettered", extra={**extra, "error": reason.message})
        if failed is not None:
            await deliver_callback(self._store, self._callbacks, failed)
