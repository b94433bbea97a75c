"""The limits store's counter take sends exactly what the client library's
`set({"used": Increment(n), "expire_at": t}, merge=True)` sends (built as raw protobuf instead)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from google.cloud import firestore
from google.cloud.firestore_v1 import _helpers
from google.cloud.firestore_v1.types import firestore as firestore_types

from shared.limits.store import increment_request

DATABASE = "projects/demo/databases/(default)"
DOCUMENT = f"{DATABASE}/documents/limit_counters/t_acme__rpm__29933"


@pytest.mark.parametrize("expire_at", [1_796_032_527.0, 1_796_032_527.5, 1_796_032_527.123456, 86_400.25])
@pytest.mark.parametrize("units", [1, 4189, 3_000_000_000])
def test_the_take_request_is_the_client_librarys_set_merge(units: int, expire_at: float) -> None:
    data = {"used": firestore.Increment(units), "expire_at": datetime.fromtimestamp(expire_at, UTC)}
    writes = _helpers.pbs_for_set_with_merge(DOCUMENT, data, merge=True)
    expected = firestore_types.CommitRequest({"database": DATABASE, "writes": writes, "transaction": None})
    built = increment_request(DATABASE, DOCUMENT, units, expire_at)
    assert isinstance(built, firestore_types.CommitRequest)
    wire = firestore_types.CommitRequest.serialize
    assert wire(built) == wire(expected)
