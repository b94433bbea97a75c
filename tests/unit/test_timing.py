"""Server-Timing and the request log's timings: spans in milliseconds with three decimals."""

from __future__ import annotations

from shared.timing import Timings


def test_header_and_log_values_are_the_spans_to_the_microsecond() -> None:
    ticks = iter([10.0, 10.0, 10.0012344, 10.5, 10.5000006, 12.0, 12.0])  # seconds
    timings = Timings(clock=lambda: next(ticks))
    with timings.span("auth"):
        pass
    with timings.span("upstream"):
        pass
    timings.add("cache", 0.0996)
    assert (
        timings.header()
        == "auth;dur=1.234, upstream;dur=0.001, cache;dur=0.100, gateway;dur=1999.999, total;dur=2000.000"
    )
    us = timings.summary_us()
    assert us == {"auth": 1234, "upstream": 1, "cache": 100, "gateway": 1999999, "total": 2000000}
