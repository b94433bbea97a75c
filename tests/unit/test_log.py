import io
import json
import logging
import random
import re

import orjson
import pytest

from shared.log import (
    FIELDS,
    Fields,
    JsonFormatter,
    LogContext,
    configure_logging,
    parse_trace,
    scrub,
    scrubbed_line,
    set_context,
)


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


# -- the request log scrubs every field that can carry a secret (issue #18 item 2) -----------------
_SECRETS = {
    "gatehouse": "ghk_" + "Zx9Qw3Er5Ty7Ui1Op2As4Df6",
    "github": "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
    "bare": "Qm8vZ2x1N3RhR0p5" + "dXB3eTZxWk1hT2Fy",  # high-entropy, 32 chars
    "google": "AIza" + "B" * 35,
}


def _request_entry() -> dict[str, object]:
    return {
        "httpRequest": {
            "requestMethod": "POST",
            "requestUrl": "/v1beta/models/gemini-2.5-flash:generateContent",
            "status": 200,
            "latency": "0.012000s",
            "userAgent": "python-httpx/0.28.1",
            "remoteIp": "127.0.0.1",
        },
        "dialect": "gemini",
        "timings_ms": {"auth": 0.4, "policy": 1.2, "upstream": 8.7, "total": 11.5},
        "model": "gemini-2.5-flash",
        "tokens": {"prompt": 62, "output": 40, "total": 102},
        "cost": {"usd": 0.000117, "price_version": "2026-11-01", "tier": "standard"},
        "cache": "miss",
    }


def _log_request(entry: dict[str, object], message: str = "request", **context: str) -> str:
    stream = io.StringIO()
    configure_logging("INFO", stream)
    set_context(LogContext(**context))  # type: ignore[arg-type]
    try:
        logging.getLogger("gatehouse.request").info(message, extra=entry)
    finally:
        set_context(LogContext())
    return stream.getvalue()


def _free_text_placements(secret: str) -> list[tuple[dict[str, object], str, dict[str, str]]]:
    """(extra fields, message, log context) with `secret` in one field each."""
    out: list[tuple[dict[str, object], str, dict[str, str]]] = []
    for field in ("requestUrl", "userAgent", "remoteIp", "requestMethod", "latency"):
        entry = _request_entry()
        entry["httpRequest"][field] = f"/x/{secret}/y" if field == "requestUrl" else secret  # type: ignore[index]
        out.append((entry, "request", {}))
    for field in ("dialect", "model", "cache", "stream", "tag", "served_model", "unknown_extra"):
        entry = _request_entry()
        entry[field] = f"x {secret}" if field == "tag" else secret
        out.append((entry, "request", {}))
    nested = _request_entry()
    nested["cost"]["tier"] = secret  # type: ignore[index]
    out.append((nested, "request", {}))
    listed = _request_entry()
    listed["route"] = {"tried": ["us-central1", secret], "attempts": 2}
    out.append((listed, "request", {}))
    as_key = _request_entry()
    as_key["tokens"] = {secret: 1, "total": 1}
    out.append((as_key, "request", {}))
    top_key = _request_entry()
    top_key[secret] = 7
    out.append((top_key, "request", {}))
    out.append((_request_entry(), f"request from {secret}", {}))
    out.append((_request_entry(), "request", {"tenant": secret}))
    out.append((_request_entry(), "request", {"request_id": secret}))
    out.append((_request_entry(), "request", {"trace": f"projects/p/traces/{secret}", "span_id": secret}))
    return out


def test_a_secret_in_any_free_text_field_of_the_request_log_is_masked() -> None:
    for name, secret in _SECRETS.items():
        for entry, message, context in _free_text_placements(secret):
            line = _log_request(entry, message, **context)
            json.loads(line)  # still one valid JSON object
            assert secret not in line, (name, line)
            assert secret[:-8] not in line, (name, line)


def test_an_assigned_secret_keeps_its_key_next_to_it() -> None:
    """`"password": "..."` is an assignment only with the key beside the value: still masked."""
    entry = _request_entry()
    entry["detail"] = {"password": "Hunter2Correct"}
    entry["db_password"] = "Hunter2Correct"
    line = _log_request(entry)
    assert "Hunter2Correct" not in line, line


