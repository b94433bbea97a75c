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
    ticks = iter([12.0])
    assert timings.logged_ms() == {name: value / 1000.0 for name, value in us.items()}


def test_the_logged_record_is_the_microsecond_summary_in_milliseconds() -> None:
    """`logged_ms` in one pass equals the summary in whole microseconds divided by 1000, key order
    included, for spans named like the summary's own keys too."""
    import random

    rng = random.Random(18)
    for _ in range(2000):
        now = [rng.uniform(0, 1e5)]
        timings = Timings(clock=lambda now=now: now[0])  # type: ignore[misc]
        for name in rng.sample(
            ["auth", "policy", "upstream", "cache", "gateway", "total"], rng.randint(0, 6)
        ):
            timings.add(name, rng.choice([0.0, 0.0005, 0.0015, rng.uniform(0, 50), rng.uniform(0, 5e4)]))
        now[0] += rng.choice([0.0, rng.uniform(0, 0.1), rng.uniform(0, 100)])
        summary = timings.summary()  # the reference (the clock stands still): the record, then rounded
        rounded = {name: int(ms * 1000.0 + 0.5) for name, ms in summary.items()}
        assert list(timings.summary_us().items()) == list(rounded.items())
        expected = {name: us / 1000.0 for name, us in rounded.items()}
        assert list(timings.logged_ms().items()) == list(expected.items())
