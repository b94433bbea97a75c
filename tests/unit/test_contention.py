"""Contention is decided in one place (shared/firestore_cas.is_contention) and is never an outage:
the dependency guard lets `Contention` through as an answer (no breaker failure), and the job
store turns a contended transaction into `Contention` while other errors keep their meaning."""

from __future__ import annotations

from typing import Any

import pytest
from google.api_core import exceptions

from shared.errors import Contention, ServiceUnavailable
from shared.firestore_cas import Contended, is_contention
from shared.jobs.store import FirestoreJobStore
from shared.limits.store import StoreContended
from shared.resilience.guard import DependencyGuard


def _exhausted() -> ValueError:
    """What the client library raises when a transaction's every commit met ABORTED."""
    try:
        try:
            raise exceptions.Aborted("Transaction lock timeout")
        except exceptions.Aborted as last:
            raise ValueError("Failed to commit transaction in 10 attempts.") from last
    except ValueError as error:
        return error


@pytest.mark.parametrize(
    ("error", "contended"),
    [
        (exceptions.Aborted("conflict"), True),
        (Contended("doc: changed"), True),
        (_exhausted(), True),
        (ValueError("Cannot perform write operation in read-only transaction."), False),
        (exceptions.ServiceUnavailable("down"), False),
        (exceptions.DeadlineExceeded("slow"), False),
        (exceptions.FailedPrecondition("changed"), False),  # compare_and_set retries it itself
    ],
)
def test_one_classifier_decides_what_is_contention(error: BaseException, contended: bool) -> None:
    assert is_contention(error) is contended


def test_contention_is_a_retryable_503_and_the_limits_one_is_a_kind_of_it() -> None:
    error = StoreContended()
    assert isinstance(error, Contention)
    assert isinstance(error, ServiceUnavailable)
    assert error.status == 503
    assert error.response_headers()["Retry-After"] == "1"


async def fine() -> int:
    return 1


async def contended() -> int:
    raise Contention("store contention")


async def down() -> int:
    raise ServiceUnavailable("store unavailable")


async def test_the_guard_takes_contention_as_an_answer_not_a_failure() -> None:
    guard = DependencyGuard("store", timeout_s=1.0, failures_to_open=2, open_s=60.0)

    assert await guard.call(fine) == 1  # answered once: failures count from here
    for _ in range(5):
        with pytest.raises(Contention):
            await guard.call(contended)
    assert guard.state == "closed"
    assert await guard.call(fine) == 1
    # control: the same number of real failures opens it
    for _ in range(2):
        with pytest.raises(ServiceUnavailable):
            await guard.call(down)
    assert guard.state == "open"


async def test_a_contended_answer_resets_the_failure_streak() -> None:
    guard = DependencyGuard("store", timeout_s=1.0, failures_to_open=2, open_s=60.0)

    await guard.call(fine)
    with pytest.raises(ServiceUnavailable):
        await guard.call(down)
    with pytest.raises(Contention):
        await guard.call(contended)  # the store answered: the streak of failures ends
    with pytest.raises(ServiceUnavailable):
        await guard.call(down)
    assert guard.state == "closed"


class _Db:
    """Enough of a Firestore client for `FirestoreJobStore._txn`: the transaction's body raises."""

    def transaction(self, max_attempts: int = 1) -> Any:
        return object()


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (_exhausted(), Contention),
        (exceptions.Aborted("Transaction lock timeout"), Contention),
        (exceptions.ServiceUnavailable("down"), ServiceUnavailable),
    ],
)
async def test_the_job_store_maps_store_errors_through_the_classifier(
    monkeypatch: pytest.MonkeyPatch, raised: Exception, expected: type[Exception]
) -> None:
    from google.cloud import firestore

    def transactional(fn: Any) -> Any:
        async def run(transaction: Any) -> Any:
            raise raised

        return run

    monkeypatch.setattr(firestore, "async_transactional", transactional)
    store = FirestoreJobStore(_Db())

    async def body(txn: Any) -> None:
        return None

    with pytest.raises(expected) as caught:
        await store._txn(body)
    assert type(caught.value) is expected  # contention is not reported as an outage, nor the reverse


async def test_the_job_store_does_not_hide_a_bug_as_contention(monkeypatch: pytest.MonkeyPatch) -> None:
    from google.cloud import firestore

    def transactional(fn: Any) -> Any:
        async def run(transaction: Any) -> Any:
            raise ValueError("Cannot perform write operation in read-only transaction.")

        return run

    monkeypatch.setattr(firestore, "async_transactional", transactional)

    async def body(txn: Any) -> None:
        return None

    with pytest.raises(ValueError, match="read-only"):
        await FirestoreJobStore(_Db())._txn(body)