def test_the_request_log_line_keeps_every_field() -> None:
    entry = _request_entry()
    line = _log_request(
        entry,
        request_id="0af7651916cd43dd8448eb211c80319c",
        trace="projects/p/traces/0af7651916cd43dd8448eb211c80319c",
        span_id="b7ad6b7169203331",
        tenant="acme",
    )
    record = json.loads(line)
    for key, value in entry.items():
        assert record[key] == value, key
    assert record["request_id"] == "0af7651916cd43dd8448eb211c80319c"
    assert record["logging.googleapis.com/trace"] == "projects/p/traces/0af7651916cd43dd8448eb211c80319c"
    assert record["logging.googleapis.com/spanId"] == "b7ad6b7169203331"
    assert (record["severity"], record["message"], record["tenant"]) == ("INFO", "request", "acme")
    assert "\n" not in line.strip()


def test_scrubbed_line_matches_the_whole_line_scrub_on_secrets() -> None:
    """Whatever the split, the secrets the whole-line scrub masks are masked."""
    entry = {"message": "m " + " ".join(_SECRETS.values()), "n": 1, "request_id": "ab" * 16}
    line = scrubbed_line(entry)
    assert json.loads(line)["n"] == 1
    assert all(secret not in line for secret in _SECRETS.values()), line
    assert all(secret not in scrub(orjson.dumps(entry).decode()) for secret in _SECRETS.values())


# -- round 4: counts and cost records set apart, the free-text part's scrub memoized --------------
def _whole_line_scrub(entry: dict[str, object]) -> dict[str, object]:
    """What scrubbing every field together (no field set apart, no memo) leaves, parsed."""
    text = orjson.dumps(entry, option=orjson.OPT_INDENT_2).decode().replace("\n", " ")
    return dict(json.loads(scrub(text)))


def _hit_entry(latency: str = "0.001234s", agent: str = "python-httpx/0.28.1") -> dict[str, object]:
    entry = _request_entry()
    entry["httpRequest"]["latency"] = latency  # type: ignore[index]
    entry["httpRequest"]["userAgent"] = agent  # type: ignore[index]
    entry["policy"] = {"EMAIL:redact": 2, "PROMPT_INJECTION:allow": 1, "output:GCP_PRIVATE_KEY:mask": 1}
    entry["ledger"] = {"day": "2026-11-30", "hit": True, "layer": "l1"}
    return entry


def test_the_memoized_line_equals_the_whole_line_scrub_and_keeps_its_own_latency() -> None:
    from shared import log

    pem = "-----BEGIN PRIVATE KEY-----abc-----END PRIVATE KEY-----"
    agents = ["python-httpx/0.28.1", f"ua {_SECRETS['bare']}", f"token={_SECRETS['bare']}", pem]
    for agent in agents:
        for latency in ("0.001234s", "0.987654s", "12.000001s", "0.000000s"):
            entry = _hit_entry(latency, agent)
            line = scrubbed_line(dict(entry))
            assert json.loads(line) == _whole_line_scrub(entry), line
            assert json.loads(line)["httpRequest"]["latency"] == latency
        assert _SECRETS["bare"] not in line
    memo = len(log._scrubbed)
    scrubbed_line(_hit_entry("3.141592s"))  # another latency: the same free text, from the memo
    assert len(log._scrubbed) == memo


def test_a_match_spanning_the_latency_is_scrubbed_with_the_real_latency() -> None:
    entry = _hit_entry("0.004321s")
    entry["httpRequest"]["requestUrl"] = "/x/-----BEGIN PRIVATE KEY-----"  # type: ignore[index]
    entry["httpRequest"]["userAgent"] = "-----END PRIVATE KEY-----"  # type: ignore[index]
    line = scrubbed_line(dict(entry))
    assert json.loads(line) == _whole_line_scrub(entry)
    assert "0.004321s" not in line  # inside the masked span, as the whole-line scrub has it


