"""Finds jobs that no message will ever reach, and publishes them (again).

Stranded jobs: stored but never published (the publish failed after the store), running under a
lease that expired long ago (the worker died and its message was acked or dead-lettered), or
finished with a callback still pending (the worker died after finishing), or deferred by a rate
limit until a time that has now passed (the worker acked it without spending a delivery). Publishing is safe
because claims are idempotent: a duplicate message only ever finds the job busy or finished.

How it runs: Cloud Scheduler publishes `{kind: sweep}` to the jobs topic every minute, so the
generate function sweeps (docs/decisions/2026-11-25-async-jobs.md); locally the Eventarc shim
in dev/ publishes the same message on a timer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.errors import GatehouseError
from shared.jobs.model import now
from shared.jobs.publisher import Publisher
from shared.jobs.store import FirestoreJobStore
from shared.log import get_logger

__all__ = ["SweepReport", "Sweeper"]

log = get_logger("gatehouse.jobs.sweeper")


@dataclass(frozen=True, slots=True)
class SweepReport:
    found: int
    published: int
    failed: int


class Sweeper:
    def __init__(
        self,
        store: FirestoreJobStore,
        publisher: Publisher,
        *,
        grace_s: float,
        batch: int = 200,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self._store = store
        self._publisher = publisher
        self._grace = timedelta(seconds=grace_s)
        self._batch = batch
        self._clock = clock

    async def sweep(self) -> SweepReport:
        now = self._clock()
        jobs = await self._store.stranded(now - self._grace, self._batch, due=now)
        published = failed = 0
        for job in jobs:
            try:
                await self._publisher.publish(job.id, job.tenant)
                if not job.published:
                    await self._store.mark_published(job.id)
                published += 1
            except GatehouseError as error:
                failed += 1
                log.warning(
                    "sweeper could not republish a job", extra={"job_id": job.id, "error": error.message}
                )
        report = SweepReport(len(jobs), published, failed)
        # One line per tick, found or not: it shows the schedule is alive.
        log.info("sweep", extra={"found": report.found, "published": published, "failed": failed})
        return report
