import io
import json
import logging

from shared.log import LogContext, configure_logging, parse_trace, scrub, set_context


def test_trace_from_traceparent_and_cloud_header() -> None:
    tp = {"traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}
    assert parse_trace(tp, "p") == ("projects/p/traces/0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331")
    cloud = {"x-cloud-trace-context": "105445aa7843bc8bf206b12000100000/1;o=1"}
    assert parse_trace(cloud, "p") == ("projects/p/traces/105445aa7843bc8bf206b12000100000", "1")
    assert parse_trace({}, "p") == (None, None)


def test_scrub_masks_credentials() -> None:
    text = "key ghk_abcdefghijklmnop and AIza" + "B" * 35 + " and Authorization: Bearer sometoken123"
    cleaned = scrub(text)
    assert "ghk_abcdefghijklmnop" not in cleaned
    assert "AIza" not in cleaned
    assert "sometoken123" not in cleaned


def test_json_lines_carry_cloud_logging_fields_and_are_scrubbed() -> None:
    stream = io.StringIO()
    configure_logging("INFO", stream)
    set_context(LogContext(request_id="r1", trace="projects/p/traces/t1", span_id="s1", tenant="acme"))
    logging.getLogger("x").warning(
        "saw ghk_secretsecretsecret", extra={"detail": {"k": "ghk_another1234567"}}
    )
    set_context(LogContext())
    entry = json.loads(stream.getvalue().strip().splitlines()[-1])
    assert entry["severity"] == "WARNING"
    assert entry["logging.googleapis.com/trace"] == "projects/p/traces/t1"
    assert entry["logging.googleapis.com/spanId"] == "s1"
    assert entry["request_id"] == "r1"
    assert entry["tenant"] == "acme"
    assert "ghk_secret" not in stream.getvalue()
    assert "ghk_another" not in stream.getvalue()