def test_counts_and_cost_records_are_set_apart_only_in_their_exact_shapes() -> None:
    entry = _hit_entry()
    line = scrubbed_line(dict(entry))
    record = json.loads(line)
    assert record["policy"] == entry["policy"]
    assert record["cost"] == entry["cost"]
    assert line.index('"policy"') > line.index('"userAgent"')  # in the set-apart tail
    for secret in _SECRETS.values():
        as_count = _hit_entry()
        as_count["policy"] = {secret: 1, "EMAIL:redact": 1}
        as_version = _hit_entry()
        as_version["cost"] = {"usd": 0.1, "price_version": secret}
        for leaky in (as_count, as_version):
            assert secret not in scrubbed_line(dict(leaky))


def _fields_of(entry: dict[str, object]) -> Fields:
    """`entry` as the gateway passes it: the request record as text, timings as numbers, the rest as found."""
    fields = Fields()
    for key, value in entry.items():
        if key == "httpRequest":
            fields.text(key, value)  # type: ignore[arg-type]
        elif key == "timings_ms":
            fields.numbers(key, value)  # type: ignore[arg-type]
        else:
            fields.add(key, value)
    return fields


def _both_lines(entry: dict[str, object], message: str, context: dict[str, str]) -> tuple[str, str]:
    """One record formatted with `entry` as `extra=` fields and with `entry` set apart as `Fields`."""
    logger = logging.getLogger("gatehouse.request")
    plain = logger.makeRecord(logger.name, logging.INFO, "", 0, message, (), None, extra=dict(entry))
    fields = logger.makeRecord(
        logger.name, logging.INFO, "", 0, message, (), None, extra={FIELDS: _fields_of(entry)}
    )
    fields.created, fields.msecs = plain.created, plain.msecs
    set_context(LogContext(**context))  # type: ignore[arg-type]
    try:
        return JsonFormatter().format(plain), JsonFormatter().format(fields)
    finally:
        set_context(LogContext())


def _ids(project: str) -> dict[str, str]:
    """A request's log context as a traced request has it."""
    return {
        "request_id": "0af7651916cd43dd8448eb211c80319c",
        "trace": f"projects/{project}/traces/0af7651916cd43dd8448eb211c80319c",
        "span_id": "b7ad6b7169203331",
        "tenant": "acme",
    }


def _l1_hit_fields() -> dict[str, object]:
    """An L1 hit's request-log fields, as the two byte-for-byte tests below log them."""
    return _request_entry() | {
        "cache_layer": "l1",
        "cache_saved": {"tokens": 317, "usd": 0.0006429000000000001},
        "ledger": {"day": "2026-11-30", "hit": True, "layer": "l1"},
        "policy": {"EMAIL:redact": 2, "output:GCP_PRIVATE_KEY:mask": 1},
        "cache": "hit",
    }


def test_fields_give_the_formatters_line_byte_for_byte() -> None:
    ids = _ids("p")
    hit = _l1_hit_fields() | {"stream": "complete"}
    cases = [
        (_request_entry(), "request", ids),
        (hit, "request", ids),
        (hit, "request", {"request_id": "Client-Id"}),
    ]
    cases += [(hit | {"timings_ms": {}, "dialect": "Open-AI"}, "request", {})]
    cases += _free_text_placements(_SECRETS["gatehouse"]) + _free_text_placements(_SECRETS["bare"])
    for entry, message, context in cases:
        plain, fields = _both_lines(entry, message, context)
        assert fields == plain
        assert _SECRETS["gatehouse"] not in fields
        assert _SECRETS["bare"] not in fields


def test_ids_and_days_are_set_apart_as_the_regexes_decide() -> None:
    """The request id's and span id's strip check and the remembered days (`_is_day`) give the line
    the formatter's regexes give (`_HEX` fullmatch, `_DAY` fullmatch, which takes non-ASCII digits),
    for ids and days of every shape around the edges: length 0-70, upper case, other digits."""
    rng = random.Random(18)
    alphabet = "0123456789abcdefABCDEFxyz-_ \u0663\u0967"
    ids = ["a" * 64, "a" * 65, "0", "0af7651916cd43dd", "0AF7", "\u0663" * 8]
    ids += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 70))) for _ in range(150)]
    ids += ["".join(rng.choice("0123456789abcdef") for _ in range(rng.randint(1, 70))) for _ in range(150)]
    days = [
        "2026-12-01",
        "2026-12-1",
        "\u0662\u0660\u0662\u0666-12-01",
        "2026-12-01x",
        "2026/12/01",
        "2026-12-0a",
    ]
    days += ["".join(rng.choice("0123456789-\u0663a") for _ in range(rng.randint(8, 12))) for _ in range(200)]
    for i, text in enumerate(ids):
        context = {"request_id": text, "span_id": ids[-1 - i], "trace": f"projects/p/traces/{text}"}
        plain, fields = _both_lines(_request_entry(), "request", context)
        assert fields == plain
    for day in days * 2:  # the second pass reads the remembered days
        entry = _request_entry() | {
            "ledger": {"day": day, "hit": True},
            "cost": {"usd": 0.0, "price_version": day},
        }
        plain, fields = _both_lines(entry, "request", {})
        assert fields == plain
        assert ('"ledger":' in fields.split('"severity"')[0]) == (
            re.fullmatch(r"\d{4}-\d\d-\d\d", day) is None
        )


def test_a_cacheable_miss_timings_are_set_apart_so_its_free_text_scrub_is_memoized() -> None:
    """The `cache_l2` span (every cacheable miss) is a plain key: the timings record is set apart,
    the line is still the whole-line scrub, and the next miss's free text comes from the memo."""
    from shared import log

    def miss(l2_ms: float) -> dict[str, object]:
        return _request_entry() | {"timings_ms": {"auth": 0.2, "cache": l2_ms + 0.1, "cache_l2": l2_ms}}

    fields = _fields_of(miss(17.25))
    assert "timings_ms" in fields.inert
    line = scrubbed_line(miss(17.25))
    assert json.loads(line) == _whole_line_scrub(miss(17.25))
    memo = len(log._scrubbed)
    scrubbed_line(miss(18.5))
    assert len(log._scrubbed) == memo
    for key in ("cache_l22", "cache_12", "a1b", "ghk_a1", "Cache_l2"):  # no digit runs, no upper case
        assert key not in _fields_of({"timings_ms": {key: 1.0}}).inert.get("timings_ms", {})


def test_fields_add_sets_apart_exactly_what_the_generic_check_does() -> None:
    """`Fields.add` answers the usual shapes in line; each value lands where `_inert` puts it,
    subclasses of str and int and nested records included (a str subclass of a day's shape is a day)."""
    import enum

    from shared import log

    class Day(str):
        pass

    class Tier(enum.IntEnum):
        ZERO = 0

    values: list[object] = [
        None,
        3,
        0.5,
        True,
        "temperature",
        "miss",
        "hit",
        "bypass",
        "gemini",
        "Open-AI",
        "x" * 20,
        Day("2026-11-30"),
        Day("ghk_abcdefgh"),
        Tier.ZERO,
        {"prompt": 69, "cached": 0, "total": 321},
        {"usd": 0.00065, "price_version": "2025-09-30", "tier": 0},
        {"usd": 0.1, "price_version": "2025-09-3x"},
        {"usd": 0.1, "price_version": Day("2025-09-30"), "tier": Tier.ZERO},
        {"day": "2026-11-30", "hit": False},
        {"target": "vertex:gemini-2.5-flash@us-central1", "attempts": 1},
        {"EMAIL:redact": 2, "output:GCP_PRIVATE_KEY:mask": 1},
        {"outer": {"inner": 1, "day": "2026-11-30"}},
        {"outer": {"inner": "text"}},
        {"list": [1, 2.0, None]},
        {"Bad-Key": 1},
        {"ghk_ab": 1},
        {},
        [1, 2],
        ["a"],
        (1, None),
    ]
    for key in ("tokens", "cost", "cache", "dialect", "stream", "plan", "Bad-Key", "ghk_x", "request_id"):
        for value in values:
            fields = log.Fields()
            fields.add(key, value)
            assert (key in fields.inert) is log._inert(key, value), (key, value)
            assert (key in fields.inert) is not (key in fields.rest)


# -- round 12: JWTs found beside the alternation, linear on `'eyJ' * n` -----------------------------
def test_scrub_patterns_equal_the_single_alternation_on_random_texts() -> None:
    """`_masked_patterns` replaces what the one alternation with the JWT pattern in it replaced."""
    from shared import log

    jwt = r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"
    alternatives = log._SCRUB.pattern.split("|")
    single = re.compile("|".join([*alternatives[:4], jwt, *alternatives[4:]]), re.S)
    rng = random.Random(12)
    chars = "abcXYZ019_-"

    def run(n: int) -> str:
        return "".join(rng.choice(chars) for _ in range(n))

    pieces = [
        lambda: "eyJ" + run(rng.randint(0, 12)),
        lambda: "eyJ" + run(8) + "." + run(8) + "." + run(6),
        lambda: rng.choice([".", " ", "=", "token: ", "\n"]),
        lambda: "ghk_" + run(10),
        lambda: "AKIA" + "".join(rng.choice("ABC123") for _ in range(16)),
        lambda: "Bearer " + run(12),
        lambda: "ya29." + run(10),
        lambda: "AIza" + run(35),
        lambda: "-----BEGIN RSA PRIVATE KEY-----" + run(20) + "-----END RSA PRIVATE KEY-----",
        lambda: run(rng.randint(1, 6)),
    ]
    masked = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces)() for _ in range(rng.randint(1, 10)))
        expected = single.sub("[REDACTED]", text)
        assert log._masked_patterns(text) == expected, text
        masked += expected != text
    assert masked > 3000  # the texts do hold credentials: the comparison is not between no-ops


def test_scrub_finds_a_jwt_after_a_run_of_failed_starts() -> None:
    """Skipping to the end of a failed run loses no JWT that starts after it."""
    from shared import log

    token = "eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl"
    text = "eyJ" * 2000 + " " + token + " tail"
    assert log._masked_patterns(text) == "eyJ" * 2000 + " [REDACTED] tail"
    assert token not in scrub("prefix-" + "eyJ-" * 500 + "=" + token)


# -- thirteenth session: the request log written without `logging`'s chain when only ours listens ----
def _line_both_ways(
    entry: dict[str, object], message: str, context: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str]:
    """One request-log line written by `log_fields` (the direct path: only our handler is configured)
    and by `logging`'s chain (the direct path refused), at the same instant."""
    from shared import log

    logger = logging.getLogger("gatehouse.request")
    monkeypatch.setattr(log.time, "time", lambda: 1764600000.1239)
    root = logging.getLogger()
    for handler in root.handlers:  # pytest's capture handlers: only ours is left
        if not getattr(handler, "_gatehouse", False):
            monkeypatch.setattr(root, "handlers", [h for h in root.handlers if h is not handler])
    lines = []
    for direct in (True, False):
        stream = io.StringIO()
        configure_logging("INFO", stream)
        if not direct:
            monkeypatch.setattr(log, "_sole_handler", lambda _logger: None)
        assert (log._sole_handler(logger) is not None) is direct
        set_context(LogContext(**context))  # type: ignore[arg-type]
        try:
            log.log_fields(logger, message, _fields_of(entry))
        finally:
            set_context(LogContext())
        lines.append(stream.getvalue())
    return lines[0], lines[1]


def test_the_direct_request_line_is_the_logging_chains_line_byte_for_byte(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = _ids("p-1")
    hit = _l1_hit_fields()
    error = _request_entry() | {"cache": "miss"}
    error["httpRequest"]["status"] = 429  # type: ignore[index]
    cases = [
        (_request_entry(), "request", ids),  # a miss
        (hit, "request", ids),
        (hit | {"stream": "complete"}, "request", ids),
        (_request_entry() | {"stream": "error:upstream"}, "request", {"request_id": "Client-Id-1"}),
        (error, "request", {"trace": "projects/P/traces/abc", "span_id": "XYZ"}),
        (hit | {"timings_ms": {}, "dialect": "Open-AI"}, "request", {}),
    ]
    cases += _free_text_placements(_SECRETS["gatehouse"]) + _free_text_placements(_SECRETS["bare"])
    for entry, message, context in cases:
        direct, chained = _line_both_ways(entry, message, context, monkeypatch)
        monkeypatch.undo()
        assert direct == chained
        assert direct.endswith("}\n")
        assert direct.count("\n") == 1
        assert json.loads(direct)["time"] == "2025-12-01T14:40:00.123Z"
        assert _SECRETS["gatehouse"] not in direct
        assert _SECRETS["bare"] not in direct


def test_the_direct_path_is_taken_only_when_our_handler_is_the_only_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another handler, a filter, a level, a record factory: `logging`'s chain, so what is configured
    sees the record; our handler's line is the same either way."""
    from shared import log

    logger = logging.getLogger("gatehouse.request")
    stream = io.StringIO()
    configure_logging("INFO", stream)
    root = logging.getLogger()
    ours = next(h for h in root.handlers if getattr(h, "_gatehouse", False))
    others = [h for h in root.handlers if h is not ours]  # e.g. pytest's own capture handlers
    for handler in others:
        root.removeHandler(handler)
    try:
        assert log._sole_handler(logger) is ours
        seen: list[logging.LogRecord] = []

        class Keep(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                seen.append(record)

        extra = Keep()
        root.addHandler(extra)
        assert log._sole_handler(logger) is None
        log.log_fields(logger, "request", _fields_of(_request_entry()))
        root.removeHandler(extra)
        assert len(seen) == 1
        assert seen[0].getMessage() == "request"
        assert isinstance(seen[0].__dict__[FIELDS], Fields)
        assert json.loads(stream.getvalue().splitlines()[-1])["model"] == "gemini-2.5-flash"

        def drop(record: logging.LogRecord) -> bool:
            return False

        for target in (logger, root, ours):
            target.addFilter(drop)
            assert log._sole_handler(logger) is None
            target.removeFilter(drop)
        logger.setLevel(logging.WARNING)
        assert log._sole_handler(logger) is None
        logger.setLevel(logging.NOTSET)
        ours.setLevel(logging.ERROR)
        assert log._sole_handler(logger) is None
        ours.setLevel(logging.NOTSET)
        factory = logging.getLogRecordFactory()
        logging.setLogRecordFactory(lambda *a, **k: factory(*a, **k))
        try:
            assert log._sole_handler(logger) is None
        finally:
            logging.setLogRecordFactory(factory)
        ours.setFormatter(logging.Formatter())
        assert log._sole_handler(logger) is None
        ours.setFormatter(JsonFormatter())
        assert log._sole_handler(logger) is ours
        before = len(stream.getvalue())
        log.log_fields(logger, "request", _fields_of(_request_entry()))
        assert len(stream.getvalue()) > before
    finally:
        for handler in others:
            root.addHandler(handler)


def test_a_field_that_cannot_be_written_goes_to_handle_error_on_both_paths(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A count orjson rejects (an upstream's `promptTokenCount: 1e20` read as an int) never raises into
    the request: `StreamHandler.emit` formats inside its `try`, and so does the direct path (end-of-round
    review: it formatted before its `try`, and the TypeError left `Gateway.handle`)."""
    from shared import log

    logger = logging.getLogger("gatehouse.request")
    root = logging.getLogger()
    for handler in root.handlers:  # pytest's capture handlers: only ours is left
        if not getattr(handler, "_gatehouse", False):
            monkeypatch.setattr(root, "handlers", [h for h in root.handlers if h is not handler])
    entry = _request_entry() | {"tokens": {"prompt": 10**20, "total": 10**20}}
    for direct in (True, False):
        stream = io.StringIO()
        configure_logging("INFO", stream)
        ours = next(h for h in root.handlers if getattr(h, "_gatehouse", False))
        failed: list[logging.LogRecord] = []
        monkeypatch.setattr(ours, "handleError", failed.append)
        if not direct:
            monkeypatch.setattr(log, "_sole_handler", lambda _logger: None)
        assert (log._sole_handler(logger) is not None) is direct
        log.log_fields(logger, "request", _fields_of(entry))  # returns: nothing raised
        assert len(failed) == 1
        assert failed[0].getMessage() == "request"
        assert stream.getvalue() == ""
